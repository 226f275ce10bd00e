/* SPDX-License-Identifier: MIT */
/*
 * stringapiset.h - MultiByteToWideChar and WideCharToMultiByte, with the
 * SDK's signatures. The code-page and flag constants are in winnls.h, which
 * includes this header (as in the SDK).
 */
#ifndef LSAEMU_INCLUDE_STRINGAPISET_H
#define LSAEMU_INCLUDE_STRINGAPISET_H

#include "windef.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Code pages: CP_UTF8, and CP_ACP / CP_OEMCP / CP_THREAD_ACP, which are
 * UTF-8 too (a Windows machine whose ANSI code page is UTF-8, which matches
 * Linux file names, argv and environment); 1252 and 28591 (Latin-1) and
 * 20127 (US-ASCII) also work. Anything else: ERROR_INVALID_PARAMETER.
 * With cchWideChar (cbMultiByte) 0 the functions return the size needed.
 * Errors: 0 with ERROR_INSUFFICIENT_BUFFER, ERROR_NO_UNICODE_TRANSLATION
 * (MB_ERR_INVALID_CHARS / WC_ERR_INVALID_CHARS), ERROR_INVALID_FLAGS,
 * ERROR_INVALID_PARAMETER.
 */
LSAEMU_IMPORT WINBASEAPI int WINAPI MultiByteToWideChar(_In_ UINT CodePage, _In_ DWORD dwFlags,
                                                        _In_ LPCCH lpMultiByteStr,
                                                        _In_ int cbMultiByte,
                                                        _Out_writes_opt_(cchWideChar)
                                                            LPWSTR lpWideCharStr,
                                                        _In_ int cchWideChar);

LSAEMU_IMPORT WINBASEAPI int WINAPI WideCharToMultiByte(
    _In_ UINT CodePage, _In_ DWORD dwFlags, _In_ LPCWCH lpWideCharStr, _In_ int cchWideChar,
    _Out_writes_bytes_opt_(cbMultiByte) LPSTR lpMultiByteStr, _In_ int cbMultiByte,
    _In_opt_ LPCCH lpDefaultChar, _Out_opt_ LPBOOL lpUsedDefaultChar);

#ifdef __cplusplus
}
#endif

#endif
