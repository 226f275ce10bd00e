/* SPDX-License-Identifier: MIT */
/*
 * The control API of lsaemu.h seen through the Secur32 functions: policy
 * loading (string, file, LSAEMU_POLICY), process selection (set_process,
 * LSAEMU_PROCESS), lsaemu_reset and lsaemu_last_reason.
 * Every claim is proven by a Windows call whose answer depends on it.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lsa_helpers.h"
#include "loader/loader.h"
#include "base/mem.h"

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("tcb");
}

/* The interactive logon of alice by a TCB caller: SUCCESS under P0,
 * STATUS_LOGON_TYPE_NOT_GRANTED under p0-no-users-interactive. */
static NTSTATUS alice_interactive(void)
{
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    NTSTATUS st = th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out);
    if (NT_SUCCESS(st))
        th_release(&out);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    return st;
}

static NTSTATUS try_register(void)
{
    LSA_STRING name = th_lsa_string("TestLogon");
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    NTSTATUS st = LsaRegisterLogonProcess(&name, &h, &mode);
    if (NT_SUCCESS(st))
        ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
    return st;
}

/* A minimal valid policy in which alice has no interactive right. */
static const char small_policy[] =
    "lsaemu: 1\n"
    "machine: { name: WS1, sid: S-1-5-21-1000-2000-3000 }\n"
    "base: workstation\n"
    "accounts:\n"
    "  alice: { password: \"Alice-Pw1\", groups: [Users] }\n"
    "rights:\n"
    "  SeInteractiveLogonRight: [Administrators]\n"
    "  SeTcbPrivilege: [\"NT AUTHORITY\\\\SYSTEM\"]\n"
    "processes:\n"
    "  tcb: { account: SYSTEM }\n";

/* ---- lsaemu_load_policy_string / _file ------------------------------------------------- */

START_TEST(load_string_success)
{
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(small_policy, "small", &err), 0);
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
}
END_TEST

START_TEST(load_file_success)
{
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_file(tu_path("policies/p0.yaml"), &err), 0);
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
}
END_TEST

START_TEST(load_string_error_position)
{
    /* Unknown key "nmae" on line 3, column 3. */
    static const char text[] = "lsaemu: 1\n"
                               "machine:\n"
                               "  nmae: WS1\n";
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(text, "typo.yaml", &err), -1);
    ck_assert_str_eq(err.source, "typo.yaml");
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 3);
    ck_assert_msg(err.text[0] != '\0', "empty error text");
}
END_TEST

START_TEST(load_string_error_default_source_name)
{
    static const char text[] = "lsaemu: 2\n";
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(text, NULL, &err), -1);
    ck_assert_str_eq(err.source, "<string>");
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_ge(err.column, 1);
    ck_assert_msg(err.text[0] != '\0', "empty error text");
}
END_TEST

START_TEST(load_string_error_unknown_principal)
{
    static const char text[] = "lsaemu: 1\n"
                               "accounts:\n"
                               "  alice: { password: x, groups: [Users] }\n"
                               "rights:\n"
                               "  SeBatchLogonRight: [nosuchuser]\n";
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(text, "p", &err), -1);
    ck_assert_int_eq(err.line, 5);
    ck_assert_int_ge(err.column, 1);
}
END_TEST

START_TEST(load_error_keeps_previous_policy)
{
    /* Before: the variant without Users in the interactive right. */
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);

    /* A broken text that would otherwise have granted the right. */
    static const char broken[] = "lsaemu: 1\n"
                                 "accounts:\n"
                                 "  alice: { password: \"Alice-Pw1\", groups: [Users] }\n"
                                 "processes:\n"
                                 "  tcb: { account: SYSTEM, bogus_key: 1 }\n";
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(broken, "broken", &err), -1);
    ck_assert_int_eq(err.line, 5);

    /* After: unchanged, and the process entry still works. */
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
}
END_TEST

