/* SPDX-License-Identifier: MIT */
/*
 * processthreadsapi.h - lsaemu's stand-in for the SDK header of the same
 * name: the process and thread token functions and pseudo-handles.
 * Included by windows.h, as in the SDK. Only emulated functions appear.
 */
#ifndef LSAEMU_INCLUDE_PROCESSTHREADSAPI_H
#define LSAEMU_INCLUDE_PROCESSTHREADSAPI_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Pseudo-handles of the calling process ((HANDLE)-1) and thread ((HANDLE)-2). */
LSAEMU_IMPORT WINBASEAPI HANDLE WINAPI GetCurrentProcess(VOID);
LSAEMU_IMPORT WINBASEAPI HANDLE WINAPI GetCurrentThread(VOID);

LSAEMU_IMPORT WINADVAPI BOOL WINAPI OpenProcessToken(_In_ HANDLE ProcessHandle,
                                                     _In_ DWORD DesiredAccess,
                                                     _Outptr_ PHANDLE TokenHandle);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI OpenThreadToken(_In_ HANDLE ThreadHandle,
                                                    _In_ DWORD DesiredAccess,
                                                    _In_ BOOL OpenAsSelf,
                                                    _Outptr_ PHANDLE TokenHandle);

/*
 * The token pseudo-handles of Windows 8 and later: inline functions in the
 * SDK too, not exports. They grant TOKEN_QUERY|TOKEN_QUERY_SOURCE and only
 * GetTokenInformation (and IsTokenRestricted) take them; closing one does
 * nothing. GetCurrentThreadEffectiveToken() is the thread's impersonation
 * token when it has one, else the process token.
 */
static inline HANDLE GetCurrentProcessToken(VOID)
{
    return (HANDLE)(LONG_PTR)-4;
}
static inline HANDLE GetCurrentThreadToken(VOID)
{
    return (HANDLE)(LONG_PTR)-5;
}
static inline HANDLE GetCurrentThreadEffectiveToken(VOID)
{
    return (HANDLE)(LONG_PTR)-6;
}

#ifdef __cplusplus
}
#endif

#endif
