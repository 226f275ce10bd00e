/* SPDX-License-Identifier: MIT */
/* Token objects: construction, reference counting and the small queries the
 * logon path needs. The session link is released through sessions.h. */
#include "core/state/token.h"
#include "base/mem.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/state/sessions.h"

/* 16: ThreadSanitizer's deadlock detector allows a thread 64 locks held at
 * once, and the fork handler holds all of these and the registry shard
 * locks (shard.h). The locks are taken only by the rare writers and the
 * multi-privilege readers; the per-call checks read without them. */
#define N_TOKEN_LOCKS 16u

static plat_mutex token_locks[N_TOKEN_LOCKS] = {
#define L4 PLAT_MUTEX_INIT, PLAT_MUTEX_INIT, PLAT_MUTEX_INIT, PLAT_MUTEX_INIT
#define L16 L4, L4, L4, L4
    L16
#undef L16
#undef L4
};

static plat_mutex *lock_of(const struct token *t)
{
    uintptr_t v = (uintptr_t)t;
    return &token_locks[(v >> 6 ^ v >> 12) % N_TOKEN_LOCKS];
}

void token_lock(const struct token *t)
{
    plat_mutex_lock(lock_of(t));
}

void token_unlock(const struct token *t)
{
    plat_mutex_unlock(lock_of(t));
}

void tokens_lock_all(void)
{
    for (unsigned i = 0; i < N_TOKEN_LOCKS; i++)
        plat_mutex_lock(&token_locks[i]);
}

void tokens_unlock_all(void)
{
    for (unsigned i = N_TOKEN_LOCKS; i-- > 0;)
        plat_mutex_unlock(&token_locks[i]);
}

struct token *token_new_sized(size_t max_groups, size_t max_privs)
{
    /* One allocation for the token and both arrays: a logon knows how many
     * groups and privileges it will add, and growing the arrays one entry
     * at a time cost a realloc per group. */
    size_t size = sizeof(struct token) + max_groups * sizeof(struct token_group) +
                  max_privs * sizeof(struct token_priv);
    struct token *t = mem_calloc(1, size);
    if (!t)
        return NULL;
    if (max_groups || max_privs) {
        t->arrays_inline = true;
        t->groups = max_groups ? (struct token_group *)(t + 1) : NULL;
        t->cap_groups = max_groups;
        t->privs = max_privs ? (struct token_priv *)((struct token_group *)(t + 1) + max_groups)
                             : NULL;
        t->cap_privs = max_privs;
    }
    t->refcount = 1;
    t->owner_index = SIZE_MAX;
    t->kind = TOKEN_KIND_PRIMARY;
    t->elevation_type = ELEVATION_DEFAULT;
    t->dacl = DACL_BUILT_IN;
    return t;
}

struct token *token_ref(struct token *t)
{
    if (t)
        __atomic_add_fetch(&t->refcount, 1, __ATOMIC_RELAXED);
    return t;
}

/* Is p one of the arrays token_new_sized() placed inside t's allocation? */
static bool inline_array(const struct token *t, const void *p)
{
    if (!t->arrays_inline || !p)
        return false;
    const char *start = (const char *)(t + 1);
    const char *end = start + t->cap_groups * sizeof(struct token_group) +
                      t->cap_privs * sizeof(struct token_priv);
    return (const char *)p >= start && (const char *)p < end;
}

/* Makes room for one more element in *arr (n used, *cap room), moving an
 * inline array to the heap when it is full. 0 or -1. */
