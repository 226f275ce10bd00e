/* SPDX-License-Identifier: MIT */
/*
 * The event reader: pulls libyaml's events and builds the loader's own nodes
 * (struct yn) in an arena, one whole value at a time, with the anchors and
 * aliases of tree mode (anchors found through a hash table); holds the
 * nesting depth and what aliases repeat to the limits of loader.h; captures
 * libyaml's (and its own composing) errors for yaml_syntax.c to word. It
 * decides nothing about the document's shape
 * or what a key means: which values are streamed and which kept is
 * yaml_document.c's business.
 */
#include "config.h"
#include "base/mem.h"
#include "base/array.h"

#include <string.h>

#include "loader/loader.h"
#include "loader/yaml_reader.h"

void rd_report_syntax(struct rd *r, const struct syn *s)
{
    if (!r->input) {
        /* Placed in the text libyaml read: without the byte-order mark. */
        r->owned = ld_read_stream(r->file, &r->len);
        size_t bom = r->owned ? ld_bom_length(r->owned, r->len) : 0;
        r->input = r->owned ? r->owned + bom : NULL;
        r->len = r->owned ? r->len - bom : 0;
    }
    ld_syntax_error(r->ld, s, r->input ? r->input : "", r->len);
}

static void limit_error(struct rd *r, enum rd_limit limit, yaml_mark_t mark)
{
    r->failed = true;
    r->syn = (struct syn){limit, YAML_COMPOSER_ERROR, NULL, 0, 0, mark, NULL, mark};
}

bool rd_next_event(struct rd *r, yaml_event_t *e)
{
    if (!yaml_parser_parse(&r->parser, e)) {
        const yaml_parser_t *p = &r->parser;
        r->failed = true;
        r->syn = (struct syn){RD_NO_LIMIT,      p->error,   p->problem,     p->problem_offset,
                              p->problem_value, p->problem_mark, p->context, p->context_mark};
        return false;
    }
    r->ld->work.events++;
    /* Checked on the events rather than inside the reader's node building:
     * every event passes here, those of streamed sections and of a second
     * document too. Stopping at the limit also stops libyaml's scanner, whose
     * work per token grows with the depth. */
    if (e->type == YAML_SEQUENCE_START_EVENT || e->type == YAML_MAPPING_START_EVENT) {
        if (++r->depth > LOADER_MAX_DEPTH) {
            limit_error(r, RD_DEPTH, e->start_mark);
            yaml_event_delete(e);
            return false;
        }
    } else if (e->type == YAML_SEQUENCE_END_EVENT || e->type == YAML_MAPPING_END_EVENT) {
        r->depth--;
    }
    return true;
}

