/* SPDX-License-Identifier: MIT */
/*
 * The YAML loader: valid policies load to the expected model, every invalid
 * golden fails with exactly its expected message, and validation reports
 * every error in file order.
 *
 * Goldens: tests/data/loader/invalid/NAME.yaml with NAME.err holding the
 * lines validation prints, "NAME.yaml:LINE:COLUMN: message" (one, except
 * for too-many-errors); a load reports the first. The loader is given the
 * full path; the test replaces the directory part of the error's source with
 * nothing (basename) before comparing, so the goldens do not depend on where
 * the tree is. tests/check-validate.sh runs the tool from inside the golden
 * directory, where the tool's output already has that form. too-large.err
 * has no .yaml in the tree: the test writes a sparse one.
 *
 * Scaling (issue 11): loader_last_work() counts what a load did, so that
 * the tests below can check that the work grows linearly with the input
 * (the ratio per doubling) without timing anything.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <check.h>

#include "core/model/policy.h"
#include "core/model/status.h"
#include "loader/loader.h"
#include "testutil.h"

#define GOLDEN_DIR TESTS_SRCDIR "/data/loader/invalid"

static struct policy *load(const char *yaml)
{
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(yaml, strlen(yaml), "<test>", &err);
    ck_assert_msg(pol != NULL, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
    return pol;
}

/* Loads text that must fail; returns "line:column: text". */
static const char *load_fails(const char *yaml)
{
    static __thread char buf[400];
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(yaml, strlen(yaml), "<test>", &err);
    ck_assert_msg(pol == NULL, "loaded although invalid:\n%s", yaml);
    ck_assert_str_eq(err.source, "<test>");
    snprintf(buf, sizeof buf, "%d:%d: %s", err.line, err.column, err.text);
    return buf;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    static char buf[32768];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* ---- Valid policies ---------------------------------------------------------------- */

START_TEST(test_loader_full_example)
{
    struct lsaemu_error err;
    struct policy *pol = loader_load_file(TESTS_SRCDIR "/data/loader/valid/full.yaml", &err);
    ck_assert_msg(pol != NULL, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
    ck_assert_str_eq(pol->machine_name, "WS1");
    ck_assert(pol->has_time);
    ck_assert_int_eq(pol->time, 1795255200);
    ck_assert_int_eq(pol->base, BASE_WORKSTATION);
    ck_assert_ptr_null(pol->domain.name);

    char buf[SID_STRING_MAX];
    const struct account *alice = policy_find_account(pol, "alice");
    ck_assert_str_eq(sid_format(&alice->sid, buf), "S-1-5-21-1000-2000-3000-1001");
    ck_assert_str_eq(alice->domain, "WS1");
    ck_assert_str_eq(alice->full_name, "Alice Example");
    ck_assert(!alice->blank_password);
    /* carol is the first account without rid: 1000 was free. */
    ck_assert_str_eq(sid_format(&policy_find_account(pol, "carol")->sid, buf),
                     "S-1-5-21-1000-2000-3000-1000");
    ck_assert(policy_find_account(pol, "carol")->disabled);
    ck_assert(policy_find_account(pol, "dave")->locked_out);
    ck_assert(policy_find_account(pol, "erin")->has_expires);
    ck_assert_int_eq(account_x(policy_find_account(pol, "erin"))->expires, 1577836800);
    ck_assert(policy_find_account(pol, "frank")->password_expired);
    ck_assert(policy_find_account(pol, "gina")->must_change_password);
    const struct account *hank = policy_find_account(pol, "hank");
    ck_assert(hank->has_logon_hours);
    ck_assert_uint_eq(account_x(hank)->n_logon_hours, 1);
    ck_assert_uint_eq(account_x(hank)->logon_hours[0].start, 5 * 1440);
    ck_assert_uint_eq(account_x(hank)->logon_hours[0].end, 7 * 1440);
    ck_assert(!alice->has_logon_hours);
    const struct account *ivy = policy_find_account(pol, "ivy");
    ck_assert(ivy->has_workstations);
    ck_assert_uint_eq(account_x(ivy)->n_workstations, 1);
    ck_assert_str_eq(account_x(ivy)->workstations[0], "OTHERPC");
    ck_assert(policy_find_account(pol, "jack")->blank_password);

    const struct group *dev = policy_find_group(pol, "developers");
    ck_assert_str_eq(sid_format(&dev->sid, buf), "S-1-5-21-1000-2000-3000-1100");
    ck_assert_uint_eq(tu_group_member_count(pol, dev), 1);
    ck_assert(tu_group_has_member(pol, dev, &alice->sid));

    const struct account *broker = policy_find_account(pol, "svc-broker");
    right_mask m = policy_rights_of(pol, &broker->sid);
    ck_assert(m & RIGHT_BIT(right_by_name("SeTcbPrivilege")));
    ck_assert(m & RIGHT_BIT(right_by_name("SeServiceLogonRight")));

    const struct process_entry *def = policy_find_process(pol, "default");
    ck_assert_ptr_eq(&pol->accounts[def->account], alice);
    const struct process_entry *on = policy_find_process(pol, "broker-on");
    ck_assert(on->enabled == RIGHT_BIT(right_by_name("SeTcbPrivilege")));
    ck_assert_int_eq(pol->accounts[policy_find_process(pol, "system")->account].kind,
                     ACCOUNT_SYSTEM);

    ck_assert_uint_eq(pol->n_faults, 1);
    ck_assert_str_eq(pol->faults[0].call, "LsaLogonUser");
    ck_assert_uint_eq(pol->faults[0].nth, 2);
    ck_assert_str_eq(pol->faults[0].account, "alice");
    ck_assert_int_eq(pol->faults[0].status, (int32_t)0xC000009A);
    ck_assert_str_eq(pol->source, TESTS_SRCDIR "/data/loader/valid/full.yaml");
    policy_unref(pol);
}
END_TEST

START_TEST(test_loader_minimal_and_default)
{
    struct policy *pol = loader_load_file(TESTS_SRCDIR "/data/loader/valid/minimal.yaml", NULL);
    ck_assert_ptr_nonnull(pol);
    ck_assert_str_eq(pol->machine_name, "WORKSTATION");
    ck_assert_int_eq(pol->accounts[policy_find_process(pol, "default")->account].kind,
                     ACCOUNT_SYSTEM);
    policy_unref(pol);
    pol = loader_default_policy();
    ck_assert_str_eq(pol->source, "<default>");
    ck_assert_uint_eq(pol->n_processes, 1);
    policy_unref(pol);
}
END_TEST

START_TEST(test_loader_machine_and_options)
{
    struct policy *pol = load("lsaemu: 1\n"
                              "machine: { name: SRV, role: server, domain: CORP,\n"
                              "           time: \"2026-11-21T12:00:00+02:00\" }\n"
                              "options: { blank_password_console_only: no,\n"
                              "           require_logon_process: yes }\n"
                              "processes:\n"
                              "  svc: { account: \"NT AUTHORITY\\\\LOCAL SERVICE\", session: 0 }\n"
                              "  ns: { account: NetworkService }\n"
                              "faults:\n"
                              "  - { call: LogonUserW, status: 0xc000006d }\n");
    ck_assert_str_eq(pol->machine_name, "SRV");
    ck_assert_str_eq(pol->domain.name, "CORP");
    ck_assert(!pol->domain.reachable);
    ck_assert_int_eq(pol->role, ROLE_SERVER);
    ck_assert_int_eq(pol->base, BASE_SERVER);
    ck_assert_int_eq(pol->time, 1795255200);
    ck_assert(!pol->blank_password_console_only);
    ck_assert(pol->require_logon_process);
    const struct process_entry *svc = policy_find_process(pol, "svc");
    ck_assert_uint_eq(svc->session, 0);
    ck_assert_int_eq(pol->accounts[svc->account].kind, ACCOUNT_LOCAL_SERVICE);
    ck_assert_int_eq(pol->accounts[policy_find_process(pol, "ns")->account].kind,
                     ACCOUNT_NETWORK_SERVICE);
    ck_assert_uint_eq(pol->faults[0].nth, 0);
    ck_assert_ptr_null(pol->faults[0].account);
    ck_assert_int_eq(pol->faults[0].status, (int32_t)0xC000006D);
    /* The implicit default process is added when none is written. */
    ck_assert_ptr_nonnull(policy_find_process(pol, "default"));
    policy_unref(pol);
}
END_TEST

START_TEST(test_loader_builtin_changes)
{
    struct policy *pol = load("lsaemu: 1\n"
                              "accounts:\n"
                              "  administrator: { disabled: false, password: p }\n"
                              "  Guest: { nt_hash: 31D6CFE0D16AE931B73C59D7E0C089C0 }\n"
                              "groups:\n"
                              "  Backup Operators: { members: [\"*S-1-5-21-1-2-3-1000\"],\n"
                              "                      description: operators }\n");
    const struct account *admin = policy_find_account(pol, "Administrator");
    ck_assert(!admin->disabled);
    ck_assert(!admin->blank_password);
    ck_assert_str_eq(admin->name, "Administrator");
    ck_assert(policy_find_account(pol, "Guest")->blank_password);
    const struct group *bo = policy_find_group(pol, "Backup Operators");
    ck_assert_uint_eq(tu_group_member_count(pol, bo), 1);
    ck_assert_str_eq(bo->description, "operators");
    policy_unref(pol);
}
END_TEST

static const struct {
    const char *entry;
    size_t n;
    uint16_t ranges[4][2];
} hours[] = {
    {"Mon-Fri 08:00-18:00", 5, {{480, 1080}, {1920, 2520}, {3360, 3960}, {4800, 5400}}},
    {"Sun", 1, {{8640, 10080}}},
    {"Sat-Mon", 2, {{0, 1440}, {7200, 10080}}},
    {"Mon,Wed,Fri 09:00-17:00", 3, {{540, 1020}, {3420, 3900}, {6300, 6780}}},
    {"sunday 22:00-06:00", 2, {{0, 360}, {9960, 10080}}},
    {"Tue 00:00-24:00", 1, {{1440, 2880}}},
};

START_TEST(test_loader_logon_hours)
{
    char yaml[256];
    snprintf(yaml, sizeof yaml, "lsaemu: 1\naccounts:\n  h: { logon_hours: [\"%s\"] }\n",
             hours[_i].entry);
    struct policy *pol = load(yaml);
    const struct account *h = policy_find_account(pol, "h");
    ck_assert_uint_eq(account_x(h)->n_logon_hours, hours[_i].n);
    for (size_t k = 0; k < hours[_i].n && k < 4; k++) {
        ck_assert_uint_eq(account_x(h)->logon_hours[k].start, hours[_i].ranges[k][0]);
        ck_assert_uint_eq(account_x(h)->logon_hours[k].end, hours[_i].ranges[k][1]);
    }
    policy_unref(pol);
}
END_TEST

START_TEST(test_loader_logon_hours_never)
{
    struct policy *pol = load("lsaemu: 1\naccounts:\n  h: { logon_hours: [] }\n");
    const struct account *h = policy_find_account(pol, "h");
    ck_assert(h->has_logon_hours);
    ck_assert_uint_eq(account_x(h)->n_logon_hours, 0);
    policy_unref(pol);
}
END_TEST

START_TEST(test_loader_inline_errors)
{
    ck_assert_str_eq(load_fails("lsaemu: 1\nrights:\n  SeTcbPrivilege: alice\n"),
                     "3:19: expected a list for 'SeTcbPrivilege', got a string");
    ck_assert_str_eq(load_fails("lsaemu: 1\naccounts:\n  bob: { groups: [Everyone] }\n"),
                     "3:19: 'Everyone' in the groups of account 'bob' is a well-known group whose "
                     "membership Windows computes; it cannot be assigned");
    ck_assert_str_eq(load_fails("lsaemu: 1\nmachine: { time: \"2026-02-29T00:00:00Z\" }\n"),
                     "2:18: malformed time '2026-02-29T00:00:00Z' for 'time' (expected RFC 3339, "
                     "e.g. 2026-11-21T10:00:00Z)");
    ck_assert_str_eq(load_fails("lsaemu: 1\ngroups:\n  Guest: {}\n"),
                     "3:3: group 'Guest' has the same name as built-in account 'Guest'");
    ck_assert_str_eq(load_fails("lsaemu: [1]\n"),
                     "1:9: lsaemu: expected the format version 1, got a list");
}
END_TEST

/* ---- Goldens ------------------------------------------------------------------------- */

static char *goldens[128];
static int n_goldens;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void find_goldens(void)
{
    DIR *d = opendir(GOLDEN_DIR);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && n_goldens < 128) {
        size_t n = strlen(e->d_name);
        if (n > 5 && !strcmp(e->d_name + n - 5, ".yaml"))
            goldens[n_goldens++] = strndup(e->d_name, n - 5);
    }
    closedir(d);
    qsort(goldens, (size_t)n_goldens, sizeof *goldens, cmp_str);
}

struct collected {
    char text[32768];
    int calls;
};

static void collect(const struct lsaemu_error *err, void *ctx)
{
    struct collected *c = ctx;
    size_t off = strlen(c->text);
    snprintf(c->text + off, sizeof c->text - off, "%s:%d:%d: %s\n", base_name(err->source),
             err->line, err->column, err->text);
    c->calls++;
}

/* Loads path (which must fail) and checks it: the load's error is the first
 * line of want, validation prints all of want. */
static void expect_golden(const char *path, const char *want)
{
    char got[700];
    size_t first = strcspn(want, "\n") + 1;
    int lines = 0;
    for (const char *p = want; *p; p++)
        lines += *p == '\n';

    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    struct policy *pol = loader_load_file(path, &err);
    ck_assert_msg(pol == NULL, "%s loaded although invalid", path);
    snprintf(got, sizeof got, "%s:%d:%d: %s\n", base_name(err.source), err.line, err.column,
             err.text);
    ck_assert_int_eq(strlen(got), first);
    ck_assert_msg(!strncmp(got, want, first), "got %s", got);

    /* Validation finds the same errors and nothing else. */
    static struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_file(path, collect, &c), lines);
    ck_assert_str_eq(c.text, want);
}

