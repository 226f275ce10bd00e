/* SPDX-License-Identifier: MIT */
/*
 * The library's allocator. Every allocation lsaemu makes goes through these
 * functions (tests/check-mem-calls.sh refuses a plain malloc/calloc/realloc/
 * strdup/free in lib/), so that a test can make the Nth allocation fail and
 * check that each entry point answers with its out-of-memory status, fills
 * no out-parameter halfway and leaks nothing.
 *
 * libyaml's own allocations (the parser's token and event buffers) do not
 * come through here and cannot be made to fail; the loader's own copies of
 * what libyaml hands it do.
 *
 * mem_free(NULL) does nothing; every pointer given to mem_free must come
 * from these functions (the live count below depends on it).
 */
#ifndef LSAEMU_BASE_MEM_H
#define LSAEMU_BASE_MEM_H

#include <stddef.h>

void *mem_malloc(size_t size);
void *mem_calloc(size_t n, size_t size);
/* realloc(p, 0) is not used by lsaemu: a size of 0 is treated as 1. */
void *mem_realloc(void *p, size_t size);
char *mem_strdup(const char *s);
void mem_free(void *p);
/* For memory the caller releases with the C library's free() (documented as
 * such, e.g. lsaemu_wcsdup16): fails like the others, is not counted live. */
void *mem_malloc_unowned(size_t size);

#ifdef _WIN32
/*
 * The Windows DLL: a zeroed block of kernel32's LocalAlloc, for the buffers
 * lsaemu returns (core/state/retbuf.c), which the program frees with
 * kernel32's LocalFree or lsaemu's Lsa*Free functions. It fails like the
 * others but is not counted live: the program's LocalFree does not tell.
 * mem_local_free() frees one with LocalFree (NULL does nothing).
 */
void *mem_local_calloc(size_t size);
void mem_local_free(void *p);
#endif

/*
 * Test-only controls (internal symbols, not exported by liblsaemu; the Check
 * suites link the internal convenience library).
 *
 * mem_fail_after(n): the next n allocations succeed, every one after them
 * fails (returns NULL) until mem_fail_reset(). The count is process-wide.
 * Counting starts at the first call of any of these controls (before it the
 * allocator keeps no shared counter); the counts compare windows after it.
 */
void mem_fail_after(unsigned long n);
void mem_fail_reset(void);
/* How many allocations were attempted since counting started. */
unsigned long mem_alloc_count(void);
/* How many allocations failed because of mem_fail_after(). */
unsigned long mem_failed_count(void);
/* Blocks allocated and not yet freed (through these functions). */
long mem_live_count(void);

#endif
