/* SPDX-License-Identifier: MIT */
/*
 * The secure printf forms of both families (lsaemu_crt.h): sprintf_s,
 * swprintf_s and their v forms, which need the whole output to fit, and
 * _snprintf_s, _snwprintf_s and their v forms, which take a count that may
 * be _TRUNCATE. The rules are Microsoft's documentation's
 * (sprintf-s-sprintf-s-l-swprintf-s-swprintf-s-l and
 * snprintf-s-snprintf-s-l-snwprintf-s-snwprintf-s-l in the C runtime
 * reference) and Wine's conformance tests' observations on Windows
 * (dlls/msvcrt/tests/printf.c test_vsnwprintf_s: with _TRUNCATE a buffer
 * of 7 takes "AB123C" whole and returns 6, one of 6 keeps "AB123" and
 * returns -1, one of 1 keeps "" and returns -1). One function per rule
 * serves both families: the unit is a byte or a WCHAR.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>

#include "base/export.h"
#include "base/win.h"
#include "crt/crt_internal.h"
#include "crt/format.h"

static void terminate(bool wide, void *buf, size_t i)
{
    if (wide)
        ((WCHAR *)buf)[i] = 0;
    else
        ((char *)buf)[i] = 0;
}

/* After crt_format() failed: a refused conversion (%n, an unknown one)
 * has called the handler and set EINVAL already; an output too long to
 * count (EOVERFLOW), which no buffer can hold, is ERANGE through the
 * handler here. */
static void refused(void)
{
    if (errno != EINVAL)
        crt_invalid(ERANGE);
}

/*
 * sprintf_s / swprintf_s: the length; -1 with buf[0] = 0 after the handler
 * (errno ERANGE) when the output and its NUL exceed size, or (EINVAL) for
 * a refused conversion; -1 (EINVAL) for a NULL buf or fmt or size 0, buf
 * then emptied when it has room.
 */
static int format_s(bool wide, void *buf, size_t size, const void *fmt, va_list ap)
{
    if (!buf || size == 0 || !fmt) {
        if (buf && size)
            terminate(wide, buf, 0);
        crt_invalid(EINVAL);
        return -1;
    }
    long n = crt_format(wide, buf, size, fmt, ap);
    if (n < 0 || (size_t)n >= size) {
        terminate(wide, buf, 0);
        if (n < 0)
            refused();
        else
            crt_invalid(ERANGE);
        return -1;
    }
    terminate(wide, buf, (size_t)n);
    return (int)n;
}

/*
 * _snprintf_s / _snwprintf_s: at most count units (all that fit before the
 * NUL with count _TRUNCATE) are stored and terminated. Cut short because
 * of count (_TRUNCATE, or count below size): -1 with the cut text, no
 * handler. Too long for size with count at least size: -1, buf[0] = 0,
 * errno ERANGE after the handler. EINVAL (-1, buf untouched) for NULL buf
 * or fmt, size 0 or count 0; a refused conversion empties buf.
 */
static int format_count_s(bool wide, void *buf, size_t size, size_t count, const void *fmt,
                          va_list ap)
{
    if (!buf || size == 0 || count == 0 || !fmt) {
        crt_invalid(EINVAL);
        return -1;
    }
    bool by_count = count == _TRUNCATE || count < size;
    size_t cap = count != _TRUNCATE && count < size ? count : size - 1;
    long n = crt_format(wide, buf, cap, fmt, ap);
    if (n < 0) {
        terminate(wide, buf, 0);
        refused();
        return -1;
    }
    if ((size_t)n <= cap) {
        terminate(wide, buf, (size_t)n);
        return (int)n;
    }
    if (by_count) {
        terminate(wide, buf, cap);
        return -1;
    }
    terminate(wide, buf, 0);
    crt_invalid(ERANGE);
    return -1;
}

LSAEMU_EXPORT int lsaemu_vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap)
{
    return format_s(false, buf, size, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_sprintf_s(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = format_s(false, buf, size, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vswprintf_s16(WCHAR *buf, size_t size, const WCHAR *fmt, va_list ap)
{
    return format_s(true, buf, size, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_swprintf_s16(WCHAR *buf, size_t size, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = format_s(true, buf, size, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt,
                                     va_list ap)
{
    return format_count_s(false, buf, size, count, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_snprintf_s(char *buf, size_t size, size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = format_count_s(false, buf, size, count, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vsnwprintf_s16(WCHAR *buf, size_t size, size_t count, const WCHAR *fmt,
                                        va_list ap)
{
    return format_count_s(true, buf, size, count, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_snwprintf_s16(WCHAR *buf, size_t size, size_t count, const WCHAR *fmt,
                                       ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = format_count_s(true, buf, size, count, fmt, ap);
    va_end(ap);
    return r;
}
