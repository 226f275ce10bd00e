/* SPDX-License-Identifier: MIT */
/*
 * Buffers the emulated LSA hands to callers (profiles, package answers,
 * session lists and data). Each is registered with the function family that
 * must free it, so that freeing a foreign pointer, a buffer twice, or with
 * the wrong function is answered with a status instead of corrupting memory.
 */
#ifndef LSAEMU_CORE_STATE_RETBUF_H
#define LSAEMU_CORE_STATE_RETBUF_H

#include <stddef.h>

enum retbuf_kind {
    RETBUF_LSA_RETURN, /* freed by LsaFreeReturnBuffer */
    RETBUF_LSA_MEMORY, /* freed by LsaFreeMemory */
    RETBUF_LOCAL,      /* freed by LocalFree */
    RETBUF_SID,        /* AllocateAndInitializeSid, freed by FreeSid */
    RETBUF_HEAP,       /* the program's own HeapAlloc / RtlAllocateHeap blocks */
};

/*
 * A call builds the buffer it returns privately and publishes it only when
 * it is complete, just before it returns: lsaemu_reset() frees published
 * buffers only, so it can never free one a call is still filling, and what
 * a call publishes after a reset lives on (README, "control API").
 *
 * retbuf_new() gives a zeroed buffer of size bytes (at least 1) that no
 * registry knows yet, or NULL; the caller publishes it once filled, or
 * frees it with retbuf_discard() (NULL is ignored).
 *
 * In the Windows DLL every buffer is kernel32's LocalAlloc memory
 * (mem_local_calloc), and a RETBUF_LOCAL one is not registered when it is
 * published: the program frees it with kernel32's LocalFree, which lsaemu
 * does not replace there, so lsaemu_reset() and LSAEMU_LEAKS leave it out,
 * and retbuf_free() takes the caller's word for it.
 */
void *retbuf_new(size_t size);
void retbuf_discard(void *p);

/* A filled buffer to publish: the family that frees it, and its size (for
 * the LSAEMU_LEAKS report). */
struct retbuf_pub {
    void *p; /* from retbuf_new(); NULL entries are skipped */
    enum retbuf_kind kind;
    size_t size;
};

/* The most buffers one retbuf_publish_all() publishes. */
#define RETBUF_PUBLISH_MAX 8

/*
 * Registers n buffers (at most RETBUF_PUBLISH_MAX) under one lock, all or none, so that a reset frees
 * all of them or none. Returns 0, or -1 on allocation failure (then none
 * is registered and each stays the caller's to discard). Once published, a
 * buffer belongs to the caller of the Windows function: nothing in lsaemu
 * writes into it any more, and a reset may free it at any time.
 */
int retbuf_publish_all(const struct retbuf_pub *bufs, size_t n);
/* The same for one buffer. */
int retbuf_publish(void *p, enum retbuf_kind kind, size_t size);
/* Frees a registered buffer of this kind: 0, or -1 when p is not one (nothing
 * is touched then). */
int retbuf_free(void *p, enum retbuf_kind kind);
/* Is p a live buffer of this kind? */
int retbuf_is(const void *p, enum retbuf_kind kind);
/*
 * The process heap. On Windows LocalAlloc's fixed memory, the SIDs of
 * AllocateAndInitializeSid and HeapAlloc's blocks all come from the
 * process's default heap ("the global and local functions are implemented
 * as wrapper functions that call the corresponding heap functions using a
 * handle to the process's default heap", Memory/global-and-local-functions;
 * RtlFreeSid is RtlFreeHeap on it, i13-facts A2), so any of HeapFree,
 * LocalFree, FreeSid, RtlFreeSid and RtlFreeHeap frees any of them. These
 * treat RETBUF_LOCAL, RETBUF_SID and RETBUF_HEAP as that one heap; the
 * kind stays only to name the function in messages.
 *
 * retbuf_heap_free() frees such a block: 0, or -1 when p is none (nothing
 * is touched then). retbuf_heap_size() gives its size: 0 with *size set, or
 * -1. retbuf_heap_shrink() records a smaller size for a block that stays
 * where it is (HEAP_REALLOC_IN_PLACE_ONLY): 0, or -1 when p is no block or
 * size is larger than its size.
 *
 * RETBUF_HEAP blocks are the program's memory, not something lsaemu
 * returned: lsaemu_reset() leaves them, and the leak report does not list
 * them (a Windows program may leave its heap to process exit).
 */
int retbuf_heap_free(void *p);
int retbuf_heap_size(const void *p, size_t *size);
int retbuf_heap_shrink(void *p, size_t size);

/* Frees every registered (published) buffer but the program's heap blocks. */
void retbuf_reset(void);
/* How many buffers are live. */
size_t retbuf_count(void);

void retbuf_lock(void);
void retbuf_unlock(void);

#endif
