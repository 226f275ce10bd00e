/* SPDX-License-Identifier: MIT */
/*
 * Issue 13 part A, SIDs in memory: the process heap that FreeSid,
 * RtlFreeSid, RtlFreeHeap, HeapFree and LocalFree share (i13-facts A2), the
 * SID helpers of Advapi32 (InitializeSid, GetSidLengthRequired,
 * GetSidSubAuthority[Count], GetSidIdentifierAuthority, EqualDomainSid,
 * EqualPrefixSid, GetWindowsAccountDomainSid, IsWellKnownSid; B2, B3), the
 * Rtl equivalents (B4), AllocateLocallyUniqueId / NtAllocateLocallyUniqueId
 * (B1), CreateWellKnownSid with a NULL buffer (A4), which calls leave the
 * last error on success (A5), and the SDK's layout macros.
 *
 * Each expectation cites the Wine conformance test (W-sec, W-rtl: ok()
 * lines observed on Windows) or the page it comes from.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <sddl.h>
#include <winternl.h>

#include "core/state/retbuf.h"
#include "lsa_helpers.h"

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("user");
}

static const SID_IDENTIFIER_AUTHORITY nt_auth = {{0, 0, 0, 0, 0, 5}};

static const char *sid_text(PSID sid)
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

static PSID parse(const char *text, void *buf)
{
    PSID s = NULL;
    ck_assert_msg(ConvertStringSidToSidA(text, &s), "%s", text);
    memcpy(buf, s, GetLengthSid(s));
    ck_assert_ptr_null(LocalFree(s));
    return buf;
}

/* ---- One process heap (i13-facts A2, B4) --------------------------------------------- */

/* W-sec test_EqualSid: FreeSid returns NULL and leaves the last error. */
START_TEST(free_sid_heap_block)
{
    /* A SID the caller put on the process heap itself. */
    PSID sid = HeapAlloc(GetProcessHeap(), 0, GetSidLengthRequired(2));
    ck_assert_ptr_nonnull(sid);
    ck_assert(InitializeSid(sid, (PSID_IDENTIFIER_AUTHORITY)&nt_auth, 2));
    *GetSidSubAuthority(sid, 0) = 32;
    *GetSidSubAuthority(sid, 1) = 544;
    ck_assert_str_eq(sid_text(sid), "S-1-5-32-544");
    SetLastError(0xDEADBEEF);
    ck_assert_ptr_null(FreeSid(sid));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    /* Freed: handed back (GUESS_HEAP_FREE_FOREIGN_ERROR is not FreeSid's:
     * it never sets the last error). */
    SetLastError(0xDEADBEEF);
    ck_assert_ptr_eq(FreeSid(sid), sid);
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert_uint_eq(retbuf_count(), 0);
}
END_TEST

/* The same heap through every door: a block from any allocator below is
 * freed by any freeing function below, exactly once. */
enum heap_alloc { BY_ALLOCATE_SID, BY_RTL_ALLOCATE_SID, BY_HEAP_ALLOC, BY_RTL_ALLOCATE_HEAP,
                  BY_LOCAL_ALLOC, BY_STRING_SID };
enum heap_free { WITH_FREE_SID, WITH_RTL_FREE_SID, WITH_HEAP_FREE, WITH_RTL_FREE_HEAP,
                 WITH_LOCAL_FREE };

static PSID heap_sid(enum heap_alloc how)
{
    PSID sid = NULL;
    switch (how) {
    case BY_ALLOCATE_SID:
        ck_assert(AllocateAndInitializeSid((PSID_IDENTIFIER_AUTHORITY)&nt_auth, 1, 18, 0, 0, 0,
                                           0, 0, 0, 0, &sid));
        break;
    case BY_RTL_ALLOCATE_SID:
        ck_assert_status_eq(RtlAllocateAndInitializeSid((PSID_IDENTIFIER_AUTHORITY)&nt_auth, 1,
                                                        18, 0, 0, 0, 0, 0, 0, 0, &sid),
                            STATUS_SUCCESS);
        break;
    case BY_HEAP_ALLOC:
    case BY_RTL_ALLOCATE_HEAP:
    case BY_LOCAL_ALLOC:
        sid = how == BY_HEAP_ALLOC          ? HeapAlloc(GetProcessHeap(), 0, 12)
              : how == BY_RTL_ALLOCATE_HEAP ? RtlAllocateHeap(GetProcessHeap(), 0, 12)
                                            : LocalAlloc(LMEM_FIXED, 12);
        ck_assert_ptr_nonnull(sid);
        ck_assert_status_eq(RtlInitializeSid(sid, (PSID_IDENTIFIER_AUTHORITY)&nt_auth, 1),
                            STATUS_SUCCESS);
        *RtlSubAuthoritySid(sid, 0) = 18;
        break;
    case BY_STRING_SID:
        ck_assert(ConvertStringSidToSidA("SY", &sid));
        break;
    }
    ck_assert_str_eq(sid_text(sid), "S-1-5-18");
    return sid;
}

