/* SPDX-License-Identifier: MIT */
/*
 * Shared state of the YAML loader and the value parsers it uses. Private to
 * lib/policy: the loader context (errors with positions, the nodes, what
 * each account and group was defined by), node helpers, and the parsers for
 * scalar values (booleans, integers, times, hashes, logon hours), which know
 * nothing of YAML. Nothing here needs <yaml.h>; the libyaml side is in
 * yaml_reader.h.
 *
 * Where things are: yaml_loader.c (loader.h's functions), yaml_build.c (one
 * load's run), yaml_input.c (file bytes), yaml_document.c (top level and
 * streaming), yaml_reader.c (events into nodes), yaml_syntax.c (libyaml's
 * errors), yaml_errors.c (the error list), yaml_arena.c (node memory),
 * yaml_values.c (typed node values), yaml_keys.c (mapping keys),
 * yaml_scalars.c and yaml_hours.c (text syntaxes), yaml_sections.c,
 * yaml_refs.c and yaml_faults.c (what the sections mean).
 */
#ifndef LSAEMU_LOADER_YAML_VALUES_H
#define LSAEMU_LOADER_YAML_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/export.h"

#include "core/model/policy_build.h"
#include "loader/loader.h"

struct lsaemu_error;

/* ---- Scalar parsers (yaml_scalars.c, yaml_hours.c; no YAML) --------------------- */

/* YAML 1.1 booleans: true/false, yes/no, on/off, y/n, in the usual casings. */
bool yv_parse_bool(const char *s, bool *out);
/* Decimal integer without sign, at most max. */
bool yv_parse_uint(const char *s, uint64_t max, uint64_t *out);
/* RFC 3339 / ISO 8601: 2026-11-21T10:00:00Z, with optional fraction, a zone
 * of Z or +hh:mm (no zone = UTC), or a bare date (midnight UTC). */
bool yv_parse_time(const char *s, int64_t *out);
/* 32 hex digits. */
bool yv_parse_hash(const char *s, uint8_t out[16]);
/* NTSTATUS: 0x followed by 1 to 8 hex digits. */
bool yv_parse_status_hex(const char *s, int32_t *out);
/* Reads exactly n decimal digits at *p into *out and moves *p past them. */
bool yv_digits(const char **p, int n, int *out);

/* Minutes in a week; a logon-hours bitmap has one bit per minute. */
#define YV_WEEK_MINUTES (7 * 24 * 60)
#define YV_HOURS_BYTES (YV_WEEK_MINUTES / 8)

/*
 * Parses one logon_hours entry ("Mon-Fri 08:00-18:00", "Sun", "Sat-Mon",
 * "Mon,Wed,Fri 09:00-17:00", "Fri 22:00-06:00" runs past midnight) and sets
 * its minutes in bitmap. Returns false when malformed.
 */
bool yv_parse_hours(const char *s, uint8_t bitmap[YV_HOURS_BYTES]);
/* Turns a bitmap into sorted, merged ranges; out needs room for
 * YV_WEEK_MINUTES / 2 + 1 ranges. Returns the count. */
size_t yv_hours_ranges(const uint8_t bitmap[YV_HOURS_BYTES], struct hours_range *out);

/* ---- Loader nodes ------------------------------------------------------------------ */

/*
 * The loader's own node: what the section code needs of a YAML node, built
 * from libyaml's events in an arena (no per-node malloc). Positions are
 * 1-based, as in the messages. A mapping's items alternate key, value.
 */
struct ld;

enum yn_type { YN_SCALAR, YN_SEQUENCE, YN_MAPPING };

struct yn {
    uint8_t type;  /* enum yn_type */
    uint8_t plain; /* scalar written without quotes or block style */
    int line, column;
    /* 1 + the index of this list's memo (struct ld_memo), 0 until the
     * references code first resolves it (in tree mode, where aliases can
     * make it the list of many groups or accounts). In the padding before
     * n: nodes stay 32 bytes. */
    uint32_t memo;
    size_t n; /* scalar: length in bytes; collections: number of items */
    union {
        const char *value;  /* scalar, NUL-terminated (may hold NULs) */
        struct yn **items;  /* collections */
    } u;
};

