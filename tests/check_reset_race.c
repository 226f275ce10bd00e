/* SPDX-License-Identifier: MIT */
/*
 * lsaemu_reset() while other threads are inside the API, and token copies
 * while other threads change the token's reference count (issue 11, items 1
 * and 8).
 *
 * reset_while_calls_make_objects: worker threads call every family of
 * functions that hands out a buffer, a handle or a logon session
 * (LsaLogonUser, LogonUserExW, LsaEnumerateAccountRights, LsaLookupNames2,
 * LsaLookupSids, LsaLookupPrivilegeName, LsaEnumerateAccountsWithUserRight,
 * LsaEnumerateLogonSessions, LsaGetLogonSessionData,
 * LsaCallAuthenticationPackage, ConvertStringSidToSidA,
 * ConvertSidToStringSidA, AllocateAndInitializeSid, LocalAlloc) in rounds;
 * in every other round another thread calls lsaemu_reset() (once, or back
 * to back for as long as the calls run) while they do. A reset frees what
 * calls returned before it; what a call that overlaps a reset returns is
 * either freed by that reset as a whole or live as a whole and belongs to
 * the epoch after it (README, "control API"). After each round, with no
 * reset running:
 *   - results of rounds without a reset must be the right success, with
 *     the right contents, and free with their own function;
 *   - results of reset rounds must have the success status or the
 *     documented one of a handle the reset closed (STATUS_INVALID_HANDLE),
 *     or of a built-in logon session being rebuilt
 *     (STATUS_NO_SUCH_LOGON_SESSION); their objects are not touched (the
 *     reset may have freed them), except a logon's: when its token handle
 *     is still open, its logon session must be listed under its LUID and
 *     its buffers live, all with the right contents.
 * Built with AddressSanitizer, a call that writes into a buffer a reset
 * freed fails the test; with ThreadSanitizer, any race does.
 *
 * token_copies_while_other_threads_open_and_close_it: DuplicateTokenEx and
 * a LOGON32_LOGON_NEW_CREDENTIALS logon copy the process token while other
 * threads open and close handles to it, which changes its reference count
 * (a race ThreadSanitizer reports if the copy reads the count).
 *
 * Both run a fixed number of rounds or iterations: no assertion depends on
 * time.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pthread_setaffinity_np */
#endif
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "token_helpers.h"

#include <sddl.h>

/* Rounds of the reset test: every other one resets, at most MAX_RESETS
 * times. */
#define ROUNDS 1000
#define MAX_RESETS 1000
/* Iterations of each worker of the token-copy test. */
#define COPY_ITERATIONS 400

#define LUID_TCB 7u
/* Threads calling the API in the reset test. */
#define N_WORKERS 5

static atomic_bool stop;
static atomic_ulong n_failures;
static pthread_mutex_t msg_lock = PTHREAD_MUTEX_INITIALIZER;
static char first_failure[512];

/* Records a failure (the first one's text is kept) and stops the workers.
 * Check's assertions belong to the test's own thread. */
static void failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void failure(const char *fmt, ...)
{
    if (atomic_fetch_add(&n_failures, 1) == 0) {
        va_list ap;
        va_start(ap, fmt);
        pthread_mutex_lock(&msg_lock);
        vsnprintf(first_failure, sizeof first_failure, fmt, ap);
        pthread_mutex_unlock(&msg_lock);
        va_end(ap);
    }
    atomic_store(&stop, true);
}

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("tcb");
    atomic_store(&stop, false);
    atomic_store(&n_failures, 0);
    first_failure[0] = '\0';
}

static int luid_eq(LUID a, LUID b)
{
    return a.LowPart == b.LowPart && a.HighPart == b.HighPart;
}

/* ---- Rounds ---------------------------------------------------------------------- */

/*
 * The workers and the resetting thread run in rounds. A round starts at a
 * barrier; in every odd round the resetting thread calls lsaemu_reset()
 * while each worker makes its call, so that the two overlap; a second
 * barrier ends the round's calls, and each worker then checks its result,
 * knowing that no reset runs while it does. Results of even rounds were
 * made clear of every reset and are checked in full.
 */
static pthread_barrier_t round_start, round_end;
static atomic_ulong n_calls;      /* calls of all rounds so far, ended */
static atomic_int logon_began = -1; /* the last round a logon call began in */
static atomic_ulong n_overlapped; /* results of reset rounds */

static bool reset_round(int r)
{
    return r % 2 == 1;
}

/* How many resets ran before round r. */
static int resets_before(int r)
{
    return r / 2;
}

static void round_begin(void)
{
    pthread_barrier_wait(&round_start);
}

/* Ends the calls of a worker's round (a worker that made none too). */
static void round_end_calls(void)
{
    atomic_fetch_add(&n_calls, 1);
    pthread_barrier_wait(&round_end);
}

/* Ends the calls of round r; returns whether its results are clear of
 * every reset. */
static bool round_calls_done(int r)
{
    round_end_calls();
    if (reset_round(r))
        atomic_fetch_add(&n_overlapped, 1);
    return !reset_round(r);
}

