/* SPDX-License-Identifier: MIT */
/*
 * The narrow string functions of Microsoft's C runtime that glibc lacks
 * under these names (lsaemu_crt.h): _stricmp, _strnicmp, _strdup, _strlwr,
 * _strupr. Like the CRT in its "C" locale they fold A-Z and a-z only, and
 * the comparisons return the difference of the first differing folded
 * bytes (as unsigned char). Their rules for NULL are the C runtime
 * reference's (stricmp-wcsicmp-mbsicmp..., strnicmp-..., strdup-wcsdup-
 * mbsdup, strlwr-..., strupr-...).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "base/export.h"
#include "base/mem.h"
#include "crt/crt_internal.h"

static int fold(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

LSAEMU_EXPORT int lsaemu_strnicmp(const char *a, const char *b, size_t n)
{
    if (!a || !b) {
        crt_invalid(EINVAL);
        return _NLSCMPERROR;
    }
    for (size_t i = 0; i < n; i++) {
        int x = fold((unsigned char)a[i]), y = fold((unsigned char)b[i]);
        if (x != y || !x)
            return x - y;
    }
    return 0;
}

LSAEMU_EXPORT int lsaemu_stricmp(const char *a, const char *b)
{
    return lsaemu_strnicmp(a, b, SIZE_MAX);
}

/* The caller frees the copy with free() (lsaemu_crt.h). */
LSAEMU_EXPORT char *lsaemu_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = mem_malloc_unowned(n);
    if (!d) {
        errno = ENOMEM;
        return NULL;
    }
    return memcpy(d, s, n);
}

LSAEMU_EXPORT char *lsaemu_strlwr(char *s)
{
    if (!s) {
        crt_invalid(EINVAL);
        return NULL;
    }
    for (char *p = s; *p; p++)
        *p = (char)fold((unsigned char)*p);
    return s;
}

LSAEMU_EXPORT char *lsaemu_strupr(char *s)
{
    if (!s) {
        crt_invalid(EINVAL);
        return NULL;
    }
    for (char *p = s; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    return s;
}
