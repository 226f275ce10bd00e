/* SPDX-License-Identifier: MIT */
/*
 * The policy a process starts with: LSAEMU_POLICY when set, else the
 * embedded default. Lives above the core so that the core never depends on
 * a policy source: control_init() registers it (current.h, init.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/plat_env.h"
#include "control/control.h"
#include "core/state/current.h"
#include "loader/loader.h"

struct policy *control_startup_policy(char *message, size_t size)
{
    const char *path = NULL;
    struct policy *pol = NULL;
    if (plat_env_get("LSAEMU_POLICY", &path) != 0) {
        snprintf(message, size, "out of memory reading LSAEMU_POLICY");
        goto out;
    }
    if (!path || !*path) {
        pol = loader_default_policy();
        if (!pol)
            snprintf(message, size, "out of memory building the default policy");
        goto out;
    }
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    pol = loader_load_file(path, &err);
    if (!pol)
        snprintf(message, size, "LSAEMU_POLICY=%s cannot be loaded: %s:%d:%d: %s", path,
                 err.source, err.line, err.column, err.text);
out:
    plat_env_free(path);
    return pol;
}
