/* SPDX-License-Identifier: MIT */
/*
 * The process heap (heapapi.h) and LocalAlloc (winbase.h).
 *
 * Blocks are registered returned buffers (core/state/retbuf.h) of kind
 * RETBUF_HEAP, so that the functions that free process-heap memory on
 * Windows (HeapFree, LocalFree, FreeSid, RtlFreeSid, RtlFreeHeap) all
 * recognise them, and those of LocalAlloc and AllocateAndInitializeSid,
 * without ever reading memory around a foreign pointer; the registry keeps
 * each block's size for HeapSize. LocalAlloc memory is registered as
 * RETBUF_LOCAL, the kind LocalFree (local_free.c) names in its messages.
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "core/engine/guesses.h"
#include "win32/api.h"
#include "core/state/retbuf.h"
#include <heapapi.h>

/* The one heap: a fixed, non-NULL address that never looks like a block. */
static const char process_heap_tag[] = "lsaemu process heap";

LSAEMU_EXPORT HANDLE WINAPI GetProcessHeap(VOID)
{
    return (HANDLE)process_heap_tag;
}

/* A new registered heap block of size bytes (zeroed, whatever the flags:
 * Windows' contents are undefined without HEAP_ZERO_MEMORY), or NULL. */
static void *heap_block(SIZE_T size)
{
    void *p = retbuf_new(size ? size : 1);
    if (p && retbuf_publish(p, RETBUF_HEAP, size) != 0) {
        retbuf_discard(p);
        p = NULL;
    }
    return p;
}

/* The SDK: on failure HeapAlloc "does not call SetLastError" (without
 * HEAP_GENERATE_EXCEPTIONS, which lsaemu does not emulate). */
LSAEMU_EXPORT LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes)
{
    if (!hHeap)
        return NULL;
    return heap_block(dwBytes);
}

LSAEMU_EXPORT LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes)
{
    size_t old;
    if (!hHeap || retbuf_heap_size(lpMem, &old) != 0)
        return NULL;
    if (dwFlags & HEAP_REALLOC_IN_PLACE_ONLY)
        return dwBytes <= old && retbuf_heap_shrink(lpMem, dwBytes) == 0 ? lpMem : NULL;
    /* A new block, then the old one freed: a failure leaves the old one
     * as it was, as the SDK says. */
    char *block = heap_block(dwBytes);
    if (!block)
        return NULL;
    memcpy(block, lpMem, old < dwBytes ? old : dwBytes);
    retbuf_heap_free(lpMem);
    return block;
}

LSAEMU_EXPORT BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem)
{
    if (!hHeap) {
        api_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (lpMem && retbuf_heap_free(lpMem) != 0) {
        /* Windows' heap reports a pointer that is no block of it (or one
         * already freed) instead of corrupting itself. */
        api_set_last_error(GUESS_HEAP_FREE_FOREIGN_ERROR);
        return FALSE;
    }
    return TRUE;
}

LSAEMU_EXPORT SIZE_T WINAPI HeapSize(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem)
{
    size_t size;
    if (!hHeap || retbuf_heap_size(lpMem, &size) != 0)
        return (SIZE_T)-1;
    return size;
}

/*
 * Deviation: LMEM_MOVEABLE memory is fixed here and the handle is the
 * pointer itself, which is what LocalLock would return for it anyway.
 * The memory is always zeroed (LMEM_ZEROINIT or not), which no caller can
 * tell from Windows' undefined contents.
 */
LSAEMU_EXPORT HLOCAL WINAPI LocalAlloc(UINT uFlags, SIZE_T uBytes)
{
    if (uFlags & ~(UINT)(LMEM_MOVEABLE | LMEM_NOCOMPACT | LMEM_NODISCARD | LMEM_ZEROINIT)) {
        api_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    size_t size = uBytes ? uBytes : 1;
    void *p = retbuf_new(size);
    if (p && retbuf_publish(p, RETBUF_LOCAL, size) != 0) {
        retbuf_discard(p);
        p = NULL;
    }
    if (!p)
        api_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}
