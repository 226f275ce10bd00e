/* SPDX-License-Identifier: MIT */
/*
 * LsaNtStatusToWinError: the complete mapping of core/model/status.c, as
 * RtlNtStatusToDosError (lib/win32/ntdll/rtl_status.c). It does not touch
 * the thread's last error (behavior.md 1.1), needs no policy and is
 * answered even in the broken state, since a caller uses it to report
 * exactly that state.
 */
#include "base/export.h"
#include "base/win.h"
#include "core/model/status.h"

#include <ntsecapi.h>

LSAEMU_EXPORT ULONG NTAPI LsaNtStatusToWinError(NTSTATUS Status)
{
    return status_to_win32(Status);
}
