/* SPDX-License-Identifier: MIT */
/*
 * The token functions (behavior.md 3.15-3.17; cases C146-C158):
 * OpenProcessToken, OpenThreadToken, AdjustTokenPrivileges,
 * GetTokenInformation, DuplicateToken(Ex), ImpersonateLoggedOnUser,
 * ImpersonateSelf, RevertToSelf, CheckTokenMembership, PrivilegeCheck and
 * CloseHandle on tokens.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "token_helpers.h"

#define LUID_TCB 7u
#define LUID_SHUTDOWN 19u
#define LUID_CHANGE_NOTIFY 23u
#define LUID_IMPERSONATE 29u

#define I LOGON32_LOGON_INTERACTIVE
#define N LOGON32_LOGON_NETWORK
#define DEF LOGON32_PROVIDER_DEFAULT

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("user");
}

static HANDLE proc_token(DWORD access)
{
    HANDLE h = TH_GARBAGE_PTR;
    SetLastError(0xBADu);
    ck_assert_msg(OpenProcessToken(GetCurrentProcess(), access, &h), "OpenProcessToken: %lu",
                  (unsigned long)GetLastError());
    /* Left alone on success (i13-facts A5, GUESS_SUCCESS_LEAVES_LAST_ERROR). */
    ck_assert_win32_eq(GetLastError(), 0xBADu);
    return h;
}

static HANDLE logon(const char *user, const char *pw, DWORD type)
{
    HANDLE h = NULL;
    ck_assert_msg(LogonUserA(user, ".", pw, type, DEF, &h), "LogonUserA(%s): %s", user,
                  lsaemu_last_reason());
    return h;
}

/* AdjustTokenPrivileges with one entry. */
static BOOL adjust1(HANDLE h, DWORD luid, DWORD attrs)
{
    TOKEN_PRIVILEGES tp;
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Luid.LowPart = luid;
    tp.Privileges[0].Luid.HighPart = 0;
    tp.Privileges[0].Attributes = attrs;
    SetLastError(0xBADu);
    return AdjustTokenPrivileges(h, FALSE, &tp, 0, NULL, NULL);
}

/* ---- AdjustTokenPrivileges (C146-C150) ---------------------------------------------- */

