/* SPDX-License-Identifier: MIT */
/* Diagnostic lines and their two escapers (see diag_line.h). */
#include "core/diag/diag_line.h"
#include "base/mem.h"
#include "base/utf.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/diag/diag_out.h"

void diag_line_init(struct diag_line *l, struct diag_out *sink)
{
    l->buf = l->small;
    l->len = 0;
    l->cap = sizeof l->small;
    l->lost = 0;
    l->sink = sink;
}

void diag_line_free(struct diag_line *l)
{
    if (l->buf != l->small)
        mem_free(l->buf);
    l->buf = l->small;
    l->len = 0;
    l->cap = sizeof l->small;
    l->lost = 0;
}

/* Makes room for n more bytes, doubling; false when memory ran out. */
static bool grow(struct diag_line *l, size_t n)
{
    if (l->cap - l->len >= n)
        return true;
    if (n > SIZE_MAX / 2 - l->len)
        return false;
    size_t cap = l->cap * 2;
    if (cap < l->len + n)
        cap = l->len + n;
    char *p;
    if (l->buf == l->small) {
        p = mem_malloc(cap);
        if (p && l->len)
            memcpy(p, l->small, l->len);
    } else {
        p = mem_realloc(l->buf, cap);
    }
    if (!p)
        return false;
    l->buf = p;
    l->cap = cap;
    return true;
}

/* Room for n bytes, by growing or, when memory ran out, by handing what the
 * line holds to its sink. */
static bool room(struct diag_line *l, size_t n)
{
    if (grow(l, n))
        return true;
    if (!l->sink)
        return false;
    if (l->len) {
        diag_out_write(l->sink, l->buf, l->len);
        l->len = 0;
    }
    return l->cap >= n;
}

void diag_line_put(struct diag_line *l, const char *s, size_t n)
{
    if (room(l, n)) {
        memcpy(l->buf + l->len, s, n);
        l->len += n;
    } else if (l->sink) {
        /* Longer than the room left after a flush: straight through. */
        diag_out_write(l->sink, s, n);
    } else {
        l->lost += n;
    }
}

void diag_line_vprintf(struct diag_line *l, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(l->buf + l->len, l->cap - l->len, fmt, ap);
    if (n >= 0 && (size_t)n < l->cap - l->len) {
        l->len += (size_t)n;
    } else if (n >= 0 && room(l, (size_t)n + 1)) {
        vsnprintf(l->buf + l->len, l->cap - l->len, fmt, again);
        l->len += (size_t)n;
    } else if (n >= 0) {
        /* No memory for the formatted text. Lines with a sink format only
         * short pieces, which always fit once the line is emptied, so this
         * is a line without one: its owner reports the loss. */
        l->lost += (size_t)n;
    }
    va_end(again);
}

void diag_line_printf(struct diag_line *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_line_vprintf(l, fmt, ap);
    va_end(ap);
}

/* Characters both escapers spell \uHHHH: C1 controls, the two Unicode line
 * and paragraph separators, unpaired surrogates. */
static bool breaks_lines(long cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           utf_is_surrogate((uint32_t)cp);
}

void diag_line_text(struct diag_line *l, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* Runs of plain printable ASCII go in at once. */
        size_t run = 0;
        while (i + run < n && p[i + run] >= 0x20 && p[i + run] < 0x7F)
            run++;
        if (run) {
            diag_line_put(l, s + i, run);
            i += run;
            continue;
        }
        size_t used;
        long cp = utf8_next(p + i, n - i, &used, UTF8_SURROGATES);
        char esc[16];
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            esc[0] = '\\';
            esc[1] = cp == '\n' ? 'n' : cp == '\r' ? 'r' : 't';
            diag_line_put(l, esc, 2);
        } else if (cp >= 0 && (cp < 0x20 || cp == 0x7F)) {
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
            diag_line_put(l, esc, 4);
        } else if (cp >= 0 && breaks_lines(cp)) {
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
            diag_line_put(l, esc, 6);
        } else if (cp >= 0) {
            diag_line_put(l, s + i, used);
        } else {
            for (size_t k = 0; k < used; k++) {
                snprintf(esc, sizeof esc, "\\x%02x", p[i + k]);
                diag_line_put(l, esc, 4);
            }
        }
        i += used;
    }
}

void diag_line_json(struct diag_line *l, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t run = 0;
        while (i + run < n && p[i + run] >= 0x20 && p[i + run] < 0x7F && p[i + run] != '"' &&
               p[i + run] != '\\')
            run++;
        if (run) {
            diag_line_put(l, s + i, run);
            i += run;
            continue;
        }
        size_t used;
        long cp = utf8_next(p + i, n - i, &used, UTF8_SURROGATES);
        char esc[16];
        const char *two = NULL;
        switch (cp) {
        case '"': two = "\\\""; break;
        case '\\': two = "\\\\"; break;
        case '\n': two = "\\n"; break;
        case '\r': two = "\\r"; break;
        case '\t': two = "\\t"; break;
        case '\b': two = "\\b"; break;
        case '\f': two = "\\f"; break;
        default: break;
        }
        if (two) {
            diag_line_put(l, two, 2);
        } else if (cp < 0) {
            diag_line_put(l, "\\ufffd", 6);
        } else if (cp < 0x20 || cp == 0x7F || breaks_lines(cp)) {
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
            diag_line_put(l, esc, 6);
        } else {
            diag_line_put(l, s + i, used);
        }
        i += used;
    }
}