/* A position kept after the node is gone (line 0: none). */
struct ld_pos {
    int line, column;
};

/* Bump allocator; blocks are freed together (yaml_arena.c). */
struct ld_arena {
    struct ld_block *head;
    size_t used; /* bytes used in head */
};

void *ld_alloc(struct ld *ld, struct ld_arena *a, size_t size);
/* Frees every block but the first, which is emptied for reuse. */
void ld_arena_reset(struct ld_arena *a);
void ld_arena_free(struct ld_arena *a);
/* Deep copy of node into the long-lived arena; NULL when memory ran out. */
struct yn *ld_keep_node(struct ld *ld, const struct yn *node);

/* ---- Loader context ------------------------------------------------------------- */

/*
 * What an error may be the consequence of, for the report order (root
 * cause first, yaml_errors.c): a name that names nothing can be the
 * knock-on of another error (the section defining it misspelled), so it
 * comes after every other error.
 */
enum ld_rank { LD_RANK_CAUSE, LD_RANK_REFERENCE };

struct ld_error {
    int line, column; /* 1-based; 0 when the error has no position */
    size_t seq;       /* discovery order, to keep sorting stable */
    char text[256];
    enum ld_rank rank;
};

/* A list as the references code resolved it the first time, for every
 * other use of the same node (through an alias of it or of a mapping
 * around it) to reuse (yaml_refs.c); groups is in the keep arena. */
struct ld_memo {
    uint32_t members_list; /* as group members: 1 + its policy list, 0 = none */
    uint32_t groups_list;  /* as an account's groups: 1 + the policy list made on
                            * its second use, 0 = none yet */
    uint32_t *groups;      /* as an account's groups: the groups it names */
    uint32_t n_groups;
    bool members_done, groups_done;
};

struct ld {
    struct policy *pol;
    const char *source;
    /* Validating (loader_check_*): errors are listed, the policy is thrown
     * away, so no memberships are built. */
    bool check;

    /* The errors kept: the first keep_errors in report order (1 for a
     * load, LOADER_MAX_ERRORS + 1 for a check); worst is the kept one last
     * in that order, which an earlier error replaces (yaml_errors.c). */
    struct ld_error *errors;
    size_t n_errors, cap_errors, keep_errors, worst;
    size_t found_errors; /* every error found, kept or not */
    bool oom; /* allocation failed: stop and report it */
    /* Warnings (ld_warning()), kept only when asked for (want_warnings,
     * validating): the first LOADER_MAX_ERRORS in file order. */
    bool want_warnings;
    struct ld_error *warnings;
    size_t n_warnings, cap_warnings, found_warnings;
    /* What this reading did (loader_last_work()). */
    struct loader_work work;

    /* keep: nodes that live until the load ends; scratch: one entry of a
     * streamed section at a time. */
    struct ld_arena keep, scratch;
    /* Streaming state (yaml_document.c): entries of groups:/accounts: are
     * defined as they are read; restart asks for a rerun on the whole
     * document as one tree, for the rare inputs where streaming could
     * change what is reported (see yaml_document.c). */
    bool streaming, accounts_done, groups_done, restart;

    /* For each account / group index: where the key that defined it in this
     * file is (line 0 for built-ins the file does not mention) and where its
     * rid:/sid: value is, for messages about duplicates and SID collisions. */
    struct ld_pos *account_key, *account_sid_node;
    struct ld_pos *group_key, *group_sid_node;
    size_t cap_accounts, cap_groups;

