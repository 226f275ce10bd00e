/* SPDX-License-Identifier: MIT */
/*
 * The document's top level: the first document of the stream, its top-level
 * keys dispatched to the section code (groups: and accounts: streamed one
 * entry at a time, the rest kept whole), and the check that no second
 * document follows. It knows which top-level keys are streamed and when
 * streaming must give way to a rerun in tree mode, but not what any section
 * means (yaml_sections.c) nor how events become nodes (yaml_reader.c).
 *
 * Streaming must report exactly what the whole-document reading reported,
 * which interpreted groups before accounts and reported nothing but the
 * version error for a wrong version. Where streaming could differ -- a group
 * clashing with an account streamed before it, a wrong version, anchors and
 * aliases (whose nodes may sit in an entry already gone) -- the reader sets
 * ld->restart and the input is read again as one tree ("tree mode"), on the
 * same section code. Those inputs are rare and either wrong or small.
 */
#include "config.h"

#include "loader/yaml_reader.h"

/* Reads one value into the scratch arena and drops it. */
static bool skip_node(struct rd *r, yaml_event_t *e)
{
    bool ok = rd_read_node(r, e, &r->ld->scratch) != NULL;
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
        if (!rd_next_event(r, e))
            return;
        if (e->type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(e);
            return;
        }
        struct yn *key = rd_read_node(r, e, &ld->scratch);
        if (!key || !rd_next_event(r, e))
            return;
        struct yn *value = rd_read_node(r, e, &ld->scratch);
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
        if (!rd_next_event(r, e))
            return;
        if (e->type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(e);
            break;
        }
        struct yn *key = rd_read_node(r, e, &ld->keep);
        if (!key || !rd_next_event(r, e))
            return;
        long i = ld_field_index(ld, key, NULL, ld_top_keys, TK_COUNT, seen);
        if (i < 0) {
            if (!skip_node(r, e))
                return;
            continue;
        }
        seen[i] = key;
        if ((i == TK_GROUPS || i == TK_ACCOUNTS) && e->type == YAML_MAPPING_START_EVENT &&
            !rd_event_anchor(e)) {
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
            vals[i] = rd_read_node(r, e, &ld->keep);
        }
        if (stopped(r))
            return;
    }
    /* A wrong version reports nothing else: the tree reading knows what. */
    if (!ld_sections_define(ld, root, vals))
        ld->restart = true;
}

bool rd_read_document(struct rd *r)
{
    struct ld *ld = r->ld;
    yaml_event_t e;
    if (!rd_next_event(r, &e))
        return false;
    yaml_event_delete(&e); /* stream start */
    if (!rd_next_event(r, &e))
        return false;
    if (e.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&e);
        ld_error_at(ld, 1, 1, "empty policy (it needs at least 'lsaemu: 1')");
        return true;
    }
    yaml_event_delete(&e); /* document start */
    if (!rd_next_event(r, &e))
        return false;
    struct yn *root = NULL;
    if (!r->tree && e.type == YAML_MAPPING_START_EVENT && !rd_event_anchor(&e)) {
        stream_root(r, &e);
    } else if (!(root = rd_read_node(r, &e, &ld->keep))) {
        return !r->failed;
    }
    if (stopped(r))
        return !r->failed;
    if (!rd_next_event(r, &e))
        return false;
    yaml_event_delete(&e); /* document end */

    /* A policy is one document; a second one is a mistake worth naming. As
     * libyaml's loader, the second document is read whole, with its own
     * anchors, and nothing after it. */
    rd_forget_anchors(r);
    bool was_tree = r->tree;
    r->tree = true;
    if (rd_next_event(r, &e)) {
        if (e.type == YAML_DOCUMENT_START_EVENT) {
            yaml_event_delete(&e);
            struct yn *second = rd_next_event(r, &e) ? rd_read_node(r, &e, &ld->scratch) : NULL;
            if (second) {
                ld_error(ld, second, "a second YAML document; a policy is a single document");
                if (rd_next_event(r, &e))
                    yaml_event_delete(&e);
            }
        } else {
            yaml_event_delete(&e);
        }
    }
    r->tree = was_tree;
    if (r->failed) {
        rd_report_syntax(r, &r->syn);
        r->failed = false;
    }
    ld_arena_reset(&ld->scratch);
    if (root)
        ld_sections_define(ld, root, NULL);
    return true;
}
