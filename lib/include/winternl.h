/* SPDX-License-Identifier: MIT */
/*
 * winternl.h - the part of the SDK's winternl.h that lsaemu implements:
 * RtlNtStatusToDosError, the counted-string functions, OBJECT_ATTRIBUTES and
 * NtDuplicateToken. The counted-string types come from ntdef.h.
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

#ifdef __cplusplus
}
#endif

#endif
