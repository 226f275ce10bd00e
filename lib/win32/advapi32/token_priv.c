/* SPDX-License-Identifier: MIT */
/*
 * Privileges and memberships of a token (behavior.md 3.15):
 * AdjustTokenPrivileges, PrivilegeCheck and CheckTokenMembership.
 *
 * Privilege attributes are the only mutable part of a token; they change
 * under t->lock, all at once or not at all, and every change gives the
 * token a new ModifiedId. A removed privilege stays in the array with
 * TOK_PRIV_REMOVED so that nothing can bring it back; it is invisible to
 * every query.
 */
#include <stddef.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/model/rights.h"
#include "core/state/sessions.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

/* The kernel's limit on a captured privilege array. */
#define MAX_PRIVILEGE_ENTRIES 1000u

static struct token_priv *find_live(struct token_priv *p, size_t n, const LUID *l)
{
    if (l->HighPart != 0)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (p[i].luid == l->LowPart && !(p[i].attributes & TOK_PRIV_REMOVED))
            return &p[i];
    return NULL;
}

static const char *priv_name(uint32_t luid)
{
    int id = right_by_luid(luid);
    return id >= 0 ? right_info(id)->name : "an unknown privilege";
}

LSAEMU_EXPORT BOOL WINAPI AdjustTokenPrivileges(HANDLE TokenHandle, BOOL DisableAllPrivileges,
                                                PTOKEN_PRIVILEGES NewState, DWORD BufferLength,
                                                PTOKEN_PRIVILEGES PreviousState,
                                                PDWORD ReturnLength)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "AdjustTokenPrivileges", NULL);
    trace_args("%p, DisableAll %d, NewState %p (%lu entries), %lu, PreviousState %p, %p",
               TokenHandle, (int)DisableAllPrivileges, (void *)NewState,
               /* DisableAll ignores NewState, which may then be anything. */
               NewState && !DisableAllPrivileges ? (unsigned long)NewState->PrivilegeCount : 0UL,
               (unsigned long)BufferLength, (void *)PreviousState, (void *)ReturnLength);
    struct token *t = NULL;
    struct token_priv *work = NULL;
    LUID_AND_ATTRIBUTES *changes = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    /* Arguments are captured before the handle is looked at. */
    if (!DisableAllPrivileges && !NewState) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("NewState is NULL and DisableAllPrivileges is FALSE: nothing to adjust");
        goto out;
    }
    if (!DisableAllPrivileges && NewState->PrivilegeCount > MAX_PRIVILEGE_ENTRIES) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("NewState holds %lu entries", (unsigned long)NewState->PrivilegeCount);
        goto out;
    }
    if (PreviousState && !ReturnLength) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("PreviousState is given but ReturnLength is NULL (the kernel's write to it "
                   "faults)");
        goto out;
    }
    st = token_from_handle(TokenHandle,
                           TOKEN_ADJUST_PRIVILEGES | (PreviousState ? TOKEN_QUERY : 0),
                           "AdjustTokenPrivileges", &t, NULL);
    if (st != STATUS_SUCCESS)
        goto out;

    token_lock(t);
    size_t n = t->n_privs;
    size_t max_changes = DisableAllPrivileges ? n : NewState->PrivilegeCount;
    work = mem_malloc((n ? n : 1) * sizeof *work);
    changes = mem_malloc((max_changes ? max_changes : 1) * sizeof *changes);
    if (!work || !changes) {
        token_unlock(t);
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory adjusting privileges");
        goto out;
    }
    memcpy(work, t->privs, n * sizeof *work);
    /* Apply to a copy first: a too-small PreviousState changes nothing. */
    size_t n_changes = 0;
    const char *missing = NULL;
    uint32_t missing_luid = 0;
    if (DisableAllPrivileges) {
        for (size_t i = 0; i < n; i++) {
            if ((work[i].attributes & TOK_PRIV_REMOVED) || !(work[i].attributes & TOK_PRIV_ENABLED))
                continue;
            changes[n_changes].Luid.LowPart = work[i].luid;
            changes[n_changes].Luid.HighPart = 0;
            changes[n_changes].Attributes = work[i].attributes;
            n_changes++;
            work[i].attributes &= ~TOK_PRIV_ENABLED;
        }
    } else {
        for (DWORD k = 0; k < NewState->PrivilegeCount; k++) {
            const LUID_AND_ATTRIBUTES *want = &NewState->Privileges[k];
            struct token_priv *p = find_live(work, n, &want->Luid);
            if (!p) {
                if (!missing) {
                    missing_luid = want->Luid.LowPart;
                    missing = want->Luid.HighPart ? "a LUID that is no privilege"
                                                  : priv_name(want->Luid.LowPart);
                }
                continue;
            }
            uint32_t before = p->attributes;
            if (want->Attributes & SE_PRIVILEGE_REMOVED)
                p->attributes = TOK_PRIV_REMOVED;
            else if (want->Attributes & SE_PRIVILEGE_ENABLED)
                p->attributes |= TOK_PRIV_ENABLED;
            else
                p->attributes &= ~TOK_PRIV_ENABLED;
            if (p->attributes == before)
                continue;
            changes[n_changes].Luid.LowPart = p->luid;
            changes[n_changes].Luid.HighPart = 0;
            changes[n_changes].Attributes = before;
            n_changes++;
        }
    }
    size_t need = offsetof(TOKEN_PRIVILEGES, Privileges) + n_changes * sizeof(LUID_AND_ATTRIBUTES);
    if (PreviousState && BufferLength < need) {
        token_unlock(t);
        *ReturnLength = (DWORD)need;
        st = GUESS_ADJUST_PREVIOUS_TOO_SMALL_STATUS;
        reason_set("PreviousState has %lu bytes; the %zu changed privileges need %zu; nothing "
                   "was changed",
                   (unsigned long)BufferLength, n_changes, need);
        goto out;
    }
    token_set_priv_attributes(t, work);
    if (n_changes)
        t->modified_id = luid_next();
    token_unlock(t);
    /* behavior.md 12.3: without PreviousState, ReturnLength is not touched
     * (W3 test_AdjustTokenPrivileges). */
    if (PreviousState) {
        PreviousState->PrivilegeCount = (DWORD)n_changes;
        memcpy(PreviousState->Privileges, changes, n_changes * sizeof *changes);
        *ReturnLength = (DWORD)need;
    }
    if (missing) {
        st = STATUS_NOT_ALL_ASSIGNED;
        reason_set("the token does not hold %s (LUID %lu)%s; a privilege cannot be added, only "
                   "enabled, disabled or removed",
                   missing, (unsigned long)missing_luid,
                   n_changes ? "; the others were adjusted" : "");
    } else {
        reason_set("%zu privilege%s changed", n_changes, n_changes == 1 ? "" : "s");
    }