START_TEST(load_missing_file)
{
    const char *path = tu_path("policies/does-not-exist.yaml");
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_file(path, &err), -1);
    ck_assert_msg(strstr(err.source, "does-not-exist.yaml") != NULL, "source \"%s\"", err.source);
    ck_assert_int_eq(err.line, 0);
    ck_assert_msg(err.text[0] != '\0', "empty error text");
    /* P0 still in force. */
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
}
END_TEST

START_TEST(load_broken_file_reports_position)
{
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_file(tu_path("policies/broken.yaml"), &err), -1);
    ck_assert_msg(strstr(err.source, "broken.yaml") != NULL, "source \"%s\"", err.source);
    ck_assert_int_eq(err.line, 6);
    ck_assert_int_eq(err.column, 3);
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
}
END_TEST

/* ---- The loader's limits and inputs (issue 11): the policy in force stays ---------------- */

/* A fresh directory under $TMPDIR (the source tree may be read-only). */
static const char *make_tmp(void)
{
    static __thread char dir[512];
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/lsaemu-control-XXXXXX", base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static const struct {
    const char *text;
    int line, column;
    const char *error;
} limit_texts[] = {
    {"lsaemu: 1\nx: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", 2,
     67, "nesting deeper than 64 levels, lsaemu's limit"},
    {"lsaemu: 1\n"
     "a: &a [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]\n"
     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
     "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
     7, 32, "aliases repeat more than 16777216 nodes and bytes of text in all, lsaemu's limit"},
    {"\xEF\xBB\xBFlsaemu: 2\n", 1, 9, "lsaemu: 2 is not a supported format version (expected 1)"},
};

START_TEST(load_limit_error_keeps_previous_policy)
{
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(limit_texts[_i].text, "t", &err), -1);
    ck_assert_str_eq(err.source, "t");
    ck_assert_int_eq(err.line, limit_texts[_i].line);
    ck_assert_int_eq(err.column, limit_texts[_i].column);
    ck_assert_str_eq(err.text, limit_texts[_i].error);
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
}
END_TEST

