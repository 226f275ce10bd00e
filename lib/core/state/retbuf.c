/* SPDX-License-Identifier: MIT */
/*
 * The registry of returned buffers, on the sharded registry
 * (base/registry.h) keyed by the buffer's address: registering and checking
 * are a hash probe, and a foreign pointer is never dereferenced.
 *
 * A buffer is filed in the shard of the thread that published it. Freeing
 * looks in the caller's shard first, where a thread's own buffers are, and
 * then in the others; a buffer is in exactly one shard, and a shard is
 * searched and changed only under its own lock.
 */
#include "core/state/retbuf.h"

#include <stdint.h>
#include <stdlib.h>

#include "base/mem.h"
#include "base/registry.h"
#include "core/diag/leaks.h"

static struct registry buffers = REGISTRY_INIT(REGISTRY_KEYED, UINT32_MAX, UINT32_MAX - 1);

void retbuf_lock(void)
{
    registry_lock_all(&buffers);
}

void retbuf_unlock(void)
{
    registry_unlock_all(&buffers);
}

/* The buffers' allocator (retbuf.h): kernel32's LocalAlloc on Windows. */
#ifdef _WIN32
#define buf_calloc(size) mem_local_calloc(size)
#define buf_free(p) mem_local_free(p)
#else
#define buf_calloc(size) mem_calloc(1, size)
#define buf_free(p) mem_free(p)
#endif

void *retbuf_new(size_t size)
{
    return buf_calloc(size ? size : 1);
}

void retbuf_discard(void *p)
{
    buf_free(p);
}

int retbuf_publish_all(const struct retbuf_pub *bufs, size_t n)
{
    struct registry_entry e[RETBUF_PUBLISH_MAX];
    size_t count = 0;
    const char *origin = leaks_call();
    if (n > RETBUF_PUBLISH_MAX)
        return -1;
    for (size_t i = 0; i < n; i++)
#ifdef _WIN32
        /* The program's LocalFree frees it: nothing to register (retbuf.h). */
        if (bufs[i].p && bufs[i].kind != RETBUF_LOCAL)
#else
        if (bufs[i].p)
#endif
            e[count++] = (struct registry_entry){.obj = bufs[i].p,
                                                 .key = (uintptr_t)bufs[i].p,
                                                 .origin = origin,
                                                 .size = bufs[i].size,
                                                 .tag = bufs[i].kind};
    if (!count)
        return 0;
    /* In the caller's own shard, which only threads of that shard lock. */
    return registry_insert_all(&buffers, registry_self(), e, count);
}

int retbuf_publish(void *p, enum retbuf_kind kind, size_t size)
{
    struct retbuf_pub b = {p, kind, size};
    return retbuf_publish_all(&b, 1);
}

int retbuf_free(void *p, enum retbuf_kind kind)
{
#ifdef _WIN32
    if (p && kind == RETBUF_LOCAL) {
        buf_free(p);
        return 0;
    }
#endif
    if (!p || !registry_find(&buffers, (uintptr_t)p, kind, true, NULL))
        return -1;
    buf_free(p);
    return 0;
}

int retbuf_is(const void *p, enum retbuf_kind kind)
{
    return p && registry_find(&buffers, (uintptr_t)p, kind, false, NULL);
}

static bool heap_kind(uint32_t tag)
{
    return tag == RETBUF_LOCAL || tag == RETBUF_SID || tag == RETBUF_HEAP;
}

static bool match_heap(struct registry_entry *e, void *ctx)
{
    return heap_kind(e->tag);
}

int retbuf_heap_free(void *p)
{
    if (!p || !registry_find_match(&buffers, (uintptr_t)p, match_heap, NULL, true, NULL))
        return -1;
    mem_free(p);
    return 0;
}

int retbuf_heap_size(const void *p, size_t *size)
{
    struct registry_entry e;
    if (!p || !registry_find_match(&buffers, (uintptr_t)p, match_heap, NULL, false, &e))
        return -1;
    *size = e.size;
    return 0;
}

static bool match_shrink(struct registry_entry *e, void *ctx)
{
    size_t size = *(const size_t *)ctx;
    if (!heap_kind(e->tag) || size > e->size)
        return false;
    e->size = size;
    return true;
}

int retbuf_heap_shrink(void *p, size_t size)
{
    if (!p || !registry_find_match(&buffers, (uintptr_t)p, match_shrink, &size, false, NULL))
        return -1;
    return 0;
}

static void free_entry(struct registry_entry *e, void *ctx)
{
    buf_free(e->obj);
}

static bool program_heap(const struct registry_entry *e)
{
    return e->tag == RETBUF_HEAP;
}

void retbuf_reset(void)
{
    registry_reset_sparing(&buffers, program_heap, free_entry, NULL);
}

size_t retbuf_count(void)
{
    return registry_count(&buffers);
}

static const char *free_function(uint32_t kind)
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
    case RETBUF_HEAP:
        return "HeapFree";
    }
    return "?";
}

static int cmp_seq(const void *a, const void *b)
{
    const struct registry_entry *x = a, *y = b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void leak_line_of(struct leak_report *r, const struct registry_entry *e)
{
    leak_line(r, LEAK_BUFFER, "buffer of %zu bytes from %s (free it with %s)", e->size,
              e->origin ? e->origin : "an lsaemu control function", free_function(e->tag));
}

/* One shard's buffers, for the report (its lock held). */
struct buffer_list {
    struct registry_entry *e;
    size_t n;
    struct leak_report *r;
};

/* The program's own heap blocks are not lsaemu's to report (retbuf.h). */
static void count_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    if (!program_heap(e))
        ((struct buffer_list *)ctx)->n++;
}

static void collect_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    struct buffer_list *l = ctx;
    if (!program_heap(e))
        l->e[l->n++] = *e;
}

static void report_one(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    if (!program_heap(e))
        leak_line_of(((struct buffer_list *)ctx)->r, e);
}

void retbuf_leaks(struct leak_report *r)
{
    /* Shard by shard: a single-threaded program's buffers are all in shard
     * 0. In creation order when there is memory to sort, else slot order. */
    for (unsigned k = 0; k < REGISTRY_SHARDS; k++) {
        if (leaks_take_shard(&buffers, k, false) != 0)
            return;
        struct buffer_list l = {NULL, 0, r};
        registry_visit_locked(&buffers, k, count_one, &l);
        l.e = l.n ? mem_malloc(l.n * sizeof *l.e) : NULL;
        if (l.e) {
            l.n = 0;
            registry_visit_locked(&buffers, k, collect_one, &l);
            qsort(l.e, l.n, sizeof *l.e, cmp_seq);
            for (size_t i = 0; i < l.n; i++)
                leak_line_of(r, &l.e[i]);
        } else {
            registry_visit_locked(&buffers, k, report_one, &l);
        }
        mem_free(l.e);
        registry_unlock(&buffers, k);
    }
}
