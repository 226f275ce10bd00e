/* SPDX-License-Identifier: MIT */
/*
 * Per-thread shards of the registries (handles, logon sessions, returned
 * buffers).
 *
 * Each registry keeps SHARD_COUNT independent parts, each with its own lock
 * on its own cache line. A thread files what it creates in its own shard,
 * so threads that work on their own objects never take the same lock or
 * write the same cache line, and one registry lock no longer serialises
 * every call of every thread (issue 6: two threads at least 1.6x one).
 *
 * Threads get shards in the order they first create something: the first
 * thread (in practice the main thread of a test) gets shard 0, so a
 * single-threaded program sees the same handle values and LUIDs as if
 * there were one registry. A child of fork() keeps its parent thread's
 * shard.
 */
#ifndef LSAEMU_CORE_SHARD_H
#define LSAEMU_CORE_SHARD_H

#include <pthread.h>

/* A power of two. The fork handlers hold every shard lock of every registry
 * and the publication locks (publish.h) at once, together with the token
 * locks (token.h): ThreadSanitizer's deadlock detector allows 64 held
 * locks, which bounds 4 x SHARD_COUNT. */
#define SHARD_COUNT 8u

/* Room for a lock on a cache line of its own. */
#define SHARD_ALIGN 64

/* Initializers of an array of SHARD_COUNT shard structures whose `lock`
 * member is a pthread_mutex_t. */
#define SHARD_MUTEXES_INITIALIZER                                                            \
    {                                                                                        \
        {.lock = PTHREAD_MUTEX_INITIALIZER}, {.lock = PTHREAD_MUTEX_INITIALIZER},            \
            {.lock = PTHREAD_MUTEX_INITIALIZER}, {.lock = PTHREAD_MUTEX_INITIALIZER},        \
            {.lock = PTHREAD_MUTEX_INITIALIZER}, {.lock = PTHREAD_MUTEX_INITIALIZER},        \
            {.lock = PTHREAD_MUTEX_INITIALIZER}, {.lock = PTHREAD_MUTEX_INITIALIZER},        \
    }
_Static_assert(SHARD_COUNT == 8, "SHARD_MUTEXES_INITIALIZER has one entry per shard");

/* The calling thread's shard, 0 .. SHARD_COUNT - 1. */
unsigned shard_self(void);

#endif
