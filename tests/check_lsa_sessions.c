/* SPDX-License-Identifier: MIT */
/*
 * Logon sessions and returned buffers: LsaEnumerateLogonSessions,
 * LsaGetLogonSessionData, LsaFreeReturnBuffer (behavior.md 3.7, 3.9, 3.10;
 * cases C088-C092), and the status mapping of LsaNtStatusToWinError and
 * RtlNtStatusToDosError (1.1, 3.8; cases C074-C087).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <winternl.h>

#include "lsa_helpers.h"

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("tcb");
}

/* A logon from the current process on a new connection of the given kind;
 * returns its LogonId and releases the profile (the token stays open so the
 * session lives on). */
static LUID logon_session(int trusted, ULONG type, const char *user, const char *password)
{
    HANDLE lsa = trusted ? th_connect_trusted() : th_connect_untrusted();
    struct th_logon_out out;
    NTSTATUS st = th_logon_msv(lsa, (SECURITY_LOGON_TYPE)type, user, password, &out);
    ck_assert_msg(st == STATUS_SUCCESS, "logon of %s: %s (%s)", user, tu_status_name(st),
                  lsaemu_last_reason());
    if (out.profile)
        ck_assert_status_eq(LsaFreeReturnBuffer(out.profile), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    return out.logon_id;
}

static int luid_eq(LUID a, LUID b)
{
    return a.LowPart == b.LowPart && a.HighPart == b.HighPart;
}

/* S-1-5-21-1000-2000-3000-<rid>, the account SIDs of P0. */
static int is_p0_account_sid(PSID sid, uint32_t rid)
{
    static const uint32_t subs[5] = {21, 1000, 2000, 3000, 0};
    uint32_t want[5];
    memcpy(want, subs, sizeof want);
    want[4] = rid;
    unsigned char buf[8 + 4 * 5];
    th_sid(buf, 5, want, 5);
    return sid != NULL && memcmp(sid, buf, sizeof buf) == 0;
}

/* ---- LsaEnumerateLogonSessions (3.9) ---------------------------------------------- */

START_TEST(c088_enumerate_contains_new_logon)
{
    ULONG before = th_session_count();
    LUID id = logon_session(1, Interactive, "alice", PW_ALICE);
    ULONG count = 0;
    PLUID list = NULL;
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_SUCCESS);
    ck_assert_uint_eq(count, before + 1);
    ck_assert_ptr_nonnull(list);
    int found = 0;
    for (ULONG i = 0; i < count; i++)
        found += luid_eq(list[i], id);
    ck_assert_int_eq(found, 1);
    ck_assert_status_eq(LsaFreeReturnBuffer(list), STATUS_SUCCESS);
}
END_TEST

START_TEST(c088_enumerate_distinct_ids)
{
    LUID a = logon_session(1, Interactive, "alice", PW_ALICE);
    LUID b = logon_session(1, Interactive, "alice", PW_ALICE);
    LUID c = logon_session(1, Network, "bob", PW_BOB);
    ck_assert(!luid_eq(a, b));
    ck_assert(!luid_eq(a, c));
    ck_assert(!luid_eq(b, c));
    ck_assert(th_session_listed(a) && th_session_listed(b) && th_session_listed(c));
}
END_TEST

START_TEST(enumerate_non_admin_sees_all)
{
    /* 3.9: no access check; [guess] non-administrators get the full list. */
    LUID bob = logon_session(1, Interactive, "bob", PW_BOB);
    tu_use_process("user");
    /* bob's session plus at least the process's own. */
    ck_assert_uint_ge(th_session_count(), 2);
    ck_assert(th_session_listed(bob));
}
END_TEST

START_TEST(enumerate_null_arguments_deviation)
{
    /* Deviation: Windows would fault on NULL pointers. */
    ULONG count;
    PLUID list;
    ck_assert_status_eq(LsaEnumerateLogonSessions(NULL, &list), STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, NULL), STATUS_INVALID_PARAMETER);
}
END_TEST

/* ---- LsaGetLogonSessionData (3.10) ---------------------------------------------------- */

