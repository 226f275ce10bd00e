/* SPDX-License-Identifier: MIT */
/*
 * GetUserNameExA/W and TranslateNameA/W (secext.h) and LoadUserProfileA/W
 * and UnloadUserProfile (userenv.h) on P0, the workgroup machine WS1
 * (i13-facts B15, B16). Expectations come from Microsoft's pages
 * (nf-secext-getusernameexw, nf-secext-translatenamea,
 * nf-userenv-loaduserprofilew), from what Wine's testGetUserNameExW saw on
 * Windows (NameUnknown: 1317; too small: 234 with the size, the buffer
 * unchanged), and, where both are silent, from the GUESS_ names of
 * lib/core/engine/guesses.h.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include <security.h>
#include <userenv.h>

#include "token_helpers.h"

#define I LOGON32_LOGON_INTERACTIVE
#define DEF LOGON32_PROVIDER_DEFAULT

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("user");
}

static HANDLE logon(const char *user, const char *pw)
{
    HANDLE h = NULL;
    ck_assert_msg(LogonUserA(user, ".", pw, I, DEF, &h), "LogonUserA(%s): %s", user,
                  lsaemu_last_reason());
    return h;
}

/* ASCII of a WCHAR string, for messages and comparisons. */
static const char *narrow(const WCHAR *w, char *buf, size_t n)
{
    size_t i = 0;
    for (; w[i] && i + 1 < n; i++)
        buf[i] = (char)w[i];
    buf[i] = 0;
    return buf;
}

/* ---- GetUserNameEx --------------------------------------------------------- */

struct format_case {
    int format;
    DWORD error; /* 0: success with "WS1\alice" */
};

/* Every format for a local account with a 256-character buffer. */
static const struct format_case format_cases[] = {
    {NameSamCompatible, 0},
    {NameUnknown, ERROR_NO_SUCH_USER}, /* Wine testGetUserNameExW */
    /* "If the user account is not in a domain, only NameSamCompatible is
     * supported" (nf-secext-getusernameexw). */
    {NameFullyQualifiedDN, ERROR_NONE_MAPPED},
    {NameDisplay, ERROR_NONE_MAPPED},
    {NameUniqueId, ERROR_NONE_MAPPED},
    {NameCanonical, ERROR_NONE_MAPPED},
    {NameUserPrincipal, ERROR_NONE_MAPPED},
    {NameCanonicalEx, ERROR_NONE_MAPPED},
    {NameServicePrincipal, ERROR_NONE_MAPPED},
    {NameDnsDomain, ERROR_NONE_MAPPED},
    {NameGivenName, ERROR_NONE_MAPPED},
    {NameSurname, ERROR_NONE_MAPPED},
    /* Not EXTENDED_NAME_FORMAT values: GUESS_NAME_FORMAT_UNDEFINED_ERROR. */
    {4, ERROR_INVALID_PARAMETER},
    {5, ERROR_INVALID_PARAMETER},
    {11, ERROR_INVALID_PARAMETER},
    {15, ERROR_INVALID_PARAMETER},
    {-1, ERROR_INVALID_PARAMETER},
};

START_TEST(test_user_name_ex_formats)
{
    const struct format_case *c = &format_cases[_i];
    for (int wide = 0; wide < 2; wide++) {
        WCHAR w[256];
        char a[256], text[256];
        memset(w, 0x5A, sizeof w);
        memset(a, 0x5A, sizeof a);
        ULONG size = 256;
        SetLastError(0xDEAD);
        BOOLEAN ok = wide ? GetUserNameExW((EXTENDED_NAME_FORMAT)c->format, w, &size)
                          : GetUserNameExA((EXTENDED_NAME_FORMAT)c->format, a, &size);
        if (c->error == 0) {
            ck_assert_msg(ok, "format %d: %s", c->format, lsaemu_last_reason());
            ck_assert_str_eq(wide ? narrow(w, text, sizeof text) : a, "WS1\\alice");
            ck_assert_uint_eq(size, 9); /* without the NUL */
        } else {
            ck_assert_msg(!ok, "format %d succeeded", c->format);
            ck_assert_win32_eq(GetLastError(), c->error);
            ck_assert_uint_eq(size, 256);
            ck_assert_uint_eq(wide ? w[0] : (unsigned char)a[0], wide ? 0x5A5A : 0x5A);
        }
    }
}
END_TEST

