/* SPDX-License-Identifier: MIT */
/*
 * Generation-checked handle table. A value is
 *   (generation << 22) | ((slot + HANDLE_SLOT_BASE) << 2)
 * with a 10-bit generation that advances each time a slot is freed, so a
 * stale value stops matching (also across lsaemu_reset). The 20-bit slot
 * number is the shard (shard.h) in its top bits and the index inside the
 * shard below them: a thread inserts into its own shard, and a look-up goes
 * straight to the shard the value names. Shard 0 numbers its slots exactly
 * as a single table would. Free slots are kept on a LIFO list per shard,
 * which keeps values deterministic for a given sequence of calls of a
 * thread and insertion O(1).
 *
 * Each shard has a reader-writer lock: look-ups (every call that uses a
 * handle) share it, inserting and closing take it alone. It prefers
 * writers, so a handle shared by many busy threads cannot keep its owner
 * from inserting; nothing here takes a shard lock twice.
 */
#include "core/state/handles.h"
#include "base/mem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag/leaks.h"
#include "core/state/sessions.h"
#include "base/shard.h"
#include "core/state/token.h"

#define HANDLE_SLOT_BASE 0x40u
#define SLOT_BITS 20u
#define SHARD_SLOTS ((1u << SLOT_BITS) / SHARD_COUNT)
/* The base is added to the shard's last index too, so it must stay in the
 * shard's number range. */
#define MAX_SHARD_SLOTS (SHARD_SLOTS - HANDLE_SLOT_BASE)
#define GEN_MASK 0x3FFu

struct slot {
    enum handle_kind kind; /* HANDLE_NONE when free */
    uint32_t generation;
    uint32_t access;
    uint32_t next_free; /* index + 1 of the next free slot, 0 = none */
    void *obj;
    const char *origin; /* the emulated call that created it (LSAEMU_LEAKS) */
    handle_describe_fn describe;
};

struct shard {
    _Alignas(SHARD_ALIGN) pthread_rwlock_t lock;
    struct slot *slots;
    uint32_t n_slots, cap_slots, n_open, free_head;
};

static struct shard shards[SHARD_COUNT];
static pthread_once_t shards_once = PTHREAD_ONCE_INIT;

static void init_lock(struct shard *sh)
{
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&sh->lock, &attr);
    pthread_rwlockattr_destroy(&attr);
}

static void init_shards(void)
{
    for (unsigned i = 0; i < SHARD_COUNT; i++)
        init_lock(&shards[i]);
}

static struct shard *shard_at(unsigned i)
{
    pthread_once(&shards_once, init_shards);
    return &shards[i];
}

void handles_lock(void)
{
    for (unsigned i = 0; i < SHARD_COUNT; i++)
        pthread_rwlock_wrlock(&shard_at(i)->lock);
}

void handles_unlock(void)
{
    for (unsigned i = SHARD_COUNT; i-- > 0;)
        pthread_rwlock_unlock(&shards[i].lock);
}

void handles_child_after_fork(void)
{
    /* Made afresh rather than unlocked: readers of the parent's other
     * threads that were waiting at the fork stay counted in a lock's state
     * and would block the child's writers forever. */
    for (unsigned i = 0; i < SHARD_COUNT; i++)
        init_lock(&shards[i]);
}

static void release_obj(enum handle_kind kind, void *obj)
{
    if (kind == HANDLE_TOKEN)
        token_unref(obj);
    else
        mem_free(obj);
}

static uintptr_t encode(unsigned shard, uint32_t index, uint32_t gen)
{
    uint32_t slot = shard * SHARD_SLOTS + index + HANDLE_SLOT_BASE;
    return ((uintptr_t)(gen & GEN_MASK) << (SLOT_BITS + 2)) | ((uintptr_t)slot << 2);
}

/* The shard a value names, or NULL for a value no handle can have. */
static struct shard *shard_of(uintptr_t h, uint32_t *index, uint32_t *gen)
{
    if (h & 3u)
        return NULL;
    if (h >> (SLOT_BITS + 2 + 10))
        return NULL;
    uint32_t slot = (uint32_t)((h >> 2) & ((1u << SLOT_BITS) - 1));
    unsigned s = slot / SHARD_SLOTS;
    uint32_t i = slot % SHARD_SLOTS;
    if (i < HANDLE_SLOT_BASE)
        return NULL;
    *index = i - HANDLE_SLOT_BASE;
    *gen = (uint32_t)(h >> (SLOT_BITS + 2)) & GEN_MASK;
    return shard_at(s);
}

