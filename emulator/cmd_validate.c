/* SPDX-License-Identifier: MIT */
/*
 * `lsaemu validate [--warnings] FILE...`: checks policy files without
 * loading them and prints every error as FILE:LINE:COLUMN: message on
 * stderr, and with --warnings every warning as FILE:LINE:COLUMN: warning:
 * message after them. Exit status 0 when all files are valid, 1 when one
 * is invalid, 2 for a usage error, an unreadable file or a write error
 * (main.c); warnings do not change it.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lsaemu.h"

#include "commands.h"

static const char usage_line[] = "usage: lsaemu validate [--warnings] FILE...\n";

struct outcome {
    int errors;
    int unreadable;
};

static void report(const struct lsaemu_error *err, void *ctx)
{
    struct outcome *o = ctx;
    /* Line 0 means the file itself could not be read. */
    if (err->line == 0) {
        o->unreadable++;
        fprintf(stderr, "%s: %s\n", err->source, err->text);
        return;
    }
    o->errors++;
    fprintf(stderr, "%s:%d:%d: %s\n", err->source, err->line, err->column, err->text);
}

static void warning(const struct lsaemu_error *w, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "%s:%d:%d: warning: %s\n", w->source, w->line, w->column, w->text);
}

int cmd_validate(int argc, char **argv)
{
    int first = 1;
    bool warnings = false;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (!strcmp(argv[first], "--")) {
            first++;
            break;
        }
        if (!strcmp(argv[first], "--warnings") || !strcmp(argv[first], "-W")) {
            warnings = true;
            continue;
        }
        if (!strcmp(argv[first], "--help") || !strcmp(argv[first], "-h")) {
            printf("%s\nChecks each policy file (policy format v1) without loading it and prints\n"
                   "every error as FILE:LINE:COLUMN: message on stderr.\n\n"
                   "  -W, --warnings  also print what is valid but likely a mistake, as\n"
                   "                  FILE:LINE:COLUMN: warning: message (a rights: entry that\n"
                   "                  drops stock holders; rights_add: adds to them instead)\n\n"
                   "Exit status: 0 all files valid, 1 a file is invalid,\n"
                   "2 usage error, a file that cannot be read or a write error.\n"
                   "Warnings do not change it.\n",
                   usage_line);
            return 0;
        }
        fprintf(stderr, "lsaemu validate: unknown option '%s'\n%s", argv[first], usage_line);
        return EXIT_USAGE;
    }
    if (first >= argc) {
        fprintf(stderr, "lsaemu validate: no policy file given\n%s", usage_line);
        return EXIT_USAGE;
    }
    struct outcome o = {0, 0};
    for (int i = first; i < argc; i++)
        lsaemu_check_policy_file_warnings(argv[i], report, warnings ? warning : NULL, &o);
    if (o.unreadable)
        return EXIT_USAGE;
    return o.errors ? EXIT_INVALID : 0;
}