START_TEST(load_limit_file_error_keeps_previous_policy)
{
    /* /dev/zero, a FIFO nobody writes, a file over the size limit, a file
     * with more errors than are listed. */
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    const char *dir = make_tmp();
    char fifo[600], big[600];
    snprintf(fifo, sizeof fifo, "%s/fifo.yaml", dir);
    snprintf(big, sizeof big, "%s/big.yaml", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, (off_t)LOADER_MAX_BYTES + 1), 0);
    close(fd);
    const struct {
        const char *path;
        int line, column;
        const char *error;
    } files[] = {
        {"/dev/zero", 0, 0, "cannot read: not a regular file or a pipe"},
        {fifo, 1, 1, "empty policy (it needs at least 'lsaemu: 1')"},
        {big, 1, 1, "policy larger than 64 MiB (67108864 bytes), lsaemu's limit"},
        {tu_path("data/loader/invalid/too-many-errors.yaml"), 4, 3,
         "unknown right or privilege 'SeBogus1Right'"},
    };
    alarm(60); /* a hang on the FIFO fails the test */
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        struct lsaemu_error err;
        memset(&err, 0, sizeof err);
        ck_assert_int_eq(lsaemu_load_policy_file(files[i].path, &err), -1);
        ck_assert_str_eq(err.source, files[i].path);
        ck_assert_int_eq(err.line, files[i].line);
        ck_assert_int_eq(err.column, files[i].column);
        ck_assert_str_eq(err.text, files[i].error);
        ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
    }
    alarm(0);
    ck_assert_int_eq(unlink(fifo), 0);
    ck_assert_int_eq(unlink(big), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(load_error_with_null_err)
{
    ck_assert_int_eq(lsaemu_load_policy_string("lsaemu: 2\n", NULL, NULL), -1);
    ck_assert_int_eq(lsaemu_load_policy_file(tu_path("policies/broken.yaml"), NULL), -1);
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
}
END_TEST

START_TEST(all_policies_load)
{
    static const char *const files[] = {
        "policies/p0.yaml",
        "policies/p0-no-users-interactive.yaml",
        "policies/p0-deny-alice-interactive.yaml",
        "policies/p0-deny-admins-network.yaml",
        "policies/p0-deny-alice-network.yaml",
        "policies/p0-guest-enabled.yaml",
        "policies/p0-alice-rdp.yaml",
        "policies/p0-require-lp.yaml",
        "policies/p0-domain.yaml",
        "policies/p0-faults.yaml",
    };
    static const char *const procs[] = {"default", "tcb", "user", "admin",
                                        "tcb-disabled", "tcb-enabled", "service"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        tu_load_policy(files[i]);
        for (size_t j = 0; j < sizeof procs / sizeof procs[0]; j++)
            ck_assert_msg(lsaemu_set_process(procs[j]) == 0, "%s: no process %s", files[i],
                          procs[j]);
    }
}
END_TEST

/* ---- lsaemu_set_process ------------------------------------------------------------------ */

START_TEST(set_process_switches_identity)
{
    ck_assert_status_eq(try_register(), STATUS_SUCCESS);
    tu_use_process("user");
    ck_assert_status_eq(try_register(), STATUS_PORT_CONNECTION_REFUSED);
    tu_use_process("tcb-disabled");
    ck_assert_status_eq(try_register(), STATUS_PORT_CONNECTION_REFUSED);
    tu_use_process("tcb-enabled");
    ck_assert_status_eq(try_register(), STATUS_SUCCESS);
}
END_TEST

START_TEST(set_process_unknown_changes_nothing)
{
    ck_assert_int_eq(lsaemu_set_process("no-such-entry"), -1);
    ck_assert_status_eq(try_register(), STATUS_SUCCESS); /* still tcb */
    tu_use_process("user");
    ck_assert_int_eq(lsaemu_set_process("no-such-entry"), -1);
    ck_assert_int_eq(lsaemu_set_process(""), -1);
    ck_assert_status_eq(try_register(), STATUS_PORT_CONNECTION_REFUSED); /* still user */
}
END_TEST

/* ---- lsaemu_reset ------------------------------------------------------------------------ */

START_TEST(reset_closes_handles)
{
    HANDLE trusted = th_connect_trusted();
    HANDLE untrusted = th_connect_untrusted();
    lsaemu_reset();
    LSA_STRING s = th_lsa_string(TH_KERBEROS);
    ULONG id = 0;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(untrusted, &s, &id), STATUS_INVALID_HANDLE);
    ck_assert_status_eq(LsaDeregisterLogonProcess(trusted), STATUS_INVALID_HANDLE);
    ck_assert_status_eq(LsaDeregisterLogonProcess(untrusted), STATUS_INVALID_HANDLE);
}
END_TEST

START_TEST(reset_closes_tokens_and_sessions)
{
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    ck_assert(th_session_listed(out.logon_id));
    lsaemu_reset();
    SetLastError(0);
    ck_assert_int_eq(CloseHandle(out.token), FALSE);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!th_session_listed(out.logon_id));
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&out.logon_id, &d), STATUS_NO_SUCH_LOGON_SESSION);
    /* The profile was freed by the reset: freeing it again is refused. */
    ck_assert(!NT_SUCCESS(LsaFreeReturnBuffer(out.profile)));
}
END_TEST

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* lsaemu_leaks() (lsaemu.h) sees what a test left open, with the call that
 * made each, until the reset releases it; it releases nothing itself. */
