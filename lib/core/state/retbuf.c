/* SPDX-License-Identifier: MIT */
/*
 * The registry of returned buffers: open-addressing hash sets of pointers
 * (linear probing, tombstones), so registering and checking are O(1) and a
 * foreign pointer is never dereferenced.
 *
 * A buffer is filed in the shard (shard.h) of the thread that published it.
 * Freeing looks in the caller's shard first, where a thread's own buffers
 * are, and then in the others; a buffer is in exactly one shard, and a
 * shard is searched and changed only under its own lock.
 */
#include "core/state/retbuf.h"
#include "base/mem.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/diag/leaks.h"
#include "base/shard.h"

#define TOMBSTONE ((void *)1)

struct entry {
    void *ptr; /* NULL = empty, TOMBSTONE = deleted */
    enum retbuf_kind kind;
    /* For the LSAEMU_LEAKS report: the call that made it, its size and its
     * creation order in its shard (the report lists buffers in that order). */
    const char *origin;
    size_t size;
    unsigned long seq;
};

struct shard {
    _Alignas(SHARD_ALIGN) pthread_mutex_t lock;
    struct entry *table;
    size_t cap, used, live;
    unsigned long next_seq;
};

static struct shard shards[SHARD_COUNT] = SHARD_MUTEXES_INITIALIZER;

void retbuf_lock(void)
{
    for (unsigned i = 0; i < SHARD_COUNT; i++)
        pthread_mutex_lock(&shards[i].lock);
}

void retbuf_unlock(void)
{
    for (unsigned i = SHARD_COUNT; i-- > 0;)
        pthread_mutex_unlock(&shards[i].lock);
}

static size_t hash_ptr(const void *p)
{
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 33;
    v *= 0xff51afd7ed558ccdull;
    v ^= v >> 33;
    return (size_t)v;
}

/* Slot of the shard holding p, or SIZE_MAX. Lock held. */
static size_t find(const struct shard *sh, const void *p)
{
    if (!sh->cap || !p || p == TOMBSTONE)
        return SIZE_MAX;
    size_t mask = sh->cap - 1;
    for (size_t i = hash_ptr(p) & mask, n = 0; n < sh->cap; i = (i + 1) & mask, n++) {
        if (sh->table[i].ptr == NULL)
            return SIZE_MAX;
        if (sh->table[i].ptr == p)
            return i;
    }
    return SIZE_MAX;
}

static void put(struct entry *t, size_t c, const struct entry *e)
{
    size_t i = hash_ptr(e->ptr) & (c - 1);
    while (t[i].ptr != NULL && t[i].ptr != TOMBSTONE)
        i = (i + 1) & (c - 1);
    t[i] = *e;
}

/* Makes room for n more entries, keeping the load (live + tombstones)
 * under one half. Lock held. */
static int grow(struct shard *sh, size_t n)
{
    if ((sh->used + n) * 2 <= sh->cap)
        return 0;
    size_t ncap = sh->cap ? sh->cap : 64;
    while ((sh->live + n) * 4 > ncap)
        ncap *= 2;
    struct entry *nt = mem_calloc(ncap, sizeof *nt);
    if (!nt)
        return -1;
    for (size_t i = 0; i < sh->cap; i++)
        if (sh->table[i].ptr && sh->table[i].ptr != TOMBSTONE)
            put(nt, ncap, &sh->table[i]);
    mem_free(sh->table);
    sh->table = nt;
    sh->cap = ncap;
    sh->used = sh->live;
    return 0;
}

void *retbuf_new(size_t size)
{
    return mem_calloc(1, size ? size : 1);
}

void retbuf_discard(void *p)
{
    mem_free(p);
}

int retbuf_publish_all(const struct retbuf_pub *bufs, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += bufs[i].p != NULL;
    if (!count)
        return 0;
    /* In the caller's own shard, which only threads of that shard lock. */
    struct shard *sh = &shards[shard_self()];
    const char *origin = leaks_call();
    pthread_mutex_lock(&sh->lock);
    int rc = grow(sh, count);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (!bufs[i].p)
            continue;
        struct entry e = {bufs[i].p, bufs[i].kind, origin, bufs[i].size, sh->next_seq++};
        put(sh->table, sh->cap, &e);
        sh->used++;
        sh->live++;
    }
    pthread_mutex_unlock(&sh->lock);
    return rc;
}

