/* SPDX-License-Identifier: MIT */
/*
 * Hash indexes for the policy model (see policy_index.h): the lifetime of
 * the indexes, the SID table, rights and membership (the name indexes are in
 * policy_index_names.c, the hash table in base/htab.h). The tables store
 * item indexes and the item's hash; keys are compared through the policy's
 * own arrays, so nothing is copied but the SIDs of the rights and membership
 * maps, which have no array of their own.
 */
#include "config.h"
#include "base/mem.h"
#include "base/array.h"

#include "core/model/policy_index.h"

#include <stdlib.h>
#include <string.h>

struct policy_index *policy_index_new(void)
{
    struct policy_index *idx = mem_calloc(1, sizeof(struct policy_index));
    if (idx)
        idx->account_names.dense = idx->group_names.dense = idx->process_names.dense =
            idx->domain_account_names.dense = idx->domain_group_names.dense =
                idx->upns.dense = true;
    return idx;
}

/* Forgets the rights and memberships; the entries stay. */
static void free_derived(struct policy_index *idx)
{
    mem_free(idx->masks);
    mem_free(idx->member_groups);
    mem_free(idx->group_entry);
    mem_free(idx->sets);
    mem_free(idx->set_groups);
    idx->masks = NULL;
    idx->member_groups = idx->group_entry = idx->set_groups = NULL;
    idx->sets = NULL;
    idx->n_masks = idx->n_group_entry = idx->n_sets = 0;
    for (size_t i = 0; i < idx->n_entries; i++)
        idx->entries[i].mask = idx->entries[i].first = idx->entries[i].n_groups = 0;
}

/* Forgets the SID table; the pool of other SIDs stays, as member lists
 * refer into it. */
static void free_sids(struct policy_index *idx)
{
    free_derived(idx);
    htab_free(&idx->sids);
    mem_free(idx->entries);
    mem_free(idx->clashes);
    idx->entries = NULL;
    idx->clashes = NULL;
    idx->n_entries = idx->cap_entries = idx->n_clashes = 0;
    idx->sid_groups = idx->sid_accounts = 0;
}

void policy_index_free(struct policy_index *idx)
{
    if (!idx)
        return;
    htab_free(&idx->account_names);
    htab_free(&idx->group_names);
    htab_free(&idx->process_names);
    htab_free(&idx->domain_account_names);
    htab_free(&idx->domain_group_names);
    htab_free(&idx->upns);
    free_sids(idx);
    mem_free(idx->other);
    mem_free(idx);
}

/* ---- SIDs: one table for accounts, groups, holders and members ------------- */

static inline const struct sid *entry_sid(const struct policy_index *idx,
                                          const struct policy *pol, uint32_t ref)
{
    uint32_t i = ref & ~SID_REF_KIND;
    switch (ref & SID_REF_KIND) {
    case SID_REF_ACCOUNT:
        return &pol->accounts[i].sid;
    case SID_REF_GROUP:
        return &pol->groups[i].sid;
    default:
        return &idx->other[i];
    }
}

/* A walk of the SID table for one SID: what the stop tests below compare
 * and note. */
struct sid_walk {
    const struct policy_index *idx;
    const struct policy *pol;
    const struct sid *sid;
    uint32_t kind;          /* find_kind(): the kind of item wanted */
    long account, group;    /* the first account and group met, or -1 */
};

static inline bool entry_is(const struct sid_walk *w, uint32_t ref)
{
    return sid_equal(entry_sid(w->idx, w->pol, ref), w->sid);
}

/* Any entry with the SID: the first met is its canonical entry. */
static bool stop_at_sid(void *ctx, uint32_t item)
{
    const struct sid_walk *w = ctx;
    return entry_is(w, w->idx->entries[item].ref);
}

/* The first item of kind w->kind with the SID. The kind is compared
 * before the SID: the entry is only read (a cache miss in a large table)
 * when it can be the one. */
static bool stop_at_kind(void *ctx, uint32_t item)
{
    const struct sid_walk *w = ctx;
    uint32_t ref = w->idx->entries[item].ref;
    return (ref & SID_REF_KIND) == w->kind && entry_is(w, ref);
}

/* Notes the first account and the first group with the SID; stops at the
 * account (an account wins over a group), else walks to the end. */
