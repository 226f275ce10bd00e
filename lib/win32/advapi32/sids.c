/* SPDX-License-Identifier: MIT */
/*
 * The SID functions of Advapi32 (IsValidSid, EqualSid, GetLengthSid, CopySid,
 * AllocateAndInitializeSid, FreeSid, CreateWellKnownSid) and the string
 * conversions of sddl.h (ConvertSidToStringSid, ConvertStringSidToSid).
 * Strings and SIDs the conversions return are registered RETBUF_LOCAL
 * buffers (LocalFree); AllocateAndInitializeSid's are RETBUF_SID (FreeSid).
 * All of them are blocks of the process heap (retbuf.h), so either
 * function frees either, as on Windows.
 */
#include <ctype.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/win.h"
#include <sddl.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "win32/advapi32/lookup.h"
#include "win32/advapi32/sid_types.h"
#include "win32/ntdll/rtl_sid.h"
#include "core/diag/trace.h"
#include "base/utf.h"

/* ---- Validity, comparison, size, copies --------------------------------------------- */

LSAEMU_EXPORT BOOL WINAPI IsValidSid(PSID pSid)
{
    struct api_call c;
    struct sid s;
    NTSTATUS st = api_enter(&c, "IsValidSid", NULL);
    if (st != STATUS_SUCCESS)
        return api_leave_bool(&c, st);
    /* Windows answers without touching the last error. */
    BOOL ok = lookup_read_sid(pSid, &s);
    reason_set(ok ? "revision 1 with at most 15 sub-authorities"
                  : "NULL, or not revision 1 with at most 15 sub-authorities");
    return api_leave_bool_as(&c, STATUS_SUCCESS, ok);
}

LSAEMU_EXPORT BOOL WINAPI EqualSid(PSID pSid1, PSID pSid2)
{
    struct api_call c;
    struct sid a, b;
    NTSTATUS st = api_enter(&c, "EqualSid", NULL);
    if (st != STATUS_SUCCESS)
        return api_leave_bool(&c, st);
    BOOL eq = lookup_read_sid(pSid1, &a) && lookup_read_sid(pSid2, &b) && sid_equal(&a, &b);
    reason_set(eq ? "the SIDs are equal" : "the SIDs differ (or one is not valid)");
    if (GUESS_EQUAL_SID_CLEARS_LAST_ERROR)
        api_set_last_error(ERROR_SUCCESS);
    return api_leave_bool_as(&c, STATUS_SUCCESS, eq);
}

LSAEMU_EXPORT DWORD WINAPI GetLengthSid(PSID pSid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "GetLengthSid", NULL);
    if (st != STATUS_SUCCESS) {
        api_bool_result(api_leave(&c, st));
        return 0;
    }
    /* Windows does not validate: the length follows the count byte. */
    DWORD n = pSid ? 8 + 4 * (DWORD)((const BYTE *)pSid)[1] : 0;
    reason_set(pSid ? "8 + 4 * SubAuthorityCount" : "NULL SID (Deviation: Windows faults)");
    api_leave(&c, STATUS_SUCCESS);
    return n;
}

LSAEMU_EXPORT BOOL WINAPI CopySid(DWORD nDestinationSidLength, PSID pDestinationSid,
                                  PSID pSourceSid)
{
    struct api_call c;
    struct sid s;
    NTSTATUS st = api_enter(&c, "CopySid", NULL);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!lookup_read_sid(pSourceSid, &s)) {
        st = STATUS_INVALID_SID;
        reason_set("the source is not a valid SID");
        goto out;
    }
    if (nDestinationSidLength < sid_size(&s)) {
        st = STATUS_BUFFER_TOO_SMALL;
        reason_set("the SID needs %zu bytes, the buffer has %u", sid_size(&s),
                   (unsigned)nDestinationSidLength);
        goto out;
    }
    if (!pDestinationSid) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("pDestinationSid is NULL");
        goto out;
    }
    memcpy(pDestinationSid, &s, sid_size(&s));
    reason_set("copied %zu bytes", sid_size(&s));
out:
    return api_leave_bool(&c, st);
}

/* ---- AllocateAndInitializeSid / FreeSid ----------------------------------------------- */

