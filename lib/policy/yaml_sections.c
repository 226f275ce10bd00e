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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/md4.h"
#include "core/status.h"
#include "core/wellknown.h"
#include "yaml_values.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Bookkeeping ------------------------------------------------------------------- */

/* Grows the per-account and per-group node arrays to the policy's sizes. */
static bool track(struct ld *ld)
{
    struct policy *pol = ld->pol;
    if (pol->n_accounts > ld->cap_accounts) {
        size_t cap = pol->n_accounts * 2;
        yaml_node_t **k = realloc(ld->account_key, cap * sizeof *k);
        if (k)
            ld->account_key = k;
        yaml_node_t **s = k ? realloc(ld->account_sid_node, cap * sizeof *s) : NULL;
        if (!k || !s) {
            ld_oom(ld);
            return false;
        }
        ld->account_sid_node = s;
        for (size_t i = ld->cap_accounts; i < cap; i++)
            ld->account_key[i] = ld->account_sid_node[i] = NULL;
        ld->cap_accounts = cap;
    }
    if (pol->n_groups > ld->cap_groups) {
        size_t cap = pol->n_groups * 2;
        yaml_node_t **k = realloc(ld->group_key, cap * sizeof *k);
        if (k)
            ld->group_key = k;
        yaml_node_t **s = k ? realloc(ld->group_sid_node, cap * sizeof *s) : NULL;
        if (!k || !s) {
            ld_oom(ld);
            return false;
        }
        ld->group_sid_node = s;
        for (size_t i = ld->cap_groups; i < cap; i++)
            ld->group_key[i] = ld->group_sid_node[i] = NULL;
        ld->cap_groups = cap;
    }
    return true;
}

static void defer(struct ld *ld, struct ld_ref **arr, size_t *n, size_t *cap, size_t index,
                  yaml_node_t *list)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        struct ld_ref *grown = realloc(*arr, ncap * sizeof *grown);
        if (!grown) {
            ld_oom(ld);
            return;
        }
        *arr = grown;
        *cap = ncap;
    }
    (*arr)[(*n)++] = (struct ld_ref){index, list};
}

static int line_of(const yaml_node_t *node)
{
    return (int)node->start_mark.line + 1;
}

/* Windows refuses these characters in account and group names; '\' would also
 * make DOMAIN\name spellings ambiguous. */
static bool valid_name(struct ld *ld, const yaml_node_t *node, const char *kind, const char *name)
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

