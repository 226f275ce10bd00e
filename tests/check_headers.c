/* SPDX-License-Identifier: MIT */
/*
 * The Windows compat headers: every structure of the reference structs.md
 * has its Win64 size, alignment, field offsets and field sizes on this
 * machine, and every enum/flag value of constants.tsv and every privilege
 * name of privileges.tsv is what the SDK says. The rows below were produced
 * from those reference files once and are kept here as plain data.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <check.h>

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <ntsecapi.h>
#include <winternl.h>
#include <sddl.h>

#include "testutil.h"

/* ---- Structure layouts (structs.md) ----------------------------------------- */

struct layout_row {
    const char *type;
    const char *field; /* NULL: the row is about the whole structure */
    size_t got_offset, got_size;
    size_t want_offset, want_size;
};

/* S: whole struct (size, alignment); F: one field (offset, size). */
#define S(T, size, align)                                                                          \
    {                                                                                              \
#T, NULL, LSAEMU_ALIGNOF(T), sizeof(T), align, size                                        \
    }
#define F(T, f, off, size)                                                                         \
    {                                                                                              \
#T, #f, offsetof(T, f), sizeof(((T *)0)->f), off, size                                     \
    }

static const struct layout_row layout_rows[] = {
    S(LSA_STRING, 16, 8),
    F(LSA_STRING, Length, 0, 2),
    F(LSA_STRING, MaximumLength, 2, 2),
    F(LSA_STRING, Buffer, 8, 8),
    S(LSA_UNICODE_STRING, 16, 8),
    F(LSA_UNICODE_STRING, Length, 0, 2),
    F(LSA_UNICODE_STRING, MaximumLength, 2, 2),
    F(LSA_UNICODE_STRING, Buffer, 8, 8),
    S(LUID, 8, 4),
    F(LUID, LowPart, 0, 4),
    F(LUID, HighPart, 4, 4),
    S(TOKEN_SOURCE, 16, 4),
    F(TOKEN_SOURCE, SourceName, 0, 8),
    F(TOKEN_SOURCE, SourceIdentifier, 8, 8),
    S(QUOTA_LIMITS, 48, 8),
    F(QUOTA_LIMITS, PagedPoolLimit, 0, 8),
    F(QUOTA_LIMITS, NonPagedPoolLimit, 8, 8),
    F(QUOTA_LIMITS, MinimumWorkingSetSize, 16, 8),
    F(QUOTA_LIMITS, MaximumWorkingSetSize, 24, 8),
    F(QUOTA_LIMITS, PagefileLimit, 32, 8),
    F(QUOTA_LIMITS, TimeLimit, 40, 8),
    S(MSV1_0_INTERACTIVE_LOGON, 56, 8),
    F(MSV1_0_INTERACTIVE_LOGON, MessageType, 0, 4),
    F(MSV1_0_INTERACTIVE_LOGON, LogonDomainName, 8, 16),
    F(MSV1_0_INTERACTIVE_LOGON, UserName, 24, 16),
    F(MSV1_0_INTERACTIVE_LOGON, Password, 40, 16),
    S(MSV1_0_S4U_LOGON, 40, 8),
    F(MSV1_0_S4U_LOGON, MessageType, 0, 4),
    F(MSV1_0_S4U_LOGON, Flags, 4, 4),
    F(MSV1_0_S4U_LOGON, UserPrincipalName, 8, 16),
    F(MSV1_0_S4U_LOGON, DomainName, 24, 16),
    S(KERB_S4U_LOGON, 40, 8),
    F(KERB_S4U_LOGON, MessageType, 0, 4),
    F(KERB_S4U_LOGON, Flags, 4, 4),
    F(KERB_S4U_LOGON, ClientUpn, 8, 16),
    F(KERB_S4U_LOGON, ClientRealm, 24, 16),
    S(KERB_INTERACTIVE_LOGON, 56, 8),
    F(KERB_INTERACTIVE_LOGON, MessageType, 0, 4),
    F(KERB_INTERACTIVE_LOGON, LogonDomainName, 8, 16),
    F(KERB_INTERACTIVE_LOGON, UserName, 24, 16),
    F(KERB_INTERACTIVE_LOGON, Password, 40, 16),
    S(KERB_INTERACTIVE_UNLOCK_LOGON, 64, 8),
    F(KERB_INTERACTIVE_UNLOCK_LOGON, Logon, 0, 56),
    F(KERB_INTERACTIVE_UNLOCK_LOGON, LogonId, 56, 8),
    S(MSV1_0_INTERACTIVE_PROFILE, 160, 8),
    F(MSV1_0_INTERACTIVE_PROFILE, MessageType, 0, 4),
    F(MSV1_0_INTERACTIVE_PROFILE, LogonCount, 4, 2),
    F(MSV1_0_INTERACTIVE_PROFILE, BadPasswordCount, 6, 2),
    F(MSV1_0_INTERACTIVE_PROFILE, LogonTime, 8, 8),
    F(MSV1_0_INTERACTIVE_PROFILE, LogoffTime, 16, 8),
    F(MSV1_0_INTERACTIVE_PROFILE, KickOffTime, 24, 8),
    F(MSV1_0_INTERACTIVE_PROFILE, PasswordLastSet, 32, 8),
    F(MSV1_0_INTERACTIVE_PROFILE, PasswordCanChange, 40, 8),
    F(MSV1_0_INTERACTIVE_PROFILE, PasswordMustChange, 48, 8),
    F(MSV1_0_INTERACTIVE_PROFILE, LogonScript, 56, 16),
    F(MSV1_0_INTERACTIVE_PROFILE, HomeDirectory, 72, 16),
    F(MSV1_0_INTERACTIVE_PROFILE, FullName, 88, 16),
    F(MSV1_0_INTERACTIVE_PROFILE, ProfilePath, 104, 16),
    F(MSV1_0_INTERACTIVE_PROFILE, HomeDirectoryDrive, 120, 16),
    F(MSV1_0_INTERACTIVE_PROFILE, LogonServer, 136, 16),
    F(MSV1_0_INTERACTIVE_PROFILE, UserFlags, 152, 4),
    S(MSV1_0_LM20_LOGON, 104, 8),
    F(MSV1_0_LM20_LOGON, MessageType, 0, 4),
    F(MSV1_0_LM20_LOGON, LogonDomainName, 8, 16),
    F(MSV1_0_LM20_LOGON, UserName, 24, 16),
    F(MSV1_0_LM20_LOGON, Workstation, 40, 16),
    F(MSV1_0_LM20_LOGON, ChallengeToClient, 56, 8),
    F(MSV1_0_LM20_LOGON, CaseSensitiveChallengeResponse, 64, 16),
    F(MSV1_0_LM20_LOGON, CaseInsensitiveChallengeResponse, 80, 16),
    F(MSV1_0_LM20_LOGON, ParameterControl, 96, 4),
    S(MSV1_0_LM20_LOGON_PROFILE, 104, 8),
    F(MSV1_0_LM20_LOGON_PROFILE, MessageType, 0, 4),
    F(MSV1_0_LM20_LOGON_PROFILE, KickOffTime, 8, 8),
    F(MSV1_0_LM20_LOGON_PROFILE, LogoffTime, 16, 8),
    F(MSV1_0_LM20_LOGON_PROFILE, UserFlags, 24, 4),
    F(MSV1_0_LM20_LOGON_PROFILE, UserSessionKey, 28, 16),
    F(MSV1_0_LM20_LOGON_PROFILE, LogonDomainName, 48, 16),
    F(MSV1_0_LM20_LOGON_PROFILE, LanmanSessionKey, 64, 8),
    F(MSV1_0_LM20_LOGON_PROFILE, LogonServer, 72, 16),
    F(MSV1_0_LM20_LOGON_PROFILE, UserParameters, 88, 16),
    S(LSA_LAST_INTER_LOGON_INFO, 24, 8),
    F(LSA_LAST_INTER_LOGON_INFO, LastSuccessfulLogon, 0, 8),
    F(LSA_LAST_INTER_LOGON_INFO, LastFailedLogon, 8, 8),
    F(LSA_LAST_INTER_LOGON_INFO, FailedAttemptCountSinceLastSuccessfulLogon, 16, 4),
    S(SECURITY_LOGON_SESSION_DATA, 272, 8),
    F(SECURITY_LOGON_SESSION_DATA, Size, 0, 4),
    F(SECURITY_LOGON_SESSION_DATA, LogonId, 4, 8),
    F(SECURITY_LOGON_SESSION_DATA, UserName, 16, 16),
    F(SECURITY_LOGON_SESSION_DATA, LogonDomain, 32, 16),
    F(SECURITY_LOGON_SESSION_DATA, AuthenticationPackage, 48, 16),
    F(SECURITY_LOGON_SESSION_DATA, LogonType, 64, 4),
    F(SECURITY_LOGON_SESSION_DATA, Session, 68, 4),
    F(SECURITY_LOGON_SESSION_DATA, Sid, 72, 8),
    F(SECURITY_LOGON_SESSION_DATA, LogonTime, 80, 8),
    F(SECURITY_LOGON_SESSION_DATA, LogonServer, 88, 16),
    F(SECURITY_LOGON_SESSION_DATA, DnsDomainName, 104, 16),
    F(SECURITY_LOGON_SESSION_DATA, Upn, 120, 16),
    F(SECURITY_LOGON_SESSION_DATA, UserFlags, 136, 4),
    F(SECURITY_LOGON_SESSION_DATA, LastLogonInfo, 144, 24),
    F(SECURITY_LOGON_SESSION_DATA, LogonScript, 168, 16),
    F(SECURITY_LOGON_SESSION_DATA, ProfilePath, 184, 16),
    F(SECURITY_LOGON_SESSION_DATA, HomeDirectory, 200, 16),
    F(SECURITY_LOGON_SESSION_DATA, HomeDirectoryDrive, 216, 16),
    F(SECURITY_LOGON_SESSION_DATA, LogoffTime, 232, 8),
    F(SECURITY_LOGON_SESSION_DATA, KickOffTime, 240, 8),
    F(SECURITY_LOGON_SESSION_DATA, PasswordLastSet, 248, 8),
    F(SECURITY_LOGON_SESSION_DATA, PasswordCanChange, 256, 8),
    F(SECURITY_LOGON_SESSION_DATA, PasswordMustChange, 264, 8),
    S(SID_AND_ATTRIBUTES, 16, 8),
    F(SID_AND_ATTRIBUTES, Sid, 0, 8),
    F(SID_AND_ATTRIBUTES, Attributes, 8, 4),
    S(TOKEN_GROUPS, 24, 8),
    F(TOKEN_GROUPS, GroupCount, 0, 4),
    F(TOKEN_GROUPS, Groups, 8, 16),
    S(LUID_AND_ATTRIBUTES, 12, 4),
    F(LUID_AND_ATTRIBUTES, Luid, 0, 8),
    F(LUID_AND_ATTRIBUTES, Attributes, 8, 4),
    S(TOKEN_PRIVILEGES, 16, 4),
    F(TOKEN_PRIVILEGES, PrivilegeCount, 0, 4),
    F(TOKEN_PRIVILEGES, Privileges, 4, 12),
    S(TOKEN_STATISTICS, 56, 8),
    F(TOKEN_STATISTICS, TokenId, 0, 8),
    F(TOKEN_STATISTICS, AuthenticationId, 8, 8),
    F(TOKEN_STATISTICS, ExpirationTime, 16, 8),
    F(TOKEN_STATISTICS, TokenType, 24, 4),
    F(TOKEN_STATISTICS, ImpersonationLevel, 28, 4),
    F(TOKEN_STATISTICS, DynamicCharged, 32, 4),
    F(TOKEN_STATISTICS, DynamicAvailable, 36, 4),
    F(TOKEN_STATISTICS, GroupCount, 40, 4),
    F(TOKEN_STATISTICS, PrivilegeCount, 44, 4),
    F(TOKEN_STATISTICS, ModifiedId, 48, 8),
    S(LSA_OBJECT_ATTRIBUTES, 48, 8),
    F(LSA_OBJECT_ATTRIBUTES, Length, 0, 4),
    F(LSA_OBJECT_ATTRIBUTES, RootDirectory, 8, 8),
    F(LSA_OBJECT_ATTRIBUTES, ObjectName, 16, 8),
    F(LSA_OBJECT_ATTRIBUTES, Attributes, 24, 4),
    F(LSA_OBJECT_ATTRIBUTES, SecurityDescriptor, 32, 8),
    F(LSA_OBJECT_ATTRIBUTES, SecurityQualityOfService, 40, 8),
    S(SECURITY_QUALITY_OF_SERVICE, 12, 4),
    F(SECURITY_QUALITY_OF_SERVICE, Length, 0, 4),
    F(SECURITY_QUALITY_OF_SERVICE, ImpersonationLevel, 4, 4),
    F(SECURITY_QUALITY_OF_SERVICE, ContextTrackingMode, 8, 1),
    F(SECURITY_QUALITY_OF_SERVICE, EffectiveOnly, 9, 1),
    /* Not in structs.md: layouts computed from the SDK field lists with the
     * same Win64 rules, pinned so that they cannot drift. */
    S(UNICODE_STRING, 16, 8),
    S(LARGE_INTEGER, 8, 8),
    S(SID, 12, 4),
    F(SID, SubAuthority, 8, 4),
    S(TOKEN_USER, 16, 8),
    S(TOKEN_OWNER, 8, 8),
    S(TOKEN_PRIMARY_GROUP, 8, 8),
    S(TOKEN_ORIGIN, 8, 4),
    S(TOKEN_ELEVATION, 4, 4),
    S(TOKEN_MANDATORY_LABEL, 16, 8),
    S(LSA_ENUMERATION_INFORMATION, 8, 8),
    S(DOMAIN_PASSWORD_INFORMATION, 24, 8),
    F(DOMAIN_PASSWORD_INFORMATION, MaxPasswordAge, 8, 8),
    S(MSV1_0_CHANGEPASSWORD_REQUEST, 80, 8),
    F(MSV1_0_CHANGEPASSWORD_REQUEST, Impersonating, 72, 1),
    S(MSV1_0_CHANGEPASSWORD_RESPONSE, 32, 8),
    F(MSV1_0_CHANGEPASSWORD_RESPONSE, DomainPasswordInfo, 8, 24),
    S(KERB_QUERY_TKT_CACHE_REQUEST, 12, 4),
    F(KERB_QUERY_TKT_CACHE_REQUEST, LogonId, 4, 8),
    S(KERB_TICKET_CACHE_INFO, 64, 8),
    S(KERB_TICKET_CACHE_INFO_EX, 96, 8),
    S(KERB_TICKET_CACHE_INFO_EX2, 104, 8),
    S(KERB_TICKET_CACHE_INFO_EX3, 128, 8),
    S(KERB_QUERY_TKT_CACHE_RESPONSE, 72, 8),
    F(KERB_QUERY_TKT_CACHE_RESPONSE, Tickets, 8, 64),
    S(KERB_QUERY_TKT_CACHE_EX_RESPONSE, 104, 8),
    S(KERB_QUERY_TKT_CACHE_EX2_RESPONSE, 112, 8),
    S(KERB_PURGE_TKT_CACHE_REQUEST, 48, 8),
    F(KERB_PURGE_TKT_CACHE_REQUEST, ServerName, 16, 16),
    S(KERB_PURGE_TKT_CACHE_EX_REQUEST, 112, 8),
    F(KERB_PURGE_TKT_CACHE_EX_REQUEST, TicketTemplate, 16, 96),
};
#undef S
#undef F

