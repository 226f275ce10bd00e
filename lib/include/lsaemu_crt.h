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
 *   always (names glibc does not have; unless LSAEMU_NO_CRT_NAMES):
 *     _wcsicmp _wcsnicmp _wcsdup _wtoi _wtol _wtoi64 _wcstoi64 _wcstoui64
 *     _wtof wcscpy_s wcscat_s wcsncpy_s wcsncat_s wcstok_s _wcslwr _wcsupr
 *     _wcslwr_s _wcsupr_s wcstombs_s mbstowcs_s _wfopen _wfopen_s
 *     _snwprintf _vsnwprintf swprintf_s vswprintf_s _snwprintf_s
 *     _vsnwprintf_s _scwprintf _vscwprintf strcpy_s strcat_s strncpy_s
 *     strncat_s memcpy_s memmove_s wmemcpy_s wmemmove_s _stricmp _strnicmp
 *     _strdup _strlwr _strupr _set_invalid_parameter_handler
 *     _get_invalid_parameter_handler
 *     _set_thread_local_invalid_parameter_handler
 *     _get_thread_local_invalid_parameter_handler
 *   16-bit wchar_t (-fshort-wchar; LSAEMU_CRT_NAMES is then 1):
 *     wcslen wcsnlen wcscpy wcsncpy wcscat wcsncat wcscmp wcsncmp wcsicmp
 *     wcsnicmp wcschr wcsrchr wcsstr wcsspn wcscspn wcspbrk wcsdup wcstok
 *     wcscoll wcsxfrm wmemcpy wmemmove wmemset wmemcmp wmemchr wcstoul
 *     wcstol wcstoll wcstoull wcstoimax wcstoumax wcstod wcstof wcstold
 *     wcstombs mbstowcs swprintf vswprintf wprintf vwprintf fwprintf
 *     vfwprintf fputws fgetws fputwc putwc putwchar
 *   lsaemu-win32 mode (LSAEMU_PRINTF_NAMES is then 1):
 *     printf fprintf sprintf snprintf _snprintf sprintf_s _snprintf_s
 *     _scprintf vprintf vfprintf vsprintf vsnprintf _vsnprintf vsprintf_s
 *     _vsnprintf_s _vscprintf
 *
 * The other functions of <wchar.h> and <stdlib.h> that take a wchar_t
 * pointer cannot work with glibc's 32-bit units either. With a 16-bit
 * wchar_t they are refused at compile time instead of giving wrong answers:
 * each name becomes lsaemu_unmapped_NAME, declared unavailable with a
 * message saying why (the link fails with that name on a compiler without
 * the attribute). The list (LSAEMU_UNMAPPED_NAMES below): the scanf family
 * (wscanf fwscanf swscanf vwscanf vfwscanf vswscanf), the stateful
 * conversions that write wchar_t (mbtowc mbrtowc mbsrtowcs mbsnrtowcs
 * wcsrtombs wcsnrtombs), the wide stream input (fgetwc getwc getwchar
 * ungetwc), GNU and POSIX extras (wcpcpy wcpncpy wcscasecmp wcsncasecmp
 * wcschrnul wcswcs wcswidth wmempcpy wcstoq wcstouq open_wmemstream and
 * the *_unlocked stream functions), everything taking a locale_t (*_l)
 * and the _FloatN conversions (wcstof32 ... wcstof64x), and wcsftime.
 * A Windows program that defines a function of one of these names itself
 * (they are not Microsoft's, except the scanf family, the conversions and
 * wcsftime) writes #undef NAME after <windows.h> first.
 *
 * Not renamed: iswspace, iswalpha, towupper and the rest of <wctype.h>,
 * and btowc, wctob, wctomb, wcrtomb, take a character value, not a string,
 * so glibc's give the right answer for a 16-bit WCHAR too (beyond ASCII
 * they follow the C library's locale, where Windows uses Unicode tables; a
 * surrogate is not a character to them). puts, fputs and putchar are
 * narrow and need nothing. glibc's narrow scanf family still reads %ls as
 * 32-bit units: lsaemu has no scanf.
 *
 * Include order and the names <windows.h> brings. With a 32-bit wchar_t
 * (an ordinary Linux build) this header includes no C library header but
 * <stddef.h>, <stdarg.h>, <stdint.h> and the declaration of FILE, as
 * <windows.h> on Windows brings no <stdio.h>: the client's own
 * dprintf(), getline() or index() never clash with it. With a 16-bit
 * wchar_t it includes <stdio.h>, <stdlib.h>, <string.h>, <wchar.h> and
 * <inttypes.h> before it defines any name, so that their declarations are
 * never renamed, and while they are read it hides every name they declare
 * that neither ISO C nor Microsoft's runtime has (lsaemu_posix_names.h:
 * dprintf, getline, index, random, strsep ...; define
 * LSAEMU_KEEP_POSIX_NAMES to keep them). Including them again after
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
 * or %I64u for 64-bit values.
 *
 * Invalid parameters. Where a Microsoft CRT function finds an invalid
 * argument (a NULL buffer, a buffer too small for wcscpy_s ...), Windows
 * calls the invalid-parameter handler; a handler installed with
 * _set_invalid_parameter_handler (or the thread's, with
 * _set_thread_local_invalid_parameter_handler, which comes first) is
 * called here too, with NULL strings and 0 as a release CRT passes them,
 * and when it returns the function sets errno and returns its documented
 * error code and contents. The handler runs for the *_s functions' failures
 * (each listed below), a NULL format, stream or required buffer of either
 * printf family, %n or an unknown conversion, a NULL source of wcstombs /
 * mbstowcs, a NULL argument of _stricmp, _strnicmp, _strlwr, _strupr,
 * fputws, fputwc, fgetws and wcstok_s; never for a truncation a function
 * reports by design (STRUNCATE, _snprintf's -1). Deviation: Windows'
 * default handler (none installed) terminates the process
 * (_invoke_watson); lsaemu's returns, so
 * the function fails with errno and its documented error code instead
 * (tests/check_crt.c, "deviation_default_handler_returns"). A test that
 * wants Windows' behaviour installs a handler that calls abort().
 */
#ifndef LSAEMU_INCLUDE_LSAEMU_CRT_H
#define LSAEMU_INCLUDE_LSAEMU_CRT_H

#include "windef.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#if defined(LSAEMU_WCHAR_IS_WCHAR_T)
/* The C library's names are renamed below, so its headers come first,
 * while their non-Windows names are hidden (lsaemu_posix_names.h). */
#ifndef LSAEMU_KEEP_POSIX_NAMES
#define LSAEMU_HIDE_POSIX_NAMES_ 1
#include "lsaemu_posix_names.h"
#endif
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#ifndef LSAEMU_KEEP_POSIX_NAMES
#undef LSAEMU_HIDE_POSIX_NAMES_
#include "lsaemu_posix_names.h"
#endif
#elif defined(__GLIBC__)
/* Only FILE, for the prototypes below: <windows.h> brings no <stdio.h>. */
#include <bits/types/FILE.h>
#else
#include <stdio.h>
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

/* Refuses a C library function at compile time (see the top of this file). */
#if defined(__has_attribute)
#if __has_attribute(unavailable)
#define LSAEMU_UNMAPPED_(msg) __attribute__((unavailable(msg)))
#elif __has_attribute(error)
#define LSAEMU_UNMAPPED_(msg) __attribute__((error(msg)))
#endif
#endif
#ifndef LSAEMU_UNMAPPED_
#define LSAEMU_UNMAPPED_(msg)
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
 * More of <wchar.h> on 16-bit units (lib/crt/wide_more.c), each as ISO C
 * and Microsoft's CRT define it:
 * wcsspn / wcscspn: the length of the leading part of s made of units in
 * set (not in set). wcspbrk: the first unit of s in set, or NULL.
 * wmemchr: the first of n units equal to c, or NULL.
 * wcscoll / wcsxfrm: the "C" locale's, i.e. unit order: wcscoll compares
 * like wcscmp; wcsxfrm copies src into dst when its length is below n and
 * returns that length either way (dst may be NULL when n is 0).
 */
LSAEMU_IMPORT size_t lsaemu_wcsspn16(const WCHAR *s, const WCHAR *set);
LSAEMU_IMPORT size_t lsaemu_wcscspn16(const WCHAR *s, const WCHAR *set);
LSAEMU_IMPORT WCHAR *lsaemu_wcspbrk16(const WCHAR *s, const WCHAR *set);
LSAEMU_IMPORT WCHAR *lsaemu_wmemchr16(const WCHAR *s, WCHAR c, size_t n);
LSAEMU_IMPORT int lsaemu_wcscoll16(const WCHAR *a, const WCHAR *b);
LSAEMU_IMPORT size_t lsaemu_wcsxfrm16(WCHAR *dst, const WCHAR *src, size_t n);

/*
 * Numbers, read from the leading ASCII of s like the C runtime's "C"
 * locale; *end (when end is not NULL) points after the number, or at s
 * when there is none. Out of range: the limit, errno ERANGE.
 * wcstoll / wcstoull (wcstoimax, wcstoumax, _wcstoi64, _wcstoui64): 64-bit.
 * wcstod; wcstof (float); wcstold (long double, which has double's
 * precision on Windows: the value is read as a double). _wtof: wcstod
 * without end, 0 when there is no number.
 */
LSAEMU_IMPORT long long lsaemu_wcstoll16(const WCHAR *s, WCHAR **end, int base);
LSAEMU_IMPORT unsigned long long lsaemu_wcstoull16(const WCHAR *s, WCHAR **end, int base);
LSAEMU_IMPORT double lsaemu_wcstod16(const WCHAR *s, WCHAR **end);
LSAEMU_IMPORT float lsaemu_wcstof16(const WCHAR *s, WCHAR **end);
LSAEMU_IMPORT long double lsaemu_wcstold16(const WCHAR *s, WCHAR **end);
LSAEMU_IMPORT double lsaemu_wtof16(const WCHAR *s);

/*
 * Wide stream output and input through a byte-oriented stream, in UTF-8 as
 * wprintf writes (glibc's wide streams would expect 32-bit units).
 * fputws: a non-negative value, or -1 (WEOF for fputwc) with errno set;
 * an unpaired surrogate is written as U+FFFD. fputwc / putwc / putwchar
 * write one unit: a high surrogate is kept until its low half follows on
 * the same stream (as the UTF-8 of the pair), and the return is the unit
 * written or WEOF ((unsigned)-1).
 * fgetws: reads UTF-8 up to and including a newline, or n - 1 units, or
 * the end of the stream, stores it as UTF-16 with a NUL and returns buf
 * (n == 1: an empty string). NULL when the stream ended before anything
 * was read (buf unchanged), on a read error (buf's contents then
 * undefined, as in ISO C), for n == 0, and (errno EINVAL, after the
 * invalid-parameter handler) for n < 0, a NULL f, or a NULL buf with n
 * not 0.
 * Ill-formed UTF-8 reads as U+FFFD, one per maximal subpart; a character
 * that needs two units when one is left stays in the stream.
 */
LSAEMU_IMPORT int lsaemu_fputws16(const WCHAR *s, FILE *f);
LSAEMU_IMPORT WCHAR *lsaemu_fgetws16(WCHAR *buf, int n, FILE *f);
LSAEMU_IMPORT unsigned int lsaemu_fputwc16(WCHAR c, FILE *f);
LSAEMU_IMPORT unsigned int lsaemu_putwchar16(WCHAR c);

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
 * The invalid-parameter handler (see the top of this file): the set
 * functions return the previous handler; NULL means none. The process
 * handler applies to every thread without one of its own.
 */
typedef void (*_invalid_parameter_handler)(const wchar_t *expression, const wchar_t *function,
                                           const wchar_t *file, unsigned int line,
                                           uintptr_t reserved);
LSAEMU_IMPORT _invalid_parameter_handler
lsaemu_set_invalid_parameter_handler(_invalid_parameter_handler handler);
LSAEMU_IMPORT _invalid_parameter_handler lsaemu_get_invalid_parameter_handler(void);
LSAEMU_IMPORT _invalid_parameter_handler
lsaemu_set_thread_local_invalid_parameter_handler(_invalid_parameter_handler handler);
LSAEMU_IMPORT _invalid_parameter_handler lsaemu_get_thread_local_invalid_parameter_handler(void);

/*
 * Secure copies (lib/crt/secure.c), as Microsoft's CRT documents them and
 * Wine's conformance tests observed them. Each returns 0 or an errno value;
 * every failure calls the invalid-parameter handler, then sets errno to the
 * value it returns. dst has size elements (bytes, or WCHARs for the wide
 * ones), the NUL included.
 * strcpy_s / wcscpy_s: EINVAL when dst is NULL or size 0 (nothing
 * written), or src is NULL (dst[0] = 0); ERANGE when src does not fit
 * (dst[0] = 0).
 * strcat_s / wcscat_s: as strcpy_s, and EINVAL (dst[0] = 0) when dst is not
 * terminated within size.
 * strncpy_s / wcsncpy_s: copies at most count elements and terminates.
 * dst NULL, size 0 and count 0 together: 0, nothing done. Otherwise EINVAL
 * for dst NULL or size 0; count 0: dst[0] = 0, 0; src NULL: EINVAL
 * (dst[0] = 0); too long: ERANGE (dst[0] = 0), or with count _TRUNCATE
 * what fits is kept, terminated, and STRUNCATE returned (no handler call).
 * strncat_s / wcsncat_s: the same rules appending to dst, and EINVAL
 * (dst[0] = 0) for dst not terminated within size; src NULL with count 0
 * is fine.
 * memcpy_s / wmemcpy_s: count 0 does nothing and returns 0 (NULLs
 * included); EINVAL for dst NULL; EINVAL for src NULL and ERANGE for
 * size < count, both zeroing the size elements of dst first.
 * memmove_s / wmemmove_s: as memcpy_s with overlap allowed, but dst is
 * never zeroed.
 */
LSAEMU_IMPORT errno_t lsaemu_wcscpy_s16(WCHAR *dst, size_t size, const WCHAR *src);
LSAEMU_IMPORT errno_t lsaemu_wcscat_s16(WCHAR *dst, size_t size, const WCHAR *src);
LSAEMU_IMPORT errno_t lsaemu_wcsncpy_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                         size_t count);
LSAEMU_IMPORT errno_t lsaemu_wcsncat_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                         size_t count);
LSAEMU_IMPORT errno_t lsaemu_strcpy_s(char *dst, size_t size, const char *src);
LSAEMU_IMPORT errno_t lsaemu_strcat_s(char *dst, size_t size, const char *src);
LSAEMU_IMPORT errno_t lsaemu_strncpy_s(char *dst, size_t size, const char *src, size_t count);
LSAEMU_IMPORT errno_t lsaemu_strncat_s(char *dst, size_t size, const char *src, size_t count);
LSAEMU_IMPORT errno_t lsaemu_memcpy_s(void *dst, size_t size, const void *src, size_t count);
LSAEMU_IMPORT errno_t lsaemu_memmove_s(void *dst, size_t size, const void *src, size_t count);
LSAEMU_IMPORT errno_t lsaemu_wmemcpy_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                         size_t count);
LSAEMU_IMPORT errno_t lsaemu_wmemmove_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                          size_t count);

