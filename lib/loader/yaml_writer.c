/* SPDX-License-Identifier: MIT */
/*
 * Writes a policy as YAML (see writer.h). Plain stdio: every string is
 * written double-quoted with YAML escapes, every SID as its S-1-... string,
 * so nothing depends on the principal-name rules when the file is loaded
 * back. Built-in accounts and groups are written by name only (their SIDs
 * are fixed and the loader refuses sid: for them).
 *
 * A list several groups (or accounts) share is written once, with an
 * anchor (&lN, N its index), and as an alias (*lN) at its other uses, so
 * that the file, and the time to write it, grow with the policy's storage,
 * not with the memberships the lists mean. Which also keeps them shared when
 * the file is loaded back.
 */
#include "config.h"
#include "base/mem.h"
#include "base/plat_time.h"

#include "loader/writer.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <time.h>

/* Writes s as a YAML double-quoted scalar. */
static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\x%02X", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* Writes s as the key of a second-level mapping entry ("  KEY:\n"). YAML
 * limits an implicit key to 1024 characters, so a longer one is written as
 * an explicit key ("? KEY" then ":"), which reads back the same. */
static void put_key(FILE *f, const char *ind, const char *s)
{
    size_t quoted = 2;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        quoted += (*p == '"' || *p == '\\') ? 2 : (*p < 0x20 || *p == 0x7f) ? 4 : 1;
    fputs(ind, f);
    fputs(quoted < 1000 ? "  " : "  ? ", f);
    put_quoted(f, s);
    if (quoted < 1000)
        fputs(":\n", f);
    else
        fprintf(f, "\n%s  :\n", ind);
}

static void put_sid(FILE *f, const struct sid *s)
{
    char text[SID_STRING_MAX];
    fprintf(f, "\"%s\"", sid_format(s, text));
}

static void put_time(FILE *f, int64_t t)
{
    struct tm tm;
    plat_gmtime(t, &tm);
    /* Four-digit year as RFC 3339 wants: strftime's %Y gives "220" for 0220. */
    fprintf(f, "\"%04d-%02d-%02dT%02d:%02d:%02dZ\"", tm.tm_year + 1900, tm.tm_mon + 1,
            tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static const char *bool_text(bool b)
{
    return b ? "true" : "false";
}

static void put_sid_list(FILE *f, const struct sid *sids, size_t n)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        put_sid(f, &sids[i]);
    }
    fputc(']', f);
}

static void put_hours(FILE *f, const char *ind, const struct account *a)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    fprintf(f, "%s    logon_hours: [", ind);
    bool first = true;
    for (size_t i = 0; i < account_x(a)->n_logon_hours; i++) {
        unsigned start = account_x(a)->logon_hours[i].start, end = account_x(a)->logon_hours[i].end;
        /* One entry per day the range touches. */
        while (start < end) {
            unsigned day = start / 1440, day_end = (day + 1) * 1440;
            unsigned stop = end < day_end ? end : day_end;
            unsigned s = start - day * 1440, e = stop - day * 1440;
            fprintf(f, "%s\"%s %02u:%02u-%02u:%02u\"", first ? "" : ", ", days[day % 7], s / 60,
                    s % 60, e / 60, e % 60);
            first = false;
            start = stop;
        }
    }
    fputs("]\n", f);
}

/*
 * What the writer needs besides the policy: which shared lists it has
 * written (their anchors), and for each account the groups that list it
 * among their own members while they also have a shared member list --
 * those are written in the account's groups: instead, as a YAML list can
 * be an alias or have its own items, not both (from_groups[from_first[a] ..
 * from_first[a + 1])).
 */
struct wr {
    const struct policy *pol;
    const char *ind; /* "" for the top-level sections, "  " inside domain: */
    bool *written;
    size_t *from_first;
    uint32_t *from_groups;
};

/* The items of list l, each preceded by ", " unless it is the first of the
 * YAML list (first: nothing was written in it before). */
static void put_items(FILE *f, const struct policy *pol, size_t l, bool first)
{
    for (size_t i = 0; i < pol->lists[l].n; i++) {
        if (i || !first)
            fputs(", ", f);
        put_sid(f, policy_list_sid(pol, l, i));
    }
}

