/* SPDX-License-Identifier: MIT */
/*
 * SIDs: IsValidSid, EqualSid, GetLengthSid, CopySid, AllocateAndInitializeSid,
 * FreeSid, CreateWellKnownSid, ConvertSidToStringSid / ConvertStringSidToSid
 * (freed with LocalFree), and LookupAccountName / LookupAccountSid against
 * P0 (behavior.md 1.5, well-known-sids table).
 */
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

static WCHAR *W(const char *ascii)
{
    static WCHAR ring[8][256];
    static int next;
    WCHAR *w = ring[next++ % 8];
    size_t n = th_utf16(w, ascii) / 2;
    w[n] = 0;
    return w;
}

static const char *A(const WCHAR *w)
{
    static char ring[4][256];
    static int next;
    char *a = ring[next++ % 4];
    size_t i = 0;
    for (; w[i] && i < 255; i++)
        a[i] = (char)w[i];
    a[i] = 0;
    return a;
}

/* SID string of a binary SID via the API (asserts). */
static const char *sid_str(PSID sid)
{
    static char buf[4][200];
    static int next;
    char *out = buf[next++ % 4];
    LPSTR s = NULL;
    ck_assert(ConvertSidToStringSidA(sid, &s));
    strcpy(out, s);
    ck_assert_ptr_null(LocalFree(s));
    return out;
}

/* ---- Basic SID functions --------------------------------------------------------------- */

START_TEST(valid_equal_length_copy)
{
    uint32_t subs[] = {32, 544};
    BYTE a[64], b[64], dst[64];
    th_sid(a, 5, subs, 2);
    th_sid(b, 5, subs, 2);
    ck_assert(IsValidSid(a));
    ck_assert(!IsValidSid(NULL));
    a[0] = 2; /* revision */
    ck_assert(!IsValidSid(a));
    a[0] = 1;
    ck_assert_uint_eq(GetLengthSid(a), 16);
    SetLastError(0xDEADBEEF);
    ck_assert(EqualSid(a, b));
    ck_assert_win32_eq(GetLastError(), 0);
    uint32_t other[] = {32, 545};
    th_sid(b, 5, other, 2);
    ck_assert(!EqualSid(a, b));
    /* CopySid: too small, exact. */
    ck_assert(!CopySid(15, dst, a));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert(CopySid(16, dst, a));
    ck_assert(EqualSid(dst, a));
    BYTE bad[16] = {1, 20};
    ck_assert(!CopySid(sizeof dst, dst, bad));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
}
END_TEST

START_TEST(allocate_and_free)
{
    SID_IDENTIFIER_AUTHORITY nt = {{0, 0, 0, 0, 0, 5}};
    PSID sid = NULL;
    ck_assert(AllocateAndInitializeSid(&nt, 2, 32, 544, 0, 0, 0, 0, 0, 0, &sid));
    ck_assert_str_eq(sid_str(sid), "S-1-5-32-544");
    ck_assert_uint_eq(GetLengthSid(sid), 16);
    /* FreeSid frees it, once (i13-facts A2). */
    ck_assert_ptr_null(FreeSid(sid));
    /* Freed twice, or a foreign pointer: handed back. */
    int local;
    ck_assert_ptr_eq(FreeSid(&local), &local);
    ck_assert_ptr_eq(FreeSid(sid), sid);
    PSID many = NULL;
    ck_assert(AllocateAndInitializeSid(&nt, 8, 1, 2, 3, 4, 5, 6, 7, 8, &many));
    ck_assert_str_eq(sid_str(many), "S-1-5-1-2-3-4-5-6-7-8");
    ck_assert_ptr_null(FreeSid(many));
    /* GUESS_ALLOCATE_SID_TOO_MANY_STATUS: RtlAllocateAndInitializeSid's
     * STATUS_INVALID_SID (W-rtl), i.e. 1337. */
    ck_assert(!AllocateAndInitializeSid(&nt, 9, 1, 2, 3, 4, 5, 6, 7, 8, &many));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
    PSID zero = NULL;
    ck_assert(AllocateAndInitializeSid(&nt, 0, 0, 0, 0, 0, 0, 0, 0, 0, &zero));
    ck_assert_str_eq(sid_str(zero), "S-1-5");
    ck_assert_ptr_null(FreeSid(zero));
}
END_TEST

