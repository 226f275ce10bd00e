/* SPDX-License-Identifier: MIT */
/*
 * The domain: and lockout: sections (policy-format.md "lsaemu additions"):
 * the domain the machine is joined to -- its names, SID, controller,
 * whether it can be reached, its accounts and groups -- and the Account
 * Lockout Policy. machine.domain, the older spelling of a domain that
 * cannot be reached and has no accounts, lands here too. The accounts and
 * groups of the domain are defined by the same code as the machine's
 * (yaml_sections.c), in the domain's own namespace.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "loader/yaml_values.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The SID a domain gets when domain.sid is absent. */
#define DEFAULT_DOMAIN_SID {21, 4000, 5000, 6000}
/* Its controller when domain.controller is absent. */
#define DEFAULT_CONTROLLER "DC1"
/* NetBIOS names have at most 15 characters. */
#define NETBIOS_MAX 15

/* A NetBIOS name (domain or computer): Windows' name rule, at most 15
 * characters, no dot. */
static bool netbios_name(struct ld *ld, const struct yn *node, const char *what, const char *s)
{
    if (!ld_valid_name(ld, node, what, s))
        return false;
    if (strlen(s) > NETBIOS_MAX || strchr(s, '.')) {
        ld_error(ld, node, "%s name '%s' is not a NetBIOS name (at most %d characters, no '.')",
                 what, s, NETBIOS_MAX);
        return false;
    }
    return true;
}

/* A DNS name: labels of letters, digits and '-', separated by dots. */
static bool dns_name(struct ld *ld, const struct yn *node, const char *s)
{
    size_t n = strlen(s), label = 0;
    bool ok = n > 0 && n <= 253 && s[0] != '.' && s[n - 1] != '.';
    for (size_t i = 0; ok && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') {
            ok = label > 0;
            label = 0;
        } else {
            ok = (isalnum(c) || c == '-') && ++label <= 63;
        }
    }
    if (!ok)
        ld_error(ld, node,
                 "malformed dns_name '%s' (expected a DNS name such as corp.example)", s);
    return ok;
}

/* The lower-case NetBIOS name with ".example" (RFC 2606), the DNS name of a
 * domain that gives none. */
static void default_dns_name(const char *name, char *buf, size_t size)
{
    size_t i = 0;
    for (; name[i] && i + 9 < size; i++)
        buf[i] = (char)tolower((unsigned char)name[i]);
    snprintf(buf + i, size - i, ".example");
}

static void set(struct ld *ld, char **field, const char *value)
{
    if (policy_set_string(field, value) < 0)
        ld_oom(ld);
}

/* Names the domain (its built-in groups come with it) with its defaults. */
static bool name_domain(struct ld *ld, const char *name)
{
    struct policy *pol = ld->pol;
    uint32_t subs[] = DEFAULT_DOMAIN_SID;
    if (policy_set_domain_name(pol, name) < 0) {
        ld_oom(ld);
        return false;
    }
    pol->domain.sid = sid_make(5, 4, subs);
    pol->domain.reachable = true;
    char dns[300];
    default_dns_name(name, dns, sizeof dns);
    set(ld, &pol->domain.dns_name, dns);
    set(ld, &pol->domain.controller, DEFAULT_CONTROLLER);
    return !ld->oom;
}

/* machine.domain without a domain: section: a domain that cannot be
 * reached and has no accounts, as before the section existed. A dotted
 * value is its DNS name, the first label in capitals its NetBIOS name. */
static void legacy_domain(struct ld *ld, const struct yn *node)
{
    const char *s = node->u.value;
    char name[NETBIOS_MAX + 1];
    size_t n = strcspn(s, ".");
    if (n > NETBIOS_MAX)
        n = NETBIOS_MAX;
    for (size_t i = 0; i < n; i++)
        name[i] = strchr(s, '.') ? (char)toupper((unsigned char)s[i]) : s[i];
    name[n] = '\0';
    if (!n) {
        ld_error(ld, node, "machine.domain '%s' has no name before its first '.'", s);
        return;
    }
    if (!name_domain(ld, name))
        return;
    ld->pol->domain.reachable = false;
    /* GetComputerNameEx(ComputerNameDnsDomain) answers what was written. */
    set(ld, &ld->pol->domain.dns_name, s);
}