static bool note_owner(void *ctx, uint32_t item)
{
    struct sid_walk *w = ctx;
    uint32_t ref = w->idx->entries[item].ref, kind = ref & SID_REF_KIND;
    if (kind == SID_REF_OTHER || (kind == SID_REF_GROUP && w->group >= 0) || !entry_is(w, ref))
        return false;
    if (kind == SID_REF_GROUP) {
        w->group = (long)(ref & ~SID_REF_KIND);
        return false;
    }
    w->account = (long)(ref & ~SID_REF_KIND);
    return true;
}

/* The canonical entry of sid (the first one the probe meets), or -1. */
static inline __attribute__((always_inline)) long
find_entry(const struct policy_index *idx, const struct policy *pol, const struct sid *sid,
           uint32_t hash)
{
    struct sid_walk w = {idx, pol, sid, 0, -1, -1};
    return htab_find(&idx->sids, hash, stop_at_sid, &w);
}

/* Index of the first account (group) with sid, or -1. */
static long find_kind(const struct policy_index *idx, const struct policy *pol,
                      const struct sid *sid, uint32_t kind)
{
    struct sid_walk w = {idx, pol, sid, kind, -1, -1};
    long e = htab_find(&idx->sids, sid_hash(sid), stop_at_kind, &w);
    return e < 0 ? -1 : (long)(idx->entries[e].ref & ~SID_REF_KIND);
}

/* Appends an entry for ref; its index, or -1. Arrays grow by an eighth, as
 * the entries of a large policy are nearly all added at once. */
static long add_entry(struct policy_index *idx, uint32_t ref, uint32_t hash)
{
    if (idx->n_entries == idx->cap_entries) {
        size_t ncap = idx->cap_entries + idx->cap_entries / 8 + 64;
        struct policy_sid_entry *e = mem_realloc(idx->entries, ncap * sizeof *e);
        if (!e)
            return -1;
        idx->entries = e;
        idx->cap_entries = ncap;
    }
    idx->entries[idx->n_entries] = (struct policy_sid_entry){.ref = ref};
    if (htab_insert(&idx->sids, hash, (uint32_t)idx->n_entries) < 0)
        return -1;
    return (long)idx->n_entries++;
}

/* Makes room for one more SID in idx->other; 0 or -1. */
static int reserve_other(struct policy_index *idx)
{
    return array_reserve(&idx->other, &idx->cap_other, idx->n_other + 1, sizeof *idx->other, 16);
}

/* The canonical entry of sid, adding one for a SID that is no account or
 * group (a copy goes to idx->other). -1 on allocation failure. */
static long intern_sid(struct policy_index *idx, const struct policy *pol, const struct sid *sid)
{
    uint32_t h = sid_hash(sid);
    long e = find_entry(idx, pol, sid, h);
    if (e >= 0)
        return e;
    if (reserve_other(idx) < 0)
        return -1;
    idx->other[idx->n_other] = *sid;
    e = add_entry(idx, SID_REF_OTHER | (uint32_t)idx->n_other, h);
    if (e >= 0)
        idx->n_other++;
    return e;
}

int64_t policy_index_sid_ref(struct policy_index *idx, const struct policy *pol,
                             const struct sid *sid)
{
    if (idx->sids.cap) {
        long e = intern_sid(idx, pol, sid);
        return e < 0 ? -1 : (int64_t)idx->entries[e].ref;
    }
    /* Before the SIDs are final (the built-in members of policy_new()):
     * a copy, entered into the table by policy_index_build_sids(). */
    if (reserve_other(idx) < 0)
        return -1;
    idx->other[idx->n_other] = *sid;
    return (int64_t)(SID_REF_OTHER | (uint32_t)idx->n_other++);
}

const struct sid *policy_index_ref_sid(const struct policy_index *idx, const struct policy *pol,
                                       uint32_t ref)
{
    return entry_sid(idx, pol, ref);
}

