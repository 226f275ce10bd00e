/* SPDX-License-Identifier: MIT */
/*
 * The UTF-16 string layer for Windows code: lsaemu_crt.h's functions,
 * lstr*W, MultiByteToWideChar / WideCharToMultiByte, the heap, LocalAlloc,
 * the machine and user names and RtlInit*String.
 *
 * Built twice: tests/check_wide (ordinary 32-bit wchar_t, strings are u"")
 * and tests/check_wide_short (-fshort-wchar, strings are L"", and the
 * Windows names wcslen, swprintf ... are lsaemu's). The "crt_names" case
 * checks the mode's mapping either way.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <windows.h>
#include <ntsecapi.h>
#include <winternl.h>

#include "base/mem.h"
#include "lsaemu.h"
#include "testutil.h"

#define W(s) LSAEMU_WIDE(s)

/* Compares a WCHAR string with the expected literal. */
#define ck_assert_wstr_eq(got, want)                                                      \
    do {                                                                                  \
        const WCHAR *g_ = (got), *w_ = (want);                                            \
        char gb_[256], wb_[256];                                                          \
        WideCharToMultiByte(CP_UTF8, 0, g_, -1, gb_, sizeof gb_, NULL, NULL);             \
        WideCharToMultiByte(CP_UTF8, 0, w_, -1, wb_, sizeof wb_, NULL, NULL);             \
        ck_assert_msg(lsaemu_wcscmp16(g_, w_) == 0, "got \"%s\", want \"%s\"", gb_, wb_); \
    } while (0)

/* ---- strings ----------------------------------------------------------- */

START_TEST(test_length_copy)
{
    WCHAR buf[16];
    ck_assert_uint_eq(lsaemu_wcslen16(W("h\u00e9llo")), 5);
    ck_assert_uint_eq(lsaemu_wcslen16(W("")), 0);
    ck_assert_uint_eq(lsaemu_wcsnlen16(W("hello"), 3), 3);
    ck_assert_uint_eq(lsaemu_wcsnlen16(W("hi"), 8), 2);
    ck_assert_ptr_eq(lsaemu_wcscpy16(buf, W("abc")), buf);
    ck_assert_wstr_eq(buf, W("abc"));
    ck_assert_wstr_eq(lsaemu_wcscat16(buf, W("de")), W("abcde"));
    lsaemu_wcsncat16(buf, W("fghij"), 2);
    ck_assert_wstr_eq(buf, W("abcdefg"));

    /* wcsncpy pads with NULs, and leaves a long source unterminated. */
    for (size_t i = 0; i < 16; i++)
        buf[i] = 'x';
    lsaemu_wcsncpy16(buf, W("ab"), 5);
    ck_assert(buf[0] == 'a' && buf[1] == 'b' && buf[2] == 0 && buf[4] == 0 && buf[5] == 'x');
    lsaemu_wcsncpy16(buf, W("abcdef"), 3);
    ck_assert(buf[2] == 'c' && buf[3] == 0); /* buf[3] is the old padding */
    lsaemu_wcsncpy16(buf, W("zzzzzz"), 4);
    ck_assert(buf[3] == 'z' && buf[4] == 0);

    WCHAR m[4];
    lsaemu_wmemset16(m, 'z', 4);
    lsaemu_wmemcpy16(m, W("ab"), 2);
    ck_assert(m[0] == 'a' && m[1] == 'b' && m[2] == 'z' && m[3] == 'z');
    lsaemu_wmemmove16(m + 1, m, 3);
    ck_assert(m[1] == 'a' && m[2] == 'b' && m[3] == 'z');
    ck_assert_int_lt(lsaemu_wmemcmp16(W("ab"), W("ac"), 2), 0);
    ck_assert_int_eq(lsaemu_wmemcmp16(W("ab"), W("ac"), 1), 0);

    WCHAR *d = lsaemu_wcsdup16(W("dup"));
    ck_assert_wstr_eq(d, W("dup"));
    free(d);
    ck_assert_ptr_null(lsaemu_wcsdup16(NULL));
}
END_TEST

START_TEST(test_compare_search)
{
    ck_assert_int_eq(lsaemu_wcscmp16(W("abc"), W("abc")), 0);
    ck_assert_int_lt(lsaemu_wcscmp16(W("abc"), W("abd")), 0);
    ck_assert_int_gt(lsaemu_wcscmp16(W("ab"), W("a")), 0);
    /* Code units compare unsigned: U+00E9 sorts after 'z'. */
    ck_assert_int_gt(lsaemu_wcscmp16(W("\u00e9"), W("z")), 0);
    ck_assert_int_eq(lsaemu_wcsncmp16(W("abcX"), W("abcY"), 3), 0);
    ck_assert_int_eq(lsaemu_wcsicmp16(W("SeTcbPrivilege"), W("setcbprivilege")), 0);
    ck_assert_int_lt(lsaemu_wcsicmp16(W("a"), W("B")), 0);
    /* The CRT's _wcsicmp folds ASCII only. */
    ck_assert_int_ne(lsaemu_wcsicmp16(W("\u00c9"), W("\u00e9")), 0);
    ck_assert_int_eq(lsaemu_wcsnicmp16(W("ABCx"), W("abcy"), 3), 0);

    const WCHAR *s = W("a\\b\\c");
    ck_assert_ptr_eq(lsaemu_wcschr16(s, '\\'), s + 1);
    ck_assert_ptr_eq(lsaemu_wcsrchr16(s, '\\'), s + 3);
    ck_assert_ptr_eq(lsaemu_wcschr16(s, 0), s + 5); /* the terminator can be found */
    ck_assert_ptr_null(lsaemu_wcschr16(s, 'z'));
    ck_assert_ptr_null(lsaemu_wcsrchr16(s, 'z'));
    const WCHAR *dom = W("DOMAIN\\user");
    ck_assert_ptr_eq(lsaemu_wcsstr16(dom, W("\\u")), dom + 6);
    ck_assert_ptr_null(lsaemu_wcsstr16(W("abc"), W("abd")));
    ck_assert_ptr_eq(lsaemu_wcsstr16(s, W("")), s);

    WCHAR *end;
    ck_assert_uint_eq(lsaemu_wcstoul16(W("  1385 rest"), &end, 10), 1385);
    ck_assert_wstr_eq(end, W(" rest"));
    ck_assert_uint_eq(lsaemu_wcstoul16(W("0x7E"), NULL, 16), 0x7E);
    ck_assert_uint_eq(lsaemu_wcstoul16(W("99999999999"), NULL, 10), 0xFFFFFFFFul);
    ck_assert_int_eq(lsaemu_wtoi16(W("-42")), -42);
    ck_assert_int_eq(lsaemu_wtoi16(W("x")), 0);
}
END_TEST

START_TEST(test_lstr)
{
    WCHAR buf[8];
    ck_assert_int_eq(lstrlenW(W("four")), 4);
    ck_assert_int_eq(lstrlenW(NULL), 0);
    ck_assert_ptr_eq(lstrcpyW(buf, W("ab")), buf);
    ck_assert_ptr_null(lstrcpyW(NULL, W("ab")));
    ck_assert_ptr_null(lstrcpyW(buf, NULL));
    ck_assert_wstr_eq(lstrcatW(buf, W("cd")), W("abcd"));
    ck_assert_ptr_null(lstrcatW(buf, NULL));
    /* lstrcpyn copies iMaxLength - 1 units and always terminates. */
    lstrcpynW(buf, W("abcdefgh"), 4);
    ck_assert_wstr_eq(buf, W("abc"));
    lstrcpynW(buf, W("ab"), 8);
    ck_assert_wstr_eq(buf, W("ab"));

    ck_assert_int_eq(lstrcmpW(W("a"), W("a")), 0);
    ck_assert_int_eq(lstrcmpW(W("a"), W("b")), -1);
    ck_assert_int_eq(lstrcmpW(W("b"), W("a")), 1);
    ck_assert_int_eq(lstrcmpW(NULL, NULL), 0);
    ck_assert_int_eq(lstrcmpW(NULL, W("")), -1);
    ck_assert_int_eq(lstrcmpW(W(""), NULL), 1);
    ck_assert_int_eq(lstrcmpiW(W("Administrator"), W("ADMINISTRATOR")), 0);
    /* lstrcmpi folds beyond ASCII: Latin-1, Cyrillic, Greek. */
    ck_assert_int_eq(lstrcmpiW(W("\u00c4rger"), W("\u00e4RGER")), 0);
    ck_assert_int_eq(lstrcmpiW(W("\u0410\u0411"), W("\u0430\u0431")), 0);
    ck_assert_int_eq(lstrcmpiW(W("\u03a3"), W("\u03c3")), 0);
    ck_assert_int_eq(lstrcmpiW(W("a"), W("B")), -1);
    ck_assert_int_eq(lstrcmpiW(NULL, W("a")), -1);
}
END_TEST

