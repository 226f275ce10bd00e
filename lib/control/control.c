/* SPDX-License-Identifier: MIT */
/*
 * The lsaemu_* control API (lsaemu.h): loading policies, choosing the
 * process identity, resetting, and the reason of the last decision.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/plat_env.h"
#include "win32/api.h"
#include "core/diag/reason.h"
#include "lsaemu.h"
#include "loader/loader.h"

static void clear_error(struct lsaemu_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

/* Installs a freshly loaded policy: it fails when LSAEMU_PROCESS names an
 * entry the policy lacks, or when memory runs out. */
static int install(struct policy *pol, const char *source, struct lsaemu_error *err)
{
    int rc = current_install(pol);
    if (rc == 0)
        return 0;
    /* The value current_install() went by, for the message (out of memory
     * reading it: the message names no value). */
    char name[600];
    if (current_env_process(name, sizeof name) != 0)
        name[0] = '\0';
    if (err) {
        snprintf(err->source, sizeof err->source, "%s", source);
        if (rc == CURRENT_NO_PROCESS && strncmp(name, "LSAEMU_TOKEN=", 13) == 0) {
            current_no_entry_message(err->text, sizeof err->text, name, "this policy");
        } else if (rc == CURRENT_NO_PROCESS) {
            snprintf(err->text, sizeof err->text,
                     "LSAEMU_PROCESS=%s names no entry of processes: in this policy; it was "
                     "not loaded (add the entry, or unset LSAEMU_PROCESS)",
                     name);
        } else {
            snprintf(err->text, sizeof err->text,
                     "out of memory building the process token for the new policy");
        }
    }
    return -1;
}

LSAEMU_PUBLIC int lsaemu_load_policy_file(const char *path, struct lsaemu_error *err)
{
    clear_error(err);
    if (!path) {
        if (err)
            snprintf(err->text, sizeof err->text, "no policy file given (path is NULL)");
        return -1;
    }
    struct lsaemu_error local;
    memset(&local, 0, sizeof local);
    struct policy *pol = loader_load_file(path, err ? err : &local);
    return pol ? install(pol, path, err) : -1;
}

LSAEMU_PUBLIC int lsaemu_load_policy_string(const char *yaml, const char *source_name,
                                            struct lsaemu_error *err)
{
    clear_error(err);
    const char *source = source_name ? source_name : "<string>";
    if (!yaml) {
        if (err) {
            snprintf(err->source, sizeof err->source, "%s", source);
            snprintf(err->text, sizeof err->text, "no policy text given (yaml is NULL)");
        }
        return -1;
    }
    struct lsaemu_error local;
    memset(&local, 0, sizeof local);
    struct policy *pol = loader_load_string(yaml, strlen(yaml), source, err ? err : &local);
    return pol ? install(pol, source, err) : -1;
}

LSAEMU_PUBLIC int lsaemu_set_process(const char *name)
{
    return current_select_process(name);
}

LSAEMU_PUBLIC const char *lsaemu_last_reason(void)
{
    return reason_get();
}

LSAEMU_PUBLIC void lsaemu_reset(void)
{
    current_reset();
}

LSAEMU_PUBLIC void lsaemu_advance_time(int64_t seconds)
{
    current_advance_clock(seconds);
}
