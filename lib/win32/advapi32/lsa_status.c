/* SPDX-License-Identifier: MIT */
/*
 * LsaNtStatusToWinError and RtlNtStatusToDosError: the complete mapping of
 * core/model/status.c. Neither touches the thread's last error (behavior.md 1.1).
 * They need no policy and are answered even in the broken state, since a
 * caller uses them to report exactly that state.
 */
#include "win32/api.h"
#include "core/model/status.h"

#include <winternl.h>

static _Thread_local NTSTATUS last_status_value;

LSAEMU_EXPORT ULONG NTAPI LsaNtStatusToWinError(NTSTATUS Status)
{
    return status_to_win32(Status);
}

LSAEMU_EXPORT ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status)
{
    /* Windows also records the status in the TEB (LastStatusValue). */
    last_status_value = Status;
    return status_to_win32(Status);
}
