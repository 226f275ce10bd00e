/* SPDX-License-Identifier: MIT */
/*
 * libloaderapi.h - LoadLibrary, GetProcAddress, FreeLibrary for code that
 * looks the LSA functions up at run time.
 *
 * The "modules" are secur32.dll, sspicli.dll, advapi32.dll, ntdll.dll,
 * kernel32.dll, kernelbase.dll and userenv.dll (any case, with or without a directory
 * or the .dll suffix). Each handle's GetProcAddress finds every Windows
 * function liblsaemu emulates, whichever real DLL exports it (Deviation:
 * Windows would find LsaLogonUser only in secur32/sspicli). The handles are
 * fixed values that stay valid for the life of the process, like those of
 * system DLLs a program links against: FreeLibrary always succeeds on them.
 * Other names fail with ERROR_MOD_NOT_FOUND (126); unknown functions and
 * ordinals with ERROR_PROC_NOT_FOUND (127).
 */
#ifndef LSAEMU_INCLUDE_LIBLOADERAPI_H
#define LSAEMU_INCLUDE_LIBLOADERAPI_H

#include "windef.h"

#define DONT_RESOLVE_DLL_REFERENCES 0x00000001
#define LOAD_LIBRARY_AS_DATAFILE 0x00000002
#define LOAD_WITH_ALTERED_SEARCH_PATH 0x00000008
#define LOAD_IGNORE_CODE_AUTHZ_LEVEL 0x00000010
#define LOAD_LIBRARY_AS_IMAGE_RESOURCE 0x00000020
#define LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE 0x00000040
#define LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR 0x00000100
#define LOAD_LIBRARY_SEARCH_APPLICATION_DIR 0x00000200
#define LOAD_LIBRARY_SEARCH_USER_DIRS 0x00000400
#define LOAD_LIBRARY_SEARCH_SYSTEM32 0x00000800
#define LOAD_LIBRARY_SEARCH_DEFAULT_DIRS 0x00001000

#ifdef __cplusplus
extern "C" {
#endif

LSAEMU_IMPORT WINBASEAPI HMODULE WINAPI LoadLibraryA(_In_ LPCSTR lpLibFileName);
LSAEMU_IMPORT WINBASEAPI HMODULE WINAPI LoadLibraryW(_In_ LPCWSTR lpLibFileName);
/* hFile must be NULL; dwFlags are accepted and ignored. */
LSAEMU_IMPORT WINBASEAPI HMODULE WINAPI LoadLibraryExA(_In_ LPCSTR lpLibFileName,
                                                       _Reserved_ HANDLE hFile,
                                                       _In_ DWORD dwFlags);
LSAEMU_IMPORT WINBASEAPI HMODULE WINAPI LoadLibraryExW(_In_ LPCWSTR lpLibFileName,
                                                       _Reserved_ HANDLE hFile,
                                                       _In_ DWORD dwFlags);
/* The same handles as LoadLibrary; NULL names the program, whose
 * GetProcAddress finds nothing. */
LSAEMU_IMPORT WINBASEAPI HMODULE WINAPI GetModuleHandleA(_In_opt_ LPCSTR lpModuleName);
LSAEMU_IMPORT WINBASEAPI HMODULE WINAPI GetModuleHandleW(_In_opt_ LPCWSTR lpModuleName);
LSAEMU_IMPORT WINBASEAPI FARPROC WINAPI GetProcAddress(_In_ HMODULE hModule,
                                                       _In_ LPCSTR lpProcName);
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI FreeLibrary(_In_ HMODULE hLibModule);

#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define LoadLibrary LoadLibraryW
#define LoadLibraryEx LoadLibraryExW
#define GetModuleHandle GetModuleHandleW
#else
#define LoadLibrary LoadLibraryA
#define LoadLibraryEx LoadLibraryExA
#define GetModuleHandle GetModuleHandleA
#endif

#endif
