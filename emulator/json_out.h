/* SPDX-License-Identifier: MIT */
/*
 * JSON on stdout for the subcommands' --json: strings escaped as RFC 8259
 * requires (bytes that are not UTF-8 become U+FFFD, so the output always
 * parses), and members written through a small state that places the
 * commas. One object per run; lsaemu(1) documents each shape.
 */
#ifndef LSAEMU_EMULATOR_JSON_OUT_H
#define LSAEMU_EMULATOR_JSON_OUT_H

#include <stdbool.h>
#include <stdint.h>

/* Where the writer is: nesting depth and whether the current container
 * has a member yet (for the commas and the indentation). */
struct json {
    int depth;
    bool first[32];
};

/* Opens the outermost object. */
void json_begin(struct json *j);
/* Closes it and ends the line. */
void json_end(struct json *j);

/* Members of the current object (key) or items of the current array
 * (key NULL). */
void json_string(struct json *j, const char *key, const char *value); /* NULL: null */
void json_uint(struct json *j, const char *key, uint64_t value);
void json_bool(struct json *j, const char *key, bool value);
void json_null(struct json *j, const char *key);
/* A nested object or array, closed with json_close(). */
void json_object(struct json *j, const char *key);
void json_array(struct json *j, const char *key);
void json_close(struct json *j, char bracket); /* '}' or ']' */

/* A status as three members: KEY (number), KEY_hex ("0xC000006D") and
 * KEY_name (the name, or null). */
void json_status(struct json *j, const char *key, int32_t status);

#endif
