/* SPDX-License-Identifier: MIT */
/*
 * Threads and fork (issue 5).
 *
 * stress: worker threads mix both API families (LsaLogonUser,
 * LsaLookupAuthenticationPackage, LsaCallAuthenticationPackage; LogonUserW,
 * GetTokenInformation, LsaAddAccountRights, LsaEnumerateAccountRights)
 * while another thread reloads policies, good and broken in turn. Every
 * answer must be one of the good policies' answers; every broken load is
 * refused and changes nothing. Runs for STRESS_SECONDS. Built with
 * ./configure --enable-tsan, ThreadSanitizer checks it for races.
 *
 * fork: a process with handles open and a thread busy inside the API forks;
 * each child keeps using the API (its inherited handles included) and must
 * finish, not hang on a lock the busy thread held at the fork.
 *
 * Under AddressSanitizer the busy threads are held between calls at each
 * fork: the sanitizer's own allocator (GCC 12's libasan) takes no lock
 * around fork, so a child forked while a thread was inside malloc can hang
 * in the sanitizer, whatever lsaemu does. The plain, valgrind and TSan runs
 * keep forking while the threads are inside the API.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "token_helpers.h"

#include <sddl.h>

#define STRESS_SECONDS 2.0
#define N_WORKERS 4

static atomic_bool stop;
static atomic_ulong n_calls;
static atomic_ulong n_failures;
static pthread_mutex_t msg_lock = PTHREAD_MUTEX_INITIALIZER;
static char first_failure[512];

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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *slurp(const char *relative)
{
    FILE *f = fopen(tu_path(relative), "rb");
    ck_assert_ptr_nonnull(f);
    char *buf = malloc(1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static char *good[2], *broken[2];
static BYTE alice_sid[68];
static char alice_text[200];

/* ---- Family 1: LSA logon-process functions ------------------------------------- */

static void *lsa_worker(void *arg)
{
    (void)arg;
    HANDLE lsa = NULL;
    if (LsaConnectUntrusted(&lsa) != STATUS_SUCCESS) {
        failure("LsaConnectUntrusted failed");
        return NULL;
    }
    ULONG len = 0;
    void *submit = th_msv_interactive(".", "alice", PW_ALICE, &len);
    while (!atomic_load(&stop)) {
        LSA_STRING name = th_lsa_string(TH_MSV1_0);
        ULONG msv = 99;
        NTSTATUS st = LsaLookupAuthenticationPackage(lsa, &name, &msv);
        if (st != STATUS_SUCCESS || msv != 2) {
            failure("LsaLookupAuthenticationPackage: 0x%08X, id %lu", (unsigned)st,
                    (unsigned long)msv);
            break;
        }
        LSA_STRING origin = th_lsa_string("stress");
        TOKEN_SOURCE source;
        memset(&source, 0, sizeof source);
        PVOID profile = NULL;
        ULONG plen = 0;
        LUID id;
        HANDLE tok = NULL;
        QUOTA_LIMITS q;
        NTSTATUS sub = 0;
        st = LsaLogonUser(lsa, &origin, Interactive, msv, submit, len, NULL, &source, &profile,
                          &plen, &id, &tok, &q, &sub);
        if (st == STATUS_SUCCESS) {
            BYTE buf[256];
            DWORD n = 0;
            char text[200];
            if (!GetTokenInformation(tok, TokenUser, buf, sizeof buf, &n) ||
                strcmp(tk_sid_text(((TOKEN_USER *)buf)->User.Sid, text), alice_text) != 0)
                failure("LsaLogonUser token is not alice's");
            if (!CloseHandle(tok) || LsaFreeReturnBuffer(profile) != STATUS_SUCCESS)
                failure("releasing the LsaLogonUser results failed");
        } else if (st != STATUS_LOGON_TYPE_NOT_GRANTED || tok || profile) {
            failure("LsaLogonUser: 0x%08X (token %p)", (unsigned)st, tok);
        }

        KERB_QUERY_TKT_CACHE_REQUEST req;
        memset(&req, 0, sizeof req);
        req.MessageType = KerbQueryTicketCacheMessage;
        PVOID ret = NULL;
        ULONG rlen = 0;
        NTSTATUS proto = 0;
        LSA_STRING kname = th_lsa_string(TH_KERBEROS);
        ULONG kerb = 0;
        if (LsaLookupAuthenticationPackage(lsa, &kname, &kerb) != STATUS_SUCCESS)
            failure("LsaLookupAuthenticationPackage(Kerberos)");
        st = LsaCallAuthenticationPackage(lsa, kerb, &req, sizeof req, &ret, &rlen, &proto);
        if (st != STATUS_SUCCESS)
            failure("LsaCallAuthenticationPackage: 0x%08X", (unsigned)st);
        if (ret && LsaFreeReturnBuffer(ret) != STATUS_SUCCESS)
            failure("LsaFreeReturnBuffer(package answer)");
        atomic_fetch_add(&n_calls, 4);
    }
    free(submit);
    if (LsaDeregisterLogonProcess(lsa) != STATUS_SUCCESS)
        failure("LsaDeregisterLogonProcess");
    return NULL;
}

