/* SPDX-License-Identifier: MIT */
/* lsaemu_save_policy_file (lsaemu.h): the policy in force, as YAML. */
#include <stdio.h>
#include <string.h>

#include "win32/api.h"
#include "base/atomic_file.h"
#include "lsaemu.h"
#include "loader/writer.h"

/*
 * Every saved policy carries an nt_hash for each account, and an NT hash is
 * a password equivalent (it logs on by pass-the-hash), so the file is made
 * readable by its owner only, whatever the mode of the file it replaces: a
 * hand-written fixture is often world-readable, and carrying its mode over
 * would publish every account's hash.
 */
#define SAVED_POLICY_MODE 0600

static int fill(FILE *f, void *ctx)
{
    return policy_write_yaml(ctx, f);
}

LSAEMU_PUBLIC int lsaemu_save_policy_file(const char *path, struct lsaemu_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!path) {
        if (err)
            snprintf(err->text, sizeof err->text, "no file given (path is NULL)");
        return -1;
    }
    struct policy *pol = NULL;
    if (current_acquire(&pol) != 0) {
        if (err) {
            snprintf(err->source, sizeof err->source, "%s", path);
            snprintf(err->text, sizeof err->text,
                     "no policy in force (the one named by LSAEMU_POLICY failed to load)");
        }
        return -1;
    }
    char why[sizeof err->text];
    int rc = atomic_file_write(path, SAVED_POLICY_MODE, fill, pol, why, sizeof why);
    if (rc != 0 && err) {
        snprintf(err->source, sizeof err->source, "%s", path);
        snprintf(err->text, sizeof err->text, "%s", why);
    }
    current_release(pol);
    return rc;
}
