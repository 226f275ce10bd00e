/* SPDX-License-Identifier: MIT */
/*
 * Where a diagnostic output goes: the file (or stderr) an environment
 * variable names, LSAEMU_TRACE and LSAEMU_AUDIT. It is opened once, by the
 * first line; every line is one write() on a descriptor opened with
 * O_APPEND, so the lines of threads and processes sharing the file never
 * mix.
 *
 * The three outputs (LSAEMU_LEAKS too, through diag_warn()) fail the same
 * way. When the destination cannot be opened, or a write to it fails later
 * (disk full, a file system gone read-only, a pipe whose reader left), one
 * line goes to stderr, once per variable and process:
 *
 *   lsaemu: LSAEMU_TRACE=/nonexistent/x: cannot open: No such file or directory; tracing is off
 *   lsaemu: LSAEMU_AUDIT=/dev/full: cannot write: No space left on device; auditing is off
 *
 * and that output stays off for the rest of the process. The emulated calls
 * answer exactly as they would without it. A file removed or renamed after it
 * was opened goes on receiving the lines, as any open file does.
 *
 * Nothing here blocks for ever or kills the process: a FIFO without a
 * reader is not waited for (it fails to open, ENXIO), and a write to a pipe
 * whose reader left fails with EPIPE instead of raising SIGPIPE.
 *
 * The structure is a static object of its owner; after diag_out_open() its
 * descriptor is read without a lock, and the only write is the one-time
 * `failed` flag, so the per-call path shares no written cache line.
 *
 * The files, the environment and SIGPIPE are the platform layer's
 * (base/plat_file.h, plat_env.h): on Windows the value may be a Windows or
 * (under Wine) a Unix path, and "stderr" is the process's standard error.
 */
#ifndef LSAEMU_CORE_DIAG_DIAG_OUT_H
#define LSAEMU_CORE_DIAG_DIAG_OUT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* Room for the variable's value, kept for the write-failure warning (a path
 * that opened is shorter than PATH_MAX). */
#define DIAG_OUT_VALUE_MAX 4096

struct diag_out {
    const char *var;         /* "LSAEMU_TRACE" */
    const char *consequence; /* "tracing is off" */
    int fd;                  /* -1: off (unset, or the open failed) */
    bool pipe;               /* a pipe or socket: SIGPIPE is held off */
    atomic_bool failed;      /* a write failed: off from then on */
    char value[DIAG_OUT_VALUE_MAX];
};

#define DIAG_OUT_INIT(var_, consequence_)                                                     \
    {                                                                                        \
        .var = (var_), .consequence = (consequence_), .fd = -1,                              \
    }

/*
 * The one reading of the variables that name an output (LSAEMU_TRACE,
 * LSAEMU_AUDIT, LSAEMU_LEAKS; README, "Environment variables"): unset,
 * empty or "0" is off; "1" or "stderr" is the process's stderr; anything
 * else is a file appended to (write ./1 for a file named 1).
 */
enum diag_dest { DIAG_DEST_OFF, DIAG_DEST_STDERR, DIAG_DEST_FILE };
enum diag_dest diag_dest_of(const char *value);

/* Reads o->var and opens its destination; warns when it cannot. Call once
 * (under the owner's pthread_once). */
void diag_out_open(struct diag_out *o);
/* Is the output on: opened, and no write has failed? */
bool diag_out_on(struct diag_out *o);
/* Writes n bytes whole (retrying short writes and EINTR); the first failure
 * warns and turns the output off. errno is preserved. */
void diag_out_write(struct diag_out *o, const char *s, size_t n);

/* Opens path for appending as the outputs do (created 0644, close-on-exec,
 * a FIFO without a reader refused rather than waited for): the platform's
 * plat_open_append() (base/plat_file.h). The descriptor, or -1 with errno
 * set. */
int diag_open_file(const char *path);

/* The one warning format: "lsaemu: VAR=VALUE: WHAT: strerror(err); CONSEQUENCE".
 * One fprintf to stderr; errno is preserved. */
void diag_warn(const char *var, const char *value, const char *what, int err,
               const char *consequence);

#endif
