#!/bin/sh
# SPDX-License-Identifier: MIT
#
# `make bench-wine` (BENCHMARKS.md): bench/wine_logon natively, then its
# Windows build from the cross build tests/check-wine-cross.sh made in
# _build-mingw/ under Wine, against the same policy, one after the other.
#   sh bench/wine-bench.sh [N]     (N cycles of each kind, default 20000)
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
n=${1:-20000}
policy=$top_srcdir/bench/wine-logon.yaml
echo "native (lsaemu-win32), $n cycles each:"
LSAEMU_POLICY=$policy "$top_builddir/bench/wine_logon" "$n" | sed 's/^/  /'
cross=$top_builddir/_build-mingw/build
if [ ! -f "$cross/Makefile" ] || ! command -v "${WINE:-wine}" >/dev/null 2>&1; then
    echo "under Wine: no cross build in $cross (make check runs tests/check-wine-cross.sh) or no wine"
    exit 0
fi
make -s -C "$cross" bench/wine_logon.exe >/dev/null || exit 1
. "$top_srcdir/tests/wine-env.sh"
wine_prefix_ready || exit 1
exe=$cross/bench/.libs/wine_logon.exe
[ -f "$exe" ] || exe=$cross/bench/wine_logon.exe
echo "under Wine ($("$WINE" --version 2>/dev/null)), $n cycles each:"
WINEPATH=$cross/lib/.libs LSAEMU_POLICY=$policy "$WINE" "$exe" "$n" 2>/dev/null | tr -d '\r' |
    sed 's/^/  /'
