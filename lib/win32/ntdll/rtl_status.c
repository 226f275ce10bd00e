/* SPDX-License-Identifier: MIT */
/*
 * RtlNtStatusToDosError: the complete mapping of core/model/status.c. It
 * does not touch the thread's last error (behavior.md 1.1), needs no
 * policy and is answered even in the broken state. (Windows also records
 * the status in the TEB's LastStatusValue, which nothing in lsaemu reads:
 * lsaemu_last_status() reports the last call's decision instead.)
 */
#include "base/export.h"
#include "base/win.h"
#include "core/model/status.h"

#include <winternl.h>

LSAEMU_EXPORT ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status)
{
    return status_to_win32(Status);
}
