/* SPDX-License-Identifier: MIT */
/*
 * The UTF-16 string functions of the C runtime Windows code calls, under
 * lsaemu_*16 names (lsaemu_crt.h; kernel32's lstr*W are in
 * lib/win32/kernel32/lstr.c). The library is built
 * with a 32-bit wchar_t, so everything here works on WCHAR (uint16_t) and
 * never touches glibc's wcs* functions.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include "base/mem.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/export.h"
#include "base/win.h"
#include "crt/crt_internal.h"

LSAEMU_EXPORT size_t lsaemu_wcslen16(const WCHAR *s)
{
    const WCHAR *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

LSAEMU_EXPORT size_t lsaemu_wcsnlen16(const WCHAR *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

LSAEMU_EXPORT WCHAR *lsaemu_wcscpy16(WCHAR *dst, const WCHAR *src)
{
    WCHAR *d = dst;
    while ((*d++ = *src++) != 0)
        ;
    return dst;
}

/* As the CRT's wcsncpy: pads with NULs up to n, and does not terminate when
 * src has n or more units. */
LSAEMU_EXPORT WCHAR *lsaemu_wcsncpy16(WCHAR *dst, const WCHAR *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = 0;
    return dst;
}

LSAEMU_EXPORT WCHAR *lsaemu_wcscat16(WCHAR *dst, const WCHAR *src)
{
    lsaemu_wcscpy16(dst + lsaemu_wcslen16(dst), src);
    return dst;
}

/* Appends at most n units and always terminates. */
LSAEMU_EXPORT WCHAR *lsaemu_wcsncat16(WCHAR *dst, const WCHAR *src, size_t n)
{
    WCHAR *d = dst + lsaemu_wcslen16(dst);
    size_t i = 0;
    for (; i < n && src[i]; i++)
        d[i] = src[i];
    d[i] = 0;
    return dst;
}

LSAEMU_EXPORT int lsaemu_wcsncmp16(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
        if (!a[i])
            break;
    }
    return 0;
}

LSAEMU_EXPORT int lsaemu_wcscmp16(const WCHAR *a, const WCHAR *b)
{
    return lsaemu_wcsncmp16(a, b, SIZE_MAX);
}

