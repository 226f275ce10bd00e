/* SPDX-License-Identifier: MIT */
/*
 * The lsaemu tool: dispatches to one subcommand from a table. Built only on
 * the public header lsaemu.h and liblsaemu, like any other client.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lsaemu.h"

#include "commands.h"
#include "tool_util.h"

static const struct command commands[] = {
    {"validate", "check policy files and report every error as FILE:LINE:COLUMN: message",
     cmd_validate},
    {"logon", "perform one logon and show the status, the reason and the token", cmd_logon},
    {"explain", "explain an NTSTATUS or Win32 error and how to reproduce it", cmd_explain},
    {"rights", "show which accounts may log on with which logon type, and why", cmd_rights},
    {"import-secedit", "convert a secedit /export template into a policy",
     cmd_import_secedit},
    {"export-secedit", "write a policy's rights as a template for secedit /configure",
     cmd_export_secedit},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out, "usage: lsaemu COMMAND [ARGS...]\n"
                 "       lsaemu --help | --version\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-15s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'lsaemu COMMAND --help' describes one command.\n\n"
                 "Exit status: 0 success, 1 a negative answer (invalid file, refused logon,\n"
                 "unknown code), 2 usage error, unreadable input or write error.\n");
}

/*
 * stdio reports a failed write to stdout (a full disk, a closed or broken
 * descriptor) only through ferror() or the final flush, which exit() would
 * do silently. A caller redirecting the answer into a file must not get
 * exit status 0 with a truncated file, so stdout is flushed and closed here
 * and any failure becomes EXIT_WRITE with "lsaemu: write error: <reason>".
 */
static int close_stdout(int rc)
{
    bool failed = ferror(stdout) != 0;
    int e = tool_put_errno();
    errno = 0;
    if (fflush(stdout) != 0) {
        failed = true;
        e = e ? e : errno;
    }
    errno = 0;
    if (fclose(stdout) != 0) {
        failed = true;
        e = e ? e : errno;
    }
    if (!failed)
        return rc;
    /* ferror() alone: an earlier write failed and its errno is gone. */
    fprintf(stderr, "lsaemu: write error: %s\n", e ? strerror(e) : "output was lost");
    return EXIT_WRITE;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("lsaemu %s\n", PACKAGE_VERSION);
        return 0;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "lsaemu: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    return close_stdout(run(argc, argv));
}
