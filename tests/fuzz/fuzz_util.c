/* SPDX-License-Identifier: MIT */
/* Helpers shared by the fuzz targets (see fuzz.h). */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>
#include <ntsecapi.h>

void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
    abort();
}

struct fuzz_in fuzz_take_fixups(struct fuzz_in *in)
{
    struct fuzz_in f = *in;
    size_t need = in->n ? 1 + (size_t)(in->p[0] % 5) * 8 : 0;
    if (need > in->n)
        need = in->n;
    f.n = need;
    in->p += need;
    in->n -= need;
    return f;
}

void fuzz_fixup_strings(struct fuzz_in *in, unsigned char *block, size_t len)
{
    unsigned count = fuzz_u8(in) % 5;
    size_t slots = len / 8;
    for (unsigned i = 0; i < count && slots > 0; i++) {
        size_t slot = fuzz_u8(in) % slots;
        size_t off = slot * 8;
        uint8_t mode = fuzz_u8(in);
        uint16_t where = fuzz_u16(in);
        UNICODE_STRING us;
        us.Length = fuzz_u16(in);
        us.MaximumLength = fuzz_u16(in);
        uintptr_t base = (uintptr_t)block, p;
        switch (mode % 8) {
        case 0: /* inside, even offset */
            p = base + (where % (len + 1)) / 2 * 2;
            us.Length %= (USHORT)(len + 1);
            break;
        case 1: /* inside, odd offset (misaligned WCHARs) */
            p = (base + (where % (len + 1))) | 1;
            break;
        case 2: /* straddles the end of the block */
            p = base + len - (where % (len + 1));
            break;
        case 3: /* just past the end */
            p = base + len + (where % 64);
            break;
        case 4: /* before the block */
            p = base - 1 - (where % 4096);
            break;
        case 5:
            p = 0;
            break;
        case 6: /* far away (never mapped by this process) */
            p = (uintptr_t)0x10 + where;
            break;
        default: /* wraps around the address space */
            p = UINTPTR_MAX - where;
            break;
        }
        us.Buffer = (PWSTR)p;
        /* The UNICODE_STRING (16 bytes on 64-bit) must fit in the block. */
        if (off + sizeof us <= len)
            memcpy(block + off, &us, sizeof us);
    }
}
