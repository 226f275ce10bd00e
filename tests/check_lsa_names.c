/* SPDX-License-Identifier: MIT */
/*
 * Issue 13 part A, the LSA's names: the NT AUTHORITY aliases in
 * LookupAccountName and LsaLookupNames2 (i13-facts A3), LookupAccountName
 * with a NULL name and LookupAccountSid with NULL buffers (A4),
 * LsaLookupNames (B5), LsaQueryInformationPolicy (B6), LsaGetUserName (B7),
 * LsaManageSidNameMapping (B8), and counted names holding a U+0000.
 *
 * Expectations cite the Wine conformance tests (W-sec, W-lsa: ok() lines
 * observed on Windows), MS-LSAT, or name the [guess] of guesses.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sddl.h>

#include "lsa_helpers.h"

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("user");
}

/* Short names for the fixtures most rows use (lsa_helpers.h). */
#define U(ascii) th_lsa_ustr(ascii)
#define S(text) th_sid_of(text)

static const char *sid_text(PSID sid)
{
    static char ring[8][200];
    static int next;
    char *out = ring[next++ % 8];
    LPSTR s = NULL;
    ck_assert(ConvertSidToStringSidA(sid, &s));
    strcpy(out, s);
    ck_assert_ptr_null(LocalFree(s));
    return out;
}

static LSA_HANDLE open_policy(ACCESS_MASK access)
{
    LSA_OBJECT_ATTRIBUTES attrs;
    memset(&attrs, 0, sizeof attrs);
    LSA_HANDLE h = NULL;
    ck_assert_status_eq(LsaOpenPolicy(NULL, &attrs, access, &h), STATUS_SUCCESS);
    return h;
}

/* ---- The NT AUTHORITY aliases (i13-facts A3, W-sec check_wellknown_name) ----------------- */

static const struct {
    const char *name;
    const char *sid; /* NULL: ERROR_NONE_MAPPED */
    const char *account, *domain;
} alias_rows[] = {
    {"LocalService", "S-1-5-19", "LOCAL SERVICE", "NT AUTHORITY"},
    {"Local Service", "S-1-5-19", "LOCAL SERVICE", "NT AUTHORITY"},
    {"lOCAlServICE", "S-1-5-19", "LOCAL SERVICE", "NT AUTHORITY"},
    {"NT AUTHORITY\\LocalService", "S-1-5-19", "LOCAL SERVICE", "NT AUTHORITY"},
    {"NT AUTHORITY\\LOCAL SERVICE", "S-1-5-19", "LOCAL SERVICE", "NT AUTHORITY"},
    {"NetworkService", "S-1-5-20", "NETWORK SERVICE", "NT AUTHORITY"},
    {"Network Service", "S-1-5-20", "NETWORK SERVICE", "NT AUTHORITY"},
    {"nt authority\\Network Service", "S-1-5-20", "NETWORK SERVICE", "NT AUTHORITY"},
    {"nt authority\\networkservice", "S-1-5-20", "NETWORK SERVICE", "NT AUTHORITY"},
    {"Terminal Server User", "S-1-5-13", "TERMINAL SERVER USER", "NT AUTHORITY"},
    {"enterprise domain controllers", "S-1-5-9", "ENTERPRISE DOMAIN CONTROLLERS",
     "NT AUTHORITY"},
    {"NT AUTHORITY\\SYSTEM", "S-1-5-18", "SYSTEM", "NT AUTHORITY"},
    {"SYSTEM", "S-1-5-18", "SYSTEM", "NT AUTHORITY"},
    {"NT AUTHORITY\\Authenticated Users", "S-1-5-11", "Authenticated Users", "NT AUTHORITY"},
    {"Local  Service", NULL, NULL, NULL},
    {"TerminalServer User", NULL, NULL, NULL},
    {"TerminalServerUser", NULL, NULL, NULL},
    {"Terminal ServerUser", NULL, NULL, NULL},
    {"enterprisedomain controllers", NULL, NULL, NULL},
    {"enterprise domaincontrollers", NULL, NULL, NULL},
    {"enterprisedomaincontrollers", NULL, NULL, NULL},
    {"nt authority test\\Network Service", NULL, NULL, NULL},
    {"Dummy\\Network Service", NULL, NULL, NULL},
    {"ntauthority\\Network Service", NULL, NULL, NULL},
    {"BUILTIN\\LocalService", NULL, NULL, NULL},
    /* GUESS_LOOKUP_LOCALSYSTEM: no LSA name. */
    {"LocalSystem", NULL, NULL, NULL},
    {"NT AUTHORITY\\LocalSystem", NULL, NULL, NULL},
};

