/* SPDX-License-Identifier: MIT */
/*
 * A machine joined to a domain (policy-format.md "domain"): LogonUser and
 * LsaLogonUser of CORP\name, corp.example\name and name@corp.example,
 * Kerberos S4U of a domain account, STATUS_NO_LOGON_SERVERS
 * (ERROR_NO_LOGON_SERVERS, 1311) while the domain cannot be reached, cached
 * interactive logons then, and LookupAccountName / LookupAccountSid /
 * LsaLookupNames2 answering with the domain SID-based account SIDs
 * (MS-LSAT 3.1.4.5: isolated names are looked up on the machine, then in
 * the primary domain). The loader's checks of the section close the file.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsa_helpers.h"
#include "token_helpers.h"

#define PW "Passw0rd-1"
#define I LOGON32_LOGON_INTERACTIVE
#define N LOGON32_LOGON_NETWORK
#define DEF LOGON32_PROVIDER_DEFAULT

#define DOMAIN_SID "S-1-5-21-111-222-333"
#define CORP_SID_BOB DOMAIN_SID "-1000"
#define CORP_SID_CAROL DOMAIN_SID "-1001"
#define CORP_SID_ENGINEERS DOMAIN_SID "-1200"

/* reachable is substituted: "true" or "false". */
static const char policy_fmt[] =
    "lsaemu: 1\n"
    "machine: { name: WS1, time: \"2026-11-18T10:00:00Z\" }\n"
    "base: workstation\n"
    "accounts:\n"
    "  alice: { password: \"" PW "\", groups: [Users] }\n"
    "domain:\n"
    "  name: CORP\n"
    "  dns_name: corp.example\n"
    "  sid: " DOMAIN_SID "\n"
    "  reachable: %s\n"
    "  groups:\n"
    "    Engineers: { rid: 1200 }\n"
    "  accounts:\n"
    "    bob: { password: \"" PW "\", groups: [Engineers] }\n"
    "    carol: { password: \"" PW "\", upn: carol.c@mail.example, cached: true }\n"
    "groups:\n"
    "  Users: { members: [\"CORP\\\\Domain Users\"] }\n"
    "rights:\n"
    "  SeTcbPrivilege: [\"NT AUTHORITY\\\\SYSTEM\"]\n";

static void load(bool reachable)
{
    char yaml[2048];
    snprintf(yaml, sizeof yaml, policy_fmt, reachable ? "true" : "false");
    tu_load_policy_text(yaml);
    lsaemu_reset();
    tu_use_process("default");
}

static void setup(void)
{
    load(true);
}

static void setup_unreachable(void)
{
    load(false);
}

/* LogonUserA; returns the last error (0 on success) and on success the
 * token's user SID in user_sid (may be NULL). */
static DWORD logon(const char *user, const char *domain, const char *password, DWORD type,
                   char *user_sid)
{
    HANDLE t = (HANDLE)(uintptr_t)0x1234;
    SetLastError(0xDEAD);
    BOOL ok = LogonUserA(user, domain, password, type, DEF, &t);
    DWORD err = GetLastError();
    if (!ok) {
        ck_assert_ptr_null(t);
        return err;
    }
    /* A success leaves the last error as it was (GUESS_SUCCESS_LEAVES_LAST_ERROR). */
    ck_assert_win32_eq(err, 0xDEAD);
    if (user_sid)
        tk_user(t, user_sid);
    ck_assert(CloseHandle(t));
    return 0;
}

/* ---- LogonUser -------------------------------------------------------------- */

