/* SPDX-License-Identifier: MIT */
/*
 * The policy model: built-ins, RIDs in file order, principal spellings,
 * group expansion, rights look-ups, the stock bases and their spelled-out
 * files, MD4 and the well-known SID table.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "core/model/bases.h"
#include "base/md4.h"
#include "core/model/policy_build.h"
#include "core/model/wellknown.h"
#include "loader/loader.h"
#include "testutil.h"

static struct policy *load(const char *yaml)
{
    struct lsaemu_error err;
    struct policy *pol = loader_load_string(yaml, strlen(yaml), "<test>", &err);
    ck_assert_msg(pol != NULL, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
    return pol;
}

static struct sid S(const char *text)
{
    struct sid s;
    ck_assert_msg(sid_parse(text, &s), "bad SID in test: %s", text);
    return s;
}

static const char *fmt(const struct sid *s)
{
    static __thread char buf[SID_STRING_MAX];
    return sid_format(s, buf);
}

#define ck_assert_sid(got, want) ck_assert_str_eq(fmt(got), want)

/* ---- Built-ins ----------------------------------------------------------------- */

START_TEST(test_policy_builtins)
{
    struct policy *pol = loader_default_policy();
    ck_assert_ptr_nonnull(pol);
    const struct account *sys = policy_find_account(pol, "system");
    ck_assert_ptr_nonnull(sys);
    ck_assert_sid(&sys->sid, "S-1-5-18");
    ck_assert_int_eq(sys->kind, ACCOUNT_SYSTEM);
    ck_assert_str_eq(sys->domain, "NT AUTHORITY");
    ck_assert_sid(&policy_find_account(pol, "LOCAL SERVICE")->sid, "S-1-5-19");
    ck_assert_int_eq(policy_find_account(pol, "NETWORK SERVICE")->kind, ACCOUNT_NETWORK_SERVICE);
    const struct account *admin = policy_find_account(pol, "administrator");
    ck_assert_sid(&admin->sid, "S-1-5-21-1000-2000-3000-500");
    ck_assert(admin->disabled && admin->builtin && admin->blank_password);
    ck_assert_str_eq(admin->domain, "WORKSTATION");
    ck_assert(policy_find_account(pol, "Guest")->disabled);

    const struct group *admins = policy_find_group(pol, "Administrators");
    ck_assert_sid(&admins->sid, "S-1-5-32-544");
    ck_assert_str_eq(admins->domain, "BUILTIN");
    ck_assert_uint_eq(admins->n_members, 1);
    ck_assert_sid(policy_member(pol, admins, 0), "S-1-5-21-1000-2000-3000-500");
    const struct group *users = policy_find_group(pol, "users");
    ck_assert_uint_eq(users->n_members, 2);
    ck_assert_sid(policy_member(pol, users, 0), "S-1-5-11");
    ck_assert_sid(policy_member(pol, users, 1), "S-1-5-4");
    ck_assert_sid(policy_member(pol, policy_find_group(pol, "Guests"), 0), "S-1-5-21-1000-2000-3000-501");
    static const char *const aliases[][2] = {
        {"Power Users", "S-1-5-32-547"},
        {"Backup Operators", "S-1-5-32-551"},
        {"Remote Desktop Users", "S-1-5-32-555"},
        {"Performance Log Users", "S-1-5-32-559"},
    };
    for (size_t i = 0; i < 4; i++)
        ck_assert_sid(&policy_find_group(pol, aliases[i][0])->sid, aliases[i][1]);
    const struct group *none = policy_find_group(pol, "None");
    ck_assert_sid(&none->sid, "S-1-5-21-1000-2000-3000-513");
    ck_assert_str_eq(none->domain, "WORKSTATION");

    const struct process_entry *def = policy_find_process(pol, "default");
    ck_assert_ptr_nonnull(def);
    ck_assert_int_eq(pol->accounts[def->account].kind, ACCOUNT_SYSTEM);
    ck_assert_uint_eq(def->session, 1);
    ck_assert_int_eq(pol->base, BASE_WORKSTATION);
    ck_assert(pol->blank_password_console_only);
    ck_assert(!pol->require_logon_process);
    policy_unref(pol);
}
END_TEST

