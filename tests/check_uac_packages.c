/* SPDX-License-Identifier: MIT */
/*
 * UAC split tokens (behavior.md 12.10, the policy's machine.uac and
 * processes' elevated:), authentication packages a policy declares
 * (behavior.md 12.11, packages:) and Negotiate's NegGetCallerName
 * (behavior.md 12.9). Expectations come from behavior.md 12, not from the
 * implementation.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "token_helpers.h"

#define DEF LOGON32_PROVIDER_DEFAULT

/* P0's machine and accounts, with UAC on and packages declared. */
static const char policy[] =
    "lsaemu: 1\n"
    "machine: { name: WS1, sid: S-1-5-21-1000-2000-3000, role: workstation,\n"
    "           time: \"2026-11-21T10:00:00Z\", uac: %s }\n"
    "base: workstation\n"
    "accounts:\n"
    "  alice: { password: Alice-Pw1, rid: 1001, groups: [Users] }\n"
    "  bob:   { password: Bob-Pw1,   rid: 1002, groups: [Administrators] }\n"
    "  carol: { password: Carol-Pw1, rid: 1003, groups: [Users], disabled: true }\n"
    "  frank: { password: Frank-Pw1, rid: 1006, groups: [Users], password_expired: true }\n"
    "  Administrator: { disabled: false, password: Admin-Pw1 }\n"
    "processes:\n"
    "  default: { account: alice }\n"
    "  tcb: { account: SYSTEM, enabled: [SeTcbPrivilege] }\n"
    "  admin: { account: bob }\n"
    "  admin-elevated: { account: bob, elevated: true }\n"
    "  admin-service: { account: bob, session: 0 }\n"
    "packages:\n"
    "  sshd-lsa: { format: text, logon_types: [Network], answer: password }\n"
    "  Vouch: { format: text, answer: trust }\n"
    "  fixed: { format: any, answer: STATUS_ACCOUNT_RESTRICTION }\n"
    "  mapped: { format: any, answer: trust, account: alice }\n"
    "  msvlike: { format: msv1_0, logon_types: [Interactive, Network] }\n";

static void load(const char *uac)
{
    char text[sizeof policy + 16];
    snprintf(text, sizeof text, policy, uac);
    tu_load_policy_text(text);
    lsaemu_reset();
}

static void setup(void)
{
    load("true");
    tu_use_process("default");
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
    return v;
}

static const char *label(HANDLE h, char *buf)
{
    DWORD len;
    TOKEN_MANDATORY_LABEL *l = tk_info(h, TokenIntegrityLevel, &len);
    tk_sid_text(l->Label.Sid, buf);
    free(l);
    return buf;
}

/* TokenLinkedToken that must succeed. */
static HANDLE linked(HANDLE h)
{
    TOKEN_LINKED_TOKEN lt = {TH_GARBAGE_PTR};
    DWORD len = 0;
    ck_assert_msg(GetTokenInformation(h, TokenLinkedToken, &lt, sizeof lt, &len), "%lu: %s",
                  (unsigned long)GetLastError(), lsaemu_last_reason());
    ck_assert_uint_eq(len, sizeof lt);
    ck_assert_ptr_nonnull(lt.LinkedToken);
    return lt.LinkedToken;
}

