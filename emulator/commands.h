/* SPDX-License-Identifier: MIT */
/*
 * Subcommands of the lsaemu tool. Each gets argv starting at its own name
 * and returns the process exit status: 0 success, 1 a negative answer
 * (e.g. an invalid policy), 2 a usage error, unreadable input or output
 * that cannot be written. Subcommands write their answer to stdout and
 * leave it open: main() closes it and turns a write error into EXIT_WRITE.
 */
#ifndef LSAEMU_EMULATOR_COMMANDS_H
#define LSAEMU_EMULATOR_COMMANDS_H

#define EXIT_INVALID 1
#define EXIT_USAGE 2
/* Output lost (a full disk, a closed stdout): the caller cannot trust what
 * it got, like input that cannot be read, so the same status. */
#define EXIT_WRITE 2

struct command {
    const char *name;
    const char *summary; /* one line for `lsaemu --help` */
    int (*run)(int argc, char **argv);
};

int cmd_validate(int argc, char **argv);
int cmd_logon(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_rights(int argc, char **argv);
int cmd_import_secedit(int argc, char **argv);
int cmd_export_secedit(int argc, char **argv);

#endif
