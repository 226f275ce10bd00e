/* SPDX-License-Identifier: MIT */
/*
 * LogonUserA/W, LogonUserExA/W, LogonUserExExW and LocalFree (behavior.md
 * 3.11, 5; cases C093-C119), table-driven.
 *
 * Every row names the policy, the calling process entry, the variant, the
 * arguments and the expected BOOL / last error. Failures check that the
 * token stays NULL and no logon session is left; successes check the token
 * (type, user, groups per token-groups-by-logon-type) and that closing it
 * ends the logon session.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "token_helpers.h"

#include "cases/logon_user_rows.h"

/* Short names for the rest of this file (after the table, which spells
 * them out). */
#define I LOGON32_LOGON_INTERACTIVE
#define N LOGON32_LOGON_NETWORK
#define B LOGON32_LOGON_BATCH
#define S LOGON32_LOGON_SERVICE
#define U LOGON32_LOGON_UNLOCK
#define NC LOGON32_LOGON_NETWORK_CLEARTEXT
#define NEWC LOGON32_LOGON_NEW_CREDENTIALS
#define DEF LOGON32_PROVIDER_DEFAULT

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("user");
}

/* All outputs of one call, pre-filled with garbage. */
struct lu_out {
    BOOL ok;
    DWORD err;
    HANDLE token;
    PSID sid;
    PVOID profile;
    DWORD profile_len;
    QUOTA_LIMITS quotas;
};

static void garbage(struct lu_out *o)
{
    o->token = TH_GARBAGE_PTR;
    o->sid = TH_GARBAGE_PTR;
    o->profile = TH_GARBAGE_PTR;
    o->profile_len = 0x5A5A5A5Au;
    memset(&o->quotas, 0xA5, sizeof o->quotas);
}

static void call(enum variant v, const char *user, const char *domain, const char *password,
                 DWORD type, DWORD provider, PTOKEN_GROUPS groups, struct lu_out *o)
{
    WCHAR wu[600], wd[600], wp[600];
    garbage(o);
    SetLastError(0xBADBADu);
    switch (v) {
    case V_W:
        o->ok = LogonUserW(tk_w(wu, user), tk_w(wd, domain), tk_w(wp, password), type, provider,
                           &o->token);
        break;
    case V_A:
        o->ok = LogonUserA(user, domain, password, type, provider, &o->token);
        break;
    case V_EXW:
        o->ok = LogonUserExW(tk_w(wu, user), tk_w(wd, domain), tk_w(wp, password), type, provider,
                             &o->token, &o->sid, &o->profile, &o->profile_len, &o->quotas);
        break;
    case V_EXA:
        o->ok = LogonUserExA(user, domain, password, type, provider, &o->token, &o->sid,
                             &o->profile, &o->profile_len, &o->quotas);
        break;
    case V_EXEXW:
        o->ok = LogonUserExExW((LPWSTR)tk_w(wu, user), (LPWSTR)tk_w(wd, domain),
                               (LPWSTR)tk_w(wp, password), type, provider, groups, &o->token,
                               &o->sid, &o->profile, &o->profile_len, &o->quotas);
        break;
    }
    o->err = GetLastError();
}

static int is_ex(enum variant v)
{
    return v == V_EXW || v == V_EXA || v == V_EXEXW;
}

/* Releases what an Ex success returned (profile, logon SID) and the token. */
static void release(const struct lu_out *o, enum variant v)
{
    if (is_ex(v)) {
        if (o->profile)
            ck_assert_status_eq(LsaFreeReturnBuffer(o->profile), STATUS_SUCCESS);
        if (o->sid)
            ck_assert_ptr_null(LocalFree(o->sid));
    }
    ck_assert(CloseHandle(o->token));
}

