/* SPDX-License-Identifier: MIT */
/*
 * The printf engine of both families (see format.h), with Microsoft's
 * conversions:
 *   %s %c        the family's own width: bytes (UTF-8) for the narrow
 *                functions, WCHAR for the wide ones; %S %C the other width
 *   h / l w      force narrow / wide on a string or character (%hs, %ls,
 *                %ws, %hC, %lc, %wc ...)
 *   %Z           ANSI_STRING *, %wZ / %lZ UNICODE_STRING * (Length bytes,
 *                Buffer not necessarily terminated)
 *   l            32-bit integers (LONG, DWORD), as are no prefix, h and hh;
 *                ll I64 I z j t are 64-bit, I32 32-bit; L on a floating
 *                conversion is double (Windows' long double is double)
 *   %p           16 upper-case hex digits, no 0x (Win64's form)
 *   %n           refused: -1 and errno EINVAL, as Microsoft's CRT disables
 *                it (Deviation: its default invalid-parameter handler ends
 *                the process); so is an unknown conversion.
 * Numbers are printed by the C library's snprintf from a rebuilt spec with
 * one conversion, never the caller's format. Width and precision count the
 * family's units: bytes, where a wide string's precision never cuts a UTF-8
 * sequence in two, or WCHARs.
 */
#include "crt/format.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "base/utf.h"
#include "base/win.h"
#include "crt/crt_internal.h"
#include <ntdef.h>

/* ---- output ------------------------------------------------------------------ */

/*
 * Where the units go. Into a caller's buffer: the first cap are stored, all
 * are counted. To a stream: bytes collect in chunk and are written when it
 * fills; the wide family's UTF-16 is turned into UTF-8 on the way, a high
 * surrogate waiting in pending for the unit that follows it.
 */
struct sink {
    bool wide;
    void *buf;
    size_t cap;
    size_t len; /* units produced, stored or not */
    FILE *stream;
    unsigned char chunk[512];
    size_t chunk_len;
    uint32_t pending;
    int error; /* errno of the first failed write, or 0 */
};

static void chunk_flush(struct sink *s)
{
    if (s->chunk_len && !s->error) {
        errno = 0;
        if (fwrite(s->chunk, 1, s->chunk_len, s->stream) != s->chunk_len)
            s->error = errno ? errno : EIO;
    }
    s->chunk_len = 0;
}

static void chunk_put_utf8(struct sink *s, uint32_t cp)
{
    if (s->chunk_len + 4 > sizeof s->chunk)
        chunk_flush(s);
    s->chunk_len += utf8_encode(cp, s->chunk + s->chunk_len);
}

/* A wide unit to the stream: pairs joined, unpaired surrogates U+FFFD. */
static void stream_put_unit(struct sink *s, uint32_t u)
{
    if (s->pending) {
        uint32_t hi = s->pending;
        s->pending = 0;
        if (utf16_is_low(u)) {
            chunk_put_utf8(s, utf16_pair(hi, u));
            return;
        }
        chunk_put_utf8(s, UTF_REPLACEMENT);
    }
    if (utf16_is_high(u))
        s->pending = u;
    else
        chunk_put_utf8(s, utf_is_surrogate(u) ? UTF_REPLACEMENT : u);
}

/* Ends a stream: a last unpaired high surrogate, then the chunk. */
static void stream_end(struct sink *s)
{
    if (s->pending) {
        s->pending = 0;
        chunk_put_utf8(s, UTF_REPLACEMENT);
    }
    chunk_flush(s);
}

/* One unit of the sink's width: a byte, or a UTF-16 unit. */
static void put(struct sink *s, uint32_t u)
{
    if (s->stream) {
        if (s->wide) {
            stream_put_unit(s, u);
        } else {
            if (s->chunk_len == sizeof s->chunk)
                chunk_flush(s);
            s->chunk[s->chunk_len++] = (unsigned char)u;
        }
    } else if (s->len < s->cap) {
        if (s->wide)
            ((uint16_t *)s->buf)[s->len] = (uint16_t)u;
        else
            ((unsigned char *)s->buf)[s->len] = (unsigned char)u;
    }
    s->len++;
}

static void pad(struct sink *s, size_t n, char c)
{
    while (n-- > 0)
        put(s, (unsigned char)c);
}