START_TEST(lookup_account_name_aliases)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    char dom[64];
    DWORD cb = 0, cch = 0;
    SID_NAME_USE use = (SID_NAME_USE)0x55;
    /* The size probe fails first (W-sec: sizes of 0). */
    ck_assert(!LookupAccountNameA(NULL, alias_rows[_i].name, NULL, &cb, NULL, &cch, &use));
    if (!alias_rows[_i].sid) {
        ck_assert_win32_eq(GetLastError(), ERROR_NONE_MAPPED);
        ck_assert_uint_eq(cb, 0);
        ck_assert_uint_eq(cch, 0);
        return;
    }
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(use, 0x55);
    ck_assert_uint_eq(cb, 12);
    ck_assert_uint_eq(cch, strlen(alias_rows[_i].domain) + 1);
    SetLastError(0xDEADBEEF);
    ck_assert(LookupAccountNameA(NULL, alias_rows[_i].name, sid, &cb, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert_str_eq(sid_text(sid), alias_rows[_i].sid);
    ck_assert_str_eq(dom, alias_rows[_i].domain);
    ck_assert_int_eq(use, SidTypeWellKnownGroup);
    /* The SID's own names, as LookupAccountSid gives them. */
    char acct[64];
    DWORD cacct = sizeof acct;
    cch = sizeof dom;
    ck_assert(LookupAccountSidA(NULL, sid, acct, &cacct, dom, &cch, &use));
    ck_assert_str_eq(acct, alias_rows[_i].account);
    ck_assert_str_eq(dom, alias_rows[_i].domain);
}
END_TEST

/* W-lsa test_LsaLookupNames2: the alias names through the LSA, Flags 0. */
START_TEST(lsa_lookup_names2_aliases)
{
    LSA_HANDLE h = open_policy(POLICY_LOOKUP_NAMES);
    LSA_UNICODE_STRING name = U(alias_rows[_i].name);
    PLSA_REFERENCED_DOMAIN_LIST doms = NULL;
    PLSA_TRANSLATED_SID2 sids = NULL;
    NTSTATUS st = LsaLookupNames2(h, 0, 1, &name, &doms, &sids);
    ck_assert_ptr_nonnull(doms);
    ck_assert_ptr_nonnull(sids);
    if (!alias_rows[_i].sid) {
        ck_assert_status_eq(st, STATUS_NONE_MAPPED);
        ck_assert_int_eq(sids[0].Use, SidTypeUnknown);
        ck_assert_int_eq(sids[0].DomainIndex, -1);
        ck_assert_uint_eq(doms->Entries, 0);
    } else {
        ck_assert_status_eq(st, STATUS_SUCCESS);
        ck_assert_int_eq(sids[0].Use, SidTypeWellKnownGroup);
        ck_assert_uint_eq(sids[0].Flags, 0);
        ck_assert_str_eq(sid_text(sids[0].Sid), alias_rows[_i].sid);
        ck_assert_uint_eq(doms->Entries, 1);
        ck_assert_int_eq(sids[0].DomainIndex, 0);
        ck_assert(th_ustr_eq(&doms->Domains[0].Name, alias_rows[_i].domain));
        ck_assert_str_eq(sid_text(doms->Domains[0].Sid), "S-1-5");
    }
    ck_assert_status_eq(LsaFreeMemory(sids), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeMemory(doms), STATUS_SUCCESS);
    ck_assert_status_eq(LsaClose(h), STATUS_SUCCESS);
}
END_TEST

/* W-lsa: a mix of two aliases and a near miss; one referenced domain. */
START_TEST(lsa_lookup_names2_alias_mix)
{
    LSA_HANDLE h = open_policy(POLICY_LOOKUP_NAMES);
    LSA_UNICODE_STRING names[3] = {U("LOCAL SERVICE"), U("NT AUTHORITY\\LocalService"),
                                   U("LOCAL SERVIC")};
    PLSA_REFERENCED_DOMAIN_LIST doms = NULL;
    PLSA_TRANSLATED_SID2 sids = NULL;
    ck_assert_status_eq(LsaLookupNames2(h, 0, 3, names, &doms, &sids), STATUS_SOME_NOT_MAPPED);
    ck_assert_uint_eq(doms->Entries, 1);
    ck_assert_int_eq(sids[0].DomainIndex, 0);
    ck_assert_int_eq(sids[1].DomainIndex, 0);
    ck_assert_int_eq(sids[2].DomainIndex, -1);
    ck_assert_int_eq(sids[2].Use, SidTypeUnknown);
    ck_assert_ptr_null(sids[2].Sid);
    LsaFreeMemory(sids);
    LsaFreeMemory(doms);
    LsaClose(h);
}
END_TEST

/* ---- NULL names and buffers (i13-facts A4) --------------------------------------------- */

/* W-sec test_LookupAccountName: a NULL name is the account domain. */
START_TEST(lookup_account_name_null_is_domain)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    char dom[64];
    DWORD cb = 0, cch = 0;
    SID_NAME_USE use = (SID_NAME_USE)0x55;
    ck_assert(!LookupAccountNameA(NULL, NULL, NULL, &cb, NULL, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cb, 24);
    ck_assert_uint_eq(cch, 4);
    ck_assert_int_eq(use, 0x55);
    SetLastError(0xDEADBEEF);
    ck_assert(LookupAccountNameA(NULL, NULL, sid, &cb, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert_int_eq(use, SidTypeDomain);
    ck_assert_str_eq(sid_text(sid), "S-1-5-21-1000-2000-3000");
    ck_assert_str_eq(dom, "WS1");
    ck_assert_uint_eq(cch, 3);
    /* The wide form agrees. */
    WCHAR wdom[64];
    cb = sizeof sid;
    cch = 64;
    ck_assert(LookupAccountNameW(NULL, NULL, sid, &cb, wdom, &cch, &use));
    ck_assert_int_eq(use, SidTypeDomain);
    ck_assert_uint_eq(cch, 3);
    /* LookupAccountSid of it: account name == domain name. */
    char acct[64];
    DWORD cacct = sizeof acct;
    cch = sizeof dom;
    ck_assert(LookupAccountSidA(NULL, sid, acct, &cacct, dom, &cch, &use));
    ck_assert_str_eq(acct, "WS1");
    ck_assert_str_eq(dom, "WS1");
}
END_TEST

/* W-sec test_LookupAccountSid: the A form accepts a NULL Name or domain
 * buffer with a size of MAX_PATH; the W form faults (a deviation: 87). */
START_TEST(lookup_account_sid_null_buffers)
{
    PSID sid = S("S-1-5-21-1000-2000-3000-1001");
    char buf[MAX_PATH];
    DWORD cacct = MAX_PATH, cdom = MAX_PATH;
    SID_NAME_USE use = 0;
    SetLastError(0xDEADBEEF);
    ck_assert(LookupAccountSidA(NULL, sid, NULL, &cacct, buf, &cdom, &use));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert_str_eq(buf, "WS1");
    ck_assert_uint_eq(cacct, 5);
    ck_assert_uint_eq(cdom, 3);
    ck_assert_int_eq(use, SidTypeUser);
    cacct = MAX_PATH;
    cdom = MAX_PATH;
    ck_assert(LookupAccountSidA(NULL, sid, buf, &cacct, NULL, &cdom, &use));
    ck_assert_str_eq(buf, "alice");
    /* Sizes of 0 and no buffers: 122 with both sizes, use untouched. */
    DWORD z1 = 0, z2 = 0;
    SID_NAME_USE u0 = 0;
    ck_assert(!LookupAccountSidW(NULL, sid, NULL, &z1, NULL, &z2, &u0));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(z1, 6);
    ck_assert_uint_eq(z2, 4);
    ck_assert_int_eq(u0, 0);
    /* A size of 1: 122. */
    cacct = 1;
    cdom = MAX_PATH;
    ck_assert(!LookupAccountSidA(NULL, sid, buf, &cacct, buf, &cdom, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
}
END_TEST

START_TEST(lookup_account_sid_w_null_buffer_deviation)
{
    PSID sid = S("S-1-5-21-1000-2000-3000-1001");
    WCHAR buf[MAX_PATH];
    DWORD cacct = MAX_PATH, cdom = MAX_PATH;
    SID_NAME_USE use = 0;
    /* Deviation: Windows faults here (W-sec); lsaemu answers 87. */
    ck_assert(!LookupAccountSidW(NULL, sid, NULL, &cacct, buf, &cdom, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

/* ---- LsaLookupNames, the first generation (i13-facts B5) ---------------------------------- */

static const struct {
    const char *name;
    SID_NAME_USE use;
    ULONG rid;
    const char *domain, *domain_sid; /* NULL: DomainIndex -1 */
} names1_rows[] = {
    {"alice", SidTypeUser, 1001, "WS1", "S-1-5-21-1000-2000-3000"},
    {"WS1\\bob", SidTypeUser, 1002, "WS1", "S-1-5-21-1000-2000-3000"},
    {"LocalService", SidTypeWellKnownGroup, 19, "NT AUTHORITY", "S-1-5"},
    {"BUILTIN\\Administrators", SidTypeAlias, 544, "BUILTIN", "S-1-5-32"},
    {"BUILTIN", SidTypeDomain, 0xFFFFFFFFu, "BUILTIN", "S-1-5-32"},
    {"WS1", SidTypeDomain, 0xFFFFFFFFu, "WS1", "S-1-5-21-1000-2000-3000"},
    {"Everyone", SidTypeWellKnownGroup, 0, "", "S-1-1"},
    {"nobody", SidTypeUnknown, 0, NULL, NULL},
};

START_TEST(lsa_lookup_names)
{
    LSA_HANDLE h = open_policy(POLICY_LOOKUP_NAMES);
    LSA_UNICODE_STRING name = U(names1_rows[_i].name);
    PLSA_REFERENCED_DOMAIN_LIST doms = NULL;
    PLSA_TRANSLATED_SID sids = NULL;
    NTSTATUS st = LsaLookupNames(h, 1, &name, &doms, &sids);
    ck_assert_status_eq(st, names1_rows[_i].domain ? STATUS_SUCCESS : STATUS_NONE_MAPPED);
    ck_assert_ptr_nonnull(sids);
    ck_assert_ptr_nonnull(doms);
    ck_assert_int_eq(sids[0].Use, names1_rows[_i].use);
    if (!names1_rows[_i].domain) {
        ck_assert_int_eq(sids[0].DomainIndex, -1);
        ck_assert_uint_eq(doms->Entries, 0);
    } else {
        ck_assert_uint_eq(sids[0].RelativeId, names1_rows[_i].rid);
        ck_assert_int_eq(sids[0].DomainIndex, 0);
        ck_assert_uint_eq(doms->Entries, 1);
        ck_assert_msg(th_ustr_eq(&doms->Domains[0].Name, names1_rows[_i].domain), "%s",
                      th_ustr_ascii(&doms->Domains[0].Name));
        ck_assert_str_eq(sid_text(doms->Domains[0].Sid), names1_rows[_i].domain_sid);
    }
    ck_assert_status_eq(LsaFreeMemory(sids), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeMemory(doms), STATUS_SUCCESS);
    LsaClose(h);
}
END_TEST

START_TEST(lsa_lookup_names_failures)
{
    LSA_HANDLE h = open_policy(POLICY_LOOKUP_NAMES);
    LSA_UNICODE_STRING names[2] = {U("alice"), U("nobody")};
    PLSA_REFERENCED_DOMAIN_LIST doms = NULL;
    PLSA_TRANSLATED_SID sids = NULL;
    ck_assert_status_eq(LsaLookupNames(h, 2, names, &doms, &sids), STATUS_SOME_NOT_MAPPED);
    ck_assert_int_eq(sids[0].Use, SidTypeUser);
    ck_assert_int_eq(sids[1].Use, SidTypeUnknown);
    ck_assert_int_eq(sids[1].DomainIndex, -1);
    LsaFreeMemory(sids);
    LsaFreeMemory(doms);
    ck_assert_status_eq(LsaLookupNames(h, 1, NULL, &doms, &sids), STATUS_INVALID_PARAMETER);
    LsaClose(h);
    /* MS-LSAT 3.1.4.8: a handle without POLICY_LOOKUP_NAMES. */
    h = open_policy(POLICY_VIEW_LOCAL_INFORMATION);
    doms = (PLSA_REFERENCED_DOMAIN_LIST)TH_GARBAGE_PTR;
    sids = (PLSA_TRANSLATED_SID)TH_GARBAGE_PTR;
    ck_assert_status_eq(LsaLookupNames(h, 1, names, &doms, &sids), STATUS_ACCESS_DENIED);
    ck_assert_ptr_null(doms);
    ck_assert_ptr_null(sids);
    LsaClose(h);
}
END_TEST

/* ---- Counted names holding a U+0000 --------------------------------------------------- */

START_TEST(embedded_nul_names_nothing)
{
    LSA_HANDLE h = open_policy(POLICY_LOOKUP_NAMES);
    /* "alice\0evil", Length covering both parts: not "alice". */
    WCHAR w[16];
    size_t n = th_utf16(w, "alice") / 2;
    w[n] = 0;
    size_t m = th_utf16(w + n + 1, "evil") / 2;
    LSA_UNICODE_STRING name = {(USHORT)((n + 1 + m) * 2), (USHORT)sizeof w, w};
    PLSA_REFERENCED_DOMAIN_LIST doms = NULL;
    PLSA_TRANSLATED_SID2 sids = NULL;
    ck_assert_status_eq(LsaLookupNames2(h, 0, 1, &name, &doms, &sids), STATUS_NONE_MAPPED);
    ck_assert_int_eq(sids[0].Use, SidTypeUnknown);
    LsaFreeMemory(sids);
    LsaFreeMemory(doms);
    PLSA_TRANSLATED_SID s1 = NULL;
    ck_assert_status_eq(LsaLookupNames(h, 1, &name, &doms, &s1), STATUS_NONE_MAPPED);
    LsaFreeMemory(s1);
    LsaFreeMemory(doms);
    /* The Length ending at the U+0000 is "alice". */
    name.Length = (USHORT)(n * 2);
    ck_assert_status_eq(LsaLookupNames2(h, 0, 1, &name, &doms, &sids), STATUS_SUCCESS);
    LsaFreeMemory(sids);
    LsaFreeMemory(doms);
    LsaClose(h);
}
END_TEST

/* A logon's counted UserName "alice\0evil" names no account: the logon
 * fails as for any unknown user (behavior.md 3.5: STATUS_LOGON_FAILURE). */
START_TEST(embedded_nul_logon_user_name)
{
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    ULONG len = 0;
    MSV1_0_INTERACTIVE_LOGON *m = th_msv_interactive(".", "aliceXevil", PW_ALICE, &len);
    WCHAR *x = m->UserName.Buffer + 5;
    ck_assert_uint_eq(*x, 'X');
    *x = 0;
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, th_package(lsa, TH_MSV1_0), Interactive, m, len, NULL, &out),
                        STATUS_LOGON_FAILURE);
    th_assert_failed_outputs(&out);
    /* Cut at the U+0000, it is alice. */
    m->UserName.Length = 10;
    ck_assert_status_eq(th_logon(lsa, th_package(lsa, TH_MSV1_0), Interactive, m, len, NULL, &out),
                        STATUS_SUCCESS);
    th_release(&out);
    free(m);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* The rights' and privileges' counted names likewise (STATUS_NO_SUCH_PRIVILEGE). */
START_TEST(embedded_nul_right_names)
{
    tu_use_process("admin");
    LSA_HANDLE h = open_policy(POLICY_ALL_ACCESS);
    WCHAR w[32];
    size_t n = th_utf16(w, "SeTcbPrivilegeXx") / 2;
    w[14] = 0;
    LSA_UNICODE_STRING right = {(USHORT)(n * 2), (USHORT)sizeof w, w};
    LUID luid;
    ck_assert_status_eq(LsaLookupPrivilegeValue(h, &right, &luid), STATUS_NO_SUCH_PRIVILEGE);
    ck_assert_status_eq(LsaAddAccountRights(h, S("S-1-5-21-1000-2000-3000-1001"), &right, 1),
                        STATUS_NO_SUCH_PRIVILEGE);
    PLSA_ENUMERATION_INFORMATION info = NULL;
    ULONG count = 0;
    ck_assert_status_eq(LsaEnumerateAccountsWithUserRight(h, &right, (PVOID *)&info, &count),
                        STATUS_NO_SUCH_PRIVILEGE);
    right.Length = 28;
    ck_assert_status_eq(LsaLookupPrivilegeValue(h, &right, &luid), STATUS_SUCCESS);
    ck_assert_uint_eq(luid.LowPart, 7);
    LsaClose(h);
}
END_TEST

/* ---- LsaQueryInformationPolicy (i13-facts B6) ------------------------------------------ */

START_TEST(query_account_domain)
{
    LSA_HANDLE h = open_policy(POLICY_VIEW_LOCAL_INFORMATION);
    PVOID buf = NULL;
    ck_assert_status_eq(LsaQueryInformationPolicy(h, PolicyAccountDomainInformation, &buf),
                        STATUS_SUCCESS);
    POLICY_ACCOUNT_DOMAIN_INFO *info = buf;
    ck_assert(th_ustr_eq(&info->DomainName, "WS1"));
    ck_assert_uint_eq(info->DomainName.MaximumLength, info->DomainName.Length + 2);
    ck_assert_str_eq(sid_text(info->DomainSid), "S-1-5-21-1000-2000-3000");
    ck_assert_status_eq(LsaFreeMemory(buf), STATUS_SUCCESS);
    LsaClose(h);
}
END_TEST

/* W-lsa test_lsa: a standalone machine's primary domain has no SID; the
 * name is GUESS_WORKGROUP_NAME. */
START_TEST(query_primary_and_dns_domain_workgroup)
{
    LSA_HANDLE h = open_policy(POLICY_VIEW_LOCAL_INFORMATION);
    PVOID buf = NULL;
    ck_assert_status_eq(LsaQueryInformationPolicy(h, PolicyPrimaryDomainInformation, &buf),
                        STATUS_SUCCESS);
    POLICY_PRIMARY_DOMAIN_INFO *p = buf;
    ck_assert(th_ustr_eq(&p->Name, "WORKGROUP"));
    ck_assert_ptr_null(p->Sid);
    LsaFreeMemory(buf);
    ck_assert_status_eq(LsaQueryInformationPolicy(h, PolicyDnsDomainInformation, &buf),
                        STATUS_SUCCESS);
    POLICY_DNS_DOMAIN_INFO *d = buf;
    ck_assert(th_ustr_eq(&d->Name, "WORKGROUP"));
    ck_assert_uint_eq(d->DnsDomainName.Length, 0);
    ck_assert_uint_eq(d->DnsForestName.Length, 0);
    static const GUID zero;
    ck_assert_int_eq(memcmp(&d->DomainGuid, &zero, sizeof zero), 0);
    ck_assert_ptr_null(d->Sid);
    LsaFreeMemory(buf);
    LsaClose(h);
}
END_TEST

START_TEST(query_primary_domain_joined_sid_deviation)
{
    tu_load_policy("policies/p0-domain.yaml");
    lsaemu_reset();
    tu_use_process("user");
    LSA_HANDLE h = open_policy(POLICY_VIEW_LOCAL_INFORMATION);
    PVOID buf = NULL;
    ck_assert_status_eq(LsaQueryInformationPolicy(h, PolicyPrimaryDomainInformation, &buf),
                        STATUS_SUCCESS);
    POLICY_PRIMARY_DOMAIN_INFO *p = buf;
    ck_assert_msg(th_ustr_eq(&p->Name, "CONTOSO"), "%s", th_ustr_ascii(&p->Name));
    ck_assert_ptr_nonnull(p->Sid);
    ck_assert(IsValidSid(p->Sid));
    char primary_sid[200];
    strcpy(primary_sid, sid_text(p->Sid));
    /* machine.domain alone: the domain: section's default SID
     * (policy-format.md, domain:). */
    ck_assert_str_eq(primary_sid, "S-1-5-21-4000-5000-6000");
    LsaFreeMemory(buf);
    /* The DNS class: the same Name and Sid (the page: "the same as"). */
    ck_assert_status_eq(LsaQueryInformationPolicy(h, PolicyDnsDomainInformation, &buf),
                        STATUS_SUCCESS);
    POLICY_DNS_DOMAIN_INFO *d = buf;
    ck_assert(th_ustr_eq(&d->Name, "CONTOSO"));
    ck_assert(th_ustr_eq(&d->DnsDomainName, "CONTOSO"));
    ck_assert(th_ustr_eq(&d->DnsForestName, "CONTOSO"));
    ck_assert_str_eq(sid_text(d->Sid), primary_sid);
    /* The SID is the domain's (domain: sid, or the default of the older
     * machine.domain). Deviation (lsa_query.c): the policy names no domain
     * GUID; it is made from the SID, the same on every call. */
    static const GUID zero;
    ck_assert_int_ne(memcmp(&d->DomainGuid, &zero, sizeof zero), 0);
    LsaFreeMemory(buf);
    /* The SDDL aliases of the domain's groups follow that SID. */
    PSID da = NULL;
    ck_assert(ConvertStringSidToSidA("DA", &da));
    char want[220];
    snprintf(want, sizeof want, "%s-512", primary_sid);
    ck_assert_str_eq(sid_text(da), want);
    ck_assert_ptr_null(LocalFree(da));
    LsaClose(h);
}
END_TEST

START_TEST(query_information_failures)
{
    /* The page: the domain classes need POLICY_VIEW_LOCAL_INFORMATION. */
    LSA_HANDLE h = open_policy(POLICY_LOOKUP_NAMES);
    PVOID buf = TH_GARBAGE_PTR;
    ck_assert_status_eq(LsaQueryInformationPolicy(h, PolicyAccountDomainInformation, &buf),
                        STATUS_ACCESS_DENIED);
    ck_assert_ptr_null(buf); /* no buffer on failure, as LsaLookupNames2 */
    LsaClose(h);
    h = open_policy(POLICY_VIEW_LOCAL_INFORMATION);
    /* An invalid class: GUESS_QUERY_POLICY_BAD_CLASS_STATUS (MS-LSAD). */
    ck_assert_status_eq(LsaQueryInformationPolicy(h, (POLICY_INFORMATION_CLASS)99, &buf),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaQueryInformationPolicy(h, (POLICY_INFORMATION_CLASS)0, &buf),
                        STATUS_INVALID_PARAMETER);
    LsaClose(h);
    ck_assert_status_eq(LsaQueryInformationPolicy(NULL, PolicyAccountDomainInformation, &buf),
                        STATUS_INVALID_HANDLE);
}
END_TEST

/* ---- LsaGetUserName (i13-facts B7, W-lsa test_LsaGetUserName) ---------------------------- */

START_TEST(lsa_get_user_name)
{
    PUNICODE_STRING user = NULL, dom = NULL;
    ck_assert_status_eq(LsaGetUserName(&user, &dom), STATUS_SUCCESS);
    ck_assert(th_ustr_eq(user, "alice"));
    ck_assert_uint_eq(user->MaximumLength, user->Length + 2);
    ck_assert_uint_eq(user->Buffer[user->Length / 2], 0);
    ck_assert(th_ustr_eq(dom, "WS1"));
    ck_assert_uint_eq(dom->MaximumLength, dom->Length + 2);
    ck_assert_status_eq(LsaFreeMemory(user), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeMemory(dom), STATUS_SUCCESS);
    /* The domain is optional. */
    ck_assert_status_eq(LsaGetUserName(&user, NULL), STATUS_SUCCESS);
    ck_assert(th_ustr_eq(user, "alice"));
    ck_assert_status_eq(LsaFreeMemory(user), STATUS_SUCCESS);
    /* The same as GetUserNameA. */
    tu_use_process("admin");
    ck_assert_status_eq(LsaGetUserName(&user, &dom), STATUS_SUCCESS);
    char name[64];
    DWORD n = sizeof name;
    ck_assert(GetUserNameA(name, &n));
    ck_assert(th_ustr_eq(user, name));
    LsaFreeMemory(user);
    LsaFreeMemory(dom);
    tu_use_process("tcb");
    ck_assert_status_eq(LsaGetUserName(&user, &dom), STATUS_SUCCESS);
    ck_assert(th_ustr_eq(user, "SYSTEM"));
    ck_assert(th_ustr_eq(dom, "NT AUTHORITY"));
    LsaFreeMemory(user);
    LsaFreeMemory(dom);
}
END_TEST

/* ---- LsaManageSidNameMapping (i13-facts B8) --------------------------------------------- */

static NTSTATUS map_add(const char *domain, const char *account, const char *sid,
                        LSA_SID_NAME_MAPPING_OPERATION_ERROR *err)
{
    LSA_SID_NAME_MAPPING_OPERATION_INPUT in;
    memset(&in, 0, sizeof in);
    in.AddInput.DomainName = U(domain);
    in.AddInput.AccountName = U(account);
    in.AddInput.Sid = S(sid);
    PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT out = TH_GARBAGE_PTR;
    NTSTATUS st = LsaManageSidNameMapping(LsaSidNameMappingOperation_Add, &in, &out);
    *err = (LSA_SID_NAME_MAPPING_OPERATION_ERROR)-1;
    if (out && out != TH_GARBAGE_PTR) {
        *err = out->AddOutput.ErrorCode;
        ck_assert_status_eq(LsaFreeMemory(out), STATUS_SUCCESS);
    }
    return st;
}

static NTSTATUS map_remove(const char *domain, const char *account,
                           LSA_SID_NAME_MAPPING_OPERATION_ERROR *err)
{
    LSA_SID_NAME_MAPPING_OPERATION_INPUT in;
    memset(&in, 0, sizeof in);
    in.RemoveInput.DomainName = U(domain);
    in.RemoveInput.AccountName = U(account);
    PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT out = NULL;
    NTSTATUS st = LsaManageSidNameMapping(LsaSidNameMappingOperation_Remove, &in, &out);
    *err = (LSA_SID_NAME_MAPPING_OPERATION_ERROR)-1;
    if (out) {
        *err = out->RemoveOutput.ErrorCode;
        ck_assert_status_eq(LsaFreeMemory(out), STATUS_SUCCESS);
    }
    return st;
}

START_TEST(sid_name_mapping_needs_tcb)
{
    LSA_SID_NAME_MAPPING_OPERATION_ERROR err;
    /* GUESS_SID_MAPPING_NO_TCB_STATUS, no output. */
    ck_assert_status_eq(map_add("ABC", "", "S-1-5-99", &err), STATUS_PRIVILEGE_NOT_HELD);
    ck_assert_int_eq((int)err, -1);
    tu_use_process("tcb-disabled");
    ck_assert_status_eq(map_add("ABC", "", "S-1-5-99", &err), STATUS_PRIVILEGE_NOT_HELD);
}
END_TEST

START_TEST(sid_name_mapping_add_lookup_remove)
{
    LSA_SID_NAME_MAPPING_OPERATION_ERROR err;
    tu_use_process("tcb");
    ck_assert_status_eq(map_add("ABC", "", "S-1-5-99", &err), STATUS_SUCCESS);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_Success);
    ck_assert_status_eq(map_add("ABC", "User", "S-1-5-99-1-2-3", &err), STATUS_SUCCESS);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_Success);
    /* Conflicts: STATUS_INVALID_PARAMETER with the reason in the output. */
    ck_assert_status_eq(map_add("ABC", "User", "S-1-5-99-4", &err), STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_NameCollision);
    ck_assert_status_eq(map_add("ABC", "Other", "S-1-5-99-1-2-3", &err),
                        STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_SidCollision);
    ck_assert_status_eq(map_add("NOPE", "User", "S-1-5-98-1", &err), STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_DomainNotFound);
    ck_assert_status_eq(map_add("ABC", "Far", "S-1-5-98-1", &err), STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_DomainSidPrefixMismatch);

    /* The mappings answer the look-ups, in every process. */
    tu_use_process("user");
    BYTE sid[SECURITY_MAX_SID_SIZE];
    char dom[64], acct[64];
    DWORD cb = sizeof sid, cch = sizeof dom;
    SID_NAME_USE use;
    ck_assert(LookupAccountNameA(NULL, "ABC\\User", sid, &cb, dom, &cch, &use));
    ck_assert_str_eq(sid_text(sid), "S-1-5-99-1-2-3");
    ck_assert_str_eq(dom, "ABC");
    ck_assert_int_eq(use, SidTypeWellKnownGroup);
    cb = sizeof sid;
    cch = sizeof dom;
    ck_assert(LookupAccountNameA(NULL, "abc", sid, &cb, dom, &cch, &use));
    ck_assert_str_eq(sid_text(sid), "S-1-5-99");
    ck_assert_int_eq(use, SidTypeDomain);
    DWORD cacct = sizeof acct;
    cch = sizeof dom;
    ck_assert(LookupAccountSidA(NULL, S("S-1-5-99-1-2-3"), acct, &cacct, dom, &cch, &use));
    ck_assert_str_eq(acct, "User");
    ck_assert_str_eq(dom, "ABC");

    /* Removing: the domain still has an account (GUESS_SID_MAPPING_REMOVE_DOMAIN_IN_USE). */
    tu_use_process("tcb");
    ck_assert_status_eq(map_remove("ABC", "", &err), STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_NonMappingError);
    ck_assert_status_eq(map_remove("ABC", "User", &err), STATUS_SUCCESS);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_Success);
    ck_assert_status_eq(map_remove("ABC", "User", &err), STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_MappingNotFound);
    ck_assert_status_eq(map_remove("ABC", "", &err), STATUS_SUCCESS);
    cb = sizeof sid;
    cch = sizeof dom;
    ck_assert(!LookupAccountNameA(NULL, "ABC\\User", sid, &cb, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_NONE_MAPPED);
}
END_TEST

START_TEST(sid_name_mapping_bad_input)
{
    LSA_SID_NAME_MAPPING_OPERATION_ERROR err;
    tu_use_process("tcb");
    /* [guess] GUESS_SID_MAPPING_MIN/MAX_DOMAIN_RID: a domain outside
     * S-1-5-80..111 is refused. */
    ck_assert_status_eq(map_add("XYZ", "", "S-1-5-21-1-2-3", &err), STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_NonMappingError);
    /* An existing name (the machine's own domain). */
    ck_assert_status_eq(map_add("WS1", "", "S-1-5-99", &err), STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(err, LsaSidNameMappingOperation_NameCollision);
    /* An unknown operation, and a NULL output (Deviation: Windows faults). */
    LSA_SID_NAME_MAPPING_OPERATION_INPUT in;
    memset(&in, 0, sizeof in);
    PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT out = TH_GARBAGE_PTR;
    ck_assert_status_eq(
        LsaManageSidNameMapping((LSA_SID_NAME_MAPPING_OPERATION_TYPE)7, &in, &out),
        STATUS_INVALID_PARAMETER);
    ck_assert_ptr_null(out);
    ck_assert_status_eq(LsaManageSidNameMapping(LsaSidNameMappingOperation_Add, &in, NULL),
                        STATUS_INVALID_PARAMETER);
    /* AddMultiple is all or nothing. */
    LSA_SID_NAME_MAPPING_OPERATION_ADD_INPUT adds[2];
    memset(adds, 0, sizeof adds);
    adds[0].DomainName = U("DEF");
    adds[0].AccountName = U("");
    adds[0].Sid = S("S-1-5-100");
    adds[1].DomainName = U("DEF");
    adds[1].AccountName = U("x");
    adds[1].Sid = S("S-1-5-101-1");
    in.AddMultipleInput.Count = 2;
    in.AddMultipleInput.Mappings = adds;
    ck_assert_status_eq(LsaManageSidNameMapping(LsaSidNameMappingOperation_AddMultiple, &in, &out),
                        STATUS_INVALID_PARAMETER);
    ck_assert_int_eq(out->AddMultipleOutput.ErrorCode,
                     LsaSidNameMappingOperation_DomainSidPrefixMismatch);
    LsaFreeMemory(out);
    BYTE sid[SECURITY_MAX_SID_SIZE];
    char dom[64];
    DWORD cb = sizeof sid, cch = sizeof dom;
    SID_NAME_USE use;
    ck_assert(!LookupAccountNameA(NULL, "DEF", sid, &cb, dom, &cch, &use));
    adds[1].Sid = S("S-1-5-100-1");
    ck_assert_status_eq(LsaManageSidNameMapping(LsaSidNameMappingOperation_AddMultiple, &in, &out),
                        STATUS_SUCCESS);
    LsaFreeMemory(out);
    cb = sizeof sid;
    cch = sizeof dom;
    ck_assert(LookupAccountNameA(NULL, "DEF\\x", sid, &cb, dom, &cch, &use));
    ck_assert_str_eq(sid_text(sid), "S-1-5-100-1");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("lsa_names");
    TCase *tc = tcase_create("aliases");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, lookup_account_name_aliases, 0,
                        (int)(sizeof alias_rows / sizeof alias_rows[0]));
    tcase_add_loop_test(tc, lsa_lookup_names2_aliases, 0,
                        (int)(sizeof alias_rows / sizeof alias_rows[0]));
    tcase_add_test(tc, lsa_lookup_names2_alias_mix);
    tcase_add_test(tc, lookup_account_name_null_is_domain);
    tcase_add_test(tc, lookup_account_sid_null_buffers);
    tcase_add_test(tc, lookup_account_sid_w_null_buffer_deviation);
    suite_add_tcase(s, tc);

    tc = tcase_create("lsa");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, lsa_lookup_names, 0, (int)(sizeof names1_rows / sizeof names1_rows[0]));
    tcase_add_test(tc, lsa_lookup_names_failures);
    tcase_add_test(tc, embedded_nul_names_nothing);
    tcase_add_test(tc, embedded_nul_logon_user_name);
    tcase_add_test(tc, embedded_nul_right_names);
    tcase_add_test(tc, query_account_domain);
    tcase_add_test(tc, query_primary_and_dns_domain_workgroup);
    tcase_add_test(tc, query_primary_domain_joined_sid_deviation);
    tcase_add_test(tc, query_information_failures);
    tcase_add_test(tc, lsa_get_user_name);
    suite_add_tcase(s, tc);

    tc = tcase_create("mapping");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, sid_name_mapping_needs_tcb);
    tcase_add_test(tc, sid_name_mapping_add_lookup_remove);
    tcase_add_test(tc, sid_name_mapping_bad_input);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(suite());
}
