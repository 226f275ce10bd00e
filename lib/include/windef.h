/* SPDX-License-Identifier: MIT */
/*
 * windef.h - lsaemu's stand-in for the Windows SDK's windef.h/minwindef.h.
 *
 * Basic Windows types with their Windows (LLP64) sizes on LP64 Linux, the
 * calling-convention and SAL macros (all empty here) and LSAEMU_IMPORT, which
 * gives the prototypes of the emulated functions default visibility. Like the
 * SDK's windef.h it pulls in winnt.h. Only standard C headers are used.
 */
#ifndef LSAEMU_INCLUDE_WINDEF_H
#define LSAEMU_INCLUDE_WINDEF_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------ */
/* Visibility of the functions liblsaemu exports.                           */
/* ------------------------------------------------------------------------ */

#ifndef LSAEMU_IMPORT
#if defined(__GNUC__) || defined(__clang__)
#define LSAEMU_IMPORT __attribute__((visibility("default")))
#else
#define LSAEMU_IMPORT
#endif
#endif

/* C11 _Static_assert / C++11 static_assert, or nothing on older dialects. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define LSAEMU_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define LSAEMU_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

#if defined(__cplusplus)
#define LSAEMU_ALIGNOF(t) alignof(t)
#else
#define LSAEMU_ALIGNOF(t) _Alignof(t)
#endif

/* Anonymous members of unions: standard C11, a GNU extension in C++. */
#if defined(__GNUC__) || defined(__clang__)
#define LSAEMU_NAMELESS __extension__
#else
#define LSAEMU_NAMELESS
#endif

/* Layout checks only where the Win64 numbers apply: LP64 x86-64/aarch64. */
#if defined(LSAEMU_STATIC_ASSERT) && defined(__LP64__) &&                                          \
    (defined(__x86_64__) || defined(__aarch64__))
#define LSAEMU_CHECK_LAYOUT 1
#endif

/* ------------------------------------------------------------------------ */
/* Calling conventions and linkage: nothing to do on Linux.                 */
/* ------------------------------------------------------------------------ */

#ifndef WINAPI
#define WINAPI
#endif
#ifndef WINAPIV
#define WINAPIV
#endif
#ifndef APIENTRY
#define APIENTRY
#endif
#ifndef CALLBACK
#define CALLBACK
#endif
#ifndef NTAPI
#define NTAPI
#endif
#ifndef WINBASEAPI
#define WINBASEAPI
#endif
#ifndef WINADVAPI
#define WINADVAPI
#endif
#ifndef NTSYSAPI
#define NTSYSAPI
#endif
#ifndef NTSYSCALLAPI
#define NTSYSCALLAPI
#endif
#ifndef WINAPI_INLINE
#define WINAPI_INLINE
#endif
#ifndef FAR
#define FAR
#endif
#ifndef NEAR
#define NEAR
#endif
#ifndef CONST
#define CONST const
#endif
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif

/* ------------------------------------------------------------------------ */
/* SAL annotations: documentation only, so they expand to nothing.          */
/* ------------------------------------------------------------------------ */

#ifndef _In_
#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_opt_result_maybenull_
#define _Outptr_result_maybenull_
#define _Outptr_result_buffer_(x)
#define _Outptr_result_bytebuffer_(x)
#define _Out_writes_(x)
#define _Out_writes_opt_(x)
#define _Out_writes_bytes_(x)
#define _Out_writes_bytes_opt_(x)
#define _Out_writes_to_(x, y)
#define _Out_writes_bytes_to_(x, y)
#define _In_reads_(x)
#define _In_reads_opt_(x)
#define _In_reads_bytes_(x)
#define _In_reads_bytes_opt_(x)
#define _Inout_updates_(x)
#define _Inout_updates_bytes_(x)
#define _Reserved_
#define _Must_inspect_result_
#define _Success_(x)
#define _Return_type_success_(x)
#define _Check_return_
#define _Ret_maybenull_
#define _Post_invalid_
#define _Frees_ptr_opt_
#define _When_(x, y)
#define _Field_size_(x)
#define _Field_size_bytes_(x)
#define _Field_size_opt_(x)
#define _Field_size_bytes_opt_(x)
#define _Field_range_(x, y)
#define _Null_terminated_
#define _NullNull_terminated_
#define __drv_freesMem(x)
#define __drv_allocatesMem(x)
#define __drv_aliasesMem
#endif
/* The rest of SAL, each macro guarded. */
#include "sal.h"

