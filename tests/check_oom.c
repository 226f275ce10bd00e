/* SPDX-License-Identifier: MIT */
/*
 * Allocation failures (issue 5): for every N, the Nth allocation the library
 * makes (lib/base/mem.h) and every later one fails; each entry point must
 * then answer with its Windows out-of-memory status, leave every
 * out-parameter as on any other failure, change nothing and leak nothing
 * (the live-allocation count, the handle table, the returned-buffer
 * registry and the logon-session list are compared before and after).
 *
 * The out-of-memory answer of each function (what its code path returns):
 *   policy load (lsaemu_load_policy_*)  -1, err.text "out of memory ...",
 *                                       the previous policy stays in force
 *   LsaLogonUser                        STATUS_NO_MEMORY, or
 *                                       STATUS_QUOTA_EXCEEDED when only the
 *                                       profile buffer could not be had
 *                                       (as the SDK documents)
 *   LogonUserW                          FALSE, ERROR_NOT_ENOUGH_MEMORY (8)
 *   GetTokenInformation                 allocates nothing: it answers even
 *                                       when every allocation fails, but
 *                                       for TokenLinkedToken of a split
 *                                       token (a new token and handle):
 *                                       FALSE, ERROR_NOT_ENOUGH_MEMORY
 *   CreateRestrictedToken               FALSE, ERROR_NOT_ENOUGH_MEMORY,
 *                                       *NewTokenHandle NULL
 *   LsaAddAccountRights                 STATUS_INSUFFICIENT_RESOURCES (the
 *                                       rights database is unchanged)
 *   LsaEnumerateAccountRights           STATUS_INSUFFICIENT_RESOURCES,
 *                                       *UserRights NULL, *CountOfRights 0
 *   LsaLookupNames,                     STATUS_INSUFFICIENT_RESOURCES, both
 *   LsaQueryInformationPolicy           outputs NULL
 *   LsaGetUserName                      STATUS_NO_MEMORY
 *   LsaManageSidNameMapping             STATUS_NO_MEMORY, *OpOutput NULL,
 *                                       the mappings unchanged
 *   AllocateAndInitializeSid            FALSE, ERROR_NOT_ENOUGH_MEMORY (8)
 *
 * libyaml's own allocations are not hooked (mem.h): the loader is covered
 * from its first own allocation on.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/state/handles.h"
#include "base/mem.h"
#include "core/state/retbuf.h"
#include "token_helpers.h"

/* Most allocations any single call below makes; a loop that gets here
 * without a success means the call keeps failing for another reason. */
#define MAX_N 5000

struct snapshot {
    long live;
    unsigned handles;
    size_t buffers;
};

static struct snapshot snap(void)
{
    struct snapshot s = {mem_live_count(), handles_count(), retbuf_count()};
    return s;
}

static void assert_same(struct snapshot a, struct snapshot b, const char *what, unsigned long n)
{
    ck_assert_msg(a.live == b.live, "%s, N=%lu: %ld blocks leaked", what, n, b.live - a.live);
    ck_assert_msg(a.handles == b.handles, "%s, N=%lu: handles %u -> %u", what, n, a.handles,
                  b.handles);
    ck_assert_msg(a.buffers == b.buffers, "%s, N=%lu: buffers %zu -> %zu", what, n, a.buffers,
                  b.buffers);
}

static void setup(void)
{
    mem_fail_reset();
    tu_load_policy("policies/p0.yaml");
    tu_use_process("tcb");
}

static void teardown(void)
{
    mem_fail_reset();
}

/* ---- Policy load ---------------------------------------------------------------- */

static const char marker_policy[] = "lsaemu: 1\n"
                                    "machine: { name: MARKER, sid: S-1-5-21-7-8-9 }\n"
                                    "base: workstation\n"
                                    "accounts:\n"
                                    "  marker: { password: M-Pw1, rid: 1001, groups: [Users] }\n";

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return buf;
}

static BOOL logon_w(const char *user, const char *password, HANDLE *tok)
{
    WCHAR u[64], p[64], d[8];
    return LogonUserW(tk_w(u, user), tk_w(d, "."), tk_w(p, password),
                      LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, tok);
}

/* Every N over the load of text: out of memory, nothing leaked, the
 * previous policy in force; then it loads. */
