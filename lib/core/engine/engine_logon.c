/* SPDX-License-Identifier: MIT */
/*
 * The logon decision (behavior.md 3.5 steps 7-12, 5 and 6): which account a
 * request names, whether its credentials and state allow a logon, whether
 * the logon type is granted, and the token it gets. Checks run in Windows'
 * order; the first that fails decides, and says why in the reason.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/export.h"
#include "base/plat_time.h"

#include "base/win.h"
#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "core/model/status.h"
#include "core/model/policy_build.h"
#include "core/state/lockout.h"
#include "base/md4.h"

/* Where the request's domain points. */
enum domain_kind { DOMAIN_LOCAL, DOMAIN_NT_AUTHORITY, DOMAIN_JOINED, DOMAIN_UNKNOWN };

static int32_t decide(struct logon_verdict *out, int32_t status, int32_t sub, const char *fmt,
                      ...) LSAEMU_PRINTF(4, 5);

static int32_t decide(struct logon_verdict *out, int32_t status, int32_t sub, const char *fmt,
                      ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->reason, sizeof out->reason, fmt, ap);
    va_end(ap);
    out->status = status;
    out->substatus = sub;
    return status;
}

static bool is_blank(const char *s)
{
    return !s || !*s;
}

static enum domain_kind classify_domain(const struct policy *pol, const char *domain)
{
    if (is_blank(domain) || strcmp(domain, ".") == 0 ||
        strcasecmp(domain, pol->machine_name) == 0)
        return DOMAIN_LOCAL;
    if (strcasecmp(domain, "NT AUTHORITY") == 0)
        return DOMAIN_NT_AUTHORITY;
    if (policy_is_domain_name(pol, domain, strlen(domain)))
        return DOMAIN_JOINED;
    return DOMAIN_UNKNOWN;
}

/* Splits "user@suffix" when no domain was given (UPN form). The suffix
 * becomes the domain. user_buf receives the user part. */
static void split_upn(const char *user, const char *domain, char *user_buf, size_t ubuf,
                      char *dom_buf, size_t dbuf, const char **u, const char **d)
{
    const char *at = strrchr(user, '@');
    *u = user;
    *d = domain;
    if (!is_blank(domain) && strcmp(domain, ".") != 0)
        return;
    if (!at || at == user || !at[1])
        return;
    snprintf(user_buf, ubuf, "%.*s", (int)(at - user), user);
    snprintf(dom_buf, dbuf, "%s", at + 1);
    *u = user_buf;
    *d = dom_buf;
}

/* The built-in service accounts by the names LogonUser examples use. */
static enum account_kind special_kind(const char *user)
{
    /* Every name below starts with L, N or S; most users' names do not. */
    char c0 = (char)(user[0] | 0x20);
    if (c0 != 'l' && c0 != 'n' && c0 != 's')
        return ACCOUNT_NORMAL;
    if (strcasecmp(user, "LocalService") == 0 || strcasecmp(user, "LOCAL SERVICE") == 0)
        return ACCOUNT_LOCAL_SERVICE;
    if (strcasecmp(user, "NetworkService") == 0 || strcasecmp(user, "NETWORK SERVICE") == 0)
        return ACCOUNT_NETWORK_SERVICE;
    if (strcasecmp(user, "SYSTEM") == 0 || strcasecmp(user, "LocalSystem") == 0)
        return ACCOUNT_SYSTEM;
    return ACCOUNT_NORMAL;
}

static const struct account *find_special(const struct policy *pol, enum account_kind kind)
{
    for (size_t i = 0; i < pol->n_accounts && i < 8; i++)
        if (pol->accounts[i].kind == kind)
            return &pol->accounts[i];
    /* Built-ins come first, but a policy is free to reorder nothing else;
     * fall back to the SID look-up to be safe. */
    uint32_t rid = kind == ACCOUNT_SYSTEM ? 18 : kind == ACCOUNT_LOCAL_SERVICE ? 19 : 20;
    struct sid s = sid_make1(5, rid);
    return policy_find_account_sid(pol, &s);
}