START_TEST(test_secure_copies)
{
    WCHAR buf[6];
    ck_assert_int_eq(lsaemu_wcscpy_s16(buf, 6, W("12345")), 0);
    ck_assert_wstr_eq(buf, W("12345"));
    ck_assert_int_eq(lsaemu_wcscpy_s16(buf, 6, W("123456")), ERANGE);
    ck_assert(buf[0] == 0);
    ck_assert_int_eq(lsaemu_wcscpy_s16(NULL, 6, W("1")), EINVAL);
    buf[0] = 'q';
    ck_assert_int_eq(lsaemu_wcscpy_s16(buf, 0, W("1")), EINVAL);
    ck_assert(buf[0] == 'q'); /* size 0: nothing may be written */
    ck_assert_int_eq(lsaemu_wcscpy_s16(buf, 6, NULL), EINVAL);
    ck_assert(buf[0] == 0);

    lsaemu_wcscpy_s16(buf, 6, W("ab"));
    ck_assert_int_eq(lsaemu_wcscat_s16(buf, 6, W("cde")), 0);
    ck_assert_wstr_eq(buf, W("abcde"));
    ck_assert_int_eq(lsaemu_wcscat_s16(buf, 6, W("f")), ERANGE);
    ck_assert(buf[0] == 0);
    for (size_t i = 0; i < 6; i++)
        buf[i] = 'x'; /* not terminated within its size */
    ck_assert_int_eq(lsaemu_wcscat_s16(buf, 6, W("a")), EINVAL);
    ck_assert(buf[0] == 0);

    ck_assert_int_eq(lsaemu_wcsncpy_s16(buf, 6, W("abcdefgh"), 3), 0);
    ck_assert_wstr_eq(buf, W("abc"));
    ck_assert_int_eq(lsaemu_wcsncpy_s16(buf, 6, W("abcdefgh"), _TRUNCATE), STRUNCATE);
    ck_assert_wstr_eq(buf, W("abcde"));
    ck_assert_int_eq(lsaemu_wcsncpy_s16(buf, 6, W("abcdefgh"), 7), ERANGE);
    ck_assert(buf[0] == 0);
    ck_assert_int_eq(lsaemu_wcsncpy_s16(buf, 6, NULL, 0), 0);
}
END_TEST

/* ---- formatting ---------------------------------------------------------- */

/* A narrow string that is not UTF-8 gets one U+FFFD per maximal subpart,
 * as MultiByteToWideChar gives it (it used to get one per byte). */
START_TEST(test_format_narrow_invalid_utf8)
{
    WCHAR buf[16], conv[16];
    ck_assert_int_eq(lsaemu_swprintf16(buf, 16, W("%S|%S"), "n\xe2\x82x", "\xed\xa0\x80"), 7);
    ck_assert_wstr_eq(buf, W("n\ufffdx|\ufffd\ufffd\ufffd"));
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "n\xe2\x82x", -1, conv, 16), 4);
    ck_assert_wstr_eq(conv, W("n\ufffdx"));
}
END_TEST

START_TEST(test_format_conversions)
{
    WCHAR buf[128];
    DWORD big = 4000000000u;
    LONG neg = -1;
    ck_assert_int_eq(lsaemu_swprintf16(buf, 128, W("%s|%S|%ls|%hs|%ws"), W("w\u00e9"),
                                       "n\xc3\xa9", W("l"), "h", W("ws")),
                     12);
    ck_assert_wstr_eq(buf, W("w\u00e9|n\u00e9|l|h|ws"));
    lsaemu_swprintf16(buf, 128, W("%c%C%lc%hc"), (int)W("\u00e9")[0], 'n', 'l', 'h');
    ck_assert_wstr_eq(buf, W("\u00e9nlh"));
    /* Microsoft's 'l' is 32-bit: DWORD and LONG print right with %lu/%ld. */
    lsaemu_swprintf16(buf, 128, W("%lu %ld %u %d"), big, neg, big, neg);
    ck_assert_wstr_eq(buf, W("4000000000 -1 4000000000 -1"));
    lsaemu_swprintf16(buf, 128, W("%I64d %lld %llu %zu %I64X"), (long long)1 << 40,
                      -(long long)5, (unsigned long long)7, (size_t)9, (unsigned long long)255);
    ck_assert_wstr_eq(buf, W("1099511627776 -5 7 9 FF"));
    lsaemu_swprintf16(buf, 128, W("[%5d][%-5d][%05d][%x][%X][%#x][%08lX]"), 42, 42, 42, 255,
                      255, 255, 0xC000006Du);
    ck_assert_wstr_eq(buf, W("[   42][42   ][00042][ff][FF][0xff][C000006D]"));
    lsaemu_swprintf16(buf, 128, W("[%.2s][%6s][%-4s][%*d][%.*s]"), W("abcd"), W("ab"), W("ab"),
                      4, 7, 1, W("xyz"));
    ck_assert_wstr_eq(buf, W("[ab][    ab][ab  ][   7][x]"));
    lsaemu_swprintf16(buf, 128, W("%s %S 100%% %.3f %g"), (WCHAR *)NULL, (char *)NULL, 1.5,
                      0.25);
    ck_assert_wstr_eq(buf, W("(null) (null) 100% 1.500 0.25"));
    lsaemu_swprintf16(buf, 128, W("%p"), (void *)(uintptr_t)0x1234);
    ck_assert_wstr_eq(buf, W("0000000000001234"));
    /* %n is disabled in Microsoft's CRT. */
    int n = 0;
    ck_assert_int_eq(lsaemu_swprintf16(buf, 128, W("ab%n"), &n), -1);
    ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_format_truncation)
{
    WCHAR buf[8];
    for (size_t i = 0; i < 8; i++)
        buf[i] = 'x';
    /* swprintf: -1 when count or more units are needed, text truncated and
     * terminated. */
    ck_assert_int_eq(lsaemu_swprintf16(buf, 5, W("abcdefgh")), -1);
    ck_assert_wstr_eq(buf, W("abcd"));
    ck_assert_int_eq(lsaemu_swprintf16(buf, 5, W("abcde")), -1);
    ck_assert_int_eq(lsaemu_swprintf16(buf, 5, W("abcd")), 4);
    ck_assert_int_eq(lsaemu_swprintf16(NULL, 5, W("a")), -1);

    /* _snwprintf: fits -> terminated; exactly count -> count, unterminated;
     * longer -> -1, count units, unterminated. */
    for (size_t i = 0; i < 8; i++)
        buf[i] = 'x';
    ck_assert_int_eq(lsaemu_snwprintf16(buf, 4, W("ab")), 2);
    ck_assert(buf[2] == 0 && buf[3] == 'x');
    for (size_t i = 0; i < 8; i++)
        buf[i] = 'x';
    ck_assert_int_eq(lsaemu_snwprintf16(buf, 4, W("abcd")), 4);
    ck_assert(buf[3] == 'd' && buf[4] == 'x');
    for (size_t i = 0; i < 8; i++)
        buf[i] = 'x';
    ck_assert_int_eq(lsaemu_snwprintf16(buf, 4, W("abcdefg")), -1);
    ck_assert(buf[3] == 'd' && buf[4] == 'x');
    ck_assert_int_eq(lsaemu_snwprintf16(NULL, 0, W("%d"), 12345), 5);

    /* swprintf_s: empty string and -1 when it does not fit. */
    ck_assert_int_eq(lsaemu_swprintf_s16(buf, 8, W("%s"), W("1234567")), 7);
    ck_assert_int_eq(lsaemu_swprintf_s16(buf, 8, W("%s"), W("12345678")), -1);
    ck_assert(buf[0] == 0);
    ck_assert_int_eq(lsaemu_swprintf_s16(NULL, 8, W("x")), -1);
}
END_TEST

