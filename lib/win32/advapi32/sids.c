/* SPDX-License-Identifier: MIT */
/*
 * The SID functions of Advapi32 (IsValidSid, EqualSid, GetLengthSid, CopySid,
 * AllocateAndInitializeSid, FreeSid, CreateWellKnownSid) and the string
 * conversions of sddl.h (ConvertSidToStringSid, ConvertStringSidToSid).
 * Strings and SIDs the conversions return are registered RETBUF_LOCAL
 * buffers (LocalFree); AllocateAndInitializeSid's are RETBUF_SID (FreeSid).
 */
#include <ctype.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sddl.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "win32/advapi32/lookup.h"
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
    if (st != STATUS_SUCCESS)
        goto out;
    if (!pIdentifierAuthority || !pSid) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("pIdentifierAuthority or pSid is NULL");
        goto out;
    }
    if (nSubAuthorityCount > 8) {
        st = GUESS_ALLOCATE_SID_TOO_MANY_STATUS;
        reason_set("%u sub-authorities; AllocateAndInitializeSid takes at most 8",
                   (unsigned)nSubAuthorityCount);
        goto out;
    }
    uint32_t subs[8] = {nSubAuthority0, nSubAuthority1, nSubAuthority2, nSubAuthority3,
                        nSubAuthority4, nSubAuthority5, nSubAuthority6, nSubAuthority7};
    struct sid s = {0};
    s.revision = 1;
    s.count = nSubAuthorityCount;
    memcpy(s.authority, pIdentifierAuthority->Value, 6);
    memcpy(s.sub, subs, sizeof(uint32_t) * nSubAuthorityCount);
    void *buf = retbuf_new(sid_size(&s));
    if (buf) {
        memcpy(buf, &s, sid_size(&s));
        if (retbuf_publish(buf, RETBUF_SID, sid_size(&s)) != 0) {
            retbuf_discard(buf);
            buf = NULL;
        }
    }
    if (!buf) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory");
        goto out;
    }
    *pSid = buf;
    char text[SID_STRING_MAX];
    reason_set("allocated %s (free it with FreeSid)", sid_format(&s, text));
out:
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
    if (retbuf_free(pSid, RETBUF_SID) == 0) {
        api_leave_quiet(&c, STATUS_SUCCESS, "SID freed");
        return NULL;
    }
    /* RtlFreeSid hands back a pointer it cannot free. */
    reason_set("%p is not a SID from AllocateAndInitializeSid", pSid);
    api_leave(&c, STATUS_INVALID_PARAMETER);
    return pSid;
}

/* ---- CreateWellKnownSid ---------------------------------------------------------------- */

/* WELL_KNOWN_SID_TYPE -> SID. domain_rid != 0: DomainSid + that RID. */
struct wk_template {
    unsigned type;
    uint8_t authority;
    uint8_t count;
    uint32_t sub[6];
    uint32_t domain_rid;
};

