/* SPDX-License-Identifier: MIT */
/*
 * One line of a diagnostic output (the LSAEMU_TRACE trace, the LSAEMU_AUDIT
 * records), built in pieces. A line starts in the structure itself and moves
 * to the heap (mem.h) when it outgrows it, doubling its room each time, so a
 * line of any length is built in linear time and is never cut.
 *
 * Text that came from a caller (user, domain and file names, SID strings,
 * the reasons that quote them) goes in through one of the two escapers, so
 * that it can neither end the line early nor forge another one:
 *
 * diag_line_text(), the trace's rules: \n, \r and \t are written so, the
 * other C0 controls and DEL as \xHH (\x1b); the C1 controls (U+0080 to
 * U+009F), U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which
 * common viewers and line splitters also take as line breaks, as \uHHHH; an
 * unpaired UTF-16 surrogate (see utf16_to_wtf8() in lib/base/utf.h) as
 * \uHHHH (\ud800); every byte of a sequence that is not UTF-8 as \xHH.
 * Everything else, the backslash included, is written as is: the trace is
 * read by people, and "WS1\alice" stays readable.
 *
 * diag_line_json(), the body of a JSON string (RFC 8259): " and \ as \" and
 * \\, \n \r \t \b \f so, every other C0 control, DEL, the C1 controls,
 * U+2028 and U+2029 as \u00HH / \u2028 (so that no line splitter, Python's
 * str.splitlines() included, breaks a record), an unpaired surrogate as
 * \udHHH (JSON allows it), and an ill-formed UTF-8 sequence as \ufffd (a
 * JSON text is UTF-8, RFC 8259 section 8.1, and cannot carry raw bytes).
 *
 * Ownership: the line owns its heap buffer; diag_line_free() releases it and
 * leaves the line empty and ready for reuse. A line is used by one thread.
 *
 * When memory runs out, a line with a sink (diag_line_init(l, out)) writes
 * what it holds to the sink and carries on, so the record is still complete,
 * only split over several write()s; a line without a sink adds the bytes it
 * could not keep to `lost`, which its owner reports.
 */
#ifndef LSAEMU_CORE_DIAG_DIAG_LINE_H
#define LSAEMU_CORE_DIAG_DIAG_LINE_H

#include <stdarg.h>
#include <stddef.h>

#include "base/export.h"

struct diag_out;

#define DIAG_LINE_SMALL 1024

struct diag_line {
    char *buf;             /* small, or a mem_malloc'd block */
    size_t len, cap;
    size_t lost;           /* bytes dropped for want of memory (no sink) */
    struct diag_out *sink; /* NULL: none */
    char small[DIAG_LINE_SMALL];
};

/* An empty line; sink may be NULL. */
void diag_line_init(struct diag_line *l, struct diag_out *sink);
/* Empties the line and releases its heap block. */
void diag_line_free(struct diag_line *l);

/* n bytes as they are (the line's own punctuation, never caller text). */
void diag_line_put(struct diag_line *l, const char *s, size_t n);
void diag_line_printf(struct diag_line *l, const char *fmt, ...)
    LSAEMU_PRINTF(2, 3);
void diag_line_vprintf(struct diag_line *l, const char *fmt, va_list ap)
    LSAEMU_PRINTF(2, 0);

/* n bytes of caller text, escaped by the trace's rules (above). */
void diag_line_text(struct diag_line *l, const char *s, size_t n);
/* n bytes of caller text as the inside of a JSON string (above). */
void diag_line_json(struct diag_line *l, const char *s, size_t n);

#endif
