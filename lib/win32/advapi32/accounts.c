/* SPDX-License-Identifier: MIT */
/*
 * LookupAccountNameA/W and LookupAccountSidA/W against the policy's accounts
 * and groups, the machine's own domain and the well-known SIDs, with the
 * names, domains and SID_NAME_USE values LookupAccountSid shows. Buffer rule:
 * when any output is too small, both sizes are set to what is needed
 * (names in characters including the terminator) and the call fails with
 * ERROR_INSUFFICIENT_BUFFER; on success the name lengths exclude it.
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "win32/advapi32/lookup.h"
#include "core/diag/trace.h"

static NTSTATUS remote(const char *system)
{
    reason_set("system name '%s' is not this machine; no remote LSA is reachable",
               system ? system : "");
    return GUESS_REMOTE_SYSTEM_STATUS;
}

static NTSTATUS name_core(const struct policy *pol, const char *sys, const char *name, PSID Sid,
                          LPDWORD cbSid, void *dom, LPDWORD cchDom, PSID_NAME_USE peUse,
                          bool wide)
{
    struct lookup_result r;
    if (!lookup_is_local_a(pol, sys))
        return remote(sys);
    if (!cbSid || !cchDom) {
        reason_set("cbSid or cchReferencedDomainName is NULL");
        return STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
    }
    /* i13-facts A4 (W-sec test_LookupAccountName): a NULL account name is
     * the machine's account domain (SidTypeDomain, named by the machine). */
    if (!name)
        name = pol->machine_name;
    if (!lookup_name(pol, name, &r)) {
        reason_set("'%s' names no account, group, domain or well-known SID of %s", name,
                   pol->machine_name);
        return STATUS_NONE_MAPPED;
    }
    DWORD need_sid = (DWORD)sid_size(&r.sid);
    DWORD need_dom = (DWORD)lookup_text_units(r.domain, wide) + 1;
    if (*cbSid < need_sid || *cchDom < need_dom) {
        reason_set("'%s' needs %u bytes of SID and %u characters of domain (with terminator); "
                   "the caller gave %u and %u",
                   name, (unsigned)need_sid, (unsigned)need_dom, (unsigned)*cbSid,
                   (unsigned)*cchDom);
        *cbSid = need_sid;
        *cchDom = need_dom;
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (!Sid || !dom) {
        reason_set("Sid or ReferencedDomainName is NULL");
        return STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
    }
    memcpy(Sid, &r.sid, need_sid);
    lookup_copy_text(r.domain, dom, wide);
    *cbSid = need_sid;
    *cchDom = need_dom - 1;
    if (peUse)
        *peUse = (SID_NAME_USE)r.use;
    char text[SID_STRING_MAX];
    reason_set("'%s' is %s\\%s, %s (SID_NAME_USE %d)", name, r.domain, r.name,
               sid_format(&r.sid, text), (int)r.use);
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI LookupAccountNameA(LPCSTR lpSystemName, LPCSTR lpAccountName, PSID Sid,
                                             LPDWORD cbSid, LPSTR ReferencedDomainName,
                                             LPDWORD cchReferencedDomainName, PSID_NAME_USE peUse)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LookupAccountNameA", lpAccountName);
    trace_args("\"%s\", \"%s\"", lpSystemName ? lpSystemName : "(null)",
               lpAccountName ? lpAccountName : "(null)");
    if (st == STATUS_SUCCESS)
        st = name_core(c.pol, lpSystemName, lpAccountName, Sid, cbSid, ReferencedDomainName,
                       cchReferencedDomainName, peUse, false);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI LookupAccountNameW(LPCWSTR lpSystemName, LPCWSTR lpAccountName,
                                             PSID Sid, LPDWORD cbSid, LPWSTR ReferencedDomainName,
                                             LPDWORD cchReferencedDomainName, PSID_NAME_USE peUse)
{
    struct api_call c;
    char *sys = lookup_wstr_utf8(lpSystemName), *name = lookup_wstr_utf8(lpAccountName);
    NTSTATUS st = api_enter(&c, "LookupAccountNameW", name);
    trace_args("\"%s\", \"%s\"", trace_wstrz(lpSystemName, LOOKUP_MAX_UNITS),
               trace_wstrz(lpAccountName, LOOKUP_MAX_UNITS));
    if (st == STATUS_SUCCESS)
        st = name_core(c.pol, sys, name, Sid, cbSid, ReferencedDomainName,
                       cchReferencedDomainName, peUse, true);
    mem_free(sys);
    mem_free(name);
    return api_leave_bool(&c, st);
}

static NTSTATUS sid_core(const struct policy *pol, const char *sys, PSID Sid, void *name,
                         LPDWORD cchName, void *dom, LPDWORD cchDom, PSID_NAME_USE peUse,
                         bool wide)
{
    struct lookup_result r;
    struct sid s;
    char text[SID_STRING_MAX];
    if (!lookup_is_local_a(pol, sys))
        return remote(sys);
    if (!lookup_read_sid(Sid, &s)) {
        reason_set("Sid is NULL or not a valid SID");
        return GUESS_LOOKUP_INVALID_SID_STATUS;
    }
    if (!cchName || !cchDom) {
        reason_set("cchName or cchReferencedDomainName is NULL");
        return STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
    }
    if (!lookup_sid(pol, &s, &r)) {
        reason_set("%s names no account, group or well-known SID of %s", sid_format(&s, text),
                   pol->machine_name);
        return STATUS_NONE_MAPPED;
    }
    DWORD need_name = (DWORD)lookup_text_units(r.name, wide) + 1;
    DWORD need_dom = (DWORD)lookup_text_units(r.domain, wide) + 1;
    if (*cchName < need_name || *cchDom < need_dom) {
        reason_set("%s\\%s needs %u and %u characters (with terminators); the caller gave %u "
                   "and %u",
                   r.domain, r.name, (unsigned)need_name, (unsigned)need_dom, (unsigned)*cchName,
                   (unsigned)*cchDom);
        *cchName = need_name;
        *cchDom = need_dom;
        return STATUS_BUFFER_TOO_SMALL;
    }
    /* i13-facts A4 (W-sec test_LookupAccountSid): LookupAccountSidA accepts
     * a NULL Name or ReferencedDomainName whose size is large enough and
     * skips it; LookupAccountSidW faults instead. */
    if ((!name || !dom) && wide) {
        reason_set("Name or ReferencedDomainName is NULL (Deviation: LookupAccountSidW faults)");
        return STATUS_INVALID_PARAMETER;
    }
    if (name)
        lookup_copy_text(r.name, name, wide);
    if (dom)
        lookup_copy_text(r.domain, dom, wide);
    *cchName = need_name - 1;
    *cchDom = need_dom - 1;
    if (peUse)
        *peUse = (SID_NAME_USE)r.use;
    reason_set("%s is %s\\%s (SID_NAME_USE %d)", sid_format(&s, text), r.domain, r.name,
               (int)r.use);
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI LookupAccountSidA(LPCSTR lpSystemName, PSID Sid, LPSTR Name,
                                            LPDWORD cchName, LPSTR ReferencedDomainName,
                                            LPDWORD cchReferencedDomainName, PSID_NAME_USE peUse)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LookupAccountSidA", NULL);
    trace_args("\"%s\"", lpSystemName ? lpSystemName : "(null)");
    if (st == STATUS_SUCCESS)
        st = sid_core(c.pol, lpSystemName, Sid, Name, cchName, ReferencedDomainName,
                      cchReferencedDomainName, peUse, false);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI LookupAccountSidW(LPCWSTR lpSystemName, PSID Sid, LPWSTR Name,
                                            LPDWORD cchName, LPWSTR ReferencedDomainName,
                                            LPDWORD cchReferencedDomainName, PSID_NAME_USE peUse)
{
    struct api_call c;
    char *sys = lookup_wstr_utf8(lpSystemName);
    NTSTATUS st = api_enter(&c, "LookupAccountSidW", NULL);
    trace_args("\"%s\"", trace_wstrz(lpSystemName, LOOKUP_MAX_UNITS));
    if (st == STATUS_SUCCESS)
        st = sid_core(c.pol, sys, Sid, Name, cchName, ReferencedDomainName,
                      cchReferencedDomainName, peUse, true);
    mem_free(sys);
    return api_leave_bool(&c, st);
}
