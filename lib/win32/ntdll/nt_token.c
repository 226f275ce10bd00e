/* SPDX-License-Identifier: MIT */
/*
 * NtDuplicateToken (behavior.md 12.8): the native copy of a token that
 * DuplicateTokenEx is built on. It answers an NTSTATUS and never touches
 * the thread's last error. Where it differs from DuplicateTokenEx: the
 * impersonation level comes from the SecurityQualityOfService of the
 * object attributes (none: SecurityAnonymous), and EffectiveOnly drops
 * what is not enabled.
 */
#include <string.h>

#include <winternl.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/state/handles.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

/* EffectiveOnly (K4): the disabled privileges and groups go. Deny-only
 * groups and the label stay (GUESS_EFFECTIVE_ONLY_KEEPS_DENY_ONLY). */
static void keep_effective(struct token *t)
{
    size_t kept = 0;
    for (size_t i = 0; i < t->n_privs; i++)
        if ((t->privs[i].attributes & (TOK_PRIV_ENABLED | TOK_PRIV_REMOVED)) == TOK_PRIV_ENABLED)
            t->privs[kept++] = t->privs[i];
    t->n_privs = kept;
    kept = 0;
    uint32_t keep_bits = TOK_GROUP_ENABLED | TOK_GROUP_INTEGRITY |
                         (GUESS_EFFECTIVE_ONLY_KEEPS_DENY_ONLY ? TOK_GROUP_USE_FOR_DENY_ONLY : 0);
    size_t owner = t->owner_index;
    t->owner_index = SIZE_MAX;
    for (size_t i = 0; i < t->n_groups; i++) {
        if (!(t->groups[i].attributes & keep_bits))
            continue;
        if (i == owner)
            t->owner_index = kept;
        t->groups[kept++] = t->groups[i];
    }
    t->n_groups = kept;
}

/* The level a copy gets: the QoS's, or SecurityAnonymous without one. */
static NTSTATUS read_level(const OBJECT_ATTRIBUTES *oa, enum imp_level *level)
{
    *level = IMP_ANONYMOUS;
    if (!oa)
        return STATUS_SUCCESS;
    if (oa->Length != sizeof *oa) {
        reason_set("ObjectAttributes->Length is %lu, not sizeof(OBJECT_ATTRIBUTES) (%zu)",
                   (unsigned long)oa->Length, sizeof *oa);
        return STATUS_INVALID_PARAMETER;
    }
    const SECURITY_QUALITY_OF_SERVICE *q = oa->SecurityQualityOfService;
    if (!q)
        return STATUS_SUCCESS;
    if (!VALID_IMPERSONATION_LEVEL(q->ImpersonationLevel)) {
        reason_set("the SecurityQualityOfService asks for impersonation level %d (0-3)",
                   (int)q->ImpersonationLevel);
        return STATUS_INVALID_PARAMETER;
    }
    *level = (enum imp_level)q->ImpersonationLevel;
    return STATUS_SUCCESS;
}

/* The WDK names the type parameter TokenType, which is also a
 * TOKEN_INFORMATION_CLASS constant; a different name avoids -Wshadow. */
LSAEMU_EXPORT NTSTATUS NTAPI NtDuplicateToken(HANDLE ExistingTokenHandle,
                                              ACCESS_MASK DesiredAccess,
                                              POBJECT_ATTRIBUTES ObjectAttributes,
                                              BOOLEAN EffectiveOnly, TOKEN_TYPE Type,
                                              PHANDLE NewTokenHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "NtDuplicateToken", NULL);
    char names[256];
    trace_args("%p, %s, %p, EffectiveOnly %d, type %d, %p", ExistingTokenHandle,
               token_access_names(DesiredAccess, names, sizeof names), (void *)ObjectAttributes,
               (int)EffectiveOnly, (int)Type, (void *)NewTokenHandle);
    struct token *src = NULL, *t = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!NewTokenHandle) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("NewTokenHandle is NULL (the kernel's write to it faults)");
        goto out;
    }
    *NewTokenHandle = NULL;
    if (Type != TokenPrimary && Type != TokenImpersonation) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("TokenType %d is neither TokenPrimary (1) nor TokenImpersonation (2)",
                   (int)Type);
        goto out;
    }
    enum imp_level level;
    st = read_level(ObjectAttributes, &level);
    if (st != STATUS_SUCCESS)
        goto out;
    uint32_t had;
    /* K6: the token pseudo-handles are no handles here. */
    st = token_from_handle(ExistingTokenHandle, TOKEN_DUPLICATE, "NtDuplicateToken", &src, &had);
    if (st != STATUS_SUCCESS)
        goto out;
    bool primary = Type == TokenPrimary;
    /* K6's table: the level never rises, and only impersonation or
     * delegation level gives a primary token. */
    if (src->kind == TOKEN_KIND_IMPERSONATION &&
        ((!primary && level > src->level) || (primary && src->level < IMP_IMPERSONATION))) {
        st = STATUS_BAD_IMPERSONATION_LEVEL;
        reason_set("the source is an impersonation token at level %d; it cannot give %s",
                   (int)src->level, primary ? "a primary token" : "a higher level");
        goto out;
    }
    /* W3 test_duplicate_token: access 0 is the source handle's access. */
    uint32_t granted = had;
    if (DesiredAccess != 0) {
        st = token_map_access(DesiredAccess, &granted);
        if (st != STATUS_SUCCESS)
            goto out;
    }
    t = token_copy(src, primary ? TOKEN_KIND_PRIMARY : TOKEN_KIND_IMPERSONATION,
                   primary ? IMP_ANONYMOUS : level);
    if (!t) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory copying the token");
        goto out;
    }
    if (EffectiveOnly)
        keep_effective(t);
    uintptr_t h = handles_insert(HANDLE_TOKEN, t, granted, NULL);
    t = NULL; /* the table took it, or released it */
    if (!h) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the token handle");
        goto out;
    }
    *NewTokenHandle = (HANDLE)h;
    reason_set("new %s token%s with %s", primary ? "primary" : "impersonation",
               EffectiveOnly ? " (enabled parts only)" : "",
               token_access_names(granted, names, sizeof names));
out:
    token_unref(t);
    token_unref(src);
    return api_leave(&c, st);
}
