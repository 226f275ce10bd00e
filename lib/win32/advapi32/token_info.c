/* SPDX-License-Identifier: MIT */
/*
 * GetTokenInformation (behavior.md 3.16) for the classes lsaemu's tokens
 * can answer. Checks in the kernel's order: the class, the caller's buffer
 * pointers, then the handle and its access, then the size. Variable-size
 * answers are laid out as on Windows: the structure, then its arrays, then
 * the SIDs the arrays point to, all inside the caller's buffer; a buffer
 * that is too small gets FALSE, ERROR_INSUFFICIENT_BUFFER and the size
 * needed in *ReturnLength, and is left untouched.
 */
#include <stddef.h>
#include <string.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

/* The classes answered here; every other valid class is a Deviation. */
static bool class_supported(int cls)
{
    switch (cls) {
    case TokenUser: case TokenGroups: case TokenPrivileges: case TokenOwner:
    case TokenPrimaryGroup: case TokenSource: case TokenType: case TokenImpersonationLevel:
    case TokenStatistics: case TokenSessionId: case TokenOrigin: case TokenElevationType:
    case TokenElevation: case TokenIntegrityLevel: case TokenLogonSid:
        return true;
    default:
        return false;
    }
}

/* A writer into the caller's buffer: fixed part first, SIDs after it. */
struct out {
    uint8_t *base;
    size_t sid_at; /* where the next SID goes */
};

static PSID put_sid(struct out *o, const struct sid *s)
{
    size_t n = sid_size(s);
    PSID p = o->base + o->sid_at;
    memcpy(p, s, n);
    o->sid_at += n;
    return p;
}

static const struct token_group *integrity_label(const struct token *t)
{
    for (size_t i = t->n_groups; i-- > 0;)
        if (t->groups[i].attributes & TOK_GROUP_INTEGRITY)
            return &t->groups[i];
    return NULL;
}

static const struct token_group *logon_sid_group(const struct token *t)
{
    if (!t->has_logon_sid)
        return NULL;
    for (size_t i = 0; i < t->n_groups; i++)
        if ((t->groups[i].attributes & TOK_GROUP_LOGON_ID) == TOK_GROUP_LOGON_ID)
            return &t->groups[i];
    return NULL;
}

static size_t live_privs(const struct token *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_privs; i++)
        if (!(t->privs[i].attributes & TOK_PRIV_REMOVED))
            n++;
    return n;
}

static LUID to_luid(struct luid l)
{
    LUID r = {l.low, l.high};
    return r;
}

/*
 * Computes the size of the answer into *need and, when it fits in len
 * bytes, writes it to buf. Returns 0, STATUS_BUFFER_TOO_SMALL, or the
 * class's own failure (reason set). t->lock is held by the caller.
 */
