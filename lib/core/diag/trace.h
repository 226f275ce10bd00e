/* SPDX-License-Identifier: MIT */
/*
 * LSAEMU_TRACE=1|stderr|PATH: one line per emulated call with the process
 * and thread, the function, its arguments (secrets never appear), the result
 * name and value (for a BOOL function also the BOOL and the last error),
 * and the reason. Read once, at the first traced call.
 *
 * One call is always exactly one line, of whatever length: the arguments
 * and the reason are escaped by the rules of diag_line_text()
 * (lib/core/diag/diag_line.h), so that no text a caller passes can break the line
 * or forge another, and nothing is cut. A destination that cannot be opened
 * or written is reported once on stderr and tracing stops
 * (lib/core/diag/diag_out.h).
 */
#ifndef LSAEMU_CORE_DIAG_TRACE_H
#define LSAEMU_CORE_DIAG_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/export.h"

/* Appends printf-style text to this thread's argument list for the current
 * call (cleared by trace_call). Passwords must be passed as "<redacted>".
 * Caller text goes in unescaped: trace_call() escapes the whole line. */
void trace_args(const char *fmt, ...) LSAEMU_PRINTF(1, 2);
/* Writes the line for a finished call and clears the arguments. */
void trace_call(const char *fn, int32_t status, const char *reason);
/* The same for a function that returns BOOL: the line goes on with what the
 * caller sees, " -> TRUE" or " -> FALSE", and the last error when it is not
 * 0, " (1385 ERROR_LOGON_TYPE_NOT_GRANTED)". */
void trace_call_bool(const char *fn, int32_t status, const char *reason, bool ok,
                     uint32_t last_error);
/*
 * n UTF-16 units of a caller's string, for a trace_args() "%s", converted so
 * that an unpaired surrogate stays visible (the line shows \ud800, where
 * the library's own conversion has U+FFFD) and a U+0000 inside the string
 * does not end it (it is written \x00). The text belongs to this
 * thread's trace and lives until trace_call(). "" when tracing is off,
 * "<out of memory>" when the copy cannot be made. s need not be aligned.
 */
const char *trace_wstr(const void *s, size_t n);
/* The same for a NUL-terminated string, read up to max units (the limit
 * the call itself reads to); "(null)" for NULL. */
const char *trace_wstrz(const void *s, size_t max);
/* "Interactive", "Network", ... for a SECURITY_LOGON_TYPE / LOGON32 value,
 * "undefined" for the others: trace lines name the type, not just its number. */
const char *trace_logon_type_name(unsigned type);
/* Is tracing on? Cheap after the first call. */
int trace_enabled(void);

#endif
