/* SPDX-License-Identifier: MIT */
/*
 * The emulated machine's and caller's names (GetComputerName[Ex]A/W,
 * GetUserNameA/W) and the counted-string initialisers of ntdll
 * (RtlInitUnicodeString, RtlInitString, RtlInitAnsiString).
 *
 * Names come from the policy in force, so these calls go through
 * api_enter like every emulated call: they are traced, can be made to fail
 * with `faults:`, and answer a broken LSAEMU_POLICY with its error.
 */
#include <ctype.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#include "win32/api.h"
#include "core/state/current.h"
#include "core/diag/reason.h"
#include "core/model/status.h"
#include "core/model/wellknown.h"
#include "core/diag/trace.h"
#include "base/wstr.h"
#include <sysinfoapi.h>
#include <winternl.h>

/*
 * Copies a UTF-8 name into a caller's buffer of *size characters, as UTF-16
 * (wide) or UTF-8 bytes (the ANSI code page is UTF-8). On success *size is
 * the length, plus one when with_nul (GetUserName counts the NUL). Too
 * small (or no buffer): *size becomes the size needed including the NUL,
 * and too_small is the error. Returns the NTSTATUS for the trace.
 */
static NTSTATUS give_name(const char *name, bool wide, void *buf, LPDWORD size, DWORD too_small,
                          bool with_nul, BOOL *ok)
{
    size_t need = wide ? wstr_from_utf8(name, NULL, 0) : strlen(name);
    *ok = FALSE;
    if (!size) {
        api_set_last_error(ERROR_INVALID_PARAMETER);
        reason_set("the size argument is NULL (Deviation: Windows would fault)");
        return STATUS_INVALID_PARAMETER;
    }
    if (!buf || *size < need + 1) {
        *size = (DWORD)(need + 1);
        api_set_last_error(too_small);
        reason_set("the buffer holds fewer than the %zu characters needed", need + 1);
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (wide) {
        wstr_from_utf8(name, buf, need);
        ((uint16_t *)buf)[need] = 0;
    } else {
        memcpy(buf, name, need + 1);
    }
    *size = (DWORD)(with_nul ? need + 1 : need);
    api_set_last_error(ERROR_SUCCESS);
    *ok = TRUE;
    return STATUS_SUCCESS;
}

/* The name of one form, malloc'd; NULL for an unknown form (or no memory). */
static char *computer_name(const struct policy *pol, int form)
{
    const char *host = pol->machine_name ? pol->machine_name : "WORKSTATION";
    const char *dom = pol->machine_domain ? pol->machine_domain : "";
    size_t n = strlen(host) + strlen(dom) + 2;
    char *s = mem_malloc(n);
    if (!s)
        return NULL;
    switch (form) {
    case ComputerNameNetBIOS:
    case ComputerNamePhysicalNetBIOS:
        /* NetBIOS names are upper case. */
        for (size_t i = 0; (s[i] = (char)toupper((unsigned char)host[i])) != 0; i++)
            ;
        break;
    case ComputerNameDnsHostname:
    case ComputerNamePhysicalDnsHostname:
        strcpy(s, host);
        break;
    case ComputerNameDnsDomain:
    case ComputerNamePhysicalDnsDomain:
        strcpy(s, dom);
        break;
    case ComputerNameDnsFullyQualified:
    case ComputerNamePhysicalDnsFullyQualified:
        snprintf(s, n, "%s%s%s", host, *dom ? "." : "", dom);
        break;
    default:
        mem_free(s);
        return NULL;
    }
    return s;
}

static BOOL get_computer_name(const char *fn, int form, bool wide, void *buf, LPDWORD size,
                              DWORD too_small)
{
    struct api_call c;
    BOOL ok = FALSE;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("%d, %p, %p", form, buf, (void *)size);
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
        api_leave(&c, st);
        return FALSE;
    }
    char *name = computer_name(c.pol, form);
    if (!name) {
        api_set_last_error(ERROR_INVALID_PARAMETER);
        reason_set("name type %d is not a COMPUTER_NAME_FORMAT", form);
        st = STATUS_INVALID_PARAMETER;
    } else {
        st = give_name(name, wide, buf, size, too_small, false, &ok);
        if (ok)
            reason_set("the policy's machine name gives '%s'", name);
    }
    mem_free(name);
    api_leave(&c, st);
    return ok;
}

LSAEMU_EXPORT BOOL WINAPI GetComputerNameW(LPWSTR lpBuffer, LPDWORD nSize)
{
    return get_computer_name("GetComputerNameW", ComputerNameNetBIOS, true, lpBuffer, nSize,
                             ERROR_BUFFER_OVERFLOW);
}

LSAEMU_EXPORT BOOL WINAPI GetComputerNameA(LPSTR lpBuffer, LPDWORD nSize)
{
    return get_computer_name("GetComputerNameA", ComputerNameNetBIOS, false, lpBuffer, nSize,
                             ERROR_BUFFER_OVERFLOW);
}

LSAEMU_EXPORT BOOL WINAPI GetComputerNameExW(COMPUTER_NAME_FORMAT NameType, LPWSTR lpBuffer,
                                             LPDWORD nSize)
{
    return get_computer_name("GetComputerNameExW", (int)NameType, true, lpBuffer, nSize,
                             ERROR_MORE_DATA);
}

LSAEMU_EXPORT BOOL WINAPI GetComputerNameExA(COMPUTER_NAME_FORMAT NameType, LPSTR lpBuffer,
                                             LPDWORD nSize)
{
    return get_computer_name("GetComputerNameExA", (int)NameType, false, lpBuffer, nSize,
                             ERROR_MORE_DATA);
}

static BOOL get_user_name(const char *fn, bool wide, void *buf, LPDWORD size)
{
    struct api_call c;
    BOOL ok = FALSE;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("%p, %p", buf, (void *)size);
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
        api_leave(&c, st);
        return FALSE;
    }
    /* The thread's token when impersonating, as GetUserName does. */
    struct token *t = current_caller_token();
    const char *name = NULL;
    if (t) {
        const struct account *a = policy_find_account_sid(c.pol, &t->user);
        const struct wellknown_sid *w = a ? NULL : wellknown_by_sid(&t->user);
        name = a ? a->name : w ? w->name : NULL;
    }
    if (!name) {
        api_set_last_error(ERROR_NONE_MAPPED);
        reason_set("the caller's token names no account of the policy");
        st = STATUS_NONE_MAPPED;
    } else {
        st = give_name(name, wide, buf, size, ERROR_INSUFFICIENT_BUFFER, true, &ok);
        if (ok)
            reason_set("the caller's token belongs to '%s'", name);
    }
    if (t)
        token_unref(t);
    api_leave(&c, st);
    return ok;
}

LSAEMU_EXPORT BOOL WINAPI GetUserNameW(LPWSTR lpBuffer, LPDWORD pcbBuffer)
{
    return get_user_name("GetUserNameW", true, lpBuffer, pcbBuffer);
}

LSAEMU_EXPORT BOOL WINAPI GetUserNameA(LPSTR lpBuffer, LPDWORD pcbBuffer)
{
    return get_user_name("GetUserNameA", false, lpBuffer, pcbBuffer);
}

/* ---- ntdll's counted-string initialisers ----------------------------------- */

/* Lengths are capped where ntdll caps them: the largest even USHORT less
 * the terminator. */
LSAEMU_EXPORT VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString,
                                              PCWSTR SourceString)
{
    if (!DestinationString)
        return;
    size_t bytes = SourceString ? wstr_len(SourceString, 0x7FFE) * 2 : 0;
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
