/* SPDX-License-Identifier: MIT */
/*
 * LoadLibrary / GetModuleHandle / GetProcAddress / FreeLibrary
 * (libloaderapi.h), for Windows code that finds the LSA functions at run
 * time instead of linking them.
 *
 * Module handles are fixed pseudo-values: the addresses of the entries of
 * `modules` below, not handle-table entries. The DLLs they stand for are
 * system DLLs a Windows process has loaded for good (a program linking
 * Secur32 pins them), so a handle never goes stale, LoadLibrary needs no
 * reference count and FreeLibrary always succeeds on one. Every module
 * resolves every emulated function (the generated proc_table), whichever
 * DLL exports it on Windows (Deviation, documented in libloaderapi.h).
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "win32/api.h"
#include "core/diag/reason.h"
#include "core/model/status.h"
#include "win32/kernel32/proc_table.h"
#include "core/diag/trace.h"
#include "base/utf.h"
#include <libloaderapi.h>

struct module {
    const char *name; /* lower case, with .dll; NULL for the program */
};

static const struct module modules[] = {
    {"secur32.dll"}, {"sspicli.dll"},  {"advapi32.dll"},
    {"ntdll.dll"},   {"kernel32.dll"}, {"kernelbase.dll"},
    {"userenv.dll"}, /* issue 13: LoadUserProfile */
};
/* GetModuleHandle(NULL): the program, which exports nothing here. */
static const struct module program = {NULL};

#define N_MODULES (sizeof modules / sizeof modules[0])

/* The longest W module name read, in UTF-16 units. */
#define UTF8_OF_MAX 32767

static HMODULE handle_of(const struct module *m)
{
    return (HMODULE)(uintptr_t)m;
}

/* NULL stands for the program, as in GetProcAddress(NULL, name). */
static const struct module *module_of(HMODULE h)
{
    if (!h)
        return &program;
    for (size_t i = 0; i < N_MODULES; i++)
        if (h == handle_of(&modules[i]))
            return &modules[i];
    return h == handle_of(&program) ? &program : NULL;
}

/* The module a file name names: directory dropped, case ignored, ".dll"
 * added when the name has no extension (the loader's rules). */
static const struct module *find_module(const char *path)
{
    const char *base = path;
    for (const char *p = path; *p; p++)
        if (*p == '\\' || *p == '/')
            base = p + 1;
    char want[64];
    size_t n = strlen(base);
    if (n == 0 || n + 5 > sizeof want)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        want[i] = (char)(base[i] >= 'A' && base[i] <= 'Z' ? base[i] + 32 : base[i]);
    if (!strchr(want, '.'))
        strcat(want, ".dll");
    for (size_t i = 0; i < N_MODULES; i++)
        if (strcmp(want, modules[i].name) == 0)
            return &modules[i];
    return NULL;
}

/* Shared by the A/W and Ex forms; name is UTF-8 or NULL (ptr: NULL allowed
 * for GetModuleHandle only); wide is the W forms' original, which the trace
 * shows (an unpaired surrogate included), or NULL. */
static HMODULE load(const char *fn, const char *name, LPCWSTR wide, bool null_is_program,
                    HANDLE hFile)
{
    struct api_call c;
    HMODULE h = NULL;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("\"%s\"", wide ? trace_wstrz(wide, UTF8_OF_MAX) : name ? name : "(null)");
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
    } else if (hFile) {
        reason_set("hFile is reserved and must be NULL");
        api_set_last_error(ERROR_INVALID_PARAMETER);
        st = STATUS_INVALID_PARAMETER;
    } else if (!name && null_is_program) {
        reason_set("NULL names the program itself");
        h = handle_of(&program);
    } else if (!name) {
        reason_set("the module name is NULL");
        api_set_last_error(ERROR_INVALID_PARAMETER);
        st = STATUS_INVALID_PARAMETER;
    } else {
        const struct module *m = find_module(name);
        if (m) {
            reason_set("'%s' is the emulated %s", name, m->name);
            h = handle_of(m);
        } else {
            reason_set("'%s' is not one of the DLLs lsaemu emulates (secur32, sspicli, "
                       "advapi32, ntdll, kernel32, kernelbase, userenv)",
                       name);
            api_set_last_error(ERROR_MOD_NOT_FOUND);
            st = STATUS_DLL_NOT_FOUND;
        }
    }
    api_leave(&c, st);
    return h;
}

static char *utf8_of(LPCWSTR s)
{
    return s ? utf16_to_utf8(s, utf16_len(s, UTF8_OF_MAX)) : NULL;
}

