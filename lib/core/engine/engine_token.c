/* SPDX-License-Identifier: MIT */
/*
 * Token assembly: which SIDs and privileges a logon of an account gets
 * (behavior.md 3.5 step 11 and token-groups-by-logon-type), and the calling
 * process's own token. Pure: reads the policy, allocates the token.
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "base/win.h"
#include "core/engine/engine.h"
#include "core/engine/guesses.h"

/* Authorities and RIDs of the SIDs a token is built from. */
#define AUTH_WORLD 1
#define AUTH_LOCAL 2
#define AUTH_NT 5
#define AUTH_LABEL 16
#define AUTH_ASSERTED 18

#define INTEGRITY_ATTRS (TOK_GROUP_INTEGRITY | TOK_GROUP_INTEGRITY_ENABLED)

/* A growing list of SIDs with attributes, each with the rights it holds
 * directly. Most tokens have fewer than 24 groups, so the first ones live
 * inside the set and a logon does not touch the heap for them. */
#define SET_INLINE 32

struct set_item {
    struct token_group g;
    right_mask rights;
    int32_t group; /* index into pol->groups when the SID is known to be that group, else -1 */
};

/* A set that grows past SET_INLINE items is also hashed, so that a user
 * in hundreds of groups (a list many groups share) costs a probe per group
 * rather than a scan of the set: SET_SLOTS slots of 1 + the item's index,
 * enough for the token limit at half load. */
#define SET_SLOTS (2 * GUESS_MAX_TOKEN_GROUPS)

struct sid_set {
    struct set_item *items;
    size_t n, cap;
    bool overflow; /* allocation failed or the token limit was passed */
    bool limit;    /* the token limit was passed */
    uint16_t *slots; /* NULL while the set is small */
    struct set_item inline_items[SET_INLINE];
};

/* Constant SIDs of the token, built once by the compiler rather than by
 * sid_make() on every logon. */
#define SID1(auth, a) {.revision = 1, .count = 1, .authority = {0, 0, 0, 0, 0, (auth)}, .sub = {(a)}}
#define SID2(auth, a, b)                                                                         \
    {.revision = 1, .count = 2, .authority = {0, 0, 0, 0, 0, (auth)}, .sub = {(a), (b)}}

static const struct sid sid_everyone = SID1(AUTH_WORLD, 0);
static const struct sid sid_local = SID1(AUTH_LOCAL, 0);
static const struct sid sid_remote_interactive = SID1(AUTH_NT, 14);
static const struct sid sid_authenticated = SID1(AUTH_NT, 11);
static const struct sid sid_this_org = SID1(AUTH_NT, 15);
static const struct sid sid_local_account = SID1(AUTH_NT, 113);
static const struct sid sid_local_admin = SID1(AUTH_NT, 114);
static const struct sid sid_asserted = SID1(AUTH_ASSERTED, 2);
static const struct sid sid_authority_asserted = SID1(AUTH_ASSERTED, 1);
static const struct sid sid_ntlm = SID2(AUTH_NT, 64, 10);
static const struct sid sid_admins = SID2(AUTH_NT, 32, 544);
/* NT AUTHORITY\<rid> for the logon-type groups (logon_type_rid()). */
static const struct sid sid_nt_type[7] = {SID1(AUTH_NT, 0), SID1(AUTH_NT, 1), SID1(AUTH_NT, 2),
                                          SID1(AUTH_NT, 3), SID1(AUTH_NT, 4), SID1(AUTH_NT, 5),
                                          SID1(AUTH_NT, 6)};

static void set_init(struct sid_set *set)
{
    set->items = set->inline_items;
    set->n = 0;
    set->cap = SET_INLINE;
    set->overflow = false;
    set->limit = false;
    set->slots = NULL;
}

/* Frees the items' storage (set_push() reuses this when it grows them). */
static void set_free_items(struct sid_set *set)
{
    if (set->items != set->inline_items)
        mem_free(set->items);
}

static void set_free(struct sid_set *set)
{
    set_free_items(set);
    if (set->slots)
        mem_free(set->slots);
}

