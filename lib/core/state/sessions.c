/* SPDX-License-Identifier: MIT */
/*
 * The logon-session registry, on the sharded registry (base/registry.h). A
 * session is filed in the shard of the thread that created it and remembers
 * where (s->reg), so creating and ending one touch only that shard.
 * Reference counts are changed under the session's shard lock, so that a
 * look-up can never meet a session that is being freed. Look-ups by LUID
 * and the list visit every shard; they are rare (LsaEnumerateLogonSessions,
 * LsaGetLogonSessionData), so the registry keeps no index of LUIDs that
 * every logon would pay for.
 *
 * LUIDs come from one counter, handed to each thread in blocks of
 * LUID_BLOCK: a thread's LUIDs ascend, a single-threaded program gets
 * consecutive ones from LUID_FIRST, and threads do not share a counter per
 * LUID. lsaemu_reset() restarts the counter and retires every thread's block.
 */
#include "core/state/sessions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/array.h"
#include "base/mem.h"
#include "base/registry.h"
#include "core/diag/audit.h"
#include "core/diag/leaks.h"

static struct registry live = REGISTRY_INIT(0, UINT32_MAX, UINT32_MAX - 1);

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
    registry_lock_all(&live);
}

void sessions_unlock(void)
{
    registry_unlock_all(&live);
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
    struct logon_session *linked = s->linked;
    struct token *tmpl = s->tmpl;
    /* The strings live in the session's own allocation (session_create). */
    mem_free(s);
    /* The template has no session, so releasing it ends nothing else; the
     * full session of a split logon may end with its filtered one. */
    token_unref(tmpl);
    session_unref(linked);
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

static uint64_t luid_value(struct luid l)
{
    return ((uint64_t)(uint32_t)l.high << 32) | l.low;
}

/* Takes s out of the registry (a session reset has already taken out, or
 * not yet published, is not there). Its shard's lock is held. */
static void unlist(struct logon_session *s)
{
    registry_remove_locked(&live, s->reg, REGISTRY_ANY_TAG, NULL);
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
     * REGISTRY_NOWHERE means listed nowhere (unlist() then does nothing). */
    s->reg = (struct registry_id){registry_self(), REGISTRY_NOWHERE, 0};
    return s;
}

int session_publish(struct logon_session *s)
{
    struct registry_entry e = {.obj = s, .origin = s->origin};
    registry_lock(&live, s->reg.shard);
    /* Where it is filed is written under the lock that guards it. */
    int rc = registry_insert_locked(&live, s->reg.shard, &e, &s->reg);
    registry_unlock(&live, s->reg.shard);
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
        registry_lock(&live, s->reg.shard);
        s->refcount++;
        registry_unlock(&live, s->reg.shard);
    }
    return s;
}

void session_unref(struct logon_session *s)
{
    if (!s)
        return;
    registry_lock(&live, s->reg.shard);
    bool last = --s->refcount == 0;
    if (last)
        unlist(s);
    registry_unlock(&live, s->reg.shard);
    if (last)
        session_free(s);
}

void session_pin(struct logon_session *s)
{
    registry_lock(&live, s->reg.shard);
    s->builtin = true;
    s->refcount++;
    registry_unlock(&live, s->reg.shard);
}

void session_unpin(struct logon_session *s)
{
    registry_lock(&live, s->reg.shard);
    bool last = false;
    if (s->builtin) {
        s->builtin = false;
        last = --s->refcount == 0;
        unlist(s);
    }
    registry_unlock(&live, s->reg.shard);
    if (last)
        session_free(s);
}

/* session_find()'s search of one shard (its lock held). */
struct luid_search {
    struct luid id;
    struct logon_session *found;
};

static void match_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    struct luid_search *q = ctx;
    struct logon_session *s = e->obj;
    if (!q->found && luid_equal(s->id, q->id)) {
        q->found = s;
        s->refcount++;
    }
}

struct logon_session *session_find(struct luid id)
{
    struct luid_search q = {id, NULL};
    for (unsigned k = 0; k < REGISTRY_SHARDS && !q.found; k++) {
        registry_lock(&live, k);
        registry_visit_locked(&live, k, match_one, &q);
        registry_unlock(&live, k);
    }
    return q.found;
}

static int cmp_luid_value(const void *a, const void *b)
{
    uint64_t u = luid_value(*(const struct luid *)a), v = luid_value(*(const struct luid *)b);
    return u < v ? -1 : u > v;
}

/* The LUIDs of one shard's sessions, appended to a list (session_list). */
struct luid_list {
    struct luid *ids;
    size_t count, cap;
    int rc;
};

static void list_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    struct luid_list *l = ctx;
    if (l->rc == 0 && array_reserve(&l->ids, &l->cap, l->count + 1, sizeof *l->ids, 16) < 0)
        l->rc = -1;
    if (l->rc == 0)
        l->ids[l->count++] = ((const struct logon_session *)e->obj)->id;
}

