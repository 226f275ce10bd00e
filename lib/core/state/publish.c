/* SPDX-License-Identifier: MIT */
/* The publication locks, one per registry shard (see publish.h). */
#include "core/state/publish.h"

#include "base/plat_thread.h"
#include "base/registry.h"

/* One lock per registry shard, each on its own cache line. */
static struct {
    _Alignas(REGISTRY_ALIGN) plat_mutex lock;
} locks[REGISTRY_SHARDS] = {
    {PLAT_MUTEX_INIT}, {PLAT_MUTEX_INIT}, {PLAT_MUTEX_INIT}, {PLAT_MUTEX_INIT},
    {PLAT_MUTEX_INIT}, {PLAT_MUTEX_INIT}, {PLAT_MUTEX_INIT}, {PLAT_MUTEX_INIT},
};
_Static_assert(REGISTRY_SHARDS == 8, "one initializer per shard");

unsigned publish_begin(void)
{
    unsigned shard = registry_self();
    plat_mutex_lock(&locks[shard].lock);
    return shard;
}

void publish_end(unsigned section)
{
    plat_mutex_unlock(&locks[section].lock);
}

void publish_lock_all(void)
{
    for (unsigned i = 0; i < REGISTRY_SHARDS; i++)
        plat_mutex_lock(&locks[i].lock);
}

void publish_unlock_all(void)
{
    for (unsigned i = REGISTRY_SHARDS; i-- > 0;)
        plat_mutex_unlock(&locks[i].lock);
}
