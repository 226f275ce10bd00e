/* SPDX-License-Identifier: MIT */
/*
 * Generation-checked handle table, on the sharded registry (base/registry.h).
 * A value is
 *   HANDLE_VALUE_BASE | (generation << 22) | ((slot + HANDLE_SLOT_BASE) << 2)
 * with a 10-bit generation that advances each time a slot is freed, so a
 * stale value stops matching (also across lsaemu_reset). The 20-bit slot
 * number is the registry shard in its top bits and the slot inside the
 * shard below them: a thread inserts into its own shard, and a look-up goes
 * straight to the shard the value names. Shard 0 numbers its slots exactly
 * as a single table would.
 *
 * On Windows (the DLL under Wine) lsaemu's handles live among the
 * system's, which the program's CloseHandle and others also meet: there
 * the values are 0x40000000 to 0x4FFFFFFC, an 18-bit slot number and an
 * 8-bit generation (HANDLE_VALUE_BASE). Wine's handles are below
 * 0x04000000 (its server's table holds at most 0xFFFFFF entries, value =
 * (index + 1) * 4) or, for its global handles, 0x54000000 to 0x57FFFFFF,
 * and pseudo-handles are -1 to -6; Windows' own stay far below too. The
 * values are 32-bit positive numbers, so a program that keeps a handle in
 * a DWORD or sign-extends it, as 32-bit interoperability allows, gets it
 * back unchanged.
 *
 * The shards' locks are reader-writer locks: look-ups (every call that uses
 * a handle) share them, inserting and closing take them alone; they prefer
 * writers, so a handle shared by many busy threads cannot keep its owner
 * from inserting. Nothing here takes a shard lock twice.
 */
#include "core/state/handles.h"

#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "base/registry.h"
#include "core/diag/leaks.h"
#include "core/state/sessions.h"
#include "core/state/token.h"

#define HANDLE_SLOT_BASE 0x40u
#ifdef _WIN32
#define HANDLE_VALUE_BASE 0x40000000u
#define SLOT_BITS 18u
#define GEN_BITS 8u
#else
#define HANDLE_VALUE_BASE 0u
#define SLOT_BITS 20u
#define GEN_BITS 10u
#endif
/* The base is added to the shard's last index too, so it must stay in the
 * shard's number range. */
#define MAX_SHARD_SLOTS (SHARD_SLOTS - HANDLE_SLOT_BASE)
#define GEN_MASK ((1u << GEN_BITS) - 1)
/* The bits above the generation: HANDLE_VALUE_BASE's. */
#define VALUE_BITS (SLOT_BITS + 2 + GEN_BITS)
_Static_assert((HANDLE_VALUE_BASE & ((1ull << VALUE_BITS) - 1)) == 0, "the base is above the bits");

#define SHARD_SLOTS ((1u << SLOT_BITS) / REGISTRY_SHARDS)
_Static_assert(SHARD_SLOTS * REGISTRY_SHARDS == 1u << SLOT_BITS, "the shards split the slots");

static struct registry table = REGISTRY_INIT_SHARED_READS(0, GEN_MASK, MAX_SHARD_SLOTS);

void handles_lock(void)
{
    registry_lock_all(&table);
}

void handles_unlock(void)
{
    registry_unlock_all(&table);
}

void handles_child_after_fork(void)
{
    registry_child_after_fork(&table);
}

static void release_obj(enum handle_kind kind, void *obj)
{
    if (kind == HANDLE_TOKEN)
        token_unref(obj);
    else
        mem_free(obj);
}

static uintptr_t encode(struct registry_id id)
{
    uint32_t slot = id.shard * SHARD_SLOTS + id.index + HANDLE_SLOT_BASE;
    return (uintptr_t)HANDLE_VALUE_BASE | ((uintptr_t)(id.gen & GEN_MASK) << (SLOT_BITS + 2)) |
           ((uintptr_t)slot << 2);
}

/* Where a value points, or false for a value no handle can have. */
static bool decode(uintptr_t h, struct registry_id *id)
{
    if (h & 3u)
        return false;
    if ((uint64_t)h >> VALUE_BITS != (uint64_t)HANDLE_VALUE_BASE >> VALUE_BITS)
        return false;
    uint32_t slot = (uint32_t)((h >> 2) & ((1u << SLOT_BITS) - 1));
    uint32_t i = slot % SHARD_SLOTS;
    if (i < HANDLE_SLOT_BASE)
        return false;
    *id = (struct registry_id){slot / SHARD_SLOTS, i - HANDLE_SLOT_BASE,
                               (uint32_t)(h >> (SLOT_BITS + 2)) & GEN_MASK};
    return true;
}

bool handles_is_value(uintptr_t h)
{
    struct registry_id id;
    return decode(h, &id);
}

uintptr_t handles_insert(enum handle_kind kind, void *obj, uint32_t access,
                         handle_describe_fn describe)
{
    struct registry_entry e = {
        .obj = obj,
        .describe = describe,
        .origin = leaks_call(),
        .tag = kind,
        .aux = access,
    };
    struct registry_id id;
    /* The thread's own shard, then the others when it is full. */
    if (registry_insert(&table, registry_self(), true, &e, &id) != 0) {
        release_obj(kind, obj);
        return 0;
    }
    return encode(id);
}

