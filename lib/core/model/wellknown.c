/* SPDX-License-Identifier: MIT */
/*
 * The well-known SID table. Written from data/reference/well-known-sids.tsv;
 * names and domains are spelled as LookupAccountSid returns them. The table is
 * small and fixed, so look-ups are a linear pass over about sixty entries
 * comparing the SID first by its hash; nothing here is on a per-account path.
 */
#include "config.h"

#include "core/model/wellknown.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#define NTA "NT AUTHORITY"
#define BI "BUILTIN"
#define ML "Mandatory Label"

/* SID written as authority, sub-authority count and sub-authorities. */
#define S1(auth, a) {1, 1, {0, 0, 0, 0, 0, auth}, {a}}
#define S2(auth, a, b) {1, 2, {0, 0, 0, 0, 0, auth}, {a, b}}
#define S0(auth) {1, 0, {0, 0, 0, 0, 0, auth}, {0}}

static const struct wellknown_sid table[] = {
    {S1(0, 0), "NULL SID", "", SID_USE_WELL_KNOWN_GROUP},
    {S1(1, 0), "Everyone", "", SID_USE_WELL_KNOWN_GROUP},
    {S1(2, 0), "LOCAL", "", SID_USE_WELL_KNOWN_GROUP},
    {S1(2, 1), "CONSOLE LOGON", "", SID_USE_WELL_KNOWN_GROUP},
    {S1(3, 0), "CREATOR OWNER", "", SID_USE_WELL_KNOWN_GROUP},
    {S1(3, 1), "CREATOR GROUP", "", SID_USE_WELL_KNOWN_GROUP},
    /* The NT AUTHORITY domain itself: LookupAccountSid names it by its domain. */
    {S0(5), NTA, NTA, SID_USE_DOMAIN},
    {S1(5, 1), "DIALUP", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 2), "NETWORK", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 3), "BATCH", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 4), "INTERACTIVE", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 6), "SERVICE", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 7), "ANONYMOUS LOGON", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 8), "PROXY", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 9), "ENTERPRISE DOMAIN CONTROLLERS", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 10), "SELF", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 11), "Authenticated Users", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 12), "RESTRICTED", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 13), "TERMINAL SERVER USER", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 14), "REMOTE INTERACTIVE LOGON", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 15), "This Organization", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 18), "SYSTEM", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 19), "LOCAL SERVICE", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 20), "NETWORK SERVICE", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S2(5, 64, 10), "NTLM Authentication", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S2(5, 64, 14), "SChannel Authentication", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S2(5, 64, 21), "Digest Authentication", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 1000), "Other Organization", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 113), "Local account", NTA, SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 114), "Local account and member of Administrators group", NTA,
     SID_USE_WELL_KNOWN_GROUP},
    {S1(5, 32), BI, BI, SID_USE_DOMAIN},
    {S2(5, 32, 544), "Administrators", BI, SID_USE_ALIAS},
    {S2(5, 32, 545), "Users", BI, SID_USE_ALIAS},
    {S2(5, 32, 546), "Guests", BI, SID_USE_ALIAS},
    {S2(5, 32, 547), "Power Users", BI, SID_USE_ALIAS},
    {S2(5, 32, 548), "Account Operators", BI, SID_USE_ALIAS},
    {S2(5, 32, 549), "Server Operators", BI, SID_USE_ALIAS},
    {S2(5, 32, 550), "Print Operators", BI, SID_USE_ALIAS},
    {S2(5, 32, 551), "Backup Operators", BI, SID_USE_ALIAS},
    {S2(5, 32, 552), "Replicator", BI, SID_USE_ALIAS},
    {S2(5, 32, 554), "Pre-Windows 2000 Compatible Access", BI, SID_USE_ALIAS},
    {S2(5, 32, 555), "Remote Desktop Users", BI, SID_USE_ALIAS},
    {S2(5, 32, 556), "Network Configuration Operators", BI, SID_USE_ALIAS},
    {S2(5, 32, 558), "Performance Monitor Users", BI, SID_USE_ALIAS},
    {S2(5, 32, 559), "Performance Log Users", BI, SID_USE_ALIAS},
    {S2(5, 32, 562), "Distributed COM Users", BI, SID_USE_ALIAS},
    {S2(5, 32, 568), "IIS_IUSRS", BI, SID_USE_ALIAS},
    {S2(5, 32, 573), "Event Log Readers", BI, SID_USE_ALIAS},
    {S1(16, 0), "Untrusted Mandatory Level", ML, SID_USE_LABEL},
    {S1(16, 4096), "Low Mandatory Level", ML, SID_USE_LABEL},
    {S1(16, 8192), "Medium Mandatory Level", ML, SID_USE_LABEL},
    {S1(16, 8448), "Medium Plus Mandatory Level", ML, SID_USE_LABEL},
    {S1(16, 12288), "High Mandatory Level", ML, SID_USE_LABEL},
    {S1(16, 16384), "System Mandatory Level", ML, SID_USE_LABEL},
    {S1(16, 20480), "Protected Process Mandatory Level", ML, SID_USE_LABEL},
    {S1(18, 1), "Authentication authority asserted identity", "", SID_USE_WELL_KNOWN_GROUP},
    {S1(18, 2), "Service asserted identity", "", SID_USE_WELL_KNOWN_GROUP},
    {S2(15, 2, 1), "ALL APPLICATION PACKAGES", "APPLICATION PACKAGE AUTHORITY",
     SID_USE_WELL_KNOWN_GROUP},
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

