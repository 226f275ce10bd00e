/* SPDX-License-Identifier: MIT */
/*
 * Tokens II (behavior.md 12.2-12.8): the token pseudo-handles,
 * AdjustTokenPrivileges without PreviousState, the further
 * GetTokenInformation classes, CreateRestrictedToken, IsTokenRestricted,
 * SetTokenInformation and NtDuplicateToken. Expectations come from
 * behavior.md 12 (Microsoft's documentation and Wine's conformance tests,
 * W3), not from the implementation.
 */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <winternl.h>

#include "token_helpers.h"

#define LUID_TCB 7u
#define LUID_SHUTDOWN 19u
#define LUID_CHANGE_NOTIFY 23u

#define DEF LOGON32_PROVIDER_DEFAULT
#define GARBAGE_ERROR 0x1234u

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("user");
}

static HANDLE proc_token(DWORD access)
{
    HANDLE h = TH_GARBAGE_PTR;
    ck_assert_msg(OpenProcessToken(GetCurrentProcess(), access, &h), "OpenProcessToken: %lu",
                  (unsigned long)GetLastError());
    return h;
}

static HANDLE logon(const char *user, const char *pw, DWORD type)
{
    HANDLE h = NULL;
    ck_assert_msg(LogonUserA(user, ".", pw, type, DEF, &h), "LogonUserA(%s): %s", user,
                  lsaemu_last_reason());
    return h;
}

static DWORD dword_info(HANDLE h, TOKEN_INFORMATION_CLASS cls)
{
    DWORD v = 0xEEEEEEEEu, len = 0;
    ck_assert_msg(GetTokenInformation(h, cls, &v, sizeof v, &len), "class %d: %lu (%s)", (int)cls,
                  (unsigned long)GetLastError(), lsaemu_last_reason());
    ck_assert_uint_eq(len, sizeof(DWORD));
    return v;
}

static LUID token_id(HANDLE h)
{
    return tk_stats(h).TokenId;
}

static int luid_eq(LUID a, LUID b)
{
    return a.LowPart == b.LowPart && a.HighPart == b.HighPart;
}

/* ---- 12.2 Token pseudo-handles ------------------------------------------------------ */

START_TEST(pseudo_process_token_queries_the_process_token)
{
    HANDLE real = proc_token(TOKEN_QUERY);
    /* W3 test_pseudo_tokens: the same statistics as a real handle. */
    ck_assert(luid_eq(token_id(GetCurrentProcessToken()), token_id(real)));
    ck_assert(luid_eq(token_id(GetCurrentThreadEffectiveToken()), token_id(real)));
    char a[192], b[192];
    ck_assert_str_eq(tk_user(GetCurrentProcessToken(), a), tk_user(real, b));
    /* TokenSource needs TOKEN_QUERY_SOURCE, which the pseudo-handle grants. */
    TOKEN_SOURCE src;
    DWORD len = 0;
    ck_assert(GetTokenInformation(GetCurrentProcessToken(), TokenSource, &src, sizeof src, &len));
    ck_assert_uint_eq(len, sizeof src);
    ck_assert(CloseHandle(real));
}
END_TEST

START_TEST(pseudo_thread_token_without_impersonation_is_no_token)
{
    unsigned char buf[256] __attribute__((aligned(8)));
    DWORD len = 0x77;
    SetLastError(0);
    ck_assert(!GetTokenInformation(GetCurrentThreadToken(), TokenStatistics, buf, sizeof buf,
                                   &len));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_TOKEN);
}
END_TEST

START_TEST(pseudo_thread_tokens_while_impersonating)
{
    HANDLE real = proc_token(TOKEN_QUERY);
    ck_assert(ImpersonateSelf(SecurityImpersonation));
    HANDLE th = NULL;
    ck_assert(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &th));
    LUID thread_id = token_id(th);
    ck_assert(!luid_eq(thread_id, token_id(real)));
    ck_assert(luid_eq(token_id(GetCurrentThreadToken()), thread_id));
    ck_assert(luid_eq(token_id(GetCurrentThreadEffectiveToken()), thread_id));
    ck_assert(luid_eq(token_id(GetCurrentProcessToken()), token_id(real)));
    ck_assert(RevertToSelf());
    ck_assert(luid_eq(token_id(GetCurrentThreadEffectiveToken()), token_id(real)));
    ck_assert(CloseHandle(th));
    ck_assert(CloseHandle(real));
}
END_TEST

/* Every token function that is not a query refuses them: ERROR_INVALID_HANDLE. */
START_TEST(pseudo_handles_refused_outside_queries)
{
    static const intptr_t pseudo[] = {-4, -5, -6};
    for (size_t i = 0; i < 3; i++) {
        HANDLE p = (HANDLE)pseudo[i], out = TH_GARBAGE_PTR;
        TOKEN_PRIVILEGES tp = {1, {{{LUID_SHUTDOWN, 0}, SE_PRIVILEGE_ENABLED}}};
        SetLastError(0);
        ck_assert(!AdjustTokenPrivileges(p, FALSE, &tp, 0, NULL, NULL));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
        SetLastError(0);
        ck_assert(!DuplicateTokenEx(p, 0, NULL, SecurityImpersonation, TokenPrimary, &out));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
        SetLastError(0);
        ck_assert(!CreateRestrictedToken(p, 0, 0, NULL, 0, NULL, 0, NULL, &out));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
        ck_assert_ptr_null(out);
        TOKEN_DEFAULT_DACL d = {NULL};
        SetLastError(0);
        ck_assert(!SetTokenInformation(p, TokenDefaultDacl, &d, sizeof d));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
        out = TH_GARBAGE_PTR;
        ck_assert_status_eq(NtDuplicateToken(p, 0, NULL, FALSE, TokenPrimary, &out),
                            STATUS_INVALID_HANDLE);
        ck_assert_ptr_null(out);
        SetLastError(0);
        ck_assert(!ImpersonateLoggedOnUser(p));
        ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
        /* K1: closing one does nothing and succeeds. */
        ck_assert(CloseHandle(p));
        ck_assert(CloseHandle(p));
    }
    /* Still usable after the closes. */
    ck_assert_uint_eq(dword_info(GetCurrentProcessToken(), TokenType), TokenPrimary);
}
END_TEST

