/* SPDX-License-Identifier: MIT */
/*
 * Reading a security template (see secedit.h). The template is first
 * decoded to UTF-8 lines, so that columns count characters whatever the
 * file's encoding, then [Privilege Rights] is turned into a `rights:`
 * mapping. Principals are kept as written: names stay names and *S-1-...
 * stays a SID, both of which the policy format accepts.
 */
#include "config.h"
#include "base/mem.h"
#include "base/array.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/export.h"

#include "base/utf.h"
#include "core/model/rights.h"
#include "core/model/sid.h"
#include "core/model/policy_build.h"
#include "loader/secedit.h"

struct text {
    char *p;
    size_t len, cap;
    bool failed;
};

static void text_add(struct text *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (array_reserve(&t->p, &t->cap, t->len + n + 1, 1, 1024) < 0) {
        t->failed = true;
        return;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

static void text_str(struct text *t, const char *s)
{
    text_add(t, s, strlen(s));
}

/* Appends one code point as UTF-8. */
static void text_utf8(struct text *t, uint32_t c)
{
    unsigned char b[4];
    size_t n = utf8_encode(c, b);
    text_add(t, (const char *)b, n);
}

/* A name the template gives that the policy would not know (--stub-accounts). */
struct stub {
    char *name;   /* the account name */
    char *domain; /* NULL: a local account; else the domain it is qualified with */
    int line, column;
};

struct importer {
    const char *source;
    void (*report)(const struct lsaemu_error *, void *);
    void *ctx;
    int errors;
    /* With SECEDIT_STUB_ACCOUNTS: a policy holding only the built-ins, to
     * tell which names need a stub, and the stubs found so far. */
    const struct policy *known;
    struct stub *stubs;
    size_t n_stubs, cap_stubs;
    bool failed; /* out of memory */
    /* [System Access]: the Account Lockout Policy's keys (MS-GPSB
     * 2.2.1.1.2), in LOCKOUT_KEYS order; line 0 = not given. */
    int lockout_line[3], lockout_column[3];
    long lockout_value[3];
};

/* The keys of [System Access] that become the lockout: section, and the
 * section's key each one sets. Other keys of the section (password age,
 * length ...) are read past. */
static const char *const lockout_keys[3] = {"LockoutBadCount", "LockoutDuration",
                                            "ResetLockoutCount"};
enum { LK_COUNT, LK_DURATION, LK_RESET };

static void problem(struct importer *im, int line, int column, const char *fmt, ...)
    LSAEMU_PRINTF(4, 5);

static void problem(struct importer *im, int line, int column, const char *fmt, ...)
{
    im->errors++;
    if (!im->report)
        return;
    struct lsaemu_error e;
    memset(&e, 0, sizeof e);
    snprintf(e.source, sizeof e.source, "%s", im->source);
    e.line = line;
    e.column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.text, sizeof e.text, fmt, ap);
    va_end(ap);
    im->report(&e, im->ctx);
}

/* UTF-16LE after a BOM to UTF-8. An unpaired surrogate is an error at
 * its position, as a template with one could not have come from secedit. */
static bool decode_utf16(struct importer *im, const unsigned char *d, size_t len, struct text *out)
{
    int line = 1, col = 1;
    bool ok = true;
    if (len % 2) {
        problem(im, 1, 1, "UTF-16 text with an odd number of bytes");
        return false;
    }
    for (size_t i = 0; i < len; i += 2) {
        /* Little-endian whatever the host: read byte by byte. */
        uint32_t c = d[i] | (uint32_t)d[i + 1] << 8;
        if (utf16_is_high(c) && i + 3 < len) {
            uint32_t lo = d[i + 2] | (uint32_t)d[i + 3] << 8;
            if (utf16_is_low(lo)) {
                c = utf16_pair(c, lo);
                i += 2;
            }
        }
        if (utf_is_surrogate(c)) {
            problem(im, line, col, "unpaired UTF-16 surrogate");
            ok = false;
            c = UTF_REPLACEMENT;
        }
        if (c == 0) {
            problem(im, line, col, "NUL character in the template");
            ok = false;
            continue;
        }
        text_utf8(out, c);
        col++;
        if (c == '\n') {
            line++;
            col = 1;
        }
    }
    return ok;
}

static bool check_utf8(struct importer *im, const unsigned char *d, size_t len, struct text *out)
{
    int line = 1, col = 1;
    for (size_t i = 0; i < len;) {
        size_t n = 0;
        if (d[i] && utf8_next(d + i, len - i, &n, 0) < 0)
            n = 0;
        if (n == 0) {
            problem(im, line, col,
                    d[i] ? "bytes that are not UTF-8 (templates are UTF-16LE with BOM or UTF-8)"
                         : "NUL byte in the template (UTF-16 without a byte-order mark?)");
            return false;
        }
        if (d[i] == '\n') {
            line++;
            col = 0;
        }
        i += n;
        col++;
    }
    text_add(out, (const char *)d, len);
    return true;
}

/* Column (1-based, in characters) of p within line. */
static int column_of(const char *line, const char *p)
{
    int col = 1;
    for (const char *q = line; q < p; q++)
        if (!utf8_is_continuation((unsigned char)*q))
            col++;
    return col;
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static const char *trim_end(const char *start, const char *end)
{
    while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    return end;
}

/* Appends s (n bytes) as a double-quoted YAML scalar. */
static void yaml_quoted(struct text *t, const char *s, size_t n)
{
    text_str(t, "\"");
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\')
            text_str(t, "\\");
        text_add(t, s + i, 1);
    }
    text_str(t, "\"");
}

/* Remembers name (n bytes) as an account to stub when no principal of
 * the built-in policy has it and no stub so far. */
static void note_stub(struct importer *im, int line, int column, const char *p, size_t n)
{
    char text[512];
    struct sid sid;
    if (!im->known || n >= sizeof text)
        return;
    memcpy(text, p, n);
    text[n] = '\0';
    if (policy_resolve_principal(im->known, text, &sid))
        return;
    const char *slash = strchr(text, '\\');
    const char *name = slash ? slash + 1 : text;
    char domain[256] = "";
    if (slash && !(slash - text == 1 && text[0] == '.'))
        snprintf(domain, sizeof domain, "%.*s", (int)(slash - text), text);
    for (size_t i = 0; i < im->n_stubs; i++)
        if (!strcasecmp(im->stubs[i].name, name) &&
            !strcasecmp(im->stubs[i].domain ? im->stubs[i].domain : "", domain))
            return;
    if (array_reserve(&im->stubs, &im->cap_stubs, im->n_stubs + 1, sizeof *im->stubs, 8) < 0) {
        im->failed = true;
        return;
    }
    struct stub *st = &im->stubs[im->n_stubs];
    st->name = mem_strdup(name);
    st->domain = domain[0] ? mem_strdup(domain) : NULL;
    st->line = line;
    st->column = column;
    if (!st->name || (domain[0] && !st->domain)) {
        mem_free(st->name);
        mem_free(st->domain);
        im->failed = true;
        return;
    }
    im->n_stubs++;
}

/* One principal of a list: checks it and appends it to the YAML list. */
static void principal(struct importer *im, struct text *y, int line, const char *ltext,
                      const char *p, const char *end, bool first)
{
    end = trim_end(p, end);
    if (end - p >= 2 && *p == '"' && end[-1] == '"') {
        p++;
        end--;
    }
    if (p == end) {
        problem(im, line, column_of(ltext, p), "empty principal in the list");
        return;
    }
    if (*p == '*') {
        char sid_text[SID_STRING_MAX + 2];
        struct sid sid;
        size_t n = (size_t)(end - p - 1);
        if (n >= sizeof sid_text || (memcpy(sid_text, p + 1, n), sid_text[n] = '\0',
                                     !sid_parse(sid_text, &sid))) {
            problem(im, line, column_of(ltext, p), "malformed SID '%.*s'", (int)(end - p), p);
            return;
        }
    } else {
        /* A SID that names nothing is valid as it is; a name is not. */
        note_stub(im, line, column_of(ltext, p), p, (size_t)(end - p));
    }
    text_str(y, first ? "" : ", ");
    yaml_quoted(y, p, (size_t)(end - p));
}

/* Where each right was first assigned, for the duplicate message. */
struct seen {
    int line[RIGHT_COUNT];
};

/* One line of [Privilege Rights]: "SeXxx = a,*S-1-...,b". */
static void assignment(struct importer *im, struct text *y, struct seen *seen, int line,
                       const char *ltext, const char *start, const char *end)
{
    const char *eq = memchr(start, '=', (size_t)(end - start));
    if (!eq) {
        problem(im, line, column_of(ltext, start),
                "expected 'Right = principal,...' in [Privilege Rights]");
        return;
    }
    const char *kend = trim_end(start, eq);
    char key[128];
    size_t klen = (size_t)(kend - start);
    if (klen == 0 || klen >= sizeof key) {
        problem(im, line, column_of(ltext, start), "missing or overlong right name before '='");
        return;
    }
    memcpy(key, start, klen);
    key[klen] = '\0';
    int id = right_by_name(key);
    if (id < 0) {
        problem(im, line, column_of(ltext, start), "unknown privilege or right '%s'", key);
        return;
    }
    if (seen->line[id]) {
        problem(im, line, column_of(ltext, start), "%s is assigned again (first on line %d)",
                right_info(id)->name, seen->line[id]);
        return;
    }
    seen->line[id] = line;
    text_str(y, "  ");
    text_str(y, right_info(id)->name);
    text_str(y, ": [");
    const char *p = skip_space(eq + 1, end);
    bool first = true;
    /* An empty value is kept: it says "nobody", which is not the same as
     * leaving the right out of a template applied on top of a machine. */
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        principal(im, y, line, ltext, skip_space(p, stop), stop, first);
        first = false;
        if (!comma)
            break;
        p = comma + 1;
        if (p == end)
            problem(im, line, column_of(ltext, p), "empty principal in the list");
    }
    text_str(y, "]\n");
}

