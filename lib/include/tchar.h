/* SPDX-License-Identifier: MIT */
/*
 * tchar.h - the generic-text names of the Microsoft C runtime: _T(), _TCHAR
 * and the _tcs* / _t* functions, wide when _UNICODE is defined, narrow
 * otherwise, as MSVC's tchar.h maps them (define UNICODE too, so that
 * TCHAR from windows.h agrees). Each name maps to what the plain name maps
 * to in lsaemu_crt.h: the wide ones to lsaemu's 16-bit functions in both
 * modes, the narrow ones to the C library's or lsaemu's Microsoft
 * functions (_stricmp ...). _tmain is main only without _UNICODE: Linux
 * has no wmain entry point. The _mbs* (multibyte) forms are not provided.
 */
#ifndef LSAEMU_INCLUDE_TCHAR_H
#define LSAEMU_INCLUDE_TCHAR_H

#include "windef.h"
#include "lsaemu_crt.h"

/* The narrow names map to the C library's functions: their headers, as
 * MSVC's tchar.h brings them (after lsaemu_crt.h, which with a 16-bit
 * wchar_t has included them already). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _UNICODE
#define __T(s) LSAEMU_WIDE(s)
typedef WCHAR _TCHAR;
typedef WCHAR _TSCHAR;
typedef WCHAR _TUCHAR;
typedef WCHAR _TXCHAR;
typedef unsigned int _TINT;
#define _TEOF 0xFFFFFFFFu
#define _tcslen lsaemu_wcslen16
#define _tcsnlen lsaemu_wcsnlen16
#define _tcscpy lsaemu_wcscpy16
#define _tcsncpy lsaemu_wcsncpy16
#define _tcscat lsaemu_wcscat16
#define _tcsncat lsaemu_wcsncat16
#define _tcscmp lsaemu_wcscmp16
#define _tcsncmp lsaemu_wcsncmp16
#define _tcsicmp lsaemu_wcsicmp16
#define _tcsnicmp lsaemu_wcsnicmp16
#define _tcschr lsaemu_wcschr16
#define _tcsrchr lsaemu_wcsrchr16
#define _tcsstr lsaemu_wcsstr16
#define _tcsspn lsaemu_wcsspn16
#define _tcscspn lsaemu_wcscspn16
#define _tcspbrk lsaemu_wcspbrk16
#define _tcsdup lsaemu_wcsdup16
#define _tcslwr lsaemu_wcslwr16
#define _tcsupr lsaemu_wcsupr16
#define _tcslwr_s lsaemu_wcslwr_s16
#define _tcsupr_s lsaemu_wcsupr_s16
#define _tcstok lsaemu_wcstok16
#define _tcstok_s lsaemu_wcstok_s16
#define _tcscpy_s lsaemu_wcscpy_s16
#define _tcsncpy_s lsaemu_wcsncpy_s16
#define _tcscat_s lsaemu_wcscat_s16
#define _tcsncat_s lsaemu_wcsncat_s16
#define _tcstol lsaemu_wcstol16
#define _tcstoul lsaemu_wcstoul16
#define _tcstoi64 lsaemu_wcstoll16
#define _tcstoui64 lsaemu_wcstoull16
#define _tcstod lsaemu_wcstod16
#define _ttoi lsaemu_wtoi16
#define _tstoi lsaemu_wtoi16
#define _ttol lsaemu_wtol16
#define _tstol lsaemu_wtol16
#define _ttoi64 lsaemu_wtoi64_16
#define _tstoi64 lsaemu_wtoi64_16
#define _tstof lsaemu_wtof16
#define _stprintf_s lsaemu_swprintf_s16
#define _vstprintf_s lsaemu_vswprintf_s16
#define _sntprintf lsaemu_snwprintf16
#define _vsntprintf lsaemu_vsnwprintf16
#define _sntprintf_s lsaemu_snwprintf_s16
#define _vsntprintf_s lsaemu_vsnwprintf_s16
#define _sctprintf lsaemu_scwprintf16
#define _vsctprintf lsaemu_vscwprintf16
#define _tprintf lsaemu_wprintf16
#define _vtprintf lsaemu_vwprintf16
#define _ftprintf lsaemu_fwprintf16
#define _vftprintf lsaemu_vfwprintf16
#define _fputts lsaemu_fputws16
#define _fgetts lsaemu_fgetws16
#define _fputtc lsaemu_fputwc16
#define _puttc lsaemu_fputwc16
#define _puttchar lsaemu_putwchar16
#define _tfopen lsaemu_wfopen16
#define _tfopen_s lsaemu_wfopen_s16
#else
#define __T(s) s
typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef unsigned char _TXCHAR;
typedef int _TINT;
#define _TEOF (-1)
#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcscpy strcpy
#define _tcsncpy strncpy
#define _tcscat strcat
#define _tcsncat strncat
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp lsaemu_stricmp
#define _tcsnicmp lsaemu_strnicmp
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcspbrk strpbrk
#define _tcsdup lsaemu_strdup
#define _tcslwr lsaemu_strlwr
#define _tcsupr lsaemu_strupr
#define _tcstok strtok
#define _tcscpy_s lsaemu_strcpy_s
#define _tcsncpy_s lsaemu_strncpy_s
#define _tcscat_s lsaemu_strcat_s
#define _tcsncat_s lsaemu_strncat_s
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoi64 strtoll
#define _tcstoui64 strtoull
#define _tcstod strtod
#define _ttoi atoi
#define _tstoi atoi
#define _ttol atol
#define _tstol atol
#define _ttoi64 atoll
#define _tstoi64 atoll
#define _tstof atof
#define _stprintf_s lsaemu_sprintf_s
#define _vstprintf_s lsaemu_vsprintf_s
#define _sntprintf lsaemu_snprintf_ms
#define _vsntprintf lsaemu_vsnprintf_ms
#define _sntprintf_s lsaemu_snprintf_s
#define _vsntprintf_s lsaemu_vsnprintf_s
#define _sctprintf lsaemu_scprintf
#define _vsctprintf lsaemu_vscprintf
#define _tprintf printf
#define _vtprintf vprintf
#define _ftprintf fprintf
#define _vftprintf vfprintf
#define _fputts fputs
#define _fgetts fgets
#define _fputtc fputc
#define _puttc putc
#define _puttchar putchar
#define _tfopen fopen
#define _tmain main
#endif
#define _T(s) __T(s)
#define _TEXT(s) __T(s)

#endif