/* ---- Family 2: Advapi32 ------------------------------------------------------------- */

static void *advapi_worker(void *arg)
{
    (void)arg;
    WCHAR u[16], d[4], p[16], right[32];
    tk_w(u, "alice");
    tk_w(d, ".");
    tk_w(p, PW_ALICE);
    LSA_UNICODE_STRING batch;
    batch.Length = batch.MaximumLength = (USHORT)th_utf16(right, "SeBatchLogonRight");
    batch.Buffer = right;
    while (!atomic_load(&stop)) {
        HANDLE tok = NULL;
        SetLastError(0);
        if (LogonUserW(u, d, p, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &tok)) {
            BYTE buf[1024];
            DWORD n = 0;
            char text[200];
            if (!GetTokenInformation(tok, TokenUser, buf, sizeof buf, &n) ||
                strcmp(tk_sid_text(((TOKEN_USER *)buf)->User.Sid, text), alice_text) != 0)
                failure("LogonUserW token is not alice's");
            if (!GetTokenInformation(tok, TokenGroups, buf, sizeof buf, &n))
                failure("GetTokenInformation(TokenGroups): %lu", (unsigned long)GetLastError());
            if (!CloseHandle(tok))
                failure("CloseHandle(token)");
        } else if (GetLastError() != ERROR_LOGON_TYPE_NOT_GRANTED || tok) {
            failure("LogonUserW: %lu", (unsigned long)GetLastError());
        }

        LSA_OBJECT_ATTRIBUTES attrs;
        memset(&attrs, 0, sizeof attrs);
        LSA_HANDLE pol = NULL;
        NTSTATUS st = LsaOpenPolicy(NULL, &attrs, POLICY_ALL_ACCESS, &pol);
        if (st != STATUS_SUCCESS) {
            failure("LsaOpenPolicy: 0x%08X", (unsigned)st);
            break;
        }
        st = LsaAddAccountRights(pol, (PSID)alice_sid, &batch, 1);
        if (st != STATUS_SUCCESS)
            failure("LsaAddAccountRights: 0x%08X", (unsigned)st);
        PLSA_UNICODE_STRING rights = NULL;
        ULONG count = 0;
        st = LsaEnumerateAccountRights(pol, (PSID)alice_sid, &rights, &count);
        if (st == STATUS_SUCCESS) {
            /* alice holds directly only what a worker added since the last
             * reload, and the deny right of the second good policy. */
            for (ULONG k = 0; k < count; k++)
                if (!th_ustr_eq(&rights[k], "SeBatchLogonRight") &&
                    !th_ustr_eq(&rights[k], "SeDenyInteractiveLogonRight"))
                    failure("LsaEnumerateAccountRights: %s", th_ustr_ascii(&rights[k]));
            if (LsaFreeMemory(rights) != STATUS_SUCCESS)
                failure("LsaFreeMemory");
        } else if (st != STATUS_OBJECT_NAME_NOT_FOUND || rights || count) {
            failure("LsaEnumerateAccountRights: 0x%08X", (unsigned)st);
        }
        if (LsaClose(pol) != STATUS_SUCCESS)
            failure("LsaClose");
        atomic_fetch_add(&n_calls, 6);
    }
    return NULL;
}

