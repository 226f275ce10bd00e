#!/bin/sh
# SPDX-License-Identifier: MIT
#
# What `make install` puts beside the library for its users: LICENSE (MIT,
# as the SPDX tags say), NEWS, the README, the policy format and the
# examples under $(docdir); the lsaemu(3) man page of lsaemu.h (which must
# name every function lsaemu.h declares) next to lsaemu(1) and
# lsaemu-policy(5); lsaemu_version.h next to lsaemu.h; lsaemu-win32.pc
# with every variable lsaemu.pc has, with the same values; and no example
# or CI recipe that writes the installation's /usr/share into itself.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-install-docs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail() { echo "FAIL: $*"; failed=1; }

make -C "$top_builddir" install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"; exit 1; }
# The documentation directory ($(docdir), wherever configure put it) is
# the one holding the installed NEWS.
news=$(find "$tmp/root" -name NEWS -path '*/doc/*' | head -1)
d=$(dirname "${news:-/nonexistent/x}")
docdir=${d#"$tmp/root"}
[ -d "$d" ] || { echo "no documentation directory $d"; ls -R "$tmp/root" | head -40; exit 1; }

for f in LICENSE NEWS README.md policy-format.md behavior.md cxx.md \
         examples/README.md examples/demo.c examples/cred_check.c examples/cxx_logon.cpp \
         examples/cxx-logon.yaml examples/cmake/CMakeLists.txt \
         examples/cmake/toolchain-mingw64.cmake examples/ci/lsaemu-ci.sh \
         examples/ci/github-actions.yml examples/ci/README.md examples/ci/auth_test.c \
         examples/ci/machine.yaml; do
    [ -f "$d/$f" ] || fail "$docdir/$f not installed"
done
grep -q '^MIT License$' "$d/LICENSE" 2>/dev/null || fail "LICENSE is not the MIT licence"
grep -q 'Copyright (c) [0-9]* The lsaemu developers' "$d/LICENSE" 2>/dev/null ||
    fail "LICENSE names no copyright holder"
# Every source file's licence tag says what LICENSE says.
other=$(cd "$top_srcdir" && grep -rhoI 'SPDX-License-Identifier: [A-Za-z0-9.+-][A-Za-z0-9.+-]*' lib emulator examples tests tools \
    2>/dev/null | sort -u | grep -v ': MIT$')
[ -z "$other" ] || fail "SPDX tags other than MIT: $other"
grep -q "^Version $(sed -n 's/^VERSION = //p' "$top_builddir/Makefile")" "$d/NEWS" 2>/dev/null ||
    fail "NEWS has no entry for this version"

# Man pages: lsaemu(3) documents every function of lsaemu.h.
man3=$(find "$tmp/root" -path '*/man3/lsaemu.3' | head -1)
[ -n "$man3" ] || fail "lsaemu.3 not installed"
[ -n "$(find "$tmp/root" -path '*/man1/lsaemu.1')" ] || fail "lsaemu.1 not installed"
[ -n "$(find "$tmp/root" -path '*/man5/lsaemu-policy.5')" ] || fail "lsaemu-policy.5 not installed"
if [ -n "$man3" ]; then
    for fn in $(sed -n 's/^LSAEMU_PUBLIC[^(]*[ *]\(lsaemu_[a-z0-9_]*\)(.*/\1/p' \
        "$top_srcdir/lib/include/lsaemu.h"); do
        grep -q "$fn" "$man3" || fail "lsaemu.3 does not document $fn"
    done
    for m in LSAEMU_VERSION_MAJOR LSAEMU_VERSION_MINOR LSAEMU_VERSION_MICRO LSAEMU_VERSION_STRING \
             LSAEMU_CHECK_VERSION; do
        grep -q "$m" "$man3" || fail "lsaemu.3 does not document $m"
    done
    if command -v groff >/dev/null 2>&1; then
        warn=$(groff -man -Tutf8 -ww -z "$man3" 2>&1)
        [ -z "$warn" ] || fail "groff warns about lsaemu.3: $warn"
    fi
fi
[ -n "$(find "$tmp/root" -path '*/include/lsaemu/lsaemu_version.h')" ] ||
    fail "lsaemu_version.h not installed next to lsaemu.h"

# lsaemu-win32.pc: the variables of lsaemu.pc, with the same values. (A
# mingw-w64 build installs no lsaemu-win32.pc: wchar_t is 16-bit there.)
pcdir=$(dirname "$(find "$tmp/root" -name lsaemu.pc | head -1)")
if command -v pkg-config >/dev/null 2>&1 && [ -f "$pcdir/lsaemu-win32.pc" ]; then
    vars=$(PKG_CONFIG_PATH=$pcdir pkg-config --print-variables lsaemu | grep -v '^pcfiledir$')
    [ -n "$vars" ] || fail "lsaemu.pc has no variables"
    for v in $vars; do
        a=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable="$v" lsaemu)
        b=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable="$v" lsaemu-win32)
        [ "$a" = "$b" ] || fail "variable $v: lsaemu.pc says '$a', lsaemu-win32.pc '$b'"
    done
    pol=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable=policiesdir lsaemu-win32)
    [ -f "$tmp/root$pol/workstation.yaml" ] ||
        fail "lsaemu-win32's policiesdir ($pol) has no workstation.yaml"
fi

# Examples find the stock policies through pkg-config or CMake, never a
# path written in.
hard=$(grep -rln '/usr/share\|/usr/local/share' "$d/examples" 2>/dev/null)
[ -z "$hard" ] || fail "examples hard-code /usr/share: $hard"

[ $failed -eq 0 ] && echo "licence, news, docs, examples, man pages and .pc variables installed"
exit $failed
