/* SPDX-License-Identifier: MIT */
/*
 * Hash indexes over a struct policy, private to the policy model
 * (lib/core/model/policy*.c): names (case-insensitive) and SIDs to
 * accounts, groups and processes, SID to the rights it holds directly, and member SID to the groups listing it (directly, or
 * through a shared set of groups when it is in a list many groups share). Every look-up
 * is a hash probe, so the cost of a logon does not grow with the number of
 * accounts. Items are stored as indexes into the policy's arrays.
 */
#ifndef LSAEMU_CORE_MODEL_POLICY_INDEX_H
#define LSAEMU_CORE_MODEL_POLICY_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/htab.h"
#include "core/model/policy.h"

/* One SID the policy knows: an account's, a group's, or another SID that
 * holds a right or is a member (well-known or foreign; copied into
 * policy_index.other). ref says which; the rights it holds directly and the
 * groups listing it hang off the same entry, so that one probe answers
 * both questions a logon asks of every SID in its token. */
#define SID_REF_ACCOUNT 0x00000000u
#define SID_REF_GROUP 0x40000000u
#define SID_REF_OTHER 0x80000000u
#define SID_REF_KIND 0xC0000000u
struct policy_sid_entry {
    uint32_t ref;      /* SID_REF_* | index */
    uint32_t mask;     /* 1 + index into policy_index.masks, 0 = holds nothing */
    uint32_t first;    /* groups listing it: member_groups[first .. first + n_groups) */
    /* With the top bit set, the groups are followed by the number of the
     * shared sets of groups that list it too and their ids (policy_index.c). */
    uint32_t n_groups;
};

/* A set of groups several SIDs share (a list several groups alias, an
 * account's shared list of groups): set_groups[first .. first + n),
 * ascending. */
struct policy_group_set {
    uint32_t first;
    uint32_t n;
};

struct policy_index {
    /* Maintained while building, so the loader can detect duplicates. */
    struct htab account_names;
    struct htab group_names;
    struct htab process_names;
    /* The names of the domain's accounts and groups (in_domain), apart
     * from the machine's: CORP\alice and WS1\alice are two accounts. */
    struct htab domain_account_names;
    struct htab domain_group_names;
    /* The domain accounts with an explicit upn:, by it (built at finish). */
    struct htab upns;
    /* Built by policy_index_build_sids() once SIDs are assigned: every
     * account and group SID, then (at finish) the other holders and
     * members. A SID used twice has two entries; the first one found is its
     * canonical entry, the one that carries rights and memberships. */
    struct htab sids; /* item = entry index */
    struct policy_sid_entry *entries;
    size_t n_entries, cap_entries;
    struct sid *other;
    size_t n_other, cap_other;
    right_mask *masks;
    size_t n_masks;
    uint32_t *member_groups;
    struct policy_group_set *sets;
    size_t n_sets;
    uint32_t *set_groups;
    /* SID collisions between accounts and groups, found as the SID table is
     * built, in the order policy_prepare() reports them: pairs of SID_REF_*
     * references (the earlier item, then the later one). While there is
     * none, the entry of groups[g] is g and that of accounts[i] is
     * sid_groups + i (i < sid_accounts), so member references map to their
     * entries without hashing. */
    uint32_t *clashes;
    size_t n_clashes;
    size_t sid_groups, sid_accounts;
    /* The canonical entry of each group's SID (built with the members). */
    uint32_t *group_entry;
    size_t n_group_entry;
};

/* ASCII case-insensitive hash and comparison used for every name. */
uint32_t policy_index_name_hash(const char *s);
bool policy_index_name_equal(const char *a, const char *b);

struct policy_index *policy_index_new(void);
void policy_index_free(struct policy_index *idx);

/* Register the name of pol->processes[i]; 0 or -1 (no memory). Accounts
 * and groups register theirs with policy_index_add_*_name_h() below. */
int policy_index_add_process_name(struct policy_index *idx, const struct policy *pol, size_t i);

/* Index of the account (group, process) with that name, or -1. */
long policy_index_account_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name);
long policy_index_group_by_name(const struct policy_index *idx, const struct policy *pol,
                                const char *name);
