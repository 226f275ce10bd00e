/* SPDX-License-Identifier: MIT */
/*
 * The child of tests/win32/proc_parent.c (tests/check-wine.sh): checks that
 * it runs as the account its parent's token named. Arguments: the expected
 * GetUserNameW answer, the expected TokenUser SID of OpenProcessToken's
 * token (as a string), and LsaRegisterLogonProcess's expected NTSTATUS in
 * hex. Exit status 0 when all three hold, else the number of the first
 * check that failed (10, 11, 12 ...), with the difference on stderr.
 */
#include <windows.h>
#include <ntsecapi.h>
#include <sddl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: proc_child USER SID STATUS\n");
        return 2;
    }
    WCHAR want_user[256], want_sid[256];
    if (!MultiByteToWideChar(CP_ACP, 0, argv[1], -1, want_user, 256) ||
        !MultiByteToWideChar(CP_ACP, 0, argv[2], -1, want_sid, 256))
        return 2;
    WCHAR name[256];
    DWORD size = 256;
    if (!GetUserNameW(name, &size)) {
        fprintf(stderr, "proc_child: GetUserNameW failed: %lu\n", (unsigned long)GetLastError());
        return 10;
    }
    if (wcscmp(name, want_user) != 0) {
        fprintf(stderr, "proc_child: GetUserNameW gives %ls, expected %ls\n", name, want_user);
        return 11;
    }
    HANDLE tok = NULL;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok)) {
        fprintf(stderr, "proc_child: OpenProcessToken failed: %lu\n", (unsigned long)GetLastError());
        return 12;
    }
    union {
        TOKEN_USER tu;
        BYTE raw[512];
    } u;
    DWORD got = 0;
    LPWSTR sid = NULL;
    if (!GetTokenInformation(tok, TokenUser, &u, sizeof u, &got) ||
        !ConvertSidToStringSidW(u.tu.User.Sid, &sid)) {
        fprintf(stderr, "proc_child: TokenUser failed: %lu\n", (unsigned long)GetLastError());
        CloseHandle(tok);
        return 13;
    }
    CloseHandle(tok);
    int same = wcscmp(sid, want_sid) == 0;
    if (!same)
        fprintf(stderr, "proc_child: TokenUser is %ls, expected %ls\n", sid, want_sid);
    LocalFree(sid);
    if (!same)
        return 14;
    char process[] = "proc_child";
    LSA_STRING pname = {(USHORT)strlen(process), (USHORT)sizeof process, process};
    HANDLE lsa = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    NTSTATUS st = LsaRegisterLogonProcess(&pname, &lsa, &mode);
    unsigned long want = strtoul(argv[3], NULL, 16);
    if ((unsigned long)(ULONG)st != want) {
        fprintf(stderr, "proc_child: LsaRegisterLogonProcess = 0x%08lX, expected 0x%08lX\n",
                (unsigned long)(ULONG)st, want);
        return 15;
    }
    if (st == 0 && LsaDeregisterLogonProcess(lsa) != 0)
        return 16;
    printf("proc_child: runs as %ls\n", name);
    return 0;
}
