/* SPDX-License-Identifier: MIT */
/*
 * The LSA policy object (behavior.md 3.12, 3.13): LsaOpenPolicy, LsaClose,
 * LsaFreeMemory, LsaLookupPrivilegeName/Value, LsaLookupNames2 and
 * LsaLookupSids. Every buffer returned is one registered RETBUF_LSA_MEMORY
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
    int id = text ? right_by_name(text) : -1;
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

/* ---- LsaLookupNames2 / LsaLookupSids --------------------------------------------------------- */

/* LsaLookupSids' page: Count "must be less than or equal to 20480";
 * STATUS_TOO_MANY_SIDS when "The Sids array parameter was too large". */
#define LOOKUP_SIDS_MAX 20480u

/* The count limit of a look-up (GUESS_LOOKUP_NAMES_MAX, LOOKUP_SIDS_MAX).
 * It bounds every allocation below, which are all sized by the count: with
 * a caller's count of 0xFFFFFFFF they would ask for terabytes. */
static NTSTATUS lookup_check_count(ULONG count, ULONG max, NTSTATUS too_many, const char *what)
{
    if (count <= max)
        return STATUS_SUCCESS;
    reason_set("Count is %lu; at most %lu %s can be looked up in one call",
               (unsigned long)count, (unsigned long)max, what);
    return too_many;
}

/* The referenced domains of one look-up, deduplicated by SID. */
struct domains {
    struct sid *sid;
    char (*name)[256];
    size_t n;
};

static LONG domains_add(struct domains *d, const struct lookup_result *r)
{
    if (!r->has_domain)
        return -1;
    for (size_t i = 0; i < d->n; i++)
        if (sid_equal(&d->sid[i], &r->domain_sid))
            return (LONG)i;
    d->sid[d->n] = r->domain_sid;
    snprintf(d->name[d->n], sizeof d->name[0], "%s", r->domain);
    return (LONG)d->n++;
}

/* One LsaFreeMemory block, unpublished: the list, its LSA_TRUST_INFORMATION
 * array, SIDs, names. *size receives its size. */
static PLSA_REFERENCED_DOMAIN_LIST domains_block(const struct domains *d, size_t *size_out)
{
    size_t size = sizeof(LSA_REFERENCED_DOMAIN_LIST) + d->n * sizeof(LSA_TRUST_INFORMATION);
    for (size_t i = 0; i < d->n; i++)
        size += sid_size(&d->sid[i]) + 2 * (lookup_utf16_len(d->name[i]) + 1);
    *size_out = size;
    LSA_REFERENCED_DOMAIN_LIST *list = retbuf_new(size);
    if (!list)
        return NULL;
    LSA_TRUST_INFORMATION *ti = (LSA_TRUST_INFORMATION *)(list + 1);
    uint8_t *p = (uint8_t *)(ti + d->n);
    list->Entries = (ULONG)d->n;
    list->Domains = d->n ? ti : NULL;
    for (size_t i = 0; i < d->n; i++) {
        memcpy(p, &d->sid[i], sid_size(&d->sid[i]));
        ti[i].Sid = p;
        p += sid_size(&d->sid[i]);
    }
    for (size_t i = 0; i < d->n; i++) {
        size_t units = lookup_utf16_len(d->name[i]);
        lookup_copy_text(d->name[i], p, true);
        ti[i].Name.Buffer = (PWSTR)p;
        ti[i].Name.Length = (USHORT)(2 * units);
        ti[i].Name.MaximumLength = (USHORT)(2 * (units + 1));
        p += 2 * (units + 1);
    }
    return list;
}

static bool domains_init(struct domains *d, size_t count)
{
    d->n = 0;
    d->sid = mem_calloc(count + 1, sizeof *d->sid);
    d->name = mem_calloc(count + 1, sizeof *d->name);
    return d->sid && d->name;
}

static void domains_free(struct domains *d)
{
    mem_free(d->sid);
    mem_free(d->name);
}

static NTSTATUS mapped_status(size_t mapped, size_t count)
{
    return mapped == count ? STATUS_SUCCESS : mapped ? STATUS_SOME_NOT_MAPPED : STATUS_NONE_MAPPED;
}

/* The working arrays of a look-up of count items (results, mapped flags,
 * referenced domains). On failure sets the reason and returns the status. */
