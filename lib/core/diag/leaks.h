/* SPDX-License-Identifier: MIT */
/*
 * LSAEMU_LEAKS: at process exit, one line for every LSA handle, token
 * handle, logon session and returned buffer the caller did not release,
 * naming the emulated call that produced it, and a summary line. Nothing is
 * printed when nothing leaked. The value is read as every output variable
 * is (diag_dest_of(): 1 or stderr, a file, 0 or empty for off), and
 * LSAEMU_LEAKS=fatal writes to stderr and makes a leak end the process
 * with a non-zero status.
 *
 * The handle table, the session registry and the returned-buffer registry
 * record leaks_call() with each object they create, and write their own
 * lines through leak_line().
 */
#ifndef LSAEMU_CORE_DIAG_LEAKS_H
#define LSAEMU_CORE_DIAG_LEAKS_H

#include <stdbool.h>

#include "base/export.h"

/* The emulated function this thread is running ("LogonUserW"), or NULL
 * outside every call. The string is a literal: it outlives the call. */
const char *leaks_call(void);
/* Enters fn; returns the previous value for leaks_leave(). */
const char *leaks_enter(const char *fn);
void leaks_leave(const char *previous);

enum leak_kind { LEAK_LSA_HANDLE, LEAK_TOKEN_HANDLE, LEAK_POLICY_HANDLE, LEAK_SESSION,
                 LEAK_BUFFER, LEAK_PROFILE_HANDLE, LEAK_KIND_COUNT };

struct leak_report;
/* One "lsaemu: leak: ..." line (fmt continues after that prefix). */
void leak_line(struct leak_report *r, enum leak_kind kind, const char *fmt, ...)
    LSAEMU_PRINTF(3, 4);

/*
 * What is open now, for lsaemu_leaks(): count[kind] (count may be NULL)
 * and, when text is not NULL, one "lsaemu: leak: ...\n" line per object
 * appended to it, as the exit report writes them; returns the total.
 * Nothing is written anywhere. Takes the registries' shard locks in turn
 * (leaks_take_shard()), so other threads may be inside calls.
 */
struct diag_line;
unsigned long leaks_now(unsigned long count[LEAK_KIND_COUNT], struct diag_line *text);

/* Writers of the lines, one per registry (called at exit, locks free). */
void handles_leaks(struct leak_report *r);
void sessions_leaks(struct leak_report *r);
void retbuf_leaks(struct leak_report *r);

/* Takes one shard lock of a registry for the report (for reading, when
 * shared), giving up after about a second: a thread still inside a call at
 * exit must not make the exit hang. 0 when taken (registry_unlock_read
 * releases it when shared, else registry_unlock). */
struct registry;
int leaks_take_shard(struct registry *r, unsigned shard, bool shared);

#endif
