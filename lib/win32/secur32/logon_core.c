/* SPDX-License-Identifier: MIT */
/* The shared logon path (see logon_core.h). */
#include "win32/secur32/logon_core.h"
#include "base/mem.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "win32/caller.h"
#include "core/diag/audit.h"
#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "core/state/lockout.h"
#include "core/state/publish.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "core/state/sessions.h"
#include "win32/secur32/lsa_profile.h"
#include "base/utf.h"

/* Copies LocalGroups into token groups; false (reason set) for a malformed
 * SID. *out is malloc'd (NULL when there are none). */
static NTSTATUS copy_local_groups(const TOKEN_GROUPS *tg, struct token_group **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!tg || tg->GroupCount == 0)
        return STATUS_SUCCESS;
    if (tg->GroupCount > GUESS_MAX_TOKEN_GROUPS) {
        reason_set("LocalGroups holds %lu groups, more than a token can",
                   (unsigned long)tg->GroupCount);
        return GUESS_TOO_MANY_SIDS_STATUS;
    }
    struct token_group *g = mem_calloc(tg->GroupCount, sizeof *g);
    if (!g) {
        reason_set("out of memory copying LocalGroups");
        return STATUS_NO_MEMORY;
    }
    for (DWORD i = 0; i < tg->GroupCount; i++) {
        const SID *s = tg->Groups[i].Sid;
        if (!s || s->Revision != 1 || s->SubAuthorityCount > SID_MAX_SUB_AUTHORITIES) {
            mem_free(g);
            reason_set("LocalGroups entry %lu is not a valid SID", (unsigned long)i);
            return STATUS_INVALID_SID;
        }
        memcpy(&g[i].sid, s, 8 + 4 * (size_t)s->SubAuthorityCount);
        g[i].attributes = tg->Groups[i].Attributes;
    }
    *out = g;
    *n = tg->GroupCount;
    return STATUS_SUCCESS;
}

static void fill_quotas(QUOTA_LIMITS *q, bool primary)
{
    memset(q, 0, sizeof *q);
    if (!primary)
        return;
    q->PagedPoolLimit = GUESS_QUOTA_PAGED_POOL;
    q->NonPagedPoolLimit = GUESS_QUOTA_NONPAGED_POOL;
    q->MinimumWorkingSetSize = GUESS_QUOTA_MIN_WORKING_SET;
    q->MaximumWorkingSetSize = GUESS_QUOTA_MAX_WORKING_SET;
    q->PagefileLimit = GUESS_QUOTA_PAGEFILE;
    q->TimeLimit.QuadPart = GUESS_QUOTA_TIME_LIMIT;
}

/* Creates the session (unpublished) and completes the token's ids; false
 * on OOM. */
static bool attach_session(const struct logon_call *c, const struct logon_verdict *v,
                           struct token *t, const char *user, const char *domain, struct luid id,
                           struct token *caller_token, int64_t now)
{
    const struct account *a = v->account;
    /* A domain account's session names its domain controller, the realm
     * (GUESS_SESSION_DNS_DOMAIN_UPPER) and its userPrincipalName. */
    bool in_domain = a && a->in_domain;
    char realm[256] = "", upn[512] = "";
    if (in_domain) {
        snprintf(realm, sizeof realm, "%s", c->pol->domain.dns_name);
        for (char *p = realm; GUESS_SESSION_DNS_DOMAIN_UPPER && *p; p++)
            *p = (char)toupper((unsigned char)*p);
        policy_account_upn(c->pol, a, upn, sizeof upn);
    }
    struct session_info info = {
        .user_name = a ? a->name : user,
        .domain = a ? a->domain : domain,
        .package = c->package->session_name,
        .logon_server = in_domain ? c->pol->domain.controller : c->pol->machine_name,
        .dns_domain = in_domain ? realm : NULL,
        .upn = in_domain ? upn : NULL,
        .logon_process = c->logon_process,
        .user_sid = &t->user,
        .logon_type = v->session_logon_type ? v->session_logon_type : c->logon_type,
        .session_id = 0,
        .logon_time = now,
        .logon_script = a ? account_x(a)->logon_script : NULL,
        .profile_path = a ? account_x(a)->profile_path : NULL,
        .home_directory = a ? account_x(a)->home_directory : NULL,
        .home_directory_drive = a ? account_x(a)->home_directory_drive : NULL,
    };
    if (c->logon_type == 9) {
        /* NewCredentials: the session records the outbound identity. */
        info.user_name = user;
        info.domain = domain;
    }
    struct logon_session *s = session_new(&info, &id);
    if (!s)
        return false;
    t->session = s;
    if (audit_enabled()) {
        s->audit_logoff = true;
        s->audit_time_fixed = c->pol->has_time;
        s->audit_time = now;
    }
    t->auth_id = id;
    t->token_id = luid_next();
    t->modified_id = t->token_id;
    t->session_id = 0;
    /* D22: explicit-credential logons originate in the caller's session;
     * network logons have no originating session. */
    bool network = c->logon_type == 3 || c->logon_type == 8;
    t->origin = network || !caller_token ? (struct luid){0, 0} : caller_token->auth_id;
    if (c->source) {
        memcpy(t->source_name, c->source->SourceName, sizeof t->source_name);
        t->source_id.low = c->source->SourceIdentifier.LowPart;
        t->source_id.high = c->source->SourceIdentifier.HighPart;
    }
    return true;
}