START_TEST(logon_user_table)
{
    const struct row *r = &rows[_i];
    if (r->policy)
        tu_load_policy(r->policy);
    tu_use_process(r->process);
    ULONG before = th_session_count();
    struct lu_out o;
    call(r->v, r->user, r->domain, r->password, r->type, r->provider, NULL, &o);
    ck_assert_msg(o.ok == r->ok, "%s: returned %d, want %d; error %lu; reason: %s", r->id,
                  (int)o.ok, (int)r->ok, (unsigned long)o.err, lsaemu_last_reason());
    /* A success leaves the last error as it was (i13-facts A5,
     * GUESS_SUCCESS_LEAVES_LAST_ERROR): call() set 0xBADBAD. */
    DWORD want_err = r->ok ? 0xBADBADu : r->err;
    ck_assert_msg(o.err == want_err, "%s: last error %lu (%s), want %lu (%s); reason: %s", r->id,
                  (unsigned long)o.err, tu_win32_name(o.err), (unsigned long)want_err,
                  tu_win32_name(want_err), lsaemu_last_reason());
    ck_assert_msg(lsaemu_last_reason()[0] != '\0', "%s: empty reason", r->id);
    if (!r->ok) {
        ck_assert_msg(o.token == NULL, "%s: token %p on failure", r->id, o.token);
        if (is_ex(r->v)) {
            ck_assert_ptr_null(o.sid);
            ck_assert_ptr_null(o.profile);
            ck_assert_uint_eq(o.profile_len, 0);
            QUOTA_LIMITS zero;
            memset(&zero, 0, sizeof zero);
            ck_assert_msg(memcmp(&zero, &o.quotas, sizeof zero) == 0, "%s: quotas not zeroed",
                          r->id);
        }
        ck_assert_msg(th_session_count() == before, "%s: a failed logon left a session", r->id);
        return;
    }
    ck_assert_msg(o.token != NULL && o.token != TH_GARBAGE_PTR, "%s: no token", r->id);
    ck_assert_uint_eq(th_session_count(), before + 1);
    char buf[200];
    ck_assert_str_eq(tk_user(o.token, buf), r->user_sid);
    DWORD want_type = r->tok == T_PRIMARY ? TokenPrimary : TokenImpersonation;
    ck_assert_msg(tk_type(o.token) == want_type, "%s: TokenType %lu", r->id,
                  (unsigned long)tk_type(o.token));
    if (r->tok == T_IMPERSONATION) {
        SECURITY_IMPERSONATION_LEVEL *lvl = tk_info(o.token, TokenImpersonationLevel, NULL);
        ck_assert_int_eq(*lvl, SecurityImpersonation);
        free(lvl);
    }
    if (r->type != NEWC && strcmp(r->user_sid, "S-1-5-19") != 0 &&
        strcmp(r->user_sid, "S-1-5-20") != 0)
        tk_check_groups(o.token, r->type, r->id);
    /* TOKEN_SOURCE "Advapi  " (3.11) except NewCredentials' copy. */
    if (r->type != NEWC) {
        TOKEN_SOURCE *src = tk_info(o.token, TokenSource, NULL);
        ck_assert_msg(memcmp(src->SourceName, "Advapi  ", 8) == 0, "%s: source %.8s", r->id,
                      src->SourceName);
        free(src);
    }
    if (is_ex(r->v)) {
        char text[200];
        const char *ls = tk_logon_sid(o.token, text);
        if (ls) {
            char got[200];
            ck_assert_ptr_nonnull(o.sid);
            ck_assert_str_eq(tk_sid_text(o.sid, got), ls);
        } else {
            ck_assert_ptr_null(o.sid);
        }
        QUOTA_LIMITS zero;
        memset(&zero, 0, sizeof zero);
        if (r->tok == T_PRIMARY)
            ck_assert_msg(memcmp(&zero, &o.quotas, sizeof zero) != 0, "%s: no quotas", r->id);
        if (o.profile) {
            ck_assert_uint_ge(o.profile_len, sizeof(MSV1_0_INTERACTIVE_PROFILE));
            ck_assert_uint_eq(((MSV1_0_INTERACTIVE_PROFILE *)o.profile)->MessageType, 2);
        } else {
            ck_assert_uint_eq(o.profile_len, 0);
        }
        ck_assert_msg(o.profile != NULL || r->type == N || r->type == NC,
                      "%s: no profile for a non-network logon", r->id);
    }
    release(&o, r->v);
    ck_assert_msg(th_session_count() == before, "%s: closing the token left the session", r->id);
}
END_TEST

/* ---- Arguments ------------------------------------------------------------------ */

