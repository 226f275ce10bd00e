/* SPDX-License-Identifier: MIT */
/*
 * The NARROW printf family with Microsoft's conversions (lsaemu_crt.h):
 * what printf("%ls", L"...") means to code written for Windows.
 *
 * Under -fshort-wchar glibc's printf still reads %ls as 32-bit wchar_t and
 * its 'l' integers as 64-bit, so Windows code printing a WCHAR string or a
 * DWORD with %lu prints garbage or crashes. These functions parse the format
 * themselves and fetch every argument with its Windows size:
 *   %s %c        narrow (bytes copied as they are)
 *   %S %C        wide (WCHAR, converted to UTF-8); %hs %hS %hc %hC narrow,
 *   %ls %lS %ws  %lc %wc wide
 *   %Z           ANSI_STRING *, %wZ / %lZ UNICODE_STRING * (Length bytes)
 *   l            32-bit integers (LONG, DWORD), as is no prefix, h and hh
 *   ll I64 I z j t 64-bit; I32 32-bit; L on a floating conversion is double
 *   %p           16 upper-case hex digits, no 0x (Win64's form)
 *   %n           refused: the call fails with -1 and errno EINVAL, as
 *                Microsoft's CRT disables it (Deviation: its default
 *                invalid-parameter handler ends the process).
 * Numbers are printed by the C library's snprintf from a rebuilt spec with
 * one conversion, never the caller's format. Width and precision count
 * bytes; a wide string's precision never cuts a UTF-8 sequence in two.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/export.h"
#include "base/win.h"
#include "base/mem.h"
#include "base/utf.h"
#include <lsaemu_crt.h>
#include <ntdef.h>

/* Collects output: stores the first cap bytes, counts all of them. */
struct out {
    char *buf;
    size_t cap;
    size_t len;
};

static void put(struct out *o, char c)
{
    if (o->len < o->cap)
        o->buf[o->len] = c;
    o->len++;
}

static void put_bytes(struct out *o, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(o, p[i]);
}

static void pad(struct out *o, size_t n)
{
    while (n-- > 0)
        put(o, ' ');
}

enum len_mod { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_64 /* I64, I, z, j, t */ };

struct spec {
    char flags[8];
    int width; /* -1: none */
    int prec;  /* -1: none */
    enum len_mod len;
    bool narrow; /* h */
    bool wide;   /* l or w */
};

static bool left_aligned(const struct spec *sp)
{
    return strchr(sp->flags, '-') != NULL;
}

/* Writes n bytes padded to the width. */
static void put_field(struct out *o, const struct spec *sp, const char *p, size_t n)
{
    size_t fill = sp->width > 0 && (size_t)sp->width > n ? (size_t)sp->width - n : 0;
    if (!left_aligned(sp))
        pad(o, fill);
    put_bytes(o, p, n);
    if (left_aligned(sp))
        pad(o, fill);
}

/*
 * The UTF-8 form of a UTF-16 string: n units (counted), or up to the NUL
 * when n is SIZE_MAX. Stops before the character that would take the
 * output past prec bytes (prec < 0: no limit). Writes to o unless o is
 * NULL; returns the bytes. Unpaired surrogates become U+FFFD.
 */
static size_t utf16_out(struct out *o, const WCHAR *w, size_t n, int prec)
{
    bool counted = n != SIZE_MAX;
    size_t bytes = 0;
    for (size_t i = 0, used; i < n && (counted || w[i]); i += used) {
        if (prec >= 0 && bytes >= (size_t)prec)
            break;
        /* Uncounted: the terminator ends a pair too, so unit i + 1 exists. */
        uint32_t c = utf16_next(w, i, counted ? n : i + 2, &used);
        unsigned char u[4];
        size_t k = utf8_encode(utf_is_surrogate(c) ? UTF_REPLACEMENT : c, u);
        if (prec >= 0 && bytes + k > (size_t)prec)
            break;
        if (o)
            put_bytes(o, (const char *)u, k);
        bytes += k;
    }
    return bytes;
}

static const char null_text[] = "(null)";

/* A narrow string: n bytes (counted) or NUL-terminated when SIZE_MAX. */
static void put_narrow(struct out *o, const struct spec *sp, const char *s, size_t n)
{
    if (!s) {
        s = null_text;
        n = SIZE_MAX;
    }
    size_t limit = sp->prec >= 0 ? (size_t)sp->prec : SIZE_MAX;
    if (n == SIZE_MAX)
        n = strnlen(s, limit);
    else if (n > limit)
        n = limit;
    put_field(o, sp, s, n);
}

/* A wide string: n units (counted) or NUL-terminated when SIZE_MAX. */
static void put_wide(struct out *o, const struct spec *sp, const WCHAR *w, size_t n)
{
    if (!w) {
        put_narrow(o, sp, NULL, 0);
        return;
    }
    size_t bytes = utf16_out(NULL, w, n, sp->prec);
    size_t fill = sp->width > 0 && (size_t)sp->width > bytes ? (size_t)sp->width - bytes : 0;
    if (!left_aligned(sp))
        pad(o, fill);
    utf16_out(o, w, n, sp->prec);
    if (left_aligned(sp))
        pad(o, fill);
}

