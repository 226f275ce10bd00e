/* SPDX-License-Identifier: MIT */
/*
 * Fixtures that never let a mistake pass (issue 15), at the loader:
 * rights_add: and how it combines with rights: and base:, the warnings of
 * validation (a rights: entry that drops stock holders), and a privilege
 * in enabled: the process does not hold. The messages of the errors are
 * the goldens' (tests/data/loader/invalid); here, what loads and what it
 * means.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "core/model/policy.h"
#include "loader/loader.h"
#include "testutil.h"

static struct policy *load(const char *yaml)
{
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(yaml, strlen(yaml), "<test>", &err);
    ck_assert_msg(pol != NULL, "%d:%d: %s", err.line, err.column, err.text);
    return pol;
}

/* "S-1-5-32-544 S-1-5-32-551": the holders of a right, in the policy's
 * order, as SID strings. */
static const char *holders(const struct policy *pol, const char *right)
{
    static char buf[2048];
    int id = right_by_name(right);
    ck_assert_int_ge(id, 0);
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < pol->n_holders[id]; i++) {
        char s[SID_STRING_MAX];
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? " " : "",
                                sid_format(&pol->holders[id][i], s));
    }
    return buf;
}

#define ADM "S-1-5-32-544"
#define USR "S-1-5-32-545"
#define BAK "S-1-5-32-551"
#define PERF "S-1-5-32-559"
#define ALICE "S-1-5-21-1000-2000-3000-1000"
#define BOB "S-1-5-21-1000-2000-3000-1001"

/* ---- rights_add: ------------------------------------------------------------------ */

static const struct {
    const char *name;
    const char *yaml; /* after lsaemu: 1 and the accounts alice, bob */
    const char *right;
    const char *want;
} add_cases[] = {
    /* Adds to the stock holders of base (behavior.md 4.2): server's batch
     * right is Administrators, Backup Operators, Performance Log Users. */
    {"stock of base server", "base: server\nrights_add:\n  SeBatchLogonRight: [alice]\n",
     "SeBatchLogonRight", ADM " " BAK " " PERF " " ALICE},
    /* The role decides the base when base: is absent. */
    {"stock of the role", "machine: { role: server }\nrights_add:\n  SeBatchLogonRight: [bob]\n",
     "SeBatchLogonRight", ADM " " BAK " " PERF " " BOB},
    {"stock of base workstation", "rights_add:\n  SeBatchLogonRight: [alice, bob]\n",
     "SeBatchLogonRight", ADM " " ALICE " " BOB},
    /* To the rights: entry of the same right, whatever the order of the
     * sections. */
    {"after rights:",
     "rights:\n  SeBatchLogonRight: [alice]\nrights_add:\n  SeBatchLogonRight: [bob]\n",
     "SeBatchLogonRight", ALICE " " BOB},
    {"before rights:",
     "rights_add:\n  SeBatchLogonRight: [bob]\nrights:\n  SeBatchLogonRight: [alice]\n",
     "SeBatchLogonRight", ALICE " " BOB},
    {"to an empty rights: entry",
     "rights:\n  SeBatchLogonRight: []\nrights_add:\n  SeBatchLogonRight: [bob]\n",
     "SeBatchLogonRight", BOB},
    {"base none", "base: none\nrights_add:\n  SeBatchLogonRight: [alice]\n", "SeBatchLogonRight",
     ALICE},
    /* A holder the right already has holds it once. */
    {"already a holder",
     "rights_add:\n  SeBatchLogonRight: [Administrators, \"*S-1-5-32-544\", alice, alice]\n",
     "SeBatchLogonRight", ADM " " ALICE},
    {"an empty list adds nothing", "rights_add:\n  SeBatchLogonRight: []\n", "SeBatchLogonRight",
     ADM},
    {"null adds nothing", "rights_add:\n  SeBatchLogonRight:\n", "SeBatchLogonRight", ADM},
    /* Other rights keep their stock holders. */
    {"others untouched", "rights_add:\n  SeBatchLogonRight: [alice]\n", "SeNetworkLogonRight",
     "S-1-1-0 " ADM " " USR " " BAK},
};

START_TEST(rights_add_combines)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "lsaemu: 1\naccounts:\n  alice: { password: x }\n  bob: { password: y }\n%s",
             add_cases[_i].yaml);
    struct policy *pol = load(yaml);
    ck_assert_msg(strcmp(holders(pol, add_cases[_i].right), add_cases[_i].want) == 0,
                  "%s: got %s, want %s", add_cases[_i].name, holders(pol, add_cases[_i].right),
                  add_cases[_i].want);
    policy_unref(pol);
}
END_TEST

