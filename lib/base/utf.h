/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 and UTF-16: the library's one converter. Every place that turns one
 * into the other (the Windows functions' W strings, MultiByteToWideChar and
 * its kin, the C runtime's wide strings and printf, the trace and audit
 * escapers, secedit templates, name comparison) decodes and encodes with
 * these functions, so invalid input gets one answer everywhere:
 *
 *  - An ill-formed UTF-8 sequence is replaced by one U+FFFD per maximal
 *    subpart (the longest prefix of a valid sequence, at least one byte),
 *    as Unicode recommends and MultiByteToWideChar does; callers that
 *    refuse instead (MB_ERR_INVALID_CHARS, mbstowcs, secedit) see -1.
 *  - An unpaired UTF-16 surrogate becomes U+FFFD, or, where the caller's
 *    text must be shown exactly (the trace and the audit records), is kept
 *    as its own three-byte sequence (ED A0..BF xx, "WTF-8"), which the
 *    diagnostic escapers show as \udHHH (lib/core/diag/diag_line.h).
 *
 * WCHAR is 16-bit here whatever the compiler's wchar_t; UTF-16 input is
 * read through memcpy, so it need not be 2-byte aligned (Windows accepts a
 * UNICODE_STRING at an odd address inside a submit buffer).
 */
#ifndef LSAEMU_BASE_UTF_H
#define LSAEMU_BASE_UTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define UTF_REPLACEMENT 0xFFFDu

static inline bool utf_is_surrogate(uint32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

/* ---- UTF-8 ----------------------------------------------------------------- */

/* Flags of utf8_next(). */
enum {
    /* Accept an encoded surrogate (ED A0..BF xx), which strict UTF-8
     * refuses, as its code point D800..DFFF: how an unpaired UTF-16
     * surrogate kept by utf16_to_wtf8() reaches a diagnostic line. */
    UTF8_SURROGATES = 1,
};

long utf8_next_multi(const unsigned char *s, size_t n, size_t *used, unsigned flags);

/*
 * The code point of the UTF-8 sequence at s (n > 0 bytes available; a NUL
 * is an ordinary character), with *used its length. An ill-formed sequence
 * returns -1 with *used the length of its maximal subpart (at least 1).
 */
static inline long utf8_next(const unsigned char *s, size_t n, size_t *used, unsigned flags)
{
    if (s[0] < 0x80) {
        *used = 1;
        return s[0];
    }
    return utf8_next_multi(s, n, used, flags);
}

/* Is b a continuation byte (10xxxxxx)? Counting the other bytes counts the
 * characters of well-formed text, as columns of error messages do. */
static inline bool utf8_is_continuation(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* Encodes cp (at most 0x10FFFF; a surrogate is encoded as any other code
 * point) into out; returns its length, 1 to 4 bytes. */
static inline size_t utf8_encode(uint32_t cp, unsigned char out[4])
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- UTF-16 ---------------------------------------------------------------- */

/* Unit i of s, which need not be aligned. */
static inline uint16_t utf16_unit(const void *s, size_t i)
{
    uint16_t u;
    memcpy(&u, (const unsigned char *)s + 2 * i, sizeof u);
    return u;
}

/* The supplementary code point of a high and a low surrogate. */
static inline uint32_t utf16_pair(uint32_t hi, uint32_t lo)
{
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

static inline bool utf16_is_high(uint32_t u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}

static inline bool utf16_is_low(uint32_t u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

/*
 * The code point at unit i of s (n units in all, i < n): a surrogate pair
 * gives its supplementary code point and sets *used to 2; an unpaired
 * surrogate is returned as itself with *used 1, for the caller to replace
 * (UTF_REPLACEMENT), keep or refuse.
 */
static inline uint32_t utf16_next(const void *s, size_t i, size_t n, size_t *used)
{
    uint32_t u = utf16_unit(s, i);
    *used = 1;
    if (utf16_is_high(u) && i + 1 < n) {
        uint32_t lo = utf16_unit(s, i + 1);
        if (utf16_is_low(lo)) {
            *used = 2;
            return utf16_pair(u, lo);
        }
    }
    return u;
}

/* Encodes cp as UTF-16 into out; returns 1 or 2 units. */
static inline size_t utf16_encode(uint32_t cp, uint16_t out[2])
{
    if (cp >= 0x10000) {
        out[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
        out[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        return 2;
    }
    out[0] = (uint16_t)cp;
    return 1;
}

/* Length in units of a NUL-terminated UTF-16 string, read up to max units:
 * max + 1 when there is no terminator within them. s need not be aligned. */
size_t utf16_len(const void *s, size_t max);

/* ---- whole strings ----------------------------------------------------------- */

/* A UTF-8 copy of n UTF-16 units (unpaired surrogates become U+FFFD), NUL
 * terminated, allocated with mem_malloc (the caller frees it with
 * mem_free), or NULL on allocation failure. */
char *utf16_to_utf8(const void *s, size_t n);
/* The same keeping unpaired surrogates (WTF-8: not valid UTF-8), for the
 * trace and the audit records only. */
char *utf16_to_wtf8(const void *s, size_t n);
/* UTF-16 units written to out (at most cap) for the NUL-terminated UTF-8
 * string s; returns the number needed, which may exceed cap. Ill-formed
 * sequences become U+FFFD. out may be NULL when cap is 0. */
size_t utf8_to_utf16(const char *s, uint16_t *out, size_t cap);

#endif
