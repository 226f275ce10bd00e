/* SPDX-License-Identifier: MIT */
/*
 * RtlAllocateHeap and RtlFreeHeap (winternl.h) on the one process heap of
 * lsaemu (GetProcessHeap(), kernel32/win_memory.c), whose blocks are
 * registered returned buffers (core/state/retbuf.h): RtlFreeHeap frees any
 * block of that heap (HeapAlloc's, LocalAlloc's, the SIDs of
 * AllocateAndInitializeSid), as on Windows (i13-facts B4).
 *
 * Neither sets the last error: RtlAllocateHeap reports failure by NULL
 * (HEAP_GENERATE_EXCEPTIONS is not emulated), RtlFreeHeap by FALSE.
 */
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/state/retbuf.h"
#include "win32/api.h"
#include <heapapi.h>
#include <winternl.h>

LSAEMU_EXPORT PVOID NTAPI RtlAllocateHeap(PVOID HeapHandle, ULONG Flags, SIZE_T Size)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlAllocateHeap", NULL);
    trace_args("%p, 0x%lX, %zu", HeapHandle, (unsigned long)Flags, (size_t)Size);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return NULL;
    }
    if (HeapHandle != GetProcessHeap()) {
        /* Deviation: Windows faults on a handle that is no heap. */
        reason_set("%p is not the process heap (GetProcessHeap())", HeapHandle);
        api_leave(&c, STATUS_INVALID_HANDLE);
        return NULL;
    }
    PVOID p = HeapAlloc(HeapHandle, Flags, Size);
    if (!p) {
        reason_set("out of memory");
        api_leave(&c, STATUS_NO_MEMORY);
        return NULL;
    }
    reason_set("%zu bytes at %p (free them with RtlFreeHeap or HeapFree)", (size_t)Size, p);
    api_leave(&c, STATUS_SUCCESS);
    return p;
}

LSAEMU_EXPORT BOOLEAN NTAPI RtlFreeHeap(PVOID HeapHandle, ULONG Flags, PVOID BaseAddress)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlFreeHeap", NULL);
    trace_args("%p, 0x%lX, %p", HeapHandle, (unsigned long)Flags, BaseAddress);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return FALSE;
    }
    if (HeapHandle != GetProcessHeap()) {
        reason_set("%p is not the process heap (GetProcessHeap())", HeapHandle);
        api_leave(&c, STATUS_INVALID_HANDLE);
        return FALSE;
    }
    if (!BaseAddress) {
        api_leave_quiet(&c, STATUS_SUCCESS, "nothing to free");
        return TRUE;
    }
    if (retbuf_heap_free(BaseAddress) != 0) {
        reason_set("%p is no block of the process heap (never allocated, already freed, or "
                   "memory of another allocator)",
                   BaseAddress);
        api_leave(&c, STATUS_INVALID_PARAMETER);
        return FALSE;
    }
    api_leave_quiet(&c, STATUS_SUCCESS, "block freed");
    return TRUE;
}
