/* SPDX-License-Identifier: MIT */
/*
 * conformance.c - written with the Windows API alone (no Check, no fork,
 * no lsaemu.h), built both against lsaemu (-fshort-wchar, by
 * tests/check-win32-compile.sh) and against the real SDK with mingw-w64
 * (tests/check-mingw.sh). The same source compiling warning-free (-Werror)
 * in both proves that the names, constants, structure layouts and function
 * signatures lsaemu emulates are the SDK's:
 *   - every constant and layout is a _Static_assert with the SDK's value;
 *   - every emulated function is assigned to a pointer of the exact SDK
 *     type, which -Werror turns into a compile error on any mismatch, and
 *     the link proves the name exists in Secur32/Advapi32/Kernel32;
 *   - a few pure functions are run with answers both platforms must give.
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <ntsecapi.h>
#include <sddl.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define CHECK_SIZE(t, n) _Static_assert(sizeof(t) == (n), "sizeof " #t)
#define CHECK_OFFSET(t, f, n) _Static_assert(offsetof(t, f) == (n), #t "." #f)
#define CHECK_VALUE(c, v) _Static_assert((c) == (v), #c)

/* ---- basic types and Win64 layouts -------------------------------------- */
CHECK_SIZE(WCHAR, 2);
CHECK_SIZE(DWORD, 4);
CHECK_SIZE(LONG, 4);
CHECK_SIZE(ULONG, 4);
CHECK_SIZE(BOOL, 4);
CHECK_SIZE(BOOLEAN, 1);
CHECK_SIZE(HANDLE, 8);
CHECK_SIZE(LUID, 8);
CHECK_SIZE(LARGE_INTEGER, 8);
CHECK_SIZE(UNICODE_STRING, 16);
CHECK_OFFSET(UNICODE_STRING, Buffer, 8);
CHECK_SIZE(LSA_STRING, 16);
CHECK_SIZE(LSA_OBJECT_ATTRIBUTES, 48);
CHECK_SIZE(TOKEN_SOURCE, 16);
CHECK_SIZE(QUOTA_LIMITS, 48);
CHECK_SIZE(LUID_AND_ATTRIBUTES, 12);
CHECK_SIZE(TOKEN_PRIVILEGES, 16);
CHECK_SIZE(SID_AND_ATTRIBUTES, 16);
CHECK_SIZE(TOKEN_GROUPS, 24);
CHECK_OFFSET(TOKEN_GROUPS, Groups, 8);
CHECK_SIZE(TOKEN_USER, 16);
CHECK_SIZE(MSV1_0_INTERACTIVE_LOGON, 56);
CHECK_OFFSET(MSV1_0_INTERACTIVE_LOGON, UserName, 24);
CHECK_SIZE(MSV1_0_S4U_LOGON, 40);
CHECK_OFFSET(MSV1_0_S4U_LOGON, UserPrincipalName, 8);
CHECK_OFFSET(MSV1_0_S4U_LOGON, DomainName, 24);
CHECK_SIZE(KERB_S4U_LOGON, 40);
CHECK_OFFSET(KERB_S4U_LOGON, ClientUpn, 8);
CHECK_OFFSET(KERB_S4U_LOGON, ClientRealm, 24);
CHECK_SIZE(KERB_INTERACTIVE_LOGON, 56);
CHECK_SIZE(SECURITY_LOGON_SESSION_DATA, 272);
CHECK_OFFSET(SECURITY_LOGON_SESSION_DATA, UserName, 16);
CHECK_OFFSET(SECURITY_LOGON_SESSION_DATA, Sid, 72);

