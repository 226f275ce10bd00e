/* SPDX-License-Identifier: MIT */
/*
 * String storage of a struct policy (policy_strings.c), private to the
 * policy model: owned string fields, the names of accounts and groups packed
 * into per-policy blocks, and the domain strings shared by every local
 * account and group.
 */
#include "config.h"
#include "base/mem.h"

#include "core/model/policy_build.h"
#include "core/model/policy_strings.h"

#include <string.h>

int policy_set_string(char **field, const char *value)
{
    char *copy = NULL;
    if (value) {
        copy = mem_strdup(value);
        if (!copy)
            return -1;
    }
    mem_free(*field);
    *field = copy;
    return 0;
}

/* A block of NUL-terminated names; a policy's blocks form a list and are
 * freed with it. Names are never changed or freed one by one. */
struct policy_names {
    struct policy_names *next;
    size_t used, cap;
    char text[];
};

/* A copy of name in the policy's name blocks, or NULL on allocation failure. */
char *policy_intern_name(struct policy *pol, const char *name)
{
    size_t len = strlen(name) + 1;
    struct policy_names *b = pol->names;
    if (!b || b->cap - b->used < len) {
        /* Blocks double from 1 KB to 64 KB: small policies stay small. */
        size_t cap = b ? b->cap * 2 : 1024;
        if (cap > 65536)
            cap = 65536;
        if (cap < len)
            cap = len;
        struct policy_names *nb = mem_malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->next = b;
        nb->used = 0;
        nb->cap = cap;
        pol->names = b = nb;
    }
    char *copy = b->text + b->used;
    memcpy(copy, name, len);
    b->used += len;
    return copy;
}

void policy_free_names(struct policy *pol)
{
    for (struct policy_names *b = pol->names, *next; b; b = next) {
        next = b->next;
        mem_free(b);
    }
}

static char domain_builtin[] = "BUILTIN";
static char domain_nt_authority[] = "NT AUTHORITY";

/* The shared domain string for sid (see local_domain in policy.h, and
 * struct policy_domain for the domain's own). */
char *policy_domain_for(const struct policy *pol, const struct sid *sid)
{
    /* Field by field rather than through sid_make1() and
     * sid_is_child_of(): once per account and group at prepare. */
    static const uint8_t nt_authority[6] = {0, 0, 0, 0, 0, 5};
    if (memcmp(sid->authority, nt_authority, 6) == 0) {
        if (sid->revision == 1 && sid->count == 2 && sid->sub[0] == 32)
            return domain_builtin; /* S-1-5-32-x */
        if (sid->count == 1)
            return domain_nt_authority; /* S-1-5-x */
    }
    /* The domain's accounts and groups share its name. */
    if (pol->domain.name && sid_is_child_of(sid, &pol->domain.sid))
        return pol->domain.name;
    return pol->local_domain;
}

bool policy_shared_domain(const struct policy *pol, const char *d)
{
    return d == domain_builtin || d == domain_nt_authority ||
           (d && (d == pol->local_domain || d == pol->domain.name));
}

/* Points *field at the shared string, freeing a copy it held. */
void policy_set_domain(const struct policy *pol, char **field, char *shared)
{
    if (!policy_shared_domain(pol, *field))
        mem_free(*field);
    *field = shared;
}
