/* SPDX-License-Identifier: MIT */
/*
 * Windows-style code that prints wide strings and Windows integer types
 * with the NARROW printf family: printf("%ls"), printf("%S"), %ws, %wZ, %Z,
 * %lu on a DWORD, %I64u, snprintf / _snprintf / sprintf_s, and a vfprintf
 * logging helper. Built by tests/check-win32-compile.sh with `pkg-config
 * --cflags --libs lsaemu-win32` and -Wall -Wextra -Werror twice: with
 * <stdio.h> included before <windows.h> (-DLSAEMU_TEST_STDIO_FIRST) and
 * after it. Both orders must give the same output.
 */
#ifdef LSAEMU_TEST_STDIO_FIRST
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#endif

#include <Windows.h>
#include <NTSecAPI.h>
#include <LM.h>
#include <winternl.h>

#ifndef LSAEMU_TEST_STDIO_FIRST
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#endif
#include <stdarg.h>

static void Log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
}

int main(void)
{
    WCHAR user[UNLEN + 1], name[MAX_PATH];
    DWORD cch = ARRAYSIZE(user);
    if (!GetUserNameW(user, &cch))
        return 10;
    cch = ARRAYSIZE(name);
    if (!GetComputerNameW(name, &cch))
        return 11;

    printf("user %ls\n", user);
    printf("computer %S\n", name);
    fprintf(stdout, "%ws has %lu characters\n", user, (DWORD)wcslen(user));

    DWORD err = ERROR_LOGON_TYPE_NOT_GRANTED;
    LONG neg = -5;
    ULONGLONG big = 5000000000ull;
    printf("error %lu (0x%08lX), %ld\n", err, err, neg);
    printf("big %I64u %llu %I64X\n", big, big, big);

    UNICODE_STRING us;
    ANSI_STRING as;
    RtlInitUnicodeString(&us, L"Negotiate");
    RtlInitAnsiString(&as, "Kerberos");
    printf("packages %wZ %Z\n", &us, &as);

    char buf[64];
    int n = snprintf(buf, sizeof buf, "%ls-%lu", L"caf\u00e9", err);
    printf("snprintf %d [%s]\n", n, buf);
    n = _snprintf(buf, 4, "%s", "truncated");
    printf("_snprintf %d\n", n);
    n = sprintf_s(buf, sizeof buf, "%S", L"secure");
    printf("sprintf_s %d [%s]\n", n, buf);
    sprintf(buf, "%c%C", 'n', L'\u00e9');
    printf("sprintf [%s]\n", buf);
    Log("vfprintf %ls %lu\n", L"log", err);

    WCHAR line[32], *ctx = NULL;
    wcscpy(line, L"alice,bob");
    WCHAR *first = wcstok(line, L",", &ctx);
    WCHAR *second = wcstok(NULL, L",", &ctx);
    printf("tokens %ls %ls\n", first, second);
    char mb[16];
    size_t conv = 0;
    if (wcstombs_s(&conv, mb, sizeof mb, _wcsupr(second), _TRUNCATE) != 0)
        return 12;
    printf("upper %s (%Iu bytes)\n", mb, conv);
    return 0;
}