/*
 * One line of [System Access]: "Key = number". MS-GPSB 2.2.1.1.2 gives the
 * ranges: LockoutBadCount 0-999 (0: never locked), LockoutDuration -1 (until
 * an administrator unlocks) or 1-99999 minutes, ResetLockoutCount 1-99999
 * minutes; the Security Settings editor also writes a duration of 0 for
 * "until an administrator unlocks", read the same.
 */
static void access_line(struct importer *im, int line, const char *ltext, const char *start,
                        const char *end)
{
    const char *eq = memchr(start, '=', (size_t)(end - start));
    if (!eq)
        return; /* not a setting of ours: read past as the other keys */
    const char *kend = trim_end(start, eq);
    int k = -1;
    for (int i = 0; i < 3; i++)
        if ((size_t)(kend - start) == strlen(lockout_keys[i]) &&
            !strncasecmp(start, lockout_keys[i], (size_t)(kend - start)))
            k = i;
    if (k < 0)
        return;
    const char *v = skip_space(eq + 1, end);
    int column = column_of(ltext, v);
    char num[16];
    size_t n = (size_t)(end - v);
    long x = 0;
    bool ok = n > 0 && n < sizeof num;
    if (ok) {
        memcpy(num, v, n);
        num[n] = '\0';
        char *stop;
        x = strtol(num, &stop, 10);
        ok = *stop == '\0' && (isdigit((unsigned char)num[0]) || num[0] == '-');
    }
    long lo = k == LK_COUNT ? 0 : k == LK_DURATION ? -1 : 1;
    long hi = k == LK_COUNT ? 999 : 99999;
    if (!ok || x < lo || x > hi) {
        problem(im, line, column, "%s = %.*s: expected %s", lockout_keys[k], (int)n, v,
                k == LK_COUNT      ? "0 to 999 bad passwords"
                : k == LK_DURATION ? "-1 (until an administrator unlocks) or 0 to 99999 minutes"
                                   : "1 to 99999 minutes");
        return;
    }
    if (im->lockout_line[k]) {
        problem(im, line, column_of(ltext, start), "%s is given again (first on line %d)",
                lockout_keys[k], im->lockout_line[k]);
        return;
    }
    im->lockout_line[k] = line;
    im->lockout_column[k] = column;
    im->lockout_value[k] = x;
}

