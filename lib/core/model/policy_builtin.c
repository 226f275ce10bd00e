/* SPDX-License-Identifier: MIT */
/*
 * What every policy starts with (policy_new()): the machine's defaults and
 * its built-in principals -- SYSTEM, the two service accounts, Administrator
 * and Guest, the BUILTIN aliases and the "None" group. Policy sources then
 * add to it through the builder in policy.c.
 */
#include "config.h"
#include "base/mem.h"

#include "core/model/policy_build.h"

#include "core/model/policy_index.h"

#define DEFAULT_MACHINE_NAME "WORKSTATION"

static long add_fixed_account(struct policy *pol, const char *name, enum account_kind kind,
                              uint32_t rid)
{
    long i = policy_add_account(pol, name);
    if (i < 0)
        return -1;
    struct account *a = &pol->accounts[i];
    a->builtin = true;
    a->kind = kind;
    if (kind == ACCOUNT_NORMAL) {
        a->sid_source = POLICY_SID_RID;
        a->rid = rid;
        a->disabled = true;
    } else {
        a->sid_source = POLICY_SID_FIXED;
        a->sid = sid_make1(5, rid);
        if (policy_set_string(&a->domain, "NT AUTHORITY") < 0)
            return -1;
    }
    return i;
}

static long add_builtin_alias(struct policy *pol, const char *name, uint32_t rid)
{
    long i = policy_add_group(pol, name);
    if (i < 0)
        return -1;
    struct group *g = &pol->groups[i];
    g->builtin = true;
    g->sid_source = POLICY_SID_FIXED;
    g->sid = sid_make2(5, 32, rid);
    return i;
}

struct policy *policy_new(void)
{
    struct policy *pol = mem_calloc(1, sizeof *pol);
    if (!pol)
        return NULL;
    pol->refcount = 1;
    pol->index = policy_index_new();
    if (!pol->index || policy_set_string(&pol->machine_name, DEFAULT_MACHINE_NAME) < 0)
        goto fail;
    uint32_t subs[4] = {21, 1000, 2000, 3000};
    pol->machine_sid = sid_make(5, 4, subs);
    pol->role = ROLE_WORKSTATION;
    pol->base = BASE_FROM_ROLE;
    pol->blank_password_console_only = true;
    pol->require_logon_process = false;
    /* Lockout off; the duration and window a threshold alone gets. */
    pol->lockout = (struct policy_lockout){0, 10, 10, false};

    if (add_fixed_account(pol, "SYSTEM", ACCOUNT_SYSTEM, 18) < 0 ||
        add_fixed_account(pol, "LOCAL SERVICE", ACCOUNT_LOCAL_SERVICE, 19) < 0 ||
        add_fixed_account(pol, "NETWORK SERVICE", ACCOUNT_NETWORK_SERVICE, 20) < 0 ||
        add_fixed_account(pol, "Administrator", ACCOUNT_NORMAL, POLICY_RID_ADMINISTRATOR) < 0 ||
        add_fixed_account(pol, "Guest", ACCOUNT_NORMAL, POLICY_RID_GUEST) < 0)
        goto fail;

    static const struct {
        const char *name;
        uint32_t rid;
    } aliases[] = {
        {"Administrators", 544},     {"Users", 545},
        {"Guests", 546},             {"Power Users", 547},
        {"Backup Operators", 551},   {"Remote Desktop Users", 555},
        {"Performance Log Users", 559},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (add_builtin_alias(pol, aliases[i].name, aliases[i].rid) < 0)
            goto fail;
    /* As on Windows, Users holds every authenticated and interactive logon. */
    long users = policy_group_index(pol, "Users");
    struct sid au = sid_make1(5, 11), inter = sid_make1(5, 4);
    if (policy_add_member(pol, (size_t)users, &au) < 0 ||
        policy_add_member(pol, (size_t)users, &inter) < 0)
        goto fail;

    /* The machine's "None" group: primary group of every local account. */
    long none = policy_add_group(pol, "None");
    if (none < 0)
        goto fail;
    pol->groups[none].builtin = true;
    pol->groups[none].sid_source = POLICY_SID_RID;
    pol->groups[none].rid = POLICY_RID_NONE;
    return pol;
fail:
    policy_unref(pol);
    return NULL;
}
