/* SPDX-License-Identifier: MIT */
/* Per-thread reason text (see reason.h). */
#include "core/diag/reason.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char reason_text[REASON_MAX];
static _Thread_local int32_t last_status;
static _Thread_local int32_t pending_substatus, last_substatus;

void reason_set(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason_text, sizeof reason_text, fmt, ap);
    va_end(ap);
}

void reason_put(const char *text)
{
    if (text == reason_text)
        return;
    reason_concat(reason_text, sizeof reason_text, text ? text : "", (const char *)NULL);
}

size_t reason_concat(char *buf, size_t size, ...)
{
    if (!size)
        return 0;
    size_t len = 0;
    va_list ap;
    va_start(ap, size);
    for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *)) {
        size_t n = strlen(s);
        if (n > size - 1 - len)
            n = size - 1 - len;
        memmove(buf + len, s, n);
        len += n;
    }
    va_end(ap);
    buf[len] = '\0';
    return len;
}

const char *reason_get(void)
{
    return reason_text;
}

void reason_note_substatus(int32_t substatus)
{
    pending_substatus = substatus;
}

void reason_note_status(int32_t status)
{
    last_status = status;
    last_substatus = pending_substatus;
    pending_substatus = 0;
}

int32_t reason_last_status(void)
{
    return last_status;
}

int32_t reason_last_substatus(void)
{
    return last_substatus;
}
