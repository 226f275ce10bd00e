/* SPDX-License-Identifier: MIT */
/*
 * demo.c - what `make demo` runs: a Windows-style program that talks to the
 * emulated LSA exactly as it would to Secur32 on Windows, against the stock
 * workstation policy (examples/demo.yaml). It shows a successful logon, a
 * refusal with ERROR_LOGON_TYPE_NOT_GRANTED and the reason lsaemu gives for
 * it, and a wrong password.
 *
 *   demo POLICY.yaml
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <ntsecapi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsaemu.h"

/* An MSV1_0_INTERACTIVE_LOGON with its strings in the same block, the way
 * LsaLogonUser callers build it on Windows. */
static MSV1_0_INTERACTIVE_LOGON *make_logon(const char *domain, const char *user,
                                            const char *password, ULONG *len)
{
    size_t nd = strlen(domain), nu = strlen(user), np = strlen(password);
    *len = (ULONG)(sizeof(MSV1_0_INTERACTIVE_LOGON) + 2 * (nd + nu + np));
    MSV1_0_INTERACTIVE_LOGON *m = calloc(1, *len);
    if (!m)
        exit(1);
    WCHAR *p = (WCHAR *)(m + 1);
    struct {
        UNICODE_STRING *us;
        const char *s;
        size_t n;
    } f[] = {{&m->LogonDomainName, domain, nd}, {&m->UserName, user, nu}, {&m->Password, password, np}};
    m->MessageType = MsV1_0InteractiveLogon;
    for (int i = 0; i < 3; i++) {
        f[i].us->Buffer = p;
        f[i].us->Length = f[i].us->MaximumLength = (USHORT)(2 * f[i].n);
        for (size_t k = 0; k < f[i].n; k++)
            *p++ = (WCHAR)(unsigned char)f[i].s[k];
    }
    return m;
}

static void try_logon(HANDLE lsa, ULONG package, const char *what, SECURITY_LOGON_TYPE type,
                      const char *user, const char *password)
{
    ULONG len;
    MSV1_0_INTERACTIVE_LOGON *m = make_logon(".", user, password, &len);
    LSA_STRING origin = {4, 5, (PCHAR) "demo"};
    TOKEN_SOURCE source = {{'D', 'e', 'm', 'o', ' ', ' ', ' ', ' '}, {0, 0}};
    PVOID profile = NULL;
    ULONG profile_len = 0;
    LUID logon_id;
    HANDLE token = NULL;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = 0;
    NTSTATUS st = LsaLogonUser(lsa, &origin, type, package, m, len, NULL, &source, &profile,
                               &profile_len, &logon_id, &token, &quotas, &sub);
    printf("%s\n", what);
    printf("  LsaLogonUser -> 0x%08X, SubStatus 0x%08X, LsaNtStatusToWinError -> %lu\n",
           (unsigned)st, (unsigned)sub, (unsigned long)LsaNtStatusToWinError(st));
    if (st == STATUS_SUCCESS) {
        MSV1_0_INTERACTIVE_PROFILE *prof = profile;
        printf("  logon session %08lX:%08lX, token %p, profile FullName \"", (long)logon_id.HighPart,
               (unsigned long)logon_id.LowPart, token);
        for (USHORT i = 0; i < prof->FullName.Length / 2; i++)
            putchar((char)prof->FullName.Buffer[i]);
        printf("\"\n");
        LsaFreeReturnBuffer(profile);
        CloseHandle(token);
    }
    printf("  why: %s\n\n", lsaemu_last_reason());
    free(m);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: demo POLICY.yaml\n");
        return 2;
    }
    struct lsaemu_error err;
    if (lsaemu_load_policy_file(argv[1], &err) != 0) {
        fprintf(stderr, "%s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
        return 1;
    }
    HANDLE lsa;
    LSA_STRING name = {sizeof "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0" - 1,
                       sizeof "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0",
                       (PCHAR)MSV1_0_PACKAGE_NAME};
    ULONG msv;
    if (LsaConnectUntrusted(&lsa) != STATUS_SUCCESS ||
        LsaLookupAuthenticationPackage(lsa, &name, &msv) != STATUS_SUCCESS) {
        fprintf(stderr, "demo: cannot reach the emulated LSA: %s\n", lsaemu_last_reason());
        return 1;
    }
    printf("lsaemu demo: policy %s (stock workstation rights)\n\n", argv[1]);
    try_logon(lsa, msv, "1. alice, interactive, correct password:", Interactive, "alice",
              "Correct-Horse-1");
    try_logon(lsa, msv, "2. alice, batch logon (workstations grant it to Administrators only):",
              Batch, "alice", "Correct-Horse-1");
    try_logon(lsa, msv, "3. alice, interactive, wrong password:", Interactive, "alice",
              "Tr0ub4dor&3");
    LsaDeregisterLogonProcess(lsa);
    return 0;
}
