/* SPDX-License-Identifier: MIT */
/*
 * LoadLibrary / GetModuleHandle / GetProcAddress / FreeLibrary: the module
 * names lsaemu answers to, in any case and spelling, the functions found
 * through them (the table generated from liblsaemu.sym), and the errors.
 */
#include <string.h>

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <ntsecapi.h>
#include <winternl.h>

#include "win32/kernel32/proc_table.h"
#include "testutil.h"

#define W(s) LSAEMU_WIDE(s)
/* FARPROC <-> real function type, the way Windows code casts. */
#define AS_FARPROC(f) ((FARPROC)(void (*)(void))(f))

START_TEST(test_names)
{
    static const char *const secur32[] = {
        "secur32.dll", "SECUR32.DLL", "Secur32.dll", "secur32",
        "C:\\Windows\\System32\\secur32.dll", "c:/windows/system32/SeCuR32.DlL",
    };
    HMODULE h = LoadLibraryA("secur32.dll");
    ck_assert_ptr_nonnull(h);
    for (size_t i = 0; i < sizeof secur32 / sizeof secur32[0]; i++)
        ck_assert_ptr_eq(LoadLibraryA(secur32[i]), h);
    static const char *const others[] = {"sspicli.dll", "advapi32.dll", "ntdll.dll",
                                         "kernel32.dll", "KernelBase.dll"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        HMODULE o = LoadLibraryA(others[i]);
        ck_assert_msg(o != NULL, "%s", others[i]);
        ck_assert_ptr_ne(o, h);
    }
    ck_assert_ptr_eq(LoadLibraryW(W("AdvApi32.DLL")), LoadLibraryA("advapi32.dll"));
    ck_assert_ptr_eq(LoadLibraryExW(W("sspicli.dll"), NULL, LOAD_LIBRARY_SEARCH_SYSTEM32),
                     LoadLibraryA("SSPICLI"));
    ck_assert_ptr_eq(LoadLibraryExA("ntdll.dll", NULL, 0), LoadLibraryA("ntdll"));
    ck_assert_ptr_eq(GetModuleHandleW(W("ntdll")), LoadLibraryA("ntdll.dll"));
    ck_assert_ptr_eq(GetModuleHandleA("SECUR32.dll"), h);
}
END_TEST

