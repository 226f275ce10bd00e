/* SPDX-License-Identifier: MIT */
/* Windows code that defines its own dprintf, getline, strsep and random
 * with its own signatures after <windows.h>: names that glibc declares but
 * Windows' headers do not (lsaemu_posix_names.h). tests/check-client-names.sh
 * compiles it in both wchar_t modes, as C and C++. */
#include <windows.h>

static int debug_level = 1;

/* The debug printer many Windows programs define. */
static void dprintf(const char *where, DWORD code)
{
    if (where[0])
        debug_level += (int)code;
}

static int getline(void)
{
    return 42;
}

static char *strsep(char *s)
{
    return s;
}

static long random(long bound)
{
    return bound / 2;
}

int main(void)
{
    char s[2] = "x";
    dprintf("main", 5);
    return getline() + (int)random(4) + (strsep(s) != s) - 44;
}
