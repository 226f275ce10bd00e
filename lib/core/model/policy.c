/* SPDX-License-Identifier: MIT */
/*
 * The policy model: the builder used by policy sources, identity assignment
 * (RIDs in file order), the stock rights, and freeing. The read side's
 * look-ups are in policy_find.c and its membership queries in
 * policy_members.c; the built-in accounts and groups of a new policy are in
 * policy_builtin.c, the storage of names and domain strings in
 * policy_strings.c. Knows nothing of YAML; every look-up goes through the
 * hash indexes of policy_index.c.
 */
#include "config.h"
#include "base/mem.h"

#include "core/model/policy_build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/model/bases.h"
#include "core/model/policy_index.h"
#include "core/model/policy_strings.h"
#include "core/model/wellknown.h"

#define FIRST_AUTO_RID 1000

/* ---- Small helpers ------------------------------------------------------- */

/*
 * Makes room for element n of an array whose capacity is implied by its
 * length: 4 for lengths 1..4, then the next power of two. Appends are thus
 * amortised O(1) without storing a capacity next to every array.
 */
static int grow(void **arr, size_t n, size_t elem)
{
    size_t cap;
    if (n == 0)
        cap = 4;
    else if (n >= 4 && (n & (n - 1)) == 0)
        cap = n * 2;
    else
        return 0;
    void *p = mem_realloc(*arr, cap * elem);
    if (!p)
        return -1;
    *arr = p;
    return 0;
}

static const uint8_t blank_hash[16] = {0x31, 0xd6, 0xcf, 0xe0, 0xd1, 0x6a, 0xe9, 0x31,
                                       0xb7, 0x3c, 0x59, 0xd7, 0xe0, 0xc0, 0x89, 0xc0};

/* ---- Builder ------------------------------------------------------------- */

long policy_add_account(struct policy *pol, const char *name)
{
    return policy_add_account_h(pol, name, policy_name_hash(name));
}

/* A new account at the end of pol->accounts, named and with the defaults
 * of an account the policy gives nothing else (no password: blank); not
 * yet counted nor indexed. NULL when memory runs out. */
static struct account *append_account(struct policy *pol, const char *name)
{
    if (grow((void **)&pol->accounts, pol->n_accounts, sizeof *pol->accounts) < 0)
        return NULL;
    struct account *a = &pol->accounts[pol->n_accounts];
    memset(a, 0, sizeof *a);
    a->name = policy_intern_name(pol, name);
    if (!a->name)
        return NULL;
    a->kind = ACCOUNT_NORMAL;
    a->sid_source = POLICY_SID_AUTO;
    memcpy(a->nt_hash, blank_hash, 16);
    a->blank_password = true;
    return a;
}

long policy_add_account_h(struct policy *pol, const char *name, uint32_t hash)
{
    if (!append_account(pol, name) ||
        policy_index_add_account_name_h(pol->index, pol->n_accounts, hash) < 0)
        return -1; /* the name stays in the block, freed with the policy */
    return (long)pol->n_accounts++;
}

long policy_add_group(struct policy *pol, const char *name)
{
    return policy_add_group_h(pol, name, policy_name_hash(name));
}

/* The same for a group at the end of pol->groups. */
static struct group *append_group(struct policy *pol, const char *name)
{
    if (grow((void **)&pol->groups, pol->n_groups, sizeof *pol->groups) < 0)
        return NULL;
    struct group *g = &pol->groups[pol->n_groups];
    memset(g, 0, sizeof *g);
    g->name = policy_intern_name(pol, name);
    if (!g->name)
        return NULL;
    g->sid_source = POLICY_SID_AUTO;
    return g;
}

long policy_add_group_h(struct policy *pol, const char *name, uint32_t hash)
{
    if (!append_group(pol, name) ||
        policy_index_add_group_name_h(pol->index, pol->n_groups, hash) < 0)
        return -1; /* the name stays in the block, freed with the policy */
    return (long)pol->n_groups++;
}