static const struct {
    int type;
    const char *want; /* NULL: not creatable (87) */
    int domain;
} wk_rows[] = {
    {WinNullSid, "S-1-0-0", 0},
    {WinWorldSid, "S-1-1-0", 0},
    {WinLocalSid, "S-1-2-0", 0},
    {WinCreatorOwnerSid, "S-1-3-0", 0},
    {WinNtAuthoritySid, "S-1-5", 0},
    {WinNetworkSid, "S-1-5-2", 0},
    {WinBatchSid, "S-1-5-3", 0},
    {WinInteractiveSid, "S-1-5-4", 0},
    {WinServiceSid, "S-1-5-6", 0},
    {WinAnonymousSid, "S-1-5-7", 0},
    {WinAuthenticatedUserSid, "S-1-5-11", 0},
    {WinTerminalServerSid, "S-1-5-13", 0},
    {WinRemoteLogonIdSid, "S-1-5-14", 0},
    {WinThisOrganizationSid, "S-1-5-15", 0},
    {WinLocalSystemSid, "S-1-5-18", 0},
    {WinLocalServiceSid, "S-1-5-19", 0},
    {WinNetworkServiceSid, "S-1-5-20", 0},
    {WinBuiltinDomainSid, "S-1-5-32", 0},
    {WinBuiltinAdministratorsSid, "S-1-5-32-544", 0},
    {WinBuiltinUsersSid, "S-1-5-32-545", 0},
    {WinBuiltinGuestsSid, "S-1-5-32-546", 0},
    {WinBuiltinPowerUsersSid, "S-1-5-32-547", 0},
    {WinBuiltinBackupOperatorsSid, "S-1-5-32-551", 0},
    {WinBuiltinRemoteDesktopUsersSid, "S-1-5-32-555", 0},
    {WinBuiltinPerfLoggingUsersSid, "S-1-5-32-559", 0},
    {WinNTLMAuthenticationSid, "S-1-5-64-10", 0},
    {WinUntrustedLabelSid, "S-1-16-0", 0},
    {WinLowLabelSid, "S-1-16-4096", 0},
    {WinMediumLabelSid, "S-1-16-8192", 0},
    {WinHighLabelSid, "S-1-16-12288", 0},
    {WinSystemLabelSid, "S-1-16-16384", 0},
    {WinLocalAccountSid, "S-1-5-113", 0},
    {WinAccountAdministratorSid, "S-1-5-21-1000-2000-3000-500", 1},
    {WinAccountGuestSid, "S-1-5-21-1000-2000-3000-501", 1},
    {WinAccountDomainUsersSid, "S-1-5-21-1000-2000-3000-513", 1},
    {WinLogonIdsSid, NULL, 0},
    {9999, NULL, 0},
};

START_TEST(create_well_known_sid)
{
    uint32_t dsubs[] = {21, 1000, 2000, 3000};
    BYTE dom[64], buf[SECURITY_MAX_SID_SIZE];
    th_sid(dom, 5, dsubs, 4);
    DWORD cb = sizeof buf;
    BOOL ok = CreateWellKnownSid((WELL_KNOWN_SID_TYPE)wk_rows[_i].type,
                                 wk_rows[_i].domain ? dom : NULL, buf, &cb);
    if (!wk_rows[_i].want) {
        ck_assert(!ok);
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
        return;
    }
    ck_assert_msg(ok, "type %d", wk_rows[_i].type);
    ck_assert_str_eq(sid_str(buf), wk_rows[_i].want);
    ck_assert_uint_eq(cb, GetLengthSid(buf));
    /* Too small: needed size back. */
    DWORD small = 4;
    ck_assert(!CreateWellKnownSid((WELL_KNOWN_SID_TYPE)wk_rows[_i].type,
                                  wk_rows[_i].domain ? dom : NULL, buf, &small));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(small, cb);
    DWORD zero = 0;
    ck_assert(!CreateWellKnownSid((WELL_KNOWN_SID_TYPE)wk_rows[_i].type,
                                  wk_rows[_i].domain ? dom : NULL, NULL, &zero));
    ck_assert_uint_eq(zero, cb);
    if (wk_rows[_i].domain) {
        cb = sizeof buf;
        ck_assert(!CreateWellKnownSid((WELL_KNOWN_SID_TYPE)wk_rows[_i].type, NULL, buf, &cb));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    }
}
END_TEST

/* ---- String conversions ------------------------------------------------------------------- */

