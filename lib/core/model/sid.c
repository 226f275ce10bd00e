/* SPDX-License-Identifier: MIT */
/*
 * SID values: construction, the S-1-... text form, comparison and hashing.
 * Pure functions over struct sid; no allocation.
 */
#include "core/model/sid.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_authority(struct sid *s, uint64_t authority)
{
    for (int i = 5; i >= 0; i--) {
        s->authority[i] = (uint8_t)(authority & 0xFF);
        authority >>= 8;
    }
}

struct sid sid_make(uint64_t authority, unsigned count, const uint32_t *subs)
{
    struct sid s;
    memset(&s, 0, sizeof s);
    s.revision = 1;
    if (count > SID_MAX_SUB_AUTHORITIES)
        count = SID_MAX_SUB_AUTHORITIES;
    s.count = (uint8_t)count;
    set_authority(&s, authority);
    for (unsigned i = 0; i < count; i++)
        s.sub[i] = subs[i];
    return s;
}

struct sid sid_make1(uint64_t authority, uint32_t a)
{
    return sid_make(authority, 1, &a);
}

struct sid sid_make2(uint64_t authority, uint32_t a, uint32_t b)
{
    uint32_t subs[2] = {a, b};
    return sid_make(authority, 2, subs);
}

struct sid sid_append(const struct sid *base, uint32_t rid)
{
    struct sid s = *base;
    if (s.count < SID_MAX_SUB_AUTHORITIES)
        s.sub[s.count++] = rid;
    return s;
}

uint64_t sid_authority(const struct sid *s)
{
    uint64_t a = 0;
    for (int i = 0; i < 6; i++)
        a = (a << 8) | s->authority[i];
    return a;
}

/* Reads an unsigned decimal (or 0x hex when allow_hex) number ending at '-'
 * or NUL; rejects empty parts, signs and values above max. */
static bool parse_part(const char **p, uint64_t max, bool allow_hex, uint64_t *out)
{
    const char *s = *p;
    int base = 10;
    if (allow_hex && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    if (!isxdigit((unsigned char)s[0]) || (base == 10 && !isdigit((unsigned char)s[0])))
        return false;
    uint64_t v = 0;
    while (*s && *s != '-') {
        int d;
        if (isdigit((unsigned char)*s))
            d = *s - '0';
        else if (base == 16 && isxdigit((unsigned char)*s))
            d = tolower((unsigned char)*s) - 'a' + 10;
        else
            return false;
        v = v * (uint64_t)base + (uint64_t)d;
        if (v > max)
            return false;
        s++;
    }
    *p = s;
    *out = v;
    return true;
}

bool sid_parse(const char *text, struct sid *out)
{
    if (!text || (text[0] != 'S' && text[0] != 's') || text[1] != '-')
        return false;
    const char *p = text + 2;
    uint64_t rev, auth;
    if (!parse_part(&p, 255, false, &rev) || rev != 1 || *p != '-')
        return false;
    p++;
    if (!parse_part(&p, 0xFFFFFFFFFFFFull, true, &auth))
        return false;
    uint32_t subs[SID_MAX_SUB_AUTHORITIES];
    unsigned n = 0;
    while (*p == '-') {
        p++;
        uint64_t v;
        if (n == SID_MAX_SUB_AUTHORITIES || !parse_part(&p, 0xFFFFFFFFu, false, &v))
            return false;
        subs[n++] = (uint32_t)v;
    }
    if (*p != '\0')
        return false;
    *out = sid_make(auth, n, subs);
    return true;
}

char *sid_format(const struct sid *s, char *buf)
{
    uint64_t a = sid_authority(s);
    size_t len;
    /* Windows prints authorities that do not fit 32 bits in hex. */
    if (a >> 32)
        len = (size_t)snprintf(buf, SID_STRING_MAX, "S-%u-0x%012llX", s->revision,
                               (unsigned long long)a);
    else
        len = (size_t)snprintf(buf, SID_STRING_MAX, "S-%u-%llu", s->revision,
                               (unsigned long long)a);
    for (unsigned i = 0; i < s->count && i < SID_MAX_SUB_AUTHORITIES; i++)
        len += (size_t)snprintf(buf + len, SID_STRING_MAX - len, "-%u", s->sub[i]);
    return buf;
}

size_t sid_size(const struct sid *s)
{
    return 8 + 4 * (size_t)s->count;
}

uint32_t sid_hash(const struct sid *s)
{
    /* A word at a time over the bytes that matter (the 8-byte head, then
     * each sub-authority): a logon hashes some forty SIDs, and the byte-wise
     * FNV-1a this replaced was an eighth of its cost. Only the in-memory
     * hash tables use the value; the last step folds the high half into the
     * low bits the tables index with. */
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t head;
    memcpy(&head, &s->revision, sizeof head);
    uint64_t h = head * k;
    for (unsigned i = 0; i < s->count; i++)
        h = (h ^ s->sub[i]) * k;
    return (uint32_t)(h ^ (h >> 32));
}

bool sid_is_child_of(const struct sid *s, const struct sid *base)
{
    return s->count == base->count + 1 && s->revision == base->revision &&
           memcmp(s->authority, base->authority, 6) == 0 &&
           memcmp(s->sub, base->sub, sizeof(uint32_t) * base->count) == 0;
}

uint32_t sid_last_rid(const struct sid *s)
{
    return s->count ? s->sub[s->count - 1] : 0;
}
