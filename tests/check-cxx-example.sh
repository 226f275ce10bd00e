#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The C++ example natively (tests/check-cxx.sh tests the headers in C++):
# `make install` into a scratch root, then examples/cxx_logon.cpp
# (Windows code in C++: RAII handles, exceptions, std::u16string for UTF-16
# text since wchar_t is 32-bit here) is built as C++11 and C++17 with
# `pkg-config --cflags --libs lsaemu` and -Wall -Wextra -Werror, and run
# for a valid logon and a denied one; the output must be
# examples/cxx_logon.expected. (Under Wine, with std::wstring:
# tests/check-wine-examples.sh.) Exit 77 without a C++ compiler or on a
# cross build.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config missing"; exit 77; }
[ -n "${CXX:-}" ] || { echo "CXX unset"; exit 77; }
set -- $CXX
command -v "$1" >/dev/null 2>&1 || { echo "$1 not found"; exit 77; }
[ -f "$top_builddir/lib/.libs/liblsaemu.so" ] || { echo "no native shared library (cross build?)"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-cxx.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT LSAEMU_LEAKS

make -C "$top_builddir" install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"; exit 1; }
pc=$(find "$tmp/root" -name lsaemu.pc | head -1)
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$tmp/root"
libdir=$(dirname "$(find "$tmp/root" -name 'liblsaemu.so' | head -1)")
failed=0
for std in c++11 c++17; do
    # shellcheck disable=SC2046,SC2086
    if ! $CXX -std=$std -Wall -Wextra -Werror $(pkg-config --cflags lsaemu) \
        "$top_srcdir/examples/cxx_logon.cpp" -o "$tmp/cxx_logon" $(pkg-config --libs lsaemu) \
        2>"$tmp/err"; then
        echo "FAIL: cxx_logon.cpp does not build as $std:"
        cat "$tmp/err"
        failed=1
        continue
    fi
    for args in "alice Alice-Pw1" "bob Bob-Pw1" "alice wrong"; do
        printf '== %s\n' "$args"
        # shellcheck disable=SC2086
        LD_LIBRARY_PATH="$libdir" LSAEMU_POLICY="$top_srcdir/examples/cxx-logon.yaml" \
            "$tmp/cxx_logon" $args 2>&1
        echo "exit $?"
    done >"$tmp/out.$std"
    if [ "${LSAEMU_REGEN:-}" = 1 ]; then
        cp "$tmp/out.$std" "$top_srcdir/examples/cxx_logon.expected"
    elif diff -u "$top_srcdir/examples/cxx_logon.expected" "$tmp/out.$std"; then
        echo "ok: cxx_logon ($std)"
    else
        echo "FAIL: cxx_logon ($std) output differs"
        failed=1
    fi
done
exit $failed
