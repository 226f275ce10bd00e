/* SPDX-License-Identifier: MIT */
/* lsaemu_save_policy_file (lsaemu.h): the policy in force, as YAML. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "lsaemu.h"
#include "policy/writer.h"

static int fail(struct lsaemu_error *err, const char *path, const char *what, int e)
{
    if (err) {
        snprintf(err->source, sizeof err->source, "%s", path ? path : "");
        snprintf(err->text, sizeof err->text, "%s: %s", what, strerror(e));
    }
    return -1;
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
    int rc = 0;
    FILE *f = fopen(path, "w");
    if (!f) {
        rc = fail(err, path, "cannot write", errno);
        goto out;
    }
    if (policy_write_yaml(pol, f) != 0) {
        int e = errno ? errno : EIO;
        fclose(f);
        rc = fail(err, path, "cannot write", e);
        goto out;
    }
    if (fclose(f) != 0)
        rc = fail(err, path, "cannot write", errno);
out:
    current_release(pol);
    return rc;
}
