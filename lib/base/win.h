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
BOOL WINAPI LogonUserExExW(LPWSTR lpszUsername, LPWSTR lpszDomain, LPWSTR lpszPassword,
                           DWORD dwLogonType, DWORD dwLogonProvider, PTOKEN_GROUPS pTokenGroups,
                           PHANDLE phToken, PSID *ppLogonSid, PVOID *ppProfileBuffer,
                           LPDWORD pdwProfileLength, PQUOTA_LIMITS pQuotaLimits);
#endif

#endif