/* Position of sid in a hashed set, or -1. */
static __attribute__((noinline)) long set_find_hashed(const struct sid_set *set,
                                                      const struct sid *sid)
{
    for (size_t j = sid_hash(sid) & (SET_SLOTS - 1); set->slots[j]; j = (j + 1) & (SET_SLOTS - 1))
        if (sid_equal(&set->items[set->slots[j] - 1].g.sid, sid))
            return (long)set->slots[j] - 1;
    return -1;
}

/* Position of sid in the set, or -1. */
static long set_find(const struct sid_set *set, const struct sid *sid)
{
    if (__builtin_expect(set->slots != NULL, 0))
        return set_find_hashed(set, sid);
    for (size_t i = 0; i < set->n; i++)
        if (sid_equal(&set->items[i].g.sid, sid))
            return (long)i;
    return -1;
}

/* Enters item i in the hash slots. */
static void set_slot(struct sid_set *set, size_t i)
{
    size_t j = sid_hash(&set->items[i].g.sid) & (SET_SLOTS - 1);
    while (set->slots[j])
        j = (j + 1) & (SET_SLOTS - 1);
    set->slots[j] = (uint16_t)(i + 1);
}

/* Appends sid, which the caller knows is not in the set yet. */
static void set_push(struct sid_set *set, const struct sid *sid, uint32_t attributes, long group)
{
    if (set->overflow)
        return;
    if (set->n == GUESS_MAX_TOKEN_GROUPS) {
        set->overflow = set->limit = true;
        return;
    }
    if (set->n == set->cap) {
        size_t ncap = set->cap * 2;
        struct set_item *ni = mem_malloc(ncap * sizeof *ni);
        if (!ni) {
            set->overflow = true;
            return;
        }
        memcpy(ni, set->items, set->n * sizeof *ni);
        set_free_items(set);
        set->items = ni;
        set->cap = ncap;
        /* Outgrown the inline items: hashed from now on (the indexes stay). */
        if (!set->slots) {
            set->slots = mem_calloc(SET_SLOTS, sizeof *set->slots);
            if (!set->slots) {
                set->overflow = true;
                return;
            }
            for (size_t i = 0; i < set->n; i++)
                set_slot(set, i);
        }
    }
    struct set_item *it = &set->items[set->n++];
    it->g.sid = *sid;
    it->g.attributes = attributes;
    it->rights = 0;
    it->group = (int32_t)group;
    if (set->slots)
        set_slot(set, set->n - 1);
}

static void set_add(struct sid_set *set, const struct sid *sid, uint32_t attributes)
{
    if (set->overflow || set_find(set, sid) >= 0)
        return;
    set_push(set, sid, attributes, -1);
}

static bool is_network_type(unsigned t)
{
    return t == 3 || t == 8;
}

/* The NT AUTHORITY group a logon type adds (0 = none). */
static uint32_t logon_type_rid(unsigned t)
{
    switch (t) {
    case 2: case 7: case 10: case 11: case 12: case 13:
        return 4; /* INTERACTIVE */
    case 3: case 8:
        return 2; /* NETWORK */
    case 4:
        return 3; /* BATCH */
    case 5:
        return 6; /* SERVICE */
    default:
        return 0;
    }
}

/* The groups of info (those listing one SID) merged when it is in shared
 * sets of groups (policy_info_groups()); the buffer lives for one logon. */
struct merge_buf {
    uint32_t *items;
    size_t cap;
};

/* add_groups_of() for a SID in shared sets of groups: merged first, and
 * stopped once the set is full -- a SID that many groups list costs no more
 * than the token can hold. */
