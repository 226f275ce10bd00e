/* SPDX-License-Identifier: MIT */
/*
 * The well-known SIDs (data/reference/well-known-sids.tsv) with the names and
 * domains LookupAccountSid shows for them. Machine-relative SIDs (the local
 * Administrator, Guest, None) are not here: they belong to the policy.
 * The table is static; look-ups never allocate and are thread-safe.
 */
#ifndef LSAEMU_CORE_MODEL_WELLKNOWN_H
#define LSAEMU_CORE_MODEL_WELLKNOWN_H

#include <stdbool.h>

#include "core/model/sid.h"

/* SID_NAME_USE values (winnt.h numbering). */
enum sid_name_use {
    SID_USE_USER = 1,
    SID_USE_GROUP = 2,
    SID_USE_DOMAIN = 3,
    SID_USE_ALIAS = 4,
    SID_USE_WELL_KNOWN_GROUP = 5,
    SID_USE_DELETED_ACCOUNT = 6,
    SID_USE_INVALID = 7,
    SID_USE_UNKNOWN = 8,
    SID_USE_COMPUTER = 9,
    SID_USE_LABEL = 10,
    SID_USE_LOGON_SESSION = 11,
};

struct wellknown_sid {
    struct sid sid;
    const char *name;   /* "Everyone", "SYSTEM", "Administrators", "NT AUTHORITY" */
    const char *domain; /* "NT AUTHORITY", "BUILTIN", "Mandatory Label" or "" */
    enum sid_name_use use;
};

/* The entry for sid, or NULL. Logon SIDs (S-1-5-5-X-Y) are not entries. */
const struct wellknown_sid *wellknown_by_sid(const struct sid *sid);

/*
 * Case-insensitive look-up of "NAME" or "DOMAIN\NAME" ("Everyone",
 * "NT AUTHORITY\SYSTEM", "BUILTIN\Users", "Local account") and of the
 * service-account aliases "LocalSystem", "LocalService", "NetworkService".
 * Domain entries themselves are found by their domain name ("BUILTIN").
 * Returns NULL when nothing matches.
 */
const struct wellknown_sid *wellknown_by_name(const char *name);
/*
 * The same as the LSA's look-ups (LookupAccountName, LsaLookupNames[2])
 * see it: "LocalService" and "NetworkService", bare or after
 * "NT AUTHORITY\\", are known; "LocalSystem" only with local_system.
 */
const struct wellknown_sid *wellknown_lookup_name(const char *name, bool local_system);

/* Number of entries, and entry i (0 <= i < count), for tests and listings. */
unsigned wellknown_count(void);
const struct wellknown_sid *wellknown_at(unsigned i);

#endif
