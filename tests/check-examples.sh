#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Runs the Windows-style examples (built unchanged with -fshort-wchar)
# against their policies, so that each takes every branch it has, and
# compares what they print and their exit status with the golden files
# examples/<name>.expected. Set LSAEMU_REGEN=1 to rewrite the golden files.
# tests/check-wine.sh runs the same with the Windows builds of the examples
# under Wine: LSAEMU_EXAMPLES_DIR holds NAME.exe, LSAEMU_EXAMPLES_WINE is
# wine, and the Windows line ends (CR LF) are compared as LF.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
ex=${LSAEMU_EXAMPLES_DIR:-$top_builddir/examples}
wine=${LSAEMU_EXAMPLES_WINE:-}
exe=
[ -z "$wine" ] || exe=.exe
pol=$top_srcdir/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-examples.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT

# run <program> <policy> <args...>: one block of the golden file.
run() {
    prog=$1 policy=$2
    shift 2
    printf "== %s [%s] %s\n" "$prog" "$policy" "$*"
    if [ -z "$wine" ]; then
        LSAEMU_POLICY=$pol/$policy "$ex/$prog" "$@" 2>&1
        echo "exit $?"
    else
        LSAEMU_POLICY=$pol/$policy "$wine" "$ex/$prog$exe" "$@" >"$tmp/run.out" 2>&1
        st=$?
        tr -d '\r' <"$tmp/run.out"
        echo "exit $st"
    fi
}

s4u_broker() {
    g=S-1-5-21-1000-2000-3000-1100
    run s4u_broker s4u-trusted.yaml alice "$g"           # trusted, Kerberos, local group
    run s4u_broker s4u-trusted.yaml bob@corp.example "$g" # domain account: no DC
    run s4u_broker s4u-untrusted.yaml alice "$g"          # ERROR_ACCESS_DENIED fallback, MSV1_0
    run s4u_broker s4u-denied.yaml alice                  # 1385
    run s4u_broker s4u-denied.yaml bob                    # 1327 (disabled)
    run s4u_broker s4u-denied.yaml nobody                 # 1326
    run s4u_broker s4u-denied.yaml alice not-a-sid        # usage error
}

cred_check() {
    run cred_check cred-check.yaml alice Alice-Pw1
    run cred_check cred-check.yaml 'HELPDESK1\alice' Alice-Pw1 interactive
    run cred_check cred-check.yaml alice wrong            # 1326
    run cred_check cred-check.yaml nobody x               # 1326
    run cred_check cred-check.yaml jack '' network        # 1327
    run cred_check cred-check.yaml jack '' interactive
    run cred_check cred-check.yaml bob Bob-Pw1 batch      # 1385
    run cred_check cred-check.yaml alice Alice-Pw1 batch
    run cred_check cred-check.yaml dave Dave-Pw1          # 1909
    run cred_check cred-check.yaml gina Gina-Pw1          # another refusal
}

rights_install() {
    run rights_install rights-admin.yaml svc-app SeServiceLogonRight SeBatchLogonRight
    run rights_install rights-admin.yaml svc-old SeServiceLogonRight
    run rights_install rights-admin.yaml svc-old SeServiceLogonRight SeBatchLogonRight
    run rights_install rights-admin.yaml nosuch SeServiceLogonRight
    run rights_install rights-admin.yaml svc-app SeBogusRight
    run rights_install rights-user.yaml svc-app SeServiceLogonRight
}

failed=0
for name in s4u_broker cred_check rights_install; do
    if [ ! -x "$ex/$name$exe" ]; then
        echo "FAIL: $ex/$name$exe was not built"
        failed=1
        continue
    fi
    $name >"$tmp/$name.out"
    if [ "${LSAEMU_REGEN:-}" = 1 ]; then
        cp "$tmp/$name.out" "$top_srcdir/examples/$name.expected"
        echo "regenerated examples/$name.expected"
    elif diff -u "$top_srcdir/examples/$name.expected" "$tmp/$name.out"; then
        echo "ok: $name ($(grep -c '^== ' "$tmp/$name.out") runs)"
    else
        echo "FAIL: $name output differs from examples/$name.expected"
        failed=1
    fi
done
exit $failed