/*
 * In every other reset round: resets once, as soon as a logon has begun,
 * so that the reset meets a logon half made, and what a call publishes
 * after the reset lives on and is checked. In the others: resets back to
 * back until every worker's call has returned, so that each call runs
 * while resets do (at most MAX_RESETS a round).
 */
/*
 * With two processors or more, the resetting thread gets one of its own
 * and the workers share the others, so that resets and calls really run
 * at the same time (threads the scheduler keeps on one processor meet
 * only when it switches between them). Best effort: nothing depends on it.
 */
static void place(bool resetting)
{
    cpu_set_t all, mine;
    if (sched_getaffinity(0, sizeof all, &all) != 0 || CPU_COUNT(&all) < 2)
        return;
    int last = -1;
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &all))
            last = c;
    CPU_ZERO(&mine);
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &all) && (c == last) == resetting)
            CPU_SET(c, &mine);
    pthread_setaffinity_np(pthread_self(), sizeof mine, &mine);
}

static void *resetter(void *arg)
{
    int rounds = *(const int *)arg;
    place(true);
    for (int r = 0; r < rounds; r++) {
        pthread_barrier_wait(&round_start);
        unsigned long all = N_WORKERS * (unsigned long)(r + 1);
        int most = r % 4 == 1 ? MAX_RESETS : 1;
        if (most == 1)
            while (atomic_load(&logon_began) < r && atomic_load(&n_calls) < all)
                sched_yield();
        for (int n = 0; reset_round(r) && n < most; n++) {
            lsaemu_reset();
            if (atomic_load(&n_calls) == all)
                break;
            sched_yield(); /* under valgrind, which runs one thread at a time */
        }
        pthread_barrier_wait(&round_end);
    }
    return NULL;
}

/* ---- Handles a worker keeps across rounds ---------------------------------------- */

enum held_kind { HELD_LSA, HELD_POLICY };

struct held {
    HANDLE h;
    int resets; /* resets_before() the round it was opened in; -1: none */
};

/*
 * The handle to use in round r, opened in an even round and closed by no
 * reset since; NULL when there is none (in a reset round, where a new one
 * could be closed by the reset at once; the worker then only ends the
 * round). A handle a reset closed is left alone: its value is stale.
 */
static HANDLE held_get(struct held *hd, enum held_kind kind, int r)
{
    if (hd->resets == resets_before(r) || reset_round(r))
        return hd->resets == resets_before(r) ? hd->h : NULL;
    HANDLE h = NULL;
    NTSTATUS st;
    if (kind == HELD_LSA) {
        st = LsaConnectUntrusted(&h);
    } else {
        LSA_OBJECT_ATTRIBUTES oa;
        memset(&oa, 0, sizeof oa);
        st = LsaOpenPolicy(NULL, &oa, POLICY_ALL_ACCESS, &h);
    }
    if (st != STATUS_SUCCESS || !h) {
        failure("%s: %s", kind == HELD_LSA ? "LsaConnectUntrusted" : "LsaOpenPolicy",
                tu_status_name(st));
        return NULL;
    }
    *hd = (struct held){h, resets_before(r)};
    return h;
}

/* Is a status of a call made with a kept handle right? A reset during the
 * call may have closed the handle. */
static bool handle_status_ok(NTSTATUS st, bool clean)
{
    return st == STATUS_SUCCESS || (!clean && st == STATUS_INVALID_HANDLE);
}

static void bad_status(const char *fn, NTSTATUS st, bool clean)
{
    failure("%s %s: %s", fn, clean ? "clear of resets" : "during a reset", tu_status_name(st));
}

/* ---- Logons ------------------------------------------------------------------------ */

static ULONG msv_id, kerb_id;

/* Is tok an open token handle? (A reset closes the handles of a logon that
 * completed before it.) */
static bool token_open(HANDLE tok)
{
    TOKEN_STATISTICS ts;
    DWORD n = 0;
    if (GetTokenInformation(tok, TokenStatistics, &ts, sizeof ts, &n))
        return true;
    if (GetLastError() != ERROR_INVALID_HANDLE)
        failure("GetTokenInformation(TokenStatistics): error %lu", (unsigned long)GetLastError());
    return false;
}

/* The logon SID (SE_GROUP_LOGON_ID) in the token's groups as text, "" when
 * there is none. */
static void token_logon_sid(HANDLE tok, char *text)
{
    union {
        TOKEN_GROUPS tg;
        BYTE raw[8192];
    } u;
    DWORD n = 0;
    text[0] = '\0';
    if (!GetTokenInformation(tok, TokenGroups, &u, sizeof u, &n)) {
        failure("GetTokenInformation(TokenGroups): error %lu", (unsigned long)GetLastError());
        return;
    }
    /* Through a pointer: Groups is declared with one element. */
    const SID_AND_ATTRIBUTES *g = u.tg.Groups;
    for (DWORD i = 0; i < u.tg.GroupCount; i++)
        if ((g[i].Attributes & SE_GROUP_LOGON_ID) == SE_GROUP_LOGON_ID)
            tk_sid_text(g[i].Sid, text);
}