/* ---- the format string ---------------------------------------------------------- */

enum len_mod { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_64 /* I64, I, z, j, t */ };

struct spec {
    char flags[8];
    int width; /* -1: none */
    int prec;  /* -1: none */
    enum len_mod len;
    bool narrow; /* h */
    bool wide;   /* l or w */
};

/* The format, read unit by unit whatever its width. */
struct fmt {
    const void *p;
    bool wide;
    size_t i;
};

static uint32_t peek(const struct fmt *f, size_t ahead)
{
    return f->wide ? ((const uint16_t *)f->p)[f->i + ahead]
                   : ((const unsigned char *)f->p)[f->i + ahead];
}

static bool has_flag(const struct spec *sp, char c)
{
    return memchr(sp->flags, c, strlen(sp->flags)) != NULL;
}

/* Reads "*" or digits; -1 when absent. */
static int read_count(struct fmt *f, va_list *ap, bool *negative)
{
    int v = -1;
    *negative = false;
    if (peek(f, 0) == '*') {
        f->i++;
        v = va_arg(*ap, int);
        if (v < 0) {
            *negative = true;
            v = v == INT_MIN ? INT_MAX : -v;
        }
    } else if (peek(f, 0) >= '0' && peek(f, 0) <= '9') {
        v = 0;
        for (uint32_t c; (c = peek(f, 0)) >= '0' && c <= '9'; f->i++)
            if (v < 100000000)
                v = v * 10 + (int)(c - '0');
    }
    return v;
}

static void read_length(struct fmt *f, struct spec *sp)
{
    uint32_t a = peek(f, 0), b = a ? peek(f, 1) : 0, c = b ? peek(f, 2) : 0;
    sp->len = LEN_NONE;
    if (a == 'h' && b == 'h') {
        sp->len = LEN_HH;
        f->i += 2;
    } else if (a == 'h') {
        sp->len = LEN_H;
        sp->narrow = true;
        f->i++;
    } else if (a == 'l' && b == 'l') {
        sp->len = LEN_LL;
        f->i += 2;
    } else if (a == 'l' || a == 'w') {
        sp->len = LEN_L;
        sp->wide = true;
        f->i++;
    } else if (a == 'I' && b == '6' && c == '4') {
        sp->len = LEN_64;
        f->i += 3;
    } else if (a == 'I' && b == '3' && c == '2') {
        f->i += 3;
    } else if (a == 'I' || a == 'z' || a == 'j' || a == 't') {
        sp->len = LEN_64;
        f->i++;
    } else if (a == 'L') {
        f->i++;
    }
}

/* ---- strings ---------------------------------------------------------------------- */

/* A string argument: n units (counted, NULs included), or up to its NUL
 * when n is SIZE_MAX. */
struct text {
    const void *p;
    bool wide;
    size_t n;
};

/*
 * Writes t to s (or only counts, when s is NULL) in units of the width
 * out_wide, at most limit of them; returns how many. A wide text in bytes
 * is UTF-8 (unpaired surrogates U+FFFD) and stops before the character
 * that would pass limit; a narrow text in WCHARs is decoded as UTF-8 (each
 * maximal subpart of an ill-formed sequence U+FFFD) and stops at limit.
 */
static size_t text_out(struct sink *s, bool out_wide, const struct text *t, size_t limit)
{
    bool counted = t->n != SIZE_MAX;
    size_t done = 0;
    if (!t->wide) {
        const unsigned char *p = t->p;
        if (!out_wide) {
            size_t n = counted ? (t->n < limit ? t->n : limit) : strnlen(t->p, limit);
            for (; s && done < n; done++)
                put(s, p[done]);
            return n;
        }
        for (size_t i = 0, used; (counted ? i < t->n : p[i] != 0) && done < limit; i += used) {
            long cp = utf8_next(p + i, counted ? t->n - i : SIZE_MAX, &used, 0);
            uint16_t u[2];
            size_t k = utf16_encode(cp < 0 ? UTF_REPLACEMENT : (uint32_t)cp, u);
            for (size_t j = 0; j < k && done < limit; j++, done++)
                if (s)
                    put(s, u[j]);
        }
        return done;
    }
    if (out_wide) {
        for (size_t i = 0; (counted ? i < t->n : utf16_unit(t->p, i) != 0) && done < limit;
             i++, done++)
            if (s)
                put(s, utf16_unit(t->p, i));
        return done;
    }
    for (size_t i = 0, used; counted ? i < t->n : utf16_unit(t->p, i) != 0; i += used) {
        /* Uncounted: the terminator ends a pair too, so unit i + 1 exists. */
        uint32_t c = utf16_next(t->p, i, counted ? t->n : i + 2, &used);
        unsigned char u[4];
        size_t k = utf8_encode(utf_is_surrogate(c) ? UTF_REPLACEMENT : c, u);
        if (done + k > limit)
            break;
        for (size_t j = 0; s && j < k; j++)
            put(s, u[j]);
        done += k;
    }
    return done;
}

