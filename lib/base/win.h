/* SPDX-License-Identifier: MIT */
/*
 * The one place lib/ takes Windows basic types and status constants from:
 * the installed compat headers, with every STATUS_* from ntstatus.h.
 */
#ifndef LSAEMU_BASE_WIN_H
#define LSAEMU_BASE_WIN_H

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>

#ifdef _WIN32
/*
 * The Windows DLL compiles against mingw-w64's SDK headers. What lib/ uses
 * that those leave to other headers (ntdef.h, security.h) or do not declare
 * at all: the same names and signatures as lib/include's compat headers.
 */
#include <ntsecapi.h>
#ifndef NT_SUCCESS
#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)
#endif
#ifndef NEGOSSP_NAME_A
#define NEGOSSP_NAME_A "Negotiate"
#endif
#ifndef NTLMSP_NAME_A
#define NTLMSP_NAME_A "NTLM"
#endif
NTSTATUS NTAPI LsaLookupPrivilegeName(LSA_HANDLE PolicyHandle, PLUID Value,
                                      PLSA_UNICODE_STRING *Name);
NTSTATUS NTAPI LsaLookupPrivilegeValue(LSA_HANDLE PolicyHandle, PLSA_UNICODE_STRING Name,
                                       PLUID Value);
/* LsaManageSidNameMapping's types, as in lib/include/ntsecapi.h (mingw-w64
 * 10 lacks them). */
#ifndef LsaSidNameMappingOperation_Add
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

#endif
NTSTATUS NTAPI LsaGetUserName(PUNICODE_STRING *UserName, PUNICODE_STRING *DomainName);
NTSTATUS NTAPI LsaManageSidNameMapping(LSA_SID_NAME_MAPPING_OPERATION_TYPE OpType,
                                       PLSA_SID_NAME_MAPPING_OPERATION_INPUT OpInput,
                                       PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT *OpOutput);
BOOL WINAPI LogonUserExExW(LPWSTR lpszUsername, LPWSTR lpszDomain, LPWSTR lpszPassword,
                           DWORD dwLogonType, DWORD dwLogonProvider, PTOKEN_GROUPS pTokenGroups,
                           PHANDLE phToken, PSID *ppLogonSid, PVOID *ppProfileBuffer,
                           LPDWORD pdwProfileLength, PQUOTA_LIMITS pQuotaLimits);
#endif

#endif
