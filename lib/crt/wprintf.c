/* SPDX-License-Identifier: MIT */
/*
 * The wide printf family with Microsoft's conversions (lsaemu_crt.h):
 * swprintf, _snwprintf, _scwprintf, fwprintf and wprintf on 16-bit WCHARs
 * (the *_s forms are in printf_s.c).
 * The conversions are crt/format.c's, shared with the narrow family (%s
 * and %c are WCHAR here, %S and %C narrow UTF-8); this file holds the entry
 * points and what each does with the caller's buffer. Streams get UTF-8.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "base/export.h"
#include "base/win.h"
#include "crt/crt_internal.h"
#include "crt/format.h"

/* Formats into buf (may be NULL when count is 0): the full length, or -1
 * (errno set). ap itself is not consumed. */
static long run(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap)
{
    return crt_format(true, buf, count, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_vswprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap)
{
    if (!fmt || (!buf && count)) {
        crt_invalid(EINVAL);
        return -1;
    }
    long n = run(buf, count, fmt, ap);
    if (n >= 0 && (size_t)n < count) {
        buf[n] = 0;
        return (int)n;
    }
    if (count > 0)
        buf[n < 0 ? 0 : count - 1] = 0;
    return -1;
}

LSAEMU_EXPORT int lsaemu_swprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vswprintf16(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vsnwprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap)
{
    return crt_format_ms(true, buf, count, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_snwprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsnwprintf16(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

/* _scwprintf: the length the output would have. */
LSAEMU_EXPORT int lsaemu_vscwprintf16(const WCHAR *fmt, va_list ap)
{
    if (!fmt) {
        crt_invalid(EINVAL);
        return -1;
    }
    return (int)run(NULL, 0, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_scwprintf16(const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vscwprintf16(fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vfwprintf16(FILE *f, const WCHAR *fmt, va_list ap)
{
    if (!f || !fmt) {
        crt_invalid(EINVAL);
        return -1;
    }
    /* UTF-8 through the byte-oriented stream: glibc's wide streams would
     * expect 32-bit units. */
    return (int)crt_format_stream(true, f, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_fwprintf16(FILE *f, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vfwprintf16(f, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vwprintf16(const WCHAR *fmt, va_list ap)
{
    return lsaemu_vfwprintf16(stdout, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_wprintf16(const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vfwprintf16(stdout, fmt, ap);
    va_end(ap);
    return r;
}
