/* SPDX-License-Identifier: MIT */
/*
 * minwinbase.h - the memory and text macros Windows code takes for granted:
 * ZeroMemory and friends, SecureZeroMemory, ARRAYSIZE, TEXT, and the
 * LocalAlloc flags. (The SDK spreads these over minwinbase.h, winnt.h and
 * winbase.h; one home here keeps them from being defined twice.)
 * Included by winbase.h.
 */
#ifndef LSAEMU_INCLUDE_MINWINBASE_H
#define LSAEMU_INCLUDE_MINWINBASE_H

#include "windef.h"

/*
 * The memory macros call the compiler's builtins, so that <windows.h>
 * needs no <string.h> and brings none of the names glibc's declares beyond
 * the Windows ones (lsaemu_crt.h says why; with a 16-bit wchar_t it
 * includes <string.h> itself). Compilers without them get <string.h>.
 */
#if defined(__GNUC__) || defined(__clang__)
#define LSAEMU_MEMSET_ __builtin_memset
#define LSAEMU_MEMCPY_ __builtin_memcpy
#define LSAEMU_MEMMOVE_ __builtin_memmove
#define LSAEMU_MEMCMP_ __builtin_memcmp
#else
#include <string.h>
#define LSAEMU_MEMSET_ memset
#define LSAEMU_MEMCPY_ memcpy
#define LSAEMU_MEMMOVE_ memmove
#define LSAEMU_MEMCMP_ memcmp
#endif

#ifndef RtlZeroMemory
#define RtlZeroMemory(d, n) ((void)LSAEMU_MEMSET_((d), 0, (n)))
#define RtlFillMemory(d, n, v) ((void)LSAEMU_MEMSET_((d), (v), (n)))
#define RtlCopyMemory(d, s, n) ((void)LSAEMU_MEMCPY_((d), (s), (n)))
#define RtlMoveMemory(d, s, n) ((void)LSAEMU_MEMMOVE_((d), (s), (n)))
#define RtlEqualMemory(a, b, n) (!LSAEMU_MEMCMP_((a), (b), (n)))
#endif
#ifndef ZeroMemory
#define ZeroMemory RtlZeroMemory
#define FillMemory RtlFillMemory
#define CopyMemory RtlCopyMemory
#define MoveMemory RtlMoveMemory
#define EqualMemory RtlEqualMemory
#endif

/* Clears memory in a way the compiler may not drop as a dead store, which
 * is the point of SecureZeroMemory (passwords in buffers about to be freed). */
static inline PVOID RtlSecureZeroMemory(PVOID ptr, SIZE_T cnt)
{
    volatile unsigned char *p = (volatile unsigned char *)ptr;
    while (cnt--)
        *p++ = 0;
    return ptr;
}
#ifndef SecureZeroMemory
#define SecureZeroMemory RtlSecureZeroMemory
#endif

#ifndef ARRAYSIZE
#define RTL_NUMBER_OF(a) (sizeof(a) / sizeof((a)[0]))
#define ARRAYSIZE(a) RTL_NUMBER_OF(a)
#endif

/* TEXT(): wide when UNICODE is defined, as in the SDK (L"..." needs
 * -fshort-wchar to be WCHAR; without it TEXT gives u"..."). */
#ifndef TEXT
#define __TEXT(s) LSAEMU_TEXT(s)
#define TEXT(s) __TEXT(s)
#endif

/* LocalAlloc flags. */
#define LMEM_FIXED 0x0000
#define LMEM_MOVEABLE 0x0002
#define LMEM_NOCOMPACT 0x0010
#define LMEM_NODISCARD 0x0020
#define LMEM_ZEROINIT 0x0040
#define LMEM_MODIFY 0x0080
#define LPTR (LMEM_FIXED | LMEM_ZEROINIT)
#define LHND (LMEM_MOVEABLE | LMEM_ZEROINIT)
#define NONZEROLPTR LMEM_FIXED
#define NONZEROLHND LMEM_MOVEABLE

#endif
