/* SPDX-License-Identifier: MIT */
/*
 * logon_cases.c - the LogonUser case table (tests/cases/logon_user_rows.h,
 * the rows tests/check_logon_user.c checks with Check) run by a plain
 * program: the Windows API plus lsaemu.h's public control calls, no Check,
 * no fork. The same source is built natively (-fshort-wchar, run by
 * tests/check-logon-cases.sh) and with mingw-w64 for the Windows DLL (run
 * under Wine by tests/check-wine.sh through the same script), so both
 * platforms answer the same rows with the same expectations.
 *
 *   logon_cases TESTS_DIR
 *
 * For every row: loads the row's policy (TESTS_DIR/<policy>, P0 when the
 * row names none), clears the state (lsaemu_reset), runs as the row's
 * process entry (lsaemu_set_process), calls the row's LogonUser variant
 * and compares the BOOL, GetLastError() exactly (a success leaves the last
 * error as it was, i13-facts A5, GUESS_SUCCESS_LEAVES_LAST_ERROR), and on
 * success TokenType and TokenUser as text; then frees what the call
 * returned. Prints "ok ID" or "FAIL ID: got ...; want ..." per row and a
 * last line "logon_cases: N rows, M failed"; exits 1 when a row failed, 2
 * on a usage or set-up error.
 */
#include <windows.h>
#include <ntsecapi.h>
#include <sddl.h>

#include <stdio.h>
#include <string.h>

#include "lsaemu.h"

#include "../cases/logon_user_rows.h"

#ifdef __MINGW32__
/* mingw-w64's winbase.h does not declare LogonUserExExW (the Windows SDK's
 * does); the DLL's import library has it. */
BOOL WINAPI LogonUserExExW(LPWSTR lpszUsername, LPWSTR lpszDomain, LPWSTR lpszPassword,
                           DWORD dwLogonType, DWORD dwLogonProvider, PTOKEN_GROUPS pTokenGroups,
                           PHANDLE phToken, PSID *ppLogonSid, PVOID *ppProfileBuffer,
                           LPDWORD pdwProfileLength, PQUOTA_LIMITS pQuotaLimits);
#endif

/* The last error the program sets before each call: a success must leave
 * it. */
#define PRESET_ERROR 0xBADBADu

/* A NUL-terminated UTF-16 copy of the row's ASCII text in buf (n units),
 * or NULL for NULL. The table's strings are short ASCII. */
static LPWSTR widen(WCHAR *buf, size_t n, const char *ascii)
{
    size_t i;
    if (!ascii)
        return NULL;
    for (i = 0; ascii[i] && i + 1 < n; i++)
        buf[i] = (WCHAR)(unsigned char)ascii[i];
    buf[i] = 0;
    return buf;
}

/* What one call gave. */
struct result {
    BOOL ok;
    DWORD err;
    DWORD type;          /* TokenType, 0 when there is no token */
    char user[200];      /* TokenUser as text, "" when there is no token */
};

/* Reads TokenType and TokenUser of tok into r; 0 on success. */
static int read_token(HANDLE tok, struct result *r)
{
    TOKEN_TYPE type;
    DWORD len = 0;
    union {
        TOKEN_USER tu;
        BYTE bytes[256];
    } u;
    LPSTR text = NULL;
    if (!GetTokenInformation(tok, TokenType, &type, sizeof type, &len))
        return -1;
    r->type = (DWORD)type;
    if (!GetTokenInformation(tok, TokenUser, &u, sizeof u, &len))
        return -1;
    if (!ConvertSidToStringSidA(u.tu.User.Sid, &text))
        return -1;
    snprintf(r->user, sizeof r->user, "%s", text);
    LocalFree(text);
    return 0;
}