/*
 * Narrow Microsoft names (lib/crt/narrow_str.c). _stricmp / _strnicmp
 * compare folding A-Z to a-z only (the "C" locale), returning <0, 0, >0;
 * a NULL argument: the handler, errno EINVAL, and _NLSCMPERROR
 * (2147483647). _strdup: a malloc'd copy (free with free()), NULL for
 * NULL or without memory (errno ENOMEM). _strlwr / _strupr fold A-Z / a-z
 * in place and return s (NULL: the handler, errno EINVAL, NULL).
 */
#ifndef _NLSCMPERROR
#define _NLSCMPERROR 2147483647
#endif
LSAEMU_IMPORT int lsaemu_stricmp(const char *a, const char *b);
LSAEMU_IMPORT int lsaemu_strnicmp(const char *a, const char *b, size_t n);
LSAEMU_IMPORT char *lsaemu_strdup(const char *s);
LSAEMU_IMPORT char *lsaemu_strlwr(char *s);
LSAEMU_IMPORT char *lsaemu_strupr(char *s);

/*
 * Formatting with Microsoft's conversions (see the top of this file).
 * swprintf / vswprintf (ISO form, with a count): the length, or -1 when the
 * output needs count or more units, the buffer then holding the truncated
 * text, NUL-terminated (count > 0).
 * _snwprintf / _vsnwprintf: the length when it is below count (terminated);
 * count when it is exactly count (NOT terminated); -1 when longer (count
 * units written, NOT terminated).
 * swprintf_s / vswprintf_s: the length, or -1 with buf[0] = 0 when it does
 * not fit (errno ERANGE) or an argument is invalid (errno EINVAL; buf
 * untouched when it is NULL or count 0), after the invalid-parameter
 * handler.
 * _snwprintf_s / _vsnwprintf_s (buf of size units, at most count stored):
 * the length; with count _TRUNCATE, or count below size, what fits is
 * kept, terminated, and -1 returned when cut (no handler call); when count
 * is at least size and the output does not fit: -1, buf[0] = 0, errno
 * ERANGE after the handler. EINVAL (-1) for a NULL buf or fmt, size 0 or
 * count 0, or a refused conversion (buf[0] = 0).
 * _scwprintf / _vscwprintf: the length the output would have.
 * wprintf / vwprintf / fwprintf write UTF-8 to a byte-oriented stream.
 */
