/* SPDX-License-Identifier: MIT */
/* lsaemu_leaks(): what the program holds open now (lsaemu.h). */
#include <string.h>

#include "core/diag/diag_line.h"
#include "core/diag/leaks.h"
#include "base/mem.h"
#include "lsaemu.h"

/* The line's text in a block of its own (the line may still be in its
 * small inline buffer); NULL when memory ran out on the way. */
static char *take_text(struct diag_line *l)
{
    if (l->lost)
        return NULL;
    char *s = mem_malloc(l->len + 1);
    if (s) {
        memcpy(s, l->buf, l->len);
        s[l->len] = '\0';
    }
    return s;
}

LSAEMU_PUBLIC unsigned long lsaemu_leaks(struct lsaemu_leaks *counts, char **lines)
{
    unsigned long c[LEAK_KIND_COUNT];
    struct diag_line text;
    diag_line_init(&text, NULL);
    unsigned long total = leaks_now(c, lines ? &text : NULL);
    if (lines)
        *lines = take_text(&text);
    diag_line_free(&text);
    if (counts) {
        counts->lsa_handles = c[LEAK_LSA_HANDLE];
        counts->token_handles = c[LEAK_TOKEN_HANDLE];
        counts->policy_handles = c[LEAK_POLICY_HANDLE];
        counts->sessions = c[LEAK_SESSION];
        counts->buffers = c[LEAK_BUFFER];
        counts->profile_handles = c[LEAK_PROFILE_HANDLE];
    }
    return total;
}