static void define_machine(struct ld *ld, yaml_node_t *node)
{
    static const char *const keys[] = {"name", "sid", "role", "time", "domain"};
    yaml_node_t *v[N_OF(keys)];
    struct policy *pol = ld->pol;
    if (!ld_fields(ld, node, "machine", keys, N_OF(keys), v, NULL))
        return;
    const char *s;
    if (v[0] && (s = ld_string(ld, v[0], "name")) && valid_name(ld, v[0], "machine", s) &&
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
    if (v[4] && (s = ld_string(ld, v[4], "domain")) && valid_name(ld, v[4], "domain", s) &&
        policy_set_string(&pol->machine_domain, s) < 0)
        ld_oom(ld);
}

static void define_base(struct ld *ld, yaml_node_t *node)
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

static void define_options(struct ld *ld, yaml_node_t *node)
{
    static const char *const keys[] = {"blank_password_console_only", "require_logon_process"};
    yaml_node_t *v[N_OF(keys)];
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
static void define_identity(struct ld *ld, const char *where, bool builtin, yaml_node_t *rid,
                            yaml_node_t *sid_node, uint8_t *source, uint32_t *rid_out,
                            struct sid *sid_out, yaml_node_t **pos)
{
    if (rid && sid_node) {
        ld_error(ld, sid_node, "both 'rid' and 'sid' given for %s; use one", where);
        return;
    }
    yaml_node_t *given = rid ? rid : sid_node;
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
        *pos = rid;
    } else if (sid_node && ld_sid(ld, sid_node, "sid", &s)) {
        *source = POLICY_SID_FIXED;
        *sid_out = s;
        *pos = sid_node;
    }
}

/* Finds or creates the group or account named by key, reporting duplicates
 * and name clashes. Returns its index or -1. */
static long claim(struct ld *ld, yaml_node_t *key, bool is_group)
{
    struct policy *pol = ld->pol;
    const char *kind = is_group ? "group" : "account";
    const char *name = ld_string(ld, key, is_group ? "group name" : "account name");
    if (!name || !valid_name(ld, key, kind, name))
        return -1;
    long same = is_group ? policy_group_index(pol, name) : policy_account_index(pol, name);
    long other = is_group ? policy_account_index(pol, name) : policy_group_index(pol, name);
    if (other >= 0) {
        yaml_node_t *okey = is_group ? ld->account_key[other] : ld->group_key[other];
        const char *oname = is_group ? pol->accounts[other].name : pol->groups[other].name;
        if (okey)
            ld_error(ld, key, "%s '%s' has the same name as %s '%s' (line %d)", kind, name,
                     is_group ? "account" : "group", oname, line_of(okey));
        else
            ld_error(ld, key, "%s '%s' has the same name as built-in %s '%s'", kind, name,
                     is_group ? "account" : "group", oname);
        return -1;
    }
    if (same >= 0) {
        yaml_node_t *first = is_group ? ld->group_key[same] : ld->account_key[same];
        if (first) {
            ld_error(ld, key, "duplicate %s '%s' (first defined at line %d)", kind, name,
                     line_of(first));
            return -1;
        }
    } else {
        same = is_group ? policy_add_group(pol, name) : policy_add_account(pol, name);
        if (same < 0) {
            ld_oom(ld);
            return -1;
        }
    }
    if (!track(ld))
        return -1;
    if (is_group)
        ld->group_key[same] = key;
    else
        ld->account_key[same] = key;
    return same;
}

static void define_group(struct ld *ld, yaml_node_t *key, yaml_node_t *node)
{
    static const char *const keys[] = {"rid", "sid", "members", "description"};
    yaml_node_t *v[N_OF(keys)];
    long gi = claim(ld, key, true);
    if (gi < 0)
        return;
    char where[300];
    snprintf(where, sizeof where, "group '%s'", ld->pol->groups[gi].name);
    if (ld_is_null(node) || !ld_fields(ld, node, where, keys, N_OF(keys), v, NULL))
        return;
    struct group *g = &ld->pol->groups[gi];
    define_identity(ld, where, g->builtin, v[0], v[1], &g->sid_source, &g->rid, &g->sid,
                    &ld->group_sid_node[gi]);
    if (v[2] && ld_list(ld, v[2], "members", true))
        defer(ld, &ld->members, &ld->n_members, &ld->cap_members, (size_t)gi, v[2]);
    const char *s;
    if (v[3] && (s = ld_string(ld, v[3], "description")) &&
        policy_set_string(&g->description, s) < 0)
        ld_oom(ld);
}

static const char *const account_keys[] = {
    "password",     "nt_hash",          "rid",           "sid",
    "groups",       "full_name",        "home_directory", "home_directory_drive",
    "profile_path", "logon_script",     "disabled",      "locked_out",
    "expires",      "password_expired", "must_change_password", "logon_hours",
    "workstations",
};
enum {
    AK_PASSWORD, AK_NT_HASH, AK_RID, AK_SID, AK_GROUPS, AK_FULL_NAME, AK_HOME, AK_DRIVE,
    AK_PROFILE, AK_SCRIPT, AK_DISABLED, AK_LOCKED, AK_EXPIRES, AK_PW_EXPIRED, AK_MUST_CHANGE,
    AK_HOURS, AK_WORKSTATIONS, AK_COUNT
};

static void define_password(struct ld *ld, yaml_node_t **v, const char *where, struct account *a)
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

static void define_hours(struct ld *ld, yaml_node_t *node, struct account *a)
{
    if (!ld_list(ld, node, "logon_hours", false))
        return;
    uint8_t bitmap[YV_HOURS_BYTES];
    memset(bitmap, 0, sizeof bitmap);
    bool ok = true;
    for (yaml_node_item_t *it = node->data.sequence.items.start;
         it < node->data.sequence.items.top; it++) {
        yaml_node_t *item = ld_node(ld, *it);
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
    struct hours_range *ranges = malloc((YV_WEEK_MINUTES / 2 + 1) * sizeof *ranges);
    if (!ranges || policy_set_logon_hours(a, ranges, yv_hours_ranges(bitmap, ranges)) < 0)
        ld_oom(ld);
    free(ranges);
}

static void define_account(struct ld *ld, yaml_node_t *key, yaml_node_t *node)
{
    yaml_node_t *v[AK_COUNT];
    long ai = claim(ld, key, false);
    if (ai < 0)
        return;
    char where[300];
    snprintf(where, sizeof where, "account '%s'", ld->pol->accounts[ai].name);
    if (ld_is_null(node) || !ld_fields(ld, node, where, account_keys, AK_COUNT, v, NULL))
        return;
    struct account *a = &ld->pol->accounts[ai];
    define_password(ld, v, where, a);
    define_identity(ld, where, a->builtin, v[AK_RID], v[AK_SID], &a->sid_source, &a->rid,
                    &a->sid, &ld->account_sid_node[ai]);
    if (v[AK_GROUPS] && ld_list(ld, v[AK_GROUPS], "groups", true))
        defer(ld, &ld->account_groups, &ld->n_account_groups, &ld->cap_account_groups,
              (size_t)ai, v[AK_GROUPS]);

    char **strings[] = {&a->full_name, &a->home_directory, &a->home_directory_drive,
                        &a->profile_path, &a->logon_script};
    for (int k = AK_FULL_NAME; k <= AK_SCRIPT; k++) {
        const char *s;
        if (v[k] && (s = ld_string(ld, v[k], account_keys[k])) &&
            policy_set_string(strings[k - AK_FULL_NAME], s) < 0)
            ld_oom(ld);
    }
    bool *flags[] = {&a->disabled, &a->locked_out};
    for (int k = AK_DISABLED; k <= AK_LOCKED; k++)
        if (v[k])
            ld_bool(ld, v[k], account_keys[k], flags[k - AK_DISABLED]);
    if (v[AK_EXPIRES] && ld_time(ld, v[AK_EXPIRES], "expires", &a->expires))
        a->has_expires = true;
    if (v[AK_PW_EXPIRED])
        ld_bool(ld, v[AK_PW_EXPIRED], "password_expired", &a->password_expired);
    if (v[AK_MUST_CHANGE])
        ld_bool(ld, v[AK_MUST_CHANGE], "must_change_password", &a->must_change_password);
    if (v[AK_HOURS])
        define_hours(ld, v[AK_HOURS], a);
    if (v[AK_WORKSTATIONS] && ld_list(ld, v[AK_WORKSTATIONS], "workstations", false)) {
        yaml_node_t *list = v[AK_WORKSTATIONS];
        a->has_workstations = true;
        for (yaml_node_item_t *it = list->data.sequence.items.start;
             it < list->data.sequence.items.top; it++) {
            const char *s = ld_string(ld, ld_node(ld, *it), "workstations");
            if (s && policy_add_workstation(a, s) < 0)
                ld_oom(ld);
        }
    }
}

/* Calls fn for each key/value of a section mapping (null = empty). */
static void each_entry(struct ld *ld, yaml_node_t *node, const char *section,
                       void (*fn)(struct ld *, yaml_node_t *, yaml_node_t *))
{
    if (ld_is_null(node))
        return;
    if (node->type != YAML_MAPPING_NODE) {
        ld_error(ld, node, "expected a mapping for '%s', got %s", section, ld_kind(node));
        return;
    }
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        if (ld->oom)
            return;
        fn(ld, ld_node(ld, p->key), ld_node(ld, p->value));
    }
}

/* ---- faults ------------------------------------------------------------------------------ */

static void define_fault(struct ld *ld, yaml_node_t *node, size_t number)
{
    static const char *const keys[] = {"call", "nth", "account", "status"};
    yaml_node_t *v[N_OF(keys)];
    char where[64];
    snprintf(where, sizeof where, "fault %zu", number);
    if (!ld_fields(ld, node, where, keys, N_OF(keys), v, NULL))
        return;
    struct fault f = {NULL, 0, NULL, 0};
    bool ok = true;
    uint64_t nth;
    if (!v[0]) {
        ld_error(ld, node, "fault %zu has no 'call' (the Windows function to fail)", number);
        ok = false;
    } else if (!(f.call = (char *)ld_string(ld, v[0], "call"))) {
        ok = false;
    }
    if (v[1]) {
        if (ld_uint(ld, v[1], "nth", 1, UINT32_MAX, &nth))
            f.nth = (uint32_t)nth;
        else
            ok = false;
    }
    if (v[2] && !(f.account = (char *)ld_string(ld, v[2], "account")))
        ok = false;
    const char *s;
    if (!v[3]) {
        ld_error(ld, node, "fault %zu has no 'status' (an NTSTATUS name or 0x value)", number);
        ok = false;
    } else if (!(s = ld_string(ld, v[3], "status"))) {
        ok = false;
    } else if (!yv_parse_status_hex(s, &f.status) && !status_by_name(s, &f.status)) {
        ld_error(ld, v[3],
                 "unknown status '%s' (expected an NTSTATUS name like STATUS_ACCESS_DENIED "
                 "or a value like 0xC0000022)",
                 s);
        ok = false;
    }
    if (ok && policy_add_fault(ld->pol, &f) < 0)
        ld_oom(ld);
}

static void define_faults(struct ld *ld, yaml_node_t *node)
{
    if (!ld_list(ld, node, "faults", true) || ld_is_null(node))
        return;
    size_t number = 1;
    for (yaml_node_item_t *it = node->data.sequence.items.start;
         it < node->data.sequence.items.top; it++)
        define_fault(ld, ld_node(ld, *it), number++);
}

/* ---- Top level --------------------------------------------------------------------------- */

enum { TK_VERSION, TK_MACHINE, TK_BASE, TK_OPTIONS, TK_GROUPS, TK_ACCOUNTS, TK_RIGHTS,
       TK_PROCESSES, TK_FAULTS, TK_COUNT };
static const char *const top_keys[] = {"lsaemu", "machine", "base",      "options", "groups",
                                       "accounts", "rights", "processes", "faults"};

void ld_sections_define(struct ld *ld, yaml_node_t *root)
{
    yaml_node_t *v[TK_COUNT];
    if (root->type != YAML_MAPPING_NODE) {
        ld_error(ld, root, "a policy must be a mapping (lsaemu:, machine:, accounts:, ...), got %s",
                 ld_kind(root));
        return;
    }
    ld_fields(ld, root, NULL, top_keys, TK_COUNT, v, NULL);
    if (!v[TK_VERSION]) {
        ld_error(ld, root, "missing 'lsaemu: 1' (the policy format version)");
    } else {
        yaml_node_t *ver = v[TK_VERSION];
        const char *s = ver->type == YAML_SCALAR_NODE ? (const char *)ver->data.scalar.value : "";
        if (strcmp(s, "1") != 0) {
            if (ver->type == YAML_SCALAR_NODE)
                ld_error(ld, ver, "lsaemu: %s is not a supported format version (expected 1)",
                         s);
            else
                ld_error(ld, ver, "lsaemu: expected the format version 1, got %s",
                         ld_kind(ver));
            /* Another version means another format: the rest would only add noise. */
            return;
        }
    }
    if (v[TK_MACHINE])
        define_machine(ld, v[TK_MACHINE]);
    if (v[TK_BASE])
        define_base(ld, v[TK_BASE]);
    if (v[TK_OPTIONS])
        define_options(ld, v[TK_OPTIONS]);
    if (!track(ld))
        return;
    /* Groups before accounts whatever the file order: RIDs count groups first. */
    if (v[TK_GROUPS])
        each_entry(ld, v[TK_GROUPS], "groups", define_group);
    if (v[TK_ACCOUNTS])
        each_entry(ld, v[TK_ACCOUNTS], "accounts", define_account);
    if (v[TK_FAULTS])
        define_faults(ld, v[TK_FAULTS]);
    ld->rights = v[TK_RIGHTS];
    ld->processes = v[TK_PROCESSES];
}