START_TEST(test_loader_golden)
{
    char path[4096], errpath[4096];
    snprintf(path, sizeof path, "%s/%s.yaml", GOLDEN_DIR, goldens[_i]);
    snprintf(errpath, sizeof errpath, "%s/%s.err", GOLDEN_DIR, goldens[_i]);
    expect_golden(path, slurp(errpath));
}
END_TEST

START_TEST(test_loader_goldens_present)
{
    ck_assert_int_ge(n_goldens, 30);
}
END_TEST

START_TEST(test_loader_check_reports_all_in_order)
{
    static const char yaml[] = "lsaemu: 1\n"
                               "processes:\n"
                               "  default: { account: nobody }\n"
                               "accounts:\n"
                               "  alice: { disabled: perhaps, colour: red }\n"
                               "rights:\n"
                               "  SeBogus: []\n";
    struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_string(yaml, sizeof yaml - 1, "x.yaml", collect, &c), 4);
    /* The name that names nothing last: it may be a knock-on. */
    ck_assert_str_eq(c.text,
                     "x.yaml:5:22: expected a boolean (true or false) for 'disabled', got "
                     "'perhaps'\n"
                     "x.yaml:5:31: unknown key 'colour' in account 'alice' (expected one of: "
                     "password, nt_hash, rid, sid, groups, full_name, home_directory, "
                     "home_directory_drive, profile_path, logon_script, disabled, locked_out, "
                     "expires, password_expired, must_change_password, ...)\n"
                     "x.yaml:7:3: unknown right or privilege 'SeBogus'\n"
                     "x.yaml:3:23: account 'nobody' of process 'default' names no account\n");
}
END_TEST