static void assert_no_link(HANDLE h)
{
    TOKEN_LINKED_TOKEN lt = {TH_GARBAGE_PTR};
    DWORD len;
    SetLastError(0);
    ck_assert(!GetTokenInformation(h, TokenLinkedToken, &lt, sizeof lt, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_NO_SUCH_LOGON_SESSION);
}

static int luid_eq(LUID a, LUID b)
{
    return a.LowPart == b.LowPart && a.HighPart == b.HighPart;
}

/* The filtered half: K8, K9, K11. */
static void assert_limited(HANDLE h)
{
    char buf[192];
    DWORD attrs = 0;
    ck_assert_uint_eq(dword_info(h, TokenElevationType), TokenElevationTypeLimited);
    ck_assert_uint_eq(dword_info(h, TokenElevation), 0);
    ck_assert_uint_eq(dword_info(h, TokenHasRestrictions), 1);
    ck_assert(tk_has_group(h, "S-1-5-32-544", &attrs));
    ck_assert_uint_eq(attrs, SE_GROUP_USE_FOR_DENY_ONLY);
    ck_assert(tk_has_group(h, "S-1-5-114", &attrs));
    ck_assert_uint_eq(attrs, SE_GROUP_USE_FOR_DENY_ONLY);
    ck_assert_str_eq(label(h, buf), "S-1-16-8192");
    DWORD len;
    TOKEN_PRIVILEGES *tp = tk_info(h, TokenPrivileges, &len);
    ck_assert_uint_gt(tp->PrivilegeCount, 0);
    for (DWORD i = 0; i < tp->PrivilegeCount; i++) {
        DWORD l = tp->Privileges[i].Luid.LowPart;
        ck_assert_msg(l == 19 || l == 23 || l == 25 || l == 33 || l == 34, "privilege %lu kept",
                      (unsigned long)l);
    }
    free(tp);
    TOKEN_OWNER *o = tk_info(h, TokenOwner, &len);
    ck_assert_str_eq(tk_sid_text(o->Owner, buf), SID_BOB);
    free(o);
}

static void assert_full(HANDLE h)
{
    char buf[192];
    DWORD attrs = 0;
    ck_assert_uint_eq(dword_info(h, TokenElevationType), TokenElevationTypeFull);
    ck_assert_uint_eq(dword_info(h, TokenElevation), 1);
    ck_assert(tk_has_group(h, "S-1-5-32-544", &attrs));
    ck_assert(attrs & SE_GROUP_ENABLED);
    ck_assert_str_eq(label(h, buf), "S-1-16-12288");
    ck_assert_int_ne(tk_priv(h, 20), -1); /* SeDebugPrivilege */
}

/* ---- 12.10 UAC -------------------------------------------------------------------------- */

START_TEST(uac_interactive_admin_is_split)
{
    ULONG sessions = th_session_count();
    HANDLE f = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    /* Two logon sessions: the filtered and the full one. */
    ck_assert_uint_eq(th_session_count(), sessions + 2);
    ck_assert_uint_eq(tk_type(f), TokenPrimary);
    assert_limited(f);
    HANDLE full = linked(f);
    /* K11: identification-level impersonation token (the caller has no TCB). */
    ck_assert_uint_eq(tk_type(full), TokenImpersonation);
    ck_assert_uint_eq(dword_info(full, TokenImpersonationLevel), SecurityIdentification);
    assert_full(full);
    TOKEN_STATISTICS a = tk_stats(f), b = tk_stats(full);
    ck_assert(!luid_eq(a.AuthenticationId, b.AuthenticationId));
    ck_assert(th_session_listed(b.AuthenticationId));
    /* A new token on every query. */
    HANDLE again = linked(f);
    ck_assert(!luid_eq(tk_stats(again).TokenId, b.TokenId));
    ck_assert(luid_eq(tk_stats(again).AuthenticationId, b.AuthenticationId));
    /* The linked token's linked token is the filtered kind again. */
    HANDLE back = linked(full);
    assert_limited(back);
    ck_assert(luid_eq(tk_stats(back).AuthenticationId, a.AuthenticationId));
    /* The same logon SID in both (GUESS_UAC_SHARED_LOGON_SID). */
    char l1[192], l2[192];
    ck_assert_str_eq(tk_logon_sid(f, l1), tk_logon_sid(full, l2));
    ck_assert(CloseHandle(back));
    ck_assert(CloseHandle(again));
    ck_assert(CloseHandle(full));
    ck_assert(CloseHandle(f));
    /* Both sessions end with the logon's last token. */
    ck_assert_uint_eq(th_session_count(), sessions);
}
END_TEST

/* K11: changes of one token are not seen in its linked token. */
START_TEST(uac_linked_token_is_a_snapshot)
{
    HANDLE f = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    HANDLE full = linked(f);
    TOKEN_PRIVILEGES tp = {1, {{{23, 0}, 0}}}; /* disable SeChangeNotifyPrivilege */
    ck_assert(AdjustTokenPrivileges(full, FALSE, &tp, 0, NULL, NULL));
    ck_assert_int_eq(tk_priv(full, 23) & SE_PRIVILEGE_ENABLED, 0);
    HANDLE full2 = linked(f);
    ck_assert_int_ne(tk_priv(full2, 23) & SE_PRIVILEGE_ENABLED, 0);
    ck_assert(CloseHandle(full2));
    ck_assert(CloseHandle(full));
    ck_assert(CloseHandle(f));
}
END_TEST

/* K11 (W3 test_elevation): DuplicateTokenEx and CreateRestrictedToken keep
 * the elevation type and the link. */
START_TEST(uac_copies_keep_type_and_link)
{
    HANDLE f = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    HANDLE dup = NULL, res = NULL;
    ck_assert(DuplicateTokenEx(f, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenPrimary,
                               &dup));
    ck_assert(CreateRestrictedToken(f, 0, 0, NULL, 0, NULL, 0, NULL, &res));
    HANDLE copies[2] = {dup, res};
    for (int i = 0; i < 2; i++) {
        ck_assert_uint_eq(dword_info(copies[i], TokenElevationType), TokenElevationTypeLimited);
        HANDLE full = linked(copies[i]);
        assert_full(full);
        ck_assert(CloseHandle(full));
        ck_assert(CloseHandle(copies[i]));
    }
    ck_assert(CloseHandle(f));
}
END_TEST

/* K12: Network and Batch logons are not split; a non-administrator and the
 * built-in Administrator (K8) neither. */
START_TEST(uac_logons_not_split)
{
    static const struct {
        const char *user, *pw;
        DWORD type;
        DWORD elevated;
    } rows[] = {
        {"bob", "Bob-Pw1", LOGON32_LOGON_NETWORK, 1},
        {"bob", "Bob-Pw1", LOGON32_LOGON_BATCH, 1},
        {"bob", "Bob-Pw1", LOGON32_LOGON_NETWORK_CLEARTEXT, 1},
        {"alice", "Alice-Pw1", LOGON32_LOGON_INTERACTIVE, 0},
        {"Administrator", "Admin-Pw1", LOGON32_LOGON_INTERACTIVE, 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        HANDLE h = logon(rows[i].user, rows[i].pw, rows[i].type);
        ck_assert_msg(dword_info(h, TokenElevationType) == TokenElevationTypeDefault, "row %zu",
                      i);
        ck_assert_msg(dword_info(h, TokenElevation) == rows[i].elevated, "row %zu", i);
        assert_no_link(h);
        ck_assert(CloseHandle(h));
    }
}
END_TEST

START_TEST(uac_off_by_default)
{
    load("false");
    HANDLE h = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    ck_assert_uint_eq(dword_info(h, TokenElevationType), TokenElevationTypeDefault);
    ck_assert_uint_eq(dword_info(h, TokenElevation), 1);
    assert_no_link(h);
    ck_assert(CloseHandle(h));
}
END_TEST

/* K6: a caller with SeTcbPrivilege enabled gets a primary linked token. */
START_TEST(uac_linked_token_primary_with_tcb)
{
    tu_use_process("tcb");
    HANDLE f = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    HANDLE full = linked(f);
    ck_assert_uint_eq(tk_type(full), TokenPrimary);
    assert_full(full);
    ck_assert(CloseHandle(full));
    ck_assert(CloseHandle(f));
}
END_TEST

START_TEST(uac_lsa_logon_user_split)
{
    HANDLE lsa = th_connect_untrusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "bob", "Bob-Pw1", &out), STATUS_SUCCESS);
    assert_limited(out.token);
    ck_assert(luid_eq(tk_stats(out.token).AuthenticationId, out.logon_id));
    HANDLE full = linked(out.token);
    assert_full(full);
    ck_assert(CloseHandle(full));
    th_release(&out);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* 12.10: the calling process of an administrator. */
START_TEST(uac_process_tokens)
{
    tu_use_process("admin");
    HANDLE p = GetCurrentProcessToken();
    assert_limited(p);
    HANDLE full = linked(p);
    assert_full(full);
    ck_assert(CloseHandle(full));

    tu_use_process("admin-elevated");
    assert_full(p);
    HANDLE lim = linked(p);
    assert_limited(lim);
    ck_assert(CloseHandle(lim));

    /* Session 0 is not split. */
    tu_use_process("admin-service");
    ck_assert_uint_eq(dword_info(p, TokenElevationType), TokenElevationTypeDefault);
    assert_no_link(p);
}
END_TEST

/* Split logons and linked-token queries while another thread resets:
 * every answer is one a reset explains, and nothing is left behind (run
 * under the sanitizers and valgrind, this is the race test of the split
 * sessions). */
static atomic_bool race_stop;
static atomic_ulong race_bad;

static void *split_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 300 && !atomic_load(&race_stop); i++) {
        HANDLE f = NULL;
        if (!LogonUserA("bob", ".", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE, DEF, &f)) {
            atomic_fetch_add(&race_bad, 1);
            continue;
        }
        TOKEN_LINKED_TOKEN lt = {NULL};
        DWORD len;
        if (GetTokenInformation(f, TokenLinkedToken, &lt, sizeof lt, &len)) {
            DWORD type = 0;
            /* The new handle may be closed by a reset at once. */
            if (!GetTokenInformation(lt.LinkedToken, TokenElevationType, &type, sizeof type,
                                     &len) ?
                    GetLastError() != ERROR_INVALID_HANDLE :
                    type != TokenElevationTypeFull)
                atomic_fetch_add(&race_bad, 1);
            CloseHandle(lt.LinkedToken);
        } else if (GetLastError() != ERROR_INVALID_HANDLE) {
            atomic_fetch_add(&race_bad, 1);
        }
        CloseHandle(f);
    }
    return NULL;
}