int retbuf_publish(void *p, enum retbuf_kind kind, size_t size)
{
    struct retbuf_pub b = {p, kind, size};
    return retbuf_publish_all(&b, 1);
}

/*
 * Looks p up, the caller's shard first. With `take`, a buffer of this kind
 * is also removed from the registry. Returns whether p is a live buffer of
 * this kind.
 */
static int lookup(const void *p, enum retbuf_kind kind, int take)
{
    int found = 0;
    unsigned own = shard_self();
    for (unsigned k = 0; k < SHARD_COUNT; k++) {
        struct shard *sh = &shards[(own + k) % SHARD_COUNT];
        pthread_mutex_lock(&sh->lock);
        size_t i = find(sh, p);
        int here = i != SIZE_MAX;
        found = here && sh->table[i].kind == kind;
        if (found && take) {
            sh->table[i].ptr = TOMBSTONE;
            sh->live--;
        }
        pthread_mutex_unlock(&sh->lock);
        if (here)
            break; /* a pointer is registered once */
    }
    return found;
}

int retbuf_free(void *p, enum retbuf_kind kind)
{
    if (!lookup(p, kind, 1))
        return -1;
    mem_free(p);
    return 0;
}

int retbuf_is(const void *p, enum retbuf_kind kind)
{
    return lookup(p, kind, 0);
}

void retbuf_reset(void)
{
    for (unsigned k = 0; k < SHARD_COUNT; k++) {
        struct shard *sh = &shards[k];
        pthread_mutex_lock(&sh->lock);
        struct entry *old = sh->table;
        size_t n = sh->cap;
        sh->table = NULL;
        sh->cap = sh->used = sh->live = 0;
        sh->next_seq = 0;
        pthread_mutex_unlock(&sh->lock);
        for (size_t i = 0; i < n; i++)
            if (old[i].ptr && old[i].ptr != TOMBSTONE)
                mem_free(old[i].ptr);
        mem_free(old);
    }
}

size_t retbuf_count(void)
{
    size_t n = 0;
    for (unsigned k = 0; k < SHARD_COUNT; k++) {
        pthread_mutex_lock(&shards[k].lock);
        n += shards[k].live;
        pthread_mutex_unlock(&shards[k].lock);
    }
    return n;
}

static const char *free_function(enum retbuf_kind kind)
{
    switch (kind) {
    case RETBUF_LSA_RETURN:
        return "LsaFreeReturnBuffer";
    case RETBUF_LSA_MEMORY:
        return "LsaFreeMemory";
    case RETBUF_LOCAL:
        return "LocalFree";
    case RETBUF_SID:
        return "FreeSid";
    }
    return "?";
}

static int cmp_seq(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The lines of one shard's live buffers. Lock held. */
static void shard_leaks(struct leak_report *r, const struct shard *sh)
{
    /* In creation order when there is memory to sort, else table order. */
    struct entry *sorted = sh->live ? mem_malloc(sh->live * sizeof *sorted) : NULL;
    size_t n = 0;
    for (size_t i = 0; sorted && i < sh->cap; i++)
        if (sh->table[i].ptr && sh->table[i].ptr != TOMBSTONE)
            sorted[n++] = sh->table[i];
    if (sorted)
        qsort(sorted, n, sizeof *sorted, cmp_seq);
    const struct entry *list = sorted ? sorted : sh->table;
    size_t count = sorted ? n : sh->cap;
    for (size_t i = 0; i < count; i++) {
        const struct entry *e = &list[i];
        if (!e->ptr || e->ptr == TOMBSTONE)
            continue;
        leak_line(r, LEAK_BUFFER, "buffer of %zu bytes from %s (free it with %s)", e->size,
                  e->origin ? e->origin : "an lsaemu control function", free_function(e->kind));
    }
    mem_free(sorted);
}

void retbuf_leaks(struct leak_report *r)
{
    /* Shard by shard: a single-threaded program's buffers are all in shard 0. */
    for (unsigned k = 0; k < SHARD_COUNT; k++) {
        if (leaks_lock(&shards[k].lock) != 0)
            return;
        shard_leaks(r, &shards[k]);
        pthread_mutex_unlock(&shards[k].lock);
    }
}