/* ---- 12.3 AdjustTokenPrivileges without PreviousState ------------------------------- */

START_TEST(adjust_return_length_untouched_without_previous_state)
{
    HANDLE h = proc_token(TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY);
    TOKEN_PRIVILEGES tp = {1, {{{LUID_SHUTDOWN, 0}, SE_PRIVILEGE_ENABLED}}};
    DWORD len = 0xdeadbeef;
    ck_assert(AdjustTokenPrivileges(h, FALSE, &tp, sizeof tp, NULL, &len));
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_uint_eq(len, 0xdeadbeef);
    /* Also when not all were assigned (TCB is not held). */
    tp.Privileges[0].Luid.LowPart = LUID_TCB;
    ck_assert(AdjustTokenPrivileges(h, FALSE, &tp, 0, NULL, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_NOT_ALL_ASSIGNED);
    ck_assert_uint_eq(len, 0xdeadbeef);
    /* With PreviousState it is written. */
    TOKEN_PRIVILEGES prev;
    tp.Privileges[0].Luid.LowPart = LUID_SHUTDOWN;
    tp.Privileges[0].Attributes = 0;
    ck_assert(AdjustTokenPrivileges(h, FALSE, &tp, sizeof prev, &prev, &len));
    ck_assert_uint_eq(len, sizeof prev);
    ck_assert_uint_eq(prev.PrivilegeCount, 1);
    ck_assert(CloseHandle(h));
}
END_TEST

/* ---- 12.5 Further classes ------------------------------------------------------------ */

START_TEST(classes_without_uac)
{
    HANDLE alice = proc_token(TOKEN_QUERY);
    HANDLE bob = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    /* W3 test_GetTokenInformation: TokenIsAppContainer is a DWORD 0. */
    ck_assert_uint_eq(dword_info(alice, TokenIsAppContainer), 0);
    ck_assert_uint_eq(dword_info(alice, TokenElevationType), TokenElevationTypeDefault);
    ck_assert_uint_eq(dword_info(bob, TokenElevationType), TokenElevationTypeDefault);
    /* K7: Administrators (enabled) makes bob's token elevated. */
    ck_assert_uint_eq(dword_info(alice, TokenElevation), 0);
    ck_assert_uint_eq(dword_info(bob, TokenElevation), 1);
    ck_assert_uint_eq(dword_info(alice, TokenHasRestrictions), 0);
    ck_assert_uint_eq(dword_info(alice, TokenIsRestricted), 0);
    ck_assert_uint_eq(dword_info(alice, TokenSandBoxInert), 0);
    /* No restricting SIDs: an empty TOKEN_GROUPS. */
    DWORD len;
    TOKEN_GROUPS *rg = tk_info(alice, TokenRestrictedSids, &len);
    ck_assert_uint_eq(rg->GroupCount, 0);
    ck_assert_uint_eq(len, offsetof(TOKEN_GROUPS, Groups));
    free(rg);
    /* K10: a token whose logon was not split has no linked token. */
    TOKEN_LINKED_TOKEN lt = {TH_GARBAGE_PTR};
    SetLastError(0);
    ck_assert(!GetTokenInformation(bob, TokenLinkedToken, &lt, sizeof lt, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_SUCH_LOGON_SESSION);
    len = 0;
    ck_assert(!GetTokenInformation(bob, TokenLinkedToken, &lt, 4, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(len, sizeof(TOKEN_LINKED_TOKEN));
    ck_assert(CloseHandle(bob));
    ck_assert(CloseHandle(alice));
}
END_TEST

/* 12.5: the default DACL: owner and SYSTEM GENERIC_ALL, the logon SID
 * GENERIC_READ|GENERIC_EXECUTE. */
START_TEST(default_dacl_built_in)
{
    HANDLE h = proc_token(TOKEN_QUERY);
    DWORD len = 0;
    unsigned char small[4] __attribute__((aligned(8)));
    SetLastError(0);
    ck_assert(!GetTokenInformation(h, TokenDefaultDacl, small, 0, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_gt(len, sizeof(TOKEN_DEFAULT_DACL));
    TOKEN_DEFAULT_DACL *d = tk_info(h, TokenDefaultDacl, &len);
    ck_assert_ptr_nonnull(d->DefaultDacl);
    ck_assert_ptr_eq(d->DefaultDacl, (PACL)(d + 1));
    ck_assert_uint_eq(d->DefaultDacl->AclRevision, ACL_REVISION);
    ck_assert_uint_eq(d->DefaultDacl->AceCount, 3);
    ck_assert_uint_eq(len, sizeof *d + d->DefaultDacl->AclSize);
    const unsigned char *ace = (const unsigned char *)(d->DefaultDacl + 1);
    static const DWORD masks[3] = {GENERIC_ALL, GENERIC_ALL, GENERIC_READ | GENERIC_EXECUTE};
    char want_logon[192], got[192];
    const char *sids[3] = {SID_ALICE, "S-1-5-18", tk_logon_sid(h, want_logon)};
    for (int i = 0; i < 3; i++) {
        const ACCESS_ALLOWED_ACE *a = (const ACCESS_ALLOWED_ACE *)ace;
        ck_assert_uint_eq(a->Header.AceType, ACCESS_ALLOWED_ACE_TYPE);
        ck_assert_uint_eq(a->Mask, masks[i]);
        ck_assert_str_eq(tk_sid_text(&a->SidStart, got), sids[i]);
        ace += a->Header.AceSize;
    }
    ck_assert_ptr_eq(ace, (const unsigned char *)d->DefaultDacl + d->DefaultDacl->AclSize);
    free(d);
    ck_assert(CloseHandle(h));
}
END_TEST

/* ---- 12.6 CreateRestrictedToken and IsTokenRestricted -------------------------------- */

static DWORD group_attrs(HANDLE h, const char *sid)
{
    DWORD a = 0xEEEEEEEEu;
    ck_assert_msg(tk_has_group(h, sid, &a), "%s not in the token", sid);
    return a;
}

START_TEST(restricted_disable_delete_restrict)
{
    HANDLE src = proc_token(TOKEN_ALL_ACCESS);
    unsigned char users[68], everyone[68], unknown[68];
    SID_AND_ATTRIBUTES dis[2] = {{tk_sid(users, "S-1-5-32-545"), 0xFFFFFFFFu},
                                 {tk_sid(unknown, "S-1-5-21-1-2-3-3735928559"), 0}};
    LUID_AND_ATTRIBUTES del[2] = {{{LUID_SHUTDOWN, 0}, 0}, {{0xdeadbeef, 0}, 0}};
    SID_AND_ATTRIBUTES res[1] = {{tk_sid(everyone, "S-1-1-0"), 0}};
    HANDLE t = TH_GARBAGE_PTR;
    SetLastError(GARBAGE_ERROR);
    ck_assert_msg(CreateRestrictedToken(src, 0, 2, dis, 2, del, 1, res, &t), "%s",
                  lsaemu_last_reason());
    /* 12.12: the last error is left as it was. */
    ck_assert_win32_eq(GetLastError(), GARBAGE_ERROR);
    /* K2: deny-only, enabled bits off, mandatory kept. */
    ck_assert_uint_eq(group_attrs(t, "S-1-5-32-545"),
                      SE_GROUP_USE_FOR_DENY_ONLY | SE_GROUP_MANDATORY);
    ck_assert_uint_eq(group_attrs(src, "S-1-5-32-545"),
                      SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED);
    /* W3: a deleted privilege is absent; the source keeps it. */
    ck_assert_int_eq(tk_priv(t, LUID_SHUTDOWN), -1);
    ck_assert_int_eq(tk_priv(src, LUID_SHUTDOWN), 0);
    ck_assert_int_ne(tk_priv(t, LUID_CHANGE_NOTIFY), -1);
    /* A new token of the same type and logon session. */
    ck_assert_uint_eq(tk_type(t), TokenPrimary);
    TOKEN_STATISTICS a = tk_stats(src), b = tk_stats(t);
    ck_assert(!luid_eq(a.TokenId, b.TokenId));
    ck_assert(luid_eq(a.AuthenticationId, b.AuthenticationId));
    /* The restricting SIDs. */
    ck_assert(IsTokenRestricted(t));
    ck_assert_uint_eq(dword_info(t, TokenHasRestrictions), 1);
    ck_assert_uint_eq(dword_info(t, TokenIsRestricted), 1);
    DWORD len;
    TOKEN_GROUPS *rg = tk_info(t, TokenRestrictedSids, &len);
    ck_assert_uint_eq(rg->GroupCount, 1);
    char txt[192];
    ck_assert_str_eq(tk_sid_text(rg->Groups[0].Sid, txt), "S-1-1-0");
    ck_assert_uint_eq(rg->Groups[0].Attributes, 7);
    free(rg);
    SetLastError(GARBAGE_ERROR);
    ck_assert(!IsTokenRestricted(src));
    ck_assert_win32_eq(GetLastError(), GARBAGE_ERROR);
    ck_assert(CloseHandle(t));
    ck_assert(CloseHandle(src));
}
END_TEST

START_TEST(restricted_disable_max_privilege_and_user)
{
    HANDLE src = proc_token(TOKEN_DUPLICATE | TOKEN_QUERY);
    unsigned char user[68];
    SID_AND_ATTRIBUTES dis[1] = {{tk_sid(user, SID_ALICE), 0}};
    LUID_AND_ATTRIBUTES del[1] = {{{LUID_CHANGE_NOTIFY, 0}, 0}};
    HANDLE t = NULL;
    ck_assert(CreateRestrictedToken(src, DISABLE_MAX_PRIVILEGE, 1, dis, 1, del, 0, NULL, &t));
    /* K2: only SeChangeNotifyPrivilege stays, and the delete list is ignored. */
    DWORD len;
    TOKEN_PRIVILEGES *tp = tk_info(t, TokenPrivileges, &len);
    ck_assert_uint_eq(tp->PrivilegeCount, 1);
    ck_assert_uint_eq(tp->Privileges[0].Luid.LowPart, LUID_CHANGE_NOTIFY);
    free(tp);
    /* K2: the user SID too becomes deny-only. */
    TOKEN_USER *u = tk_info(t, TokenUser, &len);
    ck_assert_uint_eq(u->User.Attributes, SE_GROUP_USE_FOR_DENY_ONLY);
    free(u);
    ck_assert(!IsTokenRestricted(t));
    ck_assert_uint_eq(dword_info(t, TokenHasRestrictions), 1);
    /* K2: the new handle has the access of the existing one. */
    TOKEN_PRIVILEGES one = {1, {{{LUID_CHANGE_NOTIFY, 0}, 0}}};
    SetLastError(0);
    ck_assert(!AdjustTokenPrivileges(t, FALSE, &one, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(t));
    ck_assert(CloseHandle(src));
}
END_TEST

START_TEST(restricted_keeps_impersonation_type)
{
    HANDLE src = logon("alice", "Alice-Pw1", LOGON32_LOGON_NETWORK);
    HANDLE t = NULL;
    ck_assert(CreateRestrictedToken(src, 0, 0, NULL, 0, NULL, 0, NULL, &t));
    ck_assert_uint_eq(tk_type(t), TokenImpersonation);
    ck_assert_uint_eq(dword_info(t, TokenImpersonationLevel), SecurityImpersonation);
    /* Nothing was filtered. */
    ck_assert_uint_eq(dword_info(t, TokenHasRestrictions), 0);
    ck_assert(CloseHandle(t));
    ck_assert(CloseHandle(src));
}
END_TEST

START_TEST(restricted_intersection_of_restricting_sids)
{
    HANDLE src = proc_token(TOKEN_ALL_ACCESS);
    unsigned char s1[68], s2[68], s3[68];
    SID_AND_ATTRIBUTES first[2] = {{tk_sid(s1, "S-1-1-0"), 0}, {tk_sid(s2, "S-1-5-11"), 0}};
    SID_AND_ATTRIBUTES second[2] = {{tk_sid(s3, "S-1-5-32-545"), 0}, {s2, 0}};
    HANDLE t1 = NULL, t2 = NULL;
    ck_assert(CreateRestrictedToken(src, 0, 0, NULL, 0, NULL, 2, first, &t1));
    ck_assert(CreateRestrictedToken(t1, 0, 0, NULL, 0, NULL, 2, second, &t2));
    DWORD len;
    TOKEN_GROUPS *rg = tk_info(t2, TokenRestrictedSids, &len);
    char txt[192];
    ck_assert_uint_eq(rg->GroupCount, 1);
    ck_assert_str_eq(tk_sid_text(rg->Groups[0].Sid, txt), "S-1-5-11");
    free(rg);
    ck_assert(CloseHandle(t2));
    ck_assert(CloseHandle(t1));
    ck_assert(CloseHandle(src));
}
END_TEST

/* The failures, in the order of behavior.md 12.6; the output is NULL. */
START_TEST(restricted_failures)
{
    HANDLE src = proc_token(TOKEN_ALL_ACCESS), query = proc_token(TOKEN_QUERY);
    unsigned char sid[68];
    unsigned char bad_sid[12] = {9, 1, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0};
    SID_AND_ATTRIBUTES good = {tk_sid(sid, "S-1-1-0"), 0}, with_attrs = {sid, SE_GROUP_ENABLED},
                       bad = {bad_sid, 0};
    struct {
        const char *id;
        HANDLE h;
        DWORD flags;
        DWORD n_dis;
        SID_AND_ATTRIBUTES *dis;
        DWORD n_res;
        SID_AND_ATTRIBUTES *res;
        DWORD want;
    } rows[] = {
        {"unknown flag", src, 0x10, 0, NULL, 0, NULL, ERROR_INVALID_PARAMETER},
        {"invalid SID to disable", src, 0, 1, &bad, 0, NULL, ERROR_INVALID_SID},
        {"restricting SID with attributes", src, 0, 0, NULL, 1, &with_attrs,
         ERROR_INVALID_PARAMETER},
        {"invalid restricting SID", src, 0, 0, NULL, 1, &bad, ERROR_INVALID_SID},
        {"no TOKEN_DUPLICATE", query, 0, 1, &good, 0, NULL, ERROR_ACCESS_DENIED},
        {"not a handle", (HANDLE)(uintptr_t)0x4444, 0, 0, NULL, 0, NULL, ERROR_INVALID_HANDLE},
        {"arguments before the handle", (HANDLE)(uintptr_t)0x4444, 0x10, 0, NULL, 0, NULL,
         ERROR_INVALID_PARAMETER},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        HANDLE out = TH_GARBAGE_PTR;
        SetLastError(0);
        ck_assert_msg(!CreateRestrictedToken(rows[i].h, rows[i].flags, rows[i].n_dis,
                                             rows[i].dis, 0, NULL, rows[i].n_res, rows[i].res,
                                             &out),
                      "%s", rows[i].id);
        ck_assert_msg(GetLastError() == rows[i].want, "%s: %lu", rows[i].id,
                      (unsigned long)GetLastError());
        ck_assert_msg(out == NULL, "%s: output not NULL", rows[i].id);
    }
    SetLastError(0);
    ck_assert(!CreateRestrictedToken(src, 0, 0, NULL, 0, NULL, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    /* IsTokenRestricted without TOKEN_QUERY: FALSE with the error. */
    HANDLE dup_only = proc_token(TOKEN_DUPLICATE);
    SetLastError(0);
    ck_assert(!IsTokenRestricted(dup_only));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    SetLastError(0);
    ck_assert(!IsTokenRestricted(GetCurrentThreadToken()));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_TOKEN);
    ck_assert(CloseHandle(dup_only));
    ck_assert(CloseHandle(query));
    ck_assert(CloseHandle(src));
}
END_TEST

/* Deviation (behavior.md 12.6): a count with a NULL array is 87; Windows
 * faults reading it. */
START_TEST(restricted_null_array_deviation)
{
    HANDLE src = proc_token(TOKEN_ALL_ACCESS), out = TH_GARBAGE_PTR;
    SetLastError(0);
    ck_assert(!CreateRestrictedToken(src, 0, 1, NULL, 0, NULL, 0, NULL, &out));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(out);
    SetLastError(0);
    ck_assert(!CreateRestrictedToken(src, 0, 0, NULL, 2, NULL, 0, NULL, &out));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    SetLastError(0);
    ck_assert(!CreateRestrictedToken(src, 0, 0, NULL, 0, NULL, 3, NULL, &out));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(CloseHandle(src));
}
END_TEST

/* Deviation (behavior.md 12.7): classes Windows sets with privileges K6
 * names but lsaemu does not model answer 87. */
START_TEST(set_classes_not_emulated_deviation)
{
    tu_use_process("tcb");
    HANDLE h = proc_token(TOKEN_ALL_ACCESS);
    unsigned char buf[64] __attribute__((aligned(8)));
    memset(buf, 0, sizeof buf);
    static const TOKEN_INFORMATION_CLASS classes[] = {
        TokenLinkedToken, TokenVirtualizationAllowed, TokenVirtualizationEnabled, TokenUIAccess,
        TokenMandatoryPolicy};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        SetLastError(0);
        ck_assert(!SetTokenInformation(h, classes[i], buf, sizeof buf));
        ck_assert_msg(GetLastError() == ERROR_INVALID_PARAMETER, "class %d: %lu",
                      (int)classes[i], (unsigned long)GetLastError());
        ck_assert_ptr_nonnull(strstr(lsaemu_last_reason(), "does not emulate"));
    }
    ck_assert(CloseHandle(h));
}
END_TEST

/* Deviation (behavior.md 12.7): lowering the integrity level keeps the
 * privileges Windows would disable at the lower level. */
START_TEST(set_integrity_lower_keeps_privileges_deviation)
{
    HANDLE bob = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    unsigned char sid[68];
    TOKEN_MANDATORY_LABEL l = {{tk_sid(sid, "S-1-16-4096"), SE_GROUP_INTEGRITY}};
    ck_assert(SetTokenInformation(bob, TokenIntegrityLevel, &l, sizeof l));
    ck_assert_int_ne(tk_priv(bob, 20), -1); /* SeDebugPrivilege stays */
    ck_assert(CloseHandle(bob));
}
END_TEST

/* K6: LUA_TOKEN applies UAC's filter. */
START_TEST(restricted_lua_token)
{
    HANDLE bob = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    HANDLE t = NULL;
    ck_assert(CreateRestrictedToken(bob, LUA_TOKEN, 0, NULL, 0, NULL, 0, NULL, &t));
    ck_assert_uint_eq(group_attrs(t, "S-1-5-32-544"), SE_GROUP_USE_FOR_DENY_ONLY);
    ck_assert_uint_eq(dword_info(t, TokenElevation), 0);
    ck_assert_uint_eq(dword_info(bob, TokenElevation), 1);
    DWORD len;
    TOKEN_PRIVILEGES *tp = tk_info(t, TokenPrivileges, &len);
    for (DWORD i = 0; i < tp->PrivilegeCount; i++) {
        DWORD l = tp->Privileges[i].Luid.LowPart;
        ck_assert_msg(l == 19 || l == 23 || l == 25 || l == 33 || l == 34,
                      "privilege %lu kept", (unsigned long)l);
    }
    free(tp);
    ck_assert(CloseHandle(t));
    ck_assert(CloseHandle(bob));
}
END_TEST

/* ---- 12.7 SetTokenInformation --------------------------------------------------------- */

START_TEST(set_default_dacl)
{
    HANDLE h = proc_token(TOKEN_QUERY | TOKEN_ADJUST_DEFAULT);
    LUID before = tk_stats(h).ModifiedId;
    /* W3 test_token_attr: (NULL, 0) is 24, (NULL, size) 998. */
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenDefaultDacl, NULL, 0));
    ck_assert_win32_eq(GetLastError(), ERROR_BAD_LENGTH);
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenDefaultDacl, NULL, sizeof(TOKEN_DEFAULT_DACL)));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    /* A DACL of one ACE. */
    union {
        ACL acl;
        unsigned char b[64];
    } u;
    memset(&u, 0, sizeof u);
    unsigned char sid[68];
    tk_sid(sid, "S-1-1-0");
    size_t ace_size = offsetof(ACCESS_ALLOWED_ACE, SidStart) + 12;
    u.acl.AclRevision = ACL_REVISION;
    u.acl.AclSize = (WORD)(sizeof(ACL) + ace_size);
    u.acl.AceCount = 1;
    ACCESS_ALLOWED_ACE *a = (ACCESS_ALLOWED_ACE *)(u.b + sizeof(ACL));
    a->Header.AceType = ACCESS_ALLOWED_ACE_TYPE;
    a->Header.AceSize = (WORD)ace_size;
    a->Mask = GENERIC_READ;
    memcpy(&a->SidStart, sid, 12);
    TOKEN_DEFAULT_DACL d = {&u.acl};
    SetLastError(GARBAGE_ERROR);
    ck_assert_msg(SetTokenInformation(h, TokenDefaultDacl, &d, sizeof d), "%s",
                  lsaemu_last_reason());
    ck_assert_win32_eq(GetLastError(), GARBAGE_ERROR);
    ck_assert(!luid_eq(tk_stats(h).ModifiedId, before));
    DWORD len;
    TOKEN_DEFAULT_DACL *got = tk_info(h, TokenDefaultDacl, &len);
    ck_assert_uint_eq(len, sizeof *got + u.acl.AclSize);
    ck_assert_int_eq(memcmp(got->DefaultDacl, u.b, u.acl.AclSize), 0);
    free(got);
    /* A header that cannot be an ACL. */
    u.acl.AclRevision = 9;
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenDefaultDacl, &d, sizeof d));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_ACL);
    /* W3: DefaultDacl NULL removes it; the query answers the structure only. */
    d.DefaultDacl = NULL;
    ck_assert(SetTokenInformation(h, TokenDefaultDacl, &d, sizeof d));
    TOKEN_DEFAULT_DACL out = {TH_GARBAGE_PTR};
    len = 0;
    ck_assert(GetTokenInformation(h, TokenDefaultDacl, &out, sizeof out, &len));
    ck_assert_ptr_null(out.DefaultDacl);
    ck_assert_uint_eq(len, sizeof out);
    ck_assert(CloseHandle(h));
}
END_TEST