#define N_LAYOUT_ROWS ((int)(sizeof layout_rows / sizeof layout_rows[0]))

START_TEST(test_headers_layout)
{
    const struct layout_row *r = &layout_rows[_i];

    if (r->field == NULL) {
        ck_assert_msg(r->got_size == r->want_size, "sizeof(%s) is %zu, Win64 has %zu", r->type,
                      r->got_size, r->want_size);
        ck_assert_msg(r->got_offset == r->want_offset, "alignof(%s) is %zu, Win64 has %zu", r->type,
                      r->got_offset, r->want_offset);
    } else {
        ck_assert_msg(r->got_offset == r->want_offset, "offsetof(%s, %s) is %zu, Win64 has %zu",
                      r->type, r->field, r->got_offset, r->want_offset);
        ck_assert_msg(r->got_size == r->want_size, "sizeof %s.%s is %zu, Win64 has %zu", r->type,
                      r->field, r->got_size, r->want_size);
    }
}
END_TEST

/* ---- Basic types ------------------------------------------------------------ */

START_TEST(test_headers_basic_types)
{
    ck_assert_uint_eq(sizeof(WCHAR), 2);
    ck_assert_uint_eq(sizeof(ULONG), 4);
    ck_assert_uint_eq(sizeof(LONG), 4);
    ck_assert_uint_eq(sizeof(DWORD), 4);
    ck_assert_uint_eq(sizeof(NTSTATUS), 4);
    ck_assert_uint_eq(sizeof(BOOL), 4);
    ck_assert_uint_eq(sizeof(BOOLEAN), 1);
    ck_assert_uint_eq(sizeof(USHORT), 2);
    ck_assert_uint_eq(sizeof(LONGLONG), 8);
    ck_assert_uint_eq(sizeof(SIZE_T), sizeof(void *));
    ck_assert_uint_eq(sizeof(ULONG_PTR), sizeof(void *));
    ck_assert_uint_eq(sizeof(HANDLE), sizeof(void *));
    ck_assert_uint_eq(sizeof(LUID), 8);
    ck_assert((NTSTATUS)-1 < 0);
    ck_assert((ULONG)-1 > 0);
    ck_assert((WCHAR)-1 > 0);
    ck_assert((DWORD)-1 == 0xFFFFFFFFu);
    ck_assert_int_eq(TRUE, 1);
    ck_assert_int_eq(FALSE, 0);
    ck_assert_int_eq(ANYSIZE_ARRAY, 1);
    ck_assert_ptr_eq(INVALID_HANDLE_VALUE, (HANDLE)(intptr_t)-1);
}
END_TEST

