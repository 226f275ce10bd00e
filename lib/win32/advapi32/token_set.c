/* SPDX-License-Identifier: MIT */
/*
 * SetTokenInformation (behavior.md 12.7): what a caller may change in a
 * token after it was made -- its default owner and primary group, its
 * default DACL, its terminal session, its origin and its integrity label.
 * Checks in the kernel's order (K3, reactos R7): the class and the buffer,
 * then the handle and its access, then the privilege a class needs, then
 * the value. Every change happens under the token's lock and gives the
 * token a new ModifiedId.
 */
#include <stddef.h>
#include <string.h>

#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/model/rights.h"
#include "core/state/sessions.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

/* The classes lsaemu sets, with the smallest buffer each takes. */
static size_t min_length(int cls)
{
    switch (cls) {
    case TokenOwner:
        return sizeof(TOKEN_OWNER);
    case TokenPrimaryGroup:
        return sizeof(TOKEN_PRIMARY_GROUP);
    case TokenDefaultDacl:
        return sizeof(TOKEN_DEFAULT_DACL);
    case TokenSessionId:
        return sizeof(DWORD);
    case TokenOrigin:
        return sizeof(TOKEN_ORIGIN);
    case TokenIntegrityLevel:
        return sizeof(TOKEN_MANDATORY_LABEL);
    default:
        return 0;
    }
}

/* Classes Windows lets a caller set that lsaemu does not model (K6). */
static bool settable_not_emulated(int cls)
{
    switch (cls) {
    case TokenSessionReference: case TokenAuditPolicy: case TokenLinkedToken:
    case TokenVirtualizationAllowed: case TokenVirtualizationEnabled: case TokenUIAccess:
    case TokenMandatoryPolicy: case TokenSecurityAttributes:
        return true;
    default:
        return false;
    }
}

static bool caller_has_tcb(void)
{
    struct token *caller = current_caller_token();
    bool tcb = caller && token_priv_enabled(caller, right_info(RIGHT_SeTcbPrivilege)->luid);
    token_unref(caller);
    return tcb;
}

/* A caller's SID, read bytewise; false when it is not a valid SID. */
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

/* Is t the process's own primary token (a token in use by a process)? */
static bool is_process_token(const struct token *t)
{
    struct token *proc = current_process_token();
    bool same = proc == t;
    token_unref(proc);
    return same;
}

/* TokenOwner (K3, K6): the user, or a group holding the owner role. Lock held. */
static NTSTATUS set_owner(struct token *t, const struct sid *s)
{
    if (sid_equal(s, &t->user)) {
        t->owner_index = SIZE_MAX;
        return STATUS_SUCCESS;
    }
    for (size_t i = 0; i < t->n_groups; i++) {
        if (!sid_equal(&t->groups[i].sid, s))
            continue;
        if (!(t->groups[i].attributes & TOK_GROUP_OWNER))
            break;
        t->owner_index = i;
        return STATUS_SUCCESS;
    }
    reason_set("the default owner must be the token's user or one of its groups that may own "
               "objects (SE_GROUP_OWNER)");
    return STATUS_INVALID_OWNER;
}

/* TokenPrimaryGroup: the user or any group of the token. Lock held. */
static NTSTATUS set_primary_group(struct token *t, const struct sid *s)
{
    bool found = sid_equal(s, &t->user);
    for (size_t i = 0; i < t->n_groups && !found; i++)
        found = !(t->groups[i].attributes & TOK_GROUP_INTEGRITY) && sid_equal(&t->groups[i].sid, s);
    if (!found) {
        reason_set("the primary group must be the token's user or one of its groups");
        return STATUS_INVALID_PRIMARY_GROUP;
    }
    t->primary_group = *s;
    return STATUS_SUCCESS;
}

/*
 * TokenDefaultDacl: a copy of the caller's ACL, or none (NULL). The ACL
 * header must describe an ACL (revision 2 to 4, AclSize from 8, room for its
 * ACEs' headers), and the DACL and the primary group must fit the token's
 * dynamic part (reactos R7: STATUS_ALLOTTED_SPACE_EXCEEDED). Lock held.
 */