/* 1 freed, 0 refused (the block is no live one). */
static int heap_release(enum heap_free how, PSID sid)
{
    switch (how) {
    case WITH_FREE_SID:
        return FreeSid(sid) == NULL;
    case WITH_RTL_FREE_SID:
        return RtlFreeSid(sid) == NULL;
    case WITH_HEAP_FREE:
        return HeapFree(GetProcessHeap(), 0, sid) != FALSE;
    case WITH_RTL_FREE_HEAP:
        return RtlFreeHeap(GetProcessHeap(), 0, sid) != FALSE;
    case WITH_LOCAL_FREE:
        return LocalFree(sid) == NULL;
    }
    return -1;
}

START_TEST(heap_any_allocator_any_free)
{
    enum heap_alloc a = (enum heap_alloc)(_i / 5);
    enum heap_free f = (enum heap_free)(_i % 5);
    PSID sid = heap_sid(a);
    ck_assert_msg(heap_release(f, sid) == 1, "allocator %d, free %d: %s", a, f,
                  lsaemu_last_reason());
    ck_assert_int_eq(heap_release(f, sid), 0); /* a second time: refused */
    ck_assert_uint_eq(retbuf_count(), 0);
}
END_TEST

/* W-rtl test_RtlAllocateAndInitializeSid; the Rtl functions never touch
 * the last error. */
START_TEST(rtl_allocate_and_free_sid)
{
    PSID sid = NULL;
    SetLastError(0xDEADBEEF);
    ck_assert_status_eq(RtlAllocateAndInitializeSid((PSID_IDENTIFIER_AUTHORITY)&nt_auth, 0, 0, 0,
                                                    0, 0, 0, 0, 0, 0, &sid),
                        STATUS_SUCCESS);
    ck_assert_uint_eq(RtlLengthSid(sid), 8);
    ck_assert_ptr_null(RtlFreeSid(sid));
    sid = (PSID)0x1;
    ck_assert_status_eq(RtlAllocateAndInitializeSid((PSID_IDENTIFIER_AUTHORITY)&nt_auth, 9, 1, 2,
                                                    3, 4, 5, 6, 7, 8, &sid),
                        STATUS_INVALID_SID);
    ck_assert_ptr_eq(sid, (PSID)0x1);
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    /* RtlFreeHeap: NULL is TRUE; a foreign pointer or another heap FALSE. */
    int local;
    ck_assert(RtlFreeHeap(GetProcessHeap(), 0, NULL));
    ck_assert(!RtlFreeHeap(GetProcessHeap(), 0, &local));
    ck_assert_ptr_null(RtlAllocateHeap((PVOID)0x1234, 0, 8));
    ck_assert_ptr_eq(RtlFreeSid(&local), &local);
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    /* The Win32 heap functions do report it: GUESS_HEAP_FREE_FOREIGN_ERROR
     * for HeapFree, ERROR_INVALID_HANDLE for LocalFree. */
    ck_assert(!HeapFree(GetProcessHeap(), 0, &local));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_eq(LocalFree(&local), &local);
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_HANDLE);
    /* HeapSize of a SID from AllocateAndInitializeSid: its length. */
    PSID sid2 = NULL;
    ck_assert(AllocateAndInitializeSid((PSID_IDENTIFIER_AUTHORITY)&nt_auth, 2, 32, 544, 0, 0, 0,
                                       0, 0, 0, &sid2));
    ck_assert_uint_eq(HeapSize(GetProcessHeap(), 0, sid2), 16);
    ck_assert(HeapFree(GetProcessHeap(), 0, sid2));
    ck_assert_uint_eq(HeapSize(GetProcessHeap(), 0, sid2), (SIZE_T)-1);
}
END_TEST

/* The program's own heap blocks are its own: lsaemu_reset() keeps them and
 * the leak count does not list them (retbuf.h). */
