/* SPDX-License-Identifier: MIT */
/*
 * The YAML loader: reads a policy with libyaml's event API, turns libyaml's
 * reader, scanner and parser errors into FILE:LINE:COLUMN messages, runs the
 * section code and hands back a finished policy or the errors in file order. This file and its siblings in lib/policy are the only
 * code that sees libyaml.
 */
#include "config.h"
#include "core/mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* A libyaml error, from the parser or from our own composing (anchors). */
struct syn {
    yaml_error_type_t error;
    const char *problem;
    size_t problem_offset;
    int problem_value;
    yaml_mark_t problem_mark;
    const char *context;
    yaml_mark_t context_mark;
};

static void syntax_error(struct ld *ld, const struct syn *p, const char *input, size_t len)
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

/* ---- Reading events into nodes ----------------------------------------------------------- */

/*
 * The loader reads libyaml's events, not its document: a document costs a
 * malloc per node, per item stack and per string, and freeing them all
 * again; the whole-document tree also outweighs the policy several times.
 * Nodes (struct yn) come from arenas instead, and the entries of groups:
 * and accounts: -- nearly all of a large policy -- are defined one at a time
 * as they are read, each in a scratch arena that is emptied after it.
 *
 * Streaming must report exactly what the whole-document reading reported,
 * which interpreted groups before accounts and reported nothing but the
 * version error for a wrong version. Where streaming could differ -- a group
 * clashing with an account streamed before it, a wrong version, anchors and
 * aliases (whose nodes may sit in an entry already gone) -- the reader sets
 * ld->restart and the input is read again as one tree ("tree mode"), on the
 * same section code. Those inputs are rare and either wrong or small.
 */
struct anchor {
    const char *name;
    struct yn *node;
    yaml_mark_t mark;
};

struct rd {
    struct ld *ld;
    yaml_parser_t parser;
    /* The input: a text in memory, or a file read as libyaml goes (its text
     * is read whole only to place an error). */
    const char *input;
    size_t len;
    FILE *file;
    const char *path;
    char *owned;
    bool tree;   /* tree mode: anchors allowed, nothing streamed */
    bool failed; /* a libyaml (or composing) error is in syn */
    struct syn syn;

    /* Items of the collections being built, innermost last. */
    struct yn **items;
    size_t n_items, cap_items;
    struct open {
        struct yn *node;
        size_t first; /* its first item in items */
    } *open;
    size_t n_open, cap_open;

    struct anchor *anchors;
    size_t n_anchors, cap_anchors;
};

static char *read_file(const char *path, size_t *len);

/* Reports the libyaml error in s, with the input at hand for positions. */
static void report_syntax(struct rd *r, const struct syn *s)
{
    if (!r->input) {
        r->owned = read_file(r->path, &r->len);
        r->input = r->owned;
        if (!r->input)
            r->len = 0;
    }
    syntax_error(r->ld, s, r->input ? r->input : "", r->len);
}

static bool next_event(struct rd *r, yaml_event_t *e)
{
    if (yaml_parser_parse(&r->parser, e))
        return true;
    const yaml_parser_t *p = &r->parser;
    r->failed = true;
    r->syn = (struct syn){p->error,         p->problem,      p->problem_offset, p->problem_value,
                          p->problem_mark, p->context,      p->context_mark};
    return false;
}

static void composer_error(struct rd *r, const char *context, yaml_mark_t context_mark,
                           const char *problem, yaml_mark_t problem_mark)
{
    r->failed = true;
    r->syn = (struct syn){YAML_COMPOSER_ERROR, problem, 0, 0, problem_mark, context, context_mark};
}

static const char *event_anchor(const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_SCALAR_EVENT:
        return (const char *)e->data.scalar.anchor;
    case YAML_SEQUENCE_START_EVENT:
        return (const char *)e->data.sequence_start.anchor;
    case YAML_MAPPING_START_EVENT:
        return (const char *)e->data.mapping_start.anchor;
    default:
        return NULL;
    }
}

