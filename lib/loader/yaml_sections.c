/* SPDX-License-Identifier: MIT */
/*
 * The sections of a policy document (policy-format.md): what each key means
 * and how it lands in the model. Definitions come first (machine, groups,
 * accounts, faults); references (members, account groups, rights, processes)
 * are resolved after policy_prepare() has given every account and group its
 * SID. Every problem is recorded with its position and loading goes on, so
 * that `lsaemu validate` can list all of them.
 */
#include "config.h"
#include "base/mem.h"
#include "base/array.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/md4.h"
#include "core/model/wellknown.h"
#include "loader/yaml_values.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Bookkeeping ------------------------------------------------------------------- */

/* Grows the per-account and per-group node arrays to the policy's sizes. */
static bool track(struct ld *ld)
{
    struct policy *pol = ld->pol;
    if (pol->n_accounts > ld->cap_accounts) {
        size_t cap = pol->n_accounts * 2;
        struct ld_pos *k = mem_realloc(ld->account_key, cap * sizeof *k);
        if (k)
            ld->account_key = k;
        struct ld_pos *s = k ? mem_realloc(ld->account_sid_node, cap * sizeof *s) : NULL;
        if (!k || !s) {
            ld_oom(ld);
            return false;
        }
        ld->account_sid_node = s;
        for (size_t i = ld->cap_accounts; i < cap; i++)
            ld->account_key[i] = ld->account_sid_node[i] = (struct ld_pos){0, 0};
        ld->cap_accounts = cap;
    }
    if (pol->n_groups > ld->cap_groups) {
        size_t cap = pol->n_groups * 2;
        struct ld_pos *k = mem_realloc(ld->group_key, cap * sizeof *k);
        if (k)
            ld->group_key = k;
        struct ld_pos *s = k ? mem_realloc(ld->group_sid_node, cap * sizeof *s) : NULL;
        if (!k || !s) {
            ld_oom(ld);
            return false;
        }
        ld->group_sid_node = s;
        for (size_t i = ld->cap_groups; i < cap; i++)
            ld->group_key[i] = ld->group_sid_node[i] = (struct ld_pos){0, 0};
        ld->cap_groups = cap;
    }
    return true;
}

static void defer(struct ld *ld, struct ld_ref **arr, size_t *n, size_t *cap, size_t index,
                  struct yn *list)
{
    /* A streamed entry's nodes are gone after it; the list must stay. */
    if (list && ld->streaming && !(list = ld_keep_node(ld, list)))
        return;
    if (array_reserve(arr, cap, *n + 1, sizeof **arr, 16) < 0) {
        ld_oom(ld);
        return;
    }
    (*arr)[(*n)++] = (struct ld_ref){.index = (uint32_t)index, .list = list};
}

/*
 * The groups of an account, when every item is a plain group name already
 * defined (the usual case): kept as group indexes, a few bytes instead of
 * the nodes. Such a name resolves to that group after policy_prepare() too:
 * no account can take the name later (claim() refuses it), and names of
 * accounts and groups win over well-known names. False when the list needs
 * the general path (SIDs, DOMAIN\name, unknown names, errors).
 */
static bool defer_known_groups(struct ld *ld, size_t account, const struct yn *list)
{
    struct policy *pol = ld->pol;
    if (list->type != YN_SEQUENCE || list->n > 64)
        return false;
    uint32_t found[64];
    for (size_t i = 0; i < list->n; i++) {
        const struct yn *item = list->u.items[i];
        if (item->type != YN_SCALAR || ld_is_null(item))
            return false;
        const char *s = item->u.value;
        if (strlen(s) != item->n || !*s || *s == '*' || strchr(s, '\\') ||
            ((s[0] == 'S' || s[0] == 's') && s[1] == '-' && s[2] >= '0' && s[2] <= '9'))
            return false;
        /* No account can have the name of a group here: claim() refuses
         * both orders, and no built-in account shares a built-in group's
         * name. So a group found is the only principal with that name. */
        ld->work.lookups++;
        long g = policy_group_index(pol, s);
        if (g < 0)
            return false;
        found[i] = (uint32_t)g;
    }
    uint32_t *groups = NULL;
    /* groups: [] has nothing to copy, and memcpy must not be given NULL. */
    if (list->n) {
        if (!(groups = ld_alloc(ld, &ld->keep, list->n * sizeof *groups)))
            return true; /* out of memory, recorded */
        memcpy(groups, found, list->n * sizeof *groups);
    }
    size_t before = ld->n_account_groups;
    defer(ld, &ld->account_groups, &ld->n_account_groups, &ld->cap_account_groups, account,
          NULL);
    if (ld->n_account_groups > before) {
        ld->account_groups[before].groups = groups;
        ld->account_groups[before].n_groups = (uint32_t)list->n;
    }
    return true;
}

