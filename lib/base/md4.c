/* SPDX-License-Identifier: MIT */
/*
 * MD4 message digest, implemented from the description in RFC 1320, and the
 * NT hash (MD4 of the UTF-16LE password). Pure computation: no policy, no I/O.
 */
#include "config.h"
#include "base/mem.h"

#include "base/md4.h"
#include "base/utf.h"

#include <stdlib.h>
#include <string.h>

struct md4_state {
    uint32_t a, b, c, d;
};

static inline uint32_t rotl(uint32_t x, unsigned n)
{
    return (x << n) | (x >> (32 - n));
}

/* The three auxiliary functions of RFC 1320 section 3.4. */
#define MD4_F(x, y, z) (((x) & (y)) | (~(x) & (z)))
#define MD4_G(x, y, z) (((x) & (y)) | ((x) & (z)) | ((y) & (z)))
#define MD4_H(x, y, z) ((x) ^ (y) ^ (z))

/* One step of each round, [abcd k s] of RFC 1320: a = (a + f(b,c,d) + X[k] + c) <<< s. */
#define MD4_STEP(f, a, b, c, d, xk, k, s) ((a) = rotl((a) + f(b, c, d) + (xk) + (k), (s)))
#define MD4_R1(a, b, c, d, k, s) MD4_STEP(MD4_F, a, b, c, d, x[k], 0u, s)
#define MD4_R2(a, b, c, d, k, s) MD4_STEP(MD4_G, a, b, c, d, x[k], 0x5A827999u, s)
#define MD4_R3(a, b, c, d, k, s) MD4_STEP(MD4_H, a, b, c, d, x[k], 0x6ED9EBA1u, s)

/* Processes one 64-byte block (RFC 1320 section 3.4, rounds 1 to 3),
 * written out step by step: constant shifts and word indexes, one block per
 * account at load (the NT hash of its password). */
static void md4_block(struct md4_state *st, const uint8_t *p)
{
    uint32_t x[16];
    for (int i = 0; i < 16; i++)
        x[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
               (uint32_t)p[4 * i + 3] << 24;

    uint32_t a = st->a, b = st->b, c = st->c, d = st->d;

    /* Round 1: words in order, shifts 3 7 11 19. */
#define MD4_R1_ROW(i)                                                                        \
    MD4_R1(a, b, c, d, i, 3), MD4_R1(d, a, b, c, i + 1, 7), MD4_R1(c, d, a, b, i + 2, 11),   \
        MD4_R1(b, c, d, a, i + 3, 19)
    MD4_R1_ROW(0);
    MD4_R1_ROW(4);
    MD4_R1_ROW(8);
    MD4_R1_ROW(12);
    /* Round 2: column order (0 4 8 12, 1 5 9 13, ...), shifts 3 5 9 13. */
#define MD4_R2_ROW(i)                                                                        \
    MD4_R2(a, b, c, d, i, 3), MD4_R2(d, a, b, c, i + 4, 5), MD4_R2(c, d, a, b, i + 8, 9),    \
        MD4_R2(b, c, d, a, i + 12, 13)
    MD4_R2_ROW(0);
    MD4_R2_ROW(1);
    MD4_R2_ROW(2);
    MD4_R2_ROW(3);
    /* Round 3: bit-reversed order (0 8 4 12, 2 10 6 14, 1 9 5 13, 3 11 7 15),
     * shifts 3 9 11 15. */
#define MD4_R3_ROW(i)                                                                        \
    MD4_R3(a, b, c, d, i, 3), MD4_R3(d, a, b, c, i + 8, 9), MD4_R3(c, d, a, b, i + 4, 11),   \
        MD4_R3(b, c, d, a, i + 12, 15)
    MD4_R3_ROW(0);
    MD4_R3_ROW(2);
    MD4_R3_ROW(1);
    MD4_R3_ROW(3);

    st->a += a;
    st->b += b;
    st->c += c;
    st->d += d;
}

static void put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

void md4(const void *data, size_t len, uint8_t out[16])
{
    struct md4_state st = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u};
    const uint8_t *p = data;
    size_t left = len;

    while (left >= 64) {
        md4_block(&st, p);
        p += 64;
        left -= 64;
    }

    /* Padding: one 1 bit, zeros to 56 mod 64 bytes, then the bit length. */
    uint8_t tail[128];
    memset(tail, 0, sizeof tail);
    if (left)
        memcpy(tail, p, left);
    tail[left] = 0x80;
    size_t tail_len = left < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    put_le32(tail + tail_len - 8, (uint32_t)bits);
    put_le32(tail + tail_len - 4, (uint32_t)(bits >> 32));
    md4_block(&st, tail);
    if (tail_len == 128)
        md4_block(&st, tail + 64);

    put_le32(out, st.a);
    put_le32(out + 4, st.b);
    put_le32(out + 8, st.c);
    put_le32(out + 12, st.d);
}

int md4_nt_hash(const char *password, size_t len, uint8_t out[16])
{
    /* At most two UTF-16 units (4 bytes) per input byte; passwords of a
     * usual length are converted on the stack (one per account at load). */
    uint8_t small[256];
    uint8_t *buf = len < sizeof small / 4 ? small : mem_calloc(len * 4 + 1, 1);
    if (!buf)
        return -1;
    const unsigned char *s = (const unsigned char *)password;
    size_t i = 0, n = 0;
    int rc = -1;
    while (i < len) {
        size_t used;
        long cp = utf8_next(s + i, len - i, &used, 0);
        if (cp < 0)
            goto out;
        i += used;
        /* UTF-16LE, byte by byte whatever the host's order. */
        uint16_t u[2];
        size_t k = utf16_encode((uint32_t)cp, u);
        for (size_t j = 0; j < k; j++) {
            buf[n++] = (uint8_t)u[j];
            buf[n++] = (uint8_t)(u[j] >> 8);
        }
    }
    md4(buf, n, out);
    rc = 0;
out:
    /* The buffer held the password; do not leave it in freed memory. */
    for (volatile uint8_t *v = buf; v < buf + n; v++)
        *v = 0;
    if (buf != small)
        mem_free(buf);
    return rc;
}
