/* SPDX-License-Identifier: MIT */
/*
 * ntsecapi.h - lsaemu's stand-in for the SDK's ntsecapi.h: the LSA logon
 * process API (LsaRegisterLogonProcess, LsaLogonUser, ...), the MSV1_0 and
 * Kerberos submit/profile/protocol structures and the policy access masks.
 * Field names, order and enum values are the SDK's; the Win64 layout is
 * pinned below. Works alone and after <windows.h>.
 */
#ifndef LSAEMU_INCLUDE_NTSECAPI_H
#define LSAEMU_INCLUDE_NTSECAPI_H

#include "ntdef.h"

/* ------------------------------------------------------------------------ */
/* LSA basics.                                                              */
/* ------------------------------------------------------------------------ */

/* The LSA string types are the native counted strings (the SDK makes them
 * the same types when ntdef.h is in use). */
typedef UNICODE_STRING LSA_UNICODE_STRING, *PLSA_UNICODE_STRING;
typedef STRING LSA_STRING, *PLSA_STRING;

typedef PVOID LSA_HANDLE, *PLSA_HANDLE;

typedef ULONG LSA_OPERATIONAL_MODE, *PLSA_OPERATIONAL_MODE;
#define LSA_MODE_PASSWORD_PROTECTED  0x00000001
#define LSA_MODE_INDIVIDUAL_ACCOUNTS 0x00000002
#define LSA_MODE_MANDATORY_ACCESS    0x00000004
#define LSA_MODE_LOG_FULL            0x00000008

typedef struct _LSA_OBJECT_ATTRIBUTES {
    ULONG Length;
    HANDLE RootDirectory;
    PLSA_UNICODE_STRING ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor;
    PVOID SecurityQualityOfService;
} LSA_OBJECT_ATTRIBUTES, *PLSA_OBJECT_ATTRIBUTES;

typedef struct _LSA_ENUMERATION_INFORMATION {
    PSID Sid;
} LSA_ENUMERATION_INFORMATION, *PLSA_ENUMERATION_INFORMATION;

/* Name and SID translation (LsaLookupNames2, LsaLookupSids; lsalookup.h). */
typedef struct _LSA_TRUST_INFORMATION {
    LSA_UNICODE_STRING Name;
    PSID Sid;
} LSA_TRUST_INFORMATION, *PLSA_TRUST_INFORMATION;

typedef struct _LSA_REFERENCED_DOMAIN_LIST {
    ULONG Entries;
    PLSA_TRUST_INFORMATION Domains;
} LSA_REFERENCED_DOMAIN_LIST, *PLSA_REFERENCED_DOMAIN_LIST;

typedef struct _LSA_TRANSLATED_SID2 {
    SID_NAME_USE Use;
    PSID Sid;
    LONG DomainIndex;
    ULONG Flags;
} LSA_TRANSLATED_SID2, *PLSA_TRANSLATED_SID2;

typedef struct _LSA_TRANSLATED_NAME {
    SID_NAME_USE Use;
    LSA_UNICODE_STRING Name;
    LONG DomainIndex;
} LSA_TRANSLATED_NAME, *PLSA_TRANSLATED_NAME;

#define LSA_LOOKUP_ISOLATED_AS_LOCAL 0x80000000

/* The first-generation translation (LsaLookupNames): the SID is
 * Domains[DomainIndex].Sid followed by RelativeId (0xFFFFFFFF for a
 * domain). */
typedef struct _LSA_TRANSLATED_SID {
    SID_NAME_USE Use;
    ULONG RelativeId;
    LONG DomainIndex;
} LSA_TRANSLATED_SID, *PLSA_TRANSLATED_SID;

/* What LsaQueryInformationPolicy returns for the classes lsaemu answers. */
#ifndef GUID_DEFINED
#define GUID_DEFINED
/* guiddef.h's GUID, with Windows' sizes (its Data1 is a 32-bit unsigned
 * long there). */
typedef struct _GUID {
    DWORD Data1;
    WORD Data2;
    WORD Data3;
    BYTE Data4[8];
} GUID;
#endif

typedef struct _POLICY_ACCOUNT_DOMAIN_INFO {
    LSA_UNICODE_STRING DomainName;
    PSID DomainSid;
} POLICY_ACCOUNT_DOMAIN_INFO, *PPOLICY_ACCOUNT_DOMAIN_INFO;

typedef struct _POLICY_PRIMARY_DOMAIN_INFO {
    LSA_UNICODE_STRING Name;
    PSID Sid;
} POLICY_PRIMARY_DOMAIN_INFO, *PPOLICY_PRIMARY_DOMAIN_INFO;

typedef struct _POLICY_DNS_DOMAIN_INFO {
    LSA_UNICODE_STRING Name;
    LSA_UNICODE_STRING DnsDomainName;
    LSA_UNICODE_STRING DnsForestName;
    GUID DomainGuid;
    PSID Sid;
} POLICY_DNS_DOMAIN_INFO, *PPOLICY_DNS_DOMAIN_INFO;

/* LsaManageSidNameMapping (the numbering of the SDK header and its
 * callers; the legacy reference page numbers the operations from 1). */
typedef enum _LSA_SID_NAME_MAPPING_OPERATION_TYPE {
    LsaSidNameMappingOperation_Add,
    LsaSidNameMappingOperation_Remove,
    LsaSidNameMappingOperation_AddMultiple
} LSA_SID_NAME_MAPPING_OPERATION_TYPE,
    *PLSA_SID_NAME_MAPPING_OPERATION_TYPE;

typedef struct _LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT {
    UNICODE_STRING DomainName;
    UNICODE_STRING AccountName;
    PSID Sid;
    ULONG Flags;
} LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT, *PLSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT;

typedef struct _LSA_SID_NAME_MAPPING_OPERATION_REMOVE_INPUT {
    UNICODE_STRING DomainName;
    UNICODE_STRING AccountName;
} LSA_SID_NAME_MAPPING_OPERATION_REMOVE_INPUT, *PLSA_SID_NAME_MAPPING_OPERATION_REMOVE_INPUT;

typedef struct _LSA_SID_NAME_MAPPING_OPERATION_ADD_MULTIPLE_INPUT {
    ULONG Count;
    PLSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT Mappings;
} LSA_SID_NAME_MAPPING_OPERATION_ADD_MULTIPLE_INPUT,
    *PLSA_SID_NAME_MAPPING_OPERATION_ADD_MULTIPLE_INPUT;

typedef union _LSA_SID_NAME_MAPPING_OPERATION_INPUT {
    LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT AddInput;
    LSA_SID_NAME_MAPPING_OPERATION_REMOVE_INPUT RemoveInput;
    LSA_SID_NAME_MAPPING_OPERATION_ADD_MULTIPLE_INPUT AddMultipleInput;
} LSA_SID_NAME_MAPPING_OPERATION_INPUT, *PLSA_SID_NAME_MAPPING_OPERATION_INPUT;

