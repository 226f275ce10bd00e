/* SPDX-License-Identifier: MIT */
/* The per-thread sharded registry (see registry.h). */
#include "base/registry.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>

#include "base/array.h"
#include "base/mem.h"

struct registry_slot {
    struct registry_entry e; /* e.obj == NULL: free */
    uint32_t gen;
    uint32_t next_free; /* index + 1 of the next free slot, 0 = none */
};

/* An index position whose entry was taken out (0 is an empty position). */
#define DELETED UINT32_MAX

/* ---- shards and locks ------------------------------------------------------ */

static atomic_uint next_shard;
/* The shard + 1, so that zero means "not assigned yet". */
_Thread_local unsigned registry_thread_shard;

unsigned registry_assign_shard(void)
{
    registry_thread_shard =
        atomic_fetch_add_explicit(&next_shard, 1, memory_order_relaxed) % REGISTRY_SHARDS + 1;
    return registry_thread_shard - 1;
}

static inline bool shared(const struct registry *r)
{
    return r->flags & REGISTRY_SHARED_READS;
}

static inline void lock_read(struct registry *r, struct registry_shard *sh)
{
    if (shared(r))
        plat_rwlock_rdlock(&sh->lock.rw);
    else
        plat_mutex_lock(&sh->lock.mutex);
}

int registry_trylock(struct registry *r, unsigned shard, bool for_reading)
{
    struct registry_shard *sh = &r->shard[shard];
    if (!shared(r))
        return plat_mutex_trylock(&sh->lock.mutex);
    return for_reading ? plat_rwlock_tryrdlock(&sh->lock.rw)
                       : plat_rwlock_trywrlock(&sh->lock.rw);
}

void registry_lock_all(struct registry *r)
{
    for (unsigned i = 0; i < REGISTRY_SHARDS; i++)
        registry_lock(r, i);
}

void registry_unlock_all(struct registry *r)
{
    for (unsigned i = REGISTRY_SHARDS; i-- > 0;)
        registry_unlock(r, i);
}

void registry_child_after_fork(struct registry *r)
{
    for (unsigned i = 0; i < REGISTRY_SHARDS; i++) {
        struct registry_shard *sh = &r->shard[i];
        if (!shared(r)) {
            plat_mutex_unlock(&sh->lock.mutex);
            continue;
        }
        /* Made afresh rather than unlocked: readers of the parent's other
         * threads that were waiting at the fork stay counted in the lock's
         * state and would block the child's writers forever. */
        plat_rwlock_reinit_writers(&sh->lock.rw);
    }
}

/* ---- the key index (keyed registries; lock held) -------------------------------- */

static inline size_t hash_key(uintptr_t k)
{
    uint64_t v = k;
    v ^= v >> 33;
    v *= 0xff51afd7ed558ccdull;
    v ^= v >> 33;
    return (size_t)v;
}

static inline void index_put(struct registry_shard *sh, uint32_t slot)
{
    size_t mask = sh->index_cap - 1;
    size_t i = hash_key(sh->slots[slot].e.key) & mask;
    while (sh->index[i] != 0 && sh->index[i] != DELETED)
        i = (i + 1) & mask;
    if (sh->index[i] == 0)
        sh->index_used++;
    sh->index[i] = slot + 1;
}

/* The index position of the live entry with key, or SIZE_MAX. */
static inline size_t index_find(const struct registry_shard *sh, uintptr_t key)
{
    if (!sh->index_cap)
        return SIZE_MAX;
    size_t mask = sh->index_cap - 1;
    for (size_t i = hash_key(key) & mask, n = 0; n < sh->index_cap; i = (i + 1) & mask, n++) {
        uint32_t v = sh->index[i];
        if (v == 0)
            return SIZE_MAX;
        if (v != DELETED && sh->slots[v - 1].e.key == key)
            return i;
    }
    return SIZE_MAX;
}