START_TEST(test_loader_unreadable)
{
    struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_file(TESTS_SRCDIR "/data/loader/no-such.yaml", collect, &c),
                     -1);
    ck_assert_str_eq(c.text, "no-such.yaml:0:0: cannot read: No such file or directory\n");
    struct lsaemu_error err;
    ck_assert_ptr_null(loader_load_file(TESTS_SRCDIR "/data/loader/no-such.yaml", &err));
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.text, "cannot read: No such file or directory");
}
END_TEST

START_TEST(test_loader_string_length_and_source)
{
    /* The length bounds the text: what follows is not part of the policy. */
    static const char text[] = "lsaemu: 1\nbogus: 1\n";
    struct policy *pol = loader_load_string(text, 10, NULL, NULL);
    ck_assert_ptr_nonnull(pol);
    ck_assert_str_eq(pol->source, "<string>");
    policy_unref(pol);
    struct lsaemu_error err;
    ck_assert_ptr_null(loader_load_string(text, sizeof text - 1, NULL, &err));
    ck_assert_str_eq(err.source, "<string>");
    ck_assert_int_eq(err.line, 2);
}
END_TEST

/* ---- Files, pipes and devices (issue 11) ------------------------------------------- */

/* A fresh directory under $TMPDIR for one test's files (the source tree may
 * be read-only); the test removes what it made. */
