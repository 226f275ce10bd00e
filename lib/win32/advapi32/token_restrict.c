/* SPDX-License-Identifier: MIT */
/*
 * Restricted tokens (behavior.md 12.6): CreateRestrictedToken and
 * IsTokenRestricted.
 *
 * A restricted token is a new token object (new TokenId) of the same type,
 * level, logon session, elevation type and link as its source; what the
 * call changes is what it may do: SIDs disabled (deny-only), privileges
 * deleted, restricting SIDs added. Everything is checked before anything
 * is built, so a failure leaves nothing behind.
 */
#include <stddef.h>
#include <string.h>

#include "base/mem.h"
#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/model/rights.h"
#include "core/state/handles.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

/* The kernel's limit on a captured privilege array (as AdjustTokenPrivileges). */
#define MAX_PRIVILEGE_ENTRIES 1000u
#define KNOWN_FLAGS (DISABLE_MAX_PRIVILEGE | SANDBOX_INERT | LUA_TOKEN | WRITE_RESTRICTED)
#define LUID_CHANGE_NOTIFY 23u

/* A caller's SID, read bytewise (it need not be aligned); false when it is
 * not a valid SID. */
static bool read_sid(const void *p, struct sid *out)
{
    uint8_t head[2];
    if (!p)
        return false;
    memcpy(head, p, sizeof head);
    if (head[0] != 1 || head[1] > SID_MAX_SUB_AUTHORITIES)
        return false;
    memset(out, 0, sizeof *out);
    memcpy(out, p, 8 + 4 * (size_t)head[1]);
    return true;
}

/* The arguments, checked and copied before the handle is looked at. */
struct restrict_args {
    struct sid *disable;
    size_t n_disable;
    struct token_group *restrict_sids;
    size_t n_restrict;
};

static void args_free(struct restrict_args *a)
{
    mem_free(a->disable);
    mem_free(a->restrict_sids);
}