    /* Lists resolved after policy_prepare(), once every SID is known. */
    struct yn *rights, *rights_add, *processes, *faults;
    /* machine.domain, when given (yaml_domain.c). */
    struct yn *machine_domain;
    /* Each privilege of a process's enabled: list, where it is written:
     * checked against the process token once the policy is finished
     * (ld_check_enabled()). */
    struct ld_enabled {
        uint32_t process;
        int32_t right;
        struct ld_pos pos;
    } *enabled_at;
    size_t n_enabled_at, cap_enabled_at;
    struct yn *packages; /* packages:, resolved with the references */
    /* By struct yn's memo - 1: n_memo in use, cap_memo allocated. */
    struct ld_memo *memo;
    size_t n_memo, cap_memo;
    /* 16 bytes: a large policy defers one per account. */
    struct ld_ref {
        uint32_t index;
        uint32_t n_groups; /* not 0: groups is set, not list */
        union {
            struct yn *list;
            /* Instead of list: the groups it names, already known by name. */
            uint32_t *groups;
        };
    } *members, *account_groups;
    size_t n_members, n_account_groups, cap_members, cap_account_groups;
};

/* ---- Errors (yaml_errors.c) ------------------------------------------------------ */

/* Records an error at node's start (node may be NULL: position 0:0). */
void ld_error(struct ld *ld, const struct yn *node, const char *fmt, ...)
    LSAEMU_PRINTF(3, 4);
void ld_error_at(struct ld *ld, int line, int column, const char *fmt, ...)
    LSAEMU_PRINTF(4, 5);
/* The same for a name that names nothing (LD_RANK_REFERENCE): reported
 * after every other error, which may be its cause. */
void ld_error_ref(struct ld *ld, const struct yn *node, const char *fmt, ...)
    LSAEMU_PRINTF(3, 4);
void ld_error_ref_at(struct ld *ld, int line, int column, const char *fmt, ...)
    LSAEMU_PRINTF(4, 5);
/* Records a warning at node: something valid that is likely not what the
 * author meant (a stock holder dropped by rights:). Kept only when
 * ld->want_warnings. */
void ld_warning(struct ld *ld, const struct yn *node, const char *fmt, ...)
    LSAEMU_PRINTF(3, 4);
/* Sorts the warnings into file order; when there were more than
 * LOADER_MAX_ERRORS, the last one kept gives way to a count. */
void ld_warnings_finish(struct ld *ld);
/* Records that memory ran out (reported once, without position). */
void ld_oom(struct ld *ld);
/* Forgets every error (when only libyaml's error is to count). */
void ld_errors_clear(struct ld *ld);
/* Sorts the errors into report order (root cause first, then file order);
 * adds the out-of-memory one if needed.
 * When a check found more than LOADER_MAX_ERRORS, the last one kept gives
 * way to a line saying how many there were. */
void ld_errors_finish(struct ld *ld);
/* The error of a policy longer than LOADER_MAX_BYTES, at 1:1. */
void ld_too_large(struct ld_error *e);
/* e as the public error of a load from source. */
void ld_error_public(const struct ld_error *e, const char *source, struct lsaemu_error *out);

/* ---- Node values (yaml_values.c) and mapping keys (yaml_keys.c) ------------------- */

/* The position of node. */
static inline struct ld_pos ld_pos_of(const struct yn *node)
{
    return (struct ld_pos){node->line, node->column};
}

/* "a mapping", "a list", "a string". */
const char *ld_kind(const struct yn *node);
/* A plain empty, ~ or null scalar. */
bool ld_is_null(const struct yn *node);
/* Text of a scalar node, or NULL after reporting "expected a string for
 * 'what'". Scalars with an embedded NUL are rejected the same way. */
const char *ld_string(struct ld *ld, const struct yn *node, const char *what);
/* Parsed scalars; false after reporting an error at node. */
bool ld_bool(struct ld *ld, const struct yn *node, const char *what, bool *out);
bool ld_uint(struct ld *ld, const struct yn *node, const char *what, uint64_t min,
             uint64_t max, uint64_t *out);