/* snprintf of one number with a built spec (never a client's format). */
static int print_num(char *out, size_t cap, const char *fmt, char kind, double dv, long long sv,
                     unsigned long long uv, bool is64)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (kind == 'f')
        return snprintf(out, cap, fmt, dv);
    if (kind == 'd')
        return is64 ? snprintf(out, cap, fmt, sv) : snprintf(out, cap, fmt, (int)sv);
    return is64 ? snprintf(out, cap, fmt, uv) : snprintf(out, cap, fmt, (unsigned)uv);
#pragma GCC diagnostic pop
}

/* A number, fetched with its Windows size. Returns 0, or -1 (no memory). */
static int put_number(struct out *o, const struct spec *sp, char conv, va_list *ap)
{
    char fmt[48], small[128], *text = small;
    const char *mod = "";
    long long sv = 0;
    unsigned long long uv = 0;
    double dv = 0;
    char kind = strchr("eEfFgGaA", conv) ? 'f' : (conv == 'd' || conv == 'i') ? 'd' : 'u';

    if (kind == 'f') {
        dv = va_arg(*ap, double); /* Windows' long double is double */
    } else if (sp->len == LEN_LL || sp->len == LEN_64) {
        mod = "ll";
        if (kind == 'd')
            sv = va_arg(*ap, long long);
        else
            uv = va_arg(*ap, unsigned long long);
    } else {
        /* hh, h, none and Microsoft's 32-bit 'l' all arrive as int. */
        mod = sp->len == LEN_HH ? "hh" : sp->len == LEN_H ? "h" : "";
        if (kind == 'd')
            sv = va_arg(*ap, int);
        else
            uv = va_arg(*ap, unsigned int);
    }
    int n = snprintf(fmt, sizeof fmt, "%%%s", sp->flags);
    if (sp->width >= 0)
        n += snprintf(fmt + n, sizeof fmt - (size_t)n, "%d", sp->width);
    if (sp->prec >= 0)
        n += snprintf(fmt + n, sizeof fmt - (size_t)n, ".%d", sp->prec);
    snprintf(fmt + n, sizeof fmt - (size_t)n, "%s%c", mod, conv);

    bool is64 = *mod == 'l';
    int r = print_num(small, sizeof small, fmt, kind, dv, sv, uv, is64);
    if (r < 0)
        return -1;
    if (r >= (int)sizeof small) { /* a large width or precision */
        text = mem_malloc((size_t)r + 1);
        if (!text) {
            errno = ENOMEM;
            return -1;
        }
        r = print_num(text, (size_t)r + 1, fmt, kind, dv, sv, uv, is64);
    }
    put_bytes(o, text, (size_t)r);
    if (text != small)
        mem_free(text);
    return 0;
}

/* Reads "*" or digits; -1 when absent. */
static int read_count(const char **f, va_list *ap, bool *negative)
{
    int v = -1;
    *negative = false;
    if (**f == '*') {
        (*f)++;
        v = va_arg(*ap, int);
        if (v < 0) {
            *negative = true;
            v = v == INT_MIN ? INT_MAX : -v;
        }
    } else if (**f >= '0' && **f <= '9') {
        v = 0;
        while (**f >= '0' && **f <= '9') {
            if (v < 100000000)
                v = v * 10 + (**f - '0');
            (*f)++;
        }
    }
    return v;
}

static void read_length(const char **fp, struct spec *sp)
{
    const char *f = *fp;
    sp->len = LEN_NONE;
    if (f[0] == 'h' && f[1] == 'h') {
        sp->len = LEN_HH;
        f += 2;
    } else if (f[0] == 'h') {
        sp->len = LEN_H;
        sp->narrow = true;
        f++;
    } else if (f[0] == 'l' && f[1] == 'l') {
        sp->len = LEN_LL;
        f += 2;
    } else if (f[0] == 'l' || f[0] == 'w') {
        sp->len = LEN_L;
        sp->wide = true;
        f++;
    } else if (f[0] == 'I' && f[1] == '6' && f[2] == '4') {
        sp->len = LEN_64;
        f += 3;
    } else if (f[0] == 'I' && f[1] == '3' && f[2] == '2') {
        f += 3;
    } else if (f[0] == 'I' || f[0] == 'z' || f[0] == 'j' || f[0] == 't') {
        sp->len = LEN_64;
        f++;
    } else if (f[0] == 'L') {
        f++;
    }
    *fp = f;
}

/* Formats into o. Returns 0, or -1 (errno set) for a conversion Windows
 * rejects or a failed allocation. */
