/* SPDX-License-Identifier: MIT */
/* The call trace (see trace.h). One write per line, so lines from several
 * threads never interleave. */
#include "core/diag/trace.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/plat_thread.h"
#include "core/diag/diag_line.h"
#include "core/diag/diag_out.h"
#include "base/mem.h"
#include "core/model/status.h"
#include "base/utf.h"

static plat_once_flag trace_once = PLAT_ONCE_INIT;
static struct diag_out trace_out = DIAG_OUT_INIT("LSAEMU_TRACE", "tracing is off");

/* This thread's arguments for the current call, as formatted: they are
 * escaped with the rest of the line in trace_call(). The line keeps a heap
 * block only while a long argument list needs one; trace_call() frees it. */
static _Thread_local struct diag_line trace_args_line;

/* Copies made by trace_wstr() for the current call, freed by trace_call(). */
struct trace_copy {
    struct trace_copy *next;
    char text[];
};
static _Thread_local struct trace_copy *trace_copies;

static void trace_open(void)
{
    diag_out_open(&trace_out);
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
    plat_once(&trace_once, trace_open);
    return diag_out_on(&trace_out);
}

static struct diag_line *args_line(void)
{
    struct diag_line *l = &trace_args_line;
    if (!l->buf)
        diag_line_init(l, NULL);
    return l;
}

void trace_args(const char *fmt, ...)
{
    if (!trace_enabled())
        return;
    va_list ap;
    va_start(ap, fmt);
    diag_line_vprintf(args_line(), fmt, ap);
    va_end(ap);
}

/* Appends the WTF-8 form of n units at s to l; false when memory ran out. */
static bool put_wtf8(struct diag_line *l, const unsigned char *s, size_t n)
{
    if (!n)
        return true;
    char *text = utf16_to_wtf8((const uint16_t *)(const void *)s, n);
    if (!text)
        return false;
    diag_line_put(l, text, strlen(text));
    mem_free(text);
    return true;
}

const char *trace_wstr(const void *s, size_t n)
{
    if (!trace_enabled())
        return "";
    /* A U+0000 inside a counted string would end trace_args()'s %s: it is
     * written \x00 here, as the line's escaper writes the other controls. */
    const unsigned char *p = s;
    struct diag_line text;
    diag_line_init(&text, NULL);
    bool ok = true;
    size_t start = 0;
    for (size_t i = 0; ok && p && i < n; i++) {
        uint16_t u;
        memcpy(&u, p + 2 * i, 2);
        if (u)
            continue;
        ok = put_wtf8(&text, p + 2 * start, i - start);
        diag_line_put(&text, "\\x00", 4);
        start = i + 1;
    }
    if (ok && p)
        ok = put_wtf8(&text, p + 2 * start, n - start);
    struct trace_copy *c = NULL;
    if (ok && !text.lost)
        c = mem_malloc(sizeof *c + text.len + 1);
    if (c) {
        memcpy(c->text, text.buf, text.len);
        c->text[text.len] = '\0';
        c->next = trace_copies;
        trace_copies = c;
    }
    diag_line_free(&text);
    return c ? c->text : "<out of memory>";
}

const char *trace_wstrz(const void *s, size_t max)
{
    if (!s)
        return "(null)";
    if (!trace_enabled())
        return "";
    /* Unit by unit through memcpy: s need not be aligned. */
    size_t n = 0;
    uint16_t u;
    while (n <= max) {
        memcpy(&u, (const unsigned char *)s + 2 * n, 2);
        if (!u)
            break;
        n++;
    }
    return trace_wstr(s, n > max ? max : n);
}

/* Ends the call's trace state: arguments and copies go. */
static void trace_clear(void)
{
    diag_line_free(args_line());
    while (trace_copies) {
        struct trace_copy *next = trace_copies->next;
        mem_free(trace_copies);
        trace_copies = next;
    }
}

/* The line of a finished call; result_bool < 0 for a function that does
 * not return BOOL. */
static void trace_line(const char *fn, int32_t status, const char *reason, int result_bool,
                       uint32_t last_error)
{
    if (!trace_enabled()) {
        trace_clear();
        return;
    }
    struct diag_line *args = args_line();
    const char *name = status_name(status);
    char hex[16];
    snprintf(hex, sizeof hex, "0x%08X", (unsigned)status);
    struct diag_line line;
    diag_line_init(&line, &trace_out);
    diag_line_printf(&line, "lsaemu[%ld] tid=%ld ", plat_pid(), plat_thread_id());
    diag_line_text(&line, fn, strlen(fn));
    diag_line_put(&line, "(", 1);
    diag_line_text(&line, args->buf, args->len);
    if (args->lost)
        diag_line_printf(&line, " <%zu bytes of arguments not shown: out of memory>",
                         args->lost);
    diag_line_printf(&line, ") = %s (%s)", name ? name : hex, hex);
    if (result_bool >= 0) {
        /* What the caller sees: the BOOL, and GetLastError() when it says
         * something (TRUE with ERROR_NOT_ALL_ASSIGNED does). */
        diag_line_printf(&line, " -> %s", result_bool ? "TRUE" : "FALSE");
        if (last_error) {
            const char *err_name = status_win32_name(last_error);
            diag_line_printf(&line, " (%lu %s)", (unsigned long)last_error,
                             err_name ? err_name : "?");
        }
    }
    if (reason && *reason) {
        diag_line_put(&line, ": ", 2);
        diag_line_text(&line, reason, strlen(reason));
    }
    diag_line_put(&line, "\n", 1);
    diag_out_write(&trace_out, line.buf, line.len);
    diag_line_free(&line);
    trace_clear();
}

void trace_call(const char *fn, int32_t status, const char *reason)
{
    trace_line(fn, status, reason, -1, 0);
}

void trace_call_bool(const char *fn, int32_t status, const char *reason, bool ok,
                     uint32_t last_error)
{
    trace_line(fn, status, reason, ok ? 1 : 0, last_error);
}
