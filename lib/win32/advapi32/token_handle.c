/* SPDX-License-Identifier: MIT */
/* Token handles, access masks and token copies (see token_handle.h). */
#include "win32/advapi32/token_handle.h"

#include <stdio.h>
#include <string.h>

#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "core/diag/reason.h"
#include "core/model/rights.h"
#include "core/state/sessions.h"

static const struct {
    uint32_t bit;
    const char *name;
} access_bits[] = {
    {TOKEN_ASSIGN_PRIMARY, "TOKEN_ASSIGN_PRIMARY"},
    {TOKEN_DUPLICATE, "TOKEN_DUPLICATE"},
    {TOKEN_IMPERSONATE, "TOKEN_IMPERSONATE"},
    {TOKEN_QUERY, "TOKEN_QUERY"},
    {TOKEN_QUERY_SOURCE, "TOKEN_QUERY_SOURCE"},
    {TOKEN_ADJUST_PRIVILEGES, "TOKEN_ADJUST_PRIVILEGES"},
    {TOKEN_ADJUST_GROUPS, "TOKEN_ADJUST_GROUPS"},
    {TOKEN_ADJUST_DEFAULT, "TOKEN_ADJUST_DEFAULT"},
    {TOKEN_ADJUST_SESSIONID, "TOKEN_ADJUST_SESSIONID"},
    {DELETE, "DELETE"},
    {READ_CONTROL, "READ_CONTROL"},
    {WRITE_DAC, "WRITE_DAC"},
    {WRITE_OWNER, "WRITE_OWNER"},
    {ACCESS_SYSTEM_SECURITY, "ACCESS_SYSTEM_SECURITY"},
};

const char *token_access_names(uint32_t mask, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof access_bits / sizeof access_bits[0]; i++) {
        if (!(mask & access_bits[i].bit))
            continue;
        int n = snprintf(buf + used, size - used, "%s%s", used ? "|" : "", access_bits[i].name);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
        mask &= ~access_bits[i].bit;
    }
    if (mask && used < size)
        snprintf(buf + used, size - used, "%s0x%X", used ? "|" : "", (unsigned)mask);
    if (!buf[0])
        snprintf(buf, size, "no access");
    return buf;
}

NTSTATUS token_from_handle(HANDLE h, uint32_t need, const char *fn, struct token **out,
                           uint32_t *granted_out)
{
    struct token *t = NULL;
    uint32_t granted = 0;
    *out = NULL;
    if (granted_out)
        *granted_out = 0;
    if (!handles_get((uintptr_t)h, HANDLE_TOKEN, (void **)&t, &granted)) {
        enum handle_kind k = handles_kind((uintptr_t)h);
        reason_set("%s: %p is not an open token handle%s", fn, h,
                   k == HANDLE_LSA_CONNECTION ? " (it is an LSA connection handle)"
                   : k == HANDLE_POLICY       ? " (it is an LSA policy handle)"
                   : h == PSEUDO_PROCESS      ? " (it is the process pseudo-handle; open its "
                                                "token with OpenProcessToken)"
                   : h == PSEUDO_THREAD       ? " (it is the thread pseudo-handle; open its "
                                                "token with OpenThreadToken)"
                   : token_is_pseudo(h)       ? " (it is a token pseudo-handle, which only the "
                                                "functions that query a token accept; open the "
                                                "token with OpenProcessToken or "
                                                "OpenThreadToken)"
                                              : "");
        return STATUS_INVALID_HANDLE;
    }
    if ((granted & need) != need) {
        char has[256], miss[256];
        reason_set("%s needs %s on the token handle; %p was opened with %s", fn,
                   token_access_names(need & ~granted, miss, sizeof miss), h,
                   token_access_names(granted, has, sizeof has));
        token_unref(t);
        return GUESS_TOKEN_ACCESS_STATUS;
    }
    *out = t;
    if (granted_out)
        *granted_out = granted;
    return STATUS_SUCCESS;
}