struct logon_result {
    const char *fn;
    HANDLE token;
    const LUID *logon_id; /* NULL when the function returns none */
    void *profile;        /* MSV1_0_INTERACTIVE_PROFILE */
    PSID logon_sid;       /* LogonUserEx's, NULL when not asked for */
};

/*
 * Everything a logon returned is live and right: the token is user's and
 * in the logon session it was given, LsaGetLogonSessionData finds that
 * session under user's name, the logon SID names the session, the profile
 * names full_name; each is released with its own function.
 */
static void verify_logon(const struct logon_result *r, const char *user, const char *user_sid,
                         const char *full_name)
{
    TOKEN_STATISTICS ts;
    DWORD n = 0;
    if (!GetTokenInformation(r->token, TokenStatistics, &ts, sizeof ts, &n)) {
        failure("%s: its token handle does not work (error %lu)", r->fn,
                (unsigned long)GetLastError());
        return;
    }
    LUID id = ts.AuthenticationId;
    if (r->logon_id && !luid_eq(*r->logon_id, id))
        failure("%s: LogonId %08lx:%08lx, the token's session %08lx:%08lx", r->fn,
                (long)r->logon_id->HighPart, (unsigned long)r->logon_id->LowPart,
                (long)id.HighPart, (unsigned long)id.LowPart);
    union {
        TOKEN_USER tu;
        BYTE raw[256];
    } u;
    char text[200], want[200];
    if (!GetTokenInformation(r->token, TokenUser, &u, sizeof u, &n) ||
        strcmp(tk_sid_text(u.tu.User.Sid, text), user_sid) != 0)
        failure("%s: the token is not %s's", r->fn, user);
    snprintf(want, sizeof want, "S-1-5-5-%lu-%lu", (unsigned long)(ULONG)id.HighPart,
             (unsigned long)id.LowPart);
    token_logon_sid(r->token, text);
    if (strcmp(text, want) != 0)
        failure("%s: the token's logon SID is '%s', its session wants %s", r->fn, text, want);

    PSECURITY_LOGON_SESSION_DATA d = NULL;
    NTSTATUS st = LsaGetLogonSessionData(&id, &d);
    if (st != STATUS_SUCCESS || !d) {
        failure("%s: LsaGetLogonSessionData of its session %08lx:%08lx: %s", r->fn,
                (long)id.HighPart, (unsigned long)id.LowPart, tu_status_name(st));
    } else {
        if (!luid_eq(d->LogonId, id) || !th_ustr_eq(&d->UserName, user))
            failure("%s: its session %08lx:%08lx belongs to '%s', not %s", r->fn,
                    (long)id.HighPart, (unsigned long)id.LowPart, th_ustr_ascii(&d->UserName),
                    user);
        if ((st = LsaFreeReturnBuffer(d)) != STATUS_SUCCESS)
            failure("%s: LsaFreeReturnBuffer(session data): %s", r->fn, tu_status_name(st));
    }
    if (r->profile) {
        const MSV1_0_INTERACTIVE_PROFILE *p = r->profile;
        if (p->MessageType != MsV1_0InteractiveProfile || !th_ustr_eq(&p->FullName, full_name) ||
            !th_ustr_eq(&p->LogonServer, "WS1"))
            failure("%s: the profile is not %s's (FullName '%s')", r->fn, user,
                    th_ustr_ascii(&p->FullName));
        if ((st = LsaFreeReturnBuffer(r->profile)) != STATUS_SUCCESS)
            failure("%s: LsaFreeReturnBuffer(profile): %s", r->fn, tu_status_name(st));
    }
    if (r->logon_sid) {
        if (strcmp(tk_sid_text(r->logon_sid, text), want) != 0)
            failure("%s: *ppLogonSid is %s, its session wants %s", r->fn, text, want);
        if (LocalFree(r->logon_sid) != NULL)
            failure("%s: LocalFree(logon SID) failed", r->fn);
    }
    if (!CloseHandle(r->token))
        failure("%s: CloseHandle(token): error %lu", r->fn, (unsigned long)GetLastError());
}

/* The logons of one round: one, or BURST in a reset round (more of them
 * meet a reset half made). */
#define BURST 4

static int logons_in(int r)
{
    return reset_round(r) ? BURST : 1;
}

struct logon_call {
    NTSTATUS st;
    NTSTATUS sub;
    DWORD err;
    LUID id;
    struct logon_result res;
};

