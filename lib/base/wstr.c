/* SPDX-License-Identifier: MIT */
/* UTF-16 / UTF-8 conversion (see wstr.h). */
#include "base/wstr.h"
#include "base/mem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Encodes one code point as UTF-8 into out (room for 4); returns bytes. */
static size_t put_utf8(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Both conversions; keep: an unpaired surrogate is encoded as itself
 * (WTF-8) rather than as U+FFFD. */
static char *to_utf8(const uint16_t *s, size_t n, bool keep)
{
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = mem_malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        /* Callers' strings need not be aligned (Windows accepts a UNICODE_STRING
         * at an odd address in a submit buffer), so units are copied, not
         * dereferenced. */
        uint16_t u, next = 0;
        memcpy(&u, (const unsigned char *)s + 2 * i, 2);
        if (i + 1 < n)
            memcpy(&next, (const unsigned char *)s + 2 * (i + 1), 2);
        uint32_t cp = u;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && next >= 0xDC00 && next <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (next - 0xDC00u);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF && !keep) {
            cp = 0xFFFD;
        }
        len += put_utf8(cp, out + len);
    }
    out[len] = '\0';
    return out;
}

char *wstr_to_utf8(const uint16_t *s, size_t n)
{
    return to_utf8(s, n, false);
}

char *wstr_to_wtf8(const uint16_t *s, size_t n)
{
    return to_utf8(s, n, true);
}

/* Decodes one UTF-8 sequence at s; returns its length (0 at NUL) and the
 * code point, U+FFFD for an invalid byte (length 1). */
static size_t get_utf8(const unsigned char *s, uint32_t *cp)
{
    if (!s[0])
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (s[0] >= 0xF5)
        n = 0;
    uint32_t v = n == 4 ? s[0] & 0x07u : n == 3 ? s[0] & 0x0Fu : s[0] & 0x1Fu;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            n = 0;
            break;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (n == 0 || (n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return n;
}

size_t wstr_from_utf8(const char *s, uint16_t *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    uint32_t cp;
    size_t step;
    while ((step = get_utf8(p, &cp)) != 0) {
        p += step;
        if (cp >= 0x10000) {
            if (n + 1 < cap) {
                out[n] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
                out[n + 1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            }
            n += 2;
        } else {
            if (n < cap)
                out[n] = (uint16_t)cp;
            n++;
        }
    }
    return n;
}

char *wstr_bytes_dup(const char *s, size_t n)
{
    char *out = mem_malloc(n + 1);
    if (!out)
        return NULL;
    if (n)
        memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

size_t wstr_len(const uint16_t *s, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n])
        n++;
    return n;
}