static void audit_success(const struct logon_call *c, const struct token *t, int64_t now);

/*
 * The logon's LUID came from the counter's epoch before a reset that has
 * run since (sessions.h), and the new epoch hands the same values out
 * again: the session, the token and its logon SID take LUIDs of the new
 * epoch. Only this call knows them yet (publication section held).
 */
static void replace_logon_sid(struct token *t, const struct sid *old_sid, const struct sid *new_sid)
{
    for (size_t i = 0; i < t->n_groups; i++)
        if ((t->groups[i].attributes & TOK_GROUP_LOGON_ID) == TOK_GROUP_LOGON_ID &&
            sid_equal(&t->groups[i].sid, old_sid))
            t->groups[i].sid = *new_sid;
    if (t->has_logon_sid && sid_equal(&t->logon_sid, old_sid))
        t->logon_sid = *new_sid;
}

/* full: the linked full token of a split logon, or NULL; it shares the
 * logon SID (GUESS_UAC_SHARED_LOGON_SID) and gets its session later. */
static void renew_logon_id(struct token *t, struct token *full)
{
    struct luid old = t->auth_id, id = luid_next();
    struct sid old_sid = sid_make(5, 3, (uint32_t[]){5, (uint32_t)old.high, old.low});
    struct sid new_sid = sid_make(5, 3, (uint32_t[]){5, (uint32_t)id.high, id.low});
    replace_logon_sid(t, &old_sid, &new_sid);
    if (full)
        replace_logon_sid(full, &old_sid, &new_sid);
    t->auth_id = id;
    t->session->id = id;
    t->token_id = luid_next();
    t->modified_id = t->token_id;
}

/*
 * UAC (behavior.md 12.10): gives the full token of a split logon its own
 * logon session, linked to t's, which holds it. Consumes full. 0, or -1 on
 * allocation failure (nothing changed then but full released).
 */
static int link_full_token(struct token *t, struct token *full)
{
    struct logon_session *s = t->session;
    full->session = NULL;
    full->origin = t->origin;
    full->session_id = t->session_id;
    memcpy(full->source_name, t->source_name, sizeof full->source_name);
    full->source_id = t->source_id;
    full->token_id = luid_next();
    full->modified_id = full->token_id;
    struct logon_session *f = session_split(s, t, full);
    if (!f)
        return -1;
    if (session_publish(f) != 0) {
        session_unref(f);
        return -1;
    }
    s->linked = f; /* the filtered session holds the full one */
    return 0;
}

/*
 * Registers the logon session, the buffers and the token handle, all or
 * none, in one publication section, so that a reset sees the whole logon
 * or nothing of it. On success the handle holds the token, *h is its value
 * and the buffers are the caller's; on failure (status returned, reason
 * set) the token and the buffers are released. The 4624 is announced
 * inside, before a reset can close the handle and free the token.
 */
static NTSTATUS publish_logon(const struct logon_call *c, struct token *t, struct token *full,
                              unsigned epoch, int64_t now, struct logon_out *o, uintptr_t *h)
{
    NTSTATUS st = STATUS_SUCCESS;
    bool primary = t->kind == TOKEN_KIND_PRIMARY;
    size_t sid_len = o->logon_sid ? sid_size(&t->logon_sid) : 0;
    unsigned section = publish_begin();
    if (luid_epoch() != epoch)
        renew_logon_id(t, full);
    if (o->logon_sid)
        memcpy(o->logon_sid, &t->logon_sid, sid_len);
    struct retbuf_pub bufs[] = {{o->profile, RETBUF_LSA_RETURN, o->profile_len},
                                {o->logon_sid, RETBUF_LOCAL, sid_len}};
    struct luid id = t->auth_id;
    /* The full session of a split logon is listed first and ends with the
     * filtered one, which holds it: a reset meets both or neither. */
    if (full && link_full_token(t, full) != 0) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the linked logon session");
    } else if (session_publish(t->session) != 0) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the logon session");
    } else if (retbuf_publish_all(bufs, 2) != 0) {
        st = o->profile ? STATUS_QUOTA_EXCEEDED : STATUS_NO_MEMORY;
        reason_set("out of memory allocating the %s",
                   o->profile ? "profile buffer" : "logon SID");
    } else if (!(*h = handles_insert(HANDLE_TOKEN, t, TOKEN_ALL_ACCESS, NULL))) {
        t = NULL; /* released with the failed insertion, and its session */
        retbuf_free(o->profile, RETBUF_LSA_RETURN);
        retbuf_free(o->logon_sid, RETBUF_LOCAL);
        o->profile = o->logon_sid = NULL;
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the token handle");
    }
    if (st == STATUS_SUCCESS && audit_enabled())
        audit_success(c, t, now);
    if (st != STATUS_SUCCESS) {
        /* Unlists the session too when it was published. */
        token_unref(t);
        retbuf_discard(o->profile);
        retbuf_discard(o->logon_sid);
        o->profile = o->logon_sid = NULL;
    }
    publish_end(section);
    if (st == STATUS_SUCCESS) {
        o->logon_id.LowPart = id.low;
        o->logon_id.HighPart = id.high;
        fill_quotas(&o->quotas, primary);
    }
    return st;
}