/* LsaLogonUser of alice through a kept LSA connection. */
static void *lsa_logon_worker(void *arg)
{
    int rounds = *(const int *)arg;
    place(false);
    struct held lsa = {NULL, -1};
    ULONG len = 0;
    void *submit = th_msv_interactive(".", "alice", PW_ALICE, &len);
    LSA_STRING origin = th_lsa_string("reset race");
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    memcpy(source.SourceName, "ResetRc", 8);
    for (int r = 0; r < rounds; r++) {
        round_begin();
        HANDLE h = atomic_load(&stop) ? NULL : held_get(&lsa, HELD_LSA, r);
        if (!h) {
            round_end_calls();
            continue;
        }
        struct logon_call calls[BURST];
        memset(calls, 0, sizeof calls);
        atomic_store(&logon_began, r);
        for (int k = 0; k < logons_in(r); k++) {
            struct logon_call *c = &calls[k];
            PVOID profile = NULL;
            ULONG plen = 0;
            HANDLE tok = NULL;
            QUOTA_LIMITS q;
            c->sub = -1;
            c->st = LsaLogonUser(h, &origin, Interactive, msv_id, submit, len, NULL, &source,
                                 &profile, &plen, &c->id, &tok, &q, &c->sub);
            c->res = (struct logon_result){"LsaLogonUser", tok, NULL, profile, NULL};
        }
        bool clean = round_calls_done(r);
        for (int k = 0; k < logons_in(r); k++) {
            struct logon_call *c = &calls[k];
            c->res.logon_id = &c->id;
            if (c->st == STATUS_SUCCESS) {
                if (!c->res.token || !c->res.profile || c->sub != STATUS_SUCCESS)
                    failure("LsaLogonUser: success without its outputs");
                else if (clean || token_open(c->res.token))
                    verify_logon(&c->res, "alice", SID_ALICE, "Alice Example");
            } else if (!handle_status_ok(c->st, clean) || c->res.token || c->res.profile) {
                bad_status("LsaLogonUser", c->st, clean);
            }
        }
    }
    free(submit);
    return NULL;
}

/* LogonUserExW of bob, asking for every output. */
static void *logon_user_worker(void *arg)
{
    int rounds = *(const int *)arg;
    place(false);
    WCHAR user[8], password[16];
    tk_w(user, "bob");
    tk_w(password, PW_BOB);
    for (int r = 0; r < rounds; r++) {
        round_begin();
        if (atomic_load(&stop)) {
            round_end_calls();
            continue;
        }
        struct logon_call calls[BURST];
        memset(calls, 0, sizeof calls);
        atomic_store(&logon_began, r);
        for (int k = 0; k < logons_in(r); k++) {
            struct logon_call *c = &calls[k];
            HANDLE tok = NULL;
            PSID logon_sid = NULL;
            PVOID profile = NULL;
            DWORD plen = 0;
            QUOTA_LIMITS q;
            c->st = LogonUserExW(user, NULL, password, LOGON32_LOGON_INTERACTIVE,
                                 LOGON32_PROVIDER_DEFAULT, &tok, &logon_sid, &profile, &plen, &q)
                        ? STATUS_SUCCESS
                        : STATUS_UNSUCCESSFUL;
            c->err = GetLastError();
            c->res = (struct logon_result){"LogonUserExW", tok, NULL, profile, logon_sid};
        }
        bool clean = round_calls_done(r);
        for (int k = 0; k < logons_in(r); k++) {
            const struct logon_call *c = &calls[k];
            /* It uses no handle a reset could close: it never fails. */
            if (c->st != STATUS_SUCCESS)
                failure("LogonUserExW %s: error %lu",
                        clean ? "clear of resets" : "during a reset", (unsigned long)c->err);
            else if (!c->res.token || !c->res.logon_sid || !c->res.profile)
                failure("LogonUserExW: success without its outputs");
            else if (clean || token_open(c->res.token))
                verify_logon(&c->res, "bob", SID_BOB, "Bob Admin");
        }
    }
    return NULL;
}

/* ---- Buffers of the policy functions ------------------------------------------------ */

/* What svc1 holds directly, read before the threads start. */
#define MAX_RIGHTS 16
static char svc1_rights[MAX_RIGHTS][64];
static ULONG n_svc1_rights;

static LSA_UNICODE_STRING ustr(WCHAR *buf, const char *ascii)
{
    size_t n = th_utf16(buf, ascii);
    LSA_UNICODE_STRING u = {(USHORT)n, (USHORT)n, buf};
    return u;
}

static void free_memory(const char *fn, void *p)
{
    NTSTATUS st = LsaFreeMemory(p);
    if (st != STATUS_SUCCESS)
        failure("%s: LsaFreeMemory: %s", fn, tu_status_name(st));
}

/*
 * Each check below makes one call in round r with a kept policy handle and
 * ends the round's calls: a result clear of resets is checked in full and
 * freed; of another only the status is checked (the reset may have freed
 * the buffers, which the worker leaves alone).
 */
static void check_rights(LSA_HANDLE pol, int r, PSID svc1)
{
    PLSA_UNICODE_STRING rights = NULL;
    ULONG count = 0;
    NTSTATUS st = LsaEnumerateAccountRights(pol, svc1, &rights, &count);
    bool clean = round_calls_done(r);
    if (!handle_status_ok(st, clean)) {
        bad_status("LsaEnumerateAccountRights", st, clean);
    } else if (clean) {
        bool same = count == n_svc1_rights;
        for (ULONG i = 0; same && i < count; i++)
            same = th_ustr_eq(&rights[i], svc1_rights[i]);
        if (!same)
            failure("LsaEnumerateAccountRights: %lu rights, the first '%s'",
                    (unsigned long)count, count ? th_ustr_ascii(&rights[0]) : "");
        free_memory("LsaEnumerateAccountRights", rights);
    }
}

