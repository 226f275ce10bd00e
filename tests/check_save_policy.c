/* SPDX-License-Identifier: MIT */
/*
 * lsaemu_save_policy_file: the policy in force, including rights changed
 * through LsaAddAccountRights / LsaRemoveAccountRights, written as YAML that
 * loads back to the same decisions and the same rights database.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sddl.h>

#include "base/atomic_file.h"
#include "core/state/current.h"
#include "base/mem.h"
#include "lsa_helpers.h"

/* Each test works in a directory of its own, so that "no temporary file
 * is left behind" can be checked by listing it. */
static char dir[64];
static char path[128];

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("admin");
    strcpy(dir, "/tmp/lsaemu-save-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/policy.yaml", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    ck_assert_int_ge(fd, 0);
    close(fd);
}

static void teardown(void)
{
    atomic_file_fail_at(ATOMIC_FILE_OK, 0);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char name[512];
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            snprintf(name, sizeof name, "%s/%s", dir, e->d_name);
            unlink(name);
        }
        closedir(d);
    }
    rmdir(dir);
}

static LSA_UNICODE_STRING U(const char *ascii)
{
    static WCHAR ring[8][128];
    static int next;
    WCHAR *w = ring[next++ % 8];
    size_t bytes = th_utf16(w, ascii);
    LSA_UNICODE_STRING u = {(USHORT)bytes, (USHORT)bytes, w};
    return u;
}

static PSID S(const char *text)
{
    static BYTE ring[4][SECURITY_MAX_SID_SIZE];
    static int next;
    BYTE *out = ring[next++ % 4];
    PSID tmp = NULL;
    ck_assert(ConvertStringSidToSidA(text, &tmp));
    memcpy(out, tmp, GetLengthSid(tmp));
    LocalFree(tmp);
    return out;
}

static void change_rights(const char *sid, const char *right, int add)
{
    LSA_OBJECT_ATTRIBUTES attrs;
    memset(&attrs, 0, sizeof attrs);
    LSA_HANDLE h;
    tu_use_process("admin");
    ck_assert_status_eq(LsaOpenPolicy(NULL, &attrs, POLICY_ALL_ACCESS, &h), STATUS_SUCCESS);
    LSA_UNICODE_STRING u = U(right);
    if (add)
        ck_assert_status_eq(LsaAddAccountRights(h, S(sid), &u, 1), STATUS_SUCCESS);
    else
        ck_assert_status_eq(LsaRemoveAccountRights(h, S(sid), FALSE, &u, 1), STATUS_SUCCESS);
    LsaClose(h);
}

/* ---- Fingerprints ------------------------------------------------------------------------- */

static const struct {
    const char *user, *password;
} users[] = {
    {"alice", PW_ALICE}, {"bob", PW_BOB},     {"carol", PW_CAROL}, {"dave", PW_DAVE},
    {"erin", PW_ERIN},   {"frank", PW_FRANK}, {"gina", PW_GINA},   {"hank", PW_HANK},
    {"ivy", PW_IVY},     {"jack", ""},        {"svc1", PW_SVC1},   {"alice", "wrong"},
    {"Guest", ""},       {"nobody", "x"},
};
static const SECURITY_LOGON_TYPE types[] = {Interactive, Network, Batch, Service,
                                            RemoteInteractive, NetworkCleartext};
#define N_USERS (sizeof users / sizeof users[0])
#define N_TYPES (sizeof types / sizeof types[0])

struct decisions {
    NTSTATUS st[N_USERS][N_TYPES], sub[N_USERS][N_TYPES];
};

static void decide(struct decisions *d)
{
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    for (size_t u = 0; u < N_USERS; u++)
        for (size_t t = 0; t < N_TYPES; t++) {
            struct th_logon_out out;
            d->st[u][t] = th_logon_msv(lsa, types[t], users[u].user, users[u].password, &out);
            d->sub[u][t] = out.sub_status;
            if (d->st[u][t] == STATUS_SUCCESS)
                th_release(&out);
        }
    LsaDeregisterLogonProcess(lsa);
    tu_use_process("admin");
}

static void assert_same_decisions(const struct decisions *a, const struct decisions *b)
{
    for (size_t u = 0; u < N_USERS; u++)
        for (size_t t = 0; t < N_TYPES; t++) {
            ck_assert_msg(a->st[u][t] == b->st[u][t] && a->sub[u][t] == b->sub[u][t],
                          "%s type %d: before %s/%s, after %s/%s", users[u].user, (int)types[t],
                          tu_status_name(a->st[u][t]), tu_status_name(a->sub[u][t]),
                          tu_status_name(b->st[u][t]), tu_status_name(b->sub[u][t]));
        }
}