/* Can alice log on interactively (the difference between good[0] and good[1])? */
static int alice_interactive(void)
{
    WCHAR u[16], d[4], p[16];
    HANDLE tok = NULL;
    BOOL ok = LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE),
                         LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &tok);
    if (ok)
        CloseHandle(tok);
    return ok ? 1 : GetLastError() == ERROR_LOGON_TYPE_NOT_GRANTED ? 0 : -1;
}

static atomic_ulong n_loads;

static void *reloader(void *arg)
{
    (void)arg;
    for (unsigned i = 0; !atomic_load(&stop); i++) {
        struct lsaemu_error err;
        const char *g = good[i % 2];
        if (lsaemu_load_policy_string(g, i % 2 ? "deny-alice" : "p0", &err) != 0) {
            failure("good policy refused: %s", err.text);
            break;
        }
        if (lsaemu_load_policy_string(broken[i % 2], "broken", &err) != -1) {
            failure("broken policy %u accepted", i % 2);
            break;
        }
        /* The broken load changed nothing: the good one is in force. */
        int want = i % 2 ? 0 : 1;
        if (alice_interactive() != want)
            failure("after a broken load, alice's interactive logon is not %d", want);
        atomic_fetch_add(&n_loads, 2);
    }
    return NULL;
}

START_TEST(stress_both_families_against_reloads)
{
    setenv("LSAEMU_PROCESS", "admin", 1);
    good[0] = slurp("policies/p0.yaml");
    good[1] = slurp("policies/p0-deny-alice-interactive.yaml");
    broken[0] = slurp("policies/broken.yaml");
    /* Valid YAML, invalid policy: an unknown right. */
    size_t n = strlen(good[0]);
    broken[1] = malloc(n + 64);
    memcpy(broken[1], good[0], n + 1);
    strcat(broken[1], "\n# appended\nrights2: {}\n");
    tu_load_policy_text(good[0]);
    tk_sid(alice_sid, SID_ALICE);
    tk_sid_text(alice_sid, alice_text);

    pthread_t workers[N_WORKERS], rel;
    for (int i = 0; i < N_WORKERS; i++)
        ck_assert_int_eq(pthread_create(&workers[i], NULL, i % 2 ? advapi_worker : lsa_worker,
                                        NULL),
                         0);
    ck_assert_int_eq(pthread_create(&rel, NULL, reloader, NULL), 0);
    double end = now() + STRESS_SECONDS;
    while (now() < end && !atomic_load(&stop)) {
        struct timespec ms = {0, 20000000};
        nanosleep(&ms, NULL);
    }
    atomic_store(&stop, true);
    for (int i = 0; i < N_WORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(rel, NULL);
    ck_assert_msg(atomic_load(&n_failures) == 0, "%lu wrong answers; first: %s",
                  atomic_load(&n_failures), first_failure);
    ck_assert_uint_gt(atomic_load(&n_calls), 100);
    ck_assert_uint_gt(atomic_load(&n_loads), 4);

    /* A last broken load on top of p0 changes nothing. */
    tu_load_policy_text(good[0]);
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_load_policy_string(broken[0], "broken", &err), -1);
    ck_assert_int_eq(alice_interactive(), 1);
    for (int i = 0; i < 2; i++) {
        free(good[i]);
        free(broken[i]);
    }
    unsetenv("LSAEMU_PROCESS");
}
END_TEST

/* ---- fork ------------------------------------------------------------------------------ */

