/* SPDX-License-Identifier: MIT */
/*
 * ntdef.h - lsaemu's stand-in for the native-API basics of the SDK's ntdef.h:
 * counted strings (UNICODE_STRING, STRING/ANSI_STRING) and the NT_SUCCESS
 * family. The basic types come from winnt.h, so this header works alone and
 * in any order with <windows.h>.
 */
#ifndef LSAEMU_INCLUDE_NTDEF_H
#define LSAEMU_INCLUDE_NTDEF_H

#include "winnt.h"

/* Clients test this to know that the counted-string types exist. */
#ifndef _NTDEF_
#define _NTDEF_
#endif

/* Severity tests. Each is guarded so a client's own (SDK-spelled) copy,
 * before or after this header, is accepted. */
#ifndef NT_SUCCESS
#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)
#endif
#ifndef NT_INFORMATION
#define NT_INFORMATION(Status) ((((ULONG)(Status)) >> 30) == 1)
#endif
#ifndef NT_WARNING
#define NT_WARNING(Status) ((((ULONG)(Status)) >> 30) == 2)
#endif
#ifndef NT_ERROR
#define NT_ERROR(Status) ((((ULONG)(Status)) >> 30) == 3)
#endif

#ifndef UNICODE_NULL
#define UNICODE_NULL ((WCHAR)0)
#endif
#ifndef ANSI_NULL
#define ANSI_NULL ((CHAR)0)
#endif

/*
 * Counted UTF-16 string. Length and MaximumLength count bytes, not
 * characters; Buffer need not be NUL-terminated.
 */
typedef struct _UNICODE_STRING {
    USHORT Length;
    USHORT MaximumLength;
    PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

/* Counted 8-bit string (lengths in bytes). */
typedef struct _STRING {
    USHORT Length;
    USHORT MaximumLength;
    PCHAR Buffer;
} STRING, *PSTRING;
typedef STRING ANSI_STRING, *PANSI_STRING;
typedef STRING OEM_STRING, *POEM_STRING;
typedef const STRING *PCSTRING;
typedef const STRING *PCANSI_STRING;
typedef const STRING *PCOEM_STRING;

#ifdef LSAEMU_CHECK_LAYOUT
LSAEMU_STATIC_ASSERT(sizeof(UNICODE_STRING) == 16, "UNICODE_STRING is 16 bytes on Win64");
LSAEMU_STATIC_ASSERT(sizeof(STRING) == 16, "STRING is 16 bytes on Win64");
#endif

/* The largest Length a UNICODE_STRING can describe. */
#ifndef UNICODE_STRING_MAX_BYTES
#define UNICODE_STRING_MAX_BYTES ((USHORT)65534)
#define UNICODE_STRING_MAX_CHARS (32767)
#endif

#endif
