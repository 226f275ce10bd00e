/* SPDX-License-Identifier: MIT */
/*
 * LsaManageSidNameMapping (ntsecapi.h; Advapi32, as its callers import it):
 * registers names for SIDs with the LSA's look-ups, the way a service host
 * registers a domain of virtual accounts ("S-1-5-99=ABC",
 * "S-1-5-99-1-2-3=ABC\User", i13-facts B8). A domain is added first (an
 * empty AccountName), then accounts whose SIDs extend the domain's.
 *
 * Mappings then answer LookupAccountName/Sid and LsaLookupNames[2]/Sids.
 * They change the policy in force through current_mutate(), the path of
 * LsaAddAccountRights, so a reset keeps them and a load replaces them;
 * lsaemu_save_policy_file() does not write them (policy.h: the LSA keeps
 * them in memory only).
 *
 * Results: STATUS_SUCCESS, or STATUS_INVALID_PARAMETER for a conflict or a
 * malformed input, with *OpOutput (freed with LsaFreeMemory) saying which
 * (LSA_SID_NAME_MAPPING_OPERATION_ERROR); without SeTcbPrivilege enabled
 * GUESS_SID_MAPPING_NO_TCB_STATUS and no output. An AddMultiple is
 * all-or-nothing.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/model/policy_build.h"
#include "core/state/current.h"
#include "core/state/retbuf.h"
#include "win32/advapi32/lookup.h"
#include "win32/caller.h"

/* One mapping to add or remove, read from the caller's input. */
struct map_item {
    char *domain, *name; /* owned */
    struct sid sid;      /* adds only */
};

struct map_op {
    bool remove;
    struct map_item *items;
    size_t n;
    LSA_SID_NAME_MAPPING_OPERATION_ERROR error; /* set when the change is refused */
};

static void op_free(struct map_op *op)
{
    for (size_t i = 0; i < op->n; i++) {
        mem_free(op->items[i].domain);
        mem_free(op->items[i].name);
    }
    mem_free(op->items);
}

/* A counted name of the input: STATUS_SUCCESS, STATUS_INVALID_PARAMETER
 * when malformed or STATUS_NO_MEMORY (the reason set). */