/* Makes room for n more keys, keeping the positions in use (deleted ones
 * included) under one half: a probe stays short. */
static int index_reserve(struct registry_shard *sh, size_t n)
{
    if ((sh->index_used + n) * 2 <= sh->index_cap)
        return 0;
    size_t cap = sh->index_cap ? sh->index_cap : 64;
    while ((sh->n_live + n) * 4 > cap)
        cap *= 2;
    uint32_t *idx = mem_calloc(cap, sizeof *idx);
    if (!idx)
        return -1;
    uint32_t *old = sh->index;
    size_t old_cap = sh->index_cap;
    sh->index = idx;
    sh->index_cap = cap;
    sh->index_used = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i] != 0 && old[i] != DELETED)
            index_put(sh, old[i] - 1);
    mem_free(old);
    return 0;
}

/* ---- slots (lock held) ---------------------------------------------------------- */

/* reserve() when the room is not there yet. */
static __attribute__((noinline)) int reserve_more(struct registry *r, struct registry_shard *sh,
                                                  size_t n)
{
    size_t more = n > sh->n_free ? n - sh->n_free : 0;
    if (more > r->max_slots - sh->n_slots)
        return -1;
    if (array_reserve(&sh->slots, &sh->cap_slots, (size_t)sh->n_slots + more, sizeof *sh->slots,
                      64) < 0)
        return -1;
    if ((r->flags & REGISTRY_KEYED) && index_reserve(sh, n) < 0)
        return -1;
    return 0;
}

/* Makes sure n entries fit: free slots, or room to add them. */
static inline int reserve(struct registry *r, struct registry_shard *sh, size_t n)
{
    /* The usual case, room for them already, costs no call. */
    bool index_ok = !(r->flags & REGISTRY_KEYED) || (sh->index_used + n) * 2 <= sh->index_cap;
    size_t end = sh->cap_slots < r->max_slots ? sh->cap_slots : r->max_slots;
    if (index_ok && n <= sh->n_free + (end - sh->n_slots))
        return 0;
    return reserve_more(r, sh, n);
}

/* Enters e in a slot made sure of by reserve(); returns its index. */
static inline uint32_t put(struct registry *r, struct registry_shard *sh,
                           const struct registry_entry *e)
{
    uint32_t i;
    if (sh->free_head) {
        i = sh->free_head - 1;
        sh->free_head = sh->slots[i].next_free;
        sh->n_free--;
    } else {
        i = sh->n_slots++;
        sh->slots[i].gen = 0;
    }
    struct registry_slot *s = &sh->slots[i];
    s->e = *e;
    s->e.seq = sh->next_seq++;
    s->next_free = 0;
    sh->n_live++;
    if (r->flags & REGISTRY_KEYED)
        index_put(sh, i);
    return i;
}

/* The live slot id names in its shard, or NULL. */
static inline struct registry_slot *slot_of(struct registry_shard *sh, struct registry_id id)
{
    if (id.index >= sh->n_slots)
        return NULL;
    struct registry_slot *s = &sh->slots[id.index];
    return s->e.obj && s->gen == id.gen ? s : NULL;
}

/* Takes slot i out: its key out of the index (at position at, when the
 * caller knows it, else SIZE_MAX), its generation advanced, the slot first
 * in line for reuse. */
static inline void take_out_at(struct registry *r, struct registry_shard *sh, uint32_t i,
                               size_t at)
{
    struct registry_slot *s = &sh->slots[i];
    if (r->flags & REGISTRY_KEYED) {
        size_t mask = sh->index_cap - 1;
        if (at == SIZE_MAX)
            for (at = hash_key(s->e.key) & mask; sh->index[at] != i + 1; at = (at + 1) & mask)
                ;
        sh->index[at] = DELETED;
    }
    s->e.obj = NULL;
    s->gen = (s->gen + 1) & r->gen_mask;
    s->next_free = sh->free_head;
    sh->free_head = i + 1;
    sh->n_free++;
    sh->n_live--;
}

