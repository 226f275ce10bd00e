/* SPDX-License-Identifier: MIT */
/*
 * MultiByteToWideChar / WideCharToMultiByte (stringapiset.h) and GetACP.
 *
 * The emulated machine's ANSI and OEM code pages are UTF-8 (65001): Linux
 * hands programs UTF-8 in argv, the environment and file names, so Windows
 * code converting them with CP_ACP gets the right characters. Windows 10
 * offers the same with the "UTF-8 for worldwide language support" setting.
 * CP_ACP is lenient where explicit CP_UTF8 is strict (flags, default
 * characters), because code written for a 1252 machine passes those.
 * 1252 and 28591 (Latin-1) are real single-byte code pages.
 * These functions need no policy: they never fail for a broken one.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "win32/api.h"
#include "base/mem.h"
#include "base/wstr.h"
#include <lsaemu_crt.h>
#include <winnls.h>

/* 0x80..0x9F of Windows-1252; the five holes map to themselves, as
 * Windows' table does. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

enum cp { CPK_UTF8_LENIENT, CPK_UTF8, CPK_1252, CPK_LATIN1, CPK_BAD };

static enum cp classify(UINT cp)
{
    switch (cp) {
    case CP_ACP:
    case CP_OEMCP:
    case CP_MACCP:
    case CP_THREAD_ACP:
        return CPK_UTF8_LENIENT;
    case CP_UTF8:
        return CPK_UTF8;
    case 1252:
        return CPK_1252;
    case 28591:
        return CPK_LATIN1;
    default:
        return CPK_BAD;
    }
}

static int fail(DWORD err)
{
    api_set_last_error(err);
    return 0;
}

/*
 * One UTF-8 sequence at s (n bytes left). Returns the code point, or -1 for
 * an ill-formed sequence; *used is its length, for ill-formed input the
 * maximal subpart (at least one byte), as Unicode recommends for U+FFFD.
 */
static long utf8_next(const unsigned char *s, size_t n, size_t *used)
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
            lo = 0xA0;
        if (b == 0xED) /* surrogates are not characters */
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        cp = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;
        if (b == 0xF4)
            hi = 0x8F;
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

/* Output of n UTF-16 units / bytes into a buffer of cap (counts beyond). */
struct out16 {
    LPWSTR buf;
    size_t cap, len;
};