START_TEST(null_token_pointer)
{
    WCHAR u[20], d[4], p[20];
    SetLastError(0);
    ck_assert(!LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE), I, DEF, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    SetLastError(0);
    ck_assert(!LogonUserA("alice", ".", PW_ALICE, I, DEF, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    PSID sid = TH_GARBAGE_PTR;
    SetLastError(0);
    ck_assert(!LogonUserExW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE), I, DEF, NULL, &sid,
                            NULL, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(sid);
}
END_TEST

START_TEST(ex_optional_outputs_may_be_null)
{
    WCHAR u[20], d[4], p[20];
    HANDLE tok = NULL;
    ULONG before = th_session_count();
    SetLastError(0xBEEF); /* left as it was (GUESS_SUCCESS_LEAVES_LAST_ERROR) */
    ck_assert(LogonUserExW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE), I, DEF, &tok, NULL,
                           NULL, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), 0xBEEF);
    ck_assert_ptr_nonnull(tok);
    ck_assert(CloseHandle(tok));
    ck_assert_uint_eq(th_session_count(), before);
}
END_TEST

/* i13-facts A5, GUESS_SUCCESS_LEAVES_LAST_ERROR: nobody has observed
 * LogonUser's last error on success; like the functions observed, it is
 * left as it was. */
