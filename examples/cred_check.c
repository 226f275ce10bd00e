/* SPDX-License-Identifier: MIT */
/*
 * cred_check.c - checks a user name and password with LogonUserW and says
 * in plain words why a logon is refused, the way a helpdesk tool or a
 * service's "test credentials" button does. Windows code (Windows API,
 * L"..." strings): it builds unchanged for Windows and, with
 * `pkg-config --cflags --libs lsaemu-win32`, against lsaemu.
 *
 *   cred_check [DOMAIN\]USER PASSWORD [interactive|network|batch|service]
 *
 * On success it impersonates the new token and prints the name
 * GetUserNameW reports under it. Exit status: 0 valid, 1 wrong name or
 * password (1326), 3 account restriction (1327), 4 logon type not granted
 * (1385), 5 locked out (1909), 6 any other refusal, 2 usage.
 */
#include <Windows.h>

#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const struct {
    const char *name;
    DWORD type;
} logon_types[] = {
    {"interactive", LOGON32_LOGON_INTERACTIVE},
    {"network", LOGON32_LOGON_NETWORK},
    {"batch", LOGON32_LOGON_BATCH},
    {"service", LOGON32_LOGON_SERVICE},
};

/* argv is in the ANSI code page, as on Windows. */
static BOOL widen(const char *in, WCHAR *out, int cch)
{
    return MultiByteToWideChar(CP_ACP, 0, in, -1, out, cch) > 0;
}

static int report_failure(LPCWSTR who, DWORD err)
{
    WCHAR line[256];
    int rc;
    switch (err) {
    case ERROR_LOGON_FAILURE: /* 1326 */
        _snwprintf(line, ARRAYSIZE(line), L"%ls: unknown user name or bad password", who);
        rc = 1;
        break;
    case ERROR_ACCOUNT_RESTRICTION: /* 1327 */
        _snwprintf(line, ARRAYSIZE(line),
                   L"%ls: account restriction (for example a blank password used remotely)", who);
        rc = 3;
        break;
    case ERROR_LOGON_TYPE_NOT_GRANTED: /* 1385 */
        _snwprintf(line, ARRAYSIZE(line),
                   L"%ls: valid, but not allowed to log on this way on this machine", who);
        rc = 4;
        break;
    case ERROR_ACCOUNT_LOCKED_OUT: /* 1909 */
        _snwprintf(line, ARRAYSIZE(line), L"%ls: the account is locked out", who);
        rc = 5;
        break;
    default:
        _snwprintf(line, ARRAYSIZE(line), L"%ls: logon refused, error %lu", who,
                   (unsigned long)err);
        rc = 6;
        break;
    }
    line[ARRAYSIZE(line) - 1] = L'\0';
    wprintf(L"%ls\n", line);
    return rc;
}

int main(int argc, char **argv)
{
    WCHAR account[256], password[256], who[300];
    WCHAR *domain = NULL, *user = account;
    DWORD type = LOGON32_LOGON_NETWORK;
    HANDLE token = NULL;

    if (argc < 3 || argc > 4 || !widen(argv[1], account, ARRAYSIZE(account)) ||
        !widen(argv[2], password, ARRAYSIZE(password))) {
        fprintf(stderr, "usage: cred_check [DOMAIN\\]USER PASSWORD [interactive|network|batch|service]\n");
        return 2;
    }
    if (argc == 4) {
        size_t i;
        for (i = 0; i < ARRAYSIZE(logon_types); i++)
            if (strcmp(argv[3], logon_types[i].name) == 0)
                break;
        if (i == ARRAYSIZE(logon_types)) {
            fprintf(stderr, "cred_check: unknown logon type %s\n", argv[3]);
            return 2;
        }
        type = logon_types[i].type;
    }
    WCHAR *slash = wcschr(account, L'\\');
    if (slash) {
        *slash = L'\0';
        domain = account;
        user = slash + 1;
    }
    _snwprintf(who, ARRAYSIZE(who), L"%ls%ls%ls", domain ? domain : L"", domain ? L"\\" : L"",
               user);
    who[ARRAYSIZE(who) - 1] = L'\0';

    BOOL ok = LogonUserW(user, domain ? domain : L".", password, type, LOGON32_PROVIDER_DEFAULT,
                         &token);
    DWORD err = GetLastError();
    SecureZeroMemory(password, sizeof password);
    if (!ok)
        return report_failure(who, err);

    WCHAR name[256];
    DWORD cch = ARRAYSIZE(name);
    if (ImpersonateLoggedOnUser(token)) {
        if (GetUserNameW(name, &cch))
            wprintf(L"%ls: valid; GetUserNameW under the new token says %ls\n", who, name);
        RevertToSelf();
    } else {
        wprintf(L"%ls: valid (cannot impersonate, error %lu)\n", who,
                (unsigned long)GetLastError());
    }
    CloseHandle(token);
    return 0;
}