START_TEST(reset_after_leaks_listed)
{
    struct lsaemu_leaks c;
    char *lines = NULL;
    ck_assert_uint_eq(lsaemu_leaks(&c, &lines), 0);
    ck_assert_str_eq(lines, "");
    lsaemu_free(lines);
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    ck_assert_uint_eq(lsaemu_leaks(&c, &lines), 4);
    ck_assert_uint_eq(c.lsa_handles, 1);
    ck_assert_uint_eq(c.token_handles, 1);
    ck_assert_uint_eq(c.policy_handles, 0);
    ck_assert_uint_eq(c.sessions, 1);
    ck_assert_uint_eq(c.buffers, 1);
    ck_assert_uint_eq(count_lines(lines), 4);
    ck_assert_ptr_nonnull(strstr(lines, "lsaemu: leak: LSA handle 0x"));
    ck_assert_ptr_nonnull(strstr(lines, " from LsaRegisterLogonProcess (logon process "));
    ck_assert_ptr_nonnull(strstr(lines, " from LsaLogonUser (WS1\\alice, logon session "));
    ck_assert_ptr_nonnull(strstr(lines, "lsaemu: leak: buffer of "));
    lsaemu_free(lines);
    /* Asking changed nothing: the objects are still there and valid. */
    ck_assert_uint_eq(lsaemu_leaks(NULL, NULL), 4);
    /* Out of memory for the text: the count is still right. */
    mem_fail_after(0);
    lines = (char *)"unchanged";
    ck_assert_uint_eq(lsaemu_leaks(&c, &lines), 4);
    mem_fail_reset();
    ck_assert_ptr_null(lines);
    ck_assert_uint_eq(c.sessions, 1);
    /* Released one by one, they leave the list. */
    ck_assert(CloseHandle(out.token));
    ck_assert_uint_eq(lsaemu_leaks(&c, NULL), 2);
    ck_assert_uint_eq(c.token_handles + c.sessions, 0);
    ck_assert_status_eq(LsaFreeReturnBuffer(out.profile), STATUS_SUCCESS);
    ck_assert_uint_eq(lsaemu_leaks(NULL, NULL), 1);
    /* What is left goes with the reset. */
    lsaemu_reset();
    ck_assert_uint_eq(lsaemu_leaks(&c, &lines), 0);
    ck_assert_str_eq(lines, "");
    lsaemu_free(lines);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_INVALID_HANDLE);
}
END_TEST

START_TEST(reset_keeps_policy_and_process)
{
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    lsaemu_reset();
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
    tu_use_process("user");
    lsaemu_reset();
    ck_assert_status_eq(try_register(), STATUS_PORT_CONNECTION_REFUSED);
}
END_TEST

START_TEST(reset_then_new_handles_work)
{
    (void)th_connect_untrusted();
    lsaemu_reset();
    HANDLE h = th_connect_untrusted();
    ck_assert_uint_eq(th_package(h, TH_MSV1_0), 2);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

/* ---- lsaemu_last_reason --------------------------------------------------------------------- */

static void *thread_fresh_reason(void *arg)
{
    (void)arg;
    const char *r = lsaemu_last_reason();
    return (void *)(uintptr_t)(r != NULL && r[0] == '\0');
}

START_TEST(last_reason_empty_in_fresh_thread)
{
    /* The main thread has made decisions already. */
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
    ck_assert_msg(lsaemu_last_reason()[0] != '\0', "no reason after a refusal");

    pthread_t t;
    void *ok = NULL;
    ck_assert_int_eq(pthread_create(&t, NULL, thread_fresh_reason, NULL), 0);
    ck_assert_int_eq(pthread_join(t, &ok), 0);
    ck_assert_msg(ok != NULL, "a new thread's reason is not \"\"");
}
END_TEST

static char thread_reason[256];

static void *thread_own_decision(void *arg)
{
    (void)arg;
    /* carol is disabled: a different rule decides than in the main
     * thread (a missing logon right). */
    HANDLE lsa = NULL;
    if (LsaConnectUntrusted(&lsa) != STATUS_SUCCESS)
        return NULL;
    LSA_STRING s = th_lsa_string(TH_MSV1_0);
    ULONG msv = 0;
    if (LsaLookupAuthenticationPackage(lsa, &s, &msv) != STATUS_SUCCESS)
        return NULL;
    ULONG len;
    void *buf = th_msv_interactive(".", "carol", PW_CAROL, &len);
    LSA_STRING origin = th_lsa_string("thread");
    TOKEN_SOURCE src;
    memset(&src, 0, sizeof src);
    PVOID profile = NULL;
    ULONG plen = 0;
    LUID id;
    HANDLE tok = NULL;
    QUOTA_LIMITS q;
    NTSTATUS sub = 0;
    NTSTATUS st = LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src, &profile,
                               &plen, &id, &tok, &q, &sub);
    free(buf);
    if (st != (NTSTATUS)STATUS_ACCOUNT_RESTRICTION)
        return NULL;
    strncpy(thread_reason, lsaemu_last_reason(), sizeof thread_reason - 1);
    return (void *)1;
}