static const struct {
    const char *user, *domain, *password;
    DWORD type;
    DWORD err;
    const char *sid; /* on success */
    NTSTATUS status, substatus;
} logons[] = {
    {"bob", "CORP", PW, I, 0, CORP_SID_BOB, STATUS_SUCCESS, STATUS_SUCCESS},
    {"BOB", "corp", PW, N, 0, CORP_SID_BOB, STATUS_SUCCESS, STATUS_SUCCESS},
    {"bob", "corp.example", PW, I, 0, CORP_SID_BOB, STATUS_SUCCESS, STATUS_SUCCESS},
    {"bob@corp.example", NULL, PW, I, 0, CORP_SID_BOB, STATUS_SUCCESS, STATUS_SUCCESS},
    {"bob@CORP.EXAMPLE", "", PW, N, 0, CORP_SID_BOB, STATUS_SUCCESS, STATUS_SUCCESS},
    /* carol's upn: replaces the implicit name@dns_name. */
    {"carol.c@mail.example", NULL, PW, I, 0, CORP_SID_CAROL, STATUS_SUCCESS, STATUS_SUCCESS},
    {"bob", "CORP", "wrong", I, ERROR_LOGON_FAILURE, NULL, STATUS_LOGON_FAILURE,
     STATUS_WRONG_PASSWORD},
    {"nobody", "CORP", PW, I, ERROR_LOGON_FAILURE, NULL, STATUS_LOGON_FAILURE,
     STATUS_NO_SUCH_USER},
    /* A domain account is no account of the machine. */
    {"bob", ".", PW, I, ERROR_LOGON_FAILURE, NULL, STATUS_LOGON_FAILURE, STATUS_NO_SUCH_USER},
    {"bob", "WS1", PW, I, ERROR_LOGON_FAILURE, NULL, STATUS_LOGON_FAILURE, STATUS_NO_SUCH_USER},
    /* Nor is a machine account one of the domain. */
    {"alice", "CORP", PW, I, ERROR_LOGON_FAILURE, NULL, STATUS_LOGON_FAILURE,
     STATUS_NO_SUCH_USER},
    {"alice", "OTHER", PW, I, ERROR_LOGON_FAILURE, NULL, STATUS_LOGON_FAILURE,
     STATUS_NO_SUCH_USER},
};

START_TEST(logon_user_table)
{
    char sid[256] = "";
    DWORD err = logon(logons[_i].user, logons[_i].domain, logons[_i].password, logons[_i].type,
                      sid);
    ck_assert_msg(err == logons[_i].err, "row %d (%s\\%s): got %u, want %u: %s", _i,
                  logons[_i].domain ? logons[_i].domain : "(null)", logons[_i].user,
                  (unsigned)err, (unsigned)logons[_i].err, lsaemu_last_reason());
    ck_assert_status_eq(lsaemu_last_status(), logons[_i].status);
    ck_assert_status_eq(lsaemu_last_substatus(), logons[_i].substatus);
    if (logons[_i].sid)
        ck_assert_str_eq(sid, logons[_i].sid);
}
END_TEST

/* The token of a domain logon: Domain Users (the primary group), the
 * domain group of the account, and the local group that holds Domain
 * Users. */
START_TEST(domain_token_groups)
{
    HANDLE t = NULL;
    ck_assert(LogonUserA("bob", "CORP", PW, I, DEF, &t));
    DWORD attrs;
    ck_assert(tk_has_group(t, DOMAIN_SID "-513", &attrs));
    ck_assert(tk_has_group(t, CORP_SID_ENGINEERS, &attrs));
    ck_assert(tk_has_group(t, "S-1-5-32-545", &attrs));
    /* Not a local account. */
    ck_assert(!tk_has_group(t, "S-1-5-113", &attrs));
    ck_assert(CloseHandle(t));
}
END_TEST

/* ---- LsaLogonUser and S4U ------------------------------------------------------ */

START_TEST(kerberos_s4u_domain_account)
{
    HANDLE lsa = th_connect_trusted();
    ULONG pkg = th_package(lsa, MICROSOFT_KERBEROS_NAME_A);
    ULONG len;
    void *buf = th_kerb_s4u("bob", "corp.example", 0, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, pkg, Network, buf, len, NULL, &out), STATUS_SUCCESS);
    char user[256];
    ck_assert_str_eq(tk_user(out.token, user), CORP_SID_BOB);
    th_release(&out);
    free(buf);
    /* By UPN, without a realm. */
    buf = th_kerb_s4u("bob@corp.example", "", 0, &len);
    ck_assert_status_eq(th_logon(lsa, pkg, Network, buf, len, NULL, &out), STATUS_SUCCESS);
    ck_assert_str_eq(tk_user(out.token, user), CORP_SID_BOB);
    th_release(&out);
    free(buf);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* Field F4 #7: MSV1_0 S4U is for local accounts only. */
START_TEST(msv_s4u_domain_account_not_supported)
{
    HANDLE lsa = th_connect_trusted();
    ULONG pkg = th_package(lsa, MSV1_0_PACKAGE_NAME);
    ULONG len;
    void *buf = th_msv_s4u("bob", "CORP", 0, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, pkg, Network, buf, len, NULL, &out), STATUS_NOT_SUPPORTED);
    th_assert_failed_outputs(&out);
    free(buf);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* ---- An unreachable domain ------------------------------------------------------ */

