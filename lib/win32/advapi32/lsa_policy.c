/* SPDX-License-Identifier: MIT */
/*
 * The LSA policy object (behavior.md 3.12, 3.13): LsaOpenPolicy, LsaClose,
 * LsaFreeMemory, LsaLookupPrivilegeName/Value (the name look-ups are in
 * lsa_lookup.c). Every buffer returned is one registered RETBUF_LSA_MEMORY
 * block (structures, SIDs and strings together) freed with LsaFreeMemory.
 */
#include <stdio.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "core/model/rights.h"
#include "win32/advapi32/lookup.h"
#include "win32/advapi32/lsa_policy.h"
#include "core/diag/trace.h"

#define ALIGN_UP(n, a) (((n) + (a) - 1) & ~(size_t)((a) - 1))

/* A human-readable list of the POLICY_* bits in mask (static per thread). */
static const char *lsa_policy_access_text(uint32_t mask)
{
    static _Thread_local char buf[512];
    static const struct {
        uint32_t bit;
        const char *name;
    } bits[] = {
        {0x1, "VIEW_LOCAL_INFORMATION"}, {0x2, "VIEW_AUDIT_INFORMATION"},
        {0x4, "GET_PRIVATE_INFORMATION"}, {0x8, "TRUST_ADMIN"},
        {0x10, "CREATE_ACCOUNT"},         {0x20, "CREATE_SECRET"},
        {0x40, "CREATE_PRIVILEGE"},       {0x80, "SET_DEFAULT_QUOTA_LIMITS"},
        {0x100, "SET_AUDIT_REQUIREMENTS"}, {0x200, "AUDIT_LOG_ADMIN"},
        {0x400, "SERVER_ADMIN"},          {0x800, "LOOKUP_NAMES"},
        {0x1000, "NOTIFICATION"},
    };
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (mask & bits[i].bit)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%sPOLICY_%s", len ? "|" : "",
                                    bits[i].name);
    uint32_t rest = mask & ~0x1FFFu;
    if (rest && len < sizeof buf)
        snprintf(buf + len, sizeof buf - len, "%s0x%X", len ? "|" : "", (unsigned)rest);
    else if (!mask)
        snprintf(buf, sizeof buf, "0");
    return buf;
}

NTSTATUS lsa_policy_check(LSA_HANDLE h, uint32_t need, const char *fn)
{
    struct lsa_policy_object obj;
    uint32_t access = 0;
    if (!handles_copy((uintptr_t)h, HANDLE_POLICY, &obj, sizeof obj, &access)) {
        enum handle_kind k = handles_kind((uintptr_t)h);
        reason_set("%p is not an open LSA policy handle%s", h,
                   k == HANDLE_LSA_CONNECTION ? " (it is an LSA connection handle)"
                   : k == HANDLE_TOKEN        ? " (it is a token handle)"
                                              : "");
        return STATUS_INVALID_HANDLE;
    }
    if ((access & need) != need) {
        char missing[512];
        snprintf(missing, sizeof missing, "%s", lsa_policy_access_text(need & ~access));
        reason_set("%s needs %s on the policy handle; it was opened without it", fn, missing);
        return STATUS_ACCESS_DENIED;
    }
    return STATUS_SUCCESS;
}

/* ---- LsaOpenPolicy / LsaClose / LsaFreeMemory ------------------------------------------ */

static bool caller_is_admin(void)
{
    struct token *t = current_caller_token();
    if (!t)
        return false;
    struct sid admins = sid_make2(5, 32, 544), system = sid_make1(5, 18);
    bool yes = token_has_sid(t, &admins) || sid_equal(&t->user, &system);
    token_unref(t);
    return yes;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaOpenPolicy(PLSA_UNICODE_STRING SystemName,
                                           PLSA_OBJECT_ATTRIBUTES ObjectAttributes,
                                           ACCESS_MASK DesiredAccess, PLSA_HANDLE PolicyHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaOpenPolicy", NULL);
    trace_args("access 0x%08X", (unsigned)DesiredAccess);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!ObjectAttributes || !PolicyHandle) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("ObjectAttributes or PolicyHandle is NULL");
        goto out;
    }
    *PolicyHandle = NULL;
    if (!lookup_is_local_u(c.pol, SystemName)) {
        st = GUESS_POLICY_REMOTE_STATUS;
        reason_set("SystemName is not this machine; no remote LSA is reachable");
        goto out;
    }
    uint32_t want = DesiredAccess;
    if (want & GENERIC_READ)
        want |= POLICY_READ;
    if (want & GENERIC_WRITE)
        want |= POLICY_WRITE;
    if (want & GENERIC_EXECUTE)
        want |= POLICY_EXECUTE;
    if (want & GENERIC_ALL)
        want |= POLICY_ALL_ACCESS;
    bool maximum = (want & MAXIMUM_ALLOWED) != 0;
    want &= ~(uint32_t)(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL |
                        MAXIMUM_ALLOWED);
    bool admin = caller_is_admin();
    uint32_t allowed =
        admin ? (uint32_t)(POLICY_ALL_ACCESS | POLICY_NOTIFICATION) : GUESS_POLICY_ANYONE_ACCESS;
    if (want & ~allowed) {
        st = STATUS_ACCESS_DENIED;
        reason_set("only administrators may open the policy for %s; the caller is not one",
                   lsa_policy_access_text(want & ~allowed));
        goto out;
    }
    uint32_t granted = want | (maximum ? allowed : 0);
    struct lsa_policy_object *obj = mem_calloc(1, sizeof *obj);
    if (!obj) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    obj->opened_as_admin = admin;
    uintptr_t h = handles_insert(HANDLE_POLICY, obj, granted, NULL);
    if (!h) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    *PolicyHandle = (LSA_HANDLE)h;
    reason_set("policy opened for %s (caller %s an administrator)",
               lsa_policy_access_text(granted), admin ? "is" : "is not");
