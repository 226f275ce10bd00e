/* SPDX-License-Identifier: MIT */
/*
 * `lsaemu rights POLICY [ACCOUNT]` (or --policy FILE): the User Rights Assignment as
 * it works out per account: for each logon type whether the logon right
 * rule grants it, refuses it for want of the allow right, or denies it,
 * with the principal that decided; then the account's privileges. The
 * answers come from the same engine as LsaLogonUser (lsaemu.h's
 * lsaemu_query_logon_right), credentials and account state aside.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lsaemu.h"

#include "commands.h"
#include "json_out.h"
#include "tool_util.h"

static const char usage_text[] =
    "usage: lsaemu rights POLICY [ACCOUNT] [--json]\n"
    "       lsaemu rights --policy POLICY [ACCOUNT] [--json]\n";

/* The logon types with a right of their own (the others share these). */
static const unsigned types[] = {2, 3, 4, 5, 10};
#define N_TYPES (sizeof types / sizeof types[0])

static const char *state_word(enum lsaemu_right_state s)
{
    switch (s) {
    case LSAEMU_RIGHT_GRANTED: return "granted";
    case LSAEMU_RIGHT_DENIED: return "DENIED";
    case LSAEMU_RIGHT_NOT_GRANTED: return "not granted";
    default: return "ungoverned";
    }
}

/* The state as --json writes it. */
static const char *state_json(enum lsaemu_right_state s)
{
    switch (s) {
    case LSAEMU_RIGHT_GRANTED: return "granted";
    case LSAEMU_RIGHT_DENIED: return "denied";
    case LSAEMU_RIGHT_NOT_GRANTED: return "not-granted";
    default: return "ungoverned";
    }
}

static void json_privilege(const char *privilege, const char *principal, int enabled, void *ctx)
{
    struct json *j = ctx;
    json_object(j, NULL);
    json_string(j, "name", privilege);
    json_string(j, "principal", principal);
    json_bool(j, "enabled", enabled != 0);
    json_close(j, '}');
}

/* The whole answer as one JSON object (lsaemu(1) describes it). */
static void print_json(const char *policy, char (*names)[320], size_t n)
{
    struct json j;
    json_begin(&j);
    json_string(&j, "policy", policy);
    json_array(&j, "logon_types");
    for (size_t i = 0; i < N_TYPES; i++)
        json_string(&j, NULL, tool_logon_type_name(types[i]));
    json_close(&j, ']');
    json_array(&j, "accounts");
    for (size_t a = 0; a < n; a++) {
        json_object(&j, NULL);
        json_string(&j, "account", names[a]);
        json_object(&j, "logon");
        for (size_t i = 0; i < N_TYPES; i++) {
            struct lsaemu_logon_right r;
            json_object(&j, tool_logon_type_name(types[i]));
            json_uint(&j, "type", types[i]);
            if (lsaemu_query_logon_right(names[a], types[i], &r) == 0) {
                json_string(&j, "state", state_json(r.state));
                json_string(&j, "right", r.right);
                json_string(&j, "principal", r.principal[0] ? r.principal : NULL);
                json_string(&j, "reason", r.reason);
            } else {
                json_null(&j, "state");
            }
            json_close(&j, '}');
        }
        json_close(&j, '}');
        json_array(&j, "privileges");
        lsaemu_for_each_account_privilege(names[a], json_privilege, &j);
        json_close(&j, ']');
        json_close(&j, '}');
    }
    json_close(&j, ']');
    json_end(&j);
}

static void matrix_row(const char *account, int width)
{
    printf("%-*s", width, account);
    for (size_t i = 0; i < N_TYPES; i++) {
        struct lsaemu_logon_right r;
        const char *word = lsaemu_query_logon_right(account, types[i], &r) == 0
                               ? state_word(r.state)
                               : "?";
        /* The last column is not padded: no trailing blanks in goldens. */
        printf("  %-*s", i + 1 < N_TYPES ? 11 : 0, word);
    }
    printf("\n");
}

static void print_privilege(const char *privilege, const char *principal, int enabled, void *ctx)
{
    (void)ctx;
    printf("    %-42s %-8s %s%s\n", privilege, enabled ? "enabled" : "disabled",
           strcmp(principal, "(implicit)") ? "via " : "", principal);
}

