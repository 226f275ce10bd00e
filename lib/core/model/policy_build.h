/* SPDX-License-Identifier: MIT */
/*
 * The build side of the policy model (policy.h is the read side): how a
 * policy source makes a struct policy. The loader builds policies with these
 * functions, the calls that change the policy in force (LsaAddAccountRights
 * and its kin, a password change) apply them to a copy (policy_copy(),
 * current_mutate()), and policy_finish() freezes the result; the engine,
 * the state and the other Windows functions only read (policy.h).
 *
 * Ownership: policy_new() and policy_copy() return a policy with one
 * reference, dropped with policy_unref(); strings passed in are copied.
 */
#ifndef LSAEMU_CORE_MODEL_POLICY_BUILD_H
#define LSAEMU_CORE_MODEL_POLICY_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model/policy.h"

/* RIDs under the machine SID of the built-in Administrator and Guest
 * accounts and of the "None" group. */
#define POLICY_RID_ADMINISTRATOR 500
#define POLICY_RID_GUEST 501
#define POLICY_RID_NONE 513
/* RIDs under the domain SID of the domain's built-in global groups. */
#define POLICY_RID_DOMAIN_ADMINS 512
#define POLICY_RID_DOMAIN_USERS 513
#define POLICY_RID_DOMAIN_GUESTS 514

/* How an account's or group's SID is chosen (the sid_source field). */
enum policy_sid_source {
    POLICY_SID_AUTO,  /* next free RID from 1000, in order: groups, then accounts */
    POLICY_SID_RID,   /* <machine sid>-<rid> */
    POLICY_SID_FIXED, /* sid as stored */
};

/* A policy holding only the built-in accounts and groups, default machine
 * settings and no rights; NULL on allocation failure. */
struct policy *policy_new(void);

/* Replaces an owned string field with a copy of value (NULL clears). 0 or -1. */
int policy_set_string(char **field, const char *value);

/*
 * Appends a local account or group named name (SID_AUTO, blank password,
 * domain assigned by policy_prepare()). The caller checks for duplicates with
 * policy_account_index()/policy_group_index() first. Returns the new index,
 * or -1 on allocation failure. Indexes stay valid; pointers into the arrays
 * do not survive the next append.
 */
long policy_add_account(struct policy *pol, const char *name);
long policy_add_group(struct policy *pol, const char *name);
/* Index of the account (group, process) with that name, case-insensitive, or
 * -1. Usable at any time while building. */
long policy_account_index(const struct policy *pol, const char *name);
long policy_group_index(const struct policy *pol, const char *name);
long policy_process_index(const struct policy *pol, const char *name);
/* The same with the name hashed once: policy_name_hash(name) is the hash the
 * name tables use, for a caller that looks a name up in both tables and then
 * adds it (the loader, once per account). */
uint32_t policy_name_hash(const char *name);
long policy_account_index_h(const struct policy *pol, const char *name, uint32_t hash);
long policy_group_index_h(const struct policy *pol, const char *name, uint32_t hash);
long policy_add_account_h(struct policy *pol, const char *name, uint32_t hash);
long policy_add_group_h(struct policy *pol, const char *name, uint32_t hash);

/*
 * The domain the machine is joined to (struct policy_domain):
 * policy_set_domain_name() names it, once, and adds its built-in groups
 * Domain Admins, Domain Users and Domain Guests (-1 when it is named
 * already, or on allocation failure); the caller sets the other fields of
 * pol->domain. policy_add_domain_account()/_group() append an account or
 * group of the domain (in_domain), whose name is indexed apart from the
 * machine's, so that the caller checks for duplicates with
 * policy_domain_account_index()/_group_index(). Indexes as for
 * policy_add_account().
 */
int policy_set_domain_name(struct policy *pol, const char *name);
long policy_add_domain_account(struct policy *pol, const char *name);
long policy_add_domain_group(struct policy *pol, const char *name);
long policy_domain_account_index(const struct policy *pol, const char *name);
long policy_domain_group_index(const struct policy *pol, const char *name);

