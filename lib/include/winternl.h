/* SPDX-License-Identifier: MIT */
/*
 * winternl.h - the part of the SDK's winternl.h that lsaemu implements:
 * RtlNtStatusToDosError. The counted-string types come from ntdef.h.
 */
#ifndef LSAEMU_INCLUDE_WINTERNL_H
#define LSAEMU_INCLUDE_WINTERNL_H

#include "ntdef.h"

#ifdef __cplusplus
extern "C" {
#endif

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
