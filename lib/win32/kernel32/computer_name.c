/* SPDX-License-Identifier: MIT */
/*
 * The emulated machine's names: GetComputerName[Ex]A/W (sysinfoapi.h).
 *
 * Names come from the policy in force, so these calls go through
 * api_enter like every emulated call: they are traced, can be made to fail
 * with `faults:`, and answer a broken LSAEMU_POLICY with its error.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/model/status.h"
#include "win32/api.h"
#include <sysinfoapi.h>

/* The name of one form, malloc'd; NULL for an unknown form (or no memory). */
static char *computer_name(const struct policy *pol, int form)
{
    const char *host = pol->machine_name ? pol->machine_name : "WORKSTATION";
    const char *dom = pol->domain.dns_name ? pol->domain.dns_name : "";
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
        return api_leave_bool_as(&c, st, FALSE);
    }
    char *name = computer_name(c.pol, form);
    if (!name) {
        api_set_last_error(ERROR_INVALID_PARAMETER);
        reason_set("name type %d is not a COMPUTER_NAME_FORMAT", form);
        st = STATUS_INVALID_PARAMETER;
    } else {
        st = api_give_name(name, wide, buf, size, too_small, false, &ok);
        if (ok)
            reason_set("the policy's machine name gives '%s'", name);
    }
    mem_free(name);
    return api_leave_bool_as(&c, st, ok);
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

