/* SPDX-License-Identifier: MIT */
/*
 * Objects cross threads: what one thread of a process makes, every other
 * thread can use, as on Windows, where handles, logon sessions, LUIDs and
 * returned buffers belong to the process and not to a thread.
 *
 * lsaemu files them per thread internally (so that threads do not contend),
 * which these tests must not be able to see: handles made in one thread
 * work and close in another, one LSA handle serves many threads at once,
 * logon ids stay unique and ascend, LsaEnumerateLogonSessions lists every
 * thread's sessions in order, a change of the process token or of the
 * process is seen by threads that were already running (and the former
 * process's session is gone from the lists, whatever those threads still
 * remember), and one thread may open more handles than one internal part
 * holds.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lsa_helpers.h"
#include "token_helpers.h"

#define LUID_TCB 7u

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("tcb");
}

static int luid_eq(LUID a, LUID b)
{
    return a.LowPart == b.LowPart && a.HighPart == b.HighPart;
}

static unsigned long long luid_u64(LUID l)
{
    return ((unsigned long long)(ULONG)l.HighPart << 32) | l.LowPart;
}

static void run_thread(void *(*fn)(void *), void *arg)
{
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, fn, arg), 0);
    ck_assert_int_eq(pthread_join(t, NULL), 0);
}

/* ---- Handles and buffers made in one thread, used in another --------------------- */

struct made {
    HANDLE lsa;
    NTSTATUS status;
    struct th_logon_out out;
};

/* Worker: a connection and an interactive logon of alice, left open. No
 * Check assertion here: Check's assertions belong to the test's thread. */
static void *make_logon(void *arg)
{
    struct made *m = arg;
    m->status = LsaConnectUntrusted(&m->lsa);
    if (m->status == STATUS_SUCCESS)
        m->status = th_logon_msv(m->lsa, Interactive, "alice", PW_ALICE, &m->out);
    return NULL;
}

START_TEST(worker_objects_used_and_released_by_main)
{
    struct made m;
    memset(&m, 0, sizeof m);
    run_thread(make_logon, &m);
    ck_assert_status_eq(m.status, STATUS_SUCCESS);

    /* The token handle works in this thread and names the worker's session. */
    TOKEN_STATISTICS ts = tk_stats(m.out.token);
    ck_assert(luid_eq(ts.AuthenticationId, m.out.logon_id));
    ck_assert(th_session_listed(m.out.logon_id));

    /* The LSA handle too. */
    ULONG pkg = 0;
    LSA_STRING msv = th_lsa_string(TH_MSV1_0);
    ck_assert_status_eq(LsaLookupAuthenticationPackage(m.lsa, &msv, &pkg), STATUS_SUCCESS);

    /* Released here, once. */
    ck_assert_status_eq(LsaFreeReturnBuffer(m.out.profile), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeReturnBuffer(m.out.profile), STATUS_MEMORY_NOT_ALLOCATED);
    SetLastError(0);
    ck_assert(CloseHandle(m.out.token));
    SetLastError(0);
    ck_assert(!CloseHandle(m.out.token));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!th_session_listed(m.out.logon_id));
    ck_assert_status_eq(LsaDeregisterLogonProcess(m.lsa), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(m.lsa), STATUS_INVALID_HANDLE);
}
END_TEST

struct closer {
    HANDLE token;
    void *profile;
    BOOL closed, closed_again;
    DWORD error_again;
    NTSTATUS freed, freed_again;
};

static void *close_in_worker(void *arg)
{
    struct closer *c = arg;
    c->freed = LsaFreeReturnBuffer(c->profile);
    c->freed_again = LsaFreeReturnBuffer(c->profile);
    c->closed = CloseHandle(c->token);
    c->closed_again = CloseHandle(c->token);
    c->error_again = GetLastError();
    return NULL;
}