/* i13-facts A2: wrappers of RtlAllocateAndInitializeSid and RtlFreeSid. The
 * SID is a block of the process heap; a success leaves the last error
 * alone, and FreeSid never sets it. */
LSAEMU_EXPORT BOOL WINAPI AllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY pIdentifierAuthority,
                                                   BYTE nSubAuthorityCount, DWORD nSubAuthority0,
                                                   DWORD nSubAuthority1, DWORD nSubAuthority2,
                                                   DWORD nSubAuthority3, DWORD nSubAuthority4,
                                                   DWORD nSubAuthority5, DWORD nSubAuthority6,
                                                   DWORD nSubAuthority7, PSID *pSid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "AllocateAndInitializeSid", NULL);
    trace_args("count %u", (unsigned)nSubAuthorityCount);
    if (st == STATUS_SUCCESS) {
        uint32_t subs[8] = {nSubAuthority0, nSubAuthority1, nSubAuthority2, nSubAuthority3,
                            nSubAuthority4, nSubAuthority5, nSubAuthority6, nSubAuthority7};
        st = rtlsid_allocate(pIdentifierAuthority, nSubAuthorityCount, subs, pSid);
    }
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT PVOID WINAPI FreeSid(PSID pSid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "FreeSid", NULL);
    trace_args("%p", pSid);
    if (st != STATUS_SUCCESS) {
        api_bool_result(api_leave(&c, st));
        return pSid;
    }
    PVOID back = rtlsid_free(pSid);
    if (!back)
        api_leave_quiet(&c, STATUS_SUCCESS, "SID freed");
    else
        api_leave(&c, STATUS_INVALID_PARAMETER);
    return back;
}

/* ---- CreateWellKnownSid ---------------------------------------------------------------- */

LSAEMU_EXPORT BOOL WINAPI CreateWellKnownSid(WELL_KNOWN_SID_TYPE WellKnownSidType, PSID DomainSid,
                                             PSID pSid, DWORD *cbSid)
{
    struct api_call c;
    struct sid s, dom;
    NTSTATUS st = api_enter(&c, "CreateWellKnownSid", NULL);
    trace_args("type %d", (int)WellKnownSidType);
    if (st != STATUS_SUCCESS)
        goto out;
    /* Only a domain-relative type reads DomainSid; the others ignore it
     * (i13-facts A4: identical bytes with and without one). */
    bool have_dom = lookup_read_sid(DomainSid, &dom) && dom.count < SID_MAX_SUB_AUTHORITIES;
    enum sidtype_result r =
        sidtype_build((unsigned)WellKnownSidType, have_dom ? &dom : NULL, &s);
    if (r == SIDTYPE_UNKNOWN) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("well-known SID type %d is not one CreateWellKnownSid can build",
                   (int)WellKnownSidType);
        goto out;
    }
    if (!cbSid) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("cbSid is NULL");
        goto out;
    }
    if (r == SIDTYPE_NEEDS_DOMAIN) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("type %d is relative to a domain and needs a valid DomainSid",
                   (int)WellKnownSidType);
        goto out;
    }
    if (*cbSid < sid_size(&s)) {
        st = STATUS_BUFFER_TOO_SMALL;
        reason_set("the SID needs %zu bytes, the buffer has %u", sid_size(&s), (unsigned)*cbSid);
        *cbSid = (DWORD)sid_size(&s);
        goto out;
    }
    /* W-sec test_CreateWellKnownSid (i13-facts A4): a NULL buffer claimed
     * large enough is ERROR_INVALID_PARAMETER, not 122. */
    if (!pSid) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("pSid is NULL while *cbSid (%u) claims room for the SID",
                   (unsigned)*cbSid);
        goto out;
    }
    memcpy(pSid, &s, sid_size(&s));
    *cbSid = (DWORD)sid_size(&s);
    char text[SID_STRING_MAX];
    reason_set("type %d is %s", (int)WellKnownSidType, sid_format(&s, text));
out:
    return api_leave_bool(&c, st);
}

/* ---- String conversions ------------------------------------------------------------------ */

