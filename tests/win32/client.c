/* SPDX-License-Identifier: MIT */
/*
 * A client written the way Windows code is, compiled unchanged by
 * tests/check-win32-compile.sh with `pkg-config --cflags --libs
 * lsaemu-win32` (-fshort-wchar) and -Wall -Wextra -Werror: mixed-case
 * includes, UNICODE/TEXT, L"..." with wcslen() * sizeof(WCHAR), the
 * Microsoft string functions, SAL, and LSA functions found at run time.
 */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#define WIN32_NO_STATUS
#include <Windows.h>
#undef WIN32_NO_STATUS
#include <NTStatus.h>
#include <NTSecAPI.h>
#include <Sddl.h>
#include <SubAuth.h>
#include <LM.h>
#include <tchar.h>
#include <winternl.h>

#include <stdio.h>
#include <string.h>
#include <wchar.h>

typedef NTSTATUS(NTAPI *PFN_CONNECT)(PHANDLE);
typedef NTSTATUS(NTAPI *PFN_LOOKUP)(HANDLE, PLSA_STRING, PULONG);
typedef NTSTATUS(NTAPI *PFN_DEREGISTER)(HANDLE);

static void InitLsaString(_Out_ PLSA_STRING s, _In_z_ PCSTR text)
{
    s->Buffer = (PCHAR)text;
    s->Length = (USHORT)strlen(text);
    s->MaximumLength = s->Length + 1;
}

static BOOL Describe(_Out_writes_(cch) LPWSTR out, _In_ size_t cch, _In_z_ LPCWSTR who)
{
    return _snwprintf(out, cch, L"%s has %u characters (%u bytes)", who, (unsigned)wcslen(who),
                      (unsigned)(wcslen(who) * sizeof(WCHAR))) >= 0;
}

int main(void)
{
    WCHAR name[MAX_PATH], user[UNLEN + 1], line[256];
    DWORD cch = ARRAYSIZE(name);
    char utf8[64];

    if (sizeof(L"ab") != 3 * sizeof(WCHAR) || sizeof(TCHAR) != 2)
        return 10;
    if (!GetComputerName(name, &cch))
        return 11;
    cch = _countof(user);
    if (!GetUserNameW(user, &cch))
        return 12;
    wprintf(L"computer %s, user %s\n", name, user);

    wcscpy_s(line, ARRAYSIZE(line), TEXT("caf\u00e9"));
    wcscat_s(line, ARRAYSIZE(line), L"-cr\u00e8me");
    if (_wcsicmp(line, L"CAF\u00e9-CR\u00e8ME") != 0 || lstrlenW(line) != 10)
        return 13;
    WideCharToMultiByte(CP_UTF8, 0, line, -1, utf8, sizeof utf8, NULL, NULL);
    printf("utf-8: %s\n", utf8);
    if (!Describe(line, ARRAYSIZE(line), L"Administrator"))
        return 14;
    wprintf(L"%s\n", line);
    swprintf(line, ARRAYSIZE(line), L"%S=%lu", "ERROR_LOGON_TYPE_NOT_GRANTED",
             (DWORD)ERROR_LOGON_TYPE_NOT_GRANTED);
    wprintf(L"%ls\n", line);

    UNICODE_STRING us;
    RtlInitUnicodeString(&us, L"Negotiate");
    if (us.Length != wcslen(us.Buffer) * sizeof(WCHAR))
        return 15;

    LPWSTR heap = (LPWSTR)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, 64 * sizeof(WCHAR));
    HLOCAL local = LocalAlloc(LPTR, 32);
    if (!heap || !local)
        return 16;
    SecureZeroMemory(heap, 64 * sizeof(WCHAR));
    HeapFree(GetProcessHeap(), 0, heap);
    if (LocalFree(local) != NULL)
        return 17;

    /* Secur32 looked up at run time, the way optional features do it. */
    HMODULE secur32 = LoadLibrary(TEXT("SECUR32.DLL"));
    if (!secur32)
        return 18;
    PFN_CONNECT connect = (PFN_CONNECT)(void (*)(void))GetProcAddress(secur32, "LsaConnectUntrusted");
    PFN_LOOKUP lookup = (PFN_LOOKUP)(void (*)(void))GetProcAddress(secur32,
                                                                 "LsaLookupAuthenticationPackage");
    PFN_DEREGISTER deregister =
        (PFN_DEREGISTER)(void (*)(void))GetProcAddress(secur32, "LsaDeregisterLogonProcess");
    if (!connect || !lookup || !deregister)
        return 19;
    if (GetProcAddress(secur32, "LsaBogus") != NULL || GetLastError() != ERROR_PROC_NOT_FOUND)
        return 20;
    HANDLE lsa;
    LSA_STRING pkg;
    ULONG id = 0;
    InitLsaString(&pkg, NEGOSSP_NAME_A);
    if (connect(&lsa) != STATUS_SUCCESS || lookup(lsa, &pkg, &id) != STATUS_SUCCESS)
        return 21;
    printf("Negotiate package id %lu\n", (unsigned long)id);
    deregister(lsa);
    FreeLibrary(secur32);
    if (LoadLibraryW(L"user32.dll") != NULL || GetLastError() != ERROR_MOD_NOT_FOUND)
        return 22;
    NET_API_STATUS nst = NERR_Success;
    return (int)nst;
}