START_TEST(uac_split_against_resets)
{
    ULONG sessions = th_session_count();
    pthread_t th;
    atomic_store(&race_stop, false);
    atomic_store(&race_bad, 0);
    ck_assert_int_eq(pthread_create(&th, NULL, split_worker, NULL), 0);
    for (int i = 0; i < 100; i++) {
        lsaemu_reset();
        sched_yield();
    }
    atomic_store(&race_stop, true);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_uint_eq(atomic_load(&race_bad), 0);
    lsaemu_reset();
    ck_assert_uint_eq(th_session_count(), sessions);
}
END_TEST

/* ---- 12.11 Declared packages ----------------------------------------------------------- */

/* "text" as a NUL-terminated UTF-16 block in buf; returns its byte length
 * (with the NUL, as OpenSSH passes it). */
static ULONG text_block(WCHAR *buf, const char *text)
{
    size_t n = th_utf16(buf, text);
    buf[n / 2] = 0;
    return (ULONG)(n + 2);
}

START_TEST(packages_lookup)
{
    HANDLE lsa = th_connect_untrusted();
    /* Declared packages follow the built-in ones in policy order. */
    ck_assert_uint_eq(th_package(lsa, "sshd-lsa"), 3);
    ck_assert_uint_eq(th_package(lsa, "vouch"), 4);
    ck_assert_uint_eq(th_package(lsa, "msvlike"), 7);
    LSA_STRING name = th_lsa_string("nosuch");
    ULONG id = 0x5A5A;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(lsa, &name, &id), STATUS_NO_SUCH_PACKAGE);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    /* Without the declaration the name is unknown. */
    tu_load_policy("policies/p0.yaml");
    lsa = th_connect_untrusted();
    name = th_lsa_string("sshd-lsa");
    ck_assert_status_eq(LsaLookupAuthenticationPackage(lsa, &name, &id), STATUS_NO_SUCH_PACKAGE);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

