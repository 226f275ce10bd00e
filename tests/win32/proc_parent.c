/* SPDX-License-Identifier: MIT */
/*
 * CreateProcessAsUserW and CreateProcessWithTokenW with lsaemu tokens under
 * Wine (tests/check-wine.sh, policy tests/win32/create-process.yaml). The
 * child, tests/win32/proc_child.exe beside this program, checks
 * GetUserNameW, OpenProcessToken's TokenUser and LsaRegisterLogonProcess
 * against the values on its command line and exits 0 when all hold.
 * Prints "ok: ..." per check and "proc_parent: all checks passed" at the
 * end; exit status 1 when any check failed.
 */
#include <windows.h>
#include <sddl.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int failed;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    if (!ok)
        failed = 1;
}

static WCHAR child_path[MAX_PATH];

/* Runs the child through fn's answer: returns the child's exit status, or
 * -1 when the call failed (the last error kept), -2 when waiting failed. */
typedef BOOL (*starter)(HANDLE token, LPWSTR cmd, LPVOID env, DWORD flags,
                        PROCESS_INFORMATION *pi);

static BOOL as_user(HANDLE token, LPWSTR cmd, LPVOID env, DWORD flags, PROCESS_INFORMATION *pi)
{
    STARTUPINFOW si = {sizeof si};
    return CreateProcessAsUserW(token, child_path, cmd, NULL, NULL, FALSE, flags, env, NULL, &si,
                                pi);
}

static BOOL with_token(HANDLE token, LPWSTR cmd, LPVOID env, DWORD flags,
                       PROCESS_INFORMATION *pi)
{
    STARTUPINFOW si = {sizeof si};
    return CreateProcessWithTokenW(token, 0, child_path, cmd, flags, env, NULL, &si, pi);
}

static long run(starter fn, HANDLE token, const char *args, LPVOID env, DWORD flags)
{
    WCHAR cmd[1024];
    swprintf(cmd, 1024, L"\"%ls\" %hs", child_path, args);
    PROCESS_INFORMATION pi = {0};
    SetLastError(0xDEADBEEF);
    if (!fn(token, cmd, env, flags, &pi))
        return -1;
    DWORD code = 99;
    if (WaitForSingleObject(pi.hProcess, 60000) != WAIT_OBJECT_0 ||
        !GetExitCodeProcess(pi.hProcess, &code))
        code = (DWORD)-2;
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return (long)code;
}

/* A failing start: FALSE with exactly error want, and no process. */
static void refused(starter fn, HANDLE token, DWORD want, const char *what)
{
    long r = run(fn, token, "nobody S-1-0-0 0", NULL, 0);
    DWORD e = GetLastError();
    if (r != -1 || e != want)
        printf("  got %ld, last error %lu (expected FALSE, %lu)\n", r, (unsigned long)e,
               (unsigned long)want);
    check(r == -1 && e == want, what);
}

static HANDLE logon(const wchar_t *user, const wchar_t *password)
{
    HANDLE h = NULL;
    if (!LogonUserW(user, L".", password, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &h))
        printf("  LogonUserW(%ls) failed: %lu\n", user, (unsigned long)GetLastError());
    return h;
}

static void enable(HANDLE h, const wchar_t *privilege)
{
    TOKEN_PRIVILEGES tp = {1};
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    BOOL ok = LookupPrivilegeValueW(NULL, privilege, &tp.Privileges[0].Luid) &&
              AdjustTokenPrivileges(h, FALSE, &tp, 0, NULL, NULL) && GetLastError() == 0;
    check(ok, "AdjustTokenPrivileges enables SeTcbPrivilege in tcbuser's token");
}