typedef enum _LSA_SID_NAME_MAPPING_OPERATION_ERROR {
    LsaSidNameMappingOperation_Success,
    LsaSidNameMappingOperation_NonMappingError,
    LsaSidNameMappingOperation_NameCollision,
    LsaSidNameMappingOperation_SidCollision,
    LsaSidNameMappingOperation_DomainNotFound,
    LsaSidNameMappingOperation_DomainSidPrefixMismatch,
    LsaSidNameMappingOperation_MappingNotFound
} LSA_SID_NAME_MAPPING_OPERATION_ERROR,
    *PLSA_SID_NAME_MAPPING_OPERATION_ERROR;

typedef struct _LSA_SID_NAME_MAPPING_OPERATION_GENERIC_OUTPUT {
    LSA_SID_NAME_MAPPING_OPERATION_ERROR ErrorCode;
} LSA_SID_NAME_MAPPING_OPERATION_GENERIC_OUTPUT, *PLSA_SID_NAME_MAPPING_OPERATION_GENERIC_OUTPUT;

typedef LSA_SID_NAME_MAPPING_OPERATION_GENERIC_OUTPUT LSA_SID_NAME_MAPPING_OPERATION_ADD_OUTPUT,
    *PLSA_SID_NAME_MAPPING_OPERATION_ADD_OUTPUT;
typedef LSA_SID_NAME_MAPPING_OPERATION_GENERIC_OUTPUT LSA_SID_NAME_MAPPING_OPERATION_REMOVE_OUTPUT,
    *PLSA_SID_NAME_MAPPING_OPERATION_REMOVE_OUTPUT;
typedef LSA_SID_NAME_MAPPING_OPERATION_GENERIC_OUTPUT
    LSA_SID_NAME_MAPPING_OPERATION_ADD_MULTIPLE_OUTPUT,
    *PLSA_SID_NAME_MAPPING_OPERATION_ADD_MULTIPLE_OUTPUT;

typedef union _LSA_SID_NAME_MAPPING_OPERATION_OUTPUT {
    LSA_SID_NAME_MAPPING_OPERATION_ADD_OUTPUT AddOutput;
    LSA_SID_NAME_MAPPING_OPERATION_REMOVE_OUTPUT RemoveOutput;
    LSA_SID_NAME_MAPPING_OPERATION_ADD_MULTIPLE_OUTPUT AddMultipleOutput;
} LSA_SID_NAME_MAPPING_OPERATION_OUTPUT, *PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT;

typedef enum _SECURITY_LOGON_TYPE {
    UndefinedLogonType = 0,
    Interactive = 2,
    Network = 3,
    Batch = 4,
    Service = 5,
    Proxy = 6,
    Unlock = 7,
    NetworkCleartext = 8,
    NewCredentials = 9,
    RemoteInteractive = 10,
    CachedInteractive = 11,
    CachedRemoteInteractive = 12,
    CachedUnlock = 13
} SECURITY_LOGON_TYPE,
    *PSECURITY_LOGON_TYPE;

/* Policy object access rights (LsaOpenPolicy). */
#define POLICY_VIEW_LOCAL_INFORMATION   0x00000001
#define POLICY_VIEW_AUDIT_INFORMATION   0x00000002
#define POLICY_GET_PRIVATE_INFORMATION  0x00000004
#define POLICY_TRUST_ADMIN              0x00000008
#define POLICY_CREATE_ACCOUNT           0x00000010
#define POLICY_CREATE_SECRET            0x00000020
#define POLICY_CREATE_PRIVILEGE         0x00000040
#define POLICY_SET_DEFAULT_QUOTA_LIMITS 0x00000080
#define POLICY_SET_AUDIT_REQUIREMENTS   0x00000100
#define POLICY_AUDIT_LOG_ADMIN          0x00000200
#define POLICY_SERVER_ADMIN             0x00000400
#define POLICY_LOOKUP_NAMES             0x00000800
#define POLICY_NOTIFICATION             0x00001000
#define POLICY_ALL_ACCESS               0x000F0FFF
#define POLICY_READ                     0x00020006
#define POLICY_WRITE                    0x000207F8
#define POLICY_EXECUTE                  0x00020801

typedef enum _POLICY_INFORMATION_CLASS {
    PolicyAuditLogInformation = 1,
    PolicyAuditEventsInformation = 2,
    PolicyPrimaryDomainInformation = 3,
    PolicyPdAccountInformation = 4,
    PolicyAccountDomainInformation = 5,
    PolicyLsaServerRoleInformation = 6,
    PolicyReplicaSourceInformation = 7,
    PolicyDefaultQuotaInformation = 8,
    PolicyModificationInformation = 9,
    PolicyAuditFullSetInformation = 10,
    PolicyAuditFullQueryInformation = 11,
    PolicyDnsDomainInformation = 12,
    PolicyDnsDomainInformationInt = 13,
    PolicyLocalAccountDomainInformation = 14,
    PolicyMachineAccountInformation = 15,
    PolicyLastEntry = 16
} POLICY_INFORMATION_CLASS,
    *PPOLICY_INFORMATION_CLASS;

/* Account right names (LsaAddAccountRights); TEXT-style like the SDK. */
#define SE_INTERACTIVE_LOGON_NAME             LSAEMU_TEXT("SeInteractiveLogonRight")
#define SE_NETWORK_LOGON_NAME                 LSAEMU_TEXT("SeNetworkLogonRight")
#define SE_BATCH_LOGON_NAME                   LSAEMU_TEXT("SeBatchLogonRight")
#define SE_SERVICE_LOGON_NAME                 LSAEMU_TEXT("SeServiceLogonRight")
#define SE_DENY_INTERACTIVE_LOGON_NAME        LSAEMU_TEXT("SeDenyInteractiveLogonRight")
#define SE_DENY_NETWORK_LOGON_NAME            LSAEMU_TEXT("SeDenyNetworkLogonRight")
#define SE_DENY_BATCH_LOGON_NAME              LSAEMU_TEXT("SeDenyBatchLogonRight")
#define SE_DENY_SERVICE_LOGON_NAME            LSAEMU_TEXT("SeDenyServiceLogonRight")
#define SE_REMOTE_INTERACTIVE_LOGON_NAME      LSAEMU_TEXT("SeRemoteInteractiveLogonRight")
#define SE_DENY_REMOTE_INTERACTIVE_LOGON_NAME LSAEMU_TEXT("SeDenyRemoteInteractiveLogonRight")

/* ------------------------------------------------------------------------ */
/* Logon sessions.                                                          */
/* ------------------------------------------------------------------------ */