/* Saved (every right written out, base: none) and loaded again, a policy
 * with rights_add: has the same holders. */
START_TEST(rights_add_saves_as_holders)
{
    tu_load_policy_text("lsaemu: 1\naccounts:\n  alice: { password: x }\n"
                        "rights_add:\n  SeBatchLogonRight: [alice]\n");
    char path[] = "/tmp/lsaemu-fixtures-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_save_policy_file(path, &err), 0);
    struct lsaemu_error lerr;
    struct policy *pol = loader_load_file(path, &lerr);
    unlink(path);
    ck_assert_ptr_nonnull(pol);
    ck_assert_str_eq(holders(pol, "SeBatchLogonRight"), ADM " " ALICE);
    policy_unref(pol);
}
END_TEST

/* ---- Warnings --------------------------------------------------------------------- */

struct lines {
    char text[4096];
    int n;
};

static void collect(const struct lsaemu_error *e, void *ctx)
{
    struct lines *l = ctx;
    size_t off = strlen(l->text);
    snprintf(l->text + off, sizeof l->text - off, "%d:%d: %s\n", e->line, e->column, e->text);
    l->n++;
}

static const struct {
    const char *name;
    const char *yaml; /* after lsaemu: 1 and the account alice */
    const char *want;
} warn_cases[] = {
    {"drops stock holders", "rights:\n  SeNetworkLogonRight: [alice]\n",
     "5:3: rights: SeNetworkLogonRight replaces the stock holders; Everyone, Administrators, "
     "Users, Backup Operators no longer hold it (use rights_add: to add instead)\n"},
    {"one holder", "rights:\n  SeRemoteInteractiveLogonRight: [Administrators]\n",
     "5:3: rights: SeRemoteInteractiveLogonRight replaces the stock holders; Remote Desktop "
     "Users no longer holds it (use rights_add: to add instead)\n"},
    {"an empty list", "rights:\n  SeBatchLogonRight: []\n",
     "5:3: rights: SeBatchLogonRight replaces the stock holders; Administrators no longer "
     "holds it (use rights_add: to add instead)\n"},
    /* What rights_add: gives back is not dropped. */
    {"given back by rights_add:",
     "rights:\n  SeBatchLogonRight: [alice]\nrights_add:\n  SeBatchLogonRight: [Administrators]\n",
     ""},
    /* Keeping every stock holder, in any order or spelling, is no warning. */
    {"a superset", "rights:\n  SeNetworkLogonRight: [Users, \"*S-1-1-0\", alice, "
                   "BUILTIN\\Administrators, Backup Operators]\n",
     ""},
    {"no stock holders", "rights:\n  SeDenyBatchLogonRight: [alice]\n", ""},
    {"base none", "base: none\nrights:\n  SeNetworkLogonRight: [alice]\n", ""},
    {"rights_add: alone", "rights_add:\n  SeNetworkLogonRight: [alice]\n", ""},
    /* Two rights: warnings in file order. */
    {"two", "rights:\n  SeShutdownPrivilege: [Administrators]\n  SeBatchLogonRight: [alice]\n",
     "5:3: rights: SeShutdownPrivilege replaces the stock holders; Users, Backup Operators no "
     "longer hold it (use rights_add: to add instead)\n"
     "6:3: rights: SeBatchLogonRight replaces the stock holders; Administrators no longer holds "
     "it (use rights_add: to add instead)\n"},
};

START_TEST(warnings_of_rights)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml, "lsaemu: 1\naccounts:\n  alice: { password: x }\n%s",
             warn_cases[_i].yaml);
    /* A valid policy: whatever the callback gets is a warning. */
    struct lines warnings = {"", 0};
    ck_assert_int_eq(loader_check_string_warn(yaml, strlen(yaml), "w", collect, collect,
                                              &warnings),
                     0);
    ck_assert_msg(strcmp(warnings.text, warn_cases[_i].want) == 0, "%s: got\n%s",
                  warn_cases[_i].name, warnings.text);
    /* Without asking: none, and the same result. */
    struct lines none = {"", 0};
    ck_assert_int_eq(loader_check_string(yaml, strlen(yaml), "w", collect, &none), 0);
    ck_assert_int_eq(none.n, 0);
    /* A load is unaffected. */
    policy_unref(load(yaml));
}
END_TEST

/* Warnings come after the errors and do not count in the result. */
static void collect_error(const struct lsaemu_error *e, void *ctx)
{
    struct lines *l = ctx;
    size_t off = strlen(l->text);
    snprintf(l->text + off, sizeof l->text - off, "E %d:%d\n", e->line, e->column);
    l->n++;
}