bool ld_time(struct ld *ld, const struct yn *node, const char *what, int64_t *out);
bool ld_sid(struct ld *ld, const struct yn *node, const char *what, struct sid *out);
/* Checks that node is a list (or null, which counts as empty when
 * null_ok); returns false after reporting. */
bool ld_list(struct ld *ld, const struct yn *node, const char *what, bool null_ok);

/*
 * Splits a mapping into the values of known keys: vals[i] and keys_out[i]
 * (keys_out may be NULL) get the value and key nodes for keys[i], NULL when
 * absent. Reports non-mappings, non-string keys, unknown keys (listing the
 * expected ones) and duplicate keys, all naming where ("account 'alice'";
 * NULL for the top level).
 * Returns false when node is not a mapping.
 */
bool ld_fields(struct ld *ld, struct yn *node, const char *where, const char *const *keys,
               size_t n_keys, struct yn **vals, struct yn **keys_out);
/*
 * The one of n names (name_at(i, ctx), NULL to skip) that name most likely
 * misspells, for a "did you mean" -- its case ignored, so that a name
 * spelled with the wrong case finds the right one -- or NULL when none is
 * near enough: at most 2 edits away (3 for a name of 12 or more
 * characters), else the shortest one that name, 5 or more characters,
 * begins.
 */
const char *ld_nearest(const char *name, size_t n, const char *(*name_at)(size_t, const void *),
                       const void *ctx);
/* The key check of ld_fields for one key: the index of name in keys, or -1
 * after reporting an unknown key or (seen[i] set) a duplicate. */
long ld_field_index(struct ld *ld, const struct yn *key, const char *where,
                    const char *const *keys, size_t n_keys, struct yn **seen);

/* ---- A load (yaml_build.c) and its input (yaml_input.c) ---------------------------- */

/*
 * Parses and interprets input (len bytes, or file when input is NULL) into a
 * new policy, finished (policy_finish(), its source set) when there was no
 * error. Every problem ends up in ld->errors; the policy is returned even
 * then, for the caller to drop. NULL only when not even an
 * empty policy could be made. ld is left holding only its error list (free
 * ld->errors and ld->warnings with mem_free). check: validating (see
 * struct ld); warnings: validating, keep the warnings too.
 */
struct policy *ld_build(struct ld *ld, const char *input, size_t len, FILE *file,
                        const char *source, bool check, bool warnings);
/* What ld_open_input found (yaml_input.c). */
enum ld_input {
    LD_INPUT_STREAM,    /* a regular file, open in *file for libyaml to read */
    LD_INPUT_TEXT,      /* a pipe, read whole into *text */
    LD_INPUT_ERRNO,     /* cannot be opened or read: errno says why */
    LD_INPUT_SPECIAL,   /* neither a regular file nor a pipe: not read */
    LD_INPUT_TOO_LARGE, /* more than LOADER_MAX_BYTES */
};
/* Opens path without blocking on a FIFO. A regular file is left open in
 * *file (close it with fclose); a pipe is read whole into *text, *len
 * bytes (free it with mem_free). Nothing is left open or allocated for the
 * other results. */
enum ld_input ld_open_input(const char *path, FILE **file, char **text, size_t *len);
/* The whole of an open regular file, from its start (mem_malloc'd), to
 * place an error in a file read as a stream; NULL with errno set on failure
 * or when it has grown past LOADER_MAX_BYTES. */
char *ld_read_stream(FILE *file, size_t *len);
/* 3 when text starts with the UTF-8 byte-order mark, else 0. */
size_t ld_bom_length(const char *text, size_t len);

/* A regular file as libyaml reads it: no more than LOADER_MAX_BYTES, and
 * without the byte-order mark (libyaml, told the encoding, would take it
 * for a character of the first line). Zero it before the first read. */