long policy_add_domain_account(struct policy *pol, const char *name)
{
    /* Appended like a machine account, its name indexed apart. */
    struct account *a = append_account(pol, name);
    if (!a)
        return -1;
    a->in_domain = true;
    if (policy_index_add_domain_account_name(pol->index, pol, pol->n_accounts) < 0)
        return -1;
    return (long)pol->n_accounts++;
}

long policy_add_domain_group(struct policy *pol, const char *name)
{
    struct group *g = append_group(pol, name);
    if (!g)
        return -1;
    g->in_domain = true;
    if (policy_index_add_domain_group_name(pol->index, pol, pol->n_groups) < 0)
        return -1;
    return (long)pol->n_groups++;
}

long policy_domain_account_index(const struct policy *pol, const char *name)
{
    return policy_index_domain_account_by_name(pol->index, pol, name);
}

long policy_domain_group_index(const struct policy *pol, const char *name)
{
    return policy_index_domain_group_by_name(pol->index, pol, name);
}

int policy_set_domain_name(struct policy *pol, const char *name)
{
    static const struct {
        const char *name;
        uint32_t rid;
    } builtins[] = {
        {"Domain Admins", POLICY_RID_DOMAIN_ADMINS},
        {"Domain Users", POLICY_RID_DOMAIN_USERS},
        {"Domain Guests", POLICY_RID_DOMAIN_GUESTS},
    };
    if (pol->domain.name || !name)
        return -1;
    if (policy_set_string(&pol->domain.name, name) < 0)
        return -1;
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        long g = policy_add_domain_group(pol, builtins[i].name);
        if (g < 0)
            return -1;
        pol->groups[g].builtin = true;
        pol->groups[g].sid_source = POLICY_SID_RID;
        pol->groups[g].rid = builtins[i].rid;
    }
    return 0;
}

long policy_account_index(const struct policy *pol, const char *name)
{
    return policy_index_account_by_name(pol->index, pol, name);
}

long policy_group_index(const struct policy *pol, const char *name)
{
    return policy_index_group_by_name(pol->index, pol, name);
}

uint32_t policy_name_hash(const char *name)
{
    return policy_index_name_hash(name);
}

long policy_account_index_h(const struct policy *pol, const char *name, uint32_t hash)
{
    return policy_index_account_by_name_h(pol->index, pol, name, hash);
}

long policy_group_index_h(const struct policy *pol, const char *name, uint32_t hash)
{
    return policy_index_group_by_name_h(pol->index, pol, name, hash);
}

long policy_process_index(const struct policy *pol, const char *name)
{
    return policy_index_process_by_name(pol->index, pol, name);
}

/* Appends ref to groups[group]'s member list. */
static int add_member_ref(struct policy *pol, size_t group, uint32_t ref)
{
    struct group *g = &pol->groups[group];
    if (pol->members_exact) {
        uint32_t *m = mem_realloc(g->members, (g->n_members + 1) * sizeof *m);
        if (!m)
            return -1;
        g->members = m;
    } else if (grow((void **)&g->members, g->n_members, sizeof *g->members) < 0) {
        return -1;
    }
    g->members[g->n_members++] = ref;
    return 0;
}

/* The reference is taken when the member is added, not at policy_finish():
 * a list of SID copies would be the largest thing resident during a load. */
int policy_add_member(struct policy *pol, size_t group, const struct sid *member)
{
    int64_t ref = policy_index_sid_ref(pol->index, pol, member);
    return ref < 0 ? -1 : add_member_ref(pol, group, (uint32_t)ref);
}

int policy_add_member_account(struct policy *pol, size_t group, size_t account)
{
    return add_member_ref(pol, group, SID_REF_ACCOUNT | (uint32_t)account);
}

const struct sid *policy_member(const struct policy *pol, const struct group *g, size_t k)
{
    return policy_index_ref_sid(pol->index, pol, g->members[k]);
}

/* grow(), or one more item once finish has cut arr to its exact size. */
static int grow_list_array(const struct policy *pol, void **arr, size_t n, size_t elem)
{
    if (!pol->members_exact)
        return grow(arr, n, elem);
    void *p = mem_realloc(*arr, (n + 1) * elem);
    if (!p)
        return -1;
    *arr = p;
    return 0;
}

