/* SPDX-License-Identifier: MIT */
/*
 * rights_install.c - grants user rights to an account, as an installer does
 * for its service account ("Log on as a service", "Log on as a batch job").
 * Windows code (Windows API, L"..." strings, TEXT-free): it builds
 * unchanged for Windows and, with `pkg-config --cflags --libs lsaemu-win32`,
 * against lsaemu.
 *
 *   rights_install ACCOUNT RIGHT...
 *
 * It resolves ACCOUNT with LookupAccountNameW, opens the local policy with
 * LsaOpenPolicy (an administrator's job), lists the rights the account
 * holds directly (LsaEnumerateAccountRights; none is
 * STATUS_OBJECT_NAME_NOT_FOUND), grants the missing ones with
 * LsaAddAccountRights and lists the result. Exit status: 0 done (or nothing
 * to do), 1 refused by the LSA, 2 usage or unknown account.
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <Ntsecapi.h>

#include <stdio.h>
#include <wchar.h>

#define MAX_RIGHTS 16

static void init_unicode(LSA_UNICODE_STRING *s, LPWSTR text)
{
    size_t cch = wcslen(text);
    s->Buffer = text;
    s->Length = (USHORT)(cch * sizeof(WCHAR));
    s->MaximumLength = (USHORT)((cch + 1) * sizeof(WCHAR));
}

/* Prints the account's rights; returns how many, or -1 on error. Sets
 * *has when `want` is among them. */
static long list_rights(LSA_HANDLE policy, PSID sid, LPCWSTR label, const LSA_UNICODE_STRING *want,
                        BOOL *has)
{
    PLSA_UNICODE_STRING rights = NULL;
    ULONG count = 0;
    NTSTATUS st = LsaEnumerateAccountRights(policy, sid, &rights, &count);
    if (has)
        *has = FALSE;
    if (st == STATUS_OBJECT_NAME_NOT_FOUND) {
        if (label)
            wprintf(L"%ls: (none)\n", label);
        return 0;
    }
    if (st != STATUS_SUCCESS) {
        wprintf(L"LsaEnumerateAccountRights: 0x%08lX (error %lu)\n", (unsigned long)st,
                (unsigned long)LsaNtStatusToWinError(st));
        return -1;
    }
    if (label)
        wprintf(L"%ls:", label);
    for (ULONG i = 0; i < count; i++) {
        if (label)
            wprintf(L" %.*ls", (int)(rights[i].Length / sizeof(WCHAR)), rights[i].Buffer);
        if (has && want && rights[i].Length == want->Length &&
            _wcsnicmp(rights[i].Buffer, want->Buffer, want->Length / sizeof(WCHAR)) == 0)
            *has = TRUE;
    }
    if (label)
        wprintf(L"\n");
    LsaFreeMemory(rights);
    return (long)count;
}

int main(int argc, char **argv)
{
    WCHAR account[256], domain[256], names[MAX_RIGHTS][64];
    BYTE sid_buf[SECURITY_MAX_SID_SIZE];
    PSID sid = (PSID)sid_buf;
    DWORD cb_sid = sizeof sid_buf, cch_domain = ARRAYSIZE(domain);
    SID_NAME_USE use;
    LSA_UNICODE_STRING add[MAX_RIGHTS];
    ULONG n_add = 0;
    int rc = 1;

    if (argc < 3 || argc - 2 > MAX_RIGHTS) {
        fprintf(stderr, "usage: rights_install ACCOUNT RIGHT...\n");
        return 2;
    }
    MultiByteToWideChar(CP_ACP, 0, argv[1], -1, account, ARRAYSIZE(account));
    if (!LookupAccountNameW(NULL, account, sid, &cb_sid, domain, &cch_domain, &use)) {
        wprintf(L"%ls: no such account (error %lu)\n", account, (unsigned long)GetLastError());
        return 2;
    }
    wprintf(L"account %ls\\%ls\n", domain, account);

    LSA_OBJECT_ATTRIBUTES attrs;
    LSA_HANDLE policy = NULL;
    ZeroMemory(&attrs, sizeof attrs);
    NTSTATUS st = LsaOpenPolicy(NULL, &attrs, POLICY_LOOKUP_NAMES | POLICY_CREATE_ACCOUNT, &policy);
    if (st != STATUS_SUCCESS) {
        ULONG err = LsaNtStatusToWinError(st);
        wprintf(L"LsaOpenPolicy: 0x%08lX (error %lu)%ls\n", (unsigned long)st, (unsigned long)err,
                err == ERROR_ACCESS_DENIED ? L": run the installer as an administrator" : L"");
        return 1;
    }

    if (list_rights(policy, sid, L"before", NULL, NULL) < 0)
        goto out;
    for (int i = 2; i < argc; i++) {
        LSA_UNICODE_STRING right;
        BOOL has = FALSE;
        MultiByteToWideChar(CP_ACP, 0, argv[i], -1, names[n_add], ARRAYSIZE(names[n_add]));
        init_unicode(&right, names[n_add]);
        if (list_rights(policy, sid, NULL, &right, &has) < 0)
            goto out;
        if (has) {
            wprintf(L"%ls: already held\n", names[n_add]);
            continue;
        }
        add[n_add++] = right;
    }
    if (n_add == 0) {
        wprintf(L"nothing to grant\n");
        rc = 0;
        goto out;
    }
    st = LsaAddAccountRights(policy, sid, add, n_add);
    if (st != STATUS_SUCCESS) {
        wprintf(L"LsaAddAccountRights: 0x%08lX (error %lu)\n", (unsigned long)st,
                (unsigned long)LsaNtStatusToWinError(st));
        goto out;
    }
    wprintf(L"granted %lu right%ls\n", (unsigned long)n_add, n_add == 1 ? L"" : L"s");
    if (list_rights(policy, sid, L"after", NULL, NULL) >= 0)
        rc = 0;
out:
    LsaClose(policy);
    return rc;
}
