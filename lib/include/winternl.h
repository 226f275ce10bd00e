/* SPDX-License-Identifier: MIT */
/*
 * winternl.h - the part of the SDK's winternl.h that lsaemu implements:
 * RtlNtStatusToDosError, the counted-string initialisers, the process heap,
 * the Rtl SID functions, OBJECT_ATTRIBUTES and NtDuplicateToken. The
 * counted-string types come from ntdef.h.
 */
#ifndef LSAEMU_INCLUDE_WINTERNL_H
#define LSAEMU_INCLUDE_WINTERNL_H

#include "ntdef.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Object attributes of the native API (NtDuplicateToken reads its
 * SecurityQualityOfService). Guarded as mingw-w64 guards it, so that either
 * header may come first. */
#ifndef __OBJECT_ATTRIBUTES_DEFINED
#define __OBJECT_ATTRIBUTES_DEFINED
typedef struct _OBJECT_ATTRIBUTES {
    ULONG Length;
    HANDLE RootDirectory;
    PUNICODE_STRING ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor;
    PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
#endif

#ifndef OBJ_INHERIT
#define OBJ_INHERIT          0x00000002L
#define OBJ_PERMANENT        0x00000010L
#define OBJ_EXCLUSIVE        0x00000020L
#define OBJ_CASE_INSENSITIVE 0x00000040L
#define OBJ_OPENIF           0x00000080L
#define OBJ_OPENLINK         0x00000100L
#define OBJ_KERNEL_HANDLE    0x00000200L
#endif

#ifndef InitializeObjectAttributes
#define InitializeObjectAttributes(p, n, a, r, s)                                                  \
    {                                                                                              \
        (p)->Length = sizeof(OBJECT_ATTRIBUTES);                                                   \
        (p)->RootDirectory = (r);                                                                  \
        (p)->Attributes = (a);                                                                     \
        (p)->ObjectName = (n);                                                                     \
        (p)->SecurityDescriptor = (s);                                                             \
        (p)->SecurityQualityOfService = NULL;                                                      \
    }
#endif

#ifdef LSAEMU_CHECK_LAYOUT
LSAEMU_STATIC_ASSERT(sizeof(OBJECT_ATTRIBUTES) == 48, "OBJECT_ATTRIBUTES is 48 bytes on Win64");
#endif

/*
 * Copies a token (the WDK's NtDuplicateToken; ntdll). DesiredAccess 0 gives
 * the source handle's access; without a SecurityQualityOfService an
 * impersonation copy is at SecurityAnonymous; EffectiveOnly drops the
 * disabled privileges and groups. The new handle is closed with CloseHandle.
 */
LSAEMU_IMPORT NTSYSAPI NTSTATUS NTAPI NtDuplicateToken(
    _In_ HANDLE ExistingTokenHandle, _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ POBJECT_ATTRIBUTES ObjectAttributes, _In_ BOOLEAN EffectiveOnly,
    _In_ TOKEN_TYPE TokenType, _Out_ PHANDLE NewTokenHandle);

/*
 * Maps an NTSTATUS to a Win32 error code with Wine's table and rules (317,
 * ERROR_MR_MID_NOT_FOUND, when there is no mapping) and remembers the status
 * as the thread's last status value.
 */
LSAEMU_IMPORT NTSYSAPI ULONG NTAPI RtlNtStatusToDosError(_In_ NTSTATUS Status);

/* Point a counted string at a NUL-terminated one (no copy): Length is its
 * size in bytes, MaximumLength includes the terminator; NULL gives an empty
 * string with a NULL Buffer. */
LSAEMU_IMPORT NTSYSAPI VOID NTAPI RtlInitUnicodeString(_Out_ PUNICODE_STRING DestinationString,
                                                       _In_opt_z_ PCWSTR SourceString);
LSAEMU_IMPORT NTSYSAPI VOID NTAPI RtlInitString(_Out_ PSTRING DestinationString,
                                                _In_opt_z_ PCSZ SourceString);
LSAEMU_IMPORT NTSYSAPI VOID NTAPI RtlInitAnsiString(_Out_ PANSI_STRING DestinationString,
                                                    _In_opt_z_ PCSZ SourceString);

/*
 * The process heap (lsaemu has one: GetProcessHeap()). RtlFreeHeap frees
 * any block of it: HeapAlloc's, LocalAlloc's, the SIDs of
 * AllocateAndInitializeSid. Neither sets the last error.
 */
LSAEMU_IMPORT NTSYSAPI PVOID NTAPI RtlAllocateHeap(_In_ PVOID HeapHandle, _In_ ULONG Flags,
                                                  _In_ SIZE_T Size);
LSAEMU_IMPORT NTSYSAPI BOOLEAN NTAPI RtlFreeHeap(_In_ PVOID HeapHandle, _In_ ULONG Flags,
                                                 _In_opt_ PVOID BaseAddress);

/*
 * SIDs (the WDK declares these in ntifs.h, Wine in winternl.h).
 * RtlAllocateAndInitializeSid allocates from the process heap (free with
 * RtlFreeSid or FreeSid; STATUS_INVALID_SID for more than 8
 * sub-authorities); RtlFreeSid returns NULL on success, else the SID. The
 * accessors compute addresses without validating the SID.
 */
LSAEMU_IMPORT NTSYSAPI NTSTATUS NTAPI RtlAllocateAndInitializeSid(
    _In_ PSID_IDENTIFIER_AUTHORITY IdentifierAuthority, _In_ UCHAR SubAuthorityCount,
    _In_ ULONG SubAuthority0, _In_ ULONG SubAuthority1, _In_ ULONG SubAuthority2,
    _In_ ULONG SubAuthority3, _In_ ULONG SubAuthority4, _In_ ULONG SubAuthority5,
    _In_ ULONG SubAuthority6, _In_ ULONG SubAuthority7, _Outptr_ PSID *Sid);
LSAEMU_IMPORT NTSYSAPI PVOID NTAPI RtlFreeSid(_In_ PSID Sid);
LSAEMU_IMPORT NTSYSAPI NTSTATUS NTAPI RtlInitializeSid(
    _Out_ PSID Sid, _In_ PSID_IDENTIFIER_AUTHORITY IdentifierAuthority,
    _In_ UCHAR SubAuthorityCount);
LSAEMU_IMPORT NTSYSAPI ULONG NTAPI RtlLengthRequiredSid(_In_ ULONG SubAuthorityCount);
LSAEMU_IMPORT NTSYSAPI ULONG NTAPI RtlLengthSid(_In_ PSID Sid);
LSAEMU_IMPORT NTSYSAPI BOOLEAN NTAPI RtlValidSid(_In_ PSID Sid);
LSAEMU_IMPORT NTSYSAPI BOOLEAN NTAPI RtlEqualSid(_In_ PSID Sid1, _In_ PSID Sid2);
LSAEMU_IMPORT NTSYSAPI NTSTATUS NTAPI RtlCopySid(_In_ ULONG DestinationSidLength,
                                                 _Out_ PSID DestinationSid,
                                                 _In_ PSID SourceSid);
LSAEMU_IMPORT NTSYSAPI PULONG NTAPI RtlSubAuthoritySid(_In_ PSID Sid, _In_ ULONG SubAuthority);
LSAEMU_IMPORT NTSYSAPI PUCHAR NTAPI RtlSubAuthorityCountSid(_In_ PSID Sid);
LSAEMU_IMPORT NTSYSAPI PSID_IDENTIFIER_AUTHORITY NTAPI RtlIdentifierAuthoritySid(_In_ PSID Sid);

/* A new locally unique identifier (STATUS_ACCESS_VIOLATION for NULL). */
LSAEMU_IMPORT NTSYSCALLAPI NTSTATUS NTAPI NtAllocateLocallyUniqueId(_Out_ PLUID LocallyUniqueId);

#ifdef __cplusplus
}
#endif

#endif
