/* SPDX-License-Identifier: MIT */
/*
 * Buffers the emulated LSA hands to callers (profiles, package answers,
 * session lists and data). Each is registered with the function family that
 * must free it, so that freeing a foreign pointer, a buffer twice, or with
 * the wrong function is answered with a status instead of corrupting memory.
 */
#ifndef LSAEMU_CORE_RETBUF_H
#define LSAEMU_CORE_RETBUF_H

#include <stddef.h>

enum retbuf_kind {
    RETBUF_LSA_RETURN, /* freed by LsaFreeReturnBuffer */
    RETBUF_LSA_MEMORY, /* freed by LsaFreeMemory */
    RETBUF_LOCAL,      /* freed by LocalFree */
    RETBUF_SID,        /* AllocateAndInitializeSid, freed by FreeSid */
};

/* A zeroed, registered buffer of size bytes (at least 1), or NULL. */
void *retbuf_alloc(enum retbuf_kind kind, size_t size);
/* Frees a registered buffer of this kind: 0, or -1 when p is not one (nothing
 * is touched then). */
int retbuf_free(void *p, enum retbuf_kind kind);
/* Is p a live buffer of this kind? */
int retbuf_is(const void *p, enum retbuf_kind kind);
/* Frees every registered buffer. */
void retbuf_reset(void);
/* How many buffers are live. */
size_t retbuf_count(void);

void retbuf_lock(void);
void retbuf_unlock(void);

#endif