START_TEST(main_objects_released_by_worker)
{
    HANDLE lsa = th_connect_untrusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    struct closer c = {.token = out.token, .profile = out.profile};
    run_thread(close_in_worker, &c);
    ck_assert_status_eq(c.freed, STATUS_SUCCESS);
    ck_assert_status_eq(c.freed_again, STATUS_MEMORY_NOT_ALLOCATED);
    ck_assert(c.closed);
    ck_assert(!c.closed_again);
    ck_assert_win32_eq(c.error_again, ERROR_INVALID_HANDLE);
    /* Gone for this thread too. */
    ck_assert(!CloseHandle(out.token));
    ck_assert_status_eq(LsaFreeReturnBuffer(out.profile), STATUS_MEMORY_NOT_ALLOCATED);
    ck_assert(!th_session_listed(out.logon_id));
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* ---- One LSA handle, many threads ------------------------------------------------------ */

#define SHARED_THREADS 6
#define SHARED_ROUNDS 40

struct user_of_handle {
    HANDLE lsa;
    ULONG pkg;
    int failures;
    NTSTATUS first_failure;
    NTSTATUS after_close;
    struct th_logon_out out_after_close;
};

static void *use_shared_handle(void *arg)
{
    struct user_of_handle *u = arg;
    for (int i = 0; i < SHARED_ROUNDS; i++) {
        ULONG len = 0;
        void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
        LSA_STRING origin = th_lsa_string("lsaemu-tests");
        TOKEN_SOURCE src = {{'T', 'e', 's', 't', 'S', 'r', 'c', 0}, {0, 0}};
        PVOID profile = NULL;
        ULONG profile_len = 0;
        LUID id;
        HANDLE tok = NULL;
        QUOTA_LIMITS q;
        NTSTATUS sub = 0;
        NTSTATUS st = LsaLogonUser(u->lsa, &origin, Interactive, u->pkg, buf, len, NULL, &src,
                                   &profile, &profile_len, &id, &tok, &q, &sub);
        free(buf);
        if (st != STATUS_SUCCESS || LsaFreeReturnBuffer(profile) != STATUS_SUCCESS ||
            !CloseHandle(tok)) {
            if (!u->failures++)
                u->first_failure = st;
        }
    }
    return NULL;
}

static void *use_closed_handle(void *arg)
{
    struct user_of_handle *u = arg;
    ULONG len = 0;
    void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
    u->after_close = th_logon(u->lsa, u->pkg, Interactive, buf, len, NULL, &u->out_after_close);
    free(buf);
    return NULL;
}

START_TEST(one_lsa_handle_serves_many_threads)
{
    HANDLE lsa = th_connect_untrusted();
    ULONG pkg = th_package(lsa, TH_MSV1_0);
    struct user_of_handle u[SHARED_THREADS];
    pthread_t t[SHARED_THREADS];
    memset(u, 0, sizeof u);
    for (int i = 0; i < SHARED_THREADS; i++) {
        u[i].lsa = lsa;
        u[i].pkg = pkg;
        ck_assert_int_eq(pthread_create(&t[i], NULL, use_shared_handle, &u[i]), 0);
    }
    for (int i = 0; i < SHARED_THREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    for (int i = 0; i < SHARED_THREADS; i++)
        ck_assert_msg(u[i].failures == 0, "thread %d: %d failures, first %s", i, u[i].failures,
                      tu_status_name(u[i].first_failure));

    /* Closed by this thread: another thread's next use is refused. */
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    struct user_of_handle late = {.lsa = lsa, .pkg = pkg};
    run_thread(use_closed_handle, &late);
    ck_assert_status_eq(late.after_close, STATUS_INVALID_HANDLE);
    th_assert_failed_outputs(&late.out_after_close);
}
END_TEST

/* ---- More threads than the registry has parts ---------------------------------------- */

#define MANY_THREADS 20

START_TEST(many_threads_handles_and_sessions)
{
    struct made m[MANY_THREADS];
    pthread_t t[MANY_THREADS];
    memset(m, 0, sizeof m);
    for (int i = 0; i < MANY_THREADS; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, make_logon, &m[i]), 0);
    for (int i = 0; i < MANY_THREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    for (int i = 0; i < MANY_THREADS; i++) {
        ck_assert_msg(m[i].status == STATUS_SUCCESS, "thread %d: %s", i,
                      tu_status_name(m[i].status));
        for (int j = 0; j < i; j++) {
            ck_assert_ptr_ne(m[i].out.token, m[j].out.token);
            ck_assert_ptr_ne(m[i].lsa, m[j].lsa);
            ck_assert_ptr_ne(m[i].out.profile, m[j].out.profile);
            ck_assert(!luid_eq(m[i].out.logon_id, m[j].out.logon_id));
        }
    }

    /* Every thread's session is listed, and the list ascends. */
    ULONG count = 0;
    PLUID list = NULL;
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_SUCCESS);
    for (ULONG k = 1; k < count; k++)
        ck_assert_msg(luid_u64(list[k - 1]) < luid_u64(list[k]), "entry %lu out of order",
                      (unsigned long)k);
    for (int i = 0; i < MANY_THREADS; i++) {
        int found = 0;
        for (ULONG k = 0; k < count; k++)
            found |= luid_eq(list[k], m[i].out.logon_id);
        ck_assert_msg(found, "thread %d's session is not listed", i);
    }
    ck_assert_status_eq(LsaFreeReturnBuffer(list), STATUS_SUCCESS);

    for (int i = 0; i < MANY_THREADS; i++) {
        TOKEN_STATISTICS ts = tk_stats(m[i].out.token);
        ck_assert(luid_eq(ts.AuthenticationId, m[i].out.logon_id));
        th_release(&m[i].out);
        ck_assert_status_eq(LsaDeregisterLogonProcess(m[i].lsa), STATUS_SUCCESS);
    }
}
END_TEST

/* ---- Logon ids ------------------------------------------------------------------------- */

#define IDS 5
#define WORKER_IDS 150

struct id_run {
    LUID ids[WORKER_IDS];
    int n;
    NTSTATUS status;
};

static void *logons_in_worker(void *arg)
{
    struct id_run *r = arg;
    HANDLE lsa = NULL;
    r->status = LsaConnectUntrusted(&lsa);
    for (; r->status == STATUS_SUCCESS && r->n < WORKER_IDS; r->n++) {
        struct th_logon_out out;
        r->status = th_logon_msv(lsa, Network, "alice", PW_ALICE, &out);
        if (r->status != STATUS_SUCCESS)
            break;
        r->ids[r->n] = out.logon_id;
        if (out.profile)
            LsaFreeReturnBuffer(out.profile);
        CloseHandle(out.token);
    }
    LsaDeregisterLogonProcess(lsa);
    return NULL;
}

static void logons_here(LUID ids[IDS])
{
    HANDLE lsa = th_connect_untrusted();
    for (int i = 0; i < IDS; i++) {
        struct th_logon_out out;
        ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out),
                            STATUS_SUCCESS);
        ids[i] = out.logon_id;
        th_release(&out);
    }
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}