static BOOL set_sid_class(HANDLE h, TOKEN_INFORMATION_CLASS cls, const char *text)
{
    static unsigned char sid[68];
    PSID p = text ? tk_sid(sid, text) : NULL;
    SetLastError(0);
    return SetTokenInformation(h, cls, &p, sizeof p);
}

START_TEST(set_owner_and_primary_group)
{
    HANDLE bob = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    DWORD len;
    char txt[192];
    /* Administrators may own objects (SE_GROUP_OWNER); Users may not. */
    ck_assert(set_sid_class(bob, TokenOwner, "S-1-5-32-544"));
    TOKEN_OWNER *o = tk_info(bob, TokenOwner, &len);
    ck_assert_str_eq(tk_sid_text(o->Owner, txt), "S-1-5-32-544");
    free(o);
    ck_assert(!set_sid_class(bob, TokenOwner, "S-1-5-32-545"));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_OWNER);
    ck_assert(set_sid_class(bob, TokenOwner, SID_BOB));
    o = tk_info(bob, TokenOwner, &len);
    ck_assert_str_eq(tk_sid_text(o->Owner, txt), SID_BOB);
    free(o);
    ck_assert(!set_sid_class(bob, TokenOwner, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
    /* The primary group: the user or any group of the token. */
    ck_assert(set_sid_class(bob, TokenPrimaryGroup, "S-1-5-32-545"));
    TOKEN_PRIMARY_GROUP *g = tk_info(bob, TokenPrimaryGroup, &len);
    ck_assert_str_eq(tk_sid_text(g->PrimaryGroup, txt), "S-1-5-32-545");
    free(g);
    ck_assert(!set_sid_class(bob, TokenPrimaryGroup, "S-1-5-32-551"));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PRIMARY_GROUP);
    ck_assert(CloseHandle(bob));
}
END_TEST

