/* SPDX-License-Identifier: MIT */
/*
 * A registry of live objects split per thread: the one mechanism behind the
 * handle table, the logon sessions and the returned buffers (lib/core/state).
 *
 * A registry keeps REGISTRY_SHARDS independent shards, each with its own
 * lock on its own cache line. A thread files what it creates in its own
 * shard (registry_self()), so threads working on their own objects never
 * take the same lock or write the same cache line, and one registry lock
 * does not serialise every call of every thread (issue 6: two threads at
 * least 1.6x one). Threads get shards in the order they first ask: the
 * first thread (in practice the main thread of a test) gets shard 0, so a
 * single-threaded program sees the same values as if there were one shard.
 * A child of fork() keeps its parent thread's shard.
 *
 * Inside a shard, entries live in slots that are reused last-freed first,
 * which keeps ids deterministic for a given sequence of calls of a thread;
 * each slot has a generation that advances when it is freed, so an id
 * (shard, slot, generation) of an entry that is gone never matches again
 * (up to the registry's generation mask). A keyed registry also finds an
 * entry by its key (a pointer, a LUID) with one hash probe per shard,
 * without ever dereferencing the key.
 *
 * Locks: each shard's is a mutex, or for REGISTRY_SHARED_READS a
 * reader-writer lock that prefers writers, so that look-ups share it and a
 * handle shared by many busy threads cannot keep its owner from inserting.
 * The fork handlers (lib/core/state/current.c) hold every shard lock of
 * every registry at once, with the publication and token locks:
 * ThreadSanitizer's deadlock detector allows 64 held locks, which bounds
 * 4 x REGISTRY_SHARDS plus the rest.
 *
 * Ownership: the registry owns its own tables (freed by nothing: they live
 * as long as the process); the objects entered stay their owner's, who
 * learns of the ones the registry lets go through registry_remove(),
 * registry_find() with take, and registry_reset()'s release function.
 */
#ifndef LSAEMU_BASE_REGISTRY_H
#define LSAEMU_BASE_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/plat_thread.h"

/* A power of two. */
#define REGISTRY_SHARDS 8u
/* Room for a lock on a cache line of its own. */
#define REGISTRY_ALIGN 64

/* What the registry keeps of one object: the owner fills all but seq. */
struct registry_entry {
    void *obj;          /* the object; never NULL */
    uintptr_t key;      /* what registry_find() looks for (keyed registries) */
    /* Writes into out what obj is, for a leak report, when the registry's
     * user does not know the inside of obj (LSA connections); or NULL. */
    void (*describe)(const void *obj, char *out, size_t size);
    const char *origin; /* the emulated call that made it (LSAEMU_LEAKS) */
    size_t size;        /* the owner's (returned buffers: their size) */
    uint32_t tag;       /* the owner's kind of object */
    uint32_t aux;       /* the owner's (the handle table: the granted access) */
    unsigned long seq;  /* set on entry: the order of entry in its shard */
};

/* Where an entry is. An entry made and not yet entered has index
 * REGISTRY_NOWHERE, which nothing matches. */
struct registry_id {
    uint32_t shard, index, gen;
};
#define REGISTRY_NOWHERE UINT32_MAX

/* Flags. */
enum {
    REGISTRY_SHARED_READS = 1, /* reader-writer shard locks (registry_read) */
    REGISTRY_KEYED = 2,        /* keep a hash index of the keys */
};
/* For registry_remove() and registry_find(): any tag. */
#define REGISTRY_ANY_TAG UINT32_MAX

struct registry_slot;

struct registry_shard {
    _Alignas(REGISTRY_ALIGN) union {
        plat_mutex mutex;
        plat_rwlock rw;
    } lock;
    struct registry_slot *slots;
    size_t cap_slots;
    uint32_t n_slots, n_live, n_free;
    uint32_t free_head; /* index + 1 of the first free slot, 0 = none */
    uint32_t *index;                     /* keyed: slot index + 1, 0 empty */
    size_t index_cap, index_used;        /* used counts deleted marks too */
    unsigned long next_seq;
};

