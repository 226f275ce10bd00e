/* SPDX-License-Identifier: MIT */
/*
 * The bump arenas the loader's nodes live in: blocks of about 64 KB from
 * mem_malloc, freed together, with big one-off requests in blocks of their
 * own; and the deep copy that moves a node from the scratch arena into the
 * long-lived one. It knows the shape of a node but not what any node means,
 * and nothing of libyaml.
 */
#include "config.h"
#include "base/mem.h"

#include "loader/yaml_values.h"

#include <string.h>

struct ld_block {
    struct ld_block *next;
    size_t size;
    max_align_t data[];
};

#define LD_BLOCK_SIZE (64 * 1024 - 64)

void *ld_alloc(struct ld *ld, struct ld_arena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (!a->head || a->used + size > a->head->size) {
        size_t want = size > LD_BLOCK_SIZE / 4 ? size : LD_BLOCK_SIZE;
        struct ld_block *b = mem_malloc(sizeof *b + want);
        if (!b) {
            ld_oom(ld);
            return NULL;
        }
        b->size = want;
        if (a->head && want != LD_BLOCK_SIZE) {
            /* A big one-off goes behind the current block, which stays in use. */
            b->next = a->head->next;
            a->head->next = b;
            return b->data;
        }
        b->next = a->head;
        a->head = b;
        a->used = 0;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += size;
    return p;
}

void ld_arena_reset(struct ld_arena *a)
{
    if (!a->head)
        return;
    struct ld_block *b = a->head->next;
    while (b) {
        struct ld_block *next = b->next;
        mem_free(b);
        b = next;
    }
    if (a->head->size != LD_BLOCK_SIZE) {
        mem_free(a->head);
        a->head = NULL;
    } else {
        a->head->next = NULL;
    }
    a->used = 0;
}

void ld_arena_free(struct ld_arena *a)
{
    ld_arena_reset(a);
    mem_free(a->head);
    a->head = NULL;
    a->used = 0;
}

struct yn *ld_keep_node(struct ld *ld, const struct yn *node)
{
    struct yn *copy = ld_alloc(ld, &ld->keep, sizeof *copy);
    if (!copy)
        return NULL;
    *copy = *node;
    if (node->type == YN_SCALAR) {
        char *v = ld_alloc(ld, &ld->keep, node->n + 1);
        if (!v)
            return NULL;
        memcpy(v, node->u.value, node->n + 1);
        copy->u.value = v;
        return copy;
    }
    copy->u.items = node->n ? ld_alloc(ld, &ld->keep, node->n * sizeof *copy->u.items) : NULL;
    if (node->n && !copy->u.items)
        return NULL;
    for (size_t i = 0; i < node->n; i++)
        if (!(copy->u.items[i] = ld_keep_node(ld, node->u.items[i])))
            return NULL;
    return copy;
}
