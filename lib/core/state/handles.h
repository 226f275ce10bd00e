/* SPDX-License-Identifier: MIT */
/*
 * The handle table: every HANDLE and LSA_HANDLE lsaemu gives out.
 *
 * A handle value encodes a slot and a generation, so a closed handle, a
 * handle of another kind or a made-up value is recognised and answered with
 * STATUS_INVALID_HANDLE instead of being dereferenced. Values are multiples
 * of 4, start at the same value in every process and after a reset, and
 * never look like the pseudo-handles (-1, -2). Every handle works in every
 * thread; the table is split per thread only to keep threads from
 * contending (shard.h), and which thread made a handle shows nowhere.
 */
#ifndef LSAEMU_CORE_STATE_HANDLES_H
#define LSAEMU_CORE_STATE_HANDLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum handle_kind {
    HANDLE_NONE = 0,
    HANDLE_LSA_CONNECTION, /* LsaRegisterLogonProcess / LsaConnectUntrusted */
    HANDLE_TOKEN,          /* access tokens (object: struct token) */
    HANDLE_POLICY,         /* LsaOpenPolicy */
    HANDLE_PROFILE,        /* LoadUserProfile's hProfile (object: plain memory, the SID) */
    HANDLE_KIND_COUNT
};

/*
 * For the LSAEMU_LEAKS report: writes into out what a leaked handle's object
 * is (`untrusted`, `logon process "NAME"`), for the kinds whose objects the
 * table does not know the inside of; their owner passes it to
 * handles_insert().
 */
typedef void (*handle_describe_fn)(const void *obj, char *out, size_t size);

/*
 * Inserts an object. The table takes over the caller's reference: a token
 * is released with token_unref(), any other object is plain memory
 * (mem_malloc) the table frees with mem_free() when the handle is closed or
 * the state reset. describe (may be NULL) tells the leak report what a
 * non-token object is. Returns the handle value, or 0 on allocation failure
 * (the object is then released).
 */
uintptr_t handles_insert(enum handle_kind kind, void *obj, uint32_t access,
                         handle_describe_fn describe);

/*
 * Looks a handle up. On success returns true and, when obj is not NULL,
 * stores a new reference to the object (tokens: token_ref'd; connections and
 * policies: a copy is made into *copy of copy_size bytes instead, obj gets
 * NULL). access receives the handle's granted access.
 */
bool handles_get(uintptr_t h, enum handle_kind kind, void **obj, uint32_t *access);
bool handles_copy(uintptr_t h, enum handle_kind kind, void *copy, size_t copy_size,
                  uint32_t *access);
/* Is h a value this table gives out, live or not? On Windows the others
 * are the system's (handles.c). */
bool handles_is_value(uintptr_t h);
/* The kind of a live handle, HANDLE_NONE for anything else. */
enum handle_kind handles_kind(uintptr_t h);
/* Closes a live handle of this kind; false when it is not one. */
bool handles_close(uintptr_t h, enum handle_kind kind);
/* Closes everything and restarts the values. */
void handles_reset(void);
/* How many handles are open (for leak reports and tests). */
unsigned handles_count(void);

/* Fork handlers: take every shard lock before fork(), release them after
 * it in the parent, and make them afresh in the child. */
void handles_lock(void);
void handles_unlock(void);
void handles_child_after_fork(void);

#endif
