/* SPDX-License-Identifier: MIT */
/*
 * Logon-right evaluation (behavior.md 4.1) and the names the reasons use.
 * The rights of a logon are those of every SID in the prospective token;
 * a deny right overrides the allow right, whichever SID carries either.
 */
#include <stdio.h>
#include <string.h>

#include "core/engine/engine.h"
#include "base/win.h"
#include "core/model/wellknown.h"

const char *engine_sid_display(const struct policy *pol, const struct sid *sid, char *buf,
                               size_t size)
{
    const struct account *a;
    const struct group *g;
    policy_find_sid_owner(pol, sid, &a, &g);
    const struct wellknown_sid *w = (a || g) ? NULL : wellknown_by_sid(sid);
    char text[SID_STRING_MAX];

    if (a)
        reason_concat(buf, size, a->domain, "\\", a->name, (const char *)NULL);
    else if (g)
        reason_concat(buf, size, g->domain, "\\", g->name, (const char *)NULL);
    else if (w && w->domain[0])
        reason_concat(buf, size, w->domain, "\\", w->name, (const char *)NULL);
    else if (w)
        reason_concat(buf, size, w->name, (const char *)NULL);
    else if (sid->count == 3 && sid_authority(sid) == 5 && sid->sub[0] == 5)
        snprintf(buf, size, "NT AUTHORITY\\LogonSessionId_%u_%u", sid->sub[1], sid->sub[2]);
    else
        snprintf(buf, size, "%s", sid_format(sid, text));
    return buf;
}

/* Appends "A, B, C" (the direct holders of right id) to buf. */
static void list_holders(const struct policy *pol, int id, char *buf, size_t size)
{
    size_t len = strlen(buf);
    if (pol->n_holders[id] == 0) {
        snprintf(buf + len, size - len, "nobody");
        return;
    }
    for (size_t i = 0; i < pol->n_holders[id] && len + 1 < size; i++) {
        char name[300];
        engine_sid_display(pol, &pol->holders[id][i], name, sizeof name);
        snprintf(buf + len, size - len, "%s%s", i ? ", " : "", name);
        len = strlen(buf);
    }
}

int32_t engine_check_logon_right(const struct policy *pol, const struct token *t,
                                 const struct account *acct, unsigned logon_type,
                                 const struct token_rights *tr, const char *who, char *reason,
                                 size_t size)
{
    right_mask rights = tr->all;
    int allow, deny;
    if (!rights_for_logon_type(logon_type, &allow, &deny)) {
        snprintf(reason, size, "logon type %u is not governed by a logon right", logon_type);
        return 0;
    }
    char name[300];
    if (rights & RIGHT_BIT(deny)) {
        const struct sid *c = engine_carrier(t, tr, deny);
        snprintf(reason, size,
                 "%s is assigned to %s, which is in the token of %s; a deny right overrides "
                 "%s",
                 right_info(deny)->name, c ? engine_sid_display(pol, c, name, sizeof name) : "?",
                 who, right_info(allow)->name);
        return STATUS_LOGON_TYPE_NOT_GRANTED;
    }
    /* behavior.md 4.1: the service accounts hold the service right "by
     * definition", whatever the rights database says. */
    bool implicit = logon_type == 5 && (acct->kind == ACCOUNT_LOCAL_SERVICE ||
                                        acct->kind == ACCOUNT_NETWORK_SERVICE ||
                                        acct->kind == ACCOUNT_SYSTEM);
    if (!(rights & RIGHT_BIT(allow)) && !implicit) {
        snprintf(reason, size, "no SID in the token of %s holds %s (held by: ", who,
                 right_info(allow)->name);
        list_holders(pol, allow, reason, size);
        size_t len = strlen(reason);
        snprintf(reason + len, size - len, ")");
        return STATUS_LOGON_TYPE_NOT_GRANTED;
    }
    if (implicit && !(rights & RIGHT_BIT(allow))) {
        snprintf(reason, size, "%s holds %s implicitly (built-in service account)", who,
                 right_info(allow)->name);
    } else {
        const struct sid *c = engine_carrier(t, tr, allow);
        reason_concat(reason, size, right_info(allow)->name, " granted to ", who, " through ",
                      c ? engine_sid_display(pol, c, name, sizeof name) : "?",
                      (const char *)NULL);
    }
    return 0;
}