/* Minute of the week, Monday 00:00 UTC = 0. 1970-01-01 was a Thursday. */
static unsigned minute_of_week(int64_t now)
{
    int64_t days = now >= 0 ? now / 86400 : (now - 86399) / 86400;
    int64_t secs = now - days * 86400;
    unsigned dow = (unsigned)(((days % 7) + 7 + 3) % 7);
    return dow * 1440u + (unsigned)(secs / 60);
}

static bool within_logon_hours(const struct account *a, int64_t now)
{
    if (!a->has_logon_hours)
        return true;
    unsigned m = minute_of_week(now);
    for (size_t i = 0; i < account_x(a)->n_logon_hours; i++)
        if (m >= account_x(a)->logon_hours[i].start && m < account_x(a)->logon_hours[i].end)
            return true;
    return false;
}

static bool workstation_allowed(const struct policy *pol, const struct account *a)
{
    if (!a->has_workstations)
        return true;
    for (size_t i = 0; i < account_x(a)->n_workstations; i++)
        if (strcasecmp(account_x(a)->workstations[i], pol->machine_name) == 0)
            return true;
    return false;
}

/* Compares the NT hash of the offered password with the account's. */
static bool password_matches(const struct account *a, const uint16_t *pw, size_t len)
{
    uint8_t le[2 * GUESS_MAX_NAME_BYTES];
    uint8_t h[16];
    if (len > GUESS_MAX_NAME_BYTES)
        return false;
    /* The caller's buffer need not be aligned: units are copied, not
     * dereferenced. */
    const unsigned char *raw = (const unsigned char *)pw;
    for (size_t i = 0; i < len; i++) {
        uint16_t u;
        memcpy(&u, raw + 2 * i, 2);
        le[2 * i] = (uint8_t)(u & 0xFF);
        le[2 * i + 1] = (uint8_t)(u >> 8);
    }
    md4(le, 2 * len, h);
    bool ok = memcmp(h, a->nt_hash, 16) == 0;
    memset(le, 0, sizeof le);
    return ok;
}

/* Account state for a password logon (behavior.md 5), after the lockout
 * and password checks. Returns 0 when nothing restricts the logon. */
static int32_t check_state(const struct policy *pol, const struct logon_request *req,
                           const struct account *a, const char *who, struct logon_verdict *out)
{
    bool s4u = req->form == LOGON_FORM_S4U;
    /* A declared package vouching for the user checks what the account
     * allows, but no password and nothing about the password (12.11). */
    bool vouched = req->form == LOGON_FORM_VOUCHED;
    if (a->disabled)
        return decide(out, STATUS_ACCOUNT_RESTRICTION, STATUS_ACCOUNT_DISABLED,
                      "account %s is disabled (disabled: true)", who);
    if (a->has_expires && req->now >= account_x(a)->expires)
        return decide(out, STATUS_ACCOUNT_RESTRICTION, STATUS_ACCOUNT_EXPIRED,
                      "account %s expired (expires: %lld, now: %lld)", who,
                      (long long)account_x(a)->expires, (long long)req->now);
    if (!(s4u && GUESS_S4U_SKIPS_PASSWORD_STATE) && !vouched) {
        if (a->password_expired)
            return decide(out, STATUS_ACCOUNT_RESTRICTION, STATUS_PASSWORD_EXPIRED,
                          "the password of %s has expired (password_expired: true)", who);
        if (a->must_change_password)
            return decide(out, GUESS_MUST_CHANGE_MAIN_STATUS ? STATUS_PASSWORD_MUST_CHANGE
                                                             : STATUS_ACCOUNT_RESTRICTION,
                          GUESS_MUST_CHANGE_MAIN_STATUS ? 0 : STATUS_PASSWORD_MUST_CHANGE,
                          "%s must change the password at next logon "
                          "(must_change_password: true)",
                          who);
    }
    bool check_hours = !s4u || (req->s4u_flags & S4U_FLAG_CHECK_LOGONHOURS);
    if (check_hours && !within_logon_hours(a, req->now))
        return decide(out, STATUS_ACCOUNT_RESTRICTION, STATUS_INVALID_LOGON_HOURS,
                      "%s may not log on at this time (logon_hours)", who);
    if (!s4u && !workstation_allowed(pol, a))
        return decide(out, STATUS_ACCOUNT_RESTRICTION, STATUS_INVALID_WORKSTATION,
                      "%s may not log on at workstation %s (workstations)", who,
                      pol->machine_name);
    /* behavior.md 5 step 5 / D31: blank passwords only at the console. */
    if (!s4u && !vouched && a->blank_password && pol->blank_password_console_only &&
        !(GUESS_CONSOLE_LOGON_TYPE(req->logon_type) && req->caller_session != 0))
        return decide(out, STATUS_ACCOUNT_RESTRICTION, GUESS_BLANK_PASSWORD_SUBSTATUS,
                      "%s has a blank password, which is allowed only for console logons "
                      "(options.blank_password_console_only; logon type %u%s)",
                      who, req->logon_type,
                      req->caller_session == 0 ? " from session 0" : "");
    return 0;
}