START_TEST(test_headers_large_integer)
{
    LARGE_INTEGER li;

    li.QuadPart = -2;
    ck_assert_uint_eq(li.LowPart, 0xFFFFFFFEu);
    ck_assert_int_eq(li.HighPart, -1);
    ck_assert_uint_eq(li.u.LowPart, 0xFFFFFFFEu);
    ck_assert_int_eq(li.u.HighPart, -1);
}
END_TEST

START_TEST(test_headers_nt_success)
{
    ck_assert(NT_SUCCESS(STATUS_SUCCESS));
    ck_assert(NT_SUCCESS(STATUS_PENDING));
    ck_assert(!NT_SUCCESS(STATUS_LOGON_FAILURE));
    ck_assert(!NT_SUCCESS(STATUS_NO_MORE_ENTRIES));
    ck_assert(NT_INFORMATION(STATUS_SERVICE_NOTIFICATION));
    ck_assert(NT_WARNING(STATUS_NO_MORE_ENTRIES));
    ck_assert(NT_ERROR(STATUS_ACCESS_DENIED));
    ck_assert(!NT_ERROR(STATUS_SUCCESS));
    ck_assert(STATUS_LOGON_FAILURE < 0);
    ck_assert_int_eq(STATUS_ACCESS_VIOLATION, (NTSTATUS)0xC0000005u);
    ck_assert_int_eq(ERROR_LOGON_FAILURE, 1326);
    ck_assert_int_eq(ERROR_SUCCESS, 0);
    ck_assert_int_eq(NO_ERROR, 0);
    ck_assert_int_eq(WAIT_TIMEOUT, 258);
    ck_assert_int_eq(ERROR_MR_MID_NOT_FOUND, 317);
}
END_TEST

/* ---- Enum and flag values (constants.tsv) ------------------------------------ */

struct const_row {
    const char *name;
    uint32_t got, want;
};

#define C(name, value)                                                                             \
    {                                                                                              \
#name, (uint32_t)(name), (uint32_t)(value)                                                 \
    }

