/* SPDX-License-Identifier: MIT */
/*
 * The Account Lockout Policy (policy-format.md "lockout"; behavior.md 5
 * step 2): bad passwords counted per account, STATUS_ACCOUNT_LOCKED_OUT
 * (LogonUser: ERROR_ACCOUNT_LOCKED_OUT, 1909) once the threshold is
 * reached -- for the right password too, until the duration has passed --
 * the count forgotten after a success or once the window has passed since
 * the last bad password, and the clock moved with lsaemu_advance_time().
 *
 * Microsoft's "Account lockout threshold", "Account lockout duration" and
 * "Reset account lockout counter after" (Security policy settings),
 * MS-GPSB 2.2.1.1.2 (LockoutBadCount; LockoutDuration: minutes a locked
 * account MUST stay locked, -1 until an administrator unlocks it, at least
 * ResetLockoutCount) and USER_MODALS_INFO_3 (the observation window is the
 * time that may pass between two failed logons before the count starts
 * again: measured from the last bad password) give the rules; MS-SAMR
 * 3.1.5.14.5 that a locked account is refused with STATUS_ACCOUNT_LOCKED_OUT
 * until lockoutTime + duration, whatever the password.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsa_helpers.h"
#include "token_helpers.h"

#define PW "Passw0rd-1"
#define I LOGON32_LOGON_INTERACTIVE
#define N LOGON32_LOGON_NETWORK
#define DEF LOGON32_PROVIDER_DEFAULT

/* threshold 3, locked for 15 minutes, count forgotten 10 minutes after the
 * last bad password. */
static const char policy_3_15_10[] =
    "lsaemu: 1\n"
    "machine: { name: WS1, time: \"2026-11-18T10:00:00Z\" }\n"
    "base: workstation\n"
    "accounts:\n"
    "  alice: { password: \"" PW "\", groups: [Users] }\n"
    "  bob: { password: \"" PW "\", groups: [Users] }\n"
    "  off: { password: \"" PW "\", groups: [Users], disabled: true }\n"
    "  Administrator: { password: \"" PW "\", disabled: false }\n"
    "domain:\n"
    "  name: CORP\n"
    "  dns_name: corp.example\n"
    "  sid: S-1-5-21-111-222-333\n"
    "  accounts:\n"
    "    carol: { password: \"" PW "\" }\n"
    "groups:\n"
    "  Users: { members: [\"CORP\\\\Domain Users\"] }\n"
    "lockout: { threshold: 3, duration: 15, window: 10 }\n";

static void load(const char *yaml)
{
    tu_load_policy_text(yaml);
    lsaemu_reset();
    tu_use_process("default");
}

static void setup(void)
{
    load(policy_3_15_10);
}

/* LogonUserA(user, domain, password, type); returns the last error (0 on
 * success, after checking and closing the token; NULL token on failure). */
static DWORD logon(const char *user, const char *domain, const char *password, DWORD type)
{
    HANDLE t = (HANDLE)(uintptr_t)0x1234;
    SetLastError(0xDEAD);
    BOOL ok = LogonUserA(user, domain, password, type, DEF, &t);
    DWORD err = GetLastError();
    if (!ok) {
        ck_assert_ptr_null(t);
        ck_assert_uint_ne(err, 0);
        return err;
    }
    /* A success leaves the last error as it was (GUESS_SUCCESS_LEAVES_LAST_ERROR). */
    ck_assert_win32_eq(err, 0xDEAD);
    ck_assert_ptr_nonnull(t);
    ck_assert(CloseHandle(t));
    return 0;
}

static void bad(const char *user, int n)
{
    for (int i = 0; i < n; i++)
        ck_assert_win32_eq(logon(user, ".", "wrong", I), ERROR_LOGON_FAILURE);
}

