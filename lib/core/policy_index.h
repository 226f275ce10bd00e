/* SPDX-License-Identifier: MIT */
/*
 * Hash indexes over a struct policy, private to policy.c: names (case-
 * insensitive) and SIDs to accounts, groups and processes, SID to the rights
 * it holds directly, and member SID to the groups listing it. Every look-up
 * is a hash probe, so the cost of a logon does not grow with the number of
 * accounts. Items are stored as indexes into the policy's arrays.
 */
#ifndef LSAEMU_CORE_POLICY_INDEX_H
#define LSAEMU_CORE_POLICY_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"

/* Open addressing with linear probing; slot item 0 means empty. */
struct htab {
    uint32_t *hash;
    uint32_t *item; /* item index + 1 */
    size_t cap;     /* 0 or a power of two */
    size_t count;
};

struct policy_index {
    /* Maintained while building, so the loader can detect duplicates. */
    struct htab account_names;
    struct htab group_names;
    struct htab process_names;
    /* Built by policy_index_build_sids() once SIDs are assigned. */
    struct htab account_sids;
    struct htab group_sids;
    /* Built by policy_index_build_rights() at finish. */
    struct htab right_sids;
    struct sid *right_sid;
    right_mask *right_mask_of;
    size_t n_right_sids;
    /* Built by policy_index_build_members() at finish: member SID i is listed
     * by the groups member_groups[member_first[i] .. + member_count[i]).
     * member_sid[i] points at the SID in the first group listing it (the
     * member lists do not change after finish), rather than a 68-byte copy. */
    struct htab member_sids;
    const struct sid **member_sid;
    uint32_t *member_first;
    uint32_t *member_count;
    uint32_t *member_groups;
    size_t n_member_sids;
};

/* ASCII case-insensitive hash and comparison used for every name. */
uint32_t policy_index_name_hash(const char *s);
bool policy_index_name_equal(const char *a, const char *b);

struct policy_index *policy_index_new(void);
void policy_index_free(struct policy_index *idx);

/* Register the name of pol->accounts[i] (groups[i], processes[i]); 0 or -1 (no memory). */
int policy_index_add_account_name(struct policy_index *idx, const struct policy *pol, size_t i);
int policy_index_add_group_name(struct policy_index *idx, const struct policy *pol, size_t i);
int policy_index_add_process_name(struct policy_index *idx, const struct policy *pol, size_t i);

/* Index of the account (group, process) with that name, or -1. */
long policy_index_account_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name);
long policy_index_group_by_name(const struct policy_index *idx, const struct policy *pol,
                                const char *name);
long policy_index_process_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name);

/* (Re)builds the SID indexes of accounts and groups; 0 or -1. */
int policy_index_build_sids(struct policy_index *idx, const struct policy *pol);
long policy_index_account_by_sid(const struct policy_index *idx, const struct policy *pol,
                                 const struct sid *sid);
long policy_index_group_by_sid(const struct policy_index *idx, const struct policy *pol,
                               const struct sid *sid);

/* Builds SID -> rights; removes duplicate holders from pol->holders. 0 or -1. */
int policy_index_build_rights(struct policy_index *idx, struct policy *pol);
right_mask policy_index_rights_of(const struct policy_index *idx, const struct sid *sid);

/* Builds member SID -> groups; removes duplicate members. 0 or -1. */
int policy_index_build_members(struct policy_index *idx, struct policy *pol);
/* Groups (indexes into pol->groups) that list sid as a direct member. */
const uint32_t *policy_index_groups_of(const struct policy_index *idx, const struct sid *sid,
                                       size_t *n);

#endif
