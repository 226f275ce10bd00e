/* SPDX-License-Identifier: MIT */
/*
 * Token copies and impersonation (behavior.md 3.16, 3.17): DuplicateToken,
 * DuplicateTokenEx, ImpersonateLoggedOnUser, ImpersonateSelf, RevertToSelf.
 *
 * A duplicate is a new token object (new TokenId, same AuthenticationId)
 * that holds its own reference on the logon session, so the session lives
 * as long as any copy. Impersonation puts a token into this thread's slot
 * (current_set_thread_token); every later decision on this thread is made
 * against it.
 */
#include <stdio.h>

#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "core/diag/reason.h"
#include "core/model/rights.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

static const char *level_name(int level)
{
    switch (level) {
    case IMP_ANONYMOUS:
        return "SecurityAnonymous";
    case IMP_IDENTIFICATION:
        return "SecurityIdentification";
    case IMP_IMPERSONATION:
        return "SecurityImpersonation";
    case IMP_DELEGATION:
        return "SecurityDelegation";
    default:
        return "an undefined level";
    }
}

static bool level_valid(SECURITY_IMPERSONATION_LEVEL l)
{
    return (int)l >= SecurityAnonymous && (int)l <= SecurityDelegation;
}

static BOOL duplicate(const char *fn, HANDLE existing, DWORD access, LPSECURITY_ATTRIBUTES sa,
                      SECURITY_IMPERSONATION_LEVEL level, TOKEN_TYPE type, PHANDLE out)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, fn, NULL);
    char names[256];
    trace_args("%p, %s, %p, %s, %s, %p", existing, token_access_names(access, names, sizeof names),
               (void *)sa, level_name((int)level),
               type == TokenPrimary         ? "TokenPrimary"
               : type == TokenImpersonation ? "TokenImpersonation"
                                            : "an undefined type",
               (void *)out);
    struct token *src = NULL;
    if (out)
        *out = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!out) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("the output handle pointer is NULL (the kernel's write to it faults)");
        goto out;
    }
    if (!level_valid(level) || (type != TokenPrimary && type != TokenImpersonation)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("%s", !level_valid(level) ? "the impersonation level is not 0-3"
                                             : "the token type is neither TokenPrimary (1) nor "
                                               "TokenImpersonation (2)");
        goto out;
    }
    uint32_t had;
    st = token_from_handle(existing, TOKEN_DUPLICATE, fn, &src, &had);
    if (st != STATUS_SUCCESS)
        goto out;
    /* A copy can never be more powerful than an impersonation source. */
    if (src->kind == TOKEN_KIND_IMPERSONATION &&
        ((type == TokenImpersonation && (int)level > (int)src->level) ||
         (type == TokenPrimary && src->level < IMP_IMPERSONATION))) {
        st = STATUS_BAD_IMPERSONATION_LEVEL;
        reason_set("the source is an impersonation token at %s; it cannot give %s%s",
                   level_name(src->level),
                   type == TokenPrimary ? "a primary token" : "a token at ",
                   type == TokenPrimary ? "" : level_name((int)level));
        goto out;
    }
    uint32_t granted = had;
    if (access != 0) {
        st = token_map_access(access, &granted);
        if (st != STATUS_SUCCESS)
            goto out;
    }
    struct token *t = token_copy(src, type == TokenPrimary ? TOKEN_KIND_PRIMARY
                                                           : TOKEN_KIND_IMPERSONATION,
                                 (enum imp_level)level);
    if (!t) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory copying the token");
        goto out;
    }
    uintptr_t h = handles_insert(HANDLE_TOKEN, t, granted, NULL);
    if (!h) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the token handle");
        goto out;
    }
    *out = (HANDLE)h;
    reason_set("new %s token at %s with %s",
               type == TokenPrimary ? "primary" : "impersonation", level_name((int)level),
               token_access_names(granted, names, sizeof names));
out:
    token_unref(src);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI DuplicateTokenEx(HANDLE hExistingToken, DWORD dwDesiredAccess,
                                           LPSECURITY_ATTRIBUTES lpTokenAttributes,
                                           SECURITY_IMPERSONATION_LEVEL ImpersonationLevel,
                                           TOKEN_TYPE Type, PHANDLE phNewToken)
{
    /* The SDK names the type parameter TokenType, which is also a
     * TOKEN_INFORMATION_CLASS constant; a different name avoids -Wshadow. */
    return duplicate("DuplicateTokenEx", hExistingToken, dwDesiredAccess, lpTokenAttributes,
                     ImpersonationLevel, Type, phNewToken);
}

LSAEMU_EXPORT BOOL WINAPI DuplicateToken(HANDLE ExistingTokenHandle,
                                         SECURITY_IMPERSONATION_LEVEL ImpersonationLevel,
                                         PHANDLE DuplicateTokenHandle)
{
    /* SDK: an impersonation token with TOKEN_IMPERSONATE and TOKEN_QUERY. */
    return duplicate("DuplicateToken", ExistingTokenHandle, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL,
                     ImpersonationLevel, TokenImpersonation, DuplicateTokenHandle);
}

/* Was t logged on with explicit credentials from logon session id? The
 * origin can change (SetTokenInformation), so it is read under the lock. */
static bool origin_is(struct token *t, struct luid id)
{
    token_lock(t);
    struct luid o = t->origin;
    token_unlock(t);
    return (o.low || o.high) && luid_equal(o, id);
}

