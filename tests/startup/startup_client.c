/* SPDX-License-Identifier: MIT */
/*
 * A client for tests/check-startup.sh that makes Windows calls only: no
 * lsaemu_* function, so nothing but the library's initialisation can give
 * the core the policy LSAEMU_POLICY names (lib/control/control.h). It
 * prints what the machine looks like: its name, and how alice's
 * interactive logon with tests/policies/p0.yaml's password fares.
 */
#include <stdio.h>

#include <windows.h>

static void wide(WCHAR *dst, const char *s)
{
    while ((*dst++ = (WCHAR)(unsigned char)*s++))
        ;
}

int main(void)
{
    WCHAR name[64], user[16], domain[4], password[16];
    char narrow[64];
    DWORD size = sizeof name / sizeof name[0];
    HANDLE token = NULL;

    if (GetComputerNameW(name, &size)) {
        size_t i = 0;
        for (; i < size && i < sizeof narrow - 1; i++)
            narrow[i] = (char)name[i];
        narrow[i] = '\0';
        printf("computer %s\n", narrow);
    } else {
        printf("computer error %lu\n", (unsigned long)GetLastError());
    }
    wide(user, "alice");
    wide(domain, ".");
    wide(password, "Alice-Pw1");
    if (LogonUserW(user, domain, password, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                   &token)) {
        printf("logon alice: ok\n");
        CloseHandle(token);
    } else {
        printf("logon alice: error %lu\n", (unsigned long)GetLastError());
    }
    return 0;
}
