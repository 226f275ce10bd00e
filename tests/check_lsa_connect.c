/* SPDX-License-Identifier: MIT */
/*
 * Connections and package look-up: LsaRegisterLogonProcess,
 * LsaConnectUntrusted, LsaDeregisterLogonProcess and
 * LsaLookupAuthenticationPackage (behavior.md 2, 3.1-3.4; cases C001-C018).
 */
#include <stdlib.h>
#include <string.h>

#include "lsa_helpers.h"

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("tcb");
}

/* ---- LsaRegisterLogonProcess ------------------------------------------------ */

static NTSTATUS register_named(const char *name, HANDLE *h, LSA_OPERATIONAL_MODE *mode)
{
    LSA_STRING s = th_lsa_string(name);
    return LsaRegisterLogonProcess(&s, h, mode);
}

START_TEST(c001_register_tcb_caller)
{
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0xDEADBEEFu;
    ck_assert_status_eq(register_named("TestLogon", &h, &mode), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(h);
    /* 3.1 step 3: the value is meaningless; the fake writes 0. */
    ck_assert_uint_eq(mode, 0);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

/* C002, C003, C007 and the service caller: no enabled TCB, connection
 * refused with STATUS_PORT_CONNECTION_REFUSED, which maps to 5 (the value
 * .NET's fallback tests for, F8). */
static const char *const no_tcb_callers[] = {"user", "admin", "tcb-disabled", "service"};

START_TEST(c002_c003_c007_register_without_enabled_tcb)
{
    tu_use_process(no_tcb_callers[_i]);
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    NTSTATUS st = register_named("TestLogon", &h, &mode);
    ck_assert_msg(st == (NTSTATUS)STATUS_PORT_CONNECTION_REFUSED, "caller %s: got %s",
                  no_tcb_callers[_i], tu_status_name(st));
    ck_assert_uint_eq(LsaNtStatusToWinError(st), ERROR_ACCESS_DENIED);
    /* The refusal names the privilege that was missing. */
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "SeTcbPrivilege"));
}
END_TEST