START_TEST(success_leaves_last_error)
{
    HANDLE tok = NULL;
    SetLastError(1234);
    ck_assert(LogonUserA("alice", ".", PW_ALICE, I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 1234);
    ck_assert(CloseHandle(tok));
}
END_TEST

START_TEST(long_names)
{
    /* 256 characters are fine (no such user), 257 too long for the LSA. */
    char *name = th_repeat('a', 257);
    HANDLE tok = TH_GARBAGE_PTR;
    ck_assert(!LogonUserA(name, ".", "x", I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 206);
    ck_assert_ptr_null(tok);
    name[256] = '\0';
    ck_assert(!LogonUserA(name, ".", "x", I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 1326);
    free(name);
}
END_TEST

/* ---- LogonUserExExW's groups ------------------------------------------------------ */

START_TEST(exex_groups_need_tcb)
{
    PTOKEN_GROUPS g = th_groups(TH_GROUPS_LOCAL);
    struct lu_out o;
    ULONG before = th_session_count();
    call(V_EXEXW, "alice", ".", PW_ALICE, I, DEF, g, &o);
    ck_assert(!o.ok);
    ck_assert_win32_eq(o.err, ERROR_PRIVILEGE_NOT_HELD);
    ck_assert_ptr_null(o.token);
    ck_assert_ptr_null(o.sid);
    ck_assert_uint_eq(th_session_count(), before);
    /* Held but disabled is not enough. */
    tu_use_process("tcb-disabled");
    call(V_EXEXW, "alice", ".", PW_ALICE, I, DEF, g, &o);
    ck_assert(!o.ok);
    ck_assert_win32_eq(o.err, ERROR_PRIVILEGE_NOT_HELD);
    /* The TCB test comes before the credentials. */
    call(V_EXEXW, "alice", ".", "wrong", I, DEF, g, &o);
    ck_assert_win32_eq(o.err, ERROR_PRIVILEGE_NOT_HELD);
    free(g);
}
END_TEST

START_TEST(exex_groups_with_tcb)
{
    tu_use_process("tcb-enabled");
    PTOKEN_GROUPS g = th_groups(TH_GROUPS_LOGON_SID);
    struct lu_out o;
    call(V_EXEXW, "alice", ".", PW_ALICE, N, DEF, g, &o);
    ck_assert_msg(o.ok, "error %lu: %s", (unsigned long)o.err, lsaemu_last_reason());
    DWORD attrs = 0;
    ck_assert(tk_has_group(o.token, "S-1-5-5-0-4242", &attrs));
    release(&o, V_EXEXW);
    free(g);
}
END_TEST

START_TEST(exex_tcb_enabled_by_adjust)
{
    /* Enabling the held privilege through the shared process token makes
     * the groups acceptable (3.15: the process token is one object). */
    tu_use_process("tcb-disabled");
    HANDLE pt;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES, &pt));
    TOKEN_PRIVILEGES tp = {1, {{{7, 0}, SE_PRIVILEGE_ENABLED}}};
    ck_assert(AdjustTokenPrivileges(pt, FALSE, &tp, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), 0);
    PTOKEN_GROUPS g = th_groups(TH_GROUPS_LOCAL);
    struct lu_out o;
    call(V_EXEXW, "alice", ".", PW_ALICE, I, DEF, g, &o);
    ck_assert_msg(o.ok, "error %lu: %s", (unsigned long)o.err, lsaemu_last_reason());
    release(&o, V_EXEXW);
    free(g);
    ck_assert(CloseHandle(pt));
}
END_TEST

/* ---- Logon SIDs, LocalFree --------------------------------------------------------- */

START_TEST(c119_logon_sid_and_local_free)
{
    struct lu_out o;
    call(V_EXW, "alice", ".", PW_ALICE, I, DEF, NULL, &o);
    ck_assert(o.ok);
    char a[200], b[200];
    ck_assert_str_eq(tk_sid_text(o.sid, a), tk_logon_sid(o.token, b));
    ck_assert_int_eq(strncmp(a, "S-1-5-5-", 8), 0);
    /* TokenLogonSid gives the same SID. */
    TOKEN_GROUPS *ls = tk_info(o.token, TokenLogonSid, NULL);
    ck_assert_uint_eq(ls->GroupCount, 1);
    ck_assert_str_eq(tk_sid_text(ls->Groups[0].Sid, b), a);
    ck_assert_uint_eq(ls->Groups[0].Attributes & SE_GROUP_LOGON_ID, SE_GROUP_LOGON_ID);
    free(ls);
    /* The profile is not LocalAlloc memory; the SID is not an LSA buffer. */
    SetLastError(0);
    ck_assert_ptr_eq(LocalFree(o.profile), o.profile);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert_status_eq(LsaFreeReturnBuffer(o.sid), STATUS_MEMORY_NOT_ALLOCATED);
    PSID sid = o.sid;
    release(&o, V_EXW);
    /* Freed once: the second LocalFree hands the pointer back. */
    SetLastError(0);
    ck_assert_ptr_eq(LocalFree(sid), sid);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(local_free_null_and_foreign)
{
    SetLastError(77);
    ck_assert_ptr_null(LocalFree(NULL));
    ck_assert_win32_eq(GetLastError(), 77);
    char stack[16];
    SetLastError(0);
    ck_assert_ptr_eq(LocalFree(stack), stack);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(two_logons_distinct_logon_sids)
{
    struct lu_out o1, o2;
    call(V_EXW, "alice", ".", PW_ALICE, I, DEF, NULL, &o1);
    call(V_EXW, "alice", ".", PW_ALICE, I, DEF, NULL, &o2);
    ck_assert(o1.ok && o2.ok);
    char a[200], b[200];
    ck_assert_str_ne(tk_sid_text(o1.sid, a), tk_sid_text(o2.sid, b));
    ck_assert_ptr_ne(o1.token, o2.token);
    TOKEN_STATISTICS s1 = tk_stats(o1.token), s2 = tk_stats(o2.token);
    ck_assert(s1.AuthenticationId.LowPart != s2.AuthenticationId.LowPart);
    release(&o1, V_EXW);
    release(&o2, V_EXW);
}
END_TEST

/* ---- Token facts of LogonUser results (C113-C116) ---------------------------------- */

START_TEST(c113_c116_type_and_origin)
{
    HANDLE proc;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &proc));
    TOKEN_STATISTICS ps = tk_stats(proc);

    HANDLE it, nt;
    ck_assert(LogonUserA("alice", ".", PW_ALICE, I, DEF, &it));
    ck_assert(LogonUserA("alice", ".", PW_ALICE, N, DEF, &nt));
    /* C113 / C114. */
    ck_assert_uint_eq(tk_type(nt), TokenImpersonation);
    ck_assert_uint_eq(tk_type(it), TokenPrimary);
    DWORD len = 0x77;
    SECURITY_IMPERSONATION_LEVEL lvl;
    SetLastError(0);
    ck_assert(!GetTokenInformation(it, TokenImpersonationLevel, &lvl, sizeof lvl, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    /* C115: the caller's logon session; C116: zero for network. */
    TOKEN_ORIGIN *o = tk_info(it, TokenOrigin, NULL);
    ck_assert_uint_eq(o->OriginatingLogonSession.LowPart, ps.AuthenticationId.LowPart);
    ck_assert_int_eq(o->OriginatingLogonSession.HighPart, ps.AuthenticationId.HighPart);
    free(o);
    o = tk_info(nt, TokenOrigin, NULL);
    ck_assert_uint_eq(o->OriginatingLogonSession.LowPart, 0);
    ck_assert_int_eq(o->OriginatingLogonSession.HighPart, 0);
    free(o);
    ck_assert(CloseHandle(it));
    ck_assert(CloseHandle(nt));
    ck_assert(CloseHandle(proc));
}
END_TEST

/* ---- Reasons and faults ------------------------------------------------------------- */

START_TEST(reason_names_the_right)
{
    tu_load_policy(P_NOUSERS);
    HANDLE tok;
    ck_assert(!LogonUserA("alice", ".", PW_ALICE, I, DEF, &tok));
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "SeInteractiveLogonRight"));
    ck_assert(!LogonUserA("alice", ".", PW_ALICE, 6, DEF, &tok));
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "LOGON32_LOGON"));
}
END_TEST