/* A string field: the text cut at the precision, padded to the width. A
 * NULL string prints "(null)", as Microsoft's CRT does. */
static void put_text(struct sink *s, const struct spec *sp, struct text t)
{
    if (!t.p)
        t = (struct text){"(null)", false, SIZE_MAX};
    size_t limit = sp->prec >= 0 ? (size_t)sp->prec : SIZE_MAX;
    size_t n = text_out(NULL, s->wide, &t, limit);
    size_t fill = sp->width > 0 && (size_t)sp->width > n ? (size_t)sp->width - n : 0;
    bool left = has_flag(sp, '-');
    if (!left)
        pad(s, fill, ' ');
    text_out(s, s->wide, &t, limit);
    if (left)
        pad(s, fill, ' ');
}

/* ---- numbers ---------------------------------------------------------------------- */

/* Widths up to this go to snprintf as they are; wider fields are padded
 * here, so that the text on the stack stays bounded. */
#define DIRECT_WIDTH 128
/* The text of one number on the stack: a double in %f with the largest
 * precision passed on (1100) is at most 309 + 1 + 1100 characters and a
 * sign. */
#define NUMBER_TEXT 1600

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

/* "%<flags><width>.<prec><mod><conv>"; width or prec < 0 are left out. */
static void build_spec(char *fmt, size_t size, const struct spec *sp, int width, int prec,
                       const char *mod, char conv)
{
    int n = snprintf(fmt, size, "%%%s", sp->flags);
    if (width >= 0)
        n += snprintf(fmt + n, size - (size_t)n, "%d", width);
    if (prec >= 0)
        n += snprintf(fmt + n, size - (size_t)n, ".%d", prec);
    snprintf(fmt + n, size - (size_t)n, "%s%c", mod, conv);
}

/*
 * The largest precision of conv that can add digits other than zeros, and
 * where the zeros of a larger one go. A double has at most 1074 fractional
 * binary digits, so at most 1074 fractional decimal ones (%f), at most 767
 * significant ones (%e, %g) and 13 hexadecimal ones after the point (%a);
 * an integer has at most 22 digits (octal), so beyond that a precision only
 * adds leading zeros. Returns the precision snprintf is given at most.
 */
static int precision_cap(char conv)
{
    switch (conv) {
    case 'f':
    case 'F':
        return 1100;
    case 'e':
    case 'E':
        return 800;
    case 'g':
    case 'G':
        return 800;
    case 'a':
    case 'A':
        return 32;
    default:
        return 100; /* integers */
    }
}

/* Where the zeros of a precision past the cap go in text (len bytes), or
 * SIZE_MAX when it adds none (infinity, NaN, %g without #). */
static size_t zeros_at(char conv, const struct spec *sp, const char *text, size_t len,
                       double dv)
{
    if (strchr("eEfFgGaA", conv)) {
        if (!isfinite(dv))
            return SIZE_MAX;
        if ((conv == 'g' || conv == 'G') && !has_flag(sp, '#'))
            return SIZE_MAX; /* the trailing zeros are removed anyway */
        /* Before the exponent (of %e, of %g in that style, the p of %a),
         * else at the end. */
        bool hex = conv == 'a' || conv == 'A';
        for (size_t i = 0; i < len; i++)
            if (hex ? text[i] == 'p' || text[i] == 'P' : text[i] == 'e' || text[i] == 'E')
                return i;
        return len;
    }
    /* Integers: after the sign or the space, and after 0x. */
    size_t i = len && (text[0] == '-' || text[0] == '+' || text[0] == ' ') ? 1 : 0;
    if ((conv == 'x' || conv == 'X') && has_flag(sp, '#') && i + 1 < len && text[i] == '0' &&
        (text[i + 1] == 'x' || text[i + 1] == 'X'))
        i += 2;
    return i;
}