static __attribute__((noinline)) void add_merged_groups(const struct policy *pol,
                                                        struct sid_set *set,
                                                        const struct sid *user,
                                                        const struct policy_sid_info *info,
                                                        struct merge_buf *buf)
{
    const uint32_t *groups;
    size_t n;
    if (policy_info_groups(pol, info, &buf->items, &buf->cap, &groups, &n) < 0) {
        set->overflow = true; /* out of memory */
        return;
    }
    for (size_t j = 0; j < n && !set->overflow; j++) {
        const struct sid *gs = &pol->groups[groups[j]].sid;
        if (sid_equal(gs, user) || set_find(set, gs) >= 0)
            continue;
        set_push(set, gs, TOK_GROUP_DEFAULT, (long)groups[j]);
    }
}

/* Adds the groups of info (those listing one SID) that are not in the set
 * yet; the user is never added as a group. */
static void add_groups_of(const struct policy *pol, struct sid_set *set, const struct sid *user,
                          const struct policy_sid_info *info, struct merge_buf *buf)
{
    if (__builtin_expect(info->n_shared != 0, 0)) {
        add_merged_groups(pol, set, user, info, buf);
        return;
    }
    for (size_t j = 0; j < info->n_groups; j++) {
        const struct sid *gs = &pol->groups[info->groups[j]].sid;
        if (sid_equal(gs, user) || set_find(set, gs) >= 0)
            continue;
        set_push(set, gs, TOK_GROUP_DEFAULT, (long)info->groups[j]);
    }
}

/*
 * Adds the local groups whose membership includes the user or a SID already
 * in the set (Users contains INTERACTIVE and Authenticated Users, and so
 * on), breadth first: every SID added is itself looked up as a member, so
 * nested groups expand; the set check stops cycles. The same probe gives
 * each SID's rights. Returns the user's rights.
 */
static right_mask add_alias_memberships(const struct policy *pol, struct sid_set *set,
                                        const struct sid *user)
{
    struct policy_sid_info info;
    struct merge_buf buf = {NULL, 0};
    policy_sid_info(pol, user, &info);
    right_mask user_rights = info.rights;
    add_groups_of(pol, set, user, &info, &buf);
    for (size_t i = 0; i < set->n && !set->overflow; i++) {
        if (set->items[i].group >= 0)
            policy_group_info(pol, (size_t)set->items[i].group, &info);
        else
            policy_sid_info(pol, &set->items[i].g.sid, &info);
        set->items[i].rights = info.rights;
        add_groups_of(pol, set, user, &info, &buf);
    }
    if (buf.items)
        mem_free(buf.items);
    return user_rights;
}

static bool is_guest(const struct policy *pol, const struct account *acct)
{
    return acct->kind == ACCOUNT_NORMAL && sid_is_child_of(&acct->sid, &pol->machine_sid) &&
           sid_last_rid(&acct->sid) == 501;
}

/* The privileges among the rights table's ids, and how many there are (the
 * most a token holds). Computed once; the table never changes. */
static right_mask privilege_mask(void)
{
    static right_mask mask; /* 0 = not computed yet */
    right_mask m = __atomic_load_n(&mask, __ATOMIC_RELAXED);
    if (m)
        return m;
    for (int id = 0; id < RIGHT_COUNT; id++)
        if (!right_info(id)->is_right)
            m |= RIGHT_BIT(id);
    __atomic_store_n(&mask, m, __ATOMIC_RELAXED);
    return m;
}

static size_t privilege_count(void)
{
    return (size_t)__builtin_popcountll(privilege_mask());
}

/* Privileges of the token from the rights it holds; SYSTEM holds all. */
static int add_privileges(struct token *t, const struct account *acct, right_mask rights)
{
    right_mask todo = privilege_mask();
    if (acct->kind != ACCOUNT_SYSTEM)
        todo &= rights;
    while (todo) {
        int id = __builtin_ctzll(todo);
        todo &= todo - 1;
        uint32_t attrs = 0;
        /* reactos R2 / policy-format: these three start enabled. */
        if (id == RIGHT_SeChangeNotifyPrivilege || id == RIGHT_SeImpersonatePrivilege ||
            id == RIGHT_SeCreateGlobalPrivilege || acct->kind == ACCOUNT_SYSTEM)
            attrs = TOK_PRIV_ENABLED | TOK_PRIV_ENABLED_BY_DEFAULT;
        if (token_add_priv(t, right_info(id)->luid, attrs) != 0)
            return -1;
    }
    return 0;
}

