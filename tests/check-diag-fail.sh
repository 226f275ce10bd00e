#!/bin/sh
# SPDX-License-Identifier: MIT
# LSAEMU_TRACE, LSAEMU_AUDIT and LSAEMU_LEAKS naming something that cannot
# be opened (a missing directory, a directory, a FIFO nobody reads) or
# written (/dev/full, a pipe whose reader left): one warning on stderr, in
# the same words for the three, once however many calls follow, and the
# calls answer exactly as without the variable. Nothing hangs or dies.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
prog="$top_builddir/tests/diag/diagcall"
[ -x "$prog" ] || { echo "no $prog"; exit 99; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0
fail() {
    echo "FAIL: $*"
    status=1
}
cat >"$tmp/p.yaml" <<'EOF'
lsaemu: 1
machine: { name: WS1, time: "2026-11-18T10:00:00Z" }
accounts:
  alice: { password: "Alice-1", groups: [Users] }
EOF
LSAEMU_POLICY="$tmp/p.yaml"
export LSAEMU_POLICY
# A run with timeout(1) where there is one: a hang fails instead of
# stalling the suite.
to=""
command -v timeout >/dev/null 2>&1 && to="timeout 60"

# 50 rounds of calls that trace, audit (4624, 4625, 4634) and leak.
calls="-n 50 logonw alice logonw nobody lsa nobody leak -"
# shellcheck disable=SC2086
$to "$prog" $calls >"$tmp/baseline" 2>"$tmp/err" || { echo "diagcall failed"; exit 1; }
[ -s "$tmp/err" ] && fail "stderr without any variable: $(cat "$tmp/err")"

# expect VAR VALUE WARNING: runs the calls with VAR=VALUE; the first line
# of stderr must be WARNING, it must appear once, and stdout must be the
# baseline's.
expect() {
    var=$1 value=$2 warning=$3
    # shellcheck disable=SC2086
    env "$var=$value" $to "$prog" $calls >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "$var=$value: exit status $rc"
    cmp -s "$tmp/baseline" "$tmp/out" || fail "$var=$value changed the calls' answers"
    first=$(head -n 1 "$tmp/err")
    [ "$first" = "$warning" ] || fail "$var=$value: stderr begins with '$first', not '$warning'"
    n=$(grep -c "^lsaemu: $var=" "$tmp/err")
    [ "$n" -eq 1 ] || fail "$var=$value: $n warnings, not 1"
}

# The leak report, when its file fails, goes to stderr after the warning:
# 50 leaked handles and the summary.
expect_report() {
    lines=$(wc -l <"$tmp/err")
    [ "$lines" -eq 52 ] || fail "LSAEMU_LEAKS=$1: $lines lines on stderr, not the warning and 51"
    tail -n 1 "$tmp/err" | grep -q '^lsaemu: 50 objects not released: 50 LSA handles,' ||
        fail "LSAEMU_LEAKS=$1: no summary on stderr"
}

missing="$tmp/missing/x"
expect LSAEMU_TRACE "$missing" \
    "lsaemu: LSAEMU_TRACE=$missing: cannot open: No such file or directory; tracing is off"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "LSAEMU_TRACE=$missing: more than the warning on stderr"
expect LSAEMU_AUDIT "$missing" \
    "lsaemu: LSAEMU_AUDIT=$missing: cannot open: No such file or directory; auditing is off"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "LSAEMU_AUDIT=$missing: more than the warning on stderr"
expect LSAEMU_LEAKS "$missing" \
    "lsaemu: LSAEMU_LEAKS=$missing: cannot open: No such file or directory; the report goes to stderr"
expect_report "$missing"

expect LSAEMU_TRACE "$tmp" "lsaemu: LSAEMU_TRACE=$tmp: cannot open: Is a directory; tracing is off"
expect LSAEMU_AUDIT "$tmp" "lsaemu: LSAEMU_AUDIT=$tmp: cannot open: Is a directory; auditing is off"
expect LSAEMU_LEAKS "$tmp" \
    "lsaemu: LSAEMU_LEAKS=$tmp: cannot open: Is a directory; the report goes to stderr"
expect_report "$tmp"

# A FIFO nobody reads is not waited for.
if mkfifo "$tmp/fifo" 2>/dev/null; then
    expect LSAEMU_TRACE "$tmp/fifo" \
        "lsaemu: LSAEMU_TRACE=$tmp/fifo: cannot open: No such device or address; tracing is off"
    expect LSAEMU_AUDIT "$tmp/fifo" \
        "lsaemu: LSAEMU_AUDIT=$tmp/fifo: cannot open: No such device or address; auditing is off"
    expect LSAEMU_LEAKS "$tmp/fifo" \
        "lsaemu: LSAEMU_LEAKS=$tmp/fifo: cannot open: No such device or address; the report goes to stderr"
    expect_report "$tmp/fifo"
fi

# A full disk: the first write fails, later ones are not tried.
if [ -c /dev/full ]; then
    expect LSAEMU_TRACE /dev/full \
        "lsaemu: LSAEMU_TRACE=/dev/full: cannot write: No space left on device; tracing is off"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "LSAEMU_TRACE=/dev/full: more than the warning"
    expect LSAEMU_AUDIT /dev/full \
        "lsaemu: LSAEMU_AUDIT=/dev/full: cannot write: No space left on device; auditing is off"
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "LSAEMU_AUDIT=/dev/full: more than the warning"
    expect LSAEMU_LEAKS /dev/full \
        "lsaemu: LSAEMU_LEAKS=/dev/full: cannot write: No space left on device; the report goes to stderr"
    expect_report /dev/full
fi

# The trace and the leak report on stderr, a pipe whose reader has gone:
# EPIPE, not SIGPIPE.
if command -v python3 >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    python3 - "$prog" $calls >"$tmp/out" 2>"$tmp/err" <<'EOF'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
env = dict(os.environ, LSAEMU_TRACE="stderr", LSAEMU_LEAKS="1")
p = subprocess.run(sys.argv[1:], env=env, stderr=w, stdout=subprocess.PIPE, timeout=60)
sys.stdout.buffer.write(p.stdout)
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
EOF
    rc=$?
    [ "$rc" -eq 0 ] || fail "LSAEMU_TRACE=stderr LSAEMU_LEAKS=1, closed pipe: exit status $rc"
    cmp -s "$tmp/baseline" "$tmp/out" ||
        fail "LSAEMU_TRACE=stderr LSAEMU_LEAKS=1, closed pipe: the answers changed"
fi
exit $status