START_TEST(heap_blocks_survive_reset)
{
    PSID mine = HeapAlloc(GetProcessHeap(), 0, 16);
    ck_assert_ptr_nonnull(mine);
    PSID sid = NULL;
    ck_assert(AllocateAndInitializeSid((PSID_IDENTIFIER_AUTHORITY)&nt_auth, 1, 18, 0, 0, 0, 0, 0,
                                       0, 0, &sid));
    ck_assert_uint_eq(retbuf_count(), 2);
    lsaemu_reset();
    ck_assert_uint_eq(retbuf_count(), 1);
    ck_assert_int_eq(retbuf_is(mine, RETBUF_HEAP), 1);
    ck_assert_ptr_eq(FreeSid(sid), sid); /* reset freed lsaemu's SID */
    ck_assert(HeapFree(GetProcessHeap(), 0, mine));
}
END_TEST

/* ---- Building and reading SIDs (i13-facts B2) ------------------------------------------ */

START_TEST(sid_length_required)
{
    /* W-sec test_CreateWellKnownSid: 8 + 4n. */
    static const struct {
        UCHAR n;
        DWORD len;
    } rows[] = {{0, 8}, {1, 12}, {2, 16}, {4, 24}, {8, 40}, {15, 68}, {255, 1028}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        SetLastError(0xDEADBEEF);
        ck_assert_uint_eq(GetSidLengthRequired(rows[i].n), rows[i].len);
        ck_assert_uint_eq(RtlLengthRequiredSid(rows[i].n), rows[i].len);
        ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    }
}
END_TEST

START_TEST(initialize_sid)
{
    DWORD buf[20];
    memset(buf, 0xCC, sizeof buf);
    SetLastError(0xDEADBEEF);
    ck_assert(InitializeSid(buf, (PSID_IDENTIFIER_AUTHORITY)&nt_auth, 3));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    const BYTE *b = (const BYTE *)buf;
    ck_assert_uint_eq(b[0], 1);
    ck_assert_uint_eq(b[1], 3);
    ck_assert_uint_eq(b[7], 5);
    /* The page: the sub-authorities are not set. */
    ck_assert_uint_eq(buf[2], 0xCCCCCCCCu);
    /* GUESS_INITIALIZE_SID_TOO_MANY_STATUS: 16 sub-authorities are 87
     * (RtlInitializeSid's STATUS_INVALID_PARAMETER, WDK). */
    ck_assert(!InitializeSid(buf, (PSID_IDENTIFIER_AUTHORITY)&nt_auth, 16));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_status_eq(RtlInitializeSid(buf, (PSID_IDENTIFIER_AUTHORITY)&nt_auth, 16),
                        STATUS_INVALID_PARAMETER);
    ck_assert(InitializeSid(buf, (PSID_IDENTIFIER_AUTHORITY)&nt_auth, 15));
}
END_TEST

/* W-sec test_GetSidSubAuthority, test_GetSidIdentifierAuthority: addresses
 * inside the SID, no validation, the last error set to 0. */
START_TEST(sid_accessors_clear_last_error)
{
    DWORD buf[20];
    PSID sid = parse("S-1-5-21-93476-23408-4576", buf);
    SetLastError(0xDEADBEEF);
    ck_assert_uint_eq(*GetSidSubAuthorityCount(sid), 4);
    ck_assert_win32_eq(GetLastError(), 0);
    SetLastError(0xDEADBEEF);
    ck_assert_uint_eq(*GetSidSubAuthority(sid, 0), 21);
    ck_assert_win32_eq(GetLastError(), 0);
    ck_assert_uint_eq(*GetSidSubAuthority(sid, 1), 93476);
    SetLastError(0xDEADBEEF);
    ck_assert_ptr_eq(GetSidSubAuthority(sid, 4), (BYTE *)sid + 8 + 16);
    ck_assert_win32_eq(GetLastError(), 0);
    SetLastError(0xDEADBEEF);
    ck_assert_uint_eq(GetSidIdentifierAuthority(sid)->Value[5], 5);
    ck_assert_win32_eq(GetLastError(), 0);
    /* Invalid SIDs: a non-NULL address all the same. */
    BYTE junk[16];
    memset(junk, 0xCC, sizeof junk);
    SetLastError(0xDEADBEEF);
    ck_assert_ptr_eq(GetSidIdentifierAuthority(junk), junk + 2);
    ck_assert_win32_eq(GetLastError(), 0);
    /* The Rtl forms compute the same addresses and leave the error. */
    SetLastError(0xDEADBEEF);
    ck_assert_ptr_eq(RtlSubAuthoritySid(sid, 2), GetSidSubAuthority(sid, 2));
    SetLastError(0xDEADBEEF);
    ck_assert_ptr_eq(RtlSubAuthorityCountSid(sid), GetSidSubAuthorityCount(sid));
    SetLastError(0xDEADBEEF);
    ck_assert_ptr_eq((void *)RtlIdentifierAuthoritySid(sid), (void *)((BYTE *)sid + 2));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
}
END_TEST

