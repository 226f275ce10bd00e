/* SPDX-License-Identifier: MIT */
/*
 * strsafe.h's character-count and byte-count functions (StringCchCopyW,
 * StringCbCatA, StringCchPrintfW, StringCchLengthW ...), under lsaemu_
 * names that strsafe.h maps (on Windows they are inline functions of the
 * header, exported by no DLL, so GetProcAddress must not find them).
 *
 * The rules are Microsoft's documentation's (nf-strsafe-stringcchcopyw and
 * its siblings: S_OK; STRSAFE_E_INVALID_PARAMETER when cchDest is 0 or
 * above STRSAFE_MAX_CCH, when the destination of a concatenation is not
 * terminated within its size, or when the string given to StringCchLength
 * is NULL or longer than cchMax; STRSAFE_E_INSUFFICIENT_BUFFER when the
 * result is cut, the destination then holding the cut, NUL-terminated
 * result) and, where the documentation is silent, what the SDK's inline
 * code does as mingw-w64's strsafe.h reproduces it: an invalid size writes
 * nothing; StringCchPrintf formats at most cchDest - 1 units and always
 * terminates; StringCchLength stores 0 on failure.
 * Deviation: a NULL string pointer (which the documentation forbids, the
 * Ex forms being the ones for NULL) is STRSAFE_E_INVALID_PARAMETER with
 * nothing written, where Windows would fault (tests/check_crt.c,
 * test_strsafe_deviation_null).
 *
 * The narrow (A) and wide (W) forms share one function per rule over
 * elements of one byte or one WCHAR; the byte-count forms divide by the
 * element size, as the SDK does (an odd byte of a W buffer is unused).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "base/export.h"
#include "crt/crt_internal.h"
#include "crt/format.h"
#include <strsafe.h>

static unsigned elem(const void *p, size_t unit, size_t i)
{
    return unit == 1 ? ((const unsigned char *)p)[i] : ((const WCHAR *)p)[i];
}

static void terminate(void *p, size_t unit, size_t i)
{
    if (unit == 1)
        ((char *)p)[i] = 0;
    else
        ((WCHAR *)p)[i] = 0;
}

static size_t len_max(const void *s, size_t unit, size_t max)
{
    size_t n = 0;
    while (n < max && elem(s, unit, n))
        n++;
    return n;
}

/*
 * Copies at most max elements of src to dst + at (cch elements in all,
 * at < cch), always terminating: S_OK, or STRSAFE_E_INSUFFICIENT_BUFFER
 * when src (within max) did not fit.
 */
static HRESULT put(void *dst, size_t cch, size_t at, const void *src, size_t max, size_t unit)
{
    size_t room = cch - at - 1; /* elements before the NUL */
    size_t n = len_max(src, unit, max < room + 1 ? max : room + 1);
    HRESULT hr = S_OK;
    if (n > room) {
        n = room;
        hr = STRSAFE_E_INSUFFICIENT_BUFFER;
    }
    memmove((char *)dst + at * unit, src, n * unit);
    terminate(dst, unit, at + n);
    return hr;
}

static HRESULT copy_n(void *dst, size_t cch, const void *src, size_t max, size_t unit)
{
    if (cch == 0 || cch > STRSAFE_MAX_CCH || max > STRSAFE_MAX_CCH || !dst || !src)
        return STRSAFE_E_INVALID_PARAMETER;
    return put(dst, cch, 0, src, max, unit);
}

static HRESULT cat_n(void *dst, size_t cch, const void *src, size_t max, size_t unit)
{
    if (cch == 0 || cch > STRSAFE_MAX_CCH || max > STRSAFE_MAX_CCH || !dst || !src)
        return STRSAFE_E_INVALID_PARAMETER;
    size_t have = len_max(dst, unit, cch);
    if (have == cch) /* not terminated within cchDest: "already full" */
        return STRSAFE_E_INVALID_PARAMETER;
    return put(dst, cch, have, src, max, unit);
}

