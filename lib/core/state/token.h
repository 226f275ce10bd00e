/* SPDX-License-Identifier: MIT */
/*
 * Access tokens as the emulated LSA builds them.
 *
 * A token is reference counted: handles, thread impersonation slots and
 * duplicates hold references; token_unref() frees it with the last one and
 * then drops the token's reference on its logon session. The SIDs and the
 * set of privileges are fixed at creation. What changes afterwards changes
 * under the token's own lock (token_lock()): the privilege attributes
 * (token_set_priv_attributes(), also read without the lock), and what
 * SetTokenInformation sets -- the default owner and primary group, the
 * default DACL, the terminal session, the origin and the integrity label --
 * which every reader reads under the lock.
 */
#ifndef LSAEMU_CORE_STATE_TOKEN_H
#define LSAEMU_CORE_STATE_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model/sid.h"

struct luid {
    uint32_t low;
    int32_t high;
};

static inline bool luid_equal(struct luid a, struct luid b)
{
    return a.low == b.low && a.high == b.high;
}

/* Values of the Windows enums, without needing the compat headers here. */
enum token_kind { TOKEN_KIND_PRIMARY = 1, TOKEN_KIND_IMPERSONATION = 2 };
enum imp_level { IMP_ANONYMOUS = 0, IMP_IDENTIFICATION = 1, IMP_IMPERSONATION = 2, IMP_DELEGATION = 3 };

/* SE_GROUP_* attribute bits (winnt.h). */
#define TOK_GROUP_MANDATORY 0x00000001u
#define TOK_GROUP_ENABLED_BY_DEFAULT 0x00000002u
#define TOK_GROUP_ENABLED 0x00000004u
#define TOK_GROUP_OWNER 0x00000008u
#define TOK_GROUP_USE_FOR_DENY_ONLY 0x00000010u
#define TOK_GROUP_INTEGRITY 0x00000020u
#define TOK_GROUP_INTEGRITY_ENABLED 0x00000040u
#define TOK_GROUP_LOGON_ID 0xC0000000u
#define TOK_GROUP_DEFAULT (TOK_GROUP_MANDATORY | TOK_GROUP_ENABLED_BY_DEFAULT | TOK_GROUP_ENABLED)

/* TOKEN_ELEVATION_TYPE (behavior.md 12.10). */
enum elevation_type { ELEVATION_DEFAULT = 1, ELEVATION_FULL = 2, ELEVATION_LIMITED = 3 };

/* What the default DACL of a token is (TokenDefaultDacl, behavior.md 12.5). */
enum dacl_state {
    DACL_BUILT_IN, /* the one every logon gets, made when asked for (token_info.c) */
    DACL_SET,      /* set by SetTokenInformation: the bytes in default_dacl */
    DACL_NONE,     /* set to NULL by SetTokenInformation */
};

/* SE_PRIVILEGE_* attribute bits. */
#define TOK_PRIV_ENABLED_BY_DEFAULT 0x00000001u
#define TOK_PRIV_ENABLED 0x00000002u
#define TOK_PRIV_REMOVED 0x00000004u

struct token_group {
    struct sid sid;
    uint32_t attributes;
};

struct token_priv {
    uint32_t luid; /* LowPart; HighPart is always 0 */
    uint32_t attributes;
};

struct logon_session;

struct token {
    int refcount; /* atomic; the first member (token_clone() copies the rest) */
    /* privs[].attributes and modified_id are written under token_lock(t);
     * the attributes are also read without it (token_priv_enabled()). */

    struct sid user;
    struct token_group *groups; /* owned; integrity label last when present */
    size_t n_groups;
    struct token_priv *privs;   /* owned, sorted by LUID */
    size_t n_privs;
    struct sid primary_group;
    size_t owner_index;         /* SIZE_MAX = the user is the default owner */

    enum token_kind kind;
    enum imp_level level;       /* meaningful for impersonation tokens */
    char source_name[8];
    struct luid source_id;

