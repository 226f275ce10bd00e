/* SPDX-License-Identifier: MIT */
/* The calling thread's effective identity (see caller.h). */
#include "win32/caller.h"

#include <string.h>

#include "core/engine/engine.h"

bool caller_get(const struct policy *pol, struct caller *c)
{
    memset(c, 0, sizeof *c);
    c->token = current_caller_token_borrow(&c->referenced);
    if (!c->token)
        return false;
    uint32_t tcb = right_info(RIGHT_SeTcbPrivilege)->luid;
    c->tcb = token_priv_enabled(c->token, tcb);
    c->tcb_held = token_priv_held(c->token, tcb);
    engine_sid_display(pol, &c->token->user, c->name, sizeof c->name);
    return true;
}

void caller_put(struct caller *c)
{
    if (c->referenced)
        token_unref(c->token);
    c->token = NULL;
    c->referenced = false;
}