START_TEST(last_reason_is_per_thread)
{
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
    char mine[256];
    strncpy(mine, lsaemu_last_reason(), sizeof mine - 1);
    mine[sizeof mine - 1] = '\0';
    ck_assert_ptr_nonnull(strstr(mine, "SeInteractiveLogonRight"));

    pthread_t t;
    void *ok = NULL;
    ck_assert_int_eq(pthread_create(&t, NULL, thread_own_decision, NULL), 0);
    ck_assert_int_eq(pthread_join(t, &ok), 0);
    ck_assert_msg(ok != NULL, "the thread's logon of carol did not give a restriction");
    ck_assert_msg(thread_reason[0] != '\0', "thread reason empty");
    ck_assert_msg(strcmp(thread_reason, mine) != 0, "thread saw the main thread's reason");

    /* The main thread's reason is untouched by the other thread. */
    ck_assert_str_eq(lsaemu_last_reason(), mine);
}
END_TEST

/* ---- Environment: LSAEMU_POLICY and LSAEMU_PROCESS ---------------------------------------- */

START_TEST(env_policy_and_process)
{
    if (th_nofork())
        return; /* needs a fresh process */
    setenv("LSAEMU_POLICY", tu_path("policies/p0-no-users-interactive.yaml"), 1);
    setenv("LSAEMU_PROCESS", "tcb", 1);
    /* A TCB caller (from LSAEMU_PROCESS) on the variant (from LSAEMU_POLICY). */
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
}
END_TEST

START_TEST(env_policy_default_process)
{
    if (th_nofork())
        return;
    setenv("LSAEMU_POLICY", tu_path("policies/p0.yaml"), 1);
    unsetenv("LSAEMU_PROCESS");
    /* The entry "default" is alice: no TCB. */
    ck_assert_status_eq(try_register(), STATUS_PORT_CONNECTION_REFUSED);
    HANDLE h = th_connect_untrusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(h, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    th_release(&out);
}
END_TEST

START_TEST(env_explicit_load_wins)
{
    if (th_nofork())
        return;
    setenv("LSAEMU_POLICY", tu_path("policies/p0.yaml"), 1);
    setenv("LSAEMU_PROCESS", "tcb", 1);
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
}
END_TEST

START_TEST(env_explicit_load_wins_after_first_call)
{
    if (th_nofork())
        return;
    setenv("LSAEMU_POLICY", tu_path("policies/p0.yaml"), 1);
    setenv("LSAEMU_PROCESS", "tcb", 1);
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_LOGON_TYPE_NOT_GRANTED);
}
END_TEST

START_TEST(env_broken_policy_fails_every_call)
{
    if (th_nofork())
        return;
    setenv("LSAEMU_POLICY", tu_path("policies/broken.yaml"), 1);
    setenv("LSAEMU_PROCESS", "tcb", 1);

    HANDLE h = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&h), 0xC0000158);
    ck_assert_status_eq(try_register(), STATUS_INTERNAL_DB_ERROR);
    LSA_STRING s = th_lsa_string(TH_MSV1_0);
    ULONG id = 0;
    ck_assert_status_eq(LsaLookupAuthenticationPackage((HANDLE)(uintptr_t)0x10, &s, &id),
                        STATUS_INTERNAL_DB_ERROR);
    ck_assert_status_eq(LsaDeregisterLogonProcess((HANDLE)(uintptr_t)0x10),
                        STATUS_INTERNAL_DB_ERROR);
    ULONG count = 0;
    PLUID list = NULL;
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_INTERNAL_DB_ERROR);
    ULONG submit = KerbQueryTicketCacheMessage;
    PVOID ret = NULL;
    ULONG rlen = 0;
    NTSTATUS proto = 0;
    ck_assert_status_eq(LsaCallAuthenticationPackage((HANDLE)(uintptr_t)0x10, 1, &submit,
                                                     sizeof submit, &ret, &rlen, &proto),
                        STATUS_INTERNAL_DB_ERROR);
    ck_assert_ptr_null(ret);
    /* Still failing on a second round: it never heals by itself. */
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_INTERNAL_DB_ERROR);

    /* An explicit good load ends it. */
    tu_load_policy("policies/p0.yaml");
    tu_use_process("tcb");
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
}
END_TEST