static void oom_load_text(const char *text, const char *source)
{
    unsigned long n;
    int done = 0;
    for (n = 0; n < MAX_N && !done; n++) {
        struct lsaemu_error err;
        ck_assert_int_eq(lsaemu_load_policy_string(marker_policy, "marker", &err), 0);
        struct snapshot before = snap();
        unsigned long failed = mem_failed_count();
        mem_fail_after(n);
        int rc = lsaemu_load_policy_string(text, source, &err);
        mem_fail_reset();
        if (mem_failed_count() == failed) {
            ck_assert_msg(rc == 0, "N=%lu: load failed without an allocation failure: %s", n,
                          err.text);
            done = 1;
            break;
        }
        ck_assert_msg(rc == -1, "N=%lu: an allocation failed but the load succeeded", n);
        ck_assert_msg(strncmp(err.text, "out of memory", 13) == 0, "N=%lu: error text '%s'", n,
                      err.text);
        assert_same(before, snap(), "policy load", n);
        /* The previous policy is still in force. */
        HANDLE tok = NULL;
        ck_assert_msg(logon_w("marker", "M-Pw1", &tok), "N=%lu: marker policy gone (%u)", n,
                      (unsigned)GetLastError());
        ck_assert(CloseHandle(tok));
    }
    ck_assert_msg(done, "the load never succeeded");
    ck_assert_uint_gt(n, 10);
}

START_TEST(oom_policy_load)
{
    oom_load_text(read_file(tu_path("policies/p0.yaml")), "p0.yaml");
}
END_TEST

/* Anchors and aliases (issue 11): the anchor table, and the lists resolved
 * once for every group and account that aliases them. */
static const char aliased_policy[] =
    "\xEF\xBB\xBFlsaemu: 1\n"
    "accounts:\n"
    "  alice: { password: a, groups: &gl [Users, devs, ops] }\n"
    "  bob: { password: b, groups: *gl }\n"
    "  carol: &c { password: c, groups: *gl }\n"
    "  dave: *c\n"
    "groups:\n"
    "  devs: { members: &ml [alice, bob, \"*S-1-5-21-1-2-3-1000\"] }\n"
    "  ops: { members: *ml }\n"
    "  Backup Operators: { members: *ml, description: &d backup }\n"
    "  Power Users: { description: *d }\n"
    "  nested: { members: [devs] }\n";

START_TEST(oom_policy_load_aliased)
{
    oom_load_text(aliased_policy, "aliased");
}
END_TEST

/* The same through lsaemu_load_policy_file. */
START_TEST(oom_policy_load_file)
{
    unsigned long n;
    int done = 0;
    for (n = 0; n < MAX_N && !done; n++) {
        struct lsaemu_error err;
        ck_assert_int_eq(lsaemu_load_policy_string(marker_policy, "marker", &err), 0);
        long live = mem_live_count();
        unsigned long failed = mem_failed_count();
        mem_fail_after(n);
        int rc = lsaemu_load_policy_file(tu_path("policies/p0-domain.yaml"), &err);
        mem_fail_reset();
        if (mem_failed_count() == failed) {
            ck_assert_int_eq(rc, 0);
            done = 1;
            break;
        }
        ck_assert_msg(rc == -1 && strncmp(err.text, "out of memory", 13) == 0,
                      "N=%lu: rc %d, '%s'", n, rc, err.text);
        ck_assert_msg(mem_live_count() == live, "N=%lu: leaked %ld", n, mem_live_count() - live);
        HANDLE tok = NULL;
        ck_assert(logon_w("marker", "M-Pw1", &tok));
        ck_assert(CloseHandle(tok));
    }
    ck_assert(done);
}
END_TEST

/* ---- LsaLogonUser ------------------------------------------------------------------ */

