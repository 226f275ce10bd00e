/* SPDX-License-Identifier: MIT */
/*
 * GetProcAddress in the Windows DLL (README "Windows binaries under Wine"),
 * for programs linked with lsaemu that find the LSA functions at run time
 * (LoadLibrary("secur32.dll") + GetProcAddress, as OpenSSH's and Go's do).
 *
 * There the modules are real: LoadLibrary, GetModuleHandle and FreeLibrary
 * are kernel32's, and a module handle is the system's. This GetProcAddress
 * asks kernel32 first. When kernel32 finds the name in one of the system
 * DLLs whose functions lsaemu emulates (secur32, sspicli, advapi32,
 * kernel32, kernelbase, ntdll) and lsaemu's own DLL exports the same name,
 * the answer is lsaemu's function, as if the program had linked it: so a
 * name resolves only in a DLL that exports it on Windows (unlike the native
 * build's pseudo-modules, lib/win32/kernel32/loadlib.c). Every other
 * answer, failures included, is kernel32's, with its last error. Lookups
 * by ordinal are kernel32's too.
 */
#include <stdint.h>
#include <string.h>

#include "win32/api.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/model/status.h"

/* The DLLs whose exports lsaemu replaces, lower case. */
static const wchar_t *const emulated_dlls[] = {
    L"secur32.dll", L"sspicli.dll", L"advapi32.dll", L"kernel32.dll", L"kernelbase.dll", L"ntdll.dll",
};

/* Is h one of emulated_dlls? By its file name, wherever it was loaded from
 * (a drop-in secur32.dll next to the program counts too). */
static bool emulated_module(HMODULE h)
{
    wchar_t path[MAX_PATH + 1];
    DWORD n = GetModuleFileNameW(h, path, MAX_PATH);
    if (n == 0 || n >= MAX_PATH)
        return false;
    path[n] = 0;
    const wchar_t *base = path;
    for (const wchar_t *p = path; *p; p++)
        if (*p == L'\\' || *p == L'/')
            base = p + 1;
    for (size_t i = 0; i < sizeof emulated_dlls / sizeof emulated_dlls[0]; i++)
        if (_wcsicmp(base, emulated_dlls[i]) == 0)
            return true;
    return false;
}

/* lsaemu's own module: the DLL this function is in. */
static HMODULE self(void)
{
    HMODULE h = NULL;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                           GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCWSTR)(void *)emulated_module, &h);
    return h;
}

LSAEMU_EXPORT FARPROC WINAPI LSAEMU_W(GetProcAddress)(HMODULE hModule, LPCSTR lpProcName)
{
    FARPROC sys = GetProcAddress(hModule, lpProcName);
    DWORD err = GetLastError();
    /* A "name" below 64K is an ordinal (MAKEINTRESOURCE), never a pointer. */
    if (!sys || (uintptr_t)lpProcName < 0x10000 || !emulated_module(hModule)) {
        SetLastError(err);
        return sys;
    }
    HMODULE me = self();
    FARPROC own = me ? GetProcAddress(me, lpProcName) : NULL;
    if (!own) {
        SetLastError(err);
        return sys;
    }
    struct api_call c;
    NTSTATUS st = api_enter(&c, "GetProcAddress", NULL);
    trace_args("%p, \"%s\"", (void *)hModule, lpProcName);
    if (st != STATUS_SUCCESS) {
        /* Broken policy or an injected fault, as for any emulated call. */
        api_set_last_error(status_to_win32(st));
        own = NULL;
    } else {
        reason_set("%s is emulated", lpProcName);
        SetLastError(err);
    }
    api_leave(&c, st);
    return own;
}
