/* SPDX-License-Identifier: MIT */
/*
 * A client written for Windows, compiled against the *installed* lsaemu
 * with `pkg-config --cflags --libs lsaemu`, the way a held-out suite or a
 * user's CI does. It uses only the SDK's headers and names, and the policy
 * comes from LSAEMU_POLICY.
 */
#include <windows.h>
#include <ntsecapi.h>

#include <stdio.h>
#include <string.h>

/* Client code often defines these itself; the headers must tolerate it. */
#ifndef STATUS_SUCCESS
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#endif
#define STATUS_LOGON_TYPE_NOT_GRANTED_ ((NTSTATUS)0xC000015BL)

int main(void)
{
    HANDLE lsa = NULL;
    LSA_STRING pkg_name;
    ULONG pkg = 0;
    NTSTATUS st = LsaConnectUntrusted(&lsa);
    if (st != STATUS_SUCCESS) {
        printf("connect 0x%08lX\n", (unsigned long)(ULONG)st);
        return 1;
    }
    pkg_name.Buffer = (PCHAR)MSV1_0_PACKAGE_NAME;
    pkg_name.Length = (USHORT)strlen(MSV1_0_PACKAGE_NAME);
    pkg_name.MaximumLength = pkg_name.Length;
    st = LsaLookupAuthenticationPackage(lsa, &pkg_name, &pkg);
    printf("lookup 0x%08lX\n", (unsigned long)(ULONG)st);

    static const char user[] = "alice", pw[] = "Alice-Pw1";
    unsigned char block[sizeof(MSV1_0_INTERACTIVE_LOGON) + 64];
    MSV1_0_INTERACTIVE_LOGON *m = (MSV1_0_INTERACTIVE_LOGON *)block;
    WCHAR *p = (WCHAR *)(m + 1);
    memset(block, 0, sizeof block);
    m->MessageType = MsV1_0InteractiveLogon;
    m->LogonDomainName.Buffer = p;
    *p++ = '.';
    m->LogonDomainName.Length = m->LogonDomainName.MaximumLength = 2;
    m->UserName.Buffer = p;
    for (size_t i = 0; i < sizeof user - 1; i++)
        *p++ = (WCHAR)user[i];
    m->UserName.Length = m->UserName.MaximumLength = (USHORT)(2 * (sizeof user - 1));
    m->Password.Buffer = p;
    for (size_t i = 0; i < sizeof pw - 1; i++)
        *p++ = (WCHAR)pw[i];
    m->Password.Length = m->Password.MaximumLength = (USHORT)(2 * (sizeof pw - 1));

    LSA_STRING origin = {4, 4, (PCHAR) "test"};
    TOKEN_SOURCE src;
    memcpy(src.SourceName, "Install ", 8);
    src.SourceIdentifier.LowPart = 0;
    src.SourceIdentifier.HighPart = 0;
    PVOID profile = NULL;
    ULONG plen = 0;
    LUID id;
    HANDLE tok = NULL;
    QUOTA_LIMITS q;
    NTSTATUS sub = 0;
    SECURITY_LOGON_TYPE types[2] = {Interactive, Batch};
    for (int i = 0; i < 2; i++) {
        st = LsaLogonUser(lsa, &origin, types[i], pkg, m, (ULONG)sizeof block, NULL, &src,
                          &profile, &plen, &id, &tok, &q, &sub);
        printf("logon type %d: 0x%08lX sub 0x%08lX win32 %lu token %s\n", (int)types[i],
               (unsigned long)(ULONG)st, (unsigned long)(ULONG)sub, (unsigned long)LsaNtStatusToWinError(st),
               tok ? "set" : "NULL");
        if (st == STATUS_SUCCESS) {
            LsaFreeReturnBuffer(profile);
            CloseHandle(tok);
        }
    }
    LsaDeregisterLogonProcess(lsa);
    return 0;
}
