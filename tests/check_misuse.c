/* SPDX-License-Identifier: MIT */
/*
 * Handle and buffer misuse (issue 5): handles never issued, closed, or of
 * the wrong kind; buffers freed twice, with the wrong function or never
 * ours; NULL, overlong and lying strings; NULL out-parameters. Every row
 * gives the exact status (or BOOL and last error) and the call must never
 * crash. After each row the objects the fixture handed out must still work
 * (a refused call must not have closed or freed anything).
 *
 * Where lsaemu answers differently from Windows the row says "deviation"
 * and the choice is marked `Deviation:` in the library.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "token_helpers.h"

#include <sddl.h>
#include <winternl.h>

/* What the fixture hands every row. */
static struct fx {
    HANDLE lsa;        /* LsaRegisterLogonProcess */
    HANDLE lsa_closed; /* deregistered */
    ULONG msv;
    HANDLE token;      /* LogonUserW alice */
    HANDLE token_closed;
    LSA_HANDLE policy; /* LsaOpenPolicy */
    LSA_HANDLE policy_closed;
    PVOID profile;     /* LsaLogonUser profile (LsaFreeReturnBuffer) */
    HANDLE profile_token;
    PVOID freed_profile;
    PLSA_UNICODE_STRING rights; /* LsaEnumerateAccountRights (LsaFreeMemory) */
    PSID local_sid;    /* ConvertStringSidToSidA (LocalFree) */
    void *submit;      /* a good MSV1_0 interactive submit block */
    ULONG submit_len;
    BYTE alice_sid[68];
} fx;

#define NEVER_ISSUED ((HANDLE)(uintptr_t)0x7FFF0F00u)

static NTSTATUS logon_with(HANDLE lsa, void *buf, ULONG len, struct th_logon_out *out)
{
    return th_logon(lsa, fx.msv, Interactive, buf, len, NULL, out);
}

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    tu_use_process("tcb");
    memset(&fx, 0, sizeof fx);
    fx.lsa = th_connect_trusted();
    fx.msv = th_package(fx.lsa, TH_MSV1_0);
    fx.lsa_closed = th_connect_untrusted();
    ck_assert_status_eq(LsaDeregisterLogonProcess(fx.lsa_closed), STATUS_SUCCESS);

    WCHAR u[16], d[4], p[16];
    ck_assert(LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE),
                         LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &fx.token));
    ck_assert(LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE),
                         LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                         &fx.token_closed));
    ck_assert(CloseHandle(fx.token_closed));

    LSA_OBJECT_ATTRIBUTES attrs;
    memset(&attrs, 0, sizeof attrs);
    ck_assert_status_eq(LsaOpenPolicy(NULL, &attrs, POLICY_ALL_ACCESS, &fx.policy),
                        STATUS_SUCCESS);
    ck_assert_status_eq(LsaOpenPolicy(NULL, &attrs, POLICY_ALL_ACCESS, &fx.policy_closed),
                        STATUS_SUCCESS);
    ck_assert_status_eq(LsaClose(fx.policy_closed), STATUS_SUCCESS);

    fx.submit = th_msv_interactive(".", "alice", PW_ALICE, &fx.submit_len);
    struct th_logon_out out;
    ck_assert_status_eq(logon_with(fx.lsa, fx.submit, fx.submit_len, &out), STATUS_SUCCESS);
    fx.profile = out.profile;
    fx.profile_token = out.token;
    ck_assert_status_eq(logon_with(fx.lsa, fx.submit, fx.submit_len, &out), STATUS_SUCCESS);
    fx.freed_profile = out.profile;
    ck_assert_status_eq(LsaFreeReturnBuffer(out.profile), STATUS_SUCCESS);
    ck_assert(CloseHandle(out.token));

    tk_sid(fx.alice_sid, SID_ALICE);
    ULONG n = 0;
    ck_assert_status_eq(LsaEnumerateAccountRights(fx.policy, tk_sid(fx.alice_sid, "S-1-5-32-545"),
                                                  &fx.rights, &n),
                        STATUS_SUCCESS);
    tk_sid(fx.alice_sid, SID_ALICE);
    ck_assert(ConvertStringSidToSidA("S-1-5-32-544", &fx.local_sid));
}

