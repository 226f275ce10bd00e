/* SPDX-License-Identifier: MIT */
/*
 * LookupPrivilegeValue / LookupPrivilegeName / LookupPrivilegeDisplayName,
 * A and W (behavior.md 1.4, 3.14; cases C137-C145). Written from the
 * specification, table-driven.
 */
#include <stdlib.h>
#include <string.h>

#include "lsa_helpers.h"

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("user");
}

/* A NUL-terminated UTF-16 copy of ASCII text in a per-call ring buffer. */
static WCHAR *W(const char *ascii)
{
    static WCHAR ring[8][256];
    static int next;
    WCHAR *w = ring[next++ % 8];
    size_t n = th_utf16(w, ascii) / 2;
    w[n] = 0;
    return w;
}

static void w_to_ascii(const WCHAR *w, char *out, size_t cap)
{
    size_t i = 0;
    for (; w[i] && i + 1 < cap; i++)
        out[i] = (char)w[i];
    out[i] = 0;
}

/* ---- LookupPrivilegeValue -------------------------------------------------------- */

static const struct value_row {
    const char *id;
    const char *system; /* "<null>" for NULL */
    const char *name;   /* NULL for NULL */
    BOOL ok;
    DWORD error;
    DWORD luid;
} value_rows[] = {
    {"C137", "<null>", "SeTcbPrivilege", TRUE, 0, 7},
    {"C138", "<null>", "sEcREATEtOKENpRIVILEGE", TRUE, 0, 2},
    {"C139", "<null>", "SeBogusPrivilege", FALSE, 1313, 0},
    {"C140", "<null>", NULL, FALSE, 1313, 0},
    {"C141", "<null>", "SeInteractiveLogonRight", FALSE, 1313, 0},
    {"C141-deny", "<null>", "SeDenyNetworkLogonRight", FALSE, 1313, 0},
    {"C142", "b0gu5.Nam3", "SeCreateTokenPrivilege", FALSE, 1722, 0},
    {"C142-null-name", "b0gu5.Nam3", NULL, FALSE, 1722, 0},
    {"empty-system", "", "SeShutdownPrivilege", TRUE, 0, 19},
    {"machine-name", "WS1", "SeDebugPrivilege", TRUE, 0, 20},
    {"machine-name-case", "ws1", "SeBackupPrivilege", TRUE, 0, 17},
    {"machine-unc", "\\\\WS1", "SeRestorePrivilege", TRUE, 0, 18},
    {"max-privilege", "<null>", "SeDelegateSessionUserImpersonatePrivilege", TRUE, 0, 36},
    {"empty-name", "<null>", "", FALSE, 1313, 0},
};

START_TEST(lookup_privilege_value_a)
{
    const struct value_row *r = &value_rows[_i];
    LUID luid = {0xAAAA, 0x5555};
    SetLastError(0xDEADBEEF);
    BOOL ok = LookupPrivilegeValueA(strcmp(r->system, "<null>") ? r->system : NULL, r->name,
                                    &luid);
    ck_assert_msg(ok == r->ok, "%s: got %d", r->id, ok);
    /* A success leaves the last error alone (i13-facts A5). */
    ck_assert_win32_eq(GetLastError(), r->ok ? 0xDEADBEEF : r->error);
    if (r->ok) {
        ck_assert_uint_eq(luid.LowPart, r->luid);
        ck_assert_int_eq(luid.HighPart, 0);
    }
}
END_TEST

START_TEST(lookup_privilege_value_w)
{
    const struct value_row *r = &value_rows[_i];
    LUID luid = {0xAAAA, 0x5555};
    SetLastError(0xDEADBEEF);
    BOOL ok = LookupPrivilegeValueW(strcmp(r->system, "<null>") ? W(r->system) : NULL,
                                    r->name ? W(r->name) : NULL, &luid);
    ck_assert_msg(ok == r->ok, "%s: got %d", r->id, ok);
    /* A success leaves the last error alone (i13-facts A5). */
    ck_assert_win32_eq(GetLastError(), r->ok ? 0xDEADBEEF : r->error);
    if (r->ok)
        ck_assert_uint_eq(luid.LowPart, r->luid);
}
END_TEST

