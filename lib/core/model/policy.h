/* SPDX-License-Identifier: MIT */
/*
 * The policy model: one emulated Windows machine as plain C data.
 *
 * A struct policy is built by a policy source (lib/loader/, e.g. the YAML
 * loader) through the builder functions below, then frozen with
 * policy_finish() and only read afterwards. It is reference counted so that a
 * reload can replace it while calls that started on the old one finish on it.
 * The model knows nothing of YAML, handles or Windows structures; strings are
 * UTF-8, times are seconds since the Unix epoch (UTC).
 *
 * Ownership: policy_new() returns a policy with one reference; policy_unref()
 * drops one and frees the policy with the last. Every pointer obtained from a
 * policy is borrowed and valid while the caller holds a reference.
 */
#ifndef LSAEMU_CORE_MODEL_POLICY_H
#define LSAEMU_CORE_MODEL_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model/rights.h"
#include "core/model/sid.h"

enum machine_role { ROLE_WORKSTATION, ROLE_SERVER };
enum policy_base { BASE_FROM_ROLE, BASE_WORKSTATION, BASE_SERVER, BASE_NONE };

/* Built-in principals the engine treats specially. */
enum account_kind {
    ACCOUNT_NORMAL,          /* a SAM account of the machine (incl. Administrator, Guest) */
    ACCOUNT_SYSTEM,          /* NT AUTHORITY\SYSTEM, S-1-5-18 */
    ACCOUNT_LOCAL_SERVICE,   /* NT AUTHORITY\LOCAL SERVICE, S-1-5-19 */
    ACCOUNT_NETWORK_SERVICE, /* NT AUTHORITY\NETWORK SERVICE, S-1-5-20 */
};

/* A half-open interval of minutes in the week, Monday 00:00 UTC = 0. */
struct hours_range {
    uint16_t start;
    uint16_t end; /* exclusive; at most 7 * 24 * 60 */
};

/* What few accounts set (expiry, logon hours, workstations, the profile
 * strings other than full_name): one optional block per account, so that
 * the record of every account stays small (128 bytes on LP64). */
struct account_extra {
    int64_t expires;

    struct hours_range *logon_hours; /* owned; empty list = never */
    size_t n_logon_hours;

    char **workstations;          /* owned */
    size_t n_workstations;

    /* Profile fields (MSV1_0_INTERACTIVE_PROFILE), owned, NULL when absent. */
    char *home_directory;
    char *home_directory_drive;
    char *profile_path;
    char *logon_script;
};

/* Fields are ordered so that the flags share the padding after the SID and
 * the hash: one record per account, and large policies hold many. */
struct account {
    char *name;   /* as written in the policy (or the built-in spelling) */
    char *domain; /* machine name, or "NT AUTHORITY" for the service accounts */
    struct sid sid;

    /* MD4 of the UTF-16LE password; blank_password is true when it is the
     * hash of the empty string (no password, password "", or that hash). */
    uint8_t nt_hash[16];

    /* Builder state: how policy_prepare() assigns the SID (enum policy_sid_source)
     * and the RID given with rid:. Not meaningful after policy_finish(). */
    uint32_t rid;
    uint8_t sid_source;

    unsigned kind : 2; /* enum account_kind */
    bool blank_password : 1;
    bool builtin : 1;
    bool disabled : 1;
    bool locked_out : 1;
    bool password_expired : 1;
    bool must_change_password : 1;
    bool has_expires : 1;         /* then x->expires is set */
    bool has_logon_hours : 1;     /* absent = any time */
    bool has_workstations : 1;    /* absent = any workstation */
    /* 1 + the index in pol->lists of a list of groups it is a member of,
     * shared with other accounts (an aliased groups: list; an account's
     * own list adds it to each group's members instead); 0 = none. Its
     * items are references to groups. In the padding before full_name. */
    uint32_t groups_list;

    /* Profile field (MSV1_0_INTERACTIVE_PROFILE), owned, NULL when absent:
     * set on many accounts, so kept here rather than in the extra block. */
    char *full_name;

    /* Owned, NULL when none of its fields is set; read it with account_x(). */
    struct account_extra *x;
};

/* The account's rarely used fields; an all-empty block when it has none. */
extern const struct account_extra policy_no_extra;
static inline const struct account_extra *account_x(const struct account *a)
{
    return a->x ? a->x : &policy_no_extra;
}

