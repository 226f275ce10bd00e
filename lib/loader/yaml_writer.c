/* SPDX-License-Identifier: MIT */
/*
 * Writes a policy as YAML (see writer.h). Plain stdio: every string is
 * written double-quoted with YAML escapes, every SID as its S-1-... string,
 * so nothing depends on the principal-name rules when the file is loaded
 * back. Built-in accounts and groups are written by name only (their SIDs
 * are fixed and the loader refuses sid: for them).
 */
#include "config.h"

#include "loader/writer.h"

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
static void put_key(FILE *f, const char *s)
{
    size_t quoted = 2;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        quoted += (*p == '"' || *p == '\\') ? 2 : (*p < 0x20 || *p == 0x7f) ? 4 : 1;
    fputs(quoted < 1000 ? "  " : "  ? ", f);
    put_quoted(f, s);
    fputs(quoted < 1000 ? ":\n" : "\n  :\n", f);
}

static void put_sid(FILE *f, const struct sid *s)
{
    char text[SID_STRING_MAX];
    fprintf(f, "\"%s\"", sid_format(s, text));
}

static void put_time(FILE *f, int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
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

static void put_hours(FILE *f, const struct account *a)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    fputs("    logon_hours: [", f);
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

static void put_account(FILE *f, const struct account *a)
{
    put_key(f, a->name);
    if (!a->builtin) {
        fputs("    sid: ", f);
        put_sid(f, &a->sid);
        fputc('\n', f);
    }
    fputs("    nt_hash: \"", f);
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
            fprintf(f, "    %s: ", keys[i]);
            put_quoted(f, values[i]);
            fputc('\n', f);
        }
    fprintf(f, "    disabled: %s\n", bool_text(a->disabled));
    fprintf(f, "    locked_out: %s\n", bool_text(a->locked_out));
    fprintf(f, "    password_expired: %s\n", bool_text(a->password_expired));
    fprintf(f, "    must_change_password: %s\n", bool_text(a->must_change_password));
    if (a->has_expires) {
        fputs("    expires: ", f);
        put_time(f, account_x(a)->expires);
        fputc('\n', f);
    }
    if (a->has_logon_hours)
        put_hours(f, a);
    if (a->has_workstations) {
        fputs("    workstations: [", f);
        for (size_t i = 0; i < account_x(a)->n_workstations; i++) {
            if (i)
                fputs(", ", f);
            put_quoted(f, account_x(a)->workstations[i]);
        }
        fputs("]\n", f);
    }
}

static void put_group(FILE *f, const struct policy *pol, const struct group *g)
{
    put_key(f, g->name);
    if (!g->builtin) {
        fputs("    sid: ", f);
        put_sid(f, &g->sid);
        fputc('\n', f);
    }
    fputs("    members: ", f);
    fputc('[', f);
    for (size_t i = 0; i < g->n_members; i++) {
        if (i)
            fputs(", ", f);
        put_sid(f, policy_member(pol, g, i));
    }
    fputc(']', f);
    fputc('\n', f);
    if (g->description) {
        fputs("    description: ", f);
        put_quoted(f, g->description);
        fputc('\n', f);
    }
}

static void put_process(FILE *f, const struct policy *pol, const struct process_entry *p)
{
    put_key(f, p->name);
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
}

int policy_write_yaml(const struct policy *pol, FILE *f)
{
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
    if (pol->machine_domain) {
        fputs("  domain: ", f);
        put_quoted(f, pol->machine_domain);
        fputc('\n', f);
    }
    fputs("base: none\n\noptions:\n", f);
    fprintf(f, "  blank_password_console_only: %s\n", bool_text(pol->blank_password_console_only));
    fprintf(f, "  require_logon_process: %s\n", bool_text(pol->require_logon_process));

    fputs("\ngroups:\n", f);
    for (size_t i = 0; i < pol->n_groups; i++)
        put_group(f, pol, &pol->groups[i]);
    fputs("\naccounts:\n", f);
    for (size_t i = 0; i < pol->n_accounts; i++)
        put_account(f, &pol->accounts[i]);

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
    return ferror(f) ? -1 : 0;
}
