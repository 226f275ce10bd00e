/* SPDX-License-Identifier: MIT */
/*
 * ntdll's SID functions (declared in winternl.h): RtlAllocateAndInitializeSid,
 * RtlFreeSid, RtlInitializeSid, RtlLengthRequiredSid, RtlLengthSid,
 * RtlValidSid, RtlEqualSid, RtlCopySid, RtlSubAuthoritySid,
 * RtlSubAuthorityCountSid, RtlIdentifierAuthoritySid, and
 * NtAllocateLocallyUniqueId (i13-facts B1, B2, B4). Like the kernel-mode
 * routines the WDK documents, they validate little: the accessors compute
 * addresses without reading the SID, as Windows does.
 *
 * None of them touches the thread's last error: ntdll functions report
 * through their NTSTATUS or BOOLEAN only. An emulated call that cannot run
 * (broken LSAEMU_POLICY, an injected fault) answers its failure value
 * (the status, FALSE, 0, NULL).
 */
#include "win32/ntdll/rtl_sid.h"

#include <stddef.h>
#include <string.h>

#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/state/retbuf.h"
#include "core/state/sessions.h"
#include "win32/advapi32/lookup.h"
#include <winternl.h>

NTSTATUS rtlsid_allocate(const SID_IDENTIFIER_AUTHORITY *auth, unsigned count,
                         const uint32_t subs[8], PSID *sid)
{
    if (!auth || !sid) {
        reason_set("the authority or the SID pointer is NULL (Deviation: Windows faults)");
        return STATUS_INVALID_PARAMETER;
    }
    if (count > 8) {
        reason_set("%u sub-authorities; at most 8 can be given", count);
        return GUESS_ALLOCATE_SID_TOO_MANY_STATUS;
    }
    struct sid s = {0};
    s.revision = 1;
    s.count = (uint8_t)count;
    memcpy(s.authority, auth->Value, 6);
    memcpy(s.sub, subs, sizeof(uint32_t) * count);
    void *buf = retbuf_new(sid_size(&s));
    if (buf) {
        memcpy(buf, &s, sid_size(&s));
        if (retbuf_publish(buf, RETBUF_SID, sid_size(&s)) != 0) {
            retbuf_discard(buf);
            buf = NULL;
        }
    }
    if (!buf) {
        reason_set("out of memory");
        return STATUS_NO_MEMORY;
    }
    *sid = buf;
    char text[SID_STRING_MAX];
    reason_set("allocated %s on the process heap (free it with FreeSid)", sid_format(&s, text));
    return STATUS_SUCCESS;
}

PVOID rtlsid_free(PSID sid)
{
    if (!sid) {
        reason_set("nothing to free");
        return NULL;
    }
    if (retbuf_heap_free(sid) == 0) {
        reason_set("%p freed", sid);
        return NULL;
    }
    reason_set("%p is no block of the process heap (never allocated, already freed, or "
               "memory of another allocator); it is handed back",
               sid);
    return sid;
}

/* ---- Allocation ------------------------------------------------------------ */

LSAEMU_EXPORT NTSTATUS NTAPI RtlAllocateAndInitializeSid(
    PSID_IDENTIFIER_AUTHORITY IdentifierAuthority, UCHAR SubAuthorityCount, ULONG SubAuthority0,
    ULONG SubAuthority1, ULONG SubAuthority2, ULONG SubAuthority3, ULONG SubAuthority4,
    ULONG SubAuthority5, ULONG SubAuthority6, ULONG SubAuthority7, PSID *Sid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlAllocateAndInitializeSid", NULL);
    trace_args("count %u", (unsigned)SubAuthorityCount);
    if (st == STATUS_SUCCESS) {
        uint32_t subs[8] = {SubAuthority0, SubAuthority1, SubAuthority2, SubAuthority3,
                            SubAuthority4, SubAuthority5, SubAuthority6, SubAuthority7};
        st = rtlsid_allocate(IdentifierAuthority, SubAuthorityCount, subs, Sid);
    }
    return api_leave(&c, st);
}