static void check_lookup_names(LSA_HANDLE pol, int r)
{
    WCHAR b0[8], b1[8];
    LSA_UNICODE_STRING names[2] = {ustr(b0, "alice"), ustr(b1, "bob")};
    PLSA_REFERENCED_DOMAIN_LIST domains = NULL;
    PLSA_TRANSLATED_SID2 sids = NULL;
    NTSTATUS st = LsaLookupNames2(pol, 0, 2, names, &domains, &sids);
    bool clean = round_calls_done(r);
    if (!handle_status_ok(st, clean)) {
        bad_status("LsaLookupNames2", st, clean);
    } else if (clean) {
        char t0[200] = "", t1[200] = "";
        if (sids[0].Sid)
            tk_sid_text(sids[0].Sid, t0);
        if (sids[1].Sid)
            tk_sid_text(sids[1].Sid, t1);
        if (strcmp(t0, SID_ALICE) != 0 || strcmp(t1, SID_BOB) != 0 ||
            sids[0].Use != SidTypeUser || sids[0].DomainIndex != 0 || sids[1].DomainIndex != 0 ||
            domains->Entries != 1 || !th_ustr_eq(&domains->Domains[0].Name, "WS1"))
            failure("LsaLookupNames2: alice is '%s', bob '%s'", t0, t1);
        free_memory("LsaLookupNames2 (sids)", sids);
        free_memory("LsaLookupNames2 (domains)", domains);
    }
}

static void check_lookup_sids(LSA_HANDLE pol, int r, PSID alice)
{
    PLSA_REFERENCED_DOMAIN_LIST domains = NULL;
    PLSA_TRANSLATED_NAME names = NULL;
    NTSTATUS st = LsaLookupSids(pol, 1, &alice, &domains, &names);
    bool clean = round_calls_done(r);
    if (!handle_status_ok(st, clean)) {
        bad_status("LsaLookupSids", st, clean);
    } else if (clean) {
        if (!th_ustr_eq(&names[0].Name, "alice") || names[0].DomainIndex != 0 ||
            domains->Entries != 1)
            failure("LsaLookupSids: %s is '%s'", SID_ALICE, th_ustr_ascii(&names[0].Name));
        free_memory("LsaLookupSids (names)", names);
        free_memory("LsaLookupSids (domains)", domains);
    }
}

static void check_privilege_name(LSA_HANDLE pol, int r)
{
    LUID tcb = {LUID_TCB, 0};
    PLSA_UNICODE_STRING name = NULL;
    NTSTATUS st = LsaLookupPrivilegeName(pol, &tcb, &name);
    bool clean = round_calls_done(r);
    if (!handle_status_ok(st, clean)) {
        bad_status("LsaLookupPrivilegeName", st, clean);
    } else if (clean) {
        if (!th_ustr_eq(name, "SeTcbPrivilege"))
            failure("LsaLookupPrivilegeName: LUID 7 is '%s'", th_ustr_ascii(name));
        free_memory("LsaLookupPrivilegeName", name);
    }
}

static void check_accounts_with_right(LSA_HANDLE pol, int r)
{
    WCHAR b[32];
    LSA_UNICODE_STRING right = ustr(b, "SeServiceLogonRight");
    PVOID buf = NULL;
    ULONG count = 0;
    NTSTATUS st = LsaEnumerateAccountsWithUserRight(pol, &right, &buf, &count);
    bool clean = round_calls_done(r);
    if (!handle_status_ok(st, clean)) {
        bad_status("LsaEnumerateAccountsWithUserRight", st, clean);
    } else if (clean) {
        const LSA_ENUMERATION_INFORMATION *info = buf;
        bool svc1 = false;
        char text[200];
        for (ULONG i = 0; i < count; i++)
            svc1 = svc1 || strcmp(tk_sid_text(info[i].Sid, text), SID_SVC1) == 0;
        if (!svc1)
            failure("LsaEnumerateAccountsWithUserRight: svc1 is not among %lu holders",
                    (unsigned long)count);
        free_memory("LsaEnumerateAccountsWithUserRight", buf);
    }
}

static void *policy_worker(void *arg)
{
    int rounds = *(const int *)arg;
    place(false);
    struct held pol = {NULL, -1};
    BYTE svc1[68], alice[68];
    tk_sid(svc1, SID_SVC1);
    tk_sid(alice, SID_ALICE);
    for (int r = 0; r < rounds; r++) {
        round_begin();
        HANDLE h = atomic_load(&stop) ? NULL : held_get(&pol, HELD_POLICY, r);
        /* One function per pair of rounds: once clear of resets, once
         * with one. */
        switch (h ? r / 2 % 5 : -1) {
        case 0:
            check_rights(h, r, svc1);
            break;
        case 1:
            check_lookup_names(h, r);
            break;
        case 2:
            check_lookup_sids(h, r, alice);
            break;
        case 3:
            check_privilege_name(h, r);
            break;
        case 4:
            check_accounts_with_right(h, r);
            break;
        default:
            round_end_calls();
        }
    }
    return NULL;
}