START_TEST(locks_at_threshold_and_refuses_right_password)
{
    bad("alice", 2);
    ck_assert_status_eq(lsaemu_last_substatus(), STATUS_WRONG_PASSWORD);
    /* The third bad password itself still answers the wrong password. */
    ck_assert_win32_eq(logon("alice", ".", "wrong", I), ERROR_LOGON_FAILURE);
    ck_assert_status_eq(lsaemu_last_status(), STATUS_LOGON_FAILURE);
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "now locked out"));
    /* From then on the right password is refused too, and a wrong one. */
    ck_assert_win32_eq(logon("alice", ".", PW, I), ERROR_ACCOUNT_LOCKED_OUT);
    ck_assert_status_eq(lsaemu_last_status(), STATUS_ACCOUNT_LOCKED_OUT);
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "locked out at 2026-11-18 10:00:00 UTC"));
    ck_assert_win32_eq(logon("alice", ".", "wrong", N), ERROR_ACCOUNT_LOCKED_OUT);
    /* Per account: bob is untouched. */
    ck_assert_win32_eq(logon("bob", ".", PW, I), 0);
}
END_TEST

START_TEST(lsalogonuser_locked_out_status)
{
    bad("alice", 3);
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    NTSTATUS st = th_logon_msv(lsa, Interactive, "alice", PW, &out);
    ck_assert_status_eq(st, STATUS_ACCOUNT_LOCKED_OUT);
    ck_assert_status_eq(out.sub_status, STATUS_SUCCESS);
    th_assert_failed_outputs(&out);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* behavior.md 5 step 2: the lockout check comes before the password, so
 * an S4U logon (no password) of a locked account is refused too, and does
 * not count or clear anything. */
START_TEST(s4u_of_locked_account)
{
    bad("alice", 3);
    HANDLE lsa = th_connect_trusted();
    ULONG pkg = th_package(lsa, MSV1_0_PACKAGE_NAME);
    ULONG len;
    void *buf = th_msv_s4u("alice", ".", 0, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, pkg, Network, buf, len, NULL, &out),
                        STATUS_ACCOUNT_LOCKED_OUT);
    th_assert_failed_outputs(&out);
    free(buf);
    /* S4U of bob, never locked, works and leaves alice locked. */
    buf = th_msv_s4u("bob", ".", 0, &len);
    ck_assert_status_eq(th_logon(lsa, pkg, Network, buf, len, NULL, &out), STATUS_SUCCESS);
    th_release(&out);
    free(buf);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    ck_assert_win32_eq(logon("alice", ".", PW, I), ERROR_ACCOUNT_LOCKED_OUT);
}
END_TEST

START_TEST(success_resets_count)
{
    bad("alice", 2);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
    /* Two more bad passwords: 2, not 4. */
    bad("alice", 2);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
}
END_TEST

START_TEST(duration_unlocks)
{
    bad("alice", 3);
    lsaemu_advance_time(15 * 60 - 1);
    ck_assert_win32_eq(logon("alice", ".", PW, I), ERROR_ACCOUNT_LOCKED_OUT);
    lsaemu_advance_time(1);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
    /* Unlocked with a fresh count: it takes three bad passwords again. */
    bad("alice", 2);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
}
END_TEST

START_TEST(window_forgets_count)
{
    bad("alice", 2);
    lsaemu_advance_time(10 * 60);
    bad("alice", 2);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
}
END_TEST

START_TEST(window_counts_from_last_bad_password)
{
    bad("alice", 1);
    lsaemu_advance_time(9 * 60);
    bad("alice", 1);
    /* 9 minutes after the second one, 18 after the first: still counted. */
    lsaemu_advance_time(9 * 60);
    bad("alice", 1);
    ck_assert_win32_eq(logon("alice", ".", PW, I), ERROR_ACCOUNT_LOCKED_OUT);
}
END_TEST

START_TEST(duration_zero_until_reset)
{
    load("lsaemu: 1\n"
         "machine: { name: WS1, time: \"2026-11-18T10:00:00Z\" }\n"
         "base: workstation\n"
         "accounts:\n"
         "  alice: { password: \"" PW "\", groups: [Users] }\n"
         "lockout: { threshold: 1, duration: 0, window: 30 }\n");
    bad("alice", 1);
    lsaemu_advance_time(99999 * 60);
    ck_assert_win32_eq(logon("alice", ".", PW, I), ERROR_ACCOUNT_LOCKED_OUT);
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "only with lsaemu_reset()"));
    lsaemu_reset();
    tu_use_process("default");
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
}
END_TEST

START_TEST(threshold_zero_never_locks)
{
    load("lsaemu: 1\n"
         "machine: { name: WS1, time: \"2026-11-18T10:00:00Z\" }\n"
         "base: workstation\n"
         "accounts:\n"
         "  alice: { password: \"" PW "\", groups: [Users] }\n"
         "lockout: { threshold: 0 }\n");
    bad("alice", 20);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
}
END_TEST

