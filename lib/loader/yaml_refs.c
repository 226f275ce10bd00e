/* SPDX-License-Identifier: MIT */
/*
 * The referring sections of a policy document: group members, the groups of
 * an account, rights and processes. They run after policy_prepare(), when
 * every account and group has its SID, so any principal spelling resolves
 * through policy_resolve_principal(). Also reports SID collisions.
 */
#include "config.h"
#include "base/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/array.h"
#include "core/engine/engine.h"
#include "core/model/wellknown.h"
#include "core/state/token.h"
#include "loader/yaml_values.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static bool looks_like_sid(const char *s)
{
    /* The same test policy_resolve_principal() applies. */
    if (*s == '*')
        return true;
    return (s[0] == 'S' || s[0] == 's') && s[1] == '-' && s[2] >= '0' && s[2] <= '9';
}

/*
 * policy_resolve_principal(), except that with domain_first a bare name is
 * looked up among the domain's accounts and groups before the machine's:
 * what the names in the domain: section mean.
 */
static bool resolve(const struct policy *pol, const char *s, bool domain_first, struct sid *out)
{
    if (domain_first && !strchr(s, '\\') && !looks_like_sid(s)) {
        const struct account *a = policy_find_domain_account(pol, s);
        const struct group *g = a ? NULL : policy_find_domain_group(pol, s);
        if (a || g) {
            *out = a ? a->sid : g->sid;
            return true;
        }
    }
    return policy_resolve_principal(pol, s, out);
}

/*
 * Resolves a principal node to a SID, reporting a non-string, a malformed
 * SID or a name that names nothing ("<role> 'x' names no account, group or
 * well-known SID"). role and context say what the name was for;
 * domain_first as resolve().
 */
static bool principal_in(struct ld *ld, struct yn *node, const char *role, const char *context,
                         bool domain_first, struct sid *out)
{
    const char *s = ld_string(ld, node, role);
    if (!s)
        return false;
    ld->work.lookups++;
    if (resolve(ld->pol, s, domain_first, out))
        return true;
    if (looks_like_sid(s))
        ld_error(ld, node, "malformed SID '%s' (expected e.g. S-1-5-32-544)", s);
    else
        ld_error_ref(ld, node, "%s '%s'%s names no account, group or well-known SID", role, s,
                     context);
    return false;
}

bool ld_principal(struct ld *ld, struct yn *node, const char *role, const char *context,
                  struct sid *out)
{
    return principal_in(ld, node, role, context, false, out);
}

/*
 * Whether resolved references go into the policy: not once the load (or
 * validation) has an error -- it will fail. The names are still resolved,
 * for their errors. Validating builds as a load does while there is no
 * error, for the checks of the finished policy (ld_check_enabled()).
 */
static bool building(const struct ld *ld)
{
    return !ld->n_errors && !ld->oom;
}

/*
 * The memo of a list, NULL when streaming (a streamed entry's list is used
 * once: nothing can alias it). In tree mode a node can be the list of many
 * groups or accounts -- aliased itself, or inside an aliased mapping -- so a
 * list that a thousand groups alias is resolved once, its errors reported
 * once (naming the first group or account that uses it), and the other uses
 * share what it resolved to: the work is that of the file's events.
 */
static struct ld_memo *memo_of(struct ld *ld, struct yn *list)
{
    if (ld->streaming)
        return NULL;
    if (list->memo)
        return &ld->memo[list->memo - 1];
    if (ld->n_memo == ld->cap_memo) {
        size_t n = ld->cap_memo ? ld->cap_memo * 2 : 16;
        struct ld_memo *grown = mem_realloc(ld->memo, n * sizeof *grown);
        if (!grown) {
            ld_oom(ld);
            return NULL;
        }
        ld->memo = grown;
        ld->cap_memo = n;
    }
    /* Fits: a list takes at least 2 of the LOADER_MAX_BYTES bytes. */
    ld->memo[ld->n_memo] = (struct ld_memo){0};
    list->memo = (uint32_t)++ld->n_memo;
    return &ld->memo[ld->n_memo - 1];
}

/*
 * A group's members: one policy list (policy_add_list()) per list node, which
 * every group using the node shares. While a load has no error the list is
 * built as its names resolve; the names are resolved (for their errors) even
 * when it is not.
 */