static const struct const_row const_rows[] = {
    C(UndefinedLogonType, 0),
    C(Interactive, 2),
    C(Network, 3),
    C(Batch, 4),
    C(Service, 5),
    C(Proxy, 6),
    C(Unlock, 7),
    C(NetworkCleartext, 8),
    C(NewCredentials, 9),
    C(RemoteInteractive, 10),
    C(CachedInteractive, 11),
    C(CachedRemoteInteractive, 12),
    C(CachedUnlock, 13),
    C(MsV1_0InteractiveLogon, 2),
    C(MsV1_0Lm20Logon, 3),
    C(MsV1_0NetworkLogon, 4),
    C(MsV1_0SubAuthLogon, 5),
    C(MsV1_0WorkstationUnlockLogon, 7),
    C(MsV1_0S4ULogon, 12),
    C(MsV1_0VirtualLogon, 82),
    C(MsV1_0NoElevationLogon, 83),
    C(MsV1_0LuidLogon, 84),
    C(MsV1_0InteractiveProfile, 2),
    C(MsV1_0Lm20LogonProfile, 3),
    C(MsV1_0SmartCardProfile, 4),
    C(MsV1_0Lm20ChallengeRequest, 0),
    C(MsV1_0Lm20GetChallengeResponse, 1),
    C(MsV1_0EnumerateUsers, 2),
    C(MsV1_0GetUserInfo, 3),
    C(MsV1_0ReLogonUsers, 4),
    C(MsV1_0ChangePassword, 5),
    C(MsV1_0ChangeCachedPassword, 6),
    C(MsV1_0GenericPassthrough, 7),
    C(MsV1_0CacheLogon, 8),
    C(MsV1_0SubAuth, 9),
    C(MsV1_0DeriveCredential, 10),
    C(MsV1_0CacheLookup, 11),
    C(MsV1_0SetProcessOption, 12),
    C(MsV1_0ConfigLocalAliases, 13),
    C(MsV1_0ClearCachedCredentials, 14),
    C(MsV1_0LookupToken, 15),
    C(MsV1_0ValidateAuth, 16),
    C(MsV1_0CacheLookupEx, 17),
    C(MsV1_0GetCredentialKey, 18),
    C(MsV1_0SetThreadOption, 19),
    C(MsV1_0DecryptDpapiMasterKey, 20),
    C(MsV1_0GetStrongCredentialKey, 21),
    C(MsV1_0TransferCred, 22),
    C(MsV1_0ProvisionTbal, 23),
    C(MsV1_0DeleteTbalSecrets, 24),
    C(KerbInteractiveLogon, 2),
    C(KerbSmartCardLogon, 6),
    C(KerbWorkstationUnlockLogon, 7),
    C(KerbSmartCardUnlockLogon, 8),
    C(KerbProxyLogon, 9),
    C(KerbTicketLogon, 10),
    C(KerbTicketUnlockLogon, 11),
    C(KerbS4ULogon, 12),
    C(KerbCertificateLogon, 13),
    C(KerbCertificateS4ULogon, 14),
    C(KerbCertificateUnlockLogon, 15),
    C(KerbNoElevationLogon, 83),
    C(KerbLuidLogon, 84),
    C(KerbInteractiveProfile, 2),
    C(KerbSmartCardProfile, 4),
    C(KerbTicketProfile, 6),
    C(KerbDebugRequestMessage, 0),
    C(KerbQueryTicketCacheMessage, 1),
    C(KerbChangeMachinePasswordMessage, 2),
    C(KerbVerifyPacMessage, 3),
    C(KerbRetrieveTicketMessage, 4),
    C(KerbUpdateAddressesMessage, 5),
    C(KerbPurgeTicketCacheMessage, 6),
    C(KerbChangePasswordMessage, 7),
    C(KerbRetrieveEncodedTicketMessage, 8),
    C(KerbDecryptDataMessage, 9),
    C(KerbAddBindingCacheEntryMessage, 10),
    C(KerbSetPasswordMessage, 11),
    C(KerbSetPasswordExMessage, 12),
    C(KerbVerifyCredentialsMessage, 13),
    C(KerbQueryTicketCacheExMessage, 14),
    C(KerbPurgeTicketCacheExMessage, 15),
    C(KerbRefreshSmartcardCredentialsMessage, 16),
    C(KerbAddExtraCredentialsMessage, 17),
    C(KerbQuerySupplementalCredentialsMessage, 18),
    C(KerbTransferCredentialsMessage, 19),
    C(KerbQueryTicketCacheEx2Message, 20),
    C(KerbSubmitTicketMessage, 21),
    C(KerbAddExtraCredentialsExMessage, 22),
    C(KerbQueryKdcProxyCacheMessage, 23),
    C(KerbPurgeKdcProxyCacheMessage, 24),
    C(KerbQueryTicketCacheEx3Message, 25),
    C(KerbCleanupMachinePkinitCredsMessage, 26),
    C(KerbAddBindingCacheEntryExMessage, 27),
    C(KerbQueryBindingCacheMessage, 28),
    C(KerbPurgeBindingCacheMessage, 29),
    C(KerbPinKdcMessage, 30),
    C(KerbUnpinAllKdcsMessage, 31),
    C(KerbQueryDomainExtendedPoliciesMessage, 32),
    C(KerbQueryS4U2ProxyCacheMessage, 33),
    C(KerbRetrieveKeyTabMessage, 34),
    C(PolicyAuditLogInformation, 1),
    C(PolicyAuditEventsInformation, 2),
    C(PolicyPrimaryDomainInformation, 3),
    C(PolicyPdAccountInformation, 4),
    C(PolicyAccountDomainInformation, 5),
    C(PolicyLsaServerRoleInformation, 6),
    C(PolicyReplicaSourceInformation, 7),
    C(PolicyDefaultQuotaInformation, 8),
    C(PolicyModificationInformation, 9),
    C(PolicyAuditFullSetInformation, 10),
    C(PolicyAuditFullQueryInformation, 11),
    C(PolicyDnsDomainInformation, 12),
    C(PolicyDnsDomainInformationInt, 13),
    C(PolicyLocalAccountDomainInformation, 14),
    C(PolicyMachineAccountInformation, 15),
    C(PolicyLastEntry, 16),
    C(SecurityAnonymous, 0),
    C(SecurityIdentification, 1),
    C(SecurityImpersonation, 2),
    C(SecurityDelegation, 3),
    C(TokenPrimary, 1),
    C(TokenImpersonation, 2),
    C(TokenUser, 1),
    C(TokenGroups, 2),
    C(TokenPrivileges, 3),
    C(TokenOwner, 4),
    C(TokenPrimaryGroup, 5),
    C(TokenDefaultDacl, 6),
    C(TokenSource, 7),
    C(TokenType, 8),
    C(TokenImpersonationLevel, 9),
    C(TokenStatistics, 10),
    C(TokenRestrictedSids, 11),
    C(TokenSessionId, 12),
    C(TokenGroupsAndPrivileges, 13),
    C(TokenSessionReference, 14),
    C(TokenSandBoxInert, 15),
    C(TokenAuditPolicy, 16),
    C(TokenOrigin, 17),
    C(TokenElevationType, 18),
    C(TokenLinkedToken, 19),
    C(TokenElevation, 20),
    C(TokenHasRestrictions, 21),
    C(TokenAccessInformation, 22),
    C(TokenVirtualizationAllowed, 23),
    C(TokenVirtualizationEnabled, 24),
    C(TokenIntegrityLevel, 25),
    C(TokenUIAccess, 26),
    C(TokenMandatoryPolicy, 27),
    C(TokenLogonSid, 28),
    C(TokenIsAppContainer, 29),
    C(TokenCapabilities, 30),
    C(TokenAppContainerSid, 31),
    C(TokenAppContainerNumber, 32),
    C(TokenUserClaimAttributes, 33),
    C(TokenDeviceClaimAttributes, 34),
    C(TokenRestrictedUserClaimAttributes, 35),
    C(TokenRestrictedDeviceClaimAttributes, 36),
    C(TokenDeviceGroups, 37),
    C(TokenRestrictedDeviceGroups, 38),
    C(TokenSecurityAttributes, 39),
    C(TokenIsRestricted, 40),
    C(MaxTokenInfoClass, 41),
    C(TokenElevationTypeDefault, 1),
    C(TokenElevationTypeFull, 2),
    C(TokenElevationTypeLimited, 3),
    C(SidTypeUser, 1),
    C(SidTypeGroup, 2),
    C(SidTypeDomain, 3),
    C(SidTypeAlias, 4),
    C(SidTypeWellKnownGroup, 5),
    C(SidTypeDeletedAccount, 6),
    C(SidTypeInvalid, 7),
    C(SidTypeUnknown, 8),
    C(SidTypeComputer, 9),
    C(SidTypeLabel, 10),
    C(SidTypeLogonSession, 11),
    C(WinNullSid, 0),
    C(WinWorldSid, 1),
    C(WinLocalSid, 2),
    C(WinCreatorOwnerSid, 3),
    C(WinCreatorGroupSid, 4),
    C(WinCreatorOwnerServerSid, 5),
    C(WinCreatorGroupServerSid, 6),
    C(WinNtAuthoritySid, 7),
    C(WinDialupSid, 8),
    C(WinNetworkSid, 9),
    C(WinBatchSid, 10),
    C(WinInteractiveSid, 11),
    C(WinServiceSid, 12),
    C(WinAnonymousSid, 13),
    C(WinProxySid, 14),
    C(WinEnterpriseControllersSid, 15),
    C(WinSelfSid, 16),
    C(WinAuthenticatedUserSid, 17),
    C(WinRestrictedCodeSid, 18),
    C(WinTerminalServerSid, 19),
    C(WinRemoteLogonIdSid, 20),
    C(WinLogonIdsSid, 21),
    C(WinLocalSystemSid, 22),
    C(WinLocalServiceSid, 23),
    C(WinNetworkServiceSid, 24),
    C(WinBuiltinDomainSid, 25),
    C(WinBuiltinAdministratorsSid, 26),
    C(WinBuiltinUsersSid, 27),
    C(WinBuiltinGuestsSid, 28),
    C(WinBuiltinPowerUsersSid, 29),
    C(WinBuiltinAccountOperatorsSid, 30),
    C(WinBuiltinSystemOperatorsSid, 31),
    C(WinBuiltinPrintOperatorsSid, 32),
    C(WinBuiltinBackupOperatorsSid, 33),
    C(WinBuiltinReplicatorSid, 34),
    C(WinBuiltinPreWindows2000CompatibleAccessSid, 35),
    C(WinBuiltinRemoteDesktopUsersSid, 36),
    C(WinBuiltinNetworkConfigurationOperatorsSid, 37),
    C(WinAccountAdministratorSid, 38),
    C(WinAccountGuestSid, 39),
    C(WinAccountKrbtgtSid, 40),
    C(WinAccountDomainAdminsSid, 41),
    C(WinAccountDomainUsersSid, 42),
    C(WinAccountDomainGuestsSid, 43),
    C(WinAccountComputersSid, 44),
    C(WinAccountControllersSid, 45),
    C(WinAccountCertAdminsSid, 46),
    C(WinAccountSchemaAdminsSid, 47),
    C(WinAccountEnterpriseAdminsSid, 48),
    C(WinAccountPolicyAdminsSid, 49),
    C(WinAccountRasAndIasServersSid, 50),
    C(WinNTLMAuthenticationSid, 51),
    C(WinDigestAuthenticationSid, 52),
    C(WinSChannelAuthenticationSid, 53),
    C(WinThisOrganizationSid, 54),
    C(WinOtherOrganizationSid, 55),
    C(WinBuiltinIncomingForestTrustBuildersSid, 56),
    C(WinBuiltinPerfMonitoringUsersSid, 57),
    C(WinBuiltinPerfLoggingUsersSid, 58),
    C(WinBuiltinAuthorizationAccessSid, 59),
    C(WinBuiltinTerminalServerLicenseServersSid, 60),
    C(WinBuiltinDCOMUsersSid, 61),
    C(WinBuiltinIUsersSid, 62),
    C(WinIUserSid, 63),
    C(WinBuiltinCryptoOperatorsSid, 64),
    C(WinUntrustedLabelSid, 65),
    C(WinLowLabelSid, 66),
    C(WinMediumLabelSid, 67),
    C(WinHighLabelSid, 68),
    C(WinSystemLabelSid, 69),
    C(WinWriteRestrictedCodeSid, 70),
    C(WinCreatorOwnerRightsSid, 71),
    C(WinCacheablePrincipalsGroupSid, 72),
    C(WinNonCacheablePrincipalsGroupSid, 73),
    C(WinEnterpriseReadonlyControllersSid, 74),
    C(WinAccountReadonlyControllersSid, 75),
    C(WinBuiltinEventLogReadersGroup, 76),
    C(WinNewEnterpriseReadonlyControllersSid, 77),
    C(WinBuiltinCertSvcDComAccessGroup, 78),
    C(WinMediumPlusLabelSid, 79),
    C(WinLocalLogonSid, 80),
    C(WinConsoleLogonSid, 81),
    C(WinThisOrganizationCertificateSid, 82),
    C(WinApplicationPackageAuthoritySid, 83),
    C(WinBuiltinAnyPackageSid, 84),
    C(WinCapabilityInternetClientSid, 85),
    C(WinCapabilityInternetClientServerSid, 86),
    C(WinCapabilityPrivateNetworkClientServerSid, 87),
    C(WinCapabilityPicturesLibrarySid, 88),
    C(WinCapabilityVideosLibrarySid, 89),
    C(WinCapabilityMusicLibrarySid, 90),
    C(WinCapabilityDocumentsLibrarySid, 91),
    C(WinCapabilitySharedUserCertificatesSid, 92),
    C(WinCapabilityEnterpriseAuthenticationSid, 93),
    C(WinCapabilityRemovableStorageSid, 94),
    C(WinBuiltinRDSRemoteAccessServersSid, 95),
    C(WinBuiltinRDSEndpointServersSid, 96),
    C(WinBuiltinRDSManagementServersSid, 97),
    C(WinUserModeDriversSid, 98),
    C(WinBuiltinHyperVAdminsSid, 99),
    C(WinAccountCloneableControllersSid, 100),
    C(WinBuiltinAccessControlAssistanceOperatorsSid, 101),
    C(WinBuiltinRemoteManagementUsersSid, 102),
    C(WinAuthenticationAuthorityAssertedSid, 103),
    C(WinAuthenticationServiceAssertedSid, 104),
    C(WinLocalAccountSid, 105),
    C(WinLocalAccountAndAdministratorSid, 106),
    C(WinAccountProtectedUsersSid, 107),
    C(WinCapabilityAppointmentsSid, 108),
    C(WinCapabilityContactsSid, 109),
    C(WinAccountDefaultSystemManagedSid, 110),
    C(WinBuiltinDefaultSystemManagedGroupSid, 111),
    C(WinBuiltinStorageReplicaAdminsSid, 112),
    C(WinAccountKeyAdminsSid, 113),
    C(WinAccountEnterpriseKeyAdminsSid, 114),
    C(WinAuthenticationKeyTrustSid, 115),
    C(WinAuthenticationKeyPropertyMFASid, 116),
    C(WinAuthenticationKeyPropertyAttestationSid, 117),
    C(LOGON32_LOGON_INTERACTIVE, 2),
    C(LOGON32_LOGON_NETWORK, 3),
    C(LOGON32_LOGON_BATCH, 4),
    C(LOGON32_LOGON_SERVICE, 5),
    C(LOGON32_LOGON_UNLOCK, 7),
    C(LOGON32_LOGON_NETWORK_CLEARTEXT, 8),
    C(LOGON32_LOGON_NEW_CREDENTIALS, 9),
    C(LOGON32_PROVIDER_DEFAULT, 0),
    C(LOGON32_PROVIDER_WINNT35, 1),
    C(LOGON32_PROVIDER_WINNT40, 2),
    C(LOGON32_PROVIDER_WINNT50, 3),
    C(LOGON32_PROVIDER_VIRTUAL, 4),
    C(POLICY_VIEW_LOCAL_INFORMATION, 0x00000001),
    C(POLICY_VIEW_AUDIT_INFORMATION, 0x00000002),
    C(POLICY_GET_PRIVATE_INFORMATION, 0x00000004),
    C(POLICY_TRUST_ADMIN, 0x00000008),
    C(POLICY_CREATE_ACCOUNT, 0x00000010),
    C(POLICY_CREATE_SECRET, 0x00000020),
    C(POLICY_CREATE_PRIVILEGE, 0x00000040),
    C(POLICY_SET_DEFAULT_QUOTA_LIMITS, 0x00000080),
    C(POLICY_SET_AUDIT_REQUIREMENTS, 0x00000100),
    C(POLICY_AUDIT_LOG_ADMIN, 0x00000200),
    C(POLICY_SERVER_ADMIN, 0x00000400),
    C(POLICY_LOOKUP_NAMES, 0x00000800),
    C(POLICY_NOTIFICATION, 0x00001000),
    C(POLICY_ALL_ACCESS, 0x000F0FFF),
    C(POLICY_READ, 0x00020006),
    C(POLICY_WRITE, 0x000207F8),
    C(POLICY_EXECUTE, 0x00020801),
    C(DELETE, 0x00010000),
    C(READ_CONTROL, 0x00020000),
    C(WRITE_DAC, 0x00040000),
    C(WRITE_OWNER, 0x00080000),
    C(SYNCHRONIZE, 0x00100000),
    C(STANDARD_RIGHTS_REQUIRED, 0x000F0000),
    C(STANDARD_RIGHTS_READ, 0x00020000),
    C(STANDARD_RIGHTS_WRITE, 0x00020000),
    C(STANDARD_RIGHTS_EXECUTE, 0x00020000),
    C(STANDARD_RIGHTS_ALL, 0x001F0000),
    C(SPECIFIC_RIGHTS_ALL, 0x0000FFFF),
    C(ACCESS_SYSTEM_SECURITY, 0x01000000),
    C(MAXIMUM_ALLOWED, 0x02000000),
    C(GENERIC_READ, 0x80000000),
    C(GENERIC_WRITE, 0x40000000),
    C(GENERIC_EXECUTE, 0x20000000),
    C(GENERIC_ALL, 0x10000000),
    C(TOKEN_ASSIGN_PRIMARY, 0x00000001),
    C(TOKEN_DUPLICATE, 0x00000002),
    C(TOKEN_IMPERSONATE, 0x00000004),
    C(TOKEN_QUERY, 0x00000008),
    C(TOKEN_QUERY_SOURCE, 0x00000010),
    C(TOKEN_ADJUST_PRIVILEGES, 0x00000020),
    C(TOKEN_ADJUST_GROUPS, 0x00000040),
    C(TOKEN_ADJUST_DEFAULT, 0x00000080),
    C(TOKEN_ADJUST_SESSIONID, 0x00000100),
    C(TOKEN_ALL_ACCESS_P, 0x000F00FF),
    C(TOKEN_ALL_ACCESS, 0x000F01FF),
    C(TOKEN_READ, 0x00020008),
    C(TOKEN_WRITE, 0x000200E0),
    C(TOKEN_EXECUTE, 0x00020000),
    C(TOKEN_MANDATORY_POLICY_OFF, 0),
    C(TOKEN_MANDATORY_POLICY_NO_WRITE_UP, 1),
    C(TOKEN_MANDATORY_POLICY_NEW_PROCESS_MIN, 2),
    C(TOKEN_MANDATORY_POLICY_VALID_MASK, 3),
    C(TOKEN_SOURCE_LENGTH, 8),
    C(SE_PRIVILEGE_ENABLED_BY_DEFAULT, 0x00000001),
    C(SE_PRIVILEGE_ENABLED, 0x00000002),
    C(SE_PRIVILEGE_REMOVED, 0x00000004),
    C(SE_PRIVILEGE_USED_FOR_ACCESS, 0x80000000),
    C(SE_PRIVILEGE_VALID_ATTRIBUTES, 0x80000007),
    C(ANYSIZE_ARRAY, 0x00000001),
    C(PRIVILEGE_SET_ALL_NECESSARY, 0x00000001),
    C(SE_GROUP_MANDATORY, 0x00000001),
    C(SE_GROUP_ENABLED_BY_DEFAULT, 0x00000002),
    C(SE_GROUP_ENABLED, 0x00000004),
    C(SE_GROUP_OWNER, 0x00000008),
    C(SE_GROUP_USE_FOR_DENY_ONLY, 0x00000010),
    C(SE_GROUP_INTEGRITY, 0x00000020),
    C(SE_GROUP_INTEGRITY_ENABLED, 0x00000040),
    C(SE_GROUP_LOGON_ID, 0xC0000000),
    C(SE_GROUP_RESOURCE, 0x20000000),
    C(SE_GROUP_VALID_ATTRIBUTES, 0xE000007F),
    C(SECURITY_MANDATORY_UNTRUSTED_RID, 0x00000000),
    C(SECURITY_MANDATORY_LOW_RID, 0x00001000),
    C(SECURITY_MANDATORY_MEDIUM_RID, 0x00002000),
    C(SECURITY_MANDATORY_HIGH_RID, 0x00003000),
    C(SECURITY_MANDATORY_SYSTEM_RID, 0x00004000),
    C(SECURITY_MANDATORY_PROTECTED_PROCESS_RID, 0x00005000),
    C(SECURITY_MANDATORY_MAXIMUM_USER_RID, 0x00004000),
    C(LOGON_GUEST, 0x00000001),
    C(LOGON_NOENCRYPTION, 0x00000002),
    C(LOGON_CACHED_ACCOUNT, 0x00000004),
    C(LOGON_USED_LM_PASSWORD, 0x00000008),
    C(LOGON_EXTRA_SIDS, 0x00000020),
    C(LOGON_SUBAUTH_SESSION_KEY, 0x00000040),
    C(LOGON_SERVER_TRUST_ACCOUNT, 0x00000080),
    C(LOGON_NTLMV2_ENABLED, 0x00000100),
    C(LOGON_RESOURCE_GROUPS, 0x00000200),
    C(LOGON_PROFILE_PATH_RETURNED, 0x00000400),
    C(LOGON_NT_V2, 0x00000800),
    C(LOGON_LM_V2, 0x00001000),
    C(LOGON_NTLM_V2, 0x00002000),
    C(LOGON_OPTIMIZED, 0x00004000),
    C(LOGON_WINLOGON, 0x00008000),
    C(LOGON_PKINIT, 0x00010000),
    C(LOGON_NO_OPTIMIZED, 0x00020000),
    C(LOGON_NO_ELEVATION, 0x00040000),
    C(LOGON_MANAGED_SERVICE, 0x00080000),
    C(LOGON_GRACE_LOGON, 0x01000000),
    C(MSV1_0_CHALLENGE_LENGTH, 0x00000008),
    C(MSV1_0_USER_SESSION_KEY_LENGTH, 0x00000010),
    C(MSV1_0_LANMAN_SESSION_KEY_LENGTH, 0x00000008),
    C(MSV1_0_CLEARTEXT_PASSWORD_ALLOWED, 0x00000002),
    C(MSV1_0_UPDATE_LOGON_STATISTICS, 0x00000004),
    C(MSV1_0_RETURN_USER_PARAMETERS, 0x00000008),
    C(MSV1_0_DONT_TRY_GUEST_ACCOUNT, 0x00000010),
    C(MSV1_0_ALLOW_SERVER_TRUST_ACCOUNT, 0x00000020),
    C(MSV1_0_RETURN_PASSWORD_EXPIRY, 0x00000040),
    C(MSV1_0_USE_CLIENT_CHALLENGE, 0x00000080),
    C(MSV1_0_TRY_GUEST_ACCOUNT_ONLY, 0x00000100),
    C(MSV1_0_RETURN_PROFILE_PATH, 0x00000200),
    C(MSV1_0_TRY_SPECIFIED_DOMAIN_ONLY, 0x00000400),
    C(MSV1_0_ALLOW_WORKSTATION_TRUST_ACCOUNT, 0x00000800),
    C(MSV1_0_DISABLE_PERSONAL_FALLBACK, 0x00001000),
    C(MSV1_0_ALLOW_FORCE_GUEST, 0x00002000),
    C(MSV1_0_CLEARTEXT_PASSWORD_SUPPLIED, 0x00004000),
    C(MSV1_0_USE_DOMAIN_FOR_ROUTING_ONLY, 0x00008000),
    C(MSV1_0_SUBAUTHENTICATION_DLL_EX, 0x00100000),
    C(MSV1_0_ALLOW_MSVCHAPV2, 0x00010000),
    C(MSV1_0_S4U2SELF, 0x00020000),
    C(MSV1_0_CHECK_LOGONHOURS_FOR_S4U, 0x00040000),
    C(MSV1_0_INTERNET_DOMAIN, 0x00080000),
    C(MSV1_0_S4U_LOGON_FLAG_CHECK_LOGONHOURS, 0x00000002),
    C(MSV1_0_MAX_NTLM3_LIFE, 0x0001FA40),
    C(MSV1_0_MAX_AVL_SIZE, 0x0000FA00),
    C(KERB_LOGON_FLAG_ALLOW_EXPIRED_TICKET, 0x00000001),
    C(KERB_LOGON_FLAG_REDIRECTED, 0x00000002),
    C(KERB_S4U_LOGON_FLAG_CHECK_LOGONHOURS, 0x00000002),
    C(KERB_S4U_LOGON_FLAG_IDENTIFY, 0x00000008),
    C(KERB_CERTIFICATE_LOGON_FLAG_CHECK_DUPLICATES, 0x00000001),
    C(KERB_CERTIFICATE_LOGON_FLAG_USE_CERTIFICATE_INFO, 0x00000002),
    C(KERB_CERTIFICATE_S4U_LOGON_FLAG_CHECK_DUPLICATES, 0x00000001),
    C(KERB_CERTIFICATE_S4U_LOGON_FLAG_CHECK_LOGONHOURS, 0x00000002),
    C(KERB_CERTIFICATE_S4U_LOGON_FLAG_FAIL_IF_NT_AUTH_POLICY_REQUIRED, 0x00000004),
    C(KERB_CERTIFICATE_S4U_LOGON_FLAG_IDENTIFY, 0x00000008),
    /* Other values the issue names. */
    C(MsV1_0S4ULogon, 12),
    C(KerbS4ULogon, 12),
    C(KerbQueryTicketCacheMessage, 1),
    C(SID_REVISION, 1),
    C(SID_MAX_SUB_AUTHORITIES, 15),
    C(TOKEN_SOURCE_LENGTH, 8),
    C(SECURITY_NT_NON_UNIQUE, 21),
    C(SECURITY_LOCAL_SYSTEM_RID, 18),
    C(SECURITY_BUILTIN_DOMAIN_RID, 32),
    C(DOMAIN_ALIAS_RID_ADMINS, 544),
    C(DOMAIN_ALIAS_RID_USERS, 545),
    C(DOMAIN_GROUP_RID_USERS, 513),
    C(SECURITY_MANDATORY_MEDIUM_PLUS_RID, 0x2100),
    C(SDDL_REVISION_1, 1),
    C(KERB_PURGE_ALL_TICKETS, 1),
};
#undef C