START_TEST(test_policy_machine_sid_moves_builtins)
{
    struct policy *pol = load("lsaemu: 1\nmachine: { name: WS1, sid: S-1-5-21-7-8-9 }\n");
    ck_assert_sid(&policy_find_account(pol, "Guest")->sid, "S-1-5-21-7-8-9-501");
    ck_assert_str_eq(policy_find_account(pol, "Guest")->domain, "WS1");
    ck_assert_sid(&policy_find_group(pol, "None")->sid, "S-1-5-21-7-8-9-513");
    ck_assert_sid(&pol->holders[right_by_name("SeDenyNetworkLogonRight")][0],
                  "S-1-5-21-7-8-9-501");
    policy_unref(pol);
}
END_TEST

/* ---- RIDs ------------------------------------------------------------------------ */

START_TEST(test_policy_rids_file_order)
{
    struct policy *pol = load("lsaemu: 1\n"
                              "accounts:\n"
                              "  first: {}\n"
                              "  second: { rid: 1001 }\n"
                              "  third: {}\n"
                              "groups:\n"
                              "  G1: {}\n"
                              "  G2: { sid: S-1-5-21-1000-2000-3000-1000 }\n"
                              "  G3: {}\n");
    /* Groups first (G1 1002? no: the counter skips explicit 1000 and 1001). */
    ck_assert_sid(&policy_find_group(pol, "G1")->sid, "S-1-5-21-1000-2000-3000-1002");
    ck_assert_sid(&policy_find_group(pol, "G2")->sid, "S-1-5-21-1000-2000-3000-1000");
    ck_assert_sid(&policy_find_group(pol, "G3")->sid, "S-1-5-21-1000-2000-3000-1003");
    ck_assert_sid(&policy_find_account(pol, "first")->sid, "S-1-5-21-1000-2000-3000-1004");
    ck_assert_sid(&policy_find_account(pol, "second")->sid, "S-1-5-21-1000-2000-3000-1001");
    ck_assert_sid(&policy_find_account(pol, "third")->sid, "S-1-5-21-1000-2000-3000-1005");
    policy_unref(pol);
}
END_TEST

START_TEST(test_policy_first_account_is_1000)
{
    struct policy *pol = load("lsaemu: 1\naccounts:\n  alice: {}\n  bob: {}\n");
    ck_assert_sid(&policy_find_account(pol, "alice")->sid, "S-1-5-21-1000-2000-3000-1000");
    ck_assert_sid(&policy_find_account(pol, "BOB")->sid, "S-1-5-21-1000-2000-3000-1001");
    ck_assert_ptr_eq(policy_find_account_sid(pol, &policy_find_account(pol, "bob")->sid),
                     policy_find_account(pol, "bob"));
    policy_unref(pol);
}
END_TEST

/* ---- Principal spellings ----------------------------------------------------------- */