static inline void take_out(struct registry *r, struct registry_shard *sh, uint32_t i)
{
    take_out_at(r, sh, i, SIZE_MAX);
}

/* ---- the operations ------------------------------------------------------------- */

static inline int insert_locked(struct registry *r, unsigned shard,
                                const struct registry_entry *e, struct registry_id *id)
{
    struct registry_shard *sh = &r->shard[shard];
    if (reserve(r, sh, 1) != 0)
        return -1;
    uint32_t i = put(r, sh, e);
    *id = (struct registry_id){shard, i, sh->slots[i].gen};
    return 0;
}

int registry_insert_locked(struct registry *r, unsigned shard, const struct registry_entry *e,
                           struct registry_id *id)
{
    return insert_locked(r, shard, e, id);
}

int registry_insert(struct registry *r, unsigned shard, bool spill,
                    const struct registry_entry *e, struct registry_id *id)
{
    for (unsigned k = 0; k < (spill ? REGISTRY_SHARDS : 1); k++) {
        unsigned si = (shard + k) % REGISTRY_SHARDS;
        registry_lock(r, si);
        int rc = insert_locked(r, si, e, id);
        registry_unlock(r, si);
        if (rc == 0)
            return 0;
    }
    return -1;
}

int registry_insert_all(struct registry *r, unsigned shard, const struct registry_entry *e,
                        size_t n)
{
    struct registry_shard *sh = &r->shard[shard];
    registry_lock(r, shard);
    int rc = reserve(r, sh, n);
    for (size_t i = 0; rc == 0 && i < n; i++)
        put(r, sh, &e[i]);
    registry_unlock(r, shard);
    return rc;
}

const struct registry_entry *registry_read(struct registry *r, struct registry_id id)
{
    struct registry_shard *sh = &r->shard[id.shard];
    lock_read(r, sh);
    struct registry_slot *s = slot_of(sh, id);
    return s ? &s->e : NULL;
}

void registry_read_end(struct registry *r, struct registry_id id)
{
    registry_unlock_read(r, id.shard);
}

static inline bool remove_locked(struct registry *r, struct registry_id id, uint32_t tag,
                                 struct registry_entry *out)
{
    struct registry_shard *sh = &r->shard[id.shard];
    struct registry_slot *s = slot_of(sh, id);
    bool found = s && (tag == REGISTRY_ANY_TAG || s->e.tag == tag);
    if (found) {
        if (out)
            *out = s->e;
        take_out(r, sh, id.index);
    }
    return found;
}

bool registry_remove_locked(struct registry *r, struct registry_id id, uint32_t tag,
                            struct registry_entry *out)
{
    return remove_locked(r, id, tag, out);
}

bool registry_remove(struct registry *r, struct registry_id id, uint32_t tag,
                     struct registry_entry *out)
{
    registry_lock(r, id.shard);
    bool found = remove_locked(r, id, tag, out);
    registry_unlock(r, id.shard);
    return found;
}

bool registry_find(struct registry *r, uintptr_t key, uint32_t tag, bool take,
                   struct registry_entry *out)
{
    bool found = false;
    unsigned own = registry_self();
    for (unsigned k = 0; k < REGISTRY_SHARDS; k++) {
        unsigned si = (own + k) % REGISTRY_SHARDS;
        struct registry_shard *sh = &r->shard[si];
        if (take)
            registry_lock(r, si);
        else
            lock_read(r, sh);
        size_t p = index_find(sh, key);
        bool here = p != SIZE_MAX;
        if (here) {
            uint32_t i = sh->index[p] - 1;
            found = tag == REGISTRY_ANY_TAG || sh->slots[i].e.tag == tag;
            if (found && out)
                *out = sh->slots[i].e;
            if (found && take)
                take_out_at(r, sh, i, p);
        }
        if (take)
            registry_unlock(r, si);
        else
            registry_unlock_read(r, si);
        if (here)
            break; /* a key is entered once */
    }
    return found;
}