/*
 * A list of SIDs that several groups or accounts can share: what one YAML
 * list becomes, however many groups alias it as their members (or accounts
 * as their groups), so that it is stored once and the memberships it means
 * are never multiplied out. Its items are 4-byte references into the
 * policy's SIDs (as struct group's members), at pol->list_items[first ..
 * first + n); read them with policy_list_sid(). Lists only grow while they
 * are the last one made, and never change once the policy is finished.
 */
struct policy_list {
    uint32_t first;
    uint32_t n;
};

struct group {
    char *name;
    char *domain;   /* "BUILTIN" for aliases in S-1-5-32, else the machine name */
    struct sid sid;
    bool builtin;
    char *description; /* owned, may be NULL */
    /* Owned; direct members added one by one (the built-in ones, and
     * accounts whose own groups: list names this group) as 4-byte
     * references into the policy's SIDs, not 68-byte copies: large
     * policies hold one or two per account. Read them with
     * policy_member(). The members a policy lists for the group are in
     * its member list (list), not here. */
    uint32_t *members;
    size_t n_members;

    /* Builder state, as in struct account. */
    uint8_t sid_source;
    uint32_t rid;
    /* 1 + the index in pol->lists of its member list (members:), shared
     * with the other groups that alias it; 0 = none. */
    uint32_t list;
};

struct process_entry {
    char *name;
    size_t account;       /* index into policy->accounts */
    right_mask enabled;   /* privileges listed in enabled: */
    uint32_t session;     /* terminal session id; 0 = services session (not console) */
};

struct fault {
    char *call;        /* Windows function name */
    uint32_t nth;      /* 1-based call count; 0 = every call */
    char *account;     /* NULL = any account */
    int32_t status;    /* NTSTATUS */
};

struct policy {
    /* Where it came from, for messages ("workstation.yaml", "<default>"). */
    char *source;

    char *machine_name;
    char *machine_domain; /* domain the machine is joined to, NULL for a workgroup */
    struct sid machine_sid;
    enum machine_role role;
    enum policy_base base; /* as written; BASE_FROM_ROLE resolved at finish */
    bool has_time;
    int64_t time;          /* fixed "now" */

    bool blank_password_console_only; /* default true */
    bool require_logon_process;       /* default false */

    struct account *accounts;
    size_t n_accounts;
    struct group *groups;
    size_t n_groups;

    /* Shared lists (struct policy_list) and their items, owned. */
    struct policy_list *lists;
    size_t n_lists;
    uint32_t *list_items;
    size_t n_list_items;

    /* The rights database: for each right id, the SIDs holding it directly. */
    struct sid *holders[RIGHT_COUNT];
    size_t n_holders[RIGHT_COUNT];

    struct process_entry *processes;
    size_t n_processes;

    struct fault *faults;
    size_t n_faults;

    /* Rights named by the policy source; policy_finish() gives every other
     * right its stock holders. */
    right_mask rights_set;
    bool prepared; /* policy_prepare() ran: SIDs and domains are final */

    /* The domain strings policy_prepare() gives accounts and groups point
     * here (or at static "BUILTIN" / "NT AUTHORITY") instead of each holding
     * a copy; owned. */
    char *local_domain;
    /* Member lists (and the shared lists) were cut to their exact size by
     * policy_finish(), so policy_add_member() (policy_add_list(), ...) can
     * no longer infer their capacity. */
    bool members_exact;

    /* The names of accounts and groups, packed into a few large blocks
     * (struct policy_names, policy_strings.c) instead of one allocation each; owned. */
    struct policy_names *names;

    /* Private indexes, built by policy_finish(). */
    struct policy_index *index;
    int refcount; /* atomic */
};

/* ---- Builder (used by policy sources only) ------------------------------ */

/* RIDs under the machine SID of the built-in Administrator and Guest
 * accounts and of the "None" group. */
#define POLICY_RID_ADMINISTRATOR 500
#define POLICY_RID_GUEST 501
#define POLICY_RID_NONE 513

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

/* Adds a direct member to groups[group] (duplicates are dropped at finish). */
int policy_add_member(struct policy *pol, size_t group, const struct sid *member);
/* The same for the SID of accounts[account], without hashing it. */
int policy_add_member_account(struct policy *pol, size_t group, size_t account);
/* The SID of the k-th direct member of g (k < g->n_members). */
const struct sid *policy_member(const struct policy *pol, const struct group *g, size_t k);

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
/* The SID of the k-th item of pol->lists[list]. */
const struct sid *policy_list_sid(const struct policy *pol, size_t list, size_t k);
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

