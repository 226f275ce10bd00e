/* SPDX-License-Identifier: MIT */
/*
 * s4u_broker.c - a service-for-user logon broker, written as Windows code:
 * Windows API, L"..." strings and the Microsoft C runtime only. It builds
 * unchanged with MSVC or mingw-w64 against Secur32/Advapi32, and on Linux
 * with `pkg-config --cflags --libs lsaemu-win32`.
 *
 *   s4u_broker USER[@REALM] [LOCAL-GROUP-SID]
 *
 * What a real broker does: enable SeTcbPrivilege if the process holds it,
 * register as a logon process, and fall back to an untrusted connection
 * when the LSA refuses (ERROR_ACCESS_DENIED). It then asks for an S4U
 * logon of USER (in REALM, by default the machine itself) - Kerberos when
 * the machine is in a domain, MSV1_0 when it is in a workgroup - adding LOCAL-GROUP-SID to the token when trusted (the
 * LSA lets only TCB callers add groups), and reports the token it got:
 * its user, its type (an untrusted caller gets an identification token),
 * and whether the group is in it.
 *
 * Exit status: 0 logon done, 1 logon refused, 2 usage or set-up failure.
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <NTSecAPI.h>
#include <Sddl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#ifndef STATUS_SUCCESS
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#endif

/* The S4U message with its strings in the same block, as LsaLogonUser
 * requires. Both packages' S4U messages have the same layout. */
static PVOID build_s4u(BOOL kerberos, LPCWSTR user, LPCWSTR realm, ULONG *size)
{
    size_t cb_user = wcslen(user) * sizeof(WCHAR);
    size_t cb_realm = wcslen(realm) * sizeof(WCHAR);
    size_t fixed = kerberos ? sizeof(KERB_S4U_LOGON) : sizeof(MSV1_0_S4U_LOGON);
    BYTE *block = (BYTE *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, fixed + cb_user + cb_realm);
    if (!block)
        return NULL;
    PWSTR p_user = (PWSTR)(block + fixed);
    PWSTR p_realm = (PWSTR)(block + fixed + cb_user);
    CopyMemory(p_user, user, cb_user);
    CopyMemory(p_realm, realm, cb_realm);
    if (kerberos) {
        KERB_S4U_LOGON *k = (KERB_S4U_LOGON *)block;
        k->MessageType = KerbS4ULogon;
        k->ClientUpn.Buffer = p_user;
        k->ClientUpn.Length = k->ClientUpn.MaximumLength = (USHORT)cb_user;
        k->ClientRealm.Buffer = p_realm;
        k->ClientRealm.Length = k->ClientRealm.MaximumLength = (USHORT)cb_realm;
    } else {
        MSV1_0_S4U_LOGON *m = (MSV1_0_S4U_LOGON *)block;
        m->MessageType = MsV1_0S4ULogon;
        m->UserPrincipalName.Buffer = p_user;
        m->UserPrincipalName.Length = m->UserPrincipalName.MaximumLength = (USHORT)cb_user;
        m->DomainName.Buffer = p_realm;
        m->DomainName.Length = m->DomainName.MaximumLength = (USHORT)cb_realm;
    }
    *size = (ULONG)(fixed + cb_user + cb_realm);
    return block;
}

static void init_lsa_string(LSA_STRING *s, const char *text)
{
    s->Buffer = (PCHAR)text;
    s->Length = (USHORT)strlen(text);
    s->MaximumLength = (USHORT)(s->Length + 1);
}

/* Enables SeTcbPrivilege when the process token holds it. */
static void enable_tcb(void)
{
    HANDLE token;
    TOKEN_PRIVILEGES tp;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token))
        return;
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    if (LookupPrivilegeValueW(NULL, L"SeTcbPrivilege", &tp.Privileges[0].Luid)) {
        AdjustTokenPrivileges(token, FALSE, &tp, sizeof tp, NULL, NULL);
        wprintf(L"SeTcbPrivilege: %ls\n",
                GetLastError() == ERROR_SUCCESS ? L"enabled" : L"not held");
    }
    CloseHandle(token);
}

static void print_sid(LPCWSTR what, PSID sid)
{
    LPWSTR text = NULL;
    if (ConvertSidToStringSidW(sid, &text)) {
        wprintf(L"%ls %ls\n", what, text);
        LocalFree(text);
    }
}

/* What the broker got: user, token type and level, and the group. */
static void describe_token(HANDLE token, PSID group)
{
    BYTE buf[4096];
    DWORD len = 0;
    if (GetTokenInformation(token, TokenUser, buf, sizeof buf, &len))
        print_sid(L"token user:", ((TOKEN_USER *)buf)->User.Sid);
    TOKEN_TYPE type = TokenPrimary;
    if (GetTokenInformation(token, TokenType, &type, sizeof type, &len)) {
        if (type == TokenPrimary) {
            wprintf(L"token type: primary\n");
        } else {
            SECURITY_IMPERSONATION_LEVEL level = SecurityAnonymous;
            GetTokenInformation(token, TokenImpersonationLevel, &level, sizeof level, &len);
            wprintf(L"token type: impersonation (%ls)\n",
                    level == SecurityIdentification  ? L"identification"
                    : level == SecurityImpersonation ? L"impersonation"
                                                     : L"other");
        }
    }
    if (group && GetTokenInformation(token, TokenGroups, buf, sizeof buf, &len)) {
        TOKEN_GROUPS *groups = (TOKEN_GROUPS *)buf;
        BOOL found = FALSE;
        for (DWORD i = 0; i < groups->GroupCount; i++)
            if (EqualSid(groups->Groups[i].Sid, group))
                found = TRUE;
        wprintf(L"local group in token: %ls\n", found ? L"yes" : L"no");
    }
}