/* ---- constants ------------------------------------------------------------ */
CHECK_VALUE(LOGON32_LOGON_INTERACTIVE, 2);
CHECK_VALUE(LOGON32_LOGON_NETWORK, 3);
CHECK_VALUE(LOGON32_LOGON_BATCH, 4);
CHECK_VALUE(LOGON32_LOGON_SERVICE, 5);
CHECK_VALUE(LOGON32_PROVIDER_DEFAULT, 0);
CHECK_VALUE(Network, 3);
CHECK_VALUE(KerbS4ULogon, 12);
CHECK_VALUE(MsV1_0S4ULogon, 12);
CHECK_VALUE(MsV1_0InteractiveLogon, 2);
CHECK_VALUE(TokenUser, 1);
CHECK_VALUE(TokenGroups, 2);
CHECK_VALUE(TokenType, 8);
CHECK_VALUE(TokenImpersonationLevel, 9);
CHECK_VALUE(SecurityIdentification, 1);
CHECK_VALUE(ComputerNameNetBIOS, 0);
CHECK_VALUE(ComputerNameDnsDomain, 2);
CHECK_VALUE(ComputerNameDnsFullyQualified, 3);
CHECK_VALUE(ERROR_MOD_NOT_FOUND, 126);
CHECK_VALUE(ERROR_PROC_NOT_FOUND, 127);
CHECK_VALUE(ERROR_INSUFFICIENT_BUFFER, 122);
CHECK_VALUE(ERROR_NO_UNICODE_TRANSLATION, 1113);
CHECK_VALUE(ERROR_LOGON_FAILURE, 1326);
CHECK_VALUE(ERROR_ACCOUNT_RESTRICTION, 1327);
CHECK_VALUE(ERROR_LOGON_TYPE_NOT_GRANTED, 1385);
CHECK_VALUE(ERROR_ACCOUNT_LOCKED_OUT, 1909);
CHECK_VALUE(ERROR_BUFFER_OVERFLOW, 111);
CHECK_VALUE(ERROR_MORE_DATA, 234);
CHECK_VALUE(STATUS_LOGON_FAILURE, (NTSTATUS)0xC000006DL);
CHECK_VALUE(STATUS_LOGON_TYPE_NOT_GRANTED, (NTSTATUS)0xC000015BL);
CHECK_VALUE(STATUS_OBJECT_NAME_NOT_FOUND, (NTSTATUS)0xC0000034L);
CHECK_VALUE(CP_ACP, 0);
CHECK_VALUE(CP_UTF8, 65001);
CHECK_VALUE(MB_ERR_INVALID_CHARS, 8);
CHECK_VALUE(WC_ERR_INVALID_CHARS, 0x80);
CHECK_VALUE(HEAP_ZERO_MEMORY, 8);
CHECK_VALUE(LPTR, 0x40);
CHECK_VALUE(LOAD_LIBRARY_SEARCH_SYSTEM32, 0x800);
CHECK_VALUE(POLICY_LOOKUP_NAMES, 0x800);
CHECK_VALUE(POLICY_CREATE_ACCOUNT, 0x10);
CHECK_VALUE(SE_PRIVILEGE_ENABLED, 2);
CHECK_VALUE(TOKEN_ADJUST_PRIVILEGES, 0x20);
CHECK_VALUE(TOKEN_QUERY, 8);