START_TEST(unreachable_no_logon_servers)
{
    ck_assert_win32_eq(logon("bob", "CORP", PW, I, NULL), ERROR_NO_LOGON_SERVERS);
    ck_assert_status_eq(lsaemu_last_status(), STATUS_NO_LOGON_SERVERS);
    ck_assert_win32_eq(logon("bob@corp.example", NULL, PW, N, NULL), ERROR_NO_LOGON_SERVERS);
    /* Even a name the domain does not have: nobody can tell. */
    ck_assert_win32_eq(logon("nobody", "CORP", PW, I, NULL), ERROR_NO_LOGON_SERVERS);
    /* The machine's own accounts are not affected. */
    ck_assert_win32_eq(logon("alice", ".", PW, I, NULL), 0);

    HANDLE lsa = th_connect_trusted();
    ULONG pkg = th_package(lsa, MICROSOFT_KERBEROS_NAME_A);
    ULONG len;
    void *buf = th_kerb_s4u("bob", "corp.example", 0, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, pkg, Network, buf, len, NULL, &out),
                        STATUS_NO_LOGON_SERVERS);
    th_assert_failed_outputs(&out);
    free(buf);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* guesses.h GUESS_DOMAIN_CACHED_LOGONS: cached: true lets an interactive
 * logon in from the cache; a network logon still needs the domain. */
START_TEST(unreachable_cached_interactive)
{
    char sid[256];
    ck_assert_win32_eq(logon("carol", "CORP", PW, I, sid), 0);
    ck_assert_str_eq(sid, CORP_SID_CAROL);
    ck_assert_win32_eq(logon("carol", "CORP", "wrong", I, NULL), ERROR_LOGON_FAILURE);
    ck_assert_win32_eq(logon("carol", "CORP", PW, N, NULL), ERROR_NO_LOGON_SERVERS);
}
END_TEST

/* machine.domain alone: the older spelling of an unreachable domain with
 * no accounts. */
START_TEST(machine_domain_is_unreachable)
{
    tu_load_policy_text("lsaemu: 1\n"
                        "machine: { name: WS1, domain: corp.example }\n"
                        "base: workstation\n");
    lsaemu_reset();
    tu_use_process("default");
    ck_assert_win32_eq(logon("bob", "CORP", PW, I, NULL), ERROR_NO_LOGON_SERVERS);
    ck_assert_win32_eq(logon("bob", "corp.example", PW, I, NULL), ERROR_NO_LOGON_SERVERS);
}
END_TEST

/* ---- Lookups ----------------------------------------------------------------- */

static const struct {
    const char *name;
    BOOL ok;
    const char *sid, *domain;
    SID_NAME_USE use;
} lookups[] = {
    {"CORP\\bob", TRUE, CORP_SID_BOB, "CORP", SidTypeUser},
    {"corp\\BOB", TRUE, CORP_SID_BOB, "CORP", SidTypeUser},
    {"corp.example\\bob", TRUE, CORP_SID_BOB, "CORP", SidTypeUser},
    {"bob@corp.example", TRUE, CORP_SID_BOB, "CORP", SidTypeUser},
    {"carol.c@mail.example", TRUE, CORP_SID_CAROL, "CORP", SidTypeUser},
    /* An isolated name: the machine's, then the domain's. */
    {"bob", TRUE, CORP_SID_BOB, "CORP", SidTypeUser},
    {"alice", TRUE, "S-1-5-21-1000-2000-3000-1000", "WS1", SidTypeUser},
    {"CORP", TRUE, DOMAIN_SID, "CORP", SidTypeDomain},
    {"CORP\\Domain Users", TRUE, DOMAIN_SID "-513", "CORP", SidTypeGroup},
    {"CORP\\Engineers", TRUE, CORP_SID_ENGINEERS, "CORP", SidTypeGroup},
    {"CORP\\alice", FALSE, NULL, NULL, SidTypeUnknown},
    {"CORP\\nobody", FALSE, NULL, NULL, SidTypeUnknown},
    {"WS1\\bob", FALSE, NULL, NULL, SidTypeUnknown},
};

START_TEST(lookup_account_name_table)
{
    unsigned char sid[SECURITY_MAX_SID_SIZE];
    char dom[64], text[256];
    DWORD cb = sizeof sid, cch = sizeof dom;
    SID_NAME_USE use = SidTypeInvalid;
    SetLastError(0xDEAD);
    BOOL ok = LookupAccountNameA(NULL, lookups[_i].name, sid, &cb, dom, &cch, &use);
    ck_assert_msg(ok == lookups[_i].ok, "%s", lookups[_i].name);
    if (!ok) {
        ck_assert_win32_eq(GetLastError(), ERROR_NONE_MAPPED);
        return;
    }
    ck_assert_str_eq(tk_sid_text(sid, text), lookups[_i].sid);
    ck_assert_str_eq(dom, lookups[_i].domain);
    ck_assert_uint_eq(cch, strlen(lookups[_i].domain));
    ck_assert_int_eq(use, lookups[_i].use);
}
END_TEST

