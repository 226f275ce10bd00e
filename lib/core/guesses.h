/* SPDX-License-Identifier: MIT */
/*
 * Every behaviour that behavior.md marks [guess], in one place.
 *
 * Each GUESS_ name below is lsaemu's defined behaviour until a run on real
 * Windows says otherwise; the code uses the name, so one edit here changes
 * the behaviour everywhere. The comment cites the section or case of
 * behavior.md the choice comes from.
 */
#ifndef LSAEMU_CORE_GUESSES_H
#define LSAEMU_CORE_GUESSES_H

/* §3.1 / C006: the name length is checked before the TCB privilege. */
#define GUESS_REGISTER_NAME_BEFORE_TCB 1
/* §3.1 / C007: LsaRegisterLogonProcess needs SeTcbPrivilege *enabled*; held
 * but disabled is refused like not held. */
#define GUESS_REGISTER_TCB_MUST_BE_ENABLED 1
/* §3.1: the "meaningless" SecurityMode output. */
#define GUESS_REGISTER_SECURITY_MODE 0u
/* §3.2: LsaConnectUntrusted fails only when resources run out. */
#define GUESS_CONNECT_OOM_STATUS STATUS_NO_MEMORY

/* §3.3, §3.4 step 1, §3.5 step 1, C011: bad LSA handles. */
#define GUESS_BAD_LSA_HANDLE_STATUS STATUS_INVALID_HANDLE

/* §3.4 / C017 / §9.4: package names compare case-insensitively. */
#define GUESS_PACKAGE_NAMES_CASE_INSENSITIVE 1
/* §3.4: package ids in registration order. */
#define GUESS_PACKAGE_ID_NEGOTIATE 0u
#define GUESS_PACKAGE_ID_KERBEROS 1u
#define GUESS_PACKAGE_ID_MSV1_0 2u

/* §3.5 step 3, C046/C047, §7.3: undefined logon types and Proxy. */
#define GUESS_UNDEFINED_LOGON_TYPE_STATUS STATUS_INVALID_LOGON_TYPE
/* §3.5 step 4, C052, §7.1: LocalGroups without an enabled SeTcbPrivilege. */
#define GUESS_LOCAL_GROUPS_WITHOUT_TCB_STATUS STATUS_PRIVILEGE_NOT_HELD
/* §3.5 step 5: string buffers outside the submitted block. */
#define GUESS_STRING_OUTSIDE_BLOCK_STATUS STATUS_INVALID_PARAMETER
/* §3.5 step 8: user name and password longer than this many bytes. */
#define GUESS_MAX_NAME_BYTES 512u
/* §3.5 step 11: more SIDs than a token holds. */
#define GUESS_MAX_TOKEN_GROUPS 1024u
#define GUESS_TOO_MANY_SIDS_STATUS STATUS_TOO_MANY_CONTEXT_IDS
/* §3.5 step 6: the interactive message is accepted for every logon type
 * (LogonUser NETWORK validates plaintext credentials through it). */
#define GUESS_INTERACTIVE_MESSAGE_ANY_TYPE 1

/* §5 step 2 / C025: a locked-out account reports lockout whatever the password. */
#define GUESS_LOCKOUT_BEFORE_PASSWORD 1
/* §5 table / §9.3 / C028: "must change" is the main status, SubStatus 0. */
#define GUESS_MUST_CHANGE_MAIN_STATUS 1
/* §5 table / C032: SubStatus of the blank-password restriction. */
#define GUESS_BLANK_PASSWORD_SUBSTATUS 0
/* §5 step 5, C031/C103: logon types that count as console logons for the
 * blank-password rule (and only from a process outside session 0). */
#define GUESS_CONSOLE_LOGON_TYPE(t) ((t) == 2 || (t) == 7 || (t) == 11 || (t) == 13)
/* §3.5 step 10 / C036: logon rights are checked after the credentials. */
#define GUESS_RIGHTS_AFTER_CREDENTIALS 1
/* §3.5 step 7 / C060: LocalService/NetworkService outside a Service logon. */
#define GUESS_SPECIAL_ACCOUNT_WRONG_TYPE_STATUS STATUS_LOGON_FAILURE
#define GUESS_SPECIAL_ACCOUNT_WRONG_TYPE_SUBSTATUS 0
/* Our choice: a domain that is neither this machine nor the one it is joined
 * to names no account. */