static const char *make_tmp(void)
{
    static __thread char dir[512];
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/lsaemu-loader-XXXXXX", base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

/* Loads path, which must fail; returns "line:column: text". */
static const char *load_file_fails(const char *path)
{
    static __thread char buf[400];
    struct lsaemu_error err;
    struct policy *pol = loader_load_file(path, &err);
    ck_assert_msg(pol == NULL, "%s loaded", path);
    snprintf(buf, sizeof buf, "%d:%d: %s", err.line, err.column, err.text);
    return buf;
}

START_TEST(test_loader_too_large_file)
{
    /* One byte over the limit, sparse: nothing of it is read. */
    const char *dir = make_tmp();
    char path[600];
    snprintf(path, sizeof path, "%s/too-large.yaml", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, (off_t)LOADER_MAX_BYTES + 1), 0);
    close(fd);
    expect_golden(path, slurp(GOLDEN_DIR "/too-large.err"));
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_loader_too_large_string)
{
    /* Only the length is looked at (and the first bytes, for a BOM). */
    char *big = malloc((size_t)LOADER_MAX_BYTES + 1);
    ck_assert_ptr_nonnull(big);
    memcpy(big, "lsaemu: 1\n", 10);
    struct lsaemu_error err;
    ck_assert_ptr_null(loader_load_string(big, (size_t)LOADER_MAX_BYTES + 1, "big", &err));
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 1);
    ck_assert_str_eq(err.text, "policy larger than 64 MiB (67108864 bytes), lsaemu's limit");
    struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_string(big, (size_t)LOADER_MAX_BYTES + 1, "big", collect, &c),
                     1);
    ck_assert_str_eq(c.text, "big:1:1: policy larger than 64 MiB (67108864 bytes), lsaemu's limit\n");
    /* Exactly the limit is read: a policy and a comment of 64 MiB in all
     * (not in the valgrind pass, where parsing 64 MiB takes minutes). */
    const char *fork_mode = getenv("CK_FORK");
    if (!fork_mode || strcmp(fork_mode, "no") != 0) {
        memcpy(big, "lsaemu: 1\n#", 11);
        memset(big + 11, 'x', (size_t)LOADER_MAX_BYTES - 11);
        struct policy *pol = loader_load_string(big, LOADER_MAX_BYTES, "big", &err);
        ck_assert_msg(pol != NULL, "%d:%d: %s", err.line, err.column, err.text);
        policy_unref(pol);
    }
    free(big);
}
END_TEST

/* Writes pipe data until the reader closes its end. */
static void *flood(void *arg)
{
    int fd = *(int *)arg;
    static char block[65536];
    memset(block, '#', sizeof block);
    while (write(fd, block, sizeof block) > 0)
        ;
    close(fd);
    return NULL;
}

START_TEST(test_loader_pipe)
{
    static const char text[] = "\xEF\xBB\xBFlsaemu: 1\nmachine: { name: PIPED }\n";
    int fds[2];
    char path[64];
    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(write(fds[1], text, sizeof text - 1), (ssize_t)sizeof text - 1);
    close(fds[1]);
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    struct lsaemu_error err;
    struct policy *pol = loader_load_file(path, &err);
    ck_assert_msg(pol != NULL, "%d:%d: %s", err.line, err.column, err.text);
    ck_assert_str_eq(pol->machine_name, "PIPED");
    policy_unref(pol);
    close(fds[0]);

    /* A pipe that goes on past the limit: read up to it, then refused.
     * Not in the valgrind pass (CK_FORK=no, HACKING.md): memcheck copies
     * 64 MB of growing buffer slowly enough to take half a minute; the
     * normal and sanitizer runs cover it. */
    const char *fork_mode = getenv("CK_FORK");
    if (fork_mode && !strcmp(fork_mode, "no"))
        return;
    signal(SIGPIPE, SIG_IGN);
    ck_assert_int_eq(pipe(fds), 0);
    pthread_t writer;
    ck_assert_int_eq(pthread_create(&writer, NULL, flood, &fds[1]), 0);
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    ck_assert_str_eq(load_file_fails(path),
                     "1:1: policy larger than 64 MiB (67108864 bytes), lsaemu's limit");
    close(fds[0]);
    pthread_join(writer, NULL);
}
END_TEST

START_TEST(test_loader_fifo_without_writer)
{
    /* Opening a FIFO for reading waits for a writer, unless non-blocking:
     * with none it reads as empty. The alarm turns a hang into a failure
     * also where Check does not fork (and so has no timeout). */
    const char *dir = make_tmp();
    char path[600];
    snprintf(path, sizeof path, "%s/fifo.yaml", dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    alarm(60);
    ck_assert_str_eq(load_file_fails(path), "1:1: empty policy (it needs at least 'lsaemu: 1')");
    struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_file(path, collect, &c), 1);
    ck_assert_str_eq(c.text, "fifo.yaml:1:1: empty policy (it needs at least 'lsaemu: 1')\n");
    alarm(0);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_loader_devices_refused)
{
    /* /dev/zero never ends, a terminal waits for typing: neither is read. */
    struct stat st;
    if (stat("/dev/zero", &st) == 0) {
        ck_assert_str_eq(load_file_fails("/dev/zero"),
                         "0:0: cannot read: not a regular file or a pipe");
        struct collected c;
        c.text[0] = '\0';
        c.calls = 0;
        ck_assert_int_eq(loader_check_file("/dev/zero", collect, &c), -1);
        ck_assert_str_eq(c.text, "zero:0:0: cannot read: not a regular file or a pipe\n");
    }
    ck_assert_str_eq(load_file_fails(TESTS_SRCDIR), "0:0: cannot read: Is a directory");
}
END_TEST

/* ---- The UTF-8 byte-order mark (issue 11) ------------------------------------------ */

/* Texts that give the same result with and without a BOM in front: the
 * mark is not a column. */
static const char *const bom_cases[] = {
    "lsaemu: 1\nmachine: { name: B }\n",
    "lsaemu: 2\n",
    "lsaemu: 1: 2\n",
    "ab\xFF: 1\n",
    "",
    "\tlsaemu: 1\n",
    "[a, b\n",
    "lsaemu: 1\nbogus: x\n",
    "{lsaemu: 1, x: &a [1], y: *a}\n",
};

