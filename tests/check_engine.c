/* SPDX-License-Identifier: MIT */
/*
 * The decision engine, driven directly with requests against P0
 * (behavior.md section 10), one table row per rule. No handles, no API:
 * this is the pure policy + request -> verdict function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine/engine.h"
#include "core/engine/guesses.h"
#include "base/win.h"
#include "lsaemu.h"
#include "loader/loader.h"
#include "testutil.h"

static struct policy *p0;

static void load_p0(void)
{
    struct lsaemu_error err;
    p0 = loader_load_file(tu_path("policies/p0.yaml"), &err);
    ck_assert_msg(p0 != NULL, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
}

static void free_p0(void)
{
    policy_unref(p0);
    p0 = NULL;
}

struct row {
    const char *name;
    const char *user;
    const char *domain;
    const char *password; /* NULL: S4U */
    unsigned type;
    enum auth_package package;
    uint32_t s4u_flags;
    bool tcb;
    uint32_t session;
    int32_t status;
    int32_t substatus;
    int kind;  /* expected token kind on success, 0 = do not check */
    int level; /* expected level for impersonation tokens */
    const char *reason_has;
};

#define MSV AUTH_MSV1_0
#define KERB AUTH_KERBEROS
#define NEGO AUTH_NEGOTIATE
#define PRIM TOKEN_KIND_PRIMARY
#define IMP TOKEN_KIND_IMPERSONATION