typedef struct _LSA_LAST_INTER_LOGON_INFO {
    LARGE_INTEGER LastSuccessfulLogon;
    LARGE_INTEGER LastFailedLogon;
    ULONG FailedAttemptCountSinceLastSuccessfulLogon;
} LSA_LAST_INTER_LOGON_INFO, *PLSA_LAST_INTER_LOGON_INFO;

typedef struct _SECURITY_LOGON_SESSION_DATA {
    ULONG Size;
    LUID LogonId;
    LSA_UNICODE_STRING UserName;
    LSA_UNICODE_STRING LogonDomain;
    LSA_UNICODE_STRING AuthenticationPackage;
    ULONG LogonType;
    ULONG Session;
    PSID Sid;
    LARGE_INTEGER LogonTime;
    LSA_UNICODE_STRING LogonServer;
    LSA_UNICODE_STRING DnsDomainName;
    LSA_UNICODE_STRING Upn;
    ULONG UserFlags;
    LSA_LAST_INTER_LOGON_INFO LastLogonInfo;
    LSA_UNICODE_STRING LogonScript;
    LSA_UNICODE_STRING ProfilePath;
    LSA_UNICODE_STRING HomeDirectory;
    LSA_UNICODE_STRING HomeDirectoryDrive;
    LARGE_INTEGER LogoffTime;
    LARGE_INTEGER KickOffTime;
    LARGE_INTEGER PasswordLastSet;
    LARGE_INTEGER PasswordCanChange;
    LARGE_INTEGER PasswordMustChange;
} SECURITY_LOGON_SESSION_DATA, *PSECURITY_LOGON_SESSION_DATA;

/* UserFlags of logon profiles and session data. */
#define LOGON_GUEST                 0x00000001
#define LOGON_NOENCRYPTION          0x00000002
#define LOGON_CACHED_ACCOUNT        0x00000004
#define LOGON_USED_LM_PASSWORD      0x00000008
#define LOGON_EXTRA_SIDS            0x00000020
#define LOGON_SUBAUTH_SESSION_KEY   0x00000040
#define LOGON_SERVER_TRUST_ACCOUNT  0x00000080
#define LOGON_NTLMV2_ENABLED        0x00000100
#define LOGON_RESOURCE_GROUPS       0x00000200
#define LOGON_PROFILE_PATH_RETURNED 0x00000400
#define LOGON_NT_V2                 0x00000800
#define LOGON_LM_V2                 0x00001000
#define LOGON_NTLM_V2               0x00002000
#define LOGON_OPTIMIZED             0x00004000
#define LOGON_WINLOGON              0x00008000
#define LOGON_PKINIT                0x00010000
#define LOGON_NO_OPTIMIZED          0x00020000
#define LOGON_NO_ELEVATION          0x00040000
#define LOGON_MANAGED_SERVICE       0x00080000
#define LOGON_GRACE_LOGON           0x01000000

/* ------------------------------------------------------------------------ */
/* Package names.                                                           */
/* ------------------------------------------------------------------------ */

#define MSV1_0_PACKAGE_NAME            "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"
#define MSV1_0_PACKAGE_NAMEW           LSAEMU_WIDE("MICROSOFT_AUTHENTICATION_PACKAGE_V1_0")
#define MSV1_0_PACKAGE_NAMEW_LENGTH    (sizeof(MSV1_0_PACKAGE_NAMEW) - sizeof(WCHAR))
#define MSV1_0_SUBAUTHENTICATION_KEY   "SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0"
#define MSV1_0_SUBAUTHENTICATION_VALUE "Auth"

/* As in the SDK, the undecorated Kerberos name is the wide one whatever
 * UNICODE says (only the long-gone WIN32_CHICAGO builds made it narrow). */
#ifndef MICROSOFT_KERBEROS_NAME_A
#define MICROSOFT_KERBEROS_NAME_A "Kerberos"
#define MICROSOFT_KERBEROS_NAME_W LSAEMU_WIDE("Kerberos")
#ifdef WIN32_CHICAGO
#define MICROSOFT_KERBEROS_NAME MICROSOFT_KERBEROS_NAME_A
#else
#define MICROSOFT_KERBEROS_NAME MICROSOFT_KERBEROS_NAME_W
#endif
#endif

/* These live in the SDK's security.h; guarded in case that is used too. */
#ifndef NEGOSSP_NAME_A
#define NEGOSSP_NAME_A "Negotiate"
#define NEGOSSP_NAME_W LSAEMU_WIDE("Negotiate")
#ifdef UNICODE
#define NEGOSSP_NAME NEGOSSP_NAME_W
#else
#define NEGOSSP_NAME NEGOSSP_NAME_A
#endif
#endif
#ifndef NTLMSP_NAME_A
#define NTLMSP_NAME_A "NTLM"
#define NTLMSP_NAME   LSAEMU_WIDE("NTLM")
#endif

/* ------------------------------------------------------------------------ */
/* MSV1_0 (NTLM) package.                                                   */
/* ------------------------------------------------------------------------ */

#define MSV1_0_CHALLENGE_LENGTH                8
#define MSV1_0_USER_SESSION_KEY_LENGTH         16
#define MSV1_0_LANMAN_SESSION_KEY_LENGTH       8
#define MSV1_0_CLEARTEXT_PASSWORD_ALLOWED      0x00000002
#define MSV1_0_UPDATE_LOGON_STATISTICS         0x00000004
#define MSV1_0_RETURN_USER_PARAMETERS          0x00000008
#define MSV1_0_DONT_TRY_GUEST_ACCOUNT          0x00000010
#define MSV1_0_ALLOW_SERVER_TRUST_ACCOUNT      0x00000020
#define MSV1_0_RETURN_PASSWORD_EXPIRY          0x00000040
#define MSV1_0_USE_CLIENT_CHALLENGE            0x00000080
#define MSV1_0_TRY_GUEST_ACCOUNT_ONLY          0x00000100
#define MSV1_0_RETURN_PROFILE_PATH             0x00000200
#define MSV1_0_TRY_SPECIFIED_DOMAIN_ONLY       0x00000400
#define MSV1_0_ALLOW_WORKSTATION_TRUST_ACCOUNT 0x00000800
#define MSV1_0_DISABLE_PERSONAL_FALLBACK       0x00001000
#define MSV1_0_ALLOW_FORCE_GUEST               0x00002000
#define MSV1_0_CLEARTEXT_PASSWORD_SUPPLIED     0x00004000
#define MSV1_0_USE_DOMAIN_FOR_ROUTING_ONLY     0x00008000
#define MSV1_0_SUBAUTHENTICATION_DLL_EX        0x00100000
#define MSV1_0_ALLOW_MSVCHAPV2                 0x00010000
#define MSV1_0_S4U2SELF                        0x00020000
#define MSV1_0_CHECK_LOGONHOURS_FOR_S4U        0x00040000
#define MSV1_0_INTERNET_DOMAIN                 0x00080000
#define MSV1_0_S4U_LOGON_FLAG_CHECK_LOGONHOURS 0x00000002
#define MSV1_0_MAX_NTLM3_LIFE                  0x0001FA40
#define MSV1_0_MAX_AVL_SIZE                    0x0000FA00

