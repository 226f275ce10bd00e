/* SPDX-License-Identifier: MIT */
/*
 * lsaemu_crt.h - the Microsoft C-runtime string functions Windows code uses
 * (wcslen, wcscpy_s, swprintf, _wcsicmp, _countof ...), for UTF-16 strings.
 * windows.h includes it.
 *
 * Why this exists: Windows code measures and copies L"..." strings with the
 * wcs* functions. Built with -fshort-wchar (the documented mode for Windows
 * code, `pkg-config --cflags lsaemu-win32`), L"..." is UTF-16 and WCHAR is
 * wchar_t, but glibc's wcs* functions still walk 32-bit units and would read
 * past the end of every string. liblsaemu therefore provides 16-bit
 * versions under its own names (lsaemu_wcslen16 ...), which always exist and
 * take WCHAR in both modes.
 *
 * The decision (which mode gets the Windows names):
 *   - the Windows names (wcslen, wcscpy, swprintf, ...) become function-like
 *     macros for the lsaemu_*16 functions only when wchar_t is 16-bit
 *     (__WCHAR_MAX__ <= 0xFFFF, i.e. -fshort-wchar). glibc's versions are
 *     wrong there anyway, so nothing that worked is taken away.
 *   - with the ordinary 32-bit wchar_t, nothing is renamed: Linux code keeps
 *     glibc's wcslen for its wchar_t strings, and WCHAR strings (u"...")
 *     use the lsaemu_*16 names or the Win32 functions (lstrlenW ...).
 *   - LSAEMU_WIN32 (set by the lsaemu-win32 pkg-config module) without
 *     -fshort-wchar is a build mistake and stops with an #error.
 *   - define LSAEMU_NO_CRT_NAMES to keep glibc's names even with
 *     -fshort-wchar.
 * <wchar.h> is included first so that its declarations are never renamed.
 * The macros are function-like, so `wcslen` not followed by "(" (a
 * function pointer, `using ::wcslen`) still means glibc's. In C++,
 * <cwchar> #undefs these names; include it before windows.h if at all.
 *
 * Microsoft semantics kept on purpose: in the wide printf family %s and %c
 * take WCHAR, %S and %C take char (UTF-8), %ls/%ws/%lc are always wide,
 * %hs/%hc always narrow; 'l' integers are 32-bit (LONG, DWORD), %I64d,
 * %lld and %zu are 64-bit. The *_s functions return errno values where
 * Windows would call the invalid-parameter handler (Deviation: the default
 * handler terminates the process).
 */
#ifndef LSAEMU_INCLUDE_LSAEMU_CRT_H
#define LSAEMU_INCLUDE_LSAEMU_CRT_H

#include "windef.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#if defined(LSAEMU_WCHAR_IS_WCHAR_T)
#include <wchar.h>
#endif

#if defined(LSAEMU_WIN32) && LSAEMU_WIN32 && !defined(LSAEMU_WCHAR_IS_WCHAR_T)
#error "lsaemu-win32 mode needs -fshort-wchar (use pkg-config --cflags lsaemu-win32)"
#endif

#ifndef LSAEMU_ERRNO_T_DEFINED
#define LSAEMU_ERRNO_T_DEFINED
typedef int errno_t;
#endif
#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif
#ifndef STRUNCATE
#define STRUNCATE 80
#endif

/* _countof: the number of elements of an array (MSVC's stdlib.h). */
#ifndef _countof
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Lengths and copies. NULL is not accepted where the CRT does not accept it. */
LSAEMU_IMPORT size_t lsaemu_wcslen16(const WCHAR *s);
LSAEMU_IMPORT size_t lsaemu_wcsnlen16(const WCHAR *s, size_t max);
LSAEMU_IMPORT WCHAR *lsaemu_wcscpy16(WCHAR *dst, const WCHAR *src);
LSAEMU_IMPORT WCHAR *lsaemu_wcsncpy16(WCHAR *dst, const WCHAR *src, size_t n);
LSAEMU_IMPORT WCHAR *lsaemu_wcscat16(WCHAR *dst, const WCHAR *src);
LSAEMU_IMPORT WCHAR *lsaemu_wcsncat16(WCHAR *dst, const WCHAR *src, size_t n);
LSAEMU_IMPORT int lsaemu_wcscmp16(const WCHAR *a, const WCHAR *b);
LSAEMU_IMPORT int lsaemu_wcsncmp16(const WCHAR *a, const WCHAR *b, size_t n);
/* Case-insensitive, folding ASCII letters only (the CRT's "C" locale). */
LSAEMU_IMPORT int lsaemu_wcsicmp16(const WCHAR *a, const WCHAR *b);
LSAEMU_IMPORT int lsaemu_wcsnicmp16(const WCHAR *a, const WCHAR *b, size_t n);
LSAEMU_IMPORT WCHAR *lsaemu_wcschr16(const WCHAR *s, WCHAR c);
LSAEMU_IMPORT WCHAR *lsaemu_wcsrchr16(const WCHAR *s, WCHAR c);
LSAEMU_IMPORT WCHAR *lsaemu_wcsstr16(const WCHAR *hay, const WCHAR *needle);
/* A malloc'd copy (free with free()), or NULL. */
LSAEMU_IMPORT WCHAR *lsaemu_wcsdup16(const WCHAR *s);
/* wmem*: n counts WCHAR units. */
LSAEMU_IMPORT WCHAR *lsaemu_wmemcpy16(WCHAR *dst, const WCHAR *src, size_t n);
LSAEMU_IMPORT WCHAR *lsaemu_wmemmove16(WCHAR *dst, const WCHAR *src, size_t n);
LSAEMU_IMPORT WCHAR *lsaemu_wmemset16(WCHAR *dst, WCHAR c, size_t n);
LSAEMU_IMPORT int lsaemu_wmemcmp16(const WCHAR *a, const WCHAR *b, size_t n);
LSAEMU_IMPORT unsigned long lsaemu_wcstoul16(const WCHAR *s, WCHAR **end, int base);
LSAEMU_IMPORT long lsaemu_wcstol16(const WCHAR *s, WCHAR **end, int base);
LSAEMU_IMPORT int lsaemu_wtoi16(const WCHAR *s);