/* Records that the item of ref b has the SID of the earlier item a. */
static int add_clash(struct policy_index *idx, uint32_t a, uint32_t b)
{
    size_t n = idx->n_clashes;
    if ((n & (n - 1)) == 0) { /* 0, 1, 2, 4, ...: full at each power of two */
        uint32_t *c = mem_realloc(idx->clashes, (n ? n * 2 : 1) * 2 * sizeof *c);
        if (!c)
            return -1;
        idx->clashes = c;
    }
    idx->clashes[2 * n] = a;
    idx->clashes[2 * n + 1] = b;
    idx->n_clashes++;
    return 0;
}

/* add_item_entry()'s walk: the first group and the first account already
 * in the table with the SID (ref + 1, 0 = none). */
struct clash_walk {
    struct sid_walk w;
    uint32_t group, account;
};

static bool note_first(void *ctx, uint32_t item)
{
    struct clash_walk *c = ctx;
    uint32_t r = c->w.idx->entries[item].ref;
    uint32_t *first = (r & SID_REF_KIND) == SID_REF_GROUP ? &c->group : &c->account;
    if (!*first && entry_is(&c->w, r))
        *first = r + 1;
    return false;
}

/*
 * Adds the entry of an account or group (ref) while the table is built,
 * and finds in the same walk of its probe chain the first group and the
 * first account already there with the same SID: the collision
 * policy_prepare() reports (a group's SID taken by a later group or
 * account, else an account's by a later account). 0 or -1.
 */
static int add_item_entry(struct policy_index *idx, const struct policy *pol, uint32_t ref)
{
    struct htab *t = &idx->sids;
    if (htab_full(t) && htab_grow(t) < 0)
        return -1;
    const struct sid *sid = entry_sid(idx, pol, ref);
    uint32_t hash = sid_hash(sid);
    struct clash_walk w = {{idx, pol, sid, 0, -1, -1}, 0, 0};
    long found;
    size_t pos = htab_walk(t, hash, note_first, &w, NULL, &found);
    /* build_sids sized the entries for every account and group. */
    htab_put_at(t, pos, hash, (uint32_t)idx->n_entries);
    idx->entries[idx->n_entries++] = (struct policy_sid_entry){.ref = ref};
    if (w.group || w.account)
        return add_clash(idx, (w.group ? w.group : w.account) - 1, ref);
    return 0;
}

size_t policy_index_clashes(const struct policy_index *idx, const uint32_t **pairs)
{
    *pairs = idx->clashes;
    return idx->n_clashes;
}

int policy_index_build_sids(struct policy_index *idx, const struct policy *pol)
{
    free_sids(idx);
    size_t n = pol->n_groups + pol->n_accounts + idx->n_other;
    idx->entries = mem_malloc((n + 64) * sizeof *idx->entries);
    if (!idx->entries || htab_reserve(&idx->sids, n + 64) < 0)
        return -1;
    idx->cap_entries = n + 64;
    for (size_t i = 0; i < pol->n_groups; i++)
        if (add_item_entry(idx, pol, SID_REF_GROUP | (uint32_t)i) < 0)
            return -1;
    for (size_t i = 0; i < pol->n_accounts; i++)
        if (add_item_entry(idx, pol, SID_REF_ACCOUNT | (uint32_t)i) < 0)
            return -1;
    idx->sid_groups = pol->n_groups;
    idx->sid_accounts = pol->n_accounts;
    /* SIDs already in the pool, unless an account or group has them (or an
     * earlier copy does). */
    for (size_t k = 0; k < idx->n_other; k++) {
        uint32_t h = sid_hash(&idx->other[k]);
        if (find_entry(idx, pol, &idx->other[k], h) < 0 &&
            add_entry(idx, SID_REF_OTHER | (uint32_t)k, h) < 0)
            return -1;
    }
    return 0;
}

long policy_index_account_by_sid(const struct policy_index *idx, const struct policy *pol,
                                 const struct sid *sid)
{
    return find_kind(idx, pol, sid, SID_REF_ACCOUNT);
}

long policy_index_group_by_sid(const struct policy_index *idx, const struct policy *pol,
                               const struct sid *sid)
{
    return find_kind(idx, pol, sid, SID_REF_GROUP);
}

void policy_index_owner_by_sid(const struct policy_index *idx, const struct policy *pol,
                               const struct sid *sid, long *account, long *group)
{
    struct sid_walk w = {idx, pol, sid, 0, -1, -1};
    long found;
    htab_walk(&idx->sids, sid_hash(sid), note_owner, &w, NULL, &found);
    *account = w.account;
    *group = w.group;
}