static void lsa_logon_loop(const char *package, int kerb, SECURITY_LOGON_TYPE type)
{
    HANDLE lsa = th_connect_trusted();
    ULONG pkg = th_package(lsa, package);
    ULONG len = 0;
    void *buf = kerb ? th_kerb_interactive(".", "alice", PW_ALICE, &len)
                     : th_msv_interactive(".", "alice", PW_ALICE, &len);
    PTOKEN_GROUPS groups = th_groups(TH_GROUPS_LOCAL);
    /* Warm up: whatever a first call sets up once is not a leak. */
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, pkg, type, buf, len, groups, &out), STATUS_SUCCESS);
    th_release(&out);
    ULONG sessions = th_session_count();

    int done = 0;
    for (unsigned long n = 0; n < MAX_N && !done; n++) {
        struct snapshot before = snap();
        unsigned long failed = mem_failed_count();
        mem_fail_after(n);
        NTSTATUS st = th_logon(lsa, pkg, type, buf, len, groups, &out);
        mem_fail_reset();
        if (mem_failed_count() == failed) {
            ck_assert_status_eq(st, STATUS_SUCCESS);
            th_release(&out);
            done = 1;
            break;
        }
        if (st == STATUS_SUCCESS) {
            /* An allocation that failed was one the call could do without
             * (the trace, say); the answer must still be whole. */
            ck_assert_ptr_nonnull(out.token);
            ck_assert_ptr_nonnull(out.profile);
            th_release(&out);
        } else {
            ck_assert_msg(st == STATUS_NO_MEMORY || st == STATUS_QUOTA_EXCEEDED,
                          "N=%lu: got %s", n, tu_status_name(st));
            th_assert_failed_outputs(&out);
            ck_assert_status_eq(out.sub_status, STATUS_SUCCESS);
            ck_assert_uint_eq(out.logon_id.LowPart, 0);
            ck_assert_int_eq(out.logon_id.HighPart, 0);
            ck_assert_status_eq(LsaNtStatusToWinError(st) == ERROR_NOT_ENOUGH_MEMORY ||
                                    st == STATUS_QUOTA_EXCEEDED,
                                1);
        }
        assert_same(before, snap(), "LsaLogonUser", n);
        ck_assert_uint_eq(th_session_count(), sessions);
    }
    ck_assert(done);
    free(buf);
    free(groups);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}

START_TEST(oom_lsa_logon_user_msv)
{
    lsa_logon_loop(TH_MSV1_0, 0, Interactive);
}
END_TEST

START_TEST(oom_lsa_logon_user_kerb_network)
{
    lsa_logon_loop(TH_KERBEROS, 1, Network);
}
END_TEST

/* ---- LogonUserW --------------------------------------------------------------------- */

static void logon_user_w_loop(const char *user, const char *password)
{
    HANDLE tok = NULL;
    ck_assert(logon_w(user, password, &tok));
    ck_assert(CloseHandle(tok));
    ULONG sessions = th_session_count();
    int done = 0;
    for (unsigned long n = 0; n < MAX_N && !done; n++) {
        struct snapshot before = snap();
        unsigned long failed = mem_failed_count();
        tok = TH_GARBAGE_PTR;
        SetLastError(0xDEAD);
        mem_fail_after(n);
        BOOL ok = logon_w(user, password, &tok);
        DWORD err = GetLastError();
        mem_fail_reset();
        if (ok) {
            ck_assert_ptr_nonnull(tok);
            ck_assert_ptr_ne(tok, TH_GARBAGE_PTR);
            ck_assert(CloseHandle(tok));
            done = mem_failed_count() == failed;
        } else {
            ck_assert_msg(mem_failed_count() != failed, "N=%lu: failed with %u", n,
                          (unsigned)err);
            ck_assert_win32_eq(err, ERROR_NOT_ENOUGH_MEMORY);
            ck_assert_ptr_null(tok);
        }
        assert_same(before, snap(), "LogonUserW", n);
        ck_assert_uint_eq(th_session_count(), sessions);
    }
    ck_assert(done);
}

START_TEST(oom_logon_user_w)
{
    logon_user_w_loop("alice", PW_ALICE);
}
END_TEST

/* A member of shared lists (alice: groups of her own, a list three groups
 * share, a nested group of them), whose groups are merged in a buffer;
 * and dave, an account with a shared list of groups. */
START_TEST(oom_logon_user_w_shared_lists)
{
    struct lsaemu_error err;
    ck_assert_msg(lsaemu_load_policy_string(aliased_policy, "aliased", &err) == 0, "%s",
                  err.text);
    logon_user_w_loop("alice", "a");
    logon_user_w_loop("dave", "c");
}
END_TEST

/* ---- GetTokenInformation ----------------------------------------------------------- */

