/* SPDX-License-Identifier: MIT */
/*
 * Hash indexes for the policy model (see policy_index.h). The tables store
 * item indexes and the item's hash; keys are compared through the policy's
 * own arrays, so nothing is copied but the SIDs of the rights and membership
 * maps, which have no array of their own.
 */
#include "config.h"
#include "core/mem.h"

#include "policy_index.h"

#include "casefold.h"

#include <stdlib.h>
#include <string.h>

typedef bool (*htab_eq_fn)(const void *ctx, uint32_t item, const void *key);

/* ---- Generic table -------------------------------------------------------- */

static void htab_free(struct htab *t)
{
    mem_free(t->hash);
    mem_free(t->item);
    memset(t, 0, sizeof *t);
}

static int htab_grow(struct htab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 16;
    uint32_t *hash = mem_calloc(cap, sizeof *hash);
    uint32_t *item = mem_calloc(cap, sizeof *item);
    if (!hash || !item) {
        mem_free(hash);
        mem_free(item);
        return -1;
    }
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->item[i])
            continue;
        size_t j = t->hash[i] & (cap - 1);
        while (item[j])
            j = (j + 1) & (cap - 1);
        hash[j] = t->hash[i];
        item[j] = t->item[i];
    }
    mem_free(t->hash);
    mem_free(t->item);
    t->hash = hash;
    t->item = item;
    t->cap = cap;
    return 0;
}

/* Adds item (no duplicate check); 0 or -1. Load factor stays below 1/2. */
static int htab_insert(struct htab *t, uint32_t hash, uint32_t item)
{
    if ((t->count + 1) * 2 > t->cap && htab_grow(t) < 0)
        return -1;
    size_t j = hash & (t->cap - 1);
    while (t->item[j])
        j = (j + 1) & (t->cap - 1);
    t->hash[j] = hash;
    t->item[j] = item + 1;
    t->count++;
    return 0;
}

/* Always inlined, so that each look-up calls its comparison directly. */
static inline __attribute__((always_inline)) long
htab_find(const struct htab *t, uint32_t hash, htab_eq_fn eq, const void *ctx, const void *key)
{
    if (!t->cap)
        return -1;
    size_t j = hash & (t->cap - 1);
    while (t->item[j]) {
        if (t->hash[j] == hash && eq(ctx, t->item[j] - 1, key))
            return (long)(t->item[j] - 1);
        j = (j + 1) & (t->cap - 1);
    }
    return -1;
}

/* ---- Names ---------------------------------------------------------------- */

/* Names compare as Windows compares them: code point by code point after
 * upper-casing (casefold.h), so "JOSÉ" finds "josé". */
uint32_t policy_index_name_hash(const char *s)
{
    uint32_t h = 2166136261u, cp;
    const unsigned char *p = (const unsigned char *)s;
    while ((cp = casefold_next(&p)) != 0)
        h = (h ^ cp) * 16777619u;
    return h;
}

bool policy_index_name_equal(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    uint32_t x, y;
    do {
        x = casefold_next(&p);
        y = casefold_next(&q);
    } while (x && x == y);
    return x == y;
}

static bool account_name_eq(const void *ctx, uint32_t item, const void *key)
{
    const struct policy *pol = ctx;
    return policy_index_name_equal(pol->accounts[item].name, key);
}

static bool group_name_eq(const void *ctx, uint32_t item, const void *key)
{
    const struct policy *pol = ctx;
    return policy_index_name_equal(pol->groups[item].name, key);
}

static bool process_name_eq(const void *ctx, uint32_t item, const void *key)
{
    const struct policy *pol = ctx;
    return policy_index_name_equal(pol->processes[item].name, key);
}

struct policy_index *policy_index_new(void)
{
    return mem_calloc(1, sizeof(struct policy_index));
}

static void free_rights(struct policy_index *idx)
{
    htab_free(&idx->right_sids);
    mem_free(idx->right_sid);
    mem_free(idx->right_mask_of);
    idx->right_sid = NULL;
    idx->right_mask_of = NULL;
    idx->n_right_sids = 0;
}

static void free_members(struct policy_index *idx)
{
    htab_free(&idx->member_sids);
    mem_free((void *)idx->member_sid);
    mem_free(idx->member_first);
    mem_free(idx->member_count);
    mem_free(idx->member_groups);
    idx->member_sid = NULL;
    idx->member_first = idx->member_count = idx->member_groups = NULL;
    idx->n_member_sids = 0;
}

void policy_index_free(struct policy_index *idx)
{
    if (!idx)
        return;
    htab_free(&idx->account_names);
    htab_free(&idx->group_names);
    htab_free(&idx->process_names);
    htab_free(&idx->account_sids);
    htab_free(&idx->group_sids);
    free_rights(idx);
    free_members(idx);
    mem_free(idx);
}

