/* SPDX-License-Identifier: MIT */
/* Name <-> SID translation for the look-up functions (see lookup.h). */
#include "win32/advapi32/lookup.h"
#include "base/mem.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/engine/guesses.h"
#include "base/utf.h"

char *lookup_ustr_utf8(const LSA_UNICODE_STRING *u)
{
    if (!u || !u->Buffer || !u->Length)
        return mem_strdup("");
    return utf16_to_utf8((const uint16_t *)u->Buffer, u->Length / 2);
}

bool lookup_ustr_has_nul(const LSA_UNICODE_STRING *u)
{
    if (!u || !u->Buffer)
        return false;
    for (size_t i = 0; i < u->Length / 2; i++) {
        uint16_t unit;
        memcpy(&unit, (const char *)u->Buffer + 2 * i, sizeof unit);
        if (unit == 0)
            return true;
    }
    return false;
}

char *lookup_wstr_utf8(const WCHAR *w)
{
    if (!w)
        return NULL;
    size_t n = utf16_len((const uint16_t *)w, LOOKUP_MAX_UNITS);
    if (n > LOOKUP_MAX_UNITS)
        n = LOOKUP_MAX_UNITS;
    return utf16_to_utf8((const uint16_t *)w, n);
}

size_t lookup_utf16_len(const char *s)
{
    return utf8_to_utf16(s, NULL, 0);
}

bool lookup_is_local_a(const struct policy *pol, const char *name)
{
    if (!name || !*name)
        return true;
    if (name[0] == '\\' && name[1] == '\\')
        name += 2;
    return strcasecmp(name, pol->machine_name) == 0;
}

bool lookup_is_local_u(const struct policy *pol, const LSA_UNICODE_STRING *name)
{
    if (!name || !name->Buffer || !name->Length)
        return true;
    char *s = lookup_ustr_utf8(name);
    bool local = s && lookup_is_local_a(pol, s);
    mem_free(s);
    return local;
}

bool lookup_read_sid(const void *psid, struct sid *out)
{
    if (!psid)
        return false;
    const uint8_t *b = psid;
    if (b[0] != 1 || b[1] > SID_MAX_SUB_AUTHORITIES)
        return false;
    memset(out, 0, sizeof *out);
    memcpy(out, b, 8 + 4 * (size_t)b[1]);
    return true;
}

