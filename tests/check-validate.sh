#!/bin/sh
# SPDX-License-Identifier: MIT
# `lsaemu validate`: exit 0 for valid policies (policies/*.yaml and the valid
# loader fixtures), 1 with exactly the golden line on stderr for each invalid
# golden, 2 for usage errors and unreadable files. Runs the tool from inside
# the golden directory so that its FILE part is the bare NAME.yaml the .err
# files hold.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
tool="$top_builddir/emulator/lsaemu"
[ -x "$tool" ] || { echo "SKIP: $tool not built"; exit 77; }
case "$tool" in /*) ;; *) tool="$(pwd)/$tool" ;; esac
tmp="${TMPDIR:-/tmp}/check-validate.$$"
trap 'rm -f "$tmp.out" "$tmp.err"; rm -rf "$tmp.dir"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# expect STATUS DIR ARGS...: runs the tool in DIR, checks the exit status.
expect() {
    want=$1 dir=$2
    shift 2
    (cd "$dir" && "$tool" "$@") >"$tmp.out" 2>"$tmp.err"
    got=$?
    [ "$got" = "$want" ] || { fail "lsaemu $* in $dir: exit $got, want $want"; cat "$tmp.err"; }
}

for f in "$top_srcdir"/policies/*.yaml "$top_srcdir"/tests/data/loader/valid/*.yaml; do
    expect 0 "$(dirname "$f")" validate "$(basename "$f")"
    [ -s "$tmp.err" ] && fail "$f: unexpected stderr"
done

golden_dir="$top_srcdir/tests/data/loader/invalid"
for f in "$golden_dir"/*.yaml; do
    name=$(basename "$f" .yaml)
    expect 1 "$golden_dir" validate "$name.yaml"
    cmp -s "$tmp.err" "$golden_dir/$name.err" || {
        fail "$name: stderr differs from $name.err"
        diff -u "$golden_dir/$name.err" "$tmp.err"
    }
done

# A policy over LOADER_MAX_BYTES (lib/loader/loader.h, 64 MiB): a sparse file
# written here, only its message is in the tree.
mkdir "$tmp.dir" || exit 99
dd if=/dev/null of="$tmp.dir/too-large.yaml" bs=1 seek=67108865 2>/dev/null ||
    fail "cannot write a sparse file"
expect 1 "$tmp.dir" validate too-large.yaml
cmp -s "$tmp.err" "$golden_dir/too-large.err" || {
    fail "too-large: stderr differs from too-large.err"
    diff -u "$golden_dir/too-large.err" "$tmp.err"
}

# Devices are not read; a pipe is.
expect 2 . validate /dev/zero
grep -qx '/dev/zero: cannot read: not a regular file or a pipe' "$tmp.err" ||
    fail "/dev/zero message: $(cat "$tmp.err")"
printf '\357\273\277lsaemu: 1\n' | "$tool" validate /dev/stdin >"$tmp.out" 2>"$tmp.err" ||
    fail "a valid policy on a pipe: $(cat "$tmp.err")"

# Several files: every error, exit 1 when one is invalid.
expect 1 "$golden_dir" validate bad-bool.yaml "$top_srcdir/policies/server.yaml" bad-hash.yaml
[ "$(wc -l <"$tmp.err")" -eq 2 ] || fail "two invalid files should give two lines"

# Usage errors and unreadable input.
expect 2 . validate
grep -q '^usage: lsaemu validate' "$tmp.err" || fail "no usage line without a file"
expect 2 . validate --bogus "$top_srcdir/policies/server.yaml"
grep -q '^usage: lsaemu validate' "$tmp.err" || fail "no usage line for an unknown option"
expect 2 "$golden_dir" validate no-such-file.yaml
grep -qx 'no-such-file.yaml: cannot read: No such file or directory' "$tmp.err" ||
    fail "unreadable file message: $(cat "$tmp.err")"
expect 0 . validate --help
grep -q '^usage: lsaemu validate' "$tmp.out" || fail "validate --help prints no usage"
expect 0 . --help
expect 0 . --version
grep -q '^lsaemu ' "$tmp.out" || fail "--version prints no version"
expect 2 . no-such-command
expect 2 .

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all validate checks passed"