static const struct row rows[] = {
    {"C019 alice interactive", "alice", ".", "Alice-Pw1", 2, MSV, 0, true, 1, 0, 0, PRIM, 0, "SeInteractiveLogonRight"},
    {"C020 wrong password", "alice", ".", "nope", 2, MSV, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_WRONG_PASSWORD, 0, 0, "wrong password"},
    {"C021 unknown user", "nobody", ".", "x", 2, MSV, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_NO_SUCH_USER, 0, 0, "nobody"},
    {"C022 disabled", "carol", ".", "Carol-Pw1", 2, MSV, 0, true, 1, STATUS_ACCOUNT_RESTRICTION, STATUS_ACCOUNT_DISABLED, 0, 0, "disabled"},
    {"C023 disabled wrong password", "carol", ".", "bad", 2, MSV, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_WRONG_PASSWORD, 0, 0, NULL},
    {"C024 locked out", "dave", ".", "Dave-Pw1", 2, MSV, 0, true, 1, STATUS_ACCOUNT_LOCKED_OUT, 0, 0, 0, "locked_out"},
    {"C025 locked out wrong password", "dave", ".", "bad", 2, MSV, 0, true, 1, STATUS_ACCOUNT_LOCKED_OUT, 0, 0, 0, NULL},
    {"C026 expired", "erin", ".", "Erin-Pw1", 2, MSV, 0, true, 1, STATUS_ACCOUNT_RESTRICTION, STATUS_ACCOUNT_EXPIRED, 0, 0, "expires"},
    {"C027 password expired", "frank", ".", "Frank-Pw1", 2, MSV, 0, true, 1, STATUS_ACCOUNT_RESTRICTION, STATUS_PASSWORD_EXPIRED, 0, 0, "password_expired"},
    {"C028 must change", "gina", ".", "Gina-Pw1", 2, MSV, 0, true, 1, STATUS_PASSWORD_MUST_CHANGE, 0, 0, 0, "must_change_password"},
    {"C029 logon hours", "hank", ".", "Hank-Pw1", 2, MSV, 0, true, 1, STATUS_ACCOUNT_RESTRICTION, STATUS_INVALID_LOGON_HOURS, 0, 0, "logon_hours"},
    {"C030 workstation", "ivy", ".", "Ivy-Pw1", 2, MSV, 0, true, 1, STATUS_ACCOUNT_RESTRICTION, STATUS_INVALID_WORKSTATION, 0, 0, "workstations"},
    {"C031 blank password console", "jack", ".", "", 2, MSV, 0, true, 1, 0, 0, PRIM, 0, NULL},
    {"C032 blank password network", "jack", ".", "", 3, MSV, 0, true, 1, STATUS_ACCOUNT_RESTRICTION, 0, 0, 0, "blank password"},
    {"C033 blank account, password given", "jack", ".", "notblank", 3, MSV, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_WRONG_PASSWORD, 0, 0, NULL},
    {"C103 blank password from session 0", "jack", ".", "", 2, MSV, 0, false, 0, STATUS_ACCOUNT_RESTRICTION, 0, 0, 0, "session 0"},
    {"C038 batch not granted", "alice", ".", "Alice-Pw1", 4, MSV, 0, true, 1, STATUS_LOGON_TYPE_NOT_GRANTED, 0, 0, 0, "SeBatchLogonRight"},
    {"C039 batch admin", "bob", ".", "Bob-Pw1", 4, MSV, 0, true, 1, 0, 0, PRIM, 0, "BUILTIN\\Administrators"},
    {"C040 service svc1", "svc1", ".", "Svc1-Pw1", 5, MSV, 0, true, 1, 0, 0, PRIM, 0, "WS1\\svc1"},
    {"C041 service alice", "alice", ".", "Alice-Pw1", 5, MSV, 0, true, 1, STATUS_LOGON_TYPE_NOT_GRANTED, 0, 0, 0, "SeServiceLogonRight"},
    {"C042 network alice", "alice", ".", "Alice-Pw1", 3, MSV, 0, true, 1, 0, 0, IMP, IMP_IMPERSONATION, "SeNetworkLogonRight"},
    {"C044 remote interactive", "alice", ".", "Alice-Pw1", 10, MSV, 0, true, 1, STATUS_LOGON_TYPE_NOT_GRANTED, 0, 0, 0, "SeRemoteInteractiveLogonRight"},
    {"network cleartext primary (behavior.md 12.1)", "alice", "WS1", "Alice-Pw1", 8, NEGO, 0, true, 1, 0, 0, PRIM, 0, NULL},
    {"UPN form", "alice@WS1", "", "Alice-Pw1", 2, KERB, 0, true, 1, 0, 0, PRIM, 0, NULL},
    {"case-insensitive name", "ALICE", "ws1", "Alice-Pw1", 2, MSV, 0, true, 1, 0, 0, PRIM, 0, NULL},
    {"password is case-sensitive", "alice", ".", "alice-pw1", 2, MSV, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_WRONG_PASSWORD, 0, 0, NULL},
    {"unknown domain", "alice", "ELSEWHERE", "Alice-Pw1", 2, MSV, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_NO_SUCH_USER, 0, 0, "ELSEWHERE"},
    {"C059 LocalService service", "LocalService", "NT AUTHORITY", NULL, 5, MSV, 0, true, 1, 0, 0, PRIM, 0, "implicitly"},
    {"C060 LocalService interactive", "LocalService", "NT AUTHORITY", "", 2, MSV, 0, true, 1, STATUS_LOGON_FAILURE, 0, 0, 0, "Service logon type"},
    {"NetworkService service", "NETWORK SERVICE", "NT AUTHORITY", "", 5, NEGO, 0, true, 1, 0, 0, PRIM, 0, NULL},
    {"SYSTEM cannot log on", "SYSTEM", "NT AUTHORITY", "", 5, NEGO, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_NO_SUCH_USER, 0, 0, NULL},
    {"C061 kerb S4U with TCB", "alice", ".", NULL, 3, KERB, 0, true, 1, 0, 0, IMP, IMP_IMPERSONATION, NULL},
    {"C062 S4U without TCB", "alice", ".", NULL, 3, NEGO, 0, false, 1, 0, 0, IMP, IMP_IDENTIFICATION, NULL},
    {"C063 S4U identify flag", "alice", ".", NULL, 3, KERB, 0x8, true, 1, 0, 0, IMP, IMP_IDENTIFICATION, NULL},
    {"C067 S4U unknown user", "nobody", ".", NULL, 3, MSV, 0, true, 1, STATUS_LOGON_FAILURE, STATUS_NO_SUCH_USER, 0, 0, NULL},
    {"S4U batch admin with TCB primary", "bob", "WS1", NULL, 4, MSV, 0, true, 1, 0, 0, PRIM, 0, NULL},
    {"S4U batch without TCB identification", "bob", "WS1", NULL, 4, MSV, 0, false, 1, 0, 0, IMP, IMP_IDENTIFICATION, NULL},
    {"S4U ignores logon hours by default", "hank", ".", NULL, 3, KERB, 0, true, 1, 0, 0, IMP, IMP_IMPERSONATION, NULL},
    {"S4U checks logon hours with flag 0x2", "hank", ".", NULL, 3, KERB, 0x2, true, 1, STATUS_ACCOUNT_RESTRICTION, STATUS_INVALID_LOGON_HOURS, 0, 0, NULL},
    {"S4U of a disabled account", "carol", ".", NULL, 3, KERB, 0, true, 1, STATUS_ACCOUNT_RESTRICTION, STATUS_ACCOUNT_DISABLED, 0, 0, NULL},
    {"C111 NewCredentials wrong password", "alice", ".", "wrong", 9, NEGO, 0, false, 1, 0, 0, PRIM, 0, "NewCredentials"},
};