static int format(struct out *o, const char *f, va_list *ap)
{
    while (*f) {
        if (*f != '%') {
            put(o, *f++);
            continue;
        }
        f++;
        if (*f == '%') {
            put(o, *f++);
            continue;
        }
        struct spec sp = {.width = -1, .prec = -1};
        size_t nf = 0;
        while (*f && strchr("-+ #0", *f)) {
            if (nf < sizeof sp.flags - 1 && !memchr(sp.flags, *f, nf))
                sp.flags[nf++] = *f;
            f++;
        }
        bool neg;
        sp.width = read_count(&f, ap, &neg);
        if (neg && nf < sizeof sp.flags - 1 && !memchr(sp.flags, '-', nf))
            sp.flags[nf++] = '-';
        if (*f == '.') {
            f++;
            sp.prec = read_count(&f, ap, &neg);
            if (sp.prec < 0 || neg)
                sp.prec = neg ? -1 : 0;
        }
        read_length(&f, &sp);
        char conv = *f ? *f++ : 0;
        switch (conv) {
        case 's':
        case 'S': {
            /* Narrow printf: s is narrow, S wide; h and l/w decide. */
            bool wide = sp.wide || (conv == 'S' && !sp.narrow);
            if (wide)
                put_wide(o, &sp, va_arg(*ap, const WCHAR *), SIZE_MAX);
            else
                put_narrow(o, &sp, va_arg(*ap, const char *), SIZE_MAX);
            break;
        }
        case 'c':
        case 'C': {
            bool wide = sp.wide || (conv == 'C' && !sp.narrow);
            int v = va_arg(*ap, int);
            unsigned char u[4];
            size_t k;
            if (wide) {
                uint32_t c = (WCHAR)v;
                k = utf8_encode(utf_is_surrogate(c) ? UTF_REPLACEMENT : c, u);
            } else {
                u[0] = (unsigned char)v;
                k = 1;
            }
            put_field(o, &sp, (const char *)u, k); /* a NUL character is output too */
            break;
        }
        case 'Z': {
            /* A counted string: ANSI_STRING, or UNICODE_STRING with w or l.
             * Length counts bytes; Buffer need not be terminated. */
            const void *arg = va_arg(*ap, const void *);
            if (sp.wide) {
                const UNICODE_STRING *us = arg;
                put_wide(o, &sp, us ? us->Buffer : NULL, us ? us->Length / sizeof(WCHAR) : 0);
            } else {
                const STRING *as = arg;
                put_narrow(o, &sp, as ? as->Buffer : NULL, as ? as->Length : 0);
            }
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            if (put_number(o, &sp, conv, ap) < 0)
                return -1;
            break;
        case 'p': {
            char hex[32];
            int k = snprintf(hex, sizeof hex, "%016" PRIXPTR, (uintptr_t)va_arg(*ap, void *));
            sp.prec = -1;
            put_field(o, &sp, hex, (size_t)k);
            break;
        }
        default:
            /* %n is disabled in Microsoft's CRT, and an unknown conversion
             * is an invalid parameter: the call fails. */
            errno = EINVAL;
            return -1;
        }
    }
    return 0;
}

/* Formats into buf (cap bytes stored; buf may be NULL when cap is 0).
 * Returns the full length, or -1 (errno set). ap itself is not consumed. */
static long run(char *buf, size_t cap, const char *fmt, va_list ap)
{
    struct out o = {buf, cap, 0};
    va_list copy;
    va_copy(copy, ap);
    int r = format(&o, fmt, &copy);
    va_end(copy);
    if (r < 0)
        return -1;
    if (o.len > INT_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (long)o.len;
}

/* ---- into a buffer ------------------------------------------------------- */

LSAEMU_EXPORT int lsaemu_vsnprintf(char *buf, size_t count, const char *fmt, va_list ap)
{
    if (!fmt || (!buf && count)) {
        errno = EINVAL;
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
        errno = EINVAL;
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
    if (!fmt || (!buf && count)) {
        errno = EINVAL;
        return -1;
    }
    long n = run(buf, count, fmt, ap);
    if (n < 0)
        return -1;
    if (!buf) /* counting call: _snprintf(NULL, 0, ...) */
        return (int)n;
    if ((size_t)n < count)
        buf[n] = 0;
    return (size_t)n <= count ? (int)n : -1;
}

LSAEMU_EXPORT int lsaemu_snprintf_ms(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsnprintf_ms(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap)
{
    if (!buf || size == 0 || !fmt) {
        if (buf && size)
            buf[0] = 0;
        errno = EINVAL;
        return -1;
    }
    long n = run(buf, size, fmt, ap);
    if (n < 0 || (size_t)n >= size) {
        buf[0] = 0;
        if (n >= 0)
            errno = ERANGE;
        return -1;
    }
    buf[n] = 0;
    return (int)n;
}

LSAEMU_EXPORT int lsaemu_sprintf_s(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsprintf_s(buf, size, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_vscprintf(const char *fmt, va_list ap)
{
    if (!fmt) {
        errno = EINVAL;
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
        errno = EINVAL;
        return -1;
    }
    char small[512], *text = small;
    long n = run(small, sizeof small, fmt, ap);
    if (n < 0)
        return -1;
    if ((size_t)n >= sizeof small) {
        text = mem_malloc((size_t)n + 1);
        if (!text) {
            errno = ENOMEM;
            return -1;
        }
        run(text, (size_t)n + 1, fmt, ap);
    }
    /* One write, so that lines from several threads do not interleave. */
    int r = fwrite(text, 1, (size_t)n, f) == (size_t)n ? (int)n : -1;
    if (text != small)
        mem_free(text);
    return r;
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
