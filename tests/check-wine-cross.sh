#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The Windows DLL, from the native `make check` (README "Windows binaries
# under Wine"): builds lsaemu with `configure --host=x86_64-w64-mingw32` in
# $top_builddir/_build-mingw (from a copy of the distribution's files, kept
# and updated file by file, so a second run rebuilds only what changed),
# runs that build's `make check` (tests/check-wine.sh: the conformance
# program, the examples against the native golden files and the interop
# checks, under Wine), installs it, and builds and runs an example the way
# the README tells users to:
#   x86_64-w64-mingw32-gcc prog.c $(pkg-config --cflags --libs lsaemu) -lsecur32 -ladvapi32
#   WINEPATH=PREFIX/bin LSAEMU_POLICY=policy.yaml wine prog.exe
# It also checks that the DLL imports nothing but KERNEL32 and msvcrt.
#
# Exit 77 (skipped) when the cross compiler, Wine or the cross-built libyaml
# (tools/mingw-deps.sh, run by .ci/setup) is missing, under distcheck's
# read-only source tree (the main `make check` did it), or with
# LSAEMU_WINE_CROSS=no (.ci/check's sanitizer and valgrind passes).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
host=x86_64-w64-mingw32
deps=${LSAEMU_MINGW_DEPS:-${XDG_CACHE_HOME:-$HOME/.cache}/lsaemu/mingw-w64}
skip() { echo "check-wine-cross: $*; skipping"; exit 77; }
[ "${LSAEMU_WINE_CROSS:-}" != no ] || skip "LSAEMU_WINE_CROSS=no"
command -v $host-gcc >/dev/null 2>&1 || skip "$host-gcc not found (apt-get install gcc-mingw-w64-x86-64)"
command -v "${WINE:-wine}" >/dev/null 2>&1 || skip "wine not found (apt-get install wine wine64)"
[ -f "$deps/lib/pkgconfig/yaml-0.1.pc" ] || skip "no libyaml for $host in $deps (sh tools/mingw-deps.sh)"
[ -w "$top_srcdir" ] || skip "read-only source tree (distcheck)"
command -v pkg-config >/dev/null 2>&1 || skip "pkg-config missing"
top_builddir=$(cd "$top_builddir" && pwd)
b=$top_builddir/_build-mingw
# The makes below are not sub-makes of the one running this test: a TESTS=
# or other variable given on its command line must not reach them. The
# cross build's own tests never run this script again.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
LSAEMU_WINE_CROSS=no
export LSAEMU_WINE_CROSS
mkdir -p "$b/build" || exit 99
t0=$(date +%s)

# The sources: the distribution's files, copied where they changed.
rm -rf "$b/dist.new"
make -s -C "$top_builddir" distdir distdir="$b/dist.new" >"$b/distdir.log" 2>&1 || {
    cat "$b/distdir.log"; exit 1; }
(cd "$b/dist.new" && find . -type f) | while read -r f; do
    cmp -s "$b/dist.new/$f" "$b/src/$f" 2>/dev/null && continue
    mkdir -p "$b/src/$(dirname "$f")" && cp -p "$b/dist.new/$f" "$b/src/$f" || exit 1
done || exit 1
rm -rf "$b/dist.new"

