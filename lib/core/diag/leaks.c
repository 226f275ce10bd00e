/* SPDX-License-Identifier: MIT */
/* The LSAEMU_LEAKS report (see leaks.h). */
#include "core/diag/leaks.h"

#include "base/registry.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/plat_env.h"
#include "base/plat_file.h"
#include "base/plat_thread.h"
#include "core/diag/diag_line.h"
#include "core/diag/diag_out.h"

static _Thread_local const char *current_call;

const char *leaks_call(void)
{
    return current_call;
}

const char *leaks_enter(const char *fn)
{
    const char *prev = current_call;
    current_call = fn;
    return prev;
}

void leaks_leave(const char *previous)
{
    current_call = previous;
}

/* What the report does when its file fails (diag_warn()'s consequence). */
#define LEAKS_FALLBACK "the report goes to stderr"

struct leak_report {
    const char *dest;
    bool collect;            /* leaks_now(): lines go to `text`, nothing is written */
    struct diag_line *text;  /* leaks_now()'s lines; NULL: only counted */
    FILE *out;       /* opened at the first line, so nothing is created when clean */
    int to_stderr;   /* the report goes to stderr: asked for, or the file failed */
    int write_errno; /* the first failed write to the file, 0 if none */
    unsigned long count[LEAK_KIND_COUNT];
};

/* The report file, opened as the trace's and the audit's are (a FIFO
 * nobody reads is refused, not waited for); NULL with errno set. */
static FILE *open_report(const char *path)
{
    int fd = diag_open_file(path);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "ab");
    if (!f) {
        int err = errno;
        close(fd);
        errno = err;
    }
    return f;
}

void leak_line(struct leak_report *r, enum leak_kind kind, const char *fmt, ...)
{
    r->count[kind]++;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (r->collect) {
        if (r->text)
            diag_line_printf(r->text, "lsaemu: leak: %s\n", line);
        return;
    }
    if (!r->out) {
        if (r->to_stderr || diag_dest_of(r->dest) == DIAG_DEST_STDERR)
            r->out = stderr;
        else
            r->out = open_report(r->dest);
        if (!r->out) {
            /* The same warning as LSAEMU_TRACE and LSAEMU_AUDIT give
             * (lib/core/diag/diag_out.h); the report itself is not lost. */
            diag_warn("LSAEMU_LEAKS", r->dest, "cannot open", errno, LEAKS_FALLBACK);
            r->to_stderr = 1;
            r->out = stderr;
        }
    }
    if (fprintf(r->out, "lsaemu: leak: %s\n", line) < 0 && r->out != stderr && !r->write_errno)
        r->write_errno = errno ? errno : EIO;
}

int leaks_take_shard(struct registry *r, unsigned shard, bool shared)
{
    for (int i = 0; i < 1000; i++) {
        if (registry_trylock(r, shard, shared) == 0)
            return 0;
        plat_sleep_ms(1);
    }
    fprintf(stderr, "lsaemu: leak report incomplete: another thread is still inside a call\n");
    return -1;
}

