#!/bin/sh
# SPDX-License-Identifier: MIT
#
# One version everywhere: AC_INIT's (the Makefile's VERSION) must be what
# the headers' LSAEMU_VERSION_MAJOR/MINOR/MICRO and LSAEMU_VERSION_STRING
# say, what lsaemu_version() returns at run time, what
# `pkg-config --modversion` answers for lsaemu and lsaemu-win32, and what
# the CMake version file (lib/cmake/lsaemu-config-version.cmake) reports;
# and that file must accept and refuse the versions its rules say (the
# same major version, and while it is 0 the same minor version; never a
# newer one). Exit 77 on a build without the shared library.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
[ -n "${CC:-}" ] || { echo "CC unset"; exit 77; }
lib=$top_builddir/lib/.libs/liblsaemu.so
[ -f "$lib" ] || { echo "no shared library at $lib (static-only or cross build)"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-version.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { echo "FAIL: $*"; failed=1; }

version=$(sed -n 's/^VERSION = //p' "$top_builddir/Makefile")
case $version in
[0-9]*.[0-9]*.[0-9]*) ;;
*) echo "no MAJOR.MINOR.MICRO VERSION in $top_builddir/Makefile: '$version'"; exit 99 ;;
esac
major=${version%%.*} rest=${version#*.}
minor=${rest%%.*} micro=${rest#*.}

cat >"$tmp/v.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <lsaemu.h>

#if !LSAEMU_CHECK_VERSION(LSAEMU_VERSION_MAJOR, LSAEMU_VERSION_MINOR, LSAEMU_VERSION_MICRO)
#error LSAEMU_CHECK_VERSION refuses the version of the headers
#endif
#if LSAEMU_CHECK_VERSION(LSAEMU_VERSION_MAJOR, LSAEMU_VERSION_MINOR, LSAEMU_VERSION_MICRO + 1)
#error LSAEMU_CHECK_VERSION accepts a newer micro version
#endif
#if LSAEMU_CHECK_VERSION(LSAEMU_VERSION_MAJOR, LSAEMU_VERSION_MINOR + 1, 0)
#error LSAEMU_CHECK_VERSION accepts a newer minor version
#endif
#if LSAEMU_CHECK_VERSION(LSAEMU_VERSION_MAJOR + 1, 0, 0)
#error LSAEMU_CHECK_VERSION accepts a newer major version
#endif
#if !LSAEMU_CHECK_VERSION(0, 0, 0)
#error LSAEMU_CHECK_VERSION refuses 0.0.0
#endif

int main(void)
{
    printf("%d %d %d %s %s\n", LSAEMU_VERSION_MAJOR, LSAEMU_VERSION_MINOR, LSAEMU_VERSION_MICRO,
           LSAEMU_VERSION_STRING, lsaemu_version());
    return strcmp(LSAEMU_VERSION_STRING, lsaemu_version()) != 0;
}
C
# shellcheck disable=SC2086
if $CC -std=c11 -Wall -Wextra -Werror -I"$top_srcdir/lib/include" -idirafter "$top_builddir/lib/include" \
    "$tmp/v.c" -o "$tmp/v" -L"$top_builddir/lib/.libs" -llsaemu 2>"$tmp/err"; then
    got=$(LD_LIBRARY_PATH="$top_builddir/lib/.libs" "$tmp/v")
    [ "$got" = "$major $minor $micro $version $version" ] ||
        fail "macros and lsaemu_version(): '$got', want '$major $minor $micro $version $version'"
else
    fail "the version program does not build:"; cat "$tmp/err"
fi

if command -v pkg-config >/dev/null 2>&1; then
    for m in lsaemu lsaemu-win32; do
        got=$(PKG_CONFIG_PATH="$top_builddir/lib" pkg-config --modversion "$m" 2>&1)
        [ "$got" = "$version" ] || fail "pkg-config --modversion $m: '$got', want '$version'"
    done
else
    echo "pkg-config missing: .pc versions not checked"
fi

if command -v cmake >/dev/null 2>&1; then
    vfile=$top_builddir/lib/cmake/lsaemu-config-version.cmake
    [ -f "$vfile" ] || fail "$vfile was not generated"
    # cmake_find VERSION [COUNT MAJOR MINOR]: what the version file says
    # to find_package(lsaemu VERSION).
    cmake_find() {
        want=$1
        fmaj=${want%%.*} frest=${want#"$fmaj"}
        frest=${frest#.}
        fmin=${frest%%.*}
        count=$(printf '%s' "$want" | awk -F. '{ print NF }')
        cat >"$tmp/find.cmake" <<CM
set(PACKAGE_FIND_VERSION "$want")
set(PACKAGE_FIND_VERSION_MAJOR "$fmaj")
set(PACKAGE_FIND_VERSION_MINOR "${fmin:-0}")
set(PACKAGE_FIND_VERSION_COUNT $count)
set(CMAKE_SIZEOF_VOID_P ${2:-})
include("$vfile")
message("\${PACKAGE_VERSION} compatible=\${PACKAGE_VERSION_COMPATIBLE} exact=\${PACKAGE_VERSION_EXACT} unsuitable=\${PACKAGE_VERSION_UNSUITABLE}")
CM
        cmake -P "$tmp/find.cmake" 2>&1
    }
    # expect VERSION WANTED-OUTPUT [SIZEOF_VOID_P]
    expect() {
        got=$(cmake_find "$1" "${3:-}")
        [ "$got" = "$2" ] || fail "find_package(lsaemu $1) ${3:+(pointer size $3) }: '$got', want '$2'"
    }
    expect "$version" "$version compatible=TRUE exact=TRUE unsuitable="
    expect "$major.$minor" "$version compatible=TRUE exact=$([ "$micro" = 0 ] && echo TRUE) unsuitable="
    expect "$major.$minor.$((micro + 1))" "$version compatible=FALSE exact= unsuitable="
    expect "$major.$((minor + 1))" "$version compatible=FALSE exact= unsuitable="
    expect "$((major + 1)).0" "$version compatible=FALSE exact= unsuitable="
    if [ "$major" = 0 ] && [ "$minor" -gt 0 ]; then
        expect "0.$((minor - 1))" "$version compatible=FALSE exact= unsuitable="
    elif [ "$major" -gt 0 ]; then
        expect "$major.0" "$version compatible=TRUE exact= unsuitable="
    fi
    # A program of the other pointer size is refused, the package named by its own.
    native=$(sed -n 's/^#define SIZEOF_VOID_P //p' "$top_builddir/config.h")
    other=$(( native == 8 ? 4 : 8 ))
    expect "$version" "$version ($((native * 8))-bit) compatible=TRUE exact=TRUE unsuitable=TRUE" "$other"
else
    echo "cmake missing: the CMake version file is not checked"
fi
[ $failed -eq 0 ] && echo "version $version agrees everywhere"
exit $failed