START_TEST(test_fwprintf_utf8)
{
    char *mem = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&mem, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(lsaemu_fwprintf16(f, W("%s=%lu \U0001F600\n"), W("caf\u00e9"), (DWORD)1385),
                     13);
    fclose(f);
    ck_assert_str_eq(mem, "caf\xc3\xa9=1385 \xf0\x9f\x98\x80\n");
    free(mem);
}
END_TEST

/* ---- the narrow printf family (Microsoft's conversions) -------------------- */

/* The v* forms, through a variadic wrapper as client code writes them. */
static int call_vsnprintf(int (*fn)(char *, size_t, const char *, va_list), char *buf,
                          size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = fn(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

static int call_vscprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vscprintf(fmt, ap);
    va_end(ap);
    return r;
}

static int call_vsprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsprintf(buf, fmt, ap);
    va_end(ap);
    return r;
}

START_TEST(test_printf_strings)
{
    char buf[128];
    /* %s narrow; %S, %ls, %ws, %lS wide (to UTF-8); h forces narrow. */
    ck_assert_int_eq(lsaemu_snprintf(buf, sizeof buf, "%s|%S|%ls|%ws|%lS|%hs|%hS", "n\xc3\xa9",
                                     W("w\u00e9"), W("l"), W("ws"), W("lS"), "h", "hS"),
                     20);
    ck_assert_str_eq(buf, "n\xc3\xa9|w\xc3\xa9|l|ws|lS|h|hS");
    /* Outside the BMP, and an unpaired surrogate (U+FFFD). */
    WCHAR lone[] = {'a', 0xDC00, 'b', 0};
    lsaemu_snprintf(buf, sizeof buf, "%ls %S", W("\U0001F600"), lone);
    ck_assert_str_eq(buf, "\xf0\x9f\x98\x80 a\xef\xbf\xbd" "b");
    /* %c narrow; %C, %lc, %wc wide; %hc, %hC narrow. */
    lsaemu_snprintf(buf, sizeof buf, "%c%C%lc%wc%hc%hC", 'n', (int)W("\u00e9")[0], 'l', 'w', 'h',
                    'H');
    ck_assert_str_eq(buf, "n\xc3\xa9lwhH");
    /* A NUL character is output and counted. */
    ck_assert_int_eq(lsaemu_snprintf(buf, sizeof buf, "a%cb", 0), 3);
    ck_assert(buf[0] == 'a' && buf[1] == 0 && buf[2] == 'b' && buf[3] == 0);
    /* Width and precision count bytes; a wide string is never cut inside a
     * UTF-8 sequence. */
    lsaemu_snprintf(buf, sizeof buf, "[%5ls][%-4S][%.2ls][%.1ls][%.3ls][%.2s][%6s][%-3s|]",
                    W("\u00e9"), W("ab"), W("\u00e9a"), W("\u00e9"), W("a\u00e9b"), "abcd",
                    "ab", "ab");
    ck_assert_str_eq(buf, "[   \xc3\xa9][ab  ][\xc3\xa9][][a\xc3\xa9][ab][    ab][ab |]");
    lsaemu_snprintf(buf, sizeof buf, "[%*ls][%-*s][%.*S]", 4, W("x"), 3, "y", 2, W("xyz"));
    ck_assert_str_eq(buf, "[   x][y  ][xy]");
    /* NULL strings, narrow and wide. */
    lsaemu_snprintf(buf, sizeof buf, "%s %ls %S %.3s", (char *)NULL, (WCHAR *)NULL,
                    (WCHAR *)NULL, (char *)NULL);
    ck_assert_str_eq(buf, "(null) (null) (null) (nu");
}
END_TEST

START_TEST(test_printf_counted)
{
    char buf[128];
    /* Counted strings need no terminator: Length (bytes) decides. */
    WCHAR wb[] = {'a', 'l', 'i', 'c', 'e', 'X', 'X'};
    char nb[] = {'N', 'e', 'g', 'o', 'Z', 'Z'};
    UNICODE_STRING us = {10, sizeof wb, wb};
    ANSI_STRING as = {4, sizeof nb, nb};
    ck_assert_int_eq(lsaemu_snprintf(buf, sizeof buf, "%wZ|%Z|%lZ|%hZ", &us, &as, &us, &as), 21);
    ck_assert_str_eq(buf, "alice|Nego|alice|Nego");
    lsaemu_snprintf(buf, sizeof buf, "[%8wZ][%-6Z][%.3wZ]", &us, &as, &us);
    ck_assert_str_eq(buf, "[   alice][Nego  ][ali]");
    UNICODE_STRING empty = {0, 0, NULL};
    lsaemu_snprintf(buf, sizeof buf, "%wZ %Z %wZ", (UNICODE_STRING *)NULL, (ANSI_STRING *)NULL,
                    &empty);
    ck_assert_str_eq(buf, "(null) (null) (null)");
    UNICODE_STRING name;
    RtlInitUnicodeString(&name, W("caf\u00e9"));
    lsaemu_snprintf(buf, sizeof buf, "user %wZ", &name);
    ck_assert_str_eq(buf, "user caf\xc3\xa9");

    /* The wide family takes them too. */
    WCHAR wbuf[64];
    lsaemu_swprintf16(wbuf, 64, W("%wZ|%Z|%.2wZ|%hZ"), &us, &as, &us, (ANSI_STRING *)NULL);
    ck_assert_wstr_eq(wbuf, W("alice|Nego|al|(null)"));
}
END_TEST

START_TEST(test_printf_numbers)
{
    char buf[160];
    DWORD big = 4000000000u;
    LONG neg = -1;
    ULONG mask = 0xC000006Du;
    /* Microsoft's 'l' is 32-bit: DWORD, LONG and ULONG print right. */
    lsaemu_snprintf(buf, sizeof buf, "%lu %ld %lx %lX %08lX %u %d", big, neg, mask, mask, mask,
                    big, neg);
    ck_assert_str_eq(buf, "4000000000 -1 c000006d C000006D C000006D 4000000000 -1");
    /* 64-bit: I64, ll, I, z, j, t; I32 is 32-bit. */
    lsaemu_snprintf(buf, sizeof buf, "%I64u %I64d %llu %lld %I64x %Iu %zu %jd %td %I32u %I32d",
                    (unsigned long long)1 << 40, -(long long)5, 18446744073709551615ull,
                    (long long)-9, (unsigned long long)255, (size_t)7, (size_t)8, (intmax_t)-3,
                    (ptrdiff_t)4, big, neg);
    ck_assert_str_eq(buf, "1099511627776 -5 18446744073709551615 -9 ff 7 8 -3 4 4000000000 -1");
    lsaemu_snprintf(buf, sizeof buf, "[%5d][%-5d][%05d][%+d][% d][%#x][%#o][%.3d][%*d][%-*d]", 42,
                    42, 42, 42, 42, 255, 8, 7, 4, 1, 3, 2);
    ck_assert_str_eq(buf, "[   42][42   ][00042][+42][ 42][0xff][010][007][   1][2  ]");
    lsaemu_snprintf(buf, sizeof buf, "%hd %hu %hhu %hhd", 65537, 65535, 257, 255);
    ck_assert_str_eq(buf, "1 65535 1 -1");
    /* Floating: L is double on Windows. */
    lsaemu_snprintf(buf, sizeof buf, "%.3f %g %e %5.1f %Lf", 1.5, 0.25, 1234.5, 2.25, 0.5);
    ck_assert_str_eq(buf, "1.500 0.25 1.234500e+03   2.2 0.500000");
    /* %p: Win64's 16 upper-case hex digits. %% is a percent sign. */
    lsaemu_snprintf(buf, sizeof buf, "%p 100%%", (void *)(uintptr_t)0xabc);
    ck_assert_str_eq(buf, "0000000000000ABC 100%");
    /* Wider than the formatter's own buffer. */
    ck_assert_int_eq(lsaemu_scprintf("%300lu|%-200.150I64d", (DWORD)1, (long long)-1), 501);
}
END_TEST

START_TEST(test_printf_refused)
{
    char buf[32];
    int n = 0;
    /* %n is disabled in Microsoft's CRT; unknown conversions are invalid. */
    errno = 0;
    ck_assert_int_eq(lsaemu_snprintf(buf, sizeof buf, "ab%n", &n), -1);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(n, 0);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(lsaemu_snprintf(buf, sizeof buf, "%k", 1), -1);
    ck_assert_int_eq(lsaemu_snprintf(buf, sizeof buf, "trailing %"), -1);
    ck_assert_int_eq(lsaemu_sprintf_s(buf, sizeof buf, "%n", &n), -1);
    ck_assert_int_eq(lsaemu_snprintf_ms(buf, sizeof buf, "%n", &n), -1);
    ck_assert_int_eq(lsaemu_scprintf("%n", &n), -1);
    ck_assert_int_eq(lsaemu_snprintf(buf, sizeof buf, NULL), -1);
    ck_assert_int_eq(lsaemu_fprintf(NULL, "x"), -1);
}
END_TEST

