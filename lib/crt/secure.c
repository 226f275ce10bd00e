/* SPDX-License-Identifier: MIT */
/*
 * The secure copies of Microsoft's C runtime (lsaemu_crt.h): strcpy_s,
 * strcat_s, strncpy_s, strncat_s and their wcs*_s forms on 16-bit WCHARs,
 * memcpy_s, memmove_s, wmemcpy_s, wmemmove_s.
 *
 * The narrow and wide forms follow the same rules, so each rule is written
 * once over "elements" of one byte or one WCHAR. The rules, the order of
 * the checks and what is left in dst on each failure are Microsoft's
 * documentation's (strcpy-s-wcscpy-s-mbscpy-s, strcat-s-wcscat-s-mbscat-s,
 * strncpy-s-..., strncat-s-..., memcpy-s-wmemcpy-s, memmove-s-wmemmove-s
 * in the C runtime reference) and what Wine's conformance tests observed
 * on Windows (dlls/msvcrt/tests/string.c test_strcpy_s, test_wcscpy_s,
 * test_memcpy_s; dlls/msvcr90/tests/msvcr90.c test_wcsncat_s): a size of 0
 * is EINVAL and leaves dst alone; wcsncat_s(dst, 4, NULL, 0) succeeds;
 * memcpy_s zeroes dst on both of its failures and keeps errno on success.
 * Every failure goes through crt_invalid() (the handler, then errno).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base/export.h"
#include "crt/crt_internal.h"

/* Element i of a byte (unit 1) or WCHAR (unit 2) string. */
static unsigned elem(const void *p, size_t unit, size_t i)
{
    return unit == 1 ? ((const unsigned char *)p)[i] : ((const WCHAR *)p)[i];
}

static void terminate(void *p, size_t unit, size_t i)
{
    if (unit == 1)
        ((char *)p)[i] = 0;
    else
        ((WCHAR *)p)[i] = 0;
}

/* The length of s, looking at no more than max elements. */
static size_t len_max(const void *s, size_t unit, size_t max)
{
    size_t n = 0;
    while (n < max && elem(s, unit, n))
        n++;
    return n;
}

static errno_t copy_s(void *dst, size_t size, const void *src, size_t unit)
{
    if (!dst || size == 0)
        return crt_invalid(EINVAL);
    if (!src) {
        terminate(dst, unit, 0);
        return crt_invalid(EINVAL);
    }
    size_t n = len_max(src, unit, size);
    if (n == size) {
        terminate(dst, unit, 0);
        return crt_invalid(ERANGE);
    }
    memmove(dst, src, n * unit);
    terminate(dst, unit, n);
    return 0;
}

static errno_t cat_s(void *dst, size_t size, const void *src, size_t unit)
{
    if (!dst || size == 0)
        return crt_invalid(EINVAL);
    if (!src) {
        terminate(dst, unit, 0);
        return crt_invalid(EINVAL);
    }
    size_t have = len_max(dst, unit, size);
    if (have == size) { /* dst is not terminated within its size */
        terminate(dst, unit, 0);
        return crt_invalid(EINVAL);
    }
    size_t room = size - have; /* the NUL's element included */
    size_t n = len_max(src, unit, room);
    if (n == room) {
        terminate(dst, unit, 0);
        return crt_invalid(ERANGE);
    }
    memmove((char *)dst + have * unit, src, n * unit);
    terminate(dst, unit, have + n);
    return 0;
}

/*
 * Appends at most count elements of src at element at of dst (size
 * elements in all; at < size), terminating: the strncpy_s (at 0) and
 * strncat_s (at the end of dst) copy. count _TRUNCATE keeps what fits.
 */
static errno_t append_n(void *dst, size_t size, size_t at, const void *src, size_t count,
                        size_t unit)
{
    size_t room = size - at;
    size_t limit = count == _TRUNCATE || count >= room ? room : count;
    size_t n = len_max(src, unit, limit);
    if (n == room) { /* only when count (or _TRUNCATE) reaches the end */
        if (count == _TRUNCATE) {
            memmove((char *)dst + at * unit, src, (room - 1) * unit);
            terminate(dst, unit, size - 1);
            return STRUNCATE; /* not an invalid parameter: no handler */
        }
        terminate(dst, unit, 0);
        return crt_invalid(ERANGE);
    }
    memmove((char *)dst + at * unit, src, n * unit);
    terminate(dst, unit, at + n);
    return 0;
}