static NTSTATUS sid_to_string(PSID Sid, void **out, bool wide)
{
    struct sid s;
    if (!out) {
        reason_set("StringSid is NULL");
        return STATUS_INVALID_PARAMETER;
    }
    if (!Sid) {
        reason_set("Sid is NULL");
        return STATUS_INVALID_PARAMETER;
    }
    if (!lookup_read_sid(Sid, &s)) {
        reason_set("not a valid SID (revision 1, at most 15 sub-authorities)");
        return STATUS_INVALID_SID;
    }
    char text[SID_STRING_MAX];
    sid_format(&s, text);
    size_t n = strlen(text) + 1, size = wide ? 2 * n : n;
    void *buf = retbuf_new(size);
    if (buf) {
        lookup_copy_text(text, buf, wide);
        if (retbuf_publish(buf, RETBUF_LOCAL, size) != 0) {
            retbuf_discard(buf);
            buf = NULL;
        }
    }
    if (!buf) {
        reason_set("out of memory");
        return STATUS_NO_MEMORY;
    }
    *out = buf;
    reason_set("%s (free it with LocalFree)", text);
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI ConvertSidToStringSidA(PSID Sid, LPSTR *StringSid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "ConvertSidToStringSidA", NULL);
    if (st == STATUS_SUCCESS)
        st = sid_to_string(Sid, (void **)StringSid, false);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI ConvertSidToStringSidW(PSID Sid, LPWSTR *StringSid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "ConvertSidToStringSidW", NULL);
    if (st == STATUS_SUCCESS)
        st = sid_to_string(Sid, (void **)StringSid, true);
    return api_leave_bool(&c, st);
}

/*
 * The SDDL SID aliases (i13-facts A7: the sid-strings page's table, MS-DTYP
 * 2.5.1.1 for MS; Windows accepts them in ConvertStringSidToSid, in any
 * case, although the page says it does not). A row with a rid is relative
 * to a domain: LA and LG to the machine's account domain, the others to
 * the domain the machine is joined to.
 */
