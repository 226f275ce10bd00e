/* SPDX-License-Identifier: MIT */
/*
 * Security identifiers as plain values.
 *
 * struct sid has the binary layout of a Windows SID (revision, sub-authority
 * count, 6-byte authority, 32-bit sub-authorities) with room for the maximum
 * of 15 sub-authorities, so the first sid_size() bytes can be copied straight
 * into a caller's buffer. Nothing here allocates.
 */
#ifndef LSAEMU_CORE_MODEL_SID_H
#define LSAEMU_CORE_MODEL_SID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Spelt as the winnt.h in use spells it (mingw-w64's in the Windows DLL),
 * so that the two definitions are the same. */
#ifdef _WIN32
#define SID_MAX_SUB_AUTHORITIES (15)
#else
#define SID_MAX_SUB_AUTHORITIES 15
#endif
/* "S-1-" + 48-bit authority + 15 * ("-" + 10 digits) + NUL fits in 192 bytes. */
#define SID_STRING_MAX 192

struct sid {
    uint8_t revision;
    uint8_t count;
    uint8_t authority[6];
    uint32_t sub[SID_MAX_SUB_AUTHORITIES];
};

/* Builds S-1-<authority>-<sub...> from count sub-authorities. */
struct sid sid_make(uint64_t authority, unsigned count, const uint32_t *subs);
/* Convenience for the common short forms, e.g. sid_make2(5, 32, 544). */
struct sid sid_make1(uint64_t authority, uint32_t a);
struct sid sid_make2(uint64_t authority, uint32_t a, uint32_t b);
/* Appends one RID to a copy of base (count must be below the maximum). */
struct sid sid_append(const struct sid *base, uint32_t rid);

/*
 * Parses "S-1-5-21-1-2-3-1001" (case-insensitive "s-"). Accepts a hex
 * authority written 0x... as Windows does for authorities >= 2^32. Returns
 * false for anything malformed: empty parts, more than 15 sub-authorities,
 * values out of range, trailing text. "S-1-5" (no sub-authority) is valid.
 */
bool sid_parse(const char *text, struct sid *out);
/* Formats into buf (at least SID_STRING_MAX bytes) and returns buf. */
char *sid_format(const struct sid *s, char *buf);

static inline bool sid_equal(const struct sid *a, const struct sid *b)
{
    /* Inline, and the 8-byte head (revision, count, authority) as one word,
     * then the sub-authorities: a logon compares a few hundred SIDs, and two
     * memcmp calls per comparison were a tenth of its cost. */
    uint64_t ha, hb;
    memcpy(&ha, &a->revision, sizeof ha);
    memcpy(&hb, &b->revision, sizeof hb);
    if (ha != hb)
        return false;
    for (unsigned i = 0; i < a->count; i++)
        if (a->sub[i] != b->sub[i])
            return false;
    return true;
}

/* Bytes the SID occupies in Windows layout: 8 + 4 * count. */
size_t sid_size(const struct sid *s);
uint64_t sid_authority(const struct sid *s);
uint32_t sid_hash(const struct sid *s);
/* True when s is base followed by exactly one more sub-authority. */
bool sid_is_child_of(const struct sid *s, const struct sid *base);
uint32_t sid_last_rid(const struct sid *s);

#endif
