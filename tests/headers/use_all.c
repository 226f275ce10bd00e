/* SPDX-License-Identifier: MIT */
/*
 * Compiled by tests/check-headers.sh (C and C++, with and without
 * -fshort-wchar): every compat header together, without WIN32_NO_STATUS, and
 * a little code that uses the types the way Windows code does.
 */
#include <windows.h>
#include <ntsecapi.h>
#include <ntstatus.h>
#include <winternl.h>
#include <sddl.h>

#define LSAEMU_TEST_UNUSED(x) ((void)(x))

static NTSTATUS logon(HANDLE lsa, PLSA_STRING origin, ULONG package, PVOID info, ULONG len)
{
    TOKEN_SOURCE source = {{'l', 's', 'a', 'e', 'm', 'u', ' ', ' '}, {0, 0}};
    PVOID profile = NULL;
    ULONG profile_len = 0;
    LUID logon_id = {0, 0};
    HANDLE token = NULL;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = STATUS_SUCCESS;
    NTSTATUS st = LsaLogonUser(lsa, origin, Interactive, package, info, len, NULL, &source,
                               &profile, &profile_len, &logon_id, &token, &quotas, &sub);

    if (NT_SUCCESS(st)) {
        LsaFreeReturnBuffer(profile);
        CloseHandle(token);
    } else if (st == STATUS_ACCOUNT_RESTRICTION && sub == STATUS_ACCOUNT_DISABLED) {
        SetLastError(LsaNtStatusToWinError(st));
    } else if (st == STATUS_NO_MEMORY || st == STATUS_ACCESS_VIOLATION) {
        SetLastError(RtlNtStatusToDosError(st));
    }
    return st;
}

int main(void)
{
    MSV1_0_INTERACTIVE_LOGON msv;
    KERB_S4U_LOGON s4u;
    LSA_STRING origin;
    char name[] = "test";
    SECURITY_LOGON_SESSION_DATA *data = NULL;
    PLUID sessions = NULL;
    ULONG count = 0;
    DWORD err = GetLastError();
    LARGE_INTEGER li;

    msv.MessageType = MsV1_0InteractiveLogon;
    msv.LogonDomainName.Length = 0;
    msv.LogonDomainName.MaximumLength = 0;
    msv.LogonDomainName.Buffer = NULL;
    msv.UserName = msv.LogonDomainName;
    msv.Password = msv.LogonDomainName;
    s4u.MessageType = KerbS4ULogon;
    s4u.Flags = KERB_S4U_LOGON_FLAG_IDENTIFY;
    origin.Buffer = name;
    origin.Length = (USHORT)(sizeof name - 1);
    origin.MaximumLength = (USHORT)sizeof name;
    li.QuadPart = 0;
    li.LowPart = 1;
    LSAEMU_TEST_UNUSED(s4u);

    if (err == ERROR_SUCCESS || err == NO_ERROR || err == ERROR_LOGON_FAILURE)
        err = 0;
    if (logon(NULL, &origin, 0, &msv, (ULONG)sizeof msv) == STATUS_LOGON_FAILURE)
        err = 1;
    if (LsaEnumerateLogonSessions(&count, &sessions) == STATUS_SUCCESS && count > 0)
        LsaGetLogonSessionData(&sessions[0], &data);
    if (GENERIC_READ == 0x80000000u && MAXIMUM_ALLOWED != 0 && TOKEN_ALL_ACCESS != 0)
        err += 0;
    {
        const char *priv = SE_TCB_NAME;
        const char *right = SE_INTERACTIVE_LOGON_NAME;
        const char *pkg = MSV1_0_PACKAGE_NAME;
        const char *sddl = SDDL_EVERYONE;
        LSAEMU_TEST_UNUSED(priv);
        LSAEMU_TEST_UNUSED(right);
        LSAEMU_TEST_UNUSED(pkg);
        LSAEMU_TEST_UNUSED(sddl);
    }
#if !defined(__cplusplus) || defined(LSAEMU_WCHAR_IS_WCHAR_T)
    {
        /* Wide literals have type WCHAR[] in C, and in C++ with -fshort-wchar. */
        PCWSTR msv_name = MSV1_0_PACKAGE_NAMEW;
        PCWSTR kerb_name = MICROSOFT_KERBEROS_NAME_W;
        LSAEMU_TEST_UNUSED(msv_name);
        LSAEMU_TEST_UNUSED(kerb_name);
    }
#endif
    return (int)err + (int)li.HighPart + (INVALID_HANDLE_VALUE == NULL);
}
