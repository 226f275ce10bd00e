#!/bin/sh
# SPDX-License-Identifier: MIT
# Golden tests of the lsaemu tool: for every tests/cli/NAME.cmd, runs it
# (a shell snippet in which `lsaemu` is the built tool, run from
# tests/cli so file names stay relative) and compares its stdout, stderr
# and exit status with tests/cli/NAME.out. Nothing is normalised: the
# policies the snippets use fix the time, and ids are deterministic.
#
# LSAEMU_REGEN=1 rewrites the goldens instead (review the diff!).
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
tool="$top_builddir/emulator/lsaemu"
[ -x "$tool" ] || { echo "SKIP: $tool not built"; exit 77; }
case "$tool" in /*) ;; *) tool="$(pwd)/$tool" ;; esac
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cli="$top_srcdir/tests/cli"
failures=0 count=0

for cmd in "$cli"/*.cmd; do
    name=$(basename "$cmd" .cmd)
    count=$((count + 1))
    (
        cd "$cli" || exit 99
        unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT
        lsaemu() { "$tool" "$@"; }
        TMP="$tmp" . "./$name.cmd"
    ) >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
    {
        cat "$tmp/stdout"
        echo "--- stderr"
        cat "$tmp/stderr"
        echo "--- exit $rc"
    } >"$tmp/actual"
    if [ "${LSAEMU_REGEN:-}" = 1 ]; then
        cp "$tmp/actual" "$cli/$name.out"
    elif ! cmp -s "$tmp/actual" "$cli/$name.out"; then
        echo "FAIL: $name"
        diff -u "$cli/$name.out" "$tmp/actual" | head -40
        failures=$((failures + 1))
    fi
done

[ "$failures" -eq 0 ] || { echo "$failures of $count CLI tests failed"; exit 1; }
echo "all $count CLI tests passed"