START_TEST(rtl_valid_equal_copy)
{
    DWORD a[20], b[20], dst[20];
    parse("S-1-5-32-544", a);
    parse("S-1-5-32-545", b);
    SetLastError(0xDEADBEEF);
    ck_assert(RtlValidSid(a));
    ck_assert(!RtlValidSid(NULL));
    ck_assert(RtlEqualSid(a, a));
    ck_assert(!RtlEqualSid(a, b));
    ck_assert_uint_eq(RtlLengthSid(a), 16);
    ck_assert_status_eq(RtlCopySid(15, dst, a), STATUS_BUFFER_TOO_SMALL);
    ck_assert_status_eq(RtlCopySid(16, dst, a), STATUS_SUCCESS);
    ck_assert(RtlEqualSid(dst, a));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
}
END_TEST

/* ---- EqualDomainSid, EqualPrefixSid, GetWindowsAccountDomainSid (B3) ------------------- */

static const struct {
    const char *a, *b;
    BOOL ok;
    DWORD error; /* when !ok; 0 after a success (observed) */
    BOOL equal;
} domain_rows[] = {
    {"S-1-5-32-544", "S-1-5-32-545", TRUE, 0, TRUE},
    {"S-1-5-32-544", "S-1-5-21-1-2-3-500", TRUE, 0, FALSE},
    {"S-1-5-21-1-2-3-500", "S-1-5-21-1-2-3-1001", TRUE, 0, TRUE},
    {"S-1-5-21-1-2-3-500", "S-1-5-21-1-2-4-500", TRUE, 0, FALSE},
    {"S-1-5-32", "S-1-5-32-544", TRUE, 0, TRUE},
    {"S-1-5-18", "S-1-5-32-544", FALSE, ERROR_NON_DOMAIN_SID, FALSE},
    {"S-1-5-32-544", "S-1-1-0", FALSE, ERROR_NON_DOMAIN_SID, FALSE},
    {"S-1-5-19", "S-1-5-19", FALSE, ERROR_NON_DOMAIN_SID, FALSE},
    {"S-1-5-21-1-2", "S-1-5-21-1-2", FALSE, ERROR_NON_DOMAIN_SID, FALSE},
};

START_TEST(equal_domain_sid)
{
    DWORD a[20], b[20];
    BOOL eq = 0x55;
    SetLastError(0xDEADBEEF);
    BOOL ok = EqualDomainSid(parse(domain_rows[_i].a, a), parse(domain_rows[_i].b, b), &eq);
    ck_assert_int_eq(ok, domain_rows[_i].ok);
    ck_assert_win32_eq(GetLastError(), domain_rows[_i].ok ? 0 : domain_rows[_i].error);
    /* W-sec: *pfEqual untouched on failure. */
    ck_assert_int_eq(eq, domain_rows[_i].ok ? domain_rows[_i].equal : 0x55);
}
END_TEST