START_TEST(c007_register_tcb_held_then_enabled)
{
    /* Same account; only enabled: differs (2: "TCB means enabled"). */
    tu_use_process("tcb-enabled");
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(register_named("TestLogon", &h, &mode), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

START_TEST(c004_register_name_128_bytes)
{
    char *name = th_repeat('N', 128);
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    NTSTATUS st = register_named(name, &h, &mode);
    ck_assert_status_eq(st, STATUS_NAME_TOO_LONG);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 206);
    free(name);
}
END_TEST

START_TEST(c005_register_name_127_bytes)
{
    char *name = th_repeat('N', 127);
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(register_named(name, &h, &mode), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
    free(name);
}
END_TEST

START_TEST(c005_register_name_127_bytes_no_terminator)
{
    /* MaximumLength == Length and no NUL after the name: only Length counts. */
    char *name = th_repeat('M', 200);
    LSA_STRING s;
    s.Length = 127;
    s.MaximumLength = 127;
    s.Buffer = name;
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(LsaRegisterLogonProcess(&s, &h, &mode), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
    free(name);
}
END_TEST

START_TEST(c006_register_length_checked_before_tcb)
{
    /* USER caller with a 128-byte name: the name is rejected first [guess]. */
    tu_use_process("user");
    char *name = th_repeat('N', 128);
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(register_named(name, &h, &mode), STATUS_NAME_TOO_LONG);
    free(name);
}
END_TEST

START_TEST(c006_register_127_bytes_without_tcb_is_refused)
{
    /* The length test passes at 127, so the TCB test decides. */
    tu_use_process("user");
    char *name = th_repeat('N', 127);
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(register_named(name, &h, &mode), STATUS_PORT_CONNECTION_REFUSED);
    free(name);
}
END_TEST

START_TEST(register_name_not_unique)
{
    /* 3.1 notes: the name is not checked for uniqueness. */
    HANDLE a = NULL, b = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(register_named("Same", &a, &mode), STATUS_SUCCESS);
    ck_assert_status_eq(register_named("Same", &b, &mode), STATUS_SUCCESS);
    ck_assert_ptr_ne(a, b);
    ck_assert_status_eq(LsaDeregisterLogonProcess(a), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(b), STATUS_SUCCESS);
}
END_TEST

START_TEST(register_null_arguments_deviation)
{
    /* Deviation: Windows faults on NULL pointers; lsaemu returns
     * STATUS_INVALID_PARAMETER (3.1 notes). */
    LSA_STRING s = th_lsa_string("TestLogon");
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(LsaRegisterLogonProcess(NULL, &h, &mode), STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaRegisterLogonProcess(&s, NULL, &mode), STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaRegisterLogonProcess(&s, &h, NULL), STATUS_INVALID_PARAMETER);
}
END_TEST

/* ---- LsaConnectUntrusted --------------------------------------------------- */

static const char *const all_callers[] = {"tcb", "user", "admin", "tcb-disabled", "service"};

START_TEST(c008_connect_untrusted_any_caller)
{
    tu_use_process(all_callers[_i]);
    HANDLE h = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(h);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

START_TEST(c008_connect_untrusted_distinct_handles)
{
    HANDLE a = th_connect_untrusted();
    HANDLE b = th_connect_untrusted();
    HANDLE t = th_connect_trusted();
    ck_assert_ptr_ne(a, b);
    ck_assert_ptr_ne(a, t);
    ck_assert_ptr_ne(b, t);
    /* Closing one leaves the others working. */
    ck_assert_status_eq(LsaDeregisterLogonProcess(a), STATUS_SUCCESS);
    (void)th_package(b, TH_KERBEROS);
    (void)th_package(t, TH_KERBEROS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(b), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(t), STATUS_SUCCESS);
}
END_TEST

START_TEST(connect_untrusted_null_deviation)
{
    /* Deviation: Windows would fault. */
    ck_assert_status_eq(LsaConnectUntrusted(NULL), STATUS_INVALID_PARAMETER);
}
END_TEST

/* ---- LsaDeregisterLogonProcess ------------------------------------------------ */

START_TEST(c009_deregister_untrusted)
{
    HANDLE h = th_connect_untrusted();
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

START_TEST(c010_deregister_trusted)
{
    HANDLE h = th_connect_trusted();
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

START_TEST(c011_deregister_twice)
{
    HANDLE h = th_connect_untrusted();
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
    NTSTATUS st = LsaDeregisterLogonProcess(h);
    ck_assert_status_eq(st, STATUS_INVALID_HANDLE);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(c011_deregister_trusted_twice)
{
    HANDLE h = th_connect_trusted();
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_INVALID_HANDLE);
}
END_TEST

START_TEST(deregister_unknown_handles)
{
    ck_assert_status_eq(LsaDeregisterLogonProcess(NULL), STATUS_INVALID_HANDLE);
    ck_assert_status_eq(LsaDeregisterLogonProcess((HANDLE)(uintptr_t)0x4242), STATUS_INVALID_HANDLE);
    ck_assert_status_eq(LsaDeregisterLogonProcess(INVALID_HANDLE_VALUE), STATUS_INVALID_HANDLE);
}
END_TEST

START_TEST(deregister_token_handle_wrong_kind)
{
    /* A token handle is not an LSA connection: refused, and the token
     * stays usable (CloseHandle still succeeds once). */
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(out.token), STATUS_INVALID_HANDLE);
    LSA_STRING s = th_lsa_string(TH_KERBEROS);
    ULONG id = 77;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(out.token, &s, &id), STATUS_INVALID_HANDLE);
    th_release(&out);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

START_TEST(closehandle_on_lsa_handle_fails)
{
    /* Only LsaDeregisterLogonProcess closes these handles (2, 3.3). */
    HANDLE h = th_connect_untrusted();
    SetLastError(0);
    ck_assert_int_eq(CloseHandle(h), FALSE);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    /* Still open. */
    (void)th_package(h, TH_NEGOTIATE);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

/* ---- LsaLookupAuthenticationPackage ------------------------------------------ */

struct pkg_row {
    const char *id;
    const char *name;
    NTSTATUS status;
    ULONG package; /* expected id on success */
};

/* Ids: Negotiate 0, Kerberos 1, MSV1_0 2 (3.4, lsaemu default). */
static const struct pkg_row pkg_rows[] = {
    {"C012", TH_MSV1_0, STATUS_SUCCESS, 2},
    {"C013", TH_KERBEROS, STATUS_SUCCESS, 1},
    {"C014", TH_NEGOTIATE, STATUS_SUCCESS, 0},
    {"C015", "NoSuchPackage", STATUS_NO_SUCH_PACKAGE, 0},
    {"C017", "kerberos", STATUS_SUCCESS, 1},
    {"C017b", "NEGOTIATE", STATUS_SUCCESS, 0},
    {"C017c", "microsoft_authentication_package_v1_0", STATUS_SUCCESS, 2},
    {"C017d", "KeRbErOs", STATUS_SUCCESS, 1},
    {"ntlm", "NTLM", STATUS_NO_SUCH_PACKAGE, 0},
    {"msv1_0", "MSV1_0", STATUS_NO_SUCH_PACKAGE, 0},
    {"prefix", "Kerb", STATUS_NO_SUCH_PACKAGE, 0},
    {"longer", "Kerberos2", STATUS_NO_SUCH_PACKAGE, 0},
    {"empty", "", STATUS_NO_SUCH_PACKAGE, 0},
};

static void check_pkg_row(HANDLE h, const struct pkg_row *r)
{
    LSA_STRING s = th_lsa_string(r->name);
    ULONG id = 0xABCDu;
    NTSTATUS st = LsaLookupAuthenticationPackage(h, &s, &id);
    ck_assert_msg(st == r->status, "%s (\"%s\"): got %s (0x%08X), want %s", r->id, r->name,
                  tu_status_name(st), (unsigned)st, tu_status_name(r->status));
    if (r->status == STATUS_SUCCESS)
        ck_assert_msg(id == r->package, "%s: id %lu, want %lu", r->id, (unsigned long)id,
                      (unsigned long)r->package);
    else
        ck_assert_uint_eq(LsaNtStatusToWinError(st), 1364);
}

START_TEST(c012_c017_lookup_untrusted)
{
    tu_use_process("user");
    HANDLE h = th_connect_untrusted();
    check_pkg_row(h, &pkg_rows[_i]);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

START_TEST(c012_c017_lookup_trusted)
{
    HANDLE h = th_connect_trusted();
    check_pkg_row(h, &pkg_rows[_i]);
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
}
END_TEST

START_TEST(c016_lookup_name_128_bytes)
{
    HANDLE h = th_connect_untrusted();
    char *name = th_repeat('K', 128);
    LSA_STRING s = th_lsa_string(name);
    ULONG id = 0;
    NTSTATUS st = LsaLookupAuthenticationPackage(h, &s, &id);
    ck_assert_status_eq(st, STATUS_NAME_TOO_LONG);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 206);
    free(name);
}
END_TEST

START_TEST(c016_lookup_name_127_bytes_unknown)
{
    HANDLE h = th_connect_untrusted();
    char *name = th_repeat('K', 127);
    LSA_STRING s = th_lsa_string(name);
    ULONG id = 0;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h, &s, &id), STATUS_NO_SUCH_PACKAGE);
    free(name);
}
END_TEST

START_TEST(c018_lookup_maximumlength_equals_length)
{
    /* "Negotiate" followed by other bytes, no terminator: only Length counts. */
    static char text[] = "NegotiateXYZ";
    HANDLE h = th_connect_untrusted();
    LSA_STRING s;
    s.Length = 9;
    s.MaximumLength = 9;
    s.Buffer = text;
    ULONG id = 99;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h, &s, &id), STATUS_SUCCESS);
    ck_assert_uint_eq(id, 0);
    /* And a Length shorter than the text picks the shorter name. */
    static char kerb[] = "KerberosTrailing";
    s.Length = 8;
    s.MaximumLength = (USHORT)sizeof kerb;
    s.Buffer = kerb;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h, &s, &id), STATUS_SUCCESS);
    ck_assert_uint_eq(id, 1);
}
END_TEST