START_TEST(test_printf_truncation)
{
    char buf[8];
    /* snprintf (C99): the length needed, at most count - 1 bytes stored,
     * always terminated. */
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(lsaemu_snprintf(buf, 5, "abcdefgh"), 8);
    ck_assert_str_eq(buf, "abcd");
    ck_assert(buf[5] == 'x');
    ck_assert_int_eq(lsaemu_snprintf(buf, 5, "abcde"), 5);
    ck_assert_str_eq(buf, "abcd");
    ck_assert_int_eq(lsaemu_snprintf(buf, 5, "abcd"), 4);
    ck_assert_str_eq(buf, "abcd");
    ck_assert_int_eq(lsaemu_snprintf(NULL, 0, "%ls", W("\u00e9\u00e9")), 4);
    buf[0] = 'q';
    ck_assert_int_eq(lsaemu_snprintf(buf, 0, "abc"), 3);
    ck_assert(buf[0] == 'q');
    ck_assert_int_eq(lsaemu_snprintf(NULL, 5, "a"), -1);
    /* A wide string cut by the buffer, not by a precision, is cut by bytes
     * (as the C library does). */
    ck_assert_int_eq(lsaemu_snprintf(buf, 3, "a%ls", W("\u00e9")), 3);
    ck_assert(buf[0] == 'a' && buf[1] == '\xc3' && buf[2] == 0);

    /* _snprintf: below count -> length, terminated; exactly count -> count,
     * NOT terminated; longer -> -1, count bytes, NOT terminated. */
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(lsaemu_snprintf_ms(buf, 4, "ab"), 2);
    ck_assert(buf[2] == 0 && buf[3] == 'x');
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(lsaemu_snprintf_ms(buf, 4, "abcd"), 4);
    ck_assert(memcmp(buf, "abcdx", 5) == 0);
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(lsaemu_snprintf_ms(buf, 4, "abcdefg"), -1);
    ck_assert(memcmp(buf, "abcdx", 5) == 0);
    ck_assert_int_eq(lsaemu_snprintf_ms(NULL, 0, "%d", 12345), 5);

    /* sprintf_s: the length, or -1 with an empty string (ERANGE). */
    ck_assert_int_eq(lsaemu_sprintf_s(buf, 8, "%s", "1234567"), 7);
    ck_assert_str_eq(buf, "1234567");
    errno = 0;
    ck_assert_int_eq(lsaemu_sprintf_s(buf, 8, "%s", "12345678"), -1);
    ck_assert_int_eq(errno, ERANGE);
    ck_assert_str_eq(buf, "");
    errno = 0;
    ck_assert_int_eq(lsaemu_sprintf_s(NULL, 8, "x"), -1);
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_int_eq(lsaemu_sprintf_s(buf, 0, "x"), -1);

    /* sprintf has no bound; _scprintf counts. */
    char big[64];
    ck_assert_int_eq(lsaemu_sprintf(big, "%ls-%lu", W("\u00e9"), (DWORD)1385), 7);
    ck_assert_str_eq(big, "\xc3\xa9-1385");
    ck_assert_int_eq(lsaemu_scprintf("%S=%I64u", W("ab"), (unsigned long long)1 << 33), 13);

    /* The v* forms behave as their variadic twins. */
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(call_vsnprintf(lsaemu_vsnprintf, buf, 4, "%ls%lu", W("ab"), (DWORD)12), 4);
    ck_assert_str_eq(buf, "ab1");
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(call_vsnprintf(lsaemu_vsnprintf_ms, buf, 4, "%ls%lu", W("ab"), (DWORD)12),
                     4);
    ck_assert(memcmp(buf, "ab12x", 5) == 0);
    ck_assert_int_eq(call_vsnprintf(lsaemu_vsprintf_s, buf, 4, "%ls%lu", W("ab"), (DWORD)12), -1);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(call_vsprintf(big, "%S", W("\u00e9")), 2);
    ck_assert_str_eq(big, "\xc3\xa9");
    ck_assert_int_eq(call_vscprintf("%5ls", W("x")), 5);
}
END_TEST

START_TEST(test_printf_streams)
{
    char *mem = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&mem, &size);
    ck_assert_ptr_nonnull(f);
    /* fprintf returns the bytes written. */
    ck_assert_int_eq(lsaemu_fprintf(f, "user %ls (%lu)\n", W("caf\u00e9"), (DWORD)7), 15);
    /* Longer than the first buffer the function tries. */
    ck_assert_int_eq(lsaemu_fprintf(f, "%1000ls|", W("\u00e9")), 1001);
    fclose(f);
    ck_assert_uint_eq(size, 15 + 1001);
    ck_assert(memcmp(mem, "user caf\xc3\xa9 (7)\n", 15) == 0);
    ck_assert(mem[15] == ' ' && memcmp(mem + 15 + 998, "\xc3\xa9|", 3) == 0);
    free(mem);

    /* printf writes to stdout. */
    fflush(stdout);
    FILE *t = tmpfile();
    ck_assert_ptr_nonnull(t);
    int saved = dup(1);
    ck_assert_int_ge(saved, 0);
    dup2(fileno(t), 1);
    int r = lsaemu_printf("%S %lu %I64u\n", W("w"), (DWORD)4000000000u,
                          (unsigned long long)1 << 40);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    ck_assert_int_eq(r, 27);
    char got[64] = {0};
    rewind(t);
    ck_assert_uint_eq(fread(got, 1, sizeof got - 1, t), 27);
    fclose(t);
    ck_assert_str_eq(got, "w 4000000000 1099511627776\n");
}
END_TEST

/* ---- tokens, case, conversions, files --------------------------------------- */

START_TEST(test_wcstok)
{
    WCHAR s[32], *ctx = NULL;
    lsaemu_wcscpy16(s, W("  DOMAIN\\user,,x "));
    const WCHAR *d = W(" \\,");
    ck_assert_wstr_eq(lsaemu_wcstok16(s, d, &ctx), W("DOMAIN"));
    ck_assert_wstr_eq(lsaemu_wcstok16(NULL, d, &ctx), W("user"));
    ck_assert_wstr_eq(lsaemu_wcstok16(NULL, d, &ctx), W("x"));
    ck_assert_ptr_null(lsaemu_wcstok16(NULL, d, &ctx));
    ck_assert_ptr_null(lsaemu_wcstok16(NULL, d, &ctx));
    /* The two-argument form keeps its position per thread. */
    lsaemu_wcscpy16(s, W("a;b"));
    ck_assert_wstr_eq(lsaemu_wcstok_legacy16(s, W(";")), W("a"));
    ck_assert_wstr_eq(lsaemu_wcstok_legacy16(NULL, W(";")), W("b"));
    ck_assert_ptr_null(lsaemu_wcstok_legacy16(NULL, W(";")));
    /* wcstok_s checks its arguments. */
    lsaemu_wcscpy16(s, W(";;"));
    ctx = NULL;
    ck_assert_ptr_null(lsaemu_wcstok_s16(s, W(";"), &ctx));
    errno = 0;
    ck_assert_ptr_null(lsaemu_wcstok_s16(s, NULL, &ctx));
    ck_assert_int_eq(errno, EINVAL);
    ctx = NULL;
    errno = 0;
    ck_assert_ptr_null(lsaemu_wcstok_s16(NULL, W(";"), &ctx));
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_ptr_null(lsaemu_wcstok_s16(s, W(";"), NULL));
}
END_TEST

