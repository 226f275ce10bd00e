/* SPDX-License-Identifier: MIT */
/*
 * The rest of <wchar.h> that works on strings, on 16-bit WCHARs
 * (lsaemu_crt.h): wcsspn, wcscspn, wcspbrk, wmemchr, wcscoll, wcsxfrm, the
 * 64-bit and floating-point number readers, and wide stream output and
 * input through byte streams in UTF-8. With -fshort-wchar, glibc's
 * versions would walk 32-bit units; lsaemu_crt.h maps the ISO names here
 * and refuses the ones it has no version of (lsaemu_unmapped.h).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/export.h"
#include "base/utf.h"
#include "base/win.h"
#include "crt/crt_internal.h"

static bool in_set(WCHAR c, const WCHAR *set)
{
    for (; *set; set++)
        if (*set == c)
            return true;
    return false;
}

LSAEMU_EXPORT size_t lsaemu_wcsspn16(const WCHAR *s, const WCHAR *set)
{
    size_t n = 0;
    while (s[n] && in_set(s[n], set))
        n++;
    return n;
}

LSAEMU_EXPORT size_t lsaemu_wcscspn16(const WCHAR *s, const WCHAR *set)
{
    size_t n = 0;
    while (s[n] && !in_set(s[n], set))
        n++;
    return n;
}

LSAEMU_EXPORT WCHAR *lsaemu_wcspbrk16(const WCHAR *s, const WCHAR *set)
{
    for (; *s; s++)
        if (in_set(*s, set))
            return (WCHAR *)s;
    return NULL;
}

LSAEMU_EXPORT WCHAR *lsaemu_wmemchr16(const WCHAR *s, WCHAR c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == c)
            return (WCHAR *)(s + i);
    return NULL;
}

/* The "C" locale collates by code unit, as wcscmp does. */
LSAEMU_EXPORT int lsaemu_wcscoll16(const WCHAR *a, const WCHAR *b)
{
    return lsaemu_wcscmp16(a, b);
}

LSAEMU_EXPORT size_t lsaemu_wcsxfrm16(WCHAR *dst, const WCHAR *src, size_t n)
{
    size_t len = lsaemu_wcslen16(src);
    if (len < n)
        memcpy(dst, src, (len + 1) * sizeof *dst);
    return len;
}

/* ---- numbers ---------------------------------------------------------------- */

/*
 * The numbers are read by the C library from an ASCII copy of the leading
 * ASCII units of s: digits, signs, points, exponents and prefixes are all
 * ASCII, so the first other unit ends the number as it would in the CRT,
 * and *end maps back by offset. A number longer than the copy is cut at
 * its end. Floating point follows the C library's current locale, as the
 * CRT's follows its own (the "C" locale unless the program changes it).
 */
enum { NUMBER_MAX = 512 };

static void ascii_copy(const WCHAR *s, char *buf)
{
    size_t i = 0;
    while (i + 1 < NUMBER_MAX && s[i] && s[i] < 0x80) {
        buf[i] = (char)s[i];
        i++;
    }
    buf[i] = 0;
}

static void set_end(const WCHAR *s, WCHAR **end, const char *buf, const char *e)
{
    if (end)
        *end = (WCHAR *)(s + (e - buf));
}

LSAEMU_EXPORT long long lsaemu_wcstoll16(const WCHAR *s, WCHAR **end, int base)
{
    char buf[NUMBER_MAX], *e;
    ascii_copy(s, buf);
    long long v = strtoll(buf, &e, base);
    set_end(s, end, buf, e);
    return v;
}

LSAEMU_EXPORT unsigned long long lsaemu_wcstoull16(const WCHAR *s, WCHAR **end, int base)
{
    char buf[NUMBER_MAX], *e;
    ascii_copy(s, buf);
    unsigned long long v = strtoull(buf, &e, base);
    set_end(s, end, buf, e);
    return v;
}

LSAEMU_EXPORT double lsaemu_wcstod16(const WCHAR *s, WCHAR **end)
{
    char buf[NUMBER_MAX], *e;
    ascii_copy(s, buf);
    double v = strtod(buf, &e);
    set_end(s, end, buf, e);
    return v;
}

LSAEMU_EXPORT float lsaemu_wcstof16(const WCHAR *s, WCHAR **end)
{
    char buf[NUMBER_MAX], *e;
    ascii_copy(s, buf);
    float v = strtof(buf, &e);
    set_end(s, end, buf, e);
    return v;
}

/* Windows' long double is a double: the value has double's precision. */
LSAEMU_EXPORT long double lsaemu_wcstold16(const WCHAR *s, WCHAR **end)
{
    return lsaemu_wcstod16(s, end);
}

LSAEMU_EXPORT double lsaemu_wtof16(const WCHAR *s)
{
    return lsaemu_wcstod16(s, NULL);
}