/*
 * D21: full impersonation when the level asked for is below
 * SecurityImpersonation, the process holds SeImpersonatePrivilege, the token
 * came from an explicit-credential logon in the process's logon session, or
 * it is the process's own identity. why receives the condition that held.
 */
static bool may_impersonate(const struct policy *pol, struct token *t, enum imp_level want,
                            char *why, size_t size)
{
    struct token *proc = current_process_token();
    bool ok = false;
    char name[300];
    if (want < IMP_IMPERSONATION) {
        snprintf(why, size, "the token's level (%s) is below SecurityImpersonation",
                 level_name(want));
        ok = true;
    } else if (proc && (GUESS_IMPERSONATE_PRIVILEGE_MUST_BE_ENABLED
                            ? token_priv_enabled(proc, right_info(RIGHT_SeImpersonatePrivilege)->luid)
                            : token_priv_held(proc, right_info(RIGHT_SeImpersonatePrivilege)->luid))) {
        snprintf(why, size, "the process holds SeImpersonatePrivilege");
        ok = true;
    } else if (proc && origin_is(t, proc->auth_id)) {
        snprintf(why, size, "the token was logged on with explicit credentials from the "
                            "process's logon session");
        ok = true;
    } else if (proc && sid_equal(&t->user, &proc->user)) {
        snprintf(why, size, "the token's user is the process's own");
        ok = true;
    } else {
        snprintf(why, size,
                 "none of ImpersonateLoggedOnUser's conditions holds for %s (no "
                 "SeImpersonatePrivilege, the token is not from an explicit logon in this "
                 "logon session, and it is another user)",
                 proc ? engine_sid_display(pol, &proc->user, name, sizeof name) : "the process");
    }
    token_unref(proc);
    return ok;
}

LSAEMU_EXPORT BOOL WINAPI ImpersonateLoggedOnUser(HANDLE hToken)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "ImpersonateLoggedOnUser", NULL);
    trace_args("%p", hToken);
    struct token *t = NULL, *imp = NULL;
    uint32_t granted;
    if (st != STATUS_SUCCESS)
        goto out;
    st = token_from_handle(hToken, 0, "ImpersonateLoggedOnUser", &t, &granted);
    if (st != STATUS_SUCCESS)
        goto out;
    /* D21: a primary token is duplicated, an impersonation token used. */
    bool primary = t->kind == TOKEN_KIND_PRIMARY;
    uint32_t need = TOKEN_QUERY | (primary ? TOKEN_DUPLICATE : TOKEN_IMPERSONATE);
    if ((granted & need) != need) {
        char has[256], miss[256];
        st = GUESS_TOKEN_ACCESS_STATUS;
        reason_set("ImpersonateLoggedOnUser needs %s on %s token handle; %p was opened with %s",
                   token_access_names(need & ~granted, miss, sizeof miss),
                   primary ? "a primary" : "an impersonation", hToken,
                   token_access_names(granted, has, sizeof has));
        goto out;
    }
    enum imp_level want = primary ? IMP_IMPERSONATION : t->level;
    char why[400], name[300];
    bool full = may_impersonate(c.pol, t, want, why, sizeof why);
    enum imp_level level = want;
    if (!full && GUESS_IMPERSONATE_SILENT_DOWNGRADE)
        level = IMP_IDENTIFICATION;
    if (!full && !GUESS_IMPERSONATE_SILENT_DOWNGRADE) {
        st = STATUS_BAD_IMPERSONATION_LEVEL;
        reason_set("%s", why);
        goto out;
    }
    if (!primary && level == t->level) {
        imp = token_ref(t);
    } else {
        imp = token_copy(t, TOKEN_KIND_IMPERSONATION, level);
        if (!imp) {
            st = STATUS_NO_MEMORY;
            reason_set("out of memory copying the token");
            goto out;
        }
    }
    current_set_thread_token(imp);
    imp = NULL;
    engine_sid_display(c.pol, &t->user, name, sizeof name);
    if (full)
        reason_set("the thread impersonates %s at %s: %s", name, level_name(level), why);
    else
        reason_set("the thread impersonates %s at SecurityIdentification only (silently "
                   "downgraded): %s",
                   name, why);
out:
    token_unref(t);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI ImpersonateSelf(SECURITY_IMPERSONATION_LEVEL ImpersonationLevel)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "ImpersonateSelf", NULL);
    trace_args("%s", level_name((int)ImpersonationLevel));
    struct token *proc = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!level_valid(ImpersonationLevel)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("%d is not an impersonation level (0-3)", (int)ImpersonationLevel);
        goto out;
    }
    proc = current_process_token();
    struct token *imp = proc ? token_copy(proc, TOKEN_KIND_IMPERSONATION,
                                          (enum imp_level)ImpersonationLevel)
                             : NULL;
    if (!imp) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory copying the process token");
        goto out;
    }
    current_set_thread_token(imp);
    reason_set("the thread impersonates the process's own identity at %s",
               level_name((int)ImpersonationLevel));
out:
    token_unref(proc);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI RevertToSelf(VOID)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RevertToSelf", NULL);
    if (st == STATUS_SUCCESS) {
        current_set_thread_token(NULL);
        reason_set("the thread runs as the process again");
    }
    return api_leave_bool(&c, st);
}
