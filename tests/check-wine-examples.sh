#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The examples' Windows side: C++ with std::wstring, the CMake toolchain
# file, and the CI recipe's Wine job.
#
# 1. With the mingw-w64 cross compilers (Debian: g++-mingw-w64-x86-64):
#    examples/cxx_logon.cpp builds as a Windows program against the SDK
#    (-Wall -Wextra -Werror, C++11 and C++17: the std::wstring branch) and
#    examples/ci/auth_test.c as C11.
# 2. With lsaemu's mingw-w64 build -- this tree when it was configured with
#    --host=x86_64-w64-mingw32 (its lib/.libs/liblsaemu-*.dll), or an
#    installed one in LSAEMU_MINGW_PREFIX -- and wine: cxx_logon.exe linked
#    with lsaemu's DLL runs under Wine with examples/cxx-logon.yaml and
#    prints examples/cxx_logon.expected, as the native build does;
#    examples/cmake builds with examples/cmake/toolchain-mingw64.cmake
#    (when cmake is there) and ctest runs its tests under Wine; and
#    `lsaemu-ci.sh wine` passes.
#
# Exit 77 when part 2 cannot run (no mingw-w64 build of lsaemu, no wine):
# part 1 passing alone proves only that the sources are Windows code.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
MINGW_CXX=${MINGW_CXX:-x86_64-w64-mingw32-g++}
WINE=${WINE:-wine}
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT LSAEMU_LEAKS
if ! command -v "$MINGW_CXX" >/dev/null 2>&1 || ! command -v "$MINGW_CC" >/dev/null 2>&1; then
    echo "check-wine-examples: $MINGW_CC or $MINGW_CXX not found; skipping"
    exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-wine-examples.XXXXXX") || exit 99
wineprefix=""
cleanup() {
    if [ -n "$wineprefix" ]; then
        WINEPREFIX=$wineprefix wineserver -k 2>/dev/null
        rm -rf "$wineprefix"
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# 1. The sources are Windows code.
for std in c++11 c++17; do
    "$MINGW_CXX" -std=$std -Wall -Wextra -Werror "$top_srcdir/examples/cxx_logon.cpp" \
        -o "$tmp/cxx_logon-sdk.exe" -ladvapi32 -static-libgcc -static-libstdc++ 2>"$tmp/err" ||
        { fail "cxx_logon.cpp does not build for Windows as $std:"; cat "$tmp/err"; }
done
"$MINGW_CC" -std=c11 -Wall -Wextra -Werror "$top_srcdir/examples/ci/auth_test.c" \
    -o "$tmp/auth_test-sdk.exe" -ladvapi32 2>"$tmp/err" ||
    { fail "auth_test.c does not build for Windows:"; cat "$tmp/err"; }
[ $failed -eq 0 ] && echo "ok: cxx_logon.cpp (std::wstring) and auth_test.c build for Windows"

# 2. lsaemu's mingw-w64 build, from this tree or installed.
prefix=${LSAEMU_MINGW_PREFIX:-}
if [ -z "$prefix" ] && ls "$top_builddir"/lib/.libs/liblsaemu-*.dll >/dev/null 2>&1; then
    make -C "$top_builddir" install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 || {
        cat "$tmp/install.log"; exit 1; }
    prefix=$tmp/root$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")
fi
if [ -z "$prefix" ]; then
    echo "check-wine-examples: no mingw-w64 build of lsaemu (configure --host=x86_64-w64-mingw32, or LSAEMU_MINGW_PREFIX); skipping the Wine runs"
    [ $failed -eq 0 ] && exit 77
    exit 1
fi
if ! command -v "$WINE" >/dev/null 2>&1; then
    echo "check-wine-examples: $WINE not found; skipping the Wine runs"
    [ $failed -eq 0 ] && exit 77
    exit 1
fi
pcdir=$(dirname "$(find "$prefix" -name lsaemu.pc -path '*/pkgconfig/*' | head -1)")
dll=$(find "$prefix" -name 'liblsaemu-*.dll' | head -1)
[ -f "$pcdir/lsaemu.pc" ] && [ -n "$dll" ] || { echo "no lsaemu.pc or DLL under $prefix"; exit 1; }

wineprefix=$tmp/wineprefix
export WINEPREFIX=$wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
export WINEPATH="$(dirname "$dll")"

# cxx_logon.exe: lsaemu before Secur32 and Advapi32.
# shellcheck disable=SC2046
if "$MINGW_CXX" -std=c++11 -Wall -Wextra -Werror $(PKG_CONFIG_LIBDIR=$pcdir pkg-config --cflags lsaemu) \
    "$top_srcdir/examples/cxx_logon.cpp" -o "$tmp/cxx_logon.exe" \
    $(PKG_CONFIG_LIBDIR=$pcdir pkg-config --libs lsaemu) -lsecur32 -ladvapi32 \
    -static-libgcc -static-libstdc++ 2>"$tmp/err"; then
    for args in "alice Alice-Pw1" "bob Bob-Pw1" "alice wrong"; do
        printf '== %s\n' "$args"
        # shellcheck disable=SC2086
        LSAEMU_POLICY="$top_srcdir/examples/cxx-logon.yaml" "$WINE" "$tmp/cxx_logon.exe" $args \
            >"$tmp/one.out" 2>"$tmp/wine.err"
        rc=$?
        tr -d '\r' <"$tmp/one.out"   # the C runtime writes CRLF
        echo "exit $rc"
    done >"$tmp/cxx.out"
    if diff -u "$top_srcdir/examples/cxx_logon.expected" "$tmp/cxx.out"; then
        echo "ok: cxx_logon.exe under Wine (std::wstring)"
    else
        fail "cxx_logon.exe under Wine"; cat "$tmp/wine.err"
    fi
else
    fail "cxx_logon.cpp does not build against lsaemu's DLL:"; cat "$tmp/err"
fi

if command -v cmake >/dev/null 2>&1; then
    if cmake -S "$top_srcdir/examples/cmake" -B "$tmp/cmake" \
        -DCMAKE_TOOLCHAIN_FILE="$top_srcdir/examples/cmake/toolchain-mingw64.cmake" \
        -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/cmake.log" 2>&1 &&
        cmake --build "$tmp/cmake" >>"$tmp/cmake.log" 2>&1 &&
        (cd "$tmp/cmake" && ctest --output-on-failure) >>"$tmp/cmake.log" 2>&1; then
        echo "ok: examples/cmake with toolchain-mingw64.cmake, ctest under Wine"
    else
        fail "examples/cmake with the mingw-w64 toolchain:"; tail -40 "$tmp/cmake.log"
    fi
fi

LSAEMU_MINGW_PREFIX=$prefix LSAEMU_CI_OUT=$tmp/ci MINGW_CC=$MINGW_CC WINE=$WINE \
    sh "$top_srcdir/examples/ci/lsaemu-ci.sh" wine >"$tmp/ci.log" 2>&1
rc=$?
[ $rc -eq 0 ] && echo "ok: lsaemu-ci.sh wine" || { fail "lsaemu-ci.sh wine exited $rc:"; cat "$tmp/ci.log"; }
exit $failed
