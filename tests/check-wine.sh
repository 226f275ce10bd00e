#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The Windows DLL's tests (`make check` of a --host=x86_64-w64-mingw32
# build; README "Windows binaries under Wine"). Windows programs built
# against mingw-w64's SDK headers and linked `-llsaemu -lsecur32
# -ladvapi32` run under Wine with the DLL found through WINEPATH:
#   - tests/win32/conformance: the same checks as natively
#     (tests/check-win32-compile.sh), all passing;
#   - the Windows-style examples: the same output as natively, compared with
#     the same golden files examples/*.expected (tests/check-examples.sh);
#   - tests/win32/wine_interop: lsaemu's handles, last error and buffers
#     among Wine's, with LSAEMU_POLICY given as a Unix path and as a
#     Windows path, and LSAEMU_TRACE written to both kinds of path;
#   - tests/win32/logon_cases: the LogonUser case table, the same lines as
#     natively (tests/check-logon-cases.sh).
# Exit 77 when Wine is missing. Wine's prefix is $WINEPREFIX when set, else
# one kept in ${XDG_CACHE_HOME:-$HOME/.cache}/lsaemu/wineprefix and reused
# (making one takes 5-10 s).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
WINE=${WINE:-wine}
command -v "$WINE" >/dev/null 2>&1 || { echo "check-wine: $WINE not found; skipping"; exit 77; }
. "$top_srcdir/tests/wine-env.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-wine.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT LSAEMU_LEAKS

# The DLL, for WINEPATH: libtool leaves it in lib/.libs before installation.
dll=$(ls "$top_builddir"/lib/.libs/liblsaemu*.dll 2>/dev/null | head -1)
[ -n "$dll" ] || { echo "FAIL: the DLL was not built"; exit 1; }
WINEPATH=$(dirname "$dll")
export WINEPATH

# The real program of a libtool-linked one (the one beside it is a wrapper).
exe() {
    d=$top_builddir/$(dirname "$1") b=$(basename "$1")
    if [ -f "$d/.libs/$b.exe" ]; then echo "$d/.libs/$b.exe"; else echo "$d/$b.exe"; fi
}
# run EXE ARGS...: under Wine, stdout and stderr together, CR LF as LF.
wrun() {
    "$WINE" "$@" 2>&1 | tr -d '\r'
}

failed=0
t0=$(date +%s)
wine_prefix_ready || { echo "FAIL: cannot make a Wine prefix"; exit 1; }
t1=$(date +%s)
echo "wine prefix $WINEPREFIX ready in $((t1 - t0)) s"

# 1. The conformance program.
out=$(wrun "$(exe tests/win32/conformance)")
if [ "$out" = "conformance: all checks passed" ]; then
    echo "ok: conformance under Wine"
else
    printf 'FAIL: conformance under Wine:\n%s\n' "$out"
    failed=1
fi

# 2. The examples, against the native golden files.
LSAEMU_EXAMPLES_DIR=$tmp/examples
mkdir -p "$LSAEMU_EXAMPLES_DIR"
for name in s4u_broker cred_check rights_install; do
    cp "$(exe examples/$name)" "$tmp/examples/$name.exe" || failed=1
done
LSAEMU_EXAMPLES_WINE=$WINE
export LSAEMU_EXAMPLES_DIR LSAEMU_EXAMPLES_WINE top_srcdir top_builddir
sh "$top_srcdir/tests/check-examples.sh" || failed=1

# 3. lsaemu among Wine's objects; the policy and trace paths both ways.
policy=$top_srcdir/examples/cred-check.yaml
case $policy in /*) ;; *) policy=$(pwd)/$policy ;; esac
winpath() { printf 'Z:%s' "$1" | tr / '\\'; }
for form in unix windows; do
    if [ $form = unix ]; then
        p=$policy trace=$tmp/trace-unix.log
    else
        p=$(winpath "$policy") trace=$(winpath "$tmp/trace-windows.log")
    fi
    out=$(LSAEMU_POLICY=$p LSAEMU_TRACE=$trace wrun "$(exe tests/win32/wine_interop)")
    rc=$?
    log=$tmp/trace-$form.log
    if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -qx "wine_interop: all checks passed" &&
        grep -q "LogonUserW" "$log" 2>/dev/null; then
        echo "ok: wine_interop, $form paths ($(printf '%s\n' "$out" | grep -c '^ok:') checks, $(wc -l <"$log") trace lines)"
    else
        printf 'FAIL: wine_interop, %s paths (policy %s, trace %s):\n%s\n' "$form" "$p" "$trace" "$out"
        failed=1
    fi
done
# 4. CreateProcessAsUserW / CreateProcessWithTokenW with lsaemu tokens: the
# child (proc_child.exe beside the parent) runs as the token's account.
ppolicy=$top_srcdir/tests/win32/create-process.yaml
case $ppolicy in /*) ;; *) ppolicy=$(pwd)/$ppolicy ;; esac
out=$(LSAEMU_POLICY=$ppolicy wrun "$(exe tests/win32/proc_parent)")
if printf '%s\n' "$out" | grep -qx "proc_parent: all checks passed"; then
    echo "ok: proc_parent ($(printf '%s\n' "$out" | grep -c '^ok:') checks)"
else
    printf 'FAIL: proc_parent:\n%s\n' "$out"
    failed=1
fi
# A malformed or unknown LSAEMU_TOKEN is loud, as a bad LSAEMU_PROCESS.
for bad in 'S-1-5-21-9-9-9-9999;1;' 'S-1-5-18;x;' 'S-1-5-18;0;SeNoSuchPrivilege' 'garbage'; do
    # wrun's status is tr's: the child's answer is its last line (1383,
    # ERROR_INTERNAL_DB_ERROR from GetUserNameW).
    out=$(LSAEMU_POLICY=$ppolicy LSAEMU_TOKEN=$bad wrun "$(exe tests/win32/proc_child)" SYSTEM S-1-5-18 0)
    want="lsaemu: LSAEMU_TOKEN=$bad is malformed or names no account of $ppolicy (it is \"SID;SESSION;PRIVILEGE,...\", as CreateProcessAsUserW writes it)"
    if printf '%s\n' "$out" | grep -qxF "$want" &&
        printf '%s\n' "$out" | grep -qx "proc_child: GetUserNameW failed: 1383"; then
        echo "ok: LSAEMU_TOKEN=$bad refused"
    else
        printf 'FAIL: LSAEMU_TOKEN=%s:\n%s\n' "$bad" "$out"
        failed=1
    fi
done
# 5. The LogonUser case table (tests/cases/logon_user_rows.h) by the plain
# program tests/win32/logon_cases: the same script and the same expected
# lines as natively.
LSAEMU_CASES_WINE=$WINE LSAEMU_CASES_EXE=$(exe tests/win32/logon_cases) \
    sh "$top_srcdir/tests/check-logon-cases.sh" || failed=1
echo "wine part took $(($(date +%s) - t0)) s"
exit $failed
