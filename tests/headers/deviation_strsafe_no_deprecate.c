/* SPDX-License-Identifier: MIT */
/* Deviation (strsafe.h): the SDK's strsafe.h refuses strcpy, strcat and
 * sprintf after it unless STRSAFE_NO_DEPRECATE is defined; lsaemu's
 * behaves as if it were, so this compiles (tests/check-client-names.sh). */
#include <windows.h>
#include <strsafe.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char a[16];
    WCHAR w[16];
    strcpy(a, "a");
    strcat(a, "b");
    sprintf(a + 2, "%d", 1);
    return (int)strlen(a) - 3 + (StringCchCopyW(w, 16, L"x") == S_OK ? 0 : 1);
}