static void set_text(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* The SID of a domain named by its display name, for referenced-domain lists. */
static bool domain_sid_of(const struct policy *pol, const char *domain, const struct sid *sid,
                          struct sid *out)
{
    if (!strcasecmp(domain, "NT AUTHORITY")) {
        *out = sid_make(5, 0, NULL);
        return true;
    }
    if (!strcasecmp(domain, "BUILTIN")) {
        *out = sid_make1(5, 32);
        return true;
    }
    if (!strcasecmp(domain, "Mandatory Label")) {
        *out = sid_make(16, 0, NULL);
        return true;
    }
    if (!strcasecmp(domain, pol->machine_name)) {
        *out = pol->machine_sid;
        return true;
    }
    if (policy_is_domain_name(pol, domain, strlen(domain))) {
        *out = pol->domain.sid;
        return true;
    }
    const struct sid_mapping *m = policy_find_mapping(pol, domain, "");
    if (m) {
        *out = m->sid;
        return true;
    }
    if (!*domain && GUESS_WELLKNOWN_EMPTY_DOMAIN_REFERENCED) {
        *out = sid_make(sid_authority(sid), 0, NULL);
        return true;
    }
    return false;
}

bool lookup_sid(const struct policy *pol, const struct sid *sid, struct lookup_result *out)
{
    memset(out, 0, sizeof *out);
    out->sid = *sid;
    const struct account *a = policy_find_account_sid(pol, sid);
    const struct group *g = a ? NULL : policy_find_group_sid(pol, sid);
    const struct wellknown_sid *w = wellknown_by_sid(sid);
    const struct sid_mapping *m;
    if (a) {
        set_text(out->name, sizeof out->name, a->name);
        set_text(out->domain, sizeof out->domain, a->domain);
        out->use = a->kind == ACCOUNT_NORMAL ? SID_USE_USER
                   : w                       ? w->use
                                             : SID_USE_WELL_KNOWN_GROUP;
    } else if (g) {
        set_text(out->name, sizeof out->name, g->name);
        set_text(out->domain, sizeof out->domain, g->domain);
        /* Local groups are aliases; the machine's "None" and the domain's
         * groups are (global) groups. */
        struct sid none = sid_append(&pol->machine_sid, 513);
        out->use = sid_equal(sid, &none) || g->in_domain ? SID_USE_GROUP : SID_USE_ALIAS;
    } else if (sid_equal(sid, &pol->machine_sid)) {
        set_text(out->name, sizeof out->name, pol->machine_name);
        set_text(out->domain, sizeof out->domain, pol->machine_name);
        out->use = SID_USE_DOMAIN;
    } else if (pol->domain.name && sid_equal(sid, &pol->domain.sid)) {
        set_text(out->name, sizeof out->name, pol->domain.name);
        set_text(out->domain, sizeof out->domain, pol->domain.name);
        out->use = SID_USE_DOMAIN;
    } else if (w) {
        set_text(out->name, sizeof out->name, w->name);
        set_text(out->domain, sizeof out->domain, w->domain);
        out->use = w->use;
    } else if ((m = policy_find_mapping_sid(pol, sid)) != NULL) {
        /* LsaManageSidNameMapping: a domain is named by itself, like the
         * machine's; its accounts are well-known groups, as the NT SERVICE
         * accounts of MS-LSAT 3.1.1.1.2 are. */
        set_text(out->name, sizeof out->name, *m->name ? m->name : m->domain);
        set_text(out->domain, sizeof out->domain, m->domain);
        out->use = *m->name ? SID_USE_WELL_KNOWN_GROUP : SID_USE_DOMAIN;
    } else if (sid_authority(sid) == 5 && sid->count == 3 && sid->sub[0] == 5) {
        /* A logon SID, S-1-5-5-X-Y. */
        snprintf(out->name, sizeof out->name, "LogonSessionId_%u_%u", (unsigned)sid->sub[1],
                 (unsigned)sid->sub[2]);
        set_text(out->domain, sizeof out->domain, "NT AUTHORITY");
        out->use = SID_USE_LOGON_SESSION;
    } else {
        return false;
    }
    if (out->use == SID_USE_DOMAIN) {
        out->domain_sid = *sid;
        out->has_domain = true;
    } else {
        out->has_domain = domain_sid_of(pol, out->domain, sid, &out->domain_sid);
    }
    return true;
}

/* Account or group with this bare name whose domain is dom (NULL: any). */
static bool find_in_domain(const struct policy *pol, const char *bare, const char *dom,
                           struct sid *out)
{
    /* The domain's names by its NetBIOS or DNS name (MS-LSAT 3.1.4.5). */
    if (dom && policy_is_domain_name(pol, dom, strlen(dom))) {
        const struct account *da = policy_find_domain_account(pol, bare);
        const struct group *dg = da ? NULL : policy_find_domain_group(pol, bare);
        if (da || dg) {
            *out = da ? da->sid : dg->sid;
            return true;
        }
        return false;
    }
    const struct account *a = policy_find_account(pol, bare);
    if (a && (!dom || !strcasecmp(a->domain, dom))) {
        *out = a->sid;
        return true;
    }
    const struct group *g = policy_find_group(pol, bare);
    if (g && (!dom || !strcasecmp(g->domain, dom))) {
        *out = g->sid;
        return true;
    }
    return false;
}

/* A well-known name as the LSA knows it (GUESS_LOOKUP_LOCALSYSTEM). */
static bool wellknown_name(const char *text, struct sid *out)
{
    const struct wellknown_sid *w = wellknown_lookup_name(text, GUESS_LOOKUP_LOCALSYSTEM);
    if (w)
        *out = w->sid;
    return w != NULL;
}

/* A SID-name mapping: the domain named text, or else an account so named
 * in dom (NULL: any domain). */
static bool mapped_name(const struct policy *pol, const char *dom, const char *text,
                        struct sid *out)
{
    const struct sid_mapping *m = dom ? NULL : policy_find_mapping(pol, text, "");
    if (!m)
        m = policy_find_mapping(pol, dom, text);
    if (m)
        *out = m->sid;
    return m != NULL;
}

bool lookup_name(const struct policy *pol, const char *text, struct lookup_result *out)
{
    struct sid sid;
    bool found = false;
    const char *slash = strchr(text, '\\');
    if (slash) {
        size_t dlen = (size_t)(slash - text);
        char dom[256];
        if (dlen >= sizeof dom)
            return false;
        memcpy(dom, text, dlen);
        dom[dlen] = '\0';
        /* i13-facts A3: the domain part must be the domain's name exactly
         * ("NT AUTHORITY\\LocalService" maps, "ntauthority\\..." does not). */
        found = find_in_domain(pol, slash + 1, dom, &sid) || wellknown_name(text, &sid) ||
                (slash[1] && mapped_name(pol, dom, slash + 1, &sid));
    } else if (!*text) {
        if (!GUESS_EMPTY_ACCOUNT_NAME_IS_BUILTIN)
            return false;
        sid = sid_make1(5, 32);
        found = true;
    } else {
        /* An account named like the machine is that account (i13-facts A4:
         * SidTypeUser "if the computer name equals the user name"); else the
         * machine's name is its account domain. */
        found = find_in_domain(pol, text, NULL, &sid);
        if (!found && !strcasecmp(text, pol->machine_name)) {
            sid = pol->machine_sid;
            found = true;
        }
        if (!found && policy_is_domain_name(pol, text, strlen(text))) {
            sid = pol->domain.sid;
            found = true;
        }
        /* Then the domain the machine is joined to, by name or by UPN
         * (MS-LSAT: isolated names are searched in the primary domain
         * after the machine's). */
        if (!found && pol->domain.name) {
            const struct account *a = strchr(text, '@') ? policy_find_upn(pol, text)
                                                        : policy_find_domain_account(pol, text);
            const struct group *g = a ? NULL : policy_find_domain_group(pol, text);
            if (a || g) {
                sid = a ? a->sid : g->sid;
                found = true;
            }
        }
        found = found || wellknown_name(text, &sid) || mapped_name(pol, NULL, text, &sid);
    }
    return found && lookup_sid(pol, &sid, out);
}

bool lookup_joined_domain(const struct policy *pol, char *netbios, size_t size, struct sid *sid)
{
    const char *name = pol->domain.name;
    if (!name || strlen(name) >= size)
        return false;
    memcpy(netbios, name, strlen(name) + 1);
    *sid = pol->domain.sid;
    return true;
}

size_t lookup_text_units(const char *text, bool wide)
{
    return wide ? lookup_utf16_len(text) : strlen(text);
}

void lookup_copy_text(const char *text, void *buf, bool wide)
{
    if (wide) {
        size_t n = lookup_utf16_len(text);
        utf8_to_utf16(text, buf, n);
        ((uint16_t *)buf)[n] = 0;
    } else {
        memcpy(buf, text, strlen(text) + 1);
    }
}

NTSTATUS lookup_put_text(const char *text, void *buf, DWORD *cch, bool wide)
{
    size_t len = lookup_text_units(text, wide);
    if (!cch)
        return STATUS_INVALID_PARAMETER;
    if (*cch < len + 1) {
        *cch = (DWORD)(len + 1);
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (!buf)
        return STATUS_INVALID_PARAMETER;
    lookup_copy_text(text, buf, wide);
    *cch = (DWORD)len;
    return STATUS_SUCCESS;
}
