/* SPDX-License-Identifier: MIT */
/*
 * Injected failures (the policy's `faults:` list). Each emulated function
 * asks faults_check() first; a matching fault makes the call fail with its
 * status before any other check and without changing any state.
 * Counting is per process and per function name: every call to a function
 * named by some fault advances that function's counter, and a fault with
 * `nth: N` fires on the N-th call (if its account matches).
 */
#ifndef LSAEMU_CORE_STATE_FAULTS_H
#define LSAEMU_CORE_STATE_FAULTS_H

#include <stdbool.h>
#include <stdint.h>

struct policy;

/*
 * Counts this call to `call` and returns true with *status set when a fault
 * of pol matches. account is the account name the call names (NULL when the
 * call names none or it is unknown); it matches case-insensitively.
 */
bool faults_check(const struct policy *pol, const char *call, const char *account,
                  int32_t *status);

/* Forgets every counter (lsaemu_reset, policy load). */
void faults_reset(void);

/* Hooks for fork safety (see current.c). */
void faults_lock(void);
void faults_unlock(void);

#endif