cd "$b/build" || exit 99
# make check exports the native compiler (CC, CXX): the cross build takes
# its own from --host.
unset CC CXX CFLAGS CXXFLAGS CPPFLAGS LDFLAGS LIBS
grep -q "^CC = $host-gcc" Makefile 2>/dev/null || rm -rf "$b/build"/* "$b/inst"
if [ ! -f Makefile ]; then
    PKG_CONFIG_LIBDIR=$deps/lib/pkgconfig ../src/configure -q --host=$host --disable-static \
        --prefix="$b/inst" >configure.log 2>&1 || { cat configure.log; exit 1; }
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -s -j"$jobs" >build.log 2>&1 || { tail -50 build.log; exit 1; }
t1=$(date +%s)
echo "cross build: $((t1 - t0)) s"
make -s -j"$jobs" check >check.log 2>&1
rc=$?
cat tests/check-wine.log 2>/dev/null || cat check.log
[ $rc -eq 0 ] || exit 1
t2=$(date +%s)

failed=0
rm -rf "$b/inst"
make -s install >install.log 2>&1 || { cat install.log; exit 1; }
for f in bin/liblsaemu-0.dll lib/liblsaemu.dll.a lib/pkgconfig/lsaemu.pc include/lsaemu/lsaemu.h \
         include/lsaemu/NTSecAPI.h; do
    [ -f "$b/inst/$f" ] && echo "ok: installed $f" || { echo "FAIL: $f not installed"; failed=1; }
done
imports=$($host-objdump -p "$b/inst/bin/liblsaemu-0.dll" | sed -n 's/^[[:space:]]*DLL Name: //p' |
    tr '\n' ' ')
if [ "$imports" = "KERNEL32.dll msvcrt.dll " ]; then
    echo "ok: the DLL imports $imports"
else
    echo "FAIL: the DLL imports $imports(want KERNEL32.dll msvcrt.dll only)"
    failed=1
fi

# A user's unchanged program, the README's commands.
. "$top_srcdir/tests/wine-env.sh"
PKG_CONFIG_LIBDIR=$b/inst/lib/pkgconfig
export PKG_CONFIG_LIBDIR
flags=$(pkg-config --cflags --libs lsaemu) || { echo "FAIL: pkg-config lsaemu"; exit 1; }
if $host-gcc -Wall -Werror "$top_srcdir/examples/cred_check.c" -o "$b/cred_check.exe" $flags \
        -lsecur32 -ladvapi32 2>"$b/user.err"; then
    out=$(WINEPATH=$b/inst/bin LSAEMU_POLICY=$top_srcdir/examples/cred-check.yaml \
        "$WINE" "$b/cred_check.exe" alice Alice-Pw1 2>&1 | tr -d '\r')
    if printf '%s\n' "$out" | grep -q "alice"; then
        echo "ok: cred_check built with pkg-config and run from the installed DLL"
    else
        printf 'FAIL: cred_check from the installed DLL:\n%s\n' "$out"
        failed=1
    fi
else
    echo "FAIL: cred_check does not build with pkg-config lsaemu:"
    cat "$b/user.err"
    failed=1
fi
# The same for C++ (std::wstring), with the C++ runtime linked in.
if command -v $host-g++ >/dev/null 2>&1; then
    if $host-g++ -Wall -Werror "$top_srcdir/tests/win32/cpp_client.cpp" -o "$b/cpp_client.exe" \
            -static-libgcc -static-libstdc++ $flags -lsecur32 -ladvapi32 2>"$b/user.err"; then
        out=$(WINEPATH=$b/inst/bin LSAEMU_POLICY=$top_srcdir/examples/cred-check.yaml \
            "$WINE" "$b/cpp_client.exe" 2>&1 | tr -d '\r')
        if [ "$out" = "cpp_client: impersonated alice" ]; then
            echo "ok: C++ program built with pkg-config and run from the installed DLL"
        else
            printf 'FAIL: cpp_client:\n%s\n' "$out"
            failed=1
        fi
    else
        echo "FAIL: tests/win32/cpp_client.cpp does not build:"
        cat "$b/user.err"
        failed=1
    fi
else
    echo "skip: $host-g++ not found (apt-get install g++-mingw-w64-x86-64)"
fi
# The examples' Windows side (issue 16: C++ std::wstring example, the CMake
# toolchain file, the CI recipe's Wine job) against this installed DLL. It
# runs here rather than as its own test because this test owns $b/inst.
LSAEMU_MINGW_PREFIX=$b/inst sh "$top_srcdir/tests/check-wine-examples.sh"
case $? in
0) echo "ok: tests/check-wine-examples.sh against the installed DLL" ;;
77) echo "skip: tests/check-wine-examples.sh (see above)" ;;
*) echo "FAIL: tests/check-wine-examples.sh against the installed DLL"; failed=1 ;;
esac
echo "wine checks: $((t2 - t1)) s; total $(($(date +%s) - t0)) s"
exit $failed
