/* SPDX-License-Identifier: MIT */
/*
 * winbase.h - the part of the SDK's winbase.h that lsaemu implements:
 * CloseHandle, GetLastError and SetLastError, INVALID_HANDLE_VALUE and the
 * LOGON32_* constants of LogonUser.
 */
#ifndef LSAEMU_INCLUDE_WINBASE_H
#define LSAEMU_INCLUDE_WINBASE_H

#include "windef.h"

#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#endif

/* LogonUser logon types and providers. */
#define LOGON32_LOGON_INTERACTIVE       2
#define LOGON32_LOGON_NETWORK           3
#define LOGON32_LOGON_BATCH             4
#define LOGON32_LOGON_SERVICE           5
#define LOGON32_LOGON_UNLOCK            7
#define LOGON32_LOGON_NETWORK_CLEARTEXT 8
#define LOGON32_LOGON_NEW_CREDENTIALS   9

#define LOGON32_PROVIDER_DEFAULT 0
#define LOGON32_PROVIDER_WINNT35 1
#define LOGON32_PROVIDER_WINNT40 2
#define LOGON32_PROVIDER_WINNT50 3
#define LOGON32_PROVIDER_VIRTUAL 4

#ifdef __cplusplus
extern "C" {
#endif

/* Closes a handle lsaemu gave out (tokens; LSA handles use
 * LsaDeregisterLogonProcess). */
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI CloseHandle(_In_ HANDLE hObject);

/* This thread's last-error value. */
LSAEMU_IMPORT WINBASEAPI DWORD WINAPI GetLastError(VOID);

LSAEMU_IMPORT WINBASEAPI VOID WINAPI SetLastError(_In_ DWORD dwErrCode);

#ifdef __cplusplus
}
#endif

#endif
