/* SPDX-License-Identifier: MIT */
/* The publication locks, one per registry shard (see publish.h). */
#include "core/state/publish.h"

#include <pthread.h>

#include "base/shard.h"

static struct {
    _Alignas(SHARD_ALIGN) pthread_mutex_t lock;
} locks[SHARD_COUNT] = SHARD_MUTEXES_INITIALIZER;

void publish_begin(void)
{
    pthread_mutex_lock(&locks[shard_self()].lock);
}

void publish_end(void)
{
    pthread_mutex_unlock(&locks[shard_self()].lock);
}

void publish_lock_all(void)
{
    for (unsigned i = 0; i < SHARD_COUNT; i++)
        pthread_mutex_lock(&locks[i].lock);
}

void publish_unlock_all(void)
{
    for (unsigned i = SHARD_COUNT; i-- > 0;)
        pthread_mutex_unlock(&locks[i].lock);
}
