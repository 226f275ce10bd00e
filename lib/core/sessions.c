/* SPDX-License-Identifier: MIT */
/*
 * The logon-session registry. Sessions are few (one per live logon), so the
 * registry is a plain array searched by LUID under one mutex; reference
 * counts are changed under the same mutex so that a look-up can never meet
 * a session that is being freed.
 */
#include "sessions.h"
#include "core/mem.h"

#include "audit.h"
#include "leaks.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t sessions_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct logon_session **live;
static size_t n_live, cap_live;
static uint64_t next_luid = LUID_FIRST;

void sessions_lock(void)
{
    pthread_mutex_lock(&sessions_mutex);
}

void sessions_unlock(void)
{
    pthread_mutex_unlock(&sessions_mutex);
}

struct luid luid_next(void)
{
    uint64_t v = __atomic_fetch_add(&next_luid, 1, __ATOMIC_RELAXED);
    struct luid l = {(uint32_t)v, (int32_t)(v >> 32)};
    return l;
}

static void session_free(struct logon_session *s)
{
    /* The last token of a logged-on session closed: Windows logs 4634. */
    if (s->audit_logoff && !s->builtin) {
        struct audit_event e = {
            .id = AUDIT_LOGOFF,
            .time_fixed = s->audit_time_fixed,
            .time = s->audit_time,
            .user = s->user_name,
            .domain = s->domain,
            .user_sid = s->has_sid ? &s->user_sid : NULL,
            .logon_id = s->id,
            .logon_type = s->logon_type,
            .logon_process = s->logon_process,
            .package = s->package,
        };
        audit_emit(&e);
    }
    /* The strings live in the session's own allocation (session_create). */
    mem_free(s);
}

#define N_SESSION_STRINGS 11

static void info_strings(const struct session_info *in, const char *src[N_SESSION_STRINGS])
{
    const char *v[N_SESSION_STRINGS] = {
        in->user_name,    in->domain,         in->package,      in->logon_server,
        in->dns_domain,   in->upn,            in->logon_process, in->logon_script,
        in->profile_path, in->home_directory, in->home_directory_drive};
    memcpy(src, v, sizeof v);
}

/*
 * A zeroed session with copies of every string in the same allocation, so
 * that a logon makes one allocation for its session rather than one per
 * string; the strings are never replaced or freed on their own. The copies
 * outlive the policy the names came from (a reload does not touch them).
 */
static struct logon_session *session_alloc(const struct session_info *in)
{
    const char *src[N_SESSION_STRINGS];
    size_t len[N_SESSION_STRINGS], total = sizeof(struct logon_session);
    info_strings(in, src);
    for (size_t i = 0; i < N_SESSION_STRINGS; i++) {
        len[i] = src[i] ? strlen(src[i]) + 1 : 0;
        total += len[i];
    }
    struct logon_session *s = mem_calloc(1, total);
    if (!s)
        return NULL;
    char **dst[N_SESSION_STRINGS] = {
        &s->user_name,    &s->domain,         &s->package,      &s->logon_server,
        &s->dns_domain,   &s->upn,            &s->logon_process, &s->logon_script,
        &s->profile_path, &s->home_directory, &s->home_directory_drive};
    char *p = (char *)(s + 1);
    for (size_t i = 0; i < N_SESSION_STRINGS; i++) {
        if (!src[i])
            continue;
        memcpy(p, src[i], len[i]);
        *dst[i] = p;
        p += len[i];
    }
    return s;
}

static void unlist(struct logon_session *s)
{
    for (size_t i = 0; i < n_live; i++) {
        if (live[i] == s) {
            live[i] = live[--n_live];
            return;
        }
    }
}

struct logon_session *session_create(const struct session_info *info, const struct luid *fixed)
{
    struct logon_session *s = session_alloc(info);
    if (!s)
        return NULL;
    if (info->user_sid) {
        s->has_sid = true;
        s->user_sid = *info->user_sid;
    }
    s->logon_type = info->logon_type;
    s->session_id = info->session_id;
    s->logon_time = info->logon_time;
    s->refcount = 1;
    s->id = fixed ? *fixed : luid_next();
    s->origin = leaks_call();

    pthread_mutex_lock(&sessions_mutex);
    if (n_live == cap_live) {
        size_t ncap = cap_live ? cap_live * 2 : 16;
        struct logon_session **nl = mem_realloc(live, ncap * sizeof *nl);
        if (!nl) {
            pthread_mutex_unlock(&sessions_mutex);
            session_free(s);
            return NULL;
        }
        live = nl;
        cap_live = ncap;
    }
    live[n_live++] = s;
    pthread_mutex_unlock(&sessions_mutex);
    return s;
}