static const struct pkg_row {
    const char *id;
    const char *package;
    const char *text; /* NULL: a NULL block */
    SECURITY_LOGON_TYPE type;
    NTSTATUS status, sub;
    const char *user_sid; /* on success */
} pkg_rows[] = {
    {"text password", "sshd-lsa", "alice;Alice-Pw1", Network, STATUS_SUCCESS, 0, SID_ALICE},
    {"text with domain", "sshd-lsa", "alice;Alice-Pw1;WS1", Network, STATUS_SUCCESS, 0,
     SID_ALICE},
    {"text wrong password", "sshd-lsa", "alice;nope", Network, STATUS_LOGON_FAILURE,
     STATUS_WRONG_PASSWORD, NULL},
    {"text no such user", "sshd-lsa", "zed;x", Network, STATUS_LOGON_FAILURE,
     STATUS_NO_SUCH_USER, NULL},
    {"text no separator", "sshd-lsa", "alice", Network, STATUS_INVALID_PARAMETER, 0, NULL},
    {"text four fields", "sshd-lsa", "a;b;c;d", Network, STATUS_INVALID_PARAMETER, 0, NULL},
    {"text NULL block", "sshd-lsa", NULL, Network, STATUS_INVALID_PARAMETER, 0, NULL},
    {"type not declared", "sshd-lsa", "alice;Alice-Pw1", Interactive, STATUS_INVALID_LOGON_TYPE,
     0, NULL},
    {"type checked after the buffer", "sshd-lsa", "alice", Interactive,
     STATUS_INVALID_PARAMETER, 0, NULL},
    {"trust skips the password", "vouch", "alice;anything", Interactive, STATUS_SUCCESS, 0,
     SID_ALICE},
    {"trust skips password state", "vouch", "frank;x", Interactive, STATUS_SUCCESS, 0,
     SID_MACHINE "-1006"},
    {"trust checks the account", "vouch", "carol;x", Interactive, STATUS_ACCOUNT_RESTRICTION,
     STATUS_ACCOUNT_DISABLED, NULL},
    {"fixed status", "fixed", "whatever", Interactive, STATUS_ACCOUNT_RESTRICTION, 0, NULL},
    {"mapped account", "mapped", "x", Network, STATUS_SUCCESS, 0, SID_ALICE},
};

