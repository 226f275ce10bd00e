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
 * The narrow printf family (printf, fprintf, sprintf, snprintf, _snprintf,
 * sprintf_s, the v* forms, _scprintf) is renamed only in lsaemu-win32 mode
 * (LSAEMU_WIN32 set, which implies -fshort-wchar): there glibc's printf
 * would read a Windows %ls as 32-bit wchar_t and %lu as 64-bit. Ordinary
 * Linux builds, and -fshort-wchar builds without LSAEMU_WIN32, keep glibc's
 * printf. Define LSAEMU_NO_PRINTF_NAMES to keep glibc's printf in
 * lsaemu-win32 mode as well (LSAEMU_NO_CRT_NAMES turns off every ISO name).
 *
 * Which names are renamed in which mode (all are function-like macros):
 *   always (non-ISO Microsoft names; unless LSAEMU_NO_CRT_NAMES):
 *     _wcsicmp _wcsnicmp _wcsdup _wtoi _wtol _wtoi64 wcscpy_s wcscat_s
 *     wcsncpy_s wcstok_s _wcslwr _wcsupr _wcslwr_s _wcsupr_s wcstombs_s
 *     mbstowcs_s _wfopen _wfopen_s _snwprintf _vsnwprintf swprintf_s
 *   16-bit wchar_t (-fshort-wchar; LSAEMU_CRT_NAMES is then 1):
 *     wcslen wcsnlen wcscpy wcsncpy wcscat wcsncat wcscmp wcsncmp wcsicmp
 *     wcschr wcsrchr wcsstr wcsdup wcstok wmemcpy wmemmove wmemset wmemcmp
 *     wcstoul wcstol wcstombs mbstowcs swprintf vswprintf wprintf fwprintf
 *     vfwprintf
 *   lsaemu-win32 mode (LSAEMU_PRINTF_NAMES is then 1):
 *     printf fprintf sprintf snprintf _snprintf sprintf_s _scprintf vprintf
 *     vfprintf vsprintf vsnprintf _vsnprintf vsprintf_s _vscprintf
 * Not renamed: iswspace, iswalpha, towupper and the rest of <wctype.h> take
 * a character value, not a string, so glibc's give the right answer for a
 * 16-bit WCHAR too (beyond ASCII they follow the C library's locale, where
 * Windows uses Unicode tables). puts, fputs and putchar are narrow and need
 * nothing.
 *
 * Include order: this header includes <stdio.h>, <stdlib.h>, <string.h>
 * and (16-bit mode) <wchar.h> before it defines any name, so their
 * declarations are never renamed, and including them again after
 * <windows.h> changes nothing (their include guards). <stdio.h> may come
 * before or after <windows.h>. A header included later that declares or
 * calls one of the renamed names gets lsaemu's function; in C++, <cstdio>
 * and <cwchar> #undef the names: include them before windows.h if at all.
 *
 * Microsoft semantics kept on purpose: in the wide printf family %s and %c
 * take WCHAR, %S and %C take char (UTF-8), %ls/%ws/%lc are always wide,
 * %hs/%hc always narrow; 'l' integers are 32-bit (LONG, DWORD), %I64d,
 * %lld and %zu are 64-bit. In the narrow family %s and %c take char and
 * %S, %C, %ls, %ws, %lc, %wc WCHAR (printed as UTF-8), with the same
 * integer sizes. In both, %Z takes an ANSI_STRING * and %wZ (or %lZ) a
 * UNICODE_STRING *, and %n fails the call (-1, errno EINVAL). A 64-bit
 * Linux `unsigned long` given to %lu prints its low 32 bits: use %llu, %zu
 * or %I64u for 64-bit values. The *_s functions return errno values where
 * Windows would call the invalid-parameter handler (Deviation: the default
 * handler terminates the process).
 */
#ifndef LSAEMU_INCLUDE_LSAEMU_CRT_H
#define LSAEMU_INCLUDE_LSAEMU_CRT_H

#include "windef.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
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
/* _wtol: saturates at Windows' 32-bit long. _wtoi64: 64-bit. */
LSAEMU_IMPORT long lsaemu_wtol16(const WCHAR *s);
LSAEMU_IMPORT long long lsaemu_wtoi64_16(const WCHAR *s);

