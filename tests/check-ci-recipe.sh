#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The CI recipe users copy (examples/ci): `make install` into a scratch
# root, then lsaemu-ci.sh as a user runs it, finding that installation
# through pkg-config: the native job validates machine.yaml, builds
# auth_test.c with pkg-config lsaemu-win32 and runs it (every TAP case
# must pass, no leak); the wine job reports itself skipped (77) without a
# mingw-w64 build of lsaemu, and `all` then passes on the native result. A
# failing test suite must fail the recipe: a copy of auth_test.c with one
# expectation changed is run too. The job with a mingw-w64 build is
# tests/check-wine-examples.sh. Exit 77 on a cross build.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config missing"; exit 77; }
[ -n "${CC:-}" ] || { echo "CC unset"; exit 77; }
[ -f "$top_builddir/lib/.libs/liblsaemu.so" ] || { echo "no native shared library (cross build?)"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-ci-recipe.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT LSAEMU_LEAKS LSAEMU_MINGW_PREFIX
failed=0
fail() { echo "FAIL: $*"; failed=1; }

make -C "$top_builddir" install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"; exit 1; }
pc=$(find "$tmp/root" -name lsaemu.pc | head -1)
# The staged installation, as an installed one: pkg-config rewrites its
# paths under the staging root.
export PKG_CONFIG_SYSROOT_DIR="$tmp/root" PKG_CONFIG_PATH="$(dirname "$pc")"
recipe=$top_srcdir/examples/ci/lsaemu-ci.sh

LSAEMU_CI_OUT=$tmp/out sh "$recipe" native >"$tmp/native.log" 2>&1
rc=$?
[ $rc -eq 0 ] || { fail "native job exited $rc"; cat "$tmp/native.log"; }
grep -q '^1\.\.5$' "$tmp/native.log" || fail "auth_test did not run its 5 cases"
! grep -q '^not ok' "$tmp/native.log" || fail "a case of auth_test failed"
[ -s "$tmp/out/auth_test.trace" ] || fail "no trace kept in LSAEMU_CI_OUT"

LSAEMU_CI_OUT=$tmp/out sh "$recipe" wine >"$tmp/wine.log" 2>&1
rc=$?
[ $rc -eq 77 ] || { fail "wine job without a mingw-w64 build exited $rc, not 77"; cat "$tmp/wine.log"; }
LSAEMU_CI_OUT=$tmp/out sh "$recipe" all >"$tmp/all.log" 2>&1
rc=$?
[ $rc -eq 0 ] || { fail "'all' exited $rc"; cat "$tmp/all.log"; }

# Installing lsaemu when pkg-config does not know it: LSAEMU_SOURCE (here
# a stand-in for the source tree whose configure and `make install` copy
# the staged installation) is configured with --prefix=LSAEMU_PREFIX
# --disable-tests, built and installed, then used. (Building the real
# tree a second time would take minutes; `make distcheck` covers it.)
staged=$(dirname "$(dirname "$(dirname "$pc")")")   # .../usr/local from .../lib/pkgconfig/lsaemu.pc
[ -x "$staged/bin/lsaemu" ] || staged=$(dirname "$staged")
mkdir "$tmp/fakesrc"
cat >"$tmp/fakesrc/configure" <<SH
#!/bin/sh
prefix=
for a in "\$@"; do case \$a in --prefix=*) prefix=\${a#--prefix=} ;; esac; done
echo "\$*" >"$tmp/configure.args"
printf 'all:\n\t@:\ninstall:\n\tmkdir -p %s && cp -R %s/. %s/ && sed -i "s|^prefix=.*|prefix=%s|" %s/lib*/pkgconfig/*.pc %s/lib/*/pkgconfig/*.pc 2>/dev/null; :\n' \
    "\$prefix" "$staged" "\$prefix" "\$prefix" "\$prefix" "\$prefix" >Makefile
SH
chmod +x "$tmp/fakesrc/configure"
(unset PKG_CONFIG_SYSROOT_DIR; PKG_CONFIG_PATH=/nonexistent LSAEMU_SOURCE=$tmp/fakesrc \
    LSAEMU_PREFIX=$tmp/prefix LSAEMU_CI_OUT=$tmp/out-src sh "$recipe" native) >"$tmp/src.log" 2>&1
rc=$?
[ $rc -eq 0 ] || { fail "native job building from LSAEMU_SOURCE exited $rc"; cat "$tmp/src.log"; }
grep -q -- "--prefix=$tmp/prefix --disable-tests" "$tmp/configure.args" 2>/dev/null ||
    fail "LSAEMU_SOURCE was not configured with --prefix=LSAEMU_PREFIX --disable-tests"
grep -q "using lsaemu .* from $tmp/prefix" "$tmp/src.log" || { fail "the job did not use the lsaemu it installed"; cat "$tmp/src.log"; }
grep -q '^1\.\.5$' "$tmp/src.log" || fail "auth_test did not run against the lsaemu it installed"

# A test suite whose expectation is wrong fails the recipe.
mkdir "$tmp/bad"
cp "$top_srcdir/examples/ci/machine.yaml" "$tmp/bad/"
sed 's/LOGON32_LOGON_NETWORK, 0, "alice logs on/LOGON32_LOGON_NETWORK, ERROR_LOGON_FAILURE, "alice logs on/' \
    "$top_srcdir/examples/ci/auth_test.c" >"$tmp/bad/auth_test.c"
cmp -s "$tmp/bad/auth_test.c" "$top_srcdir/examples/ci/auth_test.c" && fail "the planted error was not planted"
TESTS_DIR=$tmp/bad LSAEMU_CI_OUT=$tmp/out-bad sh "$recipe" native >"$tmp/bad.log" 2>&1
rc=$?
[ $rc -eq 1 ] || { fail "a failing test suite: recipe exited $rc, not 1"; cat "$tmp/bad.log"; }
grep -q '^not ok 1 - alice logs on' "$tmp/bad.log" || fail "the failing case was not reported"

[ $failed -eq 0 ] && echo "ok: lsaemu-ci.sh native, wine (skipped), all, and a failing suite"
exit $failed