START_TEST(no_section_never_locks)
{
    load("lsaemu: 1\n"
         "base: workstation\n"
         "accounts:\n"
         "  alice: { password: \"" PW "\", groups: [Users] }\n");
    bad("alice", 20);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
}
END_TEST

/* guesses.h GUESS_LOCKOUT_COUNTS_DISABLED: a disabled account's bad
 * passwords are not counted. */
START_TEST(disabled_account_not_counted)
{
    bad("off", 5);
    ck_assert_status_eq(lsaemu_last_substatus(), STATUS_WRONG_PASSWORD);
    /* The right password reaches the account state check: disabled, not
     * locked out. */
    ck_assert_win32_eq(logon("off", ".", PW, I), ERROR_ACCOUNT_DISABLED);
}
END_TEST

/* "Account lockout threshold": the built-in Administrator is not locked
 * out unless the policy says so (lockout.administrator). */
START_TEST(administrator_spared_by_default)
{
    bad("Administrator", 5);
    ck_assert_win32_eq(logon("Administrator", ".", PW, N), 0);
}
END_TEST

START_TEST(administrator_locked_when_enabled)
{
    load("lsaemu: 1\n"
         "machine: { name: WS1, time: \"2026-11-18T10:00:00Z\" }\n"
         "base: workstation\n"
         "accounts:\n"
         "  Administrator: { password: \"" PW "\", disabled: false }\n"
         "lockout: { threshold: 2, duration: 10, window: 10, administrator: true }\n");
    bad("Administrator", 2);
    ck_assert_win32_eq(logon("Administrator", ".", PW, N), ERROR_ACCOUNT_LOCKED_OUT);
}
END_TEST

START_TEST(domain_account_locks)
{
    for (int i = 0; i < 3; i++)
        ck_assert_win32_eq(logon("carol", "CORP", "wrong", I), ERROR_LOGON_FAILURE);
    ck_assert_win32_eq(logon("carol@corp.example", NULL, PW, I), ERROR_ACCOUNT_LOCKED_OUT);
    ck_assert_status_eq(lsaemu_last_status(), STATUS_ACCOUNT_LOCKED_OUT);
}
END_TEST

/* A load returns the machine to what its policy says: nothing locked. */
START_TEST(load_forgets_lockout)
{
    bad("alice", 3);
    load(policy_3_15_10);
    ck_assert_win32_eq(logon("alice", ".", PW, I), 0);
}
END_TEST

/* The lockout state is kept by SID beside the policy: a change made
 * through the API (which copies the policy) keeps it. */
START_TEST(api_change_keeps_lockout)
{
    bad("alice", 3);
    LSA_HANDLE h = NULL;
    LSA_OBJECT_ATTRIBUTES oa;
    memset(&oa, 0, sizeof oa);
    tu_use_process("default");
    ck_assert_status_eq(LsaOpenPolicy(NULL, &oa, POLICY_ALL_ACCESS, &h), STATUS_SUCCESS);
    unsigned char sid[SECURITY_MAX_SID_SIZE];
    DWORD cb = sizeof sid;
    char dom[64];
    DWORD cch = sizeof dom;
    SID_NAME_USE use;
    ck_assert(LookupAccountNameA(NULL, "bob", sid, &cb, dom, &cch, &use));
    WCHAR wbuf[64];
    LSA_UNICODE_STRING right = {0, 0, wbuf};
    right.Length = right.MaximumLength = (USHORT)th_utf16(wbuf, "SeBatchLogonRight");
    ck_assert_status_eq(LsaAddAccountRights(h, sid, &right, 1), STATUS_SUCCESS);
    ck_assert_status_eq(LsaClose(h), STATUS_SUCCESS);
    ck_assert_win32_eq(logon("alice", ".", PW, I), ERROR_ACCOUNT_LOCKED_OUT);
}
END_TEST

/* ---- Threads ------------------------------------------------------------------ */

#define THREADS 8
#define BAD_PER_THREAD 50

