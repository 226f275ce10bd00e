/* SPDX-License-Identifier: MIT */
/*
 * Every behaviour that behavior.md marks [guess], in one place.
 *
 * Each GUESS_ name below is lsaemu's defined behaviour until a run on real
 * Windows says otherwise; the code uses the name, so one edit here changes
 * the behaviour everywhere. The comment cites the section or case of
 * behavior.md the choice comes from.
 */
#ifndef LSAEMU_CORE_ENGINE_GUESSES_H
#define LSAEMU_CORE_ENGINE_GUESSES_H

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
/* Our choice (D5 lists the status): a logon of an account of a domain whose
 * controllers cannot be reached (domain.reachable: false, or the older
 * machine.domain). */
#define GUESS_DOMAIN_ACCOUNT_STATUS STATUS_NO_LOGON_SERVERS
/* Our choice: while the domain is unreachable, a domain account marked
 * cached: true logs on interactively (Interactive, Unlock,
 * RemoteInteractive and their cached forms) from cached credentials, and
 * its session records the cached logon type (11, 13, 12); every other logon
 * of a domain account fails as above. */
#define GUESS_DOMAIN_CACHED_LOGONS 1
/* Our choice: the DnsDomainName of a domain logon's session data is the
 * DNS name in capitals, the Kerberos realm. */
#define GUESS_SESSION_DNS_DOMAIN_UPPER 1
/* Our choice: a password logon of a domain account through Kerberos or
 * Negotiate (which picks Kerberos for it) carries "Authentication
 * authority asserted identity" (S-1-18-1), as S4U logons carry S-1-18-2;
 * through MSV1_0 it carries "NTLM Authentication" (S-1-5-64-10). */
#define GUESS_DOMAIN_KERBEROS_ASSERTED_SID 1

/* §5 step 2 / "Account lockout threshold": bad passwords of a disabled
 * account are not counted (only an enabled account can be locked out by
 * them). */
#define GUESS_LOCKOUT_COUNTS_DISABLED 0
/* KB5020282 ("Account lockout available for local administrators"): when
 * lockout.administrator lets the built-in Administrator be locked out, the
 * lockout affects network logons only; console logons (the console logon
 * types of GUESS_CONSOLE_LOGON_TYPE, from outside session 0) still work. */
#define GUESS_ADMIN_LOCKOUT_SPARES_CONSOLE 1

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

/* ---- Privileges, SIDs, account look-ups, LSA policy (issue 3 part B) ---- */

/* §3.14 / C141: a logon right given to LookupPrivilegeValue/Name/DisplayName
 * is unknown to them (ERROR_NO_SUCH_PRIVILEGE). */
#define GUESS_RIGHT_NOT_A_PRIVILEGE_STATUS STATUS_NO_SUCH_PRIVILEGE
/* §3.14: LookupPrivilegeDisplayName's language (US English). */
#define GUESS_PRIVILEGE_DISPLAY_LANGID 0x0409u
/* §3.14 / C142: a system name that is not this machine is unreachable
 * (RPC_S_SERVER_UNAVAILABLE 1722; Server 2008 said 1707). */
#define GUESS_REMOTE_SYSTEM_STATUS RPC_NT_SERVER_UNAVAILABLE
/* AllocateAndInitializeSid / RtlAllocateAndInitializeSid with more than 8
 * sub-authorities: RtlAllocateAndInitializeSid returns STATUS_INVALID_SID
 * (observed, W-rtl, i13-facts A2); that Advapi32 reports it as such (1337)
 * is Wine's and ReactOS's implementation, not observed. */
#define GUESS_ALLOCATE_SID_TOO_MANY_STATUS STATUS_INVALID_SID
/* Our choice (Wine's observed behaviour): EqualSid sets the last error to 0. */
#define GUESS_EQUAL_SID_CLEARS_LAST_ERROR 1
/* Our choice: LookupAccountName("") names the BUILTIN domain, as a Wine
 * conformance expectation records. */
#define GUESS_EMPTY_ACCOUNT_NAME_IS_BUILTIN 1
/* Our choice: an invalid SID given to LookupAccountSid / LsaLookupSids. */
#define GUESS_LOOKUP_INVALID_SID_STATUS STATUS_INVALID_SID
/* Our choice: a well-known SID whose domain has no name (Everyone, LOCAL)
 * references a domain with an empty name and the SID's authority part. */