/*
 * Secure copies. dst of size elements (including the NUL). Returns 0, or:
 * EINVAL when dst is NULL or size is 0 (nothing written), or src is NULL
 * (dst[0] = 0); ERANGE when the result does not fit (dst[0] = 0);
 * wcscat_s also EINVAL when dst is not terminated within size.
 * wcsncpy_s with count _TRUNCATE copies what fits and returns STRUNCATE.
 */
LSAEMU_IMPORT errno_t lsaemu_wcscpy_s16(WCHAR *dst, size_t size, const WCHAR *src);
LSAEMU_IMPORT errno_t lsaemu_wcscat_s16(WCHAR *dst, size_t size, const WCHAR *src);
LSAEMU_IMPORT errno_t lsaemu_wcsncpy_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                         size_t count);

/*
 * Formatting with Microsoft's conversions (see the top of this file).
 * swprintf / vswprintf (ISO form, with a count): the length, or -1 when the
 * output needs count or more units, the buffer then holding the truncated
 * text, NUL-terminated (count > 0).
 * _snwprintf / _vsnwprintf: the length when it is below count (terminated);
 * count when it is exactly count (NOT terminated); -1 when longer (count
 * units written, NOT terminated).
 * swprintf_s: the length, or -1 with buf[0] = 0 when it does not fit.
 * wprintf / fwprintf write UTF-8 to a byte-oriented stream.
 */
LSAEMU_IMPORT int lsaemu_swprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vswprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_snwprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vsnwprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_swprintf_s16(WCHAR *buf, size_t count, const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_wprintf16(const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_fwprintf16(FILE *f, const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vfwprintf16(FILE *f, const WCHAR *fmt, va_list ap);

#ifdef __cplusplus
}
#endif

/*
 * The Microsoft names. _wcsicmp and friends are not ISO names, so they are
 * offered in both modes; the ISO names only with a 16-bit wchar_t.
 */
#ifndef LSAEMU_NO_CRT_NAMES
#define _wcsicmp(a, b) lsaemu_wcsicmp16(a, b)
#define _wcsnicmp(a, b, n) lsaemu_wcsnicmp16(a, b, n)
#define _wcsdup(s) lsaemu_wcsdup16(s)
#define _wtoi(s) lsaemu_wtoi16(s)
#define wcscpy_s(d, n, s) lsaemu_wcscpy_s16(d, n, s)
#define wcscat_s(d, n, s) lsaemu_wcscat_s16(d, n, s)
#define wcsncpy_s(d, n, s, c) lsaemu_wcsncpy_s16(d, n, s, c)
#define _snwprintf(...) lsaemu_snwprintf16(__VA_ARGS__)
#define _vsnwprintf(b, n, f, a) lsaemu_vsnwprintf16(b, n, f, a)
#define swprintf_s(...) lsaemu_swprintf_s16(__VA_ARGS__)
#endif

#if defined(LSAEMU_WCHAR_IS_WCHAR_T) && !defined(LSAEMU_NO_CRT_NAMES)
#define LSAEMU_CRT_NAMES 1
#define wcslen(s) lsaemu_wcslen16(s)
#define wcsnlen(s, n) lsaemu_wcsnlen16(s, n)
#define wcscpy(d, s) lsaemu_wcscpy16(d, s)
#define wcsncpy(d, s, n) lsaemu_wcsncpy16(d, s, n)
#define wcscat(d, s) lsaemu_wcscat16(d, s)
#define wcsncat(d, s, n) lsaemu_wcsncat16(d, s, n)
#define wcscmp(a, b) lsaemu_wcscmp16(a, b)
#define wcsncmp(a, b, n) lsaemu_wcsncmp16(a, b, n)
#define wcsicmp(a, b) lsaemu_wcsicmp16(a, b)
#define wcschr(s, c) lsaemu_wcschr16(s, c)
#define wcsrchr(s, c) lsaemu_wcsrchr16(s, c)
#define wcsstr(h, n) lsaemu_wcsstr16(h, n)
#define wcsdup(s) lsaemu_wcsdup16(s)
#define wmemcpy(d, s, n) lsaemu_wmemcpy16(d, s, n)
#define wmemmove(d, s, n) lsaemu_wmemmove16(d, s, n)
#define wmemset(d, c, n) lsaemu_wmemset16(d, c, n)
#define wmemcmp(a, b, n) lsaemu_wmemcmp16(a, b, n)
#define wcstoul(s, e, b) lsaemu_wcstoul16(s, e, b)
#define wcstol(s, e, b) lsaemu_wcstol16(s, e, b)
#define swprintf(...) lsaemu_swprintf16(__VA_ARGS__)
#define vswprintf(b, n, f, a) lsaemu_vswprintf16(b, n, f, a)
#define wprintf(...) lsaemu_wprintf16(__VA_ARGS__)
#define fwprintf(...) lsaemu_fwprintf16(__VA_ARGS__)
#define vfwprintf(f, fmt, a) lsaemu_vfwprintf16(f, fmt, a)
#endif

#endif