int session_list(struct luid **out, size_t *n)
{
    struct luid_list l = {NULL, 0, 0, 0};
    *out = NULL;
    *n = 0;
    /* One shard at a time: the list is a snapshot of each shard, which is
     * all Windows promises of a list of sessions that come and go. */
    for (unsigned k = 0; k < REGISTRY_SHARDS && l.rc == 0; k++) {
        registry_lock(&live, k);
        registry_visit_locked(&live, k, list_one, &l);
        registry_unlock(&live, k);
    }
    if (l.rc != 0 || l.count == 0) {
        mem_free(l.ids);
        return l.rc;
    }
    /* In LUID order, whichever threads made them. */
    qsort(l.ids, l.count, sizeof *l.ids, cmp_luid_value);
    *out = l.ids;
    *n = l.count;
    return 0;
}

/* Under the shard's lock, for sessions_reset(): pinned sessions lose the
 * registry's reference and are freed when it was the last; the others are
 * merely unlisted and end when their last token goes. Decided under the
 * lock, since a token may drop its reference at any time once it is
 * released. */
static bool reset_drops_last(struct registry_entry *e, void *ctx)
{
    struct logon_session *s = e->obj;
    return s->builtin && --s->refcount == 0;
}

static void reset_free(struct registry_entry *e, void *ctx)
{
    session_free(e->obj);
}

void sessions_reset(void)
{
    registry_reset(&live, reset_drops_last, reset_free, NULL);
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

/* Collects the sessions of the shards held, for the report. */
struct session_array {
    struct logon_session **s;
    size_t n;
};

static void count_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    ((struct session_array *)ctx)->n++;
}

static void collect_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    struct session_array *a = ctx;
    a->s[a->n++] = e->obj;
}

static void report_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    report_session(ctx, e->obj);
}

void sessions_leaks(struct leak_report *r)
{
    /* Every shard stays locked while its sessions are reported, so none of
     * them can end under the report. */
    unsigned held = 0;
    struct session_array all = {NULL, 0};
    for (; held < REGISTRY_SHARDS; held++) {
        if (leaks_take_shard(&live, held, false) != 0)
            break;
        registry_visit_locked(&live, held, count_one, &all);
    }
    if (held < REGISTRY_SHARDS)
        goto out;
    /* In LUID order; the pinned sessions (built-in ones, the process's own)
     * are the emulated machine's, not the caller's. Without memory to sort,
     * shard by shard. */
    all.s = all.n ? mem_malloc(all.n * sizeof *all.s) : NULL;
    if (all.s) {
        all.n = 0;
        for (unsigned k = 0; k < REGISTRY_SHARDS; k++)
            registry_visit_locked(&live, k, collect_one, &all);
        qsort(all.s, all.n, sizeof *all.s, cmp_luid);
        for (size_t i = 0; i < all.n; i++)
            report_session(r, all.s[i]);
    } else {
        for (unsigned k = 0; k < REGISTRY_SHARDS; k++)
            registry_visit_locked(&live, k, report_one, r);
    }
    mem_free(all.s);
out:
    while (held-- > 0)
        registry_unlock(&live, held);
}

struct logon_session *session_linked(struct logon_session *s)
{
    if (!s->has_linked)
        return NULL;
    if (s->linked)
        return session_ref(s->linked);
    /* After a reset the LUID may name a newer, unrelated session: only the
     * one that links back is the other half. */
    struct logon_session *o = session_find(s->linked_id);
    if (o && !(o->has_linked && luid_equal(o->linked_id, s->id))) {
        session_unref(o);
        o = NULL;
    }
    return o;
}

struct logon_session *session_split(struct logon_session *s, struct token *t, struct token *full)
{
    struct session_info info = {
        .user_name = s->user_name,
        .domain = s->domain,
        .package = s->package,
        .logon_server = s->logon_server,
        .dns_domain = s->dns_domain,
        .upn = s->upn,
        .logon_process = s->logon_process,
        .user_sid = s->has_sid ? &s->user_sid : NULL,
        .logon_type = s->logon_type,
        .session_id = s->session_id,
        .logon_time = s->logon_time,
        .logon_script = s->logon_script,
        .profile_path = s->profile_path,
        .home_directory = s->home_directory,
        .home_directory_drive = s->home_directory_drive,
    };
    struct logon_session *f = session_new(&info, NULL);
    struct token *mine = f ? token_clone(t) : NULL;
    if (!mine) {
        if (f)
            session_unref(f);
        token_unref(full);
        return NULL;
    }
    full->auth_id = f->id;
    f->tmpl = full;
    f->has_linked = true;
    f->linked_id = s->id;
    token_unref(s->tmpl);
    s->tmpl = mine;
    s->has_linked = true;
    s->linked_id = f->id;
    return f;
}