/* Wrong passwords for alice, and right ones for bob, from many threads. */
static void *hammer(void *arg)
{
    (void)arg;
    for (int i = 0; i < BAD_PER_THREAD; i++) {
        HANDLE t = NULL;
        if (LogonUserA("alice", ".", "wrong", I, DEF, &t) || GetLastError() != ERROR_LOGON_FAILURE)
            return (void *)1;
        if (!LogonUserA("bob", ".", PW, N, DEF, &t))
            return (void *)1;
        CloseHandle(t);
    }
    return NULL;
}

/* No bad password is lost or counted twice: with a threshold of exactly
 * THREADS * BAD_PER_THREAD alice ends locked, with one more she does not. */
static void count_from_threads(unsigned threshold, DWORD want)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "lsaemu: 1\n"
             "machine: { name: WS1, time: \"2026-11-18T10:00:00Z\" }\n"
             "base: workstation\n"
             "accounts:\n"
             "  alice: { password: \"" PW "\", groups: [Users] }\n"
             "  bob: { password: \"" PW "\", groups: [Users] }\n"
             "lockout: { threshold: %u, duration: 30, window: 30 }\n",
             threshold);
    load(yaml);
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, hammer, NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        void *rc;
        ck_assert_int_eq(pthread_join(th[i], &rc), 0);
        ck_assert_ptr_null(rc);
    }
    ck_assert_win32_eq(logon("alice", ".", PW, I), want);
}

START_TEST(threads_count_exactly)
{
    count_from_threads(THREADS * BAD_PER_THREAD, ERROR_ACCOUNT_LOCKED_OUT);
}
END_TEST

START_TEST(threads_count_no_more)
{
    count_from_threads(THREADS * BAD_PER_THREAD + 1, 0);
}
END_TEST

/* ---- The lockout: section's values (MS-GPSB 2.2.1.1.2 ranges) ----------- */

static const struct {
    const char *section, *message;
    int line, column;
} invalid[] = {
    {"lockout: { threshold: 1000 }", "threshold", 4, 23},
    {"lockout: { threshold: 5, duration: 100000 }", "duration", 4, 36},
    {"lockout: { threshold: 5, window: 0 }", "window", 4, 34},
    {"lockout: { threshold: 5, duration: 10, window: 30 }",
     "lockout.window (30 minutes) must not be longer than lockout.duration (10 minutes), as "
     "Windows requires",
     4, 48},
    {"lockout: { threshold: 5, observation: 30 }", "observation", 4, 26},
};

START_TEST(invalid_values)
{
    char yaml[512];
    snprintf(yaml, sizeof yaml, "lsaemu: 1\nbase: workstation\naccounts: { a: {} }\n%s\n",
             invalid[_i].section);
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(yaml, "lockout.yaml", &err), -1);
    ck_assert_msg(strstr(err.text, invalid[_i].message), "%s: %s", invalid[_i].section,
                  err.text);
    ck_assert_int_eq(err.line, invalid[_i].line);
    ck_assert_int_eq(err.column, invalid[_i].column);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("lockout");
    TCase *tc = tcase_create("counting");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, locks_at_threshold_and_refuses_right_password);
    tcase_add_test(tc, lsalogonuser_locked_out_status);
    tcase_add_test(tc, s4u_of_locked_account);
    tcase_add_test(tc, success_resets_count);
    tcase_add_test(tc, duration_unlocks);
    tcase_add_test(tc, window_forgets_count);
    tcase_add_test(tc, window_counts_from_last_bad_password);
    tcase_add_test(tc, duration_zero_until_reset);
    tcase_add_test(tc, threshold_zero_never_locks);
    tcase_add_test(tc, no_section_never_locks);
    tcase_add_test(tc, disabled_account_not_counted);
    tcase_add_test(tc, administrator_spared_by_default);
    tcase_add_test(tc, administrator_locked_when_enabled);
    tcase_add_test(tc, domain_account_locks);
    tcase_add_test(tc, load_forgets_lockout);
    tcase_add_test(tc, api_change_keeps_lockout);
    suite_add_tcase(s, tc);

    tc = tcase_create("threads");
    tcase_add_test(tc, threads_count_exactly);
    tcase_add_test(tc, threads_count_no_more);
    suite_add_tcase(s, tc);

    tc = tcase_create("policy");
    tcase_add_loop_test(tc, invalid_values, 0, (int)(sizeof invalid / sizeof invalid[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