/* The rights database: for each right, the sorted holder SID strings. */
static char *rights_db(void)
{
    struct policy *pol;
    ck_assert_int_eq(current_acquire(&pol), 0);
    size_t cap = 65536, len = 0;
    char *out = calloc(1, cap);
    for (int id = 0; id < RIGHT_COUNT; id++) {
        size_t n = pol->n_holders[id];
        char (*texts)[SID_STRING_MAX] = calloc(n + 1, SID_STRING_MAX);
        for (size_t i = 0; i < n; i++)
            sid_format(&pol->holders[id][i], texts[i]);
        qsort(texts, n, SID_STRING_MAX, (int (*)(const void *, const void *))strcmp);
        len += (size_t)snprintf(out + len, cap - len, "%s:", right_info(id)->name);
        for (size_t i = 0; i < n; i++)
            len += (size_t)snprintf(out + len, cap - len, " %s", texts[i]);
        len += (size_t)snprintf(out + len, cap - len, "\n");
        free(texts);
    }
    current_release(pol);
    return out;
}

static void save_and_reload(void)
{
    struct lsaemu_error err;
    ck_assert_msg(lsaemu_save_policy_file(path, &err) == 0, "%s", err.text);
    ck_assert_msg(lsaemu_load_policy_file(path, &err) == 0, "%s:%d:%d: %s", err.source, err.line,
                  err.column, err.text);
    lsaemu_reset();
}

START_TEST(round_trip_p0_unchanged)
{
    struct decisions before, after;
    decide(&before);
    char *db = rights_db();
    save_and_reload();
    decide(&after);
    assert_same_decisions(&before, &after);
    char *db2 = rights_db();
    ck_assert_str_eq(db, db2);
    free(db);
    free(db2);
}
END_TEST

START_TEST(round_trip_after_api_changes)
{
    change_rights("S-1-5-21-1000-2000-3000-1001", "SeBatchLogonRight", 1);
    change_rights("S-1-5-21-1000-2000-3000-1002", "SeDenyNetworkLogonRight", 1);
    change_rights("S-1-5-32-555", "SeRemoteInteractiveLogonRight", 0);
    change_rights("S-1-5-21-1000-2000-3000-1011", "SeDebugPrivilege", 1);
    struct decisions before, after;
    decide(&before);
    /* The changes decided: alice may now log on as a batch job. */
    ck_assert_status_eq(before.st[0][2], STATUS_SUCCESS);
    ck_assert_status_eq(before.st[1][1], STATUS_LOGON_TYPE_NOT_GRANTED);
    char *db = rights_db();
    save_and_reload();
    decide(&after);
    assert_same_decisions(&before, &after);
    char *db2 = rights_db();
    ck_assert_str_eq(db, db2);
    free(db);
    free(db2);
    /* The process entries survived: admin can still open the policy for everything. */
    tu_use_process("admin");
    tu_use_process("tcb-enabled");
}
END_TEST

