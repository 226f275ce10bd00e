/* SPDX-License-Identifier: MIT */
/*
 * `lsaemu explain CODE`: both names and values of a code, the mapping
 * between NTSTATUS and Win32 in both directions, what the code means, when
 * Windows returns it and how to make lsaemu return it. Names and mappings
 * come from the library's tables (every code they hold); the prose comes
 * from explain_table.c.
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsaemu.h"

#include "commands.h"
#include "explain_table.h"

static const char usage_line[] = "usage: lsaemu explain [--] CODE\n";

/* Longer lists of statuses are cut, with a count of the rest. */
#define MAX_LISTED 40

static void help(void)
{
    printf("%s\n"
           "CODE is a Win32 error in decimal (1385) or short hex (0x569), an NTSTATUS\n"
           "as eight hex digits starting with C, 8 or 4, with or without 0x (0xC000015B,\n"
           "c000015b), as a signed or unsigned decimal (-1073741477, 3221225819: what\n"
           "a program printing an NTSTATUS with %%d or %%u shows), or a name\n"
           "(ERROR_LOGON_TYPE_NOT_GRANTED, STATUS_LOGON_TYPE_NOT_GRANTED).\n\n"
           "Prints both names and values, which NTSTATUS values map to the Win32\n"
           "error, what the code means, when Windows returns it, and a policy and an\n"
           "`lsaemu logon` call that reproduce it (a faults: entry for codes lsaemu\n"
           "never produces by itself).\n\n"
           "Exit status: 0 explained, 1 unknown code, 2 usage error or write error.\n",
           usage_line);
}

/* Prints text wrapped at 78 columns, each line starting with indent. */
static void wrap(const char *indent, const char *text)
{
    size_t width = 78 - strlen(indent), col = 0;
    const char *p = text;
    fputs(indent, stdout);
    while (*p) {
        const char *w = p;
        while (*w && *w != ' ')
            w++;
        size_t n = (size_t)(w - p);
        if (col && col + 1 + n > width) {
            printf("\n%s", indent);
            col = 0;
        } else if (col) {
            putchar(' ');
            col++;
        }
        fwrite(p, 1, n, stdout);
        col += n;
        p = *w ? w + 1 : w;
    }
    putchar('\n');
}

