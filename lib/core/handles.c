/* SPDX-License-Identifier: MIT */
/*
 * Generation-checked handle table. A value is
 *   (generation << 22) | ((slot + HANDLE_SLOT_BASE) << 2)
 * with a 10-bit generation that advances each time a slot is freed, so a
 * stale value stops matching (also across lsaemu_reset). Free slots are kept
 * on a LIFO list, which keeps values deterministic for a given sequence of
 * calls and insertion O(1).
 */
#include "handles.h"
#include "core/mem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaks.h"
#include "sessions.h"
#include "token.h"

#define HANDLE_SLOT_BASE 0x40u
#define SLOT_BITS 20u
#define MAX_SLOTS ((1u << SLOT_BITS) - HANDLE_SLOT_BASE)
#define GEN_MASK 0x3FFu

struct slot {
    enum handle_kind kind; /* HANDLE_NONE when free */
    uint32_t generation;
    uint32_t access;
    uint32_t next_free; /* index + 1 of the next free slot, 0 = none */
    void *obj;
    const char *origin; /* the emulated call that created it (LSAEMU_LEAKS) */
};

static pthread_mutex_t handles_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct slot *slots;
static uint32_t n_slots, cap_slots, n_open, free_head;

void handles_lock(void)
{
    pthread_mutex_lock(&handles_mutex);
}

void handles_unlock(void)
{
    pthread_mutex_unlock(&handles_mutex);
}

static void release_obj(enum handle_kind kind, void *obj)
{
    if (kind == HANDLE_TOKEN)
        token_unref(obj);
    else
        mem_free(obj);
}

static uintptr_t encode(uint32_t index, uint32_t gen)
{
    return ((uintptr_t)(gen & GEN_MASK) << (SLOT_BITS + 2)) |
           ((uintptr_t)(index + HANDLE_SLOT_BASE) << 2);
}

/* The slot of a live handle of this kind, or NULL. Lock held. */
static struct slot *decode(uintptr_t h, enum handle_kind kind)
{
    if (h & 3u)
        return NULL;
    if (h >> (SLOT_BITS + 2 + 10))
        return NULL;
    uint32_t index = (uint32_t)((h >> 2) & ((1u << SLOT_BITS) - 1));
    uint32_t gen = (uint32_t)(h >> (SLOT_BITS + 2)) & GEN_MASK;
    if (index < HANDLE_SLOT_BASE)
        return NULL;
    index -= HANDLE_SLOT_BASE;
    if (index >= n_slots)
        return NULL;
    struct slot *s = &slots[index];
    if (s->kind == HANDLE_NONE || s->generation != gen)
        return NULL;
    if (kind != HANDLE_NONE && s->kind != kind)
        return NULL;
    return s;
}

uintptr_t handles_insert(enum handle_kind kind, void *obj, uint32_t access)
{
    uintptr_t value = 0;
    pthread_mutex_lock(&handles_mutex);
    uint32_t i;
    if (free_head) {
        i = free_head - 1;
        free_head = slots[i].next_free;
    } else {
        if (n_slots == MAX_SLOTS)
            goto out;
        if (n_slots == cap_slots) {
            uint32_t ncap = cap_slots ? cap_slots * 2 : 64;
            struct slot *ns = mem_realloc(slots, ncap * sizeof *ns);
            if (!ns)
                goto out;
            slots = ns;
            cap_slots = ncap;
        }
        i = n_slots++;
        memset(&slots[i], 0, sizeof slots[0]);
    }
    slots[i].kind = kind;
    slots[i].obj = obj;
    slots[i].access = access;
    slots[i].origin = leaks_call();
    n_open++;
    value = encode(i, slots[i].generation);
out:
    pthread_mutex_unlock(&handles_mutex);
    if (!value)
        release_obj(kind, obj);
    return value;
}

