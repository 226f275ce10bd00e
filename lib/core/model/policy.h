/* SPDX-License-Identifier: MIT */
/*
 * The policy model: one emulated Windows machine as plain C data.
 *
 * A struct policy is built by a policy source (lib/loader/, e.g. the YAML
 * loader) through the builder functions of policy_build.h, then frozen with
 * policy_finish() and only read afterwards: this header is the read side,
 * all that the engine, the state and the Windows functions need. It is reference counted so that a
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

    /* Domain accounts only: the userPrincipalName given with upn:, owned,
     * NULL for the implicit name@dns_name. */
    char *upn;
};

/* Fields are ordered so that the flags share the padding after the SID and
 * the hash: one record per account, and large policies hold many. */
struct account {
    char *name;   /* as written in the policy (or the built-in spelling) */
    char *domain; /* machine name, "NT AUTHORITY" for the service accounts, or the
                   * NetBIOS name of the domain for an account of domain: */
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
    bool in_domain : 1;           /* an account of the domain: section, not of the machine */
    bool cached : 1;              /* domain accounts: logs on interactively from the cache
                                   * while the domain is unreachable */
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
    char *domain;   /* "BUILTIN" for aliases in S-1-5-32, the domain's NetBIOS name for
                     * a group of domain:, else the machine name */
    struct sid sid;
    bool builtin;
    bool in_domain; /* a (global) group of the domain: section */
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
    int8_t elevated;      /* elevated: -1 absent, 0 false, 1 true (machine.uac) */
};

/* What an authentication package a policy declares reads from the
 * LsaLogonUser submit buffer (policy-format.md, packages). */
enum package_format {
    PACKAGE_FORMAT_MSV1_0, /* MSV1_0_INTERACTIVE_LOGON-shaped: type, domain, user, password */
    PACKAGE_FORMAT_TEXT,   /* UTF-16 "user;password[;domain]" */
    PACKAGE_FORMAT_ANY,    /* anything: the buffer is not read */
};

/* How such a package answers a logon it can read. */
enum package_answer {
    PACKAGE_ANSWER_PASSWORD, /* as MSV1_0: the named local account, its password checked */
    PACKAGE_ANSWER_TRUST,    /* the package vouches: no password check */
    PACKAGE_ANSWER_STATUS,   /* always the fixed status */
};

struct policy_package {
    char *name;                /* as LsaLookupAuthenticationPackage takes it */
    enum package_format format;
    uint32_t logon_types;      /* bit t set: SECURITY_LOGON_TYPE t accepted */
    enum package_answer answer;
    int32_t status;            /* PACKAGE_ANSWER_STATUS */
    size_t account;            /* account: (index into accounts), SIZE_MAX when absent */
};

struct fault {
    char *call;        /* Windows function name */
    uint32_t nth;      /* 1-based call count; 0 = every call */
    char *account;     /* NULL = any account; else the account's own name */
    int32_t status;    /* NTSTATUS */
    bool has_account_sid;   /* account_sid is set (the loader resolved account) */
    struct sid account_sid; /* the account's SID, for calls naming it otherwise */
};

/*
 * A SID-name mapping registered through LsaManageSidNameMapping: a domain
 * (name "") or an account of one ("IIS APPPOOL\\web"). Like the account
 * rights changed through the API it lives in the policy in force (copied
 * by policy_copy()), but lsaemu_save_policy_file() does not write it: on
 * Windows the LSA keeps these mappings in memory only, and whoever added
 * them adds them again after a restart.
 */
struct sid_mapping {
    char *domain; /* owned */
    char *name;   /* owned; "" for the domain itself */
    struct sid sid;
};

/*
 * The domain the machine is joined to (the domain: section, or the older
 * machine.domain, which names an unreachable domain without accounts).
 * Its accounts and groups are in the policy's accounts and groups arrays,
 * marked in_domain, with SIDs under sid; their names are indexed apart
 * from the machine's (policy_find_domain_account()).
 */