START_TEST(engine_row)
{
    const struct row *r = &rows[_i];
    uint16_t pw[256];
    size_t pwn = 0;
    for (const char *p = r->password; p && *p; p++)
        pw[pwn++] = (uint16_t)(unsigned char)*p;
    struct logon_request req = {
        .logon_type = r->type,
        .package = r->package,
        .form = r->password ? LOGON_FORM_PASSWORD : LOGON_FORM_S4U,
        .user = r->user,
        .domain = r->domain,
        .password = pw,
        .password_len = pwn,
        .s4u_flags = r->s4u_flags,
        .caller_tcb = r->tcb,
        .caller_session = r->session,
        .logon_id = {0x10005, 0},
        .now = p0->time,
    };
    /* NewCredentials copies the caller's token: give it one. */
    struct token *caller = NULL;
    if (r->type == 9) {
        caller = engine_process_token(p0, &p0->processes[0], (struct luid){0x10000, 0});
        ck_assert_ptr_nonnull(caller);
        req.caller_token = caller;
    }
    struct logon_verdict v;
    int32_t st = engine_logon(p0, &req, &v);
    ck_assert_msg(st == r->status, "%s: got %s, want %s (%s)", r->name, tu_status_name(st),
                  tu_status_name(r->status), v.reason);
    ck_assert_msg(v.substatus == r->substatus, "%s: substatus %s, want %s", r->name,
                  tu_status_name(v.substatus), tu_status_name(r->substatus));
    ck_assert_msg(v.reason[0] != '\0', "%s: empty reason", r->name);
    if (r->reason_has)
        ck_assert_msg(strstr(v.reason, r->reason_has) != NULL, "%s: reason '%s' lacks '%s'",
                      r->name, v.reason, r->reason_has);
    if (st == 0) {
        ck_assert_ptr_nonnull(v.token);
        if (r->kind)
            ck_assert_msg((int)v.token->kind == r->kind, "%s: token kind %d", r->name,
                          v.token->kind);
        if (r->kind == IMP)
            ck_assert_msg((int)v.token->level == r->level, "%s: level %d", r->name,
                          v.token->level);
        token_unref(v.token);
    } else {
        ck_assert_ptr_null(v.token);
    }
    token_unref(caller);
}
END_TEST

/* Finds a group SID in a token. */
static bool has(const struct token *t, const char *sid_text)
{
    struct sid s;
    ck_assert(sid_parse(sid_text, &s));
    return token_has_sid(t, &s);
}

static struct token *logon(const char *user, const char *pw, unsigned type)
{
    uint16_t w[64];
    size_t n = 0;
    for (const char *p = pw; *p; p++)
        w[n++] = (uint16_t)*p;
    struct logon_request req = {
        .logon_type = type, .package = AUTH_MSV1_0, .form = LOGON_FORM_PASSWORD,
        .user = user, .domain = ".", .password = w, .password_len = n,
        .caller_tcb = true, .caller_session = 1, .logon_id = {0x10007, 0}, .now = p0->time,
    };
    struct logon_verdict v;
    ck_assert_int_eq(engine_logon(p0, &req, &v), 0);
    return v.token;
}

/* A policy where u0 (password pw, in Users and x of its own) is in one list
 * that k groups g0 .. g(k-1) share; outer has g5 as member. */
static struct policy *shared_list_policy(size_t k)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\naccounts:\n  u0: { password: pw, groups: [Users, x] }\n"
               "  u1: {}\ngroups:\n  x: {}\n  g0: { members: &l [u0, u1] }\n");
    for (size_t g = 1; g < k; g++)
        fprintf(f, "  g%zu: { members: *l }\n", g);
    fprintf(f, "  outer: { members: [g5] }\n");
    fclose(f);
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(text, len, "shared", &err);
    free(text);
    ck_assert_msg(pol != NULL, "%d:%d: %s", err.line, err.column, err.text);
    return pol;
}

