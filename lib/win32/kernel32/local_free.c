/* SPDX-License-Identifier: MIT */
/*
 * LocalFree for the memory lsaemu hands out through the LocalAlloc family
 * (LogonUserEx's logon SID, and any other RETBUF_LOCAL buffer) and, since
 * LocalAlloc's fixed memory is the process heap, for any block of that heap
 * (HeapAlloc, AllocateAndInitializeSid). As in the SDK: NULL comes back on
 * success and for NULL; anything that is not a live block comes back
 * unchanged with ERROR_INVALID_HANDLE.
 */
#include "win32/api.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "core/model/status.h"
#include "core/diag/trace.h"

LSAEMU_EXPORT HLOCAL WINAPI LocalFree(HLOCAL hMem)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LocalFree", NULL);
    trace_args("%p", hMem);
    if (st != STATUS_SUCCESS) {
        /* Broken policy or an injected fault: its Win32 mapping. */
        api_set_last_error(status_to_win32(st));
        api_leave(&c, st);
        return hMem;
    }
    if (!hMem) {
        api_leave_quiet(&c, st, "nothing to free");
        return NULL;
    }
    /* LocalFree is a wrapper of the process heap (retbuf.h): it frees
     * HeapAlloc blocks and FreeSid's SIDs as well. */
    if (retbuf_heap_free(hMem) != 0) {
        reason_set("%p is not memory from the LocalAlloc family (never returned, already "
                   "freed, or to be freed with %s)",
                   hMem,
                   retbuf_is(hMem, RETBUF_LSA_RETURN)   ? "LsaFreeReturnBuffer"
                   : retbuf_is(hMem, RETBUF_LSA_MEMORY) ? "LsaFreeMemory"
                                                        : "another function");
        api_set_last_error(ERROR_INVALID_HANDLE);
        api_leave(&c, STATUS_INVALID_HANDLE);
        return hMem;
    }
    api_leave_quiet(&c, st, "memory freed");
    return NULL;
}