/* The result of loading text (from a string or through a file): "ok" or
 * the error's "line:column: text". */
static const char *bom_result(const char *text, size_t len, bool file)
{
    static __thread char buf[400];
    struct lsaemu_error err;
    struct policy *pol;
    if (file) {
        const char *dir = make_tmp();
        char path[600];
        snprintf(path, sizeof path, "%s/bom.yaml", dir);
        write_file(path, text, len);
        pol = loader_load_file(path, &err);
        ck_assert_int_eq(unlink(path), 0);
        ck_assert_int_eq(rmdir(dir), 0);
    } else {
        pol = loader_load_string(text, len, "bom", &err);
    }
    if (pol)
        snprintf(buf, sizeof buf, "ok");
    else
        snprintf(buf, sizeof buf, "%d:%d: %s", err.line, err.column, err.text);
    policy_unref(pol);
    return buf;
}

START_TEST(test_loader_bom)
{
    const char *plain = bom_cases[_i];
    char with[256], want[400];
    snprintf(with, sizeof with, "\xEF\xBB\xBF%s", plain);
    for (int file = 0; file < 2; file++) {
        snprintf(want, sizeof want, "%s", bom_result(plain, strlen(plain), file));
        ck_assert_str_eq(bom_result(with, strlen(with), file), want);
    }
}
END_TEST

START_TEST(test_loader_bom_columns)
{
    /* The first line counts from after the mark. */
    ck_assert_str_eq(load_fails("\xEF\xBB\xBFlsaemu: 2\n"),
                     "1:9: lsaemu: 2 is not a supported format version (expected 1)");
    ck_assert_str_eq(load_fails("\xEF\xBB\xBFlsaemu: 1: 2\n"),
                     "1:10: YAML syntax error: mapping values are not allowed in this context");
    ck_assert_str_eq(load_fails("\xEF\xBB\xBF" "ab\xFF: 1\n"),
                     "1:3: not valid UTF-8: byte 0xFF cannot start a character");
    struct policy *pol = load("\xEF\xBB\xBFlsaemu: 1\naccounts:\n  bob: {}\n");
    ck_assert_ptr_nonnull(policy_find_account(pol, "bob"));
    policy_unref(pol);
    pol = loader_load_file(TESTS_SRCDIR "/data/loader/valid/bom.yaml", NULL);
    ck_assert_ptr_nonnull(pol);
    ck_assert_str_eq(pol->machine_name, "BOMPC");
    policy_unref(pol);
}
END_TEST

/* ---- groups: [] (issue 11: UBSan, memcpy with NULL) ------------------------------------ */

START_TEST(test_loader_empty_group_lists)
{
    struct policy *pol = load("lsaemu: 1\n"
                              "groups:\n"
                              "  devs: { members: [] }\n"
                              "accounts:\n"
                              "  bob: { groups: [] }\n"
                              "  carol: { groups: [devs] }\n");
    const struct group *devs = policy_find_group(pol, "devs");
    ck_assert_uint_eq(tu_group_member_count(pol, devs), 1);
    ck_assert(tu_group_has_member(pol, devs, &policy_find_account(pol, "carol")->sid));
    const struct sid *bob = &policy_find_account(pol, "bob")->sid;
    for (size_t g = 0; g < pol->n_groups; g++)
        ck_assert(!tu_group_has_member(pol, &pol->groups[g], bob));
    policy_unref(pol);
    static const char only_bob[] = "lsaemu: 1\naccounts:\n  bob: { groups: [] }\n";
    ck_assert_int_eq(loader_check_string(only_bob, sizeof only_bob - 1, "x", NULL, NULL), 0);
}
END_TEST

/* ---- Limits (issue 11) ---------------------------------------------------------------- */

START_TEST(test_loader_deep_nesting)
{
    /* A million '[' (2 MB): stopped at the limit, after a few events. */
    size_t n = 1000000;
    char *text = malloc(n + 32);
    ck_assert_ptr_nonnull(text);
    strcpy(text, "lsaemu: 1\nx: ");
    memset(text + 13, '[', n);
    text[13 + n] = '\0';
    struct lsaemu_error err;
    ck_assert_ptr_null(loader_load_string(text, strlen(text), "deep", &err));
    ck_assert_int_eq(err.line, 2);
    /* The first '[' is at column 4 and level 2 (the top-level mapping is 1). */
    ck_assert_int_eq(err.column, 4 + LOADER_MAX_DEPTH - 1);
    ck_assert_str_eq(err.text, "nesting deeper than 64 levels, lsaemu's limit");
    struct loader_work w;
    loader_last_work(&w);
    ck_assert_uint_le(w.events, LOADER_MAX_DEPTH + 8);
    free(text);

    /* At the limit: the nesting is fine, the key is not. */
    char ok[256];
    snprintf(ok, sizeof ok, "lsaemu: 1\nx: %.*s%.*s\n", LOADER_MAX_DEPTH - 1,
             "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
             LOADER_MAX_DEPTH - 1,
             "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
    ck_assert_str_eq(load_fails(ok),
                     "2:1: unknown top-level key 'x' (expected one of: lsaemu, machine, base, "
                     "options, groups, accounts, rights, processes, faults, rights_add, "
                     "domain, lockout, packages)");
}
END_TEST

START_TEST(test_loader_errors_bounded_root_cause_first)
{
    /* Names that name nothing come after every other error, whatever the
     * file order (policy-format.md, "Errors": root cause first); within
     * each rank, file order. Here the process errors come first in the
     * file but are listed after the 60 account errors, and the summary
     * stands where the first unlisted one is. */
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\nprocesses:\n");
    for (int i = 0; i < 60; i++)
        fprintf(f, "  p%d: { account: nobody%d }\n", i, i);
    fprintf(f, "accounts:\n");
    for (int i = 0; i < 60; i++)
        fprintf(f, "  a%d: { disabled: perhaps }\n", i);
    fclose(f);
    static struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_string(text, len, "x", collect, &c), LOADER_MAX_ERRORS + 1);
    ck_assert_ptr_eq(strstr(c.text, "x:64:19: expected a boolean (true or false) for "
                                    "'disabled', got 'perhaps'\n"),
                     c.text);
    ck_assert_ptr_nonnull(strstr(c.text, "x:123:20: expected a boolean (true or false) for "
                                         "'disabled', got 'perhaps'\n"
                                         "x:3:18: account 'nobody0' of process 'p0' names no "
                                         "account\n"));
    ck_assert_ptr_nonnull(strstr(c.text, "x:42:19: account 'nobody39' of process 'p39' names "
                                         "no account\n"
                                         "x:43:19: more errors follow (120 in all); only the "
                                         "first 100 are listed\n"));
    ck_assert(strstr(c.text, "x:44:") == NULL);
    /* A load reports the first. */
    ck_assert_str_eq(load_fails(text),
                     "64:19: expected a boolean (true or false) for 'disabled', got 'perhaps'");
    struct loader_work w;
    loader_last_work(&w);
    ck_assert_uint_eq(w.errors, 120);
    free(text);
}
END_TEST