static void logon_u0(const struct policy *pol, struct logon_verdict *v)
{
    static const uint16_t pw[] = {'p', 'w'};
    struct logon_request req = {
        .logon_type = 2, .package = AUTH_MSV1_0, .form = LOGON_FORM_PASSWORD,
        .user = "u0", .domain = ".", .password = pw, .password_len = 2,
        .caller_tcb = true, .caller_session = 1, .logon_id = {0x10007, 0}, .now = 0,
    };
    ck_assert_int_eq(engine_logon(pol, &req, v), v->status);
}

/* The position of the group named name in t, or -1. */
static long group_at(const struct policy *pol, const struct token *t, const char *name)
{
    const struct group *g = policy_find_group(pol, name);
    ck_assert_ptr_nonnull(g);
    long at = -1;
    for (size_t i = 0; i < t->n_groups; i++)
        if (sid_equal(&t->groups[i].sid, &g->sid)) {
            ck_assert_int_eq(at, -1); /* once */
            at = (long)i;
        }
    return at;
}

/* behavior.md 3.5 step 11: a member of a list 100 groups share gets every
 * one of them, once each, in policy order after its own groups' merge
 * (Users, x and the shared set are one ascending list), then the groups of
 * those groups (outer, through g5). */
START_TEST(shared_list_token_groups)
{
    struct policy *pol = shared_list_policy(100);
    struct logon_verdict v;
    logon_u0(pol, &v);
    ck_assert_status_eq(v.status, STATUS_SUCCESS);
    struct token *t = v.token;
    long users = group_at(pol, t, "Users"), x = group_at(pol, t, "x");
    ck_assert_int_ge(users, 0);
    ck_assert_int_eq(x, users + 1);
    long prev = x;
    for (size_t g = 0; g < 100; g++) {
        char name[16];
        snprintf(name, sizeof name, "g%zu", g);
        long at = group_at(pol, t, name);
        ck_assert_int_eq(at, prev + 1);
        prev = at;
    }
    ck_assert_int_eq(group_at(pol, t, "outer"), prev + 1);
    token_unref(t);
    policy_unref(pol);
}
END_TEST

/* behavior.md 3.5 step 11: more groups than a token holds. */
START_TEST(shared_list_too_many_groups)
{
    struct policy *pol = shared_list_policy(GUESS_MAX_TOKEN_GROUPS + 10);
    struct logon_verdict v;
    logon_u0(pol, &v);
    ck_assert_status_eq(v.status, GUESS_TOO_MANY_SIDS_STATUS);
    ck_assert_ptr_null(v.token);
    policy_unref(pol);
    /* At the limit less the token's own SIDs, it still fits. */
    pol = shared_list_policy(GUESS_MAX_TOKEN_GROUPS - 20);
    logon_u0(pol, &v);
    ck_assert_status_eq(v.status, STATUS_SUCCESS);
    ck_assert_uint_le(v.token->n_groups, GUESS_MAX_TOKEN_GROUPS);
    token_unref(v.token);
    policy_unref(pol);
}
END_TEST

/* token-groups-by-logon-type.tsv, behavior.md 3.5 step 11 (C055, C056). */
START_TEST(interactive_token_groups)
{
    struct token *t = logon("alice", "Alice-Pw1", 2);
    ck_assert(has(t, "S-1-5-21-1000-2000-3000-1001"));
    ck_assert(has(t, "S-1-1-0"));
    ck_assert(has(t, "S-1-5-4"));
    ck_assert(has(t, "S-1-5-32-545"));
    ck_assert(has(t, "S-1-5-11"));
    ck_assert(has(t, "S-1-5-113"));
    ck_assert(has(t, "S-1-2-0"));
    ck_assert(has(t, "S-1-5-64-10"));
    ck_assert(has(t, "S-1-5-21-1000-2000-3000-513"));
    ck_assert(has(t, "S-1-5-5-0-65543"));
    ck_assert(!has(t, "S-1-5-2"));
    ck_assert(!has(t, "S-1-5-32-544"));
    ck_assert(t->has_logon_sid);
    /* Everyone holds SeChangeNotifyPrivilege, enabled by default. */
    bool change_notify = false;
    for (size_t i = 0; i < t->n_privs; i++)
        if (t->privs[i].luid == 23)
            change_notify = t->privs[i].attributes == (TOK_PRIV_ENABLED | TOK_PRIV_ENABLED_BY_DEFAULT);
    ck_assert(change_notify);
    ck_assert(!token_priv_held(t, 7));
    token_unref(t);
}
END_TEST

