/* SPDX-License-Identifier: MIT */
/*
 * sdk_helpers.c - the secure CRT, strsafe.h, lmcons.h, secext.h and
 * userenv.h as Windows code uses them (issue 13), written with the Windows
 * API alone and built both against lsaemu (-fshort-wchar, run by
 * tests/check-win32-compile.sh) and against the real SDK with mingw-w64
 * (tests/check-mingw.sh), like conformance.c: the constants and layouts
 * are _Static_asserts with the SDK's values, each function is assigned to
 * a pointer of the SDK's exact type (-Werror makes any mismatch an error),
 * and the pure functions run with answers both platforms give.
 */
#define SECURITY_WIN32
#include <windows.h>
#include <lmcons.h>
#include <security.h>
#include <strsafe.h>
#include <userenv.h>

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define CHECK_SIZE(t, n) _Static_assert(sizeof(t) == (n), "sizeof " #t)
#define CHECK_OFFSET(t, f, n) _Static_assert(offsetof(t, f) == (n), #t "." #f)
#define CHECK_VALUE(c, v) _Static_assert((c) == (v), #c)

/* lmcons.h */
CHECK_VALUE(UNLEN, 256);
CHECK_VALUE(PWLEN, 256);
CHECK_VALUE(GNLEN, 256);
CHECK_VALUE(CNLEN, 15);
CHECK_VALUE(DNLEN, 15);
CHECK_VALUE(UNCLEN, 17);
CHECK_VALUE(NNLEN, 80);
CHECK_VALUE(LM20_PWLEN, 14);
/* strsafe.h */
CHECK_VALUE(STRSAFE_MAX_CCH, 2147483647);
CHECK_VALUE(STRSAFE_E_INSUFFICIENT_BUFFER, (HRESULT)0x8007007A);
CHECK_VALUE(STRSAFE_E_INVALID_PARAMETER, (HRESULT)0x80070057);
CHECK_VALUE(STRSAFE_E_END_OF_FILE, (HRESULT)0x80070026);
/* secext.h */
CHECK_VALUE(NameUnknown, 0);
CHECK_VALUE(NameFullyQualifiedDN, 1);
CHECK_VALUE(NameSamCompatible, 2);
CHECK_VALUE(NameDisplay, 3);
CHECK_VALUE(NameUniqueId, 6);
CHECK_VALUE(NameCanonical, 7);
CHECK_VALUE(NameUserPrincipal, 8);
CHECK_VALUE(NameCanonicalEx, 9);
CHECK_VALUE(NameServicePrincipal, 10);
CHECK_VALUE(NameDnsDomain, 12);
CHECK_VALUE(NameGivenName, 13);
CHECK_VALUE(NameSurname, 14);
/* profinfo.h / userenv.h */
CHECK_VALUE(PI_NOUI, 1);
CHECK_VALUE(PI_APPLYPOLICY, 2);
CHECK_SIZE(PROFILEINFOW, 56);
CHECK_OFFSET(PROFILEINFOW, lpUserName, 8);
CHECK_OFFSET(PROFILEINFOW, lpPolicyPath, 40);
CHECK_OFFSET(PROFILEINFOW, hProfile, 48);
CHECK_SIZE(PROFILEINFOA, 56);
/* The CRT's constants. */
CHECK_VALUE(STRUNCATE, 80);
CHECK_VALUE(_TRUNCATE, (size_t)-1);

struct signatures {
    BOOLEAN(SEC_ENTRY *user_name_ex_w)(EXTENDED_NAME_FORMAT, LPWSTR, PULONG);
    BOOLEAN(SEC_ENTRY *user_name_ex_a)(EXTENDED_NAME_FORMAT, LPSTR, PULONG);
    BOOLEAN(SEC_ENTRY *translate_w)(LPCWSTR, EXTENDED_NAME_FORMAT, EXTENDED_NAME_FORMAT, LPWSTR,
                                    PULONG);
    BOOLEAN(SEC_ENTRY *translate_a)(LPCSTR, EXTENDED_NAME_FORMAT, EXTENDED_NAME_FORMAT, LPSTR,
                                    PULONG);
    BOOL(WINAPI *load_profile_w)(HANDLE, LPPROFILEINFOW);
    BOOL(WINAPI *load_profile_a)(HANDLE, LPPROFILEINFOA);
    BOOL(WINAPI *unload_profile)(HANDLE, HANDLE);
};

static const struct signatures sdk = {
    GetUserNameExW,   GetUserNameExA,   TranslateNameW,    TranslateNameA,
    LoadUserProfileW, LoadUserProfileA, UnloadUserProfile,
};

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        printf("FAIL: %s\n", what);
        failures++;
    }
}