long policy_add_list(struct policy *pol)
{
    if (pol->n_lists >= UINT32_MAX - 1 ||
        grow_list_array(pol, (void **)&pol->lists, pol->n_lists, sizeof *pol->lists) < 0)
        return -1;
    pol->lists[pol->n_lists] = (struct policy_list){(uint32_t)pol->n_list_items, 0};
    return (long)pol->n_lists++;
}

/* Appends ref to the last list (list must be it). */
static int list_add_ref(struct policy *pol, size_t list, uint32_t ref)
{
    if (list + 1 != pol->n_lists || pol->n_list_items >= UINT32_MAX ||
        grow_list_array(pol, (void **)&pol->list_items, pol->n_list_items,
                        sizeof *pol->list_items) < 0)
        return -1;
    pol->list_items[pol->n_list_items++] = ref;
    pol->lists[list].n++;
    return 0;
}

int policy_list_add(struct policy *pol, size_t list, const struct sid *sid)
{
    int64_t ref = policy_index_sid_ref(pol->index, pol, sid);
    return ref < 0 ? -1 : list_add_ref(pol, list, (uint32_t)ref);
}

int policy_list_add_group(struct policy *pol, size_t list, size_t group)
{
    return list_add_ref(pol, list, SID_REF_GROUP | (uint32_t)group);
}

void policy_set_member_list(struct policy *pol, size_t group, size_t list)
{
    pol->groups[group].list = (uint32_t)list + 1;
}

void policy_set_groups_list(struct policy *pol, size_t account, size_t list)
{
    pol->accounts[account].groups_list = (uint32_t)list + 1;
}

const struct sid *policy_list_sid(const struct policy *pol, size_t list, size_t k)
{
    return policy_index_ref_sid(pol->index, pol, pol->list_items[pol->lists[list].first + k]);
}

const struct account_extra policy_no_extra;

struct account_extra *policy_account_x(struct account *acct)
{
    if (!acct->x)
        acct->x = mem_calloc(1, sizeof *acct->x);
    return acct->x;
}

int policy_set_logon_hours(struct account *acct, const struct hours_range *ranges, size_t n)
{
    struct account_extra *x = policy_account_x(acct);
    if (!x)
        return -1;
    struct hours_range *copy = mem_malloc((n ? n : 1) * sizeof *copy);
    if (!copy)
        return -1;
    if (n)
        memcpy(copy, ranges, n * sizeof *copy);
    mem_free(x->logon_hours);
    x->logon_hours = copy;
    x->n_logon_hours = n;
    acct->has_logon_hours = true;
    return 0;
}

int policy_add_workstation(struct account *acct, const char *name)
{
    struct account_extra *x = policy_account_x(acct);
    if (!x)
        return -1;
    if (grow((void **)&x->workstations, x->n_workstations, sizeof *x->workstations) < 0)
        return -1;
    char *copy = mem_strdup(name);
    if (!copy)
        return -1;
    x->workstations[x->n_workstations++] = copy;
    acct->has_workstations = true;
    return 0;
}

int policy_set_right(struct policy *pol, int id, const struct sid *holders, size_t n)
{
    struct sid *copy = NULL;
    if (n) {
        copy = mem_malloc(n * sizeof *copy);
        if (!copy)
            return -1;
        memcpy(copy, holders, n * sizeof *copy);
    }
    mem_free(pol->holders[id]);
    pol->holders[id] = copy;
    pol->n_holders[id] = n;
    pol->rights_set |= RIGHT_BIT(id);
    return 0;
}

long policy_add_process(struct policy *pol, const char *name, size_t account)
{
    if (grow((void **)&pol->processes, pol->n_processes, sizeof *pol->processes) < 0)
        return -1;
    struct process_entry *p = &pol->processes[pol->n_processes];
    memset(p, 0, sizeof *p);
    p->name = mem_strdup(name);
    if (!p->name)
        return -1;
    p->account = account;
    p->session = 1;
    p->elevated = -1;
    if (policy_index_add_process_name(pol->index, pol, pol->n_processes) < 0) {
        mem_free(p->name);
        return -1;
    }
    return (long)pol->n_processes++;
}

