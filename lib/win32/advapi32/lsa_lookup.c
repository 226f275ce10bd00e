/* SPDX-License-Identifier: MIT */
/*
 * The LSA's name and SID translation (behavior.md 3.13; i13-facts A3, B5):
 * LsaLookupNames2, LsaLookupNames (its first generation, which returns a
 * domain index and a RID instead of the SID) and LsaLookupSids. Both
 * buffers a look-up returns (the translations, the referenced domains) are
 * registered RETBUF_LSA_MEMORY blocks freed with LsaFreeMemory, published
 * together.
 *
 * Names are counted strings: a name holding a U+0000 ("alice\0evil" with a
 * Length covering both parts) names nothing, as Windows compares the whole
 * counted string.
 */
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/state/retbuf.h"
#include "win32/advapi32/lookup.h"
#include "win32/advapi32/lsa_policy.h"

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

/* Translates one caller's name; false when it names nothing, or with *oom
 * set when memory ran out. */
static bool translate_name(const struct policy *pol, const LSA_UNICODE_STRING *name,
                           struct lookup_result *r, bool *oom)
{
    if (lookup_ustr_has_nul(name))
        return false;
    char *text = lookup_ustr_utf8(name);
    if (!text) {
        *oom = true;
        return false;
    }
    bool ok = lookup_name(pol, text, r);
    mem_free(text);
    return ok;
}

/*
 * LsaLookupNames2 and LsaLookupNames: the same checks in the same order,
 * the same translation; first_gen selects the LSA_TRANSLATED_SID form
 * (RelativeId: the SID's last sub-authority, 0xFFFFFFFF for a domain; MS-LSAT
 * 3.1.4.8) over LSA_TRANSLATED_SID2 (the SID itself).
 */
static NTSTATUS lookup_names(struct api_call *c, const char *fn, LSA_HANDLE PolicyHandle,
                             ULONG Count, PLSA_UNICODE_STRING Names,
                             PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains, void **Sids,
                             bool first_gen)
{
    struct lookup_result *res = NULL;
    bool *ok = NULL;
    struct domains d = {0};
    NTSTATUS st;
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
    if ((st = lsa_policy_check(PolicyHandle, POLICY_LOOKUP_NAMES, fn)) != STATUS_SUCCESS)
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
    size_t mapped = 0;
    size_t size = Count * (first_gen ? sizeof(LSA_TRANSLATED_SID) : sizeof(LSA_TRANSLATED_SID2));
    bool oom = false;
    for (ULONG i = 0; i < Count && !oom; i++) {
        ok[i] = translate_name(c->pol, &Names[i], &res[i], &oom);
        if (ok[i]) {
            mapped++;
            if (!first_gen)
                size += sid_size(&res[i].sid);
        }
    }
    uint8_t *block = oom ? NULL : retbuf_new(size);
    if (!block) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory");
        goto out;
    }
    LSA_TRANSLATED_SID *v1 = (LSA_TRANSLATED_SID *)block;
    LSA_TRANSLATED_SID2 *v2 = (LSA_TRANSLATED_SID2 *)block;
    /* LSA_TRANSLATED_SID2's SIDs follow the array, in the same block. */
    uint8_t *p = first_gen ? NULL : block + Count * sizeof(LSA_TRANSLATED_SID2);
    for (ULONG i = 0; i < Count; i++) {
        SID_NAME_USE use = ok[i] ? (SID_NAME_USE)res[i].use : SidTypeUnknown;
        LONG index = ok[i] ? domains_add(&d, &res[i]) : -1;
        if (first_gen) {
            v1[i].Use = use;
            v1[i].DomainIndex = index;
            v1[i].RelativeId = !ok[i] || res[i].use == SID_USE_DOMAIN
                                   ? 0xFFFFFFFFu
                                   : sid_last_rid(&res[i].sid);
            continue;
        }
        v2[i].Use = use;
        v2[i].DomainIndex = index;
        if (!ok[i])
            continue;
        memcpy(p, &res[i].sid, sid_size(&res[i].sid));
        v2[i].Sid = p;
        p += sid_size(&res[i].sid);
    }
    st = lookup_publish(&d, block, size, mapped, Count, Sids, ReferencedDomains);
    if (st == STATUS_INSUFFICIENT_RESOURCES)
        goto out;
    reason_set("%zu of %u names mapped (%zu referenced domains)", mapped, (unsigned)Count, d.n);
out:
    mem_free(res);
    mem_free(ok);
    domains_free(&d);
    return st;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaLookupNames2(LSA_HANDLE PolicyHandle, ULONG Flags, ULONG Count,
                                             PLSA_UNICODE_STRING Names,
                                             PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains,
                                             PLSA_TRANSLATED_SID2 *Sids)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaLookupNames2", NULL);
    trace_args("%p, flags 0x%X, count %u", PolicyHandle, (unsigned)Flags, (unsigned)Count);
    if (st == STATUS_SUCCESS)
        st = lookup_names(&c, "LsaLookupNames2", PolicyHandle, Count, Names, ReferencedDomains,
                          (void **)Sids, false);
    return api_leave(&c, st);
}

/*
 * The first generation (i13-facts B5): the same limit (1000 names, the
 * page), access (POLICY_LOOKUP_NAMES), order of checks and translations as
 * LsaLookupNames2; unmapped names are SidTypeUnknown with DomainIndex -1.
 */
LSAEMU_EXPORT NTSTATUS NTAPI LsaLookupNames(LSA_HANDLE PolicyHandle, ULONG Count,
                                            PLSA_UNICODE_STRING Names,
                                            PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains,
                                            PLSA_TRANSLATED_SID *Sids)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaLookupNames", NULL);
    trace_args("%p, count %u", PolicyHandle, (unsigned)Count);
    if (st == STATUS_SUCCESS)
        st = lookup_names(&c, "LsaLookupNames", PolicyHandle, Count, Names, ReferencedDomains,
                          (void **)Sids, true);
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