/* The lockout: section from [System Access], when it gave any lockout key;
 * a window longer than the duration is refused as the loader refuses it. */
static void put_lockout(struct importer *im, struct text *y)
{
    if (!im->lockout_line[LK_COUNT] && !im->lockout_line[LK_DURATION] &&
        !im->lockout_line[LK_RESET])
        return;
    long duration = im->lockout_value[LK_DURATION] < 0 ? 0 : im->lockout_value[LK_DURATION];
    if (im->lockout_line[LK_DURATION] && im->lockout_line[LK_RESET] && duration &&
        im->lockout_value[LK_RESET] > duration) {
        problem(im, im->lockout_line[LK_RESET], im->lockout_column[LK_RESET],
                "ResetLockoutCount (%ld minutes) is longer than LockoutDuration (%ld "
                "minutes); Windows requires it to be at most the duration",
                im->lockout_value[LK_RESET], duration);
        return;
    }
    char buf[160];
    const char *sep = "";
    text_str(y, "\n# From [System Access] (Account Lockout Policy).\nlockout: {");
    if (im->lockout_line[LK_COUNT]) {
        snprintf(buf, sizeof buf, " threshold: %ld", im->lockout_value[LK_COUNT]);
        text_str(y, buf);
        sep = ",";
    }
    if (im->lockout_line[LK_DURATION]) {
        snprintf(buf, sizeof buf, "%s duration: %ld", sep, duration);
        text_str(y, buf);
        sep = ",";
    }
    if (im->lockout_line[LK_RESET]) {
        snprintf(buf, sizeof buf, "%s window: %ld", sep, im->lockout_value[LK_RESET]);
        text_str(y, buf);
    }
    text_str(y, " }\n");
}