/* As libyaml's document loader: a second anchor of the same name is an error. */
static bool register_anchor(struct rd *r, const char *name, struct yn *node, yaml_mark_t mark)
{
    for (size_t i = 0; i < r->n_anchors; i++)
        if (!strcmp(r->anchors[i].name, name)) {
            composer_error(r, "found duplicate anchor; first occurrence", r->anchors[i].mark,
                           "second occurrence", mark);
            return false;
        }
    if (r->n_anchors == r->cap_anchors) {
        size_t cap = r->cap_anchors ? r->cap_anchors * 2 : 8;
        struct anchor *grown = mem_realloc(r->anchors, cap * sizeof *grown);
        if (!grown) {
            ld_oom(r->ld);
            return false;
        }
        r->anchors = grown;
        r->cap_anchors = cap;
    }
    size_t n = strlen(name);
    char *copy = ld_alloc(r->ld, &r->ld->keep, n + 1);
    if (!copy)
        return false;
    memcpy(copy, name, n + 1);
    r->anchors[r->n_anchors++] = (struct anchor){copy, node, mark};
    return true;
}

static bool push_item(struct rd *r, struct yn *node)
{
    if (r->n_items == r->cap_items) {
        size_t cap = r->cap_items ? r->cap_items * 2 : 64;
        struct yn **grown = mem_realloc(r->items, cap * sizeof *grown);
        if (!grown) {
            ld_oom(r->ld);
            return false;
        }
        r->items = grown;
        r->cap_items = cap;
    }
    r->items[r->n_items++] = node;
    return true;
}

static bool push_open(struct rd *r, struct yn *node)
{
    if (r->n_open == r->cap_open) {
        size_t cap = r->cap_open ? r->cap_open * 2 : 16;
        struct open *grown = mem_realloc(r->open, cap * sizeof *grown);
        if (!grown) {
            ld_oom(r->ld);
            return false;
        }
        r->open = grown;
        r->cap_open = cap;
    }
    r->open[r->n_open++] = (struct open){node, r->n_items};
    return true;
}

/*
 * Builds the node that starts with event e (which this function deletes),
 * reading events up to its end, in arena a. NULL when libyaml failed
 * (r->failed), memory ran out (ld->oom) or streaming met an anchor or alias
 * (ld->restart).
 */
static struct yn *read_node(struct rd *r, yaml_event_t *e, struct ld_arena *a)
{
    struct ld *ld = r->ld;
    size_t depth = r->n_open;
    for (;;) {
        struct yn *node = NULL;
        bool opened = false;
        const char *anchor = event_anchor(e);
        if ((anchor || e->type == YAML_ALIAS_EVENT) && !r->tree) {
            ld->restart = true;
            goto fail;
        }
        switch (e->type) {
        case YAML_SCALAR_EVENT: {
            size_t n = e->data.scalar.length;
            node = ld_alloc(ld, a, sizeof *node + n + 1);
            if (!node)
                goto fail;
            char *v = (char *)(node + 1);
            memcpy(v, e->data.scalar.value, n);
            v[n] = '\0';
            node->type = YN_SCALAR;
            node->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            node->n = n;
            node->u.value = v;
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            node = ld_alloc(ld, a, sizeof *node);
            if (!node || !push_open(r, node))
                goto fail;
            node->type = e->type == YAML_MAPPING_START_EVENT ? YN_MAPPING : YN_SEQUENCE;
            node->plain = false;
            node->n = 0;
            node->u.items = NULL;
            opened = true;
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            struct open *o = &r->open[--r->n_open];
            node = o->node;
            node->n = r->n_items - o->first;
            if (node->n) {
                node->u.items = ld_alloc(ld, a, node->n * sizeof *node->u.items);
                if (!node->u.items)
                    goto fail;
                memcpy(node->u.items, r->items + o->first, node->n * sizeof *node->u.items);
            }
            r->n_items = o->first;
            break;
        }
        case YAML_ALIAS_EVENT: {
            const char *name = (const char *)e->data.alias.anchor;
            for (size_t i = 0; i < r->n_anchors && !node; i++)
                if (!strcmp(r->anchors[i].name, name))
                    node = r->anchors[i].node;
            if (!node) {
                composer_error(r, NULL, e->start_mark, "found undefined alias", e->start_mark);
                goto fail;
            }
            break;
        }
        default:
            /* The parser never gives other events inside a node. */
            composer_error(r, NULL, e->start_mark, "unexpected event", e->start_mark);
            goto fail;
        }
        if (e->type != YAML_ALIAS_EVENT && e->type != YAML_SEQUENCE_END_EVENT &&
            e->type != YAML_MAPPING_END_EVENT) {
            node->line = (int)e->start_mark.line + 1;
            node->column = (int)e->start_mark.column + 1;
            if (anchor && !register_anchor(r, anchor, node, e->start_mark))
                goto fail;
        }
        yaml_event_delete(e);
        if (!opened) {
            if (r->n_open == depth)
                return node;
            if (!push_item(r, node))
                return NULL;
        }
        if (!next_event(r, e))
            return NULL;
    }
fail:
    yaml_event_delete(e);
    return NULL;
}