void ld_define_domain(struct ld *ld, struct yn *node)
{
    static const char *const keys[] = {"name",       "dns_name", "sid",     "controller",
                                       "reachable",  "groups",   "accounts"};
    enum { K_NAME, K_DNS, K_SID, K_CONTROLLER, K_REACHABLE, K_GROUPS, K_ACCOUNTS };
    struct yn *v[N_OF(keys)];
    struct policy *pol = ld->pol;
    if (!node || ld_is_null(node)) {
        if (ld->machine_domain)
            legacy_domain(ld, ld->machine_domain);
        return;
    }
    if (!ld_fields(ld, node, "domain", keys, N_OF(keys), v, NULL))
        return;
    const char *name = v[K_NAME] ? ld_string(ld, v[K_NAME], "name") : NULL;
    if (!v[K_NAME]) {
        ld_error(ld, node, "domain has no 'name' (its NetBIOS name, e.g. CORP)");
        return;
    }
    if (!name || !netbios_name(ld, v[K_NAME], "domain", name))
        return;
    if (!strcasecmp(name, pol->machine_name) || !strcasecmp(name, "BUILTIN") ||
        !strcasecmp(name, "NT AUTHORITY")) {
        ld_error(ld, v[K_NAME], "domain name '%s' is taken by %s", name,
                 strcasecmp(name, pol->machine_name) ? "a built-in domain" : "the machine");
        return;
    }
    if (!name_domain(ld, name))
        return;
    const char *s;
    if (v[K_DNS] && (s = ld_string(ld, v[K_DNS], "dns_name")) && dns_name(ld, v[K_DNS], s))
        set(ld, &pol->domain.dns_name, s);
    /* machine.domain may stay beside the section when it names the same
     * domain. */
    if (ld->machine_domain) {
        const char *m = ld->machine_domain->u.value;
        if (!policy_is_domain_name(pol, m, strlen(m)))
            ld_error(ld, ld->machine_domain,
                     "machine.domain '%s' is not the domain of the domain: section (%s); "
                     "leave machine.domain out",
                     m, name);
    }
    struct sid sid;
    if (v[K_SID] && ld_sid(ld, v[K_SID], "sid", &sid)) {
        if (sid_authority(&sid) != 5 || sid.count != 4 || sid.sub[0] != 21) {
            char buf[SID_STRING_MAX];
            ld_error(ld, v[K_SID], "domain sid '%s' must have the form S-1-5-21-a-b-c",
                     sid_format(&sid, buf));
        } else if (sid_equal(&sid, &pol->machine_sid)) {
            ld_error(ld, v[K_SID], "domain sid is the machine's sid; a domain has its own");
        } else {
            pol->domain.sid = sid;
        }
    } else if (!v[K_SID] && sid_equal(&pol->domain.sid, &pol->machine_sid)) {
        ld_error(ld, node, "the machine's sid is the default domain sid; give domain.sid");
    }
    if (v[K_CONTROLLER] && (s = ld_string(ld, v[K_CONTROLLER], "controller")) &&
        netbios_name(ld, v[K_CONTROLLER], "controller", s))
        set(ld, &pol->domain.controller, s);
    if (v[K_REACHABLE])
        ld_bool(ld, v[K_REACHABLE], "reachable", &pol->domain.reachable);
    /* Groups first, as the machine's: RIDs count groups first. */
    if (v[K_GROUPS])
        ld_each_entry(ld, v[K_GROUPS], "domain groups", ld_define_domain_group);
    if (v[K_ACCOUNTS])
        ld_each_entry(ld, v[K_ACCOUNTS], "domain accounts", ld_define_domain_account);
}

void ld_define_lockout(struct ld *ld, struct yn *node)
{
    static const char *const keys[] = {"threshold", "duration", "window", "administrator"};
    enum { K_THRESHOLD, K_DURATION, K_WINDOW, K_ADMIN };
    struct yn *v[N_OF(keys)];
    struct policy_lockout *lp = &ld->pol->lockout;
    if (ld_is_null(node) || !ld_fields(ld, node, "lockout", keys, N_OF(keys), v, NULL))
        return;
    /* The ranges of the security policy settings "Account lockout
     * threshold" (0-999, 0 = never), "Account lockout duration" (0-99999
     * minutes, 0 = until an administrator unlocks) and "Reset account
     * lockout counter after" (1-99999 minutes, at most the duration).
     * Windows 11 22H2 sets 10/10/10 on new installations: the defaults of
     * duration and window when only the threshold is given (policy_new()). */
    uint64_t x;
    if (v[K_THRESHOLD] && ld_uint(ld, v[K_THRESHOLD], "threshold", 0, 999, &x))
        lp->threshold = (uint32_t)x;
    if (v[K_DURATION] && ld_uint(ld, v[K_DURATION], "duration", 0, 99999, &x))
        lp->duration = (uint32_t)x;
    if (v[K_WINDOW] && ld_uint(ld, v[K_WINDOW], "window", 1, 99999, &x))
        lp->window = (uint32_t)x;
    if (v[K_ADMIN])
        ld_bool(ld, v[K_ADMIN], "administrator", &lp->administrator);
    if (lp->duration && lp->window > lp->duration)
        ld_error(ld, v[K_WINDOW] ? v[K_WINDOW] : v[K_DURATION],
                 "lockout.window (%u minutes) must not be longer than lockout.duration (%u "
                 "minutes), as Windows requires",
                 lp->window, lp->duration);
}
