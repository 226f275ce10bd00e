/* SPDX-License-Identifier: MIT */
/* The library's allocator with a failure hook for tests (see mem.h). */
#include "base/mem.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#endif

/* Counting starts with the first call of a test control below: until then
 * the hot path reads one read-mostly flag and touches no shared counter, so
 * threads allocating at the same time do not fight over a cache line. The
 * counters only ever compare windows that lie after that first call. */
static atomic_bool tracking;
static atomic_ulong n_attempts;
static atomic_ulong n_failed;
static atomic_long n_live;
/* When armed, allocations whose attempt number is >= fail_from fail. */
static atomic_bool armed;
static atomic_ulong fail_from;

/* Counts the attempt; true when it must fail. */
static bool fail_now(void)
{
    if (!atomic_load_explicit(&tracking, memory_order_relaxed))
        return false;
    unsigned long k = atomic_fetch_add_explicit(&n_attempts, 1, memory_order_relaxed);
    if (!atomic_load_explicit(&armed, memory_order_acquire))
        return false;
    if (k < atomic_load_explicit(&fail_from, memory_order_relaxed))
        return false;
    atomic_fetch_add_explicit(&n_failed, 1, memory_order_relaxed);
    return true;
}

static void *counted(void *p)
{
    if (p && atomic_load_explicit(&tracking, memory_order_relaxed))
        atomic_fetch_add_explicit(&n_live, 1, memory_order_relaxed);
    return p;
}

void *mem_malloc(size_t size)
{
    if (fail_now())
        return NULL;
    return counted(malloc(size ? size : 1));
}

void *mem_calloc(size_t n, size_t size)
{
    if (fail_now())
        return NULL;
    return counted(calloc(n ? n : 1, size ? size : 1));
}

void *mem_realloc(void *p, size_t size)
{
    if (fail_now())
        return NULL; /* p is untouched, as with realloc */
    void *q = realloc(p, size ? size : 1);
    return p ? q : counted(q);
}

void *mem_malloc_unowned(size_t size)
{
    if (fail_now())
        return NULL;
    return malloc(size ? size : 1);
}

#ifdef _WIN32
void *mem_local_calloc(size_t size)
{
    if (fail_now())
        return NULL;
    DWORD saved = GetLastError();
    void *p = LocalAlloc(LPTR, size ? size : 1);
    SetLastError(saved);
    return p;
}

void mem_local_free(void *p)
{
    if (!p)
        return;
    DWORD saved = GetLastError();
    LocalFree(p);
    SetLastError(saved);
}
#endif

char *mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = mem_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void mem_free(void *p)
{
    if (!p)
        return;
    if (atomic_load_explicit(&tracking, memory_order_relaxed))
        atomic_fetch_sub_explicit(&n_live, 1, memory_order_relaxed);
    free(p);
}

static void start_tracking(void)
{
    atomic_store_explicit(&tracking, true, memory_order_relaxed);
}

void mem_fail_after(unsigned long n)
{
    start_tracking();
    atomic_store_explicit(&fail_from, atomic_load(&n_attempts) + n, memory_order_relaxed);
    atomic_store_explicit(&armed, true, memory_order_release);
}

void mem_fail_reset(void)
{
    start_tracking();
    atomic_store_explicit(&armed, false, memory_order_release);
}

unsigned long mem_alloc_count(void)
{
    start_tracking();
    return atomic_load(&n_attempts);
}

unsigned long mem_failed_count(void)
{
    start_tracking();
    return atomic_load(&n_failed);
}

long mem_live_count(void)
{
    start_tracking();
    return atomic_load(&n_live);
}