/* Reads one value into the scratch arena and drops it. */
static bool skip_node(struct rd *r, yaml_event_t *e)
{
    bool ok = read_node(r, e, &r->ld->scratch) != NULL;
    ld_arena_reset(&r->ld->scratch);
    return ok;
}

static bool stopped(const struct rd *r)
{
    return r->failed || r->ld->restart || r->ld->oom;
}

/* Defines the entries of groups: or accounts: as they are read; e is the
 * section's mapping start. */
static void stream_section(struct rd *r, yaml_event_t *e,
                           void (*define)(struct ld *, struct yn *, struct yn *))
{
    struct ld *ld = r->ld;
    yaml_event_delete(e);
    for (;;) {
        if (!next_event(r, e))
            return;
        if (e->type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(e);
            return;
        }
        struct yn *key = read_node(r, e, &ld->scratch);
        if (!key || !next_event(r, e))
            return;
        struct yn *value = read_node(r, e, &ld->scratch);
        if (!value)
            return;
        if (!ld->oom)
            define(ld, key, value);
        ld_arena_reset(&ld->scratch);
        if (ld->restart)
            return;
    }
}

/* The top-level mapping, streamed; e is its mapping start. */
static void stream_root(struct rd *r, yaml_event_t *e)
{
    struct ld *ld = r->ld;
    struct yn *vals[TK_COUNT] = {NULL}, *seen[TK_COUNT] = {NULL};
    struct yn *root = ld_alloc(ld, &ld->keep, sizeof *root);
    if (!root) {
        yaml_event_delete(e);
        return;
    }
    *root = (struct yn){.type = YN_MAPPING,
                        .line = (int)e->start_mark.line + 1,
                        .column = (int)e->start_mark.column + 1};
    yaml_event_delete(e);
    for (;;) {
        if (!next_event(r, e))
            return;
        if (e->type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(e);
            break;
        }
        struct yn *key = read_node(r, e, &ld->keep);
        if (!key || !next_event(r, e))
            return;
        long i = ld_field_index(ld, key, NULL, ld_top_keys, TK_COUNT, seen);
        if (i < 0) {
            if (!skip_node(r, e))
                return;
            continue;
        }
        seen[i] = key;
        if ((i == TK_GROUPS || i == TK_ACCOUNTS) && e->type == YAML_MAPPING_START_EVENT &&
            !event_anchor(e)) {
            struct yn *pos = ld_alloc(ld, &ld->keep, sizeof *pos);
            if (!pos) {
                yaml_event_delete(e);
                return;
            }
            *pos = (struct yn){.type = YN_MAPPING,
                               .line = (int)e->start_mark.line + 1,
                               .column = (int)e->start_mark.column + 1};
            vals[i] = pos;
            if (i == TK_GROUPS) {
                ld->groups_done = true;
                stream_section(r, e, ld_define_group);
            } else {
                ld->accounts_done = true;
                stream_section(r, e, ld_define_account);
            }
        } else {
            vals[i] = read_node(r, e, &ld->keep);
        }
        if (stopped(r))
            return;
    }
    /* A wrong version reports nothing else: the tree reading knows what. */
    if (!ld_sections_define(ld, root, vals))
        ld->restart = true;
}