#define N_CONST_ROWS ((int)(sizeof const_rows / sizeof const_rows[0]))

START_TEST(test_headers_constant)
{
    const struct const_row *r = &const_rows[_i];

    ck_assert_msg(r->got == r->want, "%s is 0x%08X, the SDK has 0x%08X", r->name, (unsigned)r->got,
                  (unsigned)r->want);
}
END_TEST

START_TEST(test_headers_authorities)
{
    static const SID_IDENTIFIER_AUTHORITY nt = {SECURITY_NT_AUTHORITY};
    static const SID_IDENTIFIER_AUTHORITY world = {SECURITY_WORLD_SID_AUTHORITY};
    static const SID_IDENTIFIER_AUTHORITY label = {SECURITY_MANDATORY_LABEL_AUTHORITY};

    ck_assert_uint_eq(nt.Value[5], 5);
    ck_assert_uint_eq(world.Value[5], 1);
    ck_assert_uint_eq(label.Value[5], 16);
    ck_assert_uint_eq(nt.Value[0] | nt.Value[1] | nt.Value[2] | nt.Value[3] | nt.Value[4], 0);
}
END_TEST

/* ---- Strings (privileges.tsv, package names) ----------------------------------- */

struct name_row {
    const char *macro;
    const char *got, *want;
};