START_TEST(set_refused_classes_and_access)
{
    HANDLE h = proc_token(TOKEN_ALL_ACCESS);
    unsigned char buf[64] __attribute__((aligned(8)));
    memset(buf, 0, sizeof buf);
    static const TOKEN_INFORMATION_CLASS refused[] = {
        TokenUser,          TokenGroups,       TokenPrivileges,  TokenSource,
        TokenStatistics,    TokenType,         TokenElevationType, TokenElevation,
        TokenIsAppContainer};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        SetLastError(0);
        ck_assert(!SetTokenInformation(h, refused[i], buf, sizeof buf));
        ck_assert_msg(GetLastError() == ERROR_INVALID_PARAMETER, "class %d: %lu",
                      (int)refused[i], (unsigned long)GetLastError());
    }
    /* A short buffer: ERROR_BAD_LENGTH. */
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenOwner, buf, 4));
    ck_assert_win32_eq(GetLastError(), ERROR_BAD_LENGTH);
    /* TOKEN_ADJUST_DEFAULT is needed. */
    HANDLE q = proc_token(TOKEN_QUERY);
    ck_assert(!set_sid_class(q, TokenOwner, SID_ALICE));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    /* TokenSessionId and TokenOrigin need SeTcbPrivilege. */
    DWORD session = 3;
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenSessionId, &session, sizeof session));
    ck_assert_win32_eq(GetLastError(), ERROR_PRIVILEGE_NOT_HELD);
    TOKEN_ORIGIN origin = {{5, 0}};
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenOrigin, &origin, sizeof origin));
    ck_assert_win32_eq(GetLastError(), ERROR_PRIVILEGE_NOT_HELD);
    /* A misaligned buffer faults (K3: "aligned on a 32-bit boundary"). */
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenOwner, buf + 1, sizeof(TOKEN_OWNER)));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    ck_assert(CloseHandle(q));
    ck_assert(CloseHandle(h));
}
END_TEST

