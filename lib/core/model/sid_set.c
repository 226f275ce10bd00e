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
    return htab_init_cap(&set->t, cap);
}

/* sid_set_add()'s walk: the SID added and the array the items index. */
struct set_walk {
    const struct sid *const *items;
    const struct sid *sid;
};

static bool same_sid(void *ctx, uint32_t item)
{
    const struct set_walk *w = ctx;
    return sid_equal(w->items[item], w->sid);
}

bool sid_set_add(struct sid_set *set, const struct sid *const *items, size_t i)
{
    uint32_t hash = sid_hash(items[i]);
    struct set_walk w = {items, items[i]};
    long found;
    size_t pos = htab_walk(&set->t, hash, same_sid, &w, &set->probes, &found);
    if (found >= 0)
        return false;
    htab_put_at(&set->t, pos, hash, (uint32_t)i);
    return true;
}

void sid_set_free(struct sid_set *set)
{
    probes += set->probes;
    htab_free(&set->t);
    set->probes = 0;
}

unsigned long sid_set_probes(void)
{
    return probes;
}
