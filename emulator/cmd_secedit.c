/* SPDX-License-Identifier: MIT */
/*
 * `lsaemu import-secedit FILE.inf` and `lsaemu export-secedit POLICY`:
 * security templates to policies and back, so that a fixture can start
 * from a real machine's `secedit /export` and a real machine can be made
 * to match a fixture with `secedit /configure`.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lsaemu.h"

#include "commands.h"
#include "tool_util.h"

static const char import_usage[] = "usage: lsaemu import-secedit [--stub-accounts] FILE.inf\n";
static const char export_usage[] = "usage: lsaemu export-secedit POLICY [--output FILE.inf]\n";

struct outcome {
    int errors;
    int unreadable;
};

static void report(const struct lsaemu_error *err, void *ctx)
{
    struct outcome *o = ctx;
    if (err->line == 0) {
        o->unreadable++;
        fprintf(stderr, "%s: %s\n", err->source, err->text);
        return;
    }
    o->errors++;
    fprintf(stderr, "%s:%d:%d: %s\n", err->source, err->line, err->column, err->text);
}

static bool is_help(const char *a)
{
    return !strcmp(a, "--help") || !strcmp(a, "-h");
}

int cmd_import_secedit(int argc, char **argv)
{
    if (argc == 2 && is_help(argv[1])) {
        printf("%s\n"
               "Converts the [Privilege Rights] section of a `secedit /export` template\n"
               "(UTF-16LE with BOM, or UTF-8; CRLF or LF) into a policy with base: none\n"
               "on stdout. Names and *S-1-... SIDs are kept; an empty assignment stays an\n"
               "empty list. LockoutBadCount, LockoutDuration and ResetLockoutCount of\n"
               "[System Access] become the lockout: section. Other keys and sections are\n"
               "read past. Problems are printed as FILE:LINE:COLUMN: message.\n\n"
               "  --stub-accounts  add a disabled account without a password for every\n"
               "                   name the template gives that a policy does not have\n"
               "                   by default (DOMAIN\\name: an account of the domain:\n"
               "                   section), so that `lsaemu validate` accepts the result\n\n"
               "Exit status: 0 converted, 1 invalid template, 2 usage error, unreadable\n"
               "file or write error.\n",
               import_usage);
        return 0;
    }
    unsigned flags = 0;
    int first = 1;
    if (argc > 1 && !strcmp(argv[1], "--stub-accounts")) {
        flags = LSAEMU_SECEDIT_STUB_ACCOUNTS;
        first = 2;
    }
    if (argc != first + 1 || argv[first][0] == '-') {
        fprintf(stderr, "lsaemu import-secedit: give exactly one template\n%s", import_usage);
        return EXIT_USAGE;
    }
    struct outcome o = {0, 0};
    char *yaml = NULL;
    if (lsaemu_secedit_import_file_ex(argv[first], flags, &yaml, report, &o) != 0)
        return o.unreadable ? EXIT_USAGE : EXIT_INVALID;
    tool_put(yaml, strlen(yaml)); /* a failure is reported by main() */
    lsaemu_free(yaml);
    return 0;
}

int cmd_export_secedit(int argc, char **argv)
{
    const char *policy = NULL, *output = NULL;
    for (int i = 1; i < argc; i++) {
        if (is_help(argv[i])) {
            printf("%s\n"
                   "Writes the rights database of the policy as a security template, the\n"
                   "way `secedit /export` does (UTF-16LE with BOM, CRLF, [Unicode],\n"
                   "[Version], [System Access] with the lockout: section's LockoutBadCount,\n"
                   "ResetLockoutCount and LockoutDuration, and [Privilege Rights] with\n"
                   "*S-1-... SIDs), to stdout or FILE. Apply it on Windows with\n"
                   "  secedit /configure /db fixture.sdb /cfg FILE.inf /areas USER_RIGHTS\n"
                   "(add SECURITYPOLICY to /areas for the lockout settings).\n\n"
                   "FILE is replaced atomically (a failed write leaves it as it was); it\n"
                   "must not be a symbolic link.\n\n"
                   "Exit status: 0 written, 1 invalid policy, 2 usage error, unreadable\n"
                   "policy or write error.\n",
                   export_usage);
            return 0;
        }
        if (!strcmp(argv[i], "--output") && i + 1 < argc) {
            output = argv[++i];
        } else if (argv[i][0] == '-' || policy) {
            fprintf(stderr, "lsaemu export-secedit: unexpected argument '%s'\n%s", argv[i],
                    export_usage);
            return EXIT_USAGE;
        } else {
            policy = argv[i];
        }
    }
    if (!policy) {
        fprintf(stderr, "lsaemu export-secedit: no policy given\n%s", export_usage);
        return EXIT_USAGE;
    }
    struct lsaemu_error err;
    char *data = NULL;
    size_t len = 0;
    int rc = output ? lsaemu_secedit_export_to_file(policy, output, &err)
                    : lsaemu_secedit_export_file(policy, &data, &len, &err);
    if (rc != 0) {
        /* Line 0: the policy could not be read or the output not written. */
        if (err.line == 0) {
            fprintf(stderr, "%s: %s\n", err.source[0] ? err.source : policy, err.text);
            return EXIT_USAGE;
        }
        fprintf(stderr, "%s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
        return EXIT_INVALID;
    }
    if (!output)
        tool_put(data, len); /* a failure is reported by main() */
    lsaemu_free(data);
    return 0;
}
