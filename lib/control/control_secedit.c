/* SPDX-License-Identifier: MIT */
/*
 * The security-template half of the control API (lsaemu.h): file handling
 * around the converters of lib/loader/secedit_*.c, for `lsaemu
 * import-secedit` and `lsaemu export-secedit`.
 */
#include "config.h"
#include "base/mem.h"
#include "base/array.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/atomic_file.h"
#include "lsaemu.h"
#include "loader/loader.h"
#include "loader/secedit.h"

/* Reads a whole file; NULL with errno set on failure. */
static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t cap = 0;
    *len = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (array_reserve(&data, &cap, *len + 1, 1, 8192) < 0) {
            mem_free(data);
            fclose(f);
            errno = ENOMEM;
            return NULL;
        }
        size_t n = fread(data + *len, 1, cap - *len, f);
        *len += n;
        if (n == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        mem_free(data);
        errno = EIO;
        return NULL;
    }
    return data;
}

LSAEMU_PUBLIC int lsaemu_secedit_import_file(const char *path, char **yaml,
                                             void (*report)(const struct lsaemu_error *err,
                                                            void *ctx),
                                             void *ctx)
{
    return lsaemu_secedit_import_file_ex(path, 0, yaml, report, ctx);
}

LSAEMU_PUBLIC int lsaemu_secedit_import_file_ex(const char *path, unsigned flags, char **yaml,
                                                void (*report)(const struct lsaemu_error *err,
                                                               void *ctx),
                                                void *ctx)
{
    if (!path || !yaml || (flags & ~LSAEMU_SECEDIT_STUB_ACCOUNTS))
        return -1;
    *yaml = NULL;
    size_t len;
    unsigned char *data = read_all(path, &len);
    if (!data) {
        struct lsaemu_error e;
        memset(&e, 0, sizeof e);
        snprintf(e.source, sizeof e.source, "%s", path);
        snprintf(e.text, sizeof e.text, "cannot read: %s", strerror(errno));
        if (report)
            report(&e, ctx);
        return -1;
    }
    int n = secedit_import(data, len, path,
                           flags & LSAEMU_SECEDIT_STUB_ACCOUNTS ? SECEDIT_STUB_ACCOUNTS : 0,
                           report, ctx, yaml);
    mem_free(data);
    return n == 0 ? 0 : -1;
}

LSAEMU_PUBLIC int lsaemu_secedit_export_file(const char *policy_path, char **data, size_t *len,
                                             struct lsaemu_error *err)
{
    struct lsaemu_error local;
    if (!err)
        err = &local;
    memset(err, 0, sizeof *err);
    if (!policy_path || !data || !len)
        return -1;
    struct policy *pol = loader_load_file(policy_path, err);
    if (!pol)
        return -1;
    int rc = secedit_export(pol, data, len);
    if (rc != 0) {
        snprintf(err->source, sizeof err->source, "%s", policy_path);
        snprintf(err->text, sizeof err->text, "out of memory writing the template");
    }
    policy_unref(pol);
    return rc;
}

/* A template holds SIDs and right names, nothing secret: it is created with
 * the mode of any new file (0666 minus the umask), like fopen's. */
#define TEMPLATE_MODE 0666

struct bytes {
    const char *data;
    size_t len;
};

static int fill(FILE *f, void *ctx)
{
    const struct bytes *b = ctx;
    return fwrite(b->data, 1, b->len, f) == b->len ? 0 : -1;
}

LSAEMU_PUBLIC int lsaemu_secedit_export_to_file(const char *policy_path, const char *inf_path,
                                                struct lsaemu_error *err)
{
    struct lsaemu_error local;
    if (!err)
        err = &local;
    memset(err, 0, sizeof *err);
    if (!policy_path || !inf_path)
        return -1;
    struct bytes b = {NULL, 0};
    char *data = NULL;
    if (lsaemu_secedit_export_file(policy_path, &data, &b.len, err) != 0)
        return -1;
    b.data = data;
    char why[sizeof err->text];
    int rc = atomic_file_write(inf_path, TEMPLATE_MODE, fill, &b, why, sizeof why);
    if (rc != 0) {
        snprintf(err->source, sizeof err->source, "%s", inf_path);
        snprintf(err->text, sizeof err->text, "%s", why);
    }
    mem_free(data);
    return rc;
}