START_TEST(test_case_numbers)
{
    WCHAR s[16];
    lsaemu_wcscpy16(s, W("Ab\u00c9z1"));
    ck_assert_ptr_eq(lsaemu_wcslwr16(s), s);
    ck_assert_wstr_eq(s, W("ab\u00c9z1")); /* ASCII only, as the "C" locale */
    ck_assert_wstr_eq(lsaemu_wcsupr16(s), W("AB\u00c9Z1"));
    ck_assert_int_eq(lsaemu_wcslwr_s16(s, 16), 0);
    ck_assert_wstr_eq(s, W("ab\u00c9z1"));
    ck_assert_int_eq(lsaemu_wcsupr_s16(s, 6), 0);
    ck_assert_wstr_eq(s, W("AB\u00c9Z1"));
    ck_assert_int_eq(lsaemu_wcsupr_s16(s, 5), EINVAL); /* not terminated within 5 */
    ck_assert(s[0] == 0);
    ck_assert_int_eq(lsaemu_wcslwr_s16(NULL, 5), EINVAL);

    ck_assert_int_eq(lsaemu_wtol16(W(" -1385x")), -1385);
    ck_assert_int_eq(lsaemu_wtol16(W("99999999999")), 2147483647); /* Windows' long */
    ck_assert_int_eq(lsaemu_wtoi64_16(W("99999999999")), 99999999999LL);
    ck_assert_int_eq(lsaemu_wtoi64_16(W("-12")), -12);
}
END_TEST

START_TEST(test_wcstombs_mbstowcs)
{
    char mb[16];
    WCHAR w[8];
    /* Sizes: dst NULL gives the length, without the NUL. */
    ck_assert_uint_eq(lsaemu_wcstombs16(NULL, W("caf\u00e9\U0001F600"), 0), 9);
    ck_assert_uint_eq(lsaemu_wcstombs16(mb, W("caf\u00e9"), sizeof mb), 5);
    ck_assert_str_eq(mb, "caf\xc3\xa9");
    /* A character that does not fit whole is not written; no NUL then. */
    memset(mb, 'x', sizeof mb);
    ck_assert_uint_eq(lsaemu_wcstombs16(mb, W("caf\u00e9"), 4), 3);
    ck_assert(memcmp(mb, "cafx", 4) == 0);
    WCHAR lone[] = {'a', 0xD800, 0};
    errno = 0;
    ck_assert_uint_eq(lsaemu_wcstombs16(mb, lone, sizeof mb), (size_t)-1);
    ck_assert_int_eq(errno, EILSEQ);

    ck_assert_uint_eq(lsaemu_mbstowcs16(NULL, "caf\xc3\xa9\xf0\x9f\x98\x80", 0), 6);
    ck_assert_uint_eq(lsaemu_mbstowcs16(w, "caf\xc3\xa9", 8), 4);
    ck_assert_wstr_eq(w, W("caf\u00e9"));
    /* A surrogate pair is written whole or not at all. */
    ck_assert_uint_eq(lsaemu_mbstowcs16(w, "a\xf0\x9f\x98\x80", 2), 1);
    ck_assert_uint_eq(lsaemu_mbstowcs16(w, "a\xf0\x9f\x98\x80", 3), 3);
    ck_assert(w[1] == 0xD83D && w[2] == 0xDE00);
    errno = 0;
    ck_assert_uint_eq(lsaemu_mbstowcs16(w, "a\xc3(", 8), (size_t)-1);
    ck_assert_int_eq(errno, EILSEQ);

    /* The _s forms. */
    size_t n = 99;
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, NULL, 0, W("caf\u00e9"), 0), 0);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, mb, sizeof mb, W("caf\u00e9"), _TRUNCATE), 0);
    ck_assert_uint_eq(n, 6);
    ck_assert_str_eq(mb, "caf\xc3\xa9");
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, mb, sizeof mb, W("caf\u00e9"), 3), 0);
    ck_assert_str_eq(mb, "caf");
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, mb, 5, W("caf\u00e9"), sizeof mb), ERANGE);
    ck_assert_str_eq(mb, "");
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, mb, 5, W("caf\u00e9"), _TRUNCATE), STRUNCATE);
    ck_assert_str_eq(mb, "caf");
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, mb, sizeof mb, NULL, 1), EINVAL);
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, NULL, 4, W("a"), 1), EINVAL);
    ck_assert_int_eq(lsaemu_wcstombs_s16(&n, mb, sizeof mb, lone, _TRUNCATE), EILSEQ);
    ck_assert_uint_eq(n, 0);

    ck_assert_int_eq(lsaemu_mbstowcs_s16(&n, NULL, 0, "caf\xc3\xa9", 0), 0);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(lsaemu_mbstowcs_s16(&n, w, 8, "caf\xc3\xa9", _TRUNCATE), 0);
    ck_assert_wstr_eq(w, W("caf\u00e9"));
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(lsaemu_mbstowcs_s16(&n, w, 4, "caf\xc3\xa9", _TRUNCATE), STRUNCATE);
    ck_assert_wstr_eq(w, W("caf"));
    ck_assert_int_eq(lsaemu_mbstowcs_s16(&n, w, 4, "caf\xc3\xa9", 10), ERANGE);
    ck_assert(w[0] == 0);
    ck_assert_int_eq(lsaemu_mbstowcs_s16(NULL, w, 8, "ab", 1), 0);
    ck_assert_wstr_eq(w, W("a"));
}
END_TEST

START_TEST(test_wfopen)
{
    char dir[] = "/tmp/lsaemu-wfopen.XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path8[128];
    WCHAR path[128];
    snprintf(path8, sizeof path8, "%s/caf\xc3\xa9.txt", dir);
    ck_assert_int_gt(MultiByteToWideChar(CP_UTF8, 0, path8, -1, path, 128), 0);

    /* Microsoft's mode letters (t, ccs=) are accepted and dropped. */
    FILE *f = lsaemu_wfopen16(path, W("wt, ccs=UTF-8"));
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(lsaemu_fprintf(f, "%ls", W("\u00e9")), 2);
    fclose(f);
    f = NULL;
    ck_assert_int_eq(lsaemu_wfopen_s16(&f, path, W("rb")), 0);
    char got[8] = {0};
    ck_assert_uint_eq(fread(got, 1, sizeof got, f), 2);
    fclose(f);
    ck_assert_str_eq(got, "\xc3\xa9");
    /* The file really has the UTF-8 name. */
    f = fopen(path8, "r");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    remove(path8);
    ck_assert_int_eq(lsaemu_wfopen_s16(&f, path, W("r")), ENOENT);
    ck_assert_ptr_null(f);
    errno = 0;
    ck_assert_ptr_null(lsaemu_wfopen16(path, W("q")));
    ck_assert_int_eq(errno, EINVAL);
    ck_assert_ptr_null(lsaemu_wfopen16(NULL, W("r")));
    ck_assert_int_eq(lsaemu_wfopen_s16(NULL, path, W("r")), EINVAL);
    rmdir(dir);
}
END_TEST

/* ---- code-page conversions --------------------------------------------------- */

START_TEST(test_mb_to_wide)
{
    WCHAR buf[8];
    SetLastError(0);
    /* Size queries count the NUL with -1. */
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9llo", -1, NULL, 0), 6);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9llo", 6, NULL, 0), 5);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9llo", -1, buf, 6), 6);
    ck_assert_wstr_eq(buf, W("h\u00e9llo"));
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9llo", -1, buf, 5), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    /* Outside the BMP: a surrogate pair. */
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xf0\x9f\x98\x80", 4, buf, 8), 2);
    ck_assert(buf[0] == 0xD83D && buf[1] == 0xDE00);
    /* CP_ACP is UTF-8 on the emulated machine, and takes MB_PRECOMPOSED. */
    ck_assert_int_eq(MultiByteToWideChar(CP_ACP, MB_PRECOMPOSED, "\xc3\xa9", -1, buf, 8), 2);
    ck_assert(buf[0] == 0xE9);
    ck_assert_uint_eq(GetACP(), CP_UTF8);
    ck_assert_int_eq(MultiByteToWideChar(1252, 0, "\x80\xe9", 2, buf, 8), 2);
    ck_assert(buf[0] == 0x20AC && buf[1] == 0xE9);
}
END_TEST

START_TEST(test_mb_invalid)
{
    WCHAR buf[8];
    static const char *bad[] = {
        "\xc3\x28",         /* truncated two-byte sequence */
        "\xc0\xaf",         /* overlong '/' */
        "\xed\xa0\x80",     /* an encoded surrogate */
        "\xf4\x90\x80\x80", /* above U+10FFFF */
        "\xff",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        SetLastError(0);
        ck_assert_int_eq(
            MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, bad[i], -1, buf, 8), 0);
        ck_assert_win32_eq(GetLastError(), ERROR_NO_UNICODE_TRANSLATION);
        ck_assert_int_gt(MultiByteToWideChar(CP_UTF8, 0, bad[i], -1, buf, 8), 0);
        ck_assert(buf[0] == 0xFFFD);
    }
    /* Without the flag, one U+FFFD per maximal bad subpart. */
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "\xc3\x28", 2, buf, 8), 2);
    ck_assert(buf[0] == 0xFFFD && buf[1] == '(');

    SetLastError(0);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "a", 0, buf, 8), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, NULL, -1, buf, 8), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, 0, "a", -1, NULL, 8), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(MultiByteToWideChar(12345, 0, "a", -1, buf, 8), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(MultiByteToWideChar(CP_UTF8, MB_PRECOMPOSED, "a", -1, buf, 8), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_FLAGS);
}
END_TEST

