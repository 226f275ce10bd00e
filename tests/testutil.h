/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the Check suites: readable status assertions, policy
 * fixtures and a common main().
 */
#ifndef LSAEMU_TESTUTIL_H
#define LSAEMU_TESTUTIL_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct group;
struct policy;
struct sid;

/* Name of an NTSTATUS or Win32 value for messages ("STATUS_LOGON_FAILURE"). */
const char *tu_status_name(int32_t status);
const char *tu_win32_name(uint32_t code);

#define ck_assert_status_eq(got, want)                                                    \
    do {                                                                                  \
        int32_t tu_got_ = (int32_t)(got), tu_want_ = (int32_t)(want);                     \
        ck_assert_msg(tu_got_ == tu_want_, "got %s (0x%08X), want %s (0x%08X)",           \
                      tu_status_name(tu_got_), (unsigned)tu_got_, tu_status_name(tu_want_), \
                      (unsigned)tu_want_);                                                \
    } while (0)

#define ck_assert_win32_eq(got, want)                                                     \
    do {                                                                                  \
        uint32_t tu_got_ = (uint32_t)(got), tu_want_ = (uint32_t)(want);                  \
        ck_assert_msg(tu_got_ == tu_want_, "got %s (%u), want %s (%u)",                   \
                      tu_win32_name(tu_got_), tu_got_, tu_win32_name(tu_want_), tu_want_); \
    } while (0)

/* Absolute path of a file under tests/ in the source tree, in a buffer of
 * the calling thread that its next tu_path() call overwrites: use it at
 * once or copy it (nothing to free). */
const char *tu_path(const char *relative);

/* Loads a policy file under tests/ (e.g. "policies/p0.yaml") or fails the test. */
void tu_load_policy(const char *relative);
/* Loads a policy text or fails the test. */
void tu_load_policy_text(const char *yaml);
/* Loads the policy and selects a process entry, or fails the test. */
void tu_use_process(const char *name);

/*
 * The direct members of pol->groups[g], whichever way the policy holds them
 * (the group's own members, its member list, the accounts whose shared
 * groups: list names it): how many distinct SIDs, and whether sid is one of
 * them as the membership index answers it (the groups of sid).
 */
size_t tu_group_member_count(const struct policy *pol, const struct group *g);
bool tu_group_has_member(const struct policy *pol, const struct group *g, const struct sid *sid);

/* Runs one suite and returns EXIT_SUCCESS when nothing failed. */
int tu_run_suite(Suite *s);

#endif
