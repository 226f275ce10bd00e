/* SPDX-License-Identifier: MIT */
/*
 * What the LSA says about the machine and the caller: LsaQueryInformationPolicy
 * (the account, primary and DNS domain classes; i13-facts B6) and
 * LsaGetUserName (i13-facts B7). Every answer is one registered
 * RETBUF_LSA_MEMORY block (structure and strings together) that the caller
 * frees with LsaFreeMemory; strings have MaximumLength = Length + 2 and a
 * terminating NUL, as the LSA's strings do (W-lsa).
 */
#include <stdio.h>
#include <string.h>

#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/state/current.h"
#include "core/state/retbuf.h"
#include "win32/advapi32/lookup.h"
#include "win32/advapi32/lsa_policy.h"

/* Builds one block: a fixed part of head bytes, then room for the given
 * SIDs and strings; the caller lays them out with put_sid / put_text. */
struct block {
    uint8_t *base, *next;
    size_t size;
};

static bool block_new(struct block *b, size_t head, const char *const *texts, size_t n_texts,
                      const struct sid *const *sids, size_t n_sids)
{
    size_t size = (head + 7) & ~(size_t)7;
    for (size_t i = 0; i < n_sids; i++)
        size += sids[i] ? sid_size(sids[i]) : 0;
    for (size_t i = 0; i < n_texts; i++)
        size += 2 * (lookup_utf16_len(texts[i]) + 1);
    b->base = retbuf_new(size);
    b->next = b->base ? b->base + ((head + 7) & ~(size_t)7) : NULL;
    b->size = size;
    return b->base != NULL;
}

static PSID put_sid(struct block *b, const struct sid *s)
{
    if (!s)
        return NULL;
    PSID p = b->next;
    memcpy(p, s, sid_size(s));
    b->next += sid_size(s);
    return p;
}

static void put_text(struct block *b, LSA_UNICODE_STRING *u, const char *text)
{
    size_t units = lookup_utf16_len(text);
    lookup_copy_text(text, b->next, true);
    u->Buffer = (PWSTR)b->next;
    u->Length = (USHORT)(2 * units);
    u->MaximumLength = (USHORT)(2 * (units + 1));
    b->next += 2 * (units + 1);
}

/* The access each class needs (the page: VIEW_AUDIT_INFORMATION for the
 * audit classes, GET_PRIVATE_INFORMATION for PdAccount,
 * VIEW_LOCAL_INFORMATION for the others), 0 for a value that is no class. */
static uint32_t class_access(int cls)
{
    switch (cls) {
    case PolicyAuditLogInformation:
    case PolicyAuditEventsInformation:
    case PolicyAuditFullSetInformation:
    case PolicyAuditFullQueryInformation:
        return POLICY_VIEW_AUDIT_INFORMATION;
    case PolicyPdAccountInformation:
        return POLICY_GET_PRIVATE_INFORMATION;
    case PolicyPrimaryDomainInformation:
    case PolicyAccountDomainInformation:
    case PolicyLsaServerRoleInformation:
    case PolicyReplicaSourceInformation:
    case PolicyDefaultQuotaInformation:
    case PolicyModificationInformation:
    case PolicyDnsDomainInformation:
    case PolicyDnsDomainInformationInt:
    case PolicyLocalAccountDomainInformation:
    case PolicyMachineAccountInformation:
        return POLICY_VIEW_LOCAL_INFORMATION;
    default:
        return 0;
    }
}

/* The domain facts of the machine: the account domain (the machine), and
 * the primary domain (the joined domain, or the workgroup with no SID). */
struct domain_facts {
    char primary[256];
    bool joined;
    struct sid primary_sid;
};

static void domain_facts(const struct policy *pol, struct domain_facts *f)
{
    char netbios[16];
    f->joined = lookup_joined_domain(pol, netbios, sizeof netbios, &f->primary_sid);
    snprintf(f->primary, sizeof f->primary, "%s", f->joined ? netbios : GUESS_WORKGROUP_NAME);
}