/* ---- issue 13b: tokens II, UAC, NegGetCallerName (behavior.md 12) ------- */
CHECK_SIZE(ACL, 8);
CHECK_SIZE(ACCESS_ALLOWED_ACE, 12);
CHECK_OFFSET(ACCESS_ALLOWED_ACE, SidStart, 8);
CHECK_SIZE(TOKEN_DEFAULT_DACL, 8);
CHECK_SIZE(TOKEN_LINKED_TOKEN, 8);
CHECK_SIZE(TOKEN_ELEVATION, 4);
CHECK_SIZE(TOKEN_ORIGIN, 8);
CHECK_SIZE(NEGOTIATE_CALLER_NAME_REQUEST, 12);
CHECK_OFFSET(NEGOTIATE_CALLER_NAME_REQUEST, LogonId, 4);
CHECK_SIZE(NEGOTIATE_CALLER_NAME_RESPONSE, 16);
CHECK_OFFSET(NEGOTIATE_CALLER_NAME_RESPONSE, CallerName, 8);
CHECK_VALUE(NegGetCallerName, 1);
CHECK_VALUE(DISABLE_MAX_PRIVILEGE, 1);
CHECK_VALUE(SANDBOX_INERT, 2);
CHECK_VALUE(LUA_TOKEN, 4);
CHECK_VALUE(WRITE_RESTRICTED, 8);
CHECK_VALUE(ACL_REVISION, 2);
CHECK_VALUE(TokenDefaultDacl, 6);
CHECK_VALUE(TokenRestrictedSids, 11);
CHECK_VALUE(TokenSandBoxInert, 15);
CHECK_VALUE(TokenElevationType, 18);
CHECK_VALUE(TokenLinkedToken, 19);
CHECK_VALUE(TokenElevation, 20);
CHECK_VALUE(TokenHasRestrictions, 21);
CHECK_VALUE(TokenIsAppContainer, 29);
CHECK_VALUE(TokenIsRestricted, 40);
CHECK_VALUE(TokenElevationTypeDefault, 1);
CHECK_VALUE(TokenElevationTypeFull, 2);
CHECK_VALUE(TokenElevationTypeLimited, 3);
CHECK_VALUE(ERROR_NO_TOKEN, 1008);
CHECK_VALUE(ERROR_BAD_LENGTH, 24);
CHECK_VALUE(ERROR_INVALID_OWNER, 1307);
CHECK_VALUE(ERROR_INVALID_PRIMARY_GROUP, 1308);
CHECK_VALUE(ERROR_TOKEN_ALREADY_IN_USE, 1375);

struct signatures_13b {
    BOOL(WINAPI *create_restricted)(HANDLE, DWORD, DWORD, PSID_AND_ATTRIBUTES, DWORD,
                                    PLUID_AND_ATTRIBUTES, DWORD, PSID_AND_ATTRIBUTES, PHANDLE);
    BOOL(WINAPI *is_restricted)(HANDLE);
    BOOL(WINAPI *set_info)(HANDLE, TOKEN_INFORMATION_CLASS, LPVOID, DWORD);
};

static const struct signatures_13b sdk_13b = {CreateRestrictedToken, IsTokenRestricted,
                                              SetTokenInformation};

