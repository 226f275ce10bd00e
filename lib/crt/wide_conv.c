/* SPDX-License-Identifier: MIT */
/*
 * The C runtime's conversions between WCHAR strings and the narrow ones
 * (lsaemu_crt.h): wcstombs, mbstowcs and their _s forms, and _wfopen. The
 * narrow side is UTF-8, as file names and the environment are on Linux
 * (and as the emulated machine's code pages are, win32/kernel32/nls.c).
 * They report through errno, never the Windows last error.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/export.h"
#include "base/mem.h"
#include "base/utf.h"
#include "base/win.h"
#include "crt/crt_internal.h"

/*
 * The UTF-8 form of src up to its NUL, stored in dst (when not NULL) up to
 * limit bytes; a character that does not fit whole is not stored. Returns
 * the bytes, or -1 for an unpaired surrogate (no UTF-8 form: EILSEQ, as the
 * CRT answers for a character it cannot convert). *whole tells whether the
 * conversion reached src's NUL.
 */
static long wide_to_utf8(char *dst, const WCHAR *src, size_t limit, bool *whole)
{
    size_t len = 0, i = 0, used;
    while (src[i]) {
        /* The terminator stops a pair too: src[i + 1] is always readable. */
        uint32_t c = utf16_next(src, i, i + 2, &used);
        if (utf_is_surrogate(c))
            return -1;
        unsigned char u[4];
        size_t k = utf8_encode(c, u);
        if (len + k > limit)
            break;
        if (dst)
            memcpy(dst + len, u, k);
        len += k;
        i += used;
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
        long cp = utf8_next(s + i, SIZE_MAX, &used, 0); /* stops at the NUL */
        if (cp < 0)
            return -1;
        uint16_t u[2];
        size_t k = utf16_encode((uint32_t)cp, u);
        if (len + k > limit)
            break;
        if (dst)
            memcpy(dst + len, u, k * sizeof *u);
        len += k;
        i += used;
    }
    *whole = !s[i];
    return len > LONG_MAX ? -1 : (long)len;
}

LSAEMU_EXPORT size_t lsaemu_wcstombs16(char *dst, const WCHAR *src, size_t n)
{
    if (!src) {
        crt_invalid(EINVAL);
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
        crt_invalid(EINVAL);
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
        return crt_invalid(EINVAL);
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
        return crt_invalid(EINVAL);
    }
    size_t want = count == _TRUNCATE || !dst ? SIZE_MAX : count;
    long n = convert(NULL, src, want);
    if (n < 0) {
        if (dst)
            TERMINATE(0);
        errno = EILSEQ; /* a conversion error, not an invalid parameter */
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
            return crt_invalid(ERANGE);
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
    char *p = utf16_to_utf8(path, n);
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
        return crt_invalid(EINVAL);
    *pf = lsaemu_wfopen16(path, mode);
    return *pf ? 0 : errno;
}
