#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Compiles small clients of the compat headers (tests/headers/*.c) with only
# -I$top_srcdir/lib/include, as C11/gnu11 and C++11/17, with and without
# -fshort-wchar, with every C and C++ compiler found ($CC, $CXX, gcc, g++,
# clang, clang++), all with -Wall -Wextra -Wpedantic -Werror. Also compiles
# every header alone. Exit 77 (skip) when $CC is unset or missing.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"

if [ -z "${CC:-}" ]; then
    echo "check-headers: CC is not set; skipping"
    exit 77
fi
# $CC may carry flags ("gcc -std=gnu11"); check its first word.
set -- $CC
if ! command -v "$1" >/dev/null 2>&1; then
    echo "check-headers: $1 not found; skipping"
    exit 77
fi

inc=$top_srcdir/lib/include
src=$top_srcdir/tests/headers
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-headers.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

WARN="-Wall -Wextra -Wpedantic -Werror -Wundef -Wshadow -Wcast-qual -Wwrite-strings"
CWARN="-Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition"
HEADERS="windows.h windef.h winnt.h ntdef.h winbase.h ntsecapi.h ntstatus.h winerror.h winternl.h sddl.h
lmcons.h strsafe.h tchar.h userenv.h profinfo.h security.h secext.h"
CLIENTS="use_all win32_no_status client_defs_before client_defs_after ntsecapi_first"

failures=0
runs=0

# compile <compiler words...> -- <source>
compile() {
    runs=$((runs + 1))
    if ! "$@" -I"$inc" $WARN -c -o "$tmp/out.o" 2>"$tmp/err"; then
        failures=$((failures + 1))
        echo "FAIL: $*"
        sed 's/^/    /' "$tmp/err"
    fi
}

# Compilers: the configured ones first, then the usual ones if present.
c_compilers="$CC"
for c in gcc clang; do
    [ "$c" = "$CC" ] && continue
    command -v "$c" >/dev/null 2>&1 && c_compilers="$c_compilers
$c"
done
cxx_compilers=""
for c in ${CXX:+"$CXX"} g++ clang++; do
    [ -n "${CXX:-}" ] && [ "$c" = "$CXX" ] && [ -n "$cxx_compilers" ] && continue
    set -- $c
    command -v "$1" >/dev/null 2>&1 && cxx_compilers="$cxx_compilers
$c"
done

# Every header alone, first in its translation unit.
for h in $HEADERS; do
    printf '#include <%s>\nint main(void) { return 0; }\n' "$h" >"$tmp/alone_${h%.h}.c"
done

old_ifs=$IFS
IFS='
'
for cc in $c_compilers; do
    IFS=$old_ifs
    for mode in "-std=c11" "-std=gnu11" "-std=c11 -fshort-wchar"; do
        for client in $CLIENTS; do
            compile $cc $mode $CWARN -x c "$src/$client.c"
        done
        for h in $HEADERS; do
            compile $cc $mode $CWARN -x c "$tmp/alone_${h%.h}.c"
        done
    done
    IFS='
'
done
for cxx in $cxx_compilers; do
    IFS=$old_ifs
    for mode in "-std=c++11" "-std=c++17" "-std=c++11 -fshort-wchar"; do
        # Skip a dialect the compiler does not know.
        echo 'int main() { return 0; }' >"$tmp/probe.cc"
        $cxx $mode -c -o "$tmp/probe.o" "$tmp/probe.cc" 2>/dev/null || continue
        for client in $CLIENTS; do
            compile $cxx $mode -x c++ "$src/$client.c"
        done
        for h in $HEADERS; do
            compile $cxx $mode -x c++ "$tmp/alone_${h%.h}.c"
        done
    done
    IFS='
'
done
IFS=$old_ifs

echo "check-headers: $runs compilations, $failures failed"
[ "$failures" -eq 0 ]