START_TEST(logon_ids_unique_ascending_and_repeatable)
{
    LUID first[IDS], again[IDS];
    /* The same calls before each sequence: a reset, then the process. */
    lsaemu_reset();
    tu_use_process("tcb");
    logons_here(first);
    for (int i = 1; i < IDS; i++)
        ck_assert(luid_u64(first[i - 1]) < luid_u64(first[i]));

    /* Two other threads take many ids: each one's ascend, none repeats. */
    struct id_run a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    pthread_t ta, tb;
    ck_assert_int_eq(pthread_create(&ta, NULL, logons_in_worker, &a), 0);
    ck_assert_int_eq(pthread_create(&tb, NULL, logons_in_worker, &b), 0);
    ck_assert_int_eq(pthread_join(ta, NULL), 0);
    ck_assert_int_eq(pthread_join(tb, NULL), 0);
    ck_assert_status_eq(a.status, STATUS_SUCCESS);
    ck_assert_status_eq(b.status, STATUS_SUCCESS);
    for (int i = 1; i < WORKER_IDS; i++) {
        ck_assert(luid_u64(a.ids[i - 1]) < luid_u64(a.ids[i]));
        ck_assert(luid_u64(b.ids[i - 1]) < luid_u64(b.ids[i]));
    }
    for (int i = 0; i < WORKER_IDS; i++) {
        for (int j = 0; j < WORKER_IDS; j++)
            ck_assert(!luid_eq(a.ids[i], b.ids[j]));
        for (int j = 0; j < IDS; j++)
            ck_assert(!luid_eq(a.ids[i], first[j]) && !luid_eq(b.ids[i], first[j]));
    }

    /* After a reset the same sequence of calls gets the same ids, whatever
     * other threads took before. */
    lsaemu_reset();
    tu_use_process("tcb");
    logons_here(again);
    for (int i = 0; i < IDS; i++)
        ck_assert_msg(luid_eq(first[i], again[i]), "id %d: %llx, then %llx after the reset", i,
                      luid_u64(first[i]), luid_u64(again[i]));
}
END_TEST

