/* SPDX-License-Identifier: MIT */
/*
 * securitybaseapi.h - lsaemu's stand-in for the SDK header of the same name:
 * the token, impersonation, privilege-check and SID functions of Advapi32.
 * Included by windows.h (through winbase.h's neighbours), as in the SDK.
 * Only functions lsaemu emulates are declared.
 */
#ifndef LSAEMU_INCLUDE_SECURITYBASEAPI_H
#define LSAEMU_INCLUDE_SECURITYBASEAPI_H

#include "windef.h"
#include "winnt.h"
#include "winbase.h" /* SECURITY_ATTRIBUTES (minwinbase.h in the SDK) */

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Tokens, impersonation and privilege checks ------------------------- */

LSAEMU_IMPORT WINADVAPI BOOL WINAPI AdjustTokenPrivileges(
    _In_ HANDLE TokenHandle, _In_ BOOL DisableAllPrivileges, _In_opt_ PTOKEN_PRIVILEGES NewState,
    _In_ DWORD BufferLength, _Out_opt_ PTOKEN_PRIVILEGES PreviousState,
    _Out_opt_ PDWORD ReturnLength);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI GetTokenInformation(
    _In_ HANDLE TokenHandle, _In_ TOKEN_INFORMATION_CLASS TokenInformationClass,
    _Out_opt_ LPVOID TokenInformation, _In_ DWORD TokenInformationLength,
    _Out_ PDWORD ReturnLength);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI DuplicateToken(
    _In_ HANDLE ExistingTokenHandle, _In_ SECURITY_IMPERSONATION_LEVEL ImpersonationLevel,
    _Outptr_ PHANDLE DuplicateTokenHandle);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI DuplicateTokenEx(
    _In_ HANDLE hExistingToken, _In_ DWORD dwDesiredAccess,
    _In_opt_ LPSECURITY_ATTRIBUTES lpTokenAttributes,
    _In_ SECURITY_IMPERSONATION_LEVEL ImpersonationLevel, _In_ TOKEN_TYPE TokenType,
    _Outptr_ PHANDLE phNewToken);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI ImpersonateLoggedOnUser(_In_ HANDLE hToken);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI ImpersonateSelf(
    _In_ SECURITY_IMPERSONATION_LEVEL ImpersonationLevel);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI RevertToSelf(VOID);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI CheckTokenMembership(_In_opt_ HANDLE TokenHandle,
                                                         _In_ PSID SidToCheck,
                                                         _Out_ PBOOL IsMember);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI PrivilegeCheck(_In_ HANDLE ClientToken,
                                                   _Inout_ PPRIVILEGE_SET RequiredPrivileges,
                                                   _Out_ LPBOOL pfResult);
LSAEMU_IMPORT WINADVAPI BOOL APIENTRY CreateRestrictedToken(
    _In_ HANDLE ExistingTokenHandle, _In_ DWORD Flags, _In_ DWORD DisableSidCount,
    _In_reads_opt_(DisableSidCount) PSID_AND_ATTRIBUTES SidsToDisable,
    _In_ DWORD DeletePrivilegeCount,
    _In_reads_opt_(DeletePrivilegeCount) PLUID_AND_ATTRIBUTES PrivilegesToDelete,
    _In_ DWORD RestrictedSidCount, _In_reads_opt_(RestrictedSidCount) PSID_AND_ATTRIBUTES SidsToRestrict,
    _Outptr_ PHANDLE NewTokenHandle);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI IsTokenRestricted(_In_ HANDLE TokenHandle);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI SetTokenInformation(
    _In_ HANDLE TokenHandle, _In_ TOKEN_INFORMATION_CLASS TokenInformationClass,
    _In_reads_bytes_(TokenInformationLength) LPVOID TokenInformation,
    _In_ DWORD TokenInformationLength);

/* ---- SIDs ---------------------------------------------------------------- */