/* ---- Linear growth (issue 11) ----------------------------------------------------------- */

enum alias_mode { ALIAS_VALID, ALIAS_ONE_ERROR, ALIAS_ALL_WRONG };

/*
 * n groups whose members all alias one list of m names, the accounts u0 ..
 * u(m-1): n * m memberships from n + m lines. ALIAS_ONE_ERROR puts one
 * unknown name in the middle of the list, ALIAS_ALL_WRONG makes every name
 * unknown. Free with free().
 */
static char *aliased_members(size_t n, size_t m, enum alias_mode mode)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\naccounts:\n");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "  u%zu: {}\n", i);
    fprintf(f, "groups:\n  g0: { members: &all [");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "%s%s%zu", i ? ", " : "",
                mode == ALIAS_ALL_WRONG || (mode == ALIAS_ONE_ERROR && i == m / 2) ? "x" : "u",
                i);
    fprintf(f, "] }\n");
    for (size_t g = 1; g < n; g++)
        fprintf(f, "  g%zu: { members: *all }\n", g);
    fclose(f);
    return text;
}

/* n accounts whose groups all alias one list of m groups (more than 64, so
 * that they take the general path). */
static char *aliased_groups(size_t n, size_t m, enum alias_mode mode)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\ngroups:\n");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "  g%zu: {}\n", i);
    fprintf(f, "accounts:\n  u0: { groups: &all [");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "%s%s%zu", i ? ", " : "", mode == ALIAS_ONE_ERROR && i == m / 2 ? "x" : "g",
                i);
    fprintf(f, "] }\n");
    for (size_t a = 1; a < n; a++)
        fprintf(f, "  u%zu: { groups: *all }\n", a);
    fclose(f);
    return text;
}

/* n groups that alias one group definition, whose members: (not anchored
 * itself) lists m accounts: the list is the same node for every group. */
static char *aliased_group_mapping(size_t n, size_t m, enum alias_mode mode)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\naccounts:\n");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "  u%zu: {}\n", i);
    fprintf(f, "groups:\n  g0: &def { description: same, members: [");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "%s%s%zu", i ? ", " : "", mode == ALIAS_ONE_ERROR && i == m / 2 ? "x" : "u",
                i);
    fprintf(f, "] }\n");
    for (size_t g = 1; g < n; g++)
        fprintf(f, "  g%zu: *def\n", g);
    fclose(f);
    return text;
}

/* n accounts that alias one account definition (a template) whose groups:
 * lists m groups. */
static char *aliased_account_mapping(size_t n, size_t m, enum alias_mode mode)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\ngroups:\n");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "  g%zu: {}\n", i);
    fprintf(f, "accounts:\n  u0: &t { password: pw, groups: [");
    for (size_t i = 0; i < m; i++)
        fprintf(f, "%s%s%zu", i ? ", " : "", mode == ALIAS_ONE_ERROR && i == m / 2 ? "x" : "g",
                i);
    fprintf(f, "] }\n");
    for (size_t a = 1; a < n; a++)
        fprintf(f, "  u%zu: *t\n", a);
    fclose(f);
    return text;
}

static struct loader_work work_of(const char *text, bool check, bool loads)
{
    struct loader_work w;
    if (check) {
        int n = loader_check_string(text, strlen(text), "w", NULL, NULL);
        ck_assert_int_eq(n == 0, loads);
    } else {
        struct lsaemu_error err;
        struct policy *pol = loader_load_string(text, strlen(text), "w", &err);
        ck_assert_msg((pol != NULL) == loads, "%d:%d: %s", err.line, err.column, err.text);
        policy_unref(pol);
    }
    loader_last_work(&w);
    return w;
}

/* Doubling the input at most doubles the work (2.5: room for constant
 * terms); a quadratic path would give 4. */
static void assert_linear(const char *what, unsigned long small, unsigned long big)
{
    ck_assert_msg(small > 0 && big * 2 <= small * 5,
                  "%s: %lu at size k, %lu at 2k: grows faster than the input", what, small, big);
}