/* The built-in Administrator (RID 500) of the machine or of the domain,
 * which the lockout policy spares unless lockout.administrator is set
 * (D: "Account lockout threshold", KB5020282). */
static bool is_builtin_administrator(const struct policy *pol, const struct account *a)
{
    const struct sid *base = a->in_domain ? &pol->domain.sid : &pol->machine_sid;
    return sid_is_child_of(&a->sid, base) && sid_last_rid(&a->sid) == POLICY_RID_ADMINISTRATOR;
}

/* Does the lockout policy count a's bad passwords at all? */
static bool lockout_applies(const struct policy *pol, const struct account *a)
{
    return pol->lockout.threshold &&
           (pol->lockout.administrator || !is_builtin_administrator(pol, a));
}

/* "2026-11-18 10:05:00 UTC" */
static void format_time(int64_t t, char *buf, size_t size)
{
    struct tm tm;
    if (!plat_gmtime(t, &tm) || !strftime(buf, size, "%Y-%m-%d %H:%M:%S UTC", &tm))
        snprintf(buf, size, "%lld", (long long)t);
}

/* The lockout check of a password or S4U logon (behavior.md 5 step 2):
 * the static locked_out flag, then the state the lockout policy built.
 * Returns 0 when a may go on, else the decision; *view receives the state. */
static int32_t check_lockout(const struct policy *pol, const struct logon_request *req,
                             const struct account *a, const char *who,
                             struct lockout_view *view, struct logon_verdict *out)
{
    memset(view, 0, sizeof *view);
    if (GUESS_LOCKOUT_BEFORE_PASSWORD && a->locked_out)
        return decide(out, STATUS_ACCOUNT_LOCKED_OUT, 0,
                      "account %s is locked out (locked_out: true)", who);
    if (!lockout_applies(pol, a) || !req->lockout)
        return 0;
    req->lockout(&a->sid, &pol->lockout, req->now, view);
    if (!view->locked)
        return 0;
    /* KB5020282: the built-in Administrator, when it can be locked out at
     * all, is still let in at the console. */
    if (is_builtin_administrator(pol, a) && GUESS_ADMIN_LOCKOUT_SPARES_CONSOLE &&
        GUESS_CONSOLE_LOGON_TYPE(req->logon_type) && req->caller_session != 0)
        return 0;
    char at[40], until[40];
    format_time(view->locked_at, at, sizeof at);
    if (view->unlock_at)
        format_time(view->unlock_at, until, sizeof until);
    return decide(out, STATUS_ACCOUNT_LOCKED_OUT, 0,
                  "account %s was locked out at %s after %u bad passwords "
                  "(lockout.threshold %u); it unlocks %s%s%s",
                  who, at, view->bad, pol->lockout.threshold,
                  view->unlock_at ? "at " : "only with lsaemu_reset() or a new policy",
                  view->unlock_at ? until : " (lockout.duration: 0)",
                  view->unlock_at ? " (lockout.duration)" : "");
}

/* The token type (behavior.md 3.5 step 12, 12.1) and the S4U token level
 * rule (behavior.md 6, D5, D23). Only Network (3) gives an impersonation
 * token: NetworkCleartext (8) gives a primary one like every other type. */