static void composer_error(struct rd *r, const char *context, yaml_mark_t context_mark,
                           const char *problem, yaml_mark_t problem_mark)
{
    r->failed = true;
    r->syn = (struct syn){RD_NO_LIMIT, YAML_COMPOSER_ERROR, problem,     0,
                          0,           problem_mark,        context, context_mark};
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

/* FNV-1a: anchor names are short and chosen by people. */
static uint32_t name_hash(const char *name)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* The index of the anchor called name, or -1. */
static long find_anchor(struct rd *r, const char *name)
{
    r->ld->work.lookups++;
    if (!r->cap_slots)
        return -1;
    size_t mask = r->cap_slots - 1;
    for (size_t j = name_hash(name) & mask; r->slots[j]; j = (j + 1) & mask) {
        r->ld->work.lookups++;
        if (!strcmp(r->anchors[r->slots[j] - 1].name, name))
            return (long)r->slots[j] - 1;
    }
    return -1;
}

/* Puts anchor i into the table, which has a free slot. */
static void slot_anchor(struct rd *r, size_t i)
{
    size_t mask = r->cap_slots - 1, j = name_hash(r->anchors[i].name) & mask;
    while (r->slots[j])
        j = (j + 1) & mask;
    r->slots[j] = (uint32_t)i + 1;
}

/* Keeps the table at most half full. */
static bool grow_slots(struct rd *r)
{
    if ((r->n_anchors + 1) * 2 <= r->cap_slots)
        return true;
    size_t cap = r->cap_slots ? r->cap_slots * 2 : 16;
    uint32_t *slots = mem_calloc(cap, sizeof *slots);
    if (!slots) {
        ld_oom(r->ld);
        return false;
    }
    mem_free(r->slots);
    r->slots = slots;
    r->cap_slots = cap;
    for (size_t i = 0; i < r->n_anchors; i++)
        slot_anchor(r, i);
    return true;
}

void rd_forget_anchors(struct rd *r)
{
    r->n_anchors = 0;
    if (r->slots)
        memset(r->slots, 0, r->cap_slots * sizeof *r->slots);
}

/* As libyaml's document loader: a second anchor of the same name is an
 * error. The anchor's index goes to the collection node opens, if any. */
static bool register_anchor(struct rd *r, const char *name, struct yn *node, yaml_mark_t mark,
                            size_t size, struct open *opened)
{
    long dup = find_anchor(r, name);
    if (dup >= 0) {
        composer_error(r, "found duplicate anchor; first occurrence", r->anchors[dup].mark,
                       "second occurrence", mark);
        return false;
    }
    if (array_reserve(&r->anchors, &r->cap_anchors, r->n_anchors + 1, sizeof *r->anchors, 8) <
        0) {
        ld_oom(r->ld);
        return false;
    }
    if (!grow_slots(r))
        return false;
    size_t n = strlen(name);
    char *copy = ld_alloc(r->ld, &r->ld->keep, n + 1);
    if (!copy)
        return false;
    memcpy(copy, name, n + 1);
    r->anchors[r->n_anchors] = (struct anchor){copy, node, mark, size};
    slot_anchor(r, r->n_anchors);
    /* Fits: an anchor takes at least 3 of the LOADER_MAX_BYTES bytes. */
    r->n_anchors++;
    if (opened)
        opened->anchor = (uint32_t)r->n_anchors;
    return true;
}

/*
 * Whether a list read (or aliased) here is a shared list of the model: the
 * value of members: (a group's) or groups: (an account's). The references
 * code resolves such a node once, and the policy stores it once however
 * many groups or accounts use it (yaml_refs.c), so an alias of it repeats
 * no work and counts 1, not its size. A list under another key is read
 * again at every use (the workstations of each account, ...), and so is
 * text: those count what they repeat.
 */
static bool shared_list_slot(const struct rd *r, const struct yn *node)
{
    if (node->type != YN_SEQUENCE || !r->n_open)
        return false;
    const struct open *o = &r->open[r->n_open - 1];
    if (o->node->type != YN_MAPPING || (r->n_items - o->first) % 2 == 0)
        return false;
    const struct yn *key = r->items[r->n_items - 1];
    return key->type == YN_SCALAR &&
           (!strcmp(key->u.value, "members") || !strcmp(key->u.value, "groups"));
}

static bool push_item(struct rd *r, struct yn *node)
{
    if (array_reserve(&r->items, &r->cap_items, r->n_items + 1, sizeof *r->items, 64) < 0) {
        ld_oom(r->ld);
        return false;
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
    r->open[r->n_open++] = (struct open){node, r->n_items, 0, 0};
    return true;
}

/*
 * Besides building nodes, this measures what aliases repeat: each finished
 * node's size (1 + its text, or 1 + its items' sizes) is added to the open
 * collection around it, an anchor remembers the size of its node, and an
 * alias adds that size to alias_size, which must stay within
 * LOADER_MAX_ALIAS_SIZE. The nodes are shared, not copied, but what reads
 * them walks every alias, so this is the work aliases can cause -- except
 * for the member and group lists the model shares (shared_list_slot()),
 * which count 1 wherever they are repeated.
 */
struct yn *rd_read_node(struct rd *r, yaml_event_t *e, struct ld_arena *a)
{
    struct ld *ld = r->ld;
    size_t depth = r->n_open;
    for (;;) {
        struct yn *node = NULL;
        bool opened = false;
        size_t size = 0;
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
            node->memo = 0;
            node->n = n;
            node->u.value = v;
            size = 1 + n;
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            node = ld_alloc(ld, a, sizeof *node);
            if (!node || !push_open(r, node))
                goto fail;
            node->type = e->type == YAML_MAPPING_START_EVENT ? YN_MAPPING : YN_SEQUENCE;
            node->plain = false;
            node->memo = 0;
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
            size = 1 + o->size;
            if (o->anchor)
                r->anchors[o->anchor - 1].size = size;
            if (shared_list_slot(r, node))
                size = 1;
            break;
        }
        case YAML_ALIAS_EVENT: {
            long i = find_anchor(r, (const char *)e->data.alias.anchor);
            if (i < 0) {
                composer_error(r, NULL, e->start_mark, "found undefined alias", e->start_mark);
                goto fail;
            }
            node = r->anchors[i].node;
            /* An alias inside its own anchor's node repeats what is read so far. */
            size = r->anchors[i].size && !shared_list_slot(r, node) ? r->anchors[i].size : 1;
            r->alias_size += size;
            if (r->alias_size > LOADER_MAX_ALIAS_SIZE) {
                limit_error(r, RD_ALIAS_SIZE, e->start_mark);
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
            if (anchor && !register_anchor(r, anchor, node, e->start_mark, size,
                                           opened ? &r->open[r->n_open - 1] : NULL))
                goto fail;
        }
        yaml_event_delete(e);
        if (!opened) {
            if (r->n_open > 0)
                r->open[r->n_open - 1].size += size;
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
