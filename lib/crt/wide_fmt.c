/* SPDX-License-Identifier: MIT */
/*
 * The wide printf family with Microsoft's conversions (lsaemu_crt.h): %s and
 * %c are WCHAR, %S and %C narrow (UTF-8), h/l/w force narrow/wide, 'l'
 * integers are 32-bit and I64/ll/z/I are 64-bit, %p is 16 upper-case hex
 * digits, %Z an ANSI_STRING * and %wZ a UNICODE_STRING *. Numbers are
 * formatted by the C library's snprintf and widened
 * (their characters are ASCII); strings are copied unit by unit so that
 * precision and width count UTF-16 units, as on Windows.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include "base/mem.h"
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/export.h"
#include "base/win.h"
#include "base/utf.h"
#include <lsaemu_crt.h>
#include <ntdef.h>

/* Collects output: stores the first cap units, counts all of them. */
struct sink {
    WCHAR *buf;
    size_t cap;
    size_t len;
};

static void put(struct sink *s, WCHAR c)
{
    if (s->len < s->cap)
        s->buf[s->len] = c;
    s->len++;
}

static void pad(struct sink *s, long n)
{
    while (n-- > 0)
        put(s, ' ');
}

enum len_mod { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_WIDE64 /* z, I, I64, j, t */ };

struct spec {
    char flags[8];
    int width; /* -1: none */
    int prec;  /* -1: none */
    enum len_mod len;
    bool narrow; /* h on a string or character */
    bool wide;   /* l or w on a string or character */
};

/* A string argument: precision limits and width pads in UTF-16 units.
 * wn counts the units of w (a counted string), or is SIZE_MAX when w is
 * NUL-terminated. */
static void put_counted(struct sink *s, const struct spec *sp, const WCHAR *w, size_t wn,
                        const char *n)
{
    static const WCHAR null_text[] = {'(', 'n', 'u', 'l', 'l', ')', 0};
    uint16_t *conv = NULL;
    size_t len;
    if (!w && !n) {
        w = null_text;
        wn = SIZE_MAX;
    }
    if (!w) {
        size_t need = utf8_to_utf16(n, NULL, 0);
        conv = mem_malloc((need + 1) * sizeof *conv);
        if (!conv)
            return;
        utf8_to_utf16(n, conv, need);
        conv[need] = 0;
        w = conv;
        len = need;
    } else {
        len = wn != SIZE_MAX ? wn : sp->prec >= 0 ? lsaemu_wcsnlen16(w, (size_t)sp->prec)
                                                   : lsaemu_wcslen16(w);
    }
    if (sp->prec >= 0 && (size_t)sp->prec < len)
        len = (size_t)sp->prec;
    bool left = strchr(sp->flags, '-') != NULL;
    long fill = sp->width > 0 && (size_t)sp->width > len ? (long)(sp->width - (long)len) : 0;
    if (!left)
        pad(s, fill);
    for (size_t i = 0; i < len; i++)
        put(s, w[i]);
    if (left)
        pad(s, fill);
    mem_free(conv);
}

static void put_string(struct sink *s, const struct spec *sp, const WCHAR *w, const char *n)
{
    put_counted(s, sp, w, SIZE_MAX, n);
}

/* snprintf of one number with a built spec (never a client's format). */
static int print_num(char *out, size_t cap, const char *fmt, char kind, double dv, long long sv,
                     unsigned long long uv, bool wide)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (kind == 'f')
        return snprintf(out, cap, fmt, dv);
    if (kind == 'd')
        return wide ? snprintf(out, cap, fmt, sv) : snprintf(out, cap, fmt, (int)sv);
    return wide ? snprintf(out, cap, fmt, uv) : snprintf(out, cap, fmt, (unsigned)uv);
#pragma GCC diagnostic pop
}

