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

/*
 * The exported Windows functions that never consult the faults: they are
 * not emulated calls of the LSA but helpers that cannot fail in lsaemu
 * (the last error, code pages, the heap, counted strings, the lstr*W
 * family, status mapping), so a fault naming one could never fire. Sorted
 * (byte order). tests/check-fault-calls.sh checks that this list is
 * exactly the .sym's Windows functions that do not call api_enter().
 */
static const char *const never_fail[] = {
    "GetACP",           "GetCurrentProcess",    "GetCurrentThread",      "GetLastError",
    "GetOEMCP",         "GetProcessHeap",       "HeapAlloc",             "HeapFree",
    "HeapReAlloc",      "HeapSize",             "LocalAlloc",            "LsaNtStatusToWinError",
    "MultiByteToWideChar", "RtlInitAnsiString", "RtlInitString",         "RtlInitUnicodeString",
    "RtlNtStatusToDosError", "SetLastError",    "WideCharToMultiByte",   "lstrcatW",
    "lstrcmpW",         "lstrcmpiW",            "lstrcpyW",              "lstrcpynW",
    "lstrlenW",
};
#define N_NEVER_FAIL (sizeof never_fail / sizeof never_fail[0])

static int cmp_name(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

static bool in_sorted(const char *name, const char *const *names, size_t n)
{
    return bsearch(name, names, n, sizeof *names, cmp_name) != NULL;
}

enum faults_call faults_call_kind(const char *name)
{
    if (!in_sorted(name, faults_windows_names, faults_windows_count))
        return FAULTS_CALL_UNKNOWN;
    return in_sorted(name, never_fail, N_NEVER_FAIL) ? FAULTS_CALL_NEVER_FAILS : FAULTS_CALL_OK;
}

size_t faults_callable_count(void)
{
    return faults_windows_count;
}

const char *faults_callable_name(size_t i)
{
    const char *n = faults_windows_names[i];
    return in_sorted(n, never_fail, N_NEVER_FAIL) ? NULL : n;
}

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

/* Whether the name a call gives is the fault's account: the same text, or
 * any spelling that resolves to its SID ("WS1\alice" for alice). Asked
 * only of functions some fault names. */
static bool account_matches(const struct policy *pol, const struct fault *f, const char *account)
{
    if (!account)
        return false;
    if (strcasecmp(f->account, account) == 0)
        return true;
    struct sid sid;
    return f->has_account_sid && policy_resolve_principal(pol, account, &sid) &&
           sid_equal(&sid, &f->account_sid);
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
        if (f->account && !account_matches(pol, f, account))
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