/*
 * Reads the input and interprets the first document; checks that there is
 * no second one. Returns false when libyaml failed inside the first
 * document: then only that error counts.
 */
static bool read_document(struct rd *r)
{
    struct ld *ld = r->ld;
    yaml_event_t e;
    if (!next_event(r, &e))
        return false;
    yaml_event_delete(&e); /* stream start */
    if (!next_event(r, &e))
        return false;
    if (e.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&e);
        ld_error_at(ld, 1, 1, "empty policy (it needs at least 'lsaemu: 1')");
        return true;
    }
    yaml_event_delete(&e); /* document start */
    if (!next_event(r, &e))
        return false;
    struct yn *root = NULL;
    if (!r->tree && e.type == YAML_MAPPING_START_EVENT && !event_anchor(&e)) {
        stream_root(r, &e);
    } else if (!(root = read_node(r, &e, &ld->keep))) {
        return !r->failed;
    }
    if (stopped(r))
        return !r->failed;
    if (!next_event(r, &e))
        return false;
    yaml_event_delete(&e); /* document end */

    /* A policy is one document; a second one is a mistake worth naming. As
     * libyaml's loader, the second document is read whole, with its own
     * anchors, and nothing after it. */
    r->n_anchors = 0;
    bool was_tree = r->tree;
    r->tree = true;
    if (next_event(r, &e)) {
        if (e.type == YAML_DOCUMENT_START_EVENT) {
            yaml_event_delete(&e);
            struct yn *second = next_event(r, &e) ? read_node(r, &e, &ld->scratch) : NULL;
            if (second) {
                ld_error(ld, second, "a second YAML document; a policy is a single document");
                if (next_event(r, &e))
                    yaml_event_delete(&e);
            }
        } else {
            yaml_event_delete(&e);
        }
    }
    r->tree = was_tree;
    if (r->failed) {
        report_syntax(r, &r->syn);
        r->failed = false;
    }
    ld_arena_reset(&ld->scratch);
    if (root)
        ld_sections_define(ld, root, NULL);
    return true;
}

/* ---- Building ------------------------------------------------------------------------ */

static void ld_release(struct ld *ld)
{
    mem_free(ld->account_key);
    mem_free(ld->account_sid_node);
    mem_free(ld->group_key);
    mem_free(ld->group_sid_node);
    mem_free(ld->members);
    mem_free(ld->account_groups);
    ld_arena_free(&ld->keep);
    ld_arena_free(&ld->scratch);
}

/* One reading of the input, streamed or as one tree (see above). */
static struct policy *build_once(struct ld *ld, const char *input, size_t len, FILE *file,
                                 const char *source, bool tree)
{
    memset(ld, 0, sizeof *ld);
    ld->source = source;
    ld->streaming = !tree;
    struct policy *pol = policy_new();
    if (!pol) {
        ld_oom(ld);
        return NULL;
    }
    ld->pol = pol;

    struct rd r;
    memset(&r, 0, sizeof r);
    r.ld = ld;
    r.input = input;
    r.len = len;
    r.file = file;
    r.path = source;
    r.tree = tree;
    if (!yaml_parser_initialize(&r.parser)) {
        ld_oom(ld);
        return pol;
    }
    /* Only UTF-8: a UTF-16 file would otherwise be decoded silently. */
    yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
    if (file) {
        rewind(file);
        yaml_parser_set_input_file(&r.parser, file);
    } else {
        yaml_parser_set_input_string(&r.parser, (const unsigned char *)input, len);
    }
    bool ok = read_document(&r);
    if (!ok && !ld->restart) {
        /* Nothing but the YAML error: the document was never complete. */
        ld->n_errors = 0;
        ld->oom = false;
        if (file && ferror(file)) {
            ld_error_at(ld, 0, 0, "cannot read: %s", strerror(errno ? errno : EIO));
        } else {
            report_syntax(&r, &r.syn);
        }
    } else if (!ld->restart && !ld->oom) {
        ld_arena_reset(&ld->scratch);
        if (policy_prepare(pol, ld_report_clash, ld) < 0)
            ld_oom(ld);
        else
            ld_sections_resolve(ld);
    }
    yaml_parser_delete(&r.parser);
    mem_free(r.owned);
    mem_free(r.items);
    mem_free(r.open);
    mem_free(r.anchors);
    return pol;
}