/* List l as "&lN [...]" the first time, "*lN" after. */
static void put_list(FILE *f, struct wr *w, size_t l)
{
    if (w->written[l]) {
        fprintf(f, "*l%zu\n", l);
        return;
    }
    w->written[l] = true;
    fprintf(f, "&l%zu [", l);
    put_items(f, w->pol, l, true);
    fputs("]\n", f);
}

static void put_account_groups(FILE *f, struct wr *w, size_t ai)
{
    const struct policy *pol = w->pol;
    const struct account *a = &pol->accounts[ai];
    size_t first = w->from_first[ai], n = w->from_first[ai + 1] - first;
    if (!a->groups_list && !n)
        return;
    fprintf(f, "%s    groups: ", w->ind);
    if (!n) {
        put_list(f, w, a->groups_list - 1);
        return;
    }
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", f);
        put_sid(f, &pol->groups[w->from_groups[first + i]].sid);
    }
    /* Both: only a built-in account (Administrator, Guest) can be in a
     * group's own members and have a shared list of groups; its items are
     * written out here. */
    if (a->groups_list)
        put_items(f, pol, a->groups_list - 1, false);
    fputs("]\n", f);
}

static void put_account(FILE *f, struct wr *w, size_t ai)
{
    const struct account *a = &w->pol->accounts[ai];
    put_key(f, w->ind, a->name);
    if (!a->builtin) {
        fprintf(f, "%s    sid: ", w->ind);
        put_sid(f, &a->sid);
        fputc('\n', f);
    }
    fprintf(f, "%s    nt_hash: \"", w->ind);
    for (int i = 0; i < 16; i++)
        fprintf(f, "%02x", a->nt_hash[i]);
    fputs("\"\n", f);
    static const char *const keys[] = {"full_name", "home_directory", "home_directory_drive",
                                       "profile_path", "logon_script"};
    const struct account_extra *x = account_x(a);
    const char *values[] = {a->full_name, x->home_directory, x->home_directory_drive,
                            x->profile_path, x->logon_script};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (values[i]) {
            fprintf(f, "%s    %s: ", w->ind, keys[i]);
            put_quoted(f, values[i]);
            fputc('\n', f);
        }
    fprintf(f, "%s    disabled: %s\n", w->ind, bool_text(a->disabled));
    fprintf(f, "%s    locked_out: %s\n", w->ind, bool_text(a->locked_out));
    fprintf(f, "%s    password_expired: %s\n", w->ind, bool_text(a->password_expired));
    fprintf(f, "%s    must_change_password: %s\n", w->ind, bool_text(a->must_change_password));
    if (a->in_domain) {
        fprintf(f, "%s    cached: %s\n", w->ind, bool_text(a->cached));
        if (x->upn) {
            fprintf(f, "%s    upn: ", w->ind);
            put_quoted(f, x->upn);
            fputc('\n', f);
        }
    }
    if (a->has_expires) {
        fprintf(f, "%s    expires: ", w->ind);
        put_time(f, account_x(a)->expires);
        fputc('\n', f);
    }
    if (a->has_logon_hours)
        put_hours(f, w->ind, a);
    if (a->has_workstations) {
        fprintf(f, "%s    workstations: [", w->ind);
        for (size_t i = 0; i < account_x(a)->n_workstations; i++) {
            if (i)
                fputs(", ", f);
            put_quoted(f, account_x(a)->workstations[i]);
        }
        fputs("]\n", f);
    }
    put_account_groups(f, w, ai);
}

/* The account a group's own member k is, or -1. */
static long member_account(const struct policy *pol, const struct group *g, size_t k)
{
    const struct account *a = policy_find_account_sid(pol, policy_member(pol, g, k));
    return a ? (long)(a - pol->accounts) : -1;
}

static void put_group(FILE *f, struct wr *w, const struct group *g)
{
    const struct policy *pol = w->pol;
    put_key(f, w->ind, g->name);
    if (!g->builtin) {
        fprintf(f, "%s    sid: ", w->ind);
        put_sid(f, &g->sid);
        fputc('\n', f);
    }
    fprintf(f, "%s    members: ", w->ind);
    /* With a member list, its own members that are accounts are written in
     * those accounts' groups: (a YAML list is an alias or has items of its
     * own, not both); any other (only built-in ones: Users' INTERACTIVE
     * ...) makes it a plain list with the list's items written out. */
    size_t own = 0;
    for (size_t i = 0; i < g->n_members; i++)
        if (!g->list || member_account(pol, g, i) < 0) {
            fputs(own++ ? ", " : "[", f);
            put_sid(f, policy_member(pol, g, i));
        }
    if (g->list && !own) {
        put_list(f, w, g->list - 1);
    } else {
        if (!own)
            fputc('[', f);
        if (g->list)
            put_items(f, pol, g->list - 1, !own);
        fputs("]\n", f);
    }
    if (g->description) {
        fprintf(f, "%s    description: ", w->ind);
        put_quoted(f, g->description);
        fputc('\n', f);
    }
}