/* The fixture's objects still work, then everything is released. */
static void teardown(void)
{
    DWORD len = 0;
    BYTE buf[512];
    ck_assert(GetTokenInformation(fx.token, TokenUser, buf, sizeof buf, &len));
    ck_assert(CloseHandle(fx.token));
    ck_assert(CloseHandle(fx.profile_token));
    ULONG id = 99;
    LSA_STRING name = th_lsa_string(TH_MSV1_0);
    ck_assert_status_eq(LsaLookupAuthenticationPackage(fx.lsa, &name, &id), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(fx.lsa), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeReturnBuffer(fx.profile), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeMemory(fx.rights), STATUS_SUCCESS);
    ck_assert_ptr_null(LocalFree(fx.local_sid));
    ck_assert_status_eq(LsaClose(fx.policy), STATUS_SUCCESS);
    free(fx.submit);
}

/* A row's answer: an NTSTATUS, or a BOOL with its last error. */
struct got {
    NTSTATUS st;
    DWORD err; /* BOOL rows: GetLastError() after a FALSE/TRUE answer */
};

#define NT(x) ((struct got){(x), 0})

static struct got from_bool(BOOL ok)
{
    struct got g = {ok ? 1 : 0, GetLastError()};
    return g;
}

/* ---- Rows --------------------------------------------------------------------- */

static struct got r_dereg_never(void) { return NT(LsaDeregisterLogonProcess(NEVER_ISSUED)); }
static struct got r_dereg_closed(void) { return NT(LsaDeregisterLogonProcess(fx.lsa_closed)); }
static struct got r_dereg_token(void) { return NT(LsaDeregisterLogonProcess(fx.token)); }
static struct got r_dereg_policy(void) { return NT(LsaDeregisterLogonProcess(fx.policy)); }
static struct got r_dereg_null(void) { return NT(LsaDeregisterLogonProcess(NULL)); }
static struct got r_close_lsa(void) { return from_bool(CloseHandle(fx.lsa)); }
static struct got r_close_policy(void) { return from_bool(CloseHandle(fx.policy)); }
static struct got r_close_never(void) { return from_bool(CloseHandle(NEVER_ISSUED)); }
static struct got r_close_closed(void) { return from_bool(CloseHandle(fx.token_closed)); }
static struct got r_close_process(void) { return from_bool(CloseHandle(GetCurrentProcess())); }
static struct got r_close_null(void) { return from_bool(CloseHandle(NULL)); }
static struct got r_close_misaligned(void)
{
    return from_bool(CloseHandle((HANDLE)((uintptr_t)fx.token + 1)));
}
static struct got r_lsaclose_conn(void) { return NT(LsaClose(fx.lsa)); }
static struct got r_lsaclose_token(void) { return NT(LsaClose(fx.token)); }
static struct got r_lsaclose_closed(void) { return NT(LsaClose(fx.policy_closed)); }
static struct got r_lsaclose_null(void) { return NT(LsaClose(NULL)); }

