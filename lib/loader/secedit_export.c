/* SPDX-License-Identifier: MIT */
/*
 * Writing a security template (see secedit.h): the rights database of a
 * policy in the shape `secedit /export` produces, so that the machine a
 * fixture describes can be reproduced on real Windows with
 * `secedit /configure /db x.sdb /cfg FILE.inf /areas USER_RIGHTS`.
 */
#include "config.h"
#include "base/mem.h"

#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/model/rights.h"
#include "core/model/sid.h"
#include "loader/secedit.h"

struct wbuf {
    unsigned char *p;
    size_t len, cap;
    bool failed;
};

/* Room for n more bytes; false (and failed set) when memory ran out. */
static bool reserve(struct wbuf *b, size_t n)
{
    if (b->failed)
        return false;
    if (b->len + n <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < b->len + n)
        cap *= 2;
    unsigned char *p = mem_realloc(b->p, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

/* Appends ASCII text as UTF-16LE, turning each "\n" into CRLF as secedit
 * writes it. Everything a template holds here (names, SIDs) is ASCII. */
static void put(struct wbuf *b, const char *s)
{
    for (; *s; s++) {
        if (!reserve(b, 4))
            return;
        if (*s == '\n') {
            b->p[b->len++] = '\r';
            b->p[b->len++] = 0;
        }
        b->p[b->len++] = (unsigned char)*s;
        b->p[b->len++] = 0;
    }
}

int secedit_export(const struct policy *pol, char **out, size_t *len)
{
    struct wbuf b = {0};
    *out = NULL;
    *len = 0;
    if (reserve(&b, 2)) { /* the byte-order mark secedit starts with */
        b.p[b.len++] = 0xFF;
        b.p[b.len++] = 0xFE;
    }
    put(&b, "[Unicode]\nUnicode=yes\n[Version]\nsignature=\"$CHICAGO$\"\nRevision=1\n");
    /* The Account Lockout Policy as secedit writes it (MS-GPSB 2.2.1.1.2):
     * the threshold always; the window and the duration (-1: until an
     * administrator unlocks) only when there is a threshold, as Windows
     * leaves them undefined without one. */
    char num[64];
    put(&b, "[System Access]\n");
    snprintf(num, sizeof num, "LockoutBadCount = %u\n", (unsigned)pol->lockout.threshold);
    put(&b, num);
    if (pol->lockout.threshold) {
        snprintf(num, sizeof num, "ResetLockoutCount = %u\n", (unsigned)pol->lockout.window);
        put(&b, num);
        if (pol->lockout.duration)
            snprintf(num, sizeof num, "LockoutDuration = %u\n", (unsigned)pol->lockout.duration);
        else
            snprintf(num, sizeof num, "LockoutDuration = -1\n");
        put(&b, num);
    }
    put(&b, "[Privilege Rights]\n");
    for (int id = 0; id < RIGHT_COUNT; id++) {
        /* "Name =" with nothing after it assigns the right to nobody. */
        put(&b, right_info(id)->name);
        put(&b, " =");
        for (size_t i = 0; i < pol->n_holders[id]; i++) {
            char text[SID_STRING_MAX];
            put(&b, i ? ",*" : " *");
            put(&b, sid_format(&pol->holders[id][i], text));
        }
        put(&b, "\n");
    }
    if (b.failed) {
        mem_free(b.p);
        return -1;
    }
    *out = (char *)b.p;
    *len = b.len;
    return 0;
}
