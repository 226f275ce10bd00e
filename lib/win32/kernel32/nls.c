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
#include <stdint.h>
#include <string.h>

#include "base/utf.h"
#include "win32/api.h"
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

/* Output of n UTF-16 units / bytes into a buffer of cap (counts beyond). */
struct out16 {
    LPWSTR buf;
    size_t cap, len;
};

static void emit16(struct out16 *o, uint32_t cp)
{
    uint16_t u[2];
    size_t n = utf16_encode(cp, u);
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
            cp = utf8_next(s + i, n - i, &used, 0);
            if (cp < 0) {
                if (dwFlags & MB_ERR_INVALID_CHARS)
                    return fail(ERROR_NO_UNICODE_TRANSLATION);
                cp = UTF_REPLACEMENT;
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
    unsigned char u[4];
    size_t n = utf8_encode(c, u);
    for (size_t i = 0; i < n; i++)
        emit8(o, u[i]);
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
    for (size_t i = 0, used; i < n; i += used) {
        uint32_t c = utf16_next(lpWideCharStr, i, n, &used);
        bool bad = utf_is_surrogate(c);
        if (k == CPK_UTF8 || k == CPK_UTF8_LENIENT) {
            if (bad && (dwFlags & WC_ERR_INVALID_CHARS))
                return fail(ERROR_NO_UNICODE_TRANSLATION);
            emit_utf8(&o, bad ? UTF_REPLACEMENT : c);
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