enum alias_base { BASE_FIXED, BASE_MACHINE, BASE_DOMAIN };
static const struct {
    char alias[3];
    uint8_t authority, count;
    uint32_t sub[6];
    enum alias_base base; /* BASE_FIXED: the SID above; else base + sub[0] */
} sddl_aliases[] = {
    {"AA", 5, 2, {32, 579}, BASE_FIXED},  {"AC", 15, 2, {2, 1}, BASE_FIXED},
    {"AN", 5, 1, {7}, BASE_FIXED},        {"AO", 5, 2, {32, 548}, BASE_FIXED},
    {"AP", 0, 0, {525}, BASE_DOMAIN},     {"AS", 18, 1, {1}, BASE_FIXED},
    {"AU", 5, 1, {11}, BASE_FIXED},       {"BA", 5, 2, {32, 544}, BASE_FIXED},
    {"BG", 5, 2, {32, 546}, BASE_FIXED},  {"BO", 5, 2, {32, 551}, BASE_FIXED},
    {"BU", 5, 2, {32, 545}, BASE_FIXED},  {"CA", 0, 0, {517}, BASE_DOMAIN},
    {"CD", 5, 2, {32, 574}, BASE_FIXED},  {"CG", 3, 1, {1}, BASE_FIXED},
    {"CN", 0, 0, {522}, BASE_DOMAIN},     {"CO", 3, 1, {0}, BASE_FIXED},
    {"CY", 5, 2, {32, 569}, BASE_FIXED},  {"DA", 0, 0, {512}, BASE_DOMAIN},
    {"DC", 0, 0, {515}, BASE_DOMAIN},     {"DD", 0, 0, {516}, BASE_DOMAIN},
    {"DG", 0, 0, {514}, BASE_DOMAIN},     {"DU", 0, 0, {513}, BASE_DOMAIN},
    {"EA", 0, 0, {519}, BASE_DOMAIN},     {"ED", 5, 1, {9}, BASE_FIXED},
    {"EK", 0, 0, {527}, BASE_DOMAIN},     {"ER", 5, 2, {32, 573}, BASE_FIXED},
    {"ES", 5, 2, {32, 576}, BASE_FIXED},  {"HA", 5, 2, {32, 578}, BASE_FIXED},
    {"HI", 16, 1, {12288}, BASE_FIXED},   {"IS", 5, 2, {32, 568}, BASE_FIXED},
    {"IU", 5, 1, {4}, BASE_FIXED},        {"KA", 0, 0, {526}, BASE_DOMAIN},
    {"LA", 0, 0, {500}, BASE_MACHINE},    {"LG", 0, 0, {501}, BASE_MACHINE},
    {"LS", 5, 1, {19}, BASE_FIXED},       {"LU", 5, 2, {32, 559}, BASE_FIXED},
    {"LW", 16, 1, {4096}, BASE_FIXED},    {"ME", 16, 1, {8192}, BASE_FIXED},
    {"MP", 16, 1, {8448}, BASE_FIXED},    {"MS", 5, 2, {32, 577}, BASE_FIXED},
    {"MU", 5, 2, {32, 558}, BASE_FIXED},  {"NO", 5, 2, {32, 556}, BASE_FIXED},
    {"NS", 5, 1, {20}, BASE_FIXED},       {"NU", 5, 1, {2}, BASE_FIXED},
    {"OW", 3, 1, {4}, BASE_FIXED},        {"PA", 0, 0, {520}, BASE_DOMAIN},
    {"PO", 5, 2, {32, 550}, BASE_FIXED},  {"PS", 5, 1, {10}, BASE_FIXED},
    {"PU", 5, 2, {32, 547}, BASE_FIXED},  {"RA", 5, 2, {32, 575}, BASE_FIXED},
    {"RC", 5, 1, {12}, BASE_FIXED},       {"RD", 5, 2, {32, 555}, BASE_FIXED},
    {"RE", 5, 2, {32, 552}, BASE_FIXED},  {"RM", 5, 2, {32, 580}, BASE_FIXED},
    {"RO", 0, 0, {498}, BASE_DOMAIN},     {"RS", 0, 0, {553}, BASE_DOMAIN},
    {"RU", 5, 2, {32, 554}, BASE_FIXED},  {"SA", 0, 0, {518}, BASE_DOMAIN},
    {"SI", 16, 1, {16384}, BASE_FIXED},   {"SO", 5, 2, {32, 549}, BASE_FIXED},
    {"SS", 18, 1, {2}, BASE_FIXED},       {"SU", 5, 1, {6}, BASE_FIXED},
    {"SY", 5, 1, {18}, BASE_FIXED},       {"UD", 5, 6, {84, 0, 0, 0, 0, 0}, BASE_FIXED},
    {"WD", 1, 1, {0}, BASE_FIXED},        {"WR", 5, 1, {33}, BASE_FIXED},
};

/* The SID of a two-letter alias: 1 found, 0 no such alias, -1 an alias
 * relative to a domain this machine does not have (*why set). */
static int alias_sid(const struct policy *pol, const char *text, struct sid *out,
                     const char **why)
{
    for (size_t i = 0; i < sizeof sddl_aliases / sizeof sddl_aliases[0]; i++) {
        if (strcasecmp(text, sddl_aliases[i].alias) != 0)
            continue;
        char netbios[16];
        struct sid dom;
        switch (sddl_aliases[i].base) {
        case BASE_FIXED:
            *out = sid_make(sddl_aliases[i].authority, sddl_aliases[i].count,
                            sddl_aliases[i].sub);
            return 1;
        case BASE_MACHINE:
            *out = sid_append(&pol->machine_sid, sddl_aliases[i].sub[0]);
            return 1;
        case BASE_DOMAIN:
            if (!lookup_joined_domain(pol, netbios, sizeof netbios, &dom)) {
                if (!GUESS_SDDL_DOMAIN_ALIAS_WORKGROUP) {
                    *why = "it names a group of a domain and the machine is in none";
                    return -1;
                }
                dom = pol->machine_sid;
            }
            *out = sid_append(&dom, sddl_aliases[i].sub[0]);
            return 1;
        }
    }
    return 0;
}

/* One number of an SID string: decimal, or hexadecimal after 0x or 0X
 * (i13-facts A7: "S-0x1-0XC-0x1a" is S-1-12-26), at most max. Advances *p. */