START_TEST(env_missing_policy_file_fails)
{
    if (th_nofork())
        return;
    setenv("LSAEMU_POLICY", tu_path("policies/does-not-exist.yaml"), 1);
    HANDLE h = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_INTERNAL_DB_ERROR);
}
END_TEST

START_TEST(env_policy_device_or_fifo_fails)
{
    /* Neither reads forever nor waits: every call fails at once. */
    if (th_nofork())
        return;
    const char *dir = make_tmp();
    char fifo[600];
    snprintf(fifo, sizeof fifo, "%s/fifo.yaml", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    alarm(60);
    setenv("LSAEMU_POLICY", _i ? fifo : "/dev/zero", 1);
    HANDLE h = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_INTERNAL_DB_ERROR);
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_INTERNAL_DB_ERROR);
    alarm(0);
    ck_assert_int_eq(unlink(fifo), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(env_policy_with_bom)
{
    /* P0 saved by an editor that writes a byte-order mark. */
    if (th_nofork())
        return;
    FILE *in = fopen(tu_path("policies/p0.yaml"), "rb");
    ck_assert_ptr_nonnull(in);
    const char *dir = make_tmp();
    char path[600], buf[4096];
    snprintf(path, sizeof path, "%s/p0-bom.yaml", dir);
    FILE *out = fopen(path, "wb");
    ck_assert_ptr_nonnull(out);
    fputs("\xEF\xBB\xBF", out);
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    ck_assert_int_eq(fclose(out), 0);
    setenv("LSAEMU_POLICY", path, 1);
    setenv("LSAEMU_PROCESS", "tcb", 1);
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* LSAEMU_PROCESS naming no entry is loud on both paths (README,
 * "Environment variables"): with LSAEMU_POLICY every call fails ... */
START_TEST(env_process_unknown_with_env_policy)
{
    if (th_nofork())
        return;
    setenv("LSAEMU_POLICY", tu_path("policies/p0.yaml"), 1);
    setenv("LSAEMU_PROCESS", "nosuch", 1);
    HANDLE h = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_INTERNAL_DB_ERROR);
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "every call fails"));
    ck_assert_status_eq(try_register(), STATUS_INTERNAL_DB_ERROR);
}
END_TEST

/* ... and an explicit load fails, naming the variable, and changes
 * nothing: the policy in force (and its process) stays. */
START_TEST(env_process_unknown_with_explicit_load)
{
    if (th_nofork())
        return;
    unsetenv("LSAEMU_POLICY");
    setenv("LSAEMU_PROCESS", "tcb", 1);
    tu_load_policy("policies/p0.yaml");
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
    static const char lacks_tcb[] = "lsaemu: 1\n"
                                    "accounts:\n  alice: { password: x }\n"
                                    "processes:\n  other: { account: alice }\n";
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_load_policy_string(lacks_tcb, "lacks.yaml", &err), -1);
    ck_assert_str_eq(err.source, "lacks.yaml");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    ck_assert_str_eq(err.text, "LSAEMU_PROCESS=tcb names no entry of processes: in this policy; "
                               "it was not loaded (add the entry, or unset LSAEMU_PROCESS)");
    /* p0 and its tcb process are still in force. */
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
    ck_assert_status_eq(try_register(), STATUS_SUCCESS);
    /* The file form says the same. */
    setenv("LSAEMU_PROCESS", "nosuch", 1);
    ck_assert_int_eq(lsaemu_load_policy_file(tu_path("policies/p0.yaml"), &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "LSAEMU_PROCESS=nosuch names no entry"));
    /* Empty means unset: the default entry. */
    setenv("LSAEMU_PROCESS", "", 1);
    ck_assert_int_eq(lsaemu_load_policy_string(lacks_tcb, "lacks.yaml", &err), 0);
}
END_TEST

