/* SPDX-License-Identifier: MIT */
/*
 * The SID allocation shared by ntdll's RtlAllocateAndInitializeSid /
 * RtlFreeSid and Advapi32's AllocateAndInitializeSid / FreeSid, which on
 * Windows are wrappers of the Rtl functions (i13-facts A2). Both run
 * inside their caller's api_enter()/api_leave() and set the reason.
 */
#ifndef LSAEMU_WIN32_NTDLL_RTL_SID_H
#define LSAEMU_WIN32_NTDLL_RTL_SID_H

#include <stdint.h>

#include "win32/api.h"

/*
 * A SID of count sub-authorities (at most 8) allocated from the process
 * heap: freed with FreeSid or RtlFreeSid (or HeapFree, LocalFree,
 * RtlFreeHeap: the same heap). Statuses: STATUS_INVALID_SID for more than
 * 8 (W-rtl: count 9), STATUS_INVALID_PARAMETER for a NULL authority or
 * NULL sid (Deviation: Windows faults), STATUS_NO_MEMORY. *sid is written
 * only on success.
 */
NTSTATUS rtlsid_allocate(const SID_IDENTIFIER_AUTHORITY *auth, unsigned count,
                         const uint32_t subs[8], PSID *sid);

/*
 * Frees a block of the process heap: NULL when it was one (or sid is
 * NULL), else sid itself, untouched (i13-facts A2: FreeSid returns NULL on
 * success and the SID on failure, and sets no last error).
 */
PVOID rtlsid_free(PSID sid);

#endif
