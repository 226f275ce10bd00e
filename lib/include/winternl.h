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

#ifdef __cplusplus
}
#endif

#endif