NTSTATUS token_from_query_handle(HANDLE h, uint32_t need, const char *fn, struct token **out,
                                 bool *referenced)
{
    *referenced = true;
    if (!token_is_pseudo(h))
        return token_from_handle(h, need, fn, out, NULL);
    *out = NULL;
    if ((PSEUDO_TOKEN_ACCESS & need) != need) {
        char miss[256];
        reason_set("%s needs %s on the token handle; a token pseudo-handle grants only "
                   "TOKEN_QUERY|TOKEN_QUERY_SOURCE",
                   fn, token_access_names(need & ~(uint32_t)PSEUDO_TOKEN_ACCESS, miss, sizeof miss));
        return GUESS_TOKEN_ACCESS_STATUS;
    }
    /* The thread's own token (-5, and -4 while impersonating, to tell the
     * process token apart) is referenced; the effective token is borrowed
     * for the call, so that threads querying the process token through a
     * pseudo-handle do not all write its reference count. */
    struct token *t = h == PSEUDO_EFFECTIVE_TOKEN ? NULL : current_thread_token();
    if (h == PSEUDO_THREAD_TOKEN && !t) {
        reason_set("%s: GetCurrentThreadToken() names the thread's impersonation token, and "
                   "the thread is not impersonating",
                   fn);
        return STATUS_NO_TOKEN;
    }
    if (h == PSEUDO_PROCESS_TOKEN && t) {
        token_unref(t);
        t = current_process_token();
    } else if (!t) {
        t = current_caller_token_borrow(referenced);
    }
    if (!t) {
        reason_set("%s: the process has no token", fn);
        return STATUS_INTERNAL_DB_ERROR;
    }
    *out = t;
    return STATUS_SUCCESS;
}

NTSTATUS token_map_access(uint32_t requested, uint32_t *granted)
{
    uint32_t m = requested;
    *granted = 0;
    if (m & GENERIC_READ)
        m = (m & ~(uint32_t)GENERIC_READ) | TOKEN_READ;
    if (m & GENERIC_WRITE)
        m = (m & ~(uint32_t)GENERIC_WRITE) | TOKEN_WRITE;
    if (m & GENERIC_EXECUTE)
        m = (m & ~(uint32_t)GENERIC_EXECUTE) | TOKEN_EXECUTE;
    if (m & GENERIC_ALL)
        m = (m & ~(uint32_t)GENERIC_ALL) | TOKEN_ALL_ACCESS;
    if (m & MAXIMUM_ALLOWED)
        m = (m & ~(uint32_t)MAXIMUM_ALLOWED) | TOKEN_ALL_ACCESS;
    uint32_t unknown = m & ~(uint32_t)(TOKEN_ALL_ACCESS | ACCESS_SYSTEM_SECURITY);
    if (unknown) {
        reason_set("access bits 0x%X are not token access rights; no token grants them",
                   (unsigned)unknown);
        return GUESS_TOKEN_ACCESS_STATUS;
    }
    if (m & ACCESS_SYSTEM_SECURITY) {
        /* Opening the SACL needs SeSecurityPrivilege enabled, whatever the
         * object's security descriptor says. */
        struct token *caller = current_caller_token();
        bool ok = caller && token_priv_enabled(caller, right_info(RIGHT_SeSecurityPrivilege)->luid);
        token_unref(caller);
        if (!ok) {
            reason_set("ACCESS_SYSTEM_SECURITY needs SeSecurityPrivilege enabled in the caller's "
                       "token");
            return STATUS_PRIVILEGE_NOT_HELD;
        }
    }
    *granted = m;
    return STATUS_SUCCESS;
}

struct token *token_copy(struct token *src, enum token_kind kind, enum imp_level level)
{
    struct token *t = token_clone(src);
    if (!t)
        return NULL;
    t->kind = kind;
    t->level = level;
    t->token_id = luid_next();
    t->session = src->session ? session_ref(src->session) : NULL;
    return t;
}