LSAEMU_EXPORT PVOID NTAPI RtlFreeSid(PSID Sid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlFreeSid", NULL);
    trace_args("%p", Sid);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return Sid;
    }
    PVOID back = rtlsid_free(Sid);
    if (!back)
        api_leave_quiet(&c, STATUS_SUCCESS, "SID freed");
    else
        api_leave(&c, STATUS_INVALID_PARAMETER);
    return back;
}

LSAEMU_EXPORT NTSTATUS NTAPI NtAllocateLocallyUniqueId(PLUID LocallyUniqueId)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "NtAllocateLocallyUniqueId", NULL);
    trace_args("%p", (void *)LocallyUniqueId);
    if (st != STATUS_SUCCESS)
        return api_leave(&c, st);
    if (!LocallyUniqueId) {
        /* The system call probes the pointer (AllocateLocallyUniqueId(NULL)
         * reports ERROR_NOACCESS, W-sec test_allocateLuid). */
        reason_set("LocallyUniqueId is NULL");
        return api_leave(&c, GUESS_ALLOCATE_LUID_NULL_STATUS);
    }
    struct luid l = luid_next();
    LocallyUniqueId->LowPart = l.low;
    LocallyUniqueId->HighPart = (LONG)l.high;
    reason_set("LUID %08X:%08X", (unsigned)l.high, (unsigned)l.low);
    return api_leave(&c, STATUS_SUCCESS);
}

/* ---- Building and reading SIDs in place ------------------------------------- */

LSAEMU_EXPORT ULONG NTAPI RtlLengthRequiredSid(ULONG SubAuthorityCount)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlLengthRequiredSid", NULL);
    trace_args("%lu", (unsigned long)SubAuthorityCount);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return 0;
    }
    /* FIELD_OFFSET(SID, SubAuthority[n]), unchecked (i13-facts B2). */
    ULONG n = 8 + 4 * SubAuthorityCount;
    reason_set("8 + 4 * %lu", (unsigned long)SubAuthorityCount);
    api_leave(&c, STATUS_SUCCESS);
    return n;
}

LSAEMU_EXPORT NTSTATUS NTAPI RtlInitializeSid(PSID Sid,
                                              PSID_IDENTIFIER_AUTHORITY IdentifierAuthority,
                                              UCHAR SubAuthorityCount)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlInitializeSid", NULL);
    trace_args("%p, count %u", Sid, (unsigned)SubAuthorityCount);
    if (st != STATUS_SUCCESS)
        return api_leave(&c, st);
    /* The WDK: STATUS_INVALID_PARAMETER for an invalid count. */
    if (SubAuthorityCount > SID_MAX_SUB_AUTHORITIES) {
        reason_set("%u sub-authorities; a SID has at most 15", (unsigned)SubAuthorityCount);
        return api_leave(&c, GUESS_INITIALIZE_SID_TOO_MANY_STATUS);
    }
    if (!Sid || !IdentifierAuthority) {
        reason_set("Sid or IdentifierAuthority is NULL (Deviation: Windows faults)");
        return api_leave(&c, STATUS_INVALID_PARAMETER);
    }
    /* The revision, count and authority; the sub-authorities are the
     * caller's to set (InitializeSid's page). */
    uint8_t *b = Sid;
    b[0] = SID_REVISION;
    b[1] = SubAuthorityCount;
    memcpy(b + 2, IdentifierAuthority->Value, 6);
    reason_set("initialised for %u sub-authorities", (unsigned)SubAuthorityCount);
    return api_leave(&c, STATUS_SUCCESS);
}

LSAEMU_EXPORT ULONG NTAPI RtlLengthSid(PSID Sid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlLengthSid", NULL);
    trace_args("%p", Sid);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return 0;
    }
    /* Unvalidated, as GetLengthSid: the length follows the count byte. */
    ULONG n = Sid ? 8 + 4 * (ULONG)((const uint8_t *)Sid)[1] : 0;
    reason_set(Sid ? "8 + 4 * SubAuthorityCount" : "NULL SID (Deviation: Windows faults)");
    api_leave(&c, STATUS_SUCCESS);
    return n;
}