static void details(const char *account)
{
    printf("\n%s\n", account);
    for (size_t i = 0; i < N_TYPES; i++) {
        struct lsaemu_logon_right r;
        if (lsaemu_query_logon_right(account, types[i], &r) != 0)
            continue;
        printf("  %-19s %-11s %s", tool_logon_type_name(types[i]), state_word(r.state),
               r.right);
        if (!strcmp(r.principal, "(implicit)"))
            printf(" (implicit: built-in service account)");
        else if (r.principal[0])
            printf(" via %s", r.principal);
        else
            printf(" (held by no SID of the token)");
        printf("\n");
    }
    printf("  privileges (interactive logon; enabled = at logon)\n");
    if (lsaemu_for_each_account_privilege(account, print_privilege, NULL) == 0)
        printf("    (none)\n");
}

int cmd_rights(int argc, char **argv)
{
    const char *policy = NULL, *account = NULL, *args[2] = {NULL, NULL};
    int n_args = 0;
    bool json = false, have_option = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("%s\n"
                   "For each account of the policy (or only ACCOUNT), whether the logon\n"
                   "rights grant it an interactive, network, batch, service and\n"
                   "remote-interactive logon, and the right and principal that decided;\n"
                   "then the privileges of its token. Passwords and account flags play no\n"
                   "part: `lsaemu logon` shows the whole decision. The policy is the first\n"
                   "argument, as for `lsaemu validate`, or given with --policy.\n\n"
                   "  --json   the same as one JSON object on stdout (lsaemu(1))\n\n"
                   "Exit status: 0 shown, 1 unknown account or invalid policy, 2 usage\n"
                   "error, unreadable policy or write error.\n",
                   usage_text);
            return 0;
        }
        if (!strcmp(argv[i], "--policy") && i + 1 < argc && !have_option) {
            policy = argv[++i];
            have_option = true;
        } else if (!strcmp(argv[i], "--json")) {
            json = true;
        } else if ((argv[i][0] == '-' && argv[i][1]) || n_args == 2) {
            fprintf(stderr, "lsaemu rights: unexpected argument '%s'\n%s", argv[i], usage_text);
            return EXIT_USAGE;
        } else {
            args[n_args++] = argv[i];
        }
    }
    /* rights POLICY [ACCOUNT], or rights --policy POLICY [ACCOUNT]. */
    if (!have_option) {
        policy = args[0];
        account = args[1];
    } else if (n_args == 2) {
        fprintf(stderr, "lsaemu rights: unexpected argument '%s'\n%s", args[1], usage_text);
        return EXIT_USAGE;
    } else {
        account = args[0];
    }
    if (!policy) {
        fprintf(stderr, "lsaemu rights: no policy given\n%s", usage_text);
        return EXIT_USAGE;
    }
    int rc = tool_load_policy(policy, "rights");
    if (rc != 0)
        return rc;

    char names[256][320];
    size_t n = 0;
    if (account) {
        struct lsaemu_logon_right r;
        if (lsaemu_query_logon_right(account, 2, &r) != 0) {
            fprintf(stderr, "lsaemu rights: the policy has no account '%s'\n", account);
            return EXIT_INVALID;
        }
        snprintf(names[n++], sizeof names[0], "%s", account);
    } else {
        while (n < 256 && lsaemu_policy_account(n, names[n], sizeof names[0]) == 0)
            n++;
    }
    if (json) {
        print_json(policy, names, n);
        return 0;
    }
    int width = 7;
    for (size_t i = 0; i < n; i++)
        if ((int)strlen(names[i]) > width)
            width = (int)strlen(names[i]);
    printf("%-*s", width, "account");
    for (size_t i = 0; i < N_TYPES; i++)
        printf("  %-*s", i + 1 < N_TYPES ? 11 : 0, tool_logon_type_name(types[i]));
    printf("\n");
    for (size_t i = 0; i < n; i++)
        matrix_row(names[i], width);
    for (size_t i = 0; i < n; i++)
        details(names[i]);
    return 0;
}
