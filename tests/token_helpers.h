/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the LogonUser and token suites: UTF-16 arguments, SIDs as
 * text, and reading a token through GetTokenInformation. Written from
 * behavior.md, structs.md and token-groups-by-logon-type, not from the
 * implementation.
 */
#ifndef LSAEMU_TESTS_TOKEN_HELPERS_H
#define LSAEMU_TESTS_TOKEN_HELPERS_H

#include "lsa_helpers.h"

/* A NUL-terminated UTF-16 copy of ASCII text in buf (at least strlen + 1
 * units), or NULL for NULL. */
LPCWSTR tk_w(WCHAR *buf, const char *ascii);

/* "S-1-5-21-..." for a binary SID, in buf (at least 192 bytes). */
const char *tk_sid_text(const void *sid, char *buf);
/* A binary SID from text into buf (at least 68 bytes); asserts it parses. */
PSID tk_sid(void *buf, const char *text);

/* GetTokenInformation into a malloc'd buffer that must succeed (asserts the
 * size query answers FALSE/122 first for variable classes); free() it. */
void *tk_info(HANDLE token, TOKEN_INFORMATION_CLASS cls, DWORD *len);
/* TokenUser as text. */
const char *tk_user(HANDLE token, char *buf);
/* Does TokenGroups contain this SID? *attrs receives its attributes. */
int tk_has_group(HANDLE token, const char *sid, DWORD *attrs);
/* The logon SID (S-1-5-5-X-Y) in TokenGroups as text, or NULL. */
const char *tk_logon_sid(HANDLE token, char *buf);
DWORD tk_type(HANDLE token);
TOKEN_STATISTICS tk_stats(HANDLE token);
/* The attributes of a privilege in TokenPrivileges, or -1 when absent. */
long tk_priv(HANDLE token, DWORD luid);

/* Checks the token groups of a logon type against
 * token-groups-by-logon-type.tsv: Everyone, Authenticated Users, Users and
 * the logon-type group; LOCAL and a logon SID only for non-network logons. */
void tk_check_groups(HANDLE token, DWORD logon_type, const char *id);

#endif
