/* SPDX-License-Identifier: MIT */
/*
 * Policy sources: the YAML loader (policy format v1, docs/policy-format.md)
 * and the embedded default. They build a finished struct policy or say where
 * the input is wrong as FILE:LINE:COLUMN: message.
 */
#ifndef LSAEMU_LOADER_LOADER_H
#define LSAEMU_LOADER_LOADER_H

#include <stddef.h>

#include "core/model/policy.h"
#include "lsaemu.h"

/*
 * The loader's limits, all in one place (docs/policy-format.md "lsaemu
 * additions", lsaemu-policy(5)). Each keeps a hostile or mistaken input from
 * costing more than a bounded amount of time and memory; none is near what
 * a real policy needs. Exceeding one is an error with a position, like any
 * other, and the policy in force stays.
 */
/* Bytes of a policy file (or text); the error is placed at 1:1. A regular
 * file is measured before it is read, a pipe as it is read. */
#define LOADER_MAX_BYTES (64 * 1024 * 1024)
/* Nesting of collections (the top-level mapping is level 1); a valid policy
 * needs 4. Reported at the collection that is one too deep. */
#define LOADER_MAX_DEPTH 64
/* What aliases repeat, all aliases together: each alias counts the nodes it
 * names plus the bytes of their text (a 5-letter name in a list is 6),
 * except that a list under members: or groups: counts 1 -- the model stores
 * such a list once and shares it (struct policy_list), so repeating it
 * repeats no work. What it still bounds is read and stored again at every
 * use (text copied or hashed, workstations, logon hours, mapping keys):
 * that much on top of the file, so a load stays linear in the file.
 * Reported at the alias that goes over. */
#define LOADER_MAX_ALIAS_SIZE (16 * 1024 * 1024)
/* Errors loader_check_* lists, in file order; one more line says how many
 * there were in all. A load keeps only the first. */
#define LOADER_MAX_ERRORS 100

/*
 * Loads a policy file. Returns a finished policy with one reference (release
 * it with policy_unref()), or NULL with *err (may be NULL) describing the
 * first error in file order. An unreadable file gives line and column 0 and
 * the text "cannot read: <reason>"; so does what is neither a regular file
 * nor a pipe ("not a regular file or a pipe"), which is not opened. A FIFO
 * is opened without waiting for a writer (with none, it reads as empty).
 * A file (or pipe) longer than LOADER_MAX_BYTES is an error at 1:1.
 */
struct policy *loader_load_file(const char *path, struct lsaemu_error *err);

/* As loader_load_file, from len bytes of YAML (need not be NUL-terminated);
 * source (NULL: "<string>") is the name errors use. A UTF-8 byte-order mark
 * at the start is skipped, here and in files. */
struct policy *loader_load_string(const char *yaml, size_t len, const char *source,
                                  struct lsaemu_error *err);

/* The embedded default: base workstation, no extra accounts, process
 * `default` runs as SYSTEM. NULL only when memory runs out. */
struct policy *loader_default_policy(void);

/*
 * Validates a file and reports the errors it can find, in file order, by
 * calling report once per error: at most LOADER_MAX_ERRORS, then once more
 * at the first error not listed, saying how many there were. Returns the
 * number of reports, or -1 when the file cannot be read (then report is
 * called once with line and column 0 and the text "cannot read: <reason>").
 */
int loader_check_file(const char *path, void (*report)(const struct lsaemu_error *, void *),
                      void *ctx);

/* As loader_check_file for a text in memory (never returns -1). */
int loader_check_string(const char *yaml, size_t len, const char *source,
                        void (*report)(const struct lsaemu_error *, void *), void *ctx);

/*
 * As loader_check_file / loader_check_string, and warn (may be NULL) is
 * called once per warning -- something valid that is likely not what the
 * author meant, such as a rights: entry that drops stock holders -- after
 * every error, in file order: at most LOADER_MAX_ERRORS, then once more at
 * the first one not listed, saying how many there were. Warnings do not
 * count in the result.
 */
int loader_check_file_warn(const char *path, void (*report)(const struct lsaemu_error *, void *),
                           void (*warn)(const struct lsaemu_error *, void *), void *ctx);
int loader_check_string_warn(const char *yaml, size_t len, const char *source,
                             void (*report)(const struct lsaemu_error *, void *),
                             void (*warn)(const struct lsaemu_error *, void *), void *ctx);

/*
 * Test-only: what the calling thread's last load or check did, in units that
 * grow with the work, so that a test can check the growth is linear without
 * timing anything (tests/check_loader.c). A file that was not read counts 0.
 */
struct loader_work {
    unsigned long events;     /* libyaml events read */
    unsigned long lookups;    /* anchors probed, names resolved */
    unsigned long errors;     /* errors found, kept or not */
    unsigned long members;    /* memberships stored: list items, an account
                               * joining a group, a group or account
                               * referring to a shared list */
};
void loader_last_work(struct loader_work *out);

#endif
