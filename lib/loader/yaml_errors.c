/* SPDX-License-Identifier: MIT */
/*
 * The loader's error list: records each problem with its rank, its 1-based
 * position and discovery order, keeping only the first ones in report order
 * (one for a load, LOADER_MAX_ERRORS and a summary for a check), remembers
 * that memory ran out, puts the list into report order at the end and
 * copies an entry into the public struct lsaemu_error.
 *
 * Report order is root cause first (docs/policy-format.md, "Errors"): every
 * error that can be a cause comes before every name that names nothing
 * (LD_RANK_REFERENCE), because such a name is often only the knock-on of
 * another error -- the section that would have defined it misspelled, its
 * definition malformed. Within a rank, file order.
 * It knows nothing of YAML or of what a message means; where a position comes
 * from is the caller's business (a node, or yaml_syntax.c for libyaml's
 * errors).
 */
#include "config.h"
#include "base/array.h"
#include "base/mem.h"

#include "loader/loader.h"
#include "loader/yaml_values.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsaemu.h"

void ld_oom(struct ld *ld)
{
    ld->oom = true;
}

static int cmp_error(const void *a, const void *b)
{
    const struct ld_error *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The kept error last in report order. */
static size_t find_worst(const struct ld *ld)
{
    size_t w = 0;
    for (size_t i = 1; i < ld->n_errors; i++)
        if (cmp_error(&ld->errors[i], &ld->errors[w]) > 0)
            w = i;
    return w;
}

/*
 * Only the first keep_errors errors in report order are kept, so that an
 * input with a million mistakes costs no more memory than one with a
 * hundred, and a load (which reports one) keeps one. Which ones those are
 * does not depend on the order they are found in: an error before the worst
 * kept one in report order replaces it. An error that is not kept is not
 * even worded.
 */
static void add_error(struct ld *ld, enum ld_rank rank, int line, int column, const char *fmt,
                      va_list ap)
{
    size_t seq = ld->found_errors++;
    ld->work.errors++;
    struct ld_error *e;
    size_t keep = ld->keep_errors ? ld->keep_errors : 1;
    if (ld->n_errors < keep) {
        if (ld->n_errors == ld->cap_errors) {
            size_t cap = ld->cap_errors ? ld->cap_errors * 2 : 8;
            if (cap > keep)
                cap = keep;
            struct ld_error *grown = mem_realloc(ld->errors, cap * sizeof *grown);
            if (!grown) {
                ld_oom(ld);
                return;
            }
            ld->errors = grown;
            ld->cap_errors = cap;
        }
        e = &ld->errors[ld->n_errors++];
    } else {
        struct ld_error *w = &ld->errors[ld->worst];
        if (rank > w->rank ||
            (rank == w->rank &&
             (line > w->line || (line == w->line && column >= w->column))))
            return;
        e = w;
    }
    e->rank = rank;
    e->line = line;
    e->column = column;
    e->seq = seq;
    vsnprintf(e->text, sizeof e->text, fmt, ap);
    if (ld->n_errors == keep)
        ld->worst = find_worst(ld);
}

void ld_errors_clear(struct ld *ld)
{
    ld->n_errors = 0;
    ld->found_errors = 0;
    ld->worst = 0;
}

void ld_error_at(struct ld *ld, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, LD_RANK_CAUSE, line, column, fmt, ap);
    va_end(ap);
}

void ld_error(struct ld *ld, const struct yn *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, LD_RANK_CAUSE, node ? node->line : 0, node ? node->column : 0, fmt, ap);
    va_end(ap);
}

void ld_error_ref(struct ld *ld, const struct yn *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, LD_RANK_REFERENCE, node ? node->line : 0, node ? node->column : 0, fmt, ap);
    va_end(ap);
}

void ld_error_ref_at(struct ld *ld, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, LD_RANK_REFERENCE, line, column, fmt, ap);
    va_end(ap);
}

void ld_warning(struct ld *ld, const struct yn *node, const char *fmt, ...)
{
    size_t seq = ld->found_warnings++;
    if (!ld->want_warnings || ld->n_warnings > LOADER_MAX_ERRORS)
        return;
    if (array_reserve(&ld->warnings, &ld->cap_warnings, ld->n_warnings + 1,
                      sizeof *ld->warnings, 8) < 0) {
        ld_oom(ld);
        return;
    }
    struct ld_error *e = &ld->warnings[ld->n_warnings++];
    e->rank = LD_RANK_CAUSE;
    e->line = node ? node->line : 0;
    e->column = node ? node->column : 0;
    e->seq = seq;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->text, sizeof e->text, fmt, ap);
    va_end(ap);
}

void ld_warnings_finish(struct ld *ld)
{
    /* Only rights: warns, at most once per right (RIGHT_COUNT, fewer than
     * LOADER_MAX_ERRORS), in the order of the rights: into file order. */
    if (ld->n_warnings > 1)
        qsort(ld->warnings, ld->n_warnings, sizeof *ld->warnings, cmp_error);
    if (ld->found_warnings > LOADER_MAX_ERRORS && ld->n_warnings == LOADER_MAX_ERRORS + 1) {
        struct ld_error *e = &ld->warnings[LOADER_MAX_ERRORS];
        snprintf(e->text, sizeof e->text,
                 "more warnings follow (%zu in all); only the first %d are listed",
                 ld->found_warnings, LOADER_MAX_ERRORS);
    }
}

void ld_errors_finish(struct ld *ld)
{
    if (ld->oom)
        ld_error_at(ld, 0, 0, "out of memory");
    /* errors is NULL when there are none: qsort's pointer must be valid. */
    if (ld->n_errors > 1)
        qsort(ld->errors, ld->n_errors, sizeof *ld->errors, cmp_error);
    if (ld->check && ld->found_errors > LOADER_MAX_ERRORS &&
        ld->n_errors == LOADER_MAX_ERRORS + 1) {
        /* At the place of the first error not listed. */
        struct ld_error *e = &ld->errors[LOADER_MAX_ERRORS];
        snprintf(e->text, sizeof e->text,
                 "more errors follow (%zu in all); only the first %d are listed",
                 ld->found_errors, LOADER_MAX_ERRORS);
    }
}

void ld_too_large(struct ld_error *e)
{
    e->rank = LD_RANK_CAUSE;
    e->line = 1;
    e->column = 1;
    e->seq = 0;
    snprintf(e->text, sizeof e->text, "policy larger than %d MiB (%d bytes), lsaemu's limit",
             LOADER_MAX_BYTES / (1024 * 1024), LOADER_MAX_BYTES);
}

void ld_error_public(const struct ld_error *e, const char *source, struct lsaemu_error *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->source, sizeof out->source, "%s", source);
    out->line = e->line;
    out->column = e->column;
    snprintf(out->text, sizeof out->text, "%s", e->text);
}
