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

#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/state/handles.h"
#include "core/state/sessions.h"
#include "core/model/rights.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

/* The classes answered here; every other valid class is a Deviation. */
static bool class_supported(int cls)
{
    switch (cls) {
    case TokenUser: case TokenGroups: case TokenPrivileges: case TokenOwner:
    case TokenPrimaryGroup: case TokenDefaultDacl: case TokenSource: case TokenType:
    case TokenImpersonationLevel: case TokenStatistics: case TokenRestrictedSids:
    case TokenSessionId: case TokenSandBoxInert: case TokenOrigin: case TokenElevationType:
    case TokenLinkedToken: case TokenElevation: case TokenHasRestrictions:
    case TokenIntegrityLevel: case TokenLogonSid: case TokenIsAppContainer:
    case TokenIsRestricted:
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

static const struct token_group *integrity_label(struct token *t)
{
    return token_integrity_label(t);
}

#define SID_SYSTEM {.revision = 1, .count = 1, .authority = {0, 0, 0, 0, 0, 5}, .sub = {18}}

/* The default owner of t: a group holding the owner role, else the user. */
static const struct sid *default_owner(const struct token *t)
{
    return t->owner_index < t->n_groups ? &t->groups[t->owner_index].sid : &t->user;
}

/*
 * The default DACL every logon's token gets until SetTokenInformation
 * replaces it (behavior.md 12.5): GENERIC_ALL for the default owner and for
 * SYSTEM, GENERIC_READ|GENERIC_EXECUTE for the logon SID when the token has
 * one. Writes it at acl when not NULL; returns its size.
 */
static size_t built_in_dacl(const struct token *t, uint8_t *acl)
{
    static const struct sid system = SID_SYSTEM;
    const struct sid *sids[3] = {default_owner(t), &system,
                                 t->has_logon_sid ? &t->logon_sid : NULL};
    const uint32_t masks[3] = {GENERIC_ALL, GENERIC_ALL, GUESS_DEFAULT_DACL_LOGON_SID_MASK};
    size_t size = sizeof(ACL);
    WORD count = 0;
    for (int i = 0; i < 3; i++) {
        if (!sids[i])
            continue;
        size_t ace = offsetof(ACCESS_ALLOWED_ACE, SidStart) + sid_size(sids[i]);
        if (acl) {
            ACE_HEADER h = {ACCESS_ALLOWED_ACE_TYPE, 0, (WORD)ace};
            memcpy(acl + size, &h, sizeof h);
            memcpy(acl + size + offsetof(ACCESS_ALLOWED_ACE, Mask), &masks[i], sizeof masks[i]);
            memcpy(acl + size + offsetof(ACCESS_ALLOWED_ACE, SidStart), sids[i],
                   sid_size(sids[i]));
        }
        size += ace;
        count++;
    }
    if (acl) {
        ACL head = {ACL_REVISION, 0, (WORD)size, count, 0};
        memcpy(acl, &head, sizeof head);
    }
    return size;
}

/* TOKEN_GROUPS of n groups at buf (the SIDs after the array), or just the
 * size when it does not fit in len. */
static NTSTATUS put_groups(const struct token_group *g, size_t n, uint8_t *buf, size_t len,
                           size_t *need);

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

static NTSTATUS put_groups(const struct token_group *g, size_t n, uint8_t *buf, size_t len,
                           size_t *need)
{
    size_t fixed = offsetof(TOKEN_GROUPS, Groups) + n * sizeof(SID_AND_ATTRIBUTES);
    size_t total = fixed;
    for (size_t i = 0; i < n; i++)
        total += sid_size(&g[i].sid);
    *need = total;
    if (len < total)
        return STATUS_BUFFER_TOO_SMALL;
    struct out o = {buf, fixed};
    TOKEN_GROUPS *tg = (TOKEN_GROUPS *)buf;
    tg->GroupCount = (DWORD)n;
    for (size_t i = 0; i < n; i++) {
        tg->Groups[i].Sid = put_sid(&o, &g[i].sid);
        tg->Groups[i].Attributes = g[i].attributes;
    }
    return STATUS_SUCCESS;
}

/* The DWORD classes (Windows answers a ULONG for the flags). */
static bool dword_class(int cls)
{
    switch (cls) {
    case TokenType: case TokenImpersonationLevel: case TokenSessionId: case TokenSandBoxInert:
    case TokenElevationType: case TokenElevation: case TokenHasRestrictions:
    case TokenIsAppContainer: case TokenIsRestricted:
        return true;
    default:
        return false;
    }
}

static DWORD dword_value(const struct token *t, int cls)
{
    switch (cls) {
    case TokenType:
        return (DWORD)t->kind;
    case TokenImpersonationLevel:
        return (DWORD)t->level;
    case TokenSessionId:
        return t->session_id;
    case TokenSandBoxInert:
        return t->sandbox_inert;
    case TokenElevationType:
        return t->elevation_type;
    case TokenElevation:
        return engine_token_elevated(t);
    case TokenHasRestrictions:
        /* K6: restricting SIDs, or anything filtered away. */
        return t->n_restricted != 0 || t->filtered;
    case TokenIsRestricted:
        return t->n_restricted != 0 || t->write_restricted;
    default: /* TokenIsAppContainer: lsaemu makes no AppContainer tokens */
        return 0;
    }
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
    if (dword_class(cls)) {
        DWORD v = dword_value(t, cls);
        *need = sizeof(DWORD);
        if (len < *need)
            return STATUS_BUFFER_TOO_SMALL;
        memcpy(buf, &v, sizeof v);
        return STATUS_SUCCESS;
    }
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
    case TokenGroups:
        return put_groups(t->groups, t->n_groups, buf, len, need);
    case TokenRestrictedSids:
        return put_groups(t->restricted, t->n_restricted, buf, len, need);
    case TokenDefaultDacl: {
        /* The ACL follows the structure; none set: DefaultDacl NULL and
         * only the structure (W3 test_token_attr). */
        size_t acl = t->dacl == DACL_SET    ? t->dacl_size
                     : t->dacl == DACL_NONE ? 0
                                            : built_in_dacl(t, NULL);
        *need = sizeof(TOKEN_DEFAULT_DACL) + acl;
        if (len < *need)
            return STATUS_BUFFER_TOO_SMALL;
        TOKEN_DEFAULT_DACL *d = (TOKEN_DEFAULT_DACL *)buf;
        d->DefaultDacl = acl ? (PACL)(buf + sizeof *d) : NULL;
        if (t->dacl == DACL_SET)
            memcpy(buf + sizeof *d, t->default_dacl, acl);
        else if (t->dacl == DACL_BUILT_IN)
            built_in_dacl(t, buf + sizeof *d);
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
        ((TOKEN_USER *)buf)->User.Attributes = t->user_attributes;
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

/*
 * TokenLinkedToken (behavior.md 12.5, 12.10): a new handle, with
 * TOKEN_ALL_ACCESS, to a new token of the session linked to t's -- a
 * primary token when the caller has SeTcbPrivilege enabled, else an
 * identification-level impersonation token (K6, W3 test_elevation).
 * Returns 0 with the handle in *h, GUESS_NO_LINKED_TOKEN_STATUS when t's
 * logon was not split, or STATUS_NO_MEMORY (reason set).
 */
static NTSTATUS linked_token(struct token *t, HANDLE *h)
{
    NTSTATUS st = STATUS_SUCCESS;
    struct logon_session *other = t->session ? session_linked(t->session) : NULL;
    struct token *copy = NULL;
    if (!other || !other->tmpl) {
        st = GUESS_NO_LINKED_TOKEN_STATUS;
        reason_set("the token has no linked token: its logon was not split by UAC "
                   "(TokenElevationType %s)",
                   t->elevation_type == ELEVATION_DEFAULT ? "Default" : "of a logon that ended");
        goto out;
    }
    bool tcb = false;
    struct token *caller = current_caller_token();
    tcb = caller && token_priv_enabled(caller, right_info(RIGHT_SeTcbPrivilege)->luid);
    token_unref(caller);
    copy = token_clone(other->tmpl);
    if (!copy) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory copying the linked token");
        goto out;
    }
    copy->kind = tcb ? TOKEN_KIND_PRIMARY : TOKEN_KIND_IMPERSONATION;
    copy->level = tcb ? IMP_ANONYMOUS : IMP_IDENTIFICATION;
    copy->token_id = luid_next();
    copy->modified_id = copy->token_id;
    copy->session = session_ref(other);
    uintptr_t v = handles_insert(HANDLE_TOKEN, copy, TOKEN_ALL_ACCESS, NULL);
    copy = NULL; /* the table took it, or released it */
    if (!v) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the linked token's handle");
        goto out;
    }
    *h = (HANDLE)v;
    reason_set("the linked %s token, as %s (the caller %s SeTcbPrivilege enabled)",
               other->tmpl->elevation_type == ELEVATION_FULL ? "full (elevated)" : "filtered",
               tcb ? "a primary token" : "an identification-level impersonation token",
               tcb ? "has" : "does not have");
out:
    token_unref(copy);
    if (other)
        session_unref(other);
    return st;
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
    bool referenced = true;
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
    st = token_from_query_handle(TokenHandle,
                                 cls == TokenSource ? TOKEN_QUERY_SOURCE : TOKEN_QUERY,
                                 "GetTokenInformation", &t, &referenced);
    if (st != STATUS_SUCCESS)
        goto out;
    if (cls == TokenLinkedToken) {
        if (TokenInformationLength < sizeof(TOKEN_LINKED_TOKEN)) {
            *ReturnLength = sizeof(TOKEN_LINKED_TOKEN);
            st = STATUS_BUFFER_TOO_SMALL;
            reason_set("TokenLinkedToken needs %zu bytes; the buffer has %lu",
                       sizeof(TOKEN_LINKED_TOKEN), (unsigned long)TokenInformationLength);
            goto out;
        }
        HANDLE h = NULL;
        st = linked_token(t, &h);
        if (st == STATUS_SUCCESS) {
            ((TOKEN_LINKED_TOKEN *)TokenInformation)->LinkedToken = h;
            *ReturnLength = sizeof(TOKEN_LINKED_TOKEN);
        }
        goto out;
    }
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
    if (referenced)
        token_unref(t);
    return api_leave_bool(&c, st);
}