START_TEST(equal_domain_sid_bad_arguments)
{
    DWORD a[20];
    parse("S-1-5-32-544", a);
    /* W-sec: (NULL, NULL, NULL) is 1337, (dom, dom, NULL) is 87. */
    ck_assert(!EqualDomainSid(NULL, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
    ck_assert(!EqualDomainSid(a, a, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

static const struct {
    const char *a, *b;
    BOOL equal;
} prefix_rows[] = {
    {"S-1-5-21-1-2-3-513", "S-1-5-21-1-2-3-1001", TRUE}, /* W-sec test_process_security */
    {"S-1-5-21-1-2-3-513", "S-1-5-21-1-2-4-513", FALSE},
    {"S-1-5-32-544", "S-1-5-32-545", TRUE},
    {"S-1-5-18", "S-1-5-19", TRUE},
    {"S-1-5-18", "S-1-1-0", FALSE},
    {"S-1-5-32-544", "S-1-5-32", FALSE}, /* the counts differ (R-sid) */
};

START_TEST(equal_prefix_sid)
{
    DWORD a[20], b[20];
    SetLastError(0xDEADBEEF);
    ck_assert_int_eq(EqualPrefixSid(parse(prefix_rows[_i].a, a), parse(prefix_rows[_i].b, b)),
                     prefix_rows[_i].equal);
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
}
END_TEST

/* W-sec test_GetWindowsAccountDomainSid, call by call. */
START_TEST(windows_account_domain_sid)
{
    DWORD user[20], dom[20];
    parse("S-1-5-21-1000-2000-3000-1001", user);
    DWORD cb;
    ck_assert(!GetWindowsAccountDomainSid(NULL, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_SID);
    ck_assert(!GetWindowsAccountDomainSid(user, NULL, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    cb = 0xFFFF;
    ck_assert(!GetWindowsAccountDomainSid(user, NULL, &cb));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(cb, 24);
    ck_assert(!GetWindowsAccountDomainSid(user, dom, NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    cb = 1;
    ck_assert(!GetWindowsAccountDomainSid(user, dom, &cb));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(cb, 24);
    cb = sizeof dom;
    SetLastError(0xDEADBEEF);
    ck_assert(GetWindowsAccountDomainSid(user, dom, &cb));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert_uint_eq(cb, 24);
    ck_assert_str_eq(sid_text(dom), "S-1-5-21-1000-2000-3000");
    /* GUESS_NOT_ACCOUNT_SID_STATUS: ERROR_NON_ACCOUNT_SID for the others. */
    static const char *const others[] = {"S-1-5-19", "S-1-5-18", "S-1-5-32-545", "S-1-1-0",
                                         "S-1-5-21-1-2"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        cb = sizeof dom;
        ck_assert_msg(!GetWindowsAccountDomainSid(parse(others[i], user), dom, &cb), "%s",
                      others[i]);
        ck_assert_win32_eq(GetLastError(), ERROR_NON_ACCOUNT_SID);
    }
}
END_TEST

/* ---- IsWellKnownSid, CreateWellKnownSid ---------------------------------------------- */

static const struct {
    const char *sid;
    WELL_KNOWN_SID_TYPE type;
    BOOL is;
} wk_rows[] = {
    {"S-1-1-0", WinWorldSid, TRUE},
    {"S-1-5-18", WinLocalSystemSid, TRUE},
    {"S-1-5-19", WinLocalServiceSid, TRUE},
    {"S-1-5-20", WinNetworkServiceSid, TRUE},
    {"S-1-5-32-544", WinBuiltinAdministratorsSid, TRUE},
    {"S-1-5-5-0-4242", WinLogonIdsSid, TRUE}, /* W-sec test_token_attr */
    {"S-1-5-21-1000-2000-3000-513", WinAccountDomainUsersSid, TRUE},
    {"S-1-5-21-1000-2000-3000-500", WinAccountAdministratorSid, TRUE},
    {"S-1-5-18", WinLocalServiceSid, FALSE},
    {"S-1-5-32-545", WinBuiltinAdministratorsSid, FALSE},
    {"S-1-5-21-1000-2000-3000-1001", WinAccountDomainUsersSid, FALSE},
    {"S-1-5-18", (WELL_KNOWN_SID_TYPE)5000, FALSE},
};

START_TEST(is_well_known_sid)
{
    DWORD buf[20];
    SetLastError(0xDEADBEEF);
    ck_assert_msg(IsWellKnownSid(parse(wk_rows[_i].sid, buf), wk_rows[_i].type) == wk_rows[_i].is,
                  "%s type %d", wk_rows[_i].sid, (int)wk_rows[_i].type);
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
}
END_TEST

/* W-sec test_CreateWellKnownSid: size probe 122, then the same call with
 * an adequate size and still no buffer is 87. */
START_TEST(create_well_known_sid_null_buffer)
{
    DWORD size = 0;
    ck_assert(!CreateWellKnownSid(WinInteractiveSid, NULL, NULL, &size));
    ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(size, GetSidLengthRequired(1));
    ck_assert(!CreateWellKnownSid(WinInteractiveSid, NULL, NULL, &size));
    ck_assert_win32_eq(GetLastError(), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(size, 12);
    /* A domain given to a type that needs none is ignored. */
    DWORD dom[20], a[20], b[20], ca = sizeof a, cb = sizeof b;
    parse("S-1-5-21-1-2-3-4-5-6", dom); /* 6 sub-authorities: not checked */
    ck_assert(CreateWellKnownSid(WinInteractiveSid, NULL, a, &ca));
    SetLastError(0xDEADBEEF);
    ck_assert(CreateWellKnownSid(WinInteractiveSid, dom, b, &cb));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert(EqualSid(a, b));
    cb = sizeof b;
    ck_assert(CreateWellKnownSid(WinAccountAdministratorSid, dom, b, &cb));
    ck_assert_str_eq(sid_text(b), "S-1-5-21-1-2-3-4-5-6-500");
}
END_TEST

/* ---- Locally unique identifiers (B1) -------------------------------------------------- */

START_TEST(allocate_locally_unique_id)
{
    LUID a, b, c;
    SetLastError(0xDEADBEEF);
    ck_assert(AllocateLocallyUniqueId(&a));
    ck_assert(AllocateLocallyUniqueId(&b));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert_status_eq(NtAllocateLocallyUniqueId(&c), STATUS_SUCCESS);
    ck_assert(a.LowPart != b.LowPart || a.HighPart != b.HighPart);
    ck_assert(b.LowPart != c.LowPart || b.HighPart != c.HighPart);
    /* W-sec test_allocateLuid: beyond the well-known privilege LUIDs. */
    ck_assert(a.LowPart > 30 || a.HighPart != 0);
    ck_assert(c.LowPart > 30 || c.HighPart != 0);
    /* NULL: ERROR_NOACCESS (observed); GUESS_ALLOCATE_LUID_NULL_STATUS for
     * the system call. */
    ck_assert(!AllocateLocallyUniqueId(NULL));
    ck_assert_win32_eq(GetLastError(), ERROR_NOACCESS);
    SetLastError(0xDEADBEEF);
    ck_assert_status_eq(NtAllocateLocallyUniqueId(NULL), STATUS_ACCESS_VIOLATION);
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
}
END_TEST

/* ---- Last error left alone on success (i13-facts A5) ---------------------------------- */

START_TEST(successes_leave_last_error)
{
    PSID sid = NULL;
    SetLastError(0xDEADBEEF);
    ck_assert(AllocateAndInitializeSid((PSID_IDENTIFIER_AUTHORITY)&nt_auth, 1, 18, 0, 0, 0, 0, 0,
                                       0, 0, &sid));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert_ptr_null(FreeSid(sid));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    char name[64];
    DWORD n = sizeof name;
    ck_assert(GetUserNameA(name, &n));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    WCHAR wname[64];
    n = 64;
    ck_assert(GetUserNameW(wname, &n));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    HANDLE tok = NULL;
    ck_assert(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok));
    BYTE info[1024];
    DWORD len = 0;
    ck_assert(GetTokenInformation(tok, TokenGroups, info, sizeof info, &len));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    ck_assert(CloseHandle(tok));
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
    /* EqualSid is the exception: it sets 0 (W-sec test_EqualSid). */
    DWORD a[20];
    parse("S-1-5-18", a);
    SetLastError(0xDEADBEEF);
    ck_assert(EqualSid(a, a));
    ck_assert_win32_eq(GetLastError(), 0);
}
END_TEST

/*
 * One successful call per row, each made with the last error 0xDEADBEEF:
 * Windows leaves it (i13-facts A5: observed for GetTokenInformation,
 * AllocateAndInitializeSid, FreeSid, GetUserName; GUESS_SUCCESS_LEAVES_LAST_ERROR
 * for the rest, Wine's set-on-failure-only implementation). Row i returns
 * the success value of call i (TRUE), after its own preparation.
 */
static BOOL success_call(int i)
{
    static DWORD a[20], b[20];
    char text[256];
    WCHAR wtext[256];
    DWORD n = sizeof text, m = sizeof text;
    SID_NAME_USE use;
    LPSTR str = NULL;
    LPWSTR wstr = NULL;
    PSID sid = NULL;
    HANDLE tok = NULL, dup = NULL;
    LUID luid;
    BOOL ok = FALSE;
    parse("S-1-5-21-1000-2000-3000-1001", a);
    SetLastError(0xDEADBEEF);
    switch (i) {
    case 0:
        return IsValidSid(a);
    case 1:
        return GetLengthSid(a) == 28;
    case 2:
        return CopySid(sizeof b, b, a);
    case 3:
        ok = ConvertSidToStringSidA(a, &str);
        return ok && LocalFree(str) == NULL;
    case 4:
        ok = ConvertSidToStringSidW(a, &wstr);
        return ok && LocalFree(wstr) == NULL;
    case 5:
        ok = ConvertStringSidToSidA("S-1-5-18", &sid);
        return ok && LocalFree(sid) == NULL;
    case 6:
        n = sizeof b;
        return CreateWellKnownSid(WinLocalSystemSid, NULL, b, &n);
    case 7:
        n = sizeof b;
        return LookupAccountNameA(NULL, "alice", b, &n, text, &m, &use);
    case 8:
        n = sizeof b;
        m = 256;
        return LookupAccountNameW(NULL, NULL, b, &n, wtext, &m, &use);
    case 9:
        return LookupAccountSidA(NULL, a, text, &n, text + 128, &m, &use);
    case 10:
        n = m = 128;
        return LookupAccountSidW(NULL, a, wtext, &n, wtext + 128, &m, &use);
    case 11:
        return LookupPrivilegeValueA(NULL, "SeShutdownPrivilege", &luid);
    case 12:
        luid.LowPart = 19;
        luid.HighPart = 0;
        return LookupPrivilegeNameA(NULL, &luid, text, &n);
    case 13:
        return GetComputerNameA(text, &n);
    case 14:
        return GetComputerNameExA(ComputerNameNetBIOS, text, &n);
    case 15:
        ok = OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY | TOKEN_DUPLICATE, &tok);
        if (ok)
            ok = GetTokenInformation(tok, TokenUser, b, sizeof b, &n);
        if (ok)
            ok = DuplicateTokenEx(tok, TOKEN_QUERY, NULL, SecurityImpersonation,
                                  TokenImpersonation, &dup);
        if (ok)
            ok = CloseHandle(dup);
        if (tok)
            ok = CloseHandle(tok) && ok;
        return ok;
    case 16:
        return InitializeSid(b, (PSID_IDENTIFIER_AUTHORITY)&nt_auth, 1);
    case 17:
        n = sizeof b;
        return GetWindowsAccountDomainSid(a, b, &n);
    case 18:
        return EqualPrefixSid(a, a);
    case 19:
        return IsWellKnownSid(parse("S-1-5-18", b), WinLocalSystemSid);
    case 20:
        return AllocateLocallyUniqueId(&luid);
    case 21:
        sid = HeapAlloc(GetProcessHeap(), 0, 8);
        return sid && HeapFree(GetProcessHeap(), 0, sid);
    case 22:
        return GetSidLengthRequired(1) == 12;
    }
    return FALSE;
}
#define SUCCESS_CALLS 23

START_TEST(success_leaves_last_error_table)
{
    ck_assert_msg(success_call(_i), "call %d failed: %s", _i, lsaemu_last_reason());
    ck_assert_win32_eq(GetLastError(), 0xDEADBEEF);
}
END_TEST

/* ---- GetProcAddress finds every new function, in the DLL that exports it --------------- */

static const struct {
    const char *dll, *name;
    void (*fn)(void);
} procs[] = {
#define P(dll, f) {dll, #f, (void (*)(void))f}
    P("advapi32.dll", InitializeSid),
    P("advapi32.dll", GetSidLengthRequired),
    P("advapi32.dll", GetSidSubAuthority),
    P("advapi32.dll", GetSidSubAuthorityCount),
    P("advapi32.dll", GetSidIdentifierAuthority),
    P("advapi32.dll", EqualDomainSid),
    P("advapi32.dll", EqualPrefixSid),
    P("advapi32.dll", GetWindowsAccountDomainSid),
    P("advapi32.dll", IsWellKnownSid),
    P("advapi32.dll", AllocateLocallyUniqueId),
    P("advapi32.dll", LsaLookupNames),
    P("advapi32.dll", LsaQueryInformationPolicy),
    P("advapi32.dll", LsaGetUserName),
    P("advapi32.dll", LsaManageSidNameMapping),
    P("ntdll.dll", RtlAllocateAndInitializeSid),
    P("ntdll.dll", RtlFreeSid),
    P("ntdll.dll", RtlInitializeSid),
    P("ntdll.dll", RtlLengthRequiredSid),
    P("ntdll.dll", RtlLengthSid),
    P("ntdll.dll", RtlValidSid),
    P("ntdll.dll", RtlEqualSid),
    P("ntdll.dll", RtlCopySid),
    P("ntdll.dll", RtlSubAuthoritySid),
    P("ntdll.dll", RtlSubAuthorityCountSid),
    P("ntdll.dll", RtlIdentifierAuthoritySid),
    P("ntdll.dll", RtlAllocateHeap),
    P("ntdll.dll", RtlFreeHeap),
    P("ntdll.dll", NtAllocateLocallyUniqueId),
#undef P
};

START_TEST(get_proc_address_new_functions)
{
    HMODULE m = LoadLibraryA(procs[_i].dll);
    ck_assert_ptr_nonnull(m);
    FARPROC f = GetProcAddress(m, procs[_i].name);
    ck_assert_msg(f != NULL, "%s!%s", procs[_i].dll, procs[_i].name);
    ck_assert_msg((void (*)(void))f == procs[_i].fn, "%s is another function", procs[_i].name);
    ck_assert(FreeLibrary(m));
}
END_TEST

/* ---- Layout macros (winnt.h, minwindef.h, winbase.h) ---------------------------------- */

C_ASSERT(sizeof(DWORD) == 4);
C_ASSERT(MAX_COMPUTERNAME_LENGTH == 15);

START_TEST(layout_macros)
{
    C_ASSERT(FIELD_OFFSET(SID, SubAuthority) == 8);
    ck_assert_int_eq(FIELD_OFFSET(SID, IdentifierAuthority), 2);
    int n = 3;
    ck_assert_int_eq(FIELD_OFFSET(SID, SubAuthority[n]), 20);
    ck_assert_uint_eq(RTL_FIELD_SIZE(SID, IdentifierAuthority), 6);
    ck_assert_uint_eq(RTL_SIZEOF_THROUGH_FIELD(SID, IdentifierAuthority), 8);
    SID s;
    ck_assert_ptr_eq(CONTAINING_RECORD(&s.SubAuthorityCount, SID, SubAuthorityCount), &s);
    ck_assert_uint_eq(MAKEWORD(0x34, 0x12), 0x1234);
    ck_assert_uint_eq(MAKEWORD(0x1FF, 0x2FF), 0xFFFF);
    ck_assert_uint_eq((DWORD)MAKELONG(0x5678, 0x1234), 0x12345678u);
    ck_assert_uint_eq(LOWORD(0x12345678u), 0x5678);
    ck_assert_uint_eq(HIWORD(0x12345678u), 0x1234);
    ck_assert_uint_eq(LOBYTE(0x1234), 0x34);
    ck_assert_uint_eq(HIBYTE(0x1234), 0x12);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sid_helpers");
    TCase *tc = tcase_create("heap");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, free_sid_heap_block);
    tcase_add_loop_test(tc, heap_any_allocator_any_free, 0, 6 * 5);
    tcase_add_test(tc, rtl_allocate_and_free_sid);
    tcase_add_test(tc, heap_blocks_survive_reset);
    suite_add_tcase(s, tc);

    tc = tcase_create("sid");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, sid_length_required);
    tcase_add_test(tc, initialize_sid);
    tcase_add_test(tc, sid_accessors_clear_last_error);
    tcase_add_test(tc, rtl_valid_equal_copy);
    tcase_add_loop_test(tc, equal_domain_sid, 0, (int)(sizeof domain_rows / sizeof domain_rows[0]));
    tcase_add_test(tc, equal_domain_sid_bad_arguments);
    tcase_add_loop_test(tc, equal_prefix_sid, 0, (int)(sizeof prefix_rows / sizeof prefix_rows[0]));
    tcase_add_test(tc, windows_account_domain_sid);
    tcase_add_loop_test(tc, is_well_known_sid, 0, (int)(sizeof wk_rows / sizeof wk_rows[0]));
    tcase_add_test(tc, create_well_known_sid_null_buffer);
    tcase_add_test(tc, allocate_locally_unique_id);
    tcase_add_test(tc, successes_leave_last_error);
    tcase_add_loop_test(tc, success_leaves_last_error_table, 0, SUCCESS_CALLS);
    tcase_add_test(tc, layout_macros);
    tcase_add_loop_test(tc, get_proc_address_new_functions, 0,
                        (int)(sizeof procs / sizeof procs[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(suite());
}
