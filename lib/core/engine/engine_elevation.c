/* SPDX-License-Identifier: MIT */
/*
 * Elevation (behavior.md 12.5, 12.6, 12.10): what makes a token elevated,
 * the filter UAC and CreateRestrictedToken's LUA_TOKEN apply to it, and
 * which logons UAC splits into a filtered token and a linked full one.
 * Pure: reads the policy and tokens, allocates only the filtered copy.
 */
#include <string.h>

#include "base/win.h"
#include "core/engine/engine.h"
#include "core/engine/guesses.h"

#define AUTH_NT 5
#define RID_BUILTIN 32
#define RID_LOCAL_ADMIN 114 /* NT AUTHORITY\Local account and member of Administrators */
#define LABEL_MEDIUM 8192u
#define LABEL_HIGH 12288u

/* K7: the BUILTIN aliases among the elevated RIDs (Administrators 544,
 * Power Users 547, Account, Server, Print and Backup Operators 548-551, RAS
 * Servers 553, Pre-Windows 2000 Compatible Access 554). */
static bool elevated_alias(uint32_t rid)
{
    return rid == 544 || (rid >= 547 && rid <= 551) || rid == 553 || rid == 554 ||
           GUESS_ELEVATED_EXTRA_ALIAS(rid);
}

/* K7: the domain groups among them (Domain Admins 512, Domain Controllers
 * 516, Cert Publishers' Cert Admins 517, Schema 518, Enterprise 519, Group
 * Policy Creator Owners 520, Read-only DCs 521, Enterprise Read-only DCs
 * 498), in any S-1-5-21 domain. */
static bool elevated_domain_rid(uint32_t rid)
{
    return rid == 512 || (rid >= 516 && rid <= 521) || rid == 498;
}

bool engine_sid_elevated_group(const struct sid *s)
{
    if (sid_authority(s) != AUTH_NT || s->count == 0)
        return false;
    if (s->count == 1)
        return s->sub[0] == RID_LOCAL_ADMIN;
    if (s->count == 2 && s->sub[0] == RID_BUILTIN)
        return elevated_alias(s->sub[1]);
    return s->sub[0] == 21 && s->count == 5 && elevated_domain_rid(s->sub[4]);
}

bool engine_token_elevated(const struct token *t)
{
    for (size_t i = 0; i < t->n_groups; i++) {
        uint32_t a = t->groups[i].attributes;
        if ((a & (TOK_GROUP_USE_FOR_DENY_ONLY | TOK_GROUP_INTEGRITY)) == 0 &&
            engine_sid_elevated_group(&t->groups[i].sid))
            return true;
    }
    for (size_t i = 0; i < t->n_privs; i++)
        if (!(__atomic_load_n(&t->privs[i].attributes, __ATOMIC_ACQUIRE) & TOK_PRIV_REMOVED) &&
            GUESS_ELEVATED_PRIVILEGE(t->privs[i].luid))
            return true;
    return false;
}

bool engine_uac_keeps_privilege(uint32_t luid)
{
    /* K9: SeShutdown, SeChangeNotify, SeUndock, SeIncreaseWorkingSet and
     * SeTimeZone. */
    return luid == 19 || luid == 23 || luid == 25 || luid == 33 || luid == 34;
}

/* Makes a group deny-only the way a filter does: only USE_FOR_DENY_ONLY
 * stays of its membership bits (behavior.md 12.6). */
static uint32_t deny_only(uint32_t attrs)
{
    return (attrs & ~(TOK_GROUP_ENABLED | TOK_GROUP_ENABLED_BY_DEFAULT | TOK_GROUP_MANDATORY |
                      TOK_GROUP_OWNER)) |
           TOK_GROUP_USE_FOR_DENY_ONLY;
}

bool engine_lua_filter(struct token *t)
{
    bool changed = false;
    for (size_t i = 0; i < t->n_groups; i++) {
        struct token_group *g = &t->groups[i];
        if ((g->attributes & (TOK_GROUP_INTEGRITY | TOK_GROUP_USE_FOR_DENY_ONLY)) ||
            !engine_sid_elevated_group(&g->sid))
            continue;
        g->attributes = deny_only(g->attributes);
        if (t->owner_index == i)
            t->owner_index = SIZE_MAX;
        changed = true;
    }
    size_t kept = 0;
    for (size_t i = 0; i < t->n_privs; i++) {
        if (engine_uac_keeps_privilege(t->privs[i].luid) &&
            !(t->privs[i].attributes & TOK_PRIV_REMOVED))
            t->privs[kept++] = t->privs[i];
        else
            changed = true;
    }
    t->n_privs = kept;
    return changed;
}

bool engine_uac_splits(const struct policy *pol, const struct account *a, unsigned logon_type,
                       const struct token *full)
{
    if (!pol->uac || !a || a->kind != ACCOUNT_NORMAL || !GUESS_UAC_SPLIT_TYPE(logon_type))
        return false;
    /* K8: the built-in Administrator (RID 500) is not filtered. */
    if (sid_is_child_of(&a->sid, &pol->machine_sid) && sid_last_rid(&a->sid) == 500)
        return false;
    return engine_token_elevated(full);
}

/* Sets the mandatory label of t to S-1-16-level. */
static void set_label(struct token *t, uint32_t level)
{
    struct token_group *g = token_integrity_label(t);
    if (g)
        g->sid = sid_make1(16, level);
}

struct token *engine_uac_limited(struct token *full)
{
    struct token *t = token_clone(full);
    if (!t)
        return NULL;
    engine_lua_filter(t);
    set_label(t, LABEL_MEDIUM);
    t->filtered = true;
    t->elevation_type = ELEVATION_LIMITED;
    return t;
}

void engine_uac_mark_full(struct token *full)
{
    set_label(full, LABEL_HIGH);
    full->elevation_type = ELEVATION_FULL;
}