out:
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaClose(LSA_HANDLE ObjectHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaClose", NULL);
    trace_args("%p", ObjectHandle);
    if (st != STATUS_SUCCESS)
        return api_leave(&c, st);
    if (handles_close((uintptr_t)ObjectHandle, HANDLE_POLICY))
        return api_leave_quiet(&c, st, "policy handle closed");
    enum handle_kind k = handles_kind((uintptr_t)ObjectHandle);
    reason_set("%p is not an open LSA policy handle%s", ObjectHandle,
               k == HANDLE_LSA_CONNECTION
                   ? " (it is an LSA connection handle: close it with LsaDeregisterLogonProcess)"
               : k == HANDLE_TOKEN ? " (it is a token handle: close it with CloseHandle)"
                                   : "");
    return api_leave(&c, GUESS_LSA_CLOSE_BAD_HANDLE_STATUS);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaFreeMemory(PVOID Buffer)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaFreeMemory", NULL);
    trace_args("%p", Buffer);
    if (st != STATUS_SUCCESS)
        return api_leave(&c, st);
    if (!Buffer) {
        reason_set("LsaFreeMemory(NULL)");
        return api_leave(&c, GUESS_LSA_FREE_MEMORY_NULL_STATUS);
    }
    if (retbuf_free(Buffer, RETBUF_LSA_MEMORY) == 0)
        return api_leave_quiet(&c, st, "buffer freed");
    reason_set("%p is not a buffer from the LSA policy functions%s", Buffer,
               retbuf_is(Buffer, RETBUF_LSA_RETURN) ? " (free it with LsaFreeReturnBuffer)"
               : retbuf_is(Buffer, RETBUF_LOCAL)    ? " (free it with LocalFree)"
               : retbuf_is(Buffer, RETBUF_SID)      ? " (free it with FreeSid)"
                                                    : "");
    return api_leave(&c, GUESS_LSA_FREE_MEMORY_FOREIGN_STATUS);
}

/* ---- Privilege names ---------------------------------------------------------------------- */

LSAEMU_EXPORT NTSTATUS NTAPI LsaLookupPrivilegeName(LSA_HANDLE PolicyHandle, PLUID Value,
                                                    PLSA_UNICODE_STRING *Name)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaLookupPrivilegeName", NULL);
    trace_args("%p, {%u, %d}", PolicyHandle, Value ? (unsigned)Value->LowPart : 0,
               Value ? (int)Value->HighPart : 0);
    if (st != STATUS_SUCCESS)
        goto out;
    if ((st = lsa_policy_check(PolicyHandle, GUESS_LOOKUP_PRIVILEGE_ACCESS,
                               "LsaLookupPrivilegeName")) != STATUS_SUCCESS)
        goto out;
    if (!Value || !Name) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("Value or Name is NULL");
        goto out;
    }
    int id = Value->HighPart == 0 ? right_by_luid(Value->LowPart) : -1;
    if (id < 0) {
        *Name = NULL;
        st = STATUS_NO_SUCH_PRIVILEGE;
        reason_set("LUID {%u, %d} is not a privilege", (unsigned)Value->LowPart,
                   (int)Value->HighPart);
        goto out;
    }
    const char *text = right_info(id)->name;
    size_t units = lookup_utf16_len(text);
    size_t size = sizeof(LSA_UNICODE_STRING) + 2 * (units + 1);
    LSA_UNICODE_STRING *u = retbuf_new(size);
    if (!u) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    u->Buffer = (PWSTR)(u + 1);
    lookup_copy_text(text, u->Buffer, true);
    u->Length = (USHORT)(2 * units);
    u->MaximumLength = (USHORT)(2 * (units + 1));
    if (retbuf_publish(u, RETBUF_LSA_MEMORY, size) != 0) {
        retbuf_discard(u);
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    *Name = u;
    reason_set("LUID {%u, 0} is %s", (unsigned)Value->LowPart, text);
out:
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaLookupPrivilegeValue(LSA_HANDLE PolicyHandle,
                                                     PLSA_UNICODE_STRING Name, PLUID Value)
{
    struct api_call c;
    char *text = NULL;
    NTSTATUS st = api_enter(&c, "LsaLookupPrivilegeValue", NULL);
    trace_args("%p", PolicyHandle);
    if (st != STATUS_SUCCESS)
        goto out;
    if ((st = lsa_policy_check(PolicyHandle, GUESS_LOOKUP_PRIVILEGE_ACCESS,
                               "LsaLookupPrivilegeValue")) != STATUS_SUCCESS)
        goto out;
    if (!Name || !Value) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("Name or Value is NULL");
        goto out;
    }
    text = lookup_ustr_utf8(Name);
    /* A U+0000 inside the counted name: no privilege (lookup.h). */
    int id = text && !lookup_ustr_has_nul(Name) ? right_by_name(text) : -1;
    if (id < 0 || right_info(id)->is_right) {
        st = STATUS_NO_SUCH_PRIVILEGE;
        reason_set("'%s' is not a privilege%s", text ? text : "",
                   id >= 0 ? " (it is an account right, which has no LUID)" : "");
        goto out;
    }
    Value->LowPart = right_info(id)->luid;
    Value->HighPart = 0;
    reason_set("%s has LUID {%u, 0}", right_info(id)->name, (unsigned)Value->LowPart);
out:
    mem_free(text);
    return api_leave(&c, st);
}