static void resolve_members(struct ld *ld, const struct ld_ref *ref)
{
    struct yn *list = ref->list;
    if (ld_is_null(list))
        return;
    struct ld_memo *m = memo_of(ld, list);
    if (ld->oom)
        return;
    if (m && m->members_done) {
        if (building(ld) && m->members_list) {
            ld->work.members++;
            policy_set_member_list(ld->pol, ref->index, m->members_list - 1);
        }
        return;
    }
    long l = -1;
    if (building(ld) && (l = policy_add_list(ld->pol)) < 0) {
        ld_oom(ld);
        return;
    }
    char context[300];
    const struct group *group = &ld->pol->groups[ref->index];
    /* A global group of the domain holds only the domain's accounts and
     * groups. */
    bool domain = group->in_domain;
    snprintf(context, sizeof context, " of %sgroup '%s'", domain ? "domain " : "", group->name);
    for (size_t it = 0; it < list->n; it++) {
        struct sid sid;
        if (!principal_in(ld, list->u.items[it], "member", context, domain, &sid))
            continue;
        if (domain && !sid_is_child_of(&sid, &ld->pol->domain.sid)) {
            ld_error(ld, list->u.items[it],
                     "member '%s'%s is not an account or group of domain %s; a domain group "
                     "holds only those",
                     list->u.items[it]->u.value, context, ld->pol->domain.name);
            continue;
        }
        if (!building(ld))
            continue;
        ld->work.members++;
        if (policy_list_add(ld->pol, (size_t)l, &sid) < 0)
            ld_oom(ld);
    }
    if (l >= 0 && building(ld)) {
        ld->work.members++;
        policy_set_member_list(ld->pol, ref->index, (size_t)l);
    }
    if (m) {
        m->members_list = l >= 0 && building(ld) ? (uint32_t)l + 1 : 0;
        m->members_done = true;
    }
}

/* Adds the account to groups[g] when the policy is being built. */
static void join(struct ld *ld, size_t g, size_t account)
{
    if (!building(ld))
        return;
    ld->work.members++;
    if (policy_add_member_account(ld->pol, g, account) < 0)
        ld_oom(ld);
}

/*
 * The second and later accounts of a groups: list resolved before share one
 * policy list of its groups (the first one joined them one by one, as an
 * account whose list is its own): made on the second use, then referred to.
 */
static void share_groups(struct ld *ld, struct ld_memo *m, size_t account)
{
    if (!building(ld))
        return;
    if (!m->groups_list) {
        long l = policy_add_list(ld->pol);
        if (l < 0) {
            ld_oom(ld);
            return;
        }
        for (uint32_t i = 0; i < m->n_groups; i++) {
            ld->work.members++;
            if (policy_list_add_group(ld->pol, (size_t)l, m->groups[i]) < 0) {
                ld_oom(ld);
                return;
            }
        }
        m->groups_list = (uint32_t)l + 1;
    }
    ld->work.members++;
    policy_set_groups_list(ld->pol, account, m->groups_list - 1);
}

static void resolve_account_groups(struct ld *ld, const struct ld_ref *ref)
{
    struct policy *pol = ld->pol;
    const char *acct = pol->accounts[ref->index].name;
    bool domain = pol->accounts[ref->index].in_domain;
    for (size_t i = 0; i < ref->n_groups; i++) {
        /* Known by name when read (yaml_sections.c); found by SID here, as
         * the general path does (the same group unless SIDs clash). */
        join(ld, policy_group_by_own_sid(pol, ref->groups[i]), ref->index);
    }
    if (ref->n_groups || !ref->list || ld_is_null(ref->list))
        return;
    struct yn *list = ref->list;
    struct ld_memo *m = memo_of(ld, list);
    if (ld->oom)
        return;
    if (m && m->groups_done) {
        share_groups(ld, m, ref->index);
        return;
    }
    uint32_t *kept = NULL, n_kept = 0;
    if (m && list->n && !(kept = ld_alloc(ld, &ld->keep, list->n * sizeof *kept)))
        return; /* out of memory, recorded */
    for (size_t it = 0; it < list->n; it++) {
        struct yn *item = list->u.items[it];
        const char *s = ld_string(ld, item, "groups");
        struct sid sid;
        if (!s)
            continue;
        ld->work.lookups++;
        if (!resolve(pol, s, domain, &sid)) {
            if (looks_like_sid(s))
                ld_error(ld, item, "malformed SID '%s' (expected e.g. S-1-5-32-544)", s);
            else
                ld_error_ref(ld, item, "unknown group '%s' in the groups of account '%s'", s,
                             acct);
            continue;
        }
        const struct group *g = policy_find_group_sid(pol, &sid);
        if (g) {
            if (kept)
                kept[n_kept++] = (uint32_t)(g - pol->groups);
            join(ld, (size_t)(g - pol->groups), ref->index);
        } else if (policy_find_account_sid(pol, &sid)) {
            ld_error(ld, item, "'%s' in the groups of account '%s' is an account, not a group", s,
                     acct);
        } else if (wellknown_by_sid(&sid)) {
            ld_error(ld, item,
                     "'%s' in the groups of account '%s' is a well-known group whose "
                     "membership Windows computes; it cannot be assigned",
                     s, acct);
        } else {
            ld_error_ref(ld, item, "unknown group '%s' in the groups of account '%s'", s, acct);
        }
    }
    if (m) {
        m->groups = kept;
        m->n_groups = n_kept;
        m->groups_done = true;
    }
}