struct logon_session *session_ref(struct logon_session *s)
{
    if (s) {
        pthread_mutex_lock(&sessions_mutex);
        s->refcount++;
        pthread_mutex_unlock(&sessions_mutex);
    }
    return s;
}

void session_unref(struct logon_session *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&sessions_mutex);
    bool last = --s->refcount == 0;
    if (last)
        unlist(s);
    pthread_mutex_unlock(&sessions_mutex);
    if (last)
        session_free(s);
}

void session_pin(struct logon_session *s)
{
    pthread_mutex_lock(&sessions_mutex);
    s->builtin = true;
    s->refcount++;
    pthread_mutex_unlock(&sessions_mutex);
}

void session_unpin(struct logon_session *s)
{
    pthread_mutex_lock(&sessions_mutex);
    bool last = false;
    if (s->builtin) {
        s->builtin = false;
        last = --s->refcount == 0;
        if (last)
            unlist(s);
    }
    pthread_mutex_unlock(&sessions_mutex);
    if (last)
        session_free(s);
}

struct logon_session *session_find(struct luid id)
{
    struct logon_session *found = NULL;
    pthread_mutex_lock(&sessions_mutex);
    for (size_t i = 0; i < n_live; i++) {
        if (luid_equal(live[i]->id, id)) {
            found = live[i];
            found->refcount++;
            break;
        }
    }
    pthread_mutex_unlock(&sessions_mutex);
    return found;
}

int session_list(struct luid **out, size_t *n)
{
    int rc = 0;
    *out = NULL;
    *n = 0;
    pthread_mutex_lock(&sessions_mutex);
    if (n_live) {
        struct luid *ids = mem_malloc(n_live * sizeof *ids);
        if (!ids) {
            rc = -1;
        } else {
            for (size_t i = 0; i < n_live; i++)
                ids[i] = live[i]->id;
            *out = ids;
            *n = n_live;
        }
    }
    pthread_mutex_unlock(&sessions_mutex);
    return rc;
}

void sessions_reset(void)
{
    pthread_mutex_lock(&sessions_mutex);
    /* Pinned sessions lose the registry's reference; the others are merely
     * unlisted and end when their last token goes. Which ones to free is
     * decided under the lock, since a token may drop its reference at any
     * time once the lock is released. */
    struct logon_session **old = live;
    size_t n = n_live, n_free = 0;
    live = NULL;
    n_live = cap_live = 0;
    for (size_t i = 0; i < n; i++)
        if (old[i]->builtin && --old[i]->refcount == 0)
            old[n_free++] = old[i];
    __atomic_store_n(&next_luid, LUID_FIRST, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&sessions_mutex);
    for (size_t i = 0; i < n_free; i++)
        session_free(old[i]);
    mem_free(old);
}

static int cmp_luid(const void *a, const void *b)
{
    const struct logon_session *x = *(struct logon_session *const *)a;
    const struct logon_session *y = *(struct logon_session *const *)b;
    uint64_t u = ((uint64_t)(uint32_t)x->id.high << 32) | x->id.low;
    uint64_t v = ((uint64_t)(uint32_t)y->id.high << 32) | y->id.low;
    return u < v ? -1 : u > v;
}

void sessions_leaks(struct leak_report *r)
{
    if (leaks_lock(&sessions_mutex) != 0)
        return;
    /* In LUID order; the pinned sessions (built-in ones, the process's own)
     * are the emulated machine's, not the caller's. */
    struct logon_session **sorted = n_live ? mem_malloc(n_live * sizeof *sorted) : NULL;
    struct logon_session **list = sorted ? sorted : live;
    if (sorted) {
        memcpy(sorted, live, n_live * sizeof *sorted);
        qsort(sorted, n_live, sizeof *sorted, cmp_luid);
    }
    for (size_t i = 0; i < n_live; i++) {
        const struct logon_session *s = list[i];
        if (s->builtin)
            continue;
        leak_line(r, LEAK_SESSION, "logon session %08X:%08X from %s (%s%s%s, logon type %u)",
                  (unsigned)s->id.high, (unsigned)s->id.low,
                  s->origin ? s->origin : "an lsaemu control function",
                  s->domain ? s->domain : "", s->domain ? "\\" : "",
                  s->user_name ? s->user_name : "", (unsigned)s->logon_type);
    }
    mem_free(sorted);
    pthread_mutex_unlock(&sessions_mutex);
}