#define WK(t, auth, n, ...) {t, auth, n, {__VA_ARGS__}, 0}
#define WKD(t, rid) {t, 0, 0, {0}, rid}
static const struct wk_template wk_table[] = {
    WK(0, 0, 1, 0), WK(1, 1, 1, 0), WK(2, 2, 1, 0), WK(3, 3, 1, 0), WK(4, 3, 1, 1),
    WK(5, 3, 1, 2), WK(6, 3, 1, 3), WK(7, 5, 0, 0), WK(8, 5, 1, 1), WK(9, 5, 1, 2),
    WK(10, 5, 1, 3), WK(11, 5, 1, 4), WK(12, 5, 1, 6), WK(13, 5, 1, 7), WK(14, 5, 1, 8),
    WK(15, 5, 1, 9), WK(16, 5, 1, 10), WK(17, 5, 1, 11), WK(18, 5, 1, 12), WK(19, 5, 1, 13),
    WK(20, 5, 1, 14), WK(22, 5, 1, 18), WK(23, 5, 1, 19), WK(24, 5, 1, 20),
    WK(25, 5, 1, 32), WK(26, 5, 2, 32, 544), WK(27, 5, 2, 32, 545), WK(28, 5, 2, 32, 546),
    WK(29, 5, 2, 32, 547), WK(30, 5, 2, 32, 548), WK(31, 5, 2, 32, 549),
    WK(32, 5, 2, 32, 550), WK(33, 5, 2, 32, 551), WK(34, 5, 2, 32, 552),
    WK(35, 5, 2, 32, 554), WK(36, 5, 2, 32, 555), WK(37, 5, 2, 32, 556),
    WKD(38, 500), WKD(39, 501), WKD(40, 502), WKD(41, 512), WKD(42, 513), WKD(43, 514),
    WKD(44, 515), WKD(45, 516), WKD(46, 517), WKD(47, 518), WKD(48, 519), WKD(49, 520),
    WKD(50, 553), WK(51, 5, 2, 64, 10), WK(52, 5, 2, 64, 21), WK(53, 5, 2, 64, 14),
    WK(54, 5, 1, 15), WK(55, 5, 1, 1000), WK(56, 5, 2, 32, 557), WK(57, 5, 2, 32, 558),
    WK(58, 5, 2, 32, 559), WK(59, 5, 2, 32, 560), WK(60, 5, 2, 32, 561),
    WK(61, 5, 2, 32, 562), WK(62, 5, 2, 32, 568), WK(63, 5, 1, 17), WK(64, 5, 2, 32, 569),
    WK(65, 16, 1, 0), WK(66, 16, 1, 4096), WK(67, 16, 1, 8192), WK(68, 16, 1, 12288),
    WK(69, 16, 1, 16384), WK(70, 5, 1, 33), WK(71, 3, 1, 4), WKD(72, 571), WKD(73, 572),
    WKD(75, 521), WK(76, 5, 2, 32, 573), WK(78, 5, 2, 32, 574), WK(79, 16, 1, 8448),
    WK(81, 2, 1, 1), WK(82, 5, 2, 65, 1), WK(83, 15, 1, 2), WK(84, 15, 2, 2, 1),
    WK(85, 15, 2, 3, 1), WK(86, 15, 2, 3, 2), WK(87, 15, 2, 3, 3), WK(88, 15, 2, 3, 4),
    WK(89, 15, 2, 3, 5), WK(90, 15, 2, 3, 6), WK(91, 15, 2, 3, 7), WK(92, 15, 2, 3, 9),
    WK(93, 15, 2, 3, 8), WK(94, 15, 2, 3, 10), WK(95, 5, 2, 32, 575), WK(96, 5, 2, 32, 576),
    WK(97, 5, 2, 32, 577), WK(98, 5, 6, 84, 0, 0, 0, 0, 0), WK(99, 5, 2, 32, 578),
    WKD(100, 522), WK(101, 5, 2, 32, 579), WK(102, 5, 2, 32, 580), WK(103, 18, 1, 1),
    WK(104, 18, 1, 2), WK(105, 5, 1, 113), WK(106, 5, 1, 114),
};

static const struct wk_template *wk_find(unsigned type)
{
    for (size_t i = 0; i < sizeof wk_table / sizeof wk_table[0]; i++)
        if (wk_table[i].type == type)
            return &wk_table[i];
    return NULL;
}