/* Windows refuses these characters in account and group names; '\' would also
 * make DOMAIN\name spellings ambiguous. */
bool ld_valid_name(struct ld *ld, const struct yn *node, const char *kind, const char *name)
{
    const char *bad = strpbrk(name, "\"/\\[]:;|=,+*?<>");
    if (!*name) {
        ld_error(ld, node, "%s name must not be empty", kind);
        return false;
    }
    if (bad) {
        ld_error(ld, node, "%s name '%s' contains '%c', which Windows does not allow", kind, name,
                 *bad);
        return false;
    }
    return true;
}

/* ---- machine, base, options ----------------------------------------------------------- */

static void define_machine(struct ld *ld, struct yn *node)
{
    static const char *const keys[] = {"name", "sid", "role", "time", "domain", "uac"};
    struct yn *v[N_OF(keys)];
    struct policy *pol = ld->pol;
    if (!ld_fields(ld, node, "machine", keys, N_OF(keys), v, NULL))
        return;
    const char *s;
    if (v[0] && (s = ld_string(ld, v[0], "name")) && ld_valid_name(ld, v[0], "machine", s) &&
        policy_set_string(&pol->machine_name, s) < 0)
        ld_oom(ld);
    struct sid sid;
    if (v[1] && ld_sid(ld, v[1], "sid", &sid)) {
        if (sid_authority(&sid) != 5 || sid.count != 4 || sid.sub[0] != 21) {
            char buf[SID_STRING_MAX];
            ld_error(ld, v[1], "machine sid '%s' must have the form S-1-5-21-a-b-c",
                     sid_format(&sid, buf));
        } else {
            pol->machine_sid = sid;
        }
    }
    if (v[2] && (s = ld_string(ld, v[2], "role"))) {
        if (!strcmp(s, "workstation"))
            pol->role = ROLE_WORKSTATION;
        else if (!strcmp(s, "server"))
            pol->role = ROLE_SERVER;
        else
            ld_error(ld, v[2], "unknown role '%s' (expected workstation or server)", s);
    }
    if (v[3] && ld_time(ld, v[3], "time", &pol->time))
        pol->has_time = true;
    /* The older spelling of an unreachable domain: defined with the
     * domain: section (yaml_domain.c), which it must agree with. */
    if (v[4] && (s = ld_string(ld, v[4], "domain")) && ld_valid_name(ld, v[4], "domain", s))
        ld->machine_domain = v[4];
    if (v[5])
        ld_bool(ld, v[5], "uac", &pol->uac);
}

static void define_base(struct ld *ld, struct yn *node)
{
    const char *s = ld_string(ld, node, "base");
    if (!s)
        return;
    if (!strcmp(s, "workstation"))
        ld->pol->base = BASE_WORKSTATION;
    else if (!strcmp(s, "server"))
        ld->pol->base = BASE_SERVER;
    else if (!strcmp(s, "none"))
        ld->pol->base = BASE_NONE;
    else
        ld_error(ld, node, "unknown base '%s' (expected workstation, server or none)", s);
}

static void define_options(struct ld *ld, struct yn *node)
{
    static const char *const keys[] = {"blank_password_console_only", "require_logon_process"};
    struct yn *v[N_OF(keys)];
    if (ld_is_null(node) || !ld_fields(ld, node, "options", keys, N_OF(keys), v, NULL))
        return;
    if (v[0])
        ld_bool(ld, v[0], keys[0], &ld->pol->blank_password_console_only);
    if (v[1])
        ld_bool(ld, v[1], keys[1], &ld->pol->require_logon_process);
}

/* ---- groups and accounts ---------------------------------------------------------------- */

/*
 * Reads rid: / sid: of an account or group into its builder fields. Built-ins
 * keep their identity.
 */