static const struct {
    const char *in, *out; /* out NULL: ERROR_INVALID_SID */
} str_rows[] = {
    {"S-1-5-32-544", "S-1-5-32-544"},
    {"s-1-5-18", "S-1-5-18"},
    {"S-1-5", NULL}, /* i13-facts A7: no sub-authority, ERROR_INVALID_SID */
    {"S-0x1-0XC-0x1a", "S-1-12-26"}, /* i13-facts A7: hexadecimal parts */
    {"s-1-12-1", "S-1-12-1"},
    {"S-1-860116326-1", "S-1-860116326-1"},
    {"ED", "S-1-5-9"},
    {"wD", "S-1-1-0"},
    {"ls", "S-1-5-19"},
    {"NS", "S-1-5-20"},
    {"LG", "S-1-5-21-1000-2000-3000-501"},
    {"AC", "S-1-15-2-1"},
    {"UD", "S-1-5-84-0-0-0-0-0"},
    {"MS", "S-1-5-32-577"},
    {"DA", NULL}, /* GUESS_SDDL_DOMAIN_ALIAS_WORKGROUP: P0 is in no domain */
    {"DU", NULL},
    {"WDandmorecharacters", NULL},
    {"WD)", NULL},
    {"S-2-5-18", NULL},
    {"S-1-0x-1", NULL},
    {"S-1-5-4294967296", NULL},
    {"S-1-281474976710656-1", NULL},
    {"S-1-5-21-1000-2000-3000-1001", "S-1-5-21-1000-2000-3000-1001"},
    {"BA", "S-1-5-32-544"},
    {"SY", "S-1-5-18"},
    {"WD", "S-1-1-0"},
    {"AU", "S-1-5-11"},
    {"BU", "S-1-5-32-545"},
    {"LA", "S-1-5-21-1000-2000-3000-500"},
    {"HI", "S-1-16-12288"},
    {"S-1-5-", NULL},
    {"S-1", NULL},
    {"X-1-5-18", NULL},
    {"", NULL},
    {"ZZ", NULL},
    {"S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", NULL},
};

START_TEST(string_sid_round_trip)
{
    PSID sid = (PSID)0x1;
    BOOL ok = ConvertStringSidToSidA(str_rows[_i].in, &sid);
    if (!str_rows[_i].out) {
        ck_assert_msg(!ok, "'%s' accepted", str_rows[_i].in);
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
        return;
    }
    ck_assert_msg(ok, "'%s'", str_rows[_i].in);
    ck_assert_str_eq(sid_str(sid), str_rows[_i].out);
    ck_assert_ptr_null(LocalFree(sid));
    /* The wide forms agree. */
    ck_assert(ConvertStringSidToSidW(W(str_rows[_i].in), &sid));
    LPWSTR ws = NULL;
    ck_assert(ConvertSidToStringSidW(sid, &ws));
    ck_assert_str_eq(A(ws), str_rows[_i].out);
    ck_assert_ptr_null(LocalFree(ws));
    ck_assert_ptr_null(LocalFree(sid));
}
END_TEST