static NTSTATUS check_array(const char *what, DWORD count, const void *array, DWORD limit)
{
    if (count && !array) {
        /* Deviation: Windows faults reading the NULL array. */
        reason_set("%s is NULL with a count of %lu", what, (unsigned long)count);
        return STATUS_INVALID_PARAMETER;
    }
    if (count > limit) {
        reason_set("%s holds %lu entries, more than a token can (%lu)", what,
                   (unsigned long)count, (unsigned long)limit);
        return STATUS_INVALID_PARAMETER;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS read_args(DWORD n_disable, const SID_AND_ATTRIBUTES *disable, DWORD n_del,
                          const LUID_AND_ATTRIBUTES *del, DWORD n_restrict,
                          const SID_AND_ATTRIBUTES *restrict_sids, struct restrict_args *a)
{
    NTSTATUS st = check_array("SidsToDisable", n_disable, disable, GUESS_MAX_TOKEN_GROUPS);
    if (st == STATUS_SUCCESS)
        st = check_array("PrivilegesToDelete", n_del, del, MAX_PRIVILEGE_ENTRIES);
    if (st == STATUS_SUCCESS)
        st = check_array("SidsToRestrict", n_restrict, restrict_sids, GUESS_MAX_TOKEN_GROUPS);
    if (st != STATUS_SUCCESS)
        return st;
    a->disable = mem_malloc((n_disable ? n_disable : 1) * sizeof *a->disable);
    a->restrict_sids = mem_malloc((n_restrict ? n_restrict : 1) * sizeof *a->restrict_sids);
    if (!a->disable || !a->restrict_sids) {
        reason_set("out of memory copying the SIDs");
        return STATUS_NO_MEMORY;
    }
    /* K2: the Attributes of the SIDs to disable are ignored. */
    for (DWORD i = 0; i < n_disable; i++) {
        if (!read_sid(disable[i].Sid, &a->disable[i])) {
            reason_set("SidsToDisable[%lu] is not a valid SID", (unsigned long)i);
            return STATUS_INVALID_SID;
        }
    }
    a->n_disable = n_disable;
    for (DWORD i = 0; i < n_restrict; i++) {
        if (restrict_sids[i].Attributes != 0) {
            reason_set("SidsToRestrict[%lu].Attributes is 0x%lX; restricting SIDs take no "
                       "attributes (they must be 0)",
                       (unsigned long)i, (unsigned long)restrict_sids[i].Attributes);
            return STATUS_INVALID_PARAMETER;
        }
        struct sid s;
        if (!read_sid(restrict_sids[i].Sid, &s)) {
            reason_set("SidsToRestrict[%lu] is not a valid SID", (unsigned long)i);
            return STATUS_INVALID_SID;
        }
        bool dup = false;
        for (size_t k = 0; k < a->n_restrict && !dup; k++)
            dup = sid_equal(&a->restrict_sids[k].sid, &s);
        if (!dup) {
            a->restrict_sids[a->n_restrict].sid = s;
            a->restrict_sids[a->n_restrict].attributes = GUESS_RESTRICTED_SID_ATTRIBUTES;
            a->n_restrict++;
        }
    }
    return STATUS_SUCCESS;
}

/* Makes the listed SIDs of t deny-only (K2: the user and mandatory groups
 * too; SIDs not in the token are ignored). Returns how many changed. */
static size_t disable_sids(struct token *t, const struct sid *sids, size_t n)
{
    size_t changed = 0;
    for (size_t k = 0; k < n; k++) {
        if (sid_equal(&sids[k], &t->user) && !(t->user_attributes & TOK_GROUP_USE_FOR_DENY_ONLY)) {
            t->user_attributes = TOK_GROUP_USE_FOR_DENY_ONLY;
            changed++;
        }
        for (size_t i = 0; i < t->n_groups; i++) {
            struct token_group *g = &t->groups[i];
            if ((g->attributes & (TOK_GROUP_INTEGRITY | TOK_GROUP_USE_FOR_DENY_ONLY)) ||
                !sid_equal(&g->sid, &sids[k]))
                continue;
            g->attributes = (g->attributes & ~(TOK_GROUP_ENABLED | TOK_GROUP_ENABLED_BY_DEFAULT |
                                               TOK_GROUP_OWNER)) |
                            TOK_GROUP_USE_FOR_DENY_ONLY;
            /* A deny-only group cannot own what the token creates. */
            if (t->owner_index == i)
                t->owner_index = SIZE_MAX;
            changed++;
        }
    }
    return changed;
}

/* Deletes privileges from t (not yet shared): every one but
 * SeChangeNotifyPrivilege with DISABLE_MAX_PRIVILEGE, else those listed
 * that it holds (others ignored). Removed entries go too. Returns how many
 * held privileges went. */
static size_t delete_privileges(struct token *t, bool max, const LUID_AND_ATTRIBUTES *del,
                                size_t n)
{
    size_t kept = 0, gone = 0;
    for (size_t i = 0; i < t->n_privs; i++) {
        const struct token_priv *p = &t->privs[i];
        bool drop = p->attributes & TOK_PRIV_REMOVED;
        if (!drop && max)
            drop = p->luid != LUID_CHANGE_NOTIFY;
        for (size_t k = 0; !drop && !max && k < n; k++)
            drop = del[k].Luid.HighPart == 0 && del[k].Luid.LowPart == p->luid;
        if (drop && !(p->attributes & TOK_PRIV_REMOVED))
            gone++;
        if (!drop)
            t->privs[kept++] = *p;
    }
    t->n_privs = kept;
    return gone;
}

/* The restricting SIDs of the new token: the given ones, or, when the
 * source is restricted already, those of them it has too (K2). */
static int apply_restrictions(struct token *t, struct restrict_args *a)
{
    if (a->n_restrict == 0)
        return 0; /* the source's restrictions stay as they are */
    if (t->n_restricted) {
        size_t kept = 0;
        for (size_t i = 0; i < a->n_restrict; i++)
            for (size_t k = 0; k < t->n_restricted; k++)
                if (sid_equal(&a->restrict_sids[i].sid, &t->restricted[k].sid)) {
                    a->restrict_sids[kept++] = a->restrict_sids[i];
                    break;
                }
        a->n_restrict = kept;
    }
    return token_set_restricted(t, a->restrict_sids, a->n_restrict);
}

LSAEMU_EXPORT BOOL APIENTRY CreateRestrictedToken(
    HANDLE ExistingTokenHandle, DWORD Flags, DWORD DisableSidCount,
    PSID_AND_ATTRIBUTES SidsToDisable, DWORD DeletePrivilegeCount,
    PLUID_AND_ATTRIBUTES PrivilegesToDelete, DWORD RestrictedSidCount,
    PSID_AND_ATTRIBUTES SidsToRestrict, PHANDLE NewTokenHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "CreateRestrictedToken", NULL);
    trace_args("%p, flags 0x%lX, %lu SIDs to disable, %lu privileges to delete, %lu "
               "restricting SIDs, %p",
               ExistingTokenHandle, (unsigned long)Flags, (unsigned long)DisableSidCount,
               (unsigned long)DeletePrivilegeCount, (unsigned long)RestrictedSidCount,
               (void *)NewTokenHandle);
    struct restrict_args a = {0};
    struct token *src = NULL, *t = NULL;
    if (NewTokenHandle)
        *NewTokenHandle = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    /* The kernel probes the output before it looks at anything else. */
    if (!NewTokenHandle) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("NewTokenHandle is NULL (the kernel's write to it faults)");
        goto out;
    }
    if (Flags & ~(DWORD)KNOWN_FLAGS) {
        st = GUESS_RESTRICTED_BAD_FLAGS_STATUS;
        reason_set("flags 0x%lX are none of DISABLE_MAX_PRIVILEGE, SANDBOX_INERT, LUA_TOKEN "
                   "and WRITE_RESTRICTED",
                   (unsigned long)(Flags & ~(DWORD)KNOWN_FLAGS));
        goto out;
    }
    st = read_args(DisableSidCount, SidsToDisable, DeletePrivilegeCount, PrivilegesToDelete,
                   RestrictedSidCount, SidsToRestrict, &a);
    if (st != STATUS_SUCCESS)
        goto out;
    uint32_t granted;
    st = token_from_handle(ExistingTokenHandle, TOKEN_DUPLICATE, "CreateRestrictedToken", &src,
                           &granted);
    if (st != STATUS_SUCCESS)
        goto out;
    /* K2: the same type (and level) as the source. */
    t = token_copy(src, src->kind, src->level);
    if (!t) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory copying the token");
        goto out;
    }
    t->modified_id = t->token_id;
    size_t changed = 0;
    if (Flags & LUA_TOKEN)
        changed += engine_lua_filter(t);
    changed += disable_sids(t, a.disable, a.n_disable);
    changed += delete_privileges(t, Flags & DISABLE_MAX_PRIVILEGE, PrivilegesToDelete,
                                 DeletePrivilegeCount);
    if (apply_restrictions(t, &a) != 0) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory copying the restricting SIDs");
        goto out;
    }
    t->filtered = t->filtered || changed || (Flags & (LUA_TOKEN | DISABLE_MAX_PRIVILEGE));
    if (Flags & WRITE_RESTRICTED)
        t->write_restricted = true;
    bool inert_ignored = false;
    if (Flags & SANDBOX_INERT) {
        struct token *caller = current_caller_token();
        bool tcb = caller && token_priv_enabled(caller, right_info(RIGHT_SeTcbPrivilege)->luid);
        token_unref(caller);
        if (tcb || !GUESS_SANDBOX_INERT_NEEDS_TCB)
            t->sandbox_inert = true;
        else
            inert_ignored = true;
    }
    size_t n_restricted = t->n_restricted;
    /* K2: the new handle has the access of the existing one. */
    uintptr_t h = handles_insert(HANDLE_TOKEN, t, granted, NULL);
    t = NULL; /* the table took it, or released it */
    if (!h) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the token handle");
        goto out;
    }
    *NewTokenHandle = (HANDLE)h;
    reason_set("restricted %s token: %zu SIDs disabled or privileges deleted, %zu restricting "
               "SIDs%s",
               src->kind == TOKEN_KIND_PRIMARY ? "primary" : "impersonation", changed,
               n_restricted,
               inert_ignored ? "; SANDBOX_INERT ignored (the caller has no SeTcbPrivilege "
                               "enabled)"
                             : "");
out:
    token_unref(t);
    token_unref(src);
    args_free(&a);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI IsTokenRestricted(HANDLE TokenHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "IsTokenRestricted", NULL);
    trace_args("%p", TokenHandle);
    struct token *t = NULL;
    bool referenced = true;
    BOOL restricted = FALSE;
    if (st != STATUS_SUCCESS)
        goto out;
    /* It asks TokenRestrictedSids, so it takes what GetTokenInformation
     * takes, the token pseudo-handles included. */
    st = token_from_query_handle(TokenHandle, TOKEN_QUERY, "IsTokenRestricted", &t, &referenced);
    if (st != STATUS_SUCCESS)
        goto out;
    token_lock(t);
    size_t n = t->n_restricted;
    token_unlock(t);
    restricted = n != 0;
    reason_set("the token has %zu restricting SIDs", n);
out:
    if (referenced)
        token_unref(t);
    /* Not restricted is FALSE with the last error left alone (K2: FALSE is
     * also the answer of a failure, which sets it). */
    if (st != STATUS_SUCCESS)
        return api_leave_bool(&c, st);
    return api_leave_bool_as(&c, st, restricted);
}