#define N(macro, text)                                                                             \
    {                                                                                              \
#macro, macro, text                                                                        \
    }

static const struct name_row name_rows[] = {
    N(SE_CREATE_TOKEN_NAME, "SeCreateTokenPrivilege"),
    N(SE_ASSIGNPRIMARYTOKEN_NAME, "SeAssignPrimaryTokenPrivilege"),
    N(SE_LOCK_MEMORY_NAME, "SeLockMemoryPrivilege"),
    N(SE_INCREASE_QUOTA_NAME, "SeIncreaseQuotaPrivilege"),
    N(SE_MACHINE_ACCOUNT_NAME, "SeMachineAccountPrivilege"),
    N(SE_TCB_NAME, "SeTcbPrivilege"),
    N(SE_SECURITY_NAME, "SeSecurityPrivilege"),
    N(SE_TAKE_OWNERSHIP_NAME, "SeTakeOwnershipPrivilege"),
    N(SE_LOAD_DRIVER_NAME, "SeLoadDriverPrivilege"),
    N(SE_SYSTEM_PROFILE_NAME, "SeSystemProfilePrivilege"),
    N(SE_SYSTEMTIME_NAME, "SeSystemtimePrivilege"),
    N(SE_PROF_SINGLE_PROCESS_NAME, "SeProfileSingleProcessPrivilege"),
    N(SE_INC_BASE_PRIORITY_NAME, "SeIncreaseBasePriorityPrivilege"),
    N(SE_CREATE_PAGEFILE_NAME, "SeCreatePagefilePrivilege"),
    N(SE_CREATE_PERMANENT_NAME, "SeCreatePermanentPrivilege"),
    N(SE_BACKUP_NAME, "SeBackupPrivilege"),
    N(SE_RESTORE_NAME, "SeRestorePrivilege"),
    N(SE_SHUTDOWN_NAME, "SeShutdownPrivilege"),
    N(SE_DEBUG_NAME, "SeDebugPrivilege"),
    N(SE_AUDIT_NAME, "SeAuditPrivilege"),
    N(SE_SYSTEM_ENVIRONMENT_NAME, "SeSystemEnvironmentPrivilege"),
    N(SE_CHANGE_NOTIFY_NAME, "SeChangeNotifyPrivilege"),
    N(SE_REMOTE_SHUTDOWN_NAME, "SeRemoteShutdownPrivilege"),
    N(SE_UNDOCK_NAME, "SeUndockPrivilege"),
    N(SE_SYNC_AGENT_NAME, "SeSyncAgentPrivilege"),
    N(SE_ENABLE_DELEGATION_NAME, "SeEnableDelegationPrivilege"),
    N(SE_MANAGE_VOLUME_NAME, "SeManageVolumePrivilege"),
    N(SE_IMPERSONATE_NAME, "SeImpersonatePrivilege"),
    N(SE_CREATE_GLOBAL_NAME, "SeCreateGlobalPrivilege"),
    N(SE_TRUSTED_CREDMAN_ACCESS_NAME, "SeTrustedCredManAccessPrivilege"),
    N(SE_RELABEL_NAME, "SeRelabelPrivilege"),
    N(SE_INC_WORKING_SET_NAME, "SeIncreaseWorkingSetPrivilege"),
    N(SE_TIME_ZONE_NAME, "SeTimeZonePrivilege"),
    N(SE_CREATE_SYMBOLIC_LINK_NAME, "SeCreateSymbolicLinkPrivilege"),
    N(SE_DELEGATE_SESSION_USER_IMPERSONATE_NAME, "SeDelegateSessionUserImpersonatePrivilege"),
    N(SE_INTERACTIVE_LOGON_NAME, "SeInteractiveLogonRight"),
    N(SE_NETWORK_LOGON_NAME, "SeNetworkLogonRight"),
    N(SE_BATCH_LOGON_NAME, "SeBatchLogonRight"),
    N(SE_SERVICE_LOGON_NAME, "SeServiceLogonRight"),
    N(SE_DENY_INTERACTIVE_LOGON_NAME, "SeDenyInteractiveLogonRight"),
    N(SE_DENY_NETWORK_LOGON_NAME, "SeDenyNetworkLogonRight"),
    N(SE_DENY_BATCH_LOGON_NAME, "SeDenyBatchLogonRight"),
    N(SE_DENY_SERVICE_LOGON_NAME, "SeDenyServiceLogonRight"),
    N(SE_REMOTE_INTERACTIVE_LOGON_NAME, "SeRemoteInteractiveLogonRight"),
    N(SE_DENY_REMOTE_INTERACTIVE_LOGON_NAME, "SeDenyRemoteInteractiveLogonRight"),
    N(SE_UNSOLICITED_INPUT_NAME, "SeUnsolicitedInputPrivilege"),
    N(MSV1_0_PACKAGE_NAME, "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"),
    N(MICROSOFT_KERBEROS_NAME_A, "Kerberos"),
    N(NEGOSSP_NAME_A, "Negotiate"),
    N(NEGOSSP_NAME, "Negotiate"),
    N(NTLMSP_NAME_A, "NTLM"),
    N(MSV1_0_SUBAUTHENTICATION_VALUE, "Auth"),
    N(SDDL_EVERYONE, "WD"),
    N(SDDL_BUILTIN_ADMINISTRATORS, "BA"),
    N(SDDL_LOCAL_SYSTEM, "SY"),
};
#undef N

