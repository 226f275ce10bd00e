/* SPDX-License-Identifier: MIT */
/*
 * A client for tests/check-leaks.sh. "leaky.c leak" takes one of each kind
 * of object and releases none of them; "leaky.c clean" takes the same and
 * releases everything. "leaky.c reload" makes calls in two threads, then
 * loads the policy again while the second thread still lives, and releases
 * everything: the process's former session must not be reported.
 * "leaky.c api" takes what "leak" takes and prints what lsaemu_leaks()
 * says before and after lsaemu_reset(). "leaky.c fork" leaks a token in
 * a forked child (LSAEMU_LEAKS=fatal, tests/check-leaks.sh). The
 * policy comes from LSAEMU_POLICY and the report from LSAEMU_LEAKS at exit.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <windows.h>
#include <ntsecapi.h>
#include <ntstatus.h>
#include <sddl.h>

#include "lsaemu.h"

static void wide(WCHAR *dst, const char *s)
{
    while ((*dst++ = (WCHAR)(unsigned char)*s++))
        ;
}

static int fail(const char *what)
{
    fprintf(stderr, "leaky: %s failed (%lu)\n", what, (unsigned long)GetLastError());
    return 1;
}

static pthread_mutex_t idle_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t idle_cond = PTHREAD_COND_INITIALIZER;
static int worker_called;

/* Makes one call, then waits for ever (the process exits under it). */
static void *call_and_idle(void *arg)
{
    (void)arg;
    HANDLE lsa = NULL;
    if (LsaConnectUntrusted(&lsa) == STATUS_SUCCESS)
        LsaDeregisterLogonProcess(lsa);
    pthread_mutex_lock(&idle_lock);
    worker_called = 1;
    pthread_cond_broadcast(&idle_cond);
    for (;;)
        pthread_cond_wait(&idle_cond, &idle_lock);
    return NULL;
}

static int reload(void)
{
    HANDLE lsa = NULL;
    if (LsaConnectUntrusted(&lsa) != STATUS_SUCCESS)
        return fail("LsaConnectUntrusted");
    LsaDeregisterLogonProcess(lsa);
    pthread_t t;
    if (pthread_create(&t, NULL, call_and_idle, NULL) != 0)
        return fail("pthread_create");
    pthread_mutex_lock(&idle_lock);
    while (!worker_called)
        pthread_cond_wait(&idle_cond, &idle_lock);
    pthread_mutex_unlock(&idle_lock);
    struct lsaemu_error err;
    if (lsaemu_load_policy_file(getenv("LSAEMU_POLICY"), &err) != 0)
        return fail("lsaemu_load_policy_file");
    puts("reloaded");
    return 0;
}

/* As Check runs a test (CK_FORK): a forked child makes a token and ends
 * with exit(0) without closing it; the parent, which holds nothing, prints
 * the child's exit status and exits 0. */
