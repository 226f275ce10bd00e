/* SPDX-License-Identifier: MIT */
/*
 * Case-insensitive comparison of account and group names as Windows does it
 * (RtlUpcaseUnicodeChar on UTF-16): every code point is upper-cased before
 * comparing, not only ASCII. lsaemu's table covers the scripts account names
 * are written in in practice (Latin-1, Latin Extended-A, Greek, Cyrillic);
 * other code points compare exactly.
 */
#ifndef LSAEMU_BASE_CASEFOLD_H
#define LSAEMU_BASE_CASEFOLD_H

#include <stdint.h>

/* Decodes the UTF-8 code point at *p, advances *p past it and returns it
 * upper-cased; 0 at the end of the string. A malformed byte is returned as
 * itself (0x80..0xFF) and consumed alone. */
uint32_t casefold_next(const unsigned char **p);

#endif