/* The same with the name's policy_index_name_hash() already known, and the
 * registration of a new name under it (claim() in the loader hashes once). */
long policy_index_account_by_name_h(const struct policy_index *idx, const struct policy *pol,
                                    const char *name, uint32_t hash);
long policy_index_group_by_name_h(const struct policy_index *idx, const struct policy *pol,
                                  const char *name, uint32_t hash);
int policy_index_add_account_name_h(struct policy_index *idx, size_t i, uint32_t hash);
int policy_index_add_group_name_h(struct policy_index *idx, size_t i, uint32_t hash);
long policy_index_process_by_name(const struct policy_index *idx, const struct policy *pol,
                                  const char *name);
/* The same for the domain's accounts and groups (in_domain). */
long policy_index_domain_account_by_name(const struct policy_index *idx,
                                         const struct policy *pol, const char *name);
long policy_index_domain_group_by_name(const struct policy_index *idx, const struct policy *pol,
                                       const char *name);
int policy_index_add_domain_account_name(struct policy_index *idx, const struct policy *pol,
                                         size_t i);
int policy_index_add_domain_group_name(struct policy_index *idx, const struct policy *pol,
                                       size_t i);
/* Indexes the explicit upn: of every domain account (at finish); 0 or -1. */
int policy_index_build_upns(struct policy_index *idx, const struct policy *pol);
/* The domain account whose explicit upn: is upn, or -1. */
long policy_index_account_by_upn(const struct policy_index *idx, const struct policy *pol,
                                 const char *upn);

/* A 4-byte reference (SID_REF_*) to sid, for member lists: the account's or
 * group's with that SID once the SID index is built, else a copy in
 * idx->other (which lives as long as the index). -1 on allocation failure.
 * 64 bits: a reference has its top bit set, and long has 32 bits on
 * Windows (the mingw-w64 DLL). */
int64_t policy_index_sid_ref(struct policy_index *idx, const struct policy *pol,
                          const struct sid *sid);
const struct sid *policy_index_ref_sid(const struct policy_index *idx, const struct policy *pol,
                                       uint32_t ref);

/* (Re)builds the SID indexes of accounts and groups (and of the SIDs
 * already in idx->other), recording the collisions in idx->clashes; 0 or -1. */
int policy_index_build_sids(struct policy_index *idx, const struct policy *pol);
/* The collisions recorded by the last build: *pairs holds 2 * count
 * SID_REF_* references (earlier item, later item). */
size_t policy_index_clashes(const struct policy_index *idx, const uint32_t **pairs);
long policy_index_account_by_sid(const struct policy_index *idx, const struct policy *pol,
                                 const struct sid *sid);
long policy_index_group_by_sid(const struct policy_index *idx, const struct policy *pol,
                               const struct sid *sid);

/* Builds SID -> rights; removes duplicate holders from pol->holders. 0 or -1. */
int policy_index_build_rights(struct policy_index *idx, struct policy *pol);
right_mask policy_index_rights_of(const struct policy_index *idx, const struct policy *pol,
                                  const struct sid *sid);

/* Builds member SID -> groups, in storage linear in the members and lists
 * the policy holds; removes duplicate members and list items. 0 or -1. */
int policy_index_build_members(struct policy_index *idx, struct policy *pol);
/* The groups of shared set id (policy_sid_info.shared): *n ascending
 * indexes into pol->groups. */
const uint32_t *policy_index_shared_groups(const struct policy_index *idx, uint32_t id,
                                           size_t *n);
/* Rights and groups of sid in one probe (after finish). */
void policy_index_sid_info(const struct policy_index *idx, const struct policy *pol,
                           const struct sid *sid, struct policy_sid_info *out);
/* The same for pol->groups[g], without hashing its SID. */
void policy_index_group_info(const struct policy_index *idx, size_t g,
                             struct policy_sid_info *out);
/* The first account and the first group with that SID (-1 when none), in
 * one walk of the table: what a reason names a SID by. */
void policy_index_owner_by_sid(const struct policy_index *idx, const struct policy *pol,
                               const struct sid *sid, long *account, long *group);

#endif
