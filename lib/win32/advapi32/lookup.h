/* SPDX-License-Identifier: MIT */
/*
 * Shared by the look-up functions (LookupAccountName/Sid, LookupPrivilege*,
 * LsaLookupNames2/Sids and the account-rights functions): the local-system
 * test, SIDs handed over by callers, and translating between names and SIDs
 * the way LookupAccountSid shows them.
 */
#ifndef LSAEMU_WIN32_ADVAPI32_LOOKUP_H
#define LSAEMU_WIN32_ADVAPI32_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "win32/api.h"
#include "core/model/sid.h"
#include "core/model/wellknown.h"

/* Is this system name the local machine? NULL, "", the machine name (any
 * case) and "\\name" are. The U form takes a counted UTF-16 string. */
bool lookup_is_local_a(const struct policy *pol, const char *name);
bool lookup_is_local_u(const struct policy *pol, const LSA_UNICODE_STRING *name);

/* Reads a caller's SID (validated: revision 1, at most 15 sub-authorities).
 * False for NULL or an invalid SID. */
bool lookup_read_sid(const void *psid, struct sid *out);

/* A name translated (or a SID named). */
struct lookup_result {
    struct sid sid;        /* the account's SID */
    char name[256];        /* as LookupAccountSid shows it; "" for domains in LsaLookupNames2 */
    char domain[256];      /* "NT AUTHORITY", "BUILTIN", the machine name or "" */
    struct sid domain_sid; /* the SID of that domain (for referenced-domain lists) */
    bool has_domain;       /* false: no domain to reference (DomainIndex -1) */
    enum sid_name_use use;
};

/* Translates a name ("alice", "WS1\alice", "BUILTIN\Users", "Everyone",
 * the machine name). False when nothing has that name. */
bool lookup_name(const struct policy *pol, const char *text, struct lookup_result *out);
/* Names a SID. False when the SID names nothing. */
bool lookup_sid(const struct policy *pol, const struct sid *sid, struct lookup_result *out);

/* A UTF-8 copy of a counted UTF-16 string (NULL when memory runs out). A
 * U+0000 inside it ends the copy: callers that compare names check
 * lookup_ustr_has_nul() first, since Windows compares the whole counted
 * string and "alice\0evil" is not "alice". */
char *lookup_ustr_utf8(const LSA_UNICODE_STRING *u);
bool lookup_ustr_has_nul(const LSA_UNICODE_STRING *u);
/* A UTF-8 copy of a NUL-terminated UTF-16 string. */
char *lookup_wstr_utf8(const WCHAR *w);
/* Longest system or account name we look at, in UTF-16 units. */
#define LOOKUP_MAX_UNITS 4096
/* UTF-16 code units of a UTF-8 string (no terminator). */
size_t lookup_utf16_len(const char *s);

/*
 * The domain the machine is joined to (the policy's domain: section, or the
 * older machine.domain): its NetBIOS name into netbios (size bytes, at
 * least 16) and its SID. False on a workgroup machine.
 */
bool lookup_joined_domain(const struct policy *pol, char *netbios, size_t size, struct sid *sid);

/* Characters of text in the A (bytes) or W (UTF-16 units) form. */
size_t lookup_text_units(const char *text, bool wide);
/* Writes text and its terminator into buf (room checked by the caller). */
void lookup_copy_text(const char *text, void *buf, bool wide);
/*
 * The Windows rule for a caller's name buffer of *cch characters: too small
 * (room for less than the text and its terminator) gives
 * STATUS_BUFFER_TOO_SMALL and *cch = characters needed including the
 * terminator; success writes the text and sets *cch to its length without
 * the terminator. NULL cch, or a NULL buffer claimed large enough, gives
 * STATUS_INVALID_PARAMETER (Deviation: Windows faults).
 */
NTSTATUS lookup_put_text(const char *text, void *buf, DWORD *cch, bool wide);

#endif
