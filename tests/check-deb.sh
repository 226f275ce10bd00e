#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The Debian packages `make deb` built (DIR holds the .debs): each holds
# what it should (the shared library alone; the headers, static library,
# .pc files, CMake package, lsaemu(3) and the examples; the tool, its man
# pages and the policies), liblsaemu-dev depends on exactly this
# liblsaemu0 and the tool on the library; then, extracted with dpkg-deb
# -x into a scratch root -- not installed with dpkg -i, so that the
# machine running the check is left as it was and no root is needed --
# a client builds with `pkg-config lsaemu` and with find_package(lsaemu)
# from the packages' files alone, and runs; and the packaged tool
# validates a packaged stock policy.
#
#   sh tests/check-deb.sh DIR
set -u
dir=${1:?usage: check-deb.sh DIR-WITH-DEBS}
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
CC=${CC:-cc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-deb.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT LSAEMU_LEAKS
failed=0
fail() { echo "FAIL: $*"; failed=1; }

deb() { ls "$dir"/"$1"_*.deb 2>/dev/null | head -1; }
lib=$(deb liblsaemu0) dev=$(deb liblsaemu-dev) tool=$(deb lsaemu)
for p in "$lib" "$dev" "$tool"; do
    [ -n "$p" ] || { echo "missing package in $dir: $(ls "$dir")"; exit 1; }
done
version=$(dpkg-deb -f "$lib" Version)
arch=$(dpkg-deb -f "$lib" Architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "x86_64-linux-gnu")

# has PACKAGE PATTERN...: every pattern matches a file of the package.
has() {
    pkg=$1
    shift
    dpkg-deb -c "$pkg" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/list"
    for pat in "$@"; do
        grep -q "^$pat\$" "$tmp/list" || fail "$(basename "$pkg") has no $pat"
    done
}
has "$lib" "/usr/lib/$multiarch/liblsaemu\.so\.0.*"
dpkg-deb -c "$lib" | grep -q 'include\|bin/\|\.a$' && fail "liblsaemu0 holds more than the library"
has "$dev" "/usr/include/lsaemu/lsaemu\.h" "/usr/include/lsaemu/lsaemu_version\.h" \
    "/usr/include/lsaemu/windows\.h" "/usr/lib/$multiarch/liblsaemu\.so" \
    "/usr/lib/$multiarch/liblsaemu\.a" "/usr/lib/$multiarch/pkgconfig/lsaemu\.pc" \
    "/usr/lib/$multiarch/pkgconfig/lsaemu-win32\.pc" \
    "/usr/lib/$multiarch/cmake/lsaemu/lsaemu-config\.cmake" \
    "/usr/lib/$multiarch/cmake/lsaemu/lsaemu-config-version\.cmake" \
    "/usr/share/man/man3/lsaemu\.3\.gz" "/usr/share/doc/liblsaemu-dev/copyright" \
    "/usr/share/doc/liblsaemu-dev/examples/cmake/CMakeLists\.txt" \
    "/usr/share/doc/liblsaemu-dev/examples/ci/lsaemu-ci\.sh"
has "$tool" "/usr/bin/lsaemu" "/usr/share/lsaemu/policies/workstation\.yaml" \
    "/usr/share/man/man1/lsaemu\.1\.gz" "/usr/share/man/man5/lsaemu-policy\.5\.gz"

depends=$(dpkg-deb -f "$dev" Depends)
case $depends in
*"liblsaemu0 (= $version)"*) ;;
*) fail "liblsaemu-dev depends on '$depends', not liblsaemu0 (= $version)" ;;
esac
case $(dpkg-deb -f "$tool" Depends) in
*liblsaemu0*) ;;
*) fail "lsaemu does not depend on liblsaemu0: $(dpkg-deb -f "$tool" Depends)" ;;
esac
[ "$(dpkg-deb -f "$dev" Architecture)" = "$arch" ] || fail "liblsaemu-dev is not $arch"

root=$tmp/root
for p in "$lib" "$dev" "$tool"; do
    dpkg-deb -x "$p" "$root" || fail "cannot extract $p"
done
libdir=$root/usr/lib/$multiarch
export PKG_CONFIG_PATH="$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$root"
[ "$(pkg-config --modversion lsaemu)" = "${version%%-*}" ] ||
    fail "pkg-config --modversion lsaemu is $(pkg-config --modversion lsaemu), the package $version"
# shellcheck disable=SC2046
if $CC -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags lsaemu) \
    "$top_srcdir/tests/install/secur32_client.c" -o "$tmp/client" $(pkg-config --libs lsaemu) 2>"$tmp/err"; then
    LD_LIBRARY_PATH="$libdir" LSAEMU_POLICY="$top_srcdir/tests/policies/p0.yaml" LSAEMU_PROCESS=tcb \
        "$tmp/client" >"$tmp/out" 2>&1 || fail "the client exited $?"
    diff -u "$top_srcdir/tests/install/secur32_client.expected" "$tmp/out" || fail "the client's output differs"
else
    fail "a client does not build against the packages:"; cat "$tmp/err"
fi
if command -v cmake >/dev/null 2>&1; then
    if cmake -S "$root/usr/share/doc/liblsaemu-dev/examples/cmake" -B "$tmp/cmake" \
        -DCMAKE_PREFIX_PATH="$root/usr" >"$tmp/cmake.log" 2>&1 &&
        cmake --build "$tmp/cmake" >>"$tmp/cmake.log" 2>&1 &&
        (cd "$tmp/cmake" && LD_LIBRARY_PATH="$libdir" ctest --output-on-failure) >>"$tmp/cmake.log" 2>&1; then
        :
    else
        fail "the packaged CMake example:"; tail -30 "$tmp/cmake.log"
    fi
fi
LD_LIBRARY_PATH="$libdir" "$root/usr/bin/lsaemu" validate "$root/usr/share/lsaemu/policies/workstation.yaml" \
    >"$tmp/validate.out" 2>&1 || { fail "the packaged tool does not validate a packaged policy:"; cat "$tmp/validate.out"; }

[ $failed -eq 0 ] && echo "deb: liblsaemu0, liblsaemu-dev and lsaemu $version: contents, dependencies, a client built from them"
exit $failed
