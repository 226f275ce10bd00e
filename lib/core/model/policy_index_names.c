/* SPDX-License-Identifier: MIT */
/*
 * The name indexes of the policy (accounts, groups, process entries): names
 * hash and compare as Windows compares them, case-insensitively code point
 * by code point. Knows nothing of SIDs, rights or membership.
 */
#include "config.h"

#include "core/model/policy_index.h"

#include "base/casefold.h"

/* Names compare as Windows compares them: code point by code point after
 * upper-casing (casefold.h), so "JOSÉ" finds "josé". */
uint32_t policy_index_name_hash(const char *s)
{
    uint32_t h = 2166136261u, cp;
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        /* ASCII fast path: the same code points casefold_next() returns. */
        unsigned c = *p;
        if (c < 0x80) {
            if (!c)
                break;
            p++;
            cp = c >= 'a' && c <= 'z' ? c - 0x20 : c;
        } else {
            cp = casefold_next(&p);
        }
        h = (h ^ cp) * 16777619u;
    }
    return h;
}

bool policy_index_name_equal(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    uint32_t x, y;
    do {
        unsigned c = *p, d = *q;
        if (c < 0x80 && d < 0x80) {
            /* Both ASCII: upper-case inline (casefold_upper's ASCII rule). */
            p++;
            q++;
            x = c >= 'a' && c <= 'z' ? c - 0x20 : c;
            y = d >= 'a' && d <= 'z' ? d - 0x20 : d;
            continue;
        }
        x = casefold_next(&p);
        y = casefold_next(&q);
    } while (x && x == y);
    return x == y;
}

/* A name look-up: the walk stops at the item whose name is the one. */
struct name_query {
    const struct policy *pol;
    const char *name;
};

static bool account_name_eq(void *ctx, uint32_t item)
{
    const struct name_query *q = ctx;
    return policy_index_name_equal(q->pol->accounts[item].name, q->name);
}

static bool group_name_eq(void *ctx, uint32_t item)
{
    const struct name_query *q = ctx;
    return policy_index_name_equal(q->pol->groups[item].name, q->name);
}

static bool process_name_eq(void *ctx, uint32_t item)
{
    const struct name_query *q = ctx;
    return policy_index_name_equal(q->pol->processes[item].name, q->name);
}

/* The item of t whose name is name (hashed to hash), or -1. */
static inline __attribute__((always_inline)) long
find_name(const struct htab *t, uint32_t hash, htab_stop_fn eq, const struct policy *pol,
          const char *name)
{
    struct name_query q = {pol, name};
    return htab_find(t, hash, eq, &q);
}

int policy_index_add_process_name(struct policy_index *idx, const struct policy *pol, size_t i)
{
    return htab_insert(&idx->process_names, policy_index_name_hash(pol->processes[i].name),
                       (uint32_t)i);
}

long policy_index_account_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name)
{
    return find_name(&idx->account_names, policy_index_name_hash(name), account_name_eq, pol,
                     name);
}

long policy_index_group_by_name(const struct policy_index *idx, const struct policy *pol,
                                const char *name)
{
    return find_name(&idx->group_names, policy_index_name_hash(name), group_name_eq, pol, name);
}

long policy_index_account_by_name_h(const struct policy_index *idx, const struct policy *pol,
                                    const char *name, uint32_t hash)
{
    return find_name(&idx->account_names, hash, account_name_eq, pol, name);
}

long policy_index_group_by_name_h(const struct policy_index *idx, const struct policy *pol,
                                  const char *name, uint32_t hash)
{
    return find_name(&idx->group_names, hash, group_name_eq, pol, name);
}

int policy_index_add_account_name_h(struct policy_index *idx, size_t i, uint32_t hash)
{
    return htab_insert(&idx->account_names, hash, (uint32_t)i);
}

int policy_index_add_group_name_h(struct policy_index *idx, size_t i, uint32_t hash)
{
    return htab_insert(&idx->group_names, hash, (uint32_t)i);
}

long policy_index_process_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name)
{
    return find_name(&idx->process_names, policy_index_name_hash(name), process_name_eq, pol,
                     name);
}


/* ---- The domain's names ------------------------------------------------------ */

long policy_index_domain_account_by_name(const struct policy_index *idx,
                                         const struct policy *pol, const char *name)
{
    return find_name(&idx->domain_account_names, policy_index_name_hash(name), account_name_eq,
                     pol, name);
}

long policy_index_domain_group_by_name(const struct policy_index *idx, const struct policy *pol,
                                       const char *name)
{
    return find_name(&idx->domain_group_names, policy_index_name_hash(name), group_name_eq, pol,
                     name);
}

int policy_index_add_domain_account_name(struct policy_index *idx, const struct policy *pol,
                                         size_t i)
{
    return htab_insert(&idx->domain_account_names,
                       policy_index_name_hash(pol->accounts[i].name), (uint32_t)i);
}

int policy_index_add_domain_group_name(struct policy_index *idx, const struct policy *pol,
                                       size_t i)
{
    return htab_insert(&idx->domain_group_names, policy_index_name_hash(pol->groups[i].name),
                       (uint32_t)i);
}

static bool upn_eq(void *ctx, uint32_t item)
{
    const struct name_query *q = ctx;
    const struct account_extra *x = q->pol->accounts[item].x;
    return x && x->upn && policy_index_name_equal(x->upn, q->name);
}

int policy_index_build_upns(struct policy_index *idx, const struct policy *pol)
{
    htab_free(&idx->upns);
    for (size_t i = 0; i < pol->n_accounts; i++) {
        const struct account *a = &pol->accounts[i];
        if (a->in_domain && a->x && a->x->upn &&
            htab_insert(&idx->upns, policy_index_name_hash(a->x->upn), (uint32_t)i) < 0)
            return -1;
    }
    return 0;
}

long policy_index_account_by_upn(const struct policy_index *idx, const struct policy *pol,
                                 const char *upn)
{
    return find_name(&idx->upns, policy_index_name_hash(upn), upn_eq, pol, upn);
}
