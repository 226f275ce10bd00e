/* SPDX-License-Identifier: MIT */
/*
 * The SIDs of WELL_KNOWN_SID_TYPE (winnt.h), for CreateWellKnownSid and
 * IsWellKnownSid: the types CreateWellKnownSid builds (the SDK's table:
 * authority and sub-authorities, or a RID under a domain SID), and the one
 * it cannot build but IsWellKnownSid recognises (WinLogonIdsSid,
 * S-1-5-5-X-Y). The table is static; nothing here allocates.
 */
#ifndef LSAEMU_WIN32_ADVAPI32_SID_TYPES_H
#define LSAEMU_WIN32_ADVAPI32_SID_TYPES_H

#include <stdbool.h>

#include "core/model/sid.h"

enum sidtype_result {
    SIDTYPE_OK,           /* *out is the SID */
    SIDTYPE_UNKNOWN,      /* not a type CreateWellKnownSid builds */
    SIDTYPE_NEEDS_DOMAIN, /* relative to a domain, and domain is NULL */
};

/* The SID of type; domain (NULL when none was given) is the domain SID the
 * domain-relative types append their RID to. A domain given to a type that
 * needs none is ignored (i13-facts A4). */
enum sidtype_result sidtype_build(unsigned type, const struct sid *domain, struct sid *out);

/* Is s a SID of type? A domain-relative type matches its RID under any
 * account domain (S-1-5-21-a-b-c-RID), WinLogonIdsSid any S-1-5-5-X-Y. */
bool sidtype_is(const struct sid *s, unsigned type);

#endif