/* The slot of a live handle of this kind in its shard, or NULL. The shard's
 * lock is held. */
static struct slot *decode(struct shard *sh, uint32_t index, uint32_t gen, enum handle_kind kind)
{
    if (index >= sh->n_slots)
        return NULL;
    struct slot *s = &sh->slots[index];
    if (s->kind == HANDLE_NONE || s->generation != gen)
        return NULL;
    if (kind != HANDLE_NONE && s->kind != kind)
        return NULL;
    return s;
}

/* A free slot of the shard, or UINT32_MAX when it is full or out of
 * memory. Write lock held. */
static uint32_t take_slot(struct shard *sh)
{
    if (sh->free_head) {
        uint32_t i = sh->free_head - 1;
        sh->free_head = sh->slots[i].next_free;
        return i;
    }
    if (sh->n_slots == MAX_SHARD_SLOTS)
        return UINT32_MAX;
    if (sh->n_slots == sh->cap_slots) {
        uint32_t ncap = sh->cap_slots ? sh->cap_slots * 2 : 64;
        if (ncap > MAX_SHARD_SLOTS)
            ncap = MAX_SHARD_SLOTS;
        struct slot *ns = mem_realloc(sh->slots, ncap * sizeof *ns);
        if (!ns)
            return UINT32_MAX;
        sh->slots = ns;
        sh->cap_slots = ncap;
    }
    uint32_t i = sh->n_slots++;
    memset(&sh->slots[i], 0, sizeof sh->slots[0]);
    return i;
}

uintptr_t handles_insert(enum handle_kind kind, void *obj, uint32_t access,
                         handle_describe_fn describe)
{
    uintptr_t value = 0;
    unsigned own = shard_self();
    /* The thread's own shard, then the others when it is full. */
    for (unsigned k = 0; k < SHARD_COUNT && !value; k++) {
        unsigned si = (own + k) % SHARD_COUNT;
        struct shard *sh = shard_at(si);
        pthread_rwlock_wrlock(&sh->lock);
        uint32_t i = take_slot(sh);
        if (i != UINT32_MAX) {
            struct slot *s = &sh->slots[i];
            s->kind = kind;
            s->obj = obj;
            s->access = access;
            s->origin = leaks_call();
            s->describe = describe;
            sh->n_open++;
            value = encode(si, i, s->generation);
        }
        pthread_rwlock_unlock(&sh->lock);
    }
    if (!value)
        release_obj(kind, obj);
    return value;
}

/*
 * Takes the read lock of the shard that h names and returns the slot of
 * the live handle of this kind, or NULL. *held receives the shard whose
 * lock is now held (NULL when h names none); read_end() releases it.
 */
static struct slot *read_begin(uintptr_t h, enum handle_kind kind, struct shard **held)
{
    uint32_t index, gen;
    struct shard *sh = shard_of(h, &index, &gen);
    *held = sh;
    if (!sh)
        return NULL;
    pthread_rwlock_rdlock(&sh->lock);
    return decode(sh, index, gen, kind);
}

static void read_end(struct shard *held)
{
    if (held)
        pthread_rwlock_unlock(&held->lock);
}

bool handles_get(uintptr_t h, enum handle_kind kind, void **obj, uint32_t *access)
{
    struct shard *held;
    struct slot *s = read_begin(h, kind, &held);
    if (s) {
        /* The reference is taken under the lock, so a concurrent close
         * cannot free the token first; token_ref() is atomic. */
        if (obj)
            *obj = s->kind == HANDLE_TOKEN ? token_ref(s->obj) : NULL;
        if (access)
            *access = s->access;
    }
    read_end(held);
    return s != NULL;
}

bool handles_copy(uintptr_t h, enum handle_kind kind, void *copy, size_t copy_size,
                  uint32_t *access)
{
    struct shard *held;
    struct slot *s = read_begin(h, kind, &held);
    if (s) {
        if (copy)
            memcpy(copy, s->obj, copy_size);
        if (access)
            *access = s->access;
    }
    read_end(held);
    return s != NULL;
}

