#!/bin/sh
# SPDX-License-Identifier: MIT
# LSAEMU_LEAKS: a client that releases nothing gets one line per object and
# a summary (compared with tests/leaks/leaky.expected); the same client
# releasing everything prints nothing, to stderr or to the file.
set -u
prog="$top_builddir/tests/leaks/leaky"
[ -x "$prog" ] || { echo "no $prog"; exit 99; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
LSAEMU_POLICY="$top_srcdir/tests/policies/p0.yaml"
LSAEMU_PROCESS=tcb
export LSAEMU_POLICY LSAEMU_PROCESS
status=0

LSAEMU_LEAKS="$tmp/leaks.txt" "$prog" leak > "$tmp/out" 2> "$tmp/err" || {
    echo "leaky leak failed:"; cat "$tmp/err"; exit 1; }
if ! diff -u "$top_srcdir/tests/leaks/leaky.expected" "$tmp/leaks.txt"; then
    echo "FAIL: the leak report differs from tests/leaks/leaky.expected"
    status=1
fi
[ -s "$tmp/err" ] && { echo "FAIL: unexpected stderr:"; cat "$tmp/err"; status=1; }

# =1: the same report on stderr.
LSAEMU_LEAKS=1 "$prog" leak > "$tmp/out" 2> "$tmp/err1" || exit 1
if ! diff -u "$top_srcdir/tests/leaks/leaky.expected" "$tmp/err1"; then
    echo "FAIL: LSAEMU_LEAKS=1 report differs"
    status=1
fi

# Everything released: nothing at all, and no file created.
LSAEMU_LEAKS="$tmp/clean.txt" "$prog" clean > "$tmp/out" 2> "$tmp/err2" || exit 1
[ -e "$tmp/clean.txt" ] && { echo "FAIL: clean run wrote:"; cat "$tmp/clean.txt"; status=1; }
[ -s "$tmp/err2" ] && { echo "FAIL: clean run stderr:"; cat "$tmp/err2"; status=1; }
LSAEMU_LEAKS=1 "$prog" clean > "$tmp/out" 2> "$tmp/err3" || exit 1
[ -s "$tmp/err3" ] && { echo "FAIL: clean run, LSAEMU_LEAKS=1:"; cat "$tmp/err3"; status=1; }

# A reload after calls of two threads (one still alive at exit) leaves the
# process's former logon session to the threads' caches: not a leak.
LSAEMU_PROCESS=user LSAEMU_LEAKS=1 "$prog" reload > "$tmp/out" 2> "$tmp/err5" || {
    echo "leaky reload failed:"; cat "$tmp/err5"; exit 1; }
[ -s "$tmp/err5" ] && { echo "FAIL: reload reported:"; cat "$tmp/err5"; status=1; }

# lsaemu_leaks(): the same lines, and the counts, before lsaemu_reset();
# nothing after it (tests/leaks/leaky.api.expected).
LSAEMU_LEAKS=1 "$prog" api > "$tmp/api" 2> "$tmp/err6" || { echo "leaky api failed"; cat "$tmp/err6"; exit 1; }
if ! diff -u "$top_srcdir/tests/leaks/leaky.api.expected" "$tmp/api"; then
    echo "FAIL: lsaemu_leaks() output differs from tests/leaks/leaky.api.expected"
    status=1
fi
[ -s "$tmp/err6" ] && { echo "FAIL: leaks left after lsaemu_reset reported:"; cat "$tmp/err6"; status=1; }

# fatal: the report on stderr, then exit status 1 whatever main returned;
# a clean run exits 0 and says nothing.
LSAEMU_LEAKS=fatal "$prog" leak > "$tmp/out" 2> "$tmp/err7"
rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: LSAEMU_LEAKS=fatal leak: exit status $rc, not 1"; status=1; }
{ cat "$top_srcdir/tests/leaks/leaky.expected"; echo "lsaemu: LSAEMU_LEAKS=fatal: exit status 1"; } > "$tmp/fatal.expected"
diff -u "$tmp/fatal.expected" "$tmp/err7" || { echo "FAIL: LSAEMU_LEAKS=fatal stderr differs"; status=1; }
grep -qx 'released nothing' "$tmp/out" || { echo "FAIL: LSAEMU_LEAKS=fatal lost stdout"; status=1; }
LSAEMU_LEAKS=fatal "$prog" clean > "$tmp/out" 2> "$tmp/err8"
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: LSAEMU_LEAKS=fatal clean: exit status $rc"; status=1; }
[ -s "$tmp/err8" ] && { echo "FAIL: LSAEMU_LEAKS=fatal clean run stderr:"; cat "$tmp/err8"; status=1; }
# ... and per process: a forked child (as Check runs a test) that leaks
# exits 1, its parent, which holds nothing, 0.
LSAEMU_LEAKS=fatal "$prog" fork > "$tmp/out" 2> "$tmp/err9"
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: LSAEMU_LEAKS=fatal fork parent: exit status $rc"; status=1; }
grep -qx 'child exit status 1' "$tmp/out" || { echo "FAIL: forked child:"; cat "$tmp/out" "$tmp/err9"; status=1; }
grep -q '^lsaemu: leak: token handle 0x100 from LogonUserW' "$tmp/err9" || {
    echo "FAIL: forked child's report missing:"; cat "$tmp/err9"; status=1; }

# One convention for every output variable: stderr means stderr too, and
# ./1 a file named 1.
LSAEMU_LEAKS=stderr "$prog" leak > "$tmp/out" 2> "$tmp/err10" || exit 1
diff -u "$top_srcdir/tests/leaks/leaky.expected" "$tmp/err10" || { echo "FAIL: LSAEMU_LEAKS=stderr"; status=1; }
(cd "$tmp" && LSAEMU_LEAKS=./1 "$prog" leak > out 2> err11) || exit 1
diff -u "$top_srcdir/tests/leaks/leaky.expected" "$tmp/1" || { echo "FAIL: LSAEMU_LEAKS=./1"; status=1; }

# UAC (behavior.md 12.10): bob's logon and an administrator's process are
# split into two logon sessions each; released, nothing is reported (the
# process's linked session is pinned like its own).
# (tcbsvc holds SeTcbPrivilege, a sensitive privilege: its process that
# enables it must be elevated.)
sed -e 's/^  time: .*/&\n  uac: true/' \
    -e 's/enabled: \[SeTcbPrivilege\] }/enabled: [SeTcbPrivilege], elevated: true }/' \
    "$top_srcdir/tests/policies/p0.yaml" > "$tmp/uac.yaml"
grep -q '^  uac: true' "$tmp/uac.yaml" || { echo "could not write the UAC policy"; exit 99; }
LSAEMU_POLICY="$tmp/uac.yaml" LSAEMU_LEAKS=1 "$prog" clean \
    > "$tmp/out" 2> "$tmp/err6" || { echo "leaky clean under UAC failed:"; cat "$tmp/err6"; exit 1; }
[ -s "$tmp/err6" ] && { echo "FAIL: clean run under UAC reported:"; cat "$tmp/err6"; status=1; }
LSAEMU_POLICY="$tmp/uac.yaml" LSAEMU_PROCESS=admin LSAEMU_LEAKS=1 "$prog" reload \
    > "$tmp/out" 2> "$tmp/err7" || { echo "leaky reload under UAC failed:"; cat "$tmp/err7"; exit 1; }
[ -s "$tmp/err7" ] && { echo "FAIL: reload under UAC reported:"; cat "$tmp/err7"; status=1; }

# Unset or 0: no report even when leaking.
LSAEMU_LEAKS=0 "$prog" leak > "$tmp/out" 2> "$tmp/err4" || exit 1
[ -s "$tmp/err4" ] && { echo "FAIL: LSAEMU_LEAKS=0 reported:"; cat "$tmp/err4"; status=1; }
exit $status