/* ---- signatures: each emulated function as the SDK types it ------------- */
struct signatures {
    NTSTATUS(NTAPI *register_lp)(PLSA_STRING, PHANDLE, PLSA_OPERATIONAL_MODE);
    NTSTATUS(NTAPI *connect)(PHANDLE);
    NTSTATUS(NTAPI *deregister)(HANDLE);
    NTSTATUS(NTAPI *lookup_pkg)(HANDLE, PLSA_STRING, PULONG);
    NTSTATUS(NTAPI *logon)(HANDLE, PLSA_STRING, SECURITY_LOGON_TYPE, ULONG, PVOID, ULONG,
                           PTOKEN_GROUPS, PTOKEN_SOURCE, PVOID *, PULONG, PLUID, PHANDLE,
                           PQUOTA_LIMITS, PNTSTATUS);
    NTSTATUS(NTAPI *call_pkg)(HANDLE, ULONG, PVOID, ULONG, PVOID *, PULONG, PNTSTATUS);
    NTSTATUS(NTAPI *free_ret)(PVOID);
    NTSTATUS(NTAPI *enum_sessions)(PULONG, PLUID *);
    NTSTATUS(NTAPI *session_data)(PLUID, PSECURITY_LOGON_SESSION_DATA *);
    ULONG(NTAPI *to_win)(NTSTATUS);
    NTSTATUS(NTAPI *open_policy)(PLSA_UNICODE_STRING, PLSA_OBJECT_ATTRIBUTES, ACCESS_MASK,
                                 PLSA_HANDLE);
    NTSTATUS(NTAPI *close)(LSA_HANDLE);
    NTSTATUS(NTAPI *free_mem)(PVOID);
    NTSTATUS(NTAPI *add_rights)(LSA_HANDLE, PSID, PLSA_UNICODE_STRING, ULONG);
    NTSTATUS(NTAPI *enum_rights)(LSA_HANDLE, PSID, PLSA_UNICODE_STRING *, PULONG);
    BOOL(WINAPI *logon_user)(LPCWSTR, LPCWSTR, LPCWSTR, DWORD, DWORD, PHANDLE);
    BOOL(WINAPI *open_token)(HANDLE, DWORD, PHANDLE);
    BOOL(WINAPI *adjust)(HANDLE, BOOL, PTOKEN_PRIVILEGES, DWORD, PTOKEN_PRIVILEGES, PDWORD);
    BOOL(WINAPI *lookup_priv)(LPCWSTR, LPCWSTR, PLUID);
    BOOL(WINAPI *token_info)(HANDLE, TOKEN_INFORMATION_CLASS, LPVOID, DWORD, PDWORD);
    BOOL(WINAPI *impersonate)(HANDLE);
    BOOL(WINAPI *revert)(void);
    BOOL(WINAPI *lookup_name)(LPCWSTR, LPCWSTR, PSID, LPDWORD, LPWSTR, LPDWORD, PSID_NAME_USE);
    BOOL(WINAPI *sid_to_str)(PSID, LPWSTR *);
    BOOL(WINAPI *str_to_sid)(LPCWSTR, PSID *);
    BOOL(WINAPI *equal_sid)(PSID, PSID);
    BOOL(WINAPI *close_handle)(HANDLE);
    DWORD(WINAPI *get_last_error)(void);
    HLOCAL(WINAPI *local_alloc)(UINT, SIZE_T);
    HLOCAL(WINAPI *local_free)(HLOCAL);
    HANDLE(WINAPI *process_heap)(void);
    LPVOID(WINAPI *heap_alloc)(HANDLE, DWORD, SIZE_T);
    BOOL(WINAPI *heap_free)(HANDLE, DWORD, LPVOID);
    int(WINAPI *mb2wc)(UINT, DWORD, LPCCH, int, LPWSTR, int);
    int(WINAPI *wc2mb)(UINT, DWORD, LPCWCH, int, LPSTR, int, LPCCH, LPBOOL);
    int(WINAPI *lstrlen)(LPCWSTR);
    int(WINAPI *lstrcmpi)(LPCWSTR, LPCWSTR);
    LPWSTR(WINAPI *lstrcpy)(LPWSTR, LPCWSTR);
    BOOL(WINAPI *computer_name)(LPWSTR, LPDWORD);
    BOOL(WINAPI *computer_name_ex)(COMPUTER_NAME_FORMAT, LPWSTR, LPDWORD);
    BOOL(WINAPI *user_name)(LPWSTR, LPDWORD);
    HMODULE(WINAPI *load_a)(LPCSTR);
    HMODULE(WINAPI *load_w)(LPCWSTR);
    HMODULE(WINAPI *load_ex_w)(LPCWSTR, HANDLE, DWORD);
    FARPROC(WINAPI *get_proc)(HMODULE, LPCSTR);
    BOOL(WINAPI *free_lib)(HMODULE);
};

static const struct signatures sdk = {
    LsaRegisterLogonProcess, LsaConnectUntrusted, LsaDeregisterLogonProcess,
    LsaLookupAuthenticationPackage, LsaLogonUser, LsaCallAuthenticationPackage,
    LsaFreeReturnBuffer, LsaEnumerateLogonSessions, LsaGetLogonSessionData,
    LsaNtStatusToWinError, LsaOpenPolicy, LsaClose, LsaFreeMemory, LsaAddAccountRights,
    LsaEnumerateAccountRights, LogonUserW, OpenProcessToken, AdjustTokenPrivileges,
    LookupPrivilegeValueW, GetTokenInformation, ImpersonateLoggedOnUser, RevertToSelf,
    LookupAccountNameW, ConvertSidToStringSidW, ConvertStringSidToSidW, EqualSid, CloseHandle,
    GetLastError, LocalAlloc, LocalFree, GetProcessHeap, HeapAlloc, HeapFree, MultiByteToWideChar,
    WideCharToMultiByte, lstrlenW, lstrcmpiW, lstrcpyW, GetComputerNameW, GetComputerNameExW,
    GetUserNameW, LoadLibraryA, LoadLibraryW, LoadLibraryExW, GetProcAddress, FreeLibrary,
};

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        printf("FAIL: %s\n", what);
        failures++;
    }
}

