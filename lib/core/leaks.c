/* SPDX-License-Identifier: MIT */
/* The LSAEMU_LEAKS report (see leaks.h). */
#include "leaks.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

struct leak_report {
    const char *dest;
    FILE *out;  /* opened at the first line, so nothing is created when clean */
    int failed; /* the destination could not be opened */
    unsigned long count[LEAK_KIND_COUNT];
};

void leak_line(struct leak_report *r, enum leak_kind kind, const char *fmt, ...)
{
    r->count[kind]++;
    if (!r->out && !r->failed) {
        if (strcmp(r->dest, "1") == 0 || strcmp(r->dest, "stderr") == 0)
            r->out = stderr;
        else
            r->out = fopen(r->dest, "a");
        if (!r->out) {
            r->failed = 1;
            fprintf(stderr, "lsaemu: LSAEMU_LEAKS=%s cannot be opened; leaks go to stderr\n",
                    r->dest);
            r->out = stderr;
        }
    }
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(r->out, "lsaemu: leak: %s\n", line);
}

/* Tries `try_take` for about a second. */
static int take_patiently(int (*try_take)(void *), void *lock)
{
    for (int i = 0; i < 1000; i++) {
        if (try_take(lock) == 0)
            return 0;
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    fprintf(stderr, "lsaemu: leak report incomplete: another thread is still inside a call\n");
    return -1;
}

static int try_mutex(void *m)
{
    return pthread_mutex_trylock(m);
}

static int try_read(void *l)
{
    return pthread_rwlock_tryrdlock(l);
}

int leaks_lock(pthread_mutex_t *m)
{
    return take_patiently(try_mutex, m);
}

int leaks_rdlock(pthread_rwlock_t *l)
{
    return take_patiently(try_read, l);
}

static const char *plural(unsigned long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

unsigned long leaks_report(const char *dest)
{
    struct leak_report r;
    memset(&r, 0, sizeof r);
    r.dest = dest;
    handles_leaks(&r);
    sessions_leaks(&r);
    retbuf_leaks(&r);
    unsigned long total = 0;
    for (int k = 0; k < LEAK_KIND_COUNT; k++)
        total += r.count[k];
    if (r.out) {
        fprintf(r.out,
                "lsaemu: %lu %s not released: %lu LSA %s, %lu token %s, %lu policy %s, "
                "%lu logon %s, %lu %s\n",
                total, plural(total, "object", "objects"), r.count[LEAK_LSA_HANDLE],
                plural(r.count[LEAK_LSA_HANDLE], "handle", "handles"),
                r.count[LEAK_TOKEN_HANDLE], plural(r.count[LEAK_TOKEN_HANDLE], "handle", "handles"),
                r.count[LEAK_POLICY_HANDLE],
                plural(r.count[LEAK_POLICY_HANDLE], "handle", "handles"), r.count[LEAK_SESSION],
                plural(r.count[LEAK_SESSION], "session", "sessions"), r.count[LEAK_BUFFER],
                plural(r.count[LEAK_BUFFER], "buffer", "buffers"));
        if (r.out == stderr)
            fflush(stderr);
        else
            fclose(r.out);
    }
    return total;
}

/* Runs at exit (and when the library is unloaded). */
__attribute__((destructor)) static void leaks_at_exit(void)
{
    const char *dest = getenv("LSAEMU_LEAKS");
    if (!dest || !*dest || strcmp(dest, "0") == 0)
        return;
    leaks_report(dest);
}
