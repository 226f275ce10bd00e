/* SPDX-License-Identifier: MIT */
/*
 * The libyaml side of the loader, private to lib/loader/yaml_*.c (this
 * header includes <yaml.h>, which no other code may see): the reader's state,
 * a captured libyaml error, and the functions of the event reader
 * (yaml_reader.c), the document's top level (yaml_document.c) and the
 * wording of libyaml's errors (yaml_syntax.c).
 */
#ifndef LSAEMU_LOADER_YAML_READER_H
#define LSAEMU_LOADER_YAML_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <yaml.h>

#include "loader/yaml_values.h"

/* The loader's own limits (loader.h) that stop reading like a libyaml error. */
enum rd_limit { RD_NO_LIMIT, RD_DEPTH, RD_ALIAS_SIZE };

/* A libyaml error, from the parser or from our own composing (anchors), or
 * a limit (then limit is set, error is YAML_COMPOSER_ERROR and
 * problem_mark is where). */
struct syn {
    enum rd_limit limit;
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
    /* What an alias of it repeats (see LOADER_MAX_ALIAS_SIZE); 0 while the
     * node is still being read. */
    size_t size;
};

struct rd {
    struct ld *ld;
    yaml_parser_t parser;
    /* The input: a text in memory, or a file read as libyaml goes (its text
     * is read whole only to place an error). */
    const char *input;
    size_t len;
    FILE *file;
    struct ld_stream stream; /* how libyaml reads file */
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
        size_t first;    /* its first item in items */
        size_t size;     /* what its items would count if aliased */
        uint32_t anchor; /* 1 + the index of the anchor naming it, 0 = none */
    } *open;
    size_t n_open, cap_open;
    /* Collections open in the whole stream, checked against
     * LOADER_MAX_DEPTH as libyaml's events come. */
    size_t depth;

    /* The anchors of the document, found by name through a hash table of
     * 1 + their index (0: empty slot), cap_slots a power of two. */
    struct anchor *anchors;
    size_t n_anchors, cap_anchors;
    uint32_t *slots;
    size_t cap_slots;
    /* What the aliases read so far repeat, against LOADER_MAX_ALIAS_SIZE. */
    size_t alias_size;
};

/* ---- The event reader (yaml_reader.c) -------------------------------------------- */

/* The next event; false (r->failed, the error in r->syn) when libyaml failed
 * or the event would open a collection deeper than LOADER_MAX_DEPTH. */
bool rd_next_event(struct rd *r, yaml_event_t *e);
/* Forgets the anchors (a second document has its own). */
void rd_forget_anchors(struct rd *r);
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