START_TEST(c089_own_session_by_self_logon)
{
    tu_use_process("user");
    LUID id = logon_session(0, Interactive, "alice", PW_ALICE);
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&id, &d), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->Size, sizeof(SECURITY_LOGON_SESSION_DATA));
    ck_assert(luid_eq(d->LogonId, id));
    ck_assert_msg(th_ustr_ieq(&d->UserName, "alice"), "UserName \"%s\"",
                  th_ustr_ascii(&d->UserName));
    ck_assert_msg(th_ustr_ieq(&d->LogonDomain, "WS1"), "LogonDomain \"%s\"",
                  th_ustr_ascii(&d->LogonDomain));
    ck_assert_uint_eq(d->LogonType, Interactive);
    ck_assert_uint_gt(d->AuthenticationPackage.Length, 0);
    ck_assert_msg(is_p0_account_sid(d->Sid, 1001), "Sid is not S-1-5-21-1000-2000-3000-1001");
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
}
END_TEST

START_TEST(c089_process_session_found_by_enumeration)
{
    /* The USER process itself runs in a logon session of alice: among the
     * enumerated sessions, the one it may read and that names alice. */
    tu_use_process("user");
    ULONG count = 0;
    PLUID list = NULL;
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_SUCCESS);
    int own = 0;
    for (ULONG i = 0; i < count; i++) {
        PSECURITY_LOGON_SESSION_DATA d = NULL;
        NTSTATUS st = LsaGetLogonSessionData(&list[i], &d);
        if (st == STATUS_SUCCESS) {
            ck_assert_ptr_nonnull(d);
            if (th_ustr_ieq(&d->UserName, "alice"))
                own++;
            ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
        } else {
            ck_assert_msg(st == (NTSTATUS)STATUS_ACCESS_DENIED,
                          "session %lx:%lx: got %s", (unsigned long)list[i].HighPart,
                          (unsigned long)list[i].LowPart, tu_status_name(st));
            ck_assert_ptr_null(d);
        }
    }
    ck_assert_msg(own >= 1, "no readable session of alice among %lu", (unsigned long)count);
    if (list)
        ck_assert_status_eq(LsaFreeReturnBuffer(list), STATUS_SUCCESS);
}
END_TEST

START_TEST(session_data_network_and_batch)
{
    LUID net = logon_session(1, Network, "alice", PW_ALICE);
    LUID bat = logon_session(1, Batch, "bob", PW_BOB);
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&net, &d), STATUS_SUCCESS);
    ck_assert_uint_eq(d->LogonType, Network);
    ck_assert(th_ustr_ieq(&d->UserName, "alice"));
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
    d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&bat, &d), STATUS_SUCCESS);
    ck_assert_uint_eq(d->LogonType, Batch);
    ck_assert(th_ustr_ieq(&d->UserName, "bob"));
    ck_assert_msg(is_p0_account_sid(d->Sid, 1002), "Sid is not bob's");
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
}
END_TEST

START_TEST(c090_system_session)
{
    /* Any caller; the data comes back zeroed (D10). */
    static const char *const callers[] = {"user", "admin", "tcb", "service"};
    tu_use_process(callers[_i]);
    LUID system = {0x3E7, 0};
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&system, &d), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->UserName.Length, 0);
    ck_assert_uint_eq(d->LogonType, 0);
    ck_assert_ptr_null(d->Sid);
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
}
END_TEST

START_TEST(c091_other_users_session_from_user)
{
    LUID bob = logon_session(1, Interactive, "bob", PW_BOB);
    tu_use_process("user");
    PSECURITY_LOGON_SESSION_DATA d = TH_GARBAGE_PTR;
    NTSTATUS st = LsaGetLogonSessionData(&bob, &d);
    ck_assert_status_eq(st, STATUS_ACCESS_DENIED);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 5);
    ck_assert_ptr_null(d);
}
END_TEST

START_TEST(c091_other_users_session_from_admin)
{
    /* A local administrator may read any session (D10). */
    LUID alice = logon_session(1, Interactive, "alice", PW_ALICE);
    tu_use_process("admin");
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&alice, &d), STATUS_SUCCESS);
    ck_assert(th_ustr_ieq(&d->UserName, "alice"));
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
}
END_TEST