START_TEST(network_token_groups)
{
    struct token *t = logon("alice", "Alice-Pw1", 3);
    ck_assert(has(t, "S-1-5-2"));
    ck_assert(has(t, "S-1-5-32-545")); /* through Authenticated Users */
    ck_assert(!has(t, "S-1-5-4"));
    ck_assert(!has(t, "S-1-2-0"));
    ck_assert(!t->has_logon_sid);
    token_unref(t);
}
END_TEST

START_TEST(admin_token)
{
    struct token *t = logon("bob", "Bob-Pw1", 2);
    ck_assert(has(t, "S-1-5-32-544"));
    ck_assert(has(t, "S-1-5-114"));
    ck_assert(has(t, "S-1-16-12288") == false); /* integrity labels are not membership */
    ck_assert(engine_token_elevated(t));
    ck_assert(token_priv_held(t, 20)); /* SeDebugPrivilege */
    ck_assert(!token_priv_enabled(t, 20));
    token_unref(t);
}
END_TEST

START_TEST(process_tokens)
{
    const struct process_entry *tcb = policy_find_process(p0, "tcb");
    const struct process_entry *dis = policy_find_process(p0, "tcb-disabled");
    const struct process_entry *en = policy_find_process(p0, "tcb-enabled");
    ck_assert_ptr_nonnull(tcb);
    struct token *t1 = engine_process_token(p0, tcb, (struct luid){0x3E7, 0});
    struct token *t2 = engine_process_token(p0, dis, (struct luid){0x10000, 0});
    struct token *t3 = engine_process_token(p0, en, (struct luid){0x10000, 0});
    ck_assert(engine_token_has_tcb(t1));
    ck_assert(!engine_token_has_tcb(t2));
    ck_assert(token_priv_held(t2, 7));
    ck_assert(engine_token_has_tcb(t3));
    token_unref(t1);
    token_unref(t2);
    token_unref(t3);
}
END_TEST

/* Windows compares names after upper-casing every code point, not only
 * ASCII (RtlUpcaseUnicodeChar). */
START_TEST(unicode_names_case_insensitive)
{
    static const char yaml[] = "lsaemu: 1\n"
                               "machine: { time: \"2026-11-21T10:00:00Z\" }\n"
                               "accounts:\n"
                               "  \"jos\xc3\xa9\": { password: pw, groups: [Users] }\n"
                               "  \"\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd\": { password: pw, groups: [Users] }\n";
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(yaml, sizeof yaml - 1, "<test>", &err);
    ck_assert_msg(pol != NULL, "%d:%d: %s", err.line, err.column, err.text);
    const char *spellings[] = {"JOS\xc3\x89", "Jos\xc3\xa9", "\xd0\x98\xd0\x92\xd0\x90\xd0\x9d"};
    for (size_t i = 0; i < 3; i++)
        ck_assert_msg(policy_find_account(pol, spellings[i]) != NULL, "%s not found", spellings[i]);
    ck_assert_ptr_null(policy_find_account(pol, "JOSE"));
    policy_unref(pol);
}
END_TEST

static Suite *make_engine_suite(void)
{
    Suite *s = suite_create("engine");
    TCase *tc = tcase_create("logon");
    tcase_add_checked_fixture(tc, load_p0, free_p0);
    tcase_add_loop_test(tc, engine_row, 0, sizeof rows / sizeof rows[0]);
    tcase_add_test(tc, interactive_token_groups);
    tcase_add_test(tc, network_token_groups);
    tcase_add_test(tc, admin_token);
    tcase_add_test(tc, process_tokens);
    tcase_add_test(tc, unicode_names_case_insensitive);
    tcase_add_test(tc, shared_list_token_groups);
    tcase_add_test(tc, shared_list_too_many_groups);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_engine_suite());
}