/* Events 4624 and, when the token holds a special privilege, 4672. */
static void audit_success(const struct logon_call *c, const struct token *t, int64_t now)
{
    const struct logon_session *s = t->session;
    struct audit_event e = {
        .id = AUDIT_LOGON,
        .time_fixed = c->pol->has_time,
        .time = now,
        .user = s->user_name,
        .domain = s->domain,
        .user_sid = &t->user,
        .logon_id = t->auth_id,
        .logon_type = c->logon_type,
        .logon_process = c->logon_process,
        .package = c->package->session_name,
    };
    audit_emit(&e);
    char privs[1024];
    if (audit_special_privileges(t, privs, sizeof privs)) {
        e.id = AUDIT_SPECIAL_PRIVILEGES;
        e.privileges = privs;
        audit_emit(&e);
    }
}

/* Event 4625, with the names as the caller gave them. */
static void audit_failure(const struct logon_call *c, const char *user, const char *domain,
                          NTSTATUS st, NTSTATUS sub)
{
    struct audit_event e = {
        .id = AUDIT_LOGON_FAILED,
        .time_fixed = c->pol->has_time,
        .time = current_now(c->pol),
        .user = user,
        .domain = domain,
        .logon_type = c->logon_type,
        .logon_process = c->logon_process,
        .package = c->package->session_name,
        .status = st,
        .substatus = sub,
        .reason = reason_get(),
    };
    audit_emit(&e);
}

/* Event 4740, when a bad password locked an account out. */
static void audit_locked_out(const struct logon_call *c, const struct account *a, int64_t now)
{
    struct audit_event e = {
        .id = AUDIT_ACCOUNT_LOCKED_OUT,
        .time_fixed = c->pol->has_time,
        .time = now,
        .user = a->name,
        .domain = a->domain,
        .user_sid = &a->sid,
        .caller_computer = c->pol->machine_name,
        .reason = reason_get(),
    };
    audit_emit(&e);
}

/*
 * What the verdict says for the lockout policy: a bad password counted (and
 * the 4740 when it locked the account), or the count of an account whose
 * credentials were accepted cleared. Nothing is written for the logons
 * that leave the count as it was, nearly all (lockout.h).
 */
static void record_lockout(const struct logon_call *c, const struct logon_verdict *v, int64_t now)
{
    if (v->count_bad_password && v->account) {
        if (lockout_bad_password(&v->account->sid, &c->pol->lockout, now, NULL) &&
            audit_enabled())
            audit_locked_out(c, v->account, now);
    } else if (v->clear_bad_passwords && v->account) {
        lockout_success(&v->account->sid);
    }
}

NTSTATUS logon_check_local_groups(const struct policy *pol, const TOKEN_GROUPS *groups)
{
    NTSTATUS st = STATUS_SUCCESS;
    struct caller who = {0};
    if (!groups)
        return st;
    caller_get(pol, &who);
    /* Whatever kind of connection the call came through (field F4, F6). */
    if (!who.tcb) {
        st = GUESS_LOCAL_GROUPS_WITHOUT_TCB_STATUS;
        reason_set("LocalGroups requires SeTcbPrivilege enabled in the caller's token; %s %s",
                   who.name, who.tcb_held ? "holds it but has not enabled it" : "does not hold it");
    }
    caller_put(&who);
    return st;
}