static void define_identity(struct ld *ld, const char *where, bool builtin, struct yn *rid,
                            struct yn *sid_node, uint8_t *source, uint32_t *rid_out,
                            struct sid *sid_out, struct ld_pos *pos)
{
    if (rid && sid_node) {
        ld_error(ld, sid_node, "both 'rid' and 'sid' given for %s; use one", where);
        return;
    }
    struct yn *given = rid ? rid : sid_node;
    if (!given)
        return;
    if (builtin) {
        ld_error(ld, given, "cannot change the SID of built-in %s", where);
        return;
    }
    uint64_t v;
    struct sid s;
    if (rid && ld_uint(ld, rid, "rid", 1, UINT32_MAX, &v)) {
        *source = POLICY_SID_RID;
        *rid_out = (uint32_t)v;
        *pos = ld_pos_of(rid);
    } else if (sid_node && ld_sid(ld, sid_node, "sid", &s)) {
        *source = POLICY_SID_FIXED;
        *sid_out = s;
        *pos = ld_pos_of(sid_node);
    }
}

/* What snprintf(buf, size, "%s%s'", prefix, name) writes, without the cost
 * of a formatted print once per account of a large policy. */
static void quoted_where(char *buf, size_t size, const char *prefix, const char *name)
{
    size_t lp = strlen(prefix), ln = strlen(name), n = 0;
    if (lp + ln + 1 < size) { /* the usual case: it fits */
        memcpy(buf, prefix, lp);
        memcpy(buf + lp, name, ln);
        buf[lp + ln] = '\'';
        buf[lp + ln + 1] = '\0';
        return;
    }
    const char *parts[] = {prefix, name, "'"};
    size_t lens[] = {lp, ln, 1};
    for (int i = 0; i < 3 && n + 1 < size; i++) {
        size_t k = lens[i] < size - 1 - n ? lens[i] : size - 1 - n;
        memcpy(buf + n, parts[i], k);
        n += k;
    }
    buf[n] = '\0';
}

/* Finds or creates the group or account named by key, reporting duplicates
 * and name clashes, among the machine's or (domain) the domain's accounts
 * and groups. Returns its index or -1. */
static long claim(struct ld *ld, struct yn *key, bool is_group, bool domain)
{
    struct policy *pol = ld->pol;
    const char *kind = is_group ? (domain ? "domain group" : "group")
                                : (domain ? "domain account" : "account");
    const char *name = ld_string(ld, key, is_group ? "group name" : "account name");
    if (!name || !ld_valid_name(ld, key, kind, name))
        return -1;
    /* Streamed entries can come before the arrays cover the built-ins. */
    if (!track(ld))
        return -1;
    /* One hash of the name for both look-ups and the add. */
    uint32_t h = policy_name_hash(name);
    long same, other;
    if (domain) {
        same = is_group ? policy_domain_group_index(pol, name)
                        : policy_domain_account_index(pol, name);
        other = is_group ? policy_domain_account_index(pol, name)
                         : policy_domain_group_index(pol, name);
    } else {
        same = is_group ? policy_group_index_h(pol, name, h) : policy_account_index_h(pol, name, h);
        other = is_group ? policy_account_index_h(pol, name, h) : policy_group_index_h(pol, name, h);
    }
    if (other >= 0) {
        struct ld_pos okey = is_group ? ld->account_key[other] : ld->group_key[other];
        const char *oname = is_group ? pol->accounts[other].name : pol->groups[other].name;
        if (okey.line && is_group && ld->streaming) {
            /* Accounts were streamed before this group: the whole-tree
             * order (groups first) reports the clash at the account. */
            ld->restart = true;
            return -1;
        }
        const char *okind = is_group ? (domain ? "domain account" : "account")
                                     : (domain ? "domain group" : "group");
        if (okey.line)
            ld_error(ld, key, "%s '%s' has the same name as %s '%s' (line %d)", kind, name,
                     okind, oname, okey.line);
        else
            ld_error(ld, key, "%s '%s' has the same name as built-in %s '%s'", kind, name,
                     okind, oname);
        return -1;
    }
    if (same >= 0) {
        struct ld_pos first = is_group ? ld->group_key[same] : ld->account_key[same];
        if (first.line) {
            ld_error(ld, key, "duplicate %s '%s' (first defined at line %d)", kind, name,
                     first.line);
            return -1;
        }
    } else {
        same = domain ? (is_group ? policy_add_domain_group(pol, name)
                                  : policy_add_domain_account(pol, name))
               : is_group ? policy_add_group_h(pol, name, h)
                          : policy_add_account_h(pol, name, h);
        if (same < 0) {
            ld_oom(ld);
            return -1;
        }
    }
    if (!track(ld))
        return -1;
    if (is_group)
        ld->group_key[same] = ld_pos_of(key);
    else
        ld->account_key[same] = ld_pos_of(key);
    return same;
}