#define GUESS_UNKNOWN_DOMAIN_SUBSTATUS STATUS_NO_SUCH_USER
/* Our choice: the machine's domain has no reachable domain controller. */
#define GUESS_DOMAIN_ACCOUNT_STATUS STATUS_NO_LOGON_SERVERS

/* §6 / C067: S4U for an unknown user. */
#define GUESS_S4U_UNKNOWN_USER_SUBSTATUS STATUS_NO_SUCH_USER
/* §6: MSV1_0 S4U follows the Kerberos TCB rule for the impersonation level. */
#define GUESS_MSV_S4U_FOLLOWS_KERB_TCB_RULE 1
/* §6: an S4U logon whose caller lacks TCB (or asked for identify) gets an
 * identification-level impersonation token even for non-network types,
 * since such a token can never start a process. */
#define GUESS_S4U_IDENTIFY_TOKEN_IS_IMPERSONATION 1
/* §6: S4U checks neither password state nor workstation; logon hours only
 * with the CHECK_LOGONHOURS flag. */
#define GUESS_S4U_SKIPS_PASSWORD_STATE 1

/* §3.11: NewCredentials verifies no password and no logon right. */
#define GUESS_NEW_CREDENTIALS_NO_CHECKS 1
/* §4.1: Unlock, CachedInteractive, CachedUnlock use the interactive right;
 * CachedRemoteInteractive the remote-interactive right (rights.c). */

/* Token groups (token-groups-by-logon-type.tsv, medium/low confidence):
 * LOCAL (S-1-2-0) and a logon SID for every non-network logon. */
#define GUESS_LOCAL_SID_FOR_NON_NETWORK 1
#define GUESS_LOGON_SID_FOR_NON_NETWORK 1

/* §3.5 outputs: default quotas, filled for primary tokens only. */
#define GUESS_QUOTA_PAGED_POOL 0x20000000u
#define GUESS_QUOTA_NONPAGED_POOL 0x00100000u
#define GUESS_QUOTA_MIN_WORKING_SET 0x00032000u
#define GUESS_QUOTA_MAX_WORKING_SET 0x0012C000u
#define GUESS_QUOTA_PAGEFILE 0xFFFFFFFFu
#define GUESS_QUOTA_TIME_LIMIT (-1)

/* §3.6: messages an untrusted caller may send to MSV1_0 (ReactOS routing). */
#define GUESS_MSV_UNTRUSTED_ALLOWED(m) ((m) == 5 /* MsV1_0ChangePassword */)
/* §3.6: a message number the package does not know. */
#define GUESS_UNKNOWN_MESSAGE_STATUS STATUS_INVALID_PARAMETER
/* §3.6: a change-password refusal is the package's answer (ProtocolStatus). */
#define GUESS_CHANGE_PASSWORD_ERRORS_IN_PROTOCOL_STATUS 1

/* §3.7 / §11.11: LsaFreeReturnBuffer(NULL) and foreign pointers. */
#define GUESS_FREE_NULL_STATUS STATUS_SUCCESS
#define GUESS_FREE_FOREIGN_STATUS STATUS_MEMORY_NOT_ALLOCATED

/* §3.9: no access check on LsaEnumerateLogonSessions. */
#define GUESS_ENUMERATE_SESSIONS_NO_ACCESS_CHECK 1
/* §3.10 / C091 / C092. */
#define GUESS_SESSION_DATA_NOT_OWNER_STATUS STATUS_ACCESS_DENIED
#define GUESS_SESSION_DATA_UNKNOWN_STATUS STATUS_NO_SUCH_LOGON_SESSION
/* §3.10 / C090: "returns zero" for SYSTEM's session: every field zero but
 * Size and LogonId, so the structure still says what it is. */
#define GUESS_SYSTEM_SESSION_DATA_ZEROED 1

#endif
