#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Check is needed for `make check` only. On a copy of the distributed tree
# (make distdir), with a pkg-config that knows no Check:
#  - plain ./configure succeeds, says "tests: no" with a warning, and its
#    `make check` would build no Check suite and run only
#    tests/check-tests-disabled.sh, which fails saying why;
#  - ./configure --enable-tests (what .ci/setup passes) fails, naming Check;
#  - ./configure --disable-tests succeeds without asking pkg-config about
#    Check at all.
# (With Check present, the build this test runs in is the proof that
# --enable-tests finds it.)
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config missing"; exit 77; }
[ -n "${CC:-}" ] || { echo "CC unset"; exit 77; }
# A cross build's $CC makes programs configure cannot run without --host.
host=$(sed -n 's/^host_triplet = //p' "$top_builddir/Makefile")
build=$(sed -n 's/^build_triplet = //p' "$top_builddir/Makefile")
[ "$host" = "$build" ] || { echo "cross build ($host on $build); skipping"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-configure-tests.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
# The makes below are not part of the `make check` running this test.
unset MAKEFLAGS MFLAGS MAKELEVEL
failed=0
fail() { echo "FAIL: $*"; failed=1; }

make -C "$top_builddir" distdir distdir="$tmp/src" top_distdir="$tmp/src" >"$tmp/distdir.log" 2>&1 || {
    cat "$tmp/distdir.log"; exit 1; }
[ -x "$tmp/src/configure" ] || { echo "make distdir gave no configure"; exit 1; }

# A pkg-config without Check: it logs every question about it and fails it.
real=$(command -v pkg-config)
cat >"$tmp/pkg-config" <<SH
#!/bin/sh
for a in "\$@"; do
    case \$a in
    check|check\ *) echo "\$*" >>"$tmp/asked-check"; exit 1 ;;
    esac
done
exec "$real" "\$@"
SH
chmod +x "$tmp/pkg-config"

# conf NAME ARGS...: configure the copy in $tmp/NAME; returns its status.
# The runs share a cache of the compiler's answers (pkg-config's answers
# about Check are not cached when it has none).
conf() {
    name=$1
    shift
    mkdir "$tmp/$name" &&
        (cd "$tmp/$name" && PKG_CONFIG="$tmp/pkg-config" CC="$CC" "$tmp/src/configure" \
            --cache-file="$tmp/config.cache" "$@") >"$tmp/$name.log" 2>&1
}

if conf auto; then
    grep -q 'tests: *no' "$tmp/auto.log" || fail "auto without Check: no 'tests: no' in the summary"
    grep -q 'WARNING: Check >= 0.11.0 not found' "$tmp/auto.log" || fail "auto without Check: no warning"
    make -C "$tmp/auto" -n check >"$tmp/auto.n" 2>&1
    grep -q 'check-tests-disabled' "$tmp/auto.n" || fail "make check would not run check-tests-disabled.sh"
    ! grep -q 'tests/check_control' "$tmp/auto.n" || fail "make check would build the Check suites"
    ! grep -q 'libtestutil' "$tmp/auto.n" || fail "make check would build the Check test library"
else
    fail "configure without Check failed:"; tail -20 "$tmp/auto.log"
fi
sh "$tmp/src/tests/check-tests-disabled.sh" >"$tmp/disabled.out" 2>&1
rc=$?
[ $rc -eq 99 ] || fail "check-tests-disabled.sh exited $rc, not 99 (a hard error)"
grep -q 'configure with --enable-tests' "$tmp/disabled.out" || fail "check-tests-disabled.sh says not what to do"

if conf enable --enable-tests; then
    fail "configure --enable-tests without Check succeeded"
else
    grep -q 'error: --enable-tests needs Check' "$tmp/enable.log" ||
        { fail "configure --enable-tests failed, but not naming Check:"; tail -5 "$tmp/enable.log"; }
fi

rm -f "$tmp/asked-check"
if conf disable --disable-tests; then
    grep -q 'tests: *no' "$tmp/disable.log" || fail "--disable-tests: no 'tests: no' in the summary"
    [ ! -f "$tmp/asked-check" ] || fail "--disable-tests still asked pkg-config about Check: $(cat "$tmp/asked-check")"
else
    fail "configure --disable-tests failed:"; tail -20 "$tmp/disable.log"
fi
[ $failed -eq 0 ] && echo "configure: Check optional (auto), required with --enable-tests, ignored with --disable-tests"
exit $failed