/* Adds a direct member to groups[group] (duplicates are dropped at finish). */
int policy_add_member(struct policy *pol, size_t group, const struct sid *member);
/* The same for the SID of accounts[account], without hashing it. */
int policy_add_member_account(struct policy *pol, size_t group, size_t account);

/*
 * Shared lists (struct policy_list). policy_add_list() starts an empty list
 * and returns its index (-1 on allocation failure); policy_list_add()
 * appends a SID to it and policy_list_add_group() a reference to
 * groups[group], both only while it is the last list made (0 or -1).
 * Duplicates are dropped at finish. A list becomes a group's member list
 * with policy_set_member_list() and an account's list of groups with
 * policy_set_groups_list(), any number of times: that is the sharing.
 */
long policy_add_list(struct policy *pol);
int policy_list_add(struct policy *pol, size_t list, const struct sid *sid);
int policy_list_add_group(struct policy *pol, size_t list, size_t group);
void policy_set_member_list(struct policy *pol, size_t group, size_t list);
void policy_set_groups_list(struct policy *pol, size_t account, size_t list);
/* Copies logon hours / appends one workstation name to an account. 0 or -1. */
int policy_set_logon_hours(struct account *acct, const struct hours_range *ranges, size_t n);
int policy_add_workstation(struct account *acct, const char *name);
/* The account's extra block for writing, allocated (zeroed) on first use;
 * NULL on allocation failure. */
struct account_extra *policy_account_x(struct account *acct);

/* Replaces the holders of right id and marks it set (the stock list no longer
 * applies). n may be 0: nobody holds it. 0 or -1. */
int policy_set_right(struct policy *pol, int id, const struct sid *holders, size_t n);

/* Appends a process entry running as accounts[account], session 1. Index or -1. */
long policy_add_process(struct policy *pol, const char *name, size_t account);
/* Appends a copy of *f (strings copied). 0 or -1. */
int policy_add_fault(struct policy *pol, const struct fault *f);
/* Appends a SID-name mapping (strings copied; the caller has checked for
 * collisions). 0 or -1. Usable on a finished copy (current_mutate()). */
int policy_add_mapping(struct policy *pol, const char *domain, const char *name,
                       const struct sid *sid);
/* Removes mappings[i], keeping the order of the others. */
void policy_remove_mapping(struct policy *pol, size_t i);
/* Appends a copy of *pkg (the name copied). 0 or -1. */
int policy_add_package(struct policy *pol, const struct policy_package *pkg);

/*
 * Reports one SID collision found by policy_prepare(): the item defined
 * later (b) got the SID of an earlier one (a). Items are groups when the
 * *_is_group flag is set, else accounts.
 */
typedef void (*policy_clash_fn)(void *ctx, const struct policy *pol, bool a_is_group, size_t a,
                                bool b_is_group, size_t b);

/*
 * Freezes identities: assigns RIDs and SIDs (see enum policy_sid_source;
 * the domain's under its SID, from a counter of their own), sets every
 * account's and group's domain from the machine name (the domain's name for
 * the domain's), adds the built-in memberships of Administrator and Guest
 * (and, on a domain member, of Domain Admins and Domain Users) and builds the SID
 * indexes, so that policy_resolve_principal() and the SID look-ups work
 * before policy_finish(). Call after the machine section and every account
 * and group is known. Calls clash (may be NULL) for each SID used twice and
 * returns their number, or -1 on allocation failure. Runs once.
 */
int policy_prepare(struct policy *pol, policy_clash_fn clash, void *ctx);

/*
 * Resolves base and role, assigns RIDs and SIDs in file order (runs
 * policy_prepare() if the source did not), adds the implicit `default`
 * process (SYSTEM) when there is none, fills in the stock rights for every
 * right the policy did not set, and builds the indexes. Returns 0, or -1 on
 * allocation failure.
 */
int policy_finish(struct policy *pol);

/*
 * A deep copy of a finished policy (policy_copy.c) with one reference
 * (policy_unref), not finished: the builder functions apply (every right is
 * marked set, so policy_set_right() replaces holders exactly), then
 * policy_finish(). NULL on allocation failure. Used to change a policy in
 * force: change the copy, finish it, then make it current.
 */
struct policy *policy_copy(const struct policy *src);

#endif