START_TEST(c092_nonexistent_session_from_admin)
{
    tu_use_process("admin");
    LUID nowhere = {0x7FFF1234u, 0x77};
    PSECURITY_LOGON_SESSION_DATA d = TH_GARBAGE_PTR;
    NTSTATUS st = LsaGetLogonSessionData(&nowhere, &d);
    ck_assert_status_eq(st, STATUS_NO_SUCH_LOGON_SESSION);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 1312);
    ck_assert_ptr_null(d);
}
END_TEST

START_TEST(get_session_data_null_arguments_deviation)
{
    /* Deviation: Windows would fault on NULL pointers. */
    LUID system = {0x3E7, 0};
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(NULL, &d), STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaGetLogonSessionData(&system, NULL), STATUS_INVALID_PARAMETER);
}
END_TEST

/* ---- LsaFreeReturnBuffer (3.7) ---------------------------------------------------------- */

START_TEST(free_null_succeeds)
{
    /* [guess] in the brief: NULL is accepted. */
    ck_assert_status_eq(LsaFreeReturnBuffer(NULL), STATUS_SUCCESS);
}
END_TEST

START_TEST(free_foreign_pointers_fail)
{
    void *heap = malloc(64);
    int on_stack = 0;
    static char in_data[16];
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer(heap)));
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer(&on_stack)));
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer(in_data)));
    /* The heap block is still ours and intact. */
    memset(heap, 0, 64);
    free(heap);
}
END_TEST

START_TEST(free_twice_fails)
{
    ULONG count = 0;
    PLUID list = NULL;
    (void)logon_session(1, Interactive, "alice", PW_ALICE);
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(list);
    ck_assert_status_eq(LsaFreeReturnBuffer(list), STATUS_SUCCESS);
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer(list)));
}
END_TEST

START_TEST(free_interior_pointer_fails)
{
    LUID system = {0x3E7, 0};
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&system, &d), STATUS_SUCCESS);
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer((char *)d + 8)));
    /* The real block is still allocated and frees once. */
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer(d)));
}
END_TEST

START_TEST(free_profile_buffer)
{
    /* C058: the profile of C019 is freed with LsaFreeReturnBuffer, once. */
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(out.profile);
    ck_assert_status_eq(LsaFreeReturnBuffer(out.profile), STATUS_SUCCESS);
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer(out.profile)));
    ck_assert(CloseHandle(out.token));
}
END_TEST

/* ---- CloseHandle on tokens (C158) ---------------------------------------------------- */

START_TEST(c158_close_token_twice)
{
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeReturnBuffer(out.profile), STATUS_SUCCESS);
    ck_assert_int_ne(CloseHandle(out.token), FALSE);
    SetLastError(0);
    ck_assert_int_eq(CloseHandle(out.token), FALSE);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    SetLastError(0);
    ck_assert_int_eq(CloseHandle(NULL), FALSE);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
}
END_TEST

/* ---- Thread safety (lsaemu.h: every function is thread-safe) -------------------------- */

#define N_THREADS 4
#define N_ROUNDS 25

struct worker {
    LUID ids[N_ROUNDS];
    int failures;
};

static void *logon_worker(void *arg)
{
    struct worker *w = arg;
    HANDLE lsa = NULL;
    if (LsaConnectUntrusted(&lsa) != STATUS_SUCCESS) {
        w->failures = N_ROUNDS;
        return NULL;
    }
    LSA_STRING name = th_lsa_string(TH_MSV1_0);
    ULONG msv = 0;
    if (LsaLookupAuthenticationPackage(lsa, &name, &msv) != STATUS_SUCCESS) {
        w->failures = N_ROUNDS;
        return NULL;
    }
    for (int i = 0; i < N_ROUNDS; i++) {
        ULONG len;
        void *buf = th_msv_interactive(".", i % 2 ? "alice" : "bob", i % 2 ? PW_ALICE : PW_BOB,
                                       &len);
        LSA_STRING origin = th_lsa_string("worker");
        TOKEN_SOURCE src;
        memset(&src, 0, sizeof src);
        PVOID profile = NULL;
        ULONG plen = 0;
        HANDLE tok = NULL;
        QUOTA_LIMITS q;
        NTSTATUS sub = 0;
        NTSTATUS st = LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src, &profile,
                                   &plen, &w->ids[i], &tok, &q, &sub);
        free(buf);
        if (st != STATUS_SUCCESS || tok == NULL || profile == NULL) {
            w->failures++;
            continue;
        }
        if (LsaFreeReturnBuffer(profile) != STATUS_SUCCESS)
            w->failures++;
        /* Keep every second token so sessions accumulate. */
        if (i % 2 == 0 && !CloseHandle(tok))
            w->failures++;
    }
    LsaDeregisterLogonProcess(lsa);
    return NULL;
}

