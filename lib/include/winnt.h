/* SPDX-License-Identifier: MIT */
/*
 * winnt.h - lsaemu's stand-in for the Windows SDK's winnt.h.
 *
 * NTSTATUS, LARGE_INTEGER, LUID, access masks, SIDs and the token structures
 * with the field names, order and Win64 layout of Microsoft's SDK, plus the
 * few STATUS_* codes the SDK's winnt.h defines (suppressed by WIN32_NO_STATUS,
 * and each guarded so <ntstatus.h> may follow). Values come from
 * data/reference/constants.tsv.
 */
#ifndef LSAEMU_INCLUDE_WINNT_H
#define LSAEMU_INCLUDE_WINNT_H

#include "windef.h"

#ifndef ANYSIZE_ARRAY
#define ANYSIZE_ARRAY 1
#endif

/* Structure layout helpers of winnt.h (ntdef.h too), each guarded so a
 * client's own copy wins. FIELD_OFFSET accepts a non-constant array index
 * (FIELD_OFFSET(SID, SubAuthority[n])), as the compilers' offsetof does. */
#ifndef FIELD_OFFSET
#if defined(__GNUC__) || defined(__clang__)
#define FIELD_OFFSET(type, field) ((LONG)__builtin_offsetof(type, field))
#else
#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))
#endif
#endif
#ifndef RTL_FIELD_SIZE
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#endif
#ifndef RTL_SIZEOF_THROUGH_FIELD
#define RTL_SIZEOF_THROUGH_FIELD(type, field)                                                     \
    (FIELD_OFFSET(type, field) + RTL_FIELD_SIZE(type, field))
#endif
#ifndef CONTAINING_RECORD
#define CONTAINING_RECORD(address, type, field)                                                   \
    ((type *)((char *)(address) - (ULONG_PTR)FIELD_OFFSET(type, field)))
#endif
/* A compile-time assertion, at file or block scope: C11's _Static_assert
 * (C++11's static_assert) where there is one, so that a block-scope use
 * leaves no unused typedef behind; else the SDK's negative-size array. */
#ifndef C_ASSERT
#ifdef LSAEMU_STATIC_ASSERT
#define C_ASSERT(e) LSAEMU_STATIC_ASSERT(e, #e)
#else
#define C_ASSERT(e) typedef char __C_ASSERT__[(e) ? 1 : -1]
#endif
#endif

/* ------------------------------------------------------------------------ */
/* NTSTATUS and 64-bit values.                                              */
/* ------------------------------------------------------------------------ */

/*
 * The SDK's windows.h leaves NTSTATUS to ntdef.h/winternl.h; lsaemu defines
 * it here so that the STATUS_* codes below can carry the NTSTATUS cast that
 * ntstatus.h uses (one spelling everywhere). A client's own
 * `typedef LONG NTSTATUS;` is an identical, valid redefinition.
 */
#ifndef LSAEMU_NTSTATUS_DEFINED
#define LSAEMU_NTSTATUS_DEFINED 1
typedef LONG NTSTATUS;
typedef NTSTATUS *PNTSTATUS;
#endif

