#!/bin/sh
# SPDX-License-Identifier: MIT
#
# <windows.h> declares no name a Windows client may define itself: on
# Windows it brings no <stdio.h>, so glibc's dprintf, getline, index ...
# must not be visible through it either (lsaemu_posix_names.h). For every
# C and C++ compiler found, in the ordinary mode and in lsaemu-win32 mode
# (-fshort-wchar, where lsaemu_crt.h includes the C headers itself):
#  - own_dprintf: tests/headers/client_own_dprintf.c defines dprintf,
#    getline, strsep and random as functions of its own, with -Werror;
#  - every_name: a generated client defines every name of
#    lsaemu_posix_names.h as a variable of its own (-fno-builtin: gcc and
#    clang know bzero, index ... as built-ins in gnu11; a clash with any
#    declaration is an error). In lsaemu-win32 mode the names that
#    lsaemu_unmapped.h refuses (wcscasecmp, the *_unlocked wide stream
#    functions ...) stay refused: a client that has its own must #undef
#    them first;
#  - deviation_strsafe_no_deprecate: strcpy and sprintf still compile after
#    <strsafe.h> (lsaemu's strsafe.h behaves as with STRSAFE_NO_DEPRECATE).
# Exit 77 (skip) without a C compiler.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
[ -n "${CC:-}" ] || { echo "check-client-names: CC unset; skipping"; exit 77; }
set -- $CC
command -v "$1" >/dev/null 2>&1 || { echo "check-client-names: $1 not found; skipping"; exit 77; }

inc=$top_srcdir/lib/include
src=$top_srcdir/tests/headers
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-client-names.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

hidden=$(sed -n 's/^#define \([a-z_0-9]*\) lsaemu_hidden_.*/\1/p' "$inc/lsaemu_posix_names.h")
refused=$(sed -n '/^#define LSAEMU_UNMAPPED_NAMES/,/^$/p' "$inc/lsaemu_unmapped.h" |
    sed -n 's/.*"\(.*\)".*/\1/p' | tr '\n' ' ')
count=$(echo $hidden | wc -w)
[ "$count" -ge 100 ] || { echo "could not read lsaemu_posix_names.h ($count names)"; exit 1; }

# every_name clients: all names (ordinary mode), all but the refused ones.
gen() {
    echo '#include <windows.h>'
    for n in $hidden; do
        if [ "$1" = short ]; then
            case " $refused " in *" $n "*) continue ;; esac
        fi
        echo "int $n = 1;"
    done
    echo 'int main(void) { return 0; }'
}
gen plain >"$tmp/every_plain.c"
gen short >"$tmp/every_short.c"

failed=0
runs=0
WARN="-Wall -Wextra -Werror"
# run <name> <compiler and flags...> <source>
run() {
    name=$1
    shift
    runs=$((runs + 1))
    if ! "$@" -I"$inc" $WARN -c -o "$tmp/out.o" >"$tmp/err" 2>&1; then
        failed=$((failed + 1))
        echo "FAIL: $name: $*"
        head -20 "$tmp/err" | sed 's/^/    /'
    fi
}

c_compilers="$CC"
for c in gcc clang; do
    [ "$c" = "$CC" ] && continue
    command -v "$c" >/dev/null 2>&1 && c_compilers="$c_compilers
$c"
done
cxx_compilers=
for c in ${CXX:+"$CXX"} g++ clang++; do
    set -- $c
    command -v "$1" >/dev/null 2>&1 || continue
    case "
$cxx_compilers
" in *"
$c
"*) continue ;; esac
    cxx_compilers="$cxx_compilers
$c"
done

old_ifs=$IFS
IFS='
'
for cc in $c_compilers; do
    IFS=$old_ifs
    for std in c11 gnu11; do
        run own_dprintf $cc -std=$std -x c "$src/client_own_dprintf.c"
        run own_dprintf_win32 $cc -std=$std -fshort-wchar -DLSAEMU_WIN32=1 -x c \
            "$src/client_own_dprintf.c"
        run every_name $cc -std=$std -fno-builtin -x c "$tmp/every_plain.c"
        run every_name_win32 $cc -std=$std -fno-builtin -fshort-wchar -DLSAEMU_WIN32=1 -x c \
            "$tmp/every_short.c"
        run deviation_strsafe_no_deprecate $cc -std=$std -fshort-wchar -DLSAEMU_WIN32=1 \
            -x c "$src/deviation_strsafe_no_deprecate.c"
    done
    IFS='
'
done
for cxx in $cxx_compilers; do
    IFS=$old_ifs
    [ -n "$cxx" ] || continue
    run own_dprintf_cxx $cxx -std=c++17 -x c++ "$src/client_own_dprintf.c"
    run own_dprintf_cxx_win32 $cxx -std=c++17 -fshort-wchar -DLSAEMU_WIN32=1 -x c++ \
        "$src/client_own_dprintf.c"
    IFS='
'
done
IFS=$old_ifs

echo "check-client-names: $runs compilations, $count names, $failed failed"
[ "$failed" -eq 0 ]
