/* SPDX-License-Identifier: MIT */
/*
 * The name indexes of the policy (accounts, groups, process entries): names
 * hash and compare as Windows compares them, case-insensitively code point
 * by code point. Knows nothing of SIDs, rights or membership.
 */
#include "config.h"

#include "core/model/policy_htab.h"

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

long policy_index_account_by_name_h(const struct policy_index *idx, const struct policy *pol,
                                    const char *name, uint32_t hash)
{
    return htab_find(&idx->account_names, hash, account_name_eq, pol, name);
}

long policy_index_group_by_name_h(const struct policy_index *idx, const struct policy *pol,
                                  const char *name, uint32_t hash)
{
    return htab_find(&idx->group_names, hash, group_name_eq, pol, name);
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
    return htab_find(&idx->process_names, policy_index_name_hash(name), process_name_eq, pol,
                     name);
}

