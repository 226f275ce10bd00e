/* SPDX-License-Identifier: MIT */
/*
 * The process heap (heapapi.h) and LocalAlloc (winbase.h).
 *
 * HeapAlloc blocks carry their size in a 16-byte header (which keeps the
 * malloc alignment), so that HeapSize and HeapReAlloc with HEAP_ZERO_MEMORY
 * work. LocalAlloc memory is registered as RETBUF_LOCAL, the kind LocalFree
 * (local_free.c) checks, so a client can free it and lsaemu's own LocalAlloc
 * family results (SID strings, LogonUserEx's logon SID) alike.
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "win32/api.h"
#include "core/state/retbuf.h"
#include <heapapi.h>

#define HEAP_HEADER 16

/* The one heap: a fixed, non-NULL address that never looks like a block. */
static const char process_heap_tag[] = "lsaemu process heap";

LSAEMU_EXPORT HANDLE WINAPI GetProcessHeap(VOID)
{
    return (HANDLE)process_heap_tag;
}

static size_t *header_of(LPCVOID p)
{
    return (size_t *)((char *)(uintptr_t)p - HEAP_HEADER);
}

LSAEMU_EXPORT LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes)
{
    if (!hHeap || dwBytes > SIZE_MAX - HEAP_HEADER)
        return NULL;
    char *block = (dwFlags & HEAP_ZERO_MEMORY) ? mem_calloc(1, HEAP_HEADER + dwBytes)
                                               : mem_malloc(HEAP_HEADER + dwBytes);
    if (!block)
        return NULL;
    *(size_t *)block = dwBytes;
    return block + HEAP_HEADER;
}

LSAEMU_EXPORT LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes)
{
    if (!hHeap || !lpMem || dwBytes > SIZE_MAX - HEAP_HEADER)
        return NULL;
    size_t old = *header_of(lpMem);
    if ((dwFlags & HEAP_REALLOC_IN_PLACE_ONLY) && dwBytes > old)
        return NULL;
    char *block = mem_realloc(header_of(lpMem), HEAP_HEADER + dwBytes);
    if (!block)
        return NULL;
    *(size_t *)block = dwBytes;
    if ((dwFlags & HEAP_ZERO_MEMORY) && dwBytes > old)
        memset(block + HEAP_HEADER + old, 0, dwBytes - old);
    return block + HEAP_HEADER;
}

LSAEMU_EXPORT BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem)
{
    if (!hHeap) {
        api_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (lpMem)
        mem_free(header_of(lpMem));
    return TRUE;
}

LSAEMU_EXPORT SIZE_T WINAPI HeapSize(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem)
{
    if (!hHeap || !lpMem)
        return (SIZE_T)-1;
    return *header_of(lpMem);
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