typedef enum _MSV1_0_LOGON_SUBMIT_TYPE {
    MsV1_0InteractiveLogon = 2,
    MsV1_0Lm20Logon = 3,
    MsV1_0NetworkLogon = 4,
    MsV1_0SubAuthLogon = 5,
    MsV1_0WorkstationUnlockLogon = 7,
    MsV1_0S4ULogon = 12,
    MsV1_0VirtualLogon = 82,
    MsV1_0NoElevationLogon = 83,
    MsV1_0LuidLogon = 84
} MSV1_0_LOGON_SUBMIT_TYPE,
    *PMSV1_0_LOGON_SUBMIT_TYPE;

typedef enum _MSV1_0_PROFILE_BUFFER_TYPE {
    MsV1_0InteractiveProfile = 2,
    MsV1_0Lm20LogonProfile = 3,
    MsV1_0SmartCardProfile = 4
} MSV1_0_PROFILE_BUFFER_TYPE,
    *PMSV1_0_PROFILE_BUFFER_TYPE;

typedef enum _MSV1_0_PROTOCOL_MESSAGE_TYPE {
    MsV1_0Lm20ChallengeRequest = 0,
    MsV1_0Lm20GetChallengeResponse = 1,
    MsV1_0EnumerateUsers = 2,
    MsV1_0GetUserInfo = 3,
    MsV1_0ReLogonUsers = 4,
    MsV1_0ChangePassword = 5,
    MsV1_0ChangeCachedPassword = 6,
    MsV1_0GenericPassthrough = 7,
    MsV1_0CacheLogon = 8,
    MsV1_0SubAuth = 9,
    MsV1_0DeriveCredential = 10,
    MsV1_0CacheLookup = 11,
    MsV1_0SetProcessOption = 12,
    MsV1_0ConfigLocalAliases = 13,
    MsV1_0ClearCachedCredentials = 14,
    MsV1_0LookupToken = 15,
    MsV1_0ValidateAuth = 16,
    MsV1_0CacheLookupEx = 17,
    MsV1_0GetCredentialKey = 18,
    MsV1_0SetThreadOption = 19,
    MsV1_0DecryptDpapiMasterKey = 20,
    MsV1_0GetStrongCredentialKey = 21,
    MsV1_0TransferCred = 22,
    MsV1_0ProvisionTbal = 23,
    MsV1_0DeleteTbalSecrets = 24
} MSV1_0_PROTOCOL_MESSAGE_TYPE,
    *PMSV1_0_PROTOCOL_MESSAGE_TYPE;

typedef struct _MSV1_0_INTERACTIVE_LOGON {
    MSV1_0_LOGON_SUBMIT_TYPE MessageType;
    UNICODE_STRING LogonDomainName;
    UNICODE_STRING UserName;
    UNICODE_STRING Password;
} MSV1_0_INTERACTIVE_LOGON, *PMSV1_0_INTERACTIVE_LOGON;

typedef struct _MSV1_0_INTERACTIVE_PROFILE {
    MSV1_0_PROFILE_BUFFER_TYPE MessageType;
    USHORT LogonCount;
    USHORT BadPasswordCount;
    LARGE_INTEGER LogonTime;
    LARGE_INTEGER LogoffTime;
    LARGE_INTEGER KickOffTime;
    LARGE_INTEGER PasswordLastSet;
    LARGE_INTEGER PasswordCanChange;
    LARGE_INTEGER PasswordMustChange;
    UNICODE_STRING LogonScript;
    UNICODE_STRING HomeDirectory;
    UNICODE_STRING FullName;
    UNICODE_STRING ProfilePath;
    UNICODE_STRING HomeDirectoryDrive;
    UNICODE_STRING LogonServer;
    ULONG UserFlags;
} MSV1_0_INTERACTIVE_PROFILE, *PMSV1_0_INTERACTIVE_PROFILE;

typedef struct _MSV1_0_LM20_LOGON {
    MSV1_0_LOGON_SUBMIT_TYPE MessageType;
    UNICODE_STRING LogonDomainName;
    UNICODE_STRING UserName;
    UNICODE_STRING Workstation;
    UCHAR ChallengeToClient[MSV1_0_CHALLENGE_LENGTH];
    STRING CaseSensitiveChallengeResponse;
    STRING CaseInsensitiveChallengeResponse;
    ULONG ParameterControl;
} MSV1_0_LM20_LOGON, *PMSV1_0_LM20_LOGON;

typedef struct _MSV1_0_LM20_LOGON_PROFILE {
    MSV1_0_PROFILE_BUFFER_TYPE MessageType;
    LARGE_INTEGER KickOffTime;
    LARGE_INTEGER LogoffTime;
    ULONG UserFlags;
    UCHAR UserSessionKey[MSV1_0_USER_SESSION_KEY_LENGTH];
    UNICODE_STRING LogonDomainName;
    UCHAR LanmanSessionKey[MSV1_0_LANMAN_SESSION_KEY_LENGTH];
    UNICODE_STRING LogonServer;
    UNICODE_STRING UserParameters;
} MSV1_0_LM20_LOGON_PROFILE, *PMSV1_0_LM20_LOGON_PROFILE;

typedef struct _MSV1_0_S4U_LOGON {
    MSV1_0_LOGON_SUBMIT_TYPE MessageType;
    ULONG Flags;
    UNICODE_STRING UserPrincipalName;
    UNICODE_STRING DomainName;
} MSV1_0_S4U_LOGON, *PMSV1_0_S4U_LOGON;

/* Password policy returned by MsV1_0ChangePassword. */
#define DOMAIN_PASSWORD_COMPLEX         0x00000001
#define DOMAIN_PASSWORD_NO_ANON_CHANGE  0x00000002
#define DOMAIN_PASSWORD_NO_CLEAR_CHANGE 0x00000004
#define DOMAIN_LOCKOUT_ADMINS           0x00000008
#define DOMAIN_PASSWORD_STORE_CLEARTEXT 0x00000010
#define DOMAIN_REFUSE_PASSWORD_CHANGE   0x00000020
#define DOMAIN_NO_LM_OWF_CHANGE         0x00000040

typedef struct _DOMAIN_PASSWORD_INFORMATION {
    USHORT MinPasswordLength;
    USHORT PasswordHistoryLength;
    ULONG PasswordProperties;
    LARGE_INTEGER MaxPasswordAge;
    LARGE_INTEGER MinPasswordAge;
} DOMAIN_PASSWORD_INFORMATION, *PDOMAIN_PASSWORD_INFORMATION;

