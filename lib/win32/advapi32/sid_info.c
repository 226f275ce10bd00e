/* SPDX-License-Identifier: MIT */
/*
 * The SID helpers of Advapi32 (securitybaseapi.h) that callers use to build
 * and take SIDs apart: InitializeSid, GetSidLengthRequired,
 * GetSidSubAuthority, GetSidSubAuthorityCount, GetSidIdentifierAuthority,
 * EqualDomainSid, EqualPrefixSid, GetWindowsAccountDomainSid,
 * IsWellKnownSid, and AllocateLocallyUniqueId (i13-facts B1-B3).
 *
 * Last error: GetSidSubAuthority, GetSidSubAuthorityCount,
 * GetSidIdentifierAuthority and a successful EqualDomainSid set it to 0
 * (observed, W-sec); the others set it only on failure.
 */
#include <string.h>

#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/model/status.h"
#include "core/state/sessions.h"
#include "win32/advapi32/lookup.h"
#include "win32/advapi32/sid_types.h"

/* A Win32 error that no NTSTATUS maps to, in the NTSTATUS form Windows
 * uses for them (FACILITY_NTWIN32, the SDK's NTSTATUS_FROM_WIN32), which
 * api_bool_result() turns back into the error. */
#define WIN32_STATUS(e) ((NTSTATUS)(0xC0070000u | (e)))

/* Enters a call whose answer is not a BOOL: on failure sets the last error
 * to the Win32 mapping of the status and returns false. */
static bool enter(struct api_call *c, const char *fn)
{
    NTSTATUS st = api_enter(c, fn, NULL);
    if (st == STATUS_SUCCESS)
        return true;
    api_set_last_error(status_to_win32(st));
    api_leave(c, st);
    return false;
}

LSAEMU_EXPORT BOOL WINAPI InitializeSid(PSID Sid, PSID_IDENTIFIER_AUTHORITY pIdentifierAuthority,
                                        BYTE nSubAuthorityCount)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "InitializeSid", NULL);
    trace_args("%p, count %u", Sid, (unsigned)nSubAuthorityCount);
    if (st != STATUS_SUCCESS)
        goto out;
    /* RtlInitializeSid's STATUS_INVALID_PARAMETER for a count above 15
     * (the WDK), which Advapi32 reports as 87. */
    if (nSubAuthorityCount > SID_MAX_SUB_AUTHORITIES) {
        st = GUESS_INITIALIZE_SID_TOO_MANY_STATUS;
        reason_set("%u sub-authorities; a SID has at most 15", (unsigned)nSubAuthorityCount);
        goto out;
    }
    if (!Sid || !pIdentifierAuthority) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("Sid or pIdentifierAuthority is NULL (Deviation: Windows faults)");
        goto out;
    }
    /* The page: it sets the count but not the sub-authorities. */
    uint8_t *b = Sid;
    b[0] = SID_REVISION;
    b[1] = nSubAuthorityCount;
    memcpy(b + 2, pIdentifierAuthority->Value, 6);
    reason_set("initialised for %u sub-authorities", (unsigned)nSubAuthorityCount);
out:
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT DWORD WINAPI GetSidLengthRequired(UCHAR nSubAuthorityCount)
{
    struct api_call c;
    if (!enter(&c, "GetSidLengthRequired"))
        return 0;
    trace_args("%u", (unsigned)nSubAuthorityCount);
    /* W-sec test_CreateWellKnownSid: 8 + 4n, whatever n. */
    reason_set("8 + 4 * %u", (unsigned)nSubAuthorityCount);
    api_leave(&c, STATUS_SUCCESS);
    return 8 + 4 * (DWORD)nSubAuthorityCount;
}

/* The accessors compute an address inside the SID without reading it or
 * checking the index (the pages: "does not handle SID structures that are
 * not valid"), and set the last error to 0 (W-sec test_GetSidSubAuthority,
 * test_GetSidIdentifierAuthority: even for an invalid SID or NULL). */
static void *sid_field(PSID sid, size_t offset)
{
    return (void *)((uintptr_t)sid + offset);
}