int policy_add_fault(struct policy *pol, const struct fault *f)
{
    if (grow((void **)&pol->faults, pol->n_faults, sizeof *pol->faults) < 0)
        return -1;
    struct fault copy = *f;
    copy.call = f->call ? mem_strdup(f->call) : NULL;
    copy.account = f->account ? mem_strdup(f->account) : NULL;
    if ((f->call && !copy.call) || (f->account && !copy.account)) {
        mem_free(copy.call);
        mem_free(copy.account);
        return -1;
    }
    pol->faults[pol->n_faults++] = copy;
    return 0;
}

int policy_add_package(struct policy *pol, const struct policy_package *pkg)
{
    if (grow((void **)&pol->packages, pol->n_packages, sizeof *pol->packages) < 0)
        return -1;
    struct policy_package copy = *pkg;
    copy.name = mem_strdup(pkg->name);
    if (!copy.name)
        return -1;
    pol->packages[pol->n_packages++] = copy;
    return 0;
}

/* ---- Identity assignment --------------------------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Collects the RIDs under base taken explicitly by the machine's accounts
 * and groups (domain false) or by the domain's (true). */
static uint32_t *explicit_rids(const struct policy *pol, const struct sid *base, bool domain,
                               size_t *n)
{
    uint32_t *rids = mem_malloc((pol->n_accounts + pol->n_groups + 1) * sizeof *rids);
    if (!rids)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < pol->n_groups + pol->n_accounts; i++) {
        bool is_group = i < pol->n_groups;
        bool in_domain = is_group ? pol->groups[i].in_domain
                                  : pol->accounts[i - pol->n_groups].in_domain;
        if (in_domain != domain)
            continue;
        uint8_t src = is_group ? pol->groups[i].sid_source
                               : pol->accounts[i - pol->n_groups].sid_source;
        uint32_t rid = is_group ? pol->groups[i].rid : pol->accounts[i - pol->n_groups].rid;
        const struct sid *sid = is_group ? &pol->groups[i].sid
                                         : &pol->accounts[i - pol->n_groups].sid;
        if (src == POLICY_SID_RID)
            rids[k++] = rid;
        else if (src == POLICY_SID_FIXED && sid_is_child_of(sid, base))
            rids[k++] = sid_last_rid(sid);
    }
    qsort(rids, k, sizeof *rids, cmp_u32);
    *n = k;
    return rids;
}

static struct sid next_sid(const struct sid *base, uint32_t *counter, const uint32_t *taken,
                           size_t n_taken)
{
    while (bsearch(counter, taken, n_taken, sizeof *taken, cmp_u32))
        (*counter)++;
    return sid_append(base, (*counter)++);
}

/* The SIDs of the machine's accounts and groups (domain false) or of the
 * domain's, from one RID counter each: groups first, then accounts, in file
 * order; and their shared domain strings. 0 or -1. */
static int assign_sids(struct policy *pol, bool domain)
{
    const struct sid *base = domain ? &pol->domain.sid : &pol->machine_sid;
    size_t n_taken;
    uint32_t *taken = explicit_rids(pol, base, domain, &n_taken);
    if (!taken)
        return -1;
    uint32_t counter = FIRST_AUTO_RID;
    for (size_t i = 0; i < pol->n_groups; i++) {
        struct group *g = &pol->groups[i];
        if (g->in_domain != domain)
            continue;
        if (g->sid_source == POLICY_SID_AUTO)
            g->sid = next_sid(base, &counter, taken, n_taken);
        else if (g->sid_source == POLICY_SID_RID)
            g->sid = sid_append(base, g->rid);
        policy_set_domain(pol, &g->domain, policy_domain_for(pol, &g->sid));
    }
    for (size_t i = 0; i < pol->n_accounts; i++) {
        struct account *a = &pol->accounts[i];
        if (a->in_domain != domain)
            continue;
        if (a->sid_source == POLICY_SID_AUTO)
            a->sid = next_sid(base, &counter, taken, n_taken);
        else if (a->sid_source == POLICY_SID_RID)
            a->sid = sid_append(base, a->rid);
        policy_set_domain(pol, &a->domain, policy_domain_for(pol, &a->sid));
    }
    mem_free(taken);
    return 0;
}

