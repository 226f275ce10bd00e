/* SPDX-License-Identifier: MIT */
/*
 * The User Rights Assignment of a policy document: rights: and rights_add:
 * (policy-format.md, "rights" and "lsaemu additions"). A rights: entry
 * replaces the stock holders of its right, as a security template line
 * does; a rights_add: entry adds to what the right would otherwise have --
 * the rights: entry for the same right when there is one, else the stock
 * holders of base. Holders listed twice hold the right once
 * (policy_finish()). Validating with warnings, a rights: entry that drops
 * stock holders says which (ld_warning()): valid, but often a mistake of
 * someone who meant to add.
 */
#include "config.h"
#include "base/mem.h"

#include <stdio.h>
#include <string.h>

#include "core/model/bases.h"
#include "core/model/wellknown.h"
#include "loader/yaml_values.h"

/* The names of rights and privileges, for ld_nearest(): all of them, or
 * (ctx not NULL) the privileges only. */
static const char *right_name_at(size_t i, const void *privileges_only)
{
    const struct right_info *r = right_info((int)i);
    return privileges_only && r->is_right ? NULL : r->name;
}

const char *ld_right_hint(char *buf, size_t size, const char *name, bool privileges_only)
{
    const char *near = ld_nearest(name, RIGHT_COUNT, right_name_at, privileges_only ? "" : NULL);
    if (!near)
        return "";
    snprintf(buf, size, " (did you mean '%s'?)", near);
    return buf;
}

/* The base policy_finish() will apply (BASE_FROM_ROLE resolved). */
static enum policy_base effective_base(const struct policy *pol)
{
    if (pol->base != BASE_FROM_ROLE)
        return pol->base;
    return pol->role == ROLE_SERVER ? BASE_SERVER : BASE_WORKSTATION;
}

/* The name a policy would write for sid: an account's or group's own
 * name, a well-known name, else the SID string. */
static const char *short_name(const struct policy *pol, const struct sid *sid, char *buf,
                              size_t size)
{
    const struct account *a = policy_find_account_sid(pol, sid);
    const struct group *g = a ? NULL : policy_find_group_sid(pol, sid);
    const struct wellknown_sid *w = a || g ? NULL : wellknown_by_sid(sid);
    char text[SID_STRING_MAX];
    snprintf(buf, size, "%s",
             a ? a->name : g ? g->name : w ? w->name : sid_format(sid, text));
    return buf;
}

/*
 * Warns when the holders a rights: entry (and a rights_add: entry for the
 * same right) give right id leave out stock holders of the base: "rights: SeNetworkLogonRight replaces the stock
 * holders; Everyone, Users no longer hold it (use rights_add: to add
 * instead)". Stock lists have at most BASES_MAX_HOLDERS entries, so this
 * is linear in the entry.
 */
static void warn_dropped(struct ld *ld, const struct yn *key, int id, const struct sid *holders,
                         size_t n)
{
    const struct policy *pol = ld->pol;
    struct sid stock[BASES_MAX_HOLDERS];
    size_t n_stock = bases_holders(effective_base(pol), id, &pol->machine_sid, stock,
                                   BASES_MAX_HOLDERS);
    if (n_stock > BASES_MAX_HOLDERS)
        n_stock = BASES_MAX_HOLDERS;
    char list[160];
    size_t len = 0, dropped = 0;
    list[0] = '\0';
    for (size_t s = 0; s < n_stock; s++) {
        bool kept = false;
        for (size_t h = 0; h < n && !kept; h++)
            kept = sid_equal(&stock[s], &holders[h]);
        if (kept)
            continue;
        char name[128];
        short_name(pol, &stock[s], name, sizeof name);
        /* The message must fit a struct lsaemu_error: a long list ends
         * in ", ...". */
        if (len + strlen(name) + 7 < sizeof list)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", dropped ? ", " : "",
                                    name);
        else if (len + 6 < sizeof list && !strstr(list, "..."))
            len += (size_t)snprintf(list + len, sizeof list - len, ", ...");
        dropped++;
    }
    if (dropped)
        ld_warning(ld, key,
                   "rights: %s replaces the stock holders; %s no longer %s it (use rights_add: "
                   "to add instead)",
                   right_info(id)->name, list, dropped == 1 ? "holds" : "hold");
}