/* Calls the row's variant; fills r and frees what the call returned. */
static void run_row(const struct row *row, struct result *r)
{
    WCHAR wu[300], wd[300], wp[300];
    HANDLE tok = NULL;
    PSID logon_sid = NULL;
    PVOID profile = NULL;
    DWORD profile_len = 0;
    QUOTA_LIMITS quotas;
    int ex = 0;
    memset(r, 0, sizeof *r);
    memset(&quotas, 0, sizeof quotas);
    SetLastError(PRESET_ERROR);
    switch (row->v) {
    case V_W:
        r->ok = LogonUserW(widen(wu, 300, row->user), widen(wd, 300, row->domain),
                           widen(wp, 300, row->password), row->type, row->provider, &tok);
        break;
    case V_A:
        r->ok = LogonUserA(row->user, row->domain, row->password, row->type, row->provider, &tok);
        break;
    case V_EXW:
        ex = 1;
        r->ok = LogonUserExW(widen(wu, 300, row->user), widen(wd, 300, row->domain),
                             widen(wp, 300, row->password), row->type, row->provider, &tok,
                             &logon_sid, &profile, &profile_len, &quotas);
        break;
    case V_EXA:
        ex = 1;
        r->ok = LogonUserExA(row->user, row->domain, row->password, row->type, row->provider, &tok,
                             &logon_sid, &profile, &profile_len, &quotas);
        break;
    case V_EXEXW:
        ex = 1;
        r->ok = LogonUserExExW(widen(wu, 300, row->user), widen(wd, 300, row->domain),
                               widen(wp, 300, row->password), row->type, row->provider, NULL,
                               &tok, &logon_sid, &profile, &profile_len, &quotas);
        break;
    }
    r->err = GetLastError();
    if (!r->ok)
        return;
    if (tok && read_token(tok, r) != 0)
        snprintf(r->user, sizeof r->user, "(GetTokenInformation failed: %lu)",
                 (unsigned long)GetLastError());
    if (ex) {
        if (profile)
            LsaFreeReturnBuffer(profile);
        if (logon_sid)
            LocalFree(logon_sid);
    }
    if (tok)
        CloseHandle(tok);
}

/* Loads the row's policy and process; 0 on success, else prints why. */
static int prepare(const char *dir, const struct row *row)
{
    char path[1024];
    struct lsaemu_error err;
    snprintf(path, sizeof path, "%s/%s", dir, row->policy ? row->policy : P_P0);
    if (lsaemu_load_policy_file(path, &err) != 0) {
        printf("FAIL %s: cannot load %s: %s:%d:%d: %s\n", row->id, path, err.source, err.line,
               err.column, err.text);
        return -1;
    }
    lsaemu_reset();
    if (lsaemu_set_process(row->process) != 0) {
        printf("FAIL %s: %s has no process entry %s\n", row->id, path, row->process);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int i, failed = 0;
    if (argc != 2) {
        fprintf(stderr, "usage: logon_cases TESTS_DIR\n");
        return 2;
    }
    for (i = 0; i < N_ROWS; i++) {
        const struct row *row = &rows[i];
        struct result r;
        DWORD want_err = row->ok ? PRESET_ERROR : row->err;
        DWORD want_type = row->tok == T_PRIMARY          ? (DWORD)TokenPrimary
                          : row->tok == T_IMPERSONATION ? (DWORD)TokenImpersonation
                                                        : 0;
        const char *want_user = row->ok ? row->user_sid : "";
        if (prepare(argv[1], row) != 0) {
            failed++;
            continue;
        }
        run_row(row, &r);
        if (r.ok == row->ok && r.err == want_err && r.type == want_type &&
            strcmp(r.user, want_user) == 0) {
            printf("ok %s\n", row->id);
        } else {
            printf("FAIL %s: got %s error %lu type %lu user \"%s\"; want %s error %lu type %lu "
                   "user \"%s\" (%s)\n",
                   row->id, r.ok ? "TRUE" : "FALSE", (unsigned long)r.err,
                   (unsigned long)r.type, r.user, row->ok ? "TRUE" : "FALSE",
                   (unsigned long)want_err, (unsigned long)want_type, want_user,
                   lsaemu_last_reason());
            failed++;
        }
    }
    printf("logon_cases: %d rows, %d failed\n", N_ROWS, failed);
    return failed ? 1 : 0;
}