LSAEMU_IMPORT int lsaemu_swprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vswprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_snwprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vsnwprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_swprintf_s16(WCHAR *buf, size_t count, const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vswprintf_s16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_snwprintf_s16(WCHAR *buf, size_t size, size_t count, const WCHAR *fmt,
                                       ...);
LSAEMU_IMPORT int lsaemu_vsnwprintf_s16(WCHAR *buf, size_t size, size_t count, const WCHAR *fmt,
                                        va_list ap);
LSAEMU_IMPORT int lsaemu_scwprintf16(const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vscwprintf16(const WCHAR *fmt, va_list ap);
LSAEMU_IMPORT int lsaemu_wprintf16(const WCHAR *fmt, ...);
LSAEMU_IMPORT int lsaemu_vwprintf16(const WCHAR *fmt, va_list ap);
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
 * when it does not fit, after the invalid-parameter handler.
 * _snprintf_s / _vsnprintf_s: as _snwprintf_s above, in bytes.
 * _scprintf / _vscprintf: the length the output would have.
 * Every one returns -1 (errno EINVAL, after the invalid-parameter
 * handler) for %n or an unknown conversion.
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
LSAEMU_IMPORT int lsaemu_snprintf_s(char *buf, size_t size, size_t count, const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt,
                                     va_list ap);
LSAEMU_IMPORT int lsaemu_scprintf(const char *fmt, ...);
LSAEMU_IMPORT int lsaemu_vscprintf(const char *fmt, va_list ap);

#ifdef __cplusplus
}
#endif

/*
 * The Microsoft names. _wcsicmp and friends are not glibc names, so they
 * are offered in both modes; the ISO names only with a 16-bit wchar_t.
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
/* Issue 13: the secure CRT, more Microsoft names, the handler. */
#define wcsncat_s(d, n, s, c) lsaemu_wcsncat_s16(d, n, s, c)
#define strcpy_s(d, n, s) lsaemu_strcpy_s(d, n, s)
#define strcat_s(d, n, s) lsaemu_strcat_s(d, n, s)
#define strncpy_s(d, n, s, c) lsaemu_strncpy_s(d, n, s, c)
#define strncat_s(d, n, s, c) lsaemu_strncat_s(d, n, s, c)
#define memcpy_s(d, n, s, c) lsaemu_memcpy_s(d, n, s, c)
#define memmove_s(d, n, s, c) lsaemu_memmove_s(d, n, s, c)
#define wmemcpy_s(d, n, s, c) lsaemu_wmemcpy_s16(d, n, s, c)
#define wmemmove_s(d, n, s, c) lsaemu_wmemmove_s16(d, n, s, c)
#define vswprintf_s(b, n, f, a) lsaemu_vswprintf_s16(b, n, f, a)
#define _snwprintf_s(...) lsaemu_snwprintf_s16(__VA_ARGS__)
#define _vsnwprintf_s(b, n, c, f, a) lsaemu_vsnwprintf_s16(b, n, c, f, a)
#define _scwprintf(...) lsaemu_scwprintf16(__VA_ARGS__)
#define _vscwprintf(f, a) lsaemu_vscwprintf16(f, a)
#define _wcstoi64(s, e, b) lsaemu_wcstoll16(s, e, b)
#define _wcstoui64(s, e, b) lsaemu_wcstoull16(s, e, b)
#define _wtof(s) lsaemu_wtof16(s)
#define _stricmp(a, b) lsaemu_stricmp(a, b)
#define _strnicmp(a, b, n) lsaemu_strnicmp(a, b, n)
#define _strdup(s) lsaemu_strdup(s)
#define _strlwr(s) lsaemu_strlwr(s)
#define _strupr(s) lsaemu_strupr(s)
#define _set_invalid_parameter_handler(h) lsaemu_set_invalid_parameter_handler(h)
#define _get_invalid_parameter_handler() lsaemu_get_invalid_parameter_handler()
#define _set_thread_local_invalid_parameter_handler(h)                                            \
    lsaemu_set_thread_local_invalid_parameter_handler(h)
#define _get_thread_local_invalid_parameter_handler()                                             \
    lsaemu_get_thread_local_invalid_parameter_handler()
#endif

#if defined(LSAEMU_WCHAR_IS_WCHAR_T) && !defined(LSAEMU_NO_CRT_NAMES)
#define LSAEMU_CRT_NAMES 1
/* With _FORTIFY_SOURCE and a compiler without __builtin_va_arg_pack
 * (clang), glibc defines these as macros of its own. */
#undef swprintf
#undef wprintf
#undef fwprintf
#undef vwprintf
#undef vfwprintf
#undef vswprintf
#undef putwc
#undef putwchar
#undef fputwc
#undef fputws
#undef fgetws
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
/* Issue 13: the rest of <wchar.h> that works on strings. */
#define wcsnicmp(a, b, n) lsaemu_wcsnicmp16(a, b, n)
#define wcsspn(s, t) lsaemu_wcsspn16(s, t)
#define wcscspn(s, t) lsaemu_wcscspn16(s, t)
#define wcspbrk(s, t) lsaemu_wcspbrk16(s, t)
#define wmemchr(s, c, n) lsaemu_wmemchr16(s, c, n)
#define wcscoll(a, b) lsaemu_wcscoll16(a, b)
#define wcsxfrm(d, s, n) lsaemu_wcsxfrm16(d, s, n)
#define wcstoll(s, e, b) lsaemu_wcstoll16(s, e, b)
#define wcstoull(s, e, b) lsaemu_wcstoull16(s, e, b)
#define wcstoimax(s, e, b) lsaemu_wcstoll16(s, e, b)
#define wcstoumax(s, e, b) lsaemu_wcstoull16(s, e, b)
#define wcstod(s, e) lsaemu_wcstod16(s, e)
#define wcstof(s, e) lsaemu_wcstof16(s, e)
#define wcstold(s, e) lsaemu_wcstold16(s, e)
#define vwprintf(f, a) lsaemu_vwprintf16(f, a)
#define fputws(s, f) lsaemu_fputws16(s, f)
#define fgetws(b, n, f) lsaemu_fgetws16(b, n, f)
#define fputwc(c, f) lsaemu_fputwc16(c, f)
#define putwc(c, f) lsaemu_fputwc16(c, f)
#define putwchar(c) lsaemu_putwchar16(c)
#include "lsaemu_unmapped.h"
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
#define _snprintf_s(...) lsaemu_snprintf_s(__VA_ARGS__)
#define _scprintf(...) lsaemu_scprintf(__VA_ARGS__)
#define vprintf(f, a) lsaemu_vprintf(f, a)
#define vfprintf(s, f, a) lsaemu_vfprintf(s, f, a)
#define vsprintf(b, f, a) lsaemu_vsprintf(b, f, a)
#define vsnprintf(b, n, f, a) lsaemu_vsnprintf(b, n, f, a)
#define _vsnprintf(b, n, f, a) lsaemu_vsnprintf_ms(b, n, f, a)
#define vsprintf_s(b, n, f, a) lsaemu_vsprintf_s(b, n, f, a)
#define _vsnprintf_s(b, n, c, f, a) lsaemu_vsnprintf_s(b, n, c, f, a)
#define _vscprintf(f, a) lsaemu_vscprintf(f, a)
#endif

#endif
