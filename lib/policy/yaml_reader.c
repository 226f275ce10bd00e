/* SPDX-License-Identifier: MIT */
/*
 * The event reader: pulls libyaml's events and builds the loader's own nodes
 * (struct yn) in an arena, one whole value at a time, with the anchors and
 * aliases of tree mode; captures libyaml's (and its own composing) errors
 * for yaml_syntax.c to word. It decides nothing about the document's shape
 * or what a key means: which values are streamed and which kept is
 * yaml_document.c's business.
 */
#include "config.h"
#include "core/mem.h"

#include <string.h>

#include "yaml_reader.h"

void rd_report_syntax(struct rd *r, const struct syn *s)
{
    if (!r->input) {
        r->owned = ld_read_file(r->path, &r->len);
        r->input = r->owned;
        if (!r->input)
            r->len = 0;
    }
    ld_syntax_error(r->ld, s, r->input ? r->input : "", r->len);
}

bool rd_next_event(struct rd *r, yaml_event_t *e)
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

const char *rd_event_anchor(const yaml_event_t *e)
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

struct yn *rd_read_node(struct rd *r, yaml_event_t *e, struct ld_arena *a)
{
    struct ld *ld = r->ld;
    size_t depth = r->n_open;
    for (;;) {
        struct yn *node = NULL;
        bool opened = false;
        const char *anchor = rd_event_anchor(e);
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
        if (!rd_next_event(r, e))
            return NULL;
    }
fail:
    yaml_event_delete(e);
    return NULL;
}
