/* SPDX-License-Identifier: MIT */
/*
 * ntdll's counted-string initialisers (winternl.h): RtlInitUnicodeString,
 * RtlInitString, RtlInitAnsiString. They need no policy.
 */
#include <stdint.h>
#include <string.h>

#include "base/export.h"
#include "base/win.h"
#include "base/utf.h"
#include <winternl.h>

/* Lengths are capped where ntdll caps them: the largest even USHORT less
 * the terminator. */
LSAEMU_EXPORT VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString,
                                              PCWSTR SourceString)
{
    if (!DestinationString)
        return;
    size_t bytes = SourceString ? utf16_len(SourceString, 0x7FFE) * 2 : 0;
    if (bytes > 0xFFFC)
        bytes = 0xFFFC;
    DestinationString->Length = (USHORT)bytes;
    DestinationString->MaximumLength = (USHORT)(SourceString ? bytes + 2 : 0);
    DestinationString->Buffer = (PWSTR)(uintptr_t)SourceString;
}

LSAEMU_EXPORT VOID NTAPI RtlInitString(PSTRING DestinationString, PCSZ SourceString)
{
    if (!DestinationString)
        return;
    size_t bytes = SourceString ? strnlen(SourceString, 0xFFFE) : 0;
    if (bytes > 0xFFFE)
        bytes = 0xFFFE;
    DestinationString->Length = (USHORT)bytes;
    DestinationString->MaximumLength = (USHORT)(SourceString ? bytes + 1 : 0);
    DestinationString->Buffer = (PCHAR)(uintptr_t)SourceString;
}

LSAEMU_EXPORT VOID NTAPI RtlInitAnsiString(PANSI_STRING DestinationString, PCSZ SourceString)
{
    RtlInitString(DestinationString, SourceString);
}