static const struct {
    const char *text;
    const char *sid; /* NULL: names nothing */
} principals[] = {
    {"alice", "S-1-5-21-1000-2000-3000-1000"},
    {"ALICE", "S-1-5-21-1000-2000-3000-1000"},
    {"WS1\\alice", "S-1-5-21-1000-2000-3000-1000"},
    {"ws1\\Alice", "S-1-5-21-1000-2000-3000-1000"},
    {".\\alice", "S-1-5-21-1000-2000-3000-1000"},
    {"OTHER\\alice", NULL},
    {"Developers", "S-1-5-21-1000-2000-3000-1001"},
    {"WS1\\Developers", "S-1-5-21-1000-2000-3000-1001"},
    {"BUILTIN\\Administrators", "S-1-5-32-544"},
    {"Administrators", "S-1-5-32-544"},
    {"builtin\\users", "S-1-5-32-545"},
    {"BUILTIN\\Account Operators", "S-1-5-32-548"},
    {"NT AUTHORITY\\SYSTEM", "S-1-5-18"},
    {"SYSTEM", "S-1-5-18"},
    {"NT AUTHORITY\\LOCAL SERVICE", "S-1-5-19"},
    {"NT AUTHORITY\\NETWORK SERVICE", "S-1-5-20"},
    {"LocalService", "S-1-5-19"},
    {"NetworkService", "S-1-5-20"},
    {"Everyone", "S-1-1-0"},
    {"Authenticated Users", "S-1-5-11"},
    {"INTERACTIVE", "S-1-5-4"},
    {"NETWORK", "S-1-5-2"},
    {"BATCH", "S-1-5-3"},
    {"SERVICE", "S-1-5-6"},
    {"LOCAL", "S-1-2-0"},
    {"Local account", "S-1-5-113"},
    {"NT AUTHORITY\\Authenticated Users", "S-1-5-11"},
    {"Administrator", "S-1-5-21-1000-2000-3000-500"},
    {"WS1\\Guest", "S-1-5-21-1000-2000-3000-501"},
    {"None", "S-1-5-21-1000-2000-3000-513"},
    {"S-1-5-32-544", "S-1-5-32-544"},
    {"*S-1-5-32-544", "S-1-5-32-544"},
    {"S-1-5-21-9-9-9-4242", "S-1-5-21-9-9-9-4242"},
    {"S-1-5-x", NULL},
    {"bobb", NULL},
    {"", NULL},
};

START_TEST(test_policy_principal_spellings)
{
    struct policy *pol = load("lsaemu: 1\nmachine: { name: WS1 }\n"
                              "accounts:\n  alice: {}\ngroups:\n  Developers: { rid: 1001 }\n");
    struct sid got;
    bool ok = policy_resolve_principal(pol, principals[_i].text, &got);
    if (principals[_i].sid) {
        ck_assert_msg(ok, "'%s' should resolve", principals[_i].text);
        ck_assert_msg(!strcmp(fmt(&got), principals[_i].sid), "'%s' gave %s, want %s",
                      principals[_i].text, fmt(&got), principals[_i].sid);
    } else {
        ck_assert_msg(!ok, "'%s' should name nothing", principals[_i].text);
    }
    policy_unref(pol);
}
END_TEST

/* ---- Groups ------------------------------------------------------------------------- */

START_TEST(test_policy_group_expansion)
{
    struct policy *pol = load("lsaemu: 1\n"
                              "groups:\n"
                              "  Developers: { members: [alice] }\n"
                              "  Remote Desktop Users: { members: [Developers] }\n"
                              "  Loop: { members: [Loop2] }\n"
                              "  Loop2: { members: [Loop, bob] }\n"
                              "accounts:\n"
                              "  alice: { groups: [Users, Developers] }\n"
                              "  bob: {}\n");
    /* Listed twice (members and groups) but a member once. */
    ck_assert_uint_eq(tu_group_member_count(pol, policy_find_group(pol, "Developers")), 1);

    struct sid set[16];
    set[0] = policy_find_account(pol, "alice")->sid;
    size_t n = policy_expand_groups(pol, set, 1, 16);
    ck_assert_uint_eq(n, 4);
    ck_assert_sid(&set[1], "S-1-5-32-545");
    ck_assert_sid(&set[2], fmt(&policy_find_group(pol, "Developers")->sid));
    ck_assert_sid(&set[3], "S-1-5-32-555");
    ck_assert_uint_eq(policy_expand_groups(pol, set, 1, 2), 3);

    /* Cycles end. */
    set[0] = policy_find_account(pol, "bob")->sid;
    ck_assert_uint_eq(policy_expand_groups(pol, set, 1, 16), 3);
    /* Users holds INTERACTIVE, so an interactive token gets BUILTIN\Users. */
    set[0] = sid_make1(5, 4);
    ck_assert_uint_eq(policy_expand_groups(pol, set, 1, 16), 2);
    ck_assert_sid(&set[1], "S-1-5-32-545");
    policy_unref(pol);
}
END_TEST

