/* SPDX-License-Identifier: MIT */
/* Shared helpers for the Check suites (see testutil.h). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "core/model/policy_build.h"
#include "core/model/status.h"
#include "lsaemu.h"

const char *tu_status_name(int32_t status)
{
    const char *n = status_name(status);
    return n ? n : "(unnamed status)";
}

const char *tu_win32_name(uint32_t code)
{
    const char *n = status_win32_name(code);
    return n ? n : "(unnamed error)";
}

const char *tu_path(const char *relative)
{
    static __thread char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", TESTS_SRCDIR, relative);
    return buf;
}

void tu_load_policy(const char *relative)
{
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    int rc = lsaemu_load_policy_file(tu_path(relative), &err);
    ck_assert_msg(rc == 0, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
}

void tu_load_policy_text(const char *yaml)
{
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    int rc = lsaemu_load_policy_string(yaml, "<test>", &err);
    ck_assert_msg(rc == 0, "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
}

void tu_use_process(const char *name)
{
    ck_assert_msg(lsaemu_set_process(name) == 0, "no process entry %s", name);
}

int tu_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Appends sid to the n distinct SIDs of set unless it is there. */
static void add_distinct(struct sid *set, size_t *n, const struct sid *sid)
{
    for (size_t i = 0; i < *n; i++)
        if (sid_equal(&set[i], sid))
            return;
    set[(*n)++] = *sid;
}

size_t tu_group_member_count(const struct policy *pol, const struct group *g)
{
    size_t gi = (size_t)(g - pol->groups), cap = g->n_members + pol->n_accounts;
    if (g->list)
        cap += pol->lists[g->list - 1].n;
    struct sid *set = malloc((cap ? cap : 1) * sizeof *set);
    ck_assert_ptr_nonnull(set);
    size_t n = 0;
    for (size_t k = 0; k < g->n_members; k++)
        add_distinct(set, &n, policy_member(pol, g, k));
    for (size_t k = 0; g->list && k < pol->lists[g->list - 1].n; k++)
        add_distinct(set, &n, policy_list_sid(pol, g->list - 1, k));
    for (size_t a = 0; a < pol->n_accounts; a++) {
        uint32_t l = pol->accounts[a].groups_list;
        for (size_t k = 0; l && k < pol->lists[l - 1].n; k++)
            if (sid_equal(policy_list_sid(pol, l - 1, k), &pol->groups[gi].sid))
                add_distinct(set, &n, &pol->accounts[a].sid);
    }
    free(set);
    return n;
}

bool tu_group_has_member(const struct policy *pol, const struct group *g, const struct sid *sid)
{
    struct policy_sid_info info;
    uint32_t *buf = NULL;
    size_t cap = 0, n;
    const uint32_t *groups;
    policy_sid_info(pol, sid, &info);
    ck_assert_int_eq(policy_info_groups(pol, &info, &buf, &cap, &groups, &n), 0);
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        /* Ascending, each once: what token assembly relies on. */
        ck_assert(i == 0 || groups[i - 1] < groups[i]);
        found = found || &pol->groups[groups[i]] == g;
    }
    mem_free(buf);
    return found;
}
