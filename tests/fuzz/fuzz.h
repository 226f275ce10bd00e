/* SPDX-License-Identifier: MIT */
/*
 * Shared pieces of the fuzz targets (tests/fuzz/fuzz_*.c). Each target
 * defines LLVMFuzzerTestOneInput; it is linked either with libFuzzer
 * (--enable-fuzzing, `make fuzz`) or with replay.c, which feeds it the
 * committed corpus during `make check`.
 */
#ifndef LSAEMU_TESTS_FUZZ_H
#define LSAEMU_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small cursor over the fuzz input. Reading past the end gives zeros. */
struct fuzz_in {
    const uint8_t *p;
    size_t n;
};

static inline uint8_t fuzz_u8(struct fuzz_in *in)
{
    if (in->n == 0)
        return 0;
    in->n--;
    return *in->p++;
}

static inline uint16_t fuzz_u16(struct fuzz_in *in)
{
    uint16_t lo = fuzz_u8(in);
    return (uint16_t)(lo | (uint16_t)fuzz_u8(in) << 8);
}

/* Stops the process the way a sanitizer would: a harness-level finding
 * (the library lied, not crashed) must fail the replay and libFuzzer. */
#define FUZZ_ASSERT(cond)                                                                  \
    do {                                                                                   \
        if (!(cond))                                                                       \
            fuzz_fail(__FILE__, __LINE__, #cond);                                          \
    } while (0)
void fuzz_fail(const char *file, int line, const char *what) __attribute__((noreturn));

/* Splits the fix-up bytes (a count, then 8 bytes each) off the front of in. */
struct fuzz_in fuzz_take_fixups(struct fuzz_in *in);

/*
 * Pointer fix-ups for submit buffers: the first byte chooses how many
 * UNICODE_STRINGs to rewrite; each then names an 8-aligned slot of the block
 * and where its Buffer points (inside, unaligned, straddling the end, before
 * or after the block, NULL, far away) with fuzzed Length/MaximumLength.
 * Consumes from fixups (see fuzz_take_fixups), writes into block (len bytes).
 */
void fuzz_fixup_strings(struct fuzz_in *fixups, unsigned char *block, size_t len);

#endif