static NTSTATUS read_name(const UNICODE_STRING *u, const char *field, char **out)
{
    if ((u->Length & 1) || u->Length > u->MaximumLength || (u->Length && !u->Buffer) ||
        lookup_ustr_has_nul((const LSA_UNICODE_STRING *)u)) {
        reason_set("%s is not a well-formed counted string (odd length, Length above "
                   "MaximumLength, NULL Buffer or a U+0000 inside)",
                   field);
        return STATUS_INVALID_PARAMETER;
    }
    *out = lookup_ustr_utf8((const LSA_UNICODE_STRING *)u);
    if (!*out) {
        reason_set("out of memory");
        return STATUS_NO_MEMORY;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS read_add(const LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT *in, struct map_item *it)
{
    NTSTATUS st = read_name(&in->DomainName, "DomainName", &it->domain);
    if (st == STATUS_SUCCESS)
        st = read_name(&in->AccountName, "AccountName", &it->name);
    if (st != STATUS_SUCCESS)
        return st;
    if (!*it->domain) {
        reason_set("DomainName is empty");
        return STATUS_INVALID_PARAMETER;
    }
    if (!lookup_read_sid(in->Sid, &it->sid)) {
        reason_set("Sid is NULL or not a valid SID");
        return STATUS_INVALID_PARAMETER;
    }
    return STATUS_SUCCESS;
}

/* Is name the name of a domain the LSA knows without mappings? */
static bool builtin_domain(const struct policy *pol, const char *name)
{
    static const char *const names[] = {"BUILTIN", "NT AUTHORITY", "Mandatory Label",
                                        "NT SERVICE", "APPLICATION PACKAGE AUTHORITY"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(name, names[i]))
            return true;
    return !strcasecmp(name, pol->machine_name);
}

/* Does the SID already name something? */
static bool sid_taken(const struct policy *pol, const struct sid *s)
{
    struct lookup_result r;
    return sid_equal(s, &pol->machine_sid) || lookup_sid(pol, s, &r);
}

/* Checks one add against pol (the copy, with the batch's earlier adds in
 * it): 0 fine, else the error, with the reason set. */
static LSA_SID_NAME_MAPPING_OPERATION_ERROR check_add(const struct policy *pol,
                                                      const struct map_item *it)
{
    char text[SID_STRING_MAX];
    sid_format(&it->sid, text);
    if (!*it->name) {
        /* A domain: S-1-5-X with X in SECURITY_MIN_BASE_RID ..
         * SECURITY_MAX_BASE_RID [guess]. */
        if (sid_authority(&it->sid) != 5 || it->sid.count != 1 ||
            it->sid.sub[0] < GUESS_SID_MAPPING_MIN_DOMAIN_RID ||
            it->sid.sub[0] > GUESS_SID_MAPPING_MAX_DOMAIN_RID) {
            reason_set("%s cannot be a mapped domain: it must be S-1-5-X with X from %u to %u",
                       text, GUESS_SID_MAPPING_MIN_DOMAIN_RID, GUESS_SID_MAPPING_MAX_DOMAIN_RID);
            return LsaSidNameMappingOperation_NonMappingError;
        }
        if (builtin_domain(pol, it->domain) || policy_find_mapping(pol, it->domain, "")) {
            reason_set("a domain named '%s' exists already", it->domain);
            return LsaSidNameMappingOperation_NameCollision;
        }
        if (sid_taken(pol, &it->sid)) {
            reason_set("%s names something already", text);
            return LsaSidNameMappingOperation_SidCollision;
        }
        return LsaSidNameMappingOperation_Success;
    }
    const struct sid_mapping *dom = policy_find_mapping(pol, it->domain, "");
    if (!dom) {
        reason_set("no mapped domain is named '%s' (add the domain first)", it->domain);
        return LsaSidNameMappingOperation_DomainNotFound;
    }
    bool prefix = it->sid.count > dom->sid.count &&
                  memcmp(it->sid.authority, dom->sid.authority, 6) == 0 &&
                  memcmp(it->sid.sub, dom->sid.sub, 4 * (size_t)dom->sid.count) == 0;
    if (!prefix) {
        char dtext[SID_STRING_MAX];
        reason_set("%s does not extend the SID of domain %s (%s)", text, dom->domain,
                   sid_format(&dom->sid, dtext));
        return LsaSidNameMappingOperation_DomainSidPrefixMismatch;
    }
    if (policy_find_mapping(pol, it->domain, it->name)) {
        reason_set("%s\\%s is mapped already", dom->domain, it->name);
        return LsaSidNameMappingOperation_NameCollision;
    }
    if (sid_taken(pol, &it->sid)) {
        reason_set("%s names something already", text);
        return LsaSidNameMappingOperation_SidCollision;
    }
    return LsaSidNameMappingOperation_Success;
}

/* The change itself, on a copy of the policy in force (current_mutate):
 * 0 applied, 1 refused (op->error, reason set), -1 out of memory. */
static int apply(struct policy *copy, void *ctx)
{
    struct map_op *op = ctx;
    for (size_t i = 0; i < op->n; i++) {
        const struct map_item *it = &op->items[i];
        if (op->remove) {
            const struct sid_mapping *m = policy_find_mapping(copy, it->domain, it->name);
            if (!m) {
                reason_set("nothing is mapped as %s%s%s", it->domain, *it->name ? "\\" : "",
                           it->name);
                op->error = LsaSidNameMappingOperation_MappingNotFound;
                return 1;
            }
            if (!*it->name && GUESS_SID_MAPPING_REMOVE_DOMAIN_IN_USE) {
                for (size_t k = 0; k < copy->n_mappings; k++) {
                    if (*copy->mappings[k].name &&
                        !strcasecmp(copy->mappings[k].domain, it->domain)) {
                        reason_set("domain %s still has mapped accounts (%s\\%s); remove them "
                                   "first",
                                   it->domain, copy->mappings[k].domain, copy->mappings[k].name);
                        op->error = LsaSidNameMappingOperation_NonMappingError;
                        return 1;
                    }
                }
            }
            policy_remove_mapping(copy, (size_t)(m - copy->mappings));
            continue;
        }
        op->error = check_add(copy, it);
        if (op->error != LsaSidNameMappingOperation_Success)
            return 1;
        if (policy_add_mapping(copy, it->domain, it->name, &it->sid) != 0)
            return -1;
    }
    return 0;
}

/* Reads the caller's input into op: STATUS_SUCCESS, or the status with
 * the reason set. */
static NTSTATUS read_input(LSA_SID_NAME_MAPPING_OPERATION_TYPE type,
                           const LSA_SID_NAME_MAPPING_OPERATION_INPUT *in, struct map_op *op)
{
    const LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT *adds = &in->AddInput;
    size_t n = 1;
    op->remove = type == LsaSidNameMappingOperation_Remove;
    if (type == LsaSidNameMappingOperation_AddMultiple) {
        n = in->AddMultipleInput.Count;
        adds = in->AddMultipleInput.Mappings;
        if (!n || !adds) {
            reason_set("AddMultipleInput has no mappings (Count 0 or Mappings NULL)");
            return STATUS_INVALID_PARAMETER;
        }
    }
    op->items = mem_calloc(n, sizeof *op->items);
    if (!op->items) {
        reason_set("out of memory");
        return STATUS_NO_MEMORY;
    }
    op->n = n;
    for (size_t i = 0; i < n; i++) {
        NTSTATUS st;
        if (op->remove) {
            st = read_name(&in->RemoveInput.DomainName, "DomainName", &op->items[i].domain);
            if (st == STATUS_SUCCESS)
                st = read_name(&in->RemoveInput.AccountName, "AccountName",
                               &op->items[i].name);
        } else {
            st = read_add(&adds[i], &op->items[i]);
        }
        if (st != STATUS_SUCCESS)
            return st;
    }
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaManageSidNameMapping(
    LSA_SID_NAME_MAPPING_OPERATION_TYPE OpType, PLSA_SID_NAME_MAPPING_OPERATION_INPUT OpInput,
    PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT *OpOutput)
{
    struct api_call c;
    struct caller who = {0};
    struct map_op op = {0};
    LSA_SID_NAME_MAPPING_OPERATION_OUTPUT *out = NULL;
    NTSTATUS st = api_enter(&c, "LsaManageSidNameMapping", NULL);
    trace_args("operation %d", (int)OpType);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!OpInput || !OpOutput) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("OpInput or OpOutput is NULL");
        goto out;
    }
    *OpOutput = NULL;
    if ((unsigned)OpType > LsaSidNameMappingOperation_AddMultiple) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("%d is not an LSA_SID_NAME_MAPPING_OPERATION_TYPE", (int)OpType);
        goto out;
    }
    if (!caller_get(c.pol, &who) || !who.tcb) {
        st = GUESS_SID_MAPPING_NO_TCB_STATUS;
        reason_set("changing the LSA's SID-name mappings needs SeTcbPrivilege enabled; %s %s it",
                   who.name[0] ? who.name : "the caller",
                   who.tcb_held ? "holds it disabled" : "does not hold");
        goto out;
    }
    out = retbuf_new(sizeof *out);
    if (!out) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory");
        goto out;
    }
    /* The output is registered before the change is made, so that running
     * out of memory never fails a change already made. */
    if (retbuf_publish(out, RETBUF_LSA_MEMORY, sizeof *out) != 0) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory");
        goto out;
    }
    st = read_input(OpType, OpInput, &op);
    if (st == STATUS_INVALID_PARAMETER)
        op.error = LsaSidNameMappingOperation_NonMappingError;
    if (st == STATUS_SUCCESS) {
        int rc = current_mutate(apply, &op);
        if (rc < 0) {
            st = STATUS_NO_MEMORY;
            reason_set("out of memory changing the mappings; nothing was changed");
        } else if (rc > 0) {
            st = STATUS_INVALID_PARAMETER;
        } else {
            reason_set("%zu mapping%s %s", op.n, op.n == 1 ? "" : "s",
                       op.remove ? "removed" : "added");
        }
    }
    if (st == STATUS_NO_MEMORY) {
        retbuf_free(out, RETBUF_LSA_MEMORY);
        out = NULL;
        goto out;
    }
    /* The output tells why a refused change was refused; it comes back
     * with the success too. */
    out->AddOutput.ErrorCode = op.error;
    *OpOutput = out;
    out = NULL;
out:
    retbuf_discard(out);
    op_free(&op);
    caller_put(&who);
    return api_leave(&c, st);
}