/* The CRT's "C" locale folds only A-Z, and to lower case. */
static unsigned ascii_lower(unsigned c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

LSAEMU_EXPORT int lsaemu_wcsnicmp16(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned x = ascii_lower(a[i]), y = ascii_lower(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
        if (!x)
            break;
    }
    return 0;
}

LSAEMU_EXPORT int lsaemu_wcsicmp16(const WCHAR *a, const WCHAR *b)
{
    return lsaemu_wcsnicmp16(a, b, SIZE_MAX);
}

/* Like the CRT, the terminator itself can be searched for. */
LSAEMU_EXPORT WCHAR *lsaemu_wcschr16(const WCHAR *s, WCHAR c)
{
    for (;; s++) {
        if (*s == c)
            return (WCHAR *)s;
        if (!*s)
            return NULL;
    }
}

LSAEMU_EXPORT WCHAR *lsaemu_wcsrchr16(const WCHAR *s, WCHAR c)
{
    const WCHAR *last = NULL;
    for (;; s++) {
        if (*s == c)
            last = s;
        if (!*s)
            return (WCHAR *)last;
    }
}

LSAEMU_EXPORT WCHAR *lsaemu_wcsstr16(const WCHAR *hay, const WCHAR *needle)
{
    size_t n = lsaemu_wcslen16(needle);
    for (; *hay; hay++)
        if (lsaemu_wcsncmp16(hay, needle, n) == 0)
            return (WCHAR *)hay;
    return n == 0 ? (WCHAR *)hay : NULL;
}

LSAEMU_EXPORT WCHAR *lsaemu_wcsdup16(const WCHAR *s)
{
    if (!s)
        return NULL;
    size_t n = lsaemu_wcslen16(s) + 1;
    WCHAR *d = mem_malloc_unowned(n * sizeof *d); /* the caller owns it (lsaemu_crt.h) */
    if (d)
        memcpy(d, s, n * sizeof *d);
    return d;
}

LSAEMU_EXPORT WCHAR *lsaemu_wmemcpy16(WCHAR *dst, const WCHAR *src, size_t n)
{
    return n ? memcpy(dst, src, n * sizeof *dst) : dst;
}

LSAEMU_EXPORT WCHAR *lsaemu_wmemmove16(WCHAR *dst, const WCHAR *src, size_t n)
{
    return n ? memmove(dst, src, n * sizeof *dst) : dst;
}

LSAEMU_EXPORT WCHAR *lsaemu_wmemset16(WCHAR *dst, WCHAR c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dst[i] = c;
    return dst;
}

LSAEMU_EXPORT int lsaemu_wmemcmp16(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/*
 * Number parsing goes through strtoul on an ASCII copy: digits, signs and
 * prefixes are all ASCII, so the first non-ASCII unit ends the number just
 * as it would in the CRT. end is mapped back by offset.
 */
static size_t ascii_prefix(const WCHAR *s, char *buf, size_t cap)
{
    size_t i = 0;
    while (i + 1 < cap && s[i] && s[i] < 0x80) {
        buf[i] = (char)s[i];
        i++;
    }
    buf[i] = 0;
    return i;
}

LSAEMU_EXPORT unsigned long lsaemu_wcstoul16(const WCHAR *s, WCHAR **end, int base)
{
    char buf[128], *e;
    ascii_prefix(s, buf, sizeof buf);
    unsigned long v = strtoul(buf, &e, base);
    /* Windows' unsigned long is 32-bit: saturate like its CRT does. */
    if (v > 0xFFFFFFFFul && buf[strspn(buf, " \t\n\v\f\r")] != '-') {
        v = 0xFFFFFFFFul;
        errno = ERANGE;
    }
    if (end)
        *end = (WCHAR *)(s + (e - buf));
    return v & 0xFFFFFFFFul;
}

LSAEMU_EXPORT long lsaemu_wcstol16(const WCHAR *s, WCHAR **end, int base)
{
    char buf[128], *e;
    ascii_prefix(s, buf, sizeof buf);
    long v = strtol(buf, &e, base);
    if (v > INT32_MAX || v < INT32_MIN) {
        v = v > 0 ? INT32_MAX : INT32_MIN;
        errno = ERANGE;
    }
    if (end)
        *end = (WCHAR *)(s + (e - buf));
    return v;
}

LSAEMU_EXPORT int lsaemu_wtoi16(const WCHAR *s)
{
    return (int)lsaemu_wcstol16(s, NULL, 10);
}

/* ---- tokens, case, numbers ------------------------------------------------ */

static bool is_delim(WCHAR c, const WCHAR *delim)
{
    for (; *delim; delim++)
        if (*delim == c)
            return true;
    return false;
}

/* ISO wcstok: the position is kept in *ctx between calls. */
LSAEMU_EXPORT WCHAR *lsaemu_wcstok16(WCHAR *s, const WCHAR *delim, WCHAR **ctx)
{
    if (!s)
        s = *ctx;
    if (!s)
        return NULL;
    while (*s && is_delim(*s, delim))
        s++;
    if (!*s) {
        *ctx = s;
        return NULL;
    }
    WCHAR *tok = s;
    while (*s && !is_delim(*s, delim))
        s++;
    if (*s)
        *s++ = 0;
    *ctx = s;
    return tok;
}

/* The two-argument wcstok of older Microsoft CRTs (_CRT_NON_CONFORMING_WCSTOK):
 * the position is kept per thread, as the CRT does. */
LSAEMU_EXPORT WCHAR *lsaemu_wcstok_legacy16(WCHAR *s, const WCHAR *delim)
{
    static _Thread_local WCHAR *position;
    return lsaemu_wcstok16(s, delim, &position);
}

LSAEMU_EXPORT WCHAR *lsaemu_wcstok_s16(WCHAR *s, const WCHAR *delim, WCHAR **ctx)
{
    if (!delim || !ctx || (!s && !*ctx)) {
        crt_invalid(EINVAL);
        return NULL;
    }
    return lsaemu_wcstok16(s, delim, ctx);
}

/* In place, A-Z / a-z only: the CRT's "C" locale. */
LSAEMU_EXPORT WCHAR *lsaemu_wcslwr16(WCHAR *s)
{
    for (WCHAR *p = s; p && *p; p++)
        *p = (WCHAR)ascii_lower(*p);
    return s;
}

LSAEMU_EXPORT WCHAR *lsaemu_wcsupr16(WCHAR *s)
{
    for (WCHAR *p = s; p && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (WCHAR)(*p - 32);
    return s;
}

/* EINVAL for NULL, or a string not terminated within size (then emptied). */
static errno_t case_s(WCHAR *s, size_t size, WCHAR *(*change)(WCHAR *))
{
    if (!s || size == 0)
        return crt_invalid(EINVAL);
    if (lsaemu_wcsnlen16(s, size) == size) {
        s[0] = 0;
        return crt_invalid(EINVAL);
    }
    change(s);
    return 0;
}

LSAEMU_EXPORT errno_t lsaemu_wcslwr_s16(WCHAR *s, size_t size)
{
    return case_s(s, size, lsaemu_wcslwr16);
}

LSAEMU_EXPORT errno_t lsaemu_wcsupr_s16(WCHAR *s, size_t size)
{
    return case_s(s, size, lsaemu_wcsupr16);
}

/* _wtol: Windows' long is 32-bit, so the value saturates there. */
LSAEMU_EXPORT long lsaemu_wtol16(const WCHAR *s)
{
    return lsaemu_wcstol16(s, NULL, 10);
}

LSAEMU_EXPORT long long lsaemu_wtoi64_16(const WCHAR *s)
{
    char buf[128];
    ascii_prefix(s, buf, sizeof buf);
    return strtoll(buf, NULL, 10);
}