static HRESULT print(void *dst, size_t cch, const void *fmt, va_list ap, size_t unit)
{
    if (cch == 0 || cch > STRSAFE_MAX_CCH || !dst || !fmt)
        return STRSAFE_E_INVALID_PARAMETER;
    long n = crt_format(unit != 1, dst, cch - 1, fmt, ap);
    if (n < 0) { /* a refused conversion: nothing meaningful was stored */
        terminate(dst, unit, 0);
        return STRSAFE_E_INSUFFICIENT_BUFFER;
    }
    if ((size_t)n > cch - 1) {
        terminate(dst, unit, cch - 1);
        return STRSAFE_E_INSUFFICIENT_BUFFER;
    }
    terminate(dst, unit, (size_t)n);
    return S_OK;
}

static HRESULT length(const void *s, size_t max, size_t *out, size_t unit)
{
    size_t n = 0;
    HRESULT hr = STRSAFE_E_INVALID_PARAMETER;
    if (s && max <= STRSAFE_MAX_CCH) {
        n = len_max(s, unit, max);
        if (n < max)
            hr = S_OK;
        else
            n = 0;
    }
    if (out)
        *out = n;
    return hr;
}

#define W sizeof(WCHAR)

/* ---- character counts -------------------------------------------------------- */

LSAEMU_EXPORT HRESULT lsaemu_StringCchCopyA(STRSAFE_LPSTR d, size_t cch, STRSAFE_LPCSTR s)
{
    return copy_n(d, cch, s, STRSAFE_MAX_CCH, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchCopyW(STRSAFE_LPWSTR d, size_t cch, STRSAFE_LPCWSTR s)
{
    return copy_n(d, cch, s, STRSAFE_MAX_CCH, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchCopyNA(STRSAFE_LPSTR d, size_t cch, STRSAFE_LPCSTR s,
                                            size_t n)
{
    return copy_n(d, cch, s, n, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchCopyNW(STRSAFE_LPWSTR d, size_t cch, STRSAFE_LPCWSTR s,
                                            size_t n)
{
    return copy_n(d, cch, s, n, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchCatA(STRSAFE_LPSTR d, size_t cch, STRSAFE_LPCSTR s)
{
    return cat_n(d, cch, s, STRSAFE_MAX_CCH, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchCatW(STRSAFE_LPWSTR d, size_t cch, STRSAFE_LPCWSTR s)
{
    return cat_n(d, cch, s, STRSAFE_MAX_CCH, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchCatNA(STRSAFE_LPSTR d, size_t cch, STRSAFE_LPCSTR s,
                                           size_t n)
{
    return cat_n(d, cch, s, n, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchCatNW(STRSAFE_LPWSTR d, size_t cch, STRSAFE_LPCWSTR s,
                                           size_t n)
{
    return cat_n(d, cch, s, n, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchVPrintfA(STRSAFE_LPSTR d, size_t cch, STRSAFE_LPCSTR fmt,
                                              va_list ap)
{
    return print(d, cch, fmt, ap, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchVPrintfW(STRSAFE_LPWSTR d, size_t cch,
                                              STRSAFE_LPCWSTR fmt, va_list ap)
{
    return print(d, cch, fmt, ap, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchPrintfA(STRSAFE_LPSTR d, size_t cch, STRSAFE_LPCSTR fmt,
                                             ...)
{
    va_list ap;
    va_start(ap, fmt);
    HRESULT hr = print(d, cch, fmt, ap, 1);
    va_end(ap);
    return hr;
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchPrintfW(STRSAFE_LPWSTR d, size_t cch,
                                             STRSAFE_LPCWSTR fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    HRESULT hr = print(d, cch, fmt, ap, W);
    va_end(ap);
    return hr;
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchLengthA(STRSAFE_LPCSTR s, size_t max, size_t *n)
{
    return length(s, max, n, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCchLengthW(STRSAFE_LPCWSTR s, size_t max, size_t *n)
{
    return length(s, max, n, W);
}

/* ---- byte counts --------------------------------------------------------------- */

/* A byte count above STRSAFE_MAX_CCH elements: too big, whatever unit. */
static size_t cb_to_cch(size_t cb, size_t unit)
{
    return cb / unit > STRSAFE_MAX_CCH ? (size_t)STRSAFE_MAX_CCH + 1 : cb / unit;
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCopyA(STRSAFE_LPSTR d, size_t cb, STRSAFE_LPCSTR s)
{
    return copy_n(d, cb_to_cch(cb, 1), s, STRSAFE_MAX_CCH, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCopyW(STRSAFE_LPWSTR d, size_t cb, STRSAFE_LPCWSTR s)
{
    return copy_n(d, cb_to_cch(cb, W), s, STRSAFE_MAX_CCH, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCopyNA(STRSAFE_LPSTR d, size_t cb, STRSAFE_LPCSTR s,
                                           size_t cb_src)
{
    return copy_n(d, cb_to_cch(cb, 1), s, cb_to_cch(cb_src, 1), 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCopyNW(STRSAFE_LPWSTR d, size_t cb, STRSAFE_LPCWSTR s,
                                           size_t cb_src)
{
    return copy_n(d, cb_to_cch(cb, W), s, cb_to_cch(cb_src, W), W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCatA(STRSAFE_LPSTR d, size_t cb, STRSAFE_LPCSTR s)
{
    return cat_n(d, cb_to_cch(cb, 1), s, STRSAFE_MAX_CCH, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCatW(STRSAFE_LPWSTR d, size_t cb, STRSAFE_LPCWSTR s)
{
    return cat_n(d, cb_to_cch(cb, W), s, STRSAFE_MAX_CCH, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCatNA(STRSAFE_LPSTR d, size_t cb, STRSAFE_LPCSTR s,
                                          size_t cb_src)
{
    return cat_n(d, cb_to_cch(cb, 1), s, cb_to_cch(cb_src, 1), 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbCatNW(STRSAFE_LPWSTR d, size_t cb, STRSAFE_LPCWSTR s,
                                          size_t cb_src)
{
    return cat_n(d, cb_to_cch(cb, W), s, cb_to_cch(cb_src, W), W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbVPrintfA(STRSAFE_LPSTR d, size_t cb, STRSAFE_LPCSTR fmt,
                                             va_list ap)
{
    return print(d, cb_to_cch(cb, 1), fmt, ap, 1);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbVPrintfW(STRSAFE_LPWSTR d, size_t cb, STRSAFE_LPCWSTR fmt,
                                             va_list ap)
{
    return print(d, cb_to_cch(cb, W), fmt, ap, W);
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbPrintfA(STRSAFE_LPSTR d, size_t cb, STRSAFE_LPCSTR fmt,
                                            ...)
{
    va_list ap;
    va_start(ap, fmt);
    HRESULT hr = print(d, cb_to_cch(cb, 1), fmt, ap, 1);
    va_end(ap);
    return hr;
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbPrintfW(STRSAFE_LPWSTR d, size_t cb, STRSAFE_LPCWSTR fmt,
                                            ...)
{
    va_list ap;
    va_start(ap, fmt);
    HRESULT hr = print(d, cb_to_cch(cb, W), fmt, ap, W);
    va_end(ap);
    return hr;
}

LSAEMU_EXPORT HRESULT lsaemu_StringCbLengthA(STRSAFE_LPCSTR s, size_t cb_max, size_t *cb)
{
    return length(s, cb_to_cch(cb_max, 1), cb, 1);
}

/* *cb counts bytes: the length in units times two. */
LSAEMU_EXPORT HRESULT lsaemu_StringCbLengthW(STRSAFE_LPCWSTR s, size_t cb_max, size_t *cb)
{
    HRESULT hr = length(s, cb_to_cch(cb_max, W), cb, W);
    if (cb)
        *cb *= W;
    return hr;
}