/* ---- Rights and membership ---------------------------------------------------- */

int policy_index_build_rights(struct policy_index *idx, struct policy *pol)
{
    mem_free(idx->masks);
    idx->masks = NULL;
    idx->n_masks = 0;
    for (size_t i = 0; i < idx->n_entries; i++)
        idx->entries[i].mask = 0;
    size_t mcap = 0;
    for (int r = 0; r < RIGHT_COUNT; r++) {
        size_t kept = 0;
        for (size_t k = 0; k < pol->n_holders[r]; k++) {
            long e = intern_sid(idx, pol, &pol->holders[r][k]);
            if (e < 0)
                return -1;
            struct policy_sid_entry *en = &idx->entries[e];
            if (!en->mask) {
                if (array_reserve(&idx->masks, &mcap, idx->n_masks + 1, sizeof *idx->masks, 32) <
                    0)
                    return -1;
                idx->masks[idx->n_masks++] = 0;
                en->mask = (uint32_t)idx->n_masks;
            }
            right_mask *m = &idx->masks[en->mask - 1];
            /* A SID listed twice for one right holds it once. */
            if (*m & RIGHT_BIT(r))
                continue;
            *m |= RIGHT_BIT(r);
            pol->holders[r][kept++] = pol->holders[r][k];
        }
        pol->n_holders[r] = kept;
    }
    return 0;
}

/* The canonical entry of a member reference: straight from the reference
 * while no two accounts or groups share a SID (see policy_index.h), else
 * through the table. -1 on allocation failure. */
static inline long ref_entry(struct policy_index *idx, const struct policy *pol, uint32_t ref)
{
    uint32_t i = ref & ~SID_REF_KIND;
    if (!idx->n_clashes) {
        if ((ref & SID_REF_KIND) == SID_REF_GROUP && i < idx->sid_groups)
            return (long)i;
        if ((ref & SID_REF_KIND) == SID_REF_ACCOUNT && i < idx->sid_accounts)
            return (long)(idx->sid_groups + i);
    }
    return intern_sid(idx, pol, entry_sid(idx, pol, ref));
}

/* Entry flag: its direct groups are followed in member_groups by the count
 * and the ids of the shared sets of groups that also list it. */
#define ENTRY_SHARED 0x80000000u

/* Zeroed array of n counters; NULL on allocation failure. */
static uint32_t *counters(size_t n)
{
    return mem_calloc(n ? n : 1, sizeof(uint32_t));
}

/* Drops the items of each list that name the same entry as an earlier
 * item: once per list, however many groups or accounts share it. mark is
 * zeroed, one counter per entry. */
static void dedup_lists(struct policy_index *idx, struct policy *pol, uint32_t *mark)
{
    for (size_t l = 0; l < pol->n_lists; l++) {
        struct policy_list *list = &pol->lists[l];
        uint32_t *items = pol->list_items + list->first, kept = 0;
        for (uint32_t k = 0; k < list->n; k++) {
            /* Interned by the caller's first pass: no allocation. */
            long e = ref_entry(idx, pol, items[k]);
            if (mark[e] == l + 1)
                continue;
            mark[e] = (uint32_t)(l + 1);
            items[kept++] = items[k];
        }
        list->n = kept;
    }
}

/* The set ids of each list: as the member list of several groups, and as
 * the list of groups of accounts (1 + id, 0 = none). */
struct shared_walk {
    const uint32_t *group_set;   /* per list: 1 + set id as a member list, 0 = none */
    const uint32_t *account_set; /* per list: 1 + set id as a list of groups, 0 = none */
};

/* Calls fn(idx, entry, set, ctx) for each entry a shared set lists: the
 * members of a list several groups share, and each account that has a
 * shared list of groups. */