START_TEST(fault_on_logon_user)
{
    tu_load_policy_text("lsaemu: 1\n"
                        "machine: { name: WS1, sid: S-1-5-21-1000-2000-3000 }\n"
                        "accounts:\n"
                        "  alice: { password: pw, groups: [Users] }\n"
                        "processes:\n"
                        "  default: { account: alice }\n"
                        "faults:\n"
                        "  - call: LogonUserW\n"
                        "    nth: 2\n"
                        "    status: STATUS_INSUFFICIENT_RESOURCES\n"
                        "  - call: LogonUserA\n"
                        "    account: ALICE\n"
                        "    status: STATUS_ACCOUNT_LOCKED_OUT\n");
    WCHAR u[10], d[4], p[4];
    HANDLE tok = NULL;
    ck_assert(LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, "pw"), I, DEF, &tok));
    ck_assert(CloseHandle(tok));
    tok = TH_GARBAGE_PTR;
    ck_assert(!LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, "pw"), I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 1450);
    ck_assert_ptr_null(tok);
    ck_assert(LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, "pw"), I, DEF, &tok));
    ck_assert(CloseHandle(tok));
    ck_assert(!LogonUserA("alice", ".", "pw", I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 1909);
    ck_assert(!LogonUserA("nobody", ".", "pw", I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 1326);
}
END_TEST

/* A fault's account: is an account of the policy (the loader refuses any
 * other name), matched in every spelling a call can give it. */
START_TEST(fault_account_any_spelling)
{
    tu_load_policy_text("lsaemu: 1\n"
                        "machine: { name: WS1, sid: S-1-5-21-1000-2000-3000 }\n"
                        "accounts:\n"
                        "  alice: { password: pw, groups: [Users] }\n"
                        "  bob: { password: pw, groups: [Users] }\n"
                        "faults:\n"
                        "  - call: LookupAccountNameA\n"
                        "    account: WS1\\ALICE\n"
                        "    status: STATUS_ACCESS_DENIED\n"
                        "  - call: LogonUserA\n"
                        "    account: .\\alice\n"
                        "    status: STATUS_ACCOUNT_LOCKED_OUT\n");
    static const char *const fires[] = {"alice", "ALICE", "WS1\\alice", ".\\alice"};
    for (size_t i = 0; i < sizeof fires / sizeof fires[0]; i++) {
        BYTE sid[SECURITY_MAX_SID_SIZE];
        char dom[64];
        DWORD cb = sizeof sid, cch = sizeof dom;
        SID_NAME_USE use;
        SetLastError(0);
        ck_assert_msg(!LookupAccountNameA(NULL, fires[i], sid, &cb, dom, &cch, &use), "%s",
                      fires[i]);
        ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    }
    static const char *const quiet[] = {"bob", "Users", "WS1"};
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++) {
        BYTE sid[SECURITY_MAX_SID_SIZE];
        char dom[64];
        DWORD cb = sizeof sid, cch = sizeof dom;
        SID_NAME_USE use;
        ck_assert_msg(LookupAccountNameA(NULL, quiet[i], sid, &cb, dom, &cch, &use), "%s: %s",
                      quiet[i], lsaemu_last_reason());
    }
    HANDLE tok = NULL;
    ck_assert(!LogonUserA("Alice", "WS1", "pw", I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 1909);
    ck_assert_ptr_null(tok);
    ck_assert(LogonUserA("bob", "WS1", "pw", I, DEF, &tok));
    ck_assert(CloseHandle(tok));
}
END_TEST

/* ---- ANSI text ---------------------------------------------------------------------- */

START_TEST(ansi_utf8_and_latin1)
{
    /* An account named "josé" (UTF-8 in the policy). */
    tu_load_policy_text("lsaemu: 1\n"
                        "machine: { name: WS1, sid: S-1-5-21-1000-2000-3000 }\n"
                        "accounts:\n"
                        "  \"jos\xC3\xA9\": { password: \"p\xC3\xA4ss\", rid: 1200, groups: [Users] }\n"
                        "processes:\n"
                        "  default: { account: SYSTEM }\n");
    HANDLE tok = NULL;
    char sid[200];
    /* UTF-8 bytes. */
    ck_assert_msg(LogonUserA("jos\xC3\xA9", ".", "p\xC3\xA4ss", I, DEF, &tok), "%s",
                  lsaemu_last_reason());
    ck_assert_str_eq(tk_user(tok, sid), SID_MACHINE "-1200");
    ck_assert(CloseHandle(tok));
    /* The same text as Latin-1 bytes. */
    ck_assert_msg(LogonUserA("jos\xE9", ".", "p\xE4ss", I, DEF, &tok), "%s", lsaemu_last_reason());
    ck_assert(CloseHandle(tok));
    /* UTF-16: U+00E9, U+00E4. */
    WCHAR u[] = {'j', 'o', 's', 0xE9, 0}, d[] = {'.', 0}, p[] = {'p', 0xE4, 's', 's', 0};
    ck_assert(LogonUserW(u, d, p, I, DEF, &tok));
    ck_assert(CloseHandle(tok));
    /* The name compares case-insensitively. */
    WCHAR up[] = {'J', 'O', 'S', 0xE9, 0};
    ck_assert_msg(LogonUserW(up, d, p, I, DEF, &tok), "%s", lsaemu_last_reason());
    ck_assert(CloseHandle(tok));
}
END_TEST

/* Bytes that only look like UTF-8 (an overlong form of U+0000 here) are not
 * UTF-8: they are read byte by byte as Latin-1, like any other text that is
 * not well-formed UTF-8 (they used to become three U+FFFD). */
START_TEST(ansi_overlong_utf8_is_latin1)
{
    HANDLE tok = NULL;
    ck_assert(!LogonUserA("\xE0\x80\x80x", ".", "pw", I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), 1326);
    ck_assert_ptr_null(tok);
    ck_assert_msg(strstr(lsaemu_last_reason(), "'\xC3\xA0\xC2\x80\xC2\x80x'") != NULL, "%s",
                  lsaemu_last_reason());
}
END_TEST

/* ---- Caller identity ------------------------------------------------------------------ */

START_TEST(new_credentials_copies_caller_groups)
{
    tu_use_process("admin");
    HANDLE proc, tok;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &proc));
    ck_assert(LogonUserA("alice", ".", "whatever", NEWC, LOGON32_PROVIDER_WINNT50, &tok));
    char a[200];
    ck_assert_str_eq(tk_user(tok, a), SID_BOB);
    ck_assert(tk_has_group(tok, "S-1-5-32-544", NULL));
    TOKEN_STATISTICS ps = tk_stats(proc), ts = tk_stats(tok);
    /* A new logon session, a new token. */
    ck_assert(ps.AuthenticationId.LowPart != ts.AuthenticationId.LowPart);
    ck_assert(ps.TokenId.LowPart != ts.TokenId.LowPart);
    ck_assert(CloseHandle(tok));
    ck_assert(CloseHandle(proc));
}
END_TEST