/*
 * Parses and interprets input into a new policy (not finished). Every problem
 * ends up in ld->errors; the policy is returned even then, for the caller to
 * drop. NULL only when not even an empty policy could be made.
 */
static struct policy *build(struct ld *ld, const char *input, size_t len, FILE *file,
                            const char *source)
{
    struct policy *pol = build_once(ld, input, len, file, source, false);
    if (ld->restart) {
        policy_unref(pol);
        mem_free(ld->errors);
        ld_release(ld);
        pol = build_once(ld, input, len, file, source, true);
    }
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
    /* errors is NULL when there are none: qsort's pointer must be valid. */
    if (ld->n_errors > 1)
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
    char *buf = mem_malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = mem_realloc(buf, cap * 2);
        if (!grown) {
            mem_free(buf);
            buf = NULL;
            errno = ENOMEM;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        int saved = errno ? errno : EIO;
        mem_free(buf);
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

/* Opens path for streaming; NULL with errno set when it cannot be read,
 * and also (errno 0) for what is not a regular file, which is read whole so
 * that its read error is reported as before. */
static FILE *open_stream(const char *path)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f)
        return NULL;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        errno = 0;
        return NULL;
    }
    return f;
}

/* Loads from text or from file (then text is NULL). */
static struct policy *load(const char *yaml, size_t len, FILE *file, const char *source,
                           struct lsaemu_error *err)
{
    struct ld ld;
    struct policy *pol = build(&ld, yaml, len, file, source);
    if (!ld.n_errors && !ld.oom &&
        (policy_set_string(&pol->source, source) < 0 || policy_finish(pol) < 0))
        ld_oom(&ld);
    if (ld.oom) {
        /* Reported as such even when the failed allocation also caused other
         * errors (a name that could not be recorded is then "unknown"), and
         * without needing memory for the error list. */
        if (err) {
            struct ld_error e = {0, 0, 0, "out of memory while loading the policy"};
            to_public(&e, source, err);
        }
        policy_unref(pol);
        pol = NULL;
    } else if (ld.n_errors) {
        finish_errors(&ld);
        if (err)
            to_public(&ld.errors[0], source, err);
        policy_unref(pol);
        pol = NULL;
    }
    mem_free(ld.errors);
    return pol;
}

struct policy *loader_load_string(const char *yaml, size_t len, const char *source,
                                  struct lsaemu_error *err)
{
    return load(yaml, len, NULL, source ? source : "<string>", err);
}

struct policy *loader_load_file(const char *path, struct lsaemu_error *err)
{
    FILE *f = open_stream(path);
    if (f) {
        struct policy *pol = load(NULL, 0, f, path, err);
        fclose(f);
        return pol;
    }
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        if (err)
            unreadable(path, errno, err);
        return NULL;
    }
    struct policy *pol = loader_load_string(text, len, path, err);
    mem_free(text);
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

static int check(const char *yaml, size_t len, FILE *file, const char *source,
                 void (*report)(const struct lsaemu_error *, void *), void *ctx)
{
    struct ld ld;
    struct policy *pol = build(&ld, yaml, len, file, source);
    finish_errors(&ld);
    for (size_t i = 0; i < ld.n_errors; i++) {
        struct lsaemu_error pub;
        to_public(&ld.errors[i], source, &pub);
        if (report)
            report(&pub, ctx);
    }
    int n = (int)ld.n_errors;
    mem_free(ld.errors);
    policy_unref(pol);
    return n;
}

int loader_check_string(const char *yaml, size_t len, const char *source,
                        void (*report)(const struct lsaemu_error *, void *), void *ctx)
{
    return check(yaml, len, NULL, source ? source : "<string>", report, ctx);
}

int loader_check_file(const char *path, void (*report)(const struct lsaemu_error *, void *),
                      void *ctx)
{
    FILE *f = open_stream(path);
    if (f) {
        int n = check(NULL, 0, f, path, report, ctx);
        fclose(f);
        return n;
    }
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
    mem_free(text);
    return n;
}