static void apply_token_kind(const struct logon_request *req, struct token *t)
{
    bool network = req->logon_type == 3;
    t->kind = network ? TOKEN_KIND_IMPERSONATION : TOKEN_KIND_PRIMARY;
    t->level = network ? IMP_IMPERSONATION : IMP_ANONYMOUS;
    if (req->form != LOGON_FORM_S4U)
        return;
    bool identify = !req->caller_tcb || (req->s4u_flags & S4U_FLAG_IDENTIFY);
    if (req->package == AUTH_MSV1_0 && !GUESS_MSV_S4U_FOLLOWS_KERB_TCB_RULE)
        identify = req->s4u_flags & S4U_FLAG_IDENTIFY;
    if (identify) {
        if (GUESS_S4U_IDENTIFY_TOKEN_IS_IMPERSONATION)
            t->kind = TOKEN_KIND_IMPERSONATION;
        t->level = IMP_IDENTIFICATION;
    }
}

/* NewCredentials: a copy of the caller's token in a new logon session. */
static int32_t new_credentials(const struct logon_request *req, struct logon_verdict *out)
{
    if (!req->caller_token)
        return decide(out, STATUS_NO_TOKEN, 0, "the caller has no token to copy");
    struct token *t = token_clone(req->caller_token);
    if (!t)
        return decide(out, STATUS_NO_MEMORY, 0, "out of memory copying the caller's token");
    t->logon_type = 9;
    t->kind = TOKEN_KIND_PRIMARY;
    for (size_t i = 0; i < t->n_groups; i++) {
        if (t->groups[i].attributes & TOK_GROUP_LOGON_ID) {
            t->groups[i].sid = sid_make(5, 3, (uint32_t[]){5, (uint32_t)req->logon_id.high,
                                                           req->logon_id.low});
            t->logon_sid = t->groups[i].sid;
        }
    }
    out->token = t;
    return decide(out, 0, 0,
                  "NewCredentials: the token is a copy of the caller's; the credentials for %s "
                  "are used only for outbound connections and are not checked",
                  req->user);
}

static int32_t finish(const struct policy *pol, const struct logon_request *req,
                      const struct account *a, struct logon_verdict *out)
{
    struct token_plan plan = {
        .account = a,
        .logon_type = req->logon_type,
        .package = req->package,
        .form = req->form,
        .local_groups = req->local_groups,
        .n_local_groups = req->n_local_groups,
        .with_logon_sid = GUESS_LOGON_SID_FOR_NON_NETWORK && req->logon_type != 3 &&
                          req->logon_type != 8,
        .logon_id = req->logon_id,
    };
    struct token_rights rights;
    bool too_many;
    struct token *t = engine_build_token(pol, &plan, &rights, &too_many);
    if (!t && too_many)
        return decide(out, GUESS_TOO_MANY_SIDS_STATUS, 0,
                      "the token of %s would hold more than %u groups", out->account_name,
                      GUESS_MAX_TOKEN_GROUPS);
    if (!t)
        return decide(out, STATUS_NO_MEMORY, 0, "out of memory building the token");
    /* The rule's text is the verdict's reason as it stands. */
    int32_t st = engine_check_logon_right(pol, t, a, req->logon_type, &rights,
                                          out->account_name, out->reason, sizeof out->reason);
    out->status = st;
    out->substatus = 0;
    if (st != 0) {
        token_unref(t);
        return st;
    }
    /* behavior.md 12.10: UAC gives the logon the filtered token; the full
     * one, elevated, is linked to it in a logon session of its own. */
    if (engine_uac_splits(pol, a, req->logon_type, t)) {
        struct token *limited = engine_uac_limited(t);
        if (!limited) {
            token_unref(t);
            return decide(out, STATUS_NO_MEMORY, 0, "out of memory filtering the token");
        }
        engine_uac_mark_full(t);
        t->kind = TOKEN_KIND_PRIMARY;
        t->level = IMP_ANONYMOUS;
        out->linked = t;
        t = limited;
        size_t used = strlen(out->reason);
        snprintf(out->reason + used, sizeof out->reason - used,
                 "; UAC (machine.uac) filtered the token of %s, an administrator: the full "
                 "token is linked to it",
                 out->account_name);
    }
    apply_token_kind(req, t);
    out->token = t;
    return 0;
}