/* ---- streams ---------------------------------------------------------------- */

#define WIDE_EOF 0xFFFFFFFFu /* glibc's WEOF, (wint_t)-1 */

/* Writes the UTF-8 of n units of s (unpaired surrogates as U+FFFD) to f,
 * which the caller has locked. Returns false with errno set on failure. */
static bool put_units(const WCHAR *s, size_t n, FILE *f)
{
    for (size_t i = 0; i < n;) {
        size_t used;
        uint32_t cp = utf16_next(s, i, n, &used);
        if (utf_is_surrogate(cp))
            cp = UTF_REPLACEMENT;
        unsigned char out[4];
        size_t len = utf8_encode(cp, out);
        if (fwrite_unlocked(out, 1, len, f) != len)
            return false;
        i += used;
    }
    return true;
}

LSAEMU_EXPORT int lsaemu_fputws16(const WCHAR *s, FILE *f)
{
    if (!s || !f) {
        crt_invalid(EINVAL);
        return -1;
    }
    flockfile(f);
    bool ok = put_units(s, lsaemu_wcslen16(s), f);
    funlockfile(f);
    return ok ? 0 : -1;
}

/* One unit: a surrogate alone has no UTF-8 (the CRT's UTF-8 conversion of
 * a single unit fails the same way): WEOF, errno EILSEQ. */
LSAEMU_EXPORT unsigned int lsaemu_fputwc16(WCHAR c, FILE *f)
{
    if (!f) {
        crt_invalid(EINVAL);
        return WIDE_EOF;
    }
    if (utf_is_surrogate(c)) {
        errno = EILSEQ;
        return WIDE_EOF;
    }
    flockfile(f);
    bool ok = put_units(&c, 1, f);
    funlockfile(f);
    return ok ? c : WIDE_EOF;
}

LSAEMU_EXPORT unsigned int lsaemu_putwchar16(WCHAR c)
{
    return lsaemu_fputwc16(c, stdout);
}

/*
 * The number of bytes of the UTF-8 sequence that lead starts (2 to 4), or
 * 0 for a byte that starts none; lo/hi the range of its second byte (the
 * rest take 80..BF), which excludes overlong forms, surrogates and code
 * points above U+10FFFF.
 */
static int utf8_lead(int lead, int *lo, int *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (lead == 0xE0)
            *lo = 0xA0;
        else if (lead == 0xED)
            *hi = 0x9F;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (lead == 0xF0)
            *lo = 0x90;
        else if (lead == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return 0;
}

/*
 * Reads the next character of f (locked by the caller) as UTF-16 into
 * out[2]; returns its units (1 or 2), 0 at the end of the stream or on an
 * error, or -1 when it needs 2 units and room is 1 (the lead byte is put
 * back). An ill-formed sequence reads as U+FFFD for its maximal subpart;
 * the byte that ended it is put back for the next character.
 */
static int get_char(FILE *f, size_t room, WCHAR out[2])
{
    int c = getc_unlocked(f);
    if (c == EOF)
        return 0;
    if (c < 0x80) {
        out[0] = (WCHAR)c;
        return 1;
    }
    int lo, hi;
    int len = utf8_lead(c, &lo, &hi);
    if (len == 0) {
        out[0] = UTF_REPLACEMENT;
        return 1;
    }
    if (len == 4 && room < 2) {
        ungetc(c, f);
        return -1;
    }
    uint32_t cp = (uint32_t)c & (0x7Fu >> len);
    for (int i = 1; i < len; i++) {
        int b = getc_unlocked(f);
        if (b == EOF || b < lo || b > hi) {
            if (b != EOF)
                ungetc(b, f);
            out[0] = UTF_REPLACEMENT;
            return 1;
        }
        cp = (cp << 6) | ((uint32_t)b & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    uint16_t u[2] = {0, 0};
    size_t n = utf16_encode(cp, u);
    out[0] = u[0];
    out[1] = u[1];
    return (int)n;
}

LSAEMU_EXPORT WCHAR *lsaemu_fgetws16(WCHAR *buf, int n, FILE *f)
{
    if ((!buf && n != 0) || n < 0 || !f) {
        crt_invalid(EINVAL);
        return NULL;
    }
    if (n == 0)
        return NULL;
    size_t room = (size_t)n - 1, got = 0;
    bool failed = false;
    flockfile(f);
    while (got < room) {
        WCHAR u[2];
        int k = get_char(f, room - got, u);
        if (k < 0)
            break;
        if (k == 0) {
            failed = got == 0 || ferror_unlocked(f);
            break;
        }
        for (int i = 0; i < k; i++)
            buf[got++] = u[i];
        if (u[0] == '\n')
            break;
    }
    funlockfile(f);
    if (failed)
        return NULL;
    buf[got] = 0;
    return buf;
}
