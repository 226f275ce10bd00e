/* SPDX-License-Identifier: MIT */
/*
 * A node's value as the sections want it: a string, a boolean, an integer in
 * range, a time, a SID or a list, or else an error at the node's position
 * that names the key and what was found instead. The text syntaxes themselves
 * are in yaml_scalars.c. Nothing here decides what a key means, and nothing
 * here sees libyaml.
 */
#include "config.h"

#include "loader/yaml_values.h"

#include <string.h>

const char *ld_kind(const struct yn *node)
{
    switch (node->type) {
    case YN_MAPPING:
        return "a mapping";
    case YN_SEQUENCE:
        return "a list";
    case YN_SCALAR:
        return ld_is_null(node) ? "nothing (null)" : "a string";
    default:
        return "nothing";
    }
}

bool ld_is_null(const struct yn *node)
{
    if (node->type != YN_SCALAR || !node->plain)
        return false;
    /* "", "~", "null", "Null", "NULL"; asked of nearly every scalar, so
     * by the first byte. */
    const char *v = node->u.value;
    switch (v[0]) {
    case '\0':
        return true;
    case '~':
        return !v[1];
    case 'n':
        return !strcmp(v + 1, "ull");
    case 'N':
        return !strcmp(v + 1, "ull") || !strcmp(v + 1, "ULL");
    default:
        return false;
    }
}

const char *ld_string(struct ld *ld, const struct yn *node, const char *what)
{
    if (node->type != YN_SCALAR || ld_is_null(node)) {
        ld_error(ld, node, "expected a string for '%s', got %s", what, ld_kind(node));
        return NULL;
    }
    const char *v = node->u.value;
    if (strlen(v) != node->n) {
        ld_error(ld, node, "'%s' contains a NUL character", what);
        return NULL;
    }
    return v;
}

bool ld_bool(struct ld *ld, const struct yn *node, const char *what, bool *out)
{
    if (node->type != YN_SCALAR || ld_is_null(node)) {
        ld_error(ld, node, "expected a boolean (true or false) for '%s', got %s", what,
                 ld_kind(node));
        return false;
    }
    const char *v = node->u.value;
    if (!yv_parse_bool(v, out)) {
        ld_error(ld, node, "expected a boolean (true or false) for '%s', got '%s'", what, v);
        return false;
    }
    return true;
}

bool ld_uint(struct ld *ld, const struct yn *node, const char *what, uint64_t min,
             uint64_t max, uint64_t *out)
{
    if (node->type != YN_SCALAR || ld_is_null(node)) {
        ld_error(ld, node, "expected an integer for '%s', got %s", what, ld_kind(node));
        return false;
    }
    const char *v = node->u.value;
    if (!yv_parse_uint(v, max, out) || *out < min) {
        ld_error(ld, node, "expected an integer from %llu to %llu for '%s', got '%s'",
                 (unsigned long long)min, (unsigned long long)max, what, v);
        return false;
    }
    return true;
}

bool ld_time(struct ld *ld, const struct yn *node, const char *what, int64_t *out)
{
    const char *v = ld_string(ld, node, what);
    if (!v)
        return false;
    if (!yv_parse_time(v, out)) {
        ld_error(ld, node,
                 "malformed time '%s' for '%s' (expected RFC 3339, e.g. 2026-11-21T10:00:00Z)",
                 v, what);
        return false;
    }
    return true;
}

bool ld_sid(struct ld *ld, const struct yn *node, const char *what, struct sid *out)
{
    const char *v = ld_string(ld, node, what);
    if (!v)
        return false;
    if (!sid_parse(v, out)) {
        ld_error(ld, node, "malformed SID '%s' for '%s' (expected e.g. S-1-5-21-1-2-3-1001)", v,
                 what);
        return false;
    }
    return true;
}

bool ld_list(struct ld *ld, const struct yn *node, const char *what, bool null_ok)
{
    if (node->type == YN_SEQUENCE || (null_ok && ld_is_null(node)))
        return true;
    ld_error(ld, node, "expected a list for '%s', got %s", what, ld_kind(node));
    return false;
}