/* The logon of an account of the machine or of the domain once it is
 * found: lockout, password, account state (behavior.md 5), then the token
 * and the logon rights. */
static int32_t account_logon(const struct policy *pol, const struct logon_request *req,
                             const struct account *a, struct logon_verdict *out)
{
    out->account = a;
    reason_concat(out->account_name, sizeof out->account_name, a->domain, "\\", a->name,
                  (const char *)NULL);
    const char *who = out->account_name;
    struct lockout_view view;
    int32_t st = check_lockout(pol, req, a, who, &view, out);
    if (st != 0)
        return st;
    /* Only a checked password counts (not S4U, not a declared package
     * vouching for the user, behavior.md 12.11). */
    bool password = req->form == LOGON_FORM_PASSWORD;
    bool counts = password && lockout_applies(pol, a);
    if (password && !password_matches(a, req->password, req->password_len)) {
        /* "Account lockout threshold": wrong passwords count; a disabled
         * account's too unless the guess says otherwise. */
        out->count_bad_password = counts && (!a->disabled || GUESS_LOCKOUT_COUNTS_DISABLED);
        if (!out->count_bad_password)
            return decide(out, STATUS_LOGON_FAILURE, STATUS_WRONG_PASSWORD,
                          "wrong password for %s", who);
        uint32_t n = view.bad + 1;
        return decide(out, STATUS_LOGON_FAILURE, STATUS_WRONG_PASSWORD,
                      "wrong password for %s (bad password %u of lockout.threshold %u%s)", who,
                      n, pol->lockout.threshold,
                      n >= pol->lockout.threshold ? "; the account is now locked out" : "");
    }
    st = check_state(pol, req, a, who, out);
    if (st != 0)
        return st;
    /* The package accepted the credentials: the count starts again
     * (before the logon rights, which the LSA applies after the package). */
    out->bad_passwords = view.bad;
    out->clear_bad_passwords = counts && view.bad > 0;
    return finish(pol, req, a, out);
}

/* A cached interactive logon records the cached form of its type. */
static unsigned cached_type(unsigned type)
{
    switch (type) {
    case 2: return 11;  /* Interactive -> CachedInteractive */
    case 10: return 12; /* RemoteInteractive -> CachedRemoteInteractive */
    case 7: return 13;  /* Unlock -> CachedUnlock */
    default: return type;
    }
}

/* A logon naming the domain the machine is joined to (policy-format.md
 * "domain"): MSV1_0 S4U is refused for domain accounts (field F4 #7); an
 * unreachable domain answers STATUS_NO_LOGON_SERVERS except to an
 * interactive logon of an account with cached credentials; then the
 * domain's account, as a machine account is looked up. */
static int32_t domain_logon(const struct policy *pol, const struct logon_request *req,
                            const char *user, const char *domain, const struct account *by_upn,
                            struct logon_verdict *out)
{
    bool s4u = req->form == LOGON_FORM_S4U;
    if (s4u && req->package == AUTH_MSV1_0)
        return decide(out, STATUS_NOT_SUPPORTED, 0,
                      "MSV1_0 S4U works only for local accounts; %s\\%s is a domain account",
                      domain, user);
    const struct account *a = by_upn ? by_upn : policy_find_domain_account(pol, user);
    if (!pol->domain.reachable) {
        bool interactive = cached_type(req->logon_type) != req->logon_type ||
                           req->logon_type >= 11;
        if (!(a && a->cached && !s4u && interactive && GUESS_DOMAIN_CACHED_LOGONS))
            return decide(out, GUESS_DOMAIN_ACCOUNT_STATUS, 0,
                          "no domain controller of %s can be reached (domain.reachable: "
                          "false)%s",
                          pol->domain.name,
                          a && a->cached && !s4u
                              ? "; cached credentials serve interactive logons only"
                              : "");
        out->session_logon_type = cached_type(req->logon_type);
    }
    if (!a)
        return decide(out, STATUS_LOGON_FAILURE,
                      s4u ? GUESS_S4U_UNKNOWN_USER_SUBSTATUS : STATUS_NO_SUCH_USER,
                      "no account named '%s' in domain %s", user, pol->domain.name);
    return account_logon(pol, req, a, out);
}

