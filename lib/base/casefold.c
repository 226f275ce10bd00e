/* SPDX-License-Identifier: MIT */
/* Upper-casing of name code points (see casefold.h). */
#include "base/casefold.h"

uint32_t casefold_upper(uint32_t cp)
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
    uint32_t cp;
    unsigned n;
    if (s[0] == 0)
        return 0;
    if (s[0] < 0x80) {
        *p = s + 1;
        return casefold_upper(s[0]);
    }
    n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    cp = n == 4 ? s[0] & 0x07u : n == 3 ? s[0] & 0x0Fu : s[0] & 0x1Fu;
    for (unsigned i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            n = 0;
            break;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (n == 0) {
        *p = s + 1;
        return s[0];
    }
    *p = s + n;
    return casefold_upper(cp);
}