START_TEST(impersonating_caller_logs_on)
{
    /* LogonUser while impersonating works and the origin is the
     * impersonated token's session. */
    HANDLE t1, t2;
    ck_assert(LogonUserA("bob", ".", PW_BOB, I, DEF, &t1));
    ck_assert(ImpersonateLoggedOnUser(t1));
    ck_assert(LogonUserA("alice", ".", PW_ALICE, I, DEF, &t2));
    TOKEN_STATISTICS s1 = tk_stats(t1);
    TOKEN_ORIGIN *o = tk_info(t2, TokenOrigin, NULL);
    ck_assert_uint_eq(o->OriginatingLogonSession.LowPart, s1.AuthenticationId.LowPart);
    free(o);
    ck_assert(RevertToSelf());
    ck_assert(CloseHandle(t2));
    ck_assert(CloseHandle(t1));
}
END_TEST

/* LSAEMU_TRACE lines of BOOL functions show what the caller sees: the BOOL
 * and GetLastError() (README, "Environment variables"). */
START_TEST(trace_shows_bool_and_last_error)
{
    if (th_nofork())
        return; /* the trace file is opened once per process */
    char path[] = "/tmp/lsaemu-trace-bool-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(setenv("LSAEMU_TRACE", path, 1), 0);
    tu_load_policy("policies/p0-no-users-interactive.yaml");
    WCHAR u[20], d[4], p[20];
    HANDLE tok = NULL;
    ck_assert(!LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE), I, DEF, &tok));
    ck_assert_win32_eq(GetLastError(), ERROR_LOGON_TYPE_NOT_GRANTED);
    ck_assert(LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE),
                         LOGON32_LOGON_NETWORK, DEF, &tok));
    ck_assert(CloseHandle(tok));
    ck_assert(!CloseHandle(tok));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    unsetenv("LSAEMU_TRACE");

    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    static const char *const want[] = {
        ") = STATUS_LOGON_TYPE_NOT_GRANTED (0xC000015B) -> FALSE (1385 "
        "ERROR_LOGON_TYPE_NOT_GRANTED): ",
        ") = STATUS_SUCCESS (0x00000000) -> TRUE: ",
        ") = STATUS_SUCCESS (0x00000000) -> TRUE: token handle closed\n",
        ") = STATUS_INVALID_HANDLE (0xC0000008) -> FALSE (6 ERROR_INVALID_HANDLE): ",
    };
    char line[2048];
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        ck_assert_uint_lt(n, sizeof want / sizeof want[0]);
        ck_assert_msg(strstr(line, want[n]), "line %zu: %s", n, line);
        n++;
    }
    ck_assert_uint_eq(n, sizeof want / sizeof want[0]);
    fclose(f);
    unlink(path);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("logon_user");
    TCase *tc = tcase_create("table");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, logon_user_table, 0, N_ROWS);
    suite_add_tcase(s, tc);

    tc = tcase_create("arguments");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, null_token_pointer);
    tcase_add_test(tc, ex_optional_outputs_may_be_null);
    tcase_add_test(tc, success_leaves_last_error);
    tcase_add_test(tc, long_names);
    tcase_add_test(tc, ansi_utf8_and_latin1);
    tcase_add_test(tc, ansi_overlong_utf8_is_latin1);
    suite_add_tcase(s, tc);

    tc = tcase_create("groups");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, exex_groups_need_tcb);
    tcase_add_test(tc, exex_groups_with_tcb);
    tcase_add_test(tc, exex_tcb_enabled_by_adjust);
    suite_add_tcase(s, tc);

    tc = tcase_create("outputs");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c119_logon_sid_and_local_free);
    tcase_add_test(tc, local_free_null_and_foreign);
    tcase_add_test(tc, two_logons_distinct_logon_sids);
    tcase_add_test(tc, c113_c116_type_and_origin);
    tcase_add_test(tc, new_credentials_copies_caller_groups);
    tcase_add_test(tc, impersonating_caller_logs_on);
    suite_add_tcase(s, tc);

    tc = tcase_create("reasons_faults");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, reason_names_the_right);
    tcase_add_test(tc, fault_on_logon_user);
    tcase_add_test(tc, fault_account_any_spelling);
    tcase_add_test(tc, trace_shows_bool_and_last_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
