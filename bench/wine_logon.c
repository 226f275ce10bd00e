/* SPDX-License-Identifier: MIT */
/*
 * wine_logon.c - the per-call cost of an lsaemu logon cycle, written with the
 * Windows API alone so that the same source is built natively (lsaemu-win32,
 * -fshort-wchar) and as a Windows program run under Wine against the DLL
 * (`make bench-wine`, BENCHMARKS.md). Two cycles, each N times on one
 * thread, against LSAEMU_POLICY (bench/wine-logon.yaml):
 *   - LogonUserW(alice, network) + CloseHandle;
 *   - LsaLogonUser(MSV1_0 S4U, alice) + LsaFreeReturnBuffer + CloseHandle,
 *     on one untrusted connection.
 * Prints "<cycle>: <microseconds per cycle>" lines; exit 1 if a call fails.
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <ntsecapi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32
#include <time.h>
#endif

/* Seconds from a monotonic clock. */
static double now(void)
{
#ifdef _WIN32
    LARGE_INTEGER c, f;
    QueryPerformanceCounter(&c);
    QueryPerformanceFrequency(&f);
    return (double)c.QuadPart / (double)f.QuadPart;
#else
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
#endif
}

static int logon_user_cycle(long n)
{
    for (long i = 0; i < n; i++) {
        HANDLE h = NULL;
        if (!LogonUserW(L"alice", L".", L"Alice-Pw1", LOGON32_LOGON_NETWORK,
                        LOGON32_PROVIDER_DEFAULT, &h)) {
            printf("LogonUserW failed: %lu\n", (unsigned long)GetLastError());
            return -1;
        }
        CloseHandle(h);
    }
    return 0;
}

static int lsa_logon_cycle(long n)
{
    HANDLE lsa = NULL;
    char pkg_name[] = MSV1_0_PACKAGE_NAME;
    LSA_STRING pkg = {(USHORT)strlen(pkg_name), (USHORT)sizeof pkg_name, pkg_name};
    ULONG package = 0;
    if (LsaConnectUntrusted(&lsa) != STATUS_SUCCESS ||
        LsaLookupAuthenticationPackage(lsa, &pkg, &package) != STATUS_SUCCESS) {
        printf("cannot connect to the LSA\n");
        return -1;
    }
    /* The S4U request: the structure, then the two strings it points to. */
    static const WCHAR user[] = L"alice", domain[] = L".";
    union {
        MSV1_0_S4U_LOGON s4u;
        unsigned char bytes[sizeof(MSV1_0_S4U_LOGON) + sizeof user + sizeof domain];
    } req;
    memset(&req, 0, sizeof req);
    WCHAR *strings = (WCHAR *)(req.bytes + sizeof req.s4u);
    memcpy(strings, user, sizeof user);
    memcpy(strings + sizeof user / sizeof(WCHAR), domain, sizeof domain);
    req.s4u.MessageType = MsV1_0S4ULogon;
    req.s4u.UserPrincipalName.Buffer = strings;
    req.s4u.UserPrincipalName.Length = (USHORT)(sizeof user - sizeof(WCHAR));
    req.s4u.UserPrincipalName.MaximumLength = (USHORT)sizeof user;
    req.s4u.DomainName.Buffer = strings + sizeof user / sizeof(WCHAR);
    req.s4u.DomainName.Length = (USHORT)(sizeof domain - sizeof(WCHAR));
    req.s4u.DomainName.MaximumLength = (USHORT)sizeof domain;
    char origin_name[] = "wine-bench";
    LSA_STRING origin = {(USHORT)strlen(origin_name), (USHORT)sizeof origin_name, origin_name};
    TOKEN_SOURCE source = {"bench", {0, 0}};
    int rc = 0;
    for (long i = 0; i < n && rc == 0; i++) {
        PVOID profile = NULL;
        ULONG profile_len = 0;
        LUID logon_id;
        HANDLE token = NULL;
        QUOTA_LIMITS quotas;
        NTSTATUS sub = 0;
        NTSTATUS st = LsaLogonUser(lsa, &origin, Network, package, &req, (ULONG)sizeof req, NULL,
                                   &source, &profile, &profile_len, &logon_id, &token, &quotas,
                                   &sub);
        if (st != STATUS_SUCCESS) {
            printf("LsaLogonUser failed: 0x%08lX\n", (unsigned long)st);
            rc = -1;
            break;
        }
        LsaFreeReturnBuffer(profile);
        CloseHandle(token);
    }
    LsaDeregisterLogonProcess(lsa);
    return rc;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 20000;
    if (n <= 0)
        n = 1;
    double t0 = now();
    if (logon_user_cycle(n) != 0)
        return 1;
    double t1 = now();
    if (lsa_logon_cycle(n) != 0)
        return 1;
    double t2 = now();
    printf("LogonUserW+CloseHandle: %.2f us\n", (t1 - t0) * 1e6 / (double)n);
    printf("LsaLogonUser(S4U)+LsaFreeReturnBuffer+CloseHandle: %.2f us\n",
           (t2 - t1) * 1e6 / (double)n);
    return 0;
}
