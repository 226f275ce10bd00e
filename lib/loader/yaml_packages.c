/* SPDX-License-Identifier: MIT */
/*
 * packages: (policy-format.md, behavior.md 12.11): the authentication
 * packages a policy declares besides Negotiate, Kerberos and MSV1_0, each
 * with the submit format it reads, the logon types it takes and how it
 * answers. Resolved after policy_prepare(), since account: names an account.
 * Every problem is reported at its position and the package is left out.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/model/policy_build.h"
#include "core/model/status.h"
#include "loader/yaml_values.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* LsaLookupAuthenticationPackage's limit on a name (behavior.md 3.4). */
#define PACKAGE_NAME_MAX 127u

/* The names of the built-in packages, which a declaration cannot take. */
static const char *const builtin_names[] = {"Negotiate", "Kerberos",
                                            "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"};

/* SECURITY_LOGON_TYPE names LsaLogonUser accepts (behavior.md 1.2). */
static const struct {
    const char *name;
    unsigned type;
} logon_types[] = {
    {"Interactive", 2},        {"Network", 3},
    {"Batch", 4},              {"Service", 5},
    {"Unlock", 7},             {"NetworkCleartext", 8},
    {"NewCredentials", 9},     {"RemoteInteractive", 10},
    {"CachedInteractive", 11}, {"CachedRemoteInteractive", 12},
    {"CachedUnlock", 13},
};

static uint32_t all_logon_types(void)
{
    uint32_t m = 0;
    for (size_t i = 0; i < N_OF(logon_types); i++)
        m |= 1u << logon_types[i].type;
    return m;
}

static bool read_format(struct ld *ld, struct yn *node, enum package_format *out)
{
    const char *s = ld_string(ld, node, "format");
    if (!s)
        return false;
    if (!strcmp(s, "msv1_0"))
        *out = PACKAGE_FORMAT_MSV1_0;
    else if (!strcmp(s, "text"))
        *out = PACKAGE_FORMAT_TEXT;
    else if (!strcmp(s, "any"))
        *out = PACKAGE_FORMAT_ANY;
    else {
        ld_error(ld, node, "unknown package format '%s' (expected msv1_0, text or any)", s);
        return false;
    }
    return true;
}

static bool read_logon_types(struct ld *ld, struct yn *node, uint32_t *out)
{
    if (!ld_list(ld, node, "logon_types", false))
        return false;
    bool ok = true;
    *out = 0;
    for (size_t it = 0; it < node->n; it++) {
        struct yn *item = node->u.items[it];
        const char *s = ld_string(ld, item, "logon_types");
        size_t i = 0;
        while (s && i < N_OF(logon_types) && strcasecmp(s, logon_types[i].name) != 0)
            i++;
        if (s && i == N_OF(logon_types))
            ld_error(ld, item,
                     "unknown logon type '%s' (expected Interactive, Network, Batch, Service, "
                     "Unlock, NetworkCleartext, NewCredentials, RemoteInteractive, "
                     "CachedInteractive, CachedRemoteInteractive or CachedUnlock)",
                     s);
        if (!s || i == N_OF(logon_types))
            ok = false;
        else
            *out |= 1u << logon_types[i].type;
    }
    if (ok && !*out) {
        ld_error(ld, node, "logon_types is empty: the package would accept no logon");
        ok = false;
    }
    return ok;
}

/* answer: password, trust, or an NTSTATUS name / 0x value other than success. */
static bool read_answer(struct ld *ld, struct yn *node, struct policy_package *pk)
{
    const char *s = ld_string(ld, node, "answer");
    if (!s)
        return false;
    if (!strcmp(s, "password")) {
        pk->answer = PACKAGE_ANSWER_PASSWORD;
        return true;
    }
    if (!strcmp(s, "trust")) {
        pk->answer = PACKAGE_ANSWER_TRUST;
        return true;
    }
    if (!yv_parse_status_hex(s, &pk->status) && !status_by_name(s, &pk->status)) {
        ld_error(ld, node,
                 "unknown answer '%s' (expected password, trust, or a status such as "
                 "STATUS_LOGON_FAILURE or 0xC000006D)",
                 s);
        return false;
    }
    if (pk->status == 0) {
        ld_error(ld, node,
                 "answer '%s' is success, which needs an account to log on: use 'answer: trust' "
                 "with 'account:'",
                 s);
        return false;
    }
    pk->answer = PACKAGE_ANSWER_STATUS;
    return true;
}

