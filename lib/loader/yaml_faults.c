/* SPDX-License-Identifier: MIT */
/*
 * The faults: section (policy-format.md, faults): each entry's call, nth,
 * account and status. A fault that could never fire is an error, so that a
 * test cannot pass for the wrong reason: its call must be a Windows function
 * lsaemu exports and that consults the faults, spelled with Windows' case
 * (core/state/faults.h, generated from liblsaemu.sym), and its account must
 * name an account of the policy. Read with the references, once every
 * account has its SID.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/model/status.h"
#include "core/model/wellknown.h"
#include "core/state/faults.h"
#include "loader/yaml_values.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *callable_at(size_t i, const void *ctx)
{
    (void)ctx;
    return faults_callable_name(i);
}

/* Reports a call: that no call can ever match; true when it can fire. */
static bool check_call(struct ld *ld, const struct yn *node, const char *call, size_t number)
{
    switch (faults_call_kind(call)) {
    case FAULTS_CALL_OK:
        return true;
    case FAULTS_CALL_NEVER_FAILS:
        ld_error(ld, node,
                 "'%s' in fault %zu never fails in lsaemu (it does not consult faults:), so "
                 "the fault could never fire",
                 call, number);
        return false;
    case FAULTS_CALL_UNKNOWN:
        break;
    }
    const char *near = ld_nearest(call, faults_callable_count(), callable_at, NULL);
    if (near && strcasecmp(near, call) == 0)
        ld_error(ld, node,
                 "unknown function '%s' in fault %zu (did you mean '%s'? function names are "
                 "spelled with Windows' case)",
                 call, number, near);
    else if (near)
        ld_error(ld, node, "unknown function '%s' in fault %zu (did you mean '%s'?)", call,
                 number, near);
    else
        ld_error(ld, node,
                 "unknown function '%s' in fault %zu: lsaemu emulates no function of that "
                 "name, so the fault could never fire",
                 call, number);
    return false;
}

/* Resolves account: to an account of the policy; its own name and SID go
 * into f. */
static bool check_account(struct ld *ld, const struct yn *node, const char *text, size_t number,
                          struct fault *f)
{
    const struct policy *pol = ld->pol;
    struct sid sid;
    ld->work.lookups++;
    if (!policy_resolve_principal(pol, text, &sid)) {
        ld_error_ref(ld, node, "account '%s' of fault %zu names no account", text, number);
        return false;
    }
    const struct account *a = policy_find_account_sid(pol, &sid);
    if (!a) {
        const char *kind = policy_find_group_sid(pol, &sid) ? "a group"
                           : wellknown_by_sid(&sid)         ? "a well-known SID"
                                                            : "not an account";
        ld_error(ld, node,
                 "'%s' in fault %zu is %s, not an account; a fault matches the account a call "
                 "names",
                 text, number, kind);
        return false;
    }
    f->account = a->name;
    f->account_sid = a->sid;
    f->has_account_sid = true;
    return true;
}

static void define_fault(struct ld *ld, struct yn *node, size_t number)
{
    static const char *const keys[] = {"call", "nth", "account", "status"};
    struct yn *v[N_OF(keys)];
    char where[64];
    snprintf(where, sizeof where, "fault %zu", number);
    if (!ld_fields(ld, node, where, keys, N_OF(keys), v, NULL))
        return;
    struct fault f = {NULL, 0, NULL, 0, false, {0}};
    bool ok = true;
    uint64_t nth;
    if (!v[0]) {
        ld_error(ld, node, "fault %zu has no 'call' (the Windows function to fail)", number);
        ok = false;
    } else if (!(f.call = (char *)ld_string(ld, v[0], "call")) ||
               !check_call(ld, v[0], f.call, number)) {
        ok = false;
    }
    if (v[1]) {
        if (ld_uint(ld, v[1], "nth", 1, UINT32_MAX, &nth))
            f.nth = (uint32_t)nth;
        else
            ok = false;
    }
    const char *s;
    if (v[2] && (!(s = ld_string(ld, v[2], "account")) || !check_account(ld, v[2], s, number, &f)))
        ok = false;
    if (!v[3]) {
        ld_error(ld, node, "fault %zu has no 'status' (an NTSTATUS name or 0x value)", number);
        ok = false;
    } else if (!(s = ld_string(ld, v[3], "status"))) {
        ok = false;
    } else if (!yv_parse_status_hex(s, &f.status) && !status_by_name(s, &f.status)) {
        ld_error(ld, v[3],
                 "unknown status '%s' (expected an NTSTATUS name like STATUS_ACCESS_DENIED "
                 "or a value like 0xC0000022)",
                 s);
        ok = false;
    }
    if (ok && policy_add_fault(ld->pol, &f) < 0)
        ld_oom(ld);
}

void ld_resolve_faults(struct ld *ld, struct yn *node)
{
    if (!ld_list(ld, node, "faults", true) || ld_is_null(node))
        return;
    for (size_t it = 0; it < node->n && !ld->oom; it++)
        define_fault(ld, node->u.items[it], it + 1);
}
