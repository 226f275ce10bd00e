/* SPDX-License-Identifier: MIT */
/*
 * libyaml's errors as policy messages. Reader errors carry only a byte
 * offset, scanner, parser and composer errors a 0-based line and character
 * column; this turns both into the 1-based line and column (in characters)
 * of the messages, recognises the cases worth their own wording (bad UTF-8,
 * a tab used for indentation) and words the rest as "YAML syntax error";
 * also the reader's limits (loader.h), which stop reading the same way.
 * It knows the input text and libyaml's error fields, nothing of the
 * reader's state or of policy sections.
 */
#include "config.h"

#include <string.h>

#include "loader/loader.h"
#include "loader/yaml_reader.h"

/* ---- Positions in the raw input ------------------------------------------------- */

/* 1-based line and column (in characters) of byte offset in input. */
static void offset_position(const char *input, size_t len, size_t offset, int *line, int *col)
{
    int l = 1, c = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char ch = (unsigned char)input[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= len || input[i + 1] != '\n'))) {
            l++;
            c = 1;
        } else if (ch != '\r' && (ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* The byte at 0-based line and character column (libyaml's mark), or -1. */
static int byte_at(const char *input, size_t len, size_t line, size_t col)
{
    size_t i = 0;
    for (size_t l = 0; l < line && i < len; i++)
        if (input[i] == '\n' || (input[i] == '\r' && (i + 1 >= len || input[i + 1] != '\n')))
            l++;
    for (size_t c = 0; i < len && c < col; c++) {
        i++;
        while (i < len && ((unsigned char)input[i] & 0xC0) == 0x80)
            i++;
    }
    return i < len ? (unsigned char)input[i] : -1;
}

void ld_syntax_error(struct ld *ld, const struct syn *p, const char *input, size_t len)
{
    const char *problem = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_MEMORY_ERROR) {
        ld_oom(ld);
        return;
    }
    if (p->limit != RD_NO_LIMIT) {
        int line = (int)p->problem_mark.line + 1, col = (int)p->problem_mark.column + 1;
        if (p->limit == RD_DEPTH)
            ld_error_at(ld, line, col, "nesting deeper than %d levels, lsaemu's limit",
                        LOADER_MAX_DEPTH);
        else
            ld_error_at(ld, line, col,
                        "aliases repeat more than %d nodes and bytes of text in all, "
                        "lsaemu's limit",
                        LOADER_MAX_ALIAS_SIZE);
        return;
    }
    if (p->error == YAML_READER_ERROR) {
        /* Reader errors carry only a byte offset. */
        size_t off = p->problem_offset;
        unsigned byte = off < len ? (unsigned char)input[off] : 0;
        int line, col;
        if (strstr(problem, "trailing") || strstr(problem, "incomplete")) {
            /* libyaml points at the bad continuation byte; the character
             * starts at the lead byte before it. */
            while (off > 0 && off < len + 1 && ((unsigned char)input[off - 1] & 0xC0) == 0x80)
                off--;
            if (off > 0 && (unsigned char)input[off - 1] >= 0xC0)
                off--;
            byte = off < len ? (unsigned char)input[off] : 0;
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col,
                        "not valid UTF-8: malformed or incomplete sequence starting with byte "
                        "0x%02X",
                        byte);
        } else if (strstr(problem, "leading")) {
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col, "not valid UTF-8: byte 0x%02X cannot start a character",
                        byte);
        } else if (strstr(problem, "UTF-8") || strstr(problem, "Unicode")) {
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col, "not valid UTF-8: %s", problem);
        } else {
            offset_position(input, len, off, &line, &col);
            ld_error_at(ld, line, col, "invalid character U+%04X: %s", (unsigned)p->problem_value,
                        problem);
        }
        return;
    }
    yaml_mark_t m = p->problem_mark;
    int line = (int)m.line + 1, col = (int)m.column + 1;
    if (byte_at(input, len, m.line, m.column) == '\t') {
        ld_error_at(ld, line, col,
                    "tab character where YAML expects indentation or a value "
                    "(indent with spaces)");
        return;
    }
    if (p->context)
        ld_error_at(ld, line, col, "YAML syntax error: %s (%s at line %d)", problem, p->context,
                    (int)p->context_mark.line + 1);
    else
        ld_error_at(ld, line, col, "YAML syntax error: %s", problem);
}