/* ---- Changes seen by threads already running ------------------------------------------ */

/* A worker that runs one step each time the test thread releases it, so it
 * stays alive (with whatever it keeps per thread) across the changes. */
struct stepper {
    pthread_barrier_t go, done;
    int step;
    NTSTATUS registered[3];
    char user[3][64];
};

static void *stepper_main(void *arg)
{
    struct stepper *s = arg;
    for (int i = 0; i < 3; i++) {
        pthread_barrier_wait(&s->go);
        LSA_STRING name = th_lsa_string("TestLogon");
        HANDLE lsa = NULL;
        LSA_OPERATIONAL_MODE mode;
        s->registered[i] = LsaRegisterLogonProcess(&name, &lsa, &mode);
        if (s->registered[i] == STATUS_SUCCESS)
            LsaDeregisterLogonProcess(lsa);
        DWORD n = sizeof s->user[i];
        if (!GetUserNameA(s->user[i], &n))
            s->user[i][0] = 0;
        pthread_barrier_wait(&s->done);
    }
    return NULL;
}

static void stepper_start(struct stepper *s, pthread_t *t)
{
    memset(s, 0, sizeof *s);
    pthread_barrier_init(&s->go, NULL, 2);
    pthread_barrier_init(&s->done, NULL, 2);
    ck_assert_int_eq(pthread_create(t, NULL, stepper_main, s), 0);
}

static void stepper_finish(struct stepper *s, pthread_t t)
{
    ck_assert_int_eq(pthread_join(t, NULL), 0);
    pthread_barrier_destroy(&s->go);
    pthread_barrier_destroy(&s->done);
}

static void step(struct stepper *s)
{
    pthread_barrier_wait(&s->go);
    pthread_barrier_wait(&s->done);
}

static BOOL set_tcb(DWORD attrs)
{
    HANDLE h = NULL;
    BOOL ok = OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES, &h);
    TOKEN_PRIVILEGES tp;
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Luid.LowPart = LUID_TCB;
    tp.Privileges[0].Luid.HighPart = 0;
    tp.Privileges[0].Attributes = attrs;
    ok = ok && AdjustTokenPrivileges(h, FALSE, &tp, 0, NULL, NULL) && GetLastError() == 0;
    if (h)
        CloseHandle(h);
    return ok;
}

START_TEST(privilege_change_seen_by_running_thread)
{
    tu_use_process("tcb-disabled");
    struct stepper s;
    pthread_t t;
    stepper_start(&s, &t);
    step(&s); /* held, not enabled: refused (C007) */
    ck_assert(set_tcb(SE_PRIVILEGE_ENABLED));
    step(&s); /* enabled by this thread: the worker passes */
    ck_assert(set_tcb(0));
    step(&s); /* disabled again: refused again */
    stepper_finish(&s, t);
    ck_assert_status_eq(s.registered[0], STATUS_PORT_CONNECTION_REFUSED);
    ck_assert_status_eq(s.registered[1], STATUS_SUCCESS);
    ck_assert_status_eq(s.registered[2], STATUS_PORT_CONNECTION_REFUSED);
}
END_TEST