START_TEST(lookup_ids_match_between_connections)
{
    HANDLE u = th_connect_untrusted();
    HANDLE t = th_connect_trusted();
    ck_assert_uint_eq(th_package(u, TH_MSV1_0), th_package(t, TH_MSV1_0));
    ck_assert_uint_eq(th_package(u, TH_KERBEROS), th_package(t, TH_KERBEROS));
    ck_assert_uint_eq(th_package(u, TH_NEGOTIATE), th_package(t, TH_NEGOTIATE));
}
END_TEST

START_TEST(lookup_closed_handle)
{
    HANDLE h = th_connect_untrusted();
    ck_assert_status_eq(LsaDeregisterLogonProcess(h), STATUS_SUCCESS);
    LSA_STRING s = th_lsa_string(TH_KERBEROS);
    ULONG id = 0;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h, &s, &id), STATUS_INVALID_HANDLE);
    ck_assert_status_eq(LsaLookupAuthenticationPackage((HANDLE)(uintptr_t)0x4242, &s, &id),
                        STATUS_INVALID_HANDLE);
}
END_TEST

START_TEST(lookup_handle_checked_before_name_length)
{
    /* 3.4: handle first, then the length. */
    char *name = th_repeat('K', 200);
    LSA_STRING s = th_lsa_string(name);
    ULONG id = 0;
    ck_assert_status_eq(LsaLookupAuthenticationPackage((HANDLE)(uintptr_t)0x4242, &s, &id),
                        STATUS_INVALID_HANDLE);
    free(name);
}
END_TEST