START_TEST(lookup_account_sid_domain)
{
    unsigned char buf[SECURITY_MAX_SID_SIZE];
    char name[64], dom[64];
    DWORD nn = sizeof name, nd = sizeof dom;
    SID_NAME_USE use;
    ck_assert(LookupAccountSidA(NULL, tk_sid(buf, CORP_SID_BOB), name, &nn, dom, &nd, &use));
    ck_assert_str_eq(name, "bob");
    ck_assert_str_eq(dom, "CORP");
    ck_assert_int_eq(use, SidTypeUser);
    nn = sizeof name;
    nd = sizeof dom;
    ck_assert(LookupAccountSidA(NULL, tk_sid(buf, CORP_SID_ENGINEERS), name, &nn, dom, &nd, &use));
    ck_assert_str_eq(name, "Engineers");
    ck_assert_int_eq(use, SidTypeGroup);
    nn = sizeof name;
    nd = sizeof dom;
    ck_assert(LookupAccountSidA(NULL, tk_sid(buf, DOMAIN_SID), name, &nn, dom, &nd, &use));
    ck_assert_str_eq(name, "CORP");
    ck_assert_str_eq(dom, "CORP");
    ck_assert_int_eq(use, SidTypeDomain);
}
END_TEST

static LSA_UNICODE_STRING ustr(WCHAR *buf, const char *ascii)
{
    LSA_UNICODE_STRING u;
    u.Buffer = buf;
    u.Length = u.MaximumLength = (USHORT)th_utf16(buf, ascii);
    return u;
}

START_TEST(lsa_lookup_names2_domain)
{
    LSA_HANDLE h = NULL;
    LSA_OBJECT_ATTRIBUTES oa;
    memset(&oa, 0, sizeof oa);
    ck_assert_status_eq(LsaOpenPolicy(NULL, &oa, POLICY_LOOKUP_NAMES, &h), STATUS_SUCCESS);
    WCHAR b0[64], b1[64], b2[64];
    LSA_UNICODE_STRING names[3] = {ustr(b0, "CORP\\bob"), ustr(b1, "alice"),
                                   ustr(b2, "bob@corp.example")};
    PLSA_REFERENCED_DOMAIN_LIST doms = NULL;
    PLSA_TRANSLATED_SID2 sids = NULL;
    ck_assert_status_eq(LsaLookupNames2(h, 0, 3, names, &doms, &sids), STATUS_SUCCESS);
    char text[256];
    ck_assert_int_eq(sids[0].Use, SidTypeUser);
    ck_assert_str_eq(tk_sid_text(sids[0].Sid, text), CORP_SID_BOB);
    ck_assert_str_eq(tk_sid_text(sids[2].Sid, text), CORP_SID_BOB);
    ck_assert_int_eq(sids[0].DomainIndex, sids[2].DomainIndex);
    ck_assert_int_ne(sids[0].DomainIndex, sids[1].DomainIndex);
    ck_assert_uint_eq(doms->Entries, 2);
    PLSA_TRUST_INFORMATION d = &doms->Domains[sids[0].DomainIndex];
    ck_assert(th_ustr_eq(&d->Name, "CORP"));
    ck_assert_str_eq(tk_sid_text(d->Sid, text), DOMAIN_SID);
    d = &doms->Domains[sids[1].DomainIndex];
    ck_assert(th_ustr_eq(&d->Name, "WS1"));
    ck_assert_status_eq(LsaFreeMemory(sids), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeMemory(doms), STATUS_SUCCESS);
    ck_assert_status_eq(LsaClose(h), STATUS_SUCCESS);
}
END_TEST

/* ---- Saving ------------------------------------------------------------------- */

/* lsaemu_save_policy_file() writes domain: and lockout: so that the saved
 * policy loads back to the same answers: the domain's SIDs, its UPNs, its
 * reachability, cached credentials and the lockout threshold. */
