/* SPDX-License-Identifier: MIT */
/*
 * heapapi.h - the process heap: GetProcessHeap, HeapAlloc, HeapReAlloc,
 * HeapFree, HeapSize. There is one heap, the C library's; the handle
 * GetProcessHeap returns is a fixed non-NULL value.
 */
#ifndef LSAEMU_INCLUDE_HEAPAPI_H
#define LSAEMU_INCLUDE_HEAPAPI_H

#include "windef.h"

#define HEAP_NO_SERIALIZE 0x00000001
#define HEAP_GENERATE_EXCEPTIONS 0x00000004
#define HEAP_ZERO_MEMORY 0x00000008
#define HEAP_REALLOC_IN_PLACE_ONLY 0x00000010

#ifdef __cplusplus
extern "C" {
#endif

LSAEMU_IMPORT WINBASEAPI HANDLE WINAPI GetProcessHeap(VOID);
/* NULL on failure; like Windows, the last error is not set. */
LSAEMU_IMPORT WINBASEAPI LPVOID WINAPI HeapAlloc(_In_ HANDLE hHeap, _In_ DWORD dwFlags,
                                                 _In_ SIZE_T dwBytes);
LSAEMU_IMPORT WINBASEAPI LPVOID WINAPI HeapReAlloc(_Inout_ HANDLE hHeap, _In_ DWORD dwFlags,
                                                   _Frees_ptr_opt_ LPVOID lpMem,
                                                   _In_ SIZE_T dwBytes);
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI HeapFree(_Inout_ HANDLE hHeap, _In_ DWORD dwFlags,
                                              _Frees_ptr_opt_ LPVOID lpMem);
LSAEMU_IMPORT WINBASEAPI SIZE_T WINAPI HeapSize(_In_ HANDLE hHeap, _In_ DWORD dwFlags,
                                                _In_ LPCVOID lpMem);

#ifdef __cplusplus
}
#endif

#endif