typedef struct _MSV1_0_CHANGEPASSWORD_REQUEST {
    MSV1_0_PROTOCOL_MESSAGE_TYPE MessageType;
    UNICODE_STRING DomainName;
    UNICODE_STRING AccountName;
    UNICODE_STRING OldPassword;
    UNICODE_STRING NewPassword;
    BOOLEAN Impersonating;
} MSV1_0_CHANGEPASSWORD_REQUEST, *PMSV1_0_CHANGEPASSWORD_REQUEST;

typedef struct _MSV1_0_CHANGEPASSWORD_RESPONSE {
    MSV1_0_PROTOCOL_MESSAGE_TYPE MessageType;
    BOOLEAN PasswordInfoValid;
    DOMAIN_PASSWORD_INFORMATION DomainPasswordInfo;
} MSV1_0_CHANGEPASSWORD_RESPONSE, *PMSV1_0_CHANGEPASSWORD_RESPONSE;

/* ------------------------------------------------------------------------ */
/* Kerberos package.                                                        */
/* ------------------------------------------------------------------------ */

#define KERB_LOGON_FLAG_ALLOW_EXPIRED_TICKET                            0x00000001
#define KERB_LOGON_FLAG_REDIRECTED                                      0x00000002
#define KERB_S4U_LOGON_FLAG_CHECK_LOGONHOURS                            0x00000002
#define KERB_S4U_LOGON_FLAG_IDENTIFY                                    0x00000008
/* The structure page of the SDK documentation spells the same flag IDENTITY. */
#ifndef KERB_S4U_LOGON_FLAG_IDENTITY
#define KERB_S4U_LOGON_FLAG_IDENTITY KERB_S4U_LOGON_FLAG_IDENTIFY
#endif

/* True for success and informational LSA statuses, as in the SDK. */
#ifndef LSA_SUCCESS
#define LSA_SUCCESS(Error) ((LONG)(Error) >= 0)
#endif
#define KERB_CERTIFICATE_LOGON_FLAG_CHECK_DUPLICATES                    0x00000001
#define KERB_CERTIFICATE_LOGON_FLAG_USE_CERTIFICATE_INFO                0x00000002
#define KERB_CERTIFICATE_S4U_LOGON_FLAG_CHECK_DUPLICATES                0x00000001
#define KERB_CERTIFICATE_S4U_LOGON_FLAG_CHECK_LOGONHOURS                0x00000002
#define KERB_CERTIFICATE_S4U_LOGON_FLAG_FAIL_IF_NT_AUTH_POLICY_REQUIRED 0x00000004
#define KERB_CERTIFICATE_S4U_LOGON_FLAG_IDENTIFY                        0x00000008
#define KERB_PURGE_ALL_TICKETS                                          1

typedef enum _KERB_LOGON_SUBMIT_TYPE {
    KerbInteractiveLogon = 2,
    KerbSmartCardLogon = 6,
    KerbWorkstationUnlockLogon = 7,
    KerbSmartCardUnlockLogon = 8,
    KerbProxyLogon = 9,
    KerbTicketLogon = 10,
    KerbTicketUnlockLogon = 11,
    KerbS4ULogon = 12,
    KerbCertificateLogon = 13,
    KerbCertificateS4ULogon = 14,
    KerbCertificateUnlockLogon = 15,
    KerbNoElevationLogon = 83,
    KerbLuidLogon = 84
} KERB_LOGON_SUBMIT_TYPE,
    *PKERB_LOGON_SUBMIT_TYPE;

typedef enum _KERB_PROFILE_BUFFER_TYPE {
    KerbInteractiveProfile = 2,
    KerbSmartCardProfile = 4,
    KerbTicketProfile = 6
} KERB_PROFILE_BUFFER_TYPE,
    *PKERB_PROFILE_BUFFER_TYPE;

typedef enum _KERB_PROTOCOL_MESSAGE_TYPE {
    KerbDebugRequestMessage = 0,
    KerbQueryTicketCacheMessage = 1,
    KerbChangeMachinePasswordMessage = 2,
    KerbVerifyPacMessage = 3,
    KerbRetrieveTicketMessage = 4,
    KerbUpdateAddressesMessage = 5,
    KerbPurgeTicketCacheMessage = 6,
    KerbChangePasswordMessage = 7,
    KerbRetrieveEncodedTicketMessage = 8,
    KerbDecryptDataMessage = 9,
    KerbAddBindingCacheEntryMessage = 10,
    KerbSetPasswordMessage = 11,
    KerbSetPasswordExMessage = 12,
    KerbVerifyCredentialsMessage = 13,
    KerbQueryTicketCacheExMessage = 14,
    KerbPurgeTicketCacheExMessage = 15,
    KerbRefreshSmartcardCredentialsMessage = 16,
    KerbAddExtraCredentialsMessage = 17,
    KerbQuerySupplementalCredentialsMessage = 18,
    KerbTransferCredentialsMessage = 19,
    KerbQueryTicketCacheEx2Message = 20,
    KerbSubmitTicketMessage = 21,
    KerbAddExtraCredentialsExMessage = 22,
    KerbQueryKdcProxyCacheMessage = 23,
    KerbPurgeKdcProxyCacheMessage = 24,
    KerbQueryTicketCacheEx3Message = 25,
    KerbCleanupMachinePkinitCredsMessage = 26,
    KerbAddBindingCacheEntryExMessage = 27,
    KerbQueryBindingCacheMessage = 28,
    KerbPurgeBindingCacheMessage = 29,
    KerbPinKdcMessage = 30,
    KerbUnpinAllKdcsMessage = 31,
    KerbQueryDomainExtendedPoliciesMessage = 32,
    KerbQueryS4U2ProxyCacheMessage = 33,
    KerbRetrieveKeyTabMessage = 34
} KERB_PROTOCOL_MESSAGE_TYPE,
    *PKERB_PROTOCOL_MESSAGE_TYPE;

typedef struct _KERB_INTERACTIVE_LOGON {
    KERB_LOGON_SUBMIT_TYPE MessageType;
    UNICODE_STRING LogonDomainName;
    UNICODE_STRING UserName;
    UNICODE_STRING Password;
} KERB_INTERACTIVE_LOGON, *PKERB_INTERACTIVE_LOGON;

typedef struct _KERB_INTERACTIVE_UNLOCK_LOGON {
    KERB_INTERACTIVE_LOGON Logon;
    LUID LogonId;
} KERB_INTERACTIVE_UNLOCK_LOGON, *PKERB_INTERACTIVE_UNLOCK_LOGON;