/* A first explicit load that fails so leaves the process uninitialised:
 * its first call then starts as without any load, loudly. */
START_TEST(env_process_unknown_first_explicit_load)
{
    if (th_nofork())
        return;
    unsetenv("LSAEMU_POLICY");
    setenv("LSAEMU_PROCESS", "nosuch", 1);
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_load_policy_file(tu_path("policies/p0.yaml"), &err), -1);
    HANDLE h = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_INTERNAL_DB_ERROR);
    ck_assert_ptr_null(h);
    ck_assert_str_eq(lsaemu_last_reason(),
                     "LSAEMU_PROCESS=nosuch names no entry of processes: in <default> "
                     "(printed on stderr); every call fails until a policy loads");
}
END_TEST

/* LSAEMU_TOKEN (what CreateProcessAsUserW gives its child in the Windows
 * DLL, README): the process runs as that account, with those enabled
 * privileges, whatever LSAEMU_PROCESS says; a bad value is refused as an
 * unknown LSAEMU_PROCESS is. */
static const char token_policy[] = "lsaemu: 1\n"
                                   "machine: { name: PROCHOST, sid: S-1-5-21-1000-2000-3000 }\n"
                                   "accounts:\n"
                                   "  alice: { password: x }\n"
                                   "  tcbuser: { password: y }\n"
                                   "rights:\n  SeTcbPrivilege: [tcbuser]\n"
                                   "processes:\n  other: { account: alice }\n";

START_TEST(env_token_runs_as_account)
{
    if (th_nofork())
        return;
    unsetenv("LSAEMU_POLICY");
    setenv("LSAEMU_PROCESS", "other", 1);
    setenv("LSAEMU_TOKEN", "S-1-5-21-1000-2000-3000-1001;1;SeTcbPrivilege", 1);
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_load_policy_string(token_policy, "token.yaml", &err), 0);
    char name[64];
    DWORD n = sizeof name;
    ck_assert(GetUserNameA(name, &n));
    ck_assert_str_eq(name, "tcbuser");
    ck_assert_status_eq(try_register(), STATUS_SUCCESS);
    /* Held but not enabled: refused as Windows refuses it. */
    setenv("LSAEMU_TOKEN", "S-1-5-21-1000-2000-3000-1001;1;", 1);
    ck_assert_int_eq(lsaemu_load_policy_string(token_policy, "token.yaml", &err), 0);
    ck_assert_status_eq(try_register(), STATUS_PORT_CONNECTION_REFUSED);
    setenv("LSAEMU_TOKEN", "S-1-5-21-1000-2000-3000-1000;1;", 1);
    ck_assert_int_eq(lsaemu_load_policy_string(token_policy, "token.yaml", &err), 0);
    n = sizeof name;
    ck_assert(GetUserNameA(name, &n));
    ck_assert_str_eq(name, "alice");
    /* Unset or empty: LSAEMU_PROCESS decides again. */
    setenv("LSAEMU_TOKEN", "", 1);
    ck_assert_int_eq(lsaemu_load_policy_string(token_policy, "token.yaml", &err), 0);
    n = sizeof name;
    ck_assert(GetUserNameA(name, &n));
    ck_assert_str_eq(name, "alice");
}
END_TEST

