/* SPDX-License-Identifier: MIT */
/*
 * The YAML loader: valid policies load to the expected model, every invalid
 * golden fails with exactly its expected message, and validation reports
 * every error in file order.
 *
 * Goldens: tests/data/loader/invalid/NAME.yaml with NAME.err holding the one
 * expected line "NAME.yaml:LINE:COLUMN: message". The loader is given the
 * full path; the test replaces the directory part of the error's source with
 * nothing (basename) before comparing, so the goldens do not depend on where
 * the tree is. tests/check-validate.sh runs the tool from inside the golden
 * directory, where the tool's output already has that form.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "core/policy.h"
#include "core/status.h"
#include "policy/loader.h"
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
    static char buf[4096];
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
    ck_assert_ptr_null(pol->machine_domain);

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
    ck_assert_uint_eq(dev->n_members, 1);
    ck_assert(sid_equal(policy_member(pol, dev, 0), &alice->sid));

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
    ck_assert_str_eq(pol->machine_domain, "CORP");
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
    ck_assert_uint_eq(bo->n_members, 1);
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
    ck_assert_uint_eq(devs->n_members, 1);
    ck_assert(sid_equal(policy_member(pol, devs, 0), &policy_find_account(pol, "carol")->sid));
    const struct sid *bob = &policy_find_account(pol, "bob")->sid;
    for (size_t g = 0; g < pol->n_groups; g++)
        for (size_t k = 0; k < pol->groups[g].n_members; k++)
            ck_assert(!sid_equal(policy_member(pol, &pol->groups[g], k), bob));
    policy_unref(pol);
    static const char only_bob[] = "lsaemu: 1\naccounts:\n  bob: { groups: [] }\n";
    ck_assert_int_eq(loader_check_string(only_bob, sizeof only_bob - 1, "x", NULL, NULL), 0);
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
    char text[4096];
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

START_TEST(test_loader_golden)
{
    char path[4096], errpath[4096], got[700];
    snprintf(path, sizeof path, "%s/%s.yaml", GOLDEN_DIR, goldens[_i]);
    snprintf(errpath, sizeof errpath, "%s/%s.err", GOLDEN_DIR, goldens[_i]);
    const char *want = slurp(errpath);

    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    struct policy *pol = loader_load_file(path, &err);
    ck_assert_msg(pol == NULL, "%s loaded although invalid", goldens[_i]);
    snprintf(got, sizeof got, "%s:%d:%d: %s\n", base_name(err.source), err.line, err.column,
             err.text);
    ck_assert_str_eq(got, want);

    /* Validation finds the same error and nothing else (one error per golden). */
    struct collected c;
    c.text[0] = '\0';
    c.calls = 0;
    ck_assert_int_eq(loader_check_file(path, collect, &c), 1);
    ck_assert_str_eq(c.text, want);
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
    ck_assert_str_eq(c.text,
                     "x.yaml:3:23: account 'nobody' of process 'default' names no account\n"
                     "x.yaml:5:22: expected a boolean (true or false) for 'disabled', got "
                     "'perhaps'\n"
                     "x.yaml:5:31: unknown key 'colour' in account 'alice' (expected one of: "
                     "password, nt_hash, rid, sid, groups, full_name, home_directory, "
                     "home_directory_drive, profile_path, logon_script, disabled, locked_out, "
                     "expires, password_expired, must_change_password, ...)\n"
                     "x.yaml:7:3: unknown right or privilege 'SeBogus'\n");
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
    tcase_add_test(tc, test_loader_empty_group_lists);
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
    return s;
}

int main(void)
{
    int rc = tu_run_suite(make_loader_suite());
    for (int i = 0; i < n_goldens; i++)
        free(goldens[i]);
    return rc;
}