static const char *plural(unsigned long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* One pass of the report into r (whose file the first line opens); returns
 * how many objects were reported. A file it opened is closed, and the
 * error of a write to it that failed is left in r->write_errno. */
static unsigned long report_once(struct leak_report *r)
{
    handles_leaks(r);
    sessions_leaks(r);
    retbuf_leaks(r);
    unsigned long total = 0;
    for (int k = 0; k < LEAK_KIND_COUNT; k++)
        total += r->count[k];
    if (!r->out)
        return total;
    const unsigned long *c = r->count;
    /* Profile handles (LoadUserProfile) are named only when some leaked, so
     * that the line of every program that loads none stays as it was. */
    char profiles[64] = "";
    if (c[LEAK_PROFILE_HANDLE])
        snprintf(profiles, sizeof profiles, ", %lu profile %s", c[LEAK_PROFILE_HANDLE],
                 plural(c[LEAK_PROFILE_HANDLE], "handle", "handles"));
    if (fprintf(r->out,
                "lsaemu: %lu %s not released: %lu LSA %s, %lu token %s, %lu policy %s, "
                "%lu logon %s, %lu %s%s\n",
                total, plural(total, "object", "objects"), c[LEAK_LSA_HANDLE],
                plural(c[LEAK_LSA_HANDLE], "handle", "handles"), c[LEAK_TOKEN_HANDLE],
                plural(c[LEAK_TOKEN_HANDLE], "handle", "handles"), c[LEAK_POLICY_HANDLE],
                plural(c[LEAK_POLICY_HANDLE], "handle", "handles"), c[LEAK_SESSION],
                plural(c[LEAK_SESSION], "session", "sessions"), c[LEAK_BUFFER],
                plural(c[LEAK_BUFFER], "buffer", "buffers"), profiles) < 0 &&
        r->out != stderr && !r->write_errno)
        r->write_errno = errno ? errno : EIO;
    if (r->out == stderr) {
        fflush(stderr);
    } else if (fclose(r->out) != 0 && !r->write_errno) {
        /* The buffered lines are written here: a full disk shows now. */
        r->write_errno = errno ? errno : EIO;
    }
    r->out = NULL;
    return total;
}

unsigned long leaks_now(unsigned long count[LEAK_KIND_COUNT], struct diag_line *text)
{
    struct leak_report r;
    memset(&r, 0, sizeof r);
    r.collect = true;
    r.text = text;
    handles_leaks(&r);
    sessions_leaks(&r);
    retbuf_leaks(&r);
    unsigned long total = 0;
    for (int k = 0; k < LEAK_KIND_COUNT; k++) {
        total += r.count[k];
        if (count)
            count[k] = r.count[k];
    }
    return total;
}

/* Writes the report now; returns how many objects were reported. dest:
 * "1"/"stderr" or a path (diag_dest_of()). */
static unsigned long leaks_report(const char *dest)
{
    /* The report may go to a pipe whose reader left (stderr, a FIFO): the
     * program must still exit as it meant to, not die of SIGPIPE. */
    struct plat_sigpipe hold;
    plat_sigpipe_hold(&hold);
    struct leak_report r;
    memset(&r, 0, sizeof r);
    r.dest = dest;
    unsigned long total = report_once(&r);
    if (r.write_errno) {
        /* The file took the report only in part, or not at all: say so
         * once, and give the whole report on stderr, as when the file
         * cannot be opened. */
        diag_warn("LSAEMU_LEAKS", dest, "cannot write", r.write_errno, LEAKS_FALLBACK);
        memset(&r, 0, sizeof r);
        r.dest = dest;
        r.to_stderr = 1;
        total = report_once(&r);
    }
    plat_sigpipe_release(&hold);
    return total;
}

/*
 * Runs at exit (and when the library is unloaded), in every process that
 * exits through exit() or a return from main(): a child forked by Check
 * (CK_FORK) reports what it holds as it ends its test, objects it inherited
 * from the parent included.
 *
 * LSAEMU_LEAKS=fatal reports on stderr and, when anything leaked, ends the
 * process with LEAKS_FATAL_STATUS, so that a test run whose every check
 * passed still fails (Check: "Early exit with return value 1"). _exit()
 * from a destructor is what makes the status reach the parent: exit()
 * has already taken the program's own status. stdio is flushed first, as
 * exit() would have.
 */
#define LEAKS_FATAL_STATUS 1
__attribute__((destructor)) static void leaks_at_exit(void)
{
    const char *dest = NULL;
    if (plat_env_get("LSAEMU_LEAKS", &dest) != 0)
        fprintf(stderr, "lsaemu: LSAEMU_LEAKS cannot be read: out of memory\n");
    bool fatal = dest && strcmp(dest, "fatal") == 0;
    unsigned long total = 0;
    if (fatal || diag_dest_of(dest) != DIAG_DEST_OFF)
        total = leaks_report(fatal ? "stderr" : dest);
    plat_env_free(dest);
    if (fatal && total > 0) {
        fprintf(stderr, "lsaemu: LSAEMU_LEAKS=fatal: exit status %d\n", LEAKS_FATAL_STATUS);
        fflush(NULL);
        _exit(LEAKS_FATAL_STATUS);
    }
}