#define GUESS_WELLKNOWN_EMPTY_DOMAIN_REFERENCED 1
/* Our choice: LsaLookupNames2/LsaLookupSids return both buffers (to be freed
 * with LsaFreeMemory) also when nothing was mapped (STATUS_NONE_MAPPED). */
#define GUESS_LOOKUP_NONE_MAPPED_RETURNS_BUFFERS 1
/* Our choice: LsaLookupSids names an unmapped SID by its string form. */
#define GUESS_UNMAPPED_SID_NAME_IS_STRING 1
/* Not in behavior.md: how many names one LsaLookupNames2 call may look up,
 * and the status beyond. LsaLookupNames2's page states no limit; the page
 * of LsaLookupNames, which it supersedes, says Count "must be less than or
 * equal to 1000" and lists STATUS_TOO_MANY_NAMES ("The Names array parameter
 * was too large"), and MS-LSAT 3.1.4.6 declares the Count of
 * LsarLookupNames3, the call behind LsaLookupNames2, [range(0,1000)].
 * (LsaLookupSids' limit, 20480 and STATUS_TOO_MANY_SIDS, is documented on
 * its own page and is no guess.) */
#define GUESS_LOOKUP_NAMES_MAX 1000u
#define GUESS_LOOKUP_TOO_MANY_NAMES_STATUS STATUS_TOO_MANY_NAMES
/* Our choice: LsaLookupNames2 and LsaLookupSids check the count limit after
 * the NULL out-parameter check (whose failure sets nothing) and before the
 * policy handle. The statuses the pages document for too many names or
 * SIDs cannot come from the RPC stub, whose range check fails with an RPC
 * status, so the client makes the check before calling the LSA, which is
 * where the handle is checked. */
#define GUESS_LOOKUP_COUNT_BEFORE_HANDLE 1

/* §3.12: what LsaOpenPolicy grants a caller that is neither an administrator
 * nor SYSTEM: POLICY_EXECUTE (READ_CONTROL, VIEW_LOCAL_INFORMATION,
 * LOOKUP_NAMES), as the default policy object DACL gives Everyone. */
#define GUESS_POLICY_ANYONE_ACCESS 0x00020801u
/* §3.12: LsaOpenPolicy with a remote system name. */
#define GUESS_POLICY_REMOTE_STATUS RPC_NT_SERVER_UNAVAILABLE
/* §3.12: LsaClose on anything that is not an open policy handle. */
#define GUESS_LSA_CLOSE_BAD_HANDLE_STATUS STATUS_INVALID_HANDLE
/* §3.13: LsaFreeMemory(NULL) succeeds; a pointer LsaFreeMemory did not hand
 * out (e.g. a LsaLogonUser profile buffer) is refused, never freed. */
#define GUESS_LSA_FREE_MEMORY_NULL_STATUS STATUS_SUCCESS
#define GUESS_LSA_FREE_MEMORY_FOREIGN_STATUS STATUS_MEMORY_NOT_ALLOCATED
/* §3.13: LsaAddAccountRights is all-or-nothing: every name is validated
 * before anything changes. */
#define GUESS_ADD_RIGHTS_ALL_OR_NOTHING 1
/* §3.13 / C127: the account object is opened (or created, which needs
 * POLICY_CREATE_ACCOUNT) before the names are translated. */
#define GUESS_ADD_RIGHTS_ACCESS_BEFORE_NAMES 1
/* §3.13 / C131: LsaRemoveAccountRights on a SID holding nothing. The
 * parameter and name checks (C130, C132) come first. */
#define GUESS_REMOVE_RIGHTS_NO_ACCOUNT_STATUS STATUS_OBJECT_NAME_NOT_FOUND
/* Our choice (issue 5): a UNICODE_STRING argument of the RPC-based LSA
 * policy functions whose Length exceeds its MaximumLength. Windows' NDR
 * stub refuses such a varying array (RPC_X_INVALID_BOUND) and the client
 * returns its NTSTATUS form; nothing reaches the LSA. */
#define GUESS_RPC_STRING_BOUND_STATUS RPC_NT_INVALID_BOUND
/* §3.13: LsaEnumerateAccountRights, LsaLookupPrivilegeName/Value need
 * POLICY_LOOKUP_NAMES on the handle. */
