/* SPDX-License-Identifier: MIT */
/* Who is calling: the effective token and how to name it in reasons. */
#ifndef LSAEMU_WIN32_CALLER_H
#define LSAEMU_WIN32_CALLER_H

#include <stdbool.h>

#include "win32/api.h"
#include "core/state/token.h"

struct caller {
    struct token *token; /* effective token (thread or process) */
    bool referenced;     /* token holds a reference caller_put() drops; else
                          * it is borrowed for the call (current.h) */
    bool tcb;            /* SeTcbPrivilege enabled in it */
    bool tcb_held;       /* held, enabled or not */
    char name[300];      /* "WS1\alice" */
};

/* Fills c from the current thread; false when there is no token (broken
 * state, which api_enter has already refused). Only between api_enter()
 * and api_leave(): the token may be borrowed from the call's state. A
 * caller that keeps the token beyond the call takes its own token_ref(). */
bool caller_get(const struct policy *pol, struct caller *c);
void caller_put(struct caller *c);

#endif
