/* SPDX-License-Identifier: MIT */
/*
 * Time, the platform's way: the wall clock and its calendar form in UTC,
 * for the audit records' timestamps, the policy writer's dates and the
 * temporary names of atomic replacement. (The emulated machine's "now" is
 * time(), which both C runtimes have: core/state/current.c.)
 */
#ifndef LSAEMU_BASE_PLAT_TIME_H
#define LSAEMU_BASE_PLAT_TIME_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* The wall clock: seconds since 1970-01-01 UTC and the nanoseconds within
 * the second. */
void plat_realtime(int64_t *sec, long *nsec);

/* t (seconds since 1970, negative before) as a UTC calendar date in *tm
 * (gmtime_r); false when the system cannot represent it. On Windows, whose
 * C runtime stops at 1970 and 3000, the date is computed here, for every
 * year 1601 to 30827 that a FILETIME holds. */
bool plat_gmtime(int64_t t, struct tm *tm);

#endif