static HANDLE fork_token;
static HANDLE fork_lsa;

#if defined(__SANITIZE_ADDRESS__)
#define HOLD_BUSY_AT_FORK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HOLD_BUSY_AT_FORK 1
#endif
#endif
#ifndef HOLD_BUSY_AT_FORK
#define HOLD_BUSY_AT_FORK 0
#endif

/* Set by the forking thread; the busy threads count themselves in
 * fork_held while they wait between calls (HOLD_BUSY_AT_FORK only). */
static atomic_bool fork_hold;
static atomic_int fork_held;

static void busy_wait_if_held(void)
{
    if (!HOLD_BUSY_AT_FORK || !atomic_load(&fork_hold))
        return;
    atomic_fetch_add(&fork_held, 1);
    while (atomic_load(&fork_hold) && !atomic_load(&stop))
        sched_yield();
    atomic_fetch_sub(&fork_held, 1);
}

/* Returns once every one of n busy threads waits between calls. */
static void hold_busy_threads(int n)
{
    if (!HOLD_BUSY_AT_FORK)
        return;
    atomic_store(&fork_hold, true);
    while (atomic_load(&fork_held) < n)
        sched_yield();
}

static void release_busy_threads(void)
{
    atomic_store(&fork_hold, false);
}

/* Keeps the token lock, the handle table, the session registry and the
 * returned-buffer registry busy. */
static void *busy(void *arg)
{
    (void)arg;
    WCHAR u[16], d[4], p[16];
    tk_w(u, "alice");
    tk_w(d, ".");
    tk_w(p, PW_ALICE);
    while (!atomic_load(&stop)) {
        busy_wait_if_held();
        HANDLE tok = NULL;
        if (LogonUserW(u, d, p, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &tok))
            CloseHandle(tok);
        TOKEN_PRIVILEGES tp;
        tp.PrivilegeCount = 1;
        tp.Privileges[0].Luid.LowPart = 23; /* SeChangeNotifyPrivilege */
        tp.Privileges[0].Luid.HighPart = 0;
        tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
        AdjustTokenPrivileges(fork_token, FALSE, &tp, 0, NULL, NULL);
        BYTE buf[512];
        DWORD n;
        GetTokenInformation(fork_token, TokenPrivileges, buf, sizeof buf, &n);
        LSA_STRING name = th_lsa_string(TH_KERBEROS);
        ULONG id;
        LsaLookupAuthenticationPackage(fork_lsa, &name, &id);
        PSID sid = NULL;
        if (ConvertStringSidToSidA("S-1-5-32-545", &sid))
            LocalFree(sid);
    }
    return NULL;
}

/* The child: exit status 0 when everything worked. */
static int child(void)
{
    /* A lock left held at the fork would hang here: SIGALRM ends the child
     * (Check's own SIGALRM handler would kill the whole process group). */
    signal(SIGALRM, SIG_DFL);
    alarm(getenv("LSAEMU_TEST_DEBUG") ? 60 : 10);
    BYTE buf[512];
    DWORD n = 0;
    char text[200];
    if (!GetTokenInformation(fork_token, TokenUser, buf, sizeof buf, &n))
        return 2;
    if (strcmp(tk_sid_text(((TOKEN_USER *)buf)->User.Sid, text), alice_text) != 0)
        return 3;
    LSA_STRING name = th_lsa_string(TH_MSV1_0);
    ULONG msv = 0;
    if (LsaLookupAuthenticationPackage(fork_lsa, &name, &msv) != STATUS_SUCCESS)
        return 4;
    struct th_logon_out out;
    ULONG len = 0;
    void *submit = th_msv_interactive(".", "alice", PW_ALICE, &len);
    LSA_STRING origin = th_lsa_string("child");
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    NTSTATUS st = LsaLogonUser(fork_lsa, &origin, Interactive, msv, submit, len, NULL, &source,
                               &out.profile, &out.profile_len, &out.logon_id, &out.token,
                               &out.quotas, &out.sub_status);
    free(submit);
    if (st != STATUS_SUCCESS)
        return 5;
    if (!CloseHandle(out.token) || LsaFreeReturnBuffer(out.profile) != STATUS_SUCCESS)
        return 6;
    WCHAR u[16], d[4], p[16];
    HANDLE tok = NULL;
    if (!LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE),
                    LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &tok))
        return 7;
    TOKEN_PRIVILEGES tp;
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Luid.LowPart = 23;
    tp.Privileges[0].Luid.HighPart = 0;
    tp.Privileges[0].Attributes = 0;
    if (!AdjustTokenPrivileges(fork_token, FALSE, &tp, 0, NULL, NULL))
        return 8;
    if (!CloseHandle(tok) || !CloseHandle(fork_token))
        return 9;
    if (LsaDeregisterLogonProcess(fork_lsa) != STATUS_SUCCESS)
        return 10;
    struct lsaemu_error err;
    if (lsaemu_load_policy_file(tu_path("policies/p0.yaml"), &err) != 0)
        return 11;
    return 0;
}