NTSTATUS logon_core(const struct logon_call *c, struct logon_out *o)
{
    NTSTATUS st = STATUS_SUCCESS;
    struct caller who = {0};
    struct token_group *groups = NULL;
    size_t n_groups = 0;
    char *user = NULL, *domain = NULL;
    struct logon_verdict *v = NULL;
    memset(o, 0, sizeof *o);

    /* Only the caller's token and its TCB state matter here; caller_get()
     * would also format the caller's name, which no logon reason uses. */
    who.token = current_caller_token_borrow(&who.referenced);
    if (who.token)
        who.tcb = token_priv_enabled(who.token, right_info(RIGHT_SeTcbPrivilege)->luid);
    if (!c->local_groups_internal) {
        st = logon_check_local_groups(c->pol, c->local_groups);
        if (st != STATUS_SUCCESS)
            goto out;
    }
    st = copy_local_groups(c->local_groups, &groups, &n_groups);
    if (st != STATUS_SUCCESS)
        goto out;
    const struct submit *f = c->fields;
    if (f->user.n * 2 > GUESS_MAX_NAME_BYTES || f->password.n * 2 > GUESS_MAX_NAME_BYTES) {
        st = STATUS_NAME_TOO_LONG;
        reason_set("%s is longer than %u bytes",
                   f->user.n * 2 > GUESS_MAX_NAME_BYTES ? "the user name" : "the password",
                   GUESS_MAX_NAME_BYTES);
        goto out;
    }
    user = wspan_utf8(f->user);
    domain = wspan_utf8(f->domain);
    v = mem_malloc(sizeof *v);
    if (!user || !domain || !v) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory reading the credentials");
        goto out;
    }
    int64_t now = current_now(c->pol);
    unsigned epoch;
    struct logon_request req = {
        .logon_type = c->logon_type,
        .package = c->package->kind,
        .form = f->form,
        .user = user,
        .domain = domain,
        .password = f->password.p,
        .password_len = f->password.n,
        .s4u_flags = f->s4u_flags,
        .caller_tcb = who.tcb,
        .caller_session = current_process_session(),
        .caller_token = who.token,
        .local_groups = groups,
        .n_local_groups = n_groups,
        .logon_id = luid_next_epoch(&epoch),
        .now = now,
        .custom = c->package->custom,
        .lockout = lockout_read,
    };
    st = engine_logon(c->pol, &req, v);
    reason_put(v->reason);
    o->substatus = v->substatus;
    reason_note_substatus(v->substatus);
    record_lockout(c, v, now);
    if (st != STATUS_SUCCESS)
        goto out;

    struct token *t = v->token;
    v->token = NULL;
    if (!attach_session(c, v, t, user, domain, req.logon_id, who.token, now)) {
        token_unref(t);
        st = STATUS_NO_MEMORY;
        reason_set("out of memory creating the logon session");
        goto out;
    }
    /* The full token of a split logon goes with the filtered one from
     * here: publish_logon() consumes it (v releases it on an earlier
     * failure). */
    /* Everything the caller gets is built privately first: no reset can
     * reach it before publish_logon(). */
    if (c->want_profile && v->account &&
        !(c->package->custom && GUESS_CUSTOM_PACKAGE_NO_PROFILE)) {
        o->profile = profile_build(c->pol, v->account, now, v->bad_passwords, &o->profile_len);
        if (!o->profile) {
            token_unref(t);
            st = STATUS_QUOTA_EXCEEDED;
            reason_set("out of memory allocating the profile buffer");
            goto out;
        }
    }
    if (c->want_logon_sid && t->has_logon_sid) {
        o->logon_sid = retbuf_new(sid_size(&t->logon_sid));
        if (!o->logon_sid) {
            token_unref(t);
            retbuf_discard(o->profile);
            o->profile = NULL;
            st = STATUS_NO_MEMORY;
            reason_set("out of memory allocating the logon SID");
            goto out;
        }
    }
    uintptr_t h = 0;
    struct token *full = v->linked;
    v->linked = NULL;
    st = publish_logon(c, t, full, epoch, now, o, &h);
    if (st != STATUS_SUCCESS)
        goto out;
    o->token = (HANDLE)h;
out:
    if (st != STATUS_SUCCESS && audit_enabled()) {
        /* The names exactly as the caller gave them, unpaired surrogates
         * included (the record shows them as \udHHH), whatever check
         * failed; the reason is final by now. A copy that cannot be made
         * leaves its field "-". */
        char *u = wspan_wtf8(c->fields->user), *d = wspan_wtf8(c->fields->domain);
        audit_failure(c, u, d, st, o->substatus);
        mem_free(u);
        mem_free(d);
    }
    if (st != STATUS_SUCCESS) {
        NTSTATUS sub = o->substatus;
        memset(o, 0, sizeof *o);
        o->substatus = sub;
    }
    if (v && v->token)
        token_unref(v->token);
    if (v && v->linked)
        token_unref(v->linked);
    mem_free(v);
    mem_free(user);
    mem_free(domain);
    mem_free(groups);
    caller_put(&who);
    return st;
}
