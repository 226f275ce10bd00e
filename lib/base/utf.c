/* SPDX-License-Identifier: MIT */
/* UTF-8 / UTF-16 conversion (see utf.h). */
#include "base/utf.h"

#include "base/mem.h"

long utf8_next_multi(const unsigned char *s, size_t n, size_t *used, unsigned flags)
{
    unsigned b = s[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    long cp;
    *used = 1;
    if (b < 0x80)
        return b;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        cp = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0; /* shorter forms are overlong */
        if (b == 0xED && !(flags & UTF8_SURROGATES))
            hi = 0x9F; /* surrogates are not characters */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        cp = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;
        if (b == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        return -1;
    }
    for (size_t i = 1; i <= need; i++) {
        unsigned c = i < n ? s[i] : 0x100;
        if (c < lo || c > hi)
            return -1;
        lo = 0x80;
        hi = 0xBF;
        cp = (cp << 6) | (c & 0x3F);
        *used = i + 1;
    }
    return cp;
}

size_t utf16_len(const void *s, size_t max)
{
    size_t n = 0;
    while (n <= max && utf16_unit(s, n))
        n++;
    return n;
}

/* Both conversions; keep: an unpaired surrogate is encoded as itself
 * (WTF-8) rather than as U+FFFD. */
static char *to_utf8(const void *s, size_t n, bool keep)
{
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    /* Three bytes per unit at most: a pair takes four for two units. */
    unsigned char *out = mem_malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t len = 0;
    for (size_t i = 0, used; i < n; i += used) {
        uint32_t cp = utf16_next(s, i, n, &used);
        if (utf_is_surrogate(cp) && !keep)
            cp = UTF_REPLACEMENT;
        len += utf8_encode(cp, out + len);
    }
    out[len] = '\0';
    return (char *)out;
}

char *utf16_to_utf8(const void *s, size_t n)
{
    return to_utf8(s, n, false);
}

char *utf16_to_wtf8(const void *s, size_t n)
{
    return to_utf8(s, n, true);
}

size_t utf8_to_utf16(const char *s, uint16_t *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        if (*p < 0x80) { /* ASCII, as most names are */
            if (n < cap)
                out[n] = *p;
            n++;
            p++;
            continue;
        }
        size_t used;
        /* The NUL ends the string and any sequence it cuts. */
        long cp = utf8_next(p, SIZE_MAX, &used, 0);
        uint16_t u[2];
        size_t k = utf16_encode(cp < 0 ? UTF_REPLACEMENT : (uint32_t)cp, u);
        for (size_t j = 0; j < k; j++, n++)
            if (n < cap)
                out[n] = u[j];
        p += used;
    }
    return n;
}