static int forked(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return fail("fork");
    if (pid == 0) {
        WCHAR user[16], domain[4], password[16];
        wide(user, "alice");
        wide(domain, ".");
        wide(password, "Alice-Pw1");
        HANDLE token = NULL;
        if (!LogonUserW(user, domain, password, LOGON32_LOGON_INTERACTIVE,
                        LOGON32_PROVIDER_DEFAULT, &token))
            exit(fail("LogonUserW"));
        exit(0);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return fail("waitpid");
    printf("child exit status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "reload") == 0)
        return reload();
    if (argc > 1 && strcmp(argv[1], "fork") == 0)
        return forked();
    int clean = argc > 1 && strcmp(argv[1], "clean") == 0;
    int api = argc > 1 && strcmp(argv[1], "api") == 0;
    WCHAR user[16], domain[4], password[16];
    wide(user, "alice");
    wide(domain, ".");
    wide(password, "Alice-Pw1");

    /* A token handle and its logon session. */
    HANDLE token = NULL;
    if (!LogonUserW(user, domain, password, LOGON32_LOGON_INTERACTIVE,
                    LOGON32_PROVIDER_DEFAULT, &token))
        return fail("LogonUserW");

    /* An LSA handle (trusted) and a LsaLogonUser profile, token, session. */
    LSA_STRING name = {8, 9, (PCHAR) "TestProc"};
    HANDLE lsa = NULL;
    LSA_OPERATIONAL_MODE mode;
    if (LsaRegisterLogonProcess(&name, &lsa, &mode) != STATUS_SUCCESS)
        return fail("LsaRegisterLogonProcess");
    LSA_STRING pkgname = {37, 38, (PCHAR) "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"};
    ULONG pkg = 0;
    if (LsaLookupAuthenticationPackage(lsa, &pkgname, &pkg) != STATUS_SUCCESS)
        return fail("LsaLookupAuthenticationPackage");
    struct {
        MSV1_0_INTERACTIVE_LOGON h;
        WCHAR text[32];
    } submit;
    memset(&submit, 0, sizeof submit);
    submit.h.MessageType = MsV1_0InteractiveLogon;
    WCHAR *p = submit.text;
    const char *parts[3] = {".", "bob", "Bob-Pw1"};
    UNICODE_STRING *dst[3] = {&submit.h.LogonDomainName, &submit.h.UserName,
                              &submit.h.Password};
    for (int i = 0; i < 3; i++) {
        wide(p, parts[i]);
        USHORT n = (USHORT)(strlen(parts[i]) * sizeof(WCHAR));
        dst[i]->Buffer = p;
        dst[i]->Length = n;
        dst[i]->MaximumLength = (USHORT)(n + sizeof(WCHAR));
        p += strlen(parts[i]) + 1;
    }
    LSA_STRING origin = {5, 6, (PCHAR) "leaky"};
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    memcpy(source.SourceName, "leaky", 5);
    PVOID profile = NULL;
    ULONG profile_len = 0;
    LUID logon_id;
    HANDLE token2 = NULL;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = 0;
    if (LsaLogonUser(lsa, &origin, Interactive, pkg, &submit, sizeof submit, NULL, &source,
                     &profile, &profile_len, &logon_id, &token2, &quotas,
                     &sub) != STATUS_SUCCESS)
        return fail("LsaLogonUser");

    /* An untrusted LSA handle, a policy handle and a LsaFreeMemory buffer. */
    HANDLE untrusted = NULL;
    if (LsaConnectUntrusted(&untrusted) != STATUS_SUCCESS)
        return fail("LsaConnectUntrusted");
    LSA_OBJECT_ATTRIBUTES attrs;
    memset(&attrs, 0, sizeof attrs);
    LSA_HANDLE policy = NULL;
    if (LsaOpenPolicy(NULL, &attrs, POLICY_LOOKUP_NAMES, &policy) != STATUS_SUCCESS)
        return fail("LsaOpenPolicy");
    PSID sid = NULL;
    if (!ConvertStringSidToSidA("S-1-5-32-545", &sid))
        return fail("ConvertStringSidToSidA");
    PLSA_UNICODE_STRING rights = NULL;
    ULONG n_rights = 0;
    if (LsaEnumerateAccountRights(policy, sid, &rights, &n_rights) != STATUS_SUCCESS)
        return fail("LsaEnumerateAccountRights");

    if (api) {
        /* A teardown's view: the same objects, from lsaemu_leaks(); then
         * the reset releases them, and there is nothing left. */
        struct lsaemu_leaks c;
        char *lines = NULL;
        unsigned long n = lsaemu_leaks(&c, &lines);
        printf("%s%lu: %lu %lu %lu %lu %lu\n", lines ? lines : "(null)\n", n, c.lsa_handles,
               c.token_handles, c.policy_handles, c.sessions, c.buffers);
        lsaemu_free(lines);
        lsaemu_reset();
        n = lsaemu_leaks(&c, &lines);
        printf("after lsaemu_reset: [%s] %lu: %lu %lu %lu %lu %lu\n", lines ? lines : "(null)",
               n, c.lsa_handles, c.token_handles, c.policy_handles, c.sessions, c.buffers);
        lsaemu_free(lines);
        /* Count only: no lines asked for. */
        printf("count only: %lu\n", lsaemu_leaks(NULL, NULL));
        return 0;
    }
    if (clean) {
        LsaFreeMemory(rights);
        LocalFree(sid);
        LsaClose(policy);
        LsaDeregisterLogonProcess(untrusted);
        LsaFreeReturnBuffer(profile);
        CloseHandle(token2);
        LsaDeregisterLogonProcess(lsa);
        CloseHandle(token);
    }
    puts(clean ? "released everything" : "released nothing");
    return 0;
}