START_TEST(oom_get_token_information_allocates_nothing)
{
    HANDLE tok = NULL;
    ck_assert(logon_w("alice", PW_ALICE, &tok));
    static BYTE buf[8192];
    unsigned long before = mem_alloc_count();
    mem_fail_after(0);
    for (int cls = TokenUser; cls <= TokenLogonSid; cls++) {
        DWORD len = 0;
        SetLastError(0xDEAD);
        BOOL ok = GetTokenInformation(tok, (TOKEN_INFORMATION_CLASS)cls, buf, sizeof buf, &len);
        /* Whatever the class answers, it is never the out-of-memory error. */
        ck_assert_msg(ok || GetLastError() != ERROR_NOT_ENOUGH_MEMORY, "class %d", cls);
    }
    DWORD len = 0;
    ck_assert(GetTokenInformation(tok, TokenGroups, buf, sizeof buf, &len));
    ck_assert_uint_gt(len, sizeof(DWORD));
    ck_assert(!GetTokenInformation(tok, TokenUser, NULL, 0, &len));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    mem_fail_reset();
    ck_assert_msg(mem_alloc_count() == before, "GetTokenInformation allocated %lu times",
                  mem_alloc_count() - before);
    ck_assert(CloseHandle(tok));
}
END_TEST

/* ---- Issue 13b: UAC split logons, linked and restricted tokens ----------------------- */

static const char uac_policy[] = "lsaemu: 1\n"
                                 "machine: { uac: true }\n"
                                 "base: workstation\n"
                                 "accounts:\n"
                                 "  bob: { password: b, groups: [Administrators] }\n";

/* Every N over a call that makes one token handle: out of memory with the
 * handle NULL and nothing leaked, or success. */
static void handle_loop(const char *what, BOOL (*call)(HANDLE src, HANDLE *out), HANDLE src)
{
    int done = 0;
    for (unsigned long n = 0; n < MAX_N && !done; n++) {
        struct snapshot before = snap();
        unsigned long failed = mem_failed_count();
        HANDLE out = TH_GARBAGE_PTR;
        SetLastError(0xDEAD);
        mem_fail_after(n);
        BOOL ok = call(src, &out);
        DWORD err = GetLastError();
        mem_fail_reset();
        if (ok) {
            ck_assert_ptr_nonnull(out);
            ck_assert(CloseHandle(out));
            done = mem_failed_count() == failed;
        } else {
            ck_assert_msg(mem_failed_count() != failed, "%s, N=%lu: failed with %u", what, n,
                          (unsigned)err);
            ck_assert_win32_eq(err, ERROR_NOT_ENOUGH_MEMORY);
            ck_assert_msg(out == NULL || out == TH_GARBAGE_PTR, "%s, N=%lu: handle %p", what,
                          n, out);
        }
        assert_same(before, snap(), what, n);
    }
    ck_assert(done);
}

static BOOL linked_token(HANDLE src, HANDLE *out)
{
    TOKEN_LINKED_TOKEN lt = {NULL};
    DWORD len;
    BOOL ok = GetTokenInformation(src, TokenLinkedToken, &lt, sizeof lt, &len);
    *out = ok ? lt.LinkedToken : NULL;
    return ok;
}

static BOOL restricted_token(HANDLE src, HANDLE *out)
{
    static BYTE everyone[12] = {1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0};
    SID_AND_ATTRIBUTES sids[1] = {{everyone, 0}};
    LUID_AND_ATTRIBUTES del[1] = {{{19, 0}, 0}};
    return CreateRestrictedToken(src, LUA_TOKEN, 1, sids, 1, del, 1, sids, out);
}

/* The split logon makes two sessions and two tokens: all or nothing. */
START_TEST(oom_logon_user_w_uac_split)
{
    struct lsaemu_error err;
    ck_assert_msg(lsaemu_load_policy_string(uac_policy, "uac", &err) == 0, "%s", err.text);
    logon_user_w_loop("bob", "b");
    HANDLE tok = NULL;
    ck_assert(logon_w("bob", "b", &tok));
    handle_loop("TokenLinkedToken", linked_token, tok);
    handle_loop("CreateRestrictedToken", restricted_token, tok);
    ck_assert(CloseHandle(tok));
}
END_TEST

/* ---- LsaAddAccountRights / LsaEnumerateAccountRights --------------------------------- */

