/* SPDX-License-Identifier: MIT */
/*
 * LSAEMU_TRACE=stderr|PATH: one line per emulated call with the process and
 * thread, the function, its arguments (secrets never appear), the result
 * name and value, and the reason. Read once, at the first traced call.
 */
#ifndef LSAEMU_API_TRACE_H
#define LSAEMU_API_TRACE_H

#include <stdint.h>

/* Appends printf-style text to this thread's argument list for the current
 * call (cleared by trace_call). Passwords must be passed as "<redacted>". */
void trace_args(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes the line for a finished call and clears the arguments. */
void trace_call(const char *fn, int32_t status, const char *reason);
/* "Interactive", "Network", ... for a SECURITY_LOGON_TYPE / LOGON32 value,
 * "undefined" for the others: trace lines name the type, not just its number. */
const char *trace_logon_type_name(unsigned type);
/* Is tracing on? Cheap after the first call. */
int trace_enabled(void);

#endif