START_TEST(round_trip_every_field)
{
    tu_load_policy_text(
        "lsaemu: 1\n"
        "machine: { name: SRV9, sid: S-1-5-21-7-8-9, role: server, time: \"2026-03-02T12:30:00Z\","
        " domain: CORP }\n"
        "base: server\n"
        "options: { blank_password_console_only: false, require_logon_process: true }\n"
        "groups:\n"
        "  Developers: { rid: 1100, members: [zed, \"NT AUTHORITY\\\\NETWORK\"],"
        " description: \"Dev \\\"team\\\" \\\\ x\" }\n"
        "accounts:\n"
        "  zed:\n"
        "    password: p\n"
        "    full_name: \"Zed \\\"Q\\\" Back\\\\slash\"\n"
        "    home_directory: 'C:\\Users\\zed'\n"
        "    home_directory_drive: 'H:'\n"
        "    profile_path: 'C:\\p'\n"
        "    logon_script: z.cmd\n"
        "    expires: \"2030-01-01T00:00:00Z\"\n"
        "    logon_hours: [\"Fri 22:00-06:00\", \"Mon 08:00-18:00\"]\n"
        "    workstations: [SRV9, OTHER]\n"
        "  yan: { groups: [Users], logon_hours: [], must_change_password: true }\n"
        "  Administrator: { disabled: false, password: admin }\n"
        "rights:\n"
        "  SeTcbPrivilege: [zed, \"S-1-5-21-99-99-99-1234\"]\n"
        "processes:\n"
        "  default: { account: zed, enabled: [SeTcbPrivilege], session: 0 }\n"
        "  sys: { account: SYSTEM }\n"
        "faults:\n"
        "  - { call: LsaLogonUser, nth: 3, account: yan, status: STATUS_NO_MEMORY }\n"
        "  - { call: LookupAccountSidW, status: 0xC0000022 }\n");
    struct policy *a;
    ck_assert_int_eq(current_acquire(&a), 0);
    char *db = rights_db();
    save_and_reload();
    struct policy *b;
    ck_assert_int_eq(current_acquire(&b), 0);
    ck_assert_str_eq(a->machine_name, b->machine_name);
    ck_assert(sid_equal(&a->machine_sid, &b->machine_sid));
    ck_assert_int_eq(a->role, b->role);
    ck_assert_int_eq(a->has_time, b->has_time);
    ck_assert(a->time == b->time);
    ck_assert_str_eq(a->domain.name, b->domain.name);
    ck_assert_str_eq(a->domain.dns_name, b->domain.dns_name);
    ck_assert_int_eq(a->domain.reachable, b->domain.reachable);
    ck_assert_int_eq(a->blank_password_console_only, b->blank_password_console_only);
    ck_assert_int_eq(a->require_logon_process, b->require_logon_process);
    ck_assert_uint_eq(a->n_accounts, b->n_accounts);
    for (size_t i = 0; i < a->n_accounts; i++) {
        const struct account *x = &a->accounts[i];
        const struct account *y = policy_find_account_sid(b, &x->sid);
        ck_assert_msg(y != NULL, "account %s lost", x->name);
        ck_assert_str_eq(x->name, y->name);
        ck_assert_int_eq(memcmp(x->nt_hash, y->nt_hash, 16), 0);
        ck_assert_int_eq(x->blank_password, y->blank_password);
        ck_assert_int_eq(x->disabled, y->disabled);
        ck_assert_int_eq(x->locked_out, y->locked_out);
        ck_assert_int_eq(x->password_expired, y->password_expired);
        ck_assert_int_eq(x->must_change_password, y->must_change_password);
        ck_assert_int_eq(x->has_expires, y->has_expires);
        ck_assert(!x->has_expires || account_x(x)->expires == account_x(y)->expires);
        ck_assert_int_eq(x->has_logon_hours, y->has_logon_hours);
        /* Same set of allowed minutes (the writer may split ranges per day). */
        for (unsigned m = 0; m < 7 * 24 * 60; m += 30) {
            int ix = 0, iy = 0;
            for (size_t k = 0; k < account_x(x)->n_logon_hours; k++)
                ix |= m >= account_x(x)->logon_hours[k].start &&
                      m < account_x(x)->logon_hours[k].end;
            for (size_t k = 0; k < account_x(y)->n_logon_hours; k++)
                iy |= m >= account_x(y)->logon_hours[k].start &&
                      m < account_x(y)->logon_hours[k].end;
            ck_assert_msg(ix == iy, "%s minute %u", x->name, m);
        }
        ck_assert_int_eq(x->has_workstations, y->has_workstations);
        ck_assert_uint_eq(account_x(x)->n_workstations, account_x(y)->n_workstations);
        ck_assert_str_eq(x->full_name ? x->full_name : "-", y->full_name ? y->full_name : "-");
        ck_assert_str_eq(account_x(x)->home_directory ? account_x(x)->home_directory : "-",
                         account_x(y)->home_directory ? account_x(y)->home_directory : "-");
        const struct account_extra *xx = account_x(x), *yx = account_x(y);
        ck_assert_str_eq(xx->home_directory_drive ? xx->home_directory_drive : "-",
                         yx->home_directory_drive ? yx->home_directory_drive : "-");
        ck_assert_str_eq(account_x(x)->logon_script ? account_x(x)->logon_script : "-",
                         account_x(y)->logon_script ? account_x(y)->logon_script : "-");
    }
    ck_assert_uint_eq(a->n_groups, b->n_groups);
    for (size_t i = 0; i < a->n_groups; i++) {
        const struct group *g = &a->groups[i];
        const struct group *h = policy_find_group_sid(b, &g->sid);
        ck_assert_msg(h != NULL, "group %s lost", g->name);
        ck_assert_uint_eq(tu_group_member_count(a, g), tu_group_member_count(b, h));
        for (size_t k = 0; k < a->n_accounts; k++)
            ck_assert_msg(tu_group_has_member(a, g, &a->accounts[k].sid) ==
                              tu_group_has_member(b, h, &a->accounts[k].sid),
                          "%s in %s", a->accounts[k].name, g->name);
        ck_assert_str_eq(g->description ? g->description : "-", h->description ? h->description : "-");
    }
    ck_assert_uint_eq(a->n_processes, b->n_processes);
    for (size_t i = 0; i < a->n_processes; i++) {
        const struct process_entry *p = policy_find_process(b, a->processes[i].name);
        ck_assert_ptr_nonnull(p);
        ck_assert(sid_equal(&a->accounts[a->processes[i].account].sid,
                            &b->accounts[p->account].sid));
        ck_assert(p->enabled == a->processes[i].enabled);
        ck_assert_uint_eq(p->session, a->processes[i].session);
    }
    ck_assert_uint_eq(a->n_faults, b->n_faults);
    for (size_t i = 0; i < a->n_faults; i++) {
        ck_assert_str_eq(a->faults[i].call, b->faults[i].call);
        ck_assert_uint_eq(a->faults[i].nth, b->faults[i].nth);
        ck_assert_int_eq(a->faults[i].status, b->faults[i].status);
        ck_assert_str_eq(a->faults[i].account ? a->faults[i].account : "-",
                         b->faults[i].account ? b->faults[i].account : "-");
    }
    current_release(a);
    current_release(b);
    char *db2 = rights_db();
    ck_assert_str_eq(db, db2);
    free(db);
    free(db2);
}
END_TEST

/* The groups listing sid directly in pol (ascending indexes into
 * pol->groups), as the membership index answers it: *n of them in *buf,
 * which the caller frees with mem_free(). */