int policy_index_add_account_name(struct policy_index *idx, const struct policy *pol, size_t i)
{
    return htab_insert(&idx->account_names, policy_index_name_hash(pol->accounts[i].name),
                       (uint32_t)i);
}

int policy_index_add_group_name(struct policy_index *idx, const struct policy *pol, size_t i)
{
    return htab_insert(&idx->group_names, policy_index_name_hash(pol->groups[i].name),
                       (uint32_t)i);
}

int policy_index_add_process_name(struct policy_index *idx, const struct policy *pol, size_t i)
{
    return htab_insert(&idx->process_names, policy_index_name_hash(pol->processes[i].name),
                       (uint32_t)i);
}

long policy_index_account_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name)
{
    return htab_find(&idx->account_names, policy_index_name_hash(name), account_name_eq, pol,
                     name);
}

long policy_index_group_by_name(const struct policy_index *idx, const struct policy *pol,
                                const char *name)
{
    return htab_find(&idx->group_names, policy_index_name_hash(name), group_name_eq, pol, name);
}

long policy_index_process_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name)
{
    return htab_find(&idx->process_names, policy_index_name_hash(name), process_name_eq, pol,
                     name);
}

/* ---- SIDs ----------------------------------------------------------------- */

static bool account_sid_eq(const void *ctx, uint32_t item, const void *key)
{
    const struct policy *pol = ctx;
    return sid_equal(&pol->accounts[item].sid, key);
}

static bool group_sid_eq(const void *ctx, uint32_t item, const void *key)
{
    const struct policy *pol = ctx;
    return sid_equal(&pol->groups[item].sid, key);
}

int policy_index_build_sids(struct policy_index *idx, const struct policy *pol)
{
    htab_free(&idx->account_sids);
    htab_free(&idx->group_sids);
    for (size_t i = 0; i < pol->n_accounts; i++)
        if (htab_insert(&idx->account_sids, sid_hash(&pol->accounts[i].sid), (uint32_t)i) < 0)
            return -1;
    for (size_t i = 0; i < pol->n_groups; i++)
        if (htab_insert(&idx->group_sids, sid_hash(&pol->groups[i].sid), (uint32_t)i) < 0)
            return -1;
    return 0;
}

long policy_index_account_by_sid(const struct policy_index *idx, const struct policy *pol,
                                 const struct sid *sid)
{
    return htab_find(&idx->account_sids, sid_hash(sid), account_sid_eq, pol, sid);
}

long policy_index_group_by_sid(const struct policy_index *idx, const struct policy *pol,
                               const struct sid *sid)
{
    return htab_find(&idx->group_sids, sid_hash(sid), group_sid_eq, pol, sid);
}

/* ---- SID arrays (rights and membership) ------------------------------------ */

static bool sid_array_eq(const void *ctx, uint32_t item, const void *key)
{
    const struct sid *arr = ctx;
    return sid_equal(&arr[item], key);
}

/*
 * Finds sid in the growing array *arr (n entries, capacity *cap) through t,
 * adding it when absent. Returns its position or -1 on allocation failure.
 */
static long intern_sid(struct htab *t, struct sid **arr, size_t *n, size_t *cap,
                       const struct sid *sid, bool *added)
{
    uint32_t h = sid_hash(sid);
    long pos = htab_find(t, h, sid_array_eq, *arr, sid);
    *added = false;
    if (pos >= 0)
        return pos;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        struct sid *grown = mem_realloc(*arr, ncap * sizeof *grown);
        if (!grown)
            return -1;
        *arr = grown;
        *cap = ncap;
    }
    (*arr)[*n] = *sid;
    if (htab_insert(t, h, (uint32_t)*n) < 0)
        return -1;
    *added = true;
    return (long)(*n)++;
}

static int grow_masks(right_mask **masks, size_t need, size_t *cap)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    right_mask *grown = mem_realloc(*masks, ncap * sizeof *grown);
    if (!grown)
        return -1;
    *masks = grown;
    *cap = ncap;
    return 0;
}

int policy_index_build_rights(struct policy_index *idx, struct policy *pol)
{
    free_rights(idx);
    size_t cap = 0, mcap = 0;
    for (int r = 0; r < RIGHT_COUNT; r++) {
        size_t kept = 0;
        for (size_t k = 0; k < pol->n_holders[r]; k++) {
            bool added;
            long pos = intern_sid(&idx->right_sids, &idx->right_sid, &idx->n_right_sids, &cap,
                                  &pol->holders[r][k], &added);
            if (pos < 0 || grow_masks(&idx->right_mask_of, idx->n_right_sids, &mcap) < 0)
                return -1;
            if (added)
                idx->right_mask_of[pos] = 0;
            /* A SID listed twice for one right holds it once. */
            if (idx->right_mask_of[pos] & RIGHT_BIT(r))
                continue;
            idx->right_mask_of[pos] |= RIGHT_BIT(r);
            pol->holders[r][kept++] = pol->holders[r][k];
        }
        pol->n_holders[r] = kept;
    }
    return 0;
}

