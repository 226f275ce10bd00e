#!/bin/sh
# SPDX-License-Identifier: MIT
# The policy a process starts with reaches the core only through the
# library's initialisation (lib/control/control.h), which a program making
# Windows calls only never references. The same client, linked against the
# shared library and against the internal archive as the tests are, must
# see LSAEMU_POLICY's machine (and the default one without it); linked
# against the archive without the initialisation, it must fail loudly
# instead of running silently on the default policy.
set -u
dir="$top_builddir/tests/startup"
for p in startup_shared startup_static startup_noinit; do
    [ -x "$dir/$p" ] || { echo "no $dir/$p"; exit 99; }
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0
policy="$top_srcdir/tests/policies/p0.yaml"

printf 'computer WS1\nlogon alice: ok\n' >"$tmp/p0.expected"
printf 'computer WORKSTATION\nlogon alice: error 1326\n' >"$tmp/default.expected"
for p in startup_shared startup_static; do
    LSAEMU_POLICY="$policy" "$dir/$p" >"$tmp/out" 2>"$tmp/err" || {
        echo "FAIL: $p exited $?"; status=1; }
    if ! diff -u "$tmp/p0.expected" "$tmp/out" || [ -s "$tmp/err" ]; then
        echo "FAIL: $p with LSAEMU_POLICY=p0.yaml"; cat "$tmp/err"; status=1
    fi
    "$dir/$p" >"$tmp/out" 2>"$tmp/err" || { echo "FAIL: $p exited $?"; status=1; }
    if ! diff -u "$tmp/default.expected" "$tmp/out" || [ -s "$tmp/err" ]; then
        echo "FAIL: $p with the default policy"; cat "$tmp/err"; status=1
    fi
done

# Without the initialisation: every call fails with STATUS_INTERNAL_DB_ERROR
# (ERROR_INTERNAL_DB_ERROR, 1383), and stderr says why.
printf 'computer error 1383\nlogon alice: error 1383\n' >"$tmp/noinit.expected"
LSAEMU_POLICY="$policy" "$dir/startup_noinit" >"$tmp/out" 2>"$tmp/err" || {
    echo "FAIL: startup_noinit exited $?"; status=1; }
if ! diff -u "$tmp/noinit.expected" "$tmp/out" ||
    ! grep -q 'no policy source is linked in' "$tmp/err"; then
    echo "FAIL: startup_noinit"; cat "$tmp/err"; status=1
fi
[ $status -eq 0 ] && echo "the startup policy reaches Windows-only programs linked both ways"
exit $status
