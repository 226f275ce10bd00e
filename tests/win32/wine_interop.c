/* SPDX-License-Identifier: MIT */
/*
 * wine_interop.c - a Windows program (mingw-w64 SDK headers, linked with
 * `-llsaemu -lsecur32 -ladvapi32`) that tests/check-wine.sh runs under Wine
 * with LSAEMU_POLICY=examples/cred-check.yaml, given as a Unix path and as a
 * Windows path. It checks how lsaemu's objects live among Wine's (README
 * "Windows binaries under Wine"):
 *   - the emulated calls are lsaemu's (GetUserNameW answers the policy's
 *     process account, SYSTEM, where Wine answers the Unix user);
 *   - a token lsaemu returns has a value no Wine handle can have
 *     (0x40000000-0x4FFFFFFC), and the program's CloseHandle closes it once,
 *     then fails with ERROR_INVALID_HANDLE; the same CloseHandle still closes
 *     a Wine event, once;
 *   - the program's GetLastError reads what lsaemu set (1326 for a bad
 *     password) and SetLastError/GetLastError still work between calls;
 *   - kernel32's LocalFree frees a buffer lsaemu returned
 *     (ConvertSidToStringSidW), and a LocalAlloc block of the program's;
 *   - LoadLibrary + GetProcAddress give lsaemu's functions for the names it
 *     emulates, in the DLLs that export them on Windows, and Wine's for the
 *     others.
 * It prints one line per check and exits 0 when all pass, 1 otherwise.
 */
#include <windows.h>
#include <ntsecapi.h>
#include <sddl.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int failures;

static void check(int ok, const char *what, unsigned long detail)
{
    printf("%s: %s (%lu)\n", ok ? "ok" : "FAIL", what, detail);
    if (!ok)
        failures++;
}

static int lsaemu_value(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    return v >= 0x40000000u && v <= 0x4FFFFFFCu && (v & 3u) == 0;
}

/* The module p lies in, or NULL. */
static HMODULE module_of(void *p)
{
    HMODULE m = NULL;
    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            (LPCWSTR)p, &m))
        return NULL;
    return m;
}

int main(void)
{
    WCHAR name[64];
    DWORD n = 64;
    BOOL ok = GetUserNameW(name, &n);
    check(ok && wcscmp(name, L"SYSTEM") == 0, "GetUserNameW is lsaemu's (SYSTEM)", n);

    /* The last error crosses from lsaemu to the program's kernel32. */
    HANDLE tok = NULL;
    SetLastError(0);
    ok = LogonUserW(L"alice", L".", L"wrong", LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT,
                    &tok);
    DWORD err = GetLastError();
    check(!ok && err == ERROR_LOGON_FAILURE && tok == NULL, "LogonUserW bad password: 1326", err);
    SetLastError(1234);
    check(GetLastError() == 1234, "SetLastError/GetLastError between calls", GetLastError());

    ok = LogonUserW(L"alice", L".", L"Alice-Pw1", LOGON32_LOGON_NETWORK,
                    LOGON32_PROVIDER_DEFAULT, &tok);
    err = GetLastError();
    check(ok && tok != NULL, "LogonUserW alice", err);
    check(lsaemu_value(tok), "token value in lsaemu's range", (unsigned long)(uintptr_t)tok);

    /* A buffer lsaemu returns, freed with the program's LocalFree. */
    BYTE buf[256];
    DWORD len = 0;
    LPWSTR sid_text = NULL;
    ok = GetTokenInformation(tok, TokenUser, buf, sizeof buf, &len);
    check(ok, "GetTokenInformation(TokenUser)", GetLastError());
    if (ok) {
        ok = ConvertSidToStringSidW(((TOKEN_USER *)buf)->User.Sid, &sid_text);
        check(ok && sid_text && wcsncmp(sid_text, L"S-1-5-21-", 9) == 0,
              "ConvertSidToStringSidW", GetLastError());
        if (sid_text)
            check(LocalFree(sid_text) == NULL, "LocalFree of lsaemu's buffer", GetLastError());
    }
    HLOCAL mine = LocalAlloc(LPTR, 16);
    check(mine != NULL && LocalFree(mine) == NULL, "LocalAlloc/LocalFree of the program", 0);

    /* A Wine object next to lsaemu's: both closed by the same CloseHandle. */
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    check(ev != NULL && !lsaemu_value(ev), "CreateEventW: a Wine value",
          (unsigned long)(uintptr_t)ev);
    check(CloseHandle(tok), "CloseHandle(token)", GetLastError());
    SetLastError(0);
    check(!CloseHandle(tok) && GetLastError() == ERROR_INVALID_HANDLE,
          "CloseHandle(token) again: 6", GetLastError());
    check(CloseHandle(ev), "CloseHandle(event) reaches Wine", GetLastError());
    SetLastError(0);
    check(!CloseHandle(ev) && GetLastError() == ERROR_INVALID_HANDLE,
          "CloseHandle(event) again: 6 from Wine", GetLastError());

    /* Run-time loading (OpenSSH's proxies, Go's x/sys/windows): the names
     * lsaemu emulates resolve to lsaemu's functions, in the DLLs that export
     * them on Windows only; the others stay Wine's. */
    HMODULE secur32 = LoadLibraryW(L"secur32.dll");
    HMODULE advapi32 = LoadLibraryW(L"advapi32.dll");
    check(secur32 && advapi32, "LoadLibraryW secur32, advapi32", GetLastError());
    if (secur32 && advapi32) {
        FARPROC f = GetProcAddress(secur32, "LsaConnectUntrusted");
        /* The program's LsaConnectUntrusted is an import stub (secur32's
         * declarations have no dllimport): compare modules. */
        check(f != NULL && module_of((void *)f) == module_of((void *)LogonUserW) &&
                  module_of((void *)f) != secur32,
              "GetProcAddress(secur32, LsaConnectUntrusted) is lsaemu's", 0);
        f = GetProcAddress(advapi32, "LogonUserW");
        check((void *)f == (void *)LogonUserW, "GetProcAddress(advapi32, LogonUserW) is lsaemu's", 0);
        SetLastError(0);
        f = GetProcAddress(secur32, "LogonUserW");
        err = GetLastError();
        check(f == NULL && err == ERROR_PROC_NOT_FOUND, "GetProcAddress(secur32, LogonUserW): 127",
              err);
        f = GetProcAddress(advapi32, "RegOpenKeyExW");
        check(f != NULL && (void *)f == (void *)RegOpenKeyExW, "GetProcAddress(advapi32, RegOpenKeyExW) is Wine's",
              0);
        if (f) {
            HANDLE lsa = NULL;
            NTSTATUS(NTAPI * connect)(PHANDLE) =
                (NTSTATUS(NTAPI *)(PHANDLE))(void *)GetProcAddress(secur32, "LsaConnectUntrusted");
            NTSTATUS st = connect ? connect(&lsa) : -1;
            check(st == 0 && lsaemu_value(lsa), "LsaConnectUntrusted through the pointer",
                  (unsigned long)st);
            if (st == 0)
                LsaDeregisterLogonProcess(lsa);
        }
    }

    printf("wine_interop: %s\n", failures ? "FAILED" : "all checks passed");
    return failures != 0;
}