START_TEST(concurrent_logons)
{
    static struct worker workers[N_THREADS];
    pthread_t threads[N_THREADS];
    memset(workers, 0, sizeof workers);
    for (int i = 0; i < N_THREADS; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, logon_worker, &workers[i]), 0);
    for (int i = 0; i < N_THREADS; i++)
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
    for (int i = 0; i < N_THREADS; i++)
        ck_assert_msg(workers[i].failures == 0, "thread %d: %d failures", i, workers[i].failures);
    /* Every LogonId is unique across threads. */
    for (int a = 0; a < N_THREADS * N_ROUNDS; a++)
        for (int b = a + 1; b < N_THREADS * N_ROUNDS; b++) {
            LUID x = workers[a / N_ROUNDS].ids[a % N_ROUNDS];
            LUID y = workers[b / N_ROUNDS].ids[b % N_ROUNDS];
            ck_assert_msg(!luid_eq(x, y), "duplicate LogonId %lx:%lx", (unsigned long)x.HighPart,
                          (unsigned long)x.LowPart);
        }
    /* The sessions whose tokens are still open are listed. */
    for (int i = 0; i < N_THREADS; i++)
        for (int r = 1; r < N_ROUNDS; r += 2)
            ck_assert(th_session_listed(workers[i].ids[r]));
}
END_TEST

/* ---- Status mapping (1.1, C074-C087) --------------------------------------------------- */

struct map_row {
    const char *id;
    uint32_t status;
    ULONG win32;
};

static const struct map_row map_rows[] = {
    {"C074", 0xC000015Bu, 1385}, {"C075", 0xC0000155u, 1380}, {"C076", 0xC00000EDu, 1362},
    {"C077", 0xC000010Bu, 1367}, {"C078", 0xC000006Au, 86},   {"C079", 0xC0000041u, 5},
    {"C080", 0xC0000106u, 206},  {"C081", 0xC0000193u, 1793}, {"C082", 0xC0000234u, 1909},
    {"C083", 0xC0000224u, 1907}, {"C084", 0x8000001Au, 259},  {"C085", 0x00000000u, 0},
    {"C086", 0xC0FF0000u, 317},  {"C087", 0xC00000FEu, 1364},
    /* The rest of the table of 1.1. */
    {"1.1", 0x00000106u, 1300}, {"1.1", 0x00000107u, 1301}, {"1.1", 0xC0000001u, 31},
    {"1.1", 0xC0000002u, 1},    {"1.1", 0xC0000003u, 87},   {"1.1", 0xC0000004u, 24},
    {"1.1", 0xC0000008u, 6},    {"1.1", 0xC000000Du, 87},   {"1.1", 0xC0000017u, 8},
    {"1.1", 0xC000001Cu, 1},    {"1.1", 0xC0000022u, 5},    {"1.1", 0xC0000023u, 122},
    {"1.1", 0xC0000034u, 2},    {"1.1", 0xC0000044u, 1816}, {"1.1", 0xC000005Cu, 1309},
    {"1.1", 0xC000005Eu, 1311}, {"1.1", 0xC000005Fu, 1312}, {"1.1", 0xC0000060u, 1313},
    {"1.1", 0xC0000061u, 1314}, {"1.1", 0xC0000062u, 1315}, {"1.1", 0xC0000064u, 1317},
    {"1.1", 0xC000006Du, 1326}, {"1.1", 0xC000006Eu, 1327}, {"1.1", 0xC000006Fu, 1328},
    {"1.1", 0xC0000070u, 1329}, {"1.1", 0xC0000071u, 1330}, {"1.1", 0xC0000072u, 1331},
    {"1.1", 0xC0000073u, 1332}, {"1.1", 0xC0000078u, 1337}, {"1.1", 0xC000007Cu, 1008},
    {"1.1", 0xC000009Au, 1450}, {"1.1", 0xC00000A5u, 1346}, {"1.1", 0xC00000A7u, 1348},
    {"1.1", 0xC00000A8u, 1349}, {"1.1", 0xC00000BBu, 50},   {"1.1", 0xC00000DCu, 1352},
    {"1.1", 0xC00000DFu, 1355}, {"1.1", 0xC00000E5u, 1359}, {"1.1", 0xC00000EEu, 1363},
    {"1.1", 0xC0000104u, 1365}, {"1.1", 0xC0000105u, 1366}, {"1.1", 0xC000010Du, 1368},
    {"1.1", 0xC0000158u, 1383}, {"1.1", 0xC000015Au, 1384}, {"1.1", 0xC000017Eu, 1389},
    {"1.1", 0xC0000225u, 1168}, {"1.1", 0xC0000320u, 1263},
};

