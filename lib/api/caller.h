/* SPDX-License-Identifier: MIT */
/* Who is calling: the effective token and how to name it in reasons. */
#ifndef LSAEMU_API_CALLER_H
#define LSAEMU_API_CALLER_H

#include <stdbool.h>

#include "api.h"
#include "core/token.h"

struct caller {
    struct token *token; /* referenced effective token (thread or process) */
    bool tcb;            /* SeTcbPrivilege enabled in it */
    bool tcb_held;       /* held, enabled or not */
    char name[300];      /* "WS1\alice" */
};

/* Fills c from the current thread; false when there is no token (broken
 * state, which api_enter has already refused). */
bool caller_get(const struct policy *pol, struct caller *c);
void caller_put(struct caller *c);

#endif