START_TEST(env_token_bad_refused)
{
    if (th_nofork())
        return;
    static const char *const bad[] = {
        "S-1-5-21-1000-2000-3000-1999;1;", /* no such account */
        "S-1-5-21-1000-2000-3000-1000;x;", /* session not a number */
        "S-1-5-21-1000-2000-3000-1000;1;SeNoSuch", /* unknown privilege */
        "S-1-5-21-1000-2000-3000-1000;1",  /* a field missing */
        "garbage",
    };
    unsetenv("LSAEMU_POLICY");
    setenv("LSAEMU_PROCESS", "tcb", 1);
    tu_load_policy("policies/p0.yaml");
    ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        setenv("LSAEMU_TOKEN", bad[i], 1);
        struct lsaemu_error err;
        ck_assert_int_eq(lsaemu_load_policy_string(token_policy, "token.yaml", &err), -1);
        char want[256];
        snprintf(want, sizeof want,
                 "LSAEMU_TOKEN=%s is malformed or names no account of this policy (it is "
                 "\"SID;SESSION;PRIVILEGE,...\", as CreateProcessAsUserW writes it)",
                 bad[i]);
        ck_assert_str_eq(err.text, want);
        /* p0 stays in force. */
        ck_assert_status_eq(alice_interactive(), STATUS_SUCCESS);
    }
}
END_TEST

START_TEST(no_policy_at_all_is_system)
{
    /* Neither an explicit load nor LSAEMU_POLICY: the embedded default,
     * where the process runs as SYSTEM (TCB). */
    if (th_nofork())
        return;
    unsetenv("LSAEMU_POLICY");
    unsetenv("LSAEMU_PROCESS");
    ck_assert_status_eq(try_register(), STATUS_SUCCESS);
}
END_TEST

Suite *make_control_suite(void);
Suite *make_control_suite(void)
{
    Suite *s = suite_create("control");

    TCase *tc = tcase_create("load");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, load_string_success);
    tcase_add_test(tc, load_file_success);
    tcase_add_test(tc, load_string_error_position);
    tcase_add_test(tc, load_string_error_default_source_name);
    tcase_add_test(tc, load_string_error_unknown_principal);
    tcase_add_test(tc, load_error_keeps_previous_policy);
    tcase_add_test(tc, load_missing_file);
    tcase_add_test(tc, load_broken_file_reports_position);
    tcase_add_loop_test(tc, load_limit_error_keeps_previous_policy, 0,
                        sizeof limit_texts / sizeof limit_texts[0]);
    tcase_add_test(tc, load_limit_file_error_keeps_previous_policy);
    tcase_add_test(tc, load_error_with_null_err);
    tcase_add_test(tc, all_policies_load);
    suite_add_tcase(s, tc);

    tc = tcase_create("process");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, set_process_switches_identity);
    tcase_add_test(tc, set_process_unknown_changes_nothing);
    suite_add_tcase(s, tc);

    tc = tcase_create("reset");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, reset_closes_handles);
    tcase_add_test(tc, reset_closes_tokens_and_sessions);
    tcase_add_test(tc, reset_keeps_policy_and_process);
    tcase_add_test(tc, reset_then_new_handles_work);
    tcase_add_test(tc, reset_after_leaks_listed);
    suite_add_tcase(s, tc);

    tc = tcase_create("reason");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, last_reason_empty_in_fresh_thread);
    tcase_add_test(tc, last_reason_is_per_thread);
    suite_add_tcase(s, tc);

    /* No fixture: these start from a process that has made no call. */
    tc = tcase_create("environment");
    tcase_add_test(tc, env_policy_and_process);
    tcase_add_test(tc, env_policy_default_process);
    tcase_add_test(tc, env_explicit_load_wins);
    tcase_add_test(tc, env_explicit_load_wins_after_first_call);
    tcase_add_test(tc, env_broken_policy_fails_every_call);
    tcase_add_test(tc, env_missing_policy_file_fails);
    tcase_add_loop_test(tc, env_policy_device_or_fifo_fails, 0, 2);
    tcase_add_test(tc, env_policy_with_bom);
    tcase_add_test(tc, no_policy_at_all_is_system);
    tcase_add_test(tc, env_process_unknown_with_env_policy);
    tcase_add_test(tc, env_process_unknown_with_explicit_load);
    tcase_add_test(tc, env_process_unknown_first_explicit_load);
    tcase_add_test(tc, env_token_runs_as_account);
    tcase_add_test(tc, env_token_bad_refused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_control_suite());
}