#define GUESS_ENUM_RIGHTS_ACCESS 0x00000800u
#define GUESS_LOOKUP_PRIVILEGE_ACCESS 0x00000800u

/* ---- LogonUser family (§3.11, §7.3, §9.10) -------------------------------- */
/* §3.11 step 1, C107-C109: a dwLogonType outside {2,3,4,5,7,8,9}. */
#define GUESS_LOGONUSER_BAD_TYPE_STATUS STATUS_INVALID_PARAMETER
/* §3.11 step 2, C110: the highest provider accepted; LOGON32_PROVIDER_VIRTUAL
 * (4) is not emulated and is refused like any unknown provider. */
#define GUESS_LOGONUSER_MAX_PROVIDER 3u
#define GUESS_LOGONUSER_BAD_PROVIDER_STATUS STATUS_INVALID_PARAMETER
/* §3.11 step 3, §9.10, C112: NEW_CREDENTIALS with WINNT40/WINNT35 (DEFAULT
 * and WINNT50 resolve to Negotiate and are accepted). */
#define GUESS_LOGONUSER_NEWCRED_PROVIDER_STATUS STATUS_INVALID_PARAMETER
/* Our choice (not in behavior.md): NULL phToken. */
#define GUESS_LOGONUSER_NULL_TOKEN_STATUS STATUS_INVALID_PARAMETER
/* §3.11 step 4: STATUS_LOGON_FAILURE is reported as 1326 whatever the
 * SubStatus (never 1317 / 86); an account restriction as its SubStatus
 * (1327 when the SubStatus is 0). */
#define GUESS_LOGONUSER_FAILURE_ERROR ERROR_LOGON_FAILURE
#define GUESS_LOGONUSER_RESTRICTION_USES_SUBSTATUS 1
/* Our choice, D11: a NULL domain with a name that is not a UPN looks in the
 * local account database (as "." does), through NTLM (MSV1_0). */
#define GUESS_LOGONUSER_NULL_DOMAIN_IS_LOCAL 1
/* §3.11 (LogonUserExExW): pTokenGroups needs SeTcbPrivilege enabled in the
 * caller, as LsaLogonUser's LocalGroups do (status: GUESS_LOCAL_GROUPS_...). */
#define GUESS_LOGONUSER_GROUPS_NEED_TCB 1
/* Our choice: LogonUserEx's *ppLogonSid is NULL (and the call succeeds) when
 * the token has no logon SID (network logons, token-groups-by-logon-type). */
#define GUESS_LOGONUSEREX_NO_LOGON_SID_IS_NULL 1

/* ---- Tokens (§3.15-§3.17, §11.12) ----------------------------------------- */
/* §3.15 / C148: a token handle without the access a call needs. */
#define GUESS_TOKEN_ACCESS_STATUS STATUS_ACCESS_DENIED
/* §3.15 / C150: PreviousState too small. */
#define GUESS_ADJUST_PREVIOUS_TOO_SMALL_STATUS STATUS_BUFFER_TOO_SMALL
/* Our choice: process and thread handles other than the pseudo-handles of
 * the caller (lsaemu emulates no other process or thread). */
#define GUESS_FOREIGN_PROCESS_HANDLE_STATUS STATUS_INVALID_HANDLE
/* §11.12: TokenLogonSid on a token without a logon SID. */
#define GUESS_NO_LOGON_SID_STATUS STATUS_NOT_FOUND
/* TokenStatistics' dynamic-pool figures (not specified anywhere). */
#define GUESS_TOKEN_DYNAMIC_CHARGED 4096u
#define GUESS_TOKEN_DYNAMIC_AVAILABLE 3072u
/* §3.17 / C157: when none of D21's conditions holds, ImpersonateLoggedOnUser
 * still returns TRUE and the thread gets an identification-level copy. */
#define GUESS_IMPERSONATE_SILENT_DOWNGRADE 1
/* §3.17: the SeImpersonatePrivilege of D21 must be enabled in the process
 * token (it is enabled by default wherever it is held). */
#define GUESS_IMPERSONATE_PRIVILEGE_MUST_BE_ENABLED 1
/* Our choice (SDK: "the token must be an impersonation token"):
 * CheckTokenMembership on a primary token. */