static int reserve(struct token *t, void **arr, size_t n, size_t *cap, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t ncap = n + 1;
    void *p;
    if (inline_array(t, *arr)) {
        p = mem_malloc(ncap * elem);
        if (p)
            memcpy(p, *arr, n * elem);
    } else {
        p = mem_realloc(*arr, ncap * elem);
    }
    if (!p)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

void token_unref(struct token *t)
{
    if (!t || __atomic_sub_fetch(&t->refcount, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    struct logon_session *s = t->session;
    if (!inline_array(t, t->groups))
        mem_free(t->groups);
    if (!inline_array(t, t->privs))
        mem_free(t->privs);
    mem_free(t->restricted);
    mem_free(t->default_dacl);
    mem_free(t);
    /* The session may end now; do it after the token is gone so that the
     * logoff is the last thing the token caused. */
    if (s)
        session_unref(s);
}

int token_append_group(struct token *t, const struct sid *sid, uint32_t attributes)
{
    if (sid_equal(sid, &t->user))
        return 0;
    if (reserve(t, (void **)&t->groups, t->n_groups, &t->cap_groups, sizeof *t->groups) != 0)
        return -1;
    struct token_group *g = t->groups;
    g[t->n_groups].sid = *sid;
    g[t->n_groups].attributes = attributes;
    t->n_groups++;
    return 0;
}

int token_add_priv(struct token *t, uint32_t luid, uint32_t attributes)
{
    size_t pos = 0;
    while (pos < t->n_privs && t->privs[pos].luid < luid)
        pos++;
    if (pos < t->n_privs && t->privs[pos].luid == luid)
        return 0;
    if (reserve(t, (void **)&t->privs, t->n_privs, &t->cap_privs, sizeof *t->privs) != 0)
        return -1;
    struct token_priv *p = t->privs;
    memmove(&p[pos + 1], &p[pos], (t->n_privs - pos) * sizeof *p);
    p[pos].luid = luid;
    p[pos].attributes = attributes;
    t->n_privs++;
    return 0;
}

static const struct token_priv *find_priv(const struct token *t, uint32_t luid)
{
    for (size_t i = 0; i < t->n_privs; i++)
        if (t->privs[i].luid == luid)
            return &t->privs[i];
    return NULL;
}

/* Privilege attributes are read without the token's lock: the set of
 * privileges never changes, and token_set_priv_attributes() stores each
 * attribute word atomically. */
static uint32_t load_attributes(const struct token_priv *p)
{
    return __atomic_load_n(&p->attributes, __ATOMIC_ACQUIRE);
}

bool token_priv_enabled(const struct token *t, uint32_t luid)
{
    const struct token_priv *p = find_priv(t, luid);
    uint32_t a = p ? load_attributes(p) : 0;
    return !(a & TOK_PRIV_REMOVED) && (a & TOK_PRIV_ENABLED);
}

bool token_priv_held(const struct token *t, uint32_t luid)
{
    const struct token_priv *p = find_priv(t, luid);
    return p && !(load_attributes(p) & TOK_PRIV_REMOVED);
}

void token_set_priv_attributes(struct token *t, const struct token_priv *privs)
{
    for (size_t i = 0; i < t->n_privs; i++)
        __atomic_store_n(&t->privs[i].attributes, privs[i].attributes, __ATOMIC_RELEASE);
}

bool token_has_sid(const struct token *t, const struct sid *sid)
{
    if (sid_equal(&t->user, sid))
        return true;
    for (size_t i = 0; i < t->n_groups; i++)
        if (sid_equal(&t->groups[i].sid, sid) && (t->groups[i].attributes & TOK_GROUP_ENABLED))
            return true;
    return false;
}

/* The reference count comes first, so that token_clone() can copy the
 * rest in one piece. */
_Static_assert(offsetof(struct token, refcount) == 0, "token_clone() copies what follows it");
#define TOKEN_BODY sizeof(((struct token *)0)->refcount)

struct token *token_clone(struct token *src)
{
    struct token *t = mem_malloc(sizeof *t);
    if (!t)
        return NULL;
    /* Everything but the reference count, which other threads change
     * (atomically) while the copy is made: reading it would race with
     * them, and the copy starts with a count of its own. */
    token_lock(src);
    memcpy((char *)t + TOKEN_BODY, (const char *)src + TOKEN_BODY, sizeof *t - TOKEN_BODY);
    t->groups = src->n_groups ? mem_malloc(src->n_groups * sizeof *t->groups) : NULL;
    t->privs = src->n_privs ? mem_malloc(src->n_privs * sizeof *t->privs) : NULL;
    t->restricted =
        src->n_restricted ? mem_malloc(src->n_restricted * sizeof *t->restricted) : NULL;
    t->default_dacl = src->dacl == DACL_SET ? mem_malloc(src->dacl_size) : NULL;
    if (t->groups)
        memcpy(t->groups, src->groups, src->n_groups * sizeof *t->groups);
    if (t->privs)
        memcpy(t->privs, src->privs, src->n_privs * sizeof *t->privs);
    if (t->restricted)
        memcpy(t->restricted, src->restricted, src->n_restricted * sizeof *t->restricted);
    if (t->default_dacl)
        memcpy(t->default_dacl, src->default_dacl, src->dacl_size);
    bool short_copy = (src->n_groups && !t->groups) || (src->n_privs && !t->privs) ||
                      (src->n_restricted && !t->restricted) ||
                      (src->dacl == DACL_SET && !t->default_dacl);
    token_unlock(src);

    if (short_copy) {
        mem_free(t->groups);
        mem_free(t->privs);
        mem_free(t->restricted);
        mem_free(t->default_dacl);
        mem_free(t);
        return NULL;
    }
    t->refcount = 1;
    t->session = NULL;
    t->arrays_inline = false;
    t->cap_groups = t->n_groups;
    t->cap_privs = t->n_privs;
    return t;
}

struct token_group *token_integrity_label(struct token *t)
{
    for (size_t i = t->n_groups; i-- > 0;)
        if (t->groups[i].attributes & TOK_GROUP_INTEGRITY)
            return &t->groups[i];
    return NULL;
}

int token_set_restricted(struct token *t, const struct token_group *sids, size_t n)
{
    struct token_group *copy = NULL;
    if (n) {
        copy = mem_malloc(n * sizeof *copy);
        if (!copy)
            return -1;
        memcpy(copy, sids, n * sizeof *copy);
    }
    mem_free(t->restricted);
    t->restricted = copy;
    t->n_restricted = n;
    return 0;
}

int token_set_default_dacl(struct token *t, enum dacl_state state, const void *acl, size_t size)
{
    uint8_t *copy = NULL;
    if (state == DACL_SET) {
        copy = mem_malloc(size ? size : 1);
        if (!copy)
            return -1;
        memcpy(copy, acl, size);
    }
    mem_free(t->default_dacl);
    t->default_dacl = copy;
    t->dacl_size = state == DACL_SET ? size : 0;
    t->dacl = state;
    return 0;
}