static struct got r_logon_policy(void)
{
    struct th_logon_out out;
    NTSTATUS st = logon_with(fx.policy, fx.submit, fx.submit_len, &out);
    th_assert_failed_outputs(&out);
    return NT(st);
}
static struct got r_logon_token(void)
{
    struct th_logon_out out;
    NTSTATUS st = logon_with(fx.token, fx.submit, fx.submit_len, &out);
    th_assert_failed_outputs(&out);
    return NT(st);
}
static struct got r_logon_closed(void)
{
    struct th_logon_out out;
    NTSTATUS st = logon_with(fx.lsa_closed, fx.submit, fx.submit_len, &out);
    th_assert_failed_outputs(&out);
    return NT(st);
}
static struct got r_lookup_policy(void)
{
    LSA_STRING name = th_lsa_string(TH_MSV1_0);
    ULONG id = 77;
    return NT(LsaLookupAuthenticationPackage(fx.policy, &name, &id));
}
static struct got r_callpkg_token(void)
{
    ULONG msg = 0; /* any message: the handle is checked first */
    PVOID ret = TH_GARBAGE_PTR;
    ULONG ret_len = 5;
    NTSTATUS proto = 0;
    NTSTATUS st = LsaCallAuthenticationPackage(fx.token, fx.msv, &msg, sizeof msg, &ret,
                                               &ret_len, &proto);
    ck_assert_ptr_null(ret);
    ck_assert_uint_eq(ret_len, 0);
    return NT(st);
}
static struct got r_tokinfo_lsa(void)
{
    BYTE buf[256];
    DWORD len = 0;
    return from_bool(GetTokenInformation(fx.lsa, TokenUser, buf, sizeof buf, &len));
}
static struct got r_tokinfo_closed(void)
{
    BYTE buf[256];
    DWORD len = 0;
    return from_bool(GetTokenInformation(fx.token_closed, TokenUser, buf, sizeof buf, &len));
}
static struct got r_tokinfo_null_len(void)
{
    BYTE buf[256];
    return from_bool(GetTokenInformation(fx.token, TokenUser, buf, sizeof buf, NULL));
}
static struct got r_enum_rights_conn(void)
{
    PLSA_UNICODE_STRING r = TH_GARBAGE_PTR;
    ULONG n = 3;
    NTSTATUS st = LsaEnumerateAccountRights(fx.lsa, (PSID)fx.alice_sid, &r, &n);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(n, 0);
    return NT(st);
}
static struct got r_enum_rights_null_out(void)
{
    ULONG n = 3;
    return NT(LsaEnumerateAccountRights(fx.policy, (PSID)fx.alice_sid, NULL, &n));
}
static struct got r_add_rights_token(void)
{
    LSA_UNICODE_STRING u;
    WCHAR b[32];
    u.Length = u.MaximumLength = (USHORT)th_utf16(b, "SeBatchLogonRight");
    u.Buffer = b;
    return NT(LsaAddAccountRights(fx.token, (PSID)fx.alice_sid, &u, 1));
}
static struct got r_add_rights_lying_length(void)
{
    /* Length > MaximumLength: refused before anything is read or changed. */
    LSA_UNICODE_STRING u;
    WCHAR b[32];
    u.MaximumLength = (USHORT)th_utf16(b, "SeBatchLogonRight");
    u.Length = (USHORT)(u.MaximumLength + 2);
    u.Buffer = b;
    return NT(LsaAddAccountRights(fx.policy, (PSID)fx.alice_sid, &u, 1));
}
static struct got r_add_rights_odd_length(void)
{
    LSA_UNICODE_STRING u;
    WCHAR b[32];
    u.MaximumLength = (USHORT)th_utf16(b, "SeBatchLogonRight");
    u.Length = (USHORT)(u.MaximumLength - 1);
    u.Buffer = b;
    return NT(LsaAddAccountRights(fx.policy, (PSID)fx.alice_sid, &u, 1));
}
static struct got r_free_return_foreign(void)
{
    static char not_ours[64];
    return NT(LsaFreeReturnBuffer(not_ours));
}
static struct got r_free_return_twice(void) { return NT(LsaFreeReturnBuffer(fx.freed_profile)); }
static struct got r_free_return_lsamem(void) { return NT(LsaFreeReturnBuffer(fx.rights)); }
static struct got r_free_return_null(void) { return NT(LsaFreeReturnBuffer(NULL)); }
static struct got r_free_memory_profile(void) { return NT(LsaFreeMemory(fx.profile)); }
static struct got r_free_memory_heap(void)
{
    void *p = malloc(16);
    NTSTATUS st = LsaFreeMemory(p);
    free(p); /* still ours: lsaemu did not touch it */
    return NT(st);
}
static struct got r_local_free_lsamem(void)
{
    SetLastError(0);
    HLOCAL back = LocalFree(fx.rights);
    ck_assert_ptr_eq(back, fx.rights);
    return from_bool(back == NULL);
}
static struct got r_local_free_profile(void)
{
    HLOCAL back = LocalFree(fx.profile);
    ck_assert_ptr_eq(back, fx.profile);
    return from_bool(back == NULL);
}
static struct got r_register_null_name(void)
{
    HANDLE h = TH_GARBAGE_PTR;
    LSA_OPERATIONAL_MODE m;
    NTSTATUS st = LsaRegisterLogonProcess(NULL, &h, &m);
    return NT(st);
}
static struct got r_register_lying_name(void)
{
    /* Length 0xFFFF over a 4-byte buffer: the caller's lie. lsaemu refuses
     * any name over 127 bytes before reading it, so the lie is never read;
     * a lie of at most 127 bytes would be read as given (as Windows would
     * copy it), which no emulator can detect. */
    char shortbuf[4] = "abc";
    LSA_STRING s = {0xFFFF, 0xFFFF, shortbuf};
    HANDLE h = TH_GARBAGE_PTR;
    LSA_OPERATIONAL_MODE m;
    return NT(LsaRegisterLogonProcess(&s, &h, &m));
}
static struct got r_lookup_lying_name(void)
{
    char shortbuf[4] = "abc";
    LSA_STRING s = {0xFFFF, 4, shortbuf};
    ULONG id = 0;
    return NT(LsaLookupAuthenticationPackage(fx.lsa, &s, &id));
}
static struct got r_lookup_null_name(void)
{
    ULONG id = 0;
    return NT(LsaLookupAuthenticationPackage(fx.lsa, NULL, &id));
}
static struct got r_lookup_null_out(void)
{
    LSA_STRING name = th_lsa_string(TH_MSV1_0);
    return NT(LsaLookupAuthenticationPackage(fx.lsa, &name, NULL));
}