bool handles_get(uintptr_t h, enum handle_kind kind, void **obj, uint32_t *access)
{
    pthread_mutex_lock(&handles_mutex);
    struct slot *s = decode(h, kind);
    if (s) {
        if (obj)
            *obj = s->kind == HANDLE_TOKEN ? token_ref(s->obj) : NULL;
        if (access)
            *access = s->access;
    }
    pthread_mutex_unlock(&handles_mutex);
    return s != NULL;
}

bool handles_copy(uintptr_t h, enum handle_kind kind, void *copy, size_t copy_size,
                  uint32_t *access)
{
    pthread_mutex_lock(&handles_mutex);
    struct slot *s = decode(h, kind);
    if (s) {
        if (copy)
            memcpy(copy, s->obj, copy_size);
        if (access)
            *access = s->access;
    }
    pthread_mutex_unlock(&handles_mutex);
    return s != NULL;
}

enum handle_kind handles_kind(uintptr_t h)
{
    pthread_mutex_lock(&handles_mutex);
    struct slot *s = decode(h, HANDLE_NONE);
    enum handle_kind k = s ? s->kind : HANDLE_NONE;
    pthread_mutex_unlock(&handles_mutex);
    return k;
}

bool handles_close(uintptr_t h, enum handle_kind kind)
{
    void *obj = NULL;
    enum handle_kind k = HANDLE_NONE;
    pthread_mutex_lock(&handles_mutex);
    struct slot *s = decode(h, kind);
    if (s) {
        obj = s->obj;
        k = s->kind;
        s->kind = HANDLE_NONE;
        s->obj = NULL;
        s->generation = (s->generation + 1) & GEN_MASK;
        s->next_free = free_head;
        free_head = (uint32_t)(s - slots) + 1;
        n_open--;
    }
    pthread_mutex_unlock(&handles_mutex);
    /* Released outside the lock: dropping the last token reference may end
     * a logon session, which takes the session lock. */
    if (k != HANDLE_NONE)
        release_obj(k, obj);
    return k != HANDLE_NONE;
}

void handles_reset(void)
{
    /* Slots are kept and their generations advance, so a handle from before
     * the reset never matches a handle given out after it. */
    pthread_mutex_lock(&handles_mutex);
    uint32_t n = n_slots, n_rel = 0;
    struct slot *rel = n ? mem_malloc(n * sizeof *rel) : NULL;
    free_head = 0;
    for (uint32_t i = n; i-- > 0;) {
        struct slot *s = &slots[i];
        if (s->kind != HANDLE_NONE) {
            if (rel)
                rel[n_rel++] = *s;
            s->kind = HANDLE_NONE;
            s->obj = NULL;
            s->generation = (s->generation + 1) & GEN_MASK;
        }
        s->next_free = free_head;
        free_head = i + 1;
    }
    n_open = 0;
    pthread_mutex_unlock(&handles_mutex);
    /* Without memory for the release list the objects leak rather than
     * being freed under the lock (a token release can take other locks). */
    for (uint32_t i = 0; i < n_rel; i++)
        release_obj(rel[i].kind, rel[i].obj);
    mem_free(rel);
}

unsigned handles_count(void)
{
    pthread_mutex_lock(&handles_mutex);
    unsigned n = n_open;
    pthread_mutex_unlock(&handles_mutex);
    return n;
}

void handles_leaks(struct leak_report *r)
{
    if (leaks_lock(&handles_mutex) != 0)
        return;
    for (uint32_t i = 0; i < n_slots; i++) {
        const struct slot *s = &slots[i];
        unsigned long v = (unsigned long)encode(i, s->generation);
        const char *from = s->origin ? s->origin : "an lsaemu control function";
        if (s->kind == HANDLE_LSA_CONNECTION) {
            const struct lsa_connection *c = s->obj;
            if (c->trusted)
                leak_line(r, LEAK_LSA_HANDLE, "LSA handle 0x%lx from %s (logon process \"%s\")",
                          v, from, c->logon_process);
            else
                leak_line(r, LEAK_LSA_HANDLE, "LSA handle 0x%lx from %s (untrusted)", v, from);
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
    pthread_mutex_unlock(&handles_mutex);
}