int main(void)
{
    DWORD n = GetModuleFileNameW(NULL, child_path, MAX_PATH);
    WCHAR *slash = wcsrchr(child_path, L'\\');
    if (!n || !slash || slash - child_path + 16 >= MAX_PATH) {
        printf("FAIL: GetModuleFileNameW\n");
        return 1;
    }
    wcscpy(slash + 1, L"proc_child.exe");

    HANDLE tcb = logon(L"tcbuser", L"Tcb-Pw1");
    HANDLE alice = logon(L"alice", L"Alice-Pw1");
    check(tcb && alice, "LogonUserW tcbuser and alice");
    if (!tcb || !alice)
        return 1;
    enable(tcb, L"SeTcbPrivilege");

    /* The child runs as the token's account, with its enabled privileges. */
    long r = run(as_user, tcb, "tcbuser S-1-5-21-1000-2000-3000-1001 0", NULL, 0);
    printf("  child exit %ld\n", r);
    check(r == 0, "CreateProcessAsUserW(tcbuser, SeTcb enabled): child is tcbuser, "
                  "LsaRegisterLogonProcess STATUS_SUCCESS");
    r = run(with_token, alice, "alice S-1-5-21-1000-2000-3000-1000 C0000041", NULL, 0);
    printf("  child exit %ld\n", r);
    check(r == 0, "CreateProcessWithTokenW(alice): child is alice, LsaRegisterLogonProcess "
                  "STATUS_PORT_CONNECTION_REFUSED");

    /* An ANSI lpEnvironment: the child gets it, with LSAEMU_TOKEN replaced. */
    char env[4096];
    const char *names[] = {"WINEPATH", "LSAEMU_POLICY", "SystemRoot", "PATH"};
    size_t used = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char v[1024];
        DWORD len = GetEnvironmentVariableA(names[i], v, sizeof v);
        if (len && len < sizeof v && used + strlen(names[i]) + len + 2 < sizeof env - 64)
            used += (size_t)sprintf(env + used, "%s=%s", names[i], v) + 1;
    }
    used += (size_t)sprintf(env + used, "LSAEMU_TOKEN=S-1-5-18;0;") + 1;
    env[used] = '\0';
    r = run(as_user, tcb, "tcbuser S-1-5-21-1000-2000-3000-1001 0", env, 0);
    printf("  child exit %ld\n", r);
    check(r == 0, "CreateProcessAsUserW with an ANSI environment that names another "
                  "LSAEMU_TOKEN: the token's wins");

    /* A handle that is not lsaemu's goes to Wine's function: NULL starts
     * the child as the caller (SYSTEM, SeTcb enabled as SYSTEM's is). */
    r = run(as_user, NULL, "SYSTEM S-1-5-18 0", NULL, 0);
    printf("  child exit %ld\n", r);
    check(r == 0, "CreateProcessAsUserW(NULL) is Wine's: the child runs as the caller, SYSTEM");

    /* behavior.md 12.2 (observed W3 test_create_process_token): a token
     * pseudo-handle is not accepted. */
    refused(as_user, (HANDLE)(LONG_PTR)-4, ERROR_INVALID_HANDLE,
            "CreateProcessAsUserW(GetCurrentProcessToken()) = FALSE, 6 ERROR_INVALID_HANDLE");

    /* The refusals, in Windows' order: access, token type, privilege. */
    HANDLE imp = NULL, noassign = NULL, impnoassign = NULL;
    check(DuplicateTokenEx(tcb, 0, NULL, SecurityImpersonation, TokenImpersonation, &imp) &&
              DuplicateTokenEx(tcb, TOKEN_QUERY | TOKEN_DUPLICATE, NULL, SecurityImpersonation,
                               TokenPrimary, &noassign) &&
              DuplicateTokenEx(tcb, TOKEN_QUERY | TOKEN_DUPLICATE, NULL, SecurityImpersonation,
                               TokenImpersonation, &impnoassign),
          "DuplicateTokenEx: the tokens of the refusals");
    refused(as_user, imp, ERROR_BAD_TOKEN_TYPE,
            "CreateProcessAsUserW(impersonation token) = FALSE, 1349 ERROR_BAD_TOKEN_TYPE");
    refused(with_token, imp, ERROR_BAD_TOKEN_TYPE,
            "CreateProcessWithTokenW(impersonation token) = FALSE, 1349 ERROR_BAD_TOKEN_TYPE");
    refused(as_user, noassign, ERROR_ACCESS_DENIED,
            "CreateProcessAsUserW(no TOKEN_ASSIGN_PRIMARY) = FALSE, 5 ERROR_ACCESS_DENIED");
    refused(with_token, noassign, ERROR_ACCESS_DENIED,
            "CreateProcessWithTokenW(no TOKEN_ASSIGN_PRIMARY) = FALSE, 5 ERROR_ACCESS_DENIED");
    refused(as_user, impnoassign, ERROR_ACCESS_DENIED,
            "CreateProcessAsUserW(impersonation, no TOKEN_ASSIGN_PRIMARY) = FALSE, 5: access "
            "is checked first");
    check(ImpersonateLoggedOnUser(alice), "ImpersonateLoggedOnUser(alice)");
    refused(as_user, tcb, ERROR_PRIVILEGE_NOT_HELD,
            "CreateProcessAsUserW as alice = FALSE, 1314 ERROR_PRIVILEGE_NOT_HELD");
    refused(with_token, tcb, ERROR_PRIVILEGE_NOT_HELD,
            "CreateProcessWithTokenW as alice = FALSE, 1314 ERROR_PRIVILEGE_NOT_HELD");
    check(RevertToSelf(), "RevertToSelf");

    CloseHandle(imp);
    CloseHandle(noassign);
    CloseHandle(impnoassign);
    CloseHandle(tcb);
    CloseHandle(alice);
    if (!failed)
        printf("proc_parent: all checks passed\n");
    return failed;
}