static const uint32_t *groups_of(const struct policy *pol, const struct sid *sid, uint32_t **buf,
                                 size_t *cap, size_t *n)
{
    struct policy_sid_info info;
    const uint32_t *groups;
    policy_sid_info(pol, sid, &info);
    ck_assert_int_eq(policy_info_groups(pol, &info, buf, cap, &groups, n), 0);
    return groups;
}

/* Every pair (group, account or group) of a is a membership of b too, and
 * the reverse, as the membership index answers it; the same groups. Each
 * SID's groups are read once from each policy and compared through the map
 * of a's groups onto b's, so the check costs (accounts + groups) x groups,
 * and assertions run once per SID, not once per pair: under CK_FORK each
 * ck_assert is a write to Check's pipe, and valgrind multiplies that. */
static void assert_same_memberships(const struct policy *a, const struct policy *b)
{
    ck_assert_uint_eq(a->n_groups, b->n_groups);
    ck_assert_uint_eq(a->n_accounts, b->n_accounts);
    size_t ng = a->n_groups;
    size_t *onto = malloc((ng ? ng : 1) * sizeof *onto);
    unsigned char *in_b = calloc(ng ? ng : 1, 1);
    ck_assert(onto != NULL && in_b != NULL);
    for (size_t i = 0; i < ng; i++) {
        const struct group *h = policy_find_group_sid(b, &a->groups[i].sid);
        ck_assert_msg(h != NULL, "group %s lost", a->groups[i].name);
        onto[i] = (size_t)(h - b->groups);
        ck_assert_uint_eq(tu_group_member_count(a, &a->groups[i]), tu_group_member_count(b, h));
    }
    uint32_t *buf_a = NULL, *buf_b = NULL;
    size_t cap_a = 0, cap_b = 0;
    for (size_t k = 0; k < a->n_accounts + ng; k++) {
        const struct sid *sid =
            k < a->n_accounts ? &a->accounts[k].sid : &a->groups[k - a->n_accounts].sid;
        const char *name =
            k < a->n_accounts ? a->accounts[k].name : a->groups[k - a->n_accounts].name;
        size_t na, nb;
        const uint32_t *ga = groups_of(a, sid, &buf_a, &cap_a, &na);
        const uint32_t *gb = groups_of(b, sid, &buf_b, &cap_b, &nb);
        ck_assert_msg(na == nb, "%s: in %zu groups, then %zu", name, na, nb);
        for (size_t i = 0; i < nb; i++)
            in_b[gb[i]] = 1;
        bool same = true;
        for (size_t i = 0; i < na; i++)
            same = same && in_b[onto[ga[i]]];
        for (size_t i = 0; i < nb; i++)
            in_b[gb[i]] = 0;
        ck_assert_msg(same, "%s: not in the same groups after the round trip", name);
    }
    mem_free(buf_a);
    mem_free(buf_b);
    free(onto);
    free(in_b);
}

/* Occurrences of needle in the file at path. */
static size_t count_in_file(const char *file, const char *needle, long *size)
{
    FILE *f = fopen(file, "r");
    ck_assert_ptr_nonnull(f);
    char *text = NULL;
    size_t cap = 0;
    ssize_t len = getdelim(&text, &cap, '\0', f);
    fclose(f);
    ck_assert_int_gt(len, 0);
    *size = (long)len;
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
        n++;
    free(text);
    return n;
}

START_TEST(round_trip_aliased_lists)
{
    /* Lists shared by several groups (Users and Administrators too, which
     * have built-in members of their own) and by several accounts
     * (Administrator too, a built-in member of Administrators), and an
     * account whose own groups: names a group with a shared list: saved
     * with anchors and aliases, loaded back to the same memberships. */
    tu_load_policy_text("lsaemu: 1\n"
                        "accounts:\n"
                        "  u0: { groups: &gl [g1, g2] }\n"
                        "  u1: { groups: *gl }\n"
                        "  u2: { groups: *gl, password: x }\n"
                        "  u3: { groups: [g3] }\n"
                        "  Administrator: { groups: *gl, disabled: false, password: a }\n"
                        "groups:\n"
                        "  g1: { members: &ml [u0, u1, \"NT AUTHORITY\\\\NETWORK\"] }\n"
                        "  g2: { members: *ml }\n"
                        "  g3: { members: *ml, description: three }\n"
                        "  g4: { members: [g1] }\n"
                        "  Users: { members: *ml }\n"
                        "  Administrators: { members: *ml }\n");
    struct policy *a;
    ck_assert_int_eq(current_acquire(&a), 0);
    ck_assert_uint_eq(policy_find_group(a, "g2")->list, policy_find_group(a, "g3")->list);
    ck_assert_uint_ne(policy_find_account(a, "u1")->groups_list, 0);
    save_and_reload();
    struct policy *b;
    ck_assert_int_eq(current_acquire(&b), 0);
    assert_same_memberships(a, b);
    /* Shared again once loaded back. */
    ck_assert_uint_ne(policy_find_group(b, "g2")->list, 0);
    ck_assert_uint_eq(policy_find_group(b, "g2")->list, policy_find_group(b, "g3")->list);
    /* u1 is written first with the anchor, so joins one by one on load. */
    ck_assert_uint_ne(policy_find_account(b, "u2")->groups_list, 0);
    long size;
    ck_assert_uint_ge(count_in_file(path, ": *l", &size), 3);
    ck_assert_uint_ge(count_in_file(path, ": &l", &size), 2);
    current_release(a);
    current_release(b);
}
END_TEST

