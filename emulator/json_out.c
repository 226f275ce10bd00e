/* SPDX-License-Identifier: MIT */
/* JSON writing for --json (see json_out.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lsaemu.h"

#include "json_out.h"

/* Length of the UTF-8 sequence at s (1-4), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned char c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4))
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    /* Overlong three-byte forms and surrogates are not UTF-8 either. */
    if (n == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
        return 0;
    if (n == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

static void put_text(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_seq(p);
        if (n == 0) {
            fputs("\\ufffd", stdout);
            p++;
            continue;
        }
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", stdout);
        else if (*p == '\t')
            fputs("\\t", stdout);
        else if (*p < 0x20 || *p == 0x7F)
            printf("\\u%04x", *p);
        else
            fwrite(p, 1, n, stdout);
        p += n;
    }
    putchar('"');
}

/* The comma, line break and indentation before a member or item. */
static void member(struct json *j, const char *key)
{
    if (!j->first[j->depth])
        putchar(',');
    j->first[j->depth] = false;
    printf("\n%*s", 2 * j->depth, "");
    if (key) {
        put_text(key);
        fputs(": ", stdout);
    }
}

static void open_container(struct json *j, const char *key, char bracket)
{
    member(j, key);
    putchar(bracket);
    if (j->depth + 1 < (int)(sizeof j->first / sizeof j->first[0]))
        j->depth++;
    j->first[j->depth] = true;
}

void json_begin(struct json *j)
{
    memset(j, 0, sizeof *j);
    putchar('{');
    j->depth = 1;
    j->first[1] = true;
}

void json_end(struct json *j)
{
    json_close(j, '}');
    putchar('\n');
}

void json_string(struct json *j, const char *key, const char *value)
{
    member(j, key);
    if (value)
        put_text(value);
    else
        fputs("null", stdout);
}

void json_uint(struct json *j, const char *key, uint64_t value)
{
    member(j, key);
    printf("%llu", (unsigned long long)value);
}

void json_bool(struct json *j, const char *key, bool value)
{
    member(j, key);
    fputs(value ? "true" : "false", stdout);
}

void json_null(struct json *j, const char *key)
{
    member(j, key);
    fputs("null", stdout);
}

void json_object(struct json *j, const char *key)
{
    open_container(j, key, '{');
}

void json_array(struct json *j, const char *key)
{
    open_container(j, key, '[');
}

void json_close(struct json *j, char bracket)
{
    bool empty = j->first[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (!empty)
        printf("\n%*s", 2 * j->depth, "");
    putchar(bracket);
}

void json_status(struct json *j, const char *key, int32_t status)
{
    char name[64], hex[16];
    snprintf(hex, sizeof hex, "0x%08X", (unsigned)status);
    json_uint(j, key, (uint32_t)status);
    snprintf(name, sizeof name, "%s_hex", key);
    json_string(j, name, hex);
    snprintf(name, sizeof name, "%s_name", key);
    json_string(j, name, lsaemu_status_name(status));
}
