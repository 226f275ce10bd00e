/* SPDX-License-Identifier: MIT */
/* Destinations of the diagnostic outputs (see diag_out.h). */
#include "core/diag/diag_out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/plat_env.h"
#include "base/plat_file.h"
#include "core/diag/diag_line.h"

int diag_open_file(const char *path)
{
    return plat_open_append(path);
}

enum diag_dest diag_dest_of(const char *value)
{
    if (!value || !*value || strcmp(value, "0") == 0)
        return DIAG_DEST_OFF;
    if (strcmp(value, "1") == 0 || strcmp(value, "stderr") == 0)
        return DIAG_DEST_STDERR;
    return DIAG_DEST_FILE;
}

void diag_out_open(struct diag_out *o)
{
    int saved = errno;
    const char *v = NULL;
    int fd;
    enum diag_dest dest;
    if (plat_env_get(o->var, &v) != 0) {
        diag_warn(o->var, "", "cannot read the variable", ENOMEM, o->consequence);
        goto out;
    }
    dest = diag_dest_of(v);
    if (dest == DIAG_DEST_OFF)
        goto out;
    if (dest == DIAG_DEST_STDERR) {
        fd = STDERR_FILENO;
    } else {
        fd = diag_open_file(v);
        if (fd < 0) {
            diag_warn(o->var, v, "cannot open", errno, o->consequence);
            goto out;
        }
    }
    /* When in doubt, a pipe: holding SIGPIPE off costs a few system calls. */
    struct plat_stat st;
    o->pipe = plat_fstat(fd, &st) != 0 || st.kind == PLAT_FILE_FIFO ||
              st.kind == PLAT_FILE_SOCKET;
    snprintf(o->value, sizeof o->value, "%s", v);
    o->fd = fd;
out:
    plat_env_free(v);
    errno = saved;
}

bool diag_out_on(struct diag_out *o)
{
    return o->fd >= 0 && !atomic_load_explicit(&o->failed, memory_order_relaxed);
}

/* write() to a pipe or socket: a reader that went away gives EPIPE, not a
 * SIGPIPE that would end the program. */
static ssize_t write_no_sigpipe(int fd, const char *s, size_t n)
{
    struct plat_sigpipe h;
    plat_sigpipe_hold(&h);
    ssize_t w = write(fd, s, n);
    int err = errno;
    plat_sigpipe_release(&h);
    errno = err;
    return w;
}

/* Writes n bytes whole, retrying short writes and EINTR; 0 or the errno of
 * the write that failed. */
static int write_all(int fd, bool pipe, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = pipe ? write_no_sigpipe(fd, s, n) : write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        /* write() returning 0 for a non-empty buffer makes no progress
         * either; it is reported as an I/O error. */
        if (w <= 0)
            return w < 0 ? errno : EIO;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

void diag_out_write(struct diag_out *o, const char *s, size_t n)
{
    if (!diag_out_on(o))
        return;
    int saved = errno;
    int err = write_all(o->fd, o->pipe, s, n);
    if (err && !atomic_exchange(&o->failed, true))
        diag_warn(o->var, o->value, "cannot write", err, o->consequence);
    errno = saved;
}

void diag_warn(const char *var, const char *value, const char *what, int err,
               const char *consequence)
{
    int saved = errno;
    /* Straight to the descriptor, SIGPIPE held off: stderr may be the very
     * pipe whose reader left, and the warning must not kill the program. */
    struct diag_line line;
    diag_line_init(&line, NULL);
    diag_line_printf(&line, "lsaemu: %s=%s: %s: %s; %s\n", var, value, what, strerror(err),
                     consequence);
    if (line.lost) {
        /* Out of memory for a very long value: the warning still goes out,
         * with the value shortened. */
        diag_line_free(&line);
        diag_line_printf(&line, "lsaemu: %s=%.200s...: %s: %s; %s\n", var, value, what,
                         strerror(err), consequence);
    }
    write_all(STDERR_FILENO, true, line.buf, line.len);
    diag_line_free(&line);
    errno = saved;
}