typedef struct _KERB_S4U_LOGON {
    KERB_LOGON_SUBMIT_TYPE MessageType;
    ULONG Flags;
    UNICODE_STRING ClientUpn;
    UNICODE_STRING ClientRealm;
} KERB_S4U_LOGON, *PKERB_S4U_LOGON;

typedef struct _KERB_INTERACTIVE_PROFILE {
    KERB_PROFILE_BUFFER_TYPE MessageType;
    USHORT LogonCount;
    USHORT BadPasswordCount;
    LARGE_INTEGER LogonTime;
    LARGE_INTEGER LogoffTime;
    LARGE_INTEGER KickOffTime;
    LARGE_INTEGER PasswordLastSet;
    LARGE_INTEGER PasswordCanChange;
    LARGE_INTEGER PasswordMustChange;
    UNICODE_STRING LogonScript;
    UNICODE_STRING HomeDirectory;
    UNICODE_STRING FullName;
    UNICODE_STRING ProfilePath;
    UNICODE_STRING HomeDirectoryDrive;
    UNICODE_STRING LogonServer;
    ULONG UserFlags;
} KERB_INTERACTIVE_PROFILE, *PKERB_INTERACTIVE_PROFILE;

/* Ticket cache queries (LsaCallAuthenticationPackage). */
typedef struct _KERB_QUERY_TKT_CACHE_REQUEST {
    KERB_PROTOCOL_MESSAGE_TYPE MessageType;
    LUID LogonId;
} KERB_QUERY_TKT_CACHE_REQUEST, *PKERB_QUERY_TKT_CACHE_REQUEST;

typedef struct _KERB_TICKET_CACHE_INFO {
    UNICODE_STRING ServerName;
    UNICODE_STRING RealmName;
    LARGE_INTEGER StartTime;
    LARGE_INTEGER EndTime;
    LARGE_INTEGER RenewTime;
    LONG EncryptionType;
    ULONG TicketFlags;
} KERB_TICKET_CACHE_INFO, *PKERB_TICKET_CACHE_INFO;

typedef struct _KERB_TICKET_CACHE_INFO_EX {
    UNICODE_STRING ClientName;
    UNICODE_STRING ClientRealm;
    UNICODE_STRING ServerName;
    UNICODE_STRING ServerRealm;
    LARGE_INTEGER StartTime;
    LARGE_INTEGER EndTime;
    LARGE_INTEGER RenewTime;
    LONG EncryptionType;
    ULONG TicketFlags;
} KERB_TICKET_CACHE_INFO_EX, *PKERB_TICKET_CACHE_INFO_EX;

typedef struct _KERB_TICKET_CACHE_INFO_EX2 {
    UNICODE_STRING ClientName;
    UNICODE_STRING ClientRealm;
    UNICODE_STRING ServerName;
    UNICODE_STRING ServerRealm;
    LARGE_INTEGER StartTime;
    LARGE_INTEGER EndTime;
    LARGE_INTEGER RenewTime;
    LONG EncryptionType;
    ULONG TicketFlags;
    ULONG SessionKeyType;
    ULONG BranchId;
} KERB_TICKET_CACHE_INFO_EX2, *PKERB_TICKET_CACHE_INFO_EX2;

typedef struct _KERB_TICKET_CACHE_INFO_EX3 {
    UNICODE_STRING ClientName;
    UNICODE_STRING ClientRealm;
    UNICODE_STRING ServerName;
    UNICODE_STRING ServerRealm;
    LARGE_INTEGER StartTime;
    LARGE_INTEGER EndTime;
    LARGE_INTEGER RenewTime;
    LONG EncryptionType;
    ULONG TicketFlags;
    ULONG SessionKeyType;
    ULONG BranchId;
    ULONG CacheFlags;
    UNICODE_STRING KdcCalled;
} KERB_TICKET_CACHE_INFO_EX3, *PKERB_TICKET_CACHE_INFO_EX3;

typedef struct _KERB_QUERY_TKT_CACHE_RESPONSE {
    KERB_PROTOCOL_MESSAGE_TYPE MessageType;
    ULONG CountOfTickets;
    KERB_TICKET_CACHE_INFO Tickets[ANYSIZE_ARRAY];
} KERB_QUERY_TKT_CACHE_RESPONSE, *PKERB_QUERY_TKT_CACHE_RESPONSE;

typedef struct _KERB_QUERY_TKT_CACHE_EX_RESPONSE {
    KERB_PROTOCOL_MESSAGE_TYPE MessageType;
    ULONG CountOfTickets;
    KERB_TICKET_CACHE_INFO_EX Tickets[ANYSIZE_ARRAY];
} KERB_QUERY_TKT_CACHE_EX_RESPONSE, *PKERB_QUERY_TKT_CACHE_EX_RESPONSE;

typedef struct _KERB_QUERY_TKT_CACHE_EX2_RESPONSE {
    KERB_PROTOCOL_MESSAGE_TYPE MessageType;
    ULONG CountOfTickets;
    KERB_TICKET_CACHE_INFO_EX2 Tickets[ANYSIZE_ARRAY];
} KERB_QUERY_TKT_CACHE_EX2_RESPONSE, *PKERB_QUERY_TKT_CACHE_EX2_RESPONSE;

typedef struct _KERB_QUERY_TKT_CACHE_EX3_RESPONSE {
    KERB_PROTOCOL_MESSAGE_TYPE MessageType;
    ULONG CountOfTickets;
    KERB_TICKET_CACHE_INFO_EX3 Tickets[ANYSIZE_ARRAY];
} KERB_QUERY_TKT_CACHE_EX3_RESPONSE, *PKERB_QUERY_TKT_CACHE_EX3_RESPONSE;

typedef struct _KERB_PURGE_TKT_CACHE_REQUEST {
    KERB_PROTOCOL_MESSAGE_TYPE MessageType;
    LUID LogonId;
    UNICODE_STRING ServerName;
    UNICODE_STRING RealmName;
} KERB_PURGE_TKT_CACHE_REQUEST, *PKERB_PURGE_TKT_CACHE_REQUEST;

typedef struct _KERB_PURGE_TKT_CACHE_EX_REQUEST {
    KERB_PROTOCOL_MESSAGE_TYPE MessageType;
    LUID LogonId;
    ULONG Flags;
    KERB_TICKET_CACHE_INFO_EX TicketTemplate;
} KERB_PURGE_TKT_CACHE_EX_REQUEST, *PKERB_PURGE_TKT_CACHE_EX_REQUEST;

/* ------------------------------------------------------------------------ */
/* Negotiate package messages (LsaCallAuthenticationPackage).               */
/* ------------------------------------------------------------------------ */

enum NEGOTIATE_MESSAGES {
    NegEnumPackagePrefixes = 0,
    NegGetCallerName = 1,
    NegTransferCredentials = 2,
    NegMsgReserved1 = 3,
    NegCallPackageMax
};