START_TEST(test_wide_to_mb)
{
    char buf[16];
    BOOL used = -1;
    WCHAR lone[] = {'a', 0xD800, 'b', 0};
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, W("h\u00e9llo"), -1, NULL, 0, NULL, NULL),
                     7);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, W("h\u00e9llo"), -1, buf, 7, NULL, NULL), 7);
    ck_assert_str_eq(buf, "h\xc3\xa9llo");
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, W("h\u00e9llo"), -1, buf, 6, NULL, NULL), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, W("\U0001F600"), -1, buf, 16, NULL, NULL),
                     5);
    ck_assert_str_eq(buf, "\xf0\x9f\x98\x80");
    /* An unpaired surrogate: U+FFFD, or an error with WC_ERR_INVALID_CHARS. */
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, lone, -1, buf, 16, NULL, NULL), 6);
    ck_assert_str_eq(buf, "a\xef\xbf\xbd" "b");
    ck_assert_int_eq(
        WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, -1, buf, 16, NULL, NULL), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_NO_UNICODE_TRANSLATION);
    /* UTF-8 has no default character. */
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, W("a"), -1, buf, 16, NULL, &used), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, WC_NO_BEST_FIT_CHARS, W("a"), -1, buf, 16,
                                         NULL, NULL),
                     0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_FLAGS);
    ck_assert_int_eq(WideCharToMultiByte(CP_UTF8, 0, W("a"), 0, buf, 16, NULL, NULL), 0);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    /* CP_ACP (UTF-8) accepts the arguments code for a 1252 machine passes. */
    ck_assert_int_eq(WideCharToMultiByte(CP_ACP, 0, W("\u00e9"), -1, buf, 16, NULL, &used), 3);
    ck_assert_int_eq(used, FALSE);
    /* A single-byte code page uses the default character. */
    ck_assert_int_eq(WideCharToMultiByte(1252, 0, W("\u20ac\u2713\u00e9"), 3, buf, 16, NULL,
                                         &used),
                     3);
    ck_assert(buf[0] == '\x80' && buf[1] == '?' && buf[2] == '\xe9' && used == TRUE);
    ck_assert_int_eq(WideCharToMultiByte(28591, 0, W("\u2713"), 1, buf, 16, "#", &used), 1);
    ck_assert(buf[0] == '#');
}
END_TEST

/* ---- memory ---------------------------------------------------------------- */

START_TEST(test_heap_local)
{
    HANDLE heap = GetProcessHeap();
    ck_assert_ptr_nonnull(heap);
    ck_assert_ptr_eq(heap, GetProcessHeap());
    unsigned char *p = HeapAlloc(heap, HEAP_ZERO_MEMORY, 10);
    ck_assert_ptr_nonnull(p);
    for (int i = 0; i < 10; i++)
        ck_assert_int_eq(p[i], 0);
    ck_assert_uint_eq(HeapSize(heap, 0, p), 10);
    memset(p, 0xAB, 10);
    p = HeapReAlloc(heap, HEAP_ZERO_MEMORY, p, 20);
    ck_assert_ptr_nonnull(p);
    ck_assert(p[9] == 0xAB && p[10] == 0 && p[19] == 0);
    ck_assert_ptr_null(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 40));
    ck_assert(HeapFree(heap, 0, p));
    ck_assert(HeapFree(heap, 0, NULL));

    HLOCAL l = LocalAlloc(LPTR, 16);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(((unsigned char *)l)[15], 0);
    ck_assert_ptr_null(LocalFree(l));
    /* The pair is checked: a second free is refused. */
    ck_assert_ptr_eq(LocalFree(l), l);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert_ptr_null(LocalAlloc(0x8000, 4));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);

    /* The memory macros. */
    char z[4] = {1, 2, 3, 4};
    ZeroMemory(z, 2);
    ck_assert(z[0] == 0 && z[1] == 0 && z[2] == 3);
    SecureZeroMemory(z, sizeof z);
    ck_assert(z[3] == 0);
    ck_assert_uint_eq(ARRAYSIZE(z), 4);
    ck_assert_uint_eq(_countof(z), 4);
}
END_TEST

/* ---- names ------------------------------------------------------------------ */

static const char names_policy[] = "lsaemu: 1\n"
                                   "machine: { name: Ws-One, domain: corp.example }\n"
                                   "accounts:\n"
                                   "  alice: { password: x, groups: [Users] }\n"
                                   "processes:\n"
                                   "  app: { account: alice }\n";