/*
 * Tokens. lsaemu_wcstok16 is ISO wcstok (and Microsoft's since VS 2015):
 * the position is kept in *ctx. lsaemu_wcstok_legacy16 is the two-argument
 * wcstok of older CRTs, with a per-thread position; the wcstok macro picks
 * one by the number of arguments. wcstok_s is the three-argument form that
 * fails (NULL, errno EINVAL) for a NULL delim or ctx, or s and *ctx NULL.
 */
LSAEMU_IMPORT WCHAR *lsaemu_wcstok16(WCHAR *s, const WCHAR *delim, WCHAR **ctx);
LSAEMU_IMPORT WCHAR *lsaemu_wcstok_legacy16(WCHAR *s, const WCHAR *delim);
LSAEMU_IMPORT WCHAR *lsaemu_wcstok_s16(WCHAR *s, const WCHAR *delim, WCHAR **ctx);

/* In place, folding A-Z / a-z only (the "C" locale); the string is
 * returned. The _s forms: EINVAL for NULL or size 0, or a string not
 * terminated within size (then s[0] = 0). */
LSAEMU_IMPORT WCHAR *lsaemu_wcslwr16(WCHAR *s);
LSAEMU_IMPORT WCHAR *lsaemu_wcsupr16(WCHAR *s);
LSAEMU_IMPORT errno_t lsaemu_wcslwr_s16(WCHAR *s, size_t size);
LSAEMU_IMPORT errno_t lsaemu_wcsupr_s16(WCHAR *s, size_t size);

/*
 * wcstombs / mbstowcs with UTF-8 as the multibyte encoding (the emulated
 * machine's code page, see winnls.h). n counts the elements of dst; a
 * character that does not fit whole is not written; the NUL is written
 * (not counted) only when all of src was converted and there is room for
 * it. dst NULL: the length needed (n is
 * ignored). An unpaired surrogate or ill-formed UTF-8: (size_t)-1 and errno
 * EILSEQ.
 * The _s forms: size is the elements of dst, count the most to convert or
 * _TRUNCATE, *ret (may be NULL) the elements written with the NUL. dst NULL
 * with size 0 asks for the size needed. EINVAL for bad arguments, ERANGE
 * when it does not fit (dst[0] = 0), STRUNCATE with _TRUNCATE when cut,
 * EILSEQ for a character with no conversion (dst[0] = 0).
 */
LSAEMU_IMPORT size_t lsaemu_wcstombs16(char *dst, const WCHAR *src, size_t n);
LSAEMU_IMPORT size_t lsaemu_mbstowcs16(WCHAR *dst, const char *src, size_t n);
LSAEMU_IMPORT errno_t lsaemu_wcstombs_s16(size_t *ret, char *dst, size_t size, const WCHAR *src,
                                          size_t count);
LSAEMU_IMPORT errno_t lsaemu_mbstowcs_s16(size_t *ret, WCHAR *dst, size_t size, const char *src,
                                          size_t count);

/* _wfopen: the path in UTF-8 to fopen. Mode letters beyond r w a + b x
 * (t, N, ", ccs=UTF-16LE" ...) are dropped. _wfopen_s: 0 or the errno. */
LSAEMU_IMPORT FILE *lsaemu_wfopen16(const WCHAR *path, const WCHAR *mode);
LSAEMU_IMPORT errno_t lsaemu_wfopen_s16(FILE **f, const WCHAR *path, const WCHAR *mode);

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

/*
 * The narrow printf family with Microsoft's conversions (see the top of
 * this file); output is bytes, wide arguments converted to UTF-8.
 * printf / fprintf / vprintf / vfprintf: the bytes written, or -1.
 * sprintf / vsprintf: the length (no bound).
 * snprintf / vsnprintf (C99, as the CRT since VS 2015): the length the whole
 * output needs; at most count - 1 bytes are stored and always terminated
 * (count > 0).
 * _snprintf / _vsnprintf (lsaemu_snprintf_ms): the length when it is below
 * count (terminated); count when it is exactly count (NOT terminated); -1
 * when longer (count bytes written, NOT terminated). _snprintf(NULL, 0, ...)
 * returns the length.
 * sprintf_s / vsprintf_s: the length, or -1 with buf[0] = 0 (errno ERANGE)
 * when it does not fit.
 * _scprintf / _vscprintf: the length the output would have.
 * Every one returns -1 (errno EINVAL) for %n or an unknown conversion.
 */