/* Reports the SID collisions policy_index_build_sids() found as it
 * entered the groups, then the accounts, in file order. */
static int report_clashes(struct policy *pol, policy_clash_fn clash, void *ctx)
{
    const uint32_t *p;
    size_t n = policy_index_clashes(pol->index, &p);
    for (size_t k = 0; clash && k < n; k++)
        clash(ctx, pol, (p[2 * k] & SID_REF_KIND) == SID_REF_GROUP, p[2 * k] & ~SID_REF_KIND,
              (p[2 * k + 1] & SID_REF_KIND) == SID_REF_GROUP, p[2 * k + 1] & ~SID_REF_KIND);
    return (int)n;
}

int policy_prepare(struct policy *pol, policy_clash_fn clash, void *ctx)
{
    if (pol->prepared)
        return 0;
    int rc = -1;
    /* Every local account and group shares one copy of the machine name. */
    if (!pol->local_domain && policy_set_string(&pol->local_domain, pol->machine_name) < 0)
        goto out;

    /* Groups first, then accounts, each in file order (policy-format.md);
     * the domain's under its own SID, with a counter of its own. */
    if (assign_sids(pol, false) < 0 || (pol->domain.name && assign_sids(pol, true) < 0))
        goto out;

    /* The SID index first: the members added below are references to the
     * accounts it finds. */
    if (policy_index_build_sids(pol->index, pol) < 0)
        goto out;

    /* Built-in memberships that depend on the machine SID. */
    struct sid admin = sid_append(&pol->machine_sid, POLICY_RID_ADMINISTRATOR);
    struct sid guest = sid_append(&pol->machine_sid, POLICY_RID_GUEST);
    long admins = policy_group_index(pol, "Administrators");
    long guests = policy_group_index(pol, "Guests");
    if (admins >= 0 && pol->groups[admins].builtin &&
        policy_add_member(pol, (size_t)admins, &admin) < 0)
        goto out;
    if (guests >= 0 && pol->groups[guests].builtin &&
        policy_add_member(pol, (size_t)guests, &guest) < 0)
        goto out;
    /* Joining a domain makes its Domain Admins local administrators and its
     * Domain Users local users (policy-format.md "domain"). */
    if (pol->domain.name) {
        long users = policy_group_index(pol, "Users");
        struct sid dadmins = sid_append(&pol->domain.sid, POLICY_RID_DOMAIN_ADMINS);
        struct sid dusers = sid_append(&pol->domain.sid, POLICY_RID_DOMAIN_USERS);
        if ((admins >= 0 && pol->groups[admins].builtin &&
             policy_add_member(pol, (size_t)admins, &dadmins) < 0) ||
            (users >= 0 && pol->groups[users].builtin &&
             policy_add_member(pol, (size_t)users, &dusers) < 0))
            goto out;
    }

    pol->prepared = true;
    rc = report_clashes(pol, clash, ctx);
out:
    return rc;
}