/* The SID of a domain account or group must lie under the domain's SID. */
static bool domain_sid_ok(struct ld *ld, struct yn *sid_node, bool domain)
{
    struct sid s;
    if (!domain || !sid_node || sid_node->type != YN_SCALAR || !sid_parse(sid_node->u.value, &s) ||
        sid_is_child_of(&s, &ld->pol->domain.sid))
        return true;
    char buf[SID_STRING_MAX];
    ld_error(ld, sid_node, "sid '%s' is not in the domain (its SID is %s; or use rid:)",
             sid_node->u.value, sid_format(&ld->pol->domain.sid, buf));
    return false;
}

static void define_group_in(struct ld *ld, struct yn *key, struct yn *node, bool domain)
{
    static const char *const keys[] = {"rid", "sid", "members", "description"};
    struct yn *v[N_OF(keys)];
    long gi = claim(ld, key, true, domain);
    if (gi < 0)
        return;
    char where[300];
    quoted_where(where, sizeof where, domain ? "domain group '" : "group '",
                 ld->pol->groups[gi].name);
    if (ld_is_null(node) || !ld_fields(ld, node, where, keys, N_OF(keys), v, NULL))
        return;
    struct group *g = &ld->pol->groups[gi];
    if (domain_sid_ok(ld, v[1], domain))
        define_identity(ld, where, g->builtin, v[0], v[1], &g->sid_source, &g->rid, &g->sid,
                        &ld->group_sid_node[gi]);
    if (v[2] && ld_list(ld, v[2], "members", true))
        defer(ld, &ld->members, &ld->n_members, &ld->cap_members, (size_t)gi, v[2]);
    const char *s;
    if (v[3] && (s = ld_string(ld, v[3], "description")) &&
        policy_set_string(&g->description, s) < 0)
        ld_oom(ld);
}

void ld_define_group(struct ld *ld, struct yn *key, struct yn *node)
{
    define_group_in(ld, key, node, false);
}

void ld_define_domain_group(struct ld *ld, struct yn *key, struct yn *node)
{
    define_group_in(ld, key, node, true);
}

static const char *const account_keys[] = {
    "password",     "nt_hash",          "rid",           "sid",
    "groups",       "full_name",        "home_directory", "home_directory_drive",
    "profile_path", "logon_script",     "disabled",      "locked_out",
    "expires",      "password_expired", "must_change_password", "logon_hours",
    "workstations",
    /* Domain accounts only (AK_DOMAIN_COUNT). */
    "upn",          "cached",
};
enum {
    AK_PASSWORD, AK_NT_HASH, AK_RID, AK_SID, AK_GROUPS, AK_FULL_NAME, AK_HOME, AK_DRIVE,
    AK_PROFILE, AK_SCRIPT, AK_DISABLED, AK_LOCKED, AK_EXPIRES, AK_PW_EXPIRED, AK_MUST_CHANGE,
    AK_HOURS, AK_WORKSTATIONS, AK_COUNT, AK_UPN = AK_COUNT, AK_CACHED, AK_DOMAIN_COUNT
};

static void define_password(struct ld *ld, struct yn **v, const char *where, struct account *a)
{
    const char *s;
    if (v[AK_PASSWORD] && v[AK_NT_HASH]) {
        ld_error(ld, v[AK_NT_HASH], "both 'password' and 'nt_hash' given for %s; use one",
                 where);
        return;
    }
    if (v[AK_PASSWORD] && (s = ld_string(ld, v[AK_PASSWORD], "password"))) {
        if (md4_nt_hash(s, strlen(s), a->nt_hash) < 0)
            ld_oom(ld);
        a->blank_password = !*s;
    }
    if (v[AK_NT_HASH] && (s = ld_string(ld, v[AK_NT_HASH], "nt_hash"))) {
        if (!yv_parse_hash(s, a->nt_hash)) {
            ld_error(ld, v[AK_NT_HASH], "malformed nt_hash '%s' (expected 32 hex digits)", s);
            return;
        }
        uint8_t blank[16];
        md4_nt_hash("", 0, blank);
        a->blank_password = memcmp(blank, a->nt_hash, 16) == 0;
    }
}