/* ------------------------------------------------------------------------ */
/* Basic types. LONG/ULONG/DWORD are 32-bit as on Windows, never C long.    */
/* ------------------------------------------------------------------------ */

#ifndef VOID
#define VOID void
#endif

typedef char CHAR;
typedef int16_t SHORT;
typedef int32_t LONG;
typedef int32_t INT;
typedef int32_t BOOL;
typedef uint8_t BYTE;
typedef uint8_t UCHAR;
typedef uint8_t BOOLEAN;
typedef uint16_t WORD;
typedef uint16_t USHORT;
typedef uint32_t DWORD;
typedef uint32_t ULONG;
typedef uint32_t UINT;
typedef int8_t INT8;
typedef uint8_t UINT8;
typedef int16_t INT16;
typedef uint16_t UINT16;
typedef int32_t INT32;
typedef uint32_t UINT32;
typedef int64_t INT64;
typedef uint64_t UINT64;
typedef int32_t LONG32;
typedef uint32_t ULONG32;
typedef uint32_t DWORD32;
typedef int64_t LONG64;
typedef uint64_t ULONG64;
typedef uint64_t DWORD64;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef uint64_t DWORDLONG;
typedef float FLOAT;

/* Pointer-sized integers. */
typedef intptr_t INT_PTR;
typedef uintptr_t UINT_PTR;
typedef intptr_t LONG_PTR;
typedef uintptr_t ULONG_PTR;
typedef uintptr_t DWORD_PTR;
typedef size_t SIZE_T;
typedef intptr_t SSIZE_T;
typedef INT_PTR *PINT_PTR;
typedef UINT_PTR *PUINT_PTR;
typedef LONG_PTR *PLONG_PTR;
typedef ULONG_PTR *PULONG_PTR;
typedef DWORD_PTR *PDWORD_PTR;
typedef SIZE_T *PSIZE_T;

/*
 * WCHAR is a 16-bit UTF-16 code unit. When the compiler's wchar_t is 16-bit
 * (-fshort-wchar) it is wchar_t, so L"..." literals fit; otherwise it is a
 * 16-bit unsigned integer and u"..." literals are the ones to use in C.
 */
#if defined(__WCHAR_MAX__) && (__WCHAR_MAX__ <= 0xFFFF)
#define LSAEMU_WCHAR_IS_WCHAR_T 1
typedef wchar_t WCHAR;
#define LSAEMU_WIDE_(s) L##s
#else
typedef uint16_t WCHAR;
#define LSAEMU_WIDE_(s) u##s
#endif
/* A UTF-16 string literal of type WCHAR[] (in C; see above). */
#define LSAEMU_WIDE(s) LSAEMU_WIDE_(s)

/* The SDK's TEXT(): narrow unless UNICODE is defined. */
#ifdef UNICODE
#define LSAEMU_TEXT(s) LSAEMU_WIDE(s)
#else
#define LSAEMU_TEXT(s) s
#endif

typedef CHAR *PCHAR, *LPCH, *PCH;
typedef const CHAR *LPCCH, *PCCH;
typedef CHAR *PSTR, *LPSTR, *NPSTR, *PSZ;
typedef const CHAR *PCSTR, *LPCSTR, *PCSZ;
typedef WCHAR *PWCHAR, *LPWCH, *PWCH;
typedef const WCHAR *LPCWCH, *PCWCH;
typedef WCHAR *PWSTR, *LPWSTR, *NWPSTR;
typedef const WCHAR *PCWSTR, *LPCWSTR;
#ifdef UNICODE
typedef WCHAR TCHAR, *PTCHAR;
typedef LPWSTR PTSTR, LPTSTR;
typedef LPCWSTR PCTSTR, LPCTSTR;
#else
typedef char TCHAR, *PTCHAR;
typedef LPSTR PTSTR, LPTSTR;
typedef LPCSTR PCTSTR, LPCTSTR;
#endif

typedef SHORT *PSHORT;
typedef LONG *PLONG, *LPLONG;
typedef INT *PINT, *LPINT;
typedef BOOL *PBOOL, *LPBOOL;
typedef BYTE *PBYTE, *LPBYTE;
typedef UCHAR *PUCHAR;
typedef BOOLEAN *PBOOLEAN;
typedef WORD *PWORD, *LPWORD;
typedef USHORT *PUSHORT;
typedef DWORD *PDWORD, *LPDWORD;
typedef ULONG *PULONG;
typedef UINT *PUINT, *LPUINT;
typedef LONGLONG *PLONGLONG;
typedef ULONGLONG *PULONGLONG;
typedef LONG64 *PLONG64;
typedef ULONG64 *PULONG64;
typedef DWORD64 *PDWORD64;
typedef FLOAT *PFLOAT;
typedef void *PVOID, *LPVOID;
typedef const void *PCVOID, *LPCVOID;