struct size_case {
    const char *name;
    bool null_buf;
    ULONG size;
    BOOLEAN ok;
    ULONG size_after;
};

/* "WS1\alice": 9 characters, 10 with the NUL. */
static const struct size_case size_cases[] = {
    {"null_buf_0", true, 0, FALSE, 10},      /* Wine: FALSE, 234, size set */
    {"null_buf_big", true, 100, FALSE, 10},  /* (Windows crashes; ours is the size answer) */
    {"buf_0", false, 0, FALSE, 10},          /* Wine: 234, size set */
    {"buf_1", false, 1, FALSE, 10},          /* Wine: 234, size > 1, buffer unchanged */
    {"buf_9_no_room_for_nul", false, 9, FALSE, 10},
    {"buf_10_exact", false, 10, TRUE, 9},
};

START_TEST(test_user_name_ex_sizes)
{
    const struct size_case *c = &size_cases[_i];
    for (int wide = 0; wide < 2; wide++) {
        WCHAR w[16];
        char a[16], text[32];
        memset(w, 0x5A, sizeof w);
        memset(a, 0x5A, sizeof a);
        ULONG size = c->size;
        SetLastError(0xDEAD);
        BOOLEAN ok = wide ? GetUserNameExW(NameSamCompatible, c->null_buf ? NULL : w, &size)
                          : GetUserNameExA(NameSamCompatible, c->null_buf ? NULL : a, &size);
        ck_assert_msg(ok == c->ok, "%s/%d", c->name, wide);
        ck_assert_uint_eq(size, c->size_after);
        if (ok) {
            ck_assert_str_eq(wide ? narrow(w, text, sizeof text) : a, "WS1\\alice");
        } else {
            ck_assert_win32_eq(GetLastError(), ERROR_MORE_DATA);
            for (size_t i = 0; i < 16; i++)
                ck_assert_uint_eq(wide ? w[i] : (unsigned char)a[i], wide ? 0x5A5A : 0x5A);
        }
    }
}
END_TEST

START_TEST(test_user_name_ex_identities)
{
    WCHAR w[64];
    char text[64];
    ULONG size = 64;
    /* SYSTEM: its domain is NT AUTHORITY. */
    tu_use_process("tcb");
    ck_assert(GetUserNameExW(NameSamCompatible, w, &size));
    ck_assert_str_eq(narrow(w, text, sizeof text), "NT AUTHORITY\\SYSTEM");
    ck_assert_uint_eq(size, 19);

    /* "An impersonating thread gets the client's name." */
    tu_use_process("user");
    HANDLE bob = logon("bob", "Bob-Pw1");
    ck_assert(ImpersonateLoggedOnUser(bob));
    size = 64;
    ck_assert(GetUserNameExW(NameSamCompatible, w, &size));
    ck_assert_str_eq(narrow(w, text, sizeof text), "WS1\\bob");
    ck_assert(RevertToSelf());
    size = 64;
    ck_assert(GetUserNameExW(NameSamCompatible, w, &size));
    ck_assert_str_eq(narrow(w, text, sizeof text), "WS1\\alice");
    ck_assert(CloseHandle(bob));
}
END_TEST

/* Deviation: GetUserNameEx with a NULL nSize crashes on Windows (Wine's
 * test keeps that call under if (0)); lsaemu fails it. */