/* ---- Package messages ------------------------------------------------------------------ */

static void check_call(HANDLE lsa, int r, ULONG package, void *submit, ULONG len,
                       ULONG want_type, ULONG want_len, const char *what)
{
    PVOID out = NULL;
    ULONG out_len = 0;
    NTSTATUS ps = -1;
    NTSTATUS st = LsaCallAuthenticationPackage(lsa, package, submit, len, &out, &out_len, &ps);
    bool clean = round_calls_done(r);
    if (!handle_status_ok(st, clean)) {
        bad_status(what, st, clean);
    } else if (st == STATUS_SUCCESS && clean) {
        if (ps != STATUS_SUCCESS || !out || out_len != want_len ||
            *(const ULONG *)out != want_type)
            failure("%s: protocol status %s, %lu bytes", what, tu_status_name(ps),
                    (unsigned long)out_len);
        if (out && (st = LsaFreeReturnBuffer(out)) != STATUS_SUCCESS)
            failure("%s: LsaFreeReturnBuffer: %s", what, tu_status_name(st));
    } else if (st == STATUS_SUCCESS && ps != STATUS_SUCCESS &&
               (ps != STATUS_NO_SUCH_LOGON_SESSION || out)) {
        /* During a reset the caller's own (built-in) session may be
         * between its end and its rebuilding. */
        failure("%s during a reset: protocol status %s", what, tu_status_name(ps));
    }
}

/* KerbQueryTicketCacheMessage of the caller's own session, and
 * MsV1_0ChangePassword of svc1 to the password it has. */
static void *package_worker(void *arg)
{
    int rounds = *(const int *)arg;
    place(false);
    struct held lsa = {NULL, -1};
    KERB_QUERY_TKT_CACHE_REQUEST query;
    memset(&query, 0, sizeof query);
    query.MessageType = KerbQueryTicketCacheMessage;
    static const size_t offsets[] = {offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, DomainName),
                                     offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, AccountName),
                                     offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, OldPassword),
                                     offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, NewPassword)};
    static const char *const texts[] = {".", "svc1", PW_SVC1, PW_SVC1};
    ULONG change_len = 0;
    void *change = th_pack(sizeof(MSV1_0_CHANGEPASSWORD_REQUEST), MsV1_0ChangePassword, offsets,
                           texts, 4, &change_len);
    for (int r = 0; r < rounds; r++) {
        round_begin();
        HANDLE h = atomic_load(&stop) ? NULL : held_get(&lsa, HELD_LSA, r);
        if (!h)
            round_end_calls();
        else if (r / 2 % 2 == 0)
            check_call(h, r, kerb_id, &query, sizeof query, KerbQueryTicketCacheMessage,
                       offsetof(KERB_QUERY_TKT_CACHE_RESPONSE, Tickets),
                       "KerbQueryTicketCacheMessage");
        else
            check_call(h, r, msv_id, change, change_len, MsV1_0ChangePassword,
                       sizeof(MSV1_0_CHANGEPASSWORD_RESPONSE), "MsV1_0ChangePassword");
    }
    free(change);
    return NULL;
}

/* ---- SIDs, memory and logon sessions (no handle) ------------------------------------- */

static void check_string_sid(int r)
{
    PSID sid = NULL;
    BOOL ok = ConvertStringSidToSidA(SID_ALICE, &sid);
    bool clean = round_calls_done(r);
    char text[200];
    if (!ok || !sid)
        failure("ConvertStringSidToSidA: error %lu", (unsigned long)GetLastError());
    else if (clean && strcmp(tk_sid_text(sid, text), SID_ALICE) != 0)
        failure("ConvertStringSidToSidA: %s", text);
    if (ok && clean && LocalFree(sid) != NULL)
        failure("LocalFree(ConvertStringSidToSidA's SID) failed");
}

static void check_sid_string(int r, PSID alice)
{
    LPSTR text = NULL;
    BOOL ok = ConvertSidToStringSidA(alice, &text);
    bool clean = round_calls_done(r);
    if (!ok || !text)
        failure("ConvertSidToStringSidA: error %lu", (unsigned long)GetLastError());
    else if (clean && strcmp(text, SID_ALICE) != 0)
        failure("ConvertSidToStringSidA: '%s'", text);
    if (ok && clean && LocalFree(text) != NULL)
        failure("LocalFree(ConvertSidToStringSidA's string) failed");
}

static void check_allocate_sid(int r)
{
    SID_IDENTIFIER_AUTHORITY nt = {{0, 0, 0, 0, 0, 5}};
    PSID sid = NULL;
    BOOL ok = AllocateAndInitializeSid(&nt, 2, 32, 544, 0, 0, 0, 0, 0, 0, &sid);
    bool clean = round_calls_done(r);
    char text[200];
    if (!ok || !sid)
        failure("AllocateAndInitializeSid: error %lu", (unsigned long)GetLastError());
    else if (clean && strcmp(tk_sid_text(sid, text), "S-1-5-32-544") != 0)
        failure("AllocateAndInitializeSid: %s", text);
    if (ok && clean && FreeSid(sid) != NULL)
        failure("FreeSid failed");
}

