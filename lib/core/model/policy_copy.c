/* SPDX-License-Identifier: MIT */
/*
 * A copy of a finished policy, built through the builder so that the copy's
 * indexes are its own. Changes made through the Windows API (a
 * password change, and later account rights) are applied to a copy that
 * then replaces the policy in force: calls already running keep reading the
 * old one, which never changes under them.
 */
#include <string.h>

#include "core/model/policy_build.h"
#include "core/model/policy_index.h"

/* The index in dst of the account (group) of src named as a (g) is, in
 * the namespace it belongs to (the machine's or the domain's); -1 when
 * there is none. */
static long account_in(const struct policy *dst, const struct account *a)
{
    return a->in_domain ? policy_domain_account_index(dst, a->name)
                        : policy_account_index(dst, a->name);
}

static long group_in(const struct policy *dst, const struct group *g)
{
    return g->in_domain ? policy_domain_group_index(dst, g->name)
                        : policy_group_index(dst, g->name);
}

static int copy_account(struct policy *dst, const struct account *a)
{
    long i = account_in(dst, a);
    if (i < 0)
        i = a->in_domain ? policy_add_domain_account(dst, a->name)
                         : policy_add_account(dst, a->name);
    if (i < 0)
        return -1;
    struct account *d = &dst->accounts[i];
    d->sid = a->sid;
    d->sid_source = POLICY_SID_FIXED;
    d->kind = a->kind;
    d->builtin = a->builtin;
    memcpy(d->nt_hash, a->nt_hash, sizeof d->nt_hash);
    d->blank_password = a->blank_password;
    d->disabled = a->disabled;
    d->locked_out = a->locked_out;
    d->password_expired = a->password_expired;
    d->must_change_password = a->must_change_password;
    d->has_expires = a->has_expires;
    d->has_logon_hours = a->has_logon_hours;
    d->has_workstations = a->has_workstations;
    d->cached = a->cached;
    if (policy_set_string(&d->full_name, a->full_name) != 0)
        return -1;
    const struct account_extra *x = a->x;
    if (!x)
        return 0;
    struct account_extra *dx = policy_account_x(d);
    if (!dx)
        return -1;
    dx->expires = x->expires;
    if (a->has_logon_hours && policy_set_logon_hours(d, x->logon_hours, x->n_logon_hours) != 0)
        return -1;
    for (size_t w = 0; w < x->n_workstations; w++)
        if (policy_add_workstation(d, x->workstations[w]) != 0)
            return -1;
    if (policy_set_string(&dx->home_directory, x->home_directory) != 0 ||
        policy_set_string(&dx->home_directory_drive, x->home_directory_drive) != 0 ||
        policy_set_string(&dx->profile_path, x->profile_path) != 0 ||
        policy_set_string(&dx->logon_script, x->logon_script) != 0 ||
        policy_set_string(&dx->upn, x->upn) != 0)
        return -1;
    return 0;
}

static int copy_group(struct policy *dst, const struct group *g)
{
    long i = group_in(dst, g);
    if (i < 0)
        i = g->in_domain ? policy_add_domain_group(dst, g->name) : policy_add_group(dst, g->name);
    if (i < 0)
        return -1;
    struct group *d = &dst->groups[i];
    d->sid = g->sid;
    d->sid_source = POLICY_SID_FIXED;
    d->builtin = g->builtin;
    if (policy_set_string(&d->description, g->description) != 0)
        return -1;
    return 0;
}

/* After every account and group is copied with its SID, so that the
 * members become references to them rather than copies of their SIDs. The
 * shared lists are copied once each, before: a group refers to its list as
 * the source's does. */
static int copy_members(struct policy *dst, const struct policy *src, const struct group *g)
{
    long i = group_in(dst, g);
    if (i < 0)
        return -1;
    for (size_t m = 0; m < g->n_members; m++)
        if (policy_add_member(dst, (size_t)i, policy_member(src, g, m)) != 0)
            return -1;
    if (g->list)
        policy_set_member_list(dst, (size_t)i, g->list - 1);
    return 0;
}