static const struct {
    const char *name;
    char *(*make)(size_t, size_t, enum alias_mode);
    enum alias_mode mode;
    bool check, loads;
} scaling[] = {
    {"members, valid, validate", aliased_members, ALIAS_VALID, true, true},
    {"members, valid, load", aliased_members, ALIAS_VALID, false, true},
    {"members, one error, validate", aliased_members, ALIAS_ONE_ERROR, true, false},
    {"members, one error, load", aliased_members, ALIAS_ONE_ERROR, false, false},
    {"members, all wrong, validate", aliased_members, ALIAS_ALL_WRONG, true, false},
    {"members, all wrong, load", aliased_members, ALIAS_ALL_WRONG, false, false},
    {"groups, valid, load", aliased_groups, ALIAS_VALID, false, true},
    {"groups, one error, validate", aliased_groups, ALIAS_ONE_ERROR, true, false},
    {"groups, one error, load", aliased_groups, ALIAS_ONE_ERROR, false, false},
    {"group mapping, valid, load", aliased_group_mapping, ALIAS_VALID, false, true},
    {"group mapping, one error, load", aliased_group_mapping, ALIAS_ONE_ERROR, false, false},
    {"account mapping, valid, load", aliased_account_mapping, ALIAS_VALID, false, true},
    {"account mapping, one error, validate", aliased_account_mapping, ALIAS_ONE_ERROR, true,
     false},
};

START_TEST(test_loader_alias_scaling)
{
    /* k groups (accounts) aliasing a list of k names, then 2k and 2k: the
     * text doubles, the memberships it means quadruple. Names are resolved
     * and errors found once per list, whatever aliases it, and a list is
     * stored once and shared: the memberships built (list items, plus one
     * reference per group or account using the list) double too. Sizes
     * whose memberships, multiplied out, the loader's alias limit used to
     * refuse (16 Mi) load the same way: see test_loader_alias_large. */
    const size_t k = 150;
    struct loader_work w[2];
    for (int i = 0; i < 2; i++) {
        size_t n = k << i;
        char *text = scaling[_i].make(n, n, scaling[_i].mode);
        w[i] = work_of(text, scaling[_i].check, scaling[_i].loads);
        free(text);
        unsigned long want_errors = scaling[_i].mode == ALIAS_ALL_WRONG ? n
                                    : scaling[_i].mode == ALIAS_ONE_ERROR ? 1
                                                                            : 0;
        ck_assert_uint_eq(w[i].errors, want_errors);
        if (scaling[_i].mode != ALIAS_VALID) {
            /* A failing load or validation stops building at its first
             * error (half the first list). */
            ck_assert_uint_le(w[i].members, n);
        } else {
            /* A load or validation that succeeds (validating builds what
             * a load does, for the checks of the finished policy) stores
             * the list once and refers to it (at most: the list, a
             * reference per user, and the first account's own
             * memberships). Copies per group would be n * n. */
            ck_assert_uint_ge(w[i].members, 2 * n - 1);
            ck_assert_uint_le(w[i].members, 3 * n);
        }
    }
    assert_linear("events", w[0].events, w[1].events);
    assert_linear("lookups", w[0].lookups, w[1].lookups);
    if (scaling[_i].loads)
        assert_linear("memberships", w[0].members, w[1].members);
}
END_TEST

START_TEST(test_loader_alias_large)
{
    /* The issue's shape: groups aliasing one list of 3000 names, 6000 of
     * them (a file of about 200 KB meaning 18 million memberships, which
     * the alias limit counted and refused past 16 Mi), then twice as many.
     * Loads, at the cost of the file. A member of the list is in every
     * group, through one shared set read in place; Guest only in Guests. */
    struct loader_work w[2];
    for (int i = 0; i < 2; i++) {
        size_t groups = 6000u << i, names = 3000;
        char *text = aliased_members(groups, names, ALIAS_VALID);
        struct lsaemu_error err;
        struct policy *pol = loader_load_string(text, strlen(text), "w", &err);
        free(text);
        ck_assert_msg(pol != NULL, "%d:%d: %s", err.line, err.column, err.text);
        loader_last_work(&w[i]);
        ck_assert_uint_le(w[i].members, names + groups);
        const struct account *u = policy_find_account(pol, "u1234");
        struct policy_sid_info info;
        uint32_t *buf = NULL;
        size_t cap = 0, n;
        const uint32_t *g;
        policy_sid_info(pol, &u->sid, &info);
        ck_assert_int_eq(policy_info_groups(pol, &info, &buf, &cap, &g, &n), 0);
        ck_assert_uint_eq(n, groups);
        ck_assert_ptr_null(buf); /* one shared set: read in place */
        ck_assert_str_eq(pol->groups[g[0]].name, "g0");
        ck_assert_str_eq(pol->groups[g[n - 1]].name, i ? "g11999" : "g5999");
        policy_sid_info(pol, &policy_find_account(pol, "Guest")->sid, &info);
        ck_assert_int_eq(policy_info_groups(pol, &info, &buf, &cap, &g, &n), 0);
        ck_assert_uint_eq(n, 1); /* Guests only */
        policy_unref(pol);
    }
    assert_linear("events", w[0].events, w[1].events);
    assert_linear("memberships", w[0].members, w[1].members);
}
END_TEST

/* 4000 accounts aliasing one list of 1000 names: as their groups: (stored
 * once, counts 1 per alias) or as their workstations: (copied into every
 * account, counts its size: past LOADER_MAX_ALIAS_SIZE at the 3431st). */
static char *aliased_account_lists(const char *key)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\ngroups:\n");
    for (size_t i = 0; i < 1000; i++)
        fprintf(f, "  w%zu: {}\n", i);
    fprintf(f, "accounts:\n  u0: { %s: &l [", key);
    for (size_t i = 0; i < 1000; i++)
        fprintf(f, "%sw%zu", i ? ", " : "", i);
    fprintf(f, "] }\n");
    for (size_t a = 1; a < 4000; a++)
        fprintf(f, "  u%zu: { %s: *l }\n", a, key);
    fclose(f);
    return text;
}