typedef void *HANDLE;
typedef HANDLE *PHANDLE, *LPHANDLE;
typedef HANDLE HLOCAL;
typedef HANDLE HGLOBAL;

/* Strict handle types, as the SDK declares them by default. */
#ifndef DECLARE_HANDLE
#define DECLARE_HANDLE(name)                                                                       \
    struct name##__ {                                                                              \
        int unused;                                                                                \
    };                                                                                             \
    typedef struct name##__ *name
#endif
DECLARE_HANDLE(HINSTANCE);
typedef HINSTANCE HMODULE;
DECLARE_HANDLE(HKEY);
typedef HKEY *PHKEY;
DECLARE_HANDLE(HWND);

/* The SDK declares FARPROC with an empty parameter list; (void) keeps
 * -Wstrict-prototypes quiet and means the same in C++. */
typedef INT_PTR(WINAPI *FARPROC)(void);
typedef INT_PTR(WINAPI *NEARPROC)(void);
typedef INT_PTR(WINAPI *PROC)(void);

typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM;
typedef LONG_PTR LRESULT;
typedef LONG HRESULT;

#ifndef FALSE
#define FALSE 0
#endif
#ifndef TRUE
#define TRUE 1
#endif
#ifndef MAX_PATH
#define MAX_PATH 260
#endif

/* minwindef.h's word and byte packing (each guarded: clients define their
 * own copies). */
#ifndef MAKEWORD
#define MAKEWORD(a, b)                                                                             \
    ((WORD)(((BYTE)(((DWORD_PTR)(a)) & 0xff)) | ((WORD)((BYTE)(((DWORD_PTR)(b)) & 0xff))) << 8))
#endif
#ifndef MAKELONG
#define MAKELONG(a, b)                                                                             \
    ((LONG)(((WORD)(((DWORD_PTR)(a)) & 0xffff)) |                                                 \
            ((DWORD)((WORD)(((DWORD_PTR)(b)) & 0xffff))) << 16))
#endif
#ifndef LOWORD
#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#endif
#ifndef HIWORD
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#endif
#ifndef LOBYTE
#define LOBYTE(w) ((BYTE)(((DWORD_PTR)(w)) & 0xff))
#endif
#ifndef HIBYTE
#define HIBYTE(w) ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xff))
#endif

/*
 * min and max, as the SDK's windef.h defines them unless NOMINMAX is
 * defined before it. Deviation: in C++ only with LSAEMU_MINMAX, because
 * libstdc++'s own headers (std::min, std::numeric_limits<T>::max()) do not
 * compile after these macros, where Microsoft's STL is written to; C++
 * code calls std::min / std::max (tests/check-cxx.sh,
 * "deviation_cxx_no_minmax").
 */
#if !defined(NOMINMAX) && (!defined(__cplusplus) || defined(LSAEMU_MINMAX))
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif

#ifdef LSAEMU_CHECK_LAYOUT
LSAEMU_STATIC_ASSERT(sizeof(LONG) == 4, "LONG is 32-bit on Windows");
LSAEMU_STATIC_ASSERT(sizeof(ULONG) == 4, "ULONG is 32-bit on Windows");
LSAEMU_STATIC_ASSERT(sizeof(DWORD) == 4, "DWORD is 32-bit on Windows");
LSAEMU_STATIC_ASSERT(sizeof(BOOL) == 4, "BOOL is 32-bit on Windows");
LSAEMU_STATIC_ASSERT(sizeof(WCHAR) == 2, "WCHAR is a 16-bit UTF-16 unit");
LSAEMU_STATIC_ASSERT(sizeof(BOOLEAN) == 1, "BOOLEAN is one byte");
LSAEMU_STATIC_ASSERT(sizeof(LONGLONG) == 8, "LONGLONG is 64-bit");
LSAEMU_STATIC_ASSERT(sizeof(ULONG_PTR) == 8, "ULONG_PTR is pointer-sized");
LSAEMU_STATIC_ASSERT(sizeof(SIZE_T) == 8, "SIZE_T is pointer-sized");
LSAEMU_STATIC_ASSERT(sizeof(HANDLE) == 8, "HANDLE is a pointer");
#endif

#include "winnt.h"

#endif