static NTSTATUS set_default_dacl(struct token *t, const ACL *acl)
{
    if (!acl)
        return token_set_default_dacl(t, DACL_NONE, NULL, 0) == 0 ? STATUS_SUCCESS
                                                                   : STATUS_NO_MEMORY;
    ACL head;
    memcpy(&head, acl, sizeof head);
    if (head.AclRevision < ACL_REVISION || head.AclRevision > ACL_REVISION_DS ||
        head.AclSize < sizeof(ACL) || (size_t)head.AceCount * sizeof(ACE_HEADER) >
                                           head.AclSize - sizeof(ACL)) {
        reason_set("the DefaultDacl is not an ACL (revision %u, AclSize %u, %u ACEs)",
                   head.AclRevision, head.AclSize, head.AceCount);
        return GUESS_BAD_DEFAULT_DACL_STATUS;
    }
    if ((size_t)head.AclSize + sid_size(&t->primary_group) > GUESS_TOKEN_DYNAMIC_CHARGED) {
        reason_set("a DACL of %u bytes and the primary group do not fit the token's %u bytes of "
                   "dynamic part",
                   head.AclSize, GUESS_TOKEN_DYNAMIC_CHARGED);
        return STATUS_ALLOTTED_SPACE_EXCEEDED;
    }
    return token_set_default_dacl(t, DACL_SET, acl, head.AclSize) == 0 ? STATUS_SUCCESS
                                                                        : STATUS_NO_MEMORY;
}

/*
 * TokenIntegrityLevel (K6): lowering needs nothing, raising SeTcbPrivilege,
 * and a process's own token cannot be raised. Deviation: Windows also
 * disables the privileges a lower level may not use; lsaemu keeps them.
 * Lock held; tcb and in_use computed before.
 */
static NTSTATUS set_label(struct token *t, const struct sid *s, bool tcb, bool in_use)
{
    if (sid_authority(s) != 16 || s->count != 1) {
        reason_set("a mandatory label is a SID S-1-16-x");
        return GUESS_BAD_LABEL_STATUS;
    }
    struct token_group *g = token_integrity_label(t);
    if (!g) {
        reason_set("the token carries no mandatory label");
        return STATUS_INVALID_PARAMETER;
    }
    if (s->sub[0] > g->sid.sub[0]) {
        if (!tcb) {
            reason_set("raising the integrity level (%u to %u) needs SeTcbPrivilege enabled",
                       (unsigned)g->sid.sub[0], (unsigned)s->sub[0]);
            return STATUS_PRIVILEGE_NOT_HELD;
        }
        if (in_use) {
            reason_set("the integrity level of a process's own token cannot be raised");
            return STATUS_TOKEN_ALREADY_IN_USE;
        }
    }
    g->sid = *s;
    return STATUS_SUCCESS;
}

/* The value of the class, read from the caller's buffer and applied to t
 * (whose lock this takes). */
static NTSTATUS apply(struct token *t, int cls, const void *info, bool tcb, bool in_use)
{
    NTSTATUS st = STATUS_SUCCESS;
    struct sid s;
    PSID p = NULL;
    ACL *acl = NULL;
    DWORD session = 0;
    TOKEN_ORIGIN origin = {{0, 0}};
    /* Read before the lock: the caller's memory. */
    switch (cls) {
    case TokenOwner:
    case TokenPrimaryGroup:
    case TokenIntegrityLevel:
        memcpy(&p, info, sizeof p); /* the first member of each structure */
        if (!read_sid(p, &s)) {
            reason_set("the %s SID is %s", cls == TokenOwner ? "owner"
                                           : cls == TokenPrimaryGroup ? "primary group"
                                                                      : "label",
                       p ? "not a valid SID" : "NULL");
            /* K3 lists STATUS_INVALID_SID among the answers. */
            return STATUS_INVALID_SID;
        }
        break;
    case TokenDefaultDacl:
        memcpy(&acl, info, sizeof acl);
        break;
    case TokenSessionId:
        memcpy(&session, info, sizeof session);
        break;
    default:
        memcpy(&origin, info, sizeof origin);
        break;
    }
    token_lock(t);
    switch (cls) {
    case TokenOwner:
        st = set_owner(t, &s);
        break;
    case TokenPrimaryGroup:
        st = set_primary_group(t, &s);
        break;
    case TokenDefaultDacl:
        st = set_default_dacl(t, acl);
        break;
    case TokenIntegrityLevel:
        st = set_label(t, &s, tcb, in_use);
        break;
    case TokenSessionId:
        t->session_id = session;
        break;
    default:
        /* reactos R7: the origin is set once; later calls keep it. */
        if (GUESS_TOKEN_ORIGIN_SET_ONCE && (t->origin.low || t->origin.high))
            break;
        t->origin.low = origin.OriginatingLogonSession.LowPart;
        t->origin.high = origin.OriginatingLogonSession.HighPart;
        break;
    }
    if (st == STATUS_SUCCESS)
        t->modified_id = luid_next();
    token_unlock(t);
    if (st == STATUS_NO_MEMORY)
        reason_set("out of memory copying the default DACL");
    return st;
}