/* n groups aliasing a list of n accounts (n * n memberships). */
static char *aliased_policy(size_t n)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fprintf(f, "lsaemu: 1\naccounts:\n");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  u%zu: {}\n", i);
    fprintf(f, "groups:\n  g0: { members: &all [");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%su%zu", i ? ", " : "", i);
    fprintf(f, "] }\n");
    for (size_t g = 1; g < n; g++)
        fprintf(f, "  g%zu: { members: *all }\n", g);
    fclose(f);
    return text;
}

START_TEST(save_aliased_lists_linear)
{
    /* The saved file grows with the policy's storage, not with the
     * memberships its lists mean: doubling n doubles the file (a copy of
     * the list per group would quadruple it), and it loads back. */
    long size[2];
    for (int i = 0; i < 2; i++) {
        char *text = aliased_policy(200u << i);
        tu_load_policy_text(text);
        free(text);
        struct policy *a;
        ck_assert_int_eq(current_acquire(&a), 0);
        save_and_reload();
        struct policy *b;
        ck_assert_int_eq(current_acquire(&b), 0);
        if (i == 0)
            assert_same_memberships(a, b);
        current_release(a);
        current_release(b);
        ck_assert_uint_eq(count_in_file(path, ": *l", &size[i]), (200u << i) - 1);
    }
    ck_assert_msg(size[1] * 2 <= size[0] * 5, "saved %ld bytes, then %ld", size[0], size[1]);
}
END_TEST

START_TEST(save_errors)
{
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_save_policy_file("/nonexistent-dir/x.yaml", &err), -1);
    ck_assert_str_eq(err.source, "/nonexistent-dir/x.yaml");
    ck_assert_ptr_nonnull(strstr(err.text, "cannot write"));
    ck_assert_int_eq(lsaemu_save_policy_file(NULL, &err), -1);
    ck_assert_int_eq(lsaemu_save_policy_file("/nonexistent-dir/x.yaml", NULL), -1);
    /* Saving changes nothing. */
    ck_assert_int_eq(lsaemu_save_policy_file(path, NULL), 0);
    LUID luid;
    ck_assert(LookupPrivilegeValueA(NULL, "SeTcbPrivilege", &luid));
}
END_TEST

START_TEST(saved_file_is_valid_and_explicit)
{
    ck_assert_int_eq(lsaemu_save_policy_file(path, NULL), 0);
    ck_assert_int_eq(lsaemu_check_policy_file(path, NULL, NULL), 0);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    char line[1024];
    int base_none = 0, batch_listed = 0, alice_sid = 0;
    while (fgets(line, sizeof line, f)) {
        base_none |= !strcmp(line, "base: none\n");
        batch_listed |= !strncmp(line, "  SeBatchLogonRight: [", 22);
        alice_sid |= strstr(line, "sid: \"S-1-5-21-1000-2000-3000-1001\"") != NULL;
    }
    fclose(f);
    ck_assert(base_none);
    ck_assert(batch_listed);
    ck_assert(alice_sid);
}
END_TEST


/* ---- Replacing the file safely (issue 11, items 11 and 12) -------------------------------- */

/* dir/name, in a ring of buffers. */
static const char *in_dir(const char *name)
{
    static char ring[4][192];
    static int next;
    char *b = ring[next++ % 4];
    snprintf(b, sizeof ring[0], "%s/%s", dir, name);
    return b;
}

static void put_file(const char *file, const char *content, mode_t mode)
{
    unlink(file);
    int fd = open(file, O_WRONLY | O_CREAT | O_EXCL, mode);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    ck_assert_int_eq(fchmod(fd, mode), 0); /* whatever the umask */
    ck_assert_int_eq(close(fd), 0);
}

/* The whole content of file (malloc'd, NUL-terminated; *len its size). */
static char *slurp(const char *file, size_t *len)
{
    FILE *f = fopen(file, "rb");
    ck_assert_msg(f != NULL, "%s: %s", file, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static void assert_content(const char *file, const char *want)
{
    char *got = slurp(file, NULL);
    ck_assert_str_eq(got, want);
    free(got);
}

static mode_t mode_of(const char *file)
{
    struct stat st;
    ck_assert_int_eq(lstat(file, &st), 0);
    return st.st_mode & 07777;
}

/* The directory holds exactly the names given (NULL-terminated), so no
 * temporary file was left behind. */
static void assert_only(const char *first, ...)
{
    const char *want[8];
    size_t n_want = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *w = first; w && n_want < 8; w = va_arg(ap, const char *))
        want[n_want++] = w;
    va_end(ap);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    size_t seen = 0;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        bool known = false;
        for (size_t i = 0; i < n_want; i++)
            known |= !strcmp(e->d_name, want[i]);
        ck_assert_msg(known, "unexpected file %s left in %s", e->d_name, dir);
        seen++;
    }
    closedir(d);
    ck_assert_uint_eq(seen, n_want);
}

