/* SPDX-License-Identifier: MIT */
/*
 * tchar.h - the generic-text names of the Microsoft C runtime: _T(), TCHAR
 * string functions. _UNICODE selects the wide functions, as with MSVC
 * (define UNICODE too, so that TCHAR from windows.h agrees). _tmain is main
 * only without _UNICODE: Linux has no wmain entry point.
 */
#ifndef LSAEMU_INCLUDE_TCHAR_H
#define LSAEMU_INCLUDE_TCHAR_H

#include "windef.h"
#include "lsaemu_crt.h"

#ifdef _UNICODE
#define __T(s) LSAEMU_WIDE(s)
typedef WCHAR _TCHAR;
#define _tcslen lsaemu_wcslen16
#define _tcscpy lsaemu_wcscpy16
#define _tcscat lsaemu_wcscat16
#define _tcscmp lsaemu_wcscmp16
#define _tcsicmp lsaemu_wcsicmp16
#define _tcschr lsaemu_wcschr16
#define _tcsrchr lsaemu_wcsrchr16
#define _tcscpy_s lsaemu_wcscpy_s16
#define _tcscat_s lsaemu_wcscat_s16
#define _stprintf_s lsaemu_swprintf_s16
#define _sntprintf lsaemu_snwprintf16
#define _tprintf lsaemu_wprintf16
#define _ftprintf lsaemu_fwprintf16
#define _ttoi lsaemu_wtoi16
#else
#include <strings.h>
#define __T(s) s
typedef char _TCHAR;
#define _tcslen strlen
#define _tcscpy strcpy
#define _tcscat strcat
#define _tcscmp strcmp
#define _tcsicmp strcasecmp
#define _tcschr strchr
#define _tcsrchr strrchr
#define _sntprintf snprintf
#define _tprintf printf
#define _ftprintf fprintf
#define _ttoi atoi
#define _tmain main
#endif
#define _T(s) __T(s)
#define _TEXT(s) __T(s)

#endif