START_TEST(every_privilege_round_trips)
{
    /* 1.4: LUIDs 2..36 are privileges; 0, 1 and 37 are not. */
    for (DWORD v = 0; v <= 40; v++) {
        LUID luid = {v, 0};
        char name[64];
        DWORD cch = sizeof name;
        BOOL ok = LookupPrivilegeNameA(NULL, &luid, name, &cch);
        if (v < 2 || v > 36) {
            ck_assert_msg(!ok, "LUID %u should not be a privilege", (unsigned)v);
            ck_assert_win32_eq(GetLastError(), ERROR_NO_SUCH_PRIVILEGE);
            continue;
        }
        ck_assert_msg(ok, "LUID %u", (unsigned)v);
        ck_assert_uint_eq(cch, strlen(name));
        LUID back = {0, 0};
        ck_assert(LookupPrivilegeValueA(NULL, name, &back));
        ck_assert_uint_eq(back.LowPart, v);
    }
}
END_TEST

START_TEST(value_null_luid_deviation)
{
    ck_assert(!LookupPrivilegeValueA(NULL, "SeTcbPrivilege", NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

/* ---- LookupPrivilegeName ------------------------------------------------------------ */

START_TEST(c143_name_too_small_a)
{
    LUID luid = {2, 0};
    DWORD cch = 0;
    SetLastError(0xDEADBEEF);
    ck_assert(!LookupPrivilegeNameA(NULL, &luid, NULL, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cch, 23);
    /* One short of the terminator is still too small. */
    char buf[64];
    cch = 22;
    ck_assert(!LookupPrivilegeNameA(NULL, &luid, buf, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cch, 23);
}
END_TEST

START_TEST(c144_name_success_a)
{
    LUID luid = {2, 0};
    char buf[64];
    DWORD cch = sizeof buf;
    SetLastError(0xDEADBEEF);
    ck_assert(LookupPrivilegeNameA(NULL, &luid, buf, &cch));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF); /* left alone (i13-facts A5) */
    ck_assert_uint_eq(cch, 22);
    ck_assert_str_eq(buf, "SeCreateTokenPrivilege");
    /* Exactly enough room (23). */
    cch = 23;
    ck_assert(LookupPrivilegeNameA(NULL, &luid, buf, &cch));
    ck_assert_uint_eq(cch, 22);
}
END_TEST

START_TEST(c145_name_unknown_luid)
{
    LUID luid = {0xdeadbeef, 0};
    char buf[64];
    DWORD cch = sizeof buf;
    ck_assert(!LookupPrivilegeNameA(NULL, &luid, buf, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_SUCH_PRIVILEGE);
    WCHAR wbuf[64];
    cch = 64;
    ck_assert(!LookupPrivilegeNameW(NULL, &luid, wbuf, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_SUCH_PRIVILEGE);
    /* HighPart other than 0 is no privilege either. */
    LUID high = {7, 1};
    cch = sizeof buf;
    ck_assert(!LookupPrivilegeNameA(NULL, &high, buf, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_SUCH_PRIVILEGE);
}
END_TEST

START_TEST(name_w_sizes)
{
    LUID luid = {7, 0};
    DWORD cch = 0;
    ck_assert(!LookupPrivilegeNameW(NULL, &luid, NULL, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cch, 15); /* "SeTcbPrivilege" + terminator */
    WCHAR buf[64];
    cch = 64;
    ck_assert(LookupPrivilegeNameW(W(""), &luid, buf, &cch));
    ck_assert_uint_eq(cch, 14);
    char a[64];
    w_to_ascii(buf, a, sizeof a);
    ck_assert_str_eq(a, "SeTcbPrivilege");
}
END_TEST

START_TEST(name_remote_system)
{
    LUID luid = {2, 0};
    char buf[64];
    DWORD cch = sizeof buf;
    ck_assert(!LookupPrivilegeNameA("b0gu5.Nam3", &luid, buf, &cch));
    ck_assert_win32_eq(GetLastError(), 1722);
    WCHAR wbuf[64];
    cch = 64;
    ck_assert(!LookupPrivilegeNameW(W("\\\\OTHERPC"), &luid, wbuf, &cch));
    ck_assert_win32_eq(GetLastError(), 1722);
    cch = 64;
    ck_assert(LookupPrivilegeNameW(W("\\\\ws1"), &luid, wbuf, &cch));
}
END_TEST

START_TEST(name_null_arguments_deviation)
{
    char buf[64];
    DWORD cch = sizeof buf;
    ck_assert(!LookupPrivilegeNameA(NULL, NULL, buf, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    LUID luid = {2, 0};
    ck_assert(!LookupPrivilegeNameA(NULL, &luid, buf, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    cch = sizeof buf;
    ck_assert(!LookupPrivilegeNameA(NULL, &luid, NULL, &cch));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

/* ---- LookupPrivilegeDisplayName --------------------------------------------------------- */

START_TEST(display_name_a)
{
    char buf[128];
    DWORD cch = sizeof buf, lang = 0xFFFF;
    ck_assert(LookupPrivilegeDisplayNameA(NULL, "setcbprivilege", buf, &cch, &lang));
    ck_assert_str_eq(buf, "Act as part of the operating system");
    ck_assert_uint_eq(cch, strlen("Act as part of the operating system"));
    ck_assert_uint_eq(lang, 0x0409);
    cch = 3;
    ck_assert(!LookupPrivilegeDisplayNameA(NULL, "SeTcbPrivilege", buf, &cch, &lang));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cch, strlen("Act as part of the operating system") + 1);
}
END_TEST

START_TEST(display_name_w)
{
    WCHAR buf[128];
    DWORD cch = 128, lang = 0;
    ck_assert(LookupPrivilegeDisplayNameW(NULL, W("SeShutdownPrivilege"), buf, &cch, &lang));
    char a[128];
    w_to_ascii(buf, a, sizeof a);
    ck_assert_str_eq(a, "Shut down the system");
    ck_assert_uint_eq(cch, 20);
    ck_assert_uint_eq(lang, 0x0409);
}
END_TEST

static const struct {
    const char *system, *name;
    DWORD error;
} display_failures[] = {
    {NULL, "SeBogusPrivilege", 1313},
    {NULL, "SeBatchLogonRight", 1313},
    {NULL, NULL, 1313},
    {"b0gu5.Nam3", "SeTcbPrivilege", 1722},
};

START_TEST(display_name_failures)
{
    char buf[128];
    DWORD cch = sizeof buf, lang = 0;
    SetLastError(0);
    ck_assert(!LookupPrivilegeDisplayNameA(display_failures[_i].system, display_failures[_i].name,
                                           buf, &cch, &lang));
    ck_assert_win32_eq(GetLastError(), display_failures[_i].error);
    WCHAR wbuf[128];
    cch = 128;
    ck_assert(!LookupPrivilegeDisplayNameW(
        display_failures[_i].system ? W(display_failures[_i].system) : NULL,
        display_failures[_i].name ? W(display_failures[_i].name) : NULL, wbuf, &cch, &lang));
    ck_assert_win32_eq(GetLastError(), display_failures[_i].error);
}
END_TEST

START_TEST(reason_names_the_rule)
{
    LUID luid;
    ck_assert(!LookupPrivilegeValueA(NULL, "SeInteractiveLogonRight", &luid));
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "account right"));
}
END_TEST

START_TEST(fault_injection_applies)
{
    tu_load_policy_text("lsaemu: 1\n"
                        "faults:\n"
                        "  - { call: LookupPrivilegeValueA, nth: 2, status: STATUS_NO_MEMORY }\n");
    LUID luid;
    ck_assert(LookupPrivilegeValueA(NULL, "SeTcbPrivilege", &luid));
    ck_assert(!LookupPrivilegeValueA(NULL, "SeTcbPrivilege", &luid));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ENOUGH_MEMORY);
    ck_assert(LookupPrivilegeValueA(NULL, "SeTcbPrivilege", &luid));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("privileges");
    TCase *tc = tcase_create("value");
    tcase_add_checked_fixture(tc, setup, NULL);
    int n = (int)(sizeof value_rows / sizeof value_rows[0]);
    tcase_add_loop_test(tc, lookup_privilege_value_a, 0, n);
    tcase_add_loop_test(tc, lookup_privilege_value_w, 0, n);
    tcase_add_test(tc, every_privilege_round_trips);
    tcase_add_test(tc, value_null_luid_deviation);
    tcase_add_test(tc, reason_names_the_rule);
    tcase_add_test(tc, fault_injection_applies);
    suite_add_tcase(s, tc);

    tc = tcase_create("name");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c143_name_too_small_a);
    tcase_add_test(tc, c144_name_success_a);
    tcase_add_test(tc, c145_name_unknown_luid);
    tcase_add_test(tc, name_w_sizes);
    tcase_add_test(tc, name_remote_system);
    tcase_add_test(tc, name_null_arguments_deviation);
    suite_add_tcase(s, tc);

    tc = tcase_create("display");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, display_name_a);
    tcase_add_test(tc, display_name_w);
    tcase_add_loop_test(tc, display_name_failures, 0,
                        (int)(sizeof display_failures / sizeof display_failures[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