/* A number, fetched with its Windows size. Returns 0, or -1 (errno set by
 * snprintf). */
static int put_number(struct sink *s, const struct spec *sp, char conv, va_list *ap)
{
    char fmt[64], text[NUMBER_TEXT];
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
    bool is64 = *mod == 'l';

    int cap = precision_cap(conv);
    int prec = sp->prec > cap ? cap : sp->prec;
    size_t extra = sp->prec > cap ? (size_t)(sp->prec - cap) : 0;
    bool direct = extra == 0 && sp->width <= DIRECT_WIDTH;
    build_spec(fmt, sizeof fmt, sp, direct ? sp->width : -1, prec, mod, conv);
    int r = print_num(text, sizeof text, fmt, kind, dv, sv, uv, is64);
    if (r < 0)
        return -1;
    if ((size_t)r >= sizeof text) { /* cannot happen with the caps above */
        errno = EOVERFLOW;
        return -1;
    }
    size_t len = (size_t)r;
    size_t z = extra ? zeros_at(conv, sp, text, len, dv) : SIZE_MAX;
    if (z == SIZE_MAX)
        extra = 0;

    /* A width this function pads: where snprintf would put the padding
     * and with what, read off the same number one unit wider. */
    size_t fill = 0, fill_at = 0;
    char fill_char = ' ';
    if (!direct && sp->width > 0 && (size_t)sp->width > len + extra) {
        char wider[NUMBER_TEXT + 2];
        fill = (size_t)sp->width - len - extra;
        build_spec(fmt, sizeof fmt, sp, r + 1, prec, mod, conv);
        if (print_num(wider, sizeof wider, fmt, kind, dv, sv, uv, is64) != r + 1)
            return -1;
        while (fill_at < len && wider[fill_at] == text[fill_at])
            fill_at++;
        fill_char = wider[fill_at];
    }

    /* Spaces after the number come after its zeros; everything else that
     * meets at one place is the same character or comes first. */
    bool trailing = fill_char == ' ' && fill_at == len;
    for (size_t i = 0; i <= len; i++) {
        if (fill && i == fill_at && !trailing)
            pad(s, fill, fill_char);
        if (extra && i == z)
            pad(s, extra, '0');
        if (fill && i == fill_at && trailing)
            pad(s, fill, fill_char);
        if (i < len)
            put(s, (unsigned char)text[i]);
    }
    return 0;
}

/* ---- the engine ------------------------------------------------------------------- */

/* Formats into s. Returns 0, or -1 (errno set) for a conversion Windows
 * rejects. */