LSAEMU_EXPORT PDWORD WINAPI GetSidSubAuthority(PSID pSid, DWORD nSubAuthority)
{
    struct api_call c;
    if (!enter(&c, "GetSidSubAuthority"))
        return NULL;
    trace_args("%p, %lu", pSid, (unsigned long)nSubAuthority);
    reason_set("the address of sub-authority %lu", (unsigned long)nSubAuthority);
    api_leave(&c, STATUS_SUCCESS);
    api_set_last_error(ERROR_SUCCESS);
    return sid_field(pSid, 8 + 4 * (size_t)nSubAuthority);
}

LSAEMU_EXPORT PUCHAR WINAPI GetSidSubAuthorityCount(PSID pSid)
{
    struct api_call c;
    if (!enter(&c, "GetSidSubAuthorityCount"))
        return NULL;
    trace_args("%p", pSid);
    reason_set("the address of the sub-authority count");
    api_leave(&c, STATUS_SUCCESS);
    api_set_last_error(ERROR_SUCCESS);
    return sid_field(pSid, 1);
}

LSAEMU_EXPORT PSID_IDENTIFIER_AUTHORITY WINAPI GetSidIdentifierAuthority(PSID pSid)
{
    struct api_call c;
    if (!enter(&c, "GetSidIdentifierAuthority"))
        return NULL;
    trace_args("%p", pSid);
    reason_set("the address of the identifier authority");
    api_leave(&c, STATUS_SUCCESS);
    api_set_last_error(ERROR_SUCCESS);
    return sid_field(pSid, 2);
}

/* The domain part of an account-domain SID (S-1-5-21-a-b-c...) or of a
 * BUILTIN SID (S-1-5-32...), or false for any other. */
static bool domain_part(const struct sid *s, struct sid *dom)
{
    if (sid_authority(s) != 5 || s->count < 1)
        return false;
    if (s->sub[0] == 32) {
        *dom = sid_make1(5, 32);
        return true;
    }
    if (s->sub[0] == 21 && s->count >= 4) {
        *dom = sid_make(5, 4, s->sub);
        return true;
    }
    return false;
}

LSAEMU_EXPORT BOOL WINAPI EqualDomainSid(PSID pSid1, PSID pSid2, BOOL *pfEqual)
{
    struct api_call c;
    struct sid a, b, da, db;
    char ta[SID_STRING_MAX];
    NTSTATUS st = api_enter(&c, "EqualDomainSid", NULL);
    trace_args("%p, %p", pSid1, pSid2);
    if (st != STATUS_SUCCESS)
        goto out;
    /* W-sec test_EqualDomainSid: the SIDs are checked before pfEqual
     * ((NULL, NULL, NULL) is 1337, (dom, dom, NULL) is 87). */
    if (!lookup_read_sid(pSid1, &a) || !lookup_read_sid(pSid2, &b)) {
        st = STATUS_INVALID_SID;
        reason_set("pSid1 or pSid2 is NULL or not a valid SID");
        goto out;
    }
    if (!pfEqual) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("pfEqual is NULL");
        goto out;
    }
    /* The page: both must be account-domain or BUILTIN SIDs, else
     * ERROR_NON_DOMAIN_SID, *pfEqual untouched (observed). */
    if (!domain_part(&a, &da) || !domain_part(&b, &db)) {
        st = WIN32_STATUS(ERROR_NON_DOMAIN_SID);
        reason_set("%s is neither an account-domain SID (S-1-5-21-...) nor a BUILTIN one",
                   sid_format(domain_part(&a, &da) ? &b : &a, ta));
        goto out;
    }
    *pfEqual = sid_equal(&da, &db);
    reason_set("the domains %s", *pfEqual ? "are equal" : "differ");
