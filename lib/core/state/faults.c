/* SPDX-License-Identifier: MIT */
/*
 * Fault counters. Only functions that some fault names are counted, so a
 * policy without faults costs one comparison per call.
 */
#include "core/state/faults.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/plat_thread.h"
#include "core/model/policy.h"

/* Function names are a small fixed vocabulary (the emulated Windows
 * functions), so a short array of counters is enough. */
#define MAX_COUNTERS 64

struct counter {
    char name[64];
    uint32_t count;
};

static plat_mutex faults_lock_m = PLAT_MUTEX_INIT;
static struct counter counters[MAX_COUNTERS];
static unsigned n_counters;

void faults_lock(void)
{
    plat_mutex_lock(&faults_lock_m);
}

void faults_unlock(void)
{
    plat_mutex_unlock(&faults_lock_m);
}

static uint32_t count_call(const char *call)
{
    for (unsigned i = 0; i < n_counters; i++)
        if (strcmp(counters[i].name, call) == 0)
            return ++counters[i].count;
    if (n_counters == MAX_COUNTERS || strlen(call) >= sizeof counters[0].name)
        return 0; /* not countable: only `nth`-less faults can match */
    strcpy(counters[n_counters].name, call);
    counters[n_counters].count = 1;
    n_counters++;
    return 1;
}

bool faults_check(const struct policy *pol, const char *call, const char *account,
                  int32_t *status)
{
    bool named = false;
    for (size_t i = 0; i < pol->n_faults && !named; i++)
        named = strcmp(pol->faults[i].call, call) == 0;
    if (!named)
        return false;

    plat_mutex_lock(&faults_lock_m);
    uint32_t n = count_call(call);
    plat_mutex_unlock(&faults_lock_m);

    for (size_t i = 0; i < pol->n_faults; i++) {
        const struct fault *f = &pol->faults[i];
        if (strcmp(f->call, call) != 0)
            continue;
        if (f->nth != 0 && f->nth != n)
            continue;
        if (f->account && (!account || strcasecmp(f->account, account) != 0))
            continue;
        *status = f->status;
        return true;
    }
    return false;
}

void faults_reset(void)
{
    plat_mutex_lock(&faults_lock_m);
    n_counters = 0;
    memset(counters, 0, sizeof counters);
    plat_mutex_unlock(&faults_lock_m);
}