START_TEST(test_deviation_null_size)
{
    WCHAR w[16];
    SetLastError(0);
    ck_assert(!GetUserNameExW(NameSamCompatible, w, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(!GetUserNameExA(NameSamCompatible, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

/* ---- TranslateName ---------------------------------------------------------- */

struct translate_case {
    const char *name;
    bool null_name, null_size;
    int from, to;
    DWORD error;
};

static const struct translate_case translate_cases[] = {
    /* "DesiredNameFormat ... cannot be NameUnknown." */
    {"to_unknown", false, false, NameSamCompatible, NameUnknown, ERROR_INVALID_PARAMETER},
    {"null_name", true, false, NameSamCompatible, NameUserPrincipal, ERROR_INVALID_PARAMETER},
    {"null_size", false, true, NameSamCompatible, NameUserPrincipal, ERROR_INVALID_PARAMETER},
    {"from_undefined", false, false, 5, NameSamCompatible, ERROR_INVALID_PARAMETER},
    {"to_undefined", false, false, NameSamCompatible, 11, ERROR_INVALID_PARAMETER},
    /* "TranslateName fails if it cannot bind to Active Directory on a domain
     * controller": GUESS_TRANSLATE_NAME_NO_DIRECTORY_ERROR. */
    {"sam_to_sam", false, false, NameSamCompatible, NameSamCompatible, ERROR_NO_SUCH_DOMAIN},
    {"sam_to_upn", false, false, NameSamCompatible, NameUserPrincipal, ERROR_NO_SUCH_DOMAIN},
    {"sam_to_display", false, false, NameSamCompatible, NameDisplay, ERROR_NO_SUCH_DOMAIN},
    {"unknown_to_sam", false, false, NameUnknown, NameSamCompatible, ERROR_NO_SUCH_DOMAIN},
    {"dn_to_canonical", false, false, NameFullyQualifiedDN, NameCanonical,
     ERROR_NO_SUCH_DOMAIN},
};

START_TEST(test_translate_name)
{
    const struct translate_case c = translate_cases[_i % 10];
    /* Loop index 0-9: workgroup P0; 10-19: P0 joined to CONTOSO. */
    if (_i >= 10) {
        tu_load_policy("policies/p0-domain.yaml");
        lsaemu_reset();
        tu_use_process("user");
    }
    for (int wide = 0; wide < 2; wide++) {
        WCHAR w[64], wname[16];
        char a[64];
        memset(w, 0x5A, sizeof w);
        memset(a, 0x5A, sizeof a);
        ULONG size = 64;
        SetLastError(0xDEAD);
        BOOLEAN ok = wide ? TranslateNameW(c.null_name ? NULL : tk_w(wname, "WS1\\alice"),
                                           (EXTENDED_NAME_FORMAT)c.from,
                                           (EXTENDED_NAME_FORMAT)c.to, w,
                                           c.null_size ? NULL : &size)
                          : TranslateNameA(c.null_name ? NULL : "WS1\\alice",
                                           (EXTENDED_NAME_FORMAT)c.from,
                                           (EXTENDED_NAME_FORMAT)c.to, a,
                                           c.null_size ? NULL : &size);
        ck_assert_msg(!ok, "%s/%d succeeded", c.name, wide);
        ck_assert_win32_eq(GetLastError(), c.error);
        ck_assert_uint_eq(size, 64);
        ck_assert_uint_eq(wide ? w[0] : (unsigned char)a[0], wide ? 0x5A5A : 0x5A);
    }
}
END_TEST

/* ---- LoadUserProfile / UnloadUserProfile -------------------------------------- */

static PROFILEINFOW profile_info(WCHAR *name)
{
    PROFILEINFOW pi;
    memset(&pi, 0, sizeof pi);
    pi.dwSize = sizeof pi;
    pi.dwFlags = PI_NOUI;
    pi.lpUserName = name;
    return pi;
}

START_TEST(test_profile_load_unload_deviation_handle)
{
    tu_use_process("admin"); /* bob, an administrator */
    HANDLE alice = logon("alice", "Alice-Pw1");
    WCHAR name[16];
    PROFILEINFOW pi = profile_info((WCHAR *)tk_w(name, "alice"));
    SetLastError(0xDEAD);
    ck_assert_msg(LoadUserProfileW(alice, &pi), "%s", lsaemu_last_reason());
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_ptr_nonnull(pi.hProfile);
    ck_assert(pi.hProfile != INVALID_HANDLE_VALUE);

    /* The handle is no kernel object: CloseHandle refuses it, as it refuses
     * a registry key; UnloadUserProfile releases it, once. */
    ck_assert(!CloseHandle(pi.hProfile));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert_msg(UnloadUserProfile(alice, pi.hProfile), "%s", lsaemu_last_reason());
    ck_assert(!UnloadUserProfile(alice, pi.hProfile));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!UnloadUserProfile(alice, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    /* A profile still loaded is a leak lsaemu_leaks() reports. */
    struct lsaemu_leaks counts;
    char *lines = NULL;
    unsigned long before = lsaemu_leaks(&counts, NULL); /* the token, its session */
    ck_assert_uint_eq(counts.profile_handles, 0);
    ck_assert(LoadUserProfileW(alice, &pi));
    ck_assert_uint_eq(lsaemu_leaks(&counts, &lines), before + 1);
    ck_assert_uint_eq(counts.profile_handles, 1);
    ck_assert_ptr_nonnull(strstr(lines, "user profile handle"));
    lsaemu_free(lines);
    ck_assert(UnloadUserProfile(alice, pi.hProfile));
    ck_assert_uint_eq(lsaemu_leaks(&counts, NULL), before);
    ck_assert_uint_eq(counts.profile_handles, 0);

    /* The token's user decides, not lpUserName; the A form too. */
    PROFILEINFOA pa;
    memset(&pa, 0, sizeof pa);
    pa.dwSize = sizeof pa;
    pa.lpUserName = (char *)"somebody-else";
    ck_assert_msg(LoadUserProfileA(alice, &pa), "%s", lsaemu_last_reason());
    ck_assert_ptr_nonnull(pa.hProfile);
    /* A token handle is no profile handle. */
    ck_assert(!UnloadUserProfile(alice, alice));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(UnloadUserProfile(alice, pa.hProfile));

    /* The caller's own token: SYSTEM's profile. */
    HANDLE self = NULL;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &self));
    pi = profile_info((WCHAR *)tk_w(name, "bob"));
    ck_assert(LoadUserProfileW(self, &pi));
    ck_assert(UnloadUserProfile(self, pi.hProfile));
    ck_assert(CloseHandle(self));
    ck_assert(CloseHandle(alice));
    ck_assert_uint_eq(sizeof(PROFILEINFOW), 56); /* x64 (i13-facts B16) */
}
END_TEST

enum profile_bad { BAD_INFO_NULL, BAD_SIZE_SMALL, BAD_SIZE_BIG, BAD_NAME_NULL, BAD_TOKEN_MADE_UP,
                   BAD_TOKEN_PSEUDO, BAD_TOKEN_NULL, BAD_TOKEN_QUERY_ONLY,
                   BAD_TOKEN_NO_DUPLICATE, BAD_CALLER_NOT_ADMIN, BAD_CALLER_NOT_ADMIN_IMPERSONATING,
                   BAD_COUNT };

struct profile_bad_case {
    const char *name;
    DWORD error;
};

/* Indexed by enum profile_bad. */
static const struct profile_bad_case profile_bad_cases[] = {
    {"info_null", ERROR_INVALID_PARAMETER},
    {"size_small", ERROR_INVALID_PARAMETER}, /* dwSize != sizeof(PROFILEINFO) */
    {"size_big", ERROR_INVALID_PARAMETER},
    {"name_null", ERROR_INVALID_PARAMETER}, /* lpUserName is NULL */
    {"token_made_up", ERROR_INVALID_HANDLE},
    {"token_pseudo", ERROR_INVALID_HANDLE},
    {"token_null", ERROR_INVALID_HANDLE},
    /* TOKEN_QUERY | TOKEN_IMPERSONATE | TOKEN_DUPLICATE are needed. */
    {"token_query_only", ERROR_ACCESS_DENIED},
    {"token_no_duplicate", ERROR_ACCESS_DENIED},
    /* GUESS_PROFILE_NOT_ADMIN_ERROR; "it is not sufficient to merely
     * impersonate" an administrator. */
    {"caller_not_admin", ERROR_ACCESS_DENIED},
    {"caller_not_admin_impersonating", ERROR_ACCESS_DENIED},
};

START_TEST(test_profile_failures)
{
    const struct profile_bad_case *c = &profile_bad_cases[_i];
    bool admin = _i != BAD_CALLER_NOT_ADMIN && _i != BAD_CALLER_NOT_ADMIN_IMPERSONATING;
    tu_use_process(admin ? "admin" : "user");
    HANDLE alice = logon("alice", "Alice-Pw1"), bob = NULL, token = alice, limited = NULL;
    WCHAR name[16];
    PROFILEINFOW pi = profile_info((WCHAR *)tk_w(name, "alice"));
    PROFILEINFOW *arg = &pi;
    switch ((enum profile_bad)_i) {
    case BAD_INFO_NULL:
        arg = NULL;
        break;
    case BAD_SIZE_SMALL:
        pi.dwSize = sizeof pi - 1;
        break;
    case BAD_SIZE_BIG:
        pi.dwSize = sizeof pi + 8;
        break;
    case BAD_NAME_NULL:
        pi.lpUserName = NULL;
        break;
    case BAD_TOKEN_MADE_UP:
        token = (HANDLE)(uintptr_t)0x1234;
        break;
    case BAD_TOKEN_PSEUDO:
        token = GetCurrentProcess();
        break;
    case BAD_TOKEN_NULL:
        token = NULL;
        break;
    case BAD_TOKEN_QUERY_ONLY:
    case BAD_TOKEN_NO_DUPLICATE:
        ck_assert(OpenProcessToken(GetCurrentProcess(),
                                   _i == BAD_TOKEN_QUERY_ONLY
                                       ? TOKEN_QUERY
                                       : TOKEN_QUERY | TOKEN_IMPERSONATE,
                                   &limited));
        token = limited;
        break;
    case BAD_CALLER_NOT_ADMIN:
        break;
    case BAD_CALLER_NOT_ADMIN_IMPERSONATING:
        bob = logon("bob", "Bob-Pw1");
        ck_assert(ImpersonateLoggedOnUser(bob));
        break;
    case BAD_COUNT:
        break;
    }
    SetLastError(0xDEAD);
    ck_assert_msg(!LoadUserProfileW(token, arg), "%s succeeded", c->name);
    ck_assert_win32_eq(GetLastError(), c->error);
    ck_assert_ptr_null(pi.hProfile);
    if (bob) {
        ck_assert(RevertToSelf());
        ck_assert(CloseHandle(bob));
    }
    if (limited)
        ck_assert(CloseHandle(limited));
    ck_assert(CloseHandle(alice));
}
END_TEST

/* An administrator whose token lacks SeBackupPrivilege:
 * GUESS_PROFILE_NO_PRIVILEGE_ERROR. */
START_TEST(test_profile_no_backup_privilege)
{
    tu_load_policy_text("lsaemu: 1\n"
                        "machine: { name: WS2, sid: S-1-5-21-7-8-9, role: workstation }\n"
                        "accounts:\n"
                        "  ann: { password: \"Ann-Pw1\", rid: 1001, groups: [Administrators] }\n"
                        "rights:\n"
                        "  SeBackupPrivilege: []\n"
                        "processes:\n"
                        "  default: { account: ann }\n");
    lsaemu_reset();
    tu_use_process("default");
    HANDLE self = NULL;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &self));
    ck_assert_int_eq(tk_priv(self, 17), -1);  /* SeBackupPrivilege absent */
    ck_assert_int_ne(tk_priv(self, 18), -1);  /* SeRestorePrivilege held */
    WCHAR name[16];
    PROFILEINFOW pi = profile_info((WCHAR *)tk_w(name, "ann"));
    SetLastError(0xDEAD);
    ck_assert(!LoadUserProfileW(self, &pi));
    ck_assert_win32_eq(GetLastError(), ERROR_PRIVILEGE_NOT_HELD);
    ck_assert_ptr_null(pi.hProfile);
    ck_assert(CloseHandle(self));
}
END_TEST

START_TEST(test_unload_bad_token)
{
    tu_use_process("admin");
    HANDLE alice = logon("alice", "Alice-Pw1");
    WCHAR name[16];
    PROFILEINFOW pi = profile_info((WCHAR *)tk_w(name, "alice"));
    ck_assert(LoadUserProfileW(alice, &pi));
    SetLastError(0xDEAD);
    ck_assert(!UnloadUserProfile((HANDLE)(uintptr_t)0x1234, pi.hProfile));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!UnloadUserProfile(NULL, pi.hProfile));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    /* Nothing was released by the failures. */
    ck_assert(UnloadUserProfile(alice, pi.hProfile));
    ck_assert(CloseHandle(alice));
}
END_TEST

/* ---- the DLLs export them --------------------------------------------------- */

/* GetProcAddress(mod, "name") is the function name. */
#define SAME_FN(mod, name) ck_assert((uintptr_t)GetProcAddress(mod, #name) == (uintptr_t)&name)

START_TEST(test_get_proc_address)
{
    HMODULE userenv = LoadLibraryA("userenv.dll"), secur32 = LoadLibraryA("secur32.dll");
    ck_assert_ptr_nonnull(userenv);
    ck_assert_ptr_nonnull(secur32);
    SAME_FN(userenv, LoadUserProfileW);
    SAME_FN(userenv, LoadUserProfileA);
    SAME_FN(userenv, UnloadUserProfile);
    SAME_FN(secur32, GetUserNameExW);
    SAME_FN(secur32, GetUserNameExA);
    SAME_FN(secur32, TranslateNameW);
    SAME_FN(secur32, TranslateNameA);
    /* strsafe's functions are inline in the SDK: no DLL exports them. */
    ck_assert_ptr_null(GetProcAddress(secur32, "StringCchCopyW"));
    ck_assert_win32_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
}
END_TEST

static Suite *userenv_secext_suite(void)
{
    Suite *s = suite_create("userenv_secext");
    TCase *t = tcase_create("user_name_ex");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_loop_test(t, test_user_name_ex_formats, 0,
                        (int)(sizeof format_cases / sizeof *format_cases));
    tcase_add_loop_test(t, test_user_name_ex_sizes, 0,
                        (int)(sizeof size_cases / sizeof *size_cases));
    tcase_add_test(t, test_user_name_ex_identities);
    tcase_add_test(t, test_deviation_null_size);
    suite_add_tcase(s, t);
    t = tcase_create("translate_name");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_loop_test(t, test_translate_name, 0, 20);
    suite_add_tcase(s, t);
    t = tcase_create("profile");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_test(t, test_profile_load_unload_deviation_handle);
    tcase_add_loop_test(t, test_profile_failures, 0, BAD_COUNT);
    tcase_add_test(t, test_profile_no_backup_privilege);
    tcase_add_test(t, test_unload_bad_token);
    tcase_add_test(t, test_get_proc_address);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run_suite(userenv_secext_suite());
}
