/* SPDX-License-Identifier: MIT */
/*
 * An ordinary Linux program (32-bit wchar_t, `pkg-config --cflags --libs
 * lsaemu`) that includes <windows.h>: glibc's wcslen and swprintf must be
 * untouched, and so must printf, and WCHAR strings (u"...") use lstrlenW
 * and lsaemu_wcslen16.
 * Compiled by tests/check-win32-compile.sh with -Wall -Wextra -Werror.
 */
#include <windows.h>
#include <ntsecapi.h>

#include <stdio.h>
#include <wchar.h>

int main(void)
{
    wchar_t buf[32];
    if (sizeof(wchar_t) != 4 || wcslen(L"h\u00e9llo") != 5)
        return 1;
    /* glibc's swprintf: %ls is a 32-bit wchar_t string. */
    if (swprintf(buf, 32, L"%ls-%d", L"x", 7) != 3 || wcscmp(buf, L"x-7") != 0)
        return 2;
    const WCHAR *w = u"SeTcbPrivilege";
    if (lstrlenW(w) != 14 || lsaemu_wcslen16(w) != 14 || _wcsicmp(w, u"SETCBPRIVILEGE") != 0)
        return 3;
    WCHAR out[32];
    if (lsaemu_swprintf16(out, 32, u"%s=%lu", w, (DWORD)7) != 16)
        return 4;
#if defined(printf) || defined(snprintf) || defined(LSAEMU_PRINTF_NAMES)
    return 5; /* the printf family is renamed only in lsaemu-win32 mode */
#endif
    char narrow[32];
    WideCharToMultiByte(CP_UTF8, 0, out, -1, narrow, sizeof narrow, NULL, NULL);
    printf("%s\n", narrow);
    return 0;
}