LSAEMU_EXPORT BOOL WINAPI SetTokenInformation(HANDLE TokenHandle,
                                              TOKEN_INFORMATION_CLASS TokenInformationClass,
                                              LPVOID TokenInformation,
                                              DWORD TokenInformationLength)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "SetTokenInformation", NULL);
    int cls = (int)TokenInformationClass;
    trace_args("%p, class %d, %p, %lu", TokenHandle, cls, TokenInformation,
               (unsigned long)TokenInformationLength);
    struct token *t = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    size_t min = min_length(cls);
    if (!min) {
        /* K3: the classes fixed at creation are "not a valid information
         * class" for a set; so is every other one. */
        st = STATUS_INVALID_INFO_CLASS;
        if (settable_not_emulated(cls))
            /* Deviation: Windows sets these (with the privileges K6 names);
             * lsaemu's tokens do not model them. */
            reason_set("token information class %d can be set on Windows but lsaemu does not "
                       "emulate it",
                       cls);
        else
            reason_set("token information class %d cannot be set (only TokenOwner, "
                       "TokenPrimaryGroup, TokenDefaultDacl, TokenSessionId, TokenOrigin and "
                       "TokenIntegrityLevel can)",
                       cls);
        goto out;
    }
    /* The buffer is checked before the handle (K3, W3 test_token_attr). */
    if (TokenInformationLength < min) {
        st = STATUS_INFO_LENGTH_MISMATCH;
        reason_set("class %d needs at least %zu bytes; TokenInformationLength is %lu", cls, min,
                   (unsigned long)TokenInformationLength);
        goto out;
    }
    if (!TokenInformation) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("TokenInformation is NULL (the kernel's read of it faults)");
        goto out;
    }
    if ((uintptr_t)TokenInformation & 3u) {
        st = STATUS_DATATYPE_MISALIGNMENT;
        reason_set("TokenInformation %p is not aligned on 4 bytes", TokenInformation);
        goto out;
    }
    uint32_t need = TOKEN_ADJUST_DEFAULT | (cls == TokenSessionId ? TOKEN_ADJUST_SESSIONID : 0);
    st = token_from_handle(TokenHandle, need, "SetTokenInformation", &t, NULL);
    if (st != STATUS_SUCCESS)
        goto out;
    bool tcb = caller_has_tcb();
    bool in_use = is_process_token(t);
    if ((cls == TokenSessionId || cls == TokenOrigin) && !tcb) {
        st = STATUS_PRIVILEGE_NOT_HELD;
        reason_set("setting %s needs SeTcbPrivilege enabled in the caller's token",
                   cls == TokenSessionId ? "TokenSessionId" : "TokenOrigin");
        goto out;
    }
    if (cls == TokenSessionId && in_use) {
        st = STATUS_TOKEN_ALREADY_IN_USE;
        reason_set("the terminal session of a process's own token cannot change");
        goto out;
    }
    st = apply(t, cls, TokenInformation, tcb, in_use);
    if (st == STATUS_SUCCESS)
        reason_set("token information class %d set", cls);
out:
    token_unref(t);
    return api_leave_bool(&c, st);
}