static LSA_HANDLE open_policy(void)
{
    LSA_OBJECT_ATTRIBUTES attrs;
    memset(&attrs, 0, sizeof attrs);
    LSA_HANDLE h = NULL;
    ck_assert_status_eq(LsaOpenPolicy(NULL, &attrs, POLICY_ALL_ACCESS, &h), STATUS_SUCCESS);
    return h;
}

static LSA_UNICODE_STRING ustr(WCHAR *buf, const char *ascii)
{
    LSA_UNICODE_STRING u;
    size_t n = th_utf16(buf, ascii);
    u.Buffer = buf;
    u.Length = (USHORT)n;
    u.MaximumLength = (USHORT)n;
    return u;
}

static ULONG count_rights(LSA_HANDLE h, PSID sid)
{
    PLSA_UNICODE_STRING rights = NULL;
    ULONG n = 0;
    NTSTATUS st = LsaEnumerateAccountRights(h, sid, &rights, &n);
    if (st == STATUS_OBJECT_NAME_NOT_FOUND)
        return 0;
    ck_assert_status_eq(st, STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeMemory(rights), STATUS_SUCCESS);
    return n;
}

START_TEST(oom_add_account_rights)
{
    BYTE sidbuf[68];
    PSID sid = tk_sid(sidbuf, SID_ALICE);
    LSA_HANDLE h = open_policy();
    WCHAR b1[64], b2[64];
    LSA_UNICODE_STRING names[2] = {ustr(b1, "SeBatchLogonRight"),
                                   ustr(b2, "SeBackupPrivilege")};
    ULONG held = count_rights(h, sid);
    int done = 0;
    for (unsigned long n = 0; n < MAX_N && !done; n++) {
        struct snapshot before = snap();
        unsigned long failed = mem_failed_count();
        mem_fail_after(n);
        NTSTATUS st = LsaAddAccountRights(h, sid, names, 2);
        mem_fail_reset();
        if (mem_failed_count() == failed) {
            ck_assert_status_eq(st, STATUS_SUCCESS);
            ck_assert_uint_eq(count_rights(h, sid), held + 2);
            done = 1;
            break;
        }
        if (st == STATUS_SUCCESS) {
            ck_assert_uint_eq(count_rights(h, sid), held + 2);
            done = 1;
            break;
        }
        ck_assert_status_eq(st, STATUS_INSUFFICIENT_RESOURCES);
        ck_assert_win32_eq(LsaNtStatusToWinError(st), ERROR_NO_SYSTEM_RESOURCES);
        /* All or nothing. */
        ck_assert_uint_eq(count_rights(h, sid), held);
        assert_same(before, snap(), "LsaAddAccountRights", n);
    }
    ck_assert(done);
    ck_assert_status_eq(LsaClose(h), STATUS_SUCCESS);
}
END_TEST

START_TEST(oom_enumerate_account_rights)
{
    BYTE sidbuf[68];
    PSID sid = tk_sid(sidbuf, SID_MACHINE "-1011"); /* svc1: SeServiceLogonRight */
    LSA_HANDLE h = open_policy();
    ck_assert_uint_gt(count_rights(h, sid), 0);
    int done = 0;
    for (unsigned long n = 0; n < MAX_N && !done; n++) {
        struct snapshot before = snap();
        unsigned long failed = mem_failed_count();
        PLSA_UNICODE_STRING rights = TH_GARBAGE_PTR;
        ULONG count = 777;
        mem_fail_after(n);
        NTSTATUS st = LsaEnumerateAccountRights(h, sid, &rights, &count);
        mem_fail_reset();
        if (st == STATUS_SUCCESS) {
            ck_assert_uint_gt(count, 0);
            ck_assert_status_eq(LsaFreeMemory(rights), STATUS_SUCCESS);
            done = mem_failed_count() == failed;
            continue;
        }
        ck_assert_msg(mem_failed_count() != failed, "N=%lu: %s", n, tu_status_name(st));
        ck_assert_status_eq(st, STATUS_INSUFFICIENT_RESOURCES);
        ck_assert_ptr_null(rights);
        ck_assert_uint_eq(count, 0);
        assert_same(before, snap(), "LsaEnumerateAccountRights", n);
    }
    ck_assert(done);
    ck_assert_status_eq(LsaClose(h), STATUS_SUCCESS);
}
END_TEST