/* Fills w->from_first and w->from_groups (see struct wr); 0 or -1. */
static int collect_from_groups(struct wr *w)
{
    const struct policy *pol = w->pol;
    size_t n = pol->n_accounts, total = 0;
    if (!(w->from_first = mem_calloc(n + 2, sizeof *w->from_first)))
        return -1;
    for (size_t g = 0; g < pol->n_groups; g++)
        for (size_t k = 0; pol->groups[g].list && k < pol->groups[g].n_members; k++) {
            long a = member_account(pol, &pol->groups[g], k);
            if (a >= 0) {
                w->from_first[a + 2]++;
                total++;
            }
        }
    for (size_t a = 0; a < n; a++)
        w->from_first[a + 2] += w->from_first[a + 1];
    if (!(w->from_groups = mem_malloc((total ? total : 1) * sizeof *w->from_groups)))
        return -1;
    /* from_first[a + 1] counts what is placed of a, then is where a + 1 starts. */
    for (size_t g = 0; g < pol->n_groups; g++)
        for (size_t k = 0; pol->groups[g].list && k < pol->groups[g].n_members; k++) {
            long a = member_account(pol, &pol->groups[g], k);
            if (a >= 0)
                w->from_groups[w->from_first[a + 1]++] = (uint32_t)g;
        }
    return 0;
}

/* The domain: section, its accounts and groups one level deeper. */
static void put_domain(FILE *f, struct wr *w)
{
    const struct policy *pol = w->pol;
    fputs("\ndomain:\n  name: ", f);
    put_quoted(f, pol->domain.name);
    fputs("\n  dns_name: ", f);
    put_quoted(f, pol->domain.dns_name);
    fputs("\n  sid: ", f);
    put_sid(f, &pol->domain.sid);
    fputs("\n  controller: ", f);
    put_quoted(f, pol->domain.controller);
    fprintf(f, "\n  reachable: %s\n", bool_text(pol->domain.reachable));
    w->ind = "  ";
    fputs("  groups:\n", f);
    for (size_t i = 0; i < pol->n_groups; i++)
        if (pol->groups[i].in_domain)
            put_group(f, w, &pol->groups[i]);
    fputs("  accounts:\n", f);
    for (size_t i = 0; i < pol->n_accounts; i++)
        if (pol->accounts[i].in_domain)
            put_account(f, w, i);
    w->ind = "";
}

static void put_process(FILE *f, const struct policy *pol, const struct process_entry *p)
{
    put_key(f, "", p->name);
    fputs("    account: ", f);
    put_sid(f, &pol->accounts[p->account].sid);
    fputs("\n    enabled: [", f);
    bool first = true;
    for (int id = 0; id < RIGHT_COUNT; id++)
        if (p->enabled & RIGHT_BIT(id)) {
            fprintf(f, "%s%s", first ? "" : ", ", right_info(id)->name);
            first = false;
        }
    fprintf(f, "]\n    session: %" PRIu32 "\n", p->session);
    if (p->elevated >= 0)
        fprintf(f, "    elevated: %s\n", bool_text(p->elevated));
}