LSAEMU_IMPORT WINADVAPI BOOL WINAPI IsValidSid(_In_ PSID pSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI EqualSid(_In_ PSID pSid1, _In_ PSID pSid2);
LSAEMU_IMPORT WINADVAPI DWORD WINAPI GetLengthSid(_In_ PSID pSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI CopySid(_In_ DWORD nDestinationSidLength,
                                            _Out_writes_bytes_(nDestinationSidLength) PSID pDestinationSid,
                                            _In_ PSID pSourceSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI AllocateAndInitializeSid(
    _In_ PSID_IDENTIFIER_AUTHORITY pIdentifierAuthority, _In_ BYTE nSubAuthorityCount,
    _In_ DWORD nSubAuthority0, _In_ DWORD nSubAuthority1, _In_ DWORD nSubAuthority2,
    _In_ DWORD nSubAuthority3, _In_ DWORD nSubAuthority4, _In_ DWORD nSubAuthority5,
    _In_ DWORD nSubAuthority6, _In_ DWORD nSubAuthority7, _Outptr_ PSID *pSid);
LSAEMU_IMPORT WINADVAPI PVOID WINAPI FreeSid(_In_ PSID pSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI CreateWellKnownSid(_In_ WELL_KNOWN_SID_TYPE WellKnownSidType,
                                                       _In_opt_ PSID DomainSid,
                                                       _Out_writes_bytes_opt_(*cbSid) PSID pSid,
                                                       _Inout_ DWORD *cbSid);

/*
 * Issue 13: building and taking SIDs apart. GetSidSubAuthority,
 * GetSidSubAuthorityCount and GetSidIdentifierAuthority compute addresses
 * without validating the SID and set the last error to 0, as does a
 * successful EqualDomainSid (ERROR_NON_DOMAIN_SID for a SID of neither an
 * account domain nor BUILTIN). GetWindowsAccountDomainSid writes the size
 * needed to *cbDomainSid (ERROR_INSUFFICIENT_BUFFER when too small;
 * ERROR_NON_ACCOUNT_SID for a SID outside S-1-5-21-...).
 */
LSAEMU_IMPORT WINADVAPI BOOL WINAPI InitializeSid(_Out_ PSID Sid,
                                                  _In_ PSID_IDENTIFIER_AUTHORITY pIdentifierAuthority,
                                                  _In_ BYTE nSubAuthorityCount);
LSAEMU_IMPORT WINADVAPI DWORD WINAPI GetSidLengthRequired(_In_ UCHAR nSubAuthorityCount);
LSAEMU_IMPORT WINADVAPI PDWORD WINAPI GetSidSubAuthority(_In_ PSID pSid, _In_ DWORD nSubAuthority);
LSAEMU_IMPORT WINADVAPI PUCHAR WINAPI GetSidSubAuthorityCount(_In_ PSID pSid);
LSAEMU_IMPORT WINADVAPI PSID_IDENTIFIER_AUTHORITY WINAPI GetSidIdentifierAuthority(_In_ PSID pSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI EqualDomainSid(_In_ PSID pSid1, _In_ PSID pSid2,
                                                   _Out_ BOOL *pfEqual);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI EqualPrefixSid(_In_ PSID pSid1, _In_ PSID pSid2);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI GetWindowsAccountDomainSid(
    _In_ PSID pSid, _Out_writes_bytes_opt_(*cbDomainSid) PSID pDomainSid,
    _Inout_ DWORD *cbDomainSid);
LSAEMU_IMPORT WINADVAPI BOOL WINAPI IsWellKnownSid(_In_ PSID pSid,
                                                   _In_ WELL_KNOWN_SID_TYPE WellKnownSidType);

/* A new locally unique identifier (ERROR_NOACCESS for NULL). */
LSAEMU_IMPORT WINADVAPI BOOL WINAPI AllocateLocallyUniqueId(_Out_ PLUID Luid);

#ifdef __cplusplus
}
#endif

#endif