static bool read_account(struct ld *ld, struct yn *node, const char *name, size_t *out)
{
    const char *s = ld_string(ld, node, "account");
    struct sid sid;
    const struct account *a = NULL;
    if (!s)
        return false;
    if (!policy_resolve_principal(ld->pol, s, &sid) ||
        !(a = policy_find_account_sid(ld->pol, &sid))) {
        ld_error(ld, node, "account '%s' of package '%s' names no account", s, name);
        return false;
    }
    if (a->kind != ACCOUNT_NORMAL) {
        ld_error(ld, node, "account '%s' of package '%s' is a built-in service account; a "
                           "package logs on local accounts",
                 s, name);
        return false;
    }
    *out = (size_t)(a - ld->pol->accounts);
    return true;
}

/* The name, checked against the built-in packages and those before it. */
static const char *read_name(struct ld *ld, struct yn *key)
{
    const char *name = ld_string(ld, key, "package name");
    if (!name)
        return NULL;
    if (!*name) {
        ld_error(ld, key, "package name must not be empty");
        return NULL;
    }
    if (strlen(name) > PACKAGE_NAME_MAX) {
        ld_error(ld, key, "package name '%.40s...' is longer than %u bytes, which "
                          "LsaLookupAuthenticationPackage refuses",
                 name, PACKAGE_NAME_MAX);
        return NULL;
    }
    for (size_t i = 0; i < N_OF(builtin_names); i++) {
        if (strcasecmp(name, builtin_names[i]) == 0) {
            ld_error(ld, key, "package '%s' is built in; a policy cannot declare it", name);
            return NULL;
        }
    }
    for (size_t i = 0; i < ld->pol->n_packages; i++) {
        if (strcasecmp(name, ld->pol->packages[i].name) == 0) {
            ld_error(ld, key, "duplicate package '%s' (names compare case-insensitively)", name);
            return NULL;
        }
    }
    return name;
}

static void define_package(struct ld *ld, struct yn *key, struct yn *node)
{
    static const char *const keys[] = {"format", "logon_types", "answer", "account"};
    struct yn *v[N_OF(keys)];
    const char *name = read_name(ld, key);
    if (!name)
        return;
    char where[200];
    snprintf(where, sizeof where, "package '%s'", name);
    if (!ld_fields(ld, node, where, keys, N_OF(keys), v, NULL))
        return;
    struct policy_package pk = {
        .name = (char *)name,
        .logon_types = all_logon_types(),
        .answer = PACKAGE_ANSWER_PASSWORD,
        .account = SIZE_MAX,
    };
    bool ok = true;
    if (!v[0]) {
        ld_error(ld, node, "package '%s' has no 'format' (msv1_0, text or any: what it reads "
                           "from the submit buffer)",
                 name);
        ok = false;
    } else {
        ok = read_format(ld, v[0], &pk.format);
    }
    if (v[1] && !read_logon_types(ld, v[1], &pk.logon_types))
        ok = false;
    if (v[2] && !read_answer(ld, v[2], &pk))
        ok = false;
    if (v[3] && !read_account(ld, v[3], name, &pk.account))
        ok = false;
    if (!ok)
        return;
    /* A package that reads nothing has no user to check a password of. */
    if (pk.format == PACKAGE_FORMAT_ANY && pk.answer == PACKAGE_ANSWER_PASSWORD) {
        ld_error(ld, v[2] ? v[2] : node,
                 "package '%s' reads no credentials (format: any), so it cannot check a "
                 "password: give 'answer: trust' with 'account:', or a status",
                 name);
        return;
    }
    if (pk.format == PACKAGE_FORMAT_ANY && pk.answer == PACKAGE_ANSWER_TRUST &&
        pk.account == SIZE_MAX) {
        ld_error(ld, v[2], "package '%s' reads no user name (format: any): 'answer: trust' "
                           "needs 'account:'",
                 name);
        return;
    }
    if (policy_add_package(ld->pol, &pk) < 0)
        ld_oom(ld);
}

void ld_resolve_packages(struct ld *ld, struct yn *node)
{
    if (ld_is_null(node))
        return;
    if (node->type != YN_MAPPING) {
        ld_error(ld, node, "expected a mapping for 'packages', got %s", ld_kind(node));
        return;
    }
    for (size_t p = 0; p + 1 < node->n && !ld->oom; p += 2)
        define_package(ld, node->u.items[p], node->u.items[p + 1]);
}
