/* SPDX-License-Identifier: MIT */
/*
 * strsafe.h - the SDK's safer string functions, character-count (StringCch*)
 * and byte-count (StringCb*) forms, narrow (A) and wide (W), with the
 * generic names chosen by UNICODE: Copy, CopyN, Cat, CatN, Printf,
 * VPrintf, Length. Each returns S_OK, STRSAFE_E_INSUFFICIENT_BUFFER (the
 * result was cut; the destination holds the cut result, NUL-terminated)
 * or STRSAFE_E_INVALID_PARAMETER (a size of 0 or above STRSAFE_MAX_CCH, a
 * concatenation whose destination is not terminated within its size, a
 * string longer than the maximum given to Length; nothing is written).
 * The Printf forms have Microsoft's conversions (lsaemu_crt.h: %s is wide
 * in the W form). lib/crt/strsafe.c has the details and the sources.
 *
 * On Windows these are inline functions of the header; here they are
 * liblsaemu's lsaemu_StringCch* functions, which these names map to.
 * Not provided: the Ex forms, StringCchGets, the STRSAFE_LIB and
 * STRSAFE_NO_CB/CCH_FUNCTIONS switches. Deviation: the SDK's strsafe.h
 * turns strcpy, strcat, sprintf and the other unchecked functions into
 * compile errors unless STRSAFE_NO_DEPRECATE is defined; lsaemu's always
 * behaves as with STRSAFE_NO_DEPRECATE (tests/check-client-names.sh,
 * "deviation_strsafe_no_deprecate").
 */
#ifndef LSAEMU_INCLUDE_STRSAFE_H
#define LSAEMU_INCLUDE_STRSAFE_H

#include <stdarg.h>
#include <stddef.h>

#include "windef.h"

#ifndef S_OK
#define S_OK ((HRESULT)0L)
#endif
#ifndef S_FALSE
#define S_FALSE ((HRESULT)1L)
#endif
#ifndef SUCCEEDED
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#endif
#ifndef FAILED
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#endif

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_MAX_LENGTH (STRSAFE_MAX_CCH - 1)
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026L)

#ifndef STRSAFEAPI
#define STRSAFEAPI HRESULT
#endif

typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef WCHAR *STRSAFE_LPWSTR;
typedef const WCHAR *STRSAFE_LPCWSTR;
typedef const char *STRSAFE_PCNZCH;
typedef const WCHAR *STRSAFE_PCNZWCH;

#ifdef __cplusplus
extern "C" {
#endif

LSAEMU_IMPORT HRESULT lsaemu_StringCchCopyA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                            STRSAFE_LPCSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCchCopyW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                            STRSAFE_LPCWSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCchCopyNA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                             STRSAFE_PCNZCH pszSrc, size_t cchToCopy);
LSAEMU_IMPORT HRESULT lsaemu_StringCchCopyNW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                             STRSAFE_PCNZWCH pszSrc, size_t cchToCopy);
LSAEMU_IMPORT HRESULT lsaemu_StringCchCatA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                           STRSAFE_LPCSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCchCatW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                           STRSAFE_LPCWSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCchCatNA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                            STRSAFE_PCNZCH pszSrc, size_t cchToAppend);
LSAEMU_IMPORT HRESULT lsaemu_StringCchCatNW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                            STRSAFE_PCNZWCH pszSrc, size_t cchToAppend);
LSAEMU_IMPORT HRESULT lsaemu_StringCchPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                              STRSAFE_LPCSTR pszFormat, ...);
LSAEMU_IMPORT HRESULT lsaemu_StringCchPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                              STRSAFE_LPCWSTR pszFormat, ...);
LSAEMU_IMPORT HRESULT lsaemu_StringCchVPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest,
                                               STRSAFE_LPCSTR pszFormat, va_list argList);
LSAEMU_IMPORT HRESULT lsaemu_StringCchVPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest,
                                               STRSAFE_LPCWSTR pszFormat, va_list argList);
LSAEMU_IMPORT HRESULT lsaemu_StringCchLengthA(STRSAFE_PCNZCH psz, size_t cchMax,
                                              size_t *pcchLength);
LSAEMU_IMPORT HRESULT lsaemu_StringCchLengthW(STRSAFE_PCNZWCH psz, size_t cchMax,
                                              size_t *pcchLength);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCopyA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                           STRSAFE_LPCSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCopyW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                           STRSAFE_LPCWSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCopyNA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                            STRSAFE_PCNZCH pszSrc, size_t cbToCopy);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCopyNW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                            STRSAFE_PCNZWCH pszSrc, size_t cbToCopy);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCatA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                          STRSAFE_LPCSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCatW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                          STRSAFE_LPCWSTR pszSrc);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCatNA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                           STRSAFE_PCNZCH pszSrc, size_t cbToAppend);
