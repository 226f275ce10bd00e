/* SPDX-License-Identifier: MIT */
/*
 * The YAML loader: reads a policy document with libyaml's document API,
 * turns libyaml's reader, scanner and parser errors into FILE:LINE:COLUMN
 * messages, runs the section code and hands back a finished policy or the
 * errors in file order. This file and its siblings in lib/policy are the only
 * code that sees libyaml.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "loader.h"
#include "yaml_values.h"

/* ---- Positions in the raw input ------------------------------------------------- */

/* 1-based line and column (in characters) of byte offset in input. */
static void offset_position(const char *input, size_t len, size_t offset, int *line, int *col)
{
    int l = 1, c = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char ch = (unsigned char)input[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= len || input[i + 1] != '\n'))) {
            l++;
            c = 1;
        } else if (ch != '\r' && (ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* The byte at 0-based line and character column (libyaml's mark), or -1. */
static int byte_at(const char *input, size_t len, size_t line, size_t col)
{
    size_t i = 0;
    for (size_t l = 0; l < line && i < len; i++)
        if (input[i] == '\n' || (input[i] == '\r' && (i + 1 >= len || input[i + 1] != '\n')))
            l++;
    for (size_t c = 0; i < len && c < col; c++) {
        i++;
        while (i < len && ((unsigned char)input[i] & 0xC0) == 0x80)
            i++;
    }
    return i < len ? (unsigned char)input[i] : -1;
}

static void syntax_error(struct ld *ld, const yaml_parser_t *p, const char *input, size_t len)
{
    const char *problem = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_MEMORY_ERROR) {
        ld_oom(ld);
        return;
    }
    if (p->error == YAML_READER_ERROR) {
        /* Reader errors carry only a byte offset. */
        size_t off = p->problem_offset;
        unsigned byte = off < len ? (unsigned char)input[off] : 0;
        int line, col;
        if (strstr(problem, "trailing") || strstr(problem, "incomplete")) {
            /* libyaml points at the bad continuation byte; the character
             * starts at the lead byte before it. */
            while (off > 0 && off < len + 1 && ((unsigned char)input[off - 1] & 0xC0) == 0x80)
                off--;
            if (off > 0 && (unsigned char)input[off - 1] >= 0xC0)
                off--;
            byte = off < len ? (unsigned char)input[off] : 0;
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col,
                        "not valid UTF-8: malformed or incomplete sequence starting with byte "
                        "0x%02X",
                        byte);
        } else if (strstr(problem, "leading")) {
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col, "not valid UTF-8: byte 0x%02X cannot start a character",
                        byte);
        } else if (strstr(problem, "UTF-8") || strstr(problem, "Unicode")) {
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col, "not valid UTF-8: %s", problem);
        } else {
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col, "invalid character U+%04X: %s", (unsigned)p->problem_value,
                        problem);
        }
        return;
    }
    yaml_mark_t m = p->problem_mark;
    int line = (int)m.line + 1, col = (int)m.column + 1;
    if (byte_at(input, len, m.line, m.column) == '\t') {
        ld_error_at(ld, line, col,
                    "tab character where YAML expects indentation or a value "
                    "(indent with spaces)");
        return;
    }
    if (p->context)
        ld_error_at(ld, line, col, "YAML syntax error: %s (%s at line %d)", problem, p->context,
                    (int)p->context_mark.line + 1);
    else
        ld_error_at(ld, line, col, "YAML syntax error: %s", problem);
}

/* ---- Building ------------------------------------------------------------------------ */

static void ld_release(struct ld *ld)
{
    free(ld->account_key);
    free(ld->account_sid_node);
    free(ld->group_key);
    free(ld->group_sid_node);
    free(ld->members);
    free(ld->account_groups);
}

/*
 * Parses and interprets input into a new policy (not finished). Every problem
 * ends up in ld->errors; the policy is returned even then, for the caller to
 * drop. NULL only when not even an empty policy could be made.
 */