START_TEST(c074_c087_lsa_nt_status_to_win_error)
{
    const struct map_row *r = &map_rows[_i];
    ULONG got = LsaNtStatusToWinError((NTSTATUS)r->status);
    ck_assert_msg(got == r->win32, "%s: 0x%08X -> %lu, want %lu", r->id, (unsigned)r->status,
                  (unsigned long)got, (unsigned long)r->win32);
}
END_TEST

START_TEST(rtl_nt_status_to_dos_error_same_table)
{
    const struct map_row *r = &map_rows[_i];
    ULONG got = RtlNtStatusToDosError((NTSTATUS)r->status);
    ck_assert_msg(got == r->win32, "%s: 0x%08X -> %lu, want %lu", r->id, (unsigned)r->status,
                  (unsigned long)got, (unsigned long)r->win32);
}
END_TEST

START_TEST(lsa_nt_status_to_win_error_keeps_last_error)
{
    /* 1.1 notes: LsaNtStatusToWinError does not touch the last error. */
    SetLastError(1234);
    (void)LsaNtStatusToWinError((NTSTATUS)0xC000015Bu);
    ck_assert_uint_eq(GetLastError(), 1234);
    (void)LsaNtStatusToWinError((NTSTATUS)0xC0FF0000u);
    ck_assert_uint_eq(GetLastError(), 1234);
    (void)LsaNtStatusToWinError(STATUS_SUCCESS);
    ck_assert_uint_eq(GetLastError(), 1234);
}
END_TEST

Suite *make_lsa_sessions_suite(void);
Suite *make_lsa_sessions_suite(void)
{
    Suite *s = suite_create("lsa_sessions");

    TCase *tc = tcase_create("enumerate");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c088_enumerate_contains_new_logon);
    tcase_add_test(tc, c088_enumerate_distinct_ids);
    tcase_add_test(tc, enumerate_non_admin_sees_all);
    tcase_add_test(tc, enumerate_null_arguments_deviation);
    suite_add_tcase(s, tc);

    tc = tcase_create("session_data");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c089_own_session_by_self_logon);
    tcase_add_test(tc, c089_process_session_found_by_enumeration);
    tcase_add_test(tc, session_data_network_and_batch);
    tcase_add_loop_test(tc, c090_system_session, 0, 4);
    tcase_add_test(tc, c091_other_users_session_from_user);
    tcase_add_test(tc, c091_other_users_session_from_admin);
    tcase_add_test(tc, c092_nonexistent_session_from_admin);
    tcase_add_test(tc, get_session_data_null_arguments_deviation);
    suite_add_tcase(s, tc);

    tc = tcase_create("free");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, free_null_succeeds);
    tcase_add_test(tc, free_foreign_pointers_fail);
    tcase_add_test(tc, free_twice_fails);
    tcase_add_test(tc, free_interior_pointer_fails);
    tcase_add_test(tc, free_profile_buffer);
    tcase_add_test(tc, c158_close_token_twice);
    suite_add_tcase(s, tc);

    tc = tcase_create("threads");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, concurrent_logons);
    suite_add_tcase(s, tc);

    tc = tcase_create("status");
    int n = (int)(sizeof map_rows / sizeof map_rows[0]);
    tcase_add_loop_test(tc, c074_c087_lsa_nt_status_to_win_error, 0, n);
    tcase_add_loop_test(tc, rtl_nt_status_to_dos_error_same_table, 0, n);
    tcase_add_test(tc, lsa_nt_status_to_win_error_keeps_last_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_lsa_sessions_suite());
}
