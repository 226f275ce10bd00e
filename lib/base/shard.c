/* SPDX-License-Identifier: MIT */
/* Round-robin assignment of threads to registry shards (see shard.h). */
#include "base/shard.h"

#include <stdatomic.h>

static atomic_uint next_shard;
/* The shard + 1, so that zero means "not assigned yet". */
static _Thread_local unsigned my_shard;

unsigned shard_self(void)
{
    if (!my_shard)
        my_shard = atomic_fetch_add_explicit(&next_shard, 1, memory_order_relaxed) % SHARD_COUNT + 1;
    return my_shard - 1;
}