out:
    mem_free(work);
    mem_free(changes);
    token_unref(t);
    /* behavior.md 3.15: success sets the last error too (0, or 1300). */
    return api_leave_bool_clear(&c, st);
}

/* The token PrivilegeCheck and CheckTokenMembership evaluate must be able
 * to identify its user: an anonymous-level impersonation token cannot. */
static NTSTATUS check_level(const struct token *t, const char *fn)
{
    if (t->kind == TOKEN_KIND_IMPERSONATION && t->level < IMP_IDENTIFICATION) {
        reason_set("%s needs at least an identification-level token; this one is anonymous",
                   fn);
        return STATUS_BAD_IMPERSONATION_LEVEL;
    }
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI PrivilegeCheck(HANDLE ClientToken, PPRIVILEGE_SET RequiredPrivileges,
                                         LPBOOL pfResult)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "PrivilegeCheck", NULL);
    trace_args("%p, %p (%lu entries), %p", ClientToken, (void *)RequiredPrivileges,
               RequiredPrivileges ? (unsigned long)RequiredPrivileges->PrivilegeCount : 0UL,
               (void *)pfResult);
    struct token *t = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!RequiredPrivileges || !pfResult) {
        /* Deviation: Windows faults on these NULL pointers. */
        st = STATUS_INVALID_PARAMETER;
        reason_set("%s is NULL", RequiredPrivileges ? "pfResult" : "RequiredPrivileges");
        goto out;
    }
    if (RequiredPrivileges->PrivilegeCount > MAX_PRIVILEGE_ENTRIES) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("the PRIVILEGE_SET holds %lu entries",
                   (unsigned long)RequiredPrivileges->PrivilegeCount);
        goto out;
    }
    st = token_from_handle(ClientToken, TOKEN_QUERY, "PrivilegeCheck", &t, NULL);
    if (st != STATUS_SUCCESS)
        goto out;
    st = check_level(t, "PrivilegeCheck");
    if (st != STATUS_SUCCESS)
        goto out;
    DWORD n = RequiredPrivileges->PrivilegeCount, held = 0;
    const char *lacking = NULL;
    token_lock(t);
    for (DWORD i = 0; i < n; i++) {
        LUID_AND_ATTRIBUTES *e = &RequiredPrivileges->Privilege[i];
        struct token_priv *p = find_live(t->privs, t->n_privs, &e->Luid);
        if (p && (p->attributes & TOK_PRIV_ENABLED)) {
            e->Attributes |= SE_PRIVILEGE_USED_FOR_ACCESS;
            held++;
        } else if (!lacking) {
            lacking = e->Luid.HighPart ? "a LUID that is no privilege" : priv_name(e->Luid.LowPart);
        }
    }
    token_unlock(t);
    bool all = RequiredPrivileges->Control & PRIVILEGE_SET_ALL_NECESSARY;
    bool ok = n == 0 ? GUESS_PRIVILEGE_CHECK_EMPTY_RESULT : all ? held == n : held > 0;
    *pfResult = ok ? TRUE : FALSE;
    if (ok)
        reason_set("%lu of %lu privileges enabled%s", (unsigned long)held, (unsigned long)n,
                   all ? " (all necessary)" : " (any suffices)");
    else
        reason_set("%s is not enabled in the token%s", lacking ? lacking : "no privilege",
                   all ? " and PRIVILEGE_SET_ALL_NECESSARY is set" : "");
