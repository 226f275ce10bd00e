/* SPDX-License-Identifier: MIT */
/*
 * LsaCallAuthenticationPackage (behavior.md 3.6; cases C068-C073).
 *
 * Two statuses come back: the function result (transport / LSA errors) and
 * *ProtocolStatus (the package's answer). On every function failure the
 * return buffer is NULL and its length 0.
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

struct call_out {
    NTSTATUS status;
    NTSTATUS protocol;
    PVOID buf;
    ULONG len;
};

static NTSTATUS call_pkg(HANDLE lsa, ULONG package, void *submit, ULONG submit_len,
                         struct call_out *out)
{
    out->protocol = TH_GARBAGE_STATUS;
    out->buf = TH_GARBAGE_PTR;
    out->len = 0x5A5Au;
    out->status = LsaCallAuthenticationPackage(lsa, package, submit, submit_len, &out->buf,
                                               &out->len, &out->protocol);
    return out->status;
}

static void assert_function_failed(const struct call_out *out)
{
    ck_assert_msg(!NT_SUCCESS(out->status), "call succeeded");
    ck_assert_msg(out->buf == NULL, "*ProtocolReturnBuffer = %p after a failure", out->buf);
    ck_assert_uint_eq(out->len, 0);
}

static void release(struct call_out *out)
{
    if (out->buf != NULL && out->buf != TH_GARBAGE_PTR)
        ck_assert_status_eq(LsaFreeReturnBuffer(out->buf), STATUS_SUCCESS);
    out->buf = NULL;
}

/* A logon of user on a trusted handle from the current (TCB) process;
 * returns the LogonId, keeps the token open in *token. */
static LUID logon_session(const char *user, const char *password, HANDLE *token)
{
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, user, password, &out), STATUS_SUCCESS);
    if (out.profile)
        ck_assert_status_eq(LsaFreeReturnBuffer(out.profile), STATUS_SUCCESS);
    *token = out.token;
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    return out.logon_id;
}

/* ---- Function-level failures --------------------------------------------------- */

START_TEST(c070_unknown_package)
{
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    KERB_QUERY_TKT_CACHE_REQUEST req;
    memset(&req, 0, sizeof req);
    req.MessageType = KerbQueryTicketCacheMessage;
    struct call_out out;
    NTSTATUS st = call_pkg(lsa, 999, &req, sizeof req, &out);
    ck_assert_status_eq(st, STATUS_NO_SUCH_PACKAGE);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 1364);
    assert_function_failed(&out);
}
END_TEST

START_TEST(c073_submit_length_2)
{
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ULONG submit = MsV1_0ChangePassword;
    struct call_out out;
    NTSTATUS st = call_pkg(lsa, msv, &submit, 2, &out);
    ck_assert_status_eq(st, STATUS_INVALID_PARAMETER);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 87);
    assert_function_failed(&out);
}
END_TEST

START_TEST(c073_submit_length_2_kerberos)
{
    HANDLE lsa = th_connect_trusted();
    ULONG kerb = th_package(lsa, TH_KERBEROS);
    ULONG submit = KerbQueryTicketCacheMessage;
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, kerb, &submit, 2, &out), STATUS_INVALID_PARAMETER);
    assert_function_failed(&out);
}
END_TEST

START_TEST(callpkg_closed_handle)
{
    HANDLE lsa = th_connect_untrusted();
    ULONG kerb = th_package(lsa, TH_KERBEROS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    KERB_QUERY_TKT_CACHE_REQUEST req;
    memset(&req, 0, sizeof req);
    req.MessageType = KerbQueryTicketCacheMessage;
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, kerb, &req, sizeof req, &out), STATUS_INVALID_HANDLE);
    assert_function_failed(&out);
    ck_assert_status_eq(call_pkg((HANDLE)(uintptr_t)0x4242, kerb, &req, sizeof req, &out),
                        STATUS_INVALID_HANDLE);
    assert_function_failed(&out);
}
END_TEST

START_TEST(callpkg_token_handle_wrong_kind)
{
    HANDLE token;
    (void)logon_session("alice", PW_ALICE, &token);
    KERB_QUERY_TKT_CACHE_REQUEST req;
    memset(&req, 0, sizeof req);
    req.MessageType = KerbQueryTicketCacheMessage;
    struct call_out out;
    ck_assert_status_eq(call_pkg(token, 1, &req, sizeof req, &out), STATUS_INVALID_HANDLE);
    assert_function_failed(&out);
    ck_assert(CloseHandle(token));
}
END_TEST