int policy_finish(struct policy *pol)
{
    if (!pol->prepared && policy_prepare(pol, NULL, NULL) < 0)
        return -1;

    if (policy_process_index(pol, "default") < 0) {
        long system = policy_account_index(pol, "SYSTEM");
        if (system < 0 || policy_add_process(pol, "default", (size_t)system) < 0)
            return -1;
    }

    if (pol->base == BASE_FROM_ROLE)
        pol->base = pol->role == ROLE_SERVER ? BASE_SERVER : BASE_WORKSTATION;
    for (int r = 0; r < RIGHT_COUNT; r++) {
        if (pol->rights_set & RIGHT_BIT(r))
            continue;
        struct sid stock[BASES_MAX_HOLDERS];
        size_t n = bases_holders(pol->base, r, &pol->machine_sid, stock, BASES_MAX_HOLDERS);
        if (n > BASES_MAX_HOLDERS)
            n = BASES_MAX_HOLDERS;
        if (policy_set_right(pol, r, stock, n) < 0)
            return -1;
        pol->rights_set &= ~RIGHT_BIT(r);
    }

    /* Exact-size member lists: grow() leaves up to half of each empty, and
     * the lists no longer change. Done before the membership index, which
     * points into them. */
    for (size_t i = 0; i < pol->n_groups; i++) {
        struct group *g = &pol->groups[i];
        if (!g->n_members)
            continue;
        uint32_t *m = mem_realloc(g->members, g->n_members * sizeof *m);
        if (m)
            g->members = m;
    }
    /* The same for the shared lists and their items. */
    if (pol->n_lists) {
        struct policy_list *l = mem_realloc(pol->lists, pol->n_lists * sizeof *l);
        if (l)
            pol->lists = l;
    }
    if (pol->n_list_items) {
        uint32_t *items = mem_realloc(pol->list_items, pol->n_list_items * sizeof *items);
        if (items)
            pol->list_items = items;
    }
    pol->members_exact = true;

    if (policy_index_build_rights(pol->index, pol) < 0 ||
        policy_index_build_members(pol->index, pol) < 0 ||
        policy_index_build_upns(pol->index, pol) < 0)
        return -1;
    return 0;
}

/* ---- Lifetime -------------------------------------------------------------- */

struct policy *policy_ref(struct policy *pol)
{
    if (pol)
        __atomic_add_fetch(&pol->refcount, 1, __ATOMIC_RELAXED);
    return pol;
}

static void free_account(const struct policy *pol, struct account *a)
{
    if (!policy_shared_domain(pol, a->domain))
        mem_free(a->domain);
    mem_free(a->full_name);
    struct account_extra *x = a->x;
    if (x) {
        mem_free(x->logon_hours);
        for (size_t i = 0; i < x->n_workstations; i++)
            mem_free(x->workstations[i]);
        mem_free(x->workstations);
        mem_free(x->home_directory);
        mem_free(x->home_directory_drive);
        mem_free(x->profile_path);
        mem_free(x->logon_script);
        mem_free(x->upn);
        mem_free(x);
    }
}

void policy_unref(struct policy *pol)
{
    if (!pol || __atomic_sub_fetch(&pol->refcount, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    mem_free(pol->source);
    mem_free(pol->machine_name);
    for (size_t i = 0; i < pol->n_accounts; i++)
        free_account(pol, &pol->accounts[i]);
    mem_free(pol->accounts);
    for (size_t i = 0; i < pol->n_groups; i++) {
        if (!policy_shared_domain(pol, pol->groups[i].domain))
            mem_free(pol->groups[i].domain);
        mem_free(pol->groups[i].description);
        mem_free(pol->groups[i].members);
    }
    mem_free(pol->groups);
    mem_free(pol->lists);
    mem_free(pol->list_items);
    mem_free(pol->local_domain); /* after the accounts and groups that share it */
    mem_free(pol->domain.name);  /* likewise */
    mem_free(pol->domain.dns_name);
    mem_free(pol->domain.controller);
    for (int r = 0; r < RIGHT_COUNT; r++)
        mem_free(pol->holders[r]);
    for (size_t i = 0; i < pol->n_processes; i++)
        mem_free(pol->processes[i].name);
    mem_free(pol->processes);
    for (size_t i = 0; i < pol->n_faults; i++) {
        mem_free(pol->faults[i].call);
        mem_free(pol->faults[i].account);
    }
    mem_free(pol->faults);
    for (size_t i = 0; i < pol->n_mappings; i++) {
        mem_free(pol->mappings[i].domain);
        mem_free(pol->mappings[i].name);
    }
    mem_free(pol->mappings);
    for (size_t i = 0; i < pol->n_packages; i++)
        mem_free(pol->packages[i].name);
    mem_free(pol->packages);
    policy_index_free(pol->index);
    policy_free_names(pol);
    mem_free(pol);
}
