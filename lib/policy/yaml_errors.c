/* SPDX-License-Identifier: MIT */
/*
 * The loader's error list: records each problem with its 1-based position and
 * discovery order, remembers that memory ran out, puts the list into file
 * order at the end and copies an entry into the public struct lsaemu_error.
 * It knows nothing of YAML or of what a message means; where a position comes
 * from is the caller's business (a node, or yaml_syntax.c for libyaml's
 * errors).
 */
#include "config.h"
#include "core/mem.h"

#include "yaml_values.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsaemu.h"

void ld_oom(struct ld *ld)
{
    ld->oom = true;
}

static void add_error(struct ld *ld, int line, int column, const char *fmt, va_list ap)
{
    if (ld->n_errors == ld->cap_errors) {
        size_t cap = ld->cap_errors ? ld->cap_errors * 2 : 8;
        struct ld_error *grown = mem_realloc(ld->errors, cap * sizeof *grown);
        if (!grown) {
            ld_oom(ld);
            return;
        }
        ld->errors = grown;
        ld->cap_errors = cap;
    }
    struct ld_error *e = &ld->errors[ld->n_errors];
    e->line = line;
    e->column = column;
    e->seq = ld->n_errors++;
    vsnprintf(e->text, sizeof e->text, fmt, ap);
}

void ld_error_at(struct ld *ld, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, line, column, fmt, ap);
    va_end(ap);
}

void ld_error(struct ld *ld, const struct yn *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, node ? node->line : 0, node ? node->column : 0, fmt, ap);
    va_end(ap);
}

static int cmp_error(const void *a, const void *b)
{
    const struct ld_error *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void ld_errors_finish(struct ld *ld)
{
    if (ld->oom)
        ld_error_at(ld, 0, 0, "out of memory");
    /* errors is NULL when there are none: qsort's pointer must be valid. */
    if (ld->n_errors > 1)
        qsort(ld->errors, ld->n_errors, sizeof *ld->errors, cmp_error);
}

void ld_error_public(const struct ld_error *e, const char *source, struct lsaemu_error *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->source, sizeof out->source, "%s", source);
    out->line = e->line;
    out->column = e->column;
    snprintf(out->text, sizeof out->text, "%s", e->text);
}
