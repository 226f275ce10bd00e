/* SPDX-License-Identifier: MIT */
/*
 * The stock User Rights Assignment of a clean Windows install, per role
 * (behavior.md 4.2 plus the privileges of a clean install). Only data: the
 * policy applies it in policy_finish() to every right the policy left unset.
 * SYSTEM is in no list: it holds every privilege implicitly, which is the
 * engine's business.
 */
#ifndef LSAEMU_CORE_MODEL_BASES_H
#define LSAEMU_CORE_MODEL_BASES_H

#include <stddef.h>

#include "core/model/policy.h"

/* No stock list is longer than this. */
#define BASES_MAX_HOLDERS 8

/*
 * Writes to out (room for cap SIDs) the stock holders of right id for base
 * (BASE_WORKSTATION or BASE_SERVER; BASE_NONE and BASE_FROM_ROLE give none),
 * in the order the policy editor lists them. machine_sid is needed for the
 * machine-relative holders (Guest). Returns the number of holders, which may
 * exceed cap (then only cap were written).
 */
size_t bases_holders(enum policy_base base, int id, const struct sid *machine_sid,
                     struct sid *out, size_t cap);

#endif