static int format(struct sink *s, struct fmt *f, va_list *ap)
{
    uint32_t c;
    while ((c = peek(f, 0)) != 0) {
        f->i++;
        if (c != '%') {
            put(s, c);
            continue;
        }
        if (peek(f, 0) == '%') {
            put(s, '%');
            f->i++;
            continue;
        }
        struct spec sp = {.width = -1, .prec = -1};
        size_t nf = 0;
        while ((c = peek(f, 0)) != 0 && c < 0x80 && strchr("-+ #0", (int)c)) {
            if (nf < sizeof sp.flags - 1 && !memchr(sp.flags, (int)c, nf))
                sp.flags[nf++] = (char)c;
            f->i++;
        }
        bool neg;
        sp.width = read_count(f, ap, &neg);
        if (neg && nf < sizeof sp.flags - 1 && !memchr(sp.flags, '-', nf))
            sp.flags[nf++] = '-';
        if (peek(f, 0) == '.') {
            f->i++;
            sp.prec = read_count(f, ap, &neg);
            if (sp.prec < 0 || neg)
                sp.prec = neg ? -1 : 0;
        }
        read_length(f, &sp);
        uint32_t conv = peek(f, 0);
        if (conv)
            f->i++;
        /* The family's own width for the lower-case conversion, the other
         * one for the upper-case; h and l/w decide for either. */
        bool own = conv == 's' || conv == 'c';
        bool wide_arg = own == s->wide ? !sp.narrow : sp.wide;
        switch (conv) {
        case 's':
        case 'S':
            if (wide_arg)
                put_text(s, &sp, (struct text){va_arg(*ap, const WCHAR *), true, SIZE_MAX});
            else
                put_text(s, &sp, (struct text){va_arg(*ap, const char *), false, SIZE_MAX});
            break;
        case 'c':
        case 'C': {
            int v = va_arg(*ap, int);
            sp.prec = -1;
            if (s->wide) {
                /* A narrow character is a byte: its code point is its value. */
                uint16_t u = wide_arg ? (uint16_t)v : (uint16_t)(unsigned char)v;
                put_text(s, &sp, (struct text){&u, true, 1});
            } else {
                unsigned char u[4];
                size_t k = 1;
                if (wide_arg) {
                    uint32_t w = (uint16_t)v;
                    k = utf8_encode(utf_is_surrogate(w) ? UTF_REPLACEMENT : w, u);
                } else {
                    u[0] = (unsigned char)v;
                }
                put_text(s, &sp, (struct text){u, false, k});
            }
            break; /* a NUL character is output too, and padded */
        }
        case 'Z': {
            /* A counted string: ANSI_STRING, or UNICODE_STRING with w or l.
             * Length counts bytes; Buffer need not be terminated, and a NUL
             * inside it is output like any other character. */
            const void *arg = va_arg(*ap, const void *);
            if (sp.wide) {
                const UNICODE_STRING *us = arg;
                put_text(s, &sp,
                         (struct text){us ? us->Buffer : NULL, true,
                                       us ? us->Length / sizeof(WCHAR) : 0});
            } else {
                const STRING *as = arg;
                put_text(s, &sp, (struct text){as ? as->Buffer : NULL, false, as ? as->Length : 0});
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
            if (put_number(s, &sp, (char)conv, ap) < 0)
                return -1;
            break;
        case 'p': {
            char hex[32];
            int k = snprintf(hex, sizeof hex, "%016" PRIXPTR, (uintptr_t)va_arg(*ap, void *));
            sp.prec = -1;
            put_text(s, &sp, (struct text){hex, false, (size_t)k});
            break;
        }
        default:
            /* %n is disabled in Microsoft's CRT, and an unknown conversion
             * is an invalid parameter: the handler, then the call fails. */
            crt_invalid(EINVAL);
            return -1;
        }
    }
    return 0;
}

/* One pass over fmt into s; ap is copied. The full length, or -1. */
static long run(struct sink *s, const void *fmt, va_list ap)
{
    struct fmt f = {fmt, s->wide, 0};
    va_list copy;
    va_copy(copy, ap);
    int r = format(s, &f, &copy);
    va_end(copy);
    if (r < 0)
        return -1;
    if (s->len > INT_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (long)s->len;
}

long crt_format(bool wide, void *buf, size_t cap, const void *fmt, va_list ap)
{
    struct sink s = {.wide = wide, .buf = buf, .cap = buf ? cap : 0};
    return run(&s, fmt, ap);
}

int crt_format_ms(bool wide, void *buf, size_t count, const void *fmt, va_list ap)
{
    if (!fmt || (!buf && count)) {
        crt_invalid(EINVAL);
        return -1;
    }
    long n = crt_format(wide, buf, count, fmt, ap);
    if (n < 0)
        return -1;
    if (!buf) /* counting call: _snprintf(NULL, 0, ...) */
        return (int)n;
    if ((size_t)n < count) {
        if (wide)
            ((uint16_t *)buf)[n] = 0;
        else
            ((char *)buf)[n] = 0;
    }
    return (size_t)n <= count ? (int)n : -1;
}

long crt_format_stream(bool wide, FILE *f, const void *fmt, va_list ap)
{
    /* A refused format writes nothing: count first. */
    struct sink count = {.wide = wide};
    long n = run(&count, fmt, ap);
    if (n < 0)
        return -1;
    struct sink s = {.wide = wide, .stream = f};
    flockfile(f);
    run(&s, fmt, ap);
    stream_end(&s);
    funlockfile(f);
    if (s.error) {
        errno = s.error;
        return -1;
    }
    return n;
}
