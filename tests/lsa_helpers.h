/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the Secur32 API suites: LSA strings, contiguous logon submit
 * buffers in UTF-16 (WCHAR is 16-bit in the compat headers while the C
 * library's wchar_t is 32-bit, so nothing here uses wide literals), LSA
 * connections and a LsaLogonUser wrapper that records every out-parameter.
 *
 * Everything is written from behavior.md and structs.md, not from the
 * implementation. Helpers that cannot fail in a correct emulator assert with
 * Check, so a test stops at the first broken step.
 */
#ifndef LSAEMU_TESTS_LSA_HELPERS_H
#define LSAEMU_TESTS_LSA_HELPERS_H

#include <stddef.h>
#include <stdint.h>

#include <windows.h>
#include <ntsecapi.h>
#include <ntstatus.h>

#include "lsaemu.h"
#include "testutil.h"

/* Package names as the SDK spells them (behavior.md 1.3). */
#define TH_MSV1_0 "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"
#define TH_KERBEROS "Kerberos"
#define TH_NEGOTIATE "Negotiate"

/* Message-type values (behavior.md 1.3, structs.md); written as numbers so
 * the tests do not depend on an enumerator the headers may name differently. */
#define TH_MSG_INTERACTIVE 2u /* MsV1_0InteractiveLogon, KerbInteractiveLogon */
#define TH_MSG_S4U 12u        /* MsV1_0S4ULogon, KerbS4ULogon */
#define TH_S4U_FLAG_IDENTIFY 0x8u

/* Passwords (PW_*) and SIDs (SID_*) of P0. */
#include "cases/fixture_names.h"

/* ---- Strings --------------------------------------------------------------- */

/* An LSA_STRING over text (not copied): Length = strlen, MaximumLength =
 * Length + 1 (the terminator is there but not counted). */
LSA_STRING th_lsa_string(const char *text);

/* A malloc'd string of n copies of c (NUL-terminated); free with free(). */
char *th_repeat(char c, size_t n);

/* Writes the UTF-16LE form of ASCII text to dst (no terminator); returns the
 * number of bytes written. */
size_t th_utf16(WCHAR *dst, const char *ascii);

/* An LSA_UNICODE_STRING over ASCII text (terminated, MaximumLength =
 * Length + 2), its storage one of 16 slots in a ring: valid for the next 15
 * calls of the same thread's test. */
LSA_UNICODE_STRING th_lsa_ustr(const char *ascii);
/* The binary SID of an SDDL string ("S-1-5-32-544", "BA"), in a ring of 8
 * slots; asserts that it parses. */
PSID th_sid_of(const char *text);

/* True when the counted UTF-16 string equals the ASCII text exactly. */
int th_ustr_eq(const UNICODE_STRING *u, const char *ascii);
/* Same, ignoring ASCII case. */
int th_ustr_ieq(const UNICODE_STRING *u, const char *ascii);
/* The UTF-16 string as ASCII ('?' for anything else) in a per-thread buffer,
 * for messages. */
const char *th_ustr_ascii(const UNICODE_STRING *u);

/* ---- Submit buffers ---------------------------------------------------------- */

/*
 * One allocation holding a structure of header_size bytes followed by the
 * UTF-16 text of each string; the UNICODE_STRING at byte offset offsets[i]
 * of the structure describes texts[i] and points inside the block
 * (MaximumLength = Length + 2, a terminator follows). A NULL or empty text
 * gives {0, 0, NULL}. The first ULONG of the block is set to message_type.
 * Returns the block (free with free()) and its total size in *len.
 */
void *th_pack(size_t header_size, ULONG message_type, const size_t *offsets,
              const char *const *texts, size_t n, ULONG *len);

/* MSV1_0_INTERACTIVE_LOGON (MessageType 2): domain, user, password. */
void *th_msv_interactive(const char *domain, const char *user, const char *password,
                         ULONG *len);
/* KERB_INTERACTIVE_LOGON (MessageType 2), same shape. */
void *th_kerb_interactive(const char *domain, const char *user, const char *password,
                          ULONG *len);
/* MSV1_0_S4U_LOGON (MessageType 12): Flags, UserPrincipalName, DomainName. */
void *th_msv_s4u(const char *user, const char *domain, ULONG flags, ULONG *len);
/* KERB_S4U_LOGON (MessageType 12): Flags, ClientUpn, ClientRealm. */
void *th_kerb_s4u(const char *upn, const char *realm, ULONG flags, ULONG *len);

/* ---- SIDs and groups ------------------------------------------------------------ */

/* Builds a binary SID from an authority and sub-authorities into buf (at
 * least 8 + 4 * n bytes, 4-byte aligned) and returns buf. */
PSID th_sid(void *buf, unsigned authority, const uint32_t *subs, unsigned n);

/* LocalGroups for LsaLogonUser; the SIDs live inside the returned block.
 * TH_GROUPS_LOCAL: {S-1-2-0}; TH_GROUPS_LOGON_SID: {S-1-5-5-0-4242};
 * TH_GROUPS_BOTH: {S-1-5-5-0-4242, S-1-2-0}. Free with free(). */
enum th_groups { TH_GROUPS_NONE, TH_GROUPS_LOCAL, TH_GROUPS_LOGON_SID, TH_GROUPS_BOTH };
PTOKEN_GROUPS th_groups(enum th_groups which);

/* ---- Connections ------------------------------------------------------------------- */

/* LsaRegisterLogonProcess("TestLogon") that must succeed. */
HANDLE th_connect_trusted(void);
/* LsaConnectUntrusted that must succeed. */
HANDLE th_connect_untrusted(void);
/* LsaLookupAuthenticationPackage that must succeed; returns the id. */
ULONG th_package(HANDLE lsa, const char *name);

/* ---- LsaLogonUser ---------------------------------------------------------------------- */

/* Every out-parameter of LsaLogonUser. th_logon() fills them with
 * recognisable garbage before the call, so a test can tell "set to NULL/0"
 * from "left alone". */
struct th_logon_out {
    NTSTATUS status;
    NTSTATUS sub_status;
    PVOID profile;
    ULONG profile_len;
    LUID logon_id;
    HANDLE token;
    QUOTA_LIMITS quotas;
};

#define TH_GARBAGE_PTR ((void *)(uintptr_t)0x5A5A5A50u)
#define TH_GARBAGE_STATUS ((NTSTATUS)0x7EADBEEF)

/* LsaLogonUser with OriginName "lsaemu-tests" and SourceContext "TestSrc". */
NTSTATUS th_logon(HANDLE lsa, ULONG package, SECURITY_LOGON_TYPE type, void *buf, ULONG len,
                  PTOKEN_GROUPS groups, struct th_logon_out *out);

/* Convenience: MSV1_0 interactive-message logon of user/password on domain
 * "." through lsa; returns the status, fills *out. */
NTSTATUS th_logon_msv(HANDLE lsa, SECURITY_LOGON_TYPE type, const char *user,
                      const char *password, struct th_logon_out *out);

/* Asserts the failure contract of behavior.md 3.5 "Outputs on failure":
 * token NULL, profile NULL, profile length 0. */
void th_assert_failed_outputs(const struct th_logon_out *out);

/* Releases what a successful logon returned (profile with
 * LsaFreeReturnBuffer, token with CloseHandle), asserting both work. */
void th_release(struct th_logon_out *out);

/* Number of logon sessions LsaEnumerateLogonSessions reports (asserts the
 * call works and frees the list). */
ULONG th_session_count(void);
/* True when LsaEnumerateLogonSessions lists id. */
int th_session_listed(LUID id);

/* True when the CK_FORK environment asks for no fork: tests that depend on
 * a fresh process (the LSAEMU_POLICY ones) then skip themselves. */
int th_nofork(void);

#endif
