/* SPDX-License-Identifier: MIT */
/* The call trace (see trace.h). One write per line, so lines from several
 * threads never interleave. */
#include "trace.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/status.h"

static pthread_once_t trace_once = PTHREAD_ONCE_INIT;
static int trace_fd = -1;
static _Thread_local char trace_buf[1024];
static _Thread_local size_t trace_len;

static void trace_open(void)
{
    const char *where = getenv("LSAEMU_TRACE");
    if (!where || !*where)
        return;
    if (strcmp(where, "stderr") == 0)
        trace_fd = STDERR_FILENO;
    else
        trace_fd = open(where, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

const char *trace_logon_type_name(unsigned type)
{
    static const char *const names[] = {
        NULL, NULL, "Interactive", "Network", "Batch", "Service", "Proxy", "Unlock",
        "NetworkCleartext", "NewCredentials", "RemoteInteractive", "CachedInteractive",
        "CachedRemoteInteractive", "CachedUnlock",
    };
    return type < sizeof names / sizeof names[0] && names[type] ? names[type] : "undefined";
}

int trace_enabled(void)
{
    pthread_once(&trace_once, trace_open);
    return trace_fd >= 0;
}

void trace_args(const char *fmt, ...)
{
    if (!trace_enabled() || trace_len >= sizeof trace_buf - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(trace_buf + trace_len, sizeof trace_buf - trace_len, fmt, ap);
    va_end(ap);
    if (n > 0)
        trace_len += (size_t)n < sizeof trace_buf - trace_len ? (size_t)n
                                                              : sizeof trace_buf - trace_len - 1;
}

void trace_call(const char *fn, int32_t status, const char *reason)
{
    if (!trace_enabled()) {
        trace_len = 0;
        return;
    }
    char line[2048];
    const char *name = status_name(status);
    char hex[16];
    snprintf(hex, sizeof hex, "0x%08X", (unsigned)status);
    int n = snprintf(line, sizeof line, "lsaemu[%ld] tid=%ld %s(%.*s) = %s (%s)%s%s\n",
                     (long)getpid(), (long)syscall(SYS_gettid), fn, (int)trace_len, trace_buf,
                     name ? name : hex, hex, reason && *reason ? ": " : "",
                     reason ? reason : "");
    trace_len = 0;
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
    if (line[len - 1] != '\n')
        line[len - 1] = '\n';
    ssize_t w = write(trace_fd, line, len);
    (void)w;
}