/* Returns, so the failing *_s calls below report instead of ending the
 * process (Windows' default handler would end it). */
static void keep_going(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                       unsigned int line, uintptr_t reserved)
{
    (void)expr, (void)func, (void)file, (void)line, (void)reserved;
}

int main(void)
{
    char n[8];
    WCHAR w[8];
    size_t len = 0;

    check(sdk.user_name_ex_w != NULL && sdk.unload_profile != NULL, "function table");
    _set_invalid_parameter_handler(keep_going);

    check(strcpy_s(n, sizeof n, "abc") == 0 && strcmp(n, "abc") == 0, "strcpy_s");
    check(strcpy_s(n, 3, "abc") == ERANGE && n[0] == 0, "strcpy_s too small");
    check(strncat_s(n, sizeof n, "abcdefghij", _TRUNCATE) == STRUNCATE &&
              strcmp(n, "abcdefg") == 0,
          "strncat_s _TRUNCATE");
    check(memcpy_s(n, 2, "xyz", 3) == ERANGE && n[0] == 0 && n[1] == 0, "memcpy_s zeroes");
    check(memcpy_s(NULL, 0, NULL, 0) == 0, "memcpy_s count 0");
    check(wcscpy_s(w, 8, L"ab") == 0 && wcsncat_s(w, 8, L"cdef", 2) == 0 && wcslen(w) == 4,
          "wcsncat_s");
    check(wcsncat_s(w, 5, L"x", 1) == ERANGE && w[0] == 0, "wcsncat_s too small");
    check(_snwprintf_s(w, 8, _TRUNCATE, L"%d", 123456789) == -1 && wcslen(w) == 7,
          "_snwprintf_s _TRUNCATE");
    check(_snwprintf_s(w, 8, 7, L"%d", 42) == 2 && wcscmp(w, L"42") == 0, "_snwprintf_s");
    check(_strnicmp("ALICE", "alicx", 4) == 0 && _stricmp("Bob", "bOB") == 0, "_strnicmp");
    check(_wcsnicmp(L"ALICE", L"alicx", 4) == 0, "_wcsnicmp");

    check(StringCchCopyW(w, 4, L"abcdef") == STRSAFE_E_INSUFFICIENT_BUFFER &&
              wcscmp(w, L"abc") == 0,
          "StringCchCopyW cut");
    check(StringCchCopyW(w, 0, L"a") == STRSAFE_E_INVALID_PARAMETER, "StringCchCopyW 0");
    check(StringCchCatW(w, 8, L"de") == S_OK && wcscmp(w, L"abcde") == 0, "StringCchCatW");
    check(StringCchPrintfW(w, 8, L"%d-%d", 12, 34) == S_OK && wcscmp(w, L"12-34") == 0,
          "StringCchPrintfW");
    check(StringCchLengthW(L"abc", 8, &len) == S_OK && len == 3, "StringCchLengthW");
    check(StringCchLengthW(L"abc", 3, &len) == STRSAFE_E_INVALID_PARAMETER && len == 0,
          "StringCchLengthW too long");
    check(StringCbCopyA(n, sizeof n, "xy") == S_OK && strcmp(n, "xy") == 0, "StringCbCopyA");

    /* NameUnknown is refused on every machine (Wine's testGetUserNameExW). */
    ULONG size = 8;
    SetLastError(0);
    check(!GetUserNameExW(NameUnknown, w, &size) && GetLastError() == ERROR_NO_SUCH_USER,
          "GetUserNameExW NameUnknown");
    size = 0;
    check(!GetUserNameExW(NameSamCompatible, NULL, &size) && GetLastError() == ERROR_MORE_DATA &&
              size > 1,
          "GetUserNameExW size");
    size = 8;
    check(!TranslateNameW(L"x", NameSamCompatible, NameUnknown, w, &size) &&
              GetLastError() == ERROR_INVALID_PARAMETER,
          "TranslateNameW to NameUnknown");
    PROFILEINFOW pi;
    memset(&pi, 0, sizeof pi);
    pi.dwSize = sizeof pi - 1;
    check(!LoadUserProfileW(NULL, &pi) && GetLastError() == ERROR_INVALID_PARAMETER,
          "LoadUserProfileW dwSize");

    if (failures == 0)
        printf("sdk_helpers: all checks passed\n");
    return failures != 0;
}
