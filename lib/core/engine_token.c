/* SPDX-License-Identifier: MIT */
/*
 * Token assembly: which SIDs and privileges a logon of an account gets
 * (behavior.md 3.5 step 11 and token-groups-by-logon-type), and the calling
 * process's own token. Pure: reads the policy, allocates the token.
 */
#include <stdlib.h>
#include "core/mem.h"
#include <string.h>

#include "engine_internal.h"
#include "guesses.h"

/* Authorities and RIDs of the SIDs a token is built from. */
#define AUTH_WORLD 1
#define AUTH_LOCAL 2
#define AUTH_NT 5
#define AUTH_LABEL 16
#define AUTH_ASSERTED 18

#define INTEGRITY_ATTRS (TOK_GROUP_INTEGRITY | TOK_GROUP_INTEGRITY_ENABLED)

/* A growing list of SIDs with attributes. Most tokens have fewer than 24
 * groups, so the first ones live inside the set and a logon does not touch
 * the heap for them. */
#define SET_INLINE 32

struct sid_set {
    struct token_group *items;
    size_t n, cap;
    bool overflow; /* allocation failed or the token limit was passed */
    bool limit;    /* the token limit was passed */
    struct token_group inline_items[SET_INLINE];
};

static void set_init(struct sid_set *set)
{
    set->items = set->inline_items;
    set->n = 0;
    set->cap = SET_INLINE;
    set->overflow = false;
    set->limit = false;
}

static void set_free(struct sid_set *set)
{
    if (set->items != set->inline_items)
        mem_free(set->items);
}

static bool set_has(const struct sid_set *set, const struct sid *sid)
{
    for (size_t i = 0; i < set->n; i++)
        if (sid_equal(&set->items[i].sid, sid))
            return true;
    return false;
}