LSAEMU_EXPORT BOOLEAN NTAPI RtlValidSid(PSID Sid)
{
    struct api_call c;
    struct sid s;
    NTSTATUS st = api_enter(&c, "RtlValidSid", NULL);
    trace_args("%p", Sid);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return FALSE;
    }
    BOOLEAN ok = lookup_read_sid(Sid, &s);
    reason_set(ok ? "revision 1 with at most 15 sub-authorities"
                  : "NULL, or not revision 1 with at most 15 sub-authorities");
    api_leave(&c, STATUS_SUCCESS);
    return ok;
}

LSAEMU_EXPORT BOOLEAN NTAPI RtlEqualSid(PSID Sid1, PSID Sid2)
{
    struct api_call c;
    struct sid a, b;
    NTSTATUS st = api_enter(&c, "RtlEqualSid", NULL);
    trace_args("%p, %p", Sid1, Sid2);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return FALSE;
    }
    BOOLEAN eq = lookup_read_sid(Sid1, &a) && lookup_read_sid(Sid2, &b) && sid_equal(&a, &b);
    reason_set(eq ? "the SIDs are equal" : "the SIDs differ (or one is not valid)");
    api_leave(&c, STATUS_SUCCESS);
    return eq;
}

LSAEMU_EXPORT NTSTATUS NTAPI RtlCopySid(ULONG DestinationSidLength, PSID DestinationSid,
                                        PSID SourceSid)
{
    struct api_call c;
    struct sid s;
    NTSTATUS st = api_enter(&c, "RtlCopySid", NULL);
    trace_args("%lu, %p, %p", (unsigned long)DestinationSidLength, DestinationSid, SourceSid);
    if (st != STATUS_SUCCESS)
        return api_leave(&c, st);
    if (!lookup_read_sid(SourceSid, &s)) {
        reason_set("the source is not a valid SID (Deviation: Windows copies what it finds)");
        return api_leave(&c, STATUS_INVALID_SID);
    }
    if (DestinationSidLength < sid_size(&s)) {
        reason_set("the SID needs %zu bytes, the buffer has %lu", sid_size(&s),
                   (unsigned long)DestinationSidLength);
        return api_leave(&c, STATUS_BUFFER_TOO_SMALL);
    }
    if (!DestinationSid) {
        reason_set("DestinationSid is NULL (Deviation: Windows faults)");
        return api_leave(&c, STATUS_INVALID_PARAMETER);
    }
    memcpy(DestinationSid, &s, sid_size(&s));
    reason_set("copied %zu bytes", sid_size(&s));
    return api_leave(&c, STATUS_SUCCESS);
}

/* The accessors: addresses inside the SID, computed as Windows does
 * without reading it (an out-of-range index gives an address past it). */
static void *sid_field(PSID sid, size_t offset)
{
    return (void *)((uintptr_t)sid + offset);
}

LSAEMU_EXPORT PULONG NTAPI RtlSubAuthoritySid(PSID Sid, ULONG SubAuthority)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlSubAuthoritySid", NULL);
    trace_args("%p, %lu", Sid, (unsigned long)SubAuthority);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return NULL;
    }
    reason_set("the address of sub-authority %lu", (unsigned long)SubAuthority);
    api_leave(&c, STATUS_SUCCESS);
    return sid_field(Sid, 8 + 4 * (size_t)SubAuthority);
}

LSAEMU_EXPORT PUCHAR NTAPI RtlSubAuthorityCountSid(PSID Sid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlSubAuthorityCountSid", NULL);
    trace_args("%p", Sid);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return NULL;
    }
    reason_set("the address of the sub-authority count");
    api_leave(&c, STATUS_SUCCESS);
    return sid_field(Sid, 1);
}

LSAEMU_EXPORT PSID_IDENTIFIER_AUTHORITY NTAPI RtlIdentifierAuthoritySid(PSID Sid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "RtlIdentifierAuthoritySid", NULL);
    trace_args("%p", Sid);
    if (st != STATUS_SUCCESS) {
        api_leave(&c, st);
        return NULL;
    }
    reason_set("the address of the identifier authority");
    api_leave(&c, STATUS_SUCCESS);
    return sid_field(Sid, 2);
}
