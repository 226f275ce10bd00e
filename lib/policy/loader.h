/* SPDX-License-Identifier: MIT */
/*
 * Policy sources: the YAML loader (policy format v1, docs/policy-format.md)
 * and the embedded default. They build a finished struct policy or say where
 * the input is wrong as FILE:LINE:COLUMN: message.
 */
#ifndef LSAEMU_POLICY_LOADER_H
#define LSAEMU_POLICY_LOADER_H

#include <stddef.h>

#include "core/policy.h"
#include "lsaemu.h"

/*
 * Loads a policy file. Returns a finished policy with one reference (release
 * it with policy_unref()), or NULL with *err (may be NULL) describing the
 * first error in file order. An unreadable file gives line and column 0 and
 * the text "cannot read: <reason>".
 */
struct policy *loader_load_file(const char *path, struct lsaemu_error *err);

/* As loader_load_file, from len bytes of YAML (need not be NUL-terminated);
 * source (NULL: "<string>") is the name errors use. */
struct policy *loader_load_string(const char *yaml, size_t len, const char *source,
                                  struct lsaemu_error *err);

/* The embedded default: base workstation, no extra accounts, process
 * `default` runs as SYSTEM. NULL only when memory runs out. */
struct policy *loader_default_policy(void);

/*
 * Validates a file and reports every error it can find, in file order, by
 * calling report once per error. Returns the number of errors, or -1 when
 * the file cannot be read (then report is called once with line and column 0
 * and the text "cannot read: <reason>").
 */
int loader_check_file(const char *path, void (*report)(const struct lsaemu_error *, void *),
                      void *ctx);

/* As loader_check_file for a text in memory (never returns -1). */
int loader_check_string(const char *yaml, size_t len, const char *source,
                        void (*report)(const struct lsaemu_error *, void *), void *ctx);

#endif