/* Records who carries the rights in mask that no earlier SID carried. */
static void note_carriers(struct token_rights *r, right_mask mask, int16_t who)
{
    right_mask fresh = mask & ~r->all;
    r->all |= mask;
    while (fresh) {
        int id = __builtin_ctzll(fresh);
        fresh &= fresh - 1;
        r->carrier[id] = who;
    }
}

const struct sid *engine_carrier(const struct token *t, const struct token_rights *r, int id)
{
    if (!(r->all & RIGHT_BIT(id)))
        return NULL;
    return r->carrier[id] < 0 ? &t->user : &t->groups[r->carrier[id]].sid;
}

struct token *engine_build_token(const struct policy *pol, const struct token_plan *plan,
                                 struct token_rights *rights, bool *too_many)
{
    const struct account *acct = plan->account;
    /* An account of the domain is no "Local account" and has Domain Users
     * for its primary group instead of the machine's None. */
    bool domain = acct->in_domain;
    bool local_sam = acct->kind == ACCOUNT_NORMAL && !domain;
    bool system = acct->kind == ACCOUNT_SYSTEM;
    unsigned type = plan->logon_type;
    struct token *t = NULL;
    struct sid_set setv, *set = &setv;
    set_init(set);
    *too_many = false;
    rights->all = 0;

    /* These SIDs differ from each other, so only the local groups and the
     * groups found below need the duplicate check. */
    struct sid none = sid_append(domain ? &pol->domain.sid : &pol->machine_sid, 513);
    if (local_sam || domain)
        set_push(set, &none, TOK_GROUP_DEFAULT, -1); /* None, or Domain Users */
    set_push(set, &sid_everyone, TOK_GROUP_DEFAULT, -1);
    uint32_t type_rid = system ? 0 : logon_type_rid(type);
    if (type_rid)
        set_push(set, &sid_nt_type[type_rid], TOK_GROUP_DEFAULT, -1);
    if (type == 10 || type == 12)
        set_push(set, &sid_remote_interactive, TOK_GROUP_DEFAULT, -1);
    if (GUESS_LOCAL_SID_FOR_NON_NETWORK && !system && !is_network_type(type))
        set_push(set, &sid_local, TOK_GROUP_DEFAULT, -1);
    if (!is_guest(pol, acct)) {
        set_push(set, &sid_authenticated, TOK_GROUP_DEFAULT, -1);
        if (!system)
            set_push(set, &sid_this_org, TOK_GROUP_DEFAULT, -1);
    }
    if (local_sam)
        set_push(set, &sid_local_account, TOK_GROUP_DEFAULT, -1);
    if (plan->form == LOGON_FORM_S4U)
        set_push(set, &sid_asserted, TOK_GROUP_DEFAULT, -1);
    else if (local_sam && plan->package != AUTH_KERBEROS && plan->package != AUTH_CUSTOM)
        set_push(set, &sid_ntlm, TOK_GROUP_DEFAULT, -1);
    else if (domain && plan->package == AUTH_MSV1_0)
        set_push(set, &sid_ntlm, TOK_GROUP_DEFAULT, -1);
    else if (domain && GUESS_DOMAIN_KERBEROS_ASSERTED_SID)
        set_push(set, &sid_authority_asserted, TOK_GROUP_DEFAULT, -1);
    for (size_t i = 0; i < plan->n_local_groups; i++)
        set_add(set, &plan->local_groups[i].sid, plan->local_groups[i].attributes);

    right_mask user_rights = add_alias_memberships(pol, set, &acct->sid);
    size_t expanded = set->n;