static errno_t ncpy_s(void *dst, size_t size, const void *src, size_t count, size_t unit)
{
    if (count == 0 && !dst && size == 0)
        return 0; /* nothing to do, nowhere to do it */
    if (!dst || size == 0)
        return crt_invalid(EINVAL);
    if (count == 0) {
        terminate(dst, unit, 0);
        return 0;
    }
    if (!src) {
        terminate(dst, unit, 0);
        return crt_invalid(EINVAL);
    }
    return append_n(dst, size, 0, src, count, unit);
}

static errno_t ncat_s(void *dst, size_t size, const void *src, size_t count, size_t unit)
{
    if (count == 0 && !dst && size == 0)
        return 0;
    if (!dst || size == 0)
        return crt_invalid(EINVAL);
    if (!src && count != 0) {
        terminate(dst, unit, 0);
        return crt_invalid(EINVAL);
    }
    size_t have = len_max(dst, unit, size);
    if (have == size) {
        terminate(dst, unit, 0);
        return crt_invalid(EINVAL);
    }
    if (count == 0)
        return 0;
    return append_n(dst, size, have, src, count, unit);
}

/* memcpy_s zeroes dst on failure; memmove_s (zero_on_error false) does not. */
static errno_t mem_s(void *dst, size_t size, const void *src, size_t count, size_t unit,
                     bool zero_on_error)
{
    if (count == 0)
        return 0;
    if (!dst)
        return crt_invalid(EINVAL);
    if (!src || size < count) {
        if (zero_on_error)
            memset(dst, 0, size * unit);
        return crt_invalid(src ? ERANGE : EINVAL);
    }
    memmove(dst, src, count * unit);
    return 0;
}

LSAEMU_EXPORT errno_t lsaemu_strcpy_s(char *dst, size_t size, const char *src)
{
    return copy_s(dst, size, src, 1);
}

LSAEMU_EXPORT errno_t lsaemu_wcscpy_s16(WCHAR *dst, size_t size, const WCHAR *src)
{
    return copy_s(dst, size, src, sizeof(WCHAR));
}

LSAEMU_EXPORT errno_t lsaemu_strcat_s(char *dst, size_t size, const char *src)
{
    return cat_s(dst, size, src, 1);
}

LSAEMU_EXPORT errno_t lsaemu_wcscat_s16(WCHAR *dst, size_t size, const WCHAR *src)
{
    return cat_s(dst, size, src, sizeof(WCHAR));
}

LSAEMU_EXPORT errno_t lsaemu_strncpy_s(char *dst, size_t size, const char *src, size_t count)
{
    return ncpy_s(dst, size, src, count, 1);
}

LSAEMU_EXPORT errno_t lsaemu_wcsncpy_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                         size_t count)
{
    return ncpy_s(dst, size, src, count, sizeof(WCHAR));
}

LSAEMU_EXPORT errno_t lsaemu_strncat_s(char *dst, size_t size, const char *src, size_t count)
{
    return ncat_s(dst, size, src, count, 1);
}

LSAEMU_EXPORT errno_t lsaemu_wcsncat_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                         size_t count)
{
    return ncat_s(dst, size, src, count, sizeof(WCHAR));
}

LSAEMU_EXPORT errno_t lsaemu_memcpy_s(void *dst, size_t size, const void *src, size_t count)
{
    return mem_s(dst, size, src, count, 1, true);
}

LSAEMU_EXPORT errno_t lsaemu_memmove_s(void *dst, size_t size, const void *src, size_t count)
{
    return mem_s(dst, size, src, count, 1, false);
}

LSAEMU_EXPORT errno_t lsaemu_wmemcpy_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                         size_t count)
{
    return mem_s(dst, size, src, count, sizeof(WCHAR), true);
}

LSAEMU_EXPORT errno_t lsaemu_wmemmove_s16(WCHAR *dst, size_t size, const WCHAR *src,
                                          size_t count)
{
    return mem_s(dst, size, src, count, sizeof(WCHAR), false);
}