right_mask policy_index_rights_of(const struct policy_index *idx, const struct sid *sid)
{
    long pos = htab_find(&idx->right_sids, sid_hash(sid), sid_array_eq, idx->right_sid, sid);
    return pos < 0 ? 0 : idx->right_mask_of[pos];
}

static bool sid_ref_eq(const void *ctx, uint32_t item, const void *key)
{
    const struct sid *const *arr = ctx;
    return sid_equal(arr[item], key);
}

/* As intern_sid(), for an array of pointers to SIDs that stay put. */
static long intern_sid_ref(struct htab *t, const struct sid ***arr, size_t *n, size_t *cap,
                           const struct sid *sid, bool *added)
{
    uint32_t h = sid_hash(sid);
    long pos = htab_find(t, h, sid_ref_eq, *arr, sid);
    *added = false;
    if (pos >= 0)
        return pos;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        const struct sid **grown = mem_realloc((void *)*arr, ncap * sizeof *grown);
        if (!grown)
            return -1;
        *arr = grown;
        *cap = ncap;
    }
    (*arr)[*n] = sid;
    if (htab_insert(t, h, (uint32_t)*n) < 0)
        return -1;
    *added = true;
    return (long)(*n)++;
}

static int grow_u32(uint32_t **arr, size_t need, size_t *cap)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    uint32_t *grown = mem_realloc(*arr, ncap * sizeof *grown);
    if (!grown)
        return -1;
    *arr = grown;
    *cap = ncap;
    return 0;
}

int policy_index_build_members(struct policy_index *idx, struct policy *pol)
{
    free_members(idx);
    size_t cap = 0, ccap = 0, lcap = 0;
    uint32_t *last = NULL; /* last group that counted each member, + 1 */
    int rc = -1;

    /* Pass 1: intern member SIDs, count groups per member, drop duplicates. */
    for (size_t g = 0; g < pol->n_groups; g++) {
        struct group *grp = &pol->groups[g];
        size_t kept = 0;
        for (size_t k = 0; k < grp->n_members; k++) {
            bool added;
            long pos = intern_sid_ref(&idx->member_sids, &idx->member_sid, &idx->n_member_sids,
                                      &cap, &grp->members[k], &added);
            if (pos < 0 || grow_u32(&idx->member_count, idx->n_member_sids, &ccap) < 0 ||
                grow_u32(&last, idx->n_member_sids, &lcap) < 0)
                goto out;
            if (added)
                idx->member_count[pos] = 0, last[pos] = 0;
            if (last[pos] == g + 1)
                continue;
            last[pos] = (uint32_t)(g + 1);
            idx->member_count[pos]++;
            grp->members[kept] = grp->members[k];
            /* A SID met for the first time is kept, and stays where it is
             * kept now; later entries only move into later places. */
            if (added)
                idx->member_sid[pos] = &grp->members[kept];
            kept++;
        }
        grp->n_members = kept;
    }

    /* Pass 2: lay the group lists out back to back. */
    size_t n = idx->n_member_sids, total = 0;
    idx->member_first = mem_malloc((n ? n : 1) * sizeof *idx->member_first);
    if (!idx->member_first)
        goto out;
    for (size_t i = 0; i < n; i++) {
        idx->member_first[i] = (uint32_t)total;
        total += idx->member_count[i];
        idx->member_count[i] = 0;
    }
    idx->member_groups = mem_malloc((total ? total : 1) * sizeof *idx->member_groups);
    if (!idx->member_groups)
        goto out;
    for (size_t g = 0; g < pol->n_groups; g++) {
        const struct group *grp = &pol->groups[g];
        for (size_t k = 0; k < grp->n_members; k++) {
            long pos = htab_find(&idx->member_sids, sid_hash(&grp->members[k]), sid_ref_eq,
                                 idx->member_sid, &grp->members[k]);
            idx->member_groups[idx->member_first[pos] + idx->member_count[pos]++] = (uint32_t)g;
        }
    }
    rc = 0;
out:
    mem_free(last);
    return rc;
}

const uint32_t *policy_index_groups_of(const struct policy_index *idx, const struct sid *sid,
                                       size_t *n)
{
    long pos = idx->member_groups ? htab_find(&idx->member_sids, sid_hash(sid), sid_ref_eq,
                                              idx->member_sid, sid)
                                  : -1;
    if (pos < 0) {
        *n = 0;
        return NULL;
    }
    *n = idx->member_count[pos];
    return idx->member_groups + idx->member_first[pos];
}