LSAEMU_EXPORT BOOL WINAPI CreateWellKnownSid(WELL_KNOWN_SID_TYPE WellKnownSidType, PSID DomainSid,
                                             PSID pSid, DWORD *cbSid)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "CreateWellKnownSid", NULL);
    trace_args("type %d", (int)WellKnownSidType);
    if (st != STATUS_SUCCESS)
        goto out;
    const struct wk_template *t = wk_find((unsigned)WellKnownSidType);
    struct sid s, dom;
    if (!t) {
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
    if (t->domain_rid) {
        if (!lookup_read_sid(DomainSid, &dom) || dom.count >= SID_MAX_SUB_AUTHORITIES) {
            st = STATUS_INVALID_PARAMETER;
            reason_set("type %d is relative to a domain and needs a valid DomainSid",
                       (int)WellKnownSidType);
            goto out;
        }
        s = sid_append(&dom, t->domain_rid);
    } else {
        s = sid_make(t->authority, t->count, t->sub);
    }
    if (*cbSid < sid_size(&s) || !pSid) {
        st = STATUS_BUFFER_TOO_SMALL;
        reason_set("the SID needs %zu bytes, the buffer has %u", sid_size(&s), (unsigned)*cbSid);
        *cbSid = (DWORD)sid_size(&s);
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

/* SDDL two-letter aliases for SIDs that do not depend on a domain; LA and LG
 * are the machine's own Administrator and Guest. */
static const struct {
    char alias[3];
    uint8_t authority, count;
    uint32_t sub[2];
} sddl_aliases[] = {
    {"AN", 5, 1, {7}},       {"AO", 5, 2, {32, 548}}, {"AU", 5, 1, {11}},
    {"BA", 5, 2, {32, 544}}, {"BG", 5, 2, {32, 546}}, {"BO", 5, 2, {32, 551}},
    {"BU", 5, 2, {32, 545}}, {"CG", 3, 1, {1}},       {"CO", 3, 1, {0}},
    {"IU", 5, 1, {4}},       {"LS", 5, 1, {19}},      {"NS", 5, 1, {20}},
    {"NU", 5, 1, {2}},       {"PO", 5, 2, {32, 550}}, {"PS", 5, 1, {10}},
    {"PU", 5, 2, {32, 547}}, {"RC", 5, 1, {12}},      {"RD", 5, 2, {32, 555}},
    {"RE", 5, 2, {32, 552}}, {"RU", 5, 2, {32, 554}}, {"SO", 5, 2, {32, 549}},
    {"SU", 5, 1, {6}},       {"SY", 5, 1, {18}},      {"WD", 1, 1, {0}},
    {"WR", 5, 1, {33}},      {"NO", 5, 2, {32, 556}}, {"MU", 5, 2, {32, 558}},
    {"LU", 5, 2, {32, 559}}, {"IS", 5, 2, {32, 568}}, {"CY", 5, 2, {32, 569}},
    {"OW", 3, 1, {4}},       {"ER", 5, 2, {32, 573}}, {"CD", 5, 2, {32, 574}},
    {"RM", 5, 2, {32, 580}}, {"AC", 15, 2, {2, 1}},   {"AS", 18, 1, {1}},
    {"SS", 18, 1, {2}},      {"LW", 16, 1, {4096}},   {"ME", 16, 1, {8192}},
    {"MP", 16, 1, {8448}},   {"HI", 16, 1, {12288}},  {"SI", 16, 1, {16384}},
};

static bool parse_sid_text(const struct policy *pol, const char *text, struct sid *out)
{
    if (strlen(text) == 2) {
        for (size_t i = 0; i < sizeof sddl_aliases / sizeof sddl_aliases[0]; i++)
            if (!strcasecmp(text, sddl_aliases[i].alias)) {
                *out = sid_make(sddl_aliases[i].authority, sddl_aliases[i].count,
                                sddl_aliases[i].sub);
                return true;
            }
        if (!strcasecmp(text, "LA") || !strcasecmp(text, "LG")) {
            *out = sid_append(&pol->machine_sid,
                              toupper((unsigned char)text[1]) == 'A' ? 500 : 501);
            return true;
        }
        return false;
    }
    return sid_parse(text, out);
}

static NTSTATUS string_to_sid(const struct policy *pol, const char *text, PSID *out)
{
    struct sid s;
    if (!text || !out) {
        reason_set("StringSid or Sid is NULL");
        return STATUS_INVALID_PARAMETER;
    }
    if (!parse_sid_text(pol, text, &s)) {
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