START_TEST(process_change_seen_by_running_thread)
{
    struct stepper s;
    pthread_t t;
    stepper_start(&s, &t);
    step(&s); /* the tcb process (SYSTEM-like service account) */
    tu_use_process("user");
    step(&s); /* now alice's process */
    tu_use_process("tcb");
    step(&s);
    stepper_finish(&s, t);
    ck_assert_status_eq(s.registered[0], STATUS_SUCCESS);
    ck_assert_status_eq(s.registered[1], STATUS_PORT_CONNECTION_REFUSED);
    ck_assert_str_eq(s.user[1], "alice");
    ck_assert_status_eq(s.registered[2], STATUS_SUCCESS);
    ck_assert_str_eq(s.user[0], s.user[2]);
    ck_assert_str_ne(s.user[0], "alice");
}
END_TEST

START_TEST(former_process_session_unlisted_while_threads_live)
{
    /* alice's process has a logon session of its own; once the process is
     * another, that session is gone from the lists, although a running
     * thread made calls as alice and has not called since. */
    tu_use_process("user");
    struct stepper s;
    pthread_t t;
    stepper_start(&s, &t);
    step(&s);
    HANDLE h = NULL;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &h));
    LUID alice_session = tk_stats(h).AuthenticationId;
    ck_assert(CloseHandle(h));
    ck_assert(th_session_listed(alice_session));
    tu_use_process("tcb");
    ck_assert(!th_session_listed(alice_session));
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&alice_session, &d), STATUS_NO_SUCH_LOGON_SESSION);
    ck_assert_ptr_null(d);
    step(&s);
    step(&s);
    stepper_finish(&s, t);
    ck_assert_str_eq(s.user[0], "alice");
    ck_assert_str_ne(s.user[1], "alice");
}
END_TEST

/* ---- One thread, more handles than one part holds ----------------------------------- */

/* lsaemu keeps up to 131,008 handles per internal part; the 140,000 here
 * make one thread spill into the others. */
#define SPILL 140000

static int cmp_handle(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (HANDLE const *)a, y = (uintptr_t) * (HANDLE const *)b;
    return x < y ? -1 : x > y;
}

START_TEST(one_thread_more_handles_than_one_part)
{
    HANDLE *h = calloc(SPILL, sizeof *h);
    HANDLE *sorted = calloc(SPILL, sizeof *sorted);
    ck_assert_ptr_nonnull(h);
    ck_assert_ptr_nonnull(sorted);
    for (size_t i = 0; i < SPILL; i++)
        ck_assert_msg(LsaConnectUntrusted(&h[i]) == STATUS_SUCCESS, "connection %zu: %s", i,
                      lsaemu_last_reason());
    memcpy(sorted, h, SPILL * sizeof *h);
    qsort(sorted, SPILL, sizeof *sorted, cmp_handle);
    for (size_t i = 1; i < SPILL; i++)
        ck_assert_msg(sorted[i - 1] != sorted[i], "handle %p given out twice", sorted[i]);
    /* The first and the last both work, then every one closes once. */
    ULONG pkg;
    LSA_STRING msv = th_lsa_string(TH_MSV1_0);
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h[0], &msv, &pkg), STATUS_SUCCESS);
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h[SPILL - 1], &msv, &pkg),
                        STATUS_SUCCESS);
    for (size_t i = 0; i < SPILL; i++)
        ck_assert_msg(LsaDeregisterLogonProcess(h[i]) == STATUS_SUCCESS, "close %zu", i);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h[SPILL - 1]), STATUS_INVALID_HANDLE);
    free(h);
    free(sorted);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("cross_thread");
    TCase *tc = tcase_create("objects");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, worker_objects_used_and_released_by_main);
    tcase_add_test(tc, main_objects_released_by_worker);
    tcase_add_test(tc, one_lsa_handle_serves_many_threads);
    tcase_add_test(tc, many_threads_handles_and_sessions);
    tcase_add_test(tc, logon_ids_unique_ascending_and_repeatable);
    suite_add_tcase(s, tc);

    tc = tcase_create("changes");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, privilege_change_seen_by_running_thread);
    tcase_add_test(tc, process_change_seen_by_running_thread);
    tcase_add_test(tc, former_process_session_unlisted_while_threads_live);
    suite_add_tcase(s, tc);

    tc = tcase_create("capacity");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, one_thread_more_handles_than_one_part);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