bool registry_find_match(struct registry *r, uintptr_t key,
                         bool (*match)(struct registry_entry *e, void *ctx), void *ctx, bool take,
                         struct registry_entry *out)
{
    bool found = false;
    unsigned own = registry_self();
    for (unsigned k = 0; k < REGISTRY_SHARDS; k++) {
        unsigned si = (own + k) % REGISTRY_SHARDS;
        struct registry_shard *sh = &r->shard[si];
        registry_lock(r, si);
        size_t p = index_find(sh, key);
        bool here = p != SIZE_MAX;
        if (here) {
            uint32_t i = sh->index[p] - 1;
            found = match(&sh->slots[i].e, ctx);
            if (found && out)
                *out = sh->slots[i].e;
            if (found && take)
                take_out_at(r, sh, i, p);
        }
        registry_unlock(r, si);
        if (here)
            break; /* a key is entered once */
    }
    return found;
}

static void reset_impl(struct registry *r, bool (*spare)(const struct registry_entry *e),
                       bool (*keep)(struct registry_entry *e, void *ctx),
                       void (*release)(struct registry_entry *e, void *ctx), void *ctx)
{
    struct registry_entry batch[32];
    for (unsigned si = 0; si < REGISTRY_SHARDS; si++) {
        struct registry_shard *sh = &r->shard[si];
        registry_lock(r, si);
        for (uint32_t i = 0; i < sh->n_slots; i++) {
            size_t n = 0;
            for (; i < sh->n_slots && n < sizeof batch / sizeof batch[0]; i++) {
                struct registry_slot *s = &sh->slots[i];
                if (!s->e.obj || (spare && spare(&s->e)))
                    continue;
                struct registry_entry e = s->e;
                take_out(r, sh, i);
                if (!keep || keep(&e, ctx))
                    batch[n++] = e;
            }
            i--; /* the loop above stopped one past the last slot it saw */
            /* Released with the lock dropped: a release may take locks that
             * come after this one in the lock order. */
            if (n && release) {
                registry_unlock(r, si);
                for (size_t k = 0; k < n; k++)
                    release(&batch[k], ctx);
                registry_lock(r, si);
            }
        }
        /* Free slots in ascending order again: after a reset the values
         * start where they did in a fresh process. */
        sh->free_head = 0;
        sh->n_free = 0;
        for (uint32_t i = sh->n_slots; i-- > 0;) {
            if (!sh->slots[i].e.obj) {
                sh->slots[i].next_free = sh->free_head;
                sh->free_head = i + 1;
                sh->n_free++;
            }
        }
        registry_unlock(r, si);
    }
}

void registry_reset(struct registry *r, bool (*keep)(struct registry_entry *e, void *ctx),
                    void (*release)(struct registry_entry *e, void *ctx), void *ctx)
{
    reset_impl(r, NULL, keep, release, ctx);
}

void registry_reset_sparing(struct registry *r, bool (*spare)(const struct registry_entry *e),
                            void (*release)(struct registry_entry *e, void *ctx), void *ctx)
{
    reset_impl(r, spare, NULL, release, ctx);
}

size_t registry_count(struct registry *r)
{
    size_t n = 0;
    for (unsigned i = 0; i < REGISTRY_SHARDS; i++) {
        lock_read(r, &r->shard[i]);
        n += r->shard[i].n_live;
        registry_unlock_read(r, i);
    }
    return n;
}

void registry_visit_locked(struct registry *r, unsigned shard,
                           void (*fn)(const struct registry_entry *e, struct registry_id id,
                                      void *ctx),
                           void *ctx)
{
    struct registry_shard *sh = &r->shard[shard];
    for (uint32_t i = 0; i < sh->n_slots; i++)
        if (sh->slots[i].e.obj)
            fn(&sh->slots[i].e, (struct registry_id){shard, i, sh->slots[i].gen}, ctx);
}