START_TEST(test_computer_name)
{
    WCHAR buf[32];
    char abuf[32];
    DWORD n = 3;
    tu_load_policy_text(names_policy);
    ck_assert(!GetComputerNameW(buf, &n));
    ck_assert_win32_eq(GetLastError(), ERROR_BUFFER_OVERFLOW);
    ck_assert_uint_eq(n, 7);
    ck_assert(GetComputerNameW(buf, &n));
    ck_assert_uint_eq(n, 6);
    ck_assert_wstr_eq(buf, W("WS-ONE"));
    n = sizeof abuf;
    ck_assert(GetComputerNameA(abuf, &n));
    ck_assert_str_eq(abuf, "WS-ONE");

    n = 32;
    ck_assert(GetComputerNameExW(ComputerNameDnsFullyQualified, buf, &n));
    ck_assert_wstr_eq(buf, W("Ws-One.corp.example"));
    ck_assert_uint_eq(n, 19);
    n = 32;
    ck_assert(GetComputerNameExW(ComputerNameDnsDomain, buf, &n));
    ck_assert_wstr_eq(buf, W("corp.example"));
    n = 32;
    ck_assert(GetComputerNameExW(ComputerNameDnsHostname, buf, &n));
    ck_assert_wstr_eq(buf, W("Ws-One"));
    n = 2;
    ck_assert(!GetComputerNameExW(ComputerNamePhysicalNetBIOS, buf, &n));
    ck_assert_win32_eq(GetLastError(), ERROR_MORE_DATA);
    ck_assert_uint_eq(n, 7);
    n = 0;
    ck_assert(!GetComputerNameExW(ComputerNameNetBIOS, NULL, &n));
    ck_assert_uint_eq(n, 7);
    n = 32;
    ck_assert(!GetComputerNameExW(ComputerNameMax, buf, &n));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(test_user_name)
{
    WCHAR buf[32];
    char abuf[32];
    DWORD n = 32;
    tu_load_policy_text(names_policy);
    /* Without LSAEMU_PROCESS the process runs as the default entry: SYSTEM
     * unless the policy says otherwise. */
    ck_assert(lsaemu_set_process("app") == 0);
    ck_assert(GetUserNameW(buf, &n));
    ck_assert_wstr_eq(buf, W("alice"));
    ck_assert_uint_eq(n, 6); /* GetUserName counts the NUL */
    n = 3;
    ck_assert(!GetUserNameW(buf, &n));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(n, 6);
    n = 32;
    ck_assert(GetUserNameA(abuf, &n));
    ck_assert_str_eq(abuf, "alice");
}
END_TEST

START_TEST(test_rtl_init)
{
    UNICODE_STRING us;
    STRING s;
    RtlInitUnicodeString(&us, W("abc"));
    ck_assert_uint_eq(us.Length, 6);
    ck_assert_uint_eq(us.MaximumLength, 8);
    ck_assert_int_eq(us.Buffer[2], 'c');
    RtlInitUnicodeString(&us, NULL);
    ck_assert(us.Length == 0 && us.MaximumLength == 0 && us.Buffer == NULL);
    RtlInitString(&s, "Negotiate");
    ck_assert(s.Length == 9 && s.MaximumLength == 10 && s.Buffer[0] == 'N');
    RtlInitAnsiString(&s, NULL);
    ck_assert(s.Length == 0 && s.Buffer == NULL);
}
END_TEST

/* ---- which names this mode maps ------------------------------------------- */

START_TEST(test_crt_names)
{
#if defined(LSAEMU_WCHAR_IS_WCHAR_T)
    /* -fshort-wchar: the Windows names are lsaemu's 16-bit functions. */
    ck_assert(LSAEMU_CRT_NAMES);
    WCHAR buf[32];
    ck_assert_uint_eq(wcslen(L"h\u00e9llo"), 5);
    ck_assert_uint_eq(sizeof(L"ab"), 6);
    wcscpy(buf, L"ab");
    wcscat(buf, L"cd");
    ck_assert_int_eq(wcscmp(buf, L"abcd"), 0);
    ck_assert_int_eq(_wcsicmp(buf, L"ABCD"), 0);
    ck_assert_ptr_eq(wcschr(buf, L'c'), buf + 2);
    ck_assert_int_eq(swprintf(buf, 32, L"%s-%S-%lu", L"w", "n", (DWORD)5), 5);
    ck_assert_int_eq(wcscmp(buf, L"w-n-5"), 0);
    ck_assert_int_eq(wcscpy_s(buf, 32, L"x"), 0);
    ck_assert_int_eq(_snwprintf(buf, 32, L"%d", 7), 1);
    wmemset(buf, L'q', 3);
    ck_assert(buf[2] == L'q' && wmemcmp(buf, L"qqq", 3) == 0);
    ck_assert(TEXT('a') == 'a');
    WCHAR tok[16], *ctx = NULL;
    wcscpy(tok, L"a b");
    ck_assert_int_eq(wcscmp(wcstok(tok, L" ", &ctx), L"a"), 0); /* ISO, 3 arguments */
    ck_assert_int_eq(wcscmp(wcstok(NULL, L" ", &ctx), L"b"), 0);
    wcscpy(tok, L"c d");
    ck_assert_int_eq(wcscmp(wcstok(tok, L" "), L"c"), 0); /* old Microsoft, 2 arguments */
    ck_assert_int_eq(wcscmp(wcstok(NULL, L" "), L"d"), 0);
    char nb[64];
    ck_assert_uint_eq(wcstombs(nb, L"\u00e9", sizeof nb), 2);
    ck_assert_uint_eq(mbstowcs(tok, "\xc3\xa9", 16), 1);
    ck_assert(tok[0] == 0xE9 && tok[1] == 0);
#if defined(LSAEMU_WIN32) && LSAEMU_WIN32
    /* lsaemu-win32 mode: the narrow printf family has Microsoft's meaning. */
    ck_assert(LSAEMU_PRINTF_NAMES);
    UNICODE_STRING us;
    RtlInitUnicodeString(&us, L"alice");
    DWORD err = 1385;
    LONG neg = -2;
    ck_assert_int_eq(snprintf(nb, sizeof nb, "%ls|%S|%wZ|%lu|%ld|%I64u", L"w\u00e9", L"S", &us,
                              err, neg, (unsigned long long)1 << 40),
                     33);
    ck_assert_str_eq(nb, "w\xc3\xa9|S|alice|1385|-2|1099511627776");
    ck_assert_int_eq(sprintf(nb, "%ws-%C", L"x", L'\u00e9'), 4);
    ck_assert_str_eq(nb, "x-\xc3\xa9");
    memset(nb, 'x', sizeof nb);
    ck_assert_int_eq(_snprintf(nb, 4, "%s", "abcd"), 4);
    ck_assert(nb[3] == 'd' && nb[4] == 'x'); /* not terminated */
    ck_assert_int_eq(_snprintf(nb, 4, "%s", "abcde"), -1);
    ck_assert_int_eq(snprintf(nb, 4, "%s", "abcde"), 5);
    ck_assert_str_eq(nb, "abc");
    ck_assert_int_eq(sprintf_s(nb, 4, "%s", "abcd"), -1);
    ck_assert_str_eq(nb, "");
    ck_assert_int_eq(_scprintf("%ls", L"ab"), 2);
#endif
#else
    /* Ordinary wchar_t: glibc's names are untouched. */
#ifdef wcslen
    ck_abort_msg("wcslen must not be renamed without -fshort-wchar");
#endif
    ck_assert_uint_eq(sizeof(wchar_t), 4);
    ck_assert_uint_eq(wcslen(L"h\u00e9llo"), 5); /* glibc's, on 32-bit units */
    ck_assert_uint_eq(sizeof(W("ab")), 6);
    /* glibc's printf: no Microsoft conversions, a 64-bit 'l'. */
#if defined(printf) || defined(snprintf) || defined(_snprintf) || defined(LSAEMU_PRINTF_NAMES)
    ck_abort_msg("the printf family must not be renamed outside lsaemu-win32 mode");
#endif
    char nb[32];
    snprintf(nb, sizeof nb, "%lu", 5000000000ul);
    ck_assert_str_eq(nb, "5000000000");
    /* The non-ISO Microsoft names exist in both modes. */
    ck_assert_int_eq(_wcsicmp(W("ab"), W("AB")), 0);
#endif
    WCHAR up[8];
    lsaemu_wcscpy16(up, W("aB1"));
    ck_assert_int_eq(lsaemu_wcscmp16(_wcsupr(up), W("AB1")), 0);
    ck_assert_int_eq(lsaemu_wcscmp16(_wcslwr(up), W("ab1")), 0);
    ck_assert_int_eq(_wcsupr_s(up, 8), 0);
    ck_assert_int_eq(_wtol(W("-7")), -7);
    ck_assert_int_eq(_wtoi64(W("5000000000")), 5000000000LL);
    size_t conv = 0;
    char mb[8];
    ck_assert_int_eq(wcstombs_s(&conv, mb, sizeof mb, W("\u00e9"), _TRUNCATE), 0);
    ck_assert_uint_eq(conv, 3);
    ck_assert_int_eq(mbstowcs_s(&conv, up, 8, "ab", _TRUNCATE), 0);
    ck_assert_uint_eq(conv, 3);
    WCHAR *ctx2 = NULL;
    ck_assert_int_eq(lsaemu_wcscmp16(wcstok_s(up, W("b"), &ctx2), W("a")), 0);
    FILE *f = NULL;
    ck_assert_int_eq(_wfopen_s(&f, W("/nonexistent/lsaemu"), W("r")), ENOENT);
    ck_assert_ptr_null(_wfopen(W("/nonexistent/lsaemu"), W("r")));
}
END_TEST

/* ---- one printf engine for both families ---------------------------------- */

/* A NUL character is a character of width 1 in both families: it is output
 * and padded like any other (the wide family used to output it unpadded). */
START_TEST(test_printf_nul_char_padded)
{
    WCHAR w[8];
    char n[8];
    ck_assert_int_eq(lsaemu_swprintf16(w, 8, W("[%3c]"), 0), 5);
    ck_assert(w[0] == '[' && w[1] == ' ' && w[2] == ' ' && w[3] == 0 && w[4] == ']');
    ck_assert_int_eq(lsaemu_snprintf(n, sizeof n, "[%3c]", 0), 5);
    ck_assert_mem_eq(n, "[  \0]", 5);
    ck_assert_int_eq(lsaemu_swprintf16(w, 8, W("[%-2hc]"), 0), 4);
    ck_assert(w[1] == 0 && w[2] == ' ' && w[3] == ']');
}
END_TEST

/* %Z's Length counts every byte, a NUL inside included, in both families
 * (the wide family used to stop at it). */
START_TEST(test_printf_counted_nul)
{
    char raw[] = {'a', 0, 'b'};
    ANSI_STRING as = {3, 3, raw};
    WCHAR wraw[] = {'c', 0, 'd'};
    UNICODE_STRING us = {6, 6, wraw};
    WCHAR w[16];
    char n[16];
    ck_assert_int_eq(lsaemu_swprintf16(w, 16, W("%Z|%wZ"), &as, &us), 7);
    const WCHAR want[] = {'a', 0, 'b', '|', 'c', 0, 'd'};
    ck_assert_mem_eq(w, want, sizeof want);
    ck_assert_int_eq(lsaemu_snprintf(n, sizeof n, "%Z|%wZ", &as, &us), 7);
    ck_assert_mem_eq(n, "a\0b|c\0d", 7);
}
END_TEST

/* Precisions and widths far beyond any stack buffer print exactly what the
 * C library prints (the digits a double cannot have are zeros). */
START_TEST(test_printf_large_fields)
{
    static const char *const fmts[] = {
        "%.2000f", "%.1500e", "%.1500E", "%#.1200g", "%.1200g", "%.60a", "%-3000.1800f",
        "%+03000.5f", "%03000e", "%-2500.1000e", "% 0900f",
    };
    static const double vals[] = {1.0 / 3, -2.5e-300, 1e300, 0.0, -0.0, 5e-324,
                                  HUGE_VAL, -HUGE_VAL};
    static const char *const ifmts[] = {"%.300d", "%#.300x", "%#.300o", "%-5000.200d",
                                        "%+0900d", "% 0400.300d", "%5000X", "%#0600x"};
    static const int ivals[] = {0, 7, -42, 0x7fffffff, -0x7fffffff - 1};
    size_t size = 8192;
    char *want = malloc(size), *got = malloc(size);
    ck_assert_ptr_nonnull(want);
    ck_assert_ptr_nonnull(got);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        for (size_t j = 0; j < sizeof vals / sizeof vals[0]; j++) {
            int n = snprintf(want, size, fmts[i], vals[j]);
            ck_assert_int_eq(lsaemu_snprintf(got, size, fmts[i], vals[j]), n);
            ck_assert_msg(strcmp(got, want) == 0, "%s of %g", fmts[i], vals[j]);
        }
    }
    for (size_t i = 0; i < sizeof ifmts / sizeof ifmts[0]; i++) {
        for (size_t j = 0; j < sizeof ivals / sizeof ivals[0]; j++) {
            int n = snprintf(want, size, ifmts[i], ivals[j]);
            ck_assert_int_eq(lsaemu_snprintf(got, size, ifmts[i], ivals[j]), n);
            ck_assert_msg(strcmp(got, want) == 0, "%s of %d", ifmts[i], ivals[j]);
        }
    }
#pragma GCC diagnostic pop
    free(want);
    free(got);
}
END_TEST