static void collect_warning(const struct lsaemu_error *e, void *ctx)
{
    struct lines *l = ctx;
    size_t off = strlen(l->text);
    snprintf(l->text + off, sizeof l->text - off, "W %d:%d\n", e->line, e->column);
}

START_TEST(warnings_after_errors)
{
    static const char yaml[] = "lsaemu: 1\n"
                               "rights:\n"
                               "  SeNetworkLogonRight: [Administrators]\n"
                               "  SeBatchLogonRight: [nobody]\n";
    struct lines l = {"", 0};
    ck_assert_int_eq(
        loader_check_string_warn(yaml, sizeof yaml - 1, "w", collect_error, collect_warning, &l),
        1);
    ck_assert_str_eq(l.text, "E 4:23\nW 3:3\nW 4:3\n");
}
END_TEST

/* ---- enabled: ------------------------------------------------------------------------ */

static const struct {
    const char *name;
    const char *process; /* a processes: entry for alice (in Users), svc and Backup Operators */
    bool loads;
} enabled_cases[] = {
    /* Held through Users (stock on a workstation). */
    {"through a stock group", "{ account: alice, enabled: [SeShutdownPrivilege] }", true},
    /* Held through the account itself. */
    {"granted by rights:", "{ account: svc, enabled: [SeTcbPrivilege] }", true},
    /* Held through a group of the file. */
    {"through Backup Operators", "{ account: bak, enabled: [SeBackupPrivilege] }", true},
    /* SYSTEM holds every privilege. */
    {"SYSTEM", "{ account: SYSTEM, enabled: [SeTcbPrivilege, SeDebugPrivilege] }", true},
    {"not held: SeDebugPrivilege", "{ account: alice, enabled: [SeDebugPrivilege] }", false},
    {"not held", "{ account: alice, enabled: [SeTcbPrivilege] }", false},
    {"not held by a service account",
     "{ account: LOCAL SERVICE, enabled: [SeBackupPrivilege] }", false},
    /* Held by LOCAL SERVICE on a workstation (stock SeImpersonatePrivilege). */
    {"held by a service account",
     "{ account: LocalService, enabled: [SeImpersonatePrivilege], session: 0 }", true},
};

START_TEST(enabled_must_be_held)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "lsaemu: 1\n"
             "accounts:\n"
             "  alice: { password: x, groups: [Users] }\n"
             "  svc: { password: y }\n"
             "  bak: { password: z, groups: [Backup Operators] }\n"
             "rights:\n"
             "  SeTcbPrivilege: [svc]\n"
             "processes:\n"
             "  p: %s\n",
             enabled_cases[_i].process);
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(yaml, strlen(yaml), "e", &err);
    ck_assert_msg((pol != NULL) == enabled_cases[_i].loads, "%s: %s", enabled_cases[_i].name,
                  pol ? "loaded" : err.text);
    if (!pol) {
        ck_assert_int_eq(err.line, 9);
        ck_assert_ptr_nonnull(strstr(err.text, "process 'p' cannot enable Se"));
        ck_assert_ptr_nonnull(strstr(err.text, "does not hold it; grant it under rights:"));
    }
    policy_unref(pol);
    /* Validation says the same. */
    ck_assert_int_eq(loader_check_string(yaml, strlen(yaml), "e", NULL, NULL),
                     enabled_cases[_i].loads ? 0 : 1);
}
END_TEST

/* rights_add: grants what enabled: needs. */
START_TEST(enabled_after_rights_add)
{
    struct policy *pol = load("lsaemu: 1\n"
                              "accounts:\n  alice: { password: x }\n"
                              "rights_add:\n  SeDebugPrivilege: [alice]\n"
                              "processes:\n  p: { account: alice, enabled: [SeDebugPrivilege] }\n");
    policy_unref(pol);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("fixtures");
    TCase *tc = tcase_create("rights_add");
    tcase_add_loop_test(tc, rights_add_combines, 0, sizeof add_cases / sizeof add_cases[0]);
    tcase_add_test(tc, rights_add_saves_as_holders);
    suite_add_tcase(s, tc);
    tc = tcase_create("warnings");
    tcase_add_loop_test(tc, warnings_of_rights, 0, sizeof warn_cases / sizeof warn_cases[0]);
    tcase_add_test(tc, warnings_after_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("enabled");
    tcase_add_loop_test(tc, enabled_must_be_held, 0,
                        sizeof enabled_cases / sizeof enabled_cases[0]);
    tcase_add_test(tc, enabled_after_rights_add);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