START_TEST(test_unknown_module)
{
    SetLastError(0);
    ck_assert_ptr_null(LoadLibraryA("kerberos.dll"));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_null(LoadLibraryW(W("secur32.dll.bak")));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_null(LoadLibraryA(""));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_null(LoadLibraryA("secur32.dll\\"));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_null(GetModuleHandleA("user32.dll"));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_null(LoadLibraryA(NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(LoadLibraryExA("secur32.dll", (HANDLE)(uintptr_t)4, 0));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

typedef NTSTATUS(NTAPI *connect_fn)(PHANDLE);
typedef NTSTATUS(NTAPI *deregister_fn)(HANDLE);

START_TEST(test_get_proc)
{
    HMODULE h = LoadLibraryA("secur32.dll");
    SetLastError(77);
    FARPROC p = GetProcAddress(h, "LsaLogonUser");
    ck_assert_ptr_eq((void *)(uintptr_t)p, (void *)(uintptr_t)AS_FARPROC(LsaLogonUser));
    ck_assert_win32_eq(GetLastError(), 77); /* success leaves the last error alone */

    /* Call through the pointers, as a dynamically linking client does. */
    connect_fn connect = (connect_fn)(void (*)(void))GetProcAddress(h, "LsaConnectUntrusted");
    deregister_fn dereg =
        (deregister_fn)(void (*)(void))GetProcAddress(h, "LsaDeregisterLogonProcess");
    ck_assert(connect && dereg);
    HANDLE lsa = NULL;
    ck_assert_status_eq(connect(&lsa), STATUS_SUCCESS);
    ck_assert_status_eq(dereg(lsa), STATUS_SUCCESS);

    /* Every module finds every emulated function, advapi32's too. */
    HMODULE adv = LoadLibraryA("advapi32.dll");
    ck_assert_ptr_eq((void *)(uintptr_t)GetProcAddress(adv, "LsaNtStatusToWinError"),
                     (void *)(uintptr_t)AS_FARPROC(LsaNtStatusToWinError));
    ck_assert_ptr_eq((void *)(uintptr_t)GetProcAddress(adv, "GetProcAddress"),
                     (void *)(uintptr_t)AS_FARPROC(GetProcAddress));
    ck_assert_ptr_eq((void *)(uintptr_t)GetProcAddress(LoadLibraryA("ntdll"),
                                                       "RtlNtStatusToDosError"),
                     (void *)(uintptr_t)AS_FARPROC(RtlNtStatusToDosError));
}
END_TEST

START_TEST(test_proc_not_found)
{
    HMODULE h = LoadLibraryA("secur32.dll");
    static const char *const missing[] = {
        "lsalogonuser",      /* names are case-sensitive */
        "NoSuchFunction", "",
        "lsaemu_reset",      /* the control API is not a Windows export */
        "lsaemu_wcslen16",
    };
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        SetLastError(0);
        ck_assert_msg(GetProcAddress(h, missing[i]) == NULL, "%s", missing[i]);
        ck_assert_win32_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    }
    /* Ordinals (MAKEINTRESOURCE-style names) are never dereferenced. */
    ck_assert(GetProcAddress(h, (LPCSTR)(uintptr_t)1) == NULL);
    ck_assert_win32_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    /* The program exports nothing here; NULL means the program. */
    ck_assert(GetProcAddress(GetModuleHandleA(NULL), "LsaLogonUser") == NULL);
    ck_assert_win32_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    ck_assert(GetProcAddress(NULL, "LsaLogonUser") == NULL);
    ck_assert_win32_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    /* Not a module handle at all. */
    ck_assert(GetProcAddress((HMODULE)(uintptr_t)0x1000, "LsaLogonUser") == NULL);
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
}
END_TEST

START_TEST(test_free_library)
{
    HMODULE h = LoadLibraryW(W("secur32.dll"));
    ck_assert(FreeLibrary(h));
    ck_assert(FreeLibrary(h)); /* system DLLs stay loaded */
    ck_assert(GetProcAddress(h, "LsaLogonUser") != NULL);
    SetLastError(0);
    ck_assert(!FreeLibrary((HMODULE)(uintptr_t)0x1000));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert(!FreeLibrary(NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
}
END_TEST

/* The generated table: sorted, Windows names only, every entry resolvable. */
START_TEST(test_table)
{
    HMODULE h = LoadLibraryA("kernel32.dll");
    ck_assert_uint_gt(proc_table_count, 50);
    for (size_t i = 0; i < proc_table_count; i++) {
        ck_assert(strncmp(proc_table[i].name, "lsaemu_", 7) != 0);
        if (i > 0)
            ck_assert_int_lt(strcmp(proc_table[i - 1].name, proc_table[i].name), 0);
        ck_assert_msg((void *)(uintptr_t)GetProcAddress(h, proc_table[i].name) ==
                          (void *)(uintptr_t)proc_table[i].fn,
                      "%s", proc_table[i].name);
    }
}
END_TEST

START_TEST(test_fault_injection)
{
    tu_load_policy_text("lsaemu: 1\n"
                        "faults:\n"
                        "  - call: LoadLibraryW\n"
                        "    status: STATUS_DLL_NOT_FOUND\n");
    ck_assert_ptr_null(LoadLibraryW(W("secur32.dll")));
    ck_assert_win32_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_nonnull(LoadLibraryA("secur32.dll"));
}
END_TEST

static Suite *loadlib_suite(void)
{
    Suite *s = suite_create("loadlib");
    TCase *t = tcase_create("loadlib");
    tcase_add_test(t, test_names);
    tcase_add_test(t, test_unknown_module);
    tcase_add_test(t, test_get_proc);
    tcase_add_test(t, test_proc_not_found);
    tcase_add_test(t, test_free_library);
    tcase_add_test(t, test_table);
    tcase_add_test(t, test_fault_injection);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run_suite(loadlib_suite());
}
