/* SPDX-License-Identifier: MIT */
/*
 * The registry of returned buffers: an open-addressing hash set of pointers
 * (linear probing, tombstones), so registering and checking are O(1) and a
 * foreign pointer is never dereferenced.
 */
#include "retbuf.h"
#include "core/mem.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "leaks.h"

#define TOMBSTONE ((void *)1)

struct entry {
    void *ptr; /* NULL = empty, TOMBSTONE = deleted */
    enum retbuf_kind kind;
    /* For the LSAEMU_LEAKS report: the call that made it, its size and its
     * creation order (the report lists buffers in that order). */
    const char *origin;
    size_t size;
    unsigned long seq;
};

static pthread_mutex_t retbuf_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct entry *table;
static size_t cap, used, live;
static unsigned long next_seq;

void retbuf_lock(void)
{
    pthread_mutex_lock(&retbuf_mutex);
}

void retbuf_unlock(void)
{
    pthread_mutex_unlock(&retbuf_mutex);
}

static size_t hash_ptr(const void *p)
{
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 33;
    v *= 0xff51afd7ed558ccdull;
    v ^= v >> 33;
    return (size_t)v;
}

/* Slot holding p, or SIZE_MAX. Lock held. */
static size_t find(const void *p)
{
    if (!cap || !p || p == TOMBSTONE)
        return SIZE_MAX;
    for (size_t i = hash_ptr(p) & (cap - 1), n = 0; n < cap; i = (i + 1) & (cap - 1), n++) {
        if (table[i].ptr == NULL)
            return SIZE_MAX;
        if (table[i].ptr == p)
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

/* Keeps the load (live + tombstones) under one half. Lock held. */
static int grow(void)
{
    if ((used + 1) * 2 <= cap)
        return 0;
    size_t ncap = cap ? cap : 64;
    while ((live + 1) * 4 > ncap)
        ncap *= 2;
    struct entry *nt = mem_calloc(ncap, sizeof *nt);
    if (!nt)
        return -1;
    for (size_t i = 0; i < cap; i++)
        if (table[i].ptr && table[i].ptr != TOMBSTONE)
            put(nt, ncap, &table[i]);
    mem_free(table);
    table = nt;
    cap = ncap;
    used = live;
    return 0;
}

void *retbuf_alloc(enum retbuf_kind kind, size_t size)
{
    void *p = mem_calloc(1, size ? size : 1);
    if (!p)
        return NULL;
    pthread_mutex_lock(&retbuf_mutex);
    int rc = grow();
    if (rc == 0) {
        struct entry e = {p, kind, leaks_call(), size, next_seq++};
        put(table, cap, &e);
        used++;
        live++;
    }
    pthread_mutex_unlock(&retbuf_mutex);
    if (rc != 0) {
        mem_free(p);
        return NULL;
    }
    return p;
}

int retbuf_free(void *p, enum retbuf_kind kind)
{
    pthread_mutex_lock(&retbuf_mutex);
    size_t i = find(p);
    int ok = i != SIZE_MAX && table[i].kind == kind;
    if (ok) {
        table[i].ptr = TOMBSTONE;
        live--;
    }
    pthread_mutex_unlock(&retbuf_mutex);
    if (!ok)
        return -1;
    mem_free(p);
    return 0;
}

int retbuf_is(const void *p, enum retbuf_kind kind)
{
    pthread_mutex_lock(&retbuf_mutex);
    size_t i = find(p);
    int yes = i != SIZE_MAX && table[i].kind == kind;
    pthread_mutex_unlock(&retbuf_mutex);
    return yes;
}

void retbuf_reset(void)
{
    pthread_mutex_lock(&retbuf_mutex);
    struct entry *old = table;
    size_t n = cap;
    table = NULL;
    cap = used = live = 0;
    pthread_mutex_unlock(&retbuf_mutex);
    for (size_t i = 0; i < n; i++)
        if (old[i].ptr && old[i].ptr != TOMBSTONE)
            mem_free(old[i].ptr);
    mem_free(old);
}

size_t retbuf_count(void)
{
    pthread_mutex_lock(&retbuf_mutex);
    size_t n = live;
    pthread_mutex_unlock(&retbuf_mutex);
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

void retbuf_leaks(struct leak_report *r)
{
    if (leaks_lock(&retbuf_mutex) != 0)
        return;
    /* In creation order when there is memory to sort, else table order. */
    struct entry *sorted = live ? mem_malloc(live * sizeof *sorted) : NULL;
    size_t n = 0;
    for (size_t i = 0; sorted && i < cap; i++)
        if (table[i].ptr && table[i].ptr != TOMBSTONE)
            sorted[n++] = table[i];
    if (sorted)
        qsort(sorted, n, sizeof *sorted, cmp_seq);
    const struct entry *list = sorted ? sorted : table;
    size_t count = sorted ? n : cap;
    for (size_t i = 0; i < count; i++) {
        const struct entry *e = &list[i];
        if (!e->ptr || e->ptr == TOMBSTONE)
            continue;
        leak_line(r, LEAK_BUFFER, "buffer of %zu bytes from %s (free it with %s)", e->size,
                  e->origin ? e->origin : "an lsaemu control function", free_function(e->kind));
    }
    mem_free(sorted);
    pthread_mutex_unlock(&retbuf_mutex);
}