START_TEST(save_round_trip)
{
    char path[] = "/tmp/lsaemu-domain-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    char yaml[2048];
    snprintf(yaml, sizeof yaml, policy_fmt, "false");
    strcat(yaml, "lockout: { threshold: 2, duration: 30, window: 20, administrator: true }\n");
    tu_load_policy_text(yaml);
    struct lsaemu_error err;
    int rc = lsaemu_save_policy_file(path, &err);
    ck_assert_msg(rc == 0, "%s", err.text);
    rc = lsaemu_load_policy_file(path, &err);
    unlink(path);
    ck_assert_msg(rc == 0, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
    lsaemu_reset();
    tu_use_process("default");
    char sid[256];
    /* Unreachable; carol is cached, under her own UPN. */
    ck_assert_win32_eq(logon("bob", "CORP", PW, I, NULL), ERROR_NO_LOGON_SERVERS);
    ck_assert_win32_eq(logon("carol.c@mail.example", NULL, PW, I, sid), 0);
    ck_assert_str_eq(sid, CORP_SID_CAROL);
    /* The lockout policy came back: two bad passwords lock carol. */
    ck_assert_win32_eq(logon("carol", "CORP", "wrong", I, NULL), ERROR_LOGON_FAILURE);
    ck_assert_win32_eq(logon("carol", "CORP", "wrong", I, NULL), ERROR_LOGON_FAILURE);
    ck_assert_win32_eq(logon("carol", "CORP", PW, I, NULL), ERROR_ACCOUNT_LOCKED_OUT);
    lsaemu_advance_time(30 * 60);
    ck_assert_win32_eq(logon("carol", "CORP", PW, I, NULL), 0);
    /* The domain's group and its SID. */
    unsigned char buf[SECURITY_MAX_SID_SIZE];
    char dom[64], text[256];
    DWORD cb = sizeof buf, cch = sizeof dom;
    SID_NAME_USE use;
    ck_assert(LookupAccountNameA(NULL, "CORP\\Engineers", buf, &cb, dom, &cch, &use));
    ck_assert_str_eq(tk_sid_text(buf, text), CORP_SID_ENGINEERS);
}
END_TEST

/* ---- The domain: section's checks --------------------------------------------- */

static const struct {
    const char *section, *message;
} invalid[] = {
    {"domain: { dns_name: corp.example }", "domain has no 'name'"},
    {"domain: { name: CORPORATIONLONGNAME }", "is not a NetBIOS name"},
    {"domain: { name: WS1 }", "domain name 'WS1' is taken by the machine"},
    {"domain: { name: BUILTIN }", "is taken by a built-in domain"},
    {"domain: { name: CORP, sid: S-1-5-32-544 }", "must have the form S-1-5-21-a-b-c"},
    {"domain: { name: CORP, sid: S-1-5-21-1000-2000-3000 }", "is the machine's sid"},
    {"domain: { name: CORP, dns_name: \"corp..example\" }", "malformed dns_name"},
    {"domain: { name: CORP, reachable: maybe }", "reachable"},
    {"domain: { name: CORP, accounts: { x: { upn: nobody } } }", "malformed upn 'nobody'"},
    {"domain: { name: CORP, sid: S-1-5-21-1-2-3, accounts: { x: { sid: S-1-5-21-9-9-9-1000 } } }",
     "is not in the domain"},
    {"domain: { name: CORP, groups: { G: { members: [alice] } } }",
     "is not an account or group of domain CORP"},
    {"domain: { name: CORP, accounts: { x: { cached: 2 } } }", "cached"},
    {"domain: { name: CORP, forest: x }", "forest"},
};

START_TEST(invalid_domain)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "lsaemu: 1\nmachine: { name: WS1 }\nbase: workstation\n"
             "accounts: { alice: {} }\n%s\n",
             invalid[_i].section);
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(lsaemu_load_policy_string(yaml, "domain.yaml", &err), -1);
    ck_assert_msg(strstr(err.text, invalid[_i].message), "%s: %s", invalid[_i].section,
                  err.text);
    ck_assert_int_eq(err.line, 5);
    ck_assert_int_gt(err.column, 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("domain");
    TCase *tc = tcase_create("logon");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, logon_user_table, 0, (int)(sizeof logons / sizeof logons[0]));
    tcase_add_test(tc, domain_token_groups);
    tcase_add_test(tc, kerberos_s4u_domain_account);
    tcase_add_test(tc, msv_s4u_domain_account_not_supported);
    suite_add_tcase(s, tc);

    tc = tcase_create("unreachable");
    tcase_add_checked_fixture(tc, setup_unreachable, NULL);
    tcase_add_test(tc, unreachable_no_logon_servers);
    tcase_add_test(tc, unreachable_cached_interactive);
    tcase_add_test(tc, machine_domain_is_unreachable);
    suite_add_tcase(s, tc);

    tc = tcase_create("lookup");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, lookup_account_name_table, 0,
                        (int)(sizeof lookups / sizeof lookups[0]));
    tcase_add_test(tc, lookup_account_sid_domain);
    tcase_add_test(tc, lsa_lookup_names2_domain);
    suite_add_tcase(s, tc);

    tc = tcase_create("policy");
    tcase_add_test(tc, save_round_trip);
    tcase_add_loop_test(tc, invalid_domain, 0, (int)(sizeof invalid / sizeof invalid[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
