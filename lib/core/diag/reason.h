/* SPDX-License-Identifier: MIT */
/*
 * The per-thread explanation of the last decision (lsaemu_last_reason()).
 * Every emulated call sets it once it knows its answer; the text names the
 * rule that decided, the right and the principal that carried it, or the
 * account flag. Thread-local: no locking, no allocation.
 */
#ifndef LSAEMU_CORE_DIAG_REASON_H
#define LSAEMU_CORE_DIAG_REASON_H

#include <stddef.h>
#include <stdint.h>

#include "base/export.h"

#define REASON_MAX 512

/* Replaces this thread's reason (printf-style; truncated to REASON_MAX-1). */
void reason_set(const char *fmt, ...) LSAEMU_PRINTF(1, 2);
/* Replaces this thread's reason with a ready text. */
void reason_put(const char *text);
/* This thread's reason; "" before any call. */
const char *reason_get(void);

/*
 * The NTSTATUS of this thread's last decision, which lsaemu_last_status()
 * reports: BOOL functions such as LogonUserW hand back only its Win32
 * mapping, and a tool that explains a failure wants the status itself
 * (Windows keeps it in the TEB as LastStatusValue). Every call notes its
 * result when it ends (api_leave, lib/win32/api.c).
 */
void reason_note_status(int32_t status);
int32_t reason_last_status(void);
/*
 * The sub-status of the decision the current call is making (a logon's
 * SubStatus): noted before the call ends, it becomes the one
 * lsaemu_last_substatus() reports when reason_note_status() ends the call,
 * so a call that noted none reports 0.
 */
void reason_note_substatus(int32_t substatus);
int32_t reason_last_substatus(void);

/*
 * Writes the concatenation of the strings (a NULL ends the list) into buf,
 * truncated to size - 1 bytes and always terminated, exactly as
 * snprintf(buf, size, "%s%s...", ...) would; returns the length written.
 * For the texts of the logon path, where printf's machinery was a tenth of
 * a logon's cost.
 */
size_t reason_concat(char *buf, size_t size, ...);

#endif
