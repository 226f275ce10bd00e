/* SPDX-License-Identifier: MIT */
/*
 * MD4 (RFC 1320) and the NT password hash built on it. Used only to turn
 * policy passwords into the 16-byte hashes the logon engine compares; MD4 is
 * broken as a cryptographic hash and must not be used for anything else.
 */
#ifndef LSAEMU_BASE_MD4_H
#define LSAEMU_BASE_MD4_H

#include <stddef.h>
#include <stdint.h>

/* out = MD4(data[0..len)). */
void md4(const void *data, size_t len, uint8_t out[16]);

/*
 * out = MD4(UTF-16LE(password)), the NT hash. password is UTF-8 of length len
 * (characters above U+FFFF become surrogate pairs). Returns 0, or -1 when the
 * text is not valid UTF-8 or memory runs out (out is then untouched).
 */
int md4_nt_hash(const char *password, size_t len, uint8_t out[16]);

#endif