    long admins_at = set_find(set, &sid_admins);
    bool admin = system || admins_at >= 0;
    if (local_sam && admin)
        set_add(set, &sid_local_admin, TOK_GROUP_DEFAULT);
    if (plan->with_logon_sid) {
        struct sid logon_sid =
            sid_make(AUTH_NT, 3, (uint32_t[]){5, (uint32_t)plan->logon_id.high, plan->logon_id.low});
        set_add(set, &logon_sid, TOK_GROUP_DEFAULT | TOK_GROUP_LOGON_ID);
    }
    uint32_t level = system || acct->kind != ACCOUNT_NORMAL ? 16384 : admin ? 12288 : 8192;
    struct sid label = sid_make1(AUTH_LABEL, level);
    set_add(set, &label, INTEGRITY_ATTRS);

    if (set->overflow) {
        /* Allocation failure inside the set also lands here; the caller
         * tells the two apart through *too_many. */
        *too_many = set->limit;
        goto out;
    }
    /* The SIDs added after the expansion were not looked up yet. */
    for (size_t i = expanded; i < set->n; i++)
        if (!(set->items[i].g.attributes & (TOK_GROUP_INTEGRITY | TOK_GROUP_USE_FOR_DENY_ONLY)))
            set->items[i].rights = policy_rights_of(pol, &set->items[i].g.sid);

    t = token_new_sized(set->n, privilege_count());
    if (!t)
        goto out;
    t->user = acct->sid;
    t->logon_type = type;
    note_carriers(rights, user_rights, -1);
    for (size_t i = 0; i < set->n; i++) {
        const struct set_item *it = &set->items[i];
        uint32_t attrs = it->g.attributes;
        bool is_admins = (long)i == admins_at;
        if (is_admins)
            attrs |= TOK_GROUP_OWNER;
        /* The set holds each SID once, so only the user needs skipping. */
        size_t before = t->n_groups;
        if (token_append_group(t, &it->g.sid, attrs) != 0)
            goto fail;
        if (t->n_groups == before)
            continue; /* the user: its rights are noted already */
        if (attrs & TOK_GROUP_LOGON_ID) {
            t->has_logon_sid = true;
            t->logon_sid = it->g.sid;
        }
        if (is_admins)
            t->owner_index = t->n_groups - 1;
        if (!(attrs & (TOK_GROUP_INTEGRITY | TOK_GROUP_USE_FOR_DENY_ONLY)))
            note_carriers(rights, it->rights, (int16_t)(t->n_groups - 1));
    }
    t->primary_group = local_sam || domain ? none : acct->sid;
    if (add_privileges(t, acct, rights->all) != 0)
        goto fail;
    goto out;
fail:
    token_unref(t);
    t = NULL;
out:
    set_free(set);
    return t;
}

struct token *engine_process_token(const struct policy *pol, const struct process_entry *proc,
                                   struct luid session)
{
    const struct account *acct = &pol->accounts[proc->account];
    /* A service account, or any account in session 0, runs as a service. */
    unsigned type = acct->kind == ACCOUNT_LOCAL_SERVICE || acct->kind == ACCOUNT_NETWORK_SERVICE ||
                            proc->session == 0
                        ? 5
                        : 2;
    struct token_plan plan = {
        .account = acct,
        .logon_type = type,
        .package = AUTH_NEGOTIATE,
        .form = LOGON_FORM_PASSWORD,
        .with_logon_sid = acct->kind != ACCOUNT_SYSTEM,
        .logon_id = session,
    };
    struct token_rights rights;
    bool too_many;
    struct token *t = engine_build_token(pol, &plan, &rights, &too_many);
    if (!t)
        return NULL;
    for (size_t i = 0; i < t->n_privs; i++) {
        int id = right_by_luid(t->privs[i].luid);
        if (id >= 0 && (proc->enabled & RIGHT_BIT(id)))
            t->privs[i].attributes |= TOK_PRIV_ENABLED;
    }
    t->kind = TOKEN_KIND_PRIMARY;
    t->session_id = proc->session;
    memcpy(t->source_name, "User32  ", 8);
    return t;
}

bool engine_token_has_tcb(struct token *t)
{
    return t && token_priv_enabled(t, right_info(RIGHT_SeTcbPrivilege)->luid);
}