#define GUESS_MEMBERSHIP_PRIMARY_TOKEN_STATUS STATUS_NO_IMPERSONATION_TOKEN
/* Our choice: PrivilegeCheck with an empty PRIVILEGE_SET reports TRUE. */
#define GUESS_PRIVILEGE_CHECK_EMPTY_RESULT 1

/* ---- SIDs, look-ups, LSA policy information (issue 13 part A) ------------- */
/* i13-facts A5: a BOOL function that succeeds leaves the last error as it
 * was. Observed for GetTokenInformation, AllocateAndInitializeSid, FreeSid,
 * GetUserName (W-sec); a guess for the functions nobody observed
 * (LookupAccountSid, OpenProcessToken, DuplicateTokenEx, ...: Wine sets the
 * error only on failure). Those documented or observed to set it on success
 * (EqualSid, EqualDomainSid, GetSidSubAuthority[Count],
 * GetSidIdentifierAuthority: 0; AdjustTokenPrivileges: 0 or 1300) do so
 * themselves. */
#define GUESS_SUCCESS_LEAVES_LAST_ERROR 1

/* i13-facts A2: HeapFree (and RtlFreeHeap, FreeSid) given a pointer that is
 * no block of the process heap, or one already freed. Windows' heap checks
 * the block header and fails the call; the Win32 code it leaves is not
 * documented. */
#define GUESS_HEAP_FREE_FOREIGN_ERROR ERROR_INVALID_PARAMETER

/* i13-facts B2: InitializeSid / RtlInitializeSid with more than 15
 * (SID_MAX_SUB_AUTHORITIES) sub-authorities: the WDK's
 * STATUS_INVALID_PARAMETER "for an invalid SubAuthorityCount" (87). */
#define GUESS_INITIALIZE_SID_TOO_MANY_STATUS STATUS_INVALID_PARAMETER

/* i13-facts B6: LsaQueryInformationPolicy with a value that is no
 * POLICY_INFORMATION_CLASS, as MS-LSAD's LsarQueryInformationPolicy. */
#define GUESS_QUERY_POLICY_BAD_CLASS_STATUS STATUS_INVALID_PARAMETER

/* i13-facts B1: NtAllocateLocallyUniqueId(NULL). AllocateLocallyUniqueId(NULL)
 * reports ERROR_NOACCESS (998, observed), the mapping of an access violation
 * the system call's probe raises. */
#define GUESS_ALLOCATE_LUID_NULL_STATUS STATUS_ACCESS_VIOLATION

/* i13-facts B3: GetWindowsAccountDomainSid for a SID that is no account SID
 * (LocalService, SYSTEM, BUILTIN\Users): ERROR_NON_ACCOUNT_SID (1257), which
 * a Microsoft-derived helper treats as the normal answer for such SIDs
 * [field]; no run of Windows recorded. (FACILITY_NTWIN32 form: no NTSTATUS
 * maps to 1257.) */
#define GUESS_NOT_ACCOUNT_SID_STATUS ((NTSTATUS)(0xC0070000u | ERROR_NON_ACCOUNT_SID))

/* i13-facts A3: "LocalSystem" (and "NT AUTHORITY\LocalSystem") given to
 * LookupAccountName / LsaLookupNames[2]. Neither MS-LSAT's table nor any
 * observed alias lists it (the service control manager's keyword, not an
 * LSA name): 0 = not mapped (ERROR_NONE_MAPPED). Policy files still accept
 * it as a principal (policy-format.md). */
#define GUESS_LOOKUP_LOCALSYSTEM 0

/* i13-facts A7: the SDDL aliases of domain groups (DA, DU, CA, EA ...) on a
 * machine in no domain. Wine's tests call them "optional": they may fail
 * there. 0 = ConvertStringSidToSid fails with ERROR_INVALID_SID; 1 = they
 * name the RID in the machine's account domain. */
#define GUESS_SDDL_DOMAIN_ALIAS_WORKGROUP 0

/* i13-facts B6: the name LsaQueryInformationPolicy gives the primary domain
 * (and PolicyDnsDomainInformation's Name) of a machine in no domain: the
 * workgroup, which the policy does not name; Windows' default. Its Sid is
 * NULL, the mark of a standalone machine (W-lsa). */
#define GUESS_WORKGROUP_NAME "WORKGROUP"

/* i13-facts B8: LsaManageSidNameMapping. Every caller found runs with
 * SeTcbPrivilege; the status without it is not documented. */