START_TEST(test_loader_alias_limit_counts_copies)
{
    char *text = aliased_account_lists("groups");
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(text, strlen(text), "w", &err);
    ck_assert_msg(pol != NULL, "%d:%d: %s", err.line, err.column, err.text);
    ck_assert_uint_eq(policy_find_account(pol, "u3999")->groups_list,
                      policy_find_account(pol, "u1")->groups_list);
    policy_unref(pol);
    free(text);
    text = aliased_account_lists("workstations");
    ck_assert_ptr_null(loader_load_string(text, strlen(text), "w", &err));
    free(text);
    /* Each name "wN" counts 1 + its bytes; the list 1 + that. */
    size_t size = 1;
    for (size_t i = 0; i < 1000; i++)
        size += 1 + (size_t)snprintf(NULL, 0, "w%zu", i);
    size_t over = LOADER_MAX_ALIAS_SIZE / size + 1; /* the alias that goes over */
    ck_assert_int_eq(err.line, (int)(1004 + over));
    ck_assert_str_eq(err.text,
                     "aliases repeat more than 16777216 nodes and bytes of text in all, "
                     "lsaemu's limit");
}
END_TEST

START_TEST(test_loader_anchor_scaling)
{
    /* k anchors and k aliases, then 2k: finding an anchor does not scan
     * the ones before it. */
    unsigned long lookups[2];
    for (int i = 0; i < 2; i++) {
        size_t n = 2000u << i;
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        fprintf(f, "lsaemu: 1\naccounts:\n");
        for (size_t a = 0; a < n; a++)
            fprintf(f, "  u%zu: { full_name: &n%zu \"User %zu\" }\n", a, a, a);
        fprintf(f, "groups:\n");
        for (size_t g = 0; g < n; g++)
            fprintf(f, "  g%zu: { description: *n%zu }\n", g, g);
        fclose(f);
        struct loader_work w = work_of(text, false, true);
        lookups[i] = w.lookups;
        free(text);
    }
    assert_linear("anchor lookups", lookups[0], lookups[1]);
}
END_TEST

START_TEST(test_loader_aliased_list_errors_once)
{
    /* One wrong name in a list three groups alias: one error, at the name,
     * naming the first group that uses the list. */
    static const char yaml[] = "lsaemu: 1\n"
                               "accounts: { alice: {} }\n"
                               "groups:\n"
                               "  a: { members: &m [alice, nobody] }\n"
                               "  b: { members: *m }\n"
                               "  c: { members: *m }\n";
    struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_string(yaml, sizeof yaml - 1, "x", collect, &c), 1);
    ck_assert_str_eq(c.text, "x:4:28: member 'nobody' of group 'a' names no account, group or "
                             "well-known SID\n");
    /* Valid, every group gets the members. */
    struct policy *pol = load("lsaemu: 1\n"
                              "accounts: { alice: {}, bob: {} }\n"
                              "groups:\n"
                              "  a: { members: &m [alice, bob] }\n"
                              "  b: { members: *m }\n"
                              "  Users: { members: *m }\n"
                              "  c: { members: [alice] }\n");
    const struct sid *bob = &policy_find_account(pol, "bob")->sid;
    ck_assert_uint_eq(tu_group_member_count(pol, policy_find_group(pol, "a")), 2);
    ck_assert_uint_eq(tu_group_member_count(pol, policy_find_group(pol, "b")), 2);
    ck_assert(tu_group_has_member(pol, policy_find_group(pol, "b"), bob));
    const struct group *users = policy_find_group(pol, "Users");
    /* Its built-in members and the list's. */
    ck_assert(tu_group_has_member(pol, users, bob));
    ck_assert_uint_eq(tu_group_member_count(pol, users), 4);
    ck_assert_uint_eq(tu_group_member_count(pol, policy_find_group(pol, "c")), 1);
    /* One list, stored once: a and b (and Users) share it. */
    ck_assert_uint_eq(policy_find_group(pol, "a")->list, policy_find_group(pol, "b")->list);
    ck_assert_uint_eq(policy_find_group(pol, "a")->list, users->list);
    policy_unref(pol);
}
END_TEST

static Suite *make_loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("valid");
    tcase_add_test(tc, test_loader_full_example);
    tcase_add_test(tc, test_loader_minimal_and_default);
    tcase_add_test(tc, test_loader_machine_and_options);
    tcase_add_test(tc, test_loader_builtin_changes);
    tcase_add_loop_test(tc, test_loader_logon_hours, 0, sizeof hours / sizeof hours[0]);
    tcase_add_test(tc, test_loader_logon_hours_never);
    suite_add_tcase(s, tc);
    tc = tcase_create("invalid");
    find_goldens();
    tcase_add_test(tc, test_loader_goldens_present);
    tcase_add_loop_test(tc, test_loader_golden, 0, n_goldens);
    tcase_add_test(tc, test_loader_inline_errors);
    tcase_add_test(tc, test_loader_check_reports_all_in_order);
    tcase_add_test(tc, test_loader_unreadable);
    tcase_add_test(tc, test_loader_string_length_and_source);
    suite_add_tcase(s, tc);
    tc = tcase_create("input");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_loader_too_large_file);
    tcase_add_test(tc, test_loader_too_large_string);
    tcase_add_test(tc, test_loader_pipe);
    tcase_add_test(tc, test_loader_fifo_without_writer);
    tcase_add_test(tc, test_loader_devices_refused);
    tcase_add_loop_test(tc, test_loader_bom, 0, sizeof bom_cases / sizeof bom_cases[0]);
    tcase_add_test(tc, test_loader_bom_columns);
    tcase_add_test(tc, test_loader_empty_group_lists);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_loader_deep_nesting);
    tcase_add_test(tc, test_loader_errors_bounded_root_cause_first);
    tcase_add_test(tc, test_loader_alias_large);
    tcase_add_test(tc, test_loader_alias_limit_counts_copies);
    tcase_add_loop_test(tc, test_loader_alias_scaling, 0, sizeof scaling / sizeof scaling[0]);
    tcase_add_test(tc, test_loader_anchor_scaling);
    tcase_add_test(tc, test_loader_aliased_list_errors_once);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    int rc = tu_run_suite(make_loader_suite());
    for (int i = 0; i < n_goldens; i++)
        free(goldens[i]);
    return rc;
}