static void set_add(struct sid_set *set, struct sid sid, uint32_t attributes)
{
    if (set->overflow || set_has(set, &sid))
        return;
    if (set->n == GUESS_MAX_TOKEN_GROUPS) {
        set->overflow = set->limit = true;
        return;
    }
    if (set->n == set->cap) {
        size_t ncap = set->cap * 2;
        struct token_group *ni = mem_malloc(ncap * sizeof *ni);
        if (!ni) {
            set->overflow = true;
            return;
        }
        memcpy(ni, set->items, set->n * sizeof *ni);
        set_free(set);
        set->items = ni;
        set->cap = ncap;
    }
    set->items[set->n].sid = sid;
    set->items[set->n].attributes = attributes;
    set->n++;
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

/* Adds the local groups whose membership includes a SID already in the set
 * (Users contains INTERACTIVE and Authenticated Users, and so on). */
static void add_alias_memberships(const struct policy *pol, struct sid_set *set,
                                  const struct sid *user)
{
    /* The usual token fits the stack buffer; only a larger one allocates. */
    struct sid stack_sids[2 * SET_INLINE];
    size_t cap = set->n + 1 + SET_INLINE;
    if (cap < sizeof stack_sids / sizeof stack_sids[0])
        cap = sizeof stack_sids / sizeof stack_sids[0];
    for (;;) {
        struct sid *sids =
            cap <= sizeof stack_sids / sizeof stack_sids[0] ? stack_sids : mem_malloc(cap * sizeof *sids);
        if (!sids) {
            set->overflow = true;
            return;
        }
        size_t n = 0;
        sids[n++] = *user;
        for (size_t i = 0; i < set->n; i++)
            sids[n++] = set->items[i].sid;
        size_t total = policy_expand_groups(pol, sids, n, cap);
        if (total <= cap) {
            for (size_t i = n; i < total; i++)
                set_add(set, sids[i], TOK_GROUP_DEFAULT);
            if (sids != stack_sids)
                mem_free(sids);
            return;
        }
        if (sids != stack_sids)
            mem_free(sids);
        if (cap > GUESS_MAX_TOKEN_GROUPS) {
            set->overflow = set->limit = true;
            return;
        }
        cap *= 4;
    }
}

static bool is_guest(const struct policy *pol, const struct account *acct)
{
    return acct->kind == ACCOUNT_NORMAL && sid_is_child_of(&acct->sid, &pol->machine_sid) &&
           sid_last_rid(&acct->sid) == 501;
}

/* How many ids of the rights table are privileges (the most a token holds). */
static size_t privilege_count(void)
{
    static size_t count; /* 0 = not counted yet; the table never changes */
    size_t n = __atomic_load_n(&count, __ATOMIC_RELAXED);
    if (n)
        return n;
    for (int id = 0; id < RIGHT_COUNT; id++)
        if (!right_info(id)->is_right)
            n++;
    __atomic_store_n(&count, n, __ATOMIC_RELAXED);
    return n;
}

/* Privileges of the token from the rights it holds; SYSTEM holds all. */
static int add_privileges(struct token *t, const struct account *acct, right_mask rights)
{
    for (int id = 0; id < RIGHT_COUNT; id++) {
        const struct right_info *ri = right_info(id);
        if (ri->is_right)
            continue;
        if (acct->kind != ACCOUNT_SYSTEM && !(rights & RIGHT_BIT(id)))
            continue;
        uint32_t attrs = 0;
        /* reactos R2 / policy-format: these three start enabled. */
        if (id == RIGHT_SeChangeNotifyPrivilege || id == RIGHT_SeImpersonatePrivilege ||
            id == RIGHT_SeCreateGlobalPrivilege || acct->kind == ACCOUNT_SYSTEM)
            attrs = TOK_PRIV_ENABLED | TOK_PRIV_ENABLED_BY_DEFAULT;
        if (token_add_priv(t, ri->luid, attrs) != 0)
            return -1;
    }
    return 0;
}

struct token *engine_build_token(const struct policy *pol, const struct token_plan *plan,
                                 right_mask *rights, bool *too_many)
{
    const struct account *acct = plan->account;
    bool local_sam = acct->kind == ACCOUNT_NORMAL;
    bool system = acct->kind == ACCOUNT_SYSTEM;
    unsigned type = plan->logon_type;
    struct token *t = NULL;
    struct sid_set setv, *set = &setv;
    set_init(set);
    *too_many = false;
    *rights = 0;

    if (local_sam)
        set_add(set, sid_append(&pol->machine_sid, 513), TOK_GROUP_DEFAULT); /* None */
    set_add(set, sid_make1(AUTH_WORLD, 0), TOK_GROUP_DEFAULT);
    uint32_t type_rid = system ? 0 : logon_type_rid(type);
    if (type_rid)
        set_add(set, sid_make1(AUTH_NT, type_rid), TOK_GROUP_DEFAULT);
    if (type == 10 || type == 12)
        set_add(set, sid_make1(AUTH_NT, 14), TOK_GROUP_DEFAULT); /* REMOTE INTERACTIVE LOGON */
    if (GUESS_LOCAL_SID_FOR_NON_NETWORK && !system && !is_network_type(type))
        set_add(set, sid_make1(AUTH_LOCAL, 0), TOK_GROUP_DEFAULT);
    if (!is_guest(pol, acct)) {
        set_add(set, sid_make1(AUTH_NT, 11), TOK_GROUP_DEFAULT); /* Authenticated Users */
        if (!system)
            set_add(set, sid_make1(AUTH_NT, 15), TOK_GROUP_DEFAULT); /* This Organization */
    }
    if (local_sam)
        set_add(set, sid_make1(AUTH_NT, 113), TOK_GROUP_DEFAULT); /* Local account */
    if (plan->form == LOGON_FORM_S4U)
        set_add(set, sid_make1(AUTH_ASSERTED, 2), TOK_GROUP_DEFAULT);
    else if (local_sam && plan->package != AUTH_KERBEROS)
        set_add(set, sid_make2(AUTH_NT, 64, 10), TOK_GROUP_DEFAULT); /* NTLM Authentication */
    for (size_t i = 0; i < plan->n_local_groups; i++)
        set_add(set, plan->local_groups[i].sid, plan->local_groups[i].attributes);

    add_alias_memberships(pol, set, &acct->sid);

    struct sid admins = sid_make2(AUTH_NT, 32, 544);
    bool admin = system || set_has(set, &admins);
    if (local_sam && admin)
        set_add(set, sid_make1(AUTH_NT, 114), TOK_GROUP_DEFAULT);
    if (plan->with_logon_sid) {
        struct sid logon_sid =
            sid_make(AUTH_NT, 3, (uint32_t[]){5, (uint32_t)plan->logon_id.high, plan->logon_id.low});
        set_add(set, logon_sid, TOK_GROUP_DEFAULT | TOK_GROUP_LOGON_ID);
    }
    uint32_t level = system || acct->kind != ACCOUNT_NORMAL ? 16384 : admin ? 12288 : 8192;
    set_add(set, sid_make1(AUTH_LABEL, level), INTEGRITY_ATTRS);

    if (set->overflow) {
        /* Allocation failure inside the set also lands here; the caller
         * tells the two apart through *too_many. */
        *too_many = set->limit;
        goto out;
    }

    t = token_new_sized(set->n, privilege_count());
    if (!t)
        goto out;
    t->user = acct->sid;
    t->logon_type = type;
    t->elevated = admin;
    right_mask mask = policy_rights_of(pol, &acct->sid);
    for (size_t i = 0; i < set->n; i++) {
        uint32_t attrs = set->items[i].attributes;
        if (sid_equal(&set->items[i].sid, &admins))
            attrs |= TOK_GROUP_OWNER;
        /* The set holds each SID once, so only the user needs skipping. */
        if (token_append_group(t, &set->items[i].sid, attrs) != 0)
            goto fail;
        if (attrs & TOK_GROUP_LOGON_ID) {
            t->has_logon_sid = true;
            t->logon_sid = set->items[i].sid;
        }
        if (sid_equal(&set->items[i].sid, &admins))
            t->owner_index = t->n_groups - 1;
        if (!(attrs & (TOK_GROUP_INTEGRITY | TOK_GROUP_USE_FOR_DENY_ONLY)))
            mask |= policy_rights_of(pol, &set->items[i].sid);
    }
    t->primary_group = local_sam ? sid_append(&pol->machine_sid, 513) : acct->sid;
    if (add_privileges(t, acct, mask) != 0)
        goto fail;
    *rights = mask;
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
    right_mask rights;
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