static const char old_content[] = "# the previous file\nlsaemu: 1\n";

/*
 * A real "disk full": RLIMIT_FSIZE makes write() fail with EFBIG once the
 * file would grow past the limit (root is not exempt, unlike with a
 * read-only directory), and SIGXFSZ is ignored so that the failure comes
 * back as an error. The old file is smaller than the limit.
 */
struct fsize_limit {
    struct rlimit old;
    void (*old_handler)(int);
};

static void limit_file_size(struct fsize_limit *l, rlim_t bytes)
{
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &l->old), 0);
    l->old_handler = signal(SIGXFSZ, SIG_IGN);
    struct rlimit r = l->old;
    r.rlim_cur = bytes;
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &r), 0);
}

static void unlimit_file_size(struct fsize_limit *l)
{
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &l->old), 0);
    signal(SIGXFSZ, l->old_handler);
}

START_TEST(save_disk_full_keeps_old_file)
{
    put_file(path, old_content, 0640);
    struct fsize_limit l;
    limit_file_size(&l, 1024);
    struct lsaemu_error err;
    int rc = lsaemu_save_policy_file(path, &err);
    unlimit_file_size(&l);
    ck_assert_int_eq(rc, -1);
    ck_assert_str_eq(err.source, path);
    char want[256];
    snprintf(want, sizeof want, "cannot write: %s", strerror(EFBIG));
    ck_assert_str_eq(err.text, want);
    assert_content(path, old_content);
    ck_assert_uint_eq(mode_of(path), 0640);
    assert_only("policy.yaml", NULL);
}
END_TEST

/* Every step of the replacement that fails leaves the old file as it was
 * and removes the temporary file; the text names the step. */
static const struct {
    enum atomic_file_step step;
    int err;
    const char *text; /* before ": strerror(err)" */
} step_failures[] = {
    {ATOMIC_FILE_CREATE, EACCES, "cannot write: cannot create a temporary file in its directory"},
    {ATOMIC_FILE_CREATE, ENOSPC, "cannot write: cannot create a temporary file in its directory"},
    {ATOMIC_FILE_WRITE, ENOSPC, "cannot write"},
    {ATOMIC_FILE_WRITE, EDQUOT, "cannot write"},
    {ATOMIC_FILE_SYNC, EIO, "cannot write: fsync failed"},
    {ATOMIC_FILE_CLOSE, EIO, "cannot write"},
    {ATOMIC_FILE_RENAME, EXDEV, "cannot write: cannot rename the temporary file over it"},
};

START_TEST(save_step_failure_keeps_old_file)
{
    put_file(path, old_content, 0644);
    atomic_file_fail_at(step_failures[_i].step, step_failures[_i].err);
    struct lsaemu_error err;
    int rc = lsaemu_save_policy_file(path, &err);
    atomic_file_fail_at(ATOMIC_FILE_OK, 0);
    ck_assert_int_eq(rc, -1);
    char want[256];
    snprintf(want, sizeof want, "%s: %s", step_failures[_i].text, strerror(step_failures[_i].err));
    ck_assert_str_eq(err.text, want);
    ck_assert_str_eq(err.source, path);
    assert_content(path, old_content);
    ck_assert_uint_eq(mode_of(path), 0644);
    assert_only("policy.yaml", NULL);
    /* A name that did not exist is not created either. */
    const char *fresh = in_dir("fresh.yaml");
    atomic_file_fail_at(step_failures[_i].step, step_failures[_i].err);
    rc = lsaemu_save_policy_file(fresh, &err);
    atomic_file_fail_at(ATOMIC_FILE_OK, 0);
    ck_assert_int_eq(rc, -1);
    ck_assert_int_eq(access(fresh, F_OK), -1);
    assert_only("policy.yaml", NULL);
}
END_TEST

/* After the rename only the durability of the directory entry is at stake:
 * the new file is in place, and the text says so. */
START_TEST(save_dir_sync_failure_says_file_is_in_place)
{
    put_file(path, old_content, 0644);
    atomic_file_fail_at(ATOMIC_FILE_SYNC_DIR, EIO);
    struct lsaemu_error err;
    int rc = lsaemu_save_policy_file(path, &err);
    atomic_file_fail_at(ATOMIC_FILE_OK, 0);
    ck_assert_int_eq(rc, -1);
    char want[256];
    snprintf(want, sizeof want,
             "cannot write: the new file is in place, but syncing its directory failed: %s",
             strerror(EIO));
    ck_assert_str_eq(err.text, want);
    ck_assert_int_eq(lsaemu_check_policy_file(path, NULL, NULL), 0);
    assert_only("policy.yaml", NULL);
    /* A file system that cannot sync directories (EINVAL) is no error. */
    atomic_file_fail_at(ATOMIC_FILE_SYNC_DIR, EINVAL);
    rc = lsaemu_save_policy_file(path, &err);
    atomic_file_fail_at(ATOMIC_FILE_OK, 0);
    ck_assert_msg(rc == 0, "%s", err.text);
}
END_TEST