/*
 * Takes the read lock of the shard h names and returns the entry of the
 * live handle of this kind (HANDLE_NONE: any), or NULL. *held says whether
 * a lock is held (h named a shard); read_end() releases it.
 */
static const struct registry_entry *read_begin(uintptr_t h, enum handle_kind kind,
                                               struct registry_id *id, bool *held)
{
    *held = decode(h, id);
    if (!*held)
        return NULL;
    const struct registry_entry *e = registry_read(&table, *id);
    return e && (kind == HANDLE_NONE || e->tag == kind) ? e : NULL;
}

static void read_end(struct registry_id id, bool held)
{
    if (held)
        registry_read_end(&table, id);
}

bool handles_get(uintptr_t h, enum handle_kind kind, void **obj, uint32_t *access)
{
    struct registry_id id;
    bool held;
    const struct registry_entry *e = read_begin(h, kind, &id, &held);
    if (e) {
        /* The reference is taken under the lock, so a concurrent close
         * cannot free the token first; token_ref() is atomic. */
        if (obj)
            *obj = e->tag == HANDLE_TOKEN ? token_ref(e->obj) : NULL;
        if (access)
            *access = e->aux;
    }
    read_end(id, held);
    return e != NULL;
}

bool handles_copy(uintptr_t h, enum handle_kind kind, void *copy, size_t copy_size,
                  uint32_t *access)
{
    struct registry_id id;
    bool held;
    const struct registry_entry *e = read_begin(h, kind, &id, &held);
    if (e) {
        if (copy)
            memcpy(copy, e->obj, copy_size);
        if (access)
            *access = e->aux;
    }
    read_end(id, held);
    return e != NULL;
}

enum handle_kind handles_kind(uintptr_t h)
{
    struct registry_id id;
    bool held;
    const struct registry_entry *e = read_begin(h, HANDLE_NONE, &id, &held);
    enum handle_kind k = e ? (enum handle_kind)e->tag : HANDLE_NONE;
    read_end(id, held);
    return k;
}

bool handles_close(uintptr_t h, enum handle_kind kind)
{
    struct registry_id id;
    struct registry_entry e;
    if (!decode(h, &id) || !registry_remove(&table, id, kind == HANDLE_NONE ? REGISTRY_ANY_TAG : kind, &e))
        return false;
    /* Released outside the lock: dropping the last token reference may end
     * a logon session, which takes the session lock. */
    release_obj((enum handle_kind)e.tag, e.obj);
    return true;
}

static void release_entry(struct registry_entry *e, void *ctx)
{
    release_obj((enum handle_kind)e->tag, e->obj);
}

void handles_reset(void)
{
    /* Generations advance, so a handle from before the reset never matches
     * a handle given out after it; the objects are released with the
     * shard's lock dropped (a token release can take other locks). */
    registry_reset(&table, NULL, release_entry, NULL);
}

unsigned handles_count(void)
{
    return (unsigned)registry_count(&table);
}

/* The line of one live handle (the report holds its shard's lock). */
static void leak_of(const struct registry_entry *e, struct registry_id id, void *ctx)
{
    struct leak_report *r = ctx;
    unsigned long v = (unsigned long)encode(id);
    const char *from = e->origin ? e->origin : "an lsaemu control function";
    if (e->tag == HANDLE_LSA_CONNECTION) {
        char what[200] = "";
        if (e->describe)
            e->describe(e->obj, what, sizeof what);
        leak_line(r, LEAK_LSA_HANDLE, "LSA handle 0x%lx from %s%s%s%s", v, from,
                  *what ? " (" : "", what, *what ? ")" : "");
    } else if (e->tag == HANDLE_POLICY) {
        leak_line(r, LEAK_POLICY_HANDLE, "policy handle 0x%lx from %s", v, from);
    } else if (e->tag == HANDLE_PROFILE) {
        char what[200] = "";
        if (e->describe)
            e->describe(e->obj, what, sizeof what);
        leak_line(r, LEAK_PROFILE_HANDLE, "user profile handle 0x%lx from %s%s%s%s", v, from,
                  *what ? " (" : "", what, *what ? ")" : "");
    } else if (e->tag == HANDLE_TOKEN) {
        const struct token *t = e->obj;
        char who[300], sid[192];
        if (t->session && t->session->user_name)
            snprintf(who, sizeof who, "%s%s%s", t->session->domain ? t->session->domain : "",
                     t->session->domain ? "\\" : "", t->session->user_name);
        else
            snprintf(who, sizeof who, "%s", sid_format(&t->user, sid));
        leak_line(r, LEAK_TOKEN_HANDLE,
                  "token handle 0x%lx from %s (%s, logon session %08X:%08X)", v, from, who,
                  (unsigned)t->auth_id.high, (unsigned)t->auth_id.low);
    }
}

void handles_leaks(struct leak_report *r)
{
    for (unsigned si = 0; si < REGISTRY_SHARDS; si++) {
        if (leaks_take_shard(&table, si, true) != 0)
            return;
        registry_visit_locked(&table, si, leak_of, r);
        registry_unlock_read(&table, si);
    }
}
