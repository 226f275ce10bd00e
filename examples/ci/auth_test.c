/* SPDX-License-Identifier: MIT */
/*
 * auth_test.c - a small Windows-authentication test suite, the kind a
 * project runs in CI against lsaemu instead of a Windows machine. Windows
 * code only (no lsaemu.h), so the same file runs natively against lsaemu
 * (built with `pkg-config lsaemu-win32`), as a Windows executable under
 * Wine against lsaemu's DLL, and on real Windows with the same accounts.
 * The machine is machine.yaml (LSAEMU_POLICY). Prints TAP; exit 0 when
 * every case passed, 1 otherwise.
 */
#include <windows.h>

#include <stdio.h>

static int failures, count;

/* One logon case: the user, the password, the logon type, and the result
 * Windows gives: TRUE, or FALSE with that GetLastError(). */
static void logon_case(const WCHAR *user, const WCHAR *password, DWORD type, DWORD want_error,
                       const char *what)
{
    HANDLE token = NULL;
    BOOL ok = LogonUserW(user, L".", password, type, LOGON32_PROVIDER_DEFAULT, &token);
    DWORD err = ok ? 0 : GetLastError();
    count++;
    if (err == want_error && (ok ? token != NULL : token == NULL)) {
        printf("ok %d - %s\n", count, what);
    } else {
        printf("not ok %d - %s: got %s, error %lu; want error %lu\n", count, what,
               ok ? "TRUE" : "FALSE", (unsigned long)err, (unsigned long)want_error);
        failures++;
    }
    if (ok)
        CloseHandle(token);
}

int main(void)
{
    logon_case(L"alice", L"Alice-Pw1", LOGON32_LOGON_NETWORK, 0, "alice logs on over the network");
    logon_case(L"alice", L"wrong", LOGON32_LOGON_NETWORK, ERROR_LOGON_FAILURE,
               "a wrong password is 1326");
    logon_case(L"svc-build", L"Svc-Pw1", LOGON32_LOGON_SERVICE, 0,
               "the build service may log on as a service");
    logon_case(L"alice", L"Alice-Pw1", LOGON32_LOGON_SERVICE, ERROR_LOGON_TYPE_NOT_GRANTED,
               "alice may not log on as a service (1385)");
    logon_case(L"kiosk", L"Kiosk-Pw1", LOGON32_LOGON_NETWORK, ERROR_LOGON_TYPE_NOT_GRANTED,
               "kiosk is denied network logons (1385)");
    printf("1..%d\n", count);
    return failures ? 1 : 0;
}