/* Walks the decoded text line by line. Returns whether the section was found. */
static bool convert(struct importer *im, char *txt, struct text *y)
{
    struct seen seen;
    memset(&seen, 0, sizeof seen);
    bool in_rights = false, in_access = false, found = false;
    int line = 0;
    for (char *l = txt; l && *l;) {
        line++;
        char *nl = strchr(l, '\n');
        char *end = nl ? nl : l + strlen(l);
        char *next = nl ? nl + 1 : NULL;
        if (end > l && end[-1] == '\r')
            end--;
        const char *start = skip_space(l, end);
        const char *tend = trim_end(start, end);
        if (start == tend || *start == ';') {
            l = next;
            continue;
        }
        if (*start == '[') {
            if (tend[-1] != ']') {
                problem(im, line, column_of(l, start), "section header is missing ']'");
                in_rights = in_access = false;
            } else {
                in_access = tend - start - 2 == 13 &&
                            strncasecmp(start + 1, "System Access", 13) == 0;
                in_rights = tend - start - 2 == 16 && strncasecmp(start + 1, "Privilege Rights", 16) == 0;
                if (in_rights && found)
                    problem(im, line, column_of(l, start), "second [Privilege Rights] section");
                found = found || in_rights;
            }
        } else if (in_rights) {
            assignment(im, y, &seen, line, l, start, tend);
        } else if (in_access) {
            access_line(im, line, l, start, tend);
        }
        l = next;
    }
    return found;
}

/* Names Windows refuses in accounts (and the loader with them). */
#define BAD_NAME_CHARS "\"/\\[]:;|=,+*?<>"

/*
 * The accounts section of the stubs and, when some name a domain, the
 * domain: section holding those: disabled accounts without a password, so
 * that the policy validates and none of them can log on by accident. The
 * domain comes with its built-in groups (Domain Users ...), whose names
 * need no stub.
 */
