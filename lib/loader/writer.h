/* SPDX-License-Identifier: MIT */
/*
 * The policy writer: a finished struct policy as a policy-format v1 YAML
 * document that loads back to the same decisions (lsaemu_save_policy_file).
 */
#ifndef LSAEMU_LOADER_WRITER_H
#define LSAEMU_LOADER_WRITER_H

#include <stdio.h>

#include "core/model/policy.h"

/*
 * Writes pol to f: `base: none`, every right listed explicitly by SID, every
 * account with nt_hash (and sid: unless built-in, whose SIDs are fixed),
 * every group with members (and sid: unless built-in), the machine, options,
 * processes and faults. A list several groups or accounts share is written
 * once with an anchor and aliased at its other uses. Returns 0, or -1 when
 * writing failed (errno set by stdio, ENOMEM when memory ran out).
 */
int policy_write_yaml(const struct policy *pol, FILE *f);

#endif
