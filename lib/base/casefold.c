/* SPDX-License-Identifier: MIT */
/* Upper-casing of name code points (see casefold.h). */
#include "base/casefold.h"

#include <stddef.h>
#include <stdint.h>

#include "base/utf.h"

/* The upper-case form of one code point. */
static uint32_t casefold_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z' ? cp - 0x20 : cp;
    /* Latin-1: à..þ except ÷; ÿ becomes Ÿ. */
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
        return cp - 0x20;
    if (cp == 0xFF)
        return 0x178;
    /* Latin Extended-A pairs capital/small: even/odd from 0x100 to 0x137,
     * odd/even from 0x139 to 0x148 and 0x179 to 0x17E, even/odd from 0x14A
     * to 0x177. The dotless i (0x131) stays itself, as in Windows' table. */
    if ((cp >= 0x100 && cp <= 0x137 && cp != 0x131) || (cp >= 0x14A && cp <= 0x177))
        return cp & ~1u;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return (cp & 1u) ? cp : cp - 1;
    /* Greek: α..ω (ς is upper-cased to Σ). */
    if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2)
        return cp - 0x20;
    if (cp == 0x3C2)
        return 0x3A3;
    /* Cyrillic: а..я and ѐ..џ. */
    if (cp >= 0x430 && cp <= 0x44F)
        return cp - 0x20;
    if (cp >= 0x450 && cp <= 0x45F)
        return cp - 0x50;
    return cp;
}

uint32_t casefold_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    size_t used;
    if (s[0] == 0)
        return 0;
    long cp = utf8_next(s, SIZE_MAX, &used, 0);
    if (cp < 0) {
        /* Not UTF-8 (the loader refuses such names; this keeps comparing
         * anything): the byte stands for itself. */
        *p = s + 1;
        return s[0];
    }
    *p = s + used;
    return casefold_upper((uint32_t)cp);
}