/* ---- Rights ---------------------------------------------------------------------------- */

START_TEST(test_policy_rights_lookup)
{
    struct policy *pol = load("lsaemu: 1\n"
                              "accounts:\n  svc: {}\n"
                              "rights:\n"
                              "  SeServiceLogonRight: [svc, svc, \"NT AUTHORITY\\\\NETWORK SERVICE\"]\n"
                              "  setcbprivilege: [svc]\n"
                              "  SeDenyNetworkLogonRight: []\n");
    struct sid svc = policy_find_account(pol, "svc")->sid;
    right_mask m = policy_rights_of(pol, &svc);
    ck_assert(m == (RIGHT_BIT(right_by_name("SeServiceLogonRight")) |
                    RIGHT_BIT(right_by_name("SeTcbPrivilege"))));
    int service = right_by_name("SeServiceLogonRight");
    ck_assert_uint_eq(pol->n_holders[service], 2);
    /* Replaced, not merged: the stock Guest entry is gone. */
    ck_assert_uint_eq(pol->n_holders[right_by_name("SeDenyNetworkLogonRight")], 0);
    struct sid admins = S("S-1-5-32-544");
    ck_assert(policy_rights_of(pol, &admins) & RIGHT_BIT(right_by_name("SeDebugPrivilege")));
    struct sid system = S("S-1-5-18");
    ck_assert(policy_rights_of(pol, &system) == 0);
    struct sid nobody = S("S-1-5-21-1-2-3-4");
    ck_assert(policy_rights_of(pol, &nobody) == 0);
    policy_unref(pol);
}
END_TEST

/* ---- Bases ------------------------------------------------------------------------------- */

START_TEST(test_policy_base_none_and_roles)
{
    struct policy *none = load("lsaemu: 1\nbase: none\n");
    for (int r = 0; r < RIGHT_COUNT; r++)
        ck_assert_uint_eq(none->n_holders[r], 0);
    policy_unref(none);

    struct policy *server = load("lsaemu: 1\nmachine: { role: server }\n");
    ck_assert_int_eq(server->base, BASE_SERVER);
    ck_assert_uint_eq(server->n_holders[right_by_name("SeBatchLogonRight")], 3);
    struct sid users = S("S-1-5-32-545");
    ck_assert(!(policy_rights_of(server, &users) & RIGHT_BIT(right_by_name("SeShutdownPrivilege"))));
    policy_unref(server);

    struct policy *ws = load("lsaemu: 1\nmachine: { role: server }\nbase: workstation\n");
    ck_assert_int_eq(ws->base, BASE_WORKSTATION);
    ck_assert(policy_rights_of(ws, &users) & RIGHT_BIT(right_by_name("SeShutdownPrivilege")));
    ck_assert(policy_rights_of(ws, &users) & RIGHT_BIT(right_by_name("SeInteractiveLogonRight")));
    ck_assert_uint_eq(ws->n_holders[right_by_name("SeTcbPrivilege")], 0);
    struct sid everyone = S("S-1-1-0");
    ck_assert(policy_rights_of(ws, &everyone) == (RIGHT_BIT(right_by_name("SeNetworkLogonRight")) |
                                                  RIGHT_BIT(right_by_name("SeChangeNotifyPrivilege"))));
    policy_unref(ws);
}
END_TEST

static int cmp_sid_text(const void *a, const void *b)
{
    char x[SID_STRING_MAX], y[SID_STRING_MAX];
    return strcmp(sid_format(a, x), sid_format(b, y));
}