static NTSTATUS account_domain(const struct policy *pol, struct block *b)
{
    const char *texts[] = {pol->machine_name};
    const struct sid *sids[] = {&pol->machine_sid};
    if (!block_new(b, sizeof(POLICY_ACCOUNT_DOMAIN_INFO), texts, 1, sids, 1))
        return STATUS_INSUFFICIENT_RESOURCES;
    POLICY_ACCOUNT_DOMAIN_INFO *info = (POLICY_ACCOUNT_DOMAIN_INFO *)b->base;
    info->DomainSid = put_sid(b, &pol->machine_sid);
    put_text(b, &info->DomainName, pol->machine_name);
    reason_set("the account domain is %s", pol->machine_name);
    return STATUS_SUCCESS;
}

static NTSTATUS primary_domain(const struct policy *pol, struct block *b)
{
    struct domain_facts f;
    domain_facts(pol, &f);
    const char *texts[] = {f.primary};
    const struct sid *sids[] = {f.joined ? &f.primary_sid : NULL};
    if (!block_new(b, sizeof(POLICY_PRIMARY_DOMAIN_INFO), texts, 1, sids, 1))
        return STATUS_INSUFFICIENT_RESOURCES;
    POLICY_PRIMARY_DOMAIN_INFO *info = (POLICY_PRIMARY_DOMAIN_INFO *)b->base;
    info->Sid = put_sid(b, sids[0]);
    put_text(b, &info->Name, f.primary);
    reason_set(f.joined ? "the machine is joined to %s" : "the machine is in workgroup %s "
                                                           "(no SID: standalone)",
               f.primary);
    return STATUS_SUCCESS;
}

static NTSTATUS dns_domain(const struct policy *pol, struct block *b)
{
    struct domain_facts f;
    domain_facts(pol, &f);
    const char *dns = f.joined && pol->domain.dns_name ? pol->domain.dns_name : "";
    const char *texts[] = {f.primary, dns, dns};
    const struct sid *sids[] = {f.joined ? &f.primary_sid : NULL};
    if (!block_new(b, sizeof(POLICY_DNS_DOMAIN_INFO), texts, 3, sids, 1))
        return STATUS_INSUFFICIENT_RESOURCES;
    POLICY_DNS_DOMAIN_INFO *info = (POLICY_DNS_DOMAIN_INFO *)b->base;
    info->Sid = put_sid(b, sids[0]);
    put_text(b, &info->Name, f.primary);
    put_text(b, &info->DnsDomainName, dns);
    /* lsaemu models no forest: the domain is its own root [guess]. */
    put_text(b, &info->DnsForestName, dns);
    if (f.joined) {
        /* Deviation: the policy names no domain GUID, so it is made from
         * the domain's SID; a workgroup's is GUID_NULL (W-lsa). */
        memcpy(&info->DomainGuid, &f.primary_sid.sub[1], sizeof info->DomainGuid - 4);
        memcpy((uint8_t *)&info->DomainGuid + 12, &f.primary_sid.sub[1], 4);
    }
    reason_set(f.joined ? "the machine is joined to %s (%s)" : "the machine is in workgroup %s%s",
               f.primary, dns);
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaQueryInformationPolicy(LSA_HANDLE PolicyHandle,
                                                       POLICY_INFORMATION_CLASS InformationClass,
                                                       PVOID *Buffer)
{
    struct api_call c;
    struct block b = {0};
    int cls = (int)InformationClass;
    NTSTATUS st = api_enter(&c, "LsaQueryInformationPolicy", NULL);
    trace_args("%p, class %d", PolicyHandle, cls);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!Buffer) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("Buffer is NULL");
        goto out;
    }
    *Buffer = NULL;
    if ((st = lsa_policy_check(PolicyHandle, 0, "LsaQueryInformationPolicy")) != STATUS_SUCCESS)
        goto out;
    /* MS-LSAD LsarQueryInformationPolicy: an information class that is no
     * class is STATUS_INVALID_PARAMETER [guess, i13-facts B6]; the access a
     * class needs is checked once the class is known. */
    uint32_t need = class_access(cls);
    if (!need) {
        st = GUESS_QUERY_POLICY_BAD_CLASS_STATUS;
        reason_set("%d is not a POLICY_INFORMATION_CLASS", cls);
        goto out;
    }
    if ((st = lsa_policy_check(PolicyHandle, need, "LsaQueryInformationPolicy")) !=
        STATUS_SUCCESS)
        goto out;
    switch (cls) {
    case PolicyAccountDomainInformation:
    case PolicyLocalAccountDomainInformation:
        st = account_domain(c.pol, &b);
        break;
    case PolicyPrimaryDomainInformation:
        st = primary_domain(c.pol, &b);
        break;
    case PolicyDnsDomainInformation:
        st = dns_domain(c.pol, &b);
        break;
    default:
        /* Deviation: a real class lsaemu does not answer (auditing, server
         * role, quotas ...); Windows answers it. */
        st = STATUS_NOT_IMPLEMENTED;
        reason_set("information class %d is real but lsaemu does not emulate it; it answers "
                   "PolicyAccountDomainInformation, PolicyPrimaryDomainInformation, "
                   "PolicyDnsDomainInformation and PolicyLocalAccountDomainInformation",
                   cls);
        goto out;
    }
    if (st == STATUS_SUCCESS && retbuf_publish(b.base, RETBUF_LSA_MEMORY, b.size) != 0)
        st = STATUS_INSUFFICIENT_RESOURCES;
    if (st != STATUS_SUCCESS) {
        retbuf_discard(b.base);
        reason_set("out of memory");
        goto out;
    }
    *Buffer = b.base;