/*
 * Reports one SID collision found by policy_prepare(): the item defined
 * later (b) got the SID of an earlier one (a). Items are groups when the
 * *_is_group flag is set, else accounts.
 */
typedef void (*policy_clash_fn)(void *ctx, const struct policy *pol, bool a_is_group, size_t a,
                                bool b_is_group, size_t b);

/*
 * Freezes identities: assigns RIDs and SIDs (see enum policy_sid_source),
 * sets every account's and group's domain from the machine name, adds the
 * built-in memberships of Administrator and Guest and builds the SID
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

/* ---- Lifetime ------------------------------------------------------------ */

struct policy *policy_ref(struct policy *pol);
void policy_unref(struct policy *pol);

/* ---- Look-ups (after policy_finish) --------------------------------------- */

/* Case-insensitive account look-up by bare name; NULL when unknown. */
const struct account *policy_find_account(const struct policy *pol, const char *name);
const struct account *policy_find_account_sid(const struct policy *pol, const struct sid *sid);
const struct group *policy_find_group(const struct policy *pol, const char *name);
const struct group *policy_find_group_sid(const struct policy *pol, const struct sid *sid);
/* policy_find_group_sid() of groups[g]'s own SID, as an index: g itself
 * unless an earlier group has that SID too, then without hashing. Valid
 * from policy_prepare() on. */
size_t policy_group_by_own_sid(const struct policy *pol, size_t g);
const struct process_entry *policy_find_process(const struct policy *pol, const char *name);

/*
 * Resolves any principal spelling of policy-format.md ("alice", "WS1\alice",
 * ".\alice", "BUILTIN\Administrators", "NT AUTHORITY\SYSTEM", "Everyone",
 * "S-1-5-32-544", "*S-1-5-32-544") to a SID. Returns false when the name
 * names nothing. SID strings always resolve when well formed.
 */
bool policy_resolve_principal(const struct policy *pol, const char *text, struct sid *out);

/* Rights and privileges held directly by one SID (no group expansion). */
right_mask policy_rights_of(const struct policy *pol, const struct sid *sid);

/*
 * What the logon path reads about one SID, from one index probe: its rights
 * and the groups listing it directly. Those are groups (ascending indexes
 * into pol->groups) and, when it is in a list several groups share or it is
 * an account with a shared list of groups, shared sets of groups (read them
 * with policy_shared_groups()); policy_info_groups() merges both.
 */
struct policy_sid_info {
    right_mask rights;       /* held directly */
    const uint32_t *groups;  /* ascending indexes into pol->groups */
    size_t n_groups;
    const uint32_t *shared;  /* ids for policy_shared_groups() */
    size_t n_shared;
};
void policy_sid_info(const struct policy *pol, const struct sid *sid, struct policy_sid_info *out);
/* The same for pol->groups[group], without hashing its SID. */
void policy_group_info(const struct policy *pol, size_t group, struct policy_sid_info *out);
/* The groups of shared set id: *n ascending indexes into pol->groups. */
const uint32_t *policy_shared_groups(const struct policy *pol, uint32_t id, size_t *n);
/*
 * Every group listing the SID of info directly, ascending, each once: *n
 * indexes into pol->groups at *groups. Without shared sets that is
 * info->groups itself (likewise a single shared set); else the sets are
 * merged into *buf, of *cap items, which this grows with mem_realloc() (the
 * caller frees it with mem_free()). The cost is that of the groups read.
 * 0, or -1 when memory runs out.
 */
int policy_info_groups(const struct policy *pol, const struct policy_sid_info *info,
                       uint32_t **buf, size_t *cap, const uint32_t **groups, size_t *n);
/* The account, else the group, with that SID (both NULL when neither): one
 * walk of the SID index where the two look-ups above would take two. */
void policy_find_sid_owner(const struct policy *pol, const struct sid *sid,
                           const struct account **account, const struct group **group);

/*
 * Appends to *set (a caller-owned array of *n SIDs with room for cap) every
 * local group whose membership includes one of the SIDs already in the set,
 * repeating until nothing changes. Returns the new count, or cap + 1 when the
 * array is too small (or memory runs out).
 */
size_t policy_expand_groups(const struct policy *pol, struct sid *set, size_t n, size_t cap);

#endif