static int copy_lists(struct policy *dst, const struct policy *src)
{
    for (size_t l = 0; l < src->n_lists; l++) {
        /* A new policy has no list: the copy's indexes are the source's. */
        long d = policy_add_list(dst);
        if (d < 0 || (size_t)d != l)
            return -1;
        for (size_t k = 0; k < src->lists[l].n; k++)
            if (policy_list_add(dst, (size_t)d, policy_list_sid(src, l, k)) != 0)
                return -1;
    }
    for (size_t a = 0; a < src->n_accounts; a++) {
        if (!src->accounts[a].groups_list)
            continue;
        long i = account_in(dst, &src->accounts[a]);
        if (i < 0)
            return -1;
        policy_set_groups_list(dst, (size_t)i, src->accounts[a].groups_list - 1);
    }
    return 0;
}

struct policy *policy_copy(const struct policy *src)
{
    struct policy *p = policy_new();
    if (!p)
        return NULL;
    if (policy_set_string(&p->source, src->source) != 0 ||
        policy_set_string(&p->machine_name, src->machine_name) != 0)
        goto fail;
    if (src->domain.name &&
        (policy_set_domain_name(p, src->domain.name) != 0 ||
         policy_set_string(&p->domain.dns_name, src->domain.dns_name) != 0 ||
         policy_set_string(&p->domain.controller, src->domain.controller) != 0))
        goto fail;
    p->domain.sid = src->domain.sid;
    p->domain.reachable = src->domain.reachable;
    p->lockout = src->lockout;
    p->machine_sid = src->machine_sid;
    p->role = src->role;
    p->base = src->base;
    p->has_time = src->has_time;
    p->time = src->time;
    p->blank_password_console_only = src->blank_password_console_only;
    p->require_logon_process = src->require_logon_process;
    p->uac = src->uac;
    for (size_t i = 0; i < src->n_groups; i++)
        if (copy_group(p, &src->groups[i]) != 0)
            goto fail;
    for (size_t i = 0; i < src->n_accounts; i++)
        if (copy_account(p, &src->accounts[i]) != 0)
            goto fail;
    if (policy_index_build_sids(p->index, p) != 0 || copy_lists(p, src) != 0)
        goto fail;
    for (size_t i = 0; i < src->n_groups; i++)
        if (copy_members(p, src, &src->groups[i]) != 0)
            goto fail;
    for (int id = 0; id < RIGHT_COUNT; id++)
        if (policy_set_right(p, id, src->holders[id], src->n_holders[id]) != 0)
            goto fail;
    for (size_t i = 0; i < src->n_processes; i++) {
        const struct process_entry *e = &src->processes[i];
        long a = account_in(p, &src->accounts[e->account]);
        long pi = a < 0 ? -1 : policy_add_process(p, e->name, (size_t)a);
        if (pi < 0)
            goto fail;
        p->processes[pi].enabled = e->enabled;
        p->processes[pi].session = e->session;
        p->processes[pi].elevated = e->elevated;
    }
    for (size_t i = 0; i < src->n_faults; i++)
        if (policy_add_fault(p, &src->faults[i]) != 0)
            goto fail;
    for (size_t i = 0; i < src->n_mappings; i++)
        if (policy_add_mapping(p, src->mappings[i].domain, src->mappings[i].name,
                               &src->mappings[i].sid) != 0)
            goto fail;
    for (size_t i = 0; i < src->n_packages; i++) {
        struct policy_package pkg = src->packages[i];
        /* Accounts keep their order in the copy, but an index is
         * translated by name like the processes' accounts. */
        if (pkg.account != SIZE_MAX) {
            long a = policy_account_index(p, src->accounts[pkg.account].name);
            if (a < 0)
                goto fail;
            pkg.account = (size_t)a;
        }
        if (policy_add_package(p, &pkg) != 0)
            goto fail;
    }
    return p;
fail:
    policy_unref(p);
    return NULL;
}
