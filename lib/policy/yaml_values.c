/* SPDX-License-Identifier: MIT */
/*
 * Value parsing for the YAML loader: scalar syntaxes (booleans, integers,
 * times, hashes, logon hours) and the node helpers that turn a wrong value
 * into a positioned error. Nothing here decides what a key means.
 */
#include "config.h"
#include "core/mem.h"

#include "yaml_values.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Scalars ------------------------------------------------------------------ */

bool yv_parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES",
                                      "on",   "On",   "ON",   "y",   "Y"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO",
                                     "off",   "Off",   "OFF",   "n",  "N"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool yv_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

/* Reads exactly n digits. */
static bool digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

bool yv_parse_time(const char *s, int64_t *out)
{
    const char *p = s;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
        !digits(&p, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return false;
    int64_t offset = 0;
    if (*p) {
        if (*p != 'T' && *p != 't' && *p != ' ')
            return false;
        p++;
        if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi) || *p++ != ':' ||
            !digits(&p, 2, &sec))
            return false;
        if (h > 23 || mi > 59 || sec > 60)
            return false;
        if (*p == '.') {
            p++;
            if (!isdigit((unsigned char)*p))
                return false;
            while (isdigit((unsigned char)*p))
                p++;
        }
        if (*p == 'Z' || *p == 'z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int sign = *p++ == '-' ? -1 : 1, oh, om;
            if (!digits(&p, 2, &oh) || *p++ != ':' || !digits(&p, 2, &om) || oh > 23 || om > 59)
                return false;
            offset = sign * (oh * 3600 + om * 60);
        }
        if (*p)
            return false;
    }
    *out = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + sec -
           offset;
    return true;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool yv_parse_hash(const char *s, uint8_t out[16])
{
    if (strlen(s) != 32)
        return false;
    for (int i = 0; i < 16; i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

bool yv_parse_status_hex(const char *s, int32_t *out)
{
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return false;
    size_t n = strlen(s + 2);
    if (n < 1 || n > 8)
        return false;
    uint32_t v = 0;
    for (const char *p = s + 2; *p; p++) {
        int d = hexval(*p);
        if (d < 0)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = (int32_t)v;
    return true;
}

/* ---- Logon hours ------------------------------------------------------------------ */

/* Monday = 0 ... Sunday = 6; accepts three-letter and full English names. */
static bool parse_day(const char **p, int *day)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    const char *s = *p;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (int d = 0; d < 7; d++) {
        if ((n == 3 || n == strlen(names[d])) && strncasecmp(s, names[d], n) == 0) {
            *day = d;
            *p = s + n;
            return true;
        }
    }
    return false;
}

/* HH:MM, 00:00 to 24:00. */
static bool parse_hhmm(const char **p, int *minutes)
{
    int h, m;
    if (!digits(p, 2, &h) || *(*p)++ != ':' || !digits(p, 2, &m))
        return false;
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return false;
    *minutes = h * 60 + m;
    return true;
}

static void set_minutes(uint8_t *bitmap, int from, int to)
{
    for (int m = from; m < to; m++) {
        int w = m % YV_WEEK_MINUTES;
        bitmap[w / 8] |= (uint8_t)(1u << (w % 8));
    }
}

bool yv_parse_hours(const char *s, uint8_t bitmap[YV_HOURS_BYTES])
{
    bool days[7] = {false};
    const char *p = s;
    while (*p == ' ')
        p++;
    for (;;) {
        int first, last;
        if (!parse_day(&p, &first))
            return false;
        last = first;
        if (*p == '-') {
            p++;
            if (!parse_day(&p, &last))
                return false;
        }
        /* A range wraps past Sunday: Sat-Mon is Saturday, Sunday, Monday. */
        for (int d = first;; d = (d + 1) % 7) {
            days[d] = true;
            if (d == last)
                break;
        }
        while (*p == ' ' && p[1] == ',')
            p++;
        if (*p != ',')
            break;
        p++;
        while (*p == ' ')
            p++;
    }
    int start = 0, end = 24 * 60;
    if (*p == ' ') {
        while (*p == ' ')
            p++;
        if (*p && (!parse_hhmm(&p, &start) || *p++ != '-' || !parse_hhmm(&p, &end)))
            return false;
        if (start == 24 * 60 || start == end)
            return false;
    }
    while (*p == ' ')
        p++;
    if (*p)
        return false;
    for (int d = 0; d < 7; d++) {
        if (!days[d])
            continue;
        int base = d * 24 * 60;
        /* An end before the start runs past midnight into the next day. */
        set_minutes(bitmap, base + start, base + (end > start ? end : end + 24 * 60));
    }
    return true;
}

size_t yv_hours_ranges(const uint8_t bitmap[YV_HOURS_BYTES], struct hours_range *out)
{
    size_t n = 0;
    int m = 0;
    while (m < YV_WEEK_MINUTES) {
        if (!(bitmap[m / 8] & (1u << (m % 8)))) {
            m++;
            continue;
        }
        int start = m;
        while (m < YV_WEEK_MINUTES && (bitmap[m / 8] & (1u << (m % 8))))
            m++;
        out[n].start = (uint16_t)start;
        out[n].end = (uint16_t)m;
        n++;
    }
    return n;
}

/* ---- Errors ------------------------------------------------------------------------ */

void ld_oom(struct ld *ld)
{
    ld->oom = true;
}

static void add_error(struct ld *ld, int line, int column, const char *fmt, va_list ap)
{
    if (ld->n_errors == ld->cap_errors) {
        size_t cap = ld->cap_errors ? ld->cap_errors * 2 : 8;
        struct ld_error *grown = mem_realloc(ld->errors, cap * sizeof *grown);
        if (!grown) {
            ld_oom(ld);
            return;
        }
        ld->errors = grown;
        ld->cap_errors = cap;
    }
    struct ld_error *e = &ld->errors[ld->n_errors];
    e->line = line;
    e->column = column;
    e->seq = ld->n_errors++;
    vsnprintf(e->text, sizeof e->text, fmt, ap);
}

void ld_error_at(struct ld *ld, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, line, column, fmt, ap);
    va_end(ap);
}

void ld_error(struct ld *ld, const struct yn *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_error(ld, node ? node->line : 0, node ? node->column : 0, fmt, ap);
    va_end(ap);
}

/* ---- Arenas ------------------------------------------------------------------------- */

struct ld_block {
    struct ld_block *next;
    size_t size;
    max_align_t data[];
};

#define LD_BLOCK_SIZE (64 * 1024 - 64)

void *ld_alloc(struct ld *ld, struct ld_arena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (!a->head || a->used + size > a->head->size) {
        size_t want = size > LD_BLOCK_SIZE / 4 ? size : LD_BLOCK_SIZE;
        struct ld_block *b = mem_malloc(sizeof *b + want);
        if (!b) {
            ld_oom(ld);
            return NULL;
        }
        b->size = want;
        if (a->head && want != LD_BLOCK_SIZE) {
            /* A big one-off goes behind the current block, which stays in use. */
            b->next = a->head->next;
            a->head->next = b;
            return b->data;
        }
        b->next = a->head;
        a->head = b;
        a->used = 0;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += size;
    return p;
}

void ld_arena_reset(struct ld_arena *a)
{
    if (!a->head)
        return;
    struct ld_block *b = a->head->next;
    while (b) {
        struct ld_block *next = b->next;
        mem_free(b);
        b = next;
    }
    if (a->head->size != LD_BLOCK_SIZE) {
        mem_free(a->head);
        a->head = NULL;
    } else {
        a->head->next = NULL;
    }
    a->used = 0;
}

void ld_arena_free(struct ld_arena *a)
{
    ld_arena_reset(a);
    mem_free(a->head);
    a->head = NULL;
    a->used = 0;
}

struct yn *ld_keep_node(struct ld *ld, const struct yn *node)
{
    struct yn *copy = ld_alloc(ld, &ld->keep, sizeof *copy);
    if (!copy)
        return NULL;
    *copy = *node;
    if (node->type == YN_SCALAR) {
        char *v = ld_alloc(ld, &ld->keep, node->n + 1);
        if (!v)
            return NULL;
        memcpy(v, node->u.value, node->n + 1);
        copy->u.value = v;
        return copy;
    }
    copy->u.items = node->n ? ld_alloc(ld, &ld->keep, node->n * sizeof *copy->u.items) : NULL;
    if (node->n && !copy->u.items)
        return NULL;
    for (size_t i = 0; i < node->n; i++)
        if (!(copy->u.items[i] = ld_keep_node(ld, node->u.items[i])))
            return NULL;
    return copy;
}

/* ---- Nodes ---------------------------------------------------------------------------- */

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
    const char *v = node->u.value;
    return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
           !strcmp(v, "NULL");
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

/* Edit distance, capped: enough to spot a typing slip in a key. */
static size_t distance(const char *a, const char *b)
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
            size_t best = diag + (a[i - 1] != b[j - 1]);
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
    while (i < n_keys && strcmp(keys[i], name) != 0)
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