START_TEST(string_conversion_failures)
{
    PSID sid;
    LPSTR s;
    ck_assert(!ConvertStringSidToSidA(NULL, &sid));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(!ConvertStringSidToSidA("S-1-5-18", NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(!ConvertSidToStringSidA(NULL, &s));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    BYTE bad[16] = {3, 1};
    ck_assert(!ConvertSidToStringSidA(bad, &s));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
    uint32_t subs[] = {18};
    BYTE ok[16];
    th_sid(ok, 5, subs, 1);
    ck_assert(!ConvertSidToStringSidA(ok, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    /* LocalFree of a string twice: handed back the second time. */
    ck_assert(ConvertSidToStringSidA(ok, &s));
    ck_assert_ptr_null(LocalFree(s));
    ck_assert_ptr_eq(LocalFree(s), s);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
}
END_TEST

/* ---- LookupAccountName / LookupAccountSid ------------------------------------------------- */

static const struct {
    const char *name;
    const char *sid;
    const char *domain;
    const char *shown; /* LookupAccountSid's name */
    SID_NAME_USE use;
} acct_rows[] = {
    {"alice", "S-1-5-21-1000-2000-3000-1001", "WS1", "alice", SidTypeUser},
    {"ALICE", "S-1-5-21-1000-2000-3000-1001", "WS1", "alice", SidTypeUser},
    {"WS1\\bob", "S-1-5-21-1000-2000-3000-1002", "WS1", "bob", SidTypeUser},
    {"Administrator", "S-1-5-21-1000-2000-3000-500", "WS1", "Administrator", SidTypeUser},
    {"Guest", "S-1-5-21-1000-2000-3000-501", "WS1", "Guest", SidTypeUser},
    {"Administrators", "S-1-5-32-544", "BUILTIN", "Administrators", SidTypeAlias},
    {"BUILTIN\\Users", "S-1-5-32-545", "BUILTIN", "Users", SidTypeAlias},
    {"None", "S-1-5-21-1000-2000-3000-513", "WS1", "None", SidTypeGroup},
    {"Everyone", "S-1-1-0", "", "Everyone", SidTypeWellKnownGroup},
    {"SYSTEM", "S-1-5-18", "NT AUTHORITY", "SYSTEM", SidTypeWellKnownGroup},
    {"NT AUTHORITY\\NETWORK SERVICE", "S-1-5-20", "NT AUTHORITY", "NETWORK SERVICE",
     SidTypeWellKnownGroup},
    {"Authenticated Users", "S-1-5-11", "NT AUTHORITY", "Authenticated Users",
     SidTypeWellKnownGroup},
    {"INTERACTIVE", "S-1-5-4", "NT AUTHORITY", "INTERACTIVE", SidTypeWellKnownGroup},
    {"WS1", "S-1-5-21-1000-2000-3000", "WS1", "WS1", SidTypeDomain},
    {"ws1", "S-1-5-21-1000-2000-3000", "WS1", "WS1", SidTypeDomain},
    {"BUILTIN", "S-1-5-32", "BUILTIN", "BUILTIN", SidTypeDomain},
};

START_TEST(lookup_account_name_and_sid_a)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    char dom[64];
    DWORD cb = sizeof sid, cch = sizeof dom;
    SID_NAME_USE use = 0;
    ck_assert_msg(LookupAccountNameA(NULL, acct_rows[_i].name, sid, &cb, dom, &cch, &use), "%s",
                  acct_rows[_i].name);
    ck_assert_str_eq(sid_str(sid), acct_rows[_i].sid);
    ck_assert_str_eq(dom, acct_rows[_i].domain);
    ck_assert_uint_eq(cch, strlen(acct_rows[_i].domain));
    ck_assert_uint_eq(cb, GetLengthSid(sid));
    ck_assert_int_eq(use, acct_rows[_i].use);

    char name[64];
    DWORD cn = sizeof name;
    cch = sizeof dom;
    use = 0;
    ck_assert(LookupAccountSidA(NULL, sid, name, &cn, dom, &cch, &use));
    ck_assert_str_eq(name, acct_rows[_i].shown);
    ck_assert_str_eq(dom, acct_rows[_i].domain);
    ck_assert_uint_eq(cn, strlen(acct_rows[_i].shown));
    ck_assert_int_eq(use, acct_rows[_i].use);
}
END_TEST

START_TEST(lookup_account_name_and_sid_w)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    WCHAR dom[64], name[64];
    DWORD cb = sizeof sid, cch = 64, cn = 64;
    SID_NAME_USE use = 0;
    ck_assert(LookupAccountNameW(W("WS1"), W(acct_rows[_i].name), sid, &cb, dom, &cch, &use));
    ck_assert_str_eq(sid_str(sid), acct_rows[_i].sid);
    ck_assert_str_eq(A(dom), acct_rows[_i].domain);
    cch = 64;
    ck_assert(LookupAccountSidW(NULL, sid, name, &cn, dom, &cch, &use));
    ck_assert_str_eq(A(name), acct_rows[_i].shown);
    ck_assert_int_eq(use, acct_rows[_i].use);
}
END_TEST

START_TEST(lookup_account_sizes)
{
    DWORD cb = 0, cch = 0;
    SID_NAME_USE use;
    ck_assert(!LookupAccountNameA(NULL, "alice", NULL, &cb, NULL, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cb, 28);
    ck_assert_uint_eq(cch, 4); /* "WS1" + terminator */
    /* SID room enough but domain short: both sizes come back. */
    BYTE sid[64];
    char dom[8];
    cb = sizeof sid;
    cch = 3;
    ck_assert(!LookupAccountNameA(NULL, "alice", sid, &cb, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cb, 28);
    ck_assert_uint_eq(cch, 4);

    uint32_t subs[] = {21, 1000, 2000, 3000, 1001};
    th_sid(sid, 5, subs, 5);
    DWORD cn = 0;
    cch = 0;
    ck_assert(!LookupAccountSidA(NULL, sid, NULL, &cn, NULL, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cn, 6);
    ck_assert_uint_eq(cch, 4);
    WCHAR wn[8], wd[8];
    cn = 5;
    cch = 8;
    ck_assert(!LookupAccountSidW(NULL, sid, wn, &cn, wd, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cn, 6);
    cn = 6;
    cch = 4;
    ck_assert(LookupAccountSidW(NULL, sid, wn, &cn, wd, &cch, &use));
    ck_assert_uint_eq(cn, 5);
    ck_assert_uint_eq(cch, 3);
}
END_TEST

START_TEST(lookup_account_failures)
{
    BYTE sid[64];
    char name[64], dom[64];
    DWORD cb = sizeof sid, cn = sizeof name, cch = sizeof dom;
    SID_NAME_USE use;
    ck_assert(!LookupAccountNameA(NULL, "nobody", sid, &cb, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_NONE_MAPPED);
    cb = sizeof sid;
    cch = sizeof dom;
    ck_assert(!LookupAccountNameA(NULL, "OTHERPC\\alice", sid, &cb, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_NONE_MAPPED);
    cb = sizeof sid;
    cch = sizeof dom;
    ck_assert(!LookupAccountNameA("b0gu5.Nam3", "alice", sid, &cb, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), 1722);
    uint32_t subs[] = {21, 1000, 2000, 3000, 4242};
    th_sid(sid, 5, subs, 5);
    cch = sizeof dom;
    ck_assert(!LookupAccountSidA(NULL, sid, name, &cn, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_NONE_MAPPED);
    cn = sizeof name;
    cch = sizeof dom;
    ck_assert(!LookupAccountSidA("\\\\OTHERPC", sid, name, &cn, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), 1722);
    BYTE bad[8] = {7, 0};
    cn = sizeof name;
    cch = sizeof dom;
    ck_assert(!LookupAccountSidA(NULL, bad, name, &cn, dom, &cch, &use));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
}
END_TEST

START_TEST(lookup_logon_sid_and_empty_name)
{
    uint32_t subs[] = {5, 0, 4242};
    BYTE sid[64];
    th_sid(sid, 5, subs, 3);
    char name[64], dom[64];
    DWORD cn = sizeof name, cch = sizeof dom;
    SID_NAME_USE use;
    ck_assert(LookupAccountSidA(NULL, sid, name, &cn, dom, &cch, &use));
    ck_assert_str_eq(name, "LogonSessionId_0_4242");
    ck_assert_str_eq(dom, "NT AUTHORITY");
    ck_assert_int_eq(use, SidTypeLogonSession);
    /* An empty name is the BUILTIN domain (GUESS_EMPTY_ACCOUNT_NAME_IS_BUILTIN). */
    DWORD cb = sizeof sid;
    cch = sizeof dom;
    ck_assert(LookupAccountNameA(NULL, "", sid, &cb, dom, &cch, &use));
    ck_assert_str_eq(dom, "BUILTIN");
    ck_assert_int_eq(use, SidTypeDomain);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("sids");
    TCase *tc = tcase_create("sid");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, valid_equal_length_copy);
    tcase_add_test(tc, allocate_and_free);
    tcase_add_loop_test(tc, create_well_known_sid, 0, (int)(sizeof wk_rows / sizeof wk_rows[0]));
    tcase_add_loop_test(tc, string_sid_round_trip, 0,
                        (int)(sizeof str_rows / sizeof str_rows[0]));
    tcase_add_test(tc, string_conversion_failures);
    suite_add_tcase(s, tc);

    tc = tcase_create("accounts");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, lookup_account_name_and_sid_a, 0,
                        (int)(sizeof acct_rows / sizeof acct_rows[0]));
    tcase_add_loop_test(tc, lookup_account_name_and_sid_w, 0,
                        (int)(sizeof acct_rows / sizeof acct_rows[0]));
    tcase_add_test(tc, lookup_account_sizes);
    tcase_add_test(tc, lookup_account_failures);
    tcase_add_test(tc, lookup_logon_sid_and_empty_name);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