int main(int argc, char **argv)
{
    WCHAR user[256], computer[256], domain[256], *realm;
    DWORD cch;
    PSID group = NULL;
    int rc = 2;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: s4u_broker USER[@REALM] [LOCAL-GROUP-SID]\n");
        return 2;
    }
    if (!MultiByteToWideChar(CP_ACP, 0, argv[1], -1, user, ARRAYSIZE(user))) {
        fprintf(stderr, "user name: error %lu\n", (unsigned long)GetLastError());
        return 2;
    }
    if (argc == 3) {
        WCHAR sid_text[256];
        MultiByteToWideChar(CP_ACP, 0, argv[2], -1, sid_text, ARRAYSIZE(sid_text));
        if (!ConvertStringSidToSidW(sid_text, &group)) {
            fprintf(stderr, "%s: not a SID (error %lu)\n", argv[2], (unsigned long)GetLastError());
            return 2;
        }
    }

    /* Kerberos needs a domain; a workgroup machine has only MSV1_0. */
    cch = ARRAYSIZE(computer);
    GetComputerNameW(computer, &cch);
    cch = ARRAYSIZE(domain);
    if (!GetComputerNameExW(ComputerNameDnsDomain, domain, &cch))
        domain[0] = L'\0';
    BOOL kerberos = domain[0] != L'\0';
    realm = wcschr(user, L'@');
    if (realm)
        *realm++ = L'\0';
    else
        realm = computer;
    wprintf(L"machine %ls, %ls %ls\n", computer, kerberos ? L"domain" : L"workgroup",
            kerberos ? domain : L"member");

    enable_tcb();

    HANDLE lsa = NULL;
    LSA_STRING name;
    LSA_OPERATIONAL_MODE mode;
    init_lsa_string(&name, "lsaemu-s4u-broker");
    NTSTATUS st = LsaRegisterLogonProcess(&name, &lsa, &mode);
    BOOL trusted = st == STATUS_SUCCESS;
    if (trusted) {
        wprintf(L"LsaRegisterLogonProcess: trusted connection\n");
    } else if (LsaNtStatusToWinError(st) == ERROR_ACCESS_DENIED) {
        wprintf(L"LsaRegisterLogonProcess: access denied, using LsaConnectUntrusted\n");
        st = LsaConnectUntrusted(&lsa);
    }
    if (st != STATUS_SUCCESS) {
        wprintf(L"cannot connect to the LSA: 0x%08lX (error %lu)\n", (unsigned long)st,
                (unsigned long)LsaNtStatusToWinError(st));
        goto out;
    }

    ULONG package = 0;
    LSA_STRING package_name;
    init_lsa_string(&package_name, kerberos ? MICROSOFT_KERBEROS_NAME_A : MSV1_0_PACKAGE_NAME);
    st = LsaLookupAuthenticationPackage(lsa, &package_name, &package);
    if (st != STATUS_SUCCESS) {
        wprintf(L"package lookup failed: 0x%08lX\n", (unsigned long)st);
        goto out_lsa;
    }

    ULONG size = 0;
    PVOID logon = build_s4u(kerberos, user, realm, &size);
    if (!logon)
        goto out_lsa;

    /* Only a trusted caller may add groups; an untrusted broker asks without. */
    struct {
        DWORD GroupCount;
        SID_AND_ATTRIBUTES Groups[1];
    } extra;
    PTOKEN_GROUPS local_groups = NULL;
    if (group && trusted) {
        extra.GroupCount = 1;
        extra.Groups[0].Sid = group;
        extra.Groups[0].Attributes = SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT |
                                     SE_GROUP_ENABLED;
        local_groups = (PTOKEN_GROUPS)&extra;
    }

    LSA_STRING origin;
    TOKEN_SOURCE source;
    init_lsa_string(&origin, "s4u_broker");
    CopyMemory(source.SourceName, "S4UBrokr", TOKEN_SOURCE_LENGTH);
    ZeroMemory(&source.SourceIdentifier, sizeof source.SourceIdentifier);
    PVOID profile = NULL;
    ULONG profile_len = 0;
    LUID logon_id;
    HANDLE token = NULL;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = STATUS_SUCCESS;
    st = LsaLogonUser(lsa, &origin, Network, package, logon, size, local_groups, &source,
                      &profile, &profile_len, &logon_id, &token, &quotas, &sub);
    wprintf(L"%ls S4U logon of %ls@%ls%ls: ", kerberos ? L"Kerberos" : L"MSV1_0", user, realm,
            local_groups ? L" with a local group" : L"");
    if (st == STATUS_SUCCESS) {
        wprintf(L"success\n");
        describe_token(token, group);
        LsaFreeReturnBuffer(profile);
        CloseHandle(token);
        rc = 0;
    } else {
        wprintf(L"failed, 0x%08lX (error %lu), substatus 0x%08lX\n", (unsigned long)st,
                (unsigned long)LsaNtStatusToWinError(st), (unsigned long)sub);
        rc = 1;
    }
    HeapFree(GetProcessHeap(), 0, logon);
out_lsa:
    LsaDeregisterLogonProcess(lsa);
out:
    if (group)
        LocalFree(group);
    return rc;
}