int main(void)
{
    WCHAR w[16];
    char n[16];

    check(sdk.lstrlen != NULL && sdk.get_proc != NULL, "function table");
    /* Answers both platforms give. */
    check(wcslen(L"abc") == 3 && sizeof(L"abc") == 4 * sizeof(WCHAR), "L\"\" is UTF-16");
    check(lstrlenW(L"h\u00e9llo") == 5 && lstrlenW(NULL) == 0, "lstrlenW");
    check(lstrcmpiW(L"Administrator", L"ADMINISTRATOR") == 0, "lstrcmpiW");
    check(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9", -1, NULL, 0) == 3, "MB2WC size");
    check(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9", -1, w, 16) == 3 && w[1] == 0xE9,
          "MB2WC convert");
    SetLastError(0);
    check(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xc3\x28", -1, w, 16) == 0 &&
              GetLastError() == ERROR_NO_UNICODE_TRANSLATION,
          "MB2WC invalid");
    check(MultiByteToWideChar(CP_UTF8, 0, "abcdef", -1, w, 3) == 0 &&
              GetLastError() == ERROR_INSUFFICIENT_BUFFER,
          "MB2WC too small");
    check(WideCharToMultiByte(CP_UTF8, 0, L"h\u00e9", -1, n, 16, NULL, NULL) == 4 &&
              strcmp(n, "h\xc3\xa9") == 0,
          "WC2MB");
    check(_snwprintf(w, 4, L"%d", 12345) == -1 && w[3] == L'4', "_snwprintf truncation");
    check(wcscpy_s(w, 4, L"abc") == 0 && wcscpy_s(w, 3, L"abc") != 0 && w[0] == 0,
          "wcscpy_s");
    check(_wcsicmp(L"SeTcbPrivilege", L"SETCBPRIVILEGE") == 0, "_wcsicmp");
    HMODULE m = LoadLibraryW(L"SECUR32.DLL");
    check(m != NULL, "LoadLibraryW secur32");
    check(m && GetProcAddress(m, "LsaConnectUntrusted") != NULL, "GetProcAddress");
    SetLastError(0);
    check(m && GetProcAddress(m, "LsaNoSuchFunction") == NULL &&
              GetLastError() == ERROR_PROC_NOT_FOUND,
          "GetProcAddress unknown");
    if (m)
        FreeLibrary(m);
    check(LoadLibraryA("no-such-module-lsaemu.dll") == NULL &&
              GetLastError() == ERROR_MOD_NOT_FOUND,
          "LoadLibraryA unknown");
    check(sdk_13b.create_restricted != NULL && sdk_13b.set_info != NULL, "13b table");
    /* The token pseudo-handles (inline in both; Windows 8 and later). */
    check(GetCurrentProcessToken() == (HANDLE)(LONG_PTR)-4 &&
              GetCurrentThreadToken() == (HANDLE)(LONG_PTR)-5 &&
              GetCurrentThreadEffectiveToken() == (HANDLE)(LONG_PTR)-6,
          "token pseudo-handles");
    HLOCAL l = LocalAlloc(LPTR, 8);
    check(l != NULL && LocalFree(l) == NULL, "LocalAlloc/LocalFree");

    if (failures == 0)
        printf("conformance: all checks passed\n");
    return failures != 0;
}