#define GUESS_SID_MAPPING_NO_TCB_STATUS STATUS_PRIVILEGE_NOT_HELD
/* The SIDs a mapped domain may have: S-1-5-X with X from
 * SECURITY_MIN_BASE_RID (80, NT SERVICE) to SECURITY_MAX_BASE_RID (111) of
 * winnt.h, the range of the service and virtual-account domains (the field
 * example maps S-1-5-99). */
#define GUESS_SID_MAPPING_MIN_DOMAIN_RID 80u
#define GUESS_SID_MAPPING_MAX_DOMAIN_RID 111u
/* Removing a mapped domain that still has mapped accounts is refused
 * (NonMappingError) rather than leaving accounts without their domain. */
#define GUESS_SID_MAPPING_REMOVE_DOMAIN_IN_USE 1

/* Issue 13 (i13-facts B15, B16): Win32 error codes, as these functions
 * report them through GetLastError only. */
/* GetUserNameEx / TranslateName with a value outside EXTENDED_NAME_FORMAT
 * (4, 5, 11, above 14): ERROR_INVALID_PARAMETER. */
#define GUESS_NAME_FORMAT_UNDEFINED_ERROR 87u
/* TranslateName "fails if it cannot bind to Active Directory on a domain
 * controller" (nf-secext-translatenamea); the code is not documented. A
 * workgroup machine has no directory and lsaemu emulates no domain
 * controller for a joined one: ERROR_NO_SUCH_DOMAIN, the code GetUserNameEx
 * documents for "no domain controller". */
#define GUESS_TRANSLATE_NAME_NO_DIRECTORY_ERROR 1355u
/* LoadUserProfile: "the caller must be an administrator or the
 * LocalSystem account" (nf-userenv-loaduserprofilew), code undocumented:
 * ERROR_ACCESS_DENIED. */
#define GUESS_PROFILE_NOT_ADMIN_ERROR 5u
/* LoadUserProfile: "the calling process must have the SE_RESTORE_NAME and
 * SE_BACKUP_NAME privileges" (held; the function enables them itself),
 * code undocumented: ERROR_PRIVILEGE_NOT_HELD. */
#define GUESS_PROFILE_NO_PRIVILEGE_ERROR 1314u
/* LoadUserProfile for a token whose user is no account of the policy (no
 * profile can exist for it): ERROR_NONE_MAPPED. */
#define GUESS_PROFILE_UNKNOWN_USER_ERROR 1332u
/* UnloadUserProfile with an hProfile LoadUserProfile did not return (or
 * already unloaded): ERROR_INVALID_HANDLE, as for a closed registry key. */
#define GUESS_PROFILE_BAD_HANDLE_ERROR 6u

/* ---- Tokens and logons II (issue 13 part B, behavior.md 12) -------------- */
/* §12.5: the sensitive privileges that make TokenElevation TRUE. K7 names
 * ten (TCB, Debug, Backup, Restore, ...), of which only four were readable:
 * the other six are lsaemu's choice, the privileges that give control of the
 * machine outright. LUIDs of behavior.md 1.4. */
#define GUESS_ELEVATED_PRIVILEGE(luid)                                                       \
    ((luid) == 2 /* SeCreateToken */ || (luid) == 7 /* SeTcb */ ||                           \
     (luid) == 9 /* SeTakeOwnership */ || (luid) == 10 /* SeLoadDriver */ ||                 \
     (luid) == 17 /* SeBackup */ || (luid) == 18 /* SeRestore */ ||                          \
     (luid) == 20 /* SeDebug */ || (luid) == 29 /* SeImpersonate */ ||                       \
     (luid) == 32 /* SeRelabel */ || (luid) == 36 /* SeDelegateSessionUserImpersonate */)
/* §12.5: the BUILTIN aliases that count as elevated groups besides those K7
 * names (544 Administrators ... 554 Pre-Windows 2000): Network
 * Configuration Operators (556) and Cryptographic Operators (569) for the
 * three K7's excerpt cut off. */
#define GUESS_ELEVATED_EXTRA_ALIAS(rid) ((rid) == 556 || (rid) == 569)
/* §12.5: the attributes TokenRestrictedSids reports for a restricting SID
 * (CreateRestrictedToken requires them to be 0 on input). */