/* K3, reactos R7: a DACL larger than the token's dynamic part. */
START_TEST(set_default_dacl_too_large)
{
    HANDLE h = proc_token(TOKEN_QUERY | TOKEN_ADJUST_DEFAULT);
    static union {
        ACL acl;
        unsigned char b[4096];
    } u;
    memset(&u, 0, sizeof u);
    u.acl.AclRevision = ACL_REVISION;
    u.acl.AclSize = 4096;
    TOKEN_DEFAULT_DACL d = {&u.acl};
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenDefaultDacl, &d, sizeof d));
    ck_assert_win32_eq(GetLastError(), ERROR_ALLOTTED_SPACE_EXCEEDED);
    /* An empty ACL fits. */
    u.acl.AclSize = sizeof(ACL);
    ck_assert(SetTokenInformation(h, TokenDefaultDacl, &d, sizeof d));
    DWORD len;
    TOKEN_DEFAULT_DACL *got = tk_info(h, TokenDefaultDacl, &len);
    ck_assert_uint_eq(got->DefaultDacl->AceCount, 0);
    ck_assert_uint_eq(len, sizeof *got + sizeof(ACL));
    free(got);
    ck_assert(CloseHandle(h));
}
END_TEST

/* reactos R7: TokenOrigin is set once (GUESS_TOKEN_ORIGIN_SET_ONCE). */
START_TEST(set_origin_once_with_tcb)
{
    tu_use_process("tcb");
    HANDLE p = proc_token(TOKEN_ALL_ACCESS), dup = NULL;
    ck_assert(DuplicateTokenEx(p, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenPrimary,
                               &dup));
    DWORD len;
    TOKEN_ORIGIN *o = tk_info(dup, TokenOrigin, &len);
    int was_zero = o->OriginatingLogonSession.LowPart == 0 &&
                   o->OriginatingLogonSession.HighPart == 0;
    LUID first = o->OriginatingLogonSession;
    free(o);
    TOKEN_ORIGIN set = {{0x4321, 0}};
    ck_assert(SetTokenInformation(dup, TokenOrigin, &set, sizeof set));
    o = tk_info(dup, TokenOrigin, &len);
    ck_assert_uint_eq(o->OriginatingLogonSession.LowPart, was_zero ? 0x4321 : first.LowPart);
    free(o);
    set.OriginatingLogonSession.LowPart = 0x9999;
    ck_assert(SetTokenInformation(dup, TokenOrigin, &set, sizeof set));
    o = tk_info(dup, TokenOrigin, &len);
    ck_assert_uint_ne(o->OriginatingLogonSession.LowPart, 0x9999);
    free(o);
    ck_assert(CloseHandle(dup));
    ck_assert(CloseHandle(p));
}
END_TEST