/* Rights databases equal as sets of (right, SID). */
static void assert_same_rights(struct policy *a, struct policy *b, const char *what)
{
    for (int r = 0; r < RIGHT_COUNT; r++) {
        ck_assert_msg(a->n_holders[r] == b->n_holders[r], "%s: %s has %zu vs %zu holders", what,
                      right_info(r)->name, a->n_holders[r], b->n_holders[r]);
        size_t n = a->n_holders[r];
        struct sid x[16], y[16];
        ck_assert(n <= 16);
        if (n == 0)
            continue; /* holders may be NULL: memcpy needs valid pointers */
        memcpy(x, a->holders[r], n * sizeof *x);
        memcpy(y, b->holders[r], n * sizeof *y);
        qsort(x, n, sizeof *x, cmp_sid_text);
        qsort(y, n, sizeof *y, cmp_sid_text);
        for (size_t i = 0; i < n; i++)
            ck_assert_msg(sid_equal(&x[i], &y[i]), "%s: %s differs", what, right_info(r)->name);
    }
}

START_TEST(test_policy_base_files_equal_bases)
{
    static const char *const roles[] = {"workstation", "server"};
    for (int i = 0; i < 2; i++) {
        char path[4096], text[64];
        snprintf(path, sizeof path, "%s/policies/%s.yaml", TOP_SRCDIR, roles[i]);
        struct lsaemu_error err;
        struct policy *file = loader_load_file(path, &err);
        ck_assert_msg(file != NULL, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
        snprintf(text, sizeof text, "lsaemu: 1\nbase: %s\n", roles[i]);
        struct policy *stock = load(text);
        assert_same_rights(file, stock, roles[i]);
        policy_unref(file);
        policy_unref(stock);
    }
}
END_TEST

START_TEST(test_policy_bases_table)
{
    struct sid machine = S("S-1-5-21-1-2-3"), out[BASES_MAX_HOLDERS];
    ck_assert_uint_eq(bases_holders(BASE_WORKSTATION, right_by_name("SeDenyNetworkLogonRight"),
                                    &machine, out, BASES_MAX_HOLDERS),
                      1);
    ck_assert_sid(&out[0], "S-1-5-21-1-2-3-501");
    ck_assert_uint_eq(bases_holders(BASE_NONE, right_by_name("SeDebugPrivilege"), &machine, out,
                                    BASES_MAX_HOLDERS),
                      0);
    ck_assert_uint_eq(bases_holders(BASE_SERVER, right_by_name("SeTcbPrivilege"), &machine, out,
                                    BASES_MAX_HOLDERS),
                      0);
}
END_TEST

/* ---- Scale ---------------------------------------------------------------------------------- */

START_TEST(test_policy_many_accounts)
{
    struct policy *pol = policy_new();
    char name[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(name, sizeof name, "user%d", i);
        long a = policy_add_account(pol, name);
        ck_assert_int_ge(a, 0);
    }
    ck_assert_int_eq(policy_finish(pol), 0);
    const struct account *a = policy_find_account(pol, "USER19999");
    ck_assert_ptr_nonnull(a);
    ck_assert_sid(&a->sid, "S-1-5-21-1000-2000-3000-20999");
    ck_assert_ptr_eq(policy_find_account_sid(pol, &a->sid), a);
    policy_unref(pol);
}
END_TEST

/* ---- MD4 and well-known SIDs ------------------------------------------------------------------ */

static const char *hex(const uint8_t h[16])
{
    static __thread char buf[33];
    for (int i = 0; i < 16; i++)
        snprintf(buf + 2 * i, 3, "%02x", h[i]);
    return buf;
}

START_TEST(test_policy_md4_vectors)
{
    /* RFC 1320, appendix A.5. */
    static const char *const rfc[][2] = {
        {"", "31d6cfe0d16ae931b73c59d7e0c089c0"},
        {"a", "bde52cb31de33e46245e05fbdbd6fb24"},
        {"abc", "a448017aaf21d8525fc10ae87aa6729d"},
        {"message digest", "d9130a8164549fe818874806e1c7014b"},
        {"abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9"},
        {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
         "043f8582f241db351ce627e153e7f0e4"},
        {"1234567890123456789012345678901234567890123456789012345678901234567890123456"
         "7890",
         "e33b4ddc9c38f2199c3e7b164fcc0536"},
    };
    uint8_t out[16];
    for (size_t i = 0; i < sizeof rfc / sizeof rfc[0]; i++) {
        md4(rfc[i][0], strlen(rfc[i][0]), out);
        ck_assert_str_eq(hex(out), rfc[i][1]);
    }
    ck_assert_int_eq(md4_nt_hash("", 0, out), 0);
    ck_assert_str_eq(hex(out), "31d6cfe0d16ae931b73c59d7e0c089c0");
    ck_assert_int_eq(md4_nt_hash("password", 8, out), 0);
    ck_assert_str_eq(hex(out), "8846f7eaee8fb117ad06bdd830b7586c");
    ck_assert_int_eq(md4_nt_hash("\xff", 1, out), -1);
}
END_TEST

START_TEST(test_policy_wellknown)
{
    struct sid s = S("S-1-5-18");
    const struct wellknown_sid *w = wellknown_by_sid(&s);
    ck_assert_str_eq(w->name, "SYSTEM");
    ck_assert_str_eq(w->domain, "NT AUTHORITY");
    ck_assert_int_eq(w->use, SID_USE_WELL_KNOWN_GROUP);
    ck_assert_str_eq(wellknown_by_name("everyone")->domain, "");
    ck_assert_int_eq(wellknown_by_name("BUILTIN\\Users")->use, SID_USE_ALIAS);
    ck_assert_int_eq(wellknown_by_name("Mandatory Label\\High Mandatory Level")->use,
                     SID_USE_LABEL);
    ck_assert_ptr_null(wellknown_by_name("BUILTIN\\Everyone"));
    ck_assert_ptr_null(wellknown_by_name("nobody"));
    ck_assert_int_eq(wellknown_by_name("BUILTIN")->use, SID_USE_DOMAIN);
    /* Every entry is found by its own SID and by DOMAIN\name. */
    for (unsigned i = 0; i < wellknown_count(); i++) {
        const struct wellknown_sid *e = wellknown_at(i);
        ck_assert_ptr_eq(wellknown_by_sid(&e->sid), e);
        if (*e->domain && e->use != SID_USE_DOMAIN) {
            char full[256];
            snprintf(full, sizeof full, "%s\\%s", e->domain, e->name);
            ck_assert_ptr_eq(wellknown_by_name(full), e);
        }
    }
}
END_TEST

static Suite *make_policy_suite(void)
{
    Suite *s = suite_create("policy");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, test_policy_builtins);
    tcase_add_test(tc, test_policy_machine_sid_moves_builtins);
    tcase_add_test(tc, test_policy_rids_file_order);
    tcase_add_test(tc, test_policy_first_account_is_1000);
    tcase_add_loop_test(tc, test_policy_principal_spellings, 0,
                        sizeof principals / sizeof principals[0]);
    tcase_add_test(tc, test_policy_group_expansion);
    tcase_add_test(tc, test_policy_rights_lookup);
    suite_add_tcase(s, tc);
    tc = tcase_create("bases");
    tcase_add_test(tc, test_policy_base_none_and_roles);
    tcase_add_test(tc, test_policy_base_files_equal_bases);
    tcase_add_test(tc, test_policy_bases_table);
    tcase_add_test(tc, test_policy_many_accounts);
    suite_add_tcase(s, tc);
    tc = tcase_create("tables");
    tcase_add_test(tc, test_policy_md4_vectors);
    tcase_add_test(tc, test_policy_wellknown);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_policy_suite());
}