/* The principals of list appended to holders[*n] (room for all of them);
 * the ones that name nothing are reported and left out. */
static void add_principals(struct ld *ld, struct yn *list, struct sid *holders, size_t *n)
{
    if (ld_is_null(list))
        return;
    for (size_t i = 0; i < list->n; i++)
        if (ld_principal(ld, list->u.items[i], "principal", "", &holders[*n]))
            (*n)++;
}

/*
 * One section, rights: (add false) or rights_add: (add true): each key a
 * right, each value a list of principals. seen[id] is the key of the
 * section's entry for right id, for duplicates; in rights_add:, replaced[id]
 * is the rights: entry's key when there was one.
 */
static void resolve_section(struct ld *ld, struct yn *node, bool add, struct yn **seen,
                            struct yn *const *replaced)
{
    const char *section = add ? "rights_add" : "rights";
    if (ld_is_null(node))
        return;
    if (node->type != YN_MAPPING) {
        ld_error(ld, node, "expected a mapping for '%s', got %s", section, ld_kind(node));
        return;
    }
    struct policy *pol = ld->pol;
    for (size_t p = 0; p + 1 < node->n && !ld->oom; p += 2) {
        struct yn *k = node->u.items[p], *v = node->u.items[p + 1];
        const char *name = ld_string(ld, k, "right name");
        if (!name)
            continue;
        int id = right_by_name(name);
        if (id < 0) {
            char hint[96];
            ld_error(ld, k, "unknown right or privilege '%s'%s", name,
                     ld_right_hint(hint, sizeof hint, name, false));
            continue;
        }
        if (seen[id]) {
            ld_error(ld, k, "duplicate right '%s'%s (first at line %d)", name,
                     add ? " in rights_add" : "", seen[id]->line);
            continue;
        }
        seen[id] = k;
        if (!ld_list(ld, v, name, true))
            continue;
        /* rights_add: starts from what the right has without it. */
        size_t before = 0;
        struct sid stock[BASES_MAX_HOLDERS];
        const struct sid *from = NULL;
        if (add && replaced[id]) {
            from = pol->holders[id];
            before = pol->n_holders[id];
        } else if (add) {
            before = bases_holders(effective_base(pol), id, &pol->machine_sid, stock,
                                   BASES_MAX_HOLDERS);
            if (before > BASES_MAX_HOLDERS)
                before = BASES_MAX_HOLDERS;
            from = stock;
        }
        size_t n = before + (ld_is_null(v) ? 0 : v->n);
        struct sid *holders = mem_malloc((n ? n : 1) * sizeof *holders);
        if (!holders) {
            ld_oom(ld);
            return;
        }
        if (before)
            memcpy(holders, from, before * sizeof *holders);
        size_t kept = before;
        add_principals(ld, v, holders, &kept);
        if (policy_set_right(pol, id, holders, kept) < 0)
            ld_oom(ld);
        mem_free(holders);
    }
}

void ld_resolve_rights(struct ld *ld, struct yn *rights, struct yn *rights_add)
{
    struct yn *replaced[RIGHT_COUNT] = {NULL}, *added[RIGHT_COUNT] = {NULL};
    if (rights)
        resolve_section(ld, rights, false, replaced, NULL);
    if (rights_add && !ld->oom)
        resolve_section(ld, rights_add, true, added, replaced);
    /* With what rights_add: gave back: only the holders really dropped. */
    for (int id = 0; id < RIGHT_COUNT && ld->want_warnings && !ld->oom; id++)
        if (replaced[id])
            warn_dropped(ld, replaced[id], id, ld->pol->holders[id], ld->pol->n_holders[id]);
}