START_TEST(lookup_null_arguments_deviation)
{
    /* Deviation: Windows would fault on these NULL pointers. */
    HANDLE h = th_connect_untrusted();
    LSA_STRING s = th_lsa_string(TH_KERBEROS);
    ULONG id = 0;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h, NULL, &id), STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLookupAuthenticationPackage(h, &s, NULL), STATUS_INVALID_PARAMETER);
}
END_TEST

Suite *make_lsa_connect_suite(void);
Suite *make_lsa_connect_suite(void)
{
    Suite *s = suite_create("lsa_connect");

    TCase *tc = tcase_create("register");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c001_register_tcb_caller);
    tcase_add_loop_test(tc, c002_c003_c007_register_without_enabled_tcb, 0,
                        (int)(sizeof no_tcb_callers / sizeof no_tcb_callers[0]));
    tcase_add_test(tc, c007_register_tcb_held_then_enabled);
    tcase_add_test(tc, c004_register_name_128_bytes);
    tcase_add_test(tc, c005_register_name_127_bytes);
    tcase_add_test(tc, c005_register_name_127_bytes_no_terminator);
    tcase_add_test(tc, c006_register_length_checked_before_tcb);
    tcase_add_test(tc, c006_register_127_bytes_without_tcb_is_refused);
    tcase_add_test(tc, register_name_not_unique);
    tcase_add_test(tc, register_null_arguments_deviation);
    suite_add_tcase(s, tc);

    tc = tcase_create("untrusted");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, c008_connect_untrusted_any_caller, 0,
                        (int)(sizeof all_callers / sizeof all_callers[0]));
    tcase_add_test(tc, c008_connect_untrusted_distinct_handles);
    tcase_add_test(tc, connect_untrusted_null_deviation);
    suite_add_tcase(s, tc);

    tc = tcase_create("deregister");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c009_deregister_untrusted);
    tcase_add_test(tc, c010_deregister_trusted);
    tcase_add_test(tc, c011_deregister_twice);
    tcase_add_test(tc, c011_deregister_trusted_twice);
    tcase_add_test(tc, deregister_unknown_handles);
    tcase_add_test(tc, deregister_token_handle_wrong_kind);
    tcase_add_test(tc, closehandle_on_lsa_handle_fails);
    suite_add_tcase(s, tc);

    tc = tcase_create("lookup");
    tcase_add_checked_fixture(tc, setup, NULL);
    int n = (int)(sizeof pkg_rows / sizeof pkg_rows[0]);
    tcase_add_loop_test(tc, c012_c017_lookup_untrusted, 0, n);
    tcase_add_loop_test(tc, c012_c017_lookup_trusted, 0, n);
    tcase_add_test(tc, c016_lookup_name_128_bytes);
    tcase_add_test(tc, c016_lookup_name_127_bytes_unknown);
    tcase_add_test(tc, c018_lookup_maximumlength_equals_length);
    tcase_add_test(tc, lookup_ids_match_between_connections);
    tcase_add_test(tc, lookup_closed_handle);
    tcase_add_test(tc, lookup_handle_checked_before_name_length);
    tcase_add_test(tc, lookup_null_arguments_deviation);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_lsa_connect_suite());
}