/* NegGetCallerName: LogonId 0 names the caller's own logon session. */
typedef struct _NEGOTIATE_CALLER_NAME_REQUEST {
    ULONG MessageType;
    LUID LogonId;
} NEGOTIATE_CALLER_NAME_REQUEST, *PNEGOTIATE_CALLER_NAME_REQUEST;

/* CallerName ("DOMAIN\\user") points into the same buffer, which the caller
 * frees with LsaFreeReturnBuffer. */
typedef struct _NEGOTIATE_CALLER_NAME_RESPONSE {
    ULONG MessageType;
    PWSTR CallerName;
} NEGOTIATE_CALLER_NAME_RESPONSE, *PNEGOTIATE_CALLER_NAME_RESPONSE;

/* ------------------------------------------------------------------------ */
/* Layout pins (Win64 numbers from the reference structs.md).               */
/* ------------------------------------------------------------------------ */

#ifdef LSAEMU_CHECK_LAYOUT
LSAEMU_STATIC_ASSERT(sizeof(LSA_STRING) == 16, "LSA_STRING");
LSAEMU_STATIC_ASSERT(sizeof(LSA_UNICODE_STRING) == 16, "LSA_UNICODE_STRING");
LSAEMU_STATIC_ASSERT(sizeof(LSA_OBJECT_ATTRIBUTES) == 48, "LSA_OBJECT_ATTRIBUTES");
LSAEMU_STATIC_ASSERT(sizeof(LSA_LAST_INTER_LOGON_INFO) == 24, "LSA_LAST_INTER_LOGON_INFO");
LSAEMU_STATIC_ASSERT(sizeof(SECURITY_LOGON_SESSION_DATA) == 272, "SECURITY_LOGON_SESSION_DATA");
LSAEMU_STATIC_ASSERT(sizeof(MSV1_0_INTERACTIVE_LOGON) == 56, "MSV1_0_INTERACTIVE_LOGON");
LSAEMU_STATIC_ASSERT(sizeof(MSV1_0_S4U_LOGON) == 40, "MSV1_0_S4U_LOGON");
LSAEMU_STATIC_ASSERT(sizeof(MSV1_0_INTERACTIVE_PROFILE) == 160, "MSV1_0_INTERACTIVE_PROFILE");
LSAEMU_STATIC_ASSERT(sizeof(MSV1_0_LM20_LOGON) == 104, "MSV1_0_LM20_LOGON");
LSAEMU_STATIC_ASSERT(sizeof(MSV1_0_LM20_LOGON_PROFILE) == 104, "MSV1_0_LM20_LOGON_PROFILE");
LSAEMU_STATIC_ASSERT(sizeof(KERB_INTERACTIVE_LOGON) == 56, "KERB_INTERACTIVE_LOGON");
LSAEMU_STATIC_ASSERT(sizeof(KERB_INTERACTIVE_UNLOCK_LOGON) == 64, "KERB_INTERACTIVE_UNLOCK_LOGON");
LSAEMU_STATIC_ASSERT(sizeof(KERB_S4U_LOGON) == 40, "KERB_S4U_LOGON");
LSAEMU_STATIC_ASSERT(sizeof(KERB_INTERACTIVE_PROFILE) == 160, "KERB_INTERACTIVE_PROFILE");
LSAEMU_STATIC_ASSERT(sizeof(LSA_ENUMERATION_INFORMATION) == 8, "LSA_ENUMERATION_INFORMATION");
LSAEMU_STATIC_ASSERT(sizeof(LSA_TRUST_INFORMATION) == 24, "LSA_TRUST_INFORMATION");
LSAEMU_STATIC_ASSERT(sizeof(LSA_REFERENCED_DOMAIN_LIST) == 16, "LSA_REFERENCED_DOMAIN_LIST");
LSAEMU_STATIC_ASSERT(sizeof(LSA_TRANSLATED_SID2) == 24, "LSA_TRANSLATED_SID2");
LSAEMU_STATIC_ASSERT(sizeof(LSA_TRANSLATED_NAME) == 32, "LSA_TRANSLATED_NAME");
LSAEMU_STATIC_ASSERT(sizeof(LSA_TRANSLATED_SID) == 12, "LSA_TRANSLATED_SID");
LSAEMU_STATIC_ASSERT(sizeof(POLICY_ACCOUNT_DOMAIN_INFO) == 24, "POLICY_ACCOUNT_DOMAIN_INFO");
LSAEMU_STATIC_ASSERT(sizeof(POLICY_DNS_DOMAIN_INFO) == 72, "POLICY_DNS_DOMAIN_INFO");
LSAEMU_STATIC_ASSERT(sizeof(LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT) == 48,
                     "LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT");
LSAEMU_STATIC_ASSERT(sizeof(NEGOTIATE_CALLER_NAME_REQUEST) == 12, "NEGOTIATE_CALLER_NAME_REQUEST");
LSAEMU_STATIC_ASSERT(sizeof(NEGOTIATE_CALLER_NAME_RESPONSE) == 16,
                     "NEGOTIATE_CALLER_NAME_RESPONSE");
#endif

/* ------------------------------------------------------------------------ */
/* Functions (Secur32/Advapi32) that lsaemu implements.                     */
/* ------------------------------------------------------------------------ */

