#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The CMake package as users meet it: `make install` into a scratch root,
# then the examples' CMake project as installed ($(docdir)/examples/cmake)
# is configured with nothing but CMAKE_PREFIX_PATH, built (C with
# lsaemu::lsaemu, Windows C with lsaemu::win32, C++) and its tests run with
# ctest. The installed package file refers to everything relative to
# itself, which is what lets it work from the DESTDIR staging root. Then
# the same with only the static archive installed (configure
# --disable-shared): the demo must still link and answer. Exit 77 when
# cmake or a C++ compiler is missing, or on a cross build.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
command -v cmake >/dev/null 2>&1 || { echo "cmake missing (.ci/setup installs it)"; exit 77; }
[ -n "${CC:-}" ] && [ -n "${CXX:-}" ] || { echo "CC or CXX unset"; exit 77; }
[ -f "$top_builddir/lib/.libs/liblsaemu.so" ] || { echo "no native shared library (cross build?)"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-cmake.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT LSAEMU_LEAKS

make -C "$top_builddir" install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"; exit 1; }
config=$(find "$tmp/root" -name lsaemu-config.cmake | head -1)
[ -n "$config" ] || { echo "lsaemu-config.cmake was not installed"; exit 1; }
[ -f "$(dirname "$config")/lsaemu-config-version.cmake" ] || {
    echo "lsaemu-config-version.cmake was not installed"; exit 1; }
project=$(find "$tmp/root" -path '*/examples/cmake/CMakeLists.txt' | head -1)
[ -n "$project" ] || { echo "examples/cmake was not installed under the docdir"; exit 1; }
prefix=$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")
policies=$(dirname "$(find "$tmp/root" -path '*/lsaemu/policies/workstation.yaml' | head -1)")

# $CC and $CXX may carry flags (the sanitizers'): CMake gets the compiler
# and the flags apart, for compiling and for linking.
set -- $CC
cc=$1; shift; cflags="$*"
set -- $CXX
cxx=$1; shift; cxxflags="$*"

# build NAME: configure, build and test the installed project in $tmp/NAME.
build() {
    cmake -S "$(dirname "$project")" -B "$tmp/$1" -DCMAKE_PREFIX_PATH="$tmp/root$prefix" \
        -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_C_FLAGS="$cflags" -DCMAKE_CXX_FLAGS="$cxxflags" \
        -DCMAKE_EXE_LINKER_FLAGS="$cflags" -DCMAKE_BUILD_TYPE=Debug \
        >"$tmp/$1.configure.log" 2>&1 || { cat "$tmp/$1.configure.log"; return 1; }
    grep -q "lsaemu $(sed -n 's/^VERSION = //p' "$top_builddir/Makefile"), stock policies in $policies\$" \
        "$tmp/$1.configure.log" || {
        echo "find_package(lsaemu) gave another version or policies directory:"
        grep 'lsaemu' "$tmp/$1.configure.log"
        return 1
    }
    cmake --build "$tmp/$1" ${2:+--target "$2"} >"$tmp/$1.build.log" 2>&1 || {
        cat "$tmp/$1.build.log"; return 1; }
    (cd "$tmp/$1" && ctest --output-on-failure ${2:+-R "^$2\$"}) >"$tmp/$1.test.log" 2>&1 || {
        cat "$tmp/$1.test.log"; return 1; }
    echo "ok: $1: $(grep 'tests passed' "$tmp/$1.test.log")"
}

build shared || exit 1
# The programs use the installed shared library, found through the
# imported target (CMake's build RPATH), not the build tree's.
ldd "$tmp/shared/demo" 2>/dev/null | grep -q "$tmp/root.*liblsaemu.so" || {
    echo "demo does not use the installed liblsaemu.so:"; ldd "$tmp/shared/demo"; exit 1; }
# lsaemu::win32 carries -fshort-wchar -DLSAEMU_WIN32=1; lsaemu::lsaemu does not.
grep -q -- '-fshort-wchar' "$tmp/shared/CMakeFiles/cred_check.dir/flags.make" &&
    grep -q 'LSAEMU_WIN32=1' "$tmp/shared/CMakeFiles/cred_check.dir/flags.make" || {
    echo "lsaemu::win32 did not add -fshort-wchar -DLSAEMU_WIN32=1"; exit 1; }
! grep -q -- '-fshort-wchar' "$tmp/shared/CMakeFiles/demo.dir/flags.make" || {
    echo "lsaemu::lsaemu added -fshort-wchar"; exit 1; }

# Only the static archive: the imported target becomes STATIC and pulls in
# the library's initialisation, or LSAEMU_POLICY would not reach the calls.
libdir=$(dirname "$config")/../..
if [ -f "$libdir/liblsaemu.a" ]; then
    rm -f "$libdir"/liblsaemu.so*
    build static demo || exit 1
    ldd "$tmp/static/demo" 2>/dev/null | grep -q liblsaemu && {
        echo "the static demo still needs liblsaemu.so"; exit 1; }
fi
exit 0