/* ---- MSV1_0 ---------------------------------------------------------------------- */

static void *change_password_request(const char *domain, const char *user, const char *old_pw,
                                     const char *new_pw, ULONG *len)
{
    static const size_t off[4] = {offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, DomainName),
                                  offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, AccountName),
                                  offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, OldPassword),
                                  offsetof(MSV1_0_CHANGEPASSWORD_REQUEST, NewPassword)};
    const char *texts[4] = {domain, user, old_pw, new_pw};
    return th_pack(sizeof(MSV1_0_CHANGEPASSWORD_REQUEST), MsV1_0ChangePassword, off, texts, 4,
                   len);
}

static NTSTATUS logon_as(HANDLE lsa, const char *user, const char *password)
{
    struct th_logon_out out;
    NTSTATUS st = th_logon_msv(lsa, Interactive, user, password, &out);
    if (NT_SUCCESS(st))
        th_release(&out);
    return st;
}

START_TEST(c068_change_password_untrusted)
{
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ULONG len;
    void *req = change_password_request(".", "alice", PW_ALICE, "N3w-Secret!", &len);
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, msv, req, len, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_SUCCESS);
    release(&out);
    free(req);

    /* The new password works, the old one no longer does. */
    ck_assert_status_eq(logon_as(lsa, "alice", "N3w-Secret!"), STATUS_SUCCESS);
    struct th_logon_out lo;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &lo),
                        STATUS_LOGON_FAILURE);
    ck_assert_status_eq(lo.sub_status, STATUS_WRONG_PASSWORD);
}
END_TEST

START_TEST(c068_change_password_wrong_old)
{
    /* Our choice: the function succeeds and the package answers
     * STATUS_WRONG_PASSWORD in ProtocolStatus. */
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ULONG len;
    void *req = change_password_request(".", "alice", "not-the-password", "N3w-Secret!", &len);
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, msv, req, len, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_WRONG_PASSWORD);
    release(&out);
    free(req);

    /* Nothing changed. */
    ck_assert_status_eq(logon_as(lsa, "alice", PW_ALICE), STATUS_SUCCESS);
    ck_assert_status_eq(logon_as(lsa, "alice", "N3w-Secret!"), STATUS_LOGON_FAILURE);
}
END_TEST

/* MsV1_0CacheLogon, a trusted-only message, on a new untrusted handle. */
static NTSTATUS cache_logon_untrusted(struct call_out *out)
{
    HANDLE lsa = th_connect_untrusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    unsigned char req[128];
    memset(req, 0, sizeof req);
    ULONG type = MsV1_0CacheLogon;
    memcpy(req, &type, sizeof type);
    return call_pkg(lsa, msv, req, sizeof req, out);
}

START_TEST(c069_cache_logon_untrusted)
{
    tu_use_process("user");
    struct call_out out;
    NTSTATUS st = cache_logon_untrusted(&out);
    ck_assert_status_eq(st, STATUS_ACCESS_DENIED);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 5);
    assert_function_failed(&out);
}
END_TEST

START_TEST(c069_cache_logon_require_logon_process)
{
    /* 7.1 / policy-format.md: trusted-only messages on an untrusted handle
     * give STATUS_NOT_LOGON_PROCESS when the switch is on. */
    tu_load_policy("policies/p0-require-lp.yaml");
    tu_use_process("user");
    struct call_out out;
    NTSTATUS st = cache_logon_untrusted(&out);
    ck_assert_status_eq(st, STATUS_NOT_LOGON_PROCESS);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 1362);
    assert_function_failed(&out);
}
END_TEST

START_TEST(c068_change_password_require_logon_process)
{
    /* MsV1_0ChangePassword is the untrusted message (R3): still allowed. */
    tu_load_policy("policies/p0-require-lp.yaml");
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ULONG len;
    void *req = change_password_request(".", "alice", PW_ALICE, "N3w-Secret!", &len);
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, msv, req, len, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_SUCCESS);
    release(&out);
    free(req);
}
END_TEST