/* Windows' vsnprintf-style functions write into the caller's buffer and
 * cannot run out of memory; neither can these, nor the stream functions:
 * with every allocation failing they print exactly what they print
 * otherwise (the narrow family used to fail with ENOMEM on a large number,
 * the wide one to drop a %S string or a large number). */
START_TEST(test_printf_never_allocates)
{
    static char before[8192], after[8192];
    static WCHAR wbefore[8192], wafter[8192];
    WCHAR wide_s[] = {'w', 0xE9, 0};
    const char *fmt = "%.300d|%S|%-400s|%.1500f|%#.900g|%5000.3e|%c";
    const WCHAR *wfmt = W("%.300d|%S|%-400s|%.1500f|%#.900g|%5000.3e|%c");
    int n = lsaemu_snprintf(before, sizeof before, fmt, 7, wide_s, "x", 0.1, 2.0, 1.5, 'z');
    int wn = lsaemu_swprintf16(wbefore, 8192, wfmt, 7, "n\xc3\xa9", wide_s, 0.1, 2.0, 1.5, 'z');
    ck_assert_int_gt(n, 2800);
    ck_assert_int_gt(wn, 2800);
    char *mem1 = NULL, *mem2 = NULL;
    size_t size1 = 0, size2 = 0;
    FILE *f1 = open_memstream(&mem1, &size1), *f2 = open_memstream(&mem2, &size2);
    ck_assert_ptr_nonnull(f1);
    ck_assert_ptr_nonnull(f2);
    /* The streams' own buffers first, so that they are not what fails. */
    fputc('>', f1);
    fputc('>', f2);
    fflush(f1);
    fflush(f2);

    mem_fail_after(0);
    int n2 = lsaemu_snprintf(after, sizeof after, fmt, 7, wide_s, "x", 0.1, 2.0, 1.5, 'z');
    int wn2 = lsaemu_swprintf16(wafter, 8192, wfmt, 7, "n\xc3\xa9", wide_s, 0.1, 2.0, 1.5, 'z');
    int fn = lsaemu_fprintf(f1, fmt, 7, wide_s, "x", 0.1, 2.0, 1.5, 'z');
    int fwn = lsaemu_fwprintf16(f2, wfmt, 7, "n\xc3\xa9", wide_s, 0.1, 2.0, 1.5, 'z');
    unsigned long failed = mem_failed_count();
    mem_fail_reset();

    ck_assert_uint_eq(failed, 0);
    ck_assert_int_eq(n2, n);
    ck_assert_mem_eq(after, before, (size_t)n + 1);
    ck_assert_int_eq(wn2, wn);
    ck_assert_mem_eq(wafter, wbefore, ((size_t)wn + 1) * sizeof(WCHAR));
    ck_assert_int_eq(fn, n);
    ck_assert_int_eq(fwn, wn);
    fclose(f1);
    fclose(f2);
    ck_assert_uint_eq(size1, (size_t)n + 1);
    ck_assert_mem_eq(mem1 + 1, before, (size_t)n);
    /* The stream gets UTF-8: the same text as the wide buffer's. */
    static char utf8[16384];
    int u = WideCharToMultiByte(CP_UTF8, 0, wbefore, wn, utf8, sizeof utf8, NULL, NULL);
    ck_assert_int_gt(u, 0);
    ck_assert_uint_eq(size2, (size_t)u + 1);
    ck_assert_mem_eq(mem2 + 1, utf8, (size_t)u);
    free(mem1);
    free(mem2);
}
END_TEST

/* A refused format writes nothing to a stream, not even what comes before
 * the refused conversion; a write error is -1. */
START_TEST(test_printf_stream_refused)
{
    char *mem = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&mem, &size);
    ck_assert_ptr_nonnull(f);
    int n = 0;
    ck_assert_int_eq(lsaemu_fprintf(f, "abc%n", &n), -1);
    ck_assert_int_eq(lsaemu_fwprintf16(f, W("abc%k")), -1);
    fclose(f);
    ck_assert_uint_eq(size, 0);
    free(mem);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        setvbuf(full, NULL, _IONBF, 0);
        ck_assert_int_eq(lsaemu_fprintf(full, "%s", "text"), -1);
        ck_assert_int_eq(lsaemu_fwprintf16(full, W("%s"), W("text")), -1);
        fclose(full);
    }
}
END_TEST

static Suite *wide_suite(void)
{
    Suite *s = suite_create("wide");
    TCase *t = tcase_create("strings");
    tcase_add_test(t, test_length_copy);
    tcase_add_test(t, test_compare_search);
    tcase_add_test(t, test_lstr);
    tcase_add_test(t, test_secure_copies);
    suite_add_tcase(s, t);
    t = tcase_create("format");
    tcase_add_test(t, test_format_conversions);
    tcase_add_test(t, test_format_narrow_invalid_utf8);
    tcase_add_test(t, test_format_truncation);
    tcase_add_test(t, test_fwprintf_utf8);
    suite_add_tcase(s, t);
    t = tcase_create("narrow_printf");
    tcase_add_test(t, test_printf_strings);
    tcase_add_test(t, test_printf_counted);
    tcase_add_test(t, test_printf_numbers);
    tcase_add_test(t, test_printf_refused);
    tcase_add_test(t, test_printf_truncation);
    tcase_add_test(t, test_printf_streams);
    suite_add_tcase(s, t);
    t = tcase_create("one_engine");
    tcase_add_test(t, test_printf_nul_char_padded);
    tcase_add_test(t, test_printf_counted_nul);
    tcase_add_test(t, test_printf_large_fields);
    tcase_add_test(t, test_printf_never_allocates);
    tcase_add_test(t, test_printf_stream_refused);
    suite_add_tcase(s, t);
    t = tcase_create("crt_more");
    tcase_add_test(t, test_wcstok);
    tcase_add_test(t, test_case_numbers);
    tcase_add_test(t, test_wcstombs_mbstowcs);
    tcase_add_test(t, test_wfopen);
    suite_add_tcase(s, t);
    t = tcase_create("convert");
    tcase_add_test(t, test_mb_to_wide);
    tcase_add_test(t, test_mb_invalid);
    tcase_add_test(t, test_wide_to_mb);
    suite_add_tcase(s, t);
    t = tcase_create("memory_names");
    tcase_add_test(t, test_heap_local);
    tcase_add_test(t, test_computer_name);
    tcase_add_test(t, test_user_name);
    tcase_add_test(t, test_rtl_init);
    suite_add_tcase(s, t);
    t = tcase_create("crt_names");
    tcase_add_test(t, test_crt_names);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run_suite(wide_suite());
}
