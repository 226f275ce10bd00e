/* SPDX-License-Identifier: MIT */
/*
 * Growing arrays: the one copy of "double the room when it is full". An
 * array is a pointer, a count kept by its user and a capacity; room for
 * more is made by array_reserve(), through mem_realloc, in amortised
 * constant time per element.
 */
#ifndef LSAEMU_BASE_ARRAY_H
#define LSAEMU_BASE_ARRAY_H

#include <stddef.h>

/*
 * Makes room for at least need elements of elem bytes in *items (capacity
 * *cap): doubles the capacity, starting at first, until it holds need. 0,
 * or -1 when need cannot be sized or memory ran out (the array is then
 * unchanged). *items is mem_realloc'd memory its owner frees with mem_free.
 */
int array_reserve(void *items, size_t *cap, size_t need, size_t elem, size_t first);

#endif