struct registry {
    struct registry_shard shard[REGISTRY_SHARDS];
    unsigned flags;
    uint32_t gen_mask;  /* generations wrap at this mask */
    uint32_t max_slots; /* per shard */
};

#define REGISTRY_LOCKS_(field, init)                                                          \
    {{.lock.field = init}, {.lock.field = init}, {.lock.field = init}, {.lock.field = init},  \
     {.lock.field = init}, {.lock.field = init}, {.lock.field = init}, {.lock.field = init}}
_Static_assert(REGISTRY_SHARDS == 8, "REGISTRY_LOCKS_ has one entry per shard");
/* The static initializers: shards with mutexes (flags_ may add
 * REGISTRY_KEYED), or with reader-writer locks that prefer writers. */
#define REGISTRY_INIT(flags_, gen_mask_, max_slots_)                                          \
    {                                                                                         \
        .shard = REGISTRY_LOCKS_(mutex, PLAT_MUTEX_INIT), .flags = (flags_),        \
        .gen_mask = (gen_mask_), .max_slots = (max_slots_)                                    \
    }
#define REGISTRY_INIT_SHARED_READS(flags_, gen_mask_, max_slots_)                             \
    {                                                                                         \
        .shard = REGISTRY_LOCKS_(rw, PLAT_RWLOCK_INIT_WRITERS),      \
        .flags = (flags_) | REGISTRY_SHARED_READS, .gen_mask = (gen_mask_),                   \
        .max_slots = (max_slots_)                                                             \
    }

/* The calling thread's shard + 1 once it has one, else 0 (registry_self). */
extern _Thread_local unsigned registry_thread_shard;
unsigned registry_assign_shard(void);

/* The calling thread's shard, 0 .. REGISTRY_SHARDS - 1 (inline: several
 * calls of every emulated call ask). */
static inline unsigned registry_self(void)
{
    unsigned s = registry_thread_shard;
    return s ? s - 1 : registry_assign_shard();
}

/*
 * Enters e (a copy is kept) in shard, or, with spill, in the next shard
 * that has room when that one is full. 0 with *id set, or -1 when every
 * shard tried is full or memory ran out (nothing is entered then).
 */
int registry_insert(struct registry *r, unsigned shard, bool spill,
                    const struct registry_entry *e, struct registry_id *id);
/* The same in shard, whose lock the caller holds (registry_lock), without
 * spilling. */
int registry_insert_locked(struct registry *r, unsigned shard, const struct registry_entry *e,
                           struct registry_id *id);
/* Enters n entries in shard under one lock, all or none: 0, or -1 (none is
 * entered). */
int registry_insert_all(struct registry *r, unsigned shard, const struct registry_entry *e,
                        size_t n);

/*
 * The live entry id names, with its shard's lock held (for reading, in a
 * registry with shared reads): NULL when there is none, the lock held all
 * the same. The entry may be read, and its obj used, until
 * registry_read_end(). id.shard must be a shard.
 */
const struct registry_entry *registry_read(struct registry *r, struct registry_id id);
void registry_read_end(struct registry *r, struct registry_id id);

/* Takes the entry id names out of the registry if it is live and has this
 * tag (or REGISTRY_ANY_TAG); *out (may be NULL) receives it. */
bool registry_remove(struct registry *r, struct registry_id id, uint32_t tag,
                     struct registry_entry *out);

/* The same with id's shard lock held by the caller (registry_lock). */
bool registry_remove_locked(struct registry *r, struct registry_id id, uint32_t tag,
                            struct registry_entry *out);

/*
 * Keyed registries: looks key up in the calling thread's shard first, then
 * in the others (a key is entered once). True when it is there with this
 * tag (or REGISTRY_ANY_TAG): *out (may be NULL) receives the entry and,
 * with take, it is taken out of the registry.
 */
