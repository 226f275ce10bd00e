/* SPDX-License-Identifier: MIT */
/*
 * kernel32's lstr*W (winbase.h): the UTF-16 string functions of the Windows
 * API proper, which, unlike the C runtime's (lib/crt/wide_str.c), catch a
 * NULL argument instead of faulting.
 */
#include <limits.h>
#include <stddef.h>

#include "base/export.h"
#include "base/win.h"
#include <lsaemu_crt.h>

static unsigned ascii_lower(unsigned c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

LSAEMU_EXPORT int WINAPI lstrlenW(LPCWSTR lpString)
{
    if (!lpString)
        return 0;
    size_t n = lsaemu_wcslen16(lpString);
    return n > INT_MAX ? INT_MAX : (int)n;
}

LSAEMU_EXPORT LPWSTR WINAPI lstrcpyW(LPWSTR lpString1, LPCWSTR lpString2)
{
    /* Windows catches the fault of a NULL argument and returns NULL. */
    if (!lpString1 || !lpString2)
        return NULL;
    return lsaemu_wcscpy16(lpString1, lpString2);
}

LSAEMU_EXPORT LPWSTR WINAPI lstrcpynW(LPWSTR lpString1, LPCWSTR lpString2, int iMaxLength)
{
    if (!lpString1 || !lpString2)
        return NULL;
    if (iMaxLength <= 0)
        return lpString1;
    int i = 0;
    for (; i < iMaxLength - 1 && lpString2[i]; i++)
        lpString1[i] = lpString2[i];
    lpString1[i] = 0;
    return lpString1;
}

LSAEMU_EXPORT LPWSTR WINAPI lstrcatW(LPWSTR lpString1, LPCWSTR lpString2)
{
    if (!lpString1 || !lpString2)
        return NULL;
    return lsaemu_wcscat16(lpString1, lpString2);
}

/* CompareString's answer (1, 2, 3) minus 2; NULL sorts before any string. */
static int cmp_null(LPCWSTR a, LPCWSTR b, int *out)
{
    if (a && b)
        return 0;
    *out = a == b ? 0 : a ? 1 : -1;
    return 1;
}

LSAEMU_EXPORT int WINAPI lstrcmpW(LPCWSTR lpString1, LPCWSTR lpString2)
{
    int r;
    if (cmp_null(lpString1, lpString2, &r))
        return r;
    return lsaemu_wcscmp16(lpString1, lpString2);
}

/* Simple case folding for the scripts account and machine names use. */
static unsigned fold(unsigned c)
{
    if (c < 0x80)
        return ascii_lower(c);
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 32;
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149)
        return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) ? c + ((c & 1) ? 1 : 0)
                                                                        : (c | 1);
    return c;
}

LSAEMU_EXPORT int WINAPI lstrcmpiW(LPCWSTR lpString1, LPCWSTR lpString2)
{
    int r;
    if (cmp_null(lpString1, lpString2, &r))
        return r;
    for (size_t i = 0;; i++) {
        unsigned x = fold(lpString1[i]), y = fold(lpString2[i]);
        if (x != y)
            return x < y ? -1 : 1;
        if (!x)
            return 0;
    }
}
