#!/bin/sh
# SPDX-License-Identifier: MIT
# A fault's call: must name a function the fault can make fail
# (lib/core/state/faults.h): every Windows function of lib/liblsaemu.sym
# that calls api_enter() (it names itself there, as a string literal in
# lib/win32) is accepted by `lsaemu validate`, and every other one -- the
# helpers that never consult faults: -- is refused with "never fails". So
# the loader's list of never-failing helpers cannot drift from the code,
# whichever functions are added to the .sym. Misspellings and wrong case
# are refused too.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
tool="$top_builddir/emulator/lsaemu"
[ -x "$tool" ] || { echo "SKIP: $tool not built"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0 accepted=0 refused=0

names=$(sed -e 's/[[:space:]]//g' -e '/^$/d' -e '/^#/d' -e '/^lsaemu_/d' \
    "$top_srcdir/lib/liblsaemu.sym" | LC_ALL=C sort -u)
sources=$(find "$top_srcdir/lib/win32" -name '*.c')

policy() {
    printf 'lsaemu: 1\nfaults:\n  - call: %s\n    status: STATUS_ACCESS_DENIED\n' "$1" >"$tmp/p.yaml"
}

for n in $names; do
    policy "$n"
    "$tool" validate "$tmp/p.yaml" >/dev/null 2>"$tmp/err"
    rc=$?
    # shellcheck disable=SC2086
    if grep -q "\"$n\"" $sources; then
        if [ $rc -ne 0 ]; then
            echo "FAIL: $n calls api_enter() but a fault on it is refused:"; cat "$tmp/err"
            failures=$((failures + 1))
        fi
        accepted=$((accepted + 1))
    else
        if [ $rc -ne 1 ] || ! grep -q "'$n' in fault 1 never fails in lsaemu" "$tmp/err"; then
            echo "FAIL: $n never calls api_enter() but a fault on it is not refused as such:"
            cat "$tmp/err"
            failures=$((failures + 1))
        fi
        refused=$((refused + 1))
    fi
done

# expect NAME MESSAGE: a fault on NAME is refused with MESSAGE.
expect() {
    policy "$1"
    "$tool" validate "$tmp/p.yaml" >/dev/null 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 1 ] || [ "$(cat "$tmp/err")" != "$tmp/p.yaml:3:11: $2" ]; then
        echo "FAIL: call: $1 gives exit $rc:"; cat "$tmp/err"
        failures=$((failures + 1))
    fi
}
expect LsaLogonUsr "unknown function 'LsaLogonUsr' in fault 1 (did you mean 'LsaLogonUser'?)"
expect lsalogonuser "unknown function 'lsalogonuser' in fault 1 (did you mean 'LsaLogonUser'? function names are spelled with Windows' case)"
expect NetUserAdd "unknown function 'NetUserAdd' in fault 1: lsaemu emulates no function of that name, so the fault could never fire"
expect lsaemu_reset "unknown function 'lsaemu_reset' in fault 1: lsaemu emulates no function of that name, so the fault could never fire"

[ "$accepted" -gt 40 ] && [ "$refused" -gt 10 ] ||
    { echo "FAIL: only $accepted accepted and $refused refused names"; failures=$((failures + 1)); }
[ $failures -eq 0 ] || exit 1
echo "$accepted functions accept faults, $refused never fail; misspellings refused"