static void emit16(struct out16 *o, uint32_t cp)
{
    uint16_t u[2];
    size_t n = 1;
    if (cp >= 0x10000) {
        u[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
        u[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        n = 2;
    } else {
        u[0] = (uint16_t)cp;
    }
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->buf && o->len < o->cap)
            o->buf[o->len] = u[i];
}

LSAEMU_EXPORT int WINAPI MultiByteToWideChar(UINT CodePage, DWORD dwFlags, LPCCH lpMultiByteStr,
                                             int cbMultiByte, LPWSTR lpWideCharStr,
                                             int cchWideChar)
{
    enum cp k = classify(CodePage);
    if (k == CPK_BAD)
        return fail(ERROR_INVALID_PARAMETER);
    if (!lpMultiByteStr || cbMultiByte == 0 || cbMultiByte < -1 || cchWideChar < 0 ||
        (cchWideChar > 0 && !lpWideCharStr) ||
        (lpWideCharStr && (const void *)lpWideCharStr == (const void *)lpMultiByteStr))
        return fail(ERROR_INVALID_PARAMETER);
    DWORD allowed = k == CPK_UTF8 ? MB_ERR_INVALID_CHARS
                                  : MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS |
                                        MB_ERR_INVALID_CHARS;
    if ((dwFlags & ~allowed) ||
        ((dwFlags & MB_PRECOMPOSED) && (dwFlags & MB_COMPOSITE)))
        return fail(ERROR_INVALID_FLAGS);

    const unsigned char *s = (const unsigned char *)lpMultiByteStr;
    size_t n = cbMultiByte == -1 ? strlen(lpMultiByteStr) + 1 : (size_t)cbMultiByte;
    struct out16 o = {cchWideChar ? lpWideCharStr : NULL, (size_t)cchWideChar, 0};
    for (size_t i = 0; i < n;) {
        size_t used = 1;
        long cp;
        if (k == CPK_UTF8 || k == CPK_UTF8_LENIENT) {
            cp = utf8_next(s + i, n - i, &used);
            if (cp < 0) {
                if (dwFlags & MB_ERR_INVALID_CHARS)
                    return fail(ERROR_NO_UNICODE_TRANSLATION);
                cp = 0xFFFD;
            }
        } else {
            cp = s[i];
            if (k == CPK_1252 && cp >= 0x80 && cp <= 0x9F)
                cp = cp1252_high[cp - 0x80];
        }
        emit16(&o, (uint32_t)cp);
        i += used;
    }
    if (o.len > INT32_MAX)
        return fail(ERROR_INSUFFICIENT_BUFFER);
    if (cchWideChar && o.len > o.cap)
        return fail(ERROR_INSUFFICIENT_BUFFER);
    return (int)o.len;
}

struct out8 {
    LPSTR buf;
    size_t cap, len;
};

static void emit8(struct out8 *o, unsigned char c)
{
    if (o->buf && o->len < o->cap)
        o->buf[o->len] = (char)c;
    o->len++;
}

static void emit_utf8(struct out8 *o, uint32_t c)
{
    if (c < 0x80) {
        emit8(o, (unsigned char)c);
    } else if (c < 0x800) {
        emit8(o, (unsigned char)(0xC0 | (c >> 6)));
        emit8(o, (unsigned char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        emit8(o, (unsigned char)(0xE0 | (c >> 12)));
        emit8(o, (unsigned char)(0x80 | ((c >> 6) & 0x3F)));
        emit8(o, (unsigned char)(0x80 | (c & 0x3F)));
    } else {
        emit8(o, (unsigned char)(0xF0 | (c >> 18)));
        emit8(o, (unsigned char)(0x80 | ((c >> 12) & 0x3F)));
        emit8(o, (unsigned char)(0x80 | ((c >> 6) & 0x3F)));
        emit8(o, (unsigned char)(0x80 | (c & 0x3F)));
    }
}

/* The single-byte form of c in 1252 or Latin-1, or -1. */
static int to_single_byte(enum cp k, uint32_t c)
{
    if (c < 0x80 || (k == CPK_LATIN1 && c <= 0xFF) || (k == CPK_1252 && c >= 0xA0 && c <= 0xFF))
        return (int)c;
    if (k == CPK_1252)
        for (int i = 0; i < 32; i++)
            if (cp1252_high[i] == c)
                return 0x80 + i;
    return -1;
}

LSAEMU_EXPORT int WINAPI WideCharToMultiByte(UINT CodePage, DWORD dwFlags, LPCWCH lpWideCharStr,
                                             int cchWideChar, LPSTR lpMultiByteStr,
                                             int cbMultiByte, LPCCH lpDefaultChar,
                                             LPBOOL lpUsedDefaultChar)
{
    enum cp k = classify(CodePage);
    if (k == CPK_BAD)
        return fail(ERROR_INVALID_PARAMETER);
    if (!lpWideCharStr || cchWideChar == 0 || cchWideChar < -1 || cbMultiByte < 0 ||
        (cbMultiByte > 0 && !lpMultiByteStr) ||
        (lpMultiByteStr && (const void *)lpMultiByteStr == (const void *)lpWideCharStr))
        return fail(ERROR_INVALID_PARAMETER);
    if (k == CPK_UTF8) {
        /* Every character has a UTF-8 form, so a default makes no sense. */
        if (lpDefaultChar || lpUsedDefaultChar)
            return fail(ERROR_INVALID_PARAMETER);
        if (dwFlags & ~(DWORD)WC_ERR_INVALID_CHARS)
            return fail(ERROR_INVALID_FLAGS);
    }
    if (lpUsedDefaultChar)
        *lpUsedDefaultChar = FALSE;

    size_t n;
    if (cchWideChar == -1) {
        n = 0;
        while (lpWideCharStr[n])
            n++;
        n++;
    } else {
        n = (size_t)cchWideChar;
    }
    unsigned char dflt = lpDefaultChar ? (unsigned char)*lpDefaultChar : '?';
    struct out8 o = {cbMultiByte ? lpMultiByteStr : NULL, (size_t)cbMultiByte, 0};
    for (size_t i = 0; i < n; i++) {
        uint32_t c = lpWideCharStr[i];
        bool bad = false;
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && lpWideCharStr[i + 1] >= 0xDC00 &&
            lpWideCharStr[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (lpWideCharStr[++i] - 0xDC00u);
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            bad = true;
        }
        if (k == CPK_UTF8 || k == CPK_UTF8_LENIENT) {
            if (bad && (dwFlags & WC_ERR_INVALID_CHARS))
                return fail(ERROR_NO_UNICODE_TRANSLATION);
            emit_utf8(&o, bad ? 0xFFFD : c);
            continue;
        }
        int b = bad ? -1 : to_single_byte(k, c);
        if (b < 0) {
            b = dflt;
            if (lpUsedDefaultChar)
                *lpUsedDefaultChar = TRUE;
        }
        emit8(&o, (unsigned char)b);
    }
    if (o.len > INT32_MAX || (cbMultiByte && o.len > o.cap))
        return fail(ERROR_INSUFFICIENT_BUFFER);
    return (int)o.len;
}

LSAEMU_EXPORT UINT WINAPI GetACP(void)
{
    return CP_UTF8;
}

LSAEMU_EXPORT UINT WINAPI GetOEMCP(void)
{
    return CP_UTF8;
}

/* ---- the C runtime's conversions: wcstombs, mbstowcs (UTF-8) ------------- */

/*
 * The UTF-8 form of src up to its NUL, stored in dst (when not NULL) up to
 * limit bytes; a character that does not fit whole is not stored. Returns
 * the bytes, or -1 for an unpaired surrogate (no UTF-8 form: EILSEQ, as the
 * CRT answers for a character it cannot convert). *whole tells whether the
 * conversion reached src's NUL.
 */
static long wide_to_utf8(char *dst, const WCHAR *src, size_t limit, bool *whole)
{
    size_t len = 0, i = 0;
    while (src[i]) {
        size_t next = i + 1;
        uint32_t c = src[i];
        if (c >= 0xD800 && c <= 0xDBFF && src[next] >= 0xDC00 && src[next] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (src[next++] - 0xDC00u);
        else if (c >= 0xD800 && c <= 0xDFFF)
            return -1;
        char u[4];
        struct out8 o = {u, sizeof u, 0};
        emit_utf8(&o, c);
        if (len + o.len > limit)
            break;
        if (dst)
            memcpy(dst + len, u, o.len);
        len += o.len;
        i = next;
    }
    *whole = !src[i];
    return len > LONG_MAX ? -1 : (long)len;
}

/* The UTF-16 form of UTF-8 src, stored up to limit units (a surrogate pair
 * whole or not at all). Returns the units, or -1 for ill-formed UTF-8. */
static long utf8_to_wide(WCHAR *dst, const char *src, size_t limit, bool *whole)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t len = 0, i = 0;
    while (s[i]) {
        size_t used;
        long cp = utf8_next(s + i, SIZE_MAX, &used); /* stops at the NUL */
        if (cp < 0)
            return -1;
        size_t k = cp >= 0x10000 ? 2 : 1;
        if (len + k > limit)
            break;
        struct out16 o = {dst ? dst + len : NULL, k, 0};
        emit16(&o, (uint32_t)cp);
        len += k;
        i += used;
    }
    *whole = !s[i];
    return len > LONG_MAX ? -1 : (long)len;
}

LSAEMU_EXPORT size_t lsaemu_wcstombs16(char *dst, const WCHAR *src, size_t n)
{
    if (!src) {
        errno = EINVAL;
        return (size_t)-1;
    }
    bool whole;
    long len = wide_to_utf8(dst, src, dst ? n : SIZE_MAX, &whole);
    if (len < 0) {
        errno = EILSEQ;
        return (size_t)-1;
    }
    /* The NUL only ends a conversion that reached the end of src. */
    if (dst && whole && (size_t)len < n)
        dst[len] = 0;
    return (size_t)len;
}

LSAEMU_EXPORT size_t lsaemu_mbstowcs16(WCHAR *dst, const char *src, size_t n)
{
    if (!src) {
        errno = EINVAL;
        return (size_t)-1;
    }
    bool whole;
    long len = utf8_to_wide(dst, src, dst ? n : SIZE_MAX, &whole);
    if (len < 0) {
        errno = EILSEQ;
        return (size_t)-1;
    }
    if (dst && whole && (size_t)len < n)
        dst[len] = 0;
    return (size_t)len;
}

/*
 * wcstombs_s / mbstowcs_s share one contract; size counts the elements of
 * dst, count the most to convert (not counting the NUL) or _TRUNCATE.
 * *ret (optional) gets the elements written including the NUL.
 *  - dst NULL and size 0: *ret is the size needed, including the NUL.
 *  - dst NULL with a size, dst with size 0, or src NULL: EINVAL.
 *  - the result does not fit: ERANGE and dst[0] = 0, or with _TRUNCATE
 *    what fits, terminated, and STRUNCATE.
 *  - a character with no conversion: EILSEQ and dst[0] = 0.
 */
typedef long (*convert_fn)(void *dst, const void *src, size_t limit);

static long conv_w2u(void *dst, const void *src, size_t limit)
{
    bool whole;
    return wide_to_utf8(dst, src, limit, &whole);
}

static long conv_u2w(void *dst, const void *src, size_t limit)
{
    bool whole;
    return utf8_to_wide(dst, src, limit, &whole);
}

static errno_t convert_s(size_t *ret, void *dst, size_t unit, size_t size, const void *src,
                         size_t count, convert_fn convert)
{
    if (ret)
        *ret = 0;
    if ((!dst && size) || (dst && !size))
        return EINVAL;
    /* Terminates dst at element i (dst is a byte or a WCHAR array). */
#define TERMINATE(i)                                                                              \
    do {                                                                                          \
        if (unit == 1)                                                                            \
            ((char *)dst)[i] = 0;                                                                 \
        else                                                                                      \
            ((WCHAR *)dst)[i] = 0;                                                                \
    } while (0)
    if (!src) {
        if (dst)
            TERMINATE(0);
        return EINVAL;
    }
    size_t want = count == _TRUNCATE || !dst ? SIZE_MAX : count;
    long n = convert(NULL, src, want);
    if (n < 0) {
        if (dst)
            TERMINATE(0);
        return EILSEQ;
    }
    if (!dst) {
        if (ret)
            *ret = (size_t)n + 1;
        return 0;
    }
    errno_t e = 0;
    if ((size_t)n >= size) {
        if (count != _TRUNCATE) {
            TERMINATE(0);
            return ERANGE;
        }
        want = size - 1;
        e = STRUNCATE;
    }
    n = convert(dst, src, want);
    TERMINATE((size_t)n);
#undef TERMINATE
    if (ret)
        *ret = (size_t)n + 1;
    return e;
}

LSAEMU_EXPORT errno_t lsaemu_wcstombs_s16(size_t *ret, char *dst, size_t size, const WCHAR *src,
                                          size_t count)
{
    return convert_s(ret, dst, 1, size, src, count, conv_w2u);
}

LSAEMU_EXPORT errno_t lsaemu_mbstowcs_s16(size_t *ret, WCHAR *dst, size_t size, const char *src,
                                          size_t count)
{
    return convert_s(ret, dst, sizeof(WCHAR), size, src, count, conv_u2w);
}

/* ---- _wfopen ---------------------------------------------------------------- */

/*
 * The path is handed to fopen in UTF-8, as Linux file names are. The mode
 * keeps r w a + b x; Microsoft's t, c, n, N, S, R, T, D and ", ccs=..." are
 * dropped (glibc would make a ccs= stream wide-oriented, which the narrow
 * functions cannot write).
 */
LSAEMU_EXPORT FILE *lsaemu_wfopen16(const WCHAR *path, const WCHAR *mode)
{
    char m[8];
    size_t k = 0;
    if (!path || !mode || (mode[0] != 'r' && mode[0] != 'w' && mode[0] != 'a') || !*path) {
        errno = path && !*path ? ENOENT : EINVAL;
        return NULL;
    }
    for (size_t i = 0; mode[i] && mode[i] != ','; i++)
        if (mode[i] < 0x80 && strchr("rwa+bx", (char)mode[i]) && k < sizeof m - 1)
            m[k++] = (char)mode[i];
    m[k] = 0;
    size_t n = 0;
    while (path[n])
        n++;
    char *p = wstr_to_utf8(path, n);
    if (!p) {
        errno = ENOMEM;
        return NULL;
    }
    FILE *f = fopen(p, m);
    mem_free(p);
    return f;
}

LSAEMU_EXPORT errno_t lsaemu_wfopen_s16(FILE **pf, const WCHAR *path, const WCHAR *mode)
{
    if (!pf)
        return EINVAL;
    *pf = lsaemu_wfopen16(path, mode);
    return *pf ? 0 : errno;
}