bool registry_find(struct registry *r, uintptr_t key, uint32_t tag, bool take,
                   struct registry_entry *out);
/*
 * Empties every shard, one at a time. For each live entry, keep (may be
 * NULL) is called under the shard's lock and says whether the entry is to
 * be handed to release, which is called once the lock is dropped (so that
 * it may take locks that come later in the lock order), in batches: no
 * memory is needed. Generations advance, so no id from before the reset
 * matches anything entered after it.
 */
void registry_reset(struct registry *r, bool (*keep)(struct registry_entry *e, void *ctx),
                    void (*release)(struct registry_entry *e, void *ctx), void *ctx);
/*
 * As registry_reset(), for the live entries spare() (called under the
 * shard's lock) does not claim: those stay where they are, with their ids,
 * as if no reset had happened (the returned buffers keep the program's own
 * heap blocks across lsaemu_reset()).
 */
void registry_reset_sparing(struct registry *r, bool (*spare)(const struct registry_entry *e),
                            void (*release)(struct registry_entry *e, void *ctx), void *ctx);

/*
 * Keyed registries: as registry_find(), with a predicate instead of a tag.
 * match(e, ctx) sees the entry with key under its shard's exclusive lock,
 * may change its size and aux (never its obj or key), and says whether it
 * is the one wanted; then *out (may be NULL) receives it and, with take,
 * it is taken out of the registry.
 */
bool registry_find_match(struct registry *r, uintptr_t key,
                         bool (*match)(struct registry_entry *e, void *ctx), void *ctx, bool take,
                         struct registry_entry *out);

/* How many entries are live (a snapshot, shard by shard). */
size_t registry_count(struct registry *r);

/* Visits the live entries of one shard in slot order; the caller holds the
 * shard's lock. fn may read each entry and its id. */
void registry_visit_locked(struct registry *r, unsigned shard,
                           void (*fn)(const struct registry_entry *e, struct registry_id id,
                                      void *ctx),
                           void *ctx);

/* One shard's lock, exclusive; inline, since the session registry takes
 * it for every reference it counts. */
static inline void registry_lock(struct registry *r, unsigned shard)
{
    struct registry_shard *sh = &r->shard[shard];
    if (r->flags & REGISTRY_SHARED_READS)
        plat_rwlock_wrlock(&sh->lock.rw);
    else
        plat_mutex_lock(&sh->lock.mutex);
}

/* Releases the lock registry_lock() took (or registry_trylock() for
 * writing). */
static inline void registry_unlock(struct registry *r, unsigned shard)
{
    struct registry_shard *sh = &r->shard[shard];
    if (r->flags & REGISTRY_SHARED_READS)
        plat_rwlock_wrunlock(&sh->lock.rw);
    else
        plat_mutex_unlock(&sh->lock.mutex);
}

/* Releases a lock taken for reading: by registry_trylock() with shared,
 * or inside this file (the mutex of a registry without shared reads). */
static inline void registry_unlock_read(struct registry *r, unsigned shard)
{
    struct registry_shard *sh = &r->shard[shard];
    if (r->flags & REGISTRY_SHARED_READS)
        plat_rwlock_rdunlock(&sh->lock.rw);
    else
        plat_mutex_unlock(&sh->lock.mutex);
}

/* Takes the lock (shared for reading, where the registry has shared reads)
 * without waiting: 0, or an error number. Released with
 * registry_unlock_read() when shared, else registry_unlock(). */
int registry_trylock(struct registry *r, unsigned shard, bool shared);

/* The fork handlers: every shard lock in index order before fork(); after
 * it, released in the parent and made afresh in the child (a reader of
 * another thread counted in a lock at the fork does not exist there). */
void registry_lock_all(struct registry *r);
void registry_unlock_all(struct registry *r);
void registry_child_after_fork(struct registry *r);

#endif