static void check_local_alloc(int r)
{
    unsigned char *m = LocalAlloc(LPTR, 100);
    bool clean = round_calls_done(r);
    if (!m) {
        failure("LocalAlloc: error %lu", (unsigned long)GetLastError());
    } else if (clean) {
        for (int i = 0; i < 100; i++)
            if (m[i])
                failure("LocalAlloc(LPTR): byte %d is %u", i, m[i]);
        if (LocalFree(m) != NULL)
            failure("LocalFree(LocalAlloc's block) failed");
    }
}

static void check_sessions(int r)
{
    ULONG count = 0;
    PLUID list = NULL;
    NTSTATUS st = LsaEnumerateLogonSessions(&count, &list);
    bool clean = round_calls_done(r);
    if (st != STATUS_SUCCESS) {
        bad_status("LsaEnumerateLogonSessions", st, clean);
    } else if (clean) {
        int builtins = 0;
        for (ULONG i = 0; i < count; i++)
            builtins += list[i].HighPart == 0 &&
                        (list[i].LowPart == 0x3E7 || list[i].LowPart == 0x3E5 ||
                         list[i].LowPart == 0x3E4);
        if (builtins != 3)
            failure("LsaEnumerateLogonSessions: %d of the 3 built-in sessions among %lu",
                    builtins, (unsigned long)count);
        if ((st = LsaFreeReturnBuffer(list)) != STATUS_SUCCESS)
            failure("LsaEnumerateLogonSessions: LsaFreeReturnBuffer: %s", tu_status_name(st));
    }
}

static void check_session_data(int r)
{
    LUID network_service = {0x3E4, 0};
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    NTSTATUS st = LsaGetLogonSessionData(&network_service, &d);
    bool clean = round_calls_done(r);
    /* A reset ends the built-in sessions and makes them again. */
    if (st != STATUS_SUCCESS && (clean || st != STATUS_NO_SUCH_LOGON_SESSION || d)) {
        bad_status("LsaGetLogonSessionData", st, clean);
    } else if (st == STATUS_SUCCESS && clean) {
        if (!th_ustr_eq(&d->UserName, "NETWORK SERVICE") ||
            !th_ustr_eq(&d->LogonDomain, "NT AUTHORITY"))
            failure("LsaGetLogonSessionData(0x3E4): '%s'", th_ustr_ascii(&d->UserName));
        if ((st = LsaFreeReturnBuffer(d)) != STATUS_SUCCESS)
            failure("LsaGetLogonSessionData: LsaFreeReturnBuffer: %s", tu_status_name(st));
    }
}

static void *sid_worker(void *arg)
{
    int rounds = *(const int *)arg;
    place(false);
    BYTE alice[68];
    tk_sid(alice, SID_ALICE);
    for (int r = 0; r < rounds; r++) {
        round_begin();
        switch (atomic_load(&stop) ? -1 : r / 2 % 6) {
        case 0:
            check_string_sid(r);
            break;
        case 1:
            check_sid_string(r, alice);
            break;
        case 2:
            check_allocate_sid(r);
            break;
        case 3:
            check_local_alloc(r);
            break;
        case 4:
            check_sessions(r);
            break;
        case 5:
            check_session_data(r);
            break;
        default:
            round_end_calls();
        }
    }
    return NULL;
}

/* ---- The test ------------------------------------------------------------------------ */

static void *(*const workers[])(void *) = {lsa_logon_worker, logon_user_worker, policy_worker,
                                          package_worker, sid_worker};
_Static_assert(sizeof workers / sizeof workers[0] == N_WORKERS, "one thread per worker");

/* Reads what the workers compare with: package ids and svc1's rights. */
static void read_expectations(void)
{
    HANDLE lsa = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&lsa), STATUS_SUCCESS);
    LSA_STRING name = th_lsa_string(TH_MSV1_0);
    ck_assert_status_eq(LsaLookupAuthenticationPackage(lsa, &name, &msv_id), STATUS_SUCCESS);
    name = th_lsa_string(TH_KERBEROS);
    ck_assert_status_eq(LsaLookupAuthenticationPackage(lsa, &name, &kerb_id), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);

    LSA_OBJECT_ATTRIBUTES oa;
    memset(&oa, 0, sizeof oa);
    LSA_HANDLE pol = NULL;
    ck_assert_status_eq(LsaOpenPolicy(NULL, &oa, POLICY_ALL_ACCESS, &pol), STATUS_SUCCESS);
    BYTE svc1[68];
    PLSA_UNICODE_STRING rights = NULL;
    ck_assert_status_eq(LsaEnumerateAccountRights(pol, tk_sid(svc1, SID_SVC1), &rights,
                                                  &n_svc1_rights),
                        STATUS_SUCCESS);
    ck_assert_uint_ge(n_svc1_rights, 1);
    ck_assert_uint_le(n_svc1_rights, MAX_RIGHTS);
    int service = 0;
    for (ULONG i = 0; i < n_svc1_rights; i++) {
        snprintf(svc1_rights[i], sizeof svc1_rights[i], "%s", th_ustr_ascii(&rights[i]));
        service += strcmp(svc1_rights[i], "SeServiceLogonRight") == 0;
    }
    ck_assert_int_eq(service, 1);
    ck_assert_status_eq(LsaFreeMemory(rights), STATUS_SUCCESS);
    ck_assert_status_eq(LsaClose(pol), STATUS_SUCCESS);
}