/* A copy of the good submit block with one string broken. which: 0 length >
 * maximum, 1 odd length, 2 pointer outside the block (before it), 3 block
 * length larger than the structure with the pointer past the end. */
static struct got submit_lie(int which)
{
    ULONG len = fx.submit_len + (which == 3 ? 64 : 0);
    BYTE *copy = calloc(1, len);
    memcpy(copy, fx.submit, fx.submit_len);
    MSV1_0_INTERACTIVE_LOGON *h = (MSV1_0_INTERACTIVE_LOGON *)copy;
    /* The block's strings point into fx.submit: move them into the copy. */
    ptrdiff_t delta = copy - (BYTE *)fx.submit;
    h->LogonDomainName.Buffer = (PWSTR)((BYTE *)h->LogonDomainName.Buffer + delta);
    h->UserName.Buffer = (PWSTR)((BYTE *)h->UserName.Buffer + delta);
    h->Password.Buffer = (PWSTR)((BYTE *)h->Password.Buffer + delta);
    static WCHAR outside[8];
    switch (which) {
    case 0:
        h->UserName.Length = (USHORT)(h->UserName.MaximumLength + 2);
        break;
    case 1:
        h->UserName.Length = (USHORT)(h->UserName.Length - 1);
        break;
    case 2:
        h->UserName.Buffer = outside;
        break;
    case 3:
        h->UserName.Buffer = (PWSTR)(copy + len + 4096);
        break;
    }
    struct th_logon_out out;
    NTSTATUS st = logon_with(fx.lsa, copy, len, &out);
    th_assert_failed_outputs(&out);
    free(copy);
    return NT(st);
}
static struct got r_submit_len_gt_max(void) { return submit_lie(0); }
static struct got r_submit_odd_len(void) { return submit_lie(1); }
static struct got r_submit_ptr_outside(void) { return submit_lie(2); }
static struct got r_submit_bigger_block_ptr_past(void) { return submit_lie(3); }
static struct got r_submit_len_too_small(void)
{
    struct th_logon_out out;
    NTSTATUS st = logon_with(fx.lsa, fx.submit, 8, &out);
    th_assert_failed_outputs(&out);
    return NT(st);
}
static struct got r_logon_null_token_out(void)
{
    LSA_STRING origin = th_lsa_string("misuse");
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    PVOID profile = TH_GARBAGE_PTR;
    ULONG plen = 9;
    LUID id;
    QUOTA_LIMITS q;
    NTSTATUS sub;
    NTSTATUS st = LsaLogonUser(fx.lsa, &origin, Interactive, fx.msv, fx.submit, fx.submit_len,
                               NULL, &source, &profile, &plen, &id, NULL, &q, &sub);
    ck_assert_ptr_null(profile);
    ck_assert_uint_eq(plen, 0);
    return NT(st);
}
static struct got r_logon_null_profile_out(void)
{
    LSA_STRING origin = th_lsa_string("misuse");
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    ULONG plen = 9;
    LUID id;
    HANDLE tok = TH_GARBAGE_PTR;
    QUOTA_LIMITS q;
    NTSTATUS sub;
    NTSTATUS st = LsaLogonUser(fx.lsa, &origin, Interactive, fx.msv, fx.submit, fx.submit_len,
                               NULL, &source, NULL, &plen, &id, &tok, &q, &sub);
    ck_assert_ptr_null(tok);
    return NT(st);
}
static struct got r_logonuser_null_token(void)
{
    WCHAR u[16], d[4], p[16];
    return from_bool(LogonUserW(tk_w(u, "alice"), tk_w(d, "."), tk_w(p, PW_ALICE),
                                LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, NULL));
}
static struct got r_logonuser_null_user(void)
{
    WCHAR d[4], p[16];
    HANDLE tok = TH_GARBAGE_PTR;
    struct got g = from_bool(LogonUserW(NULL, tk_w(d, "."), tk_w(p, PW_ALICE),
                                        LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                                        &tok));
    ck_assert_ptr_null(tok);
    return g;
}
static struct got r_logonuser_overlong_user(void)
{
    static WCHAR u[4096];
    for (size_t i = 0; i < 4095; i++)
        u[i] = 'a';
    WCHAR d[4], p[16];
    HANDLE tok = TH_GARBAGE_PTR;
    struct got g = from_bool(LogonUserW(u, tk_w(d, "."), tk_w(p, PW_ALICE),
                                        LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                                        &tok));
    ck_assert_ptr_null(tok);
    return g;
}
static struct got r_connect_null_out(void) { return NT(LsaConnectUntrusted(NULL)); }

