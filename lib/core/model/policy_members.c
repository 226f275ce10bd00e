/* SPDX-License-Identifier: MIT */
/*
 * The read side's membership queries of a policy: a SID's rights and the
 * groups listing it (directly or through shared lists), and the expansion
 * of a set of SIDs by the local groups that contain them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "core/model/policy.h"
#include "core/model/policy_build.h"
#include "core/model/policy_index.h"
#include "core/model/policy_strings.h"
#include "core/model/wellknown.h"

right_mask policy_rights_of(const struct policy *pol, const struct sid *sid)
{
    return policy_index_rights_of(pol->index, pol, sid);
}

void policy_sid_info(const struct policy *pol, const struct sid *sid, struct policy_sid_info *out)
{
    policy_index_sid_info(pol->index, pol, sid, out);
}

void policy_group_info(const struct policy *pol, size_t group, struct policy_sid_info *out)
{
    policy_index_group_info(pol->index, group, out);
}

const uint32_t *policy_shared_groups(const struct policy *pol, uint32_t id, size_t *n)
{
    return policy_index_shared_groups(pol->index, id, n);
}

static int cmp_u32_items(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

int policy_info_groups(const struct policy *pol, const struct policy_sid_info *info,
                       uint32_t **buf, size_t *cap, const uint32_t **groups, size_t *n)
{
    if (!info->n_shared) {
        *n = info->n_groups;
        *groups = info->groups;
        return 0;
    }
    if (!info->n_groups && info->n_shared == 1) {
        *groups = policy_shared_groups(pol, info->shared[0], n);
        return 0;
    }
    /* Several sorted sets: gathered, sorted and made unique. The groups of
     * one SID are few (a token holds at most 1024), and so are the sets:
     * each is a list the policy names the SID in. */
    size_t total = info->n_groups;
    for (size_t i = 0; i < info->n_shared; i++) {
        size_t k;
        policy_shared_groups(pol, info->shared[i], &k);
        total += k;
    }
    *n = 0;
    *groups = NULL;
    if (total > *cap) {
        uint32_t *grown = mem_realloc(*buf, total * sizeof *grown);
        if (!grown)
            return -1;
        *buf = grown;
        *cap = total;
    }
    uint32_t *out = *buf;
    size_t m = info->n_groups;
    if (m)
        memcpy(out, info->groups, m * sizeof *out);
    for (size_t i = 0; i < info->n_shared; i++) {
        size_t k;
        const uint32_t *g = policy_shared_groups(pol, info->shared[i], &k);
        if (k)
            memcpy(out + m, g, k * sizeof *out);
        m += k;
    }
    qsort(out, m, sizeof *out, cmp_u32_items);
    size_t kept = 0;
    for (size_t i = 0; i < m; i++)
        if (!kept || out[kept - 1] != out[i])
            out[kept++] = out[i];
    *n = kept;
    *groups = out;
    return 0;
}

void policy_find_sid_owner(const struct policy *pol, const struct sid *sid,
                           const struct account **account, const struct group **group)
{
    long a, g;
    policy_index_owner_by_sid(pol->index, pol, sid, &a, &g);
    *account = a < 0 ? NULL : &pol->accounts[a];
    *group = a >= 0 || g < 0 ? NULL : &pol->groups[g];
}

static bool set_contains(const struct sid *set, size_t n, const struct sid *sid)
{
    for (size_t i = 0; i < n; i++)
        if (sid_equal(&set[i], sid))
            return true;
    return false;
}

size_t policy_expand_groups(const struct policy *pol, struct sid *set, size_t n, size_t cap)
{
    /* Breadth-first: every SID added is itself looked up as a member, so
     * nested groups expand; the set check stops cycles. */
    uint32_t *buf = NULL;
    size_t bcap = 0;
    for (size_t i = 0; i < n; i++) {
        struct policy_sid_info info;
        const uint32_t *groups;
        size_t k;
        policy_sid_info(pol, &set[i], &info);
        if (policy_info_groups(pol, &info, &buf, &bcap, &groups, &k) < 0) {
            n = cap + 1; /* out of memory: as full */
            break;
        }
        for (size_t j = 0; j < k; j++) {
            const struct sid *gs = &pol->groups[groups[j]].sid;
            if (set_contains(set, n, gs))
                continue;
            if (n == cap) {
                n = cap + 1;
                goto out;
            }
            set[n++] = *gs;
        }
    }
out:
    mem_free(buf);
    return n;
}