/* A number: printed narrow by the C library with an equivalent spec. */
static void put_number(struct sink *s, const struct spec *sp, char conv, va_list *ap)
{
    char fmt[48], small[128], *out = small;
    const char *mod = "";
    long long sv = 0;
    unsigned long long uv = 0;
    double dv = 0;
    char kind = strchr("eEfFgGaA", conv) ? 'f' : (conv == 'd' || conv == 'i') ? 'd' : 'u';

    if (kind == 'f') {
        dv = va_arg(*ap, double); /* Windows' long double is double */
    } else if (sp->len == LEN_LL || sp->len == LEN_WIDE64) {
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

    bool wide = *mod == 'l';
    int r = print_num(small, sizeof small, fmt, kind, dv, sv, uv, wide);
    if (r >= (int)sizeof small) { /* a large width or precision */
        out = mem_malloc((size_t)r + 1);
        if (!out)
            return;
        r = print_num(out, (size_t)r + 1, fmt, kind, dv, sv, uv, wide);
    }
    for (int i = 0; i < r; i++)
        put(s, (WCHAR)(unsigned char)out[i]);
    if (out != small)
        mem_free(out);
}

/* Reads "*" or digits; -1 when absent. */
static int read_count(const WCHAR **f, va_list *ap, bool *negative)
{
    int v = -1;
    *negative = false;
    if (**f == '*') {
        (*f)++;
        v = va_arg(*ap, int);
        if (v < 0) {
            *negative = true;
            v = v == INT32_MIN ? INT32_MAX : -v;
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

static void read_length(const WCHAR **fp, struct spec *sp)
{
    const WCHAR *f = *fp;
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
        sp->len = LEN_WIDE64;
        f += 3;
    } else if (f[0] == 'I' && f[1] == '3' && f[2] == '2') {
        f += 3;
    } else if (f[0] == 'I' || f[0] == 'z' || f[0] == 'j' || f[0] == 't') {
        sp->len = LEN_WIDE64;
        f++;
    } else if (f[0] == 'L') {
        f++;
    }
    *fp = f;
}

/* A NUL-terminated copy of n bytes, or NULL. */
static char *bytes_dup(const char *s, size_t n)
{
    char *out = mem_malloc(n + 1);
    if (!out)
        return NULL;
    if (n)
        memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

/* Formats into s. Returns 0, or -1 for a conversion Windows rejects. */
static int format(struct sink *s, const WCHAR *f, va_list *ap)
{
    while (*f) {
        if (*f != '%') {
            put(s, *f++);
            continue;
        }
        f++;
        if (*f == '%') {
            put(s, *f++);
            continue;
        }
        struct spec sp = {.width = -1, .prec = -1};
        size_t nf = 0;
        while (*f && strchr("-+ #0", (char)*f) && *f < 0x80) {
            if (nf < sizeof sp.flags - 1 && !memchr(sp.flags, (char)*f, nf))
                sp.flags[nf++] = (char)*f;
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
        WCHAR conv = *f ? *f++ : 0;
        switch (conv) {
        case 's':
        case 'S': {
            bool wide = conv == 's' ? !sp.narrow : sp.wide;
            if (wide)
                put_string(s, &sp, va_arg(*ap, const WCHAR *), NULL);
            else
                put_string(s, &sp, NULL, va_arg(*ap, const char *));
            /* A NULL narrow string prints "(null)" as well. */
            break;
        }
        case 'c':
        case 'C': {
            bool wide = conv == 'c' ? !sp.narrow : sp.wide;
            int v = va_arg(*ap, int);
            WCHAR one[2] = {wide ? (WCHAR)v : (WCHAR)(unsigned char)v, 0};
            sp.prec = -1;
            if (one[0] == 0) { /* a NUL character is still output */
                put(s, 0);
                break;
            }
            put_string(s, &sp, one, NULL);
            break;
        }
        case 'Z': {
            /* A counted string (lengths in bytes, Buffer not necessarily
             * terminated): %wZ / %lZ a UNICODE_STRING, %Z and %hZ an
             * ANSI_STRING, in the wide family as in the narrow one. */
            const void *arg = va_arg(*ap, const void *);
            if (sp.wide) {
                const UNICODE_STRING *us = arg;
                if (us && us->Buffer)
                    put_counted(s, &sp, us->Buffer, us->Length / sizeof(WCHAR), NULL);
                else
                    put_string(s, &sp, NULL, NULL);
            } else {
                const STRING *as = arg;
                char *copy = as && as->Buffer ? bytes_dup(as->Buffer, as->Length) : NULL;
                if (as && as->Buffer && !copy)
                    return -1; /* out of memory */
                put_string(s, &sp, NULL, copy);
                mem_free(copy);
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
            put_number(s, &sp, (char)conv, ap);
            break;
        case 'p': {
            char hex[32];
            snprintf(hex, sizeof hex, "%016" PRIXPTR, (uintptr_t)va_arg(*ap, void *));
            WCHAR w[32];
            size_t i = 0;
            for (; hex[i]; i++)
                w[i] = (WCHAR)hex[i];
            w[i] = 0;
            sp.prec = -1;
            put_string(s, &sp, w, NULL);
            break;
        }
        default:
            /* %n is disabled in Microsoft's CRT, and unknown conversions
             * are invalid parameters: the call fails. */
            errno = EINVAL;
            return -1;
        }
    }
    return 0;
}

/* Formats into buf (may be NULL when count is 0): the full length, or -1. */
static long run(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap)
{
    struct sink s = {buf, count, 0};
    va_list copy;
    va_copy(copy, ap);
    int r = format(&s, fmt, &copy);
    va_end(copy);
    return r < 0 ? -1 : (long)s.len;
}

LSAEMU_EXPORT int lsaemu_vswprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, va_list ap)
{
    if (!fmt || (!buf && count)) {
        errno = EINVAL;
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
    if (!fmt || (!buf && count)) {
        errno = EINVAL;
        return -1;
    }
    long n = run(buf, count, fmt, ap);
    if (n < 0)
        return -1;
    if (!buf) /* counting call: _snwprintf(NULL, 0, ...) */
        return (int)n;
    if ((size_t)n < count)
        buf[n] = 0;
    return (size_t)n <= count ? (int)n : -1;
}

LSAEMU_EXPORT int lsaemu_snwprintf16(WCHAR *buf, size_t count, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vsnwprintf16(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_swprintf_s16(WCHAR *buf, size_t count, const WCHAR *fmt, ...)
{
    if (!buf || count == 0 || !fmt) {
        errno = EINVAL;
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    long n = run(buf, count, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= count) {
        buf[0] = 0;
        errno = n < 0 ? EINVAL : ERANGE;
        return -1;
    }
    buf[n] = 0;
    return (int)n;
}

/* UTF-16 to UTF-8 into out (room for 3 bytes per unit); unpaired
 * surrogates become U+FFFD. Returns the bytes written; NULs are kept. */
static size_t to_utf8(const WCHAR *w, size_t n, unsigned char *out)
{
    size_t o = 0;
    for (size_t i = 0, used; i < n; i += used) {
        uint32_t c = utf16_next(w, i, n, &used);
        o += utf8_encode(utf_is_surrogate(c) ? UTF_REPLACEMENT : c, out + o);
    }
    return o;
}

LSAEMU_EXPORT int lsaemu_vfwprintf16(FILE *f, const WCHAR *fmt, va_list ap)
{
    if (!f || !fmt) {
        errno = EINVAL;
        return -1;
    }
    long n = run(NULL, 0, fmt, ap);
    if (n < 0)
        return -1;
    WCHAR *w = mem_malloc(((size_t)n + 1) * sizeof *w);
    unsigned char *u = mem_malloc((size_t)n * 3 + 1);
    int r = -1;
    if (w && u) {
        run(w, (size_t)n, fmt, ap);
        /* UTF-8 through a byte-oriented write: glibc's wide streams would
         * expect 32-bit units. */
        size_t bytes = to_utf8(w, (size_t)n, u);
        r = fwrite(u, 1, bytes, f) == bytes ? (int)n : -1;
    }
    mem_free(u);
    mem_free(w);
    return r;
}

LSAEMU_EXPORT int lsaemu_fwprintf16(FILE *f, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vfwprintf16(f, fmt, ap);
    va_end(ap);
    return r;
}

LSAEMU_EXPORT int lsaemu_wprintf16(const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = lsaemu_vfwprintf16(stdout, fmt, ap);
    va_end(ap);
    return r;
}
