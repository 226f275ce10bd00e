#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The LogonUser case table (tests/cases/logon_user_rows.h) run by the plain
# Windows program tests/win32/logon_cases (no Check, no fork): natively from
# the native `make check`, and under Wine from the Windows DLL's
# `make check` (tests/check-wine.sh sets LSAEMU_CASES_WINE to Wine and
# LSAEMU_CASES_EXE to the .exe). Either way the output must be exactly
# "ok ID" for every row of the table, in its order, then
# "logon_cases: N rows, 0 failed": the same lines on both platforms.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT LSAEMU_LEAKS
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-logon-cases.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

table=$top_srcdir/tests/cases/logon_user_rows.h
tests_dir=$(cd "$top_srcdir/tests" && pwd)
# The expected lines, from the table itself: one per row.
sed -n 's/^    {"\([^"]*\)".*/ok \1/p' "$table" >"$tmp/want"
n=$(wc -l <"$tmp/want")
[ "$n" -gt 0 ] || { echo "FAIL: no rows found in $table"; exit 1; }
echo "logon_cases: $n rows, 0 failed" >>"$tmp/want"

if [ -n "${LSAEMU_CASES_WINE:-}" ]; then
    where="under Wine"
    "$LSAEMU_CASES_WINE" "$LSAEMU_CASES_EXE" "$tests_dir" >"$tmp/got.raw" 2>&1
else
    where=natively
    exe=$top_builddir/tests/win32/logon_cases
    [ -x "$exe" ] || { echo "FAIL: $exe was not built"; exit 1; }
    "$exe" "$tests_dir" >"$tmp/got.raw" 2>&1
fi
rc=$?
tr -d '\r' <"$tmp/got.raw" >"$tmp/got"
if [ $rc -eq 0 ] && diff -u "$tmp/want" "$tmp/got"; then
    echo "ok: logon_cases $where: $n rows of $(basename "$table"), the same lines as the table"
    exit 0
fi
echo "FAIL: logon_cases $where (exit $rc):"
cat "$tmp/got"
exit 1