struct ld_stream {
    FILE *file;
    size_t total;   /* bytes read so far, the mark included */
    bool too_large; /* the file grew past the limit while being read */
};
/* Reads up to size bytes into buf: the count (0 at the end), or -1 on a
 * read error or when too_large was set. */
long ld_stream_read(struct ld_stream *s, unsigned char *buf, size_t size);

/* ---- Sections (yaml_sections.c) --------------------------------------------------- */

/* Everything that needs no other definition: machine, base, options, groups,
 * accounts (except their references), faults. Remembers the rest. vals are
 * the top-level values by key (ld_fields with ld_top_keys); groups and
 * accounts already streamed are skipped. Returns false when the version is
 * wrong (nothing else is then looked at). */
bool ld_sections_define(struct ld *ld, struct yn *root, struct yn **vals);
/* One entry of groups: / accounts:, as streamed or from the tree. */
void ld_define_group(struct ld *ld, struct yn *key, struct yn *node);
void ld_define_account(struct ld *ld, struct yn *key, struct yn *node);
/* The same for domain.groups: / domain.accounts: (after the domain is named). */
void ld_define_domain_group(struct ld *ld, struct yn *key, struct yn *node);
void ld_define_domain_account(struct ld *ld, struct yn *key, struct yn *node);
/* Calls fn for each key/value of a section mapping (null = empty). */
void ld_each_entry(struct ld *ld, struct yn *node, const char *section,
                   void (*fn)(struct ld *, struct yn *, struct yn *));
/* Windows' rule for account, group and domain names; false after reporting. */
bool ld_valid_name(struct ld *ld, const struct yn *node, const char *kind, const char *name);
/* The domain: section (node may be NULL), or the domain machine.domain
 * names (yaml_domain.c); and the lockout: section. */
void ld_define_domain(struct ld *ld, struct yn *node);
void ld_define_lockout(struct ld *ld, struct yn *node);
/* The references: members, account groups, rights, processes. Needs
 * policy_prepare() to have run. */
void ld_sections_resolve(struct ld *ld);
/*
 * Resolves a principal node to a SID, reporting a non-string, a malformed
 * SID or a name that names nothing ("<role> 'x'<context> names no account,
 * group or well-known SID"). role and context say what the name was for
 * (yaml_refs.c).
 */
bool ld_principal(struct ld *ld, struct yn *node, const char *role, const char *context,
                  struct sid *out);
/* rights: and rights_add: (yaml_rights.c); either may be NULL. */
void ld_resolve_rights(struct ld *ld, struct yn *rights, struct yn *rights_add);
/* " (did you mean 'X'?)" for a misspelled right or privilege name (only
 * privileges when privileges_only), written into buf; "" when none is near. */
const char *ld_right_hint(char *buf, size_t size, const char *name, bool privileges_only);
/* The faults: section (yaml_faults.c), among the references: a fault's
 * account: names an account. */
void ld_resolve_faults(struct ld *ld, struct yn *node);
/* After policy_finish(): reports every privilege of an enabled: list that
 * the process's token does not hold (yaml_refs.c). */
void ld_check_enabled(struct ld *ld);
/* Reports a SID collision found by policy_prepare(). */
void ld_report_clash(void *ctx, const struct policy *pol, bool a_is_group, size_t a,
                     bool b_is_group, size_t b);

enum { TK_VERSION, TK_MACHINE, TK_BASE, TK_OPTIONS, TK_GROUPS, TK_ACCOUNTS, TK_RIGHTS,
       TK_PROCESSES, TK_FAULTS, TK_RIGHTS_ADD, TK_DOMAIN, TK_LOCKOUT, TK_PACKAGES, TK_COUNT };
extern const char *const ld_top_keys[TK_COUNT];

/* ---- packages: (yaml_packages.c) -------------------------------------------------- */

/* The authentication packages the policy declares (policy-format.md);
 * needs policy_prepare() to have run (account: names an account). */
void ld_resolve_packages(struct ld *ld, struct yn *node);

#endif
