/* SPDX-License-Identifier: MIT */
/*
 * Security templates (the .inf files of `secedit /export` and
 * `secedit /configure`) as a policy source and a policy sink. Only the
 * [Privilege Rights] section carries what lsaemu models; every other
 * section is read past.
 */
#ifndef LSAEMU_LOADER_SECEDIT_H
#define LSAEMU_LOADER_SECEDIT_H

#include <stddef.h>

#include "core/model/policy.h"
#include "lsaemu.h"

/* secedit_import() flag: add a disabled, password-less account for every
 * name the template gives that a policy does not have by default (names
 * qualified with a domain other than BUILTIN and NT AUTHORITY become
 * accounts of that domain), so that the result validates. */
#define SECEDIT_STUB_ACCOUNTS 1u

/*
 * Converts a template (len bytes: UTF-16LE with BOM, or UTF-8 with or
 * without BOM; CRLF or LF) into the text of a v1 policy with `base: none`.
 * flags: SECEDIT_STUB_ACCOUNTS or 0. Each problem goes to report (may be
 * NULL) with source, line and column (1-based, in characters). Returns the
 * number of problems; when it is 0, *yaml is a NUL-terminated text the
 * caller frees with mem_free(), else NULL. -1 on allocation failure.
 */
int secedit_import(const unsigned char *data, size_t len, const char *source, unsigned flags,
                   void (*report)(const struct lsaemu_error *, void *), void *ctx, char **yaml);

/*
 * The rights database of a finished policy as a template secedit accepts:
 * UTF-16LE with BOM, CRLF, [Unicode], [Version], [Privilege Rights] with
 * every holder as *S-1-... and rights nobody holds as empty assignments.
 * *out receives *len bytes, which the caller frees with mem_free(). 0, or
 * -1 on allocation failure.
 */
int secedit_export(const struct policy *pol, char **out, size_t *len);

#endif