static void define_hours(struct ld *ld, struct yn *node, struct account *a)
{
    if (!ld_list(ld, node, "logon_hours", false))
        return;
    uint8_t bitmap[YV_HOURS_BYTES];
    memset(bitmap, 0, sizeof bitmap);
    bool ok = true;
    for (size_t it = 0; it < node->n; it++) {
        struct yn *item = node->u.items[it];
        const char *s = ld_string(ld, item, "logon_hours");
        if (s && !yv_parse_hours(s, bitmap)) {
            ld_error(ld, item,
                     "malformed logon_hours entry '%s' (expected e.g. 'Mon-Fri 08:00-18:00', "
                     "'Sun' or 'Mon,Wed 09:00-17:00')",
                     s);
            s = NULL;
        }
        ok = ok && s;
    }
    if (!ok)
        return;
    /* At most one range per two minutes: 20 KB, on the stack rather than a
     * heap block of that size per account. */
    struct hours_range ranges[YV_WEEK_MINUTES / 2 + 1];
    if (policy_set_logon_hours(a, ranges, yv_hours_ranges(bitmap, ranges)) < 0)
        ld_oom(ld);
}

/* upn: and cached: of a domain account. */
static void define_domain_extras(struct ld *ld, struct yn **v, struct account *a)
{
    const char *s;
    if (v[AK_UPN] && (s = ld_string(ld, v[AK_UPN], "upn"))) {
        const char *at = strchr(s, '@');
        struct account_extra *x;
        if (!at || at == s || !at[1] || strchr(at + 1, '@') || strpbrk(s, " \\\"")) {
            ld_error(ld, v[AK_UPN], "malformed upn '%s' (expected name@suffix, e.g. "
                                    "alice@corp.example)",
                     s);
        } else if (!(x = policy_account_x(a)) || policy_set_string(&x->upn, s) < 0) {
            ld_oom(ld);
        }
    }
    bool flag;
    if (v[AK_CACHED] && ld_bool(ld, v[AK_CACHED], "cached", &flag))
        a->cached = flag;
}

static void define_account_in(struct ld *ld, struct yn *key, struct yn *node, bool domain)
{
    struct yn *v[AK_DOMAIN_COUNT];
    long ai = claim(ld, key, false, domain);
    if (ai < 0)
        return;
    char where[300];
    quoted_where(where, sizeof where, domain ? "domain account '" : "account '",
                 ld->pol->accounts[ai].name);
    if (ld_is_null(node) || !ld_fields(ld, node, where, account_keys,
                                       domain ? AK_DOMAIN_COUNT : AK_COUNT, v, NULL))
        return;
    struct account *a = &ld->pol->accounts[ai];
    define_password(ld, v, where, a);
    if (domain_sid_ok(ld, v[AK_SID], domain))
        define_identity(ld, where, a->builtin, v[AK_RID], v[AK_SID], &a->sid_source, &a->rid,
                        &a->sid, &ld->account_sid_node[ai]);
    if (domain)
        define_domain_extras(ld, v, a);
    /* In tree mode the list may be shared (aliased): resolved once, later.
     * A domain account's names look in the domain first (yaml_refs.c). */
    if (v[AK_GROUPS] && ld_list(ld, v[AK_GROUPS], "groups", true) &&
        !(ld->streaming && !domain && defer_known_groups(ld, (size_t)ai, v[AK_GROUPS])))
        defer(ld, &ld->account_groups, &ld->n_account_groups, &ld->cap_account_groups,
              (size_t)ai, v[AK_GROUPS]);

    for (int k = AK_FULL_NAME; k <= AK_SCRIPT; k++) {
        const char *s;
        if (!v[k] || !(s = ld_string(ld, v[k], account_keys[k])))
            continue;
        struct account_extra *x = k == AK_FULL_NAME ? NULL : policy_account_x(a);
        char **field = k == AK_FULL_NAME ? &a->full_name
                       : !x             ? NULL
                       : k == AK_HOME   ? &x->home_directory
                       : k == AK_DRIVE  ? &x->home_directory_drive
                       : k == AK_PROFILE ? &x->profile_path
                                         : &x->logon_script;
        if (!field || policy_set_string(field, s) < 0)
            ld_oom(ld);
    }
    bool flag;
    if (v[AK_DISABLED] && ld_bool(ld, v[AK_DISABLED], "disabled", &flag))
        a->disabled = flag;
    if (v[AK_LOCKED] && ld_bool(ld, v[AK_LOCKED], "locked_out", &flag))
        a->locked_out = flag;
    int64_t expires;
    if (v[AK_EXPIRES] && ld_time(ld, v[AK_EXPIRES], "expires", &expires)) {
        struct account_extra *x = policy_account_x(a);
        if (x) {
            x->expires = expires;
            a->has_expires = true;
        } else {
            ld_oom(ld);
        }
    }
    if (v[AK_PW_EXPIRED] && ld_bool(ld, v[AK_PW_EXPIRED], "password_expired", &flag))
        a->password_expired = flag;
    if (v[AK_MUST_CHANGE] && ld_bool(ld, v[AK_MUST_CHANGE], "must_change_password", &flag))
        a->must_change_password = flag;
    if (v[AK_HOURS])
        define_hours(ld, v[AK_HOURS], a);
    if (v[AK_WORKSTATIONS] && ld_list(ld, v[AK_WORKSTATIONS], "workstations", false)) {
        struct yn *list = v[AK_WORKSTATIONS];
        a->has_workstations = true;
        for (size_t it = 0; it < list->n; it++) {
            const char *s = ld_string(ld, list->u.items[it], "workstations");
            if (s && policy_add_workstation(a, s) < 0)
                ld_oom(ld);
        }
    }
}