START_TEST(save_out_of_memory_keeps_old_file)
{
    /* A first save settles this thread's cached policy (with CK_FORK=no an
     * earlier test's policy may still be released on the way), and
     * mem_fail_reset() starts the live count before it is read. */
    ck_assert_int_eq(lsaemu_save_policy_file(in_dir("warm-up.yaml"), NULL), 0);
    ck_assert_int_eq(unlink(in_dir("warm-up.yaml")), 0);
    mem_fail_reset();
    put_file(path, old_content, 0644);
    long live = mem_live_count();
    int rc = -1;
    unsigned long n;
    for (n = 0; rc != 0 && n < 64; n++) {
        struct lsaemu_error err;
        mem_fail_after(n);
        rc = lsaemu_save_policy_file(path, &err);
        mem_fail_reset();
        if (rc == 0)
            break;
        char want[256];
        snprintf(want, sizeof want, "cannot write: %s", strerror(ENOMEM));
        ck_assert_str_eq(err.text, want);
        assert_content(path, old_content);
        assert_only("policy.yaml", NULL);
        ck_assert_int_eq(mem_live_count(), live);
    }
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_gt(n, 0); /* at least one failing allocation was seen */
    ck_assert_int_eq(lsaemu_check_policy_file(path, NULL, NULL), 0);
    ck_assert_int_eq(mem_live_count(), live);
}
END_TEST

/* Every saved policy holds each account's nt_hash, a password equivalent:
 * 0600 whatever the umask allows and whatever the replaced file's mode. */
START_TEST(saved_policy_is_mode_0600)
{
    mode_t old_mask = umask(0);
    put_file(path, old_content, 0644);
    ck_assert_int_eq(lsaemu_save_policy_file(path, NULL), 0);
    ck_assert_uint_eq(mode_of(path), 0600);
    const char *fresh = in_dir("fresh.yaml");
    ck_assert_int_eq(lsaemu_save_policy_file(fresh, NULL), 0);
    ck_assert_uint_eq(mode_of(fresh), 0600);
    /* The umask can only take more away. */
    umask(077);
    ck_assert_int_eq(lsaemu_save_policy_file(fresh, NULL), 0);
    ck_assert_uint_eq(mode_of(fresh), 0600);
    umask(old_mask);
    char *text = slurp(path, NULL);
    ck_assert_ptr_nonnull(strstr(text, "nt_hash: \""));
    free(text);
    assert_only("policy.yaml", "fresh.yaml", NULL);
}
END_TEST

/* A symbolic link is refused: neither the file it points to nor the link
 * changes (documented in lsaemu.h, README.md and lsaemu(1)). */
START_TEST(save_refuses_symlink)
{
    const char *target = in_dir("target.yaml"), *link = in_dir("link.yaml");
    put_file(target, old_content, 0644);
    ck_assert_int_eq(symlink("target.yaml", link), 0);
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_save_policy_file(link, &err), -1);
    ck_assert_str_eq(err.source, link);
    ck_assert_str_eq(err.text, "cannot write: it is a symbolic link, which lsaemu does not "
                               "follow (name the file it points to)");
    assert_content(target, old_content);
    char dest[64];
    ssize_t n = readlink(link, dest, sizeof dest - 1);
    ck_assert_int_eq(n, 11);
    dest[n] = '\0';
    ck_assert_str_eq(dest, "target.yaml");
    /* A dangling link is refused too: its target is not created. */
    const char *dangling = in_dir("dangling.yaml");
    ck_assert_int_eq(symlink("absent.yaml", dangling), 0);
    ck_assert_int_eq(lsaemu_save_policy_file(dangling, &err), -1);
    ck_assert_int_eq(access(in_dir("absent.yaml"), F_OK), -1);
    assert_only("policy.yaml", "target.yaml", "link.yaml", "dangling.yaml", NULL);
    /* The file it points to can be named directly. */
    ck_assert_int_eq(lsaemu_save_policy_file(target, &err), 0);
    ck_assert_int_eq(lsaemu_check_policy_file(link, NULL, NULL), 0);
}
END_TEST

/* A directory is refused; a character device is written in place, never
 * replaced by a regular file (as root, a rename over /dev/null would). */
START_TEST(save_to_directory_and_devices)
{
    struct lsaemu_error err;
    ck_assert_int_eq(lsaemu_save_policy_file(dir, &err), -1);
    char want[256];
    snprintf(want, sizeof want, "cannot write: %s", strerror(EISDIR));
    ck_assert_str_eq(err.text, want);
    ck_assert_int_eq(lsaemu_save_policy_file("/dev/null", &err), 0);
    struct stat st;
    ck_assert_int_eq(lstat("/dev/null", &st), 0);
    ck_assert(S_ISCHR(st.st_mode));
    if (access("/dev/full", W_OK) == 0) {
        ck_assert_int_eq(lsaemu_save_policy_file("/dev/full", &err), -1);
        snprintf(want, sizeof want, "cannot write: %s", strerror(ENOSPC));
        ck_assert_str_eq(err.text, want);
        ck_assert_int_eq(lstat("/dev/full", &st), 0);
        ck_assert(S_ISCHR(st.st_mode));
    }
    assert_only("policy.yaml", NULL);
}
END_TEST

