/* SPDX-License-Identifier: MIT */
/*
 * An open-addressing hash table of 32-bit items with linear probing: the one
 * probe loop behind the policy's indexes (names, SIDs) and the SID sets of
 * one call. A slot keeps the item's hash next to it, so that a probe reads
 * one cache line, not one in a hash array and another in an item array;
 * keys live in the user's own arrays and are compared by the user, so the
 * table copies nothing but the items (indexes into those arrays).
 *
 * Everything is inline, and htab_walk() always so: each caller's stop test
 * is a constant function that the compiler folds into the loop, so the one
 * walk costs what a hand-written loop did.
 *
 * Ownership: the slots are mem_calloc'd memory the table owns, released by
 * htab_free().
 */
#ifndef LSAEMU_BASE_HTAB_H
#define LSAEMU_BASE_HTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/mem.h"

/* One slot: the hash next to the item. */
struct htab_slot {
    uint32_t hash;
    uint32_t item; /* item + 1; 0 = empty */
};

struct htab {
    struct htab_slot *slot;
    size_t cap; /* 0 or a power of two */
    size_t count;
    /* Filled up to 3/4 instead of 1/2: tables probed mostly for items that
     * are there (the policy's names) trade a probe or two for a third of
     * their memory. */
    bool dense;
};

static inline void htab_free(struct htab *t)
{
    mem_free(t->slot);
    memset(t, 0, sizeof *t);
}

/* Doubles the room (16 slots at first); 0, or -1 on allocation failure
 * (the table is unchanged then). */
static inline int htab_grow(struct htab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 16;
    struct htab_slot *slot = mem_calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slot[i].item)
            continue;
        size_t j = t->slot[i].hash & (cap - 1);
        while (slot[j].item)
            j = (j + 1) & (cap - 1);
        slot[j] = t->slot[i];
    }
    mem_free(t->slot);
    t->slot = slot;
    t->cap = cap;
    return 0;
}

/* An empty table of cap slots (a power of two), for a caller that knows
 * how many items it will hold; 0 or -1. */
static inline int htab_init_cap(struct htab *t, size_t cap)
{
    memset(t, 0, sizeof *t);
    t->slot = mem_calloc(cap, sizeof *t->slot);
    if (!t->slot)
        return -1;
    t->cap = cap;
    return 0;
}

/* Would one more item pass the load factor (1/2, 3/4 when dense)? */
static inline bool htab_full(const struct htab *t)
{
    return t->dense ? (t->count + 1) * 4 > t->cap * 3 : (t->count + 1) * 2 > t->cap;
}

/* Room for n items in all without growing one doubling at a time (each
 * doubling rehashes every item); 0 or -1. */
static inline int htab_reserve(struct htab *t, size_t n)
{
    while ((n + 1) * 2 > t->cap)
        if (htab_grow(t) < 0)
            return -1;
    return 0;
}

/* The walk's stop test: is item, whose slot has the hash walked, the one?
 * ctx is the caller's, and the test may note what it sees there. */
typedef bool (*htab_stop_fn)(void *ctx, uint32_t item);

/*
 * Walks the probe chain of hash: for each item whose slot has that hash
 * (other slots cost a compare), stop(ctx, item) says whether the walk ends
 * there. Returns the position of that slot, with its item in *found, or of
 * the empty slot that ends the chain (t->slot[pos].item == 0: where hash
 * would be inserted) with *found -1. A table with no room yet returns
 * SIZE_MAX. *probes (may be NULL) adds the slots examined, the empty one
 * included.
 */
static inline __attribute__((always_inline)) size_t
htab_walk(const struct htab *t, uint32_t hash, htab_stop_fn stop, void *ctx,
          unsigned long *probes, long *found)
{
    *found = -1;
    if (!t->cap)
        return SIZE_MAX;
    size_t j = hash & (t->cap - 1);
    unsigned long n = 1;
    uint32_t it;
    while ((it = t->slot[j].item) != 0) {
        if (t->slot[j].hash == hash && stop(ctx, it - 1)) {
            *found = (long)(it - 1);
            break;
        }
        j = (j + 1) & (t->cap - 1);
        n++;
    }
    if (probes)
        *probes += n;
    return j;
}

/* The first item with hash at which stop(ctx, item) holds, or -1. */
static inline __attribute__((always_inline)) long
htab_find(const struct htab *t, uint32_t hash, htab_stop_fn stop, void *ctx)
{
    long found;
    htab_walk(t, hash, stop, ctx, NULL, &found);
    return found;
}

/* Puts item at the empty position pos a walk for hash ended at (the
 * caller made room first: !htab_full()). */
static inline void htab_put_at(struct htab *t, size_t pos, uint32_t hash, uint32_t item)
{
    t->slot[pos] = (struct htab_slot){hash, item + 1};
    t->count++;
}

/* Never stops: a walk to the end of the chain. */
static inline bool htab_no_stop(void *ctx, uint32_t item)
{
    (void)ctx;
    (void)item;
    return false;
}

/* Adds item (no duplicate check); 0 or -1. The load factor stays below
 * 1/2 (3/4 for a dense table). */
static inline int htab_insert(struct htab *t, uint32_t hash, uint32_t item)
{
    if (htab_full(t) && htab_grow(t) < 0)
        return -1;
    long found;
    htab_put_at(t, htab_walk(t, hash, htab_no_stop, NULL, NULL, &found), hash, item);
    return 0;
}

#endif