#ifdef __cplusplus
extern "C" {
#endif

LSAEMU_IMPORT NTSTATUS NTAPI LsaRegisterLogonProcess(_In_ PLSA_STRING LogonProcessName,
                                                     _Out_ PHANDLE LsaHandle,
                                                     _Out_ PLSA_OPERATIONAL_MODE SecurityMode);

LSAEMU_IMPORT NTSTATUS NTAPI LsaConnectUntrusted(_Out_ PHANDLE LsaHandle);

LSAEMU_IMPORT NTSTATUS NTAPI LsaDeregisterLogonProcess(_In_ HANDLE LsaHandle);

LSAEMU_IMPORT NTSTATUS NTAPI LsaLookupAuthenticationPackage(_In_ HANDLE LsaHandle,
                                                            _In_ PLSA_STRING PackageName,
                                                            _Out_ PULONG AuthenticationPackage);

LSAEMU_IMPORT NTSTATUS NTAPI
LsaLogonUser(_In_ HANDLE LsaHandle, _In_ PLSA_STRING OriginName, _In_ SECURITY_LOGON_TYPE LogonType,
             _In_ ULONG AuthenticationPackage,
             _In_reads_bytes_(AuthenticationInformationLength) PVOID AuthenticationInformation,
             _In_ ULONG AuthenticationInformationLength, _In_opt_ PTOKEN_GROUPS LocalGroups,
             _In_ PTOKEN_SOURCE SourceContext, _Out_ PVOID *ProfileBuffer,
             _Out_ PULONG ProfileBufferLength, _Out_ PLUID LogonId, _Out_ PHANDLE Token,
             _Out_ PQUOTA_LIMITS Quotas, _Out_ PNTSTATUS SubStatus);

LSAEMU_IMPORT NTSTATUS NTAPI LsaCallAuthenticationPackage(
    _In_ HANDLE LsaHandle, _In_ ULONG AuthenticationPackage,
    _In_reads_bytes_(SubmitBufferLength) PVOID ProtocolSubmitBuffer, _In_ ULONG SubmitBufferLength,
    _Outptr_opt_result_maybenull_ PVOID *ProtocolReturnBuffer, _Out_opt_ PULONG ReturnBufferLength,
    _Out_opt_ PNTSTATUS ProtocolStatus);

LSAEMU_IMPORT NTSTATUS NTAPI LsaFreeReturnBuffer(_In_ PVOID Buffer);

LSAEMU_IMPORT NTSTATUS NTAPI LsaEnumerateLogonSessions(_Out_ PULONG LogonSessionCount,
                                                       _Outptr_ PLUID *LogonSessionList);

LSAEMU_IMPORT NTSTATUS NTAPI LsaGetLogonSessionData(
    _In_ PLUID LogonId, _Outptr_ PSECURITY_LOGON_SESSION_DATA *ppLogonSessionData);

LSAEMU_IMPORT ULONG NTAPI LsaNtStatusToWinError(_In_ NTSTATUS Status);

/* The LSA policy object (Advapi32). */
LSAEMU_IMPORT NTSTATUS NTAPI LsaOpenPolicy(_In_opt_ PLSA_UNICODE_STRING SystemName,
                                           _In_ PLSA_OBJECT_ATTRIBUTES ObjectAttributes,
                                           _In_ ACCESS_MASK DesiredAccess,
                                           _Out_ PLSA_HANDLE PolicyHandle);
LSAEMU_IMPORT NTSTATUS NTAPI LsaClose(_In_ LSA_HANDLE ObjectHandle);
LSAEMU_IMPORT NTSTATUS NTAPI LsaFreeMemory(_In_opt_ PVOID Buffer);
LSAEMU_IMPORT NTSTATUS NTAPI LsaAddAccountRights(_In_ LSA_HANDLE PolicyHandle, _In_ PSID AccountSid,
                                                 _In_reads_(CountOfRights) PLSA_UNICODE_STRING UserRights,
                                                 _In_ ULONG CountOfRights);
LSAEMU_IMPORT NTSTATUS NTAPI LsaRemoveAccountRights(
    _In_ LSA_HANDLE PolicyHandle, _In_ PSID AccountSid, _In_ BOOLEAN AllRights,
    _In_reads_opt_(CountOfRights) PLSA_UNICODE_STRING UserRights, _In_ ULONG CountOfRights);
LSAEMU_IMPORT NTSTATUS NTAPI LsaEnumerateAccountRights(_In_ LSA_HANDLE PolicyHandle,
                                                       _In_ PSID AccountSid,
                                                       _Outptr_ PLSA_UNICODE_STRING *UserRights,
                                                       _Out_ PULONG CountOfRights);
LSAEMU_IMPORT NTSTATUS NTAPI LsaEnumerateAccountsWithUserRight(_In_ LSA_HANDLE PolicyHandle,
                                                               _In_opt_ PLSA_UNICODE_STRING UserRight,
                                                               _Out_ PVOID *Buffer,
                                                               _Out_ PULONG CountReturned);
LSAEMU_IMPORT NTSTATUS NTAPI LsaLookupNames2(_In_ LSA_HANDLE PolicyHandle, _In_ ULONG Flags,
                                             _In_ ULONG Count, _In_ PLSA_UNICODE_STRING Names,
                                             _Out_ PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains,
                                             _Out_ PLSA_TRANSLATED_SID2 *Sids);
LSAEMU_IMPORT NTSTATUS NTAPI LsaLookupSids(_In_ LSA_HANDLE PolicyHandle, _In_ ULONG Count,
                                           _In_reads_(Count) PSID *Sids,
                                           _Out_ PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains,
                                           _Out_ PLSA_TRANSLATED_NAME *Names);
LSAEMU_IMPORT NTSTATUS NTAPI LsaLookupPrivilegeName(_In_ LSA_HANDLE PolicyHandle, _In_ PLUID Value,
                                                    _Outptr_ PLSA_UNICODE_STRING *Name);
LSAEMU_IMPORT NTSTATUS NTAPI LsaLookupPrivilegeValue(_In_ LSA_HANDLE PolicyHandle,
                                                     _In_ PLSA_UNICODE_STRING Name,
                                                     _Out_ PLUID Value);

/*
 * Issue 13: the first-generation name look-up (same names, limits and
 * order as LsaLookupNames2; both buffers freed with LsaFreeMemory, also
 * for STATUS_SOME_NOT_MAPPED / STATUS_NONE_MAPPED), the policy's domain
 * information (PolicyAccountDomainInformation,
 * PolicyPrimaryDomainInformation, PolicyDnsDomainInformation; needs
 * POLICY_VIEW_LOCAL_INFORMATION; freed with LsaFreeMemory), the caller's
 * name (WDK ntlsa.h; both strings freed with LsaFreeMemory), and the
 * SID-name mappings of the LSA (needs SeTcbPrivilege; *OpOutput freed with
 * LsaFreeMemory).
 */
LSAEMU_IMPORT NTSTATUS NTAPI LsaLookupNames(_In_ LSA_HANDLE PolicyHandle, _In_ ULONG Count,
                                            _In_ PLSA_UNICODE_STRING Names,
                                            _Out_ PLSA_REFERENCED_DOMAIN_LIST *ReferencedDomains,
                                            _Out_ PLSA_TRANSLATED_SID *Sids);
LSAEMU_IMPORT NTSTATUS NTAPI LsaQueryInformationPolicy(_In_ LSA_HANDLE PolicyHandle,
                                                       _In_ POLICY_INFORMATION_CLASS InformationClass,
                                                       _Outptr_ PVOID *Buffer);
LSAEMU_IMPORT NTSTATUS NTAPI LsaGetUserName(_Outptr_ PUNICODE_STRING *UserName,
                                            _Outptr_opt_ PUNICODE_STRING *DomainName);
LSAEMU_IMPORT NTSTATUS NTAPI LsaManageSidNameMapping(
    _In_ LSA_SID_NAME_MAPPING_OPERATION_TYPE OpType,
    _In_ PLSA_SID_NAME_MAPPING_OPERATION_INPUT OpInput,
    _Outptr_ PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT *OpOutput);

#ifdef __cplusplus
}
#endif

#endif
