/* SPDX-License-Identifier: MIT */
/*
 * The rights half of the control API (lsaemu.h): the logon-right rule and
 * the privileges of an account, asked of the policy in force without making
 * a logon. `lsaemu rights` prints its matrix from these. The answers come
 * from the engine that decides real logons (engine_build_token and
 * engine_check_logon_right), so the matrix can never disagree with
 * LsaLogonUser.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/state/current.h"
#include "core/engine/engine.h"
#include "lsaemu.h"

/* The policy in force and the account a principal spelling names. */
static struct policy *acquire_account(const char *name, const struct account **acct)
{
    struct policy *pol = NULL;
    struct sid sid;
    *acct = NULL;
    if (!name || current_acquire(&pol) != 0 || !pol)
        return NULL;
    if (policy_resolve_principal(pol, name, &sid))
        *acct = policy_find_account_sid(pol, &sid);
    if (!*acct) {
        current_release(pol);
        return NULL;
    }
    return pol;
}

/* The token a logon of acct with this type would get, or NULL. */
static struct token *prospective_token(const struct policy *pol, const struct account *acct,
                                       unsigned type, struct token_rights *rights)
{
    struct token_plan plan = {
        .account = acct,
        .logon_type = type,
        .package = AUTH_NEGOTIATE,
        .form = LOGON_FORM_PASSWORD,
    };
    bool too_many;
    return engine_build_token(pol, &plan, rights, &too_many);
}

/* The first SID of t (user first, then groups in token order) holding
 * right id directly, as the engine's reasons name it; "" when none. */
static void carrier(const struct policy *pol, const struct token *t,
                    const struct token_rights *r, int id, char *buf, size_t size)
{
    const struct sid *found = engine_carrier(t, r, id);
    buf[0] = '\0';
    if (found)
        engine_sid_display(pol, found, buf, size);
}

LSAEMU_PUBLIC int lsaemu_policy_account(size_t index, char *name, size_t size)
{
    struct policy *pol = NULL;
    int rc = -1;
    if (!name || size == 0 || current_acquire(&pol) != 0 || !pol)
        return -1;
    if (index < pol->n_accounts) {
        const struct account *a = &pol->accounts[index];
        snprintf(name, size, "%s\\%s", a->domain, a->name);
        rc = 0;
    }
    current_release(pol);
    return rc;
}

LSAEMU_PUBLIC int lsaemu_query_logon_right(const char *account, unsigned logon_type,
                                           struct lsaemu_logon_right *out)
{
    const struct account *acct;
    if (!out || logon_type < 2 || logon_type > 13 || logon_type == 6)
        return -1;
    memset(out, 0, sizeof *out);
    struct policy *pol = acquire_account(account, &acct);
    if (!pol)
        return -1;
    int rc = -1;
    int allow, deny;
    char who[320];
    snprintf(who, sizeof who, "%s\\%s", acct->domain, acct->name);
    if (!rights_for_logon_type(logon_type, &allow, &deny)) {
        out->state = LSAEMU_RIGHT_UNGOVERNED;
        snprintf(out->reason, sizeof out->reason,
                 "logon type %u is not governed by a logon right", logon_type);
        rc = 0;
        goto out;
    }
    struct token_rights rights;
    struct token *t = prospective_token(pol, acct, logon_type, &rights);
    if (!t)
        goto out;
    int32_t st = engine_check_logon_right(pol, t, acct, logon_type, &rights, who, out->reason,
                                          sizeof out->reason);
    int decided = allow;
    if (rights.all & RIGHT_BIT(deny)) {
        out->state = LSAEMU_RIGHT_DENIED;
        decided = deny;
    } else {
        out->state = st == 0 ? LSAEMU_RIGHT_GRANTED : LSAEMU_RIGHT_NOT_GRANTED;
    }
    snprintf(out->right, sizeof out->right, "%s", right_info(decided)->name);
    carrier(pol, t, &rights, decided, out->principal, sizeof out->principal);
    /* The service accounts' own service right is not in the database. */
    if (st == 0 && !out->principal[0])
        snprintf(out->principal, sizeof out->principal, "(implicit)");
    token_unref(t);
    rc = 0;
out:
    current_release(pol);
    return rc;
}

LSAEMU_PUBLIC int lsaemu_for_each_account_privilege(const char *account,
                                                    void (*fn)(const char *privilege,
                                                               const char *principal,
                                                               int enabled, void *ctx),
                                                    void *ctx)
{
    const struct account *acct;
    struct policy *pol = acquire_account(account, &acct);
    if (!pol)
        return -1;
    struct token_rights rights;
    int n = -1;
    struct token *t = prospective_token(pol, acct, 2, &rights);
    if (t) {
        n = 0;
        for (size_t i = 0; i < t->n_privs; i++) {
            int id = right_by_luid(t->privs[i].luid);
            if (id < 0)
                continue;
            char who[320];
            carrier(pol, t, &rights, id, who, sizeof who);
            if (!who[0])
                snprintf(who, sizeof who, "(implicit)");
            if (fn)
                fn(right_info(id)->name, who, (t->privs[i].attributes & TOK_PRIV_ENABLED) != 0,
                   ctx);
            n++;
        }
        token_unref(t);
    }
    current_release(pol);
    return n;
}
