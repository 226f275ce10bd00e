/* SPDX-License-Identifier: MIT */
/*
 * The keys of a mapping: matches each key against the list a section
 * accepts, reports non-string keys, duplicates (naming the first line) and
 * unknown keys, suggesting the nearest known key for a typing slip or else
 * listing the accepted ones within the size of a public message. It knows
 * the key lists it is given, not what any key means.
 */
#include "config.h"

#include "loader/yaml_values.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Edit distance, capped: enough to spot a typing slip in a key. With
 * nocase, letters compare without their case (ASCII). */
static size_t distance_of(const char *a, const char *b, bool nocase)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            char x = nocase ? fold(a[i - 1]) : a[i - 1];
            char y = nocase ? fold(b[j - 1]) : b[j - 1];
            size_t best = diag + (x != y);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static size_t distance(const char *a, const char *b)
{
    return distance_of(a, b, false);
}

const char *ld_nearest(const char *name, size_t n, const char *(*name_at)(size_t, const void *),
                       const void *ctx)
{
    size_t len = strlen(name), best_d = 99;
    const char *best = NULL, *prefix_of = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *c = name_at(i, ctx);
        if (!c)
            continue;
        size_t d = distance_of(name, c, true);
        if (d < best_d)
            best = c, best_d = d;
        /* "SeTcb" for SeTcbPrivilege: the shortest name it begins. */
        if (len >= 5 && strncasecmp(c, name, len) == 0 &&
            (!prefix_of || strlen(c) < strlen(prefix_of)))
            prefix_of = c;
    }
    if (best && (best_d <= 2 || (best_d <= 3 && len >= 12)))
        return best;
    return prefix_of;
}

static void unknown_key(struct ld *ld, const struct yn *k, const char *name, const char *where,
                        const char *const *keys, size_t n_keys)
{
    char what[320];
    if (where)
        snprintf(what, sizeof what, "unknown key '%s' in %s", name, where);
    else
        snprintf(what, sizeof what, "unknown top-level key '%s'", name);
    size_t best = 0, best_d = 99;
    for (size_t j = 0; j < n_keys; j++) {
        size_t d = distance(name, keys[j]);
        if (d < best_d)
            best = j, best_d = d;
    }
    if (best_d <= 2) {
        ld_error(ld, k, "%s (did you mean '%s'?)", what, keys[best]);
        return;
    }
    char list[512];
    size_t off = 0;
    list[0] = '\0';
    /* The message must fit struct lsaemu_error (256 bytes): long key lists
     * end in "..." rather than being cut at a random place. */
    size_t room = strlen(what) < 200 ? 230 - strlen(what) : 30;
    for (size_t j = 0; j < n_keys && off < sizeof list; j++) {
        if (off + strlen(keys[j]) + 7 > room) {
            snprintf(list + off, sizeof list - off, ", ...");
            break;
        }
        off += (size_t)snprintf(list + off, sizeof list - off, "%s%s", j ? ", " : "", keys[j]);
    }
    ld_error(ld, k, "%s (expected one of: %s)", what, list);
}

long ld_field_index(struct ld *ld, const struct yn *k, const char *where,
                    const char *const *keys, size_t n_keys, struct yn **seen)
{
    if (k->type != YN_SCALAR) {
        ld_error(ld, k, "expected a key name in %s, got %s", where ? where : "the policy",
                 ld_kind(k));
        return -1;
    }
    const char *name = k->u.value;
    size_t i = 0;
    /* The first byte before the call: most keys differ there. */
    while (i < n_keys && (keys[i][0] != name[0] || strcmp(keys[i], name) != 0))
        i++;
    if (i == n_keys) {
        unknown_key(ld, k, name, where, keys, n_keys);
        return -1;
    }
    if (i < 32 && seen[i]) {
        ld_error(ld, k, "duplicate key '%s'%s%s (first at line %d)", name, where ? " in " : "",
                 where ? where : "", seen[i]->line);
        return -1;
    }
    return (long)i;
}

bool ld_fields(struct ld *ld, struct yn *node, const char *where, const char *const *keys,
               size_t n_keys, struct yn **vals, struct yn **keys_out)
{
    for (size_t i = 0; i < n_keys; i++) {
        vals[i] = NULL;
        if (keys_out)
            keys_out[i] = NULL;
    }
    if (node->type != YN_MAPPING) {
        ld_error(ld, node, "expected a mapping for %s, got %s", where ? where : "the policy",
                 ld_kind(node));
        return false;
    }
    /* Per-key first occurrence, to name the line of a duplicate. */
    struct yn *seen[32] = {NULL};
    for (size_t p = 0; p + 1 < node->n; p += 2) {
        struct yn *k = node->u.items[p], *v = node->u.items[p + 1];
        long i = ld_field_index(ld, k, where, keys, n_keys, seen);
        if (i < 0)
            continue;
        if (i < 32)
            seen[i] = k;
        vals[i] = v;
        if (keys_out)
            keys_out[i] = k;
    }
    return true;
}