START_TEST(set_integrity_level)
{
    HANDLE h = proc_token(TOKEN_QUERY | TOKEN_ADJUST_DEFAULT);
    unsigned char sid[68];
    TOKEN_MANDATORY_LABEL l = {{tk_sid(sid, "S-1-16-4096"), SE_GROUP_INTEGRITY}};
    ck_assert(SetTokenInformation(h, TokenIntegrityLevel, &l, sizeof l));
    DWORD len;
    char txt[192];
    TOKEN_MANDATORY_LABEL *got = tk_info(h, TokenIntegrityLevel, &len);
    ck_assert_str_eq(tk_sid_text(got->Label.Sid, txt), "S-1-16-4096");
    free(got);
    /* K6: raising needs SeTcbPrivilege. */
    tk_sid(sid, "S-1-16-12288");
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenIntegrityLevel, &l, sizeof l));
    ck_assert_win32_eq(GetLastError(), ERROR_PRIVILEGE_NOT_HELD);
    /* Not a label SID. */
    tk_sid(sid, "S-1-5-18");
    SetLastError(0);
    ck_assert(!SetTokenInformation(h, TokenIntegrityLevel, &l, sizeof l));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
    ck_assert(CloseHandle(h));
}
END_TEST

START_TEST(set_session_id_with_tcb)
{
    tu_use_process("tcb");
    HANDLE p = proc_token(TOKEN_ALL_ACCESS), dup = NULL;
    DWORD session = 3;
    /* K6: not on the process's own token. */
    SetLastError(0);
    ck_assert(!SetTokenInformation(p, TokenSessionId, &session, sizeof session));
    ck_assert_win32_eq(GetLastError(), ERROR_TOKEN_ALREADY_IN_USE);
    ck_assert(DuplicateTokenEx(p, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenPrimary,
                               &dup));
    ck_assert(SetTokenInformation(dup, TokenSessionId, &session, sizeof session));
    ck_assert_uint_eq(dword_info(dup, TokenSessionId), 3);
    /* TOKEN_ADJUST_SESSIONID is needed as well. */
    HANDLE weak = NULL;
    ck_assert(DuplicateTokenEx(p, TOKEN_ADJUST_DEFAULT | TOKEN_QUERY, NULL,
                               SecurityImpersonation, TokenPrimary, &weak));
    SetLastError(0);
    ck_assert(!SetTokenInformation(weak, TokenSessionId, &session, sizeof session));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    ck_assert(CloseHandle(weak));
    ck_assert(CloseHandle(dup));
    ck_assert(CloseHandle(p));
}
END_TEST

