#!/bin/sh
# SPDX-License-Identifier: MIT
#
# C++ Windows code on lsaemu (docs/cxx.md): tests/cxx/cxx_client.cc is
# compiled as lsaemu-win32 code (-fshort-wchar -DLSAEMU_WIN32=1, the
# installed headers' directory, -Werror) with every C++ compiler found
# ($CXX, g++, clang++), linked against the built shared library and run on a
# small policy; its output is compared. The program also proves
# deviation_cxx_no_minmax: min and max are not macros in C++ (windef.h).
# Exit 77 (skip) without a C++ compiler or without the shared library.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
lib=$top_builddir/lib/.libs/liblsaemu.so
[ -f "$lib" ] || { echo "check-cxx: no shared library at $lib; skipping"; exit 77; }

# A sanitizer build's library links only with a compiler given the same
# flags ($CXX carries them then): the other compilers are left out.
others="g++ clang++"
case "${CXX:-}" in *-fsanitize=*) others= ;; esac
compilers=
for c in ${CXX:+"$CXX"} $others; do
    set -- $c
    command -v "$1" >/dev/null 2>&1 || continue
    case "
$compilers
" in *"
$c
"*) continue ;; esac
    compilers="$compilers
$c"
done
[ -n "$compilers" ] || { echo "check-cxx: no C++ compiler; skipping"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-cxx.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT
cat >"$tmp/machine.yaml" <<'YAML'
lsaemu: 1
machine: { name: build-07 }
accounts:
  builder: { password: "Build-Pw1", groups: [Users] }
processes:
  default: { account: builder }
YAML
cat >"$tmp/want" <<'OUT'
user builder (7 units)
sam build-07\builder (16)
strsafe builder has 7
cut 0x8007007A caf
wcscpy_s 34 [0]
u16string builderé 8
std::max 7, numeric_limits 32767
OUT

failed=0
runs=0
old_ifs=$IFS
IFS='
'
for cxx in $compilers; do
    IFS=$old_ifs
    [ -n "$cxx" ] || continue
    runs=$((runs + 1))
    # shellcheck disable=SC2086
    if ! $cxx -std=c++17 -Wall -Wextra -Werror -fshort-wchar -DLSAEMU_WIN32=1 \
        -I"$top_srcdir/lib/include" "$top_srcdir/tests/cxx/cxx_client.cc" -o "$tmp/cxx" \
        "$lib" -Wl,-rpath,"$(dirname "$lib")" 2>"$tmp/err"; then
        echo "FAIL: $cxx: cxx_client.cc does not build"
        cat "$tmp/err"
        failed=$((failed + 1))
        IFS='
'
        continue
    fi
    LSAEMU_POLICY="$tmp/machine.yaml" "$tmp/cxx" >"$tmp/out" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ] || ! diff -u "$tmp/want" "$tmp/out"; then
        echo "FAIL: $cxx: cxx_client exited $rc"
        failed=$((failed + 1))
    else
        echo "ok: $cxx (cxx_client, deviation_cxx_no_minmax)"
    fi
    IFS='
'
done
IFS=$old_ifs
echo "check-cxx: $runs compilers, $failed failed"
[ "$failed" -eq 0 ]
