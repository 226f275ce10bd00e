#!/bin/sh
# SPDX-License-Identifier: MIT
#
# With -fshort-wchar (lsaemu-win32 mode) glibc's wide functions walk 32-bit
# units and give wrong answers on 16-bit strings. lsaemu_crt.h maps the
# ones lsaemu has (wcscspn, wcstod ...) and refuses the rest at compile time
# (lsaemu_unmapped.h). For every C compiler found ($CC, gcc, clang):
#  - refused: one translation unit calls every name of
#    LSAEMU_UNMAPPED_NAMES; it must not compile, and the errors must name
#    each function with lsaemu's message;
#  - mapped: a unit calling the mapped names compiles, and its object
#    refers to lsaemu's 16-bit functions and to none of glibc's;
#  - ordinary mode (32-bit wchar_t): the same refused calls compile, as
#    glibc's functions are right there.
# Exit 77 (skip) without a C compiler.

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
[ -n "${CC:-}" ] || { echo "check-wide-unmapped: CC unset; skipping"; exit 77; }
set -- $CC
command -v "$1" >/dev/null 2>&1 || { echo "check-wide-unmapped: $1 not found; skipping"; exit 77; }

inc=$top_srcdir/lib/include
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-unmapped.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

names=$(sed -n '/^#define LSAEMU_UNMAPPED_NAMES/,/^$/p' "$inc/lsaemu_unmapped.h" |
    sed -n 's/.*"\(.*\)".*/\1/p' | tr '\n' ' ')
count=$(echo $names | wc -w)
[ "$count" -ge 40 ] || { echo "could not read LSAEMU_UNMAPPED_NAMES ($count names)"; exit 1; }

# The refused calls: arguments are not what the functions take; the
# refusal must be reported whatever they are.
{
    echo '#include <windows.h>'
    echo 'void refused(void);'
    echo 'void refused(void) {'
    for n in $names; do
        case $n in
        getwchar | getwchar_unlocked) echo "    (void)$n();" ;;
        *) echo "    (void)$n(0);" ;;
        esac
    done
    echo '}'
} >"$tmp/refused.c"

# The mapped names, called as Windows code calls them, with L"" strings.
cat >"$tmp/mapped.c" <<'EOC'
#include <windows.h>
int mapped(void);
int mapped(void) {
    WCHAR b[8], *e;
    size_t n = wcscspn(L"ab;c", L";") + wcsspn(L"aab", L"a") + wcsxfrm(b, L"x", 8);
    n += (wcspbrk(L"abc", L"c") != NULL) + (wmemchr(L"abc", L'b', 3) != NULL);
    n += (size_t)wcscoll(L"a", L"b") + (size_t)wcsnicmp(L"A", L"a", 1);
    n += (size_t)wcstoll(L"1", &e, 10) + (size_t)wcstoull(L"1", &e, 10);
    n += (size_t)wcstoimax(L"1", &e, 10) + (size_t)wcstoumax(L"1", &e, 10);
    n += (size_t)wcstod(L"1", &e) + (size_t)wcstof(L"1", &e) + (size_t)wcstold(L"1", &e);
    n += (size_t)fputws(L"x", stdout) + fputwc(L'x', stdout) + putwc(L'x', stdout);
    n += putwchar(L'x') + (fgetws(b, 8, stdin) != NULL);
    return (int)n;
}
EOC
mapped_want="lsaemu_wcscspn16 lsaemu_wcsspn16 lsaemu_wcsxfrm16 lsaemu_wcspbrk16 lsaemu_wmemchr16
lsaemu_wcscoll16 lsaemu_wcsnicmp16 lsaemu_wcstoll16 lsaemu_wcstoull16 lsaemu_wcstod16
lsaemu_wcstof16 lsaemu_wcstold16 lsaemu_fputws16 lsaemu_fputwc16 lsaemu_putwchar16
lsaemu_fgetws16"

compilers="$CC"
for c in gcc clang; do
    [ "$c" = "$CC" ] && continue
    command -v "$c" >/dev/null 2>&1 && compilers="$compilers
$c"
done

failed=0
cases=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

old_ifs=$IFS
IFS='
'
for cc in $compilers; do
    IFS=$old_ifs
    short="-std=c11 -fshort-wchar -DLSAEMU_WIN32=1 -I$inc"
    # refused_<compiler>: every unmapped name is an error naming it.
    cases=$((cases + 1))
    # Every error reported: clang stops after 20 by default.
    limit=-fmax-errors=0 clang=
    $cc --version 2>/dev/null | grep -q clang && { limit=-ferror-limit=0; clang=1; }
    if $cc $short $limit -c -o "$tmp/r.o" "$tmp/refused.c" >"$tmp/r.err" 2>&1; then
        fail "refused ($cc): the unmapped calls compiled"
    fi
    for n in $names; do
        grep -q "lsaemu: $n() works on glibc's 32-bit wchar_t" "$tmp/r.err" ||
            fail "refused ($cc): no lsaemu message for $n"
    done
    # mapped_<compiler>: compiles, uses lsaemu's functions only.
    cases=$((cases + 1))
    if $cc $short -Wall -Wextra -Werror -c -o "$tmp/m.o" "$tmp/mapped.c" >"$tmp/m.err" 2>&1; then
        syms=$(nm -u "$tmp/m.o" | awk '{print $2}')
        for s in $mapped_want; do
            echo "$syms" | grep -qx "$s" || fail "mapped ($cc): $s not used"
        done
        echo "$syms" | grep -E '^(wcs|wmem|fputw|putw|fgetw)' && fail "mapped ($cc): glibc wide function used"
    else
        fail "mapped ($cc): does not compile"; cat "$tmp/m.err"
    fi
    # ordinary_<compiler>: 32-bit wchar_t, where glibc's functions are
    # right: every name is glibc's (its address taken), nothing refused.
    # clang declares no _Float128 functions.
    cases=$((cases + 1))
    {
        printf '#define _GNU_SOURCE 1\n#include <windows.h>\n#include <stdio.h>\n'
        printf '#include <stdlib.h>\n#include <wchar.h>\n#include <time.h>\n'
        echo 'void plain(void);'
        echo 'void plain(void) {'
        for n in $names; do
            case $n in wcstof128*) [ -n "$clang" ] && continue ;; esac
            echo "    (void)&$n;"
        done
        echo '}'
    } >"$tmp/plain.c"
    $cc -std=gnu11 -I"$inc" -c -o "$tmp/p.o" "$tmp/plain.c" >"$tmp/p.err" 2>&1 ||
        { fail "ordinary ($cc): glibc's names do not compile"; cat "$tmp/p.err"; }
    IFS='
'
done
IFS=$old_ifs

echo "check-wide-unmapped: $cases cases, $count refused names, $failed failures"
[ "$failed" -eq 0 ]