static void put_stubs(struct importer *im, struct text *y)
{
    const char *domain = NULL;
    bool local = false, in_domain = false;
    for (size_t i = 0; i < im->n_stubs; i++) {
        const struct stub *st = &im->stubs[i];
        const char *bad = strpbrk(st->name, BAD_NAME_CHARS);
        if (!*st->name || bad) {
            problem(im, st->line, st->column, "cannot stub account '%s': %s", st->name,
                    bad ? "Windows does not allow its characters in an account name"
                        : "the name is empty");
        } else if (!st->domain) {
            local = true;
        } else if (strlen(st->domain) > 15 || strpbrk(st->domain, BAD_NAME_CHARS ".") ||
                   !strcasecmp(st->domain, "BUILTIN") || !strcasecmp(st->domain, "NT AUTHORITY") ||
                   !strcasecmp(st->domain, im->known->machine_name)) {
            problem(im, st->line, st->column,
                    "cannot stub '%s\\%s': '%s' is not a NetBIOS domain name a policy can "
                    "give its domain",
                    st->domain, st->name, st->domain);
        } else if (!domain) {
            domain = st->domain;
        } else if (strcasecmp(domain, st->domain)) {
            problem(im, st->line, st->column,
                    "cannot stub '%s\\%s': the template names accounts of two domains (%s, "
                    "%s), and a policy has one",
                    st->domain, st->name, domain, st->domain);
        }
    }
    if (im->errors)
        return;
    struct policy *dp = NULL;
    if (domain) {
        dp = policy_new();
        if (!dp || policy_set_domain_name(dp, domain) < 0 || policy_finish(dp) < 0) {
            policy_unref(dp);
            im->failed = true;
            return;
        }
    }
    text_str(y, "\n# --stub-accounts: accounts the template names that no policy has by\n"
                "# default, disabled and without a password.\n");
    if (local) {
        text_str(y, "accounts:\n");
        for (size_t i = 0; i < im->n_stubs; i++)
            if (!im->stubs[i].domain) {
                text_str(y, "  ");
                yaml_quoted(y, im->stubs[i].name, strlen(im->stubs[i].name));
                text_str(y, ": { disabled: true }\n");
            }
    }
    if (domain) {
        text_str(y, "domain:\n  name: ");
        yaml_quoted(y, domain, strlen(domain));
        text_str(y, "\n");
        for (size_t i = 0; i < im->n_stubs; i++) {
            if (!im->stubs[i].domain || policy_find_domain_group(dp, im->stubs[i].name))
                continue;
            if (!in_domain)
                text_str(y, "  accounts:\n");
            in_domain = true;
            text_str(y, "    ");
            yaml_quoted(y, im->stubs[i].name, strlen(im->stubs[i].name));
            text_str(y, ": { disabled: true }\n");
        }
    }
    policy_unref(dp);
}

int secedit_import(const unsigned char *data, size_t len, const char *source, unsigned flags,
                   void (*report)(const struct lsaemu_error *, void *), void *ctx, char **yaml)
{
    struct importer im;
    memset(&im, 0, sizeof im);
    im.source = source ? source : "<template>";
    im.report = report;
    im.ctx = ctx;
    struct text txt = {0}, y = {0};
    struct policy *known = NULL;
    *yaml = NULL;
    if (flags & SECEDIT_STUB_ACCOUNTS) {
        known = policy_new();
        if (!known || policy_finish(known) < 0) {
            policy_unref(known);
            return -1;
        }
        im.known = known;
    }
    bool decoded;
    if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
        decoded = decode_utf16(&im, data + 2, len - 2, &txt);
    } else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
        problem(&im, 1, 1, "UTF-16BE template; secedit writes UTF-16LE (convert it with iconv)");
        decoded = false;
    } else {
        size_t bom = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
        decoded = check_utf8(&im, data + bom, len - bom, &txt);
    }
    text_str(&txt, "");
    if (decoded && !txt.failed) {
        text_str(&y, "# Converted by `lsaemu import-secedit` from ");
        text_str(&y, im.source);
        text_str(&y, ".\n# Only [Privilege Rights] and the lockout keys of [System Access] carry\n"
                     "# over; base: none means a right the template does not assign is held\n"
                     "# by nobody.\nlsaemu: 1\n\nbase: none\n\n"
                     "rights:\n");
        if (!convert(&im, txt.p, &y)) {
            problem(&im, 1, 1, "no [Privilege Rights] section");
        } else {
            put_lockout(&im, &y);
            if (im.n_stubs && !im.errors)
                put_stubs(&im, &y);
        }
    }
    int rc = im.errors;
    if (txt.failed || y.failed || im.failed)
        rc = -1;
    for (size_t i = 0; i < im.n_stubs; i++) {
        mem_free(im.stubs[i].name);
        mem_free(im.stubs[i].domain);
    }
    mem_free(im.stubs);
    policy_unref(known);
    if (rc == 0)
        *yaml = y.p;
    else
        mem_free(y.p);
    mem_free(txt.p);
    return rc;
}