START_TEST(fork_child_keeps_using_the_api)
{
    tu_load_policy("policies/p0.yaml");
    tu_use_process("tcb");
    tk_sid(alice_sid, SID_ALICE);
    tk_sid_text(alice_sid, alice_text);
    WCHAR u[16], d[4], p[16];
    ck_assert(LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE),
                         LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &fork_token));
    fork_lsa = th_connect_trusted();
    atomic_store(&stop, false);
    pthread_t t[2];
    ck_assert_int_eq(pthread_create(&t[0], NULL, busy, NULL), 0);
    ck_assert_int_eq(pthread_create(&t[1], NULL, busy, NULL), 0);
    int bad = 0;
    char why[200] = "";
    for (int i = 0; i < 40 && !bad; i++) {
        struct timespec pause = {0, 2000000};
        nanosleep(&pause, NULL);
        /* The child reports its verdict through a pipe, not its exit code:
         * under valgrind the child's exit code is valgrind's, which counts
         * as leaks the parent's memory held by threads the child does not
         * have. */
        int fds[2];
        ck_assert_int_eq(pipe(fds), 0);
        hold_busy_threads(2);
        pid_t pid = fork();
        release_busy_threads();
        ck_assert_int_ge(pid, 0);
        if (pid == 0) {
            close(fds[0]);
            unsigned char rc = (unsigned char)child();
            if (getenv("LSAEMU_TEST_DEBUG"))
                fprintf(stderr, "child %d: %d\n", i, rc);
            ssize_t w = write(fds[1], &rc, 1);
            _exit(w == 1 ? rc : 98);
        }
        close(fds[1]);
        unsigned char verdict = 97;
        ssize_t r = read(fds[0], &verdict, 1);
        close(fds[0]);
        int status = 0;
        ck_assert_int_eq(waitpid(pid, &status, 0), pid);
        if (r != 1 || verdict != 0 || !WIFEXITED(status)) {
            bad = 1;
            snprintf(why, sizeof why, "child %d: verdict %d, %s %d", i, r == 1 ? verdict : -1,
                     WIFEXITED(status) ? "exit" : "signal",
                     WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
        }
    }
    atomic_store(&stop, true);
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    ck_assert_msg(!bad, "%s", why);
    /* The parent's handles are untouched by what the children closed. */
    BYTE buf[512];
    DWORD n;
    ck_assert(GetTokenInformation(fork_token, TokenUser, buf, sizeof buf, &n));
    ck_assert(CloseHandle(fork_token));
    ck_assert_status_eq(LsaDeregisterLogonProcess(fork_lsa), STATUS_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("stress");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, stress_both_families_against_reloads);
    suite_add_tcase(s, tc);
    TCase *tf = tcase_create("fork");
    tcase_set_timeout(tf, 60);
    tcase_add_test(tf, fork_child_keeps_using_the_api);
    suite_add_tcase(s, tf);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
