/* SPDX-License-Identifier: MIT */
/*
 * The read side's name and SID look-ups of a policy: accounts, groups and
 * processes by name or SID, the joined domain's names and UPNs, and a
 * principal written as text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "core/model/policy.h"
#include "core/model/policy_build.h"
#include "core/model/policy_index.h"
#include "core/model/policy_strings.h"
#include "core/model/wellknown.h"

/* ---- Look-ups ---------------------------------------------------------------- */

const struct account *policy_find_account(const struct policy *pol, const char *name)
{
    long i = policy_account_index(pol, name);
    return i < 0 ? NULL : &pol->accounts[i];
}

const struct account *policy_find_account_sid(const struct policy *pol, const struct sid *sid)
{
    long i = policy_index_account_by_sid(pol->index, pol, sid);
    return i < 0 ? NULL : &pol->accounts[i];
}

const struct group *policy_find_group(const struct policy *pol, const char *name)
{
    long i = policy_group_index(pol, name);
    return i < 0 ? NULL : &pol->groups[i];
}

const struct group *policy_find_group_sid(const struct policy *pol, const struct sid *sid)
{
    long i = policy_index_group_by_sid(pol->index, pol, sid);
    return i < 0 ? NULL : &pol->groups[i];
}

size_t policy_group_by_own_sid(const struct policy *pol, size_t g)
{
    const struct policy_index *idx = pol->index;
    if (!idx->n_clashes && g < idx->sid_groups)
        return g;
    return (size_t)policy_index_group_by_sid(idx, pol, &pol->groups[g].sid);
}

const struct process_entry *policy_find_process(const struct policy *pol, const char *name)
{
    long i = policy_process_index(pol, name);
    return i < 0 ? NULL : &pol->processes[i];
}

const struct account *policy_find_domain_account(const struct policy *pol, const char *name)
{
    if (!pol->domain.name)
        return NULL;
    long i = policy_index_domain_account_by_name(pol->index, pol, name);
    return i < 0 ? NULL : &pol->accounts[i];
}

const struct group *policy_find_domain_group(const struct policy *pol, const char *name)
{
    if (!pol->domain.name)
        return NULL;
    long i = policy_index_domain_group_by_name(pol->index, pol, name);
    return i < 0 ? NULL : &pol->groups[i];
}

/* Case-insensitive comparison of len bytes of text with the whole of s. */
static bool equal_n(const char *s, const char *text, size_t len)
{
    return s && strlen(s) == len && strncasecmp(s, text, len) == 0;
}

bool policy_is_domain_name(const struct policy *pol, const char *text, size_t len)
{
    return pol->domain.name &&
           (equal_n(pol->domain.name, text, len) || equal_n(pol->domain.dns_name, text, len));
}

const struct account *policy_find_upn(const struct policy *pol, const char *upn)
{
    if (!pol->domain.name)
        return NULL;
    long i = policy_index_account_by_upn(pol->index, pol, upn);
    if (i >= 0)
        return &pol->accounts[i];
    /* The implicit UPN: sAMAccountName@dnsDomainName (an account with an
     * explicit upn: still answers to it, as Windows' does). */
    const char *at = strrchr(upn, '@');
    if (!at || at == upn || !equal_n(pol->domain.dns_name, at + 1, strlen(at + 1)))
        return NULL;
    char name[256];
    size_t n = (size_t)(at - upn);
    if (n >= sizeof name)
        return NULL;
    memcpy(name, upn, n);
    name[n] = '\0';
    return policy_find_domain_account(pol, name);
}

const char *policy_account_upn(const struct policy *pol, const struct account *a, char *buf,
                               size_t size)
{
    buf[0] = '\0';
    if (!a->in_domain)
        return buf;
    if (a->x && a->x->upn)
        snprintf(buf, size, "%s", a->x->upn);
    else
        snprintf(buf, size, "%s@%s", a->name, pol->domain.dns_name ? pol->domain.dns_name : "");
    return buf;
}

/* True when the domain part of "DOMAIN\name" (dlen bytes) names dom. */
static bool domain_matches(const struct policy *pol, const char *text, size_t dlen,
                           const char *dom)
{
    if (!dom)
        return false;
    if (dlen == 1 && text[0] == '.')
        return policy_index_name_equal(dom, pol->machine_name);
    return strlen(dom) == dlen && strncasecmp(dom, text, dlen) == 0;
}

bool policy_resolve_principal(const struct policy *pol, const char *text, struct sid *out)
{
    if (text[0] == '*')
        return sid_parse(text + 1, out);
    if ((text[0] == 'S' || text[0] == 's') && text[1] == '-' && text[2] >= '0' && text[2] <= '9')
        return sid_parse(text, out);

    const char *bare = text;
    const char *slash = strchr(text, '\\');
    size_t dlen = 0;
    if (slash) {
        bare = slash + 1;
        dlen = (size_t)(slash - text);
    }
    const struct account *a = policy_find_account(pol, bare);
    if (a && (!slash || domain_matches(pol, text, dlen, a->domain))) {
        *out = a->sid;
        return true;
    }
    const struct group *g = policy_find_group(pol, bare);
    if (g && (!slash || domain_matches(pol, text, dlen, g->domain))) {
        *out = g->sid;
        return true;
    }
    const struct wellknown_sid *w = wellknown_by_name(text);
    if (w) {
        *out = w->sid;
        return true;
    }
    /* The domain last, as LookupAccountName searches it after the machine
     * (MS-LSAT isolated names): "CORP\\name", "corp.example\\name", or
     * a bare name no local principal has. */
    if (slash && !policy_is_domain_name(pol, text, dlen))
        return false;
    a = policy_find_domain_account(pol, bare);
    g = a ? NULL : policy_find_domain_group(pol, bare);
    if (a || g) {
        *out = a ? a->sid : g->sid;
        return true;
    }
    return false;
}
