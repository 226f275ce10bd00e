/* SPDX-License-Identifier: MIT */
/*
 * The NARROW printf family with Microsoft's conversions (lsaemu_crt.h):
 * what printf("%ls", L"...") means to code written for Windows. Under
 * -fshort-wchar glibc's printf still reads %ls as 32-bit wchar_t and its
 * 'l' integers as 64-bit, so Windows code printing a WCHAR string or a
 * DWORD with %lu would print garbage or crash. The conversions themselves
 * are crt/format.c's, shared with the wide family; this file holds the
 * entry points and what each does with the caller's buffer (the *_s forms
 * are in printf_s.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "base/export.h"
#include "base/win.h"
#include "crt/format.h"
#include "crt/crt_internal.h"

/* Formats into buf (cap bytes stored; buf may be NULL when cap is 0).
 * Returns the full length, or -1 (errno set). ap itself is not consumed. */
static long run(char *buf, size_t cap, const char *fmt, va_list ap)
{
    return crt_format(false, buf, cap, fmt, ap);
}

/* ---- into a buffer ------------------------------------------------------- */

LSAEMU_EXPORT int lsaemu_vsnprintf(char *buf, size_t count, const char *fmt, va_list ap)
{
    if (!fmt || (!buf && count)) {
        crt_invalid(EINVAL);
        return -1;
    }
    long n = run(buf, count, fmt, ap);
    if (count > 0)
        buf[n < 0 ? 0 : (size_t)n < count ? (size_t)n : count - 1] = 0;
    return (int)n;
}

LSAEMU_EXPORT int lsaemu_snprintf(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsnprintf(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vsprintf(char *buf, const char *fmt, va_list ap)
{
    if (!buf || !fmt) {
        crt_invalid(EINVAL);
        return -1;
    }
    long n = run(buf, SIZE_MAX, fmt, ap);
    if (n < 0)
        return -1;
    buf[n] = 0;
    return (int)n;
}

LSAEMU_EXPORT int lsaemu_sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsprintf(buf, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vsnprintf_ms(char *buf, size_t count, const char *fmt, va_list ap)
{
    return crt_format_ms(false, buf, count, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_snprintf_ms(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsnprintf_ms(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vscprintf(const char *fmt, va_list ap)
{
    if (!fmt) {
        crt_invalid(EINVAL);
        return -1;
    }
    return (int)run(NULL, 0, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_scprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vscprintf(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- to a stream ----------------------------------------------------------- */

LSAEMU_EXPORT int lsaemu_vfprintf(FILE *f, const char *fmt, va_list ap)
{
    if (!f || !fmt) {
        crt_invalid(EINVAL);
        return -1;
    }
    return (int)crt_format_stream(false, f, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vprintf(const char *fmt, va_list ap)
{
    return lsaemu_vfprintf(stdout, fmt, ap);
}

LSAEMU_EXPORT int lsaemu_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}
