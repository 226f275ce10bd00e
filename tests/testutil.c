/* SPDX-License-Identifier: MIT */
/* Shared helpers for the Check suites (see testutil.h). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