typedef union _LARGE_INTEGER {
    LSAEMU_NAMELESS struct {
        DWORD LowPart;
        LONG HighPart;
    };
    struct {
        DWORD LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
    LSAEMU_NAMELESS struct {
        DWORD LowPart;
        DWORD HighPart;
    };
    struct {
        DWORD LowPart;
        DWORD HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef struct _LUID {
    DWORD LowPart;
    LONG HighPart;
} LUID, *PLUID;

#define MINCHAR  0x80
#define MAXCHAR  0x7f
#define MINSHORT 0x8000
#define MAXSHORT 0x7fff
#define MINLONG  0x80000000
#define MAXLONG  0x7fffffff
#define MAXBYTE  0xff
#define MAXWORD  0xffff
#define MAXDWORD 0xffffffff

/* ------------------------------------------------------------------------ */
/* The STATUS_* codes of the SDK's winnt.h (all also in ntstatus.h).        */
/* ------------------------------------------------------------------------ */

#ifndef WIN32_NO_STATUS
#ifndef STATUS_WAIT_0
#define STATUS_WAIT_0 ((NTSTATUS)0x00000000L)
#endif
#ifndef STATUS_ABANDONED_WAIT_0
#define STATUS_ABANDONED_WAIT_0 ((NTSTATUS)0x00000080L)
#endif
#ifndef STATUS_USER_APC
#define STATUS_USER_APC ((NTSTATUS)0x000000C0L)
#endif
#ifndef STATUS_TIMEOUT
#define STATUS_TIMEOUT ((NTSTATUS)0x00000102L)
#endif
#ifndef STATUS_PENDING
#define STATUS_PENDING ((NTSTATUS)0x00000103L)
#endif
#ifndef DBG_EXCEPTION_HANDLED
#define DBG_EXCEPTION_HANDLED ((NTSTATUS)0x00010001L)
#endif
#ifndef DBG_CONTINUE
#define DBG_CONTINUE ((NTSTATUS)0x00010002L)
#endif
#ifndef STATUS_SEGMENT_NOTIFICATION
#define STATUS_SEGMENT_NOTIFICATION ((NTSTATUS)0x40000005L)
#endif
#ifndef STATUS_FATAL_APP_EXIT
#define STATUS_FATAL_APP_EXIT ((NTSTATUS)0x40000015L)
#endif
#ifndef DBG_REPLY_LATER
#define DBG_REPLY_LATER ((NTSTATUS)0x40010001L)
#endif
#ifndef DBG_TERMINATE_THREAD
#define DBG_TERMINATE_THREAD ((NTSTATUS)0x40010003L)
#endif
#ifndef DBG_TERMINATE_PROCESS
#define DBG_TERMINATE_PROCESS ((NTSTATUS)0x40010004L)
#endif
#ifndef DBG_CONTROL_C
#define DBG_CONTROL_C ((NTSTATUS)0x40010005L)
#endif
#ifndef DBG_PRINTEXCEPTION_C
#define DBG_PRINTEXCEPTION_C ((NTSTATUS)0x40010006L)
#endif
#ifndef DBG_RIPEXCEPTION
#define DBG_RIPEXCEPTION ((NTSTATUS)0x40010007L)
#endif
#ifndef DBG_CONTROL_BREAK
#define DBG_CONTROL_BREAK ((NTSTATUS)0x40010008L)
#endif
#ifndef DBG_COMMAND_EXCEPTION
#define DBG_COMMAND_EXCEPTION ((NTSTATUS)0x40010009L)
#endif
#ifndef DBG_PRINTEXCEPTION_WIDE_C
#define DBG_PRINTEXCEPTION_WIDE_C ((NTSTATUS)0x4001000AL)
#endif
#ifndef STATUS_GUARD_PAGE_VIOLATION
#define STATUS_GUARD_PAGE_VIOLATION ((NTSTATUS)0x80000001L)
#endif
#ifndef STATUS_DATATYPE_MISALIGNMENT
#define STATUS_DATATYPE_MISALIGNMENT ((NTSTATUS)0x80000002L)
#endif
#ifndef STATUS_BREAKPOINT
#define STATUS_BREAKPOINT ((NTSTATUS)0x80000003L)
#endif
#ifndef STATUS_SINGLE_STEP
#define STATUS_SINGLE_STEP ((NTSTATUS)0x80000004L)
#endif
#ifndef STATUS_LONGJUMP
#define STATUS_LONGJUMP ((NTSTATUS)0x80000026L)
#endif
#ifndef STATUS_UNWIND_CONSOLIDATE
#define STATUS_UNWIND_CONSOLIDATE ((NTSTATUS)0x80000029L)
#endif
#ifndef DBG_EXCEPTION_NOT_HANDLED
#define DBG_EXCEPTION_NOT_HANDLED ((NTSTATUS)0x80010001L)
#endif
#ifndef STATUS_ACCESS_VIOLATION
#define STATUS_ACCESS_VIOLATION ((NTSTATUS)0xC0000005L)
#endif
#ifndef STATUS_IN_PAGE_ERROR
#define STATUS_IN_PAGE_ERROR ((NTSTATUS)0xC0000006L)
#endif
#ifndef STATUS_INVALID_HANDLE
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008L)
#endif
#ifndef STATUS_INVALID_PARAMETER
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000DL)
#endif
#ifndef STATUS_NO_MEMORY
#define STATUS_NO_MEMORY ((NTSTATUS)0xC0000017L)
#endif
#ifndef STATUS_ILLEGAL_INSTRUCTION
#define STATUS_ILLEGAL_INSTRUCTION ((NTSTATUS)0xC000001DL)
#endif
#ifndef STATUS_NONCONTINUABLE_EXCEPTION
#define STATUS_NONCONTINUABLE_EXCEPTION ((NTSTATUS)0xC0000025L)
#endif
#ifndef STATUS_INVALID_DISPOSITION
#define STATUS_INVALID_DISPOSITION ((NTSTATUS)0xC0000026L)
#endif
#ifndef STATUS_ARRAY_BOUNDS_EXCEEDED
#define STATUS_ARRAY_BOUNDS_EXCEEDED ((NTSTATUS)0xC000008CL)
#endif
#ifndef STATUS_FLOAT_DENORMAL_OPERAND
#define STATUS_FLOAT_DENORMAL_OPERAND ((NTSTATUS)0xC000008DL)
#endif
#ifndef STATUS_FLOAT_DIVIDE_BY_ZERO
#define STATUS_FLOAT_DIVIDE_BY_ZERO ((NTSTATUS)0xC000008EL)
#endif
#ifndef STATUS_FLOAT_INEXACT_RESULT
#define STATUS_FLOAT_INEXACT_RESULT ((NTSTATUS)0xC000008FL)
#endif
#ifndef STATUS_FLOAT_INVALID_OPERATION
#define STATUS_FLOAT_INVALID_OPERATION ((NTSTATUS)0xC0000090L)
#endif
#ifndef STATUS_FLOAT_OVERFLOW
#define STATUS_FLOAT_OVERFLOW ((NTSTATUS)0xC0000091L)
#endif
#ifndef STATUS_FLOAT_STACK_CHECK
#define STATUS_FLOAT_STACK_CHECK ((NTSTATUS)0xC0000092L)
#endif
#ifndef STATUS_FLOAT_UNDERFLOW
#define STATUS_FLOAT_UNDERFLOW ((NTSTATUS)0xC0000093L)
#endif
#ifndef STATUS_INTEGER_DIVIDE_BY_ZERO
#define STATUS_INTEGER_DIVIDE_BY_ZERO ((NTSTATUS)0xC0000094L)
#endif
#ifndef STATUS_INTEGER_OVERFLOW
#define STATUS_INTEGER_OVERFLOW ((NTSTATUS)0xC0000095L)
#endif
#ifndef STATUS_PRIVILEGED_INSTRUCTION
#define STATUS_PRIVILEGED_INSTRUCTION ((NTSTATUS)0xC0000096L)
#endif
#ifndef STATUS_STACK_OVERFLOW
#define STATUS_STACK_OVERFLOW ((NTSTATUS)0xC00000FDL)
#endif
#ifndef STATUS_DLL_NOT_FOUND
#define STATUS_DLL_NOT_FOUND ((NTSTATUS)0xC0000135L)
#endif
#ifndef STATUS_ORDINAL_NOT_FOUND
#define STATUS_ORDINAL_NOT_FOUND ((NTSTATUS)0xC0000138L)
#endif
#ifndef STATUS_ENTRYPOINT_NOT_FOUND
#define STATUS_ENTRYPOINT_NOT_FOUND ((NTSTATUS)0xC0000139L)
#endif
#ifndef STATUS_CONTROL_C_EXIT
#define STATUS_CONTROL_C_EXIT ((NTSTATUS)0xC000013AL)
#endif
#ifndef STATUS_DLL_INIT_FAILED
#define STATUS_DLL_INIT_FAILED ((NTSTATUS)0xC0000142L)
#endif
#ifndef STATUS_FLOAT_MULTIPLE_FAULTS
#define STATUS_FLOAT_MULTIPLE_FAULTS ((NTSTATUS)0xC00002B4L)
#endif
#ifndef STATUS_FLOAT_MULTIPLE_TRAPS
#define STATUS_FLOAT_MULTIPLE_TRAPS ((NTSTATUS)0xC00002B5L)
#endif
#ifndef STATUS_REG_NAT_CONSUMPTION
#define STATUS_REG_NAT_CONSUMPTION ((NTSTATUS)0xC00002C9L)
#endif
#ifndef STATUS_HEAP_CORRUPTION
#define STATUS_HEAP_CORRUPTION ((NTSTATUS)0xC0000374L)
#endif
#ifndef STATUS_STACK_BUFFER_OVERRUN
#define STATUS_STACK_BUFFER_OVERRUN ((NTSTATUS)0xC0000409L)
#endif
#ifndef STATUS_INVALID_CRUNTIME_PARAMETER
#define STATUS_INVALID_CRUNTIME_PARAMETER ((NTSTATUS)0xC0000417L)
#endif
#ifndef STATUS_ASSERTION_FAILURE
#define STATUS_ASSERTION_FAILURE ((NTSTATUS)0xC0000420L)
#endif
#ifndef STATUS_ENCLAVE_VIOLATION
#define STATUS_ENCLAVE_VIOLATION ((NTSTATUS)0xC00004A2L)
#endif
#ifndef STATUS_INTERRUPTED
#define STATUS_INTERRUPTED ((NTSTATUS)0xC0000515L)
#endif
#ifndef STATUS_THREAD_NOT_RUNNING
#define STATUS_THREAD_NOT_RUNNING ((NTSTATUS)0xC0000516L)
#endif
#ifndef STATUS_ALREADY_REGISTERED
#define STATUS_ALREADY_REGISTERED ((NTSTATUS)0xC0000718L)
#endif
#ifndef STATUS_SXS_EARLY_DEACTIVATION
#define STATUS_SXS_EARLY_DEACTIVATION ((NTSTATUS)0xC015000FL)
#endif
#ifndef STATUS_SXS_INVALID_DEACTIVATION
#define STATUS_SXS_INVALID_DEACTIVATION ((NTSTATUS)0xC0150010L)
#endif
#endif /* !WIN32_NO_STATUS */

/* ------------------------------------------------------------------------ */
/* Access masks.                                                            */
/* ------------------------------------------------------------------------ */

typedef DWORD ACCESS_MASK;
typedef ACCESS_MASK *PACCESS_MASK;

#define DELETE                   0x00010000
#define READ_CONTROL             0x00020000
#define WRITE_DAC                0x00040000
#define WRITE_OWNER              0x00080000
#define SYNCHRONIZE              0x00100000
#define STANDARD_RIGHTS_REQUIRED 0x000F0000
#define STANDARD_RIGHTS_READ     READ_CONTROL
#define STANDARD_RIGHTS_WRITE    READ_CONTROL
#define STANDARD_RIGHTS_EXECUTE  READ_CONTROL
#define STANDARD_RIGHTS_ALL      0x001F0000
#define SPECIFIC_RIGHTS_ALL      0x0000FFFF
#define ACCESS_SYSTEM_SECURITY   0x01000000
#define MAXIMUM_ALLOWED          0x02000000
#define GENERIC_READ             0x80000000
#define GENERIC_WRITE            0x40000000
#define GENERIC_EXECUTE          0x20000000
#define GENERIC_ALL              0x10000000

typedef struct _GENERIC_MAPPING {
    ACCESS_MASK GenericRead;
    ACCESS_MASK GenericWrite;
    ACCESS_MASK GenericExecute;
    ACCESS_MASK GenericAll;
} GENERIC_MAPPING, *PGENERIC_MAPPING;

/* ------------------------------------------------------------------------ */
/* Security identifiers.                                                    */
/* ------------------------------------------------------------------------ */

typedef struct _SID_IDENTIFIER_AUTHORITY {
    BYTE Value[6];
} SID_IDENTIFIER_AUTHORITY, *PSID_IDENTIFIER_AUTHORITY;

typedef struct _SID {
    BYTE Revision;
    BYTE SubAuthorityCount;
    SID_IDENTIFIER_AUTHORITY IdentifierAuthority;
    DWORD SubAuthority[ANYSIZE_ARRAY];
} SID, *PISID;

typedef PVOID PSID;
typedef PVOID PSECURITY_DESCRIPTOR;
typedef DWORD SECURITY_INFORMATION, *PSECURITY_INFORMATION;

#define SID_REVISION 1
/* Guarded: lib/core/sid.h has its own (equal) definition. */
#ifndef SID_MAX_SUB_AUTHORITIES
#define SID_MAX_SUB_AUTHORITIES 15
#endif
#define SID_RECOMMENDED_SUB_AUTHORITIES 1
#define SECURITY_MAX_SID_SIZE           68
#define SID_HASH_SIZE                   32

typedef enum _SID_NAME_USE {
    SidTypeUser = 1,
    SidTypeGroup = 2,
    SidTypeDomain = 3,
    SidTypeAlias = 4,
    SidTypeWellKnownGroup = 5,
    SidTypeDeletedAccount = 6,
    SidTypeInvalid = 7,
    SidTypeUnknown = 8,
    SidTypeComputer = 9,
    SidTypeLabel = 10,
    SidTypeLogonSession = 11,
} SID_NAME_USE,
    *PSID_NAME_USE;

/* Identifier authorities (initialisers for SID_IDENTIFIER_AUTHORITY). */
#define SECURITY_NULL_SID_AUTHORITY                                                                \
    {                                                                                              \
        0, 0, 0, 0, 0, 0                                                                           \
    }
#define SECURITY_WORLD_SID_AUTHORITY                                                               \
    {                                                                                              \
        0, 0, 0, 0, 0, 1                                                                           \
    }
#define SECURITY_LOCAL_SID_AUTHORITY                                                               \
    {                                                                                              \
        0, 0, 0, 0, 0, 2                                                                           \
    }
#define SECURITY_CREATOR_SID_AUTHORITY                                                             \
    {                                                                                              \
        0, 0, 0, 0, 0, 3                                                                           \
    }
#define SECURITY_NON_UNIQUE_AUTHORITY                                                              \
    {                                                                                              \
        0, 0, 0, 0, 0, 4                                                                           \
    }
#define SECURITY_NT_AUTHORITY                                                                      \
    {                                                                                              \
        0, 0, 0, 0, 0, 5                                                                           \
    }
#define SECURITY_RESOURCE_MANAGER_AUTHORITY                                                        \
    {                                                                                              \
        0, 0, 0, 0, 0, 9                                                                           \
    }
#define SECURITY_APP_PACKAGE_AUTHORITY                                                             \
    {                                                                                              \
        0, 0, 0, 0, 0, 15                                                                          \
    }
#define SECURITY_MANDATORY_LABEL_AUTHORITY                                                         \
    {                                                                                              \
        0, 0, 0, 0, 0, 16                                                                          \
    }
#define SECURITY_SCOPED_POLICY_ID_AUTHORITY                                                        \
    {                                                                                              \
        0, 0, 0, 0, 0, 17                                                                          \
    }
#define SECURITY_AUTHENTICATION_AUTHORITY                                                          \
    {                                                                                              \
        0, 0, 0, 0, 0, 18                                                                          \
    }
#define SECURITY_PROCESS_TRUST_AUTHORITY                                                           \
    {                                                                                              \
        0, 0, 0, 0, 0, 19                                                                          \
    }

/* Relative identifiers. */
#define SECURITY_NULL_RID                 0x00000000
#define SECURITY_WORLD_RID                0x00000000
#define SECURITY_LOCAL_RID                0x00000000
#define SECURITY_LOCAL_LOGON_RID          0x00000001
#define SECURITY_CREATOR_OWNER_RID        0x00000000
#define SECURITY_CREATOR_GROUP_RID        0x00000001
#define SECURITY_CREATOR_OWNER_SERVER_RID 0x00000002
#define SECURITY_CREATOR_GROUP_SERVER_RID 0x00000003
#define SECURITY_CREATOR_OWNER_RIGHTS_RID 0x00000004

#define SECURITY_DIALUP_RID                            0x00000001
#define SECURITY_NETWORK_RID                           0x00000002
#define SECURITY_BATCH_RID                             0x00000003
#define SECURITY_INTERACTIVE_RID                       0x00000004
#define SECURITY_LOGON_IDS_RID                         0x00000005
#define SECURITY_LOGON_IDS_RID_COUNT                   3
#define SECURITY_SERVICE_RID                           0x00000006
#define SECURITY_ANONYMOUS_LOGON_RID                   0x00000007
#define SECURITY_PROXY_RID                             0x00000008
#define SECURITY_ENTERPRISE_CONTROLLERS_RID            0x00000009
#define SECURITY_SERVER_LOGON_RID                      SECURITY_ENTERPRISE_CONTROLLERS_RID
#define SECURITY_PRINCIPAL_SELF_RID                    0x0000000A
#define SECURITY_AUTHENTICATED_USER_RID                0x0000000B
#define SECURITY_RESTRICTED_CODE_RID                   0x0000000C
#define SECURITY_TERMINAL_SERVER_RID                   0x0000000D
#define SECURITY_REMOTE_LOGON_RID                      0x0000000E
#define SECURITY_THIS_ORGANIZATION_RID                 0x0000000F
#define SECURITY_IUSER_RID                             0x00000011
#define SECURITY_LOCAL_SYSTEM_RID                      0x00000012
#define SECURITY_LOCAL_SERVICE_RID                     0x00000013
#define SECURITY_NETWORK_SERVICE_RID                   0x00000014
#define SECURITY_NT_NON_UNIQUE                         0x00000015
#define SECURITY_NT_NON_UNIQUE_SUB_AUTH_COUNT          3
#define SECURITY_ENTERPRISE_READONLY_CONTROLLERS_RID   0x00000016
#define SECURITY_BUILTIN_DOMAIN_RID                    0x00000020
#define SECURITY_WRITE_RESTRICTED_CODE_RID             0x00000021
#define SECURITY_PACKAGE_BASE_RID                      0x00000040
#define SECURITY_PACKAGE_RID_COUNT                     2
#define SECURITY_PACKAGE_NTLM_RID                      0x0000000A
#define SECURITY_PACKAGE_SCHANNEL_RID                  0x0000000E
#define SECURITY_PACKAGE_DIGEST_RID                    0x00000015
#define SECURITY_SERVICE_ID_BASE_RID                   0x00000050
#define SECURITY_LOCAL_ACCOUNT_RID                     0x00000071
#define SECURITY_LOCAL_ACCOUNT_AND_ADMIN_RID           0x00000072
#define SECURITY_OTHER_ORGANIZATION_RID                0x000003E8
#define SECURITY_AUTHENTICATION_AUTHORITY_ASSERTED_RID 0x00000001
#define SECURITY_AUTHENTICATION_SERVICE_ASSERTED_RID   0x00000002

#define DOMAIN_USER_RID_ADMIN                      0x000001F4
#define DOMAIN_USER_RID_GUEST                      0x000001F5
#define DOMAIN_USER_RID_KRBTGT                     0x000001F6
#define DOMAIN_GROUP_RID_ADMINS                    0x00000200
#define DOMAIN_GROUP_RID_USERS                     0x00000201
#define DOMAIN_GROUP_RID_GUESTS                    0x00000202
#define DOMAIN_GROUP_RID_COMPUTERS                 0x00000203
#define DOMAIN_GROUP_RID_CONTROLLERS               0x00000204
#define DOMAIN_GROUP_RID_CERT_ADMINS               0x00000205
#define DOMAIN_GROUP_RID_SCHEMA_ADMINS             0x00000206
#define DOMAIN_GROUP_RID_ENTERPRISE_ADMINS         0x00000207
#define DOMAIN_GROUP_RID_POLICY_ADMINS             0x00000208
#define DOMAIN_ALIAS_RID_ADMINS                    0x00000220
#define DOMAIN_ALIAS_RID_USERS                     0x00000221
#define DOMAIN_ALIAS_RID_GUESTS                    0x00000222
#define DOMAIN_ALIAS_RID_POWER_USERS               0x00000223
#define DOMAIN_ALIAS_RID_ACCOUNT_OPS               0x00000224
#define DOMAIN_ALIAS_RID_SYSTEM_OPS                0x00000225
#define DOMAIN_ALIAS_RID_PRINT_OPS                 0x00000226
#define DOMAIN_ALIAS_RID_BACKUP_OPS                0x00000227
#define DOMAIN_ALIAS_RID_REPLICATOR                0x00000228
#define DOMAIN_ALIAS_RID_RAS_SERVERS               0x00000229
#define DOMAIN_ALIAS_RID_PREW2KCOMPACCESS          0x0000022A
#define DOMAIN_ALIAS_RID_REMOTE_DESKTOP_USERS      0x0000022B
#define DOMAIN_ALIAS_RID_NETWORK_CONFIGURATION_OPS 0x0000022C
#define DOMAIN_ALIAS_RID_MONITORING_USERS          0x0000022E
#define DOMAIN_ALIAS_RID_LOGGING_USERS             0x0000022F
#define DOMAIN_ALIAS_RID_DCOM_USERS                0x00000232
#define DOMAIN_ALIAS_RID_IUSERS                    0x00000238
#define DOMAIN_ALIAS_RID_CRYPTO_OPERATORS          0x00000239
#define DOMAIN_ALIAS_RID_EVENT_LOG_READERS_GROUP   0x0000023D
#define DOMAIN_ALIAS_RID_REMOTE_MANAGEMENT_USERS   0x00000244

#define SECURITY_MANDATORY_UNTRUSTED_RID         0x00000000
#define SECURITY_MANDATORY_LOW_RID               0x00001000
#define SECURITY_MANDATORY_MEDIUM_RID            0x00002000
#define SECURITY_MANDATORY_MEDIUM_PLUS_RID       (SECURITY_MANDATORY_MEDIUM_RID + 0x100)
#define SECURITY_MANDATORY_HIGH_RID              0x00003000
#define SECURITY_MANDATORY_SYSTEM_RID            0x00004000
#define SECURITY_MANDATORY_PROTECTED_PROCESS_RID 0x00005000
#define SECURITY_MANDATORY_MAXIMUM_USER_RID      SECURITY_MANDATORY_SYSTEM_RID

typedef enum _WELL_KNOWN_SID_TYPE {
    WinNullSid = 0,
    WinWorldSid = 1,
    WinLocalSid = 2,
    WinCreatorOwnerSid = 3,
    WinCreatorGroupSid = 4,
    WinCreatorOwnerServerSid = 5,
    WinCreatorGroupServerSid = 6,
    WinNtAuthoritySid = 7,
    WinDialupSid = 8,
    WinNetworkSid = 9,
    WinBatchSid = 10,
    WinInteractiveSid = 11,
    WinServiceSid = 12,
    WinAnonymousSid = 13,
    WinProxySid = 14,
    WinEnterpriseControllersSid = 15,
    WinSelfSid = 16,
    WinAuthenticatedUserSid = 17,
    WinRestrictedCodeSid = 18,
    WinTerminalServerSid = 19,
    WinRemoteLogonIdSid = 20,
    WinLogonIdsSid = 21,
    WinLocalSystemSid = 22,
    WinLocalServiceSid = 23,
    WinNetworkServiceSid = 24,
    WinBuiltinDomainSid = 25,
    WinBuiltinAdministratorsSid = 26,
    WinBuiltinUsersSid = 27,
    WinBuiltinGuestsSid = 28,
    WinBuiltinPowerUsersSid = 29,
    WinBuiltinAccountOperatorsSid = 30,
    WinBuiltinSystemOperatorsSid = 31,
    WinBuiltinPrintOperatorsSid = 32,
    WinBuiltinBackupOperatorsSid = 33,
    WinBuiltinReplicatorSid = 34,
    WinBuiltinPreWindows2000CompatibleAccessSid = 35,
    WinBuiltinRemoteDesktopUsersSid = 36,
    WinBuiltinNetworkConfigurationOperatorsSid = 37,
    WinAccountAdministratorSid = 38,
    WinAccountGuestSid = 39,
    WinAccountKrbtgtSid = 40,
    WinAccountDomainAdminsSid = 41,
    WinAccountDomainUsersSid = 42,
    WinAccountDomainGuestsSid = 43,
    WinAccountComputersSid = 44,
    WinAccountControllersSid = 45,
    WinAccountCertAdminsSid = 46,
    WinAccountSchemaAdminsSid = 47,
    WinAccountEnterpriseAdminsSid = 48,
    WinAccountPolicyAdminsSid = 49,
    WinAccountRasAndIasServersSid = 50,
    WinNTLMAuthenticationSid = 51,
    WinDigestAuthenticationSid = 52,
    WinSChannelAuthenticationSid = 53,
    WinThisOrganizationSid = 54,
    WinOtherOrganizationSid = 55,
    WinBuiltinIncomingForestTrustBuildersSid = 56,
    WinBuiltinPerfMonitoringUsersSid = 57,
    WinBuiltinPerfLoggingUsersSid = 58,
    WinBuiltinAuthorizationAccessSid = 59,
    WinBuiltinTerminalServerLicenseServersSid = 60,
    WinBuiltinDCOMUsersSid = 61,
    WinBuiltinIUsersSid = 62,
    WinIUserSid = 63,
    WinBuiltinCryptoOperatorsSid = 64,
    WinUntrustedLabelSid = 65,
    WinLowLabelSid = 66,
    WinMediumLabelSid = 67,
    WinHighLabelSid = 68,
    WinSystemLabelSid = 69,
    WinWriteRestrictedCodeSid = 70,
    WinCreatorOwnerRightsSid = 71,
    WinCacheablePrincipalsGroupSid = 72,
    WinNonCacheablePrincipalsGroupSid = 73,
    WinEnterpriseReadonlyControllersSid = 74,
    WinAccountReadonlyControllersSid = 75,
    WinBuiltinEventLogReadersGroup = 76,
    WinNewEnterpriseReadonlyControllersSid = 77,
    WinBuiltinCertSvcDComAccessGroup = 78,
    WinMediumPlusLabelSid = 79,
    WinLocalLogonSid = 80,
    WinConsoleLogonSid = 81,
    WinThisOrganizationCertificateSid = 82,
    WinApplicationPackageAuthoritySid = 83,
    WinBuiltinAnyPackageSid = 84,
    WinCapabilityInternetClientSid = 85,
    WinCapabilityInternetClientServerSid = 86,
    WinCapabilityPrivateNetworkClientServerSid = 87,
    WinCapabilityPicturesLibrarySid = 88,
    WinCapabilityVideosLibrarySid = 89,
    WinCapabilityMusicLibrarySid = 90,
    WinCapabilityDocumentsLibrarySid = 91,
    WinCapabilitySharedUserCertificatesSid = 92,
    WinCapabilityEnterpriseAuthenticationSid = 93,
    WinCapabilityRemovableStorageSid = 94,
    WinBuiltinRDSRemoteAccessServersSid = 95,
    WinBuiltinRDSEndpointServersSid = 96,
    WinBuiltinRDSManagementServersSid = 97,
    WinUserModeDriversSid = 98,
    WinBuiltinHyperVAdminsSid = 99,
    WinAccountCloneableControllersSid = 100,
    WinBuiltinAccessControlAssistanceOperatorsSid = 101,
    WinBuiltinRemoteManagementUsersSid = 102,
    WinAuthenticationAuthorityAssertedSid = 103,
    WinAuthenticationServiceAssertedSid = 104,
    WinLocalAccountSid = 105,
    WinLocalAccountAndAdministratorSid = 106,
    WinAccountProtectedUsersSid = 107,
    WinCapabilityAppointmentsSid = 108,
    WinCapabilityContactsSid = 109,
    WinAccountDefaultSystemManagedSid = 110,
    WinBuiltinDefaultSystemManagedGroupSid = 111,
    WinBuiltinStorageReplicaAdminsSid = 112,
    WinAccountKeyAdminsSid = 113,
    WinAccountEnterpriseKeyAdminsSid = 114,
    WinAuthenticationKeyTrustSid = 115,
    WinAuthenticationKeyPropertyMFASid = 116,
    WinAuthenticationKeyPropertyAttestationSid = 117,
} WELL_KNOWN_SID_TYPE;

typedef struct _SID_AND_ATTRIBUTES {
    PSID Sid;
    DWORD Attributes;
} SID_AND_ATTRIBUTES, *PSID_AND_ATTRIBUTES;

typedef SID_AND_ATTRIBUTES SID_AND_ATTRIBUTES_ARRAY[ANYSIZE_ARRAY];
typedef SID_AND_ATTRIBUTES_ARRAY *PSID_AND_ATTRIBUTES_ARRAY;

/* Group attributes (TOKEN_GROUPS). */
#define SE_GROUP_MANDATORY          0x00000001
#define SE_GROUP_ENABLED_BY_DEFAULT 0x00000002
#define SE_GROUP_ENABLED            0x00000004
#define SE_GROUP_OWNER              0x00000008
#define SE_GROUP_USE_FOR_DENY_ONLY  0x00000010
#define SE_GROUP_INTEGRITY          0x00000020
#define SE_GROUP_INTEGRITY_ENABLED  0x00000040
#define SE_GROUP_LOGON_ID           0xC0000000
#define SE_GROUP_RESOURCE           0x20000000
#define SE_GROUP_VALID_ATTRIBUTES   0xE000007F

/* ------------------------------------------------------------------------ */
/* Privileges.                                                              */
/* ------------------------------------------------------------------------ */

typedef struct _LUID_AND_ATTRIBUTES {
    LUID Luid;
    DWORD Attributes;
} LUID_AND_ATTRIBUTES, *PLUID_AND_ATTRIBUTES;

typedef LUID_AND_ATTRIBUTES LUID_AND_ATTRIBUTES_ARRAY[ANYSIZE_ARRAY];
typedef LUID_AND_ATTRIBUTES_ARRAY *PLUID_AND_ATTRIBUTES_ARRAY;

#define SE_PRIVILEGE_ENABLED_BY_DEFAULT 0x00000001
#define SE_PRIVILEGE_ENABLED            0x00000002
#define SE_PRIVILEGE_REMOVED            0x00000004
#define SE_PRIVILEGE_USED_FOR_ACCESS    0x80000000
#define SE_PRIVILEGE_VALID_ATTRIBUTES   0x80000007

#define PRIVILEGE_SET_ALL_NECESSARY 1

typedef struct _PRIVILEGE_SET {
    DWORD PrivilegeCount;
    DWORD Control;
    LUID_AND_ATTRIBUTES Privilege[ANYSIZE_ARRAY];
} PRIVILEGE_SET, *PPRIVILEGE_SET;

/*
 * Privilege names. The SDK spells them TEXT("..."): narrow strings unless
 * UNICODE is defined.
 */
#define SE_CREATE_TOKEN_NAME           LSAEMU_TEXT("SeCreateTokenPrivilege")
#define SE_ASSIGNPRIMARYTOKEN_NAME     LSAEMU_TEXT("SeAssignPrimaryTokenPrivilege")
#define SE_LOCK_MEMORY_NAME            LSAEMU_TEXT("SeLockMemoryPrivilege")
#define SE_INCREASE_QUOTA_NAME         LSAEMU_TEXT("SeIncreaseQuotaPrivilege")
#define SE_MACHINE_ACCOUNT_NAME        LSAEMU_TEXT("SeMachineAccountPrivilege")
#define SE_TCB_NAME                    LSAEMU_TEXT("SeTcbPrivilege")
#define SE_SECURITY_NAME               LSAEMU_TEXT("SeSecurityPrivilege")
#define SE_TAKE_OWNERSHIP_NAME         LSAEMU_TEXT("SeTakeOwnershipPrivilege")
#define SE_LOAD_DRIVER_NAME            LSAEMU_TEXT("SeLoadDriverPrivilege")
#define SE_SYSTEM_PROFILE_NAME         LSAEMU_TEXT("SeSystemProfilePrivilege")
#define SE_SYSTEMTIME_NAME             LSAEMU_TEXT("SeSystemtimePrivilege")
#define SE_PROF_SINGLE_PROCESS_NAME    LSAEMU_TEXT("SeProfileSingleProcessPrivilege")
#define SE_INC_BASE_PRIORITY_NAME      LSAEMU_TEXT("SeIncreaseBasePriorityPrivilege")
#define SE_CREATE_PAGEFILE_NAME        LSAEMU_TEXT("SeCreatePagefilePrivilege")
#define SE_CREATE_PERMANENT_NAME       LSAEMU_TEXT("SeCreatePermanentPrivilege")
#define SE_BACKUP_NAME                 LSAEMU_TEXT("SeBackupPrivilege")
#define SE_RESTORE_NAME                LSAEMU_TEXT("SeRestorePrivilege")
#define SE_SHUTDOWN_NAME               LSAEMU_TEXT("SeShutdownPrivilege")
#define SE_DEBUG_NAME                  LSAEMU_TEXT("SeDebugPrivilege")
#define SE_AUDIT_NAME                  LSAEMU_TEXT("SeAuditPrivilege")
#define SE_SYSTEM_ENVIRONMENT_NAME     LSAEMU_TEXT("SeSystemEnvironmentPrivilege")
#define SE_CHANGE_NOTIFY_NAME          LSAEMU_TEXT("SeChangeNotifyPrivilege")
#define SE_REMOTE_SHUTDOWN_NAME        LSAEMU_TEXT("SeRemoteShutdownPrivilege")
#define SE_UNDOCK_NAME                 LSAEMU_TEXT("SeUndockPrivilege")
#define SE_SYNC_AGENT_NAME             LSAEMU_TEXT("SeSyncAgentPrivilege")
#define SE_ENABLE_DELEGATION_NAME      LSAEMU_TEXT("SeEnableDelegationPrivilege")
#define SE_MANAGE_VOLUME_NAME          LSAEMU_TEXT("SeManageVolumePrivilege")
#define SE_IMPERSONATE_NAME            LSAEMU_TEXT("SeImpersonatePrivilege")
#define SE_CREATE_GLOBAL_NAME          LSAEMU_TEXT("SeCreateGlobalPrivilege")
#define SE_TRUSTED_CREDMAN_ACCESS_NAME LSAEMU_TEXT("SeTrustedCredManAccessPrivilege")
#define SE_RELABEL_NAME                LSAEMU_TEXT("SeRelabelPrivilege")
#define SE_INC_WORKING_SET_NAME        LSAEMU_TEXT("SeIncreaseWorkingSetPrivilege")
#define SE_TIME_ZONE_NAME              LSAEMU_TEXT("SeTimeZonePrivilege")
#define SE_CREATE_SYMBOLIC_LINK_NAME   LSAEMU_TEXT("SeCreateSymbolicLinkPrivilege")
#define SE_DELEGATE_SESSION_USER_IMPERSONATE_NAME                                                  \
    LSAEMU_TEXT("SeDelegateSessionUserImpersonatePrivilege")
#define SE_UNSOLICITED_INPUT_NAME LSAEMU_TEXT("SeUnsolicitedInputPrivilege")

/* ------------------------------------------------------------------------ */
/* Impersonation and quotas.                                                */
/* ------------------------------------------------------------------------ */

typedef enum _SECURITY_IMPERSONATION_LEVEL {
    SecurityAnonymous = 0,
    SecurityIdentification = 1,
    SecurityImpersonation = 2,
    SecurityDelegation = 3
} SECURITY_IMPERSONATION_LEVEL,
    *PSECURITY_IMPERSONATION_LEVEL;

#define SECURITY_MAX_IMPERSONATION_LEVEL SecurityDelegation
#define SECURITY_MIN_IMPERSONATION_LEVEL SecurityAnonymous
#define DEFAULT_IMPERSONATION_LEVEL      SecurityImpersonation
#define VALID_IMPERSONATION_LEVEL(L)                                                               \
    (((L) >= SECURITY_MIN_IMPERSONATION_LEVEL) && ((L) <= SECURITY_MAX_IMPERSONATION_LEVEL))

typedef BOOLEAN SECURITY_CONTEXT_TRACKING_MODE, *PSECURITY_CONTEXT_TRACKING_MODE;
#define SECURITY_DYNAMIC_TRACKING (TRUE)
#define SECURITY_STATIC_TRACKING  (FALSE)

typedef struct _SECURITY_QUALITY_OF_SERVICE {
    DWORD Length;
    SECURITY_IMPERSONATION_LEVEL ImpersonationLevel;
    SECURITY_CONTEXT_TRACKING_MODE ContextTrackingMode;
    BOOLEAN EffectiveOnly;
} SECURITY_QUALITY_OF_SERVICE, *PSECURITY_QUALITY_OF_SERVICE;

typedef struct _QUOTA_LIMITS {
    SIZE_T PagedPoolLimit;
    SIZE_T NonPagedPoolLimit;
    SIZE_T MinimumWorkingSetSize;
    SIZE_T MaximumWorkingSetSize;
    SIZE_T PagefileLimit;
    LARGE_INTEGER TimeLimit;
} QUOTA_LIMITS, *PQUOTA_LIMITS;

/* ------------------------------------------------------------------------ */
/* Tokens.                                                                  */
/* ------------------------------------------------------------------------ */

#define TOKEN_ASSIGN_PRIMARY    0x00000001
#define TOKEN_DUPLICATE         0x00000002
#define TOKEN_IMPERSONATE       0x00000004
#define TOKEN_QUERY             0x00000008
#define TOKEN_QUERY_SOURCE      0x00000010
#define TOKEN_ADJUST_PRIVILEGES 0x00000020
#define TOKEN_ADJUST_GROUPS     0x00000040
#define TOKEN_ADJUST_DEFAULT    0x00000080
#define TOKEN_ADJUST_SESSIONID  0x00000100
#define TOKEN_ALL_ACCESS_P      0x000F00FF
#define TOKEN_ALL_ACCESS        0x000F01FF
#define TOKEN_READ              0x00020008
#define TOKEN_WRITE             0x000200E0
#define TOKEN_EXECUTE           0x00020000

#define TOKEN_SOURCE_LENGTH 8

#define TOKEN_MANDATORY_POLICY_OFF             0x0
#define TOKEN_MANDATORY_POLICY_NO_WRITE_UP     0x1
#define TOKEN_MANDATORY_POLICY_NEW_PROCESS_MIN 0x2
#define TOKEN_MANDATORY_POLICY_VALID_MASK      0x3

typedef enum _TOKEN_TYPE { TokenPrimary = 1, TokenImpersonation = 2 } TOKEN_TYPE, *PTOKEN_TYPE;

typedef enum _TOKEN_ELEVATION_TYPE {
    TokenElevationTypeDefault = 1,
    TokenElevationTypeFull = 2,
    TokenElevationTypeLimited = 3
} TOKEN_ELEVATION_TYPE,
    *PTOKEN_ELEVATION_TYPE;

typedef enum _TOKEN_INFORMATION_CLASS {
    TokenUser = 1,
    TokenGroups = 2,
    TokenPrivileges = 3,
    TokenOwner = 4,
    TokenPrimaryGroup = 5,
    TokenDefaultDacl = 6,
    TokenSource = 7,
    TokenType = 8,
    TokenImpersonationLevel = 9,
    TokenStatistics = 10,
    TokenRestrictedSids = 11,
    TokenSessionId = 12,
    TokenGroupsAndPrivileges = 13,
    TokenSessionReference = 14,
    TokenSandBoxInert = 15,
    TokenAuditPolicy = 16,
    TokenOrigin = 17,
    TokenElevationType = 18,
    TokenLinkedToken = 19,
    TokenElevation = 20,
    TokenHasRestrictions = 21,
    TokenAccessInformation = 22,
    TokenVirtualizationAllowed = 23,
    TokenVirtualizationEnabled = 24,
    TokenIntegrityLevel = 25,
    TokenUIAccess = 26,
    TokenMandatoryPolicy = 27,
    TokenLogonSid = 28,
    TokenIsAppContainer = 29,
    TokenCapabilities = 30,
    TokenAppContainerSid = 31,
    TokenAppContainerNumber = 32,
    TokenUserClaimAttributes = 33,
    TokenDeviceClaimAttributes = 34,
    TokenRestrictedUserClaimAttributes = 35,
    TokenRestrictedDeviceClaimAttributes = 36,
    TokenDeviceGroups = 37,
    TokenRestrictedDeviceGroups = 38,
    TokenSecurityAttributes = 39,
    TokenIsRestricted = 40,
    MaxTokenInfoClass = 41
} TOKEN_INFORMATION_CLASS,
    *PTOKEN_INFORMATION_CLASS;

typedef struct _TOKEN_USER {
    SID_AND_ATTRIBUTES User;
} TOKEN_USER, *PTOKEN_USER;

typedef struct _TOKEN_GROUPS {
    DWORD GroupCount;
    SID_AND_ATTRIBUTES Groups[ANYSIZE_ARRAY];
} TOKEN_GROUPS, *PTOKEN_GROUPS;

typedef struct _TOKEN_PRIVILEGES {
    DWORD PrivilegeCount;
    LUID_AND_ATTRIBUTES Privileges[ANYSIZE_ARRAY];
} TOKEN_PRIVILEGES, *PTOKEN_PRIVILEGES;

typedef struct _TOKEN_OWNER {
    PSID Owner;
} TOKEN_OWNER, *PTOKEN_OWNER;

typedef struct _TOKEN_PRIMARY_GROUP {
    PSID PrimaryGroup;
} TOKEN_PRIMARY_GROUP, *PTOKEN_PRIMARY_GROUP;

typedef struct _TOKEN_SOURCE {
    CHAR SourceName[TOKEN_SOURCE_LENGTH];
    LUID SourceIdentifier;
} TOKEN_SOURCE, *PTOKEN_SOURCE;

typedef struct _TOKEN_STATISTICS {
    LUID TokenId;
    LUID AuthenticationId;
    LARGE_INTEGER ExpirationTime;
    TOKEN_TYPE TokenType;
    SECURITY_IMPERSONATION_LEVEL ImpersonationLevel;
    DWORD DynamicCharged;
    DWORD DynamicAvailable;
    DWORD GroupCount;
    DWORD PrivilegeCount;
    LUID ModifiedId;
} TOKEN_STATISTICS, *PTOKEN_STATISTICS;

typedef struct _TOKEN_ORIGIN {
    LUID OriginatingLogonSession;
} TOKEN_ORIGIN, *PTOKEN_ORIGIN;

typedef struct _TOKEN_ELEVATION {
    DWORD TokenIsElevated;
} TOKEN_ELEVATION, *PTOKEN_ELEVATION;

typedef struct _TOKEN_LINKED_TOKEN {
    HANDLE LinkedToken;
} TOKEN_LINKED_TOKEN, *PTOKEN_LINKED_TOKEN;

typedef struct _TOKEN_MANDATORY_LABEL {
    SID_AND_ATTRIBUTES Label;
} TOKEN_MANDATORY_LABEL, *PTOKEN_MANDATORY_LABEL;

typedef struct _TOKEN_MANDATORY_POLICY {
    DWORD Policy;
} TOKEN_MANDATORY_POLICY, *PTOKEN_MANDATORY_POLICY;

typedef struct _TOKEN_GROUPS_AND_PRIVILEGES {
    DWORD SidCount;
    DWORD SidLength;
    PSID_AND_ATTRIBUTES Sids;
    DWORD RestrictedSidCount;
    DWORD RestrictedSidLength;
    PSID_AND_ATTRIBUTES RestrictedSids;
    DWORD PrivilegeCount;
    DWORD PrivilegeLength;
    PLUID_AND_ATTRIBUTES Privileges;
    LUID AuthenticationId;
} TOKEN_GROUPS_AND_PRIVILEGES, *PTOKEN_GROUPS_AND_PRIVILEGES;

/* ------------------------------------------------------------------------ */
/* Access control lists, default DACLs and restricted tokens (issue 13).    */
/* ------------------------------------------------------------------------ */

#define ACL_REVISION    2
#define ACL_REVISION_DS 4

typedef struct _ACL {
    BYTE AclRevision;
    BYTE Sbz1;
    WORD AclSize;
    WORD AceCount;
    WORD Sbz2;
} ACL, *PACL;

#define ACCESS_ALLOWED_ACE_TYPE 0x0
#define ACCESS_DENIED_ACE_TYPE  0x1

typedef struct _ACE_HEADER {
    BYTE AceType;
    BYTE AceFlags;
    WORD AceSize;
} ACE_HEADER, *PACE_HEADER;

typedef struct _ACCESS_ALLOWED_ACE {
    ACE_HEADER Header;
    ACCESS_MASK Mask;
    DWORD SidStart;
} ACCESS_ALLOWED_ACE, *PACCESS_ALLOWED_ACE;

typedef struct _TOKEN_DEFAULT_DACL {
    PACL DefaultDacl;
} TOKEN_DEFAULT_DACL, *PTOKEN_DEFAULT_DACL;

/* CreateRestrictedToken flags. */
#define DISABLE_MAX_PRIVILEGE 0x1
#define SANDBOX_INERT         0x2
#define LUA_TOKEN             0x4
#define WRITE_RESTRICTED      0x8

/* ------------------------------------------------------------------------ */
/* Layout pins (Win64 numbers from the reference structs.md).               */
/* ------------------------------------------------------------------------ */

#ifdef LSAEMU_CHECK_LAYOUT
LSAEMU_STATIC_ASSERT(sizeof(NTSTATUS) == 4 && (NTSTATUS)-1 < 0, "NTSTATUS is a signed 32-bit");
LSAEMU_STATIC_ASSERT(sizeof(LARGE_INTEGER) == 8 && LSAEMU_ALIGNOF(LARGE_INTEGER) == 8,
                     "LARGE_INTEGER is 8 bytes, 8-aligned");
LSAEMU_STATIC_ASSERT(sizeof(LUID) == 8 && LSAEMU_ALIGNOF(LUID) == 4, "LUID is 8 bytes, 4-aligned");
LSAEMU_STATIC_ASSERT(sizeof(SID) == 12, "SID with one sub-authority");
LSAEMU_STATIC_ASSERT(sizeof(SID_AND_ATTRIBUTES) == 16, "SID_AND_ATTRIBUTES");
LSAEMU_STATIC_ASSERT(sizeof(LUID_AND_ATTRIBUTES) == 12, "LUID_AND_ATTRIBUTES");
LSAEMU_STATIC_ASSERT(sizeof(TOKEN_GROUPS) == 24, "TOKEN_GROUPS");
LSAEMU_STATIC_ASSERT(sizeof(TOKEN_PRIVILEGES) == 16, "TOKEN_PRIVILEGES");
LSAEMU_STATIC_ASSERT(sizeof(TOKEN_SOURCE) == 16, "TOKEN_SOURCE");
LSAEMU_STATIC_ASSERT(sizeof(TOKEN_STATISTICS) == 56, "TOKEN_STATISTICS");
LSAEMU_STATIC_ASSERT(sizeof(SECURITY_QUALITY_OF_SERVICE) == 12, "SECURITY_QUALITY_OF_SERVICE");
LSAEMU_STATIC_ASSERT(sizeof(QUOTA_LIMITS) == 48, "QUOTA_LIMITS");
LSAEMU_STATIC_ASSERT(sizeof(ACL) == 8, "ACL");
LSAEMU_STATIC_ASSERT(sizeof(ACCESS_ALLOWED_ACE) == 12, "ACCESS_ALLOWED_ACE");
LSAEMU_STATIC_ASSERT(sizeof(TOKEN_DEFAULT_DACL) == 8, "TOKEN_DEFAULT_DACL");
#endif

/* The range of privilege LUIDs (wdm.h): 2 (SeCreateTokenPrivilege) to 36
 * (SeDelegateSessionUserImpersonatePrivilege) in current SDKs. */
#ifndef SE_MIN_WELL_KNOWN_PRIVILEGE
#define SE_MIN_WELL_KNOWN_PRIVILEGE 2L
#define SE_MAX_WELL_KNOWN_PRIVILEGE 36L
#endif

#endif