/* ---- lsaemu_secedit_export_to_file: the same replacement ---------------------------------- */

START_TEST(secedit_export_to_file_writes_template)
{
    const char *inf = in_dir("rights.inf");
    put_file(inf, old_content, 0600);
    mode_t old_mask = umask(022);
    struct lsaemu_error err;
    int rc = lsaemu_secedit_export_to_file(tu_path("policies/p0.yaml"), inf, &err);
    umask(old_mask);
    ck_assert_msg(rc == 0, "%s", err.text);
    char *data = NULL;
    size_t len = 0, got_len = 0;
    ck_assert_int_eq(lsaemu_secedit_export_file(tu_path("policies/p0.yaml"), &data, &len, &err), 0);
    char *got = slurp(inf, &got_len);
    ck_assert_uint_eq(got_len, len);
    ck_assert_int_eq(memcmp(got, data, len), 0);
    free(got);
    lsaemu_free(data);
    /* A template holds no secret: the mode of any new file, not the old one's. */
    ck_assert_uint_eq(mode_of(inf), 0644);
    assert_only("policy.yaml", "rights.inf", NULL);
}
END_TEST

START_TEST(secedit_export_to_file_failure_keeps_old_file)
{
    const char *inf = in_dir("rights.inf");
    put_file(inf, old_content, 0644);
    struct lsaemu_error err;
    char want[256];

    struct fsize_limit l;
    limit_file_size(&l, 1024);
    int rc = lsaemu_secedit_export_to_file(tu_path("policies/p0.yaml"), inf, &err);
    unlimit_file_size(&l);
    ck_assert_int_eq(rc, -1);
    ck_assert_str_eq(err.source, inf);
    ck_assert_int_eq(err.line, 0);
    snprintf(want, sizeof want, "cannot write: %s", strerror(EFBIG));
    ck_assert_str_eq(err.text, want);
    assert_content(inf, old_content);
    assert_only("policy.yaml", "rights.inf", NULL);

    for (size_t i = 0; i < sizeof step_failures / sizeof step_failures[0]; i++) {
        atomic_file_fail_at(step_failures[i].step, step_failures[i].err);
        rc = lsaemu_secedit_export_to_file(tu_path("policies/p0.yaml"), inf, &err);
        atomic_file_fail_at(ATOMIC_FILE_OK, 0);
        ck_assert_int_eq(rc, -1);
        snprintf(want, sizeof want, "%s: %s", step_failures[i].text,
                 strerror(step_failures[i].err));
        ck_assert_str_eq(err.text, want);
        assert_content(inf, old_content);
        assert_only("policy.yaml", "rights.inf", NULL);
    }

    /* An invalid policy: reported at its line, the template untouched. */
    const char *bad = in_dir("bad.yaml");
    put_file(bad, "lsaemu: 1\nbogus: 1\n", 0644);
    ck_assert_int_eq(lsaemu_secedit_export_to_file(bad, inf, &err), -1);
    ck_assert_str_eq(err.source, bad);
    ck_assert_int_gt(err.line, 0);
    assert_content(inf, old_content);

    /* A symbolic link is refused, as for lsaemu_save_policy_file. */
    const char *link = in_dir("link.inf");
    ck_assert_int_eq(symlink("rights.inf", link), 0);
    ck_assert_int_eq(lsaemu_secedit_export_to_file(tu_path("policies/p0.yaml"), link, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "symbolic link"));
    assert_content(inf, old_content);
    assert_only("policy.yaml", "rights.inf", "bad.yaml", "link.inf", NULL);

    ck_assert_int_eq(lsaemu_secedit_export_to_file(NULL, inf, &err), -1);
    ck_assert_int_eq(lsaemu_secedit_export_to_file(tu_path("policies/p0.yaml"), NULL, NULL), -1);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("save_policy");
    TCase *tc = tcase_create("save");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, round_trip_p0_unchanged);
    tcase_add_test(tc, round_trip_after_api_changes);
    tcase_add_test(tc, round_trip_every_field);
    tcase_add_test(tc, round_trip_aliased_lists);
    tcase_add_test(tc, save_aliased_lists_linear);
    tcase_add_test(tc, save_errors);
    tcase_add_test(tc, saved_file_is_valid_and_explicit);
    tcase_add_test(tc, save_disk_full_keeps_old_file);
    tcase_add_loop_test(tc, save_step_failure_keeps_old_file, 0,
                        sizeof step_failures / sizeof step_failures[0]);
    tcase_add_test(tc, save_dir_sync_failure_says_file_is_in_place);
    tcase_add_test(tc, save_out_of_memory_keeps_old_file);
    tcase_add_test(tc, saved_policy_is_mode_0600);
    tcase_add_test(tc, save_refuses_symlink);
    tcase_add_test(tc, save_to_directory_and_devices);
    tcase_add_test(tc, secedit_export_to_file_writes_template);
    tcase_add_test(tc, secedit_export_to_file_failure_keeps_old_file);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