static NTSTATUS lookup_alloc(ULONG count, struct lookup_result **res, bool **ok,
                             struct domains *d)
{
    *res = mem_calloc(count, sizeof **res);
    *ok = mem_calloc(count, sizeof **ok);
    if (!*res || !*ok || !domains_init(d, count)) {
        reason_set("out of memory");
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

/*
 * Ends a look-up whose translated array (an unpublished LsaFreeMemory block
 * of size bytes) is filled: builds the referenced-domain list and publishes
 * both together for the caller (a reset frees both or neither), or frees
 * both when nothing mapped and the caller gets none (GUESS_). Returns the
 * look-up's status; the translated array is freed on every failure.
 */
static NTSTATUS lookup_publish(struct domains *d, void *translated, size_t size, size_t mapped,
                               ULONG count, void **out_translated,
                               PLSA_REFERENCED_DOMAIN_LIST *out_domains)
{
    size_t list_size = 0;
    PLSA_REFERENCED_DOMAIN_LIST list = domains_block(d, &list_size);
    NTSTATUS st = mapped_status(mapped, count);
    struct retbuf_pub both[] = {{translated, RETBUF_LSA_MEMORY, size},
                                {list, RETBUF_LSA_MEMORY, list_size}};
    bool none = st == STATUS_NONE_MAPPED && !GUESS_LOOKUP_NONE_MAPPED_RETURNS_BUFFERS;
    if (!list || (!none && retbuf_publish_all(both, 2) != 0)) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
    }
    if (st == STATUS_INSUFFICIENT_RESOURCES || none) {
        retbuf_discard(translated);
        retbuf_discard(list);
        return st;
    }
    *out_translated = translated;
    *out_domains = list;
    return st;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaLookupNames2(LSA_HANDLE PolicyHandle, ULONG Flags, ULONG Count,
                                             PLSA_UNICODE_STRING Names,
                                             PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains,
                                             PLSA_TRANSLATED_SID2 *Sids)
{
    struct api_call c;
    struct lookup_result *res = NULL;
    bool *ok = NULL;
    struct domains d = {0};
    NTSTATUS st = api_enter(&c, "LsaLookupNames2", NULL);
    trace_args("%p, flags 0x%X, count %u", PolicyHandle, (unsigned)Flags, (unsigned)Count);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!ReferencedDomains || !Sids) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("ReferencedDomains or Sids is NULL");
        goto out;
    }
    *ReferencedDomains = NULL;
    *Sids = NULL;
    if (GUESS_LOOKUP_COUNT_BEFORE_HANDLE &&
        (st = lookup_check_count(Count, GUESS_LOOKUP_NAMES_MAX,
                                 GUESS_LOOKUP_TOO_MANY_NAMES_STATUS, "names")) != STATUS_SUCCESS)
        goto out;
    if ((st = lsa_policy_check(PolicyHandle, POLICY_LOOKUP_NAMES, "LsaLookupNames2")) !=
        STATUS_SUCCESS)
        goto out;
    if (!GUESS_LOOKUP_COUNT_BEFORE_HANDLE &&
        (st = lookup_check_count(Count, GUESS_LOOKUP_NAMES_MAX,
                                 GUESS_LOOKUP_TOO_MANY_NAMES_STATUS, "names")) != STATUS_SUCCESS)
        goto out;
    if (!Count || !Names) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("no names given (Count 0 or Names NULL)");
        goto out;
    }
    if ((st = lookup_alloc(Count, &res, &ok, &d)) != STATUS_SUCCESS)
        goto out;
    size_t mapped = 0, size = Count * sizeof(LSA_TRANSLATED_SID2);
    for (ULONG i = 0; i < Count; i++) {
        char *text = lookup_ustr_utf8(&Names[i]);
        ok[i] = text && lookup_name(c.pol, text, &res[i]);
        mem_free(text);
        if (ok[i]) {
            mapped++;
            size += sid_size(&res[i].sid);
        }
    }
    LSA_TRANSLATED_SID2 *out_sids = retbuf_new(size);
    if (!out_sids) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    uint8_t *p = (uint8_t *)(out_sids + Count);
    for (ULONG i = 0; i < Count; i++) {
        if (!ok[i]) {
            out_sids[i].Use = SidTypeUnknown;
            out_sids[i].DomainIndex = -1;
            continue;
        }
        out_sids[i].Use = (SID_NAME_USE)res[i].use;
        memcpy(p, &res[i].sid, sid_size(&res[i].sid));
        out_sids[i].Sid = p;
        p += sid_size(&res[i].sid);
        out_sids[i].DomainIndex = domains_add(&d, &res[i]);
    }
    void *published = NULL;
    st = lookup_publish(&d, out_sids, size, mapped, Count, &published, ReferencedDomains);
    *Sids = published;
    if (st == STATUS_INSUFFICIENT_RESOURCES)
        goto out;
    reason_set("%zu of %u names mapped (%zu referenced domains)", mapped, (unsigned)Count, d.n);
