/* SPDX-License-Identifier: MIT */
/*
 * The libyaml side of the loader, private to lib/policy/yaml_*.c (this
 * header includes <yaml.h>, which no other code may see): the reader's state,
 * a captured libyaml error, and the functions of the event reader
 * (yaml_reader.c), the document's top level (yaml_document.c) and the
 * wording of libyaml's errors (yaml_syntax.c).
 */
#ifndef LSAEMU_POLICY_YAML_READER_H
#define LSAEMU_POLICY_YAML_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <yaml.h>

#include "yaml_values.h"

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

/*
 * The loader reads libyaml's events, not its document: a document costs a
 * malloc per node, per item stack and per string, and freeing them all
 * again; the whole-document tree also outweighs the policy several times.
 * Nodes (struct yn) come from arenas instead, and the entries of groups:
 * and accounts: -- nearly all of a large policy -- are defined one at a time
 * as they are read, each in a scratch arena that is emptied after it (see
 * yaml_document.c for when that gives way to tree mode).
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

/* ---- The event reader (yaml_reader.c) -------------------------------------------- */

/* The next event; false (r->failed, the error in r->syn) when libyaml failed. */
bool rd_next_event(struct rd *r, yaml_event_t *e);
/* The anchor an event defines, or NULL. */
const char *rd_event_anchor(const yaml_event_t *e);
/*
 * Builds the node that starts with event e (which this function deletes),
 * reading events up to its end, in arena a. NULL when libyaml failed
 * (r->failed), memory ran out (ld->oom) or streaming met an anchor or alias
 * (ld->restart).
 */
struct yn *rd_read_node(struct rd *r, yaml_event_t *e, struct ld_arena *a);
/* Reports the libyaml error in s, reading a streamed file whole to place it. */
void rd_report_syntax(struct rd *r, const struct syn *s);

/* ---- The document (yaml_document.c) ---------------------------------------------- */

/*
 * Reads the input and interprets the first document; checks that there is
 * no second one. Returns false when libyaml failed inside the first
 * document: then only that error counts.
 */
bool rd_read_document(struct rd *r);

/* ---- libyaml's errors (yaml_syntax.c) -------------------------------------------- */

/* Records the libyaml error p as a message placed in input (len bytes). */
void ld_syntax_error(struct ld *ld, const struct syn *p, const char *input, size_t len);

#endif