static void resolve_enabled(struct ld *ld, struct yn *list, size_t pi)
{
    struct process_entry *proc = &ld->pol->processes[pi];
    if (!ld_list(ld, list, "enabled", true) || ld_is_null(list))
        return;
    for (size_t it = 0; it < list->n; it++) {
        struct yn *item = list->u.items[it];
        const char *s = ld_string(ld, item, "enabled");
        if (!s)
            continue;
        int id = right_by_name(s);
        char hint[96];
        if (id < 0)
            ld_error(ld, item, "unknown privilege '%s'%s", s,
                     ld_right_hint(hint, sizeof hint, s, true));
        else if (right_info(id)->is_right)
            ld_error(ld, item,
                     "'%s' is a logon right, not a privilege; only privileges can be enabled",
                     s);
        else if (!(proc->enabled & RIGHT_BIT(id))) {
            proc->enabled |= RIGHT_BIT(id);
            if (array_reserve(&ld->enabled_at, &ld->cap_enabled_at, ld->n_enabled_at + 1,
                              sizeof *ld->enabled_at, 8) < 0) {
                ld_oom(ld);
                return;
            }
            ld->enabled_at[ld->n_enabled_at++] =
                (struct ld_enabled){(uint32_t)pi, id, ld_pos_of(item)};
        }
    }
}

static void resolve_process(struct ld *ld, struct yn *key, struct yn *node,
                            struct yn **first, size_t n_first)
{
    static const char *const keys[] = {"account", "enabled", "session", "elevated"};
    struct yn *v[N_OF(keys)];
    struct policy *pol = ld->pol;
    const char *name = ld_string(ld, key, "process name");
    if (!name)
        return;
    if (!*name) {
        ld_error(ld, key, "process name must not be empty");
        return;
    }
    long dup = policy_process_index(pol, name);
    if (dup >= 0) {
        ld_error(ld, key, "duplicate process '%s' (first defined at line %d)", name,
                 (size_t)dup < n_first ? first[dup]->line : 0);
        return;
    }
    char where[300];
    snprintf(where, sizeof where, "process '%s'", name);
    if (!ld_fields(ld, node, where, keys, N_OF(keys), v, NULL))
        return;
    if (!v[0]) {
        ld_error(ld, node, "process '%s' has no 'account' (the account it runs as)", name);
        return;
    }
    const char *acct = ld_string(ld, v[0], "account");
    struct sid sid;
    const struct account *a = NULL;
    if (!acct)
        return;
    if (!policy_resolve_principal(pol, acct, &sid) || !(a = policy_find_account_sid(pol, &sid))) {
        ld_error_ref(ld, v[0], "account '%s' of process '%s' names no account", acct, name);
        return;
    }
    long pi = policy_add_process(pol, name, (size_t)(a - pol->accounts));
    if (pi < 0) {
        ld_oom(ld);
        return;
    }
    first[pi] = key;
    uint64_t session;
    if (v[2] && ld_uint(ld, v[2], "session", 0, UINT32_MAX, &session))
        pol->processes[pi].session = (uint32_t)session;
    bool elevated;
    if (v[3] && ld_bool(ld, v[3], "elevated", &elevated))
        pol->processes[pi].elevated = elevated ? 1 : 0;
    if (v[1])
        resolve_enabled(ld, v[1], (size_t)pi);
}

static void resolve_processes(struct ld *ld, struct yn *node)
{
    if (ld_is_null(node))
        return;
    if (node->type != YN_MAPPING) {
        ld_error(ld, node, "expected a mapping for 'processes', got %s", ld_kind(node));
        return;
    }
    size_t n = node->n / 2;
    /* Process entries are only added here, so index i is the i-th added. */
    struct yn **first = mem_calloc(n ? n : 1, sizeof *first);
    if (!first) {
        ld_oom(ld);
        return;
    }
    for (size_t p = 0; p + 1 < node->n; p += 2)
        resolve_process(ld, node->u.items[p], node->u.items[p + 1], first, n);
    mem_free(first);
}