LSAEMU_IMPORT HRESULT lsaemu_StringCbCatNW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                           STRSAFE_PCNZWCH pszSrc, size_t cbToAppend);
LSAEMU_IMPORT HRESULT lsaemu_StringCbPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                             STRSAFE_LPCSTR pszFormat, ...);
LSAEMU_IMPORT HRESULT lsaemu_StringCbPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                             STRSAFE_LPCWSTR pszFormat, ...);
LSAEMU_IMPORT HRESULT lsaemu_StringCbVPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest,
                                              STRSAFE_LPCSTR pszFormat, va_list argList);
LSAEMU_IMPORT HRESULT lsaemu_StringCbVPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest,
                                              STRSAFE_LPCWSTR pszFormat, va_list argList);
LSAEMU_IMPORT HRESULT lsaemu_StringCbLengthA(STRSAFE_PCNZCH psz, size_t cbMax,
                                             size_t *pcbLength);
LSAEMU_IMPORT HRESULT lsaemu_StringCbLengthW(STRSAFE_PCNZWCH psz, size_t cbMax,
                                             size_t *pcbLength);

#ifdef __cplusplus
}
#endif

#define StringCchCopyA lsaemu_StringCchCopyA
#define StringCchCopyW lsaemu_StringCchCopyW
#define StringCchCopyNA lsaemu_StringCchCopyNA
#define StringCchCopyNW lsaemu_StringCchCopyNW
#define StringCchCatA lsaemu_StringCchCatA
#define StringCchCatW lsaemu_StringCchCatW
#define StringCchCatNA lsaemu_StringCchCatNA
#define StringCchCatNW lsaemu_StringCchCatNW
#define StringCchPrintfA lsaemu_StringCchPrintfA
#define StringCchPrintfW lsaemu_StringCchPrintfW
#define StringCchVPrintfA lsaemu_StringCchVPrintfA
#define StringCchVPrintfW lsaemu_StringCchVPrintfW
#define StringCchLengthA lsaemu_StringCchLengthA
#define StringCchLengthW lsaemu_StringCchLengthW
#define StringCbCopyA lsaemu_StringCbCopyA
#define StringCbCopyW lsaemu_StringCbCopyW
#define StringCbCopyNA lsaemu_StringCbCopyNA
#define StringCbCopyNW lsaemu_StringCbCopyNW
#define StringCbCatA lsaemu_StringCbCatA
#define StringCbCatW lsaemu_StringCbCatW
#define StringCbCatNA lsaemu_StringCbCatNA
#define StringCbCatNW lsaemu_StringCbCatNW
#define StringCbPrintfA lsaemu_StringCbPrintfA
#define StringCbPrintfW lsaemu_StringCbPrintfW
#define StringCbVPrintfA lsaemu_StringCbVPrintfA
#define StringCbVPrintfW lsaemu_StringCbVPrintfW
#define StringCbLengthA lsaemu_StringCbLengthA
#define StringCbLengthW lsaemu_StringCbLengthW

#ifdef UNICODE
#define StringCchCopy StringCchCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCchCat StringCchCatW
#define StringCchCatN StringCchCatNW
#define StringCchPrintf StringCchPrintfW
#define StringCchVPrintf StringCchVPrintfW
#define StringCchLength StringCchLengthW
#define StringCbCopy StringCbCopyW
#define StringCbCopyN StringCbCopyNW
#define StringCbCat StringCbCatW
#define StringCbCatN StringCbCatNW
#define StringCbPrintf StringCbPrintfW
#define StringCbVPrintf StringCbVPrintfW
#define StringCbLength StringCbLengthW
#else
#define StringCchCopy StringCchCopyA
#define StringCchCopyN StringCchCopyNA
#define StringCchCat StringCchCatA
#define StringCchCatN StringCchCatNA
#define StringCchPrintf StringCchPrintfA
#define StringCchVPrintf StringCchVPrintfA
#define StringCchLength StringCchLengthA
#define StringCbCopy StringCbCopyA
#define StringCbCopyN StringCbCopyNA
#define StringCbCat StringCbCatA
#define StringCbCatN StringCbCatNA
#define StringCbPrintf StringCbPrintfA
#define StringCbVPrintf StringCbVPrintfA
#define StringCbLength StringCbLengthA
#endif

#endif