    struct luid token_id;
    struct luid auth_id;        /* the logon session */
    struct luid modified_id;
    struct luid origin;         /* TokenOrigin: originating logon session */
    uint32_t session_id;        /* terminal session */
    uint32_t logon_type;        /* SECURITY_LOGON_TYPE the token came from */
    bool has_logon_sid;
    struct sid logon_sid;
    uint32_t user_attributes;   /* TokenUser's Attributes: 0, or deny-only once disabled */

    /* CreateRestrictedToken (behavior.md 12.6): the restricting SIDs (owned,
     * NULL when none) and the token flags it sets. */
    struct token_group *restricted;
    size_t n_restricted;
    bool filtered;          /* SIDs disabled or privileges deleted: TokenHasRestrictions */
    bool write_restricted;  /* WRITE_RESTRICTED */
    bool sandbox_inert;     /* TokenSandBoxInert */
    uint8_t elevation_type; /* enum elevation_type */

    /* The default DACL when dacl == DACL_SET: dacl_size bytes, owned. */
    enum dacl_state dacl;
    uint8_t *default_dacl;
    size_t dacl_size;

    struct logon_session *session; /* referenced */

    /* Room in groups[] and privs[]; when arrays_inline, both arrays live in
     * the token's own allocation (token_new_sized()) and are not freed
     * separately. */
    size_t cap_groups, cap_privs;
    bool arrays_inline;
};

/*
 * The lock guarding a token's privilege attributes and modified_id. Tokens
 * share a fixed set of locks chosen by address, so that the fork handlers
 * (current.c) can take every one of them; code never holds two.
 */
void token_lock(const struct token *t);
void token_unlock(const struct token *t);
void tokens_lock_all(void);
void tokens_unlock_all(void);

/* An empty token with one reference (token_unref), or NULL, with room for
 * max_groups groups and max_privs privileges in the same allocation (more
 * still fit: the arrays then move to the heap). */
struct token *token_new_sized(size_t max_groups, size_t max_privs);
struct token *token_ref(struct token *t);
void token_unref(struct token *t);

/* Appends a group the caller knows is in no group of t yet (the user's own
 * SID is skipped). Returns 0, or -1 on allocation failure. */
int token_append_group(struct token *t, const struct sid *sid, uint32_t attributes);
/* Adds a privilege (sorted by LUID; no duplicates). Returns 0 or -1. */
int token_add_priv(struct token *t, uint32_t luid, uint32_t attributes);

/* Is the privilege present (not removed) and enabled? Takes no lock. */
bool token_priv_enabled(const struct token *t, uint32_t luid);
/* Is the privilege present at all (enabled or not)? Takes no lock. */
bool token_priv_held(const struct token *t, uint32_t luid);
/* Replaces the attributes of every privilege with those of privs[] (same
 * order and length as t->privs), each word atomically, so that the
 * lock-free readers above see either the old or the new value. The caller
 * holds token_lock(t). */
void token_set_priv_attributes(struct token *t, const struct token_priv *privs);
/* Does the token contain this SID as its user or an enabled group? (Deny-only
 * groups and integrity labels are not memberships.) */
bool token_has_sid(const struct token *t, const struct sid *sid);

/* A deep copy (new ids are the caller's business); NULL on allocation failure. */
struct token *token_clone(struct token *src);

/* The mandatory label among t's groups (the last group carrying
 * TOK_GROUP_INTEGRITY), or NULL. */
struct token_group *token_integrity_label(struct token *t);

/* Sets the restricting SIDs of t (not yet shared with other threads): a
 * copy of n groups, replacing any. 0, or -1 on allocation failure (t is then
 * unchanged). */
int token_set_restricted(struct token *t, const struct token_group *sids, size_t n);
/* Replaces the default DACL (token_lock(t) held): state, and for DACL_SET
 * a copy of size bytes of acl. 0, or -1 on allocation failure (unchanged). */
int token_set_default_dacl(struct token *t, enum dacl_state state, const void *acl, size_t size);

#endif
