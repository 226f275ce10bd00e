/* SPDX-License-Identifier: MIT */
/* Helpers shared by the subcommands of the lsaemu tool. */
#ifndef LSAEMU_EMULATOR_TOOL_UTIL_H
#define LSAEMU_EMULATOR_TOOL_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <windows.h>

/* A SECURITY_LOGON_TYPE from a name ("network-cleartext") or a number.
 * 0, or -1 when it is neither. Numbers are not range-checked: passing an
 * undefined type through is how one sees what Windows answers to it. */
int tool_parse_logon_type(const char *text, unsigned *type);
/* "interactive", ..., or "type N" for numbers without a name (static
 * buffer for those). */
const char *tool_logon_type_name(unsigned type);

/* The name of a status or Win32 error, "(no name)" when it has none. */
const char *tool_status_name(int32_t status);
const char *tool_win32_name(uint32_t code);

/* Converts UTF-8 to UTF-16 into out (at most cap units, terminated);
 * returns the number of units written, without the terminator. */
size_t tool_utf16(const char *s, WCHAR *out, size_t cap);

/* Loads a policy for subcommand cmd and says on stderr why it cannot
 * ("FILE:LINE:COLUMN: message"). Returns 0, 1 (invalid) or 2 (unreadable). */
int tool_load_policy(const char *path, const char *cmd);

/* Writes len bytes to stdout. A failure is reported by main() when it
 * closes stdout, with the errno kept here: a large fwrite that fails
 * bypasses stdio's buffer, and the final flush no longer knows why. */
void tool_put(const void *data, size_t len);
/* The errno of the first tool_put that failed, 0 if none did. */
int tool_put_errno(void);

/* Prints the token: user, groups, privileges, type and impersonation
 * level, through GetTokenInformation (token_summary.c). */
void tool_token_summary(HANDLE token);
/* The same as the member "token" of a --json object (json_out.h). */
struct json;
void tool_token_json(struct json *j, HANDLE token);

#endif
