/* SPDX-License-Identifier: MIT */
/*
 * lsaemu_check_policy_file and lsaemu_check_policy_file_warnings: the
 * validating half of the control API, used by `lsaemu validate`. It builds a throw-away policy through the loader and
 * never touches the policy in force.
 */
#include "config.h"

#include <stddef.h>

#include "lsaemu.h"
#include "loader/loader.h"

LSAEMU_PUBLIC int lsaemu_check_policy_file(const char *path,
                                           void (*report)(const struct lsaemu_error *err,
                                                          void *ctx),
                                           void *ctx)
{
    if (!path)
        return -1;
    return loader_check_file(path, report, ctx) == 0 ? 0 : -1;
}

LSAEMU_PUBLIC int lsaemu_check_policy_file_warnings(
    const char *path, void (*report)(const struct lsaemu_error *err, void *ctx),
    void (*warn)(const struct lsaemu_error *warning, void *ctx), void *ctx)
{
    if (!path)
        return -1;
    return loader_check_file_warn(path, report, warn, ctx) == 0 ? 0 : -1;
}