out:
    token_unref(t);
    return api_leave_bool(&c, st);
}

static bool sid_valid(const SID *s)
{
    return s && s->Revision == 1 && s->SubAuthorityCount <= SID_MAX_SUB_AUTHORITIES;
}

LSAEMU_EXPORT BOOL WINAPI CheckTokenMembership(HANDLE TokenHandle, PSID SidToCheck,
                                               PBOOL IsMember)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "CheckTokenMembership", NULL);
    trace_args("%p, %p, %p", TokenHandle, SidToCheck, (void *)IsMember);
    struct token *t = NULL;
    if (IsMember)
        *IsMember = FALSE;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!IsMember) {
        /* Deviation: Windows faults on a NULL IsMember. */
        st = STATUS_INVALID_PARAMETER;
        reason_set("IsMember is NULL");
        goto out;
    }
    if (!sid_valid(SidToCheck)) {
        st = SidToCheck ? STATUS_INVALID_SID : STATUS_INVALID_PARAMETER;
        reason_set("SidToCheck is %s", SidToCheck ? "not a valid SID" : "NULL");
        goto out;
    }
    if (TokenHandle) {
        st = token_from_handle(TokenHandle, TOKEN_QUERY, "CheckTokenMembership", &t, NULL);
        if (st != STATUS_SUCCESS)
            goto out;
        if (t->kind != TOKEN_KIND_IMPERSONATION) {
            st = GUESS_MEMBERSHIP_PRIMARY_TOKEN_STATUS;
            reason_set("CheckTokenMembership needs an impersonation token; %p is a primary "
                       "token (duplicate it with DuplicateToken first)",
                       TokenHandle);
            goto out;
        }
    } else {
        /* SDK: the thread's impersonation token, or else a copy of the
         * process token. */
        t = current_caller_token();
        if (!t) {
            st = STATUS_NO_TOKEN;
            reason_set("the caller has no token");
            goto out;
        }
    }
    st = check_level(t, "CheckTokenMembership");
    if (st != STATUS_SUCCESS)
        goto out;
    struct sid want;
    memset(&want, 0, sizeof want);
    memcpy(&want, SidToCheck, 8 + 4 * (size_t)((const SID *)SidToCheck)->SubAuthorityCount);
    bool member = token_has_sid(t, &want);
    *IsMember = member ? TRUE : FALSE;
    char name[300], who[300];
    reason_set("%s %s an enabled member of %s", engine_sid_display(c.pol, &t->user, who, sizeof who),
               member ? "is" : "is not", engine_sid_display(c.pol, &want, name, sizeof name));
out:
    token_unref(t);
    return api_leave_bool(&c, st);
}
