/* SPDX-License-Identifier: MIT */
/*
 * LookupPrivilegeValueA/W, LookupPrivilegeNameA/W and
 * LookupPrivilegeDisplayNameA/W (behavior.md 1.4, 3.14; C137-C145).
 * They know privileges only: logon rights are not privileges (D18).
 * The A forms take the bytes as UTF-8 (the names are ASCII).
 */
#include <stdlib.h>
#include "base/mem.h"

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/model/rights.h"
#include "win32/advapi32/lookup.h"
#include "core/diag/trace.h"

/* Privilege id for a name, or the failure status with the reason set. */
static NTSTATUS privilege_by_name(const char *name, int *id)
{
    if (!name) {
        reason_set("no privilege name given (NULL)");
        return STATUS_NO_SUCH_PRIVILEGE;
    }
    int r = right_by_name(name);
    if (r < 0) {
        reason_set("'%s' is not a privilege name", name);
        return STATUS_NO_SUCH_PRIVILEGE;
    }
    if (right_info(r)->is_right) {
        reason_set("'%s' is an account right, not a privilege; rights have no LUID", name);
        return GUESS_RIGHT_NOT_A_PRIVILEGE_STATUS;
    }
    *id = r;
    return STATUS_SUCCESS;
}

static NTSTATUS remote(const char *system)
{
    reason_set("system name '%s' is not this machine; no remote LSA is reachable",
               system ? system : "");
    return GUESS_REMOTE_SYSTEM_STATUS;
}

