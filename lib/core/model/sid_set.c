/* SPDX-License-Identifier: MIT */
/* One-pass duplicate removal over SIDs (see sid_set.h). */
#include "core/model/sid_set.h"

#include <string.h>

#include "base/mem.h"

/* Kept per set and added here once per set: a thread-local variable of a
 * shared library costs a call to reach, too much for every probe. */
static _Thread_local unsigned long probes;

int sid_set_init(struct sid_set *set, size_t max)
{
    memset(set, 0, sizeof *set);
    /* Items are stored as index + 1 in 32 bits, and the table is kept at
     * most half full so that a probe sequence stays short. */
    if (max >= UINT32_MAX / 2)
        return -1;
    size_t cap = 16;
    while (cap < 2 * max)
        cap *= 2;
    set->slot = mem_calloc(cap, sizeof *set->slot);
    if (!set->slot)
        return -1;
    set->cap = cap;
    return 0;
}

bool sid_set_add(struct sid_set *set, const struct sid *const *items, size_t i)
{
    uint32_t hash = sid_hash(items[i]);
    size_t j = hash & (set->cap - 1);
    uint32_t it;
    while ((it = set->slot[j].item) != 0) {
        set->probes++;
        if (set->slot[j].hash == hash && sid_equal(items[it - 1], items[i]))
            return false;
        j = (j + 1) & (set->cap - 1);
    }
    set->probes++;
    set->slot[j] = (struct sid_set_slot){hash, (uint32_t)i + 1};
    set->count++;
    return true;
}

void sid_set_free(struct sid_set *set)
{
    probes += set->probes;
    mem_free(set->slot);
    memset(set, 0, sizeof *set);
}

unsigned long sid_set_probes(void)
{
    return probes;
}
