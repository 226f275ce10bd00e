/* SPDX-License-Identifier: MIT */
/* Growing arrays (see array.h). */
#include "base/array.h"

#include <stdint.h>
#include <string.h>

#include "base/mem.h"

int array_reserve(void *items, size_t *cap, size_t need, size_t elem, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : first ? first : 1;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return -1;
    void *old;
    memcpy(&old, items, sizeof old);
    void *p = mem_realloc(old, ncap * elem);
    if (!p)
        return -1;
    memcpy(items, &p, sizeof p);
    *cap = ncap;
    return 0;
}