/* ---- Issue 13 part A: look-ups, policy information, names, mappings ------------------- */

/*
 * One call of the family below with allocations failing from the Nth on:
 * 0 done (it succeeded with no failed allocation), 1 go on. On failure the
 * call must answer its out-of-memory status with no output and leak
 * nothing; a success frees what it returned.
 */
enum oom13 { OOM13_LOOKUP_NAMES, OOM13_QUERY_POLICY, OOM13_GET_USER_NAME, OOM13_MAP_ADD,
             OOM13_ALLOCATE_SID, OOM13_COUNT };

static LSA_UNICODE_STRING map_domain, map_account;
static WCHAR map_domain_buf[8];

static NTSTATUS oom13_call(enum oom13 which, LSA_HANDLE h, void **out1, void **out2)
{
    WCHAR nb[2][32];
    LSA_UNICODE_STRING names[2] = {ustr(nb[0], "alice"), ustr(nb[1], "LocalService")};
    SID_IDENTIFIER_AUTHORITY nt = {{0, 0, 0, 0, 0, 5}};
    LSA_SID_NAME_MAPPING_OPERATION_INPUT in;
    BYTE sidbuf[68];
    switch (which) {
    case OOM13_LOOKUP_NAMES:
        return LsaLookupNames(h, 2, names, (PLSA_REFERENCED_DOMAIN_LIST *)out1,
                              (PLSA_TRANSLATED_SID *)out2);
    case OOM13_QUERY_POLICY:
        return LsaQueryInformationPolicy(h, PolicyDnsDomainInformation, out1);
    case OOM13_GET_USER_NAME:
        return LsaGetUserName((PUNICODE_STRING *)out1, (PUNICODE_STRING *)out2);
    case OOM13_MAP_ADD:
        memset(&in, 0, sizeof in);
        map_domain = ustr(map_domain_buf, "ABC");
        in.AddInput.DomainName = map_domain;
        in.AddInput.AccountName = map_account;
        in.AddInput.Sid = tk_sid(sidbuf, "S-1-5-99");
        return LsaManageSidNameMapping(LsaSidNameMappingOperation_Add, &in,
                                       (PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT *)out1);
    case OOM13_ALLOCATE_SID:
        return AllocateAndInitializeSid(&nt, 1, 18, 0, 0, 0, 0, 0, 0, 0, (PSID *)out1)
                   ? STATUS_SUCCESS
                   : (NTSTATUS)GetLastError();
    case OOM13_COUNT:
        break;
    }
    return -1;
}

static const NTSTATUS oom13_status[OOM13_COUNT] = {
    STATUS_INSUFFICIENT_RESOURCES, STATUS_INSUFFICIENT_RESOURCES, STATUS_NO_MEMORY,
    STATUS_NO_MEMORY, (NTSTATUS)ERROR_NOT_ENOUGH_MEMORY,
};