static NTSTATUS answer(const struct policy *pol, struct token *t, int cls, uint8_t *buf,
                       size_t len, size_t *need)
{
    (void)pol;
    struct out o = {buf, 0};
    const struct sid *one = NULL;
    size_t fixed = 0;
    switch (cls) {
    case TokenUser:
        one = &t->user;
        fixed = sizeof(TOKEN_USER);
        break;
    case TokenOwner:
        one = t->owner_index < t->n_groups ? &t->groups[t->owner_index].sid : &t->user;
        fixed = sizeof(TOKEN_OWNER);
        break;
    case TokenPrimaryGroup:
        one = &t->primary_group;
        fixed = sizeof(TOKEN_PRIMARY_GROUP);
        break;
    case TokenIntegrityLevel: {
        const struct token_group *g = integrity_label(t);
        if (!g) {
            reason_set("the token carries no mandatory label");
            return STATUS_INVALID_PARAMETER;
        }
        one = &g->sid;
        fixed = sizeof(TOKEN_MANDATORY_LABEL);
        break;
    }
    case TokenLogonSid: {
        const struct token_group *g = logon_sid_group(t);
        if (!g) {
            reason_set("the token has no logon SID (network logons carry none)");
            return GUESS_NO_LOGON_SID_STATUS;
        }
        one = &g->sid;
        fixed = offsetof(TOKEN_GROUPS, Groups) + sizeof(SID_AND_ATTRIBUTES);
        break;
    }
    case TokenGroups: {
        size_t n = offsetof(TOKEN_GROUPS, Groups) + t->n_groups * sizeof(SID_AND_ATTRIBUTES);
        size_t total = n;
        for (size_t i = 0; i < t->n_groups; i++)
            total += sid_size(&t->groups[i].sid);
        *need = total;
        if (len < total)
            return STATUS_BUFFER_TOO_SMALL;
        TOKEN_GROUPS *tg = (TOKEN_GROUPS *)buf;
        o.sid_at = n;
        tg->GroupCount = (DWORD)t->n_groups;
        for (size_t i = 0; i < t->n_groups; i++) {
            tg->Groups[i].Sid = put_sid(&o, &t->groups[i].sid);
            tg->Groups[i].Attributes = t->groups[i].attributes;
        }
        return STATUS_SUCCESS;
    }
    case TokenPrivileges: {
        size_t n = live_privs(t);
        *need = offsetof(TOKEN_PRIVILEGES, Privileges) + n * sizeof(LUID_AND_ATTRIBUTES);
        if (len < *need)
            return STATUS_BUFFER_TOO_SMALL;
        TOKEN_PRIVILEGES *tp = (TOKEN_PRIVILEGES *)buf;
        tp->PrivilegeCount = (DWORD)n;
        size_t j = 0;
        for (size_t i = 0; i < t->n_privs; i++) {
            if (t->privs[i].attributes & TOK_PRIV_REMOVED)
                continue;
            tp->Privileges[j].Luid.LowPart = t->privs[i].luid;
            tp->Privileges[j].Luid.HighPart = 0;
            tp->Privileges[j].Attributes = t->privs[i].attributes;
            j++;
        }
        return STATUS_SUCCESS;
    }
    case TokenSource:
        *need = sizeof(TOKEN_SOURCE);
        if (len < *need)
            return STATUS_BUFFER_TOO_SMALL;
        memcpy(((TOKEN_SOURCE *)buf)->SourceName, t->source_name, TOKEN_SOURCE_LENGTH);
        ((TOKEN_SOURCE *)buf)->SourceIdentifier = to_luid(t->source_id);
        return STATUS_SUCCESS;
    case TokenType:
    case TokenImpersonationLevel:
    case TokenSessionId:
    case TokenElevationType:
    case TokenElevation: {
        DWORD v = cls == TokenType                 ? (DWORD)t->kind
                  : cls == TokenImpersonationLevel ? (DWORD)t->level
                  : cls == TokenSessionId          ? t->session_id
                  : cls == TokenElevationType      ? (DWORD)GUESS_ELEVATION_TYPE
                                                   : (DWORD)(t->elevated ? 1 : 0);
        *need = sizeof(DWORD);
        if (len < *need)
            return STATUS_BUFFER_TOO_SMALL;
        memcpy(buf, &v, sizeof v);
        return STATUS_SUCCESS;
    }
    case TokenOrigin:
        *need = sizeof(TOKEN_ORIGIN);
        if (len < *need)
            return STATUS_BUFFER_TOO_SMALL;
        ((TOKEN_ORIGIN *)buf)->OriginatingLogonSession = to_luid(t->origin);
        return STATUS_SUCCESS;
    case TokenStatistics: {
        *need = sizeof(TOKEN_STATISTICS);
        if (len < *need)
            return STATUS_BUFFER_TOO_SMALL;
        TOKEN_STATISTICS s;
        memset(&s, 0, sizeof s);
        s.TokenId = to_luid(t->token_id);
        s.AuthenticationId = to_luid(t->auth_id);
        s.ExpirationTime.QuadPart = 0x7FFFFFFFFFFFFFFFLL;
        s.TokenType = (TOKEN_TYPE)t->kind;
        s.ImpersonationLevel = (SECURITY_IMPERSONATION_LEVEL)t->level;
        s.DynamicCharged = GUESS_TOKEN_DYNAMIC_CHARGED;
        s.DynamicAvailable = GUESS_TOKEN_DYNAMIC_AVAILABLE;
        s.GroupCount = (DWORD)t->n_groups;
        s.PrivilegeCount = (DWORD)live_privs(t);
        s.ModifiedId = to_luid(t->modified_id);
        memcpy(buf, &s, sizeof s);
        return STATUS_SUCCESS;
    }
    default:
        break;
    }
    /* The classes made of one SID_AND_ATTRIBUTES or one PSID. */
    *need = fixed + sid_size(one);
    if (len < *need)
        return STATUS_BUFFER_TOO_SMALL;
    o.sid_at = fixed;
    switch (cls) {
    case TokenUser:
        ((TOKEN_USER *)buf)->User.Sid = put_sid(&o, one);
        ((TOKEN_USER *)buf)->User.Attributes = 0;
        break;
    case TokenOwner:
        ((TOKEN_OWNER *)buf)->Owner = put_sid(&o, one);
        break;
    case TokenPrimaryGroup:
        ((TOKEN_PRIMARY_GROUP *)buf)->PrimaryGroup = put_sid(&o, one);
        break;
    case TokenIntegrityLevel:
        ((TOKEN_MANDATORY_LABEL *)buf)->Label.Sid = put_sid(&o, one);
        ((TOKEN_MANDATORY_LABEL *)buf)->Label.Attributes = integrity_label(t)->attributes;
        break;
    case TokenLogonSid: {
        TOKEN_GROUPS *tg = (TOKEN_GROUPS *)buf;
        tg->GroupCount = 1;
        tg->Groups[0].Sid = put_sid(&o, one);
        tg->Groups[0].Attributes = logon_sid_group(t)->attributes;
        break;
    }
    }
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI GetTokenInformation(HANDLE TokenHandle,
                                              TOKEN_INFORMATION_CLASS TokenInformationClass,
                                              LPVOID TokenInformation,
                                              DWORD TokenInformationLength, PDWORD ReturnLength)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "GetTokenInformation", NULL);
    int cls = (int)TokenInformationClass;
    trace_args("%p, class %d, %p, %lu, %p", TokenHandle, cls, TokenInformation,
               (unsigned long)TokenInformationLength, (void *)ReturnLength);
    struct token *t = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (cls < TokenUser || cls >= MaxTokenInfoClass) {
        st = STATUS_INVALID_INFO_CLASS;
        reason_set("%d is not a TOKEN_INFORMATION_CLASS value", cls);
        goto out;
    }
    if (!class_supported(cls)) {
        /* Deviation: Windows answers these classes; lsaemu's tokens do not
         * model what they describe (DACLs, restrictions, claims ...). */
        st = STATUS_INVALID_INFO_CLASS;
        reason_set("token information class %d is not emulated by lsaemu", cls);
        goto out;
    }
    /* The kernel probes the caller's pointers before it looks at the
     * handle: a NULL or misaligned buffer with a length, or no place for
     * the length, faults. */
    if (!ReturnLength || (!TokenInformation && TokenInformationLength)) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("%s is NULL (the kernel's access to it faults)",
                   ReturnLength ? "TokenInformation" : "ReturnLength");
        goto out;
    }
    if (TokenInformationLength && ((uintptr_t)TokenInformation & 3u)) {
        st = STATUS_DATATYPE_MISALIGNMENT;
        reason_set("TokenInformation %p is not aligned on 4 bytes", TokenInformation);
        goto out;
    }
    st = token_from_handle(TokenHandle, cls == TokenSource ? TOKEN_QUERY_SOURCE : TOKEN_QUERY,
                           "GetTokenInformation", &t, NULL);
    if (st != STATUS_SUCCESS)
        goto out;
    if (cls == TokenImpersonationLevel && t->kind != TOKEN_KIND_IMPERSONATION) {
        st = STATUS_INVALID_INFO_CLASS;
        reason_set("TokenImpersonationLevel is defined only for impersonation tokens; this is "
                   "a primary token");
        goto out;
    }
    size_t need = 0;
    token_lock(t);
    st = answer(c.pol, t, cls, TokenInformation, TokenInformationLength, &need);
    token_unlock(t);
    if (st == STATUS_SUCCESS || st == STATUS_BUFFER_TOO_SMALL)
        *ReturnLength = (DWORD)need;
    if (st == STATUS_BUFFER_TOO_SMALL)
        reason_set("token information class %d needs %zu bytes; the buffer has %lu", cls, need,
                   (unsigned long)TokenInformationLength);
    else if (st == STATUS_SUCCESS)
        reason_set("token information class %d: %zu bytes", cls, need);
out:
    token_unref(t);
    return api_leave_bool(&c, st);
}