enum handle_kind handles_kind(uintptr_t h)
{
    struct shard *held;
    struct slot *s = read_begin(h, HANDLE_NONE, &held);
    enum handle_kind k = s ? s->kind : HANDLE_NONE;
    read_end(held);
    return k;
}

bool handles_close(uintptr_t h, enum handle_kind kind)
{
    void *obj = NULL;
    enum handle_kind k = HANDLE_NONE;
    uint32_t index, gen;
    struct shard *sh = shard_of(h, &index, &gen);
    if (!sh)
        return false;
    pthread_rwlock_wrlock(&sh->lock);
    struct slot *s = decode(sh, index, gen, kind);
    if (s) {
        obj = s->obj;
        k = s->kind;
        s->kind = HANDLE_NONE;
        s->obj = NULL;
        s->generation = (s->generation + 1) & GEN_MASK;
        s->next_free = sh->free_head;
        sh->free_head = index + 1;
        sh->n_open--;
    }
    pthread_rwlock_unlock(&sh->lock);
    /* Released outside the lock: dropping the last token reference may end
     * a logon session, which takes the session lock. */
    if (k != HANDLE_NONE)
        release_obj(k, obj);
    return k != HANDLE_NONE;
}

/* Empties one shard; its live slots are appended to rel (n_rel) when rel is
 * not NULL. Write lock held. */
static void reset_shard(struct shard *sh, struct slot *rel, uint32_t *n_rel)
{
    sh->free_head = 0;
    for (uint32_t i = sh->n_slots; i-- > 0;) {
        struct slot *s = &sh->slots[i];
        if (s->kind != HANDLE_NONE) {
            if (rel)
                rel[(*n_rel)++] = *s;
            s->kind = HANDLE_NONE;
            s->obj = NULL;
            s->generation = (s->generation + 1) & GEN_MASK;
        }
        s->next_free = sh->free_head;
        sh->free_head = i + 1;
    }
    sh->n_open = 0;
}

void handles_reset(void)
{
    /* Slots are kept and their generations advance, so a handle from before
     * the reset never matches a handle given out after it. The objects are
     * released once every lock is dropped (a token release can take other
     * locks); without memory for the list they leak instead. */
    for (unsigned i = 0; i < SHARD_COUNT; i++) {
        struct shard *sh = shard_at(i);
        pthread_rwlock_wrlock(&sh->lock);
        uint32_t n_rel = 0;
        struct slot *rel = sh->n_open ? mem_malloc(sh->n_open * sizeof *rel) : NULL;
        reset_shard(sh, rel, &n_rel);
        pthread_rwlock_unlock(&sh->lock);
        for (uint32_t r = 0; r < n_rel; r++)
            release_obj(rel[r].kind, rel[r].obj);
        mem_free(rel);
    }
}

unsigned handles_count(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < SHARD_COUNT; i++) {
        struct shard *sh = shard_at(i);
        pthread_rwlock_rdlock(&sh->lock);
        n += sh->n_open;
        pthread_rwlock_unlock(&sh->lock);
    }
    return n;
}

/* The lines of one shard's live handles. Lock held. */
static void shard_leaks(struct leak_report *r, unsigned si, const struct shard *sh)
{
    for (uint32_t i = 0; i < sh->n_slots; i++) {
        const struct slot *s = &sh->slots[i];
        unsigned long v = (unsigned long)encode(si, i, s->generation);
        const char *from = s->origin ? s->origin : "an lsaemu control function";
        if (s->kind == HANDLE_LSA_CONNECTION) {
            char what[200] = "";
            if (s->describe)
                s->describe(s->obj, what, sizeof what);
            leak_line(r, LEAK_LSA_HANDLE, "LSA handle 0x%lx from %s%s%s%s", v, from,
                      *what ? " (" : "", what, *what ? ")" : "");
        } else if (s->kind == HANDLE_POLICY) {
            leak_line(r, LEAK_POLICY_HANDLE, "policy handle 0x%lx from %s", v, from);
        } else if (s->kind == HANDLE_TOKEN) {
            const struct token *t = s->obj;
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
}

void handles_leaks(struct leak_report *r)
{
    for (unsigned si = 0; si < SHARD_COUNT; si++) {
        struct shard *sh = shard_at(si);
        if (leaks_rdlock(&sh->lock) != 0)
            return;
        shard_leaks(r, si, sh);
        pthread_rwlock_unlock(&sh->lock);
    }
}
