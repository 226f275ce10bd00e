/* SPDX-License-Identifier: MIT */
/* Per-thread reason text (see reason.h). */
#include "reason.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char reason_text[REASON_MAX];

void reason_set(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason_text, sizeof reason_text, fmt, ap);
    va_end(ap);
}

void reason_put(const char *text)
{
    snprintf(reason_text, sizeof reason_text, "%s", text ? text : "");
}

const char *reason_get(void)
{
    return reason_text;
}
