/* SPDX-License-Identifier: MIT */
/*
 * The privilege and logon-right vocabulary: one id per name, in the order of
 * rights_table.h (generated from the reference data). Privileges carry a LUID;
 * account rights do not and never appear in a token.
 */
#ifndef LSAEMU_CORE_MODEL_RIGHTS_H
#define LSAEMU_CORE_MODEL_RIGHTS_H

#include <stdbool.h>
#include <stdint.h>

enum right_id {
#define X(id, name, luid, is_right, display, flag) RIGHT_##id,
#include "gen/rights_table.h"
#undef X
    RIGHT_COUNT
};

/* A set of rights and privileges; RIGHT_COUNT is below 64. */
typedef uint64_t right_mask;
#define RIGHT_BIT(id) ((right_mask)1 << (id))

struct right_info {
    const char *name;
    uint32_t luid;        /* 0 for account rights */
    bool is_right;        /* account right (logon right), not a privilege */
    const char *display;  /* LookupPrivilegeDisplayName / policy editor text */
    uint32_t access_flag; /* SECURITY_ACCESS_* bit for rights, 0 for privileges */
};

const struct right_info *right_info(int id);
/* Case-insensitive lookup of a privilege or right name; -1 when unknown. */
int right_by_name(const char *name);
/* Privilege id for a LUID low part (HighPart must be 0); -1 when unknown. */
int right_by_luid(uint32_t luid_low);


/*
 * Allow and deny right governing a SECURITY_LOGON_TYPE value (behavior.md 4.1).
 * Returns false for types with no right check (NewCredentials) or no meaning
 * (0, 1, Proxy, undefined values).
 */
bool rights_for_logon_type(unsigned logon_type, int *allow, int *deny);

#endif
