/* SPDX-License-Identifier: MIT */
/*
 * The lockout table (see lockout.h): one entry per account that has had a
 * bad password since the last load or reset, found by SID through a hash
 * table, all under one lock; and beside it a lock-free hint, the number of
 * entries in use in each of HINT_BUCKETS buckets of SID hashes, so that the
 * logons of accounts with nothing recorded never take the lock.
 *
 * Entries are never removed one by one (a success only clears its entry),
 * so the table holds at most one entry per account that ever typed a wrong
 * password; lockout_reset() frees them all.
 */
#include "core/state/lockout.h"

#include "base/plat_thread.h"
#include <stdatomic.h>
#include <string.h>

#include "base/array.h"
#include "base/htab.h"
#include "base/mem.h"

#define HINT_BUCKETS 1024u

struct entry {
    struct sid sid;
    uint32_t bad;
    bool locked;
    bool active; /* counted in its hint bucket: bad or locked */
    int64_t last_bad;
    int64_t locked_at;
};

static plat_mutex table_lock = PLAT_MUTEX_INIT;
static struct entry *entries;
static size_t n_entries, cap_entries;
static struct htab index_by_sid;
/* Entries in use per bucket of SID hashes; read without the lock. */
static atomic_uint hint[HINT_BUCKETS];

void lockout_lock(void)
{
    plat_mutex_lock(&table_lock);
}

void lockout_unlock(void)
{
    plat_mutex_unlock(&table_lock);
}

void lockout_child_after_fork(void)
{
    plat_mutex_unlock(&table_lock);
}

static bool same_sid(void *ctx, uint32_t item)
{
    return sid_equal(&entries[item].sid, ctx);
}

/* The entry of sid (hash h), or NULL. Lock held. */
static struct entry *find(const struct sid *sid, uint32_t h)
{
    long i = htab_find(&index_by_sid, h, same_sid, (void *)sid);
    return i < 0 ? NULL : &entries[i];
}

/* Marks e in use or not, keeping its hint bucket's count. Lock held. */
static void set_active(struct entry *e, uint32_t h, bool active)
{
    if (e->active == active)
        return;
    e->active = active;
    if (active)
        atomic_fetch_add_explicit(&hint[h % HINT_BUCKETS], 1, memory_order_release);
    else
        atomic_fetch_sub_explicit(&hint[h % HINT_BUCKETS], 1, memory_order_release);
}

/* The view of e at now; false (and e's count forgotten) when the lockout
 * has ended or the window of its last bad password has passed. Lock held. */
static bool current(struct entry *e, const struct policy_lockout *lp, int64_t now,
                    struct lockout_view *out)
{
    memset(out, 0, sizeof *out);
    if (e->locked) {
        int64_t until = lp->duration ? e->locked_at + (int64_t)lp->duration * 60 : 0;
        if (!until || now < until) {
            out->bad = e->bad;
            out->locked = true;
            out->locked_at = e->locked_at;
            out->unlock_at = until;
            return true;
        }
    } else if (e->bad && (now < e->last_bad || now - e->last_bad < (int64_t)lp->window * 60)) {
        out->bad = e->bad;
        return true;
    }
    e->bad = 0;
    e->locked = false;
    return false;
}

void lockout_read(const struct sid *sid, const struct policy_lockout *lp, int64_t now,
                  struct lockout_view *out)
{
    memset(out, 0, sizeof *out);
    uint32_t h = sid_hash(sid);
    /* The common case: nothing recorded in this bucket, no lock taken. */
    if (!atomic_load_explicit(&hint[h % HINT_BUCKETS], memory_order_acquire))
        return;
    plat_mutex_lock(&table_lock);
    struct entry *e = find(sid, h);
    if (e && !current(e, lp, now, out))
        set_active(e, h, false);
    plat_mutex_unlock(&table_lock);
}

bool lockout_bad_password(const struct sid *sid, const struct policy_lockout *lp, int64_t now,
                          uint32_t *count)
{
    bool locked_now = false;
    uint32_t h = sid_hash(sid);
    struct lockout_view view;
    if (count)
        *count = 0;
    plat_mutex_lock(&table_lock);
    struct entry *e = find(sid, h);
    if (!e) {
        if (array_reserve(&entries, &cap_entries, n_entries + 1, sizeof *entries, 16) < 0 ||
            htab_insert(&index_by_sid, h, (uint32_t)n_entries) < 0)
            goto out;
        e = &entries[n_entries++];
        memset(e, 0, sizeof *e);
        e->sid = *sid;
    }
    current(e, lp, now, &view);
    if (e->bad < UINT32_MAX)
        e->bad++;
    e->last_bad = now;
    if (!e->locked && lp->threshold && e->bad >= lp->threshold) {
        e->locked = true;
        e->locked_at = now;
        locked_now = true;
    }
    set_active(e, h, true);
    if (count)
        *count = e->bad;
out:
    plat_mutex_unlock(&table_lock);
    return locked_now;
}

void lockout_success(const struct sid *sid)
{
    uint32_t h = sid_hash(sid);
    if (!atomic_load_explicit(&hint[h % HINT_BUCKETS], memory_order_acquire))
        return;
    plat_mutex_lock(&table_lock);
    struct entry *e = find(sid, h);
    if (e) {
        e->bad = 0;
        e->locked = false;
        set_active(e, h, false);
    }
    plat_mutex_unlock(&table_lock);
}

void lockout_reset(void)
{
    plat_mutex_lock(&table_lock);
    mem_free(entries);
    entries = NULL;
    n_entries = cap_entries = 0;
    htab_free(&index_by_sid);
    for (size_t i = 0; i < HINT_BUCKETS; i++)
        atomic_store_explicit(&hint[i], 0, memory_order_release);
    plat_mutex_unlock(&table_lock);
}
