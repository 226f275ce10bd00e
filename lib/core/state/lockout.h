/* SPDX-License-Identifier: MIT */
/*
 * Account lockout state: the bad-password count of each account and when
 * it was locked out (behavior.md 5 step 2; the policy's lockout: section).
 * It is the one piece of account state the emulated machine changes by
 * itself, so it lives here rather than in the policy, keyed by the
 * account's SID: it survives the changes made through the Windows API
 * (a copy of the policy replaces the old one) and is forgotten by a load
 * and by lsaemu_reset(), which return the machine to what its policy says.
 *
 * Threads. A logon that succeeds for an account with no bad password
 * recorded -- nearly every logon -- writes nothing shared: it reads one
 * hint counter (lockout_read()), sees that no entry can be there and takes
 * no lock. Only a bad password, and a success or a read for an account
 * whose hint bucket is in use, take the table's lock. That lock is taken by
 * the fork handlers (lib/core/state/current.c).
 *
 * Times are Unix seconds from the caller's clock (current_now()).
 */
#ifndef LSAEMU_CORE_STATE_LOCKOUT_H
#define LSAEMU_CORE_STATE_LOCKOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model/policy.h"
#include "core/model/sid.h"

/* What the table says about one account now. */
struct lockout_view {
    uint32_t bad;      /* bad passwords counted within the window (0 once it has passed) */
    bool locked;       /* locked out now */
    int64_t locked_at; /* when it was locked (meaningful when locked) */
    int64_t unlock_at; /* when it unlocks by itself; 0 = never (duration 0) */
};

/* The state of sid under policy lp at now (all zero when nothing is
 * recorded, or the count has run out). */
void lockout_read(const struct sid *sid, const struct policy_lockout *lp, int64_t now,
                  struct lockout_view *out);

/* Counts a bad password for sid at now. Returns true when this one locked
 * the account (the count reached lp->threshold); *count receives the count
 * (may be NULL). Out of memory: nothing is counted, false. */
bool lockout_bad_password(const struct sid *sid, const struct policy_lockout *lp, int64_t now,
                          uint32_t *count);

/* A successful logon: forgets what is recorded for sid. */
void lockout_success(const struct sid *sid);

/* Forgets everything (a policy load, lsaemu_reset()). */
void lockout_reset(void);

/* Hooks for fork safety (see current.c). */
void lockout_lock(void);
void lockout_unlock(void);
void lockout_child_after_fork(void);

#endif