/* ---- The table ---------------------------------------------------------------- */

/* Issue 13b: the token functions of behavior.md 12 on wrong handles. */
static struct got r_restrict_lsa(void)
{
    HANDLE out = NULL;
    return from_bool(CreateRestrictedToken(fx.lsa, 0, 0, NULL, 0, NULL, 0, NULL, &out));
}
static struct got r_restrict_closed(void)
{
    HANDLE out = NULL;
    return from_bool(CreateRestrictedToken(fx.token_closed, 0, 0, NULL, 0, NULL, 0, NULL, &out));
}
static struct got r_settoken_policy(void)
{
    TOKEN_DEFAULT_DACL d = {NULL};
    return from_bool(SetTokenInformation(fx.policy, TokenDefaultDacl, &d, sizeof d));
}
static struct got r_settoken_closed(void)
{
    TOKEN_DEFAULT_DACL d = {NULL};
    return from_bool(SetTokenInformation(fx.token_closed, TokenDefaultDacl, &d, sizeof d));
}
static struct got r_ntdup_policy(void)
{
    HANDLE out = NULL;
    return NT(NtDuplicateToken(fx.policy, 0, NULL, FALSE, TokenPrimary, &out));
}
static struct got r_ntdup_closed(void)
{
    HANDLE out = NULL;
    return NT(NtDuplicateToken(fx.token_closed, 0, NULL, FALSE, TokenPrimary, &out));
}
static struct got r_restricted_lsa(void) { return from_bool(IsTokenRestricted(fx.lsa)); }
static struct got r_close_token_pseudo(void)
{
    return from_bool(CloseHandle(GetCurrentThreadEffectiveToken()));
}

#define BOOL_FALSE(e) 0, (e)
/* A success leaves the last error as it was (GUESS_SUCCESS_LEAVES_LAST_ERROR):
 * the 0xDEAD every row starts with. */
#define BOOL_TRUE 1, 0xDEAD