/* Prints a multi-line snippet, each line indented. */
static void block(const char *indent, const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        printf("%s%.*s\n", indent, (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

enum code_kind { CODE_STATUS, CODE_WIN32, CODE_UNKNOWN_NAME, CODE_BAD };

/* A 32-bit value whose top nibble is a severity of error (C), warning (8)
 * or information (4) reads as an NTSTATUS; anything else as Win32. */
static enum code_kind by_value(uint32_t v)
{
    uint32_t top = v >> 28;
    return top == 0xC || top == 0x8 || top == 0x4 ? CODE_STATUS : CODE_WIN32;
}

/* Hex digits only (at most 8): 0x569, c000015b. */
static enum code_kind parse_hex(const char *hex, uint32_t *v)
{
    size_t digits = strlen(hex);
    if (digits == 0 || digits > 8)
        return CODE_BAD;
    for (size_t i = 0; i < digits; i++)
        if (!isxdigit((unsigned char)hex[i]))
            return CODE_BAD;
    *v = (uint32_t)strtoul(hex, NULL, 16);
    /* Only eight digits can carry a severity: 0x569 is ERROR_..., 1385. */
    return digits == 8 ? by_value(*v) : CODE_WIN32;
}

/* A decimal: 1385 (Win32), 3221225819 (the unsigned form of an NTSTATUS)
 * or -1073741477 (its signed form, as %d prints it). */
static enum code_kind parse_decimal(const char *arg, uint32_t *v)
{
    bool negative = arg[0] == '-';
    const char *digits = negative ? arg + 1 : arg;
    if (!*digits || strlen(digits) > 10)
        return CODE_BAD;
    for (const char *p = digits; *p; p++)
        if (!isdigit((unsigned char)*p))
            return CODE_BAD;
    unsigned long long x = strtoull(digits, NULL, 10);
    if (negative) {
        /* An NTSTATUS read as a signed 32-bit integer. */
        if (x == 0 || x > 0x80000000ull)
            return CODE_BAD;
        *v = (uint32_t)(0x100000000ull - x);
        return by_value(*v) == CODE_STATUS ? CODE_STATUS : CODE_BAD;
    }
    if (x > 0xFFFFFFFFull)
        return CODE_BAD;
    *v = (uint32_t)x;
    return by_value(*v);
}

static enum code_kind parse_code(const char *arg, uint32_t *v)
{
    char name[128];
    size_t n = strlen(arg);
    if (n == 0 || n >= sizeof name)
        return CODE_BAD;
    if (arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X'))
        return parse_hex(arg + 2, v);
    if (isdigit((unsigned char)arg[0]) || (arg[0] == '-' && isdigit((unsigned char)arg[1]))) {
        enum code_kind k = parse_decimal(arg, v);
        /* Not a decimal: eight hex digits that begin with a digit
         * (8007052e) are bare hex like c000015b below. */
        if (k == CODE_BAD && n == 8 && parse_hex(arg, v) == CODE_STATUS)
            return CODE_STATUS;
        return k;
    }
    /* Bare hex: eight digits with a severity (c000015b, C000015B). Shorter
     * runs of hex letters are names (BAD, ACE ...), not codes. */
    if (n == 8 && parse_hex(arg, v) == CODE_STATUS)
        return CODE_STATUS;
    for (size_t i = 0; i <= n; i++)
        name[i] = (char)toupper((unsigned char)arg[i]);
    int32_t st;
    if (strncmp(name, "STATUS_", 7) == 0 && lsaemu_status_from_name(name, &st) == 0) {
        *v = (uint32_t)st;
        return CODE_STATUS;
    }
    if (lsaemu_win32_from_name(name, v) == 0)
        return CODE_WIN32;
    if (lsaemu_status_from_name(name, &st) == 0) {
        *v = (uint32_t)st;
        return CODE_STATUS;
    }
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)name[i]) && name[i] != '_')
            return CODE_BAD;
    return CODE_UNKNOWN_NAME;
}

static const char *name_or(const char *n)
{
    return n ? n : "(no name)";
}

struct listing {
    unsigned shown, total;
    const char *skip; /* don't list this status (the one being explained) */
    int32_t first_known; /* first status with an explain entry, or -1 */
    bool have_known;
};

static void list_one(int32_t st, void *ctx)
{
    struct listing *l = ctx;
    if (!l->have_known && explain_find(true, (uint32_t)st)) {
        l->first_known = st;
        l->have_known = true;
    }
    l->total++;
    if (l->skip && lsaemu_status_name(st) == l->skip)
        return;
    if (l->shown++ < MAX_LISTED)
        printf("  %s (0x%08X)\n", name_or(lsaemu_status_name(st)), (unsigned)st);
}

static void print_win32(uint32_t code)
{
    if (code > 0xFFFF)
        printf("%s = 0x%08X", name_or(lsaemu_win32_name(code)), (unsigned)code);
    else
        printf("%s = %u (0x%X)", name_or(lsaemu_win32_name(code)), (unsigned)code,
               (unsigned)code);
}

/* Meaning, when, note and the reproduction of one status. */
static void details(int32_t st, const struct explain_entry *e, const struct explain_entry *w32)
{
    if (e && e->meaning) {
        printf("\nMeaning:\n");
        wrap("  ", e->meaning);
    }
    if (e && e->when) {
        printf("\nWhen Windows returns it:\n");
        wrap("  ", e->when);
    }
    const char *note = w32 && w32->note ? w32->note : e ? e->note : NULL;
    if (note) {
        printf("\nNote:\n");
        wrap("  ", note);
    }
    printf("\nReproduce with lsaemu:\n");
    if (e && e->policy) {
        printf("  p.yaml:\n");
        block("    ", e->policy);
        printf("  %s\n", e->call);
        return;
    }
    const char *name = lsaemu_status_name(st);
    char value[16];
    snprintf(value, sizeof value, "0x%08X", (unsigned)st);
    printf("  lsaemu never produces %s by itself; an injected fault does:\n",
           name ? name : value);
    printf("  p.yaml:\n    lsaemu: 1\n    faults:\n      - call: LsaLogonUser\n"
           "        status: %s\n",
           name ? name : value);
    printf("  lsaemu logon --policy p.yaml --api lsa --user Administrator --password x "
           "--type interactive\n");
}

static int explain_status(int32_t st)
{
    const char *name = lsaemu_status_name(st);
    uint32_t w = lsaemu_status_to_win32(st);
    if (!name && w == 317u) {
        fprintf(stderr, "lsaemu explain: 0x%08X is no NTSTATUS lsaemu knows\n", (unsigned)st);
        return EXIT_INVALID;
    }
    printf("NTSTATUS  %s (0x%08X)\n", name_or(name), (unsigned)st);
    printf("Win32     ");
    print_win32(w);
    printf("  (LsaNtStatusToWinError)\n");
    struct listing l = {0, 0, name, -1, false};
    printf("\nOther NTSTATUS values mapping to %u:\n", (unsigned)w);
    lsaemu_for_each_status_mapping_to(w, list_one, &l);
    if (l.shown == 0)
        printf("  (none)\n");
    else if (l.shown > MAX_LISTED)
        printf("  ... and %u more\n", l.shown - MAX_LISTED);
    details(st, explain_find(true, (uint32_t)st), explain_find(false, w));
    return 0;
}

static void keep_first(int32_t st, void *ctx)
{
    int32_t *first = ctx;
    if (*first == -1)
        *first = st;
}

/* The lowest status mapping to code (code has at least one). */
static int32_t first_status(uint32_t code)
{
    int32_t first = -1;
    lsaemu_for_each_status_mapping_to(code, keep_first, &first);
    return first;
}

static int explain_win32(uint32_t code)
{
    const char *name = lsaemu_win32_name(code);
    struct listing l = {0, 0, NULL, -1, false};
    unsigned n = lsaemu_for_each_status_mapping_to(code, NULL, NULL);
    if (!name && n == 0) {
        fprintf(stderr, "lsaemu explain: %u is no Win32 error lsaemu knows\n", (unsigned)code);
        return EXIT_INVALID;
    }
    printf("Win32     ");
    print_win32(code);
    printf("\n\nNTSTATUS values mapping to it (LsaNtStatusToWinError):\n");
    lsaemu_for_each_status_mapping_to(code, list_one, &l);
    if (l.total == 0)
        printf("  (none: no NTSTATUS maps to it, so no LSA call or fault can produce it)\n");
    else if (l.shown > MAX_LISTED)
        printf("  ... and %u more\n", l.shown - MAX_LISTED);
    const struct explain_entry *w32 = explain_find(false, code);
    if (l.total == 0) {
        if (w32 && w32->note) {
            printf("\nNote:\n");
            wrap("  ", w32->note);
        }
        return 0;
    }
    /* The status a program most likely met: the first one this tool has
     * prose for, else the first in value order. */
    int32_t st = l.have_known ? l.first_known : first_status(code);
    printf("\nAbout %s (0x%08X):\n", name_or(lsaemu_status_name(st)), (unsigned)st);
    details(st, explain_find(true, (uint32_t)st), w32);
    return 0;
}

int cmd_explain(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        help();
        return 0;
    }
    /* "--" may come first, as before any operand that starts with '-'. */
    if (argc == 3 && !strcmp(argv[1], "--")) {
        argc--;
        argv++;
    }
    if (argc != 2) {
        fprintf(stderr, "lsaemu explain: give exactly one CODE\n%s", usage_line);
        return EXIT_USAGE;
    }
    uint32_t v;
    switch (parse_code(argv[1], &v)) {
    case CODE_STATUS:
        return explain_status((int32_t)v);
    case CODE_WIN32:
        return explain_win32(v);
    case CODE_UNKNOWN_NAME:
        fprintf(stderr, "lsaemu explain: no NTSTATUS or Win32 error is named '%s'\n", argv[1]);
        return EXIT_INVALID;
    default:
        fprintf(stderr, "lsaemu explain: '%s' is neither a number nor a name\n%s",
                argv[1], usage_line);
        return EXIT_USAGE;
    }
}