START_TEST(c146_enable_held_privilege)
{
    HANDLE h = proc_token(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), 0);
    ck_assert(adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), SE_PRIVILEGE_ENABLED);
    /* Disabling again. */
    ck_assert(adjust1(h, LUID_SHUTDOWN, 0));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), 0);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(c147_not_held)
{
    HANDLE h = proc_token(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
    ck_assert(adjust1(h, LUID_TCB, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ALL_ASSIGNED);
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "SeTcbPrivilege"));
    ck_assert_int_eq(tk_priv(h, LUID_TCB), -1);
    /* A LUID that is no privilege at all, and a HighPart. */
    ck_assert(adjust1(h, 999, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ALL_ASSIGNED);
    TOKEN_PRIVILEGES tp = {1, {{{LUID_SHUTDOWN, 1}, SE_PRIVILEGE_ENABLED}}};
    ck_assert(AdjustTokenPrivileges(h, FALSE, &tp, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ALL_ASSIGNED);
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), 0);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(c147_partial_assignment_still_applies_the_rest)
{
    HANDLE h = proc_token(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
    struct {
        DWORD n;
        LUID_AND_ATTRIBUTES p[2];
    } tp = {2, {{{LUID_TCB, 0}, SE_PRIVILEGE_ENABLED}, {{LUID_SHUTDOWN, 0}, SE_PRIVILEGE_ENABLED}}};
    ck_assert(AdjustTokenPrivileges(h, FALSE, (PTOKEN_PRIVILEGES)&tp, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ALL_ASSIGNED);
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), SE_PRIVILEGE_ENABLED);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(c148_access_denied)
{
    HANDLE h = proc_token(TOKEN_QUERY);
    ck_assert(!adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "TOKEN_ADJUST_PRIVILEGES"));
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), 0);
    ck_assert(CloseHandle(h));
    /* PreviousState needs TOKEN_QUERY as well. */
    h = proc_token(TOKEN_ADJUST_PRIVILEGES);
    TOKEN_PRIVILEGES tp = {1, {{{LUID_SHUTDOWN, 0}, SE_PRIVILEGE_ENABLED}}}, prev;
    DWORD len = 0x77;
    SetLastError(0);
    ck_assert(!AdjustTokenPrivileges(h, FALSE, &tp, sizeof prev, &prev, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(c149_removed_for_good)
{
    HANDLE h = proc_token(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
    TOKEN_STATISTICS before = tk_stats(h);
    ck_assert(adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_REMOVED));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), -1);
    TOKEN_STATISTICS after = tk_stats(h);
    ck_assert_uint_eq(after.PrivilegeCount, before.PrivilegeCount - 1);
    ck_assert(adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ALL_ASSIGNED);
    /* Removing it again: not in the token. */
    ck_assert(adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_REMOVED));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ALL_ASSIGNED);
    /* Privilege checks no longer see it. */
    PRIVILEGE_SET ps = {1, PRIVILEGE_SET_ALL_NECESSARY, {{{LUID_SHUTDOWN, 0}, 0}}};
    BOOL res = TRUE;
    ck_assert(PrivilegeCheck(h, &ps, &res));
    ck_assert(!res);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(c150_previous_state_too_small)
{
    HANDLE h = proc_token(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
    TOKEN_STATISTICS s0 = tk_stats(h);
    TOKEN_PRIVILEGES tp = {1, {{{LUID_SHUTDOWN, 0}, SE_PRIVILEGE_ENABLED}}};
    TOKEN_PRIVILEGES prev;
    memset(&prev, 0xA5, sizeof prev);
    DWORD len = 0x77;
    SetLastError(0);
    ck_assert(!AdjustTokenPrivileges(h, FALSE, &tp, 4, &prev, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(len, 4 + sizeof(LUID_AND_ATTRIBUTES));
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), 0);
    TOKEN_STATISTICS s1 = tk_stats(h);
    ck_assert_uint_eq(s1.ModifiedId.LowPart, s0.ModifiedId.LowPart);
    /* Big enough: the old state comes back and ModifiedId changes. */
    len = 0;
    ck_assert(AdjustTokenPrivileges(h, FALSE, &tp, sizeof prev, &prev, &len));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_uint_eq(len, 16);
    ck_assert_uint_eq(prev.PrivilegeCount, 1);
    ck_assert_uint_eq(prev.Privileges[0].Luid.LowPart, LUID_SHUTDOWN);
    ck_assert_uint_eq(prev.Privileges[0].Attributes, 0);
    TOKEN_STATISTICS s2 = tk_stats(h);
    ck_assert(s2.ModifiedId.LowPart != s0.ModifiedId.LowPart);
    /* A no-op reports no change and keeps ModifiedId. */
    ck_assert(AdjustTokenPrivileges(h, FALSE, &tp, sizeof prev, &prev, &len));
    ck_assert_uint_eq(prev.PrivilegeCount, 0);
    ck_assert_uint_eq(len, 4);
    ck_assert_uint_eq(tk_stats(h).ModifiedId.LowPart, s2.ModifiedId.LowPart);
    /* PreviousState without ReturnLength faults in the kernel. */
    SetLastError(0);
    ck_assert(!AdjustTokenPrivileges(h, FALSE, &tp, sizeof prev, &prev, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(adjust_disable_all_and_null_new_state)
{
    HANDLE h = proc_token(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
    SetLastError(0);
    ck_assert(!AdjustTokenPrivileges(h, FALSE, NULL, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    /* 87 before the handle is looked at. */
    ck_assert(!AdjustTokenPrivileges((HANDLE)(uintptr_t)0x4242, FALSE, NULL, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_int_eq(tk_priv(h, LUID_CHANGE_NOTIFY) & SE_PRIVILEGE_ENABLED, SE_PRIVILEGE_ENABLED);
    struct {
        DWORD n;
        LUID_AND_ATTRIBUTES p[8];
    } prev;
    DWORD len = 0;
    /* DisableAll ignores NewState (even a garbage one). */
    ck_assert(AdjustTokenPrivileges(h, TRUE, (PTOKEN_PRIVILEGES)TH_GARBAGE_PTR, sizeof prev,
                                    (PTOKEN_PRIVILEGES)&prev, &len));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_uint_ge(prev.n, 1);
    ck_assert_uint_eq(len, 4 + 12 * prev.n);
    ck_assert_int_eq(tk_priv(h, LUID_CHANGE_NOTIFY) & SE_PRIVILEGE_ENABLED, 0);
    /* ENABLED_BY_DEFAULT stays. */
    ck_assert_int_eq(tk_priv(h, LUID_CHANGE_NOTIFY), SE_PRIVILEGE_ENABLED_BY_DEFAULT);
    /* Restoring from PreviousState. */
    ck_assert(AdjustTokenPrivileges(h, FALSE, (PTOKEN_PRIVILEGES)&prev, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_int_eq(tk_priv(h, LUID_CHANGE_NOTIFY) & SE_PRIVILEGE_ENABLED, SE_PRIVILEGE_ENABLED);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(adjust_process_token_is_shared)
{
    /* Enabling TCB through one handle lets LsaRegisterLogonProcess pass
     * (the process token is one object). */
    tu_use_process("tcb-disabled");
    HANDLE lsa = NULL;
    LSA_STRING name = th_lsa_string("TestLogon");
    LSA_OPERATIONAL_MODE mode;
    ck_assert_status_eq(LsaRegisterLogonProcess(&name, &lsa, &mode), STATUS_PORT_CONNECTION_REFUSED);
    HANDLE a = proc_token(TOKEN_ADJUST_PRIVILEGES), q = proc_token(TOKEN_QUERY);
    ck_assert(adjust1(a, LUID_TCB, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_int_eq(tk_priv(q, LUID_TCB), SE_PRIVILEGE_ENABLED);
    ck_assert_status_eq(LsaRegisterLogonProcess(&name, &lsa, &mode), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    ck_assert(CloseHandle(a));
    ck_assert(CloseHandle(q));
}
END_TEST

/* ---- Bad handles, for every function that takes a token --------------------------------- */

enum bad { BAD_NULL, BAD_MADE_UP, BAD_CLOSED, BAD_LSA, BAD_PSEUDO, BAD_COUNT };

static HANDLE bad_handle(enum bad b, HANDLE *lsa)
{
    *lsa = NULL;
    switch (b) {
    case BAD_NULL:
        return NULL;
    case BAD_MADE_UP:
        return (HANDLE)(uintptr_t)0x4240;
    case BAD_CLOSED: {
        HANDLE h = proc_token(TOKEN_ALL_ACCESS);
        ck_assert(CloseHandle(h));
        return h;
    }
    case BAD_LSA:
        *lsa = th_connect_untrusted();
        return *lsa;
    default:
        return GetCurrentProcess();
    }
}

START_TEST(bad_token_handles)
{
    HANDLE lsa;
    HANDLE h = bad_handle((enum bad)_i, &lsa);
    DWORD len = 0x77;
    char buf[64];
    TOKEN_PRIVILEGES tp = {1, {{{LUID_SHUTDOWN, 0}, SE_PRIVILEGE_ENABLED}}};
    HANDLE out = TH_GARBAGE_PTR;
#define EXPECT_6(call)                                                                           \
    do {                                                                                         \
        SetLastError(0);                                                                         \
        ck_assert_msg(!(call), #call " succeeded");                                              \
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);                                \
    } while (0)
    EXPECT_6(GetTokenInformation(h, TokenUser, buf, sizeof buf, &len));
    ck_assert_uint_eq(len, 0x77);
    EXPECT_6(AdjustTokenPrivileges(h, FALSE, &tp, 0, NULL, NULL));
    EXPECT_6(DuplicateToken(h, SecurityImpersonation, &out));
    ck_assert_ptr_null(out);
    out = TH_GARBAGE_PTR;
    EXPECT_6(DuplicateTokenEx(h, 0, NULL, SecurityImpersonation, TokenPrimary, &out));
    ck_assert_ptr_null(out);
    EXPECT_6(ImpersonateLoggedOnUser(h));
    BOOL member = TRUE, res = TRUE;
    char sid[16];
    if (h) /* NULL means "the caller's token" here. */
        EXPECT_6(CheckTokenMembership(h, tk_sid(sid, "S-1-1-0"), &member));
    ck_assert(!member || !h);
    PRIVILEGE_SET ps = {1, 0, {{{LUID_CHANGE_NOTIFY, 0}, 0}}};
    EXPECT_6(PrivilegeCheck(h, &ps, &res));
    EXPECT_6(CloseHandle(h));
    /* Nothing was left impersonating. */
    HANDLE th = TH_GARBAGE_PTR;
    ck_assert(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &th));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_TOKEN);
    if (lsa)
        ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
#undef EXPECT_6
}
END_TEST

/* ---- GetTokenInformation -------------------------------------------------------------------- */

static const TOKEN_INFORMATION_CLASS classes[] = {
    TokenUser,       TokenGroups,       TokenPrivileges,    TokenOwner,     TokenPrimaryGroup,
    TokenSource,     TokenType,         TokenStatistics,    TokenSessionId, TokenOrigin,
    TokenElevationType, TokenElevation, TokenIntegrityLevel, TokenLogonSid,
};
#define N_CLASSES ((int)(sizeof classes / sizeof classes[0]))

/* Every class, on an interactive and a network token: exact size works,
 * one byte less gets 122 with the size and leaves the buffer alone. */
START_TEST(info_sizes)
{
    TOKEN_INFORMATION_CLASS cls = classes[_i % N_CLASSES];
    DWORD type = _i < N_CLASSES ? I : N;
    HANDLE tok = logon("alice", PW_ALICE, type);
    DWORD need = 0x77;
    unsigned char buf[2048];
    SetLastError(0);
    BOOL ok = GetTokenInformation(tok, cls, NULL, 0, &need);
    if (cls == TokenLogonSid && type == N) {
        /* No logon SID in a network token (§11.12 guess). */
        ck_assert(!ok);
        ck_assert_win32_eq(GetLastError(), ERROR_NOT_FOUND);
        ck_assert_uint_eq(need, 0x77);
        ck_assert(CloseHandle(tok));
        return;
    }
    ck_assert(!ok);
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_gt(need, 0);
    ck_assert_uint_le(need, sizeof buf);
    memset(buf, 0xA5, sizeof buf);
    DWORD len = 0x77;
    SetLastError(0);
    ck_assert(!GetTokenInformation(tok, cls, buf, need - 1, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(len, need);
    for (size_t i = 0; i < sizeof buf; i++)
        ck_assert_msg(buf[i] == 0xA5, "class %d: byte %zu written on failure", (int)cls, i);
    len = 0;
    SetLastError(1234);
    ck_assert(GetTokenInformation(tok, cls, buf, need, &len));
    /* W-sec test_token_attr: "shouldn't have set last error" (i13-facts A5). */
    ck_assert_win32_eq(GetLastError(), 1234);
    ck_assert_uint_eq(len, need);
    for (size_t i = need; i < sizeof buf; i++)
        ck_assert_msg(buf[i] == 0xA5, "class %d: byte %zu written past the answer", (int)cls, i);
    /* Fixed sizes per structs.md. */
    switch ((int)cls) {
    case TokenType: case TokenSessionId: case TokenElevationType: case TokenElevation:
        ck_assert_uint_eq(need, 4);
        break;
    case TokenStatistics:
        ck_assert_uint_eq(need, 56);
        break;
    case TokenSource: case TokenOrigin:
        ck_assert_uint_eq(need, cls == TokenSource ? 16 : 8);
        break;
    case TokenUser: case TokenIntegrityLevel:
        ck_assert_uint_eq(need, 16 + 8 + 4 * (size_t)((SID *)((SID_AND_ATTRIBUTES *)buf)->Sid)->SubAuthorityCount);
        break;
    default:
        break;
    }
    ck_assert(CloseHandle(tok));
}
END_TEST

START_TEST(c151_token_user_size_query)
{
    HANDLE h = proc_token(TOKEN_QUERY);
    DWORD len = 0;
    SetLastError(0);
    ck_assert(!GetTokenInformation(h, TokenUser, NULL, 0, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(len, 16 + 8 + 4 * 5); /* TOKEN_USER + S-1-5-21-a-b-c-1001 */
    char s[200];
    ck_assert_str_eq(tk_user(h, s), SID_ALICE);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(info_bad_classes_and_pointers)
{
    HANDLE h = proc_token(TOKEN_QUERY);
    unsigned char buf[256] __attribute__((aligned(8)));
    DWORD len = 0x77;
    static const int bad[] = {0, -1, MaxTokenInfoClass, 1000};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        SetLastError(0);
        ck_assert(!GetTokenInformation(h, (TOKEN_INFORMATION_CLASS)bad[i], buf, sizeof buf, &len));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
        /* The class is checked before the handle. */
        ck_assert(!GetTokenInformation(NULL, (TOKEN_INFORMATION_CLASS)bad[i], buf, sizeof buf, &len));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    }
    ck_assert_uint_eq(len, 0x77);
    /* The pointers are checked before the handle. */
    SetLastError(0);
    ck_assert(!GetTokenInformation(NULL, TokenUser, buf, sizeof buf, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    ck_assert(!GetTokenInformation(h, TokenUser, NULL, 64, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    ck_assert(!GetTokenInformation(h, TokenUser, buf + 1, 64, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(info_unemulated_class_deviation)
{
    HANDLE h = proc_token(TOKEN_QUERY);
    unsigned char buf[256] __attribute__((aligned(8)));
    DWORD len;
    SetLastError(0);
    /* TokenDefaultDacl is answered since issue 13 (behavior.md 12.5);
     * TokenGroupsAndPrivileges still is not. */
    ck_assert(!GetTokenInformation(h, TokenGroupsAndPrivileges, buf, sizeof buf, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(info_access)
{
    HANDLE src = proc_token(TOKEN_QUERY_SOURCE), q = proc_token(TOKEN_QUERY);
    unsigned char buf[256] __attribute__((aligned(8)));
    DWORD len = 0x77;
    SetLastError(0);
    ck_assert(!GetTokenInformation(src, TokenUser, buf, sizeof buf, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(!GetTokenInformation(q, TokenSource, buf, sizeof buf, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(len, 0x77);
    ck_assert(GetTokenInformation(src, TokenSource, buf, sizeof buf, &len));
    ck_assert_uint_eq(len, sizeof(TOKEN_SOURCE));
    ck_assert(CloseHandle(src));
    ck_assert(CloseHandle(q));
}
END_TEST

START_TEST(info_contents_user_and_admin)
{
    HANDLE a = logon("alice", PW_ALICE, I), b = logon("bob", PW_BOB, I);
    char s[200];
    TOKEN_MANDATORY_LABEL *ml = tk_info(a, TokenIntegrityLevel, NULL);
    ck_assert_str_eq(tk_sid_text(ml->Label.Sid, s), "S-1-16-8192");
    ck_assert_uint_eq(ml->Label.Attributes, SE_GROUP_INTEGRITY | SE_GROUP_INTEGRITY_ENABLED);
    free(ml);
    ml = tk_info(b, TokenIntegrityLevel, NULL);
    ck_assert_str_eq(tk_sid_text(ml->Label.Sid, s), "S-1-16-12288");
    free(ml);
    DWORD *e = tk_info(a, TokenElevation, NULL);
    ck_assert_uint_eq(*e, 0);
    free(e);
    e = tk_info(b, TokenElevation, NULL);
    ck_assert_uint_eq(*e, 1);
    free(e);
    e = tk_info(b, TokenElevationType, NULL);
    ck_assert_uint_eq(*e, TokenElevationTypeDefault);
    free(e);
    TOKEN_OWNER *o = tk_info(a, TokenOwner, NULL);
    ck_assert_str_eq(tk_sid_text(o->Owner, s), SID_ALICE);
    free(o);
    o = tk_info(b, TokenOwner, NULL);
    ck_assert_str_eq(tk_sid_text(o->Owner, s), "S-1-5-32-544");
    free(o);
    TOKEN_PRIMARY_GROUP *pg = tk_info(a, TokenPrimaryGroup, NULL);
    ck_assert_str_eq(tk_sid_text(pg->PrimaryGroup, s), SID_MACHINE "-513");
    free(pg);
    DWORD attrs;
    ck_assert(tk_has_group(b, "S-1-5-32-544", &attrs));
    ck_assert_uint_eq(attrs & SE_GROUP_OWNER, SE_GROUP_OWNER);
    ck_assert(!tk_has_group(a, "S-1-5-32-544", NULL));
    /* Statistics agree with the arrays. */
    TOKEN_STATISTICS st = tk_stats(a);
    TOKEN_GROUPS *g = tk_info(a, TokenGroups, NULL);
    TOKEN_PRIVILEGES *p = tk_info(a, TokenPrivileges, NULL);
    ck_assert_uint_eq(st.GroupCount, g->GroupCount);
    ck_assert_uint_eq(st.PrivilegeCount, p->PrivilegeCount);
    ck_assert_int_eq(st.TokenType, TokenPrimary);
    ck_assert(st.ExpirationTime.QuadPart == 0x7FFFFFFFFFFFFFFFLL);
    free(g);
    free(p);
    /* alice holds SeShutdown (disabled), SeChangeNotify (enabled), no
     * SeImpersonate, no TCB. */
    ck_assert_int_eq(tk_priv(a, LUID_SHUTDOWN), 0);
    ck_assert_int_eq(tk_priv(a, LUID_CHANGE_NOTIFY),
                     SE_PRIVILEGE_ENABLED | SE_PRIVILEGE_ENABLED_BY_DEFAULT);
    ck_assert_int_eq(tk_priv(a, LUID_IMPERSONATE), -1);
    ck_assert_int_eq(tk_priv(a, LUID_TCB), -1);
    ck_assert(CloseHandle(a));
    ck_assert(CloseHandle(b));
}
END_TEST

START_TEST(c153_statistics_match_logon_id)
{
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    TOKEN_STATISTICS s = tk_stats(out.token);
    ck_assert_uint_eq(s.AuthenticationId.LowPart, out.logon_id.LowPart);
    ck_assert_int_eq(s.AuthenticationId.HighPart, out.logon_id.HighPart);
    ck_assert_int_eq(s.TokenType, TokenPrimary);
    /* C057: the SourceContext. */
    TOKEN_SOURCE *src = tk_info(out.token, TokenSource, NULL);
    ck_assert_int_eq(memcmp(src->SourceName, "TestSrc", 7), 0);
    free(src);
    th_release(&out);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* ---- Duplicates ------------------------------------------------------------------------------ */

START_TEST(c152_duplicate_anonymous)
{
    HANDLE h = proc_token(TOKEN_DUPLICATE | TOKEN_QUERY), d = NULL;
    SetLastError(2989);
    ck_assert(DuplicateToken(h, SecurityAnonymous, &d));
    ck_assert_win32_eq(GetLastError(), 2989); /* left alone (i13-facts A5) */
    SECURITY_IMPERSONATION_LEVEL *l = tk_info(d, TokenImpersonationLevel, NULL);
    ck_assert_int_eq(*l, SecurityAnonymous);
    free(l);
    ck_assert_uint_eq(tk_type(d), TokenImpersonation);
    TOKEN_STATISTICS a = tk_stats(h), b = tk_stats(d);
    ck_assert(a.TokenId.LowPart != b.TokenId.LowPart);
    ck_assert_uint_eq(a.AuthenticationId.LowPart, b.AuthenticationId.LowPart);
    char s[200];
    ck_assert_str_eq(tk_user(d, s), SID_ALICE);
    ck_assert(CloseHandle(d));
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(duplicate_rules)
{
    HANDLE q = proc_token(TOKEN_QUERY), h = proc_token(TOKEN_DUPLICATE | TOKEN_QUERY);
    HANDLE d = TH_GARBAGE_PTR;
    SetLastError(0);
    ck_assert(!DuplicateToken(q, SecurityImpersonation, &d));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert_ptr_null(d);
    ck_assert(!DuplicateTokenEx(h, 0, NULL, (SECURITY_IMPERSONATION_LEVEL)4, TokenPrimary, &d));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(!DuplicateTokenEx(h, 0, NULL, SecurityImpersonation, (TOKEN_TYPE)3, &d));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(!DuplicateTokenEx(h, 0, NULL, SecurityImpersonation, TokenPrimary, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    /* An identification-level copy cannot give a primary token or a
     * higher level. */
    HANDLE idt = NULL, x = TH_GARBAGE_PTR;
    ck_assert(DuplicateTokenEx(h, TOKEN_ALL_ACCESS, NULL, SecurityIdentification,
                               TokenImpersonation, &idt));
    ck_assert(!DuplicateTokenEx(idt, 0, NULL, SecurityIdentification, TokenPrimary, &x));
    ck_assert_win32_eq(GetLastError(), ERROR_BAD_IMPERSONATION_LEVEL);
    ck_assert_ptr_null(x);
    ck_assert(!DuplicateTokenEx(idt, 0, NULL, SecurityImpersonation, TokenImpersonation, &x));
    ck_assert_win32_eq(GetLastError(), ERROR_BAD_IMPERSONATION_LEVEL);
    ck_assert(DuplicateTokenEx(idt, 0, NULL, SecurityAnonymous, TokenImpersonation, &x));
    ck_assert(CloseHandle(x));
    /* Access 0 = the source handle's access; a primary copy of a primary. */
    ck_assert(DuplicateTokenEx(h, 0, NULL, SecurityImpersonation, TokenPrimary, &x));
    ck_assert_uint_eq(tk_type(x), TokenPrimary);
    ck_assert(!adjust1(x, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(x));
    ck_assert(DuplicateTokenEx(h, MAXIMUM_ALLOWED, NULL, SecurityImpersonation, TokenPrimary, &x));
    /* A copy has its own privileges. */
    ck_assert(adjust1(x, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_int_eq(tk_priv(x, LUID_SHUTDOWN), SE_PRIVILEGE_ENABLED);
    ck_assert_int_eq(tk_priv(h, LUID_SHUTDOWN), 0);
    ck_assert(CloseHandle(x));
    ck_assert(CloseHandle(idt));
    ck_assert(CloseHandle(q));
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(duplicate_keeps_logon_session)
{
    ULONG before = th_session_count();
    HANDLE t = logon("alice", PW_ALICE, I), d = NULL;
    ck_assert(DuplicateTokenEx(t, 0, NULL, SecurityImpersonation, TokenPrimary, &d));
    ck_assert_uint_eq(th_session_count(), before + 1);
    ck_assert(CloseHandle(t));
    ck_assert_uint_eq(th_session_count(), before + 1);
    ck_assert(CloseHandle(d));
    ck_assert_uint_eq(th_session_count(), before);
}
END_TEST

/* ---- Opening tokens ------------------------------------------------------------------------- */

START_TEST(open_process_token_arguments)
{
    HANDLE h = TH_GARBAGE_PTR;
    SetLastError(0);
    ck_assert(!OpenProcessToken((HANDLE)(uintptr_t)0x1234, TOKEN_QUERY, &h));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert_ptr_null(h);
    ck_assert(!OpenProcessToken(GetCurrentThread(), TOKEN_QUERY, &h));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    ck_assert(!OpenProcessToken(GetCurrentProcess(), 0x00000200, &h));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(!OpenProcessToken(GetCurrentProcess(), ACCESS_SYSTEM_SECURITY, &h));
    ck_assert_win32_eq(GetLastError(), ERROR_PRIVILEGE_NOT_HELD);
    ck_assert_ptr_eq(GetCurrentProcess(), (HANDLE)(intptr_t)-1);
    ck_assert_ptr_eq(GetCurrentThread(), (HANDLE)(intptr_t)-2);
    /* Generic rights map to token rights. */
    ck_assert(OpenProcessToken(GetCurrentProcess(), GENERIC_READ, &h));
    char s[200];
    ck_assert_str_eq(tk_user(h, s), SID_ALICE);
    ck_assert(!adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(h));
    ck_assert(OpenProcessToken(GetCurrentProcess(), GENERIC_WRITE, &h));
    ck_assert(adjust1(h, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(open_thread_token_arguments)
{
    HANDLE h = TH_GARBAGE_PTR;
    SetLastError(0);
    ck_assert(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, FALSE, &h));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_TOKEN);
    ck_assert_ptr_null(h);
    ck_assert(ImpersonateSelf(SecurityImpersonation));
    ck_assert(!OpenThreadToken(GetCurrentProcess(), TOKEN_QUERY, FALSE, &h));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, FALSE, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    ck_assert(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, FALSE, &h));
    ck_assert(CloseHandle(h));
    ck_assert(RevertToSelf());
    /* An anonymous-level token cannot be opened. */
    ck_assert(ImpersonateSelf(SecurityAnonymous));
    h = TH_GARBAGE_PTR;
    ck_assert(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &h));
    ck_assert_win32_eq(GetLastError(), ERROR_CANT_OPEN_ANONYMOUS);
    ck_assert_ptr_null(h);
    ck_assert(RevertToSelf());
    ck_assert(!ImpersonateSelf((SECURITY_IMPERSONATION_LEVEL)7));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

/* ---- Impersonation (C154-C157) ----------------------------------------------------------------- */

static SECURITY_IMPERSONATION_LEVEL thread_level(void)
{
    HANDLE th = NULL;
    ck_assert(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &th));
    SECURITY_IMPERSONATION_LEVEL *l = tk_info(th, TokenImpersonationLevel, NULL);
    SECURITY_IMPERSONATION_LEVEL r = *l;
    free(l);
    ck_assert_uint_eq(tk_type(th), TokenImpersonation);
    ck_assert(CloseHandle(th));
    return r;
}

START_TEST(c154_c155_impersonate_and_revert)
{
    HANDLE t = logon("alice", PW_ALICE, I);
    SetLastError(99);
    ck_assert(ImpersonateLoggedOnUser(t));
    ck_assert_win32_eq(GetLastError(), 99); /* left alone (i13-facts A5) */
    ck_assert_int_eq(thread_level(), SecurityImpersonation);
    HANDLE th;
    ck_assert(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, FALSE, &th));
    TOKEN_STATISTICS a = tk_stats(t), b = tk_stats(th);
    ck_assert_uint_eq(a.AuthenticationId.LowPart, b.AuthenticationId.LowPart);
    ck_assert(CloseHandle(th));
    ck_assert(RevertToSelf());
    th = TH_GARBAGE_PTR;
    SetLastError(0);
    ck_assert(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &th));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_TOKEN);
    ck_assert_ptr_null(th);
    ck_assert(RevertToSelf()); /* reverting twice is fine */
    ck_assert(CloseHandle(t));
}
END_TEST

START_TEST(c156_impersonate_self)
{
    ck_assert(ImpersonateSelf(SecurityIdentification));
    HANDLE th = NULL;
    ck_assert(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &th));
    char s[200];
    ck_assert_str_eq(tk_user(th, s), SID_ALICE);
    ck_assert(CloseHandle(th));
    ck_assert_int_eq(thread_level(), SecurityIdentification);
    ck_assert(RevertToSelf());
}
END_TEST

START_TEST(c157_downgraded_to_identification)
{
    /* bob's network token: another user, no origin in alice's session, and
     * alice has no SeImpersonatePrivilege. */
    HANDLE t = logon("bob", PW_BOB, N);
    SetLastError(0xBEEF); /* left as it was (GUESS_SUCCESS_LEAVES_LAST_ERROR) */
    ck_assert(ImpersonateLoggedOnUser(t));
    ck_assert_win32_eq(GetLastError(), 0xBEEF);
    ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "downgraded"));
    ck_assert_int_eq(thread_level(), SecurityIdentification);
    ck_assert(RevertToSelf());
    /* bob's interactive token was logged on from alice's session: full. */
    HANDLE i = logon("bob", PW_BOB, I);
    ck_assert(ImpersonateLoggedOnUser(i));
    ck_assert_int_eq(thread_level(), SecurityImpersonation);
    ck_assert(RevertToSelf());
    ck_assert(CloseHandle(i));
    /* An administrator holds SeImpersonatePrivilege: full. */
    tu_use_process("admin");
    ck_assert(ImpersonateLoggedOnUser(t));
    ck_assert_int_eq(thread_level(), SecurityImpersonation);
    ck_assert(RevertToSelf());
    ck_assert(CloseHandle(t));
}
END_TEST

START_TEST(impersonation_changes_the_caller)
{
    /* A TCB caller's token in the thread makes LocalGroups acceptable
     * (field F6), and CheckTokenMembership(NULL) sees the thread token. */
    tu_use_process("admin");
    HANDLE b = logon("bob", PW_BOB, I);
    char sid[16];
    BOOL m = FALSE;
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, "S-1-5-32-544"), &m));
    ck_assert(m);
    tu_use_process("user");
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, "S-1-5-32-544"), &m));
    ck_assert(!m);
    ck_assert(ImpersonateLoggedOnUser(b));
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, "S-1-5-32-544"), &m));
    ck_assert(m);
    ck_assert(RevertToSelf());
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, "S-1-5-32-544"), &m));
    ck_assert(!m);
    ck_assert(CloseHandle(b));
}
END_TEST

START_TEST(impersonate_access_and_session_lifetime)
{
    ULONG before = th_session_count();
    HANDLE t = logon("alice", PW_ALICE, I), q = NULL;
    ck_assert(DuplicateTokenEx(t, TOKEN_QUERY, NULL, SecurityImpersonation, TokenPrimary, &q));
    SetLastError(0);
    ck_assert(!ImpersonateLoggedOnUser(q));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(q));
    ck_assert(DuplicateTokenEx(t, TOKEN_QUERY | TOKEN_DUPLICATE, NULL, SecurityImpersonation,
                               TokenImpersonation, &q));
    ck_assert(!ImpersonateLoggedOnUser(q));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(q));
    /* The thread's token keeps the session alive after the handle closes. */
    ck_assert(ImpersonateLoggedOnUser(t));
    ck_assert(CloseHandle(t));
    ck_assert_uint_eq(th_session_count(), before + 1);
    ck_assert(RevertToSelf());
    ck_assert_uint_eq(th_session_count(), before);
}
END_TEST

/* ---- CheckTokenMembership ---------------------------------------------------------------------- */

START_TEST(check_membership)
{
    char sid[68];
    BOOL m = TRUE;
    /* NULL: the process token (no impersonation). A success leaves the
     * last error as it was (GUESS_SUCCESS_LEAVES_LAST_ERROR). */
    SetLastError(0xBEEF);
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, "S-1-5-32-545"), &m));
    ck_assert_win32_eq(GetLastError(), 0xBEEF);
    ck_assert(m);
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, SID_ALICE), &m));
    ck_assert(m);
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, "S-1-5-2"), &m));
    ck_assert(!m);
    /* The integrity label is no membership. */
    ck_assert(CheckTokenMembership(NULL, tk_sid(sid, "S-1-16-8192"), &m));
    ck_assert(!m);
    /* A primary token handle is refused; an impersonation copy works. */
    HANDLE p = proc_token(TOKEN_QUERY | TOKEN_DUPLICATE), d = NULL;
    m = TRUE;
    SetLastError(0);
    ck_assert(!CheckTokenMembership(p, tk_sid(sid, "S-1-1-0"), &m));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_IMPERSONATION_TOKEN);
    ck_assert(!m);
    ck_assert(DuplicateToken(p, SecurityIdentification, &d));
    ck_assert(CheckTokenMembership(d, tk_sid(sid, "S-1-1-0"), &m));
    ck_assert(m);
    ck_assert(CheckTokenMembership(d, tk_sid(sid, "S-1-5-32-544"), &m));
    ck_assert(!m);
    ck_assert(CloseHandle(d));
    /* Anonymous level cannot be checked; TOKEN_QUERY is needed. */
    ck_assert(DuplicateToken(p, SecurityAnonymous, &d));
    ck_assert(!CheckTokenMembership(d, tk_sid(sid, "S-1-1-0"), &m));
    ck_assert_win32_eq(GetLastError(), ERROR_BAD_IMPERSONATION_LEVEL);
    ck_assert(CloseHandle(d));
    ck_assert(DuplicateTokenEx(p, TOKEN_IMPERSONATE, NULL, SecurityImpersonation,
                               TokenImpersonation, &d));
    ck_assert(!CheckTokenMembership(d, tk_sid(sid, "S-1-1-0"), &m));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(d));
    /* A malformed SID. */
    SID bad = {2, 1, {{0, 0, 0, 0, 0, 5}}, {18}};
    ck_assert(!CheckTokenMembership(NULL, &bad, &m));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
    ck_assert(CloseHandle(p));
}
END_TEST

START_TEST(check_membership_null_arguments_deviation)
{
    char sid[68];
    SetLastError(0);
    ck_assert(!CheckTokenMembership(NULL, tk_sid(sid, "S-1-1-0"), NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    BOOL m = TRUE;
    ck_assert(!CheckTokenMembership(NULL, NULL, &m));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(!m);
    HANDLE h = proc_token(TOKEN_QUERY);
    ck_assert(!PrivilegeCheck(h, NULL, &m));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(CloseHandle(h));
}
END_TEST

/* ---- PrivilegeCheck ---------------------------------------------------------------------------- */

START_TEST(privilege_check)
{
    HANDLE h = proc_token(TOKEN_QUERY);
    struct {
        DWORD n, control;
        LUID_AND_ATTRIBUTES p[2];
    } ps = {2, PRIVILEGE_SET_ALL_NECESSARY,
            {{{LUID_CHANGE_NOTIFY, 0}, 0}, {{LUID_SHUTDOWN, 0}, 0}}};
    BOOL res = TRUE;
    SetLastError(5);
    ck_assert(PrivilegeCheck(h, (PPRIVILEGE_SET)&ps, &res));
    ck_assert_win32_eq(GetLastError(), 5); /* left alone (i13-facts A5) */
    ck_assert(!res);
    ck_assert_uint_eq(ps.p[0].Attributes, SE_PRIVILEGE_USED_FOR_ACCESS);
    ck_assert_uint_eq(ps.p[1].Attributes, 0);
    ps.control = 0;
    ps.p[0].Attributes = 0;
    ck_assert(PrivilegeCheck(h, (PPRIVILEGE_SET)&ps, &res));
    ck_assert(res);
    /* Enabled, both pass. */
    HANDLE a = proc_token(TOKEN_ADJUST_PRIVILEGES);
    ck_assert(adjust1(a, LUID_SHUTDOWN, SE_PRIVILEGE_ENABLED));
    ps.control = PRIVILEGE_SET_ALL_NECESSARY;
    ck_assert(PrivilegeCheck(h, (PPRIVILEGE_SET)&ps, &res));
    ck_assert(res);
    ck_assert_uint_eq(ps.p[1].Attributes, SE_PRIVILEGE_USED_FOR_ACCESS);
    /* Not held at all. */
    PRIVILEGE_SET one = {1, 0, {{{LUID_TCB, 0}, 0}}};
    ck_assert(PrivilegeCheck(h, &one, &res));
    ck_assert(!res);
    ck_assert_uint_eq(one.Privilege[0].Attributes, 0);
    /* Access. */
    SetLastError(0);
    ck_assert(!PrivilegeCheck(a, &one, &res));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(a));
    ck_assert(CloseHandle(h));
}
END_TEST

/* ---- CloseHandle (C158) -------------------------------------------------------------------------- */

START_TEST(c158_close_twice)
{
    ULONG before = th_session_count();
    HANDLE t = logon("alice", PW_ALICE, I);
    ck_assert_uint_eq(th_session_count(), before + 1);
    SetLastError(77);
    ck_assert(CloseHandle(t));
    ck_assert_win32_eq(GetLastError(), 77); /* left alone (i13-facts A5) */
    ck_assert_uint_eq(th_session_count(), before);
    ck_assert(!CloseHandle(t));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    /* The pseudo-handles are not closable handles here. */
    ck_assert(!CloseHandle(GetCurrentThread()));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("tokens");
    TCase *tc = tcase_create("adjust");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c146_enable_held_privilege);
    tcase_add_test(tc, c147_not_held);
    tcase_add_test(tc, c147_partial_assignment_still_applies_the_rest);
    tcase_add_test(tc, c148_access_denied);
    tcase_add_test(tc, c149_removed_for_good);
    tcase_add_test(tc, c150_previous_state_too_small);
    tcase_add_test(tc, adjust_disable_all_and_null_new_state);
    tcase_add_test(tc, adjust_process_token_is_shared);
    suite_add_tcase(s, tc);

    tc = tcase_create("handles");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, bad_token_handles, 0, BAD_COUNT);
    tcase_add_test(tc, open_process_token_arguments);
    tcase_add_test(tc, open_thread_token_arguments);
    tcase_add_test(tc, c158_close_twice);
    suite_add_tcase(s, tc);

    tc = tcase_create("information");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, info_sizes, 0, 2 * N_CLASSES);
    tcase_add_test(tc, c151_token_user_size_query);
    tcase_add_test(tc, info_bad_classes_and_pointers);
    tcase_add_test(tc, info_unemulated_class_deviation);
    tcase_add_test(tc, info_access);
    tcase_add_test(tc, info_contents_user_and_admin);
    tcase_add_test(tc, c153_statistics_match_logon_id);
    suite_add_tcase(s, tc);

    tc = tcase_create("duplicate_impersonate");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, c152_duplicate_anonymous);
    tcase_add_test(tc, duplicate_rules);
    tcase_add_test(tc, duplicate_keeps_logon_session);
    tcase_add_test(tc, c154_c155_impersonate_and_revert);
    tcase_add_test(tc, c156_impersonate_self);
    tcase_add_test(tc, c157_downgraded_to_identification);
    tcase_add_test(tc, impersonation_changes_the_caller);
    tcase_add_test(tc, impersonate_access_and_session_lifetime);
    suite_add_tcase(s, tc);

    tc = tcase_create("checks");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, check_membership);
    tcase_add_test(tc, check_membership_null_arguments_deviation);
    tcase_add_test(tc, privilege_check);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