/* ---- 12.8 NtDuplicateToken ------------------------------------------------------------ */

START_TEST(nt_duplicate_levels_and_access)
{
    HANDLE src = proc_token(TOKEN_DUPLICATE | TOKEN_QUERY), t = NULL;
    SetLastError(GARBAGE_ERROR);
    /* W3 test_duplicate_token: without a QoS, SecurityAnonymous. */
    ck_assert_status_eq(NtDuplicateToken(src, 0, NULL, FALSE, TokenImpersonation, &t),
                        STATUS_SUCCESS);
    ck_assert_win32_eq(GetLastError(), GARBAGE_ERROR);
    ck_assert_uint_eq(tk_type(t), TokenImpersonation);
    ck_assert_uint_eq(dword_info(t, TokenImpersonationLevel), SecurityAnonymous);
    /* Access 0: the source handle's (no TOKEN_ADJUST_PRIVILEGES). */
    TOKEN_PRIVILEGES tp = {1, {{{LUID_SHUTDOWN, 0}, SE_PRIVILEGE_ENABLED}}};
    SetLastError(0);
    ck_assert(!AdjustTokenPrivileges(t, FALSE, &tp, 0, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_ACCESS_DENIED);
    /* The level never rises; an anonymous token gives no primary one. */
    HANDLE u = TH_GARBAGE_PTR;
    SECURITY_QUALITY_OF_SERVICE qos = {sizeof qos, SecurityIdentification, 0, FALSE};
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
    oa.SecurityQualityOfService = &qos;
    ck_assert_status_eq(NtDuplicateToken(t, 0, &oa, FALSE, TokenImpersonation, &u),
                        STATUS_BAD_IMPERSONATION_LEVEL);
    ck_assert_ptr_null(u);
    ck_assert_status_eq(NtDuplicateToken(t, 0, NULL, FALSE, TokenPrimary, &u),
                        STATUS_BAD_IMPERSONATION_LEVEL);
    /* From the primary token with a QoS of Identification. */
    ck_assert_status_eq(NtDuplicateToken(src, TOKEN_ALL_ACCESS, &oa, FALSE, TokenImpersonation,
                                         &u),
                        STATUS_SUCCESS);
    ck_assert_uint_eq(dword_info(u, TokenImpersonationLevel), SecurityIdentification);
    ck_assert(CloseHandle(u));
    ck_assert(CloseHandle(t));
    ck_assert(CloseHandle(src));
}
END_TEST

START_TEST(nt_duplicate_effective_only)
{
    HANDLE src = proc_token(TOKEN_DUPLICATE | TOKEN_QUERY), t = NULL;
    ck_assert_int_eq(tk_priv(src, LUID_SHUTDOWN), 0); /* held, disabled */
    ck_assert_status_eq(NtDuplicateToken(src, 0, NULL, TRUE, TokenPrimary, &t), STATUS_SUCCESS);
    /* K4, W3: the disabled privileges go, the enabled stay. */
    ck_assert_int_eq(tk_priv(t, LUID_SHUTDOWN), -1);
    ck_assert_int_ne(tk_priv(t, LUID_CHANGE_NOTIFY), -1);
    ck_assert(CloseHandle(t));
    ck_assert(CloseHandle(src));
}
END_TEST

START_TEST(nt_duplicate_failures)
{
    HANDLE src = proc_token(TOKEN_DUPLICATE | TOKEN_QUERY), q = proc_token(TOKEN_QUERY);
    HANDLE t = TH_GARBAGE_PTR;
    SetLastError(GARBAGE_ERROR);
    ck_assert_status_eq(NtDuplicateToken(src, 0, NULL, FALSE, TokenPrimary, NULL),
                        STATUS_ACCESS_VIOLATION);
    ck_assert_status_eq(NtDuplicateToken(src, 0, NULL, FALSE, (TOKEN_TYPE)3, &t),
                        STATUS_INVALID_PARAMETER);
    ck_assert_ptr_null(t);
    OBJECT_ATTRIBUTES oa;
    InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
    oa.Length = 7;
    ck_assert_status_eq(NtDuplicateToken(src, 0, &oa, FALSE, TokenPrimary, &t),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(NtDuplicateToken(q, 0, NULL, FALSE, TokenPrimary, &t),
                        STATUS_ACCESS_DENIED);
    ck_assert_status_eq(NtDuplicateToken((HANDLE)(uintptr_t)0x4444, 0, NULL, FALSE, TokenPrimary,
                                         &t),
                        STATUS_INVALID_HANDLE);
    /* An ntdll function never touches the last error. */
    ck_assert_win32_eq(GetLastError(), GARBAGE_ERROR);
    ck_assert(CloseHandle(q));
    ck_assert(CloseHandle(src));
}
END_TEST

/* ---- 12.1 NetworkCleartext ------------------------------------------------------------- */

START_TEST(network_cleartext_primary_network_impersonation)
{
    HANDLE c = logon("alice", "Alice-Pw1", LOGON32_LOGON_NETWORK_CLEARTEXT);
    HANDLE n = logon("alice", "Alice-Pw1", LOGON32_LOGON_NETWORK);
    ck_assert_uint_eq(tk_type(c), TokenPrimary);
    ck_assert_uint_eq(tk_type(n), TokenImpersonation);
    ck_assert_uint_eq(dword_info(n, TokenImpersonationLevel), SecurityImpersonation);
    /* A primary token has no impersonation level (87). */
    DWORD v, len;
    SetLastError(0);
    ck_assert(!GetTokenInformation(c, TokenImpersonationLevel, &v, sizeof v, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert(CloseHandle(n));
    ck_assert(CloseHandle(c));
}
END_TEST

/* ---- The new exports ------------------------------------------------------------------- */

#define AS_FARPROC(f) ((FARPROC)(void (*)(void))(f))

/* A client that loads them dynamically finds them (lib/liblsaemu.sym). */
START_TEST(exports_found_by_get_proc_address)
{
    HMODULE adv = LoadLibraryA("advapi32.dll"), nt = LoadLibraryA("ntdll.dll");
    static const struct {
        const char *name;
        FARPROC fn;
        int ntdll;
    } rows[] = {
        {"CreateRestrictedToken", AS_FARPROC(CreateRestrictedToken), 0},
        {"IsTokenRestricted", AS_FARPROC(IsTokenRestricted), 0},
        {"SetTokenInformation", AS_FARPROC(SetTokenInformation), 0},
        {"NtDuplicateToken", AS_FARPROC(NtDuplicateToken), 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        FARPROC p = GetProcAddress(rows[i].ntdll ? nt : adv, rows[i].name);
        ck_assert_msg((void *)(uintptr_t)p == (void *)(uintptr_t)rows[i].fn, "%s", rows[i].name);
    }
    /* The pseudo-handle functions are inline, as in the SDK: no exports. */
    SetLastError(0);
    ck_assert(GetProcAddress(adv, "GetCurrentProcessToken") == NULL);
    ck_assert_win32_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    ck_assert(FreeLibrary(nt));
    ck_assert(FreeLibrary(adv));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tokens_ii");
    TCase *tc = tcase_create("tokens_ii");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, pseudo_process_token_queries_the_process_token);
    tcase_add_test(tc, pseudo_thread_token_without_impersonation_is_no_token);
    tcase_add_test(tc, pseudo_thread_tokens_while_impersonating);
    tcase_add_test(tc, pseudo_handles_refused_outside_queries);
    tcase_add_test(tc, adjust_return_length_untouched_without_previous_state);
    tcase_add_test(tc, classes_without_uac);
    tcase_add_test(tc, default_dacl_built_in);
    tcase_add_test(tc, restricted_disable_delete_restrict);
    tcase_add_test(tc, restricted_disable_max_privilege_and_user);
    tcase_add_test(tc, restricted_keeps_impersonation_type);
    tcase_add_test(tc, restricted_intersection_of_restricting_sids);
    tcase_add_test(tc, restricted_failures);
    tcase_add_test(tc, restricted_lua_token);
    tcase_add_test(tc, restricted_null_array_deviation);
    tcase_add_test(tc, set_classes_not_emulated_deviation);
    tcase_add_test(tc, set_integrity_lower_keeps_privileges_deviation);
    tcase_add_test(tc, set_default_dacl);
    tcase_add_test(tc, set_owner_and_primary_group);
    tcase_add_test(tc, set_refused_classes_and_access);
    tcase_add_test(tc, set_default_dacl_too_large);
    tcase_add_test(tc, set_origin_once_with_tcb);
    tcase_add_test(tc, set_integrity_level);
    tcase_add_test(tc, set_session_id_with_tcb);
    tcase_add_test(tc, nt_duplicate_levels_and_access);
    tcase_add_test(tc, nt_duplicate_effective_only);
    tcase_add_test(tc, nt_duplicate_failures);
    tcase_add_test(tc, network_cleartext_primary_network_impersonation);
    tcase_add_test(tc, exports_found_by_get_proc_address);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
