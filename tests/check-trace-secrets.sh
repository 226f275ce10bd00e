#!/bin/sh
# SPDX-License-Identifier: MIT
# No secret is ever written by the diagnostics: logons with distinctive
# passwords (right and wrong, LogonUserW and LsaLogonUser, MSV1_0 and
# Kerberos) run under LSAEMU_TRACE (a file, then stderr) and LSAEMU_AUDIT,
# and neither the passwords nor their bytes in hex appear anywhere the
# library or the tool writes. The trace must still name the calls, the
# logon types and packages, and say <redacted>.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
tool="$top_builddir/emulator/lsaemu"
[ -x "$tool" ] || { echo "SKIP: $tool not built"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

right='Zebra-Quartz-7731!'
wrong='Okapi-Marmot-4402?'
cat >"$tmp/p.yaml" <<EOF2
lsaemu: 1
machine: { name: WS1, time: "2026-11-18T10:00:00Z" }
accounts:
  alice: { password: "$right", groups: [Users, Administrators] }
EOF2

run() {
    LSAEMU_TRACE="$tmp/trace" LSAEMU_AUDIT="$tmp/audit" "$tool" logon --policy "$tmp/p.yaml" \
        "$@" >>"$tmp/out" 2>>"$tmp/err"
    LSAEMU_TRACE=stderr "$tool" logon --policy "$tmp/p.yaml" "$@" >>"$tmp/out" 2>>"$tmp/err2"
}
for pw in "$right" "$wrong"; do
    for type in interactive network batch network-cleartext; do
        run --user alice --password "$pw" --type "$type"
        run --api lsa --user alice --password "$pw" --type "$type"
        run --api lsa --package kerberos --domain WS1 --user alice --password "$pw" --type "$type"
    done
done

[ -s "$tmp/trace" ] || fail "LSAEMU_TRACE=file wrote nothing"
[ -s "$tmp/err2" ] || fail "LSAEMU_TRACE=stderr wrote nothing"
[ -s "$tmp/audit" ] || fail "LSAEMU_AUDIT wrote nothing"
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
for pw in "$right" "$wrong"; do
    for f in trace err2 audit out err; do
        if grep -qF -- "$pw" "$tmp/$f"; then fail "password '$pw' appears in $f"; fi
        if tr -d ' \n' <"$tmp/$f" | grep -qi "$(hex "$pw")"; then fail "password '$pw' appears in hex in $f"; fi
    done
done
grep -q 'password <redacted>' "$tmp/trace" || fail "the trace does not say <redacted>"
grep -q 'LsaLogonUser(.*type 3 (Network), package [0-9]* (MICROSOFT_AUTHENTICATION_PACKAGE_V1_0)' \
    "$tmp/trace" || fail "LsaLogonUser trace lines do not name the type and package"
grep -q 'LogonUserW(' "$tmp/trace" || fail "no LogonUserW line in the trace"
grep -q 'STATUS_LOGON_FAILURE (0xC000006D): wrong password' "$tmp/trace" ||
    fail "the trace does not give the status and reason of a wrong password"

[ "$failures" -eq 0 ] || exit 1
echo "no secret in $(wc -l <"$tmp/trace") trace lines and $(wc -l <"$tmp/audit") audit records"