START_TEST(reset_while_calls_make_objects)
{
    read_expectations();
    int rounds = ROUNDS;
    pthread_t t[N_WORKERS], resetting;
    ck_assert_int_eq(pthread_barrier_init(&round_start, NULL, N_WORKERS + 1), 0);
    ck_assert_int_eq(pthread_barrier_init(&round_end, NULL, N_WORKERS + 1), 0);
    for (size_t i = 0; i < N_WORKERS; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, workers[i], &rounds), 0);
    ck_assert_int_eq(pthread_create(&resetting, NULL, resetter, &rounds), 0);
    for (size_t i = 0; i < N_WORKERS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    ck_assert_int_eq(pthread_join(resetting, NULL), 0);
    pthread_barrier_destroy(&round_start);
    pthread_barrier_destroy(&round_end);
    ck_assert_msg(atomic_load(&n_failures) == 0, "%lu failures; the first: %s",
                  (unsigned long)atomic_load(&n_failures), first_failure);
    /* Every worker made a call in every reset round. */
    ck_assert_uint_eq(atomic_load(&n_overlapped), N_WORKERS * ROUNDS / 2);
    /* What the calls of reset rounds left (the workers did not touch it)
     * goes with this reset, so that the valgrind pass sees no leak. */
    lsaemu_reset();
}
END_TEST

/* ---- Token copies while the reference count changes ------------------------------- */

static void *open_close_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < COPY_ITERATIONS && !atomic_load(&stop); i++) {
        HANDLE h = NULL;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &h) || !h)
            failure("OpenProcessToken: error %lu", (unsigned long)GetLastError());
        else if (!CloseHandle(h))
            failure("CloseHandle(process token): error %lu", (unsigned long)GetLastError());
    }
    return NULL;
}

/* The copy is SYSTEM's, like the process token it was made from. */
static void check_copy(const char *fn, HANDLE h)
{
    union {
        TOKEN_USER tu;
        BYTE raw[256];
    } u;
    DWORD n = 0;
    char text[200];
    if (!GetTokenInformation(h, TokenUser, &u, sizeof u, &n) ||
        strcmp(tk_sid_text(u.tu.User.Sid, text), "S-1-5-18") != 0)
        failure("%s: the copy is not SYSTEM's", fn);
    if (!CloseHandle(h))
        failure("%s: CloseHandle: error %lu", fn, (unsigned long)GetLastError());
}

static void *duplicate_worker(void *arg)
{
    HANDLE src = arg;
    for (int i = 0; i < COPY_ITERATIONS && !atomic_load(&stop); i++) {
        HANDLE h = NULL;
        if (!DuplicateTokenEx(src, TOKEN_QUERY, NULL, SecurityImpersonation, TokenPrimary, &h))
            failure("DuplicateTokenEx: error %lu", (unsigned long)GetLastError());
        else
            check_copy("DuplicateTokenEx", h);
    }
    return NULL;
}

static void *new_credentials_worker(void *arg)
{
    (void)arg;
    WCHAR user[8], domain[4], password[16];
    tk_w(user, "alice");
    tk_w(domain, ".");
    tk_w(password, PW_ALICE);
    for (int i = 0; i < COPY_ITERATIONS && !atomic_load(&stop); i++) {
        HANDLE h = NULL;
        if (!LogonUserW(user, domain, password, LOGON32_LOGON_NEW_CREDENTIALS,
                        LOGON32_PROVIDER_DEFAULT, &h))
            failure("LogonUserW(NEW_CREDENTIALS): error %lu", (unsigned long)GetLastError());
        else
            check_copy("LogonUserW(NEW_CREDENTIALS)", h);
    }
    return NULL;
}

START_TEST(token_copies_while_other_threads_open_and_close_it)
{
    HANDLE src = NULL;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_DUPLICATE | TOKEN_QUERY, &src));
    pthread_t t[4];
    ck_assert_int_eq(pthread_create(&t[0], NULL, open_close_worker, NULL), 0);
    ck_assert_int_eq(pthread_create(&t[1], NULL, open_close_worker, NULL), 0);
    ck_assert_int_eq(pthread_create(&t[2], NULL, duplicate_worker, src), 0);
    ck_assert_int_eq(pthread_create(&t[3], NULL, new_credentials_worker, NULL), 0);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    ck_assert_msg(atomic_load(&n_failures) == 0, "%s", first_failure);
    ck_assert(CloseHandle(src));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("reset_race");
    TCase *tc = tcase_create("reset");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, reset_while_calls_make_objects);
    suite_add_tcase(s, tc);

    tc = tcase_create("copies");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, token_copies_while_other_threads_open_and_close_it);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