void ld_define_account(struct ld *ld, struct yn *key, struct yn *node)
{
    define_account_in(ld, key, node, false);
}

void ld_define_domain_account(struct ld *ld, struct yn *key, struct yn *node)
{
    define_account_in(ld, key, node, true);
}

/* Calls fn for each key/value of a section mapping (null = empty). */
void ld_each_entry(struct ld *ld, struct yn *node, const char *section,
                       void (*fn)(struct ld *, struct yn *, struct yn *))
{
    if (ld_is_null(node))
        return;
    if (node->type != YN_MAPPING) {
        ld_error(ld, node, "expected a mapping for '%s', got %s", section, ld_kind(node));
        return;
    }
    for (size_t p = 0; p + 1 < node->n; p += 2) {
        if (ld->oom)
            return;
        fn(ld, node->u.items[p], node->u.items[p + 1]);
    }
}

/* ---- Top level --------------------------------------------------------------------------- */

const char *const ld_top_keys[TK_COUNT] = {"lsaemu",   "machine",   "base",
                                           "options",  "groups",    "accounts",
                                           "rights",   "processes", "faults",
                                           "rights_add", "domain",  "lockout",
                                           "packages"};

bool ld_sections_define(struct ld *ld, struct yn *root, struct yn **vals)
{
    struct yn *tree_vals[TK_COUNT];
    struct yn **v = vals;
    if (!v) {
        if (root->type != YN_MAPPING) {
            ld_error(ld, root,
                     "a policy must be a mapping (lsaemu:, machine:, accounts:, ...), got %s",
                     ld_kind(root));
            return true;
        }
        v = tree_vals;
        ld_fields(ld, root, NULL, ld_top_keys, TK_COUNT, v, NULL);
    }
    if (!v[TK_VERSION]) {
        ld_error(ld, root, "missing 'lsaemu: 1' (the policy format version)");
    } else {
        struct yn *ver = v[TK_VERSION];
        const char *s = ver->type == YN_SCALAR ? ver->u.value : "";
        if (strcmp(s, "1") != 0) {
            if (ver->type == YN_SCALAR)
                ld_error(ld, ver, "lsaemu: %s is not a supported format version (expected 1)",
                         s);
            else
                ld_error(ld, ver, "lsaemu: expected the format version 1, got %s",
                         ld_kind(ver));
            /* Another version means another format: the rest would only add noise. */
            return false;
        }
    }
    if (v[TK_MACHINE])
        define_machine(ld, v[TK_MACHINE]);
    if (v[TK_BASE])
        define_base(ld, v[TK_BASE]);
    if (v[TK_OPTIONS])
        define_options(ld, v[TK_OPTIONS]);
    if (!track(ld))
        return true;
    /* Groups before accounts whatever the file order: RIDs count groups first. */
    if (v[TK_GROUPS] && !ld->groups_done)
        ld_each_entry(ld, v[TK_GROUPS], "groups", ld_define_group);
    if (v[TK_ACCOUNTS] && !ld->accounts_done)
        ld_each_entry(ld, v[TK_ACCOUNTS], "accounts", ld_define_account);
    /* The domain after the machine's accounts: its own come after them. */
    ld_define_domain(ld, v[TK_DOMAIN]);
    if (!track(ld))
        return true;
    if (v[TK_LOCKOUT])
        ld_define_lockout(ld, v[TK_LOCKOUT]);
    ld->faults = v[TK_FAULTS];
    ld->rights = v[TK_RIGHTS];
    ld->rights_add = v[TK_RIGHTS_ADD];
    ld->processes = v[TK_PROCESSES];
    ld->packages = v[TK_PACKAGES];
    return true;
}