START_TEST(oom_issue13_calls)
{
    enum oom13 which = (enum oom13)_i;
    LSA_HANDLE h = open_policy();
    /* One call first, for what the library sets up once per thread. The
     * mapping is tried with a conflict, which changes nothing. */
    void *w1 = NULL, *w2 = NULL;
    if (which == OOM13_MAP_ADD) {
        map_account = ustr(map_domain_buf + 4, "");
        NTSTATUS wst = oom13_call(which, h, &w1, &w2);
        ck_assert_status_eq(wst, STATUS_SUCCESS);
        ck_assert_status_eq(LsaFreeMemory(w1), STATUS_SUCCESS);
        WCHAR rb[8];
        LSA_SID_NAME_MAPPING_OPERATION_INPUT rm;
        memset(&rm, 0, sizeof rm);
        rm.RemoveInput.DomainName = ustr(rb, "ABC");
        ck_assert_status_eq(LsaManageSidNameMapping(LsaSidNameMappingOperation_Remove, &rm,
                                                    (PLSA_SID_NAME_MAPPING_OPERATION_OUTPUT *)&w1),
                            STATUS_SUCCESS);
        ck_assert_status_eq(LsaFreeMemory(w1), STATUS_SUCCESS);
    } else {
        ck_assert_status_eq(oom13_call(which, h, &w1, &w2), STATUS_SUCCESS);
        if (which == OOM13_ALLOCATE_SID) {
            ck_assert_ptr_null(FreeSid(w1));
        } else {
            ck_assert_status_eq(LsaFreeMemory(w1), STATUS_SUCCESS);
            if (which == OOM13_LOOKUP_NAMES || which == OOM13_GET_USER_NAME)
                ck_assert_status_eq(LsaFreeMemory(w2), STATUS_SUCCESS);
        }
    }
    int done = 0;
    for (unsigned long n = 0; n < MAX_N && !done; n++) {
        struct snapshot before = snap();
        unsigned long failed = mem_failed_count();
        void *out1 = TH_GARBAGE_PTR, *out2 = TH_GARBAGE_PTR;
        mem_fail_after(n);
        NTSTATUS st = oom13_call(which, h, &out1, &out2);
        mem_fail_reset();
        if (st == STATUS_SUCCESS) {
            if (which == OOM13_ALLOCATE_SID) {
                ck_assert_ptr_null(FreeSid(out1));
            } else {
                ck_assert_status_eq(LsaFreeMemory(out1), STATUS_SUCCESS);
                if (which == OOM13_LOOKUP_NAMES || which == OOM13_GET_USER_NAME)
                    ck_assert_status_eq(LsaFreeMemory(out2), STATUS_SUCCESS);
            }
            ck_assert_msg(mem_failed_count() == failed, "call %d, N=%lu: a success after a "
                          "failed allocation", (int)which, n);
            done = 1;
            break;
        }
        ck_assert_msg(mem_failed_count() != failed, "call %d, N=%lu: %s", (int)which, n,
                      tu_status_name(st));
        ck_assert_msg(st == oom13_status[which], "call %d, N=%lu: 0x%08X", (int)which, n,
                      (unsigned)st);
        if (which == OOM13_LOOKUP_NAMES) {
            ck_assert_ptr_null(out1);
            ck_assert_ptr_null(out2);
        }
        if (which == OOM13_QUERY_POLICY || which == OOM13_MAP_ADD)
            ck_assert_ptr_null(out1);
        assert_same(before, snap(), "issue 13 call", n);
        if (which == OOM13_MAP_ADD) {
            /* Nothing was added: the domain is still unknown. */
            BYTE sid[68];
            char dom[32];
            DWORD cb = sizeof sid, cch = sizeof dom;
            SID_NAME_USE use;
            ck_assert_msg(!LookupAccountNameA(NULL, "ABC", sid, &cb, dom, &cch, &use),
                          "N=%lu: half-applied", n);
        }
    }
    ck_assert(done);
    ck_assert_status_eq(LsaClose(h), STATUS_SUCCESS);
}
END_TEST

/* The allocation hook itself. */
START_TEST(oom_hook_counts)
{
    unsigned long a = mem_alloc_count();
    long live = mem_live_count();
    mem_fail_after(1);
    void *p = mem_malloc(8);
    void *q = mem_malloc(8);
    mem_fail_reset();
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(q);
    ck_assert_uint_eq(mem_alloc_count(), a + 2);
    ck_assert_int_eq(mem_live_count(), live + 1);
    char *s = mem_strdup("x");
    ck_assert_str_eq(s, "x");
    mem_free(s);
    mem_free(p);
    mem_free(NULL);
    ck_assert_int_eq(mem_live_count(), live);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("oom");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, oom_hook_counts);
    tcase_add_test(tc, oom_policy_load);
    tcase_add_test(tc, oom_policy_load_aliased);
    tcase_add_test(tc, oom_policy_load_file);
    tcase_add_test(tc, oom_lsa_logon_user_msv);
    tcase_add_test(tc, oom_lsa_logon_user_kerb_network);
    tcase_add_test(tc, oom_logon_user_w);
    tcase_add_test(tc, oom_logon_user_w_shared_lists);
    tcase_add_test(tc, oom_get_token_information_allocates_nothing);
    tcase_add_test(tc, oom_logon_user_w_uac_split);
    tcase_add_test(tc, oom_add_account_rights);
    tcase_add_test(tc, oom_enumerate_account_rights);
    tcase_add_loop_test(tc, oom_issue13_calls, 0, OOM13_COUNT);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_suite());
}