START_TEST(packages_logon_table)
{
    const struct pkg_row *r = &pkg_rows[_i];
    HANDLE lsa = th_connect_untrusted();
    ULONG pkg = th_package(lsa, r->package);
    WCHAR block[64];
    ULONG len = r->text ? text_block(block, r->text) : 0;
    struct th_logon_out out;
    NTSTATUS st = th_logon(lsa, pkg, r->type, r->text ? block : NULL, len, NULL, &out);
    ck_assert_msg(st == r->status, "%s: got 0x%08X (%s)", r->id, (unsigned)st,
                  lsaemu_last_reason());

    ck_assert_msg(out.sub_status == r->sub, "%s: SubStatus 0x%08X", r->id,
                  (unsigned)out.sub_status);
    if (st != STATUS_SUCCESS) {
        th_assert_failed_outputs(&out);
    } else {
        char buf[192];
        ck_assert_str_eq(tk_user(out.token, buf), r->user_sid);
        /* No profile (GUESS_CUSTOM_PACKAGE_NO_PROFILE), no NTLM SID. */
        ck_assert_ptr_null(out.profile);
        ck_assert_uint_eq(out.profile_len, 0);
        ck_assert(!tk_has_group(out.token, "S-1-5-64-10", NULL));
        ck_assert_uint_eq(tk_type(out.token),
                          r->type == Network ? TokenImpersonation : TokenPrimary);
        /* The session names the package as declared (alice may read her
         * own sessions only). */
        if (strcmp(r->user_sid, SID_ALICE) == 0) {
            PSECURITY_LOGON_SESSION_DATA d = NULL;
            ck_assert_status_eq(LsaGetLogonSessionData(&out.logon_id, &d), STATUS_SUCCESS);
            ck_assert_msg(th_ustr_eq(&d->AuthenticationPackage,
                                     strcmp(r->package, "vouch") == 0 ? "Vouch" : r->package),
                          "%s: package %s", r->id, th_ustr_ascii(&d->AuthenticationPackage));
            ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
        }
        th_release(&out);
    }
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

START_TEST(packages_msv1_0_format)
{
    HANDLE lsa = th_connect_untrusted();
    ULONG pkg = th_package(lsa, "msvlike");
    ULONG len;
    void *buf = th_msv_interactive(".", "alice", "Alice-Pw1", &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, pkg, Interactive, buf, len, NULL, &out), STATUS_SUCCESS);
    char sid[192];
    ck_assert_str_eq(tk_user(out.token, sid), SID_ALICE);
    th_release(&out);
    free(buf);
    buf = th_msv_interactive(".", "alice", "wrong", &len);
    ck_assert_status_eq(th_logon(lsa, pkg, Interactive, buf, len, NULL, &out),
                        STATUS_LOGON_FAILURE);
    th_assert_failed_outputs(&out);
    free(buf);
    /* An S4U block is another shape. */
    buf = th_msv_s4u("alice", ".", 0, &len);
    ck_assert_status_eq(th_logon(lsa, pkg, Network, buf, len, NULL, &out),
                        STATUS_BAD_VALIDATION_CLASS);
    free(buf);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

START_TEST(packages_call_not_implemented)
{
    HANDLE lsa = th_connect_untrusted();
    ULONG pkg = th_package(lsa, "sshd-lsa"), msg = 1, len = 0x5A5A;
    PVOID buf = TH_GARBAGE_PTR;
    NTSTATUS ps = TH_GARBAGE_STATUS;
    ck_assert_status_eq(LsaCallAuthenticationPackage(lsa, pkg, &msg, sizeof msg, &buf, &len, &ps),
                        STATUS_NOT_IMPLEMENTED);
    ck_assert_ptr_null(buf);
    ck_assert_uint_eq(len, 0);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* The loader refuses what cannot be a package (file:line:column). */
START_TEST(packages_loader_errors)
{
    static const struct {
        const char *yaml;
        const char *want;
    } rows[] = {
        {"lsaemu: 1\npackages:\n  Kerberos: { format: text }\n",
         "3:3: package 'Kerberos' is built in; a policy cannot declare it"},
        {"lsaemu: 1\npackages:\n  p: { format: binary }\n",
         "3:16: unknown package format 'binary' (expected msv1_0, text or any)"},
        {"lsaemu: 1\npackages:\n  p: { format: any }\n",
         "3:6: package 'p' reads no credentials (format: any), so it cannot check a password: "
         "give 'answer: trust' with 'account:', or a status"},
        {"lsaemu: 1\npackages:\n  p: { format: text, answer: STATUS_SUCCESS }\n",
         "3:30: answer 'STATUS_SUCCESS' is success, which needs an account to log on: use "
         "'answer: trust' with 'account:'"},
        {"lsaemu: 1\npackages:\n  p: { format: text, logon_types: [Telepathy] }\n",
         NULL},
        {"lsaemu: 1\nmachine: { uac: maybe }\n", NULL},
        {"lsaemu: 1\nprocesses:\n  default: { account: SYSTEM, elevated: 3 }\n", NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct lsaemu_error err;
        memset(&err, 0, sizeof err);
        ck_assert_msg(lsaemu_load_policy_string(rows[i].yaml, "t", &err) != 0, "row %zu loaded",
                      i);
        char got[300];
        snprintf(got, sizeof got, "%d:%d: %s", err.line, err.column, err.text);
        if (rows[i].want)
            ck_assert_str_eq(got, rows[i].want);
        else
            ck_assert_msg(err.line == (i == 4 ? 3 : 2 + (i == 6)), "row %zu: %s", i, got);
    }
}
END_TEST

/* A privilege in enabled: must be held by the token the process gets:
 * under UAC, an administrator's filtered one unless elevated: true. */
START_TEST(uac_enabled_needs_the_full_token)
{
    static const char base[] = "lsaemu: 1\n"
                               "machine: { uac: %s }\n"
                               "accounts:\n"
                               "  bob: { password: b, groups: [Administrators] }\n"
                               "processes:\n"
                               "  default: { account: bob, enabled: [SeDebugPrivilege]%s }\n";
    char text[512];
    struct lsaemu_error err;
    snprintf(text, sizeof text, base, "true", "");
    memset(&err, 0, sizeof err);
    ck_assert_int_ne(lsaemu_load_policy_string(text, "t", &err), 0);
    char got[400];
    snprintf(got, sizeof got, "%d:%d: %s", err.line, err.column, err.text);
    ck_assert_str_eq(got, "6:38: process 'default' cannot enable SeDebugPrivilege: under "
                          "machine.uac its token is the filtered one of administrator bob, "
                          "which does not hold it; add 'elevated: true' to the process for "
                          "the full token");
    snprintf(text, sizeof text, base, "true", ", elevated: true");
    ck_assert_msg(lsaemu_load_policy_string(text, "t", &err) == 0, "%s", err.text);
    ck_assert_int_eq(tk_priv(GetCurrentProcessToken(), 20),
                     SE_PRIVILEGE_ENABLED);
    snprintf(text, sizeof text, base, "false", "");
    ck_assert_msg(lsaemu_load_policy_string(text, "t", &err) == 0, "%s", err.text);
}
END_TEST

/* The writer keeps machine.uac, elevated: and packages: (save, load). */
START_TEST(policy_save_round_trip)
{
    char dir[] = "/tmp/lsaemu-uac-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/p.yaml", dir);
    struct lsaemu_error err;
    ck_assert_msg(lsaemu_save_policy_file(path, &err) == 0, "%s", err.text);
    tu_load_policy("policies/p0.yaml");
    ck_assert_msg(lsaemu_load_policy_file(path, &err) == 0, "%d:%d: %s", err.line, err.column,
                  err.text);
    ck_assert_int_eq(remove(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
    lsaemu_reset();
    HANDLE lsa = th_connect_untrusted();
    ck_assert_uint_eq(th_package(lsa, "sshd-lsa"), 3);
    ck_assert_uint_eq(th_package(lsa, "mapped"), 6);
    ULONG pkg = th_package(lsa, "fixed");
    WCHAR block[8];
    ULONG len = text_block(block, "x");
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, pkg, Network, block, len, NULL, &out),
                        STATUS_ACCOUNT_RESTRICTION);
    pkg = th_package(lsa, "mapped");
    ck_assert_status_eq(th_logon(lsa, pkg, Network, block, len, NULL, &out), STATUS_SUCCESS);
    char sid[192];
    ck_assert_str_eq(tk_user(out.token, sid), SID_ALICE);
    th_release(&out);
    pkg = th_package(lsa, "sshd-lsa");
    len = text_block(block, "x;y");
    ck_assert_status_eq(th_logon(lsa, pkg, Interactive, block, len, NULL, &out),
                        STATUS_INVALID_LOGON_TYPE);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    HANDLE f = logon("bob", "Bob-Pw1", LOGON32_LOGON_INTERACTIVE);
    ck_assert_uint_eq(dword_info(f, TokenElevationType), TokenElevationTypeLimited);
    ck_assert(CloseHandle(f));
    tu_use_process("admin-elevated");
    ck_assert_uint_eq(dword_info(GetCurrentProcessToken(), TokenElevationType),
                      TokenElevationTypeFull);
}
END_TEST

/* ---- 12.9 NegGetCallerName --------------------------------------------------------------- */

struct caller_out {
    NTSTATUS status, protocol;
    PNEGOTIATE_CALLER_NAME_RESPONSE resp;
    ULONG len;
};

static void caller_name(LUID id, ULONG size, struct caller_out *o)
{
    HANDLE lsa = th_connect_untrusted();
    ULONG nego = th_package(lsa, TH_NEGOTIATE);
    NEGOTIATE_CALLER_NAME_REQUEST req = {NegGetCallerName, id};
    o->protocol = TH_GARBAGE_STATUS;
    o->resp = TH_GARBAGE_PTR;
    o->len = 0x5A5A;
    o->status = LsaCallAuthenticationPackage(lsa, nego, &req, size, (PVOID *)&o->resp, &o->len,
                                             &o->protocol);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}

static void assert_name(const struct caller_out *o, const char *want)
{
    ck_assert_status_eq(o->status, STATUS_SUCCESS);
    ck_assert_status_eq(o->protocol, STATUS_SUCCESS);
    ck_assert_ptr_nonnull(o->resp);
    ck_assert_uint_eq(o->resp->MessageType, NegGetCallerName);
    size_t n = strlen(want);
    ck_assert_uint_eq(o->len, sizeof *o->resp + (n + 1) * 2);
    ck_assert_ptr_eq(o->resp->CallerName, (PWSTR)(o->resp + 1));
    for (size_t i = 0; i <= n; i++)
        ck_assert_uint_eq(o->resp->CallerName[i], i < n ? (WCHAR)want[i] : 0);
    ck_assert_status_eq(LsaFreeReturnBuffer(o->resp), STATUS_SUCCESS);
}

static void assert_protocol(const struct caller_out *o, NTSTATUS want)
{
    ck_assert_status_eq(o->status, STATUS_SUCCESS);
    ck_assert_status_eq(o->protocol, want);
    ck_assert_ptr_null(o->resp);
    ck_assert_uint_eq(o->len, 0);
}

START_TEST(caller_name_own_session)
{
    struct caller_out o;
    caller_name((LUID){0, 0}, sizeof(NEGOTIATE_CALLER_NAME_REQUEST), &o);
    assert_name(&o, "WS1\\alice");
    /* A short request fails as a function result. */
    caller_name((LUID){0, 0}, 8, &o);
    ck_assert_status_eq(o.status, STATUS_INVALID_PARAMETER);
    ck_assert_ptr_null(o.resp);
}
END_TEST

START_TEST(caller_name_other_sessions)
{
    HANDLE bob = logon("bob", "Bob-Pw1", LOGON32_LOGON_NETWORK);
    LUID id = tk_stats(bob).AuthenticationId;
    struct caller_out o;
    /* Without SeTcbPrivilege (GUESS_CALLER_NAME_OTHER_SESSION_STATUS). */
    caller_name(id, sizeof(NEGOTIATE_CALLER_NAME_REQUEST), &o);
    assert_protocol(&o, STATUS_PRIVILEGE_NOT_HELD);
    tu_use_process("tcb");
    caller_name(id, sizeof(NEGOTIATE_CALLER_NAME_REQUEST), &o);
    assert_name(&o, "WS1\\bob");
    caller_name((LUID){0x7777777, 0}, sizeof(NEGOTIATE_CALLER_NAME_REQUEST), &o);
    assert_protocol(&o, STATUS_NO_SUCH_LOGON_SESSION);
    /* K13: SYSTEM's own session has no name: "no logged-on domain". */
    caller_name((LUID){0, 0}, sizeof(NEGOTIATE_CALLER_NAME_REQUEST), &o);
    assert_protocol(&o, STATUS_NO_SUCH_LOGON_SESSION);
    ck_assert(CloseHandle(bob));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("uac_packages");
    TCase *tc = tcase_create("uac_packages");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, uac_interactive_admin_is_split);
    tcase_add_test(tc, uac_linked_token_is_a_snapshot);
    tcase_add_test(tc, uac_copies_keep_type_and_link);
    tcase_add_test(tc, uac_logons_not_split);
    tcase_add_test(tc, uac_off_by_default);
    tcase_add_test(tc, uac_linked_token_primary_with_tcb);
    tcase_add_test(tc, uac_lsa_logon_user_split);
    tcase_add_test(tc, uac_process_tokens);
    tcase_add_test(tc, uac_split_against_resets);
    tcase_add_test(tc, packages_lookup);
    tcase_add_loop_test(tc, packages_logon_table, 0, sizeof pkg_rows / sizeof pkg_rows[0]);
    tcase_add_test(tc, packages_msv1_0_format);
    tcase_add_test(tc, packages_call_not_implemented);
    tcase_add_test(tc, packages_loader_errors);
    tcase_add_test(tc, policy_save_round_trip);
    tcase_add_test(tc, uac_enabled_needs_the_full_token);
    tcase_add_test(tc, caller_name_own_session);
    tcase_add_test(tc, caller_name_other_sessions);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
