#!/bin/sh
# SPDX-License-Identifier: MIT
# The lsaemu tool never loses its output silently (issue 11, item 12): with
# stdout on /dev/full (a disk that is full) or closed, every subcommand
# exits 2 with "lsaemu: write error: <reason>" on stderr; and
# `export-secedit --output FILE` replaces FILE atomically (item 11): a
# failed write (RLIMIT_FSIZE through `ulimit -f`, which binds root too)
# leaves the old FILE byte-identical with no temporary file beside it, a
# symbolic link is refused, a device is written in place.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
tool="$top_builddir/emulator/lsaemu"
[ -x "$tool" ] || { echo "SKIP: $tool not built"; exit 77; }
[ -c /dev/full ] || { echo "SKIP: no /dev/full on this system"; exit 77; }
case "$tool" in /*) ;; *) tool="$(pwd)/$tool" ;; esac
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cli="$top_srcdir/tests/cli"
inf="$top_srcdir/tests/data/secedit/utf8-lf.inf"
failures=0 count=0
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# full WANT_STDERR ARGS...: runs lsaemu ARGS with stdout on /dev/full (from
# tests/cli, so the policies there are found); expects exit 2 and exactly
# one line on stderr, "lsaemu: write error: No space left on device".
full() {
    count=$((count + 1))
    (cd "$cli" && "$tool" "$@") >/dev/full 2>"$tmp/err"
    rc=$?
    [ "$rc" = 2 ] || fail "lsaemu $* >/dev/full: exit $rc, want 2"
    printf 'lsaemu: write error: No space left on device\n' >"$tmp/want"
    cmp -s "$tmp/err" "$tmp/want" || {
        fail "lsaemu $* >/dev/full: stderr differs"
        diff -u "$tmp/want" "$tmp/err"
    }
}

full --help
full --version
full validate --help
full logon --policy machine.yaml --user alice --password Alice-Passw0rd-1 --type interactive
# A refused logon (exit 1 otherwise) whose answer is lost: the lost output wins.
full logon --policy machine.yaml --user alice --password wrong --type interactive
full logon --help
full explain 1385
full explain --help
full rights --policy machine.yaml
full rights --help
full import-secedit "$inf"
full import-secedit --help
full export-secedit machine.yaml
full export-secedit --help
# More than stdio's buffer in one write, so that the failure happens
# before the final flush.
full rights --policy "$top_srcdir/policies/workstation.yaml"

# A closed stdout is a write error too.
count=$((count + 1))
(cd "$cli" && "$tool" explain 1385) >&- 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "explain with stdout closed: exit $rc, want 2"
grep -q '^lsaemu: write error: ' "$tmp/err" || fail "explain with stdout closed: no message"

# The answers themselves still go out when stdout works.
count=$((count + 1))
(cd "$cli" && "$tool" import-secedit "$inf") >"$tmp/ok.yaml" 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] && [ -s "$tmp/ok.yaml" ] && [ ! -s "$tmp/err" ] ||
    fail "import-secedit to a file: exit $rc"

# export-secedit --output: a failed write keeps the old file.
count=$((count + 1))
mkdir "$tmp/out" || exit 99
printf 'old template\n' >"$tmp/out/m.inf"
cp "$tmp/out/m.inf" "$tmp/old.inf"
(
    trap '' XFSZ
    ulimit -f 2 # blocks of 512 or 1024 bytes; the template is over 4 KiB
    cd "$cli" && exec "$tool" export-secedit machine.yaml --output "$tmp/out/m.inf"
) 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "export-secedit --output over the size limit: exit $rc, want 2"
grep -q "^$tmp/out/m.inf: cannot write: File too large\$" "$tmp/err" || {
    fail "export-secedit --output over the size limit: wrong message"
    cat "$tmp/err"
}
cmp -s "$tmp/out/m.inf" "$tmp/old.inf" || fail "export-secedit: the old file was changed"
[ "$(ls -A "$tmp/out")" = m.inf ] || fail "export-secedit left files behind: $(ls -A "$tmp/out")"

# ... a symbolic link is refused and neither it nor its target changes ...
count=$((count + 1))
ln -s m.inf "$tmp/out/link.inf" || exit 99
(cd "$cli" && "$tool" export-secedit machine.yaml --output "$tmp/out/link.inf") 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "export-secedit --output a symlink: exit $rc, want 2"
grep -q "^$tmp/out/link.inf: cannot write: it is a symbolic link" "$tmp/err" ||
    fail "export-secedit --output a symlink: wrong message: $(cat "$tmp/err")"
[ -L "$tmp/out/link.inf" ] || fail "export-secedit replaced the symlink"
cmp -s "$tmp/out/m.inf" "$tmp/old.inf" || fail "export-secedit wrote through the symlink"

# ... a device is written in place, never replaced ...
count=$((count + 1))
(cd "$cli" && "$tool" export-secedit machine.yaml --output /dev/null) 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] || fail "export-secedit --output /dev/null: exit $rc"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
(cd "$cli" && "$tool" export-secedit machine.yaml --output /dev/full) 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "export-secedit --output /dev/full: exit $rc, want 2"
grep -q '^/dev/full: cannot write: No space left on device$' "$tmp/err" ||
    fail "export-secedit --output /dev/full: wrong message: $(cat "$tmp/err")"

# ... and a successful write replaces the file with a new one of the
# ordinary mode (the template holds no secret).
count=$((count + 1))
chmod 600 "$tmp/out/m.inf"
(umask 022 && cd "$cli" && "$tool" export-secedit machine.yaml --output "$tmp/out/m.inf")
rc=$?
[ "$rc" = 0 ] || fail "export-secedit --output: exit $rc"
(cd "$cli" && "$tool" export-secedit machine.yaml) >"$tmp/stdout.inf"
cmp -s "$tmp/out/m.inf" "$tmp/stdout.inf" || fail "export-secedit --output differs from stdout"
case "$(ls -l "$tmp/out/m.inf")" in
-rw-r--r--*) ;;
*) fail "export-secedit --output: mode $(ls -l "$tmp/out/m.inf")" ;;
esac

[ "$failures" -eq 0 ] || { echo "$failures failures in $count write-error checks"; exit 1; }
echo "all $count write-error checks passed"