LSAEMU_IMPORT int lsaemu_printf(const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vprintf(const char *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_fprintf(FILE *f, const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vfprintf(FILE *f, const char *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_sprintf(char *buf, const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vsprintf(char *buf, const char *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_snprintf(char *buf, size_t count, const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vsnprintf(char *buf, size_t count, const char *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_snprintf_ms(char *buf, size_t count, const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vsnprintf_ms(char *buf, size_t count, const char *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_sprintf_s(char *buf, size_t size, const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_scprintf(const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vscprintf(const char *fmt, va_list ap);

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
#define _wtol(s) lsaemu_wtol16(s)
#define _wtoi64(s) lsaemu_wtoi64_16(s)
#define wcstok_s(s, d, c) lsaemu_wcstok_s16(s, d, c)
#define _wcslwr(s) lsaemu_wcslwr16(s)
#define _wcsupr(s) lsaemu_wcsupr16(s)
#define _wcslwr_s(s, n) lsaemu_wcslwr_s16(s, n)
#define _wcsupr_s(s, n) lsaemu_wcsupr_s16(s, n)
#define wcstombs_s(r, d, n, s, c) lsaemu_wcstombs_s16(r, d, n, s, c)
#define mbstowcs_s(r, d, n, s, c) lsaemu_mbstowcs_s16(r, d, n, s, c)
#define _wfopen(p, m) lsaemu_wfopen16(p, m)
#define _wfopen_s(f, p, m) lsaemu_wfopen_s16(f, p, m)
#endif

#if defined(LSAEMU_WCHAR_IS_WCHAR_T) && !defined(LSAEMU_NO_CRT_NAMES)
#define LSAEMU_CRT_NAMES 1
/* With _FORTIFY_SOURCE and a compiler without __builtin_va_arg_pack
 * (clang), glibc defines these as macros of its own. */
#undef swprintf
#undef wprintf
#undef fwprintf
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
/* wcstok(s, d, &ctx) is ISO's; wcstok(s, d) the old Microsoft one. */
#define LSAEMU_WCSTOK_PICK_(a, b, c, name, ...) name
#define wcstok(...) \
    LSAEMU_WCSTOK_PICK_(__VA_ARGS__, lsaemu_wcstok16, lsaemu_wcstok_legacy16, )(__VA_ARGS__)
#define wcstombs(d, s, n) lsaemu_wcstombs16(d, s, n)
#define mbstowcs(d, s, n) lsaemu_mbstowcs16(d, s, n)
#endif

/* The narrow printf family: lsaemu-win32 mode only. #undef first: glibc
 * defines sprintf, snprintf, printf and fprintf as macros under
 * _FORTIFY_SOURCE with clang. */
#if defined(LSAEMU_CRT_NAMES) && defined(LSAEMU_WIN32) && LSAEMU_WIN32 && \
    !defined(LSAEMU_NO_PRINTF_NAMES)
#define LSAEMU_PRINTF_NAMES 1
#undef printf
#undef fprintf
#undef sprintf
#undef snprintf
#undef vprintf
#undef vfprintf
#undef vsprintf
#undef vsnprintf
#define printf(...) lsaemu_printf(__VA_ARGS__)
#define fprintf(...) lsaemu_fprintf(__VA_ARGS__)
#define sprintf(...) lsaemu_sprintf(__VA_ARGS__)
#define snprintf(...) lsaemu_snprintf(__VA_ARGS__)
#define _snprintf(...) lsaemu_snprintf_ms(__VA_ARGS__)
#define sprintf_s(...) lsaemu_sprintf_s(__VA_ARGS__)
#define _scprintf(...) lsaemu_scprintf(__VA_ARGS__)
#define vprintf(f, a) lsaemu_vprintf(f, a)
#define vfprintf(s, f, a) lsaemu_vfprintf(s, f, a)
#define vsprintf(b, f, a) lsaemu_vsprintf(b, f, a)
#define vsnprintf(b, n, f, a) lsaemu_vsnprintf(b, n, f, a)
#define _vsnprintf(b, n, f, a) lsaemu_vsnprintf_ms(b, n, f, a)
#define vsprintf_s(b, n, f, a) lsaemu_vsprintf_s(b, n, f, a)
#define _vscprintf(f, a) lsaemu_vscprintf(f, a)
#endif

#endif