#define GUESS_RESTRICTED_SID_ATTRIBUTES 0x00000007u
/* §12.5: TokenLinkedToken on a token that has no linked token (K10, K11). */
#define GUESS_NO_LINKED_TOKEN_STATUS STATUS_NO_SUCH_LOGON_SESSION
/* §12.5: the default DACL of a new token: GENERIC_ALL for its default owner
 * and for SYSTEM, GENERIC_READ|GENERIC_EXECUTE for its logon SID. */
#define GUESS_DEFAULT_DACL_LOGON_SID_MASK 0xA0000000u
/* §12.6: SANDBOX_INERT takes effect only for a caller with SeTcbPrivilege
 * enabled (K6: "system-level privileges"; silently ignored otherwise). */
#define GUESS_SANDBOX_INERT_NEEDS_TCB 1
/* §12.6: CreateRestrictedToken flags outside the four defined ones. */
#define GUESS_RESTRICTED_BAD_FLAGS_STATUS STATUS_INVALID_PARAMETER
/* §12.7: SetTokenInformation(TokenOrigin) on a token whose origin is
 * already set succeeds and keeps it (set once, reactos R7). */
#define GUESS_TOKEN_ORIGIN_SET_ONCE 1
/* §12.7: a default DACL whose header cannot be an ACL (AclSize below 8 or
 * beyond the buffer given). */
#define GUESS_BAD_DEFAULT_DACL_STATUS STATUS_INVALID_ACL
/* §12.7: a TOKEN_MANDATORY_LABEL whose SID is not S-1-16-x. */
#define GUESS_BAD_LABEL_STATUS STATUS_INVALID_SID
/* §12.8: EffectiveOnly keeps deny-only groups and the integrity label
 * (dropping a deny-only group would grant access). */
#define GUESS_EFFECTIVE_ONLY_KEEPS_DENY_ONLY 1
/* §12.9: NegGetCallerName naming another user's logon session without an
 * enabled SeTcbPrivilege (by analogy with D34). */
#define GUESS_CALLER_NAME_OTHER_SESSION_STATUS STATUS_PRIVILEGE_NOT_HELD
/* §12.10: the logon types UAC splits (K12: the interactive family). */
#define GUESS_UAC_SPLIT_TYPE(t)                                                              \
    ((t) == 2 || (t) == 7 || (t) == 10 || (t) == 11 || (t) == 12 || (t) == 13)
/* §12.10: a process of an administrator under UAC runs with the filtered
 * token unless its entry says elevated: true (an interactive program
 * started normally). */
#define GUESS_UAC_PROCESS_ELEVATED_DEFAULT 0
/* §12.10: both tokens of a split logon carry the same logon SID. */
#define GUESS_UAC_SHARED_LOGON_SID 1
/* §12.11: the ids of packages a policy declares follow the built-in ones
 * in the order of the policy (registration order, as §3.4). */
#define GUESS_CUSTOM_PACKAGE_FIRST_ID 3u
/* §12.11: a custom package returns no profile buffer. */
#define GUESS_CUSTOM_PACKAGE_NO_PROFILE 1
/* §12.11: a logon type the declared package does not accept. */
#define GUESS_CUSTOM_PACKAGE_TYPE_STATUS STATUS_INVALID_LOGON_TYPE
/* §12.11: LsaCallAuthenticationPackage to a declared package. */
#define GUESS_CUSTOM_PACKAGE_CALL_STATUS STATUS_NOT_IMPLEMENTED

/* CreateProcessAsUserW (Microsoft's page: the caller "may require the
 * SE_ASSIGNPRIMARYTOKEN_NAME privilege if the token is not assignable"): a
 * token of the caller's own logon session (its own token, a duplicate or a
 * restricted copy of it) counts as assignable and needs no privilege. */
#define GUESS_CPAU_ASSIGNABLE_SAME_SESSION 1
/* CreateProcessAsUserW and CreateProcessWithTokenW decide by a privilege the
 * caller's token holds, enabled or not (advapi32 enables it for the call). */
#define GUESS_CREATE_PROCESS_PRIVILEGE_HELD 1
/* SE_INCREASE_QUOTA_NAME, which the page says the caller "typically" has, is
 * not checked: only quota changes need it. */
#define GUESS_CPAU_NO_QUOTA_CHECK 1

#endif