static NTSTATUS value_core(const struct policy *pol, bool local, const char *sys,
                           const char *name, PLUID luid)
{
    if (!local)
        return remote(sys);
    int id;
    NTSTATUS st = privilege_by_name(name, &id);
    if (st != STATUS_SUCCESS)
        return st;
    if (!luid) {
        reason_set("lpLuid is NULL"); /* Deviation: Windows faults. */
        return STATUS_INVALID_PARAMETER;
    }
    luid->LowPart = right_info(id)->luid;
    luid->HighPart = 0;
    reason_set("%s has LUID {%u, 0}", right_info(id)->name, (unsigned)luid->LowPart);
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI LookupPrivilegeValueA(LPCSTR lpSystemName, LPCSTR lpName, PLUID lpLuid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LookupPrivilegeValueA", NULL);
    trace_args("\"%s\", \"%s\"", lpSystemName ? lpSystemName : "(null)", lpName ? lpName : "(null)");
    if (st == STATUS_SUCCESS)
        st = value_core(c.pol, lookup_is_local_a(c.pol, lpSystemName), lpSystemName, lpName,
                        lpLuid);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI LookupPrivilegeValueW(LPCWSTR lpSystemName, LPCWSTR lpName,
                                                PLUID lpLuid)
{
    struct api_call c;
    char *sys = lookup_wstr_utf8(lpSystemName), *name = lookup_wstr_utf8(lpName);
    NTSTATUS st = api_enter(&c, "LookupPrivilegeValueW", NULL);
    trace_args("\"%s\", \"%s\"", trace_wstrz(lpSystemName, LOOKUP_MAX_UNITS),
               trace_wstrz(lpName, LOOKUP_MAX_UNITS));
    if (st == STATUS_SUCCESS)
        st = value_core(c.pol, lookup_is_local_a(c.pol, sys), sys, name, lpLuid);
    mem_free(sys);
    mem_free(name);
    return api_leave_bool(&c, st);
}

static NTSTATUS name_core(const struct policy *pol, bool local, const char *sys, PLUID luid,
                          void *buf, LPDWORD cch, bool wide)
{
    if (!local)
        return remote(sys);
    if (!luid) {
        reason_set("lpLuid is NULL"); /* Deviation: Windows faults. */
        return STATUS_INVALID_PARAMETER;
    }
    int id = luid->HighPart == 0 ? right_by_luid(luid->LowPart) : -1;
    if (id < 0) {
        reason_set("LUID {%u, %d} is not a privilege", (unsigned)luid->LowPart,
                   (int)luid->HighPart);
        return STATUS_NO_SUCH_PRIVILEGE;
    }
    const char *name = right_info(id)->name;
    NTSTATUS st = lookup_put_text(name, buf, cch, wide);
    if (st == STATUS_BUFFER_TOO_SMALL)
        reason_set("the name %s needs %u characters including the terminator", name,
                   cch ? (unsigned)*cch : 0);
    else if (st != STATUS_SUCCESS)
        reason_set("cchName or lpName is NULL");
    else
        reason_set("LUID {%u, 0} is %s", (unsigned)luid->LowPart, name);
    return st;
}

LSAEMU_EXPORT BOOL WINAPI LookupPrivilegeNameA(LPCSTR lpSystemName, PLUID lpLuid, LPSTR lpName,
                                               LPDWORD cchName)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LookupPrivilegeNameA", NULL);
    trace_args("\"%s\", {%u, %d}", lpSystemName ? lpSystemName : "(null)",
               lpLuid ? (unsigned)lpLuid->LowPart : 0, lpLuid ? (int)lpLuid->HighPart : 0);
    if (st == STATUS_SUCCESS)
        st = name_core(c.pol, lookup_is_local_a(c.pol, lpSystemName), lpSystemName, lpLuid,
                       lpName, cchName, false);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI LookupPrivilegeNameW(LPCWSTR lpSystemName, PLUID lpLuid, LPWSTR lpName,
                                               LPDWORD cchName)
{
    struct api_call c;
    char *sys = lookup_wstr_utf8(lpSystemName);
    NTSTATUS st = api_enter(&c, "LookupPrivilegeNameW", NULL);
    trace_args("\"%s\", {%u, %d}", trace_wstrz(lpSystemName, LOOKUP_MAX_UNITS),
               lpLuid ? (unsigned)lpLuid->LowPart : 0,
               lpLuid ? (int)lpLuid->HighPart : 0);
    if (st == STATUS_SUCCESS)
        st = name_core(c.pol, lookup_is_local_a(c.pol, sys), sys, lpLuid, lpName, cchName, true);
    mem_free(sys);
    return api_leave_bool(&c, st);
}

static NTSTATUS display_core(const struct policy *pol, bool local, const char *sys,
                             const char *name, void *buf, LPDWORD cch, LPDWORD lang, bool wide)
{
    if (!local)
        return remote(sys);
    int id;
    NTSTATUS st = privilege_by_name(name, &id);
    if (st != STATUS_SUCCESS)
        return st;
    const char *display = right_info(id)->display;
    st = lookup_put_text(display, buf, cch, wide);
    if (st == STATUS_BUFFER_TOO_SMALL) {
        reason_set("the display name of %s needs %u characters including the terminator",
                   right_info(id)->name, cch ? (unsigned)*cch : 0);
    } else if (st != STATUS_SUCCESS) {
        reason_set("cchDisplayName or lpDisplayName is NULL");
    } else {
        if (lang)
            *lang = GUESS_PRIVILEGE_DISPLAY_LANGID;
        reason_set("%s is shown as \"%s\"", right_info(id)->name, display);
    }
    return st;
}

LSAEMU_EXPORT BOOL WINAPI LookupPrivilegeDisplayNameA(LPCSTR lpSystemName, LPCSTR lpName,
                                                      LPSTR lpDisplayName, LPDWORD cchDisplayName,
                                                      LPDWORD lpLanguageId)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LookupPrivilegeDisplayNameA", NULL);
    trace_args("\"%s\", \"%s\"", lpSystemName ? lpSystemName : "(null)", lpName ? lpName : "(null)");
    if (st == STATUS_SUCCESS)
        st = display_core(c.pol, lookup_is_local_a(c.pol, lpSystemName), lpSystemName, lpName,
                          lpDisplayName, cchDisplayName, lpLanguageId, false);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI LookupPrivilegeDisplayNameW(LPCWSTR lpSystemName, LPCWSTR lpName,
                                                      LPWSTR lpDisplayName,
                                                      LPDWORD cchDisplayName,
                                                      LPDWORD lpLanguageId)
{
    struct api_call c;
    char *sys = lookup_wstr_utf8(lpSystemName), *name = lookup_wstr_utf8(lpName);
    NTSTATUS st = api_enter(&c, "LookupPrivilegeDisplayNameW", NULL);
    trace_args("\"%s\", \"%s\"", trace_wstrz(lpSystemName, LOOKUP_MAX_UNITS),
               trace_wstrz(lpName, LOOKUP_MAX_UNITS));
    if (st == STATUS_SUCCESS)
        st = display_core(c.pol, lookup_is_local_a(c.pol, sys), sys, name, lpDisplayName,
                          cchDisplayName, lpLanguageId, true);
    mem_free(sys);
    mem_free(name);
    return api_leave_bool(&c, st);
}