static int32_t special_logon(const struct policy *pol, const struct logon_request *req,
                             enum account_kind kind, struct logon_verdict *out)
{
    const struct account *a = kind == ACCOUNT_NORMAL ? NULL : find_special(pol, kind);
    if (!a || kind == ACCOUNT_SYSTEM)
        return decide(out, STATUS_LOGON_FAILURE, STATUS_NO_SUCH_USER,
                      "NT AUTHORITY\\%s names no account that can log on", req->user);
    out->account = a;
    reason_concat(out->account_name, sizeof out->account_name, a->domain, "\\", a->name,
                  (const char *)NULL);
    /* reactos R3 / C060: the service accounts log on only as services. */
    if (req->logon_type != 5)
        return decide(out, GUESS_SPECIAL_ACCOUNT_WRONG_TYPE_STATUS,
                      GUESS_SPECIAL_ACCOUNT_WRONG_TYPE_SUBSTATUS,
                      "%s can log on only with the Service logon type (requested %u)",
                      out->account_name, req->logon_type);
    return finish(pol, req, a, out);
}

/* A declared package (behavior.md 12.11) that answers with a fixed status,
 * or maps every logon to one account: true with *st decided. False when
 * neither applies and the named user logs on as through MSV1_0. */
static bool custom_logon(const struct policy *pol, const struct logon_request *req,
                         struct logon_verdict *out, int32_t *st)
{
    const struct policy_package *pk = req->custom;
    if (pk->answer == PACKAGE_ANSWER_STATUS) {
        const char *name = status_name(pk->status);
        *st = decide(out, pk->status, 0,
                     "package %s answers every logon with %s (0x%08X) (packages: answer)",
                     pk->name, name ? name : "this status", (unsigned)pk->status);
        return true;
    }
    if (pk->account == SIZE_MAX)
        return false;
    *st = account_logon(pol, req, &pol->accounts[pk->account], out);
    return true;
}

int32_t engine_logon(const struct policy *pol, const struct logon_request *req,
                     struct logon_verdict *out)
{
    memset(out, 0, sizeof *out);
    out->session_logon_type = req->logon_type;
    if (req->logon_type == 9 && GUESS_NEW_CREDENTIALS_NO_CHECKS)
        return new_credentials(req, out);
    int32_t decided;
    if (req->package == AUTH_CUSTOM && req->custom && custom_logon(pol, req, out, &decided))
        return decided;

    char ubuf[1024], dbuf[1024];
    const char *user, *domain;
    /* A UPN of a domain account (its upn:, or name@dns_name) names it
     * whatever its user part is. */
    const struct account *by_upn = is_blank(req->domain) ? policy_find_upn(pol, req->user) : NULL;
    if (by_upn)
        return domain_logon(pol, req, by_upn->name, pol->domain.name, by_upn, out);
    split_upn(req->user, req->domain, ubuf, sizeof ubuf, dbuf, sizeof dbuf, &user, &domain);
    enum domain_kind dk = classify_domain(pol, domain);
    bool s4u = req->form == LOGON_FORM_S4U;

    if (dk == DOMAIN_NT_AUTHORITY || (dk == DOMAIN_LOCAL && special_kind(user) != ACCOUNT_NORMAL &&
                                      !policy_find_account(pol, user)))
        return special_logon(pol, req, special_kind(user), out);
    if (dk == DOMAIN_JOINED)
        return domain_logon(pol, req, user, domain, NULL, out);
    if (dk == DOMAIN_UNKNOWN)
        return decide(out, STATUS_LOGON_FAILURE, GUESS_UNKNOWN_DOMAIN_SUBSTATUS,
                      "domain '%s' is neither this machine (%s) nor a domain it knows", domain,
                      pol->machine_name);

    const struct account *a = policy_find_account(pol, user);
    if (!a)
        return decide(out, STATUS_LOGON_FAILURE,
                      s4u ? GUESS_S4U_UNKNOWN_USER_SUBSTATUS : STATUS_NO_SUCH_USER,
                      "no account named '%s' on %s", user, pol->machine_name);
    if (a->kind != ACCOUNT_NORMAL)
        return special_logon(pol, req, a->kind, out);
    return account_logon(pol, req, a, out);
}
