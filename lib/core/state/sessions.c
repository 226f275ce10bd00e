/* SPDX-License-Identifier: MIT */
/*
 * The logon-session registry. Sessions are filed in the shard (shard.h) of
 * the thread that created them, each shard a plain array under its own
 * mutex, and every session remembers its shard and its place in the array,
 * so creating and ending one touch only that shard. Reference counts are
 * changed under the session's shard lock, so that a look-up can never meet
 * a session that is being freed. Look-ups by LUID and the list visit every
 * shard; they are rare (LsaEnumerateLogonSessions, LsaGetLogonSessionData).
 *
 * LUIDs come from one counter, handed to each thread in blocks of
 * LUID_BLOCK: a thread's LUIDs ascend, a single-threaded program gets
 * consecutive ones from LUID_FIRST, and threads do not share a counter per
 * LUID. lsaemu_reset() restarts the counter and retires every thread's block.
 */
#include "core/state/sessions.h"
#include "base/mem.h"

#include "core/diag/audit.h"
#include "core/diag/leaks.h"
#include "base/shard.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct shard {
    _Alignas(SHARD_ALIGN) pthread_mutex_t lock;
    struct logon_session **live;
    size_t n_live, cap_live;
};

static struct shard shards[SHARD_COUNT] = SHARD_MUTEXES_INITIALIZER;

#define LUID_BLOCK 64u
static uint64_t next_luid = LUID_FIRST;
/* Advanced by sessions_reset(): a thread's block from an earlier epoch is
 * dropped. */
static unsigned luid_epoch_now = 1;
static _Thread_local struct {
    unsigned epoch;
    uint64_t next, end;
} luid_block;

void sessions_lock(void)
{
    for (unsigned i = 0; i < SHARD_COUNT; i++)
        pthread_mutex_lock(&shards[i].lock);
}

void sessions_unlock(void)
{
    for (unsigned i = SHARD_COUNT; i-- > 0;)
        pthread_mutex_unlock(&shards[i].lock);
}

unsigned luid_epoch(void)
{
    return __atomic_load_n(&luid_epoch_now, __ATOMIC_ACQUIRE);
}

struct luid luid_next_epoch(unsigned *epoch)
{
    unsigned now = luid_epoch();
    if (luid_block.epoch != now || luid_block.next == luid_block.end) {
        luid_block.next = __atomic_fetch_add(&next_luid, LUID_BLOCK, __ATOMIC_RELAXED);
        luid_block.end = luid_block.next + LUID_BLOCK;
        luid_block.epoch = now;
    }
    uint64_t v = luid_block.next++;
    struct luid l = {(uint32_t)v, (int32_t)(v >> 32)};
    if (epoch)
        *epoch = luid_block.epoch;
    return l;
}

struct luid luid_next(void)
{
    return luid_next_epoch(NULL);
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

/* Removes s from its shard's array (by its remembered place). Lock held. */
static void unlist(struct logon_session *s)
{
    struct shard *sh = &shards[s->shard];
    if (s->slot >= sh->n_live || sh->live[s->slot] != s)
        return; /* unlisted already (sessions_reset) */
    struct logon_session *last = sh->live[--sh->n_live];
    sh->live[s->slot] = last;
    last->slot = s->slot;
}

struct logon_session *session_new(const struct session_info *info, const struct luid *fixed)
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
    /* Its reference count is guarded by this shard's lock from now on;
     * no slot means listed nowhere (unlist() then does nothing). */
    s->shard = shard_self();
    s->slot = SIZE_MAX;
    return s;
}

int session_publish(struct logon_session *s)
{
    int rc = 0;
    struct shard *sh = &shards[s->shard];
    pthread_mutex_lock(&sh->lock);
    if (sh->n_live == sh->cap_live) {
        size_t ncap = sh->cap_live ? sh->cap_live * 2 : 16;
        struct logon_session **nl = mem_realloc(sh->live, ncap * sizeof *nl);
        if (nl) {
            sh->live = nl;
            sh->cap_live = ncap;
        } else {
            rc = -1;
        }
    }
    if (rc == 0) {
        s->slot = sh->n_live;
        sh->live[sh->n_live++] = s;
    }
    pthread_mutex_unlock(&sh->lock);
    return rc;
}

struct logon_session *session_create(const struct session_info *info, const struct luid *fixed)
{
    struct logon_session *s = session_new(info, fixed);
    if (s && session_publish(s) != 0) {
        session_unref(s);
        s = NULL;
    }
    return s;
}

struct logon_session *session_ref(struct logon_session *s)
{
    if (s) {
        pthread_mutex_lock(&shards[s->shard].lock);
        s->refcount++;
        pthread_mutex_unlock(&shards[s->shard].lock);
    }
    return s;
}

void session_unref(struct logon_session *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&shards[s->shard].lock);
    bool last = --s->refcount == 0;
    if (last)
        unlist(s);
    pthread_mutex_unlock(&shards[s->shard].lock);
    if (last)
        session_free(s);
}

void session_pin(struct logon_session *s)
{
    pthread_mutex_lock(&shards[s->shard].lock);
    s->builtin = true;
    s->refcount++;
    pthread_mutex_unlock(&shards[s->shard].lock);
}

void session_unpin(struct logon_session *s)
{
    pthread_mutex_lock(&shards[s->shard].lock);
    bool last = false;
    if (s->builtin) {
        s->builtin = false;
        last = --s->refcount == 0;
        unlist(s);
    }
    pthread_mutex_unlock(&shards[s->shard].lock);
    if (last)
        session_free(s);
}