static void walk_shared(struct policy_index *idx, struct policy *pol, const struct shared_walk *w,
                        void (*fn)(struct policy_index *, uint32_t, uint32_t, void *), void *ctx)
{
    for (size_t l = 0; l < pol->n_lists; l++) {
        if (!w->group_set[l])
            continue;
        const struct policy_list *list = &pol->lists[l];
        for (uint32_t k = 0; k < list->n; k++)
            fn(idx, (uint32_t)ref_entry(idx, pol, pol->list_items[list->first + k]),
               w->group_set[l] - 1, ctx);
    }
    for (size_t a = 0; a < pol->n_accounts; a++) {
        uint32_t l = pol->accounts[a].groups_list;
        if (l)
            fn(idx, (uint32_t)ref_entry(idx, pol, SID_REF_ACCOUNT | (uint32_t)a),
               w->account_set[l - 1] - 1, ctx);
    }
}

static void count_shared(struct policy_index *idx, uint32_t e, uint32_t set, void *ctx)
{
    (void)set;
    uint32_t *n_shared = ctx;
    if (!n_shared[e]++)
        idx->entries[e].n_groups |= ENTRY_SHARED;
}

static void place_shared(struct policy_index *idx, uint32_t e, uint32_t set, void *ctx)
{
    uint32_t *placed = ctx;
    const struct policy_sid_entry *en = &idx->entries[e];
    uint32_t at = en->first + (en->n_groups & ~ENTRY_SHARED) + 1;
    idx->member_groups[at + placed[e]++] = set;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/*
 * The shared sets of groups: one per list that several groups use as their
 * members (the set is those groups), and one per list that accounts use as
 * their groups (the set is its groups). Each is stored once, ascending; its
 * id goes to group_set or account_set (1 + id, per list). gusers holds how
 * many groups use each list.
 */
static int build_sets(struct policy_index *idx, const struct policy *pol, const uint32_t *gusers,
                      uint32_t *group_set, uint32_t *account_set)
{
    size_t n_sets = 0, total = 0;
    for (size_t l = 0; l < pol->n_lists; l++)
        if (gusers[l] >= 2) {
            group_set[l] = (uint32_t)++n_sets;
            total += gusers[l];
        }
    for (size_t a = 0; a < pol->n_accounts; a++) {
        uint32_t l = pol->accounts[a].groups_list;
        if (l && !account_set[l - 1]) {
            account_set[l - 1] = (uint32_t)++n_sets;
            total += pol->lists[l - 1].n;
        }
    }
    idx->sets = mem_malloc((n_sets ? n_sets : 1) * sizeof *idx->sets);
    idx->set_groups = mem_malloc((total ? total : 1) * sizeof *idx->set_groups);
    if (!idx->sets || !idx->set_groups)
        return -1;
    idx->n_sets = n_sets;
    size_t at = 0;
    for (size_t l = 0; l < pol->n_lists; l++) {
        if (group_set[l]) {
            idx->sets[group_set[l] - 1] = (struct policy_group_set){(uint32_t)at, 0};
            at += gusers[l];
        }
        if (account_set[l]) {
            /* Its groups, as indexes, ascending and each once. */
            struct policy_group_set *set = &idx->sets[account_set[l] - 1];
            const struct policy_list *list = &pol->lists[l];
            uint32_t *g = idx->set_groups + at, n = 0;
            for (uint32_t k = 0; k < list->n; k++) {
                uint32_t ref = pol->list_items[list->first + k];
                if ((ref & SID_REF_KIND) == SID_REF_GROUP)
                    g[n++] = ref & ~SID_REF_KIND;
            }
            qsort(g, n, sizeof *g, cmp_u32);
            uint32_t kept = 0;
            for (uint32_t k = 0; k < n; k++)
                if (!kept || g[kept - 1] != g[k])
                    g[kept++] = g[k];
            *set = (struct policy_group_set){(uint32_t)at, kept};
            at += list->n;
        }
    }
    /* The groups using each shared member list, in group order. */
    for (size_t g = 0; g < pol->n_groups; g++) {
        uint32_t l = pol->groups[g].list;
        if (l && group_set[l - 1]) {
            struct policy_group_set *set = &idx->sets[group_set[l - 1] - 1];
            idx->set_groups[set->first + set->n++] = (uint32_t)g;
        }
    }
    return 0;
}

/*
 * The direct members of groups[g] an entry lists g for: its own members
 * (compacted: duplicates dropped) and, when no other group uses it, the
 * items of its member list. Calls fn(idx, entry, g, ctx) for each entry
 * once; last holds, per entry, 1 + the last group that counted it.
 */
static void walk_direct(struct policy_index *idx, struct policy *pol, size_t g,
                        const uint32_t *gusers, uint32_t *last,
                        void (*fn)(struct policy_index *, uint32_t, uint32_t, void *), void *ctx)
{
    struct group *grp = &pol->groups[g];
    size_t kept = 0;
    for (size_t k = 0; k < grp->n_members; k++) {
        long e = ref_entry(idx, pol, grp->members[k]);
        if (last[e] == g + 1)
            continue;
        last[e] = (uint32_t)(g + 1);
        fn(idx, (uint32_t)e, (uint32_t)g, ctx);
        grp->members[kept++] = grp->members[k];
    }
    grp->n_members = kept;
    if (grp->list && gusers[grp->list - 1] == 1) {
        const struct policy_list *list = &pol->lists[grp->list - 1];
        for (uint32_t k = 0; k < list->n; k++) {
            long e = ref_entry(idx, pol, pol->list_items[list->first + k]);
            if (last[e] == g + 1)
                continue;
            last[e] = (uint32_t)(g + 1);
            fn(idx, (uint32_t)e, (uint32_t)g, ctx);
        }
    }
}

static void count_direct(struct policy_index *idx, uint32_t e, uint32_t g, void *ctx)
{
    (void)g;
    (void)ctx;
    idx->entries[e].n_groups++;
}

static void place_direct(struct policy_index *idx, uint32_t e, uint32_t g, void *ctx)
{
    uint32_t *placed = ctx;
    idx->member_groups[idx->entries[e].first + placed[e]++] = g;
}

/*
 * Member SID -> groups, linear in what the policy states: a group's own
 * members and a member list only it uses are entered for each member (the
 * groups listing an entry directly, ascending); a list several groups
 * share, and an account's shared list of groups, become one shared set of
 * groups each, which every entry concerned refers to by its id. So a list
 * of m names that n groups alias costs m + n, not m * n.
 */
int policy_index_build_members(struct policy_index *idx, struct policy *pol)
{
    mem_free(idx->member_groups);
    mem_free(idx->group_entry);
    mem_free(idx->sets);
    mem_free(idx->set_groups);
    idx->member_groups = idx->group_entry = idx->set_groups = NULL;
    idx->sets = NULL;
    idx->n_group_entry = idx->n_sets = 0;
    for (size_t i = 0; i < idx->n_entries; i++)
        idx->entries[i].first = idx->entries[i].n_groups = 0;
    uint32_t *last = NULL, *gusers = NULL, *group_set = NULL, *account_set = NULL;
    uint32_t *per_entry = NULL;
    int rc = -1;

    /* Every reference gets its entry first, so that the counters below,
     * one per entry, cover them all (ref_entry() no longer allocates). */
    for (size_t g = 0; g < pol->n_groups; g++)
        for (size_t k = 0; k < pol->groups[g].n_members; k++)
            if (ref_entry(idx, pol, pol->groups[g].members[k]) < 0)
                goto out;
    for (size_t k = 0; k < pol->n_list_items; k++)
        if (ref_entry(idx, pol, pol->list_items[k]) < 0)
            goto out;
    for (size_t g = 0; g < pol->n_groups; g++)
        if (ref_entry(idx, pol, SID_REF_GROUP | (uint32_t)g) < 0)
            goto out;
    for (size_t a = 0; a < pol->n_accounts; a++)
        if (pol->accounts[a].groups_list && ref_entry(idx, pol, SID_REF_ACCOUNT | (uint32_t)a) < 0)
            goto out;
    size_t n_lists = pol->n_lists;
    if (!(last = counters(idx->n_entries)) || !(gusers = counters(n_lists)) ||
        !(group_set = counters(n_lists)) || !(account_set = counters(n_lists)))
        goto out;
    dedup_lists(idx, pol, last);
    memset(last, 0, idx->n_entries * sizeof *last);
    for (size_t g = 0; g < pol->n_groups; g++)
        if (pol->groups[g].list)
            gusers[pol->groups[g].list - 1]++;
    if (build_sets(idx, pol, gusers, group_set, account_set) < 0)
        goto out;

    /* Pass 1: count the direct groups and the shared sets of each entry. */
    for (size_t g = 0; g < pol->n_groups; g++)
        walk_direct(idx, pol, g, gusers, last, count_direct, NULL);
    struct shared_walk w = {group_set, account_set};
    if (idx->n_sets) {
        if (!(per_entry = counters(idx->n_entries)))
            goto out;
        walk_shared(idx, pol, &w, count_shared, per_entry);
    }

    /* Pass 2: lay the lists out back to back. */
    size_t total = 0;
    for (size_t i = 0; i < idx->n_entries; i++) {
        struct policy_sid_entry *en = &idx->entries[i];
        en->first = (uint32_t)total;
        total += en->n_groups & ~ENTRY_SHARED;
        if (en->n_groups & ENTRY_SHARED)
            total += 1 + per_entry[i];
    }
    idx->member_groups = mem_malloc((total ? total : 1) * sizeof *idx->member_groups);
    idx->group_entry = mem_malloc((pol->n_groups ? pol->n_groups : 1) * sizeof *idx->group_entry);
    if (!idx->member_groups || !idx->group_entry)
        goto out;
    for (size_t i = 0; per_entry && i < idx->n_entries; i++) {
        const struct policy_sid_entry *en = &idx->entries[i];
        if (en->n_groups & ENTRY_SHARED) {
            idx->member_groups[en->first + (en->n_groups & ~ENTRY_SHARED)] = per_entry[i];
            per_entry[i] = 0;
        }
    }
    memset(last, 0, idx->n_entries * sizeof *last);
    uint32_t *placed = counters(idx->n_entries);
    if (!placed)
        goto out;
    for (size_t g = 0; g < pol->n_groups; g++)
        walk_direct(idx, pol, g, gusers, last, place_direct, placed);
    mem_free(placed);
    if (per_entry)
        walk_shared(idx, pol, &w, place_shared, per_entry);
    for (size_t g = 0; g < pol->n_groups; g++)
        idx->group_entry[g] = (uint32_t)ref_entry(idx, pol, SID_REF_GROUP | (uint32_t)g);
    idx->n_group_entry = pol->n_groups;
    rc = 0;
out:
    mem_free(last);
    mem_free(gusers);
    mem_free(group_set);
    mem_free(account_set);
    mem_free(per_entry);
    return rc;
}

static inline void entry_info(const struct policy_index *idx, long e,
                              struct policy_sid_info *out)
{
    if (e < 0 || !idx->member_groups) {
        *out = (struct policy_sid_info){0, NULL, 0, NULL, 0};
        if (e >= 0 && idx->entries[e].mask)
            out->rights = idx->masks[idx->entries[e].mask - 1];
        return;
    }
    const struct policy_sid_entry *en = &idx->entries[e];
    out->rights = en->mask ? idx->masks[en->mask - 1] : 0;
    uint32_t n = en->n_groups;
    const uint32_t *at = idx->member_groups + en->first;
    out->groups = at;
    if (__builtin_expect(!(n & ENTRY_SHARED), 1)) {
        out->n_groups = n;
        out->shared = NULL;
        out->n_shared = 0;
        return;
    }
    n &= ~ENTRY_SHARED;
    out->n_groups = n;
    out->n_shared = at[n];
    out->shared = at + n + 1;
}

const uint32_t *policy_index_shared_groups(const struct policy_index *idx, uint32_t id,
                                           size_t *n)
{
    const struct policy_group_set *set = &idx->sets[id];
    *n = set->n;
    return idx->set_groups + set->first;
}

right_mask policy_index_rights_of(const struct policy_index *idx, const struct policy *pol,
                                  const struct sid *sid)
{
    struct policy_sid_info info;
    entry_info(idx, find_entry(idx, pol, sid, sid_hash(sid)), &info);
    return info.rights;
}

void policy_index_sid_info(const struct policy_index *idx, const struct policy *pol,
                           const struct sid *sid, struct policy_sid_info *out)
{
    entry_info(idx, find_entry(idx, pol, sid, sid_hash(sid)), out);
}

void policy_index_group_info(const struct policy_index *idx, size_t g,
                             struct policy_sid_info *out)
{
    entry_info(idx, g < idx->n_group_entry ? (long)idx->group_entry[g] : -1, out);
}
