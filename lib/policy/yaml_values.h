/* SPDX-License-Identifier: MIT */
/*
 * Shared state of the YAML loader and the value parsers it uses. Private to
 * lib/policy: the loader context (errors with positions, the document, what
 * each account and group was defined by), node helpers, and the parsers for
 * scalar values (booleans, integers, times, hashes, logon hours), which know
 * nothing of YAML.
 */
#ifndef LSAEMU_POLICY_YAML_VALUES_H
#define LSAEMU_POLICY_YAML_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "core/policy.h"

/* ---- Scalar parsers (no YAML) ------------------------------------------------ */

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

/* ---- Loader context ------------------------------------------------------------- */

struct ld_error {
    int line, column; /* 1-based; 0 when the error has no position */
    size_t seq;       /* discovery order, to keep sorting stable */
    char text[256];
};

struct ld {
    yaml_document_t *doc;
    struct policy *pol;
    const char *source;

    struct ld_error *errors;
    size_t n_errors, cap_errors;
    bool oom; /* allocation failed: stop and report it */

    /* For each account / group index: the key node that defined it in this
     * file (NULL for built-ins the file does not mention) and the rid:/sid:
     * value node, for messages about SID collisions. */
    yaml_node_t **account_key, **account_sid_node;
    yaml_node_t **group_key, **group_sid_node;
    size_t cap_accounts, cap_groups;

    /* Lists resolved after policy_prepare(), once every SID is known. */
    yaml_node_t *rights, *processes;
    struct ld_ref {
        size_t index;
        yaml_node_t *list;
    } *members, *account_groups;
    size_t n_members, n_account_groups, cap_members, cap_account_groups;
};

/* Records an error at node's start (node may be NULL: position 0:0). */
void ld_error(struct ld *ld, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ld_error_at(struct ld *ld, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Records that memory ran out (reported once, without position). */
void ld_oom(struct ld *ld);

/* "a mapping", "a list", "a string". */
const char *ld_kind(const yaml_node_t *node);
/* A plain empty, ~ or null scalar. */
bool ld_is_null(const yaml_node_t *node);
/* Text of a scalar node, or NULL after reporting "expected a string for
 * 'what'". Scalars with an embedded NUL are rejected the same way. */
const char *ld_string(struct ld *ld, const yaml_node_t *node, const char *what);
/* Parsed scalars; false after reporting an error at node. */
bool ld_bool(struct ld *ld, const yaml_node_t *node, const char *what, bool *out);
bool ld_uint(struct ld *ld, const yaml_node_t *node, const char *what, uint64_t min,
             uint64_t max, uint64_t *out);
bool ld_time(struct ld *ld, const yaml_node_t *node, const char *what, int64_t *out);
bool ld_sid(struct ld *ld, const yaml_node_t *node, const char *what, struct sid *out);
/* Checks that node is a list (or null, which counts as empty when
 * null_ok); returns false after reporting. */
bool ld_list(struct ld *ld, const yaml_node_t *node, const char *what, bool null_ok);

/*
 * Splits a mapping into the values of known keys: vals[i] and keys_out[i]
 * (keys_out may be NULL) get the value and key nodes for keys[i], NULL when
 * absent. Reports non-mappings, non-string keys, unknown keys (listing the
 * expected ones) and duplicate keys, all naming where ("account 'alice'";
 * NULL for the top level).
 * Returns false when node is not a mapping.
 */
bool ld_fields(struct ld *ld, yaml_node_t *node, const char *where, const char *const *keys,
               size_t n_keys, yaml_node_t **vals, yaml_node_t **keys_out);

/* Iteration helpers over the document. */
yaml_node_t *ld_node(struct ld *ld, int id);

/* ---- Sections (yaml_sections.c) --------------------------------------------------- */

/* Everything that needs no other definition: machine, base, options, groups,
 * accounts (except their references), faults. Remembers the rest. */
void ld_sections_define(struct ld *ld, yaml_node_t *root);
/* The references: members, account groups, rights, processes. Needs
 * policy_prepare() to have run. */
void ld_sections_resolve(struct ld *ld);
/* Reports a SID collision found by policy_prepare(). */
void ld_report_clash(void *ctx, const struct policy *pol, bool a_is_group, size_t a,
                     bool b_is_group, size_t b);

#endif