LSAEMU_EXPORT HMODULE WINAPI LoadLibraryA(LPCSTR lpLibFileName)
{
    return load("LoadLibraryA", lpLibFileName, NULL, false, NULL);
}

LSAEMU_EXPORT HMODULE WINAPI LoadLibraryExA(LPCSTR lpLibFileName, HANDLE hFile, DWORD dwFlags)
{
    return load("LoadLibraryExA", lpLibFileName, NULL, false, hFile);
}

LSAEMU_EXPORT HMODULE WINAPI GetModuleHandleA(LPCSTR lpModuleName)
{
    return load("GetModuleHandleA", lpModuleName, NULL, true, NULL);
}

static HMODULE load_w(const char *fn, LPCWSTR name, bool null_is_program, HANDLE hFile)
{
    char *u = utf8_of(name);
    if (name && !u) {
        api_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    HMODULE h = load(fn, u, name, null_is_program, hFile);
    mem_free(u);
    return h;
}

LSAEMU_EXPORT HMODULE WINAPI LoadLibraryW(LPCWSTR lpLibFileName)
{
    return load_w("LoadLibraryW", lpLibFileName, false, NULL);
}

LSAEMU_EXPORT HMODULE WINAPI LoadLibraryExW(LPCWSTR lpLibFileName, HANDLE hFile, DWORD dwFlags)
{
    return load_w("LoadLibraryExW", lpLibFileName, false, hFile);
}

LSAEMU_EXPORT HMODULE WINAPI GetModuleHandleW(LPCWSTR lpModuleName)
{
    return load_w("GetModuleHandleW", lpModuleName, true, NULL);
}

static int by_name(const void *key, const void *entry)
{
    return strcmp(key, ((const struct proc_entry *)entry)->name);
}

LSAEMU_EXPORT FARPROC WINAPI GetProcAddress(HMODULE hModule, LPCSTR lpProcName)
{
    struct api_call c;
    FARPROC fn = NULL;
    /* A "name" below 64K is an ordinal (MAKEINTRESOURCE), never a pointer. */
    bool ordinal = (uintptr_t)lpProcName < 0x10000;
    NTSTATUS st = api_enter(&c, "GetProcAddress", NULL);
    if (ordinal)
        trace_args("%p, #%u", (void *)hModule, (unsigned)(uintptr_t)lpProcName);
    else
        trace_args("%p, \"%s\"", (void *)hModule, lpProcName);
    const struct module *m = st == STATUS_SUCCESS ? module_of(hModule) : NULL;
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
    } else if (!m) {
        reason_set("%p is not a module handle from LoadLibrary or GetModuleHandle",
                   (void *)hModule);
        api_set_last_error(ERROR_MOD_NOT_FOUND);
        st = STATUS_DLL_NOT_FOUND;
    } else if (ordinal) {
        reason_set("lsaemu's modules export nothing by ordinal");
        api_set_last_error(ERROR_PROC_NOT_FOUND);
        st = STATUS_ORDINAL_NOT_FOUND;
    } else {
        const struct proc_entry *e =
            m->name ? bsearch(lpProcName, proc_table, proc_table_count, sizeof *proc_table, by_name)
                    : NULL;
        if (e) {
            reason_set("%s is emulated", e->name);
            /* Function pointers convert to each other; the caller casts
             * back to the real type, as on Windows. */
            fn = (FARPROC)e->fn;
        } else {
            reason_set("%s does not export '%s' in lsaemu (not an emulated function)",
                       m->name ? m->name : "the program", lpProcName);
            api_set_last_error(ERROR_PROC_NOT_FOUND);
            st = STATUS_ENTRYPOINT_NOT_FOUND;
        }
    }
    api_leave(&c, st);
    return fn;
}

LSAEMU_EXPORT BOOL WINAPI FreeLibrary(HMODULE hLibModule)
{
    struct api_call c;
    BOOL ok = FALSE;
    NTSTATUS st = api_enter(&c, "FreeLibrary", NULL);
    trace_args("%p", (void *)hLibModule);
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
    } else if (!module_of(hLibModule) || module_of(hLibModule) == &program) {
        /* Guess: the loader answers an unknown base with STATUS_DLL_NOT_FOUND. */
        reason_set("%p is not a module handle from LoadLibrary", (void *)hLibModule);
        api_set_last_error(ERROR_MOD_NOT_FOUND);
        st = STATUS_DLL_NOT_FOUND;
    } else {
        reason_set("system DLLs stay loaded; the handle remains valid");
        ok = TRUE;
    }
    return api_leave_bool_as(&c, st, ok);
}