#define N_NAME_ROWS ((int)(sizeof name_rows / sizeof name_rows[0]))

START_TEST(test_headers_name)
{
    const struct name_row *r = &name_rows[_i];

    ck_assert_msg(strcmp(r->got, r->want) == 0, "%s is \"%s\", want \"%s\"", r->macro, r->got,
                  r->want);
}
END_TEST

/* The wide package names are UTF-16 arrays of WCHAR with the same text. */
static void check_wide(const char *macro, const WCHAR *got, size_t got_bytes, const char *want)
{
    size_t n = strlen(want);

    ck_assert_msg(got_bytes == (n + 1) * sizeof(WCHAR), "%s has %zu bytes, want %zu", macro,
                  got_bytes, (n + 1) * sizeof(WCHAR));
    for (size_t i = 0; i <= n; i++)
        ck_assert_msg(got[i] == (WCHAR)(unsigned char)want[i], "%s differs at %zu", macro, i);
}

START_TEST(test_headers_wide_names)
{
    check_wide("MSV1_0_PACKAGE_NAMEW", MSV1_0_PACKAGE_NAMEW, sizeof(MSV1_0_PACKAGE_NAMEW),
               "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0");
    check_wide("MICROSOFT_KERBEROS_NAME_W", MICROSOFT_KERBEROS_NAME_W,
               sizeof(MICROSOFT_KERBEROS_NAME_W), "Kerberos");
    check_wide("MICROSOFT_KERBEROS_NAME", MICROSOFT_KERBEROS_NAME, sizeof(MICROSOFT_KERBEROS_NAME),
               "Kerberos");
    check_wide("NEGOSSP_NAME_W", NEGOSSP_NAME_W, sizeof(NEGOSSP_NAME_W), "Negotiate");
    check_wide("NTLMSP_NAME", NTLMSP_NAME, sizeof(NTLMSP_NAME), "NTLM");
    ck_assert_uint_eq(MSV1_0_PACKAGE_NAMEW_LENGTH, 37 * sizeof(WCHAR));
}
END_TEST

static Suite *make_headers_suite(void)
{
    Suite *s = suite_create("headers");
    TCase *tc = tcase_create("layout");

    tcase_add_loop_test(tc, test_headers_layout, 0, N_LAYOUT_ROWS);
    tcase_add_test(tc, test_headers_basic_types);
    tcase_add_test(tc, test_headers_large_integer);
    suite_add_tcase(s, tc);

    tc = tcase_create("values");
    tcase_add_test(tc, test_headers_nt_success);
    tcase_add_loop_test(tc, test_headers_constant, 0, N_CONST_ROWS);
    tcase_add_test(tc, test_headers_authorities);
    tcase_add_loop_test(tc, test_headers_name, 0, N_NAME_ROWS);
    tcase_add_test(tc, test_headers_wide_names);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run_suite(make_headers_suite()); }