struct logon_session *session_find(struct luid id)
{
    struct logon_session *found = NULL;
    for (unsigned k = 0; k < SHARD_COUNT && !found; k++) {
        struct shard *sh = &shards[k];
        pthread_mutex_lock(&sh->lock);
        for (size_t i = 0; i < sh->n_live; i++) {
            if (luid_equal(sh->live[i]->id, id)) {
                found = sh->live[i];
                found->refcount++;
                break;
            }
        }
        pthread_mutex_unlock(&sh->lock);
    }
    return found;
}

static uint64_t luid_value(struct luid l)
{
    return ((uint64_t)(uint32_t)l.high << 32) | l.low;
}

static int cmp_luid_value(const void *a, const void *b)
{
    uint64_t u = luid_value(*(const struct luid *)a), v = luid_value(*(const struct luid *)b);
    return u < v ? -1 : u > v;
}

int session_list(struct luid **out, size_t *n)
{
    int rc = 0;
    struct luid *ids = NULL;
    size_t count = 0, cap = 0;
    *out = NULL;
    *n = 0;
    /* One shard at a time: the list is a snapshot of each shard, which is
     * all Windows promises of a list of sessions that come and go. */
    for (unsigned k = 0; k < SHARD_COUNT && rc == 0; k++) {
        struct shard *sh = &shards[k];
        pthread_mutex_lock(&sh->lock);
        if (count + sh->n_live > cap) {
            size_t ncap = (count + sh->n_live) * 2;
            struct luid *nids = mem_realloc(ids, ncap * sizeof *nids);
            if (nids) {
                ids = nids;
                cap = ncap;
            } else {
                rc = -1;
            }
        }
        for (size_t i = 0; rc == 0 && i < sh->n_live; i++)
            ids[count++] = sh->live[i]->id;
        pthread_mutex_unlock(&sh->lock);
    }
    if (rc != 0 || count == 0) {
        mem_free(ids);
        return rc;
    }
    /* In LUID order, whichever threads made them. */
    qsort(ids, count, sizeof *ids, cmp_luid_value);
    *out = ids;
    *n = count;
    return 0;
}

void sessions_reset(void)
{
    /* Pinned sessions lose the registry's reference; the others are merely
     * unlisted and end when their last token goes. Which ones to free is
     * decided under the lock, since a token may drop its reference at any
     * time once the lock is released. */
    for (unsigned k = 0; k < SHARD_COUNT; k++) {
        struct shard *sh = &shards[k];
        pthread_mutex_lock(&sh->lock);
        struct logon_session **old = sh->live;
        size_t n = sh->n_live, n_free = 0;
        sh->live = NULL;
        sh->n_live = sh->cap_live = 0;
        for (size_t i = 0; i < n; i++)
            if (old[i]->builtin && --old[i]->refcount == 0)
                old[n_free++] = old[i];
        pthread_mutex_unlock(&sh->lock);
        for (size_t i = 0; i < n_free; i++)
            session_free(old[i]);
        mem_free(old);
    }
    __atomic_store_n(&next_luid, LUID_FIRST, __ATOMIC_RELAXED);
    __atomic_add_fetch(&luid_epoch_now, 1, __ATOMIC_RELEASE);
}

static int cmp_luid(const void *a, const void *b)
{
    const struct logon_session *x = *(struct logon_session *const *)a;
    const struct logon_session *y = *(struct logon_session *const *)b;
    uint64_t u = luid_value(x->id), v = luid_value(y->id);
    return u < v ? -1 : u > v;
}

static void report_session(struct leak_report *r, const struct logon_session *s)
{
    if (s->builtin)
        return;
    leak_line(r, LEAK_SESSION, "logon session %08X:%08X from %s (%s%s%s, logon type %u)",
              (unsigned)s->id.high, (unsigned)s->id.low,
              s->origin ? s->origin : "an lsaemu control function", s->domain ? s->domain : "",
              s->domain ? "\\" : "", s->user_name ? s->user_name : "", (unsigned)s->logon_type);
}

void sessions_leaks(struct leak_report *r)
{
    /* Every shard stays locked while its sessions are reported, so none of
     * them can end under the report. */
    unsigned held = 0;
    size_t total = 0;
    for (; held < SHARD_COUNT; held++) {
        if (leaks_lock(&shards[held].lock) != 0)
            break;
        total += shards[held].n_live;
    }
    if (held < SHARD_COUNT)
        goto out;
    /* In LUID order; the pinned sessions (built-in ones, the process's own)
     * are the emulated machine's, not the caller's. Without memory to sort,
     * shard by shard. */
    struct logon_session **sorted = total ? mem_malloc(total * sizeof *sorted) : NULL;
    size_t n = 0;
    for (unsigned k = 0; sorted && k < SHARD_COUNT; k++)
        for (size_t i = 0; i < shards[k].n_live; i++)
            sorted[n++] = shards[k].live[i];
    if (sorted)
        qsort(sorted, n, sizeof *sorted, cmp_luid);
    for (unsigned k = 0; k < SHARD_COUNT; k++) {
        struct logon_session **list = sorted ? sorted : shards[k].live;
        size_t count = sorted ? n : shards[k].n_live;
        for (size_t i = 0; i < count; i++)
            report_session(r, list[i]);
        if (sorted)
            break;
    }
    mem_free(sorted);
out:
    while (held-- > 0)
        pthread_mutex_unlock(&shards[held].lock);
}