/*
 * Other spellings of the service accounts. The LSA itself knows the two
 * without a space (i13-facts A3: Windows resolves "LocalService",
 * "lOCAlServICE", "NT AUTHORITY\LocalService", "NetworkService" and the
 * principal names, and nothing else: not "Local  Service" nor
 * "ntauthority\Network Service"). "LocalSystem" is the service control
 * manager's keyword, which the policy format accepts as a principal; the
 * LSA's look-ups choose (wellknown_lookup_name()).
 */
static const struct {
    const char *alias;
    unsigned rid; /* S-1-5-<rid> */
    bool lsa;     /* known to LookupAccountName / LsaLookupNames for sure */
} aliases[] = {
    {"LocalSystem", 18, false},
    {"LocalService", 19, true},
    {"NetworkService", 20, true},
};

const struct wellknown_sid *wellknown_by_sid(const struct sid *sid)
{
    for (size_t i = 0; i < TABLE_SIZE; i++)
        if (sid_equal(&table[i].sid, sid))
            return &table[i];
    return NULL;
}

static const struct wellknown_sid *by_rid5(unsigned rid)
{
    struct sid s = sid_make1(5, rid);
    return wellknown_by_sid(&s);
}

static const struct wellknown_sid *by_alias(const char *bare, bool lsa_only)
{
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if ((aliases[i].lsa || !lsa_only) && strcasecmp(aliases[i].alias, bare) == 0)
            return by_rid5(aliases[i].rid);
    return NULL;
}

static const struct wellknown_sid *by_name(const char *name, bool lsa_only)
{
    const char *slash = strchr(name, '\\');
    if (slash) {
        size_t dlen = (size_t)(slash - name);
        const char *bare = slash + 1;
        for (size_t i = 0; i < TABLE_SIZE; i++) {
            const struct wellknown_sid *w = &table[i];
            if (w->use == SID_USE_DOMAIN)
                continue;
            if (strlen(w->domain) == dlen && strncasecmp(w->domain, name, dlen) == 0 &&
                strcasecmp(w->name, bare) == 0)
                return w;
        }
        /* The aliases are names of NT AUTHORITY's accounts, and only of it. */
        if (dlen == strlen(NTA) && strncasecmp(name, NTA, dlen) == 0)
            return by_alias(bare, lsa_only);
        return NULL;
    }
    for (size_t i = 0; i < TABLE_SIZE; i++)
        if (strcasecmp(table[i].name, name) == 0)
            return &table[i];
    return by_alias(name, lsa_only);
}

const struct wellknown_sid *wellknown_by_name(const char *name)
{
    return by_name(name, false);
}

const struct wellknown_sid *wellknown_lookup_name(const char *name, bool local_system)
{
    return by_name(name, !local_system);
}

unsigned wellknown_count(void)
{
    return (unsigned)TABLE_SIZE;
}

const struct wellknown_sid *wellknown_at(unsigned i)
{
    return i < TABLE_SIZE ? &table[i] : NULL;
}