static const struct row {
    const char *name;
    struct got (*run)(void);
    NTSTATUS want;
    DWORD want_err;
} rows[] = {
    {"LsaDeregisterLogonProcess(never issued)", r_dereg_never, STATUS_INVALID_HANDLE, 0},
    {"LsaDeregisterLogonProcess(deregistered)", r_dereg_closed, STATUS_INVALID_HANDLE, 0},
    {"LsaDeregisterLogonProcess(token)", r_dereg_token, STATUS_INVALID_HANDLE, 0},
    {"LsaDeregisterLogonProcess(policy handle)", r_dereg_policy, STATUS_INVALID_HANDLE, 0},
    {"LsaDeregisterLogonProcess(NULL)", r_dereg_null, STATUS_INVALID_HANDLE, 0},
    {"CloseHandle(LSA handle)", r_close_lsa, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"CloseHandle(policy handle)", r_close_policy, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"CloseHandle(never issued)", r_close_never, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"CloseHandle(closed token)", r_close_closed, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    /* deviation: see handle_close.c. */
    {"CloseHandle(GetCurrentProcess()) deviation", r_close_process,
     BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"CloseHandle(NULL)", r_close_null, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"CloseHandle(token + 1)", r_close_misaligned, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"LsaClose(connection handle)", r_lsaclose_conn, STATUS_INVALID_HANDLE, 0},
    {"LsaClose(token)", r_lsaclose_token, STATUS_INVALID_HANDLE, 0},
    {"LsaClose(closed policy handle)", r_lsaclose_closed, STATUS_INVALID_HANDLE, 0},
    {"LsaClose(NULL)", r_lsaclose_null, STATUS_INVALID_HANDLE, 0},
    {"LsaLogonUser(policy handle)", r_logon_policy, STATUS_INVALID_HANDLE, 0},
    {"LsaLogonUser(token)", r_logon_token, STATUS_INVALID_HANDLE, 0},
    {"LsaLogonUser(deregistered)", r_logon_closed, STATUS_INVALID_HANDLE, 0},
    {"LsaLookupAuthenticationPackage(policy handle)", r_lookup_policy, STATUS_INVALID_HANDLE, 0},
    {"LsaCallAuthenticationPackage(token)", r_callpkg_token, STATUS_INVALID_HANDLE, 0},
    {"GetTokenInformation(LSA handle)", r_tokinfo_lsa, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"GetTokenInformation(closed token)", r_tokinfo_closed, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"GetTokenInformation(ReturnLength NULL)", r_tokinfo_null_len, BOOL_FALSE(ERROR_NOACCESS)},
    {"LsaEnumerateAccountRights(connection handle)", r_enum_rights_conn, STATUS_INVALID_HANDLE,
     0},
    {"LsaEnumerateAccountRights(UserRights NULL)", r_enum_rights_null_out,
     STATUS_INVALID_PARAMETER, 0},
    {"LsaAddAccountRights(token)", r_add_rights_token, STATUS_INVALID_HANDLE, 0},
    /* GUESS_RPC_STRING_BOUND_STATUS: the RPC stub's bound check. */
    {"LsaAddAccountRights(Length > MaximumLength)", r_add_rights_lying_length,
     RPC_NT_INVALID_BOUND, 0},
    /* Marshalled as Length / 2 units: "SeBatchLogonRigh" names nothing. */
    {"LsaAddAccountRights(odd Length)", r_add_rights_odd_length, STATUS_NO_SUCH_PRIVILEGE, 0},
    {"LsaFreeReturnBuffer(foreign)", r_free_return_foreign, STATUS_MEMORY_NOT_ALLOCATED, 0},
    {"LsaFreeReturnBuffer(already freed)", r_free_return_twice, STATUS_MEMORY_NOT_ALLOCATED, 0},
    {"LsaFreeReturnBuffer(LsaFreeMemory buffer)", r_free_return_lsamem,
     STATUS_MEMORY_NOT_ALLOCATED, 0},
    {"LsaFreeReturnBuffer(NULL)", r_free_return_null, STATUS_SUCCESS, 0},
    {"LsaFreeMemory(LsaLogonUser profile)", r_free_memory_profile, STATUS_MEMORY_NOT_ALLOCATED,
     0},
    {"LsaFreeMemory(malloc block)", r_free_memory_heap, STATUS_MEMORY_NOT_ALLOCATED, 0},
    {"LocalFree(LsaFreeMemory buffer)", r_local_free_lsamem, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"LocalFree(LsaLogonUser profile)", r_local_free_profile, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"LsaRegisterLogonProcess(NULL name)", r_register_null_name, STATUS_INVALID_PARAMETER, 0},
    {"LsaRegisterLogonProcess(Length 0xFFFF, short buffer)", r_register_lying_name,
     STATUS_NAME_TOO_LONG, 0},
    {"LsaLookupAuthenticationPackage(Length 0xFFFF, short buffer)", r_lookup_lying_name,
     STATUS_NAME_TOO_LONG, 0},
    {"LsaLookupAuthenticationPackage(NULL name)", r_lookup_null_name, STATUS_INVALID_PARAMETER,
     0},
    {"LsaLookupAuthenticationPackage(NULL out)", r_lookup_null_out, STATUS_INVALID_PARAMETER, 0},
    {"LsaLogonUser(UserName Length > MaximumLength)", r_submit_len_gt_max,
     STATUS_INVALID_PARAMETER, 0},
    {"LsaLogonUser(UserName odd Length)", r_submit_odd_len, STATUS_INVALID_PARAMETER, 0},
    {"LsaLogonUser(UserName outside the block)", r_submit_ptr_outside, STATUS_INVALID_PARAMETER,
     0},
    {"LsaLogonUser(bigger block, UserName past its end)", r_submit_bigger_block_ptr_past,
     STATUS_INVALID_PARAMETER, 0},
    {"LsaLogonUser(block shorter than the structure)", r_submit_len_too_small,
     STATUS_INVALID_PARAMETER, 0},
    {"LsaLogonUser(Token NULL)", r_logon_null_token_out, STATUS_INVALID_PARAMETER, 0},
    {"LsaLogonUser(ProfileBuffer NULL)", r_logon_null_profile_out, STATUS_INVALID_PARAMETER, 0},
    {"LogonUserW(phToken NULL)", r_logonuser_null_token, BOOL_FALSE(ERROR_INVALID_PARAMETER)},
    /* A NULL name is the empty name (RtlInitUnicodeString(NULL)): no such user. */
    {"LogonUserW(lpszUsername NULL)", r_logonuser_null_user, BOOL_FALSE(ERROR_LOGON_FAILURE)},
    /* GUESS_MAX_NAME_BYTES: STATUS_NAME_TOO_LONG, Win32 206. */
    {"LogonUserW(4095-character user name)", r_logonuser_overlong_user,
     BOOL_FALSE(ERROR_FILENAME_EXCED_RANGE)},
    {"LsaConnectUntrusted(NULL)", r_connect_null_out, STATUS_INVALID_PARAMETER, 0},
    /* Issue 13b (behavior.md 12.2, 12.6-12.8). */
    {"CreateRestrictedToken(LSA handle)", r_restrict_lsa, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"CreateRestrictedToken(closed token)", r_restrict_closed, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"SetTokenInformation(policy handle)", r_settoken_policy, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"SetTokenInformation(closed token)", r_settoken_closed, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"NtDuplicateToken(policy handle)", r_ntdup_policy, STATUS_INVALID_HANDLE, 0},
    {"NtDuplicateToken(closed token)", r_ntdup_closed, STATUS_INVALID_HANDLE, 0},
    {"IsTokenRestricted(LSA handle)", r_restricted_lsa, BOOL_FALSE(ERROR_INVALID_HANDLE)},
    {"CloseHandle(GetCurrentThreadEffectiveToken())", r_close_token_pseudo, BOOL_TRUE},
};

#define N_ROWS (sizeof rows / sizeof rows[0])

START_TEST(misuse)
{
    const struct row *r = &rows[_i];
    ULONG sessions = th_session_count();
    SetLastError(0xDEAD);
    struct got g = r->run();
    /* BOOL rows have a nonzero want_err, or want TRUE (1) with 0. */
    int is_bool = r->want_err != 0 || (r->want == 1 && r->want_err == 0);
    if (is_bool) {
        ck_assert_msg(g.st == r->want, "%s: returned %s", r->name, g.st ? "TRUE" : "FALSE");
        ck_assert_msg(g.err == r->want_err, "%s: last error %u (%s), want %u (%s)", r->name,
                      (unsigned)g.err, tu_win32_name(g.err), (unsigned)r->want_err,
                      tu_win32_name(r->want_err));
    } else {
        ck_assert_msg(g.st == r->want, "%s: got %s (0x%08X), want %s", r->name,
                      tu_status_name(g.st), (unsigned)g.st, tu_status_name(r->want));
    }
    /* A refused call made and ended no logon session. */
    ck_assert_msg(th_session_count() == sessions, "%s: sessions %u -> %u", r->name,
                  (unsigned)sessions, (unsigned)th_session_count());
}
END_TEST

START_TEST(misuse_table_has_thirty_rows)
{
    ck_assert_uint_ge(N_ROWS, 30);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("misuse");
    TCase *tc = tcase_create("misuse");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, misuse, 0, (int)N_ROWS);
    tcase_add_test(tc, misuse_table_has_thirty_rows);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
