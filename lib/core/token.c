/* SPDX-License-Identifier: MIT */
/* Token objects: construction, reference counting and the small queries the
 * logon path needs. The session link is released through sessions.h. */
#include "token.h"

#include <stdlib.h>
#include <string.h>

#include "sessions.h"

struct token *token_new(void)
{
    struct token *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    if (pthread_mutex_init(&t->lock, NULL) != 0) {
        free(t);
        return NULL;
    }
    t->refcount = 1;
    t->owner_index = SIZE_MAX;
    t->kind = TOKEN_KIND_PRIMARY;
    return t;
}

struct token *token_ref(struct token *t)
{
    if (t)
        __atomic_add_fetch(&t->refcount, 1, __ATOMIC_RELAXED);
    return t;
}

void token_unref(struct token *t)
{
    if (!t || __atomic_sub_fetch(&t->refcount, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    struct logon_session *s = t->session;
    pthread_mutex_destroy(&t->lock);
    free(t->groups);
    free(t->privs);
    free(t);
    /* The session may end now; do it after the token is gone so that the
     * logoff is the last thing the token caused. */
    if (s)
        session_unref(s);
}

int token_add_group(struct token *t, const struct sid *sid, uint32_t attributes)
{
    if (sid_equal(sid, &t->user))
        return 0;
    for (size_t i = 0; i < t->n_groups; i++)
        if (sid_equal(&t->groups[i].sid, sid))
            return 0;
    struct token_group *g = realloc(t->groups, (t->n_groups + 1) * sizeof *g);
    if (!g)
        return -1;
    t->groups = g;
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
    struct token_priv *p = realloc(t->privs, (t->n_privs + 1) * sizeof *p);
    if (!p)
        return -1;
    t->privs = p;
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

bool token_priv_enabled(struct token *t, uint32_t luid)
{
    pthread_mutex_lock(&t->lock);
    const struct token_priv *p = find_priv(t, luid);
    bool on = p && !(p->attributes & TOK_PRIV_REMOVED) && (p->attributes & TOK_PRIV_ENABLED);
    pthread_mutex_unlock(&t->lock);
    return on;
}

bool token_priv_held(struct token *t, uint32_t luid)
{
    pthread_mutex_lock(&t->lock);
    const struct token_priv *p = find_priv(t, luid);
    bool held = p && !(p->attributes & TOK_PRIV_REMOVED);
    pthread_mutex_unlock(&t->lock);
    return held;
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

struct token *token_clone(struct token *src)
{
    struct token *t = malloc(sizeof *t);
    if (!t)
        return NULL;
    pthread_mutex_lock(&src->lock);
    *t = *src;
    t->groups = src->n_groups ? malloc(src->n_groups * sizeof *t->groups) : NULL;
    t->privs = src->n_privs ? malloc(src->n_privs * sizeof *t->privs) : NULL;
    if (t->groups)
        memcpy(t->groups, src->groups, src->n_groups * sizeof *t->groups);
    if (t->privs)
        memcpy(t->privs, src->privs, src->n_privs * sizeof *t->privs);
    pthread_mutex_unlock(&src->lock);

    if ((src->n_groups && !t->groups) || (src->n_privs && !t->privs) ||
        pthread_mutex_init(&t->lock, NULL) != 0) {
        free(t->groups);
        free(t->privs);
        free(t);
        return NULL;
    }
    t->refcount = 1;
    t->session = NULL;
    return t;
}