out:
    /* A success sets the last error to 0 (W-sec test_EqualDomainSid). */
    return api_leave_bool_clear(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI EqualPrefixSid(PSID pSid1, PSID pSid2)
{
    struct api_call c;
    struct sid a, b;
    NTSTATUS st = api_enter(&c, "EqualPrefixSid", NULL);
    trace_args("%p, %p", pSid1, pSid2);
    if (st != STATUS_SUCCESS)
        return api_leave_bool(&c, st);
    /* The prefix is everything but the last sub-authority; the counts must
     * match (i13-facts B3); an invalid SID compares unequal. */
    bool eq = lookup_read_sid(pSid1, &a) && lookup_read_sid(pSid2, &b) && a.count == b.count &&
              memcmp(a.authority, b.authority, 6) == 0;
    for (unsigned i = 0; eq && i + 1 < a.count; i++)
        eq = a.sub[i] == b.sub[i];
    reason_set(eq ? "the prefixes are equal"
                  : "the prefixes differ (or a SID is not valid, or the counts differ)");
    return api_leave_bool_as(&c, STATUS_SUCCESS, eq);
}

LSAEMU_EXPORT BOOL WINAPI GetWindowsAccountDomainSid(PSID pSid, PSID pDomainSid,
                                                     DWORD *cbDomainSid)
{
    struct api_call c;
    struct sid s, dom;
    char text[SID_STRING_MAX];
    NTSTATUS st = api_enter(&c, "GetWindowsAccountDomainSid", NULL);
    trace_args("%p, %p", pSid, pDomainSid);
    if (st != STATUS_SUCCESS)
        goto out;
    /* W-sec test_GetWindowsAccountDomainSid: (0,0,0) is 1337, (user,0,0)
     * and (user,buf,0) are 87. */
    if (!lookup_read_sid(pSid, &s)) {
        st = STATUS_INVALID_SID;
        reason_set("pSid is NULL or not a valid SID");
        goto out;
    }
    if (!cbDomainSid) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("cbDomainSid is NULL");
        goto out;
    }
    if (sid_authority(&s) != 5 || s.count < 4 || s.sub[0] != 21) {
        st = GUESS_NOT_ACCOUNT_SID_STATUS;
        reason_set("%s is not an account SID (S-1-5-21-a-b-c...)", sid_format(&s, text));
        goto out;
    }
    dom = sid_make(5, 4, s.sub);
    /* Observed: the size is written for 122 and for a NULL buffer alike. */
    DWORD need = (DWORD)sid_size(&dom), given = *cbDomainSid;
    *cbDomainSid = need;
    if (given < need) {
        st = STATUS_BUFFER_TOO_SMALL;
        reason_set("the domain SID needs %lu bytes, the buffer has %lu", (unsigned long)need,
                   (unsigned long)given);
        goto out;
    }
    if (!pDomainSid) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("pDomainSid is NULL");
        goto out;
    }
    memcpy(pDomainSid, &dom, need);
    reason_set("the account domain of it is %s", sid_format(&dom, text));
out:
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI IsWellKnownSid(PSID pSid, WELL_KNOWN_SID_TYPE WellKnownSidType)
{
    struct api_call c;
    struct sid s;
    NTSTATUS st = api_enter(&c, "IsWellKnownSid", NULL);
    trace_args("%p, type %d", pSid, (int)WellKnownSidType);
    if (st != STATUS_SUCCESS)
        return api_leave_bool(&c, st);
    BOOL yes = lookup_read_sid(pSid, &s) && sidtype_is(&s, (unsigned)WellKnownSidType);
    reason_set(yes ? "the SID is of type %d" : "the SID is not of type %d (or not valid)",
               (int)WellKnownSidType);
    return api_leave_bool_as(&c, STATUS_SUCCESS, yes);
}

LSAEMU_EXPORT BOOL WINAPI AllocateLocallyUniqueId(PLUID Luid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "AllocateLocallyUniqueId", NULL);
    trace_args("%p", (void *)Luid);
    if (st != STATUS_SUCCESS)
        goto out;
    /* W-sec test_allocateLuid: FALSE with ERROR_NOACCESS (998). */
    if (!Luid) {
        st = GUESS_ALLOCATE_LUID_NULL_STATUS;
        reason_set("Luid is NULL");
        goto out;
    }
    struct luid l = luid_next();
    Luid->LowPart = l.low;
    Luid->HighPart = (LONG)l.high;
    reason_set("LUID %08X:%08X", (unsigned)l.high, (unsigned)l.low);
out:
    return api_leave_bool(&c, st);
}