static bool sddl_number(const char **p, uint64_t max, uint64_t *out)
{
    const char *s = *p;
    unsigned base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    uint64_t v = 0;
    const char *start = s;
    for (;; s++) {
        unsigned d;
        if (*s >= '0' && *s <= '9')
            d = (unsigned)(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f')
            d = (unsigned)(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F')
            d = (unsigned)(*s - 'A' + 10);
        else
            break;
        if (v > (max - d) / base)
            return false;
        v = v * base + d;
    }
    if (s == start)
        return false;
    *p = s;
    *out = v;
    return true;
}

/*
 * "S-R-A-S1-...": R is 1, A a 48-bit authority, then 1 to 15 32-bit
 * sub-authorities, each decimal or 0x-hex, the S in either case. Unlike
 * the policy's own SID syntax, "S-1-5" (no sub-authority) is refused
 * (i13-facts A7: ERROR_INVALID_SID).
 */
static bool parse_string_sid(const char *text, struct sid *out)
{
    const char *p = text;
    uint64_t rev, auth, v;
    if ((p[0] != 'S' && p[0] != 's') || p[1] != '-')
        return false;
    p += 2;
    if (!sddl_number(&p, 255, &rev) || rev != SID_REVISION || *p++ != '-' ||
        !sddl_number(&p, 0xFFFFFFFFFFFFull, &auth))
        return false;
    uint32_t subs[SID_MAX_SUB_AUTHORITIES];
    unsigned n = 0;
    while (*p == '-') {
        p++;
        if (n == SID_MAX_SUB_AUTHORITIES || !sddl_number(&p, 0xFFFFFFFFu, &v))
            return false;
        subs[n++] = (uint32_t)v;
    }
    if (*p || n == 0)
        return false;
    *out = sid_make(auth, n, subs);
    return true;
}

static NTSTATUS string_to_sid(const struct policy *pol, const char *text, PSID *out)
{
    struct sid s;
    const char *why = NULL;
    if (!text || !out) {
        reason_set("StringSid or Sid is NULL");
        return STATUS_INVALID_PARAMETER;
    }
    int alias = strlen(text) == 2 ? alias_sid(pol, text, &s, &why) : 0;
    if (alias < 0) {
        reason_set("'%s': %s", text, why);
        return STATUS_INVALID_SID;
    }
    if (alias == 0 && !parse_string_sid(text, &s)) {
        reason_set("'%s' is neither an SID string (S-1-...) nor a known SDDL alias", text);
        return STATUS_INVALID_SID;
    }
    void *buf = retbuf_new(sid_size(&s));
    if (buf) {
        memcpy(buf, &s, sid_size(&s));
        if (retbuf_publish(buf, RETBUF_LOCAL, sid_size(&s)) != 0) {
            retbuf_discard(buf);
            buf = NULL;
        }
    }
    if (!buf) {
        reason_set("out of memory");
        return STATUS_NO_MEMORY;
    }
    *out = buf;
    char t[SID_STRING_MAX];
    reason_set("'%s' is %s (free it with LocalFree)", text, sid_format(&s, t));
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI ConvertStringSidToSidA(LPCSTR StringSid, PSID *Sid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "ConvertStringSidToSidA", NULL);
    trace_args("\"%s\"", StringSid ? StringSid : "(null)");
    if (st == STATUS_SUCCESS)
        st = string_to_sid(c.pol, StringSid, Sid);
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI ConvertStringSidToSidW(LPCWSTR StringSid, PSID *Sid)
{
    struct api_call c;
    char *text = lookup_wstr_utf8(StringSid);
    NTSTATUS st = api_enter(&c, "ConvertStringSidToSidW", NULL);
    trace_args("\"%s\"", trace_wstrz(StringSid, LOOKUP_MAX_UNITS));
    if (st == STATUS_SUCCESS) {
        if (StringSid && !text) {
            st = STATUS_NO_MEMORY;
            reason_set("out of memory");
        } else {
            st = string_to_sid(c.pol, text, Sid);
        }
    }
    mem_free(text);
    return api_leave_bool(&c, st);
}
