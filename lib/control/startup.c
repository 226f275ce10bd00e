/* SPDX-License-Identifier: MIT */
/*
 * The policy a process starts with: LSAEMU_POLICY when set, else the
 * embedded default. Lives above the core so that the core never depends on
 * a policy source: control_init() registers it (current.h, init.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/control.h"
#include "core/state/current.h"
#include "loader/loader.h"

struct policy *control_startup_policy(char *message, size_t size)
{
    const char *path = getenv("LSAEMU_POLICY");
    if (!path || !*path) {
        struct policy *pol = loader_default_policy();
        if (!pol)
            snprintf(message, size, "out of memory building the default policy");
        return pol;
    }
    struct lsaemu_error err;
    memset(&err, 0, sizeof err);
    struct policy *pol = loader_load_file(path, &err);
    if (!pol)
        snprintf(message, size, "LSAEMU_POLICY=%s cannot be loaded: %s:%d:%d: %s", path,
                 err.source, err.line, err.column, err.text);
    return pol;
}