out:
    return api_leave(&c, st);
}

/* One UNICODE_STRING with its text after it, unpublished. */
static PUNICODE_STRING string_block(const char *text, size_t *size)
{
    struct block b;
    const char *texts[] = {text};
    if (!block_new(&b, sizeof(UNICODE_STRING), texts, 1, NULL, 0))
        return NULL;
    put_text(&b, (LSA_UNICODE_STRING *)b.base, text);
    *size = b.size;
    return (PUNICODE_STRING)b.base;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaGetUserName(PUNICODE_STRING *UserName, PUNICODE_STRING *DomainName)
{
    struct api_call c;
    struct lookup_result r;
    PUNICODE_STRING user = NULL, dom = NULL;
    size_t user_size = 0, dom_size = 0;
    NTSTATUS st = api_enter(&c, "LsaGetUserName", NULL);
    trace_args("%p, %p", (void *)UserName, (void *)DomainName);
    if (st != STATUS_SUCCESS)
        goto out;
    /* W-lsa test_LsaGetUserName: UserName is required (NULL faults),
     * DomainName optional. */
    if (!UserName) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("UserName is NULL (Deviation: Windows faults)");
        goto out;
    }
    /* The caller's token: the thread's when it impersonates. */
    struct token *t = current_caller_token();
    bool named = t && lookup_sid(c.pol, &t->user, &r);
    if (t)
        token_unref(t);
    if (!named) {
        st = STATUS_NONE_MAPPED;
        reason_set("the caller's token belongs to no account the policy names");
        goto out;
    }
    user = string_block(r.name, &user_size);
    dom = DomainName ? string_block(r.domain, &dom_size) : NULL;
    struct retbuf_pub both[] = {{user, RETBUF_LSA_MEMORY, user_size},
                                {dom, RETBUF_LSA_MEMORY, dom_size}};
    if (!user || (DomainName && !dom) || retbuf_publish_all(both, 2) != 0) {
        retbuf_discard(user);
        retbuf_discard(dom);
        st = STATUS_NO_MEMORY;
        reason_set("out of memory");
        goto out;
    }
    *UserName = user;
    if (DomainName)
        *DomainName = dom;
    reason_set("the caller is %s\\%s (free both with LsaFreeMemory)", r.domain, r.name);
out:
    return api_leave(&c, st);
}