/* packages: (behavior.md 12.11), each key written out. */
static void put_packages(FILE *f, const struct policy *pol)
{
    static const char *const formats[] = {"msv1_0", "text", "any"};
    static const char *const types[] = {NULL,
                                        NULL,
                                        "Interactive",
                                        "Network",
                                        "Batch",
                                        "Service",
                                        NULL,
                                        "Unlock",
                                        "NetworkCleartext",
                                        "NewCredentials",
                                        "RemoteInteractive",
                                        "CachedInteractive",
                                        "CachedRemoteInteractive",
                                        "CachedUnlock"};
    if (!pol->n_packages)
        return;
    fputs("\npackages:\n", f);
    for (size_t i = 0; i < pol->n_packages; i++) {
        const struct policy_package *pk = &pol->packages[i];
        put_key(f, "", pk->name);
        fprintf(f, "    format: %s\n    logon_types: [", formats[pk->format]);
        bool first = true;
        for (unsigned t = 0; t < sizeof types / sizeof types[0]; t++)
            if (types[t] && (pk->logon_types & (1u << t))) {
                fprintf(f, "%s%s", first ? "" : ", ", types[t]);
                first = false;
            }
        fputs("]\n    answer: ", f);
        if (pk->answer == PACKAGE_ANSWER_STATUS)
            fprintf(f, "\"0x%08X\"\n", (unsigned)pk->status);
        else
            fputs(pk->answer == PACKAGE_ANSWER_TRUST ? "trust\n" : "password\n", f);
        if (pk->account != SIZE_MAX) {
            fputs("    account: ", f);
            put_sid(f, &pol->accounts[pk->account].sid);
            fputc('\n', f);
        }
    }
}

int policy_write_yaml(const struct policy *pol, FILE *f)
{
    struct wr w = {pol, "", NULL, NULL, NULL};
    int rc = -1;
    if (!(w.written = mem_calloc(pol->n_lists ? pol->n_lists : 1, sizeof *w.written)) ||
        collect_from_groups(&w) < 0) {
        errno = ENOMEM;
        goto out;
    }
    fputs("# Written by lsaemu_save_policy_file from ", f);
    put_quoted(f, pol->source ? pol->source : "<unknown>");
    fputs(".\n# Every right is listed explicitly (base: none); SIDs are written as strings.\n", f);
    fputs("lsaemu: 1\n\nmachine:\n  name: ", f);
    put_quoted(f, pol->machine_name);
    fputs("\n  sid: ", f);
    put_sid(f, &pol->machine_sid);
    fprintf(f, "\n  role: %s\n", pol->role == ROLE_SERVER ? "server" : "workstation");
    if (pol->has_time) {
        fputs("  time: ", f);
        put_time(f, pol->time);
        fputc('\n', f);
    }
    if (pol->uac)
        fputs("  uac: true\n", f);
    fputs("base: none\n\noptions:\n", f);
    fprintf(f, "  blank_password_console_only: %s\n", bool_text(pol->blank_password_console_only));
    fprintf(f, "  require_logon_process: %s\n", bool_text(pol->require_logon_process));
    fprintf(f, "\nlockout:\n  threshold: %" PRIu32 "\n  duration: %" PRIu32
               "\n  window: %" PRIu32 "\n  administrator: %s\n",
            pol->lockout.threshold, pol->lockout.duration, pol->lockout.window,
            bool_text(pol->lockout.administrator));

    w.ind = "";
    fputs("\ngroups:\n", f);
    for (size_t i = 0; i < pol->n_groups; i++)
        if (!pol->groups[i].in_domain)
            put_group(f, &w, &pol->groups[i]);
    fputs("\naccounts:\n", f);
    for (size_t i = 0; i < pol->n_accounts; i++)
        if (!pol->accounts[i].in_domain)
            put_account(f, &w, i);
    if (pol->domain.name)
        put_domain(f, &w);

    fputs("\nrights:\n", f);
    for (int id = 0; id < RIGHT_COUNT; id++) {
        fprintf(f, "  %s: ", right_info(id)->name);
        put_sid_list(f, pol->holders[id], pol->n_holders[id]);
        fputc('\n', f);
    }

    fputs("\nprocesses:\n", f);
    for (size_t i = 0; i < pol->n_processes; i++)
        put_process(f, pol, &pol->processes[i]);

    if (pol->n_faults) {
        fputs("\nfaults:\n", f);
        for (size_t i = 0; i < pol->n_faults; i++) {
            const struct fault *ft = &pol->faults[i];
            fputs("  - call: ", f);
            put_quoted(f, ft->call);
            fputc('\n', f);
            if (ft->nth)
                fprintf(f, "    nth: %" PRIu32 "\n", ft->nth);
            if (ft->account) {
                fputs("    account: ", f);
                put_quoted(f, ft->account);
                fputc('\n', f);
            }
            fprintf(f, "    status: \"0x%08X\"\n", (unsigned)ft->status);
        }
    }
    put_packages(f, pol);
    rc = ferror(f) ? -1 : 0;
out:
    mem_free(w.written);
    mem_free(w.from_first);
    mem_free(w.from_groups);
    return rc;
}
