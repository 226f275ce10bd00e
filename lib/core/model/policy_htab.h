/* SPDX-License-Identifier: MIT */
/*
 * The open-addressing hash table shared by the policy indexes (struct htab
 * in policy_index.h): slots keep the item's hash next to it, keys are
 * compared through the policy's own arrays by the caller's function. Private
 * to policy_index*.c; everything is inline so each look-up calls its
 * comparison directly.
 */
#ifndef LSAEMU_CORE_MODEL_POLICY_HTAB_H
#define LSAEMU_CORE_MODEL_POLICY_HTAB_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base/mem.h"
#include "core/model/policy_index.h"

typedef bool (*htab_eq_fn)(const void *ctx, uint32_t item, const void *key);

static inline void htab_free(struct htab *t)
{
    mem_free(t->slot);
    memset(t, 0, sizeof *t);
}

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

static inline bool htab_full(const struct htab *t)
{
    return t->dense ? (t->count + 1) * 4 > t->cap * 3 : (t->count + 1) * 2 > t->cap;
}

/* Adds item (no duplicate check); 0 or -1. Load factor stays below 1/2
 * (3/4 for a dense table). */
static inline int htab_insert(struct htab *t, uint32_t hash, uint32_t item)
{
    if (htab_full(t) && htab_grow(t) < 0)
        return -1;
    size_t j = hash & (t->cap - 1);
    while (t->slot[j].item)
        j = (j + 1) & (t->cap - 1);
    t->slot[j] = (struct htab_slot){hash, item + 1};
    t->count++;
    return 0;
}

/* Always inlined, so that each look-up calls its comparison directly. */
static inline __attribute__((always_inline)) long
htab_find(const struct htab *t, uint32_t hash, htab_eq_fn eq, const void *ctx, const void *key)
{
    if (!t->cap)
        return -1;
    size_t j = hash & (t->cap - 1);
    uint32_t it;
    while ((it = t->slot[j].item) != 0) {
        if (t->slot[j].hash == hash && eq(ctx, it - 1, key))
            return (long)(it - 1);
        j = (j + 1) & (t->cap - 1);
    }
    return -1;
}

#endif
