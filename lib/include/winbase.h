/* SPDX-License-Identifier: MIT */
/*
 * winbase.h - the part of the SDK's winbase.h that lsaemu implements:
 * CloseHandle, GetLastError and SetLastError, INVALID_HANDLE_VALUE and the
 * LOGON32_* constants of LogonUser.
 */
#ifndef LSAEMU_INCLUDE_WINBASE_H
#define LSAEMU_INCLUDE_WINBASE_H

#include "windef.h"
#include "minwinbase.h"
#include "sysinfoapi.h"
#include "winnt.h"

#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#endif

/* The longest NetBIOS computer name GetComputerName returns (winbase.h). */
#ifndef MAX_COMPUTERNAME_LENGTH
#define MAX_COMPUTERNAME_LENGTH 15
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

/* SECURITY_ATTRIBUTES (minwinbase.h in the SDK): DuplicateTokenEx takes one. */
typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

#ifdef __cplusplus
extern "C" {
#endif

/* Closes a handle lsaemu gave out (tokens; LSA handles use
 * LsaDeregisterLogonProcess). */
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI CloseHandle(_In_ HANDLE hObject);

/* This thread's last-error value. */
LSAEMU_IMPORT WINBASEAPI DWORD WINAPI GetLastError(VOID);

LSAEMU_IMPORT WINBASEAPI VOID WINAPI SetLastError(_In_ DWORD dwErrCode);

/* ---- Strings, memory and names for Windows code (issue 7) --------------- */

/* UTF-16 string functions of kernel32; NULL counts as "" (lstrlenW -> 0),
 * as Windows' exception handler makes it. lstrcmpiW folds case for Latin,
 * Greek and Cyrillic letters and compares code units (Deviation: Windows
 * compares linguistically). lstrcpynW copies at most iMaxLength - 1 units
 * and always terminates. */
LSAEMU_IMPORT WINBASEAPI int WINAPI lstrlenW(_In_opt_ LPCWSTR lpString);
LSAEMU_IMPORT WINBASEAPI LPWSTR WINAPI lstrcpyW(_Out_ LPWSTR lpString1, _In_ LPCWSTR lpString2);
LSAEMU_IMPORT WINBASEAPI LPWSTR WINAPI lstrcpynW(_Out_writes_(iMaxLength) LPWSTR lpString1,
                                                 _In_ LPCWSTR lpString2, _In_ int iMaxLength);
LSAEMU_IMPORT WINBASEAPI LPWSTR WINAPI lstrcatW(_Inout_ LPWSTR lpString1, _In_ LPCWSTR lpString2);
LSAEMU_IMPORT WINBASEAPI int WINAPI lstrcmpW(_In_ LPCWSTR lpString1, _In_ LPCWSTR lpString2);
LSAEMU_IMPORT WINBASEAPI int WINAPI lstrcmpiW(_In_ LPCWSTR lpString1, _In_ LPCWSTR lpString2);

/* LocalAlloc memory is freed with LocalFree, which checks that it is one. */
LSAEMU_IMPORT WINBASEAPI HLOCAL WINAPI LocalAlloc(_In_ UINT uFlags, _In_ SIZE_T uBytes);

/* The policy's machine name (upper case, the NetBIOS form). */
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI GetComputerNameA(_Out_writes_to_opt_(*nSize, *nSize + 1)
                                                          LPSTR lpBuffer,
                                                      _Inout_ LPDWORD nSize);
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI GetComputerNameW(_Out_writes_to_opt_(*nSize, *nSize + 1)
                                                          LPWSTR lpBuffer,
                                                      _Inout_ LPDWORD nSize);
/* The account of the calling thread's token (the process's LSAEMU_PROCESS
 * entry unless impersonating). *pcbBuffer counts characters including the
 * NUL, on success too; too small: ERROR_INSUFFICIENT_BUFFER. */
LSAEMU_IMPORT WINADVAPI BOOL WINAPI GetUserNameA(_Out_writes_to_opt_(*pcbBuffer, *pcbBuffer)
                                                     LPSTR lpBuffer,
                                                 _Inout_ LPDWORD pcbBuffer);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI GetUserNameW(_Out_writes_to_opt_(*pcbBuffer, *pcbBuffer)
                                                     LPWSTR lpBuffer,
                                                 _Inout_ LPDWORD pcbBuffer);

/* Privilege names and values (Advapi32). */
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupPrivilegeValueA(_In_opt_ LPCSTR lpSystemName,
                                                          _In_ LPCSTR lpName, _Out_ PLUID lpLuid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupPrivilegeValueW(_In_opt_ LPCWSTR lpSystemName,
                                                          _In_ LPCWSTR lpName, _Out_ PLUID lpLuid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupPrivilegeNameA(_In_opt_ LPCSTR lpSystemName,
                                                         _In_ PLUID lpLuid,
                                                         _Out_writes_to_opt_(*cchName, *cchName + 1) LPSTR lpName,
                                                         _Inout_ LPDWORD cchName);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupPrivilegeNameW(_In_opt_ LPCWSTR lpSystemName,
                                                         _In_ PLUID lpLuid,
                                                         _Out_writes_to_opt_(*cchName, *cchName + 1) LPWSTR lpName,
                                                         _Inout_ LPDWORD cchName);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupPrivilegeDisplayNameA(
    _In_opt_ LPCSTR lpSystemName, _In_ LPCSTR lpName,
    _Out_writes_to_opt_(*cchDisplayName, *cchDisplayName + 1) LPSTR lpDisplayName,
    _Inout_ LPDWORD cchDisplayName, _Out_ LPDWORD lpLanguageId);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupPrivilegeDisplayNameW(
    _In_opt_ LPCWSTR lpSystemName, _In_ LPCWSTR lpName,
    _Out_writes_to_opt_(*cchDisplayName, *cchDisplayName + 1) LPWSTR lpDisplayName,
    _Inout_ LPDWORD cchDisplayName, _Out_ LPDWORD lpLanguageId);

/* Account names and SIDs (Advapi32). */
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupAccountNameA(
    _In_opt_ LPCSTR lpSystemName, _In_ LPCSTR lpAccountName,
    _Out_writes_bytes_to_opt_(*cbSid, *cbSid) PSID Sid, _Inout_ LPDWORD cbSid,
    _Out_writes_to_opt_(*cchReferencedDomainName, *cchReferencedDomainName + 1) LPSTR ReferencedDomainName,
    _Inout_ LPDWORD cchReferencedDomainName, _Out_ PSID_NAME_USE peUse);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupAccountNameW(
    _In_opt_ LPCWSTR lpSystemName, _In_ LPCWSTR lpAccountName,
    _Out_writes_bytes_to_opt_(*cbSid, *cbSid) PSID Sid, _Inout_ LPDWORD cbSid,
    _Out_writes_to_opt_(*cchReferencedDomainName, *cchReferencedDomainName + 1) LPWSTR ReferencedDomainName,
    _Inout_ LPDWORD cchReferencedDomainName, _Out_ PSID_NAME_USE peUse);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupAccountSidA(
    _In_opt_ LPCSTR lpSystemName, _In_ PSID Sid,
    _Out_writes_to_opt_(*cchName, *cchName + 1) LPSTR Name, _Inout_ LPDWORD cchName,
    _Out_writes_to_opt_(*cchReferencedDomainName, *cchReferencedDomainName + 1) LPSTR ReferencedDomainName,
    _Inout_ LPDWORD cchReferencedDomainName, _Out_ PSID_NAME_USE peUse);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LookupAccountSidW(
    _In_opt_ LPCWSTR lpSystemName, _In_ PSID Sid,
    _Out_writes_to_opt_(*cchName, *cchName + 1) LPWSTR Name, _Inout_ LPDWORD cchName,
    _Out_writes_to_opt_(*cchReferencedDomainName, *cchReferencedDomainName + 1) LPWSTR ReferencedDomainName,
    _Inout_ LPDWORD cchReferencedDomainName, _Out_ PSID_NAME_USE peUse);

/* Frees memory the LocalAlloc family gave out (LogonUserEx's logon SID):
 * NULL on success; hMem back, with ERROR_INVALID_HANDLE, for anything else. */
LSAEMU_IMPORT WINBASEAPI HLOCAL WINAPI LocalFree(_Frees_ptr_opt_ HLOCAL hMem);

/* ---- LogonUser family (Advapi32) ------------------------------------------ */

LSAEMU_IMPORT WINADVAPI BOOL WINAPI LogonUserA(_In_ LPCSTR lpszUsername,
                                               _In_opt_ LPCSTR lpszDomain,
                                               _In_opt_ LPCSTR lpszPassword,
                                               _In_ DWORD dwLogonType,
                                               _In_ DWORD dwLogonProvider,
                                               _Outptr_ PHANDLE phToken);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LogonUserW(_In_ LPCWSTR lpszUsername,
                                               _In_opt_ LPCWSTR lpszDomain,
                                               _In_opt_ LPCWSTR lpszPassword,
                                               _In_ DWORD dwLogonType,
                                               _In_ DWORD dwLogonProvider,
                                               _Outptr_ PHANDLE phToken);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LogonUserExA(
    _In_ LPCSTR lpszUsername, _In_opt_ LPCSTR lpszDomain, _In_opt_ LPCSTR lpszPassword,
    _In_ DWORD dwLogonType, _In_ DWORD dwLogonProvider, _Out_opt_ PHANDLE phToken,
    _Out_opt_ PSID *ppLogonSid, _Out_opt_ PVOID *ppProfileBuffer,
    _Out_opt_ LPDWORD pdwProfileLength, _Out_opt_ PQUOTA_LIMITS pQuotaLimits);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LogonUserExW(
    _In_ LPCWSTR lpszUsername, _In_opt_ LPCWSTR lpszDomain, _In_opt_ LPCWSTR lpszPassword,
    _In_ DWORD dwLogonType, _In_ DWORD dwLogonProvider, _Out_opt_ PHANDLE phToken,
    _Out_opt_ PSID *ppLogonSid, _Out_opt_ PVOID *ppProfileBuffer,
    _Out_opt_ LPDWORD pdwProfileLength, _Out_opt_ PQUOTA_LIMITS pQuotaLimits);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI LogonUserExExW(
    _In_ LPWSTR lpszUsername, _In_opt_ LPWSTR lpszDomain, _In_opt_ LPWSTR lpszPassword,
    _In_ DWORD dwLogonType, _In_ DWORD dwLogonProvider, _In_opt_ PTOKEN_GROUPS pTokenGroups,
    _Out_opt_ PHANDLE phToken, _Out_opt_ PSID *ppLogonSid, _Out_opt_ PVOID *ppProfileBuffer,
    _Out_opt_ LPDWORD pdwProfileLength, _Out_opt_ PQUOTA_LIMITS pQuotaLimits);

#ifdef UNICODE
#define LogonUser LogonUserW
#define LogonUserEx LogonUserExW
#else
#define LogonUser LogonUserA
#define LogonUserEx LogonUserExA
#endif

#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define GetComputerName GetComputerNameW
#define GetUserName GetUserNameW
#define lstrlen lstrlenW
#define lstrcpy lstrcpyW
#define lstrcpyn lstrcpynW
#define lstrcat lstrcatW
#define lstrcmp lstrcmpW
#define lstrcmpi lstrcmpiW
#else
#define GetComputerName GetComputerNameA
#define GetUserName GetUserNameA
#endif

#ifdef UNICODE
#define LookupPrivilegeValue LookupPrivilegeValueW
#define LookupPrivilegeName LookupPrivilegeNameW
#define LookupPrivilegeDisplayName LookupPrivilegeDisplayNameW
#define LookupAccountName LookupAccountNameW
#define LookupAccountSid LookupAccountSidW
#else
#define LookupPrivilegeValue LookupPrivilegeValueA
#define LookupPrivilegeName LookupPrivilegeNameA
#define LookupPrivilegeDisplayName LookupPrivilegeDisplayNameA
#define LookupAccountName LookupAccountNameA
#define LookupAccountSid LookupAccountSidA
#endif

#endif