void ld_sections_resolve(struct ld *ld)
{
    for (size_t i = 0; i < ld->n_members && !ld->oom; i++)
        resolve_members(ld, &ld->members[i]);
    for (size_t i = 0; i < ld->n_account_groups && !ld->oom; i++)
        resolve_account_groups(ld, &ld->account_groups[i]);
    if ((ld->rights || ld->rights_add) && !ld->oom)
        ld_resolve_rights(ld, ld->rights, ld->rights_add);
    if (ld->processes && !ld->oom)
        resolve_processes(ld, ld->processes);
    if (ld->packages && !ld->oom)
        ld_resolve_packages(ld, ld->packages);
    if (ld->faults && !ld->oom)
        ld_resolve_faults(ld, ld->faults);
}

/*
 * A privilege listed in enabled: that the process's token does not hold
 * could never be enabled (AdjustTokenPrivileges answers
 * ERROR_NOT_ALL_ASSIGNED): an error at the privilege, rather than a process
 * silently running without it. The token is the one the process gets
 * (engine_process_token()), so the check cannot disagree with the calls.
 */
void ld_check_enabled(struct ld *ld)
{
    const struct policy *pol = ld->pol;
    for (size_t i = 0; i < ld->n_enabled_at && !ld->oom;) {
        uint32_t pi = ld->enabled_at[i].process;
        const struct process_entry *proc = &pol->processes[pi];
        struct token *t = engine_process_token(pol, proc, (struct luid){0, 0});
        if (!t) {
            ld_oom(ld);
            return;
        }
        /* Under machine.uac an administrator's process runs with the
         * filtered token unless it says elevated: true (behavior.md 12.10). */
        const struct account *acct = &pol->accounts[proc->account];
        bool filtered = proc->session != 0 && proc->elevated != 1 &&
                        engine_uac_splits(pol, acct, 2, t);
        if (filtered)
            engine_lua_filter(t);
        for (; i < ld->n_enabled_at && ld->enabled_at[i].process == pi; i++) {
            const struct ld_enabled *e = &ld->enabled_at[i];
            const struct right_info *r = right_info(e->right);
            if (token_priv_held(t, r->luid))
                continue;
            const char *who = pol->accounts[proc->account].name;
            if (filtered) {
                ld_error_ref_at(ld, e->pos.line, e->pos.column,
                                "process '%s' cannot enable %s: under machine.uac its token is "
                                "the filtered one of administrator %s, which does not hold it; "
                                "add 'elevated: true' to the process for the full token",
                                proc->name, r->name, who);
                continue;
            }
            ld_error_ref_at(ld, e->pos.line, e->pos.column,
                            "process '%s' cannot enable %s: its account %s does not hold it; "
                            "grant it under rights: (%s: [%s]) or add %s to a group that "
                            "holds it",
                            proc->name, r->name, who, r->name, who, who);
        }
        token_unref(t);
    }
}

void ld_report_clash(void *ctx, const struct policy *pol, bool a_is_group, size_t a,
                     bool b_is_group, size_t b)
{
    struct ld *ld = ctx;
    struct ld_pos bnode = b_is_group ? ld->group_sid_node[b] : ld->account_sid_node[b];
    if (!bnode.line) {
        /* b kept a built-in or automatic SID: report at the explicit one. */
        bool t = a_is_group;
        size_t i = a;
        a_is_group = b_is_group, a = b;
        b_is_group = t, b = i;
        bnode = b_is_group ? ld->group_sid_node[b] : ld->account_sid_node[b];
    }
    const struct sid *sid = b_is_group ? &pol->groups[b].sid : &pol->accounts[b].sid;
    const char *bname = b_is_group ? pol->groups[b].name : pol->accounts[b].name;
    const char *aname = a_is_group ? pol->groups[a].name : pol->accounts[a].name;
    struct ld_pos akey = a_is_group ? ld->group_key[a] : ld->account_key[a];
    char where[64] = "built-in";
    if (akey.line)
        snprintf(where, sizeof where, "line %d", akey.line);
    if (sid_is_child_of(sid, &pol->machine_sid))
        ld_error_at(ld, bnode.line, bnode.column, "RID %u of %s '%s' is already used by %s '%s' (%s)",
                 (unsigned)sid_last_rid(sid), b_is_group ? "group" : "account", bname,
                 a_is_group ? "group" : "account", aname, where);
    else {
        char buf[SID_STRING_MAX];
        ld_error_at(ld, bnode.line, bnode.column, "SID %s of %s '%s' is already used by %s '%s' (%s)",
                 sid_format(sid, buf), b_is_group ? "group" : "account", bname,
                 a_is_group ? "group" : "account", aname, where);
    }
}
