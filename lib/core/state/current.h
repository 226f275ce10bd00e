/* SPDX-License-Identifier: MIT */
/*
 * The emulated machine now: the policy in force, the calling process's
 * token and logon session, and the thread's impersonation token.
 *
 * The policy is chosen once, lazily, at the first emulated call
 * (LSAEMU_POLICY, else the embedded default; LSAEMU_PROCESS picks the
 * process entry) unless an explicit load came first. A policy named by
 * LSAEMU_POLICY that cannot be loaded is reported once on stderr and makes
 * every call fail with STATUS_INTERNAL_DB_ERROR until a good explicit load.
 */
#ifndef LSAEMU_CORE_STATE_CURRENT_H
#define LSAEMU_CORE_STATE_CURRENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model/policy.h"
#include "core/state/token.h"

/*
 * A reference to the policy in force, for the duration of one call.
 * Returns 0, or STATUS_INTERNAL_DB_ERROR (the broken-environment state;
 * *pol is then NULL). Release with current_release().
 */
int32_t current_acquire(struct policy **pol);
/* After current_acquire() answered STATUS_INTERNAL_DB_ERROR: why, as the
 * line on stderr said ("LSAEMU_POLICY=... cannot be loaded: ...",
 * "LSAEMU_PROCESS=x names no entry of processes: in ..."). Static. */
const char *current_broken_why(void);
void current_release(struct policy *pol);

/*
 * Makes pol (whose reference the call takes over) the policy in force and
 * rebuilds the process token, running as the entry LSAEMU_PROCESS names, or
 * `default` when the variable is unset or empty. Returns 0; or, with nothing
 * changed and the reference dropped, CURRENT_NO_PROCESS when LSAEMU_PROCESS
 * names no entry of pol (loud, as at start-up: README), -1 when the process
 * token cannot be built (memory).
 */
#define CURRENT_NO_PROCESS (-2)
/*
 * The entry the environment makes the process run as, into buf:
 * "LSAEMU_TOKEN=<value>" when LSAEMU_TOKEN is set (a child of
 * CreateProcessAsUserW), else LSAEMU_PROCESS, else "default". -1 on
 * allocation failure or when it does not fit.
 */
int current_env_process(char *buf, size_t size);
/* The message for a name of current_env_process() that pol lacks, into
 * buf; source names the policy. */
void current_no_entry_message(char *buf, size_t size, const char *name, const char *source);
int current_install(struct policy *pol);

/*
 * Changes an account's password in the policy in force (a copy replaces
 * it; the process identity and every handle stay). Clears
 * password_expired and must_change_password. 0, or -1 on allocation failure
 * or when the account is gone.
 */
int current_change_password(const char *account, const uint8_t nt_hash[16], bool blank);

/*
 * Changes the policy in force through the Windows API (account rights,
 * passwords): mutate() receives an unfinished copy (policy_copy) to change
 * with the builder functions and returns 0 to keep the change or any other
 * value to abandon it. The copy is then finished and replaces the policy in
 * force; the process identity, handles and sessions stay. Returns mutate's
 * value, or -1 on allocation failure (nothing changes then). Changes are
 * serialised: two callers never lose each other's change.
 */
int current_mutate(int (*mutate)(struct policy *copy, void *ctx), void *ctx);

/* Makes the process run as entry name; -1 when there is none. */
int current_select_process(const char *name);

/* The token calls are evaluated against: the thread's impersonation token
 * when it has one, else the process token, with a reference the caller
 * drops with token_unref(); NULL only in the broken state. */
struct token *current_caller_token(void);
/*
 * The same token for a call that holds a policy from current_acquire(),
 * without touching its reference count when possible: the per-call paths
 * use this so that threads do not all write the process token's count.
 * *referenced says whether the caller must token_unref() the result. A
 * token returned without a reference stays valid until the caller's
 * current_release(), provided the thread does not change its own
 * impersonation meanwhile. NULL only in the broken state.
 */
struct token *current_caller_token_borrow(bool *referenced);
/* The process token, with a reference the caller drops with token_unref()
 * (NULL in the broken state). */
struct token *current_process_token(void);
/* The terminal session the process runs in. */
uint32_t current_process_session(void);

/* The thread's impersonation token, with a reference the caller drops with
 * token_unref() (may be NULL), and setting it (the slot takes over the
 * reference; NULL reverts). */
struct token *current_thread_token(void);
void current_set_thread_token(struct token *t);

/* "Now" for decisions: the policy's fixed time, else the real clock, moved
 * by what current_advance_clock() added since the last load or reset. */
int64_t current_now(const struct policy *pol);
/* Moves the emulated clock by seconds (lsaemu_advance_time()). */
void current_advance_clock(int64_t seconds);

/*
 * Where the policy a process starts with comes from: a function that
 * returns it with one reference (LSAEMU_POLICY, else the embedded default),
 * or NULL after writing a one-line explanation to message. The core knows
 * no policy source, since the loader is above it: the library's
 * initialisation registers one (control_init(), lib/control/init.c) before
 * any call can run. While none is registered, the lazy start-up reports the
 * missing initialisation on stderr and every call fails with
 * STATUS_INTERNAL_DB_ERROR, so a program can never silently run on a
 * policy other than the one LSAEMU_POLICY names.
 */
typedef struct policy *(*current_startup_fn)(char *message, size_t size);
void current_set_startup(current_startup_fn fn);

/* lsaemu_reset(): closes everything, keeps the policy; forgets the lockout
 * state and the clock offset. */
void current_reset(void);

#endif