struct policy_domain {
    char *name;       /* NetBIOS name ("CORP"); NULL: a workgroup machine */
    char *dns_name;   /* "corp.example" */
    char *controller; /* the domain controller named as LogonServer */
    struct sid sid;
    bool reachable;   /* false: its logons fail with STATUS_NO_LOGON_SERVERS */
};

/* The Account Lockout Policy (the lockout: section); threshold 0 = off. */
struct policy_lockout {
    uint32_t threshold;  /* bad passwords that lock an account, 0-999 */
    uint32_t duration;   /* minutes locked; 0 = until reset or reload */
    uint32_t window;     /* minutes after a bad password that the count lasts */
    bool administrator;  /* the built-in Administrator can be locked out too */
};

struct policy {
    /* Where it came from, for messages ("workstation.yaml", "<default>"). */
    char *source;

    char *machine_name;
    struct policy_domain domain;
    struct policy_lockout lockout;
    struct sid machine_sid;
    enum machine_role role;
    enum policy_base base; /* as written; BASE_FROM_ROLE resolved at finish */
    bool has_time;
    int64_t time;          /* fixed "now" */

    bool blank_password_console_only; /* default true */
    bool require_logon_process;       /* default false */
    bool uac;                         /* machine.uac: split administrators' tokens */

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

    /* SID-name mappings (struct sid_mapping), owned, in the order added. */
    struct sid_mapping *mappings;
    size_t n_mappings, cap_mappings;
    /* Authentication packages the policy declares (after the built-in
     * ones), in policy order; owned. */
    struct policy_package *packages;
    size_t n_packages;

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

/* ---- Lifetime ------------------------------------------------------------ */

struct policy *policy_ref(struct policy *pol);
void policy_unref(struct policy *pol);

/* ---- Look-ups (after policy_finish) --------------------------------------- */

/* The SID of the k-th direct member of g (k < g->n_members). */
const struct sid *policy_member(const struct policy *pol, const struct group *g, size_t k);
/* The SID of the k-th item of pol->lists[list]. */
const struct sid *policy_list_sid(const struct policy *pol, size_t list, size_t k);

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

/* The domain's account (group) with that bare name, case-insensitive;
 * NULL when unknown or when the machine has no domain. */
const struct account *policy_find_domain_account(const struct policy *pol, const char *name);
const struct group *policy_find_domain_group(const struct policy *pol, const char *name);
/* The domain account whose userPrincipalName is upn: its upn:, else the
 * implicit name@dns_name. NULL when none. */
const struct account *policy_find_upn(const struct policy *pol, const char *upn);
/* Does text (len bytes) name the machine's domain, by its NetBIOS or its
 * DNS name (case-insensitive)? */
bool policy_is_domain_name(const struct policy *pol, const char *text, size_t len);
/* The userPrincipalName of domain account a into buf (upn:, else
 * name@dns_name); "" for other accounts. */
const char *policy_account_upn(const struct policy *pol, const struct account *a, char *buf,
                               size_t size);

/*
 * Resolves any principal spelling of policy-format.md ("alice", "WS1\alice",
 * ".\alice", "BUILTIN\Administrators", "NT AUTHORITY\SYSTEM", "Everyone",
 * "S-1-5-32-544", "*S-1-5-32-544") to a SID. Returns false when the name
 * names nothing. SID strings always resolve when well formed.
 */
bool policy_resolve_principal(const struct policy *pol, const char *text, struct sid *out);

/*
 * The SID-name mapping of name in domain ("" names the domain itself),
 * case-insensitively; with domain NULL, the first account mapping named
 * name in any domain. NULL when none. A linear pass: mappings are few.
 */
const struct sid_mapping *policy_find_mapping(const struct policy *pol, const char *domain,
                                              const char *name);
/* The mapping of sid, or NULL. */
const struct sid_mapping *policy_find_mapping_sid(const struct policy *pol, const struct sid *sid);

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
