/* SPDX-License-Identifier: MIT */
/*
 * A set of SIDs for dropping duplicates from a list in one pass: each SID is
 * checked and added with one hash probe, so a list of n SIDs costs O(n), not
 * the O(n^2) of comparing each with every one kept before it.
 *
 * The set does not copy SIDs: it keeps indexes into an array of SID pointers
 * that the caller owns and fills (the list being built), and every call
 * passes that same array; the SIDs pointed to must stay put while the set
 * is used.
 * Its size is fixed when it is made, for at most max SIDs; the caller frees
 * it with sid_set_free().
 */
#ifndef LSAEMU_CORE_MODEL_SID_SET_H
#define LSAEMU_CORE_MODEL_SID_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/htab.h"
#include "core/model/sid.h"

struct sid_set {
    struct htab t; /* items: indexes into the caller's array; at least twice max slots */
    unsigned long probes; /* slots examined, added to the thread's count when freed */
};

/* Makes an empty set for at most max SIDs (allocates through mem.h).
 * 0, or -1 when out of memory or max is too large to index. */
int sid_set_init(struct sid_set *set, size_t max);
/* Adds *items[i] unless a SID equal to it was added before; true when it
 * was added. items is the caller's array every earlier add referred to; at
 * most max SIDs may be added in all. */
bool sid_set_add(struct sid_set *set, const struct sid *const *items, size_t i);
/* Frees the table; the set can be freed twice, or after a failed init. */
void sid_set_free(struct sid_set *set);

/* Test-only: how many slots sid_set_add() examined in the sets this thread
 * has freed (a thread-local count, so the per-call path writes nothing
 * shared). A test compares two readings to check that a call's probes grow
 * linearly with its SIDs. */
unsigned long sid_set_probes(void);

#endif