/* ---- Kerberos ticket cache -------------------------------------------------------- */

static NTSTATUS query_cache(HANDLE lsa, LUID id, struct call_out *out)
{
    KERB_QUERY_TKT_CACHE_REQUEST req;
    memset(&req, 0, sizeof req);
    req.MessageType = KerbQueryTicketCacheMessage;
    req.LogonId = id;
    return call_pkg(lsa, th_package(lsa, TH_KERBEROS), &req, sizeof req, out);
}

START_TEST(query_ticket_cache_own_session)
{
    /* LogonId 0 means the caller's own session; no TCB needed. */
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    LUID zero = {0, 0};
    struct call_out out;
    ck_assert_status_eq(query_cache(lsa, zero, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_SUCCESS);
    ck_assert_ptr_nonnull(out.buf);
    ck_assert_uint_ge(out.len, offsetof(KERB_QUERY_TKT_CACHE_RESPONSE, Tickets));
    const KERB_QUERY_TKT_CACHE_RESPONSE *resp = out.buf;
    ck_assert_uint_eq((unsigned)resp->MessageType, KerbQueryTicketCacheMessage);
    ck_assert_uint_eq(resp->CountOfTickets, 0);
    ck_assert_status_eq(LsaFreeReturnBuffer(out.buf), STATUS_SUCCESS);
}
END_TEST

START_TEST(query_ticket_cache_require_logon_process)
{
    /* Querying one's own cache is not reserved to logon processes. */
    tu_load_policy("policies/p0-require-lp.yaml");
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    LUID zero = {0, 0};
    struct call_out out;
    ck_assert_status_eq(query_cache(lsa, zero, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_SUCCESS);
    release(&out);
}
END_TEST

START_TEST(c071_query_other_session_without_tcb)
{
    /* bob's session is created by the TCB process, then the process
     * becomes alice (USER). D34: PRIVILEGE_NOT_HELD in ProtocolStatus. */
    HANDLE token;
    LUID bob = logon_session("bob", PW_BOB, &token);
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    struct call_out out;
    ck_assert_status_eq(query_cache(lsa, bob, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_PRIVILEGE_NOT_HELD);
    release(&out);
}
END_TEST

START_TEST(c071_query_other_session_admin_without_tcb)
{
    /* Administrators without TCB are no different. */
    HANDLE token;
    LUID alice = logon_session("alice", PW_ALICE, &token);
    tu_use_process("admin");
    HANDLE lsa = th_connect_untrusted();
    struct call_out out;
    ck_assert_status_eq(query_cache(lsa, alice, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_PRIVILEGE_NOT_HELD);
    release(&out);
}
END_TEST

START_TEST(c071_query_other_session_with_tcb)
{
    HANDLE token;
    LUID bob = logon_session("bob", PW_BOB, &token);
    HANDLE lsa = th_connect_trusted();
    struct call_out out;
    ck_assert_status_eq(query_cache(lsa, bob, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_SUCCESS);
    ck_assert_ptr_nonnull(out.buf);
    ck_assert_uint_eq(((KERB_QUERY_TKT_CACHE_RESPONSE *)out.buf)->CountOfTickets, 0);
    release(&out);
}
END_TEST

START_TEST(c072_query_nonexistent_session_tcb)
{
    HANDLE lsa = th_connect_trusted();
    LUID nowhere = {0x7FFF1234u, 0x77};
    struct call_out out;
    ck_assert_status_eq(query_cache(lsa, nowhere, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_NO_SUCH_LOGON_SESSION);
    ck_assert_uint_eq(LsaNtStatusToWinError(out.protocol), 1312);
    release(&out);
}
END_TEST

START_TEST(c072_query_nonexistent_session_untrusted_tcb)
{
    /* TCB is judged on the caller's token, not the connection (2). */
    HANDLE lsa = th_connect_untrusted();
    LUID nowhere = {0x7FFF1234u, 0x77};
    struct call_out out;
    ck_assert_status_eq(query_cache(lsa, nowhere, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_NO_SUCH_LOGON_SESSION);
    release(&out);
}
END_TEST

START_TEST(purge_ticket_cache_own_session)
{
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    KERB_PURGE_TKT_CACHE_REQUEST req;
    memset(&req, 0, sizeof req);
    req.MessageType = KerbPurgeTicketCacheMessage;
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, th_package(lsa, TH_KERBEROS), &req, sizeof req, &out),
                        STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_SUCCESS);
    release(&out);
}
END_TEST

START_TEST(purge_ticket_cache_other_session_without_tcb)
{
    HANDLE token;
    LUID bob = logon_session("bob", PW_BOB, &token);
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    KERB_PURGE_TKT_CACHE_REQUEST req;
    memset(&req, 0, sizeof req);
    req.MessageType = KerbPurgeTicketCacheMessage;
    req.LogonId = bob;
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, th_package(lsa, TH_KERBEROS), &req, sizeof req, &out),
                        STATUS_SUCCESS);
    ck_assert_status_eq(out.protocol, STATUS_PRIVILEGE_NOT_HELD);
    release(&out);
}
END_TEST

START_TEST(retrieve_encoded_ticket_not_implemented)
{
    /* A Kerberos message the emulator knows but does not emulate. */
    HANDLE lsa = th_connect_trusted();
    unsigned char req[256];
    memset(req, 0, sizeof req);
    ULONG type = KerbRetrieveEncodedTicketMessage;
    memcpy(req, &type, sizeof type);
    struct call_out out;
    ck_assert_status_eq(call_pkg(lsa, th_package(lsa, TH_KERBEROS), req, sizeof req, &out),
                        STATUS_NOT_IMPLEMENTED);
    assert_function_failed(&out);
}
END_TEST

START_TEST(callpkg_null_arguments_deviation)
{
    /* Deviation: Windows would fault on NULL out-pointers. */
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    ULONG kerb = th_package(lsa, TH_KERBEROS);
    KERB_QUERY_TKT_CACHE_REQUEST req;
    memset(&req, 0, sizeof req);
    req.MessageType = KerbQueryTicketCacheMessage;
    PVOID buf;
    ULONG len;
    NTSTATUS proto;
    ck_assert_status_eq(LsaCallAuthenticationPackage(lsa, kerb, NULL, sizeof req, &buf, &len,
                                                     &proto),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaCallAuthenticationPackage(lsa, kerb, &req, sizeof req, NULL, &len,
                                                     &proto),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaCallAuthenticationPackage(lsa, kerb, &req, sizeof req, &buf, NULL,
                                                     &proto),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaCallAuthenticationPackage(lsa, kerb, &req, sizeof req, &buf, &len,
                                                     NULL),
                        STATUS_INVALID_PARAMETER);
}
END_TEST

Suite *make_lsa_callpkg_suite(void);
Suite *make_lsa_callpkg_suite(void)
{
    Suite *s = suite_create("lsa_callpkg");

    TCase *tc = tcase_create("function");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c070_unknown_package);
    tcase_add_test(tc, c073_submit_length_2);
    tcase_add_test(tc, c073_submit_length_2_kerberos);
    tcase_add_test(tc, callpkg_closed_handle);
    tcase_add_test(tc, callpkg_token_handle_wrong_kind);
    tcase_add_test(tc, callpkg_null_arguments_deviation);
    suite_add_tcase(s, tc);

    tc = tcase_create("msv1_0");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c068_change_password_untrusted);
    tcase_add_test(tc, c068_change_password_wrong_old);
    tcase_add_test(tc, c068_change_password_require_logon_process);
    tcase_add_test(tc, c069_cache_logon_untrusted);
    tcase_add_test(tc, c069_cache_logon_require_logon_process);
    suite_add_tcase(s, tc);

    tc = tcase_create("kerberos");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, query_ticket_cache_own_session);
    tcase_add_test(tc, query_ticket_cache_require_logon_process);
    tcase_add_test(tc, c071_query_other_session_without_tcb);
    tcase_add_test(tc, c071_query_other_session_admin_without_tcb);
    tcase_add_test(tc, c071_query_other_session_with_tcb);
    tcase_add_test(tc, c072_query_nonexistent_session_tcb);
    tcase_add_test(tc, c072_query_nonexistent_session_untrusted_tcb);
    tcase_add_test(tc, purge_ticket_cache_own_session);
    tcase_add_test(tc, purge_ticket_cache_other_session_without_tcb);
    tcase_add_test(tc, retrieve_encoded_ticket_not_implemented);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_lsa_callpkg_suite());
}