out:
    mem_free(res);
    mem_free(ok);
    domains_free(&d);
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaLookupSids(LSA_HANDLE PolicyHandle, ULONG Count, PSID *Sids,
                                           PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains,
                                           PLSA_TRANSLATED_NAME *Names)
{
    struct api_call c;
    struct lookup_result *res = NULL;
    bool *ok = NULL;
    struct domains d = {0};
    NTSTATUS st = api_enter(&c, "LsaLookupSids", NULL);
    trace_args("%p, count %u", PolicyHandle, (unsigned)Count);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!ReferencedDomains || !Names) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("ReferencedDomains or Names is NULL");
        goto out;
    }
    *ReferencedDomains = NULL;
    *Names = NULL;
    if (GUESS_LOOKUP_COUNT_BEFORE_HANDLE &&
        (st = lookup_check_count(Count, LOOKUP_SIDS_MAX, STATUS_TOO_MANY_SIDS, "SIDs")) !=
            STATUS_SUCCESS)
        goto out;
    if ((st = lsa_policy_check(PolicyHandle, POLICY_LOOKUP_NAMES, "LsaLookupSids")) !=
        STATUS_SUCCESS)
        goto out;
    if (!GUESS_LOOKUP_COUNT_BEFORE_HANDLE &&
        (st = lookup_check_count(Count, LOOKUP_SIDS_MAX, STATUS_TOO_MANY_SIDS, "SIDs")) !=
            STATUS_SUCCESS)
        goto out;
    if (!Count || !Sids) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("no SIDs given (Count 0 or Sids NULL)");
        goto out;
    }
    if ((st = lookup_alloc(Count, &res, &ok, &d)) != STATUS_SUCCESS)
        goto out;
    size_t mapped = 0, size = Count * sizeof(LSA_TRANSLATED_NAME);
    for (ULONG i = 0; i < Count; i++) {
        struct sid s;
        if (!lookup_read_sid(Sids[i], &s)) {
            st = GUESS_LOOKUP_INVALID_SID_STATUS;
            reason_set("Sids[%u] is NULL or not a valid SID", (unsigned)i);
            goto out;
        }
        ok[i] = lookup_sid(c.pol, &s, &res[i]);
        if (ok[i]) {
            mapped++;
        } else {
            res[i].sid = s;
            if (GUESS_UNMAPPED_SID_NAME_IS_STRING)
                sid_format(&s, res[i].name);
        }
        size += 2 * (lookup_utf16_len(res[i].name) + 1);
    }
    LSA_TRANSLATED_NAME *out_names = retbuf_new(size);
    if (!out_names) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    uint8_t *p = (uint8_t *)(out_names + Count);
    for (ULONG i = 0; i < Count; i++) {
        size_t units = lookup_utf16_len(res[i].name);
        lookup_copy_text(res[i].name, p, true);
        out_names[i].Name.Buffer = (PWSTR)p;
        out_names[i].Name.Length = (USHORT)(2 * units);
        out_names[i].Name.MaximumLength = (USHORT)(2 * (units + 1));
        p += 2 * (units + 1);
        out_names[i].Use = ok[i] ? (SID_NAME_USE)res[i].use : SidTypeUnknown;
        out_names[i].DomainIndex = ok[i] ? domains_add(&d, &res[i]) : -1;
    }
    void *published = NULL;
    st = lookup_publish(&d, out_names, size, mapped, Count, &published, ReferencedDomains);
    *Names = published;
    if (st == STATUS_INSUFFICIENT_RESOURCES)
        goto out;
    reason_set("%zu of %u SIDs mapped (%zu referenced domains)", mapped, (unsigned)Count, d.n);
out:
    mem_free(res);
    mem_free(ok);
    domains_free(&d);
    return api_leave(&c, st);
}