static struct policy *build(struct ld *ld, const char *input, size_t len, const char *source)
{
    memset(ld, 0, sizeof *ld);
    ld->source = source;
    struct policy *pol = policy_new();
    if (!pol) {
        ld_oom(ld);
        return NULL;
    }
    ld->pol = pol;

    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser)) {
        ld_oom(ld);
        return pol;
    }
    /* Only UTF-8: a UTF-16 file would otherwise be decoded silently. */
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser, (const unsigned char *)input, len);
    if (!yaml_parser_load(&parser, &doc)) {
        syntax_error(ld, &parser, input, len);
        goto out;
    }
    ld->doc = &doc;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root) {
        ld_error_at(ld, 1, 1, "empty policy (it needs at least 'lsaemu: 1')");
        goto out_doc;
    }

    /* A policy is one document; a second one is a mistake worth naming. */
    yaml_document_t extra;
    if (!yaml_parser_load(&parser, &extra)) {
        syntax_error(ld, &parser, input, len);
    } else {
        yaml_node_t *second = yaml_document_get_root_node(&extra);
        if (second)
            ld_error(ld, second, "a second YAML document; a policy is a single document");
        yaml_document_delete(&extra);
    }

    ld_sections_define(ld, root);
    if (!ld->oom) {
        if (policy_prepare(pol, ld_report_clash, ld) < 0)
            ld_oom(ld);
        else
            ld_sections_resolve(ld);
    }
out_doc:
    yaml_document_delete(&doc);
    ld->doc = NULL;
out:
    yaml_parser_delete(&parser);
    ld_release(ld);
    return pol;
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

/* Sorts the errors into file order; adds the out-of-memory one if needed. */
static void finish_errors(struct ld *ld)
{
    if (ld->oom)
        ld_error_at(ld, 0, 0, "out of memory");
    qsort(ld->errors, ld->n_errors, sizeof *ld->errors, cmp_error);
}

static void to_public(const struct ld_error *e, const char *source, struct lsaemu_error *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->source, sizeof out->source, "%s", source);
    out->line = e->line;
    out->column = e->column;
    snprintf(out->text, sizeof out->text, "%s", e->text);
}

/* ---- Files --------------------------------------------------------------------------------- */

/* Reads a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            errno = ENOMEM;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        int saved = errno ? errno : EIO;
        free(buf);
        buf = NULL;
        errno = saved;
    }
    int saved = errno;
    fclose(f);
    errno = saved;
    *len = n;
    return buf;
}

static void unreadable(const char *path, int errnum, struct lsaemu_error *out)
{
    struct ld_error e = {0, 0, 0, ""};
    snprintf(e.text, sizeof e.text, "cannot read: %s", strerror(errnum));
    to_public(&e, path, out);
}

/* ---- Public functions ------------------------------------------------------------------------ */

struct policy *loader_load_string(const char *yaml, size_t len, const char *source,
                                  struct lsaemu_error *err)
{
    struct ld ld;
    if (!source)
        source = "<string>";
    struct policy *pol = build(&ld, yaml, len, source);
    if (!ld.n_errors && !ld.oom &&
        (policy_set_string(&pol->source, source) < 0 || policy_finish(pol) < 0))
        ld_oom(&ld);
    if (ld.n_errors || ld.oom) {
        finish_errors(&ld);
        if (err)
            to_public(&ld.errors[0], source, err);
        policy_unref(pol);
        pol = NULL;
    }
    free(ld.errors);
    return pol;
}

struct policy *loader_load_file(const char *path, struct lsaemu_error *err)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        if (err)
            unreadable(path, errno, err);
        return NULL;
    }
    struct policy *pol = loader_load_string(text, len, path, err);
    free(text);
    return pol;
}

struct policy *loader_default_policy(void)
{
    struct policy *pol = policy_new();
    if (!pol)
        return NULL;
    if (policy_set_string(&pol->source, "<default>") < 0 || policy_finish(pol) < 0) {
        policy_unref(pol);
        return NULL;
    }
    return pol;
}

int loader_check_string(const char *yaml, size_t len, const char *source,
                        void (*report)(const struct lsaemu_error *, void *), void *ctx)
{
    struct ld ld;
    if (!source)
        source = "<string>";
    struct policy *pol = build(&ld, yaml, len, source);
    finish_errors(&ld);
    for (size_t i = 0; i < ld.n_errors; i++) {
        struct lsaemu_error pub;
        to_public(&ld.errors[i], source, &pub);
        if (report)
            report(&pub, ctx);
    }
    int n = (int)ld.n_errors;
    free(ld.errors);
    policy_unref(pol);
    return n;
}

int loader_check_file(const char *path, void (*report)(const struct lsaemu_error *, void *),
                      void *ctx)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        struct lsaemu_error pub;
        unreadable(path, errno, &pub);
        if (report)
            report(&pub, ctx);
        return -1;
    }
    int n = loader_check_string(text, len, path, report, ctx);
    free(text);
    return n;
}
