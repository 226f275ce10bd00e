/* SPDX-License-Identifier: MIT */
/*
 * The functions of loader.h: load or check a policy from a text or a file,
 * and the embedded default. They run a load (yaml_build.c) and turn its
 * result into a finished policy, the first error or the list of errors for
 * `lsaemu validate`. They know the public error form and the policy's
 * finishing, nothing of libyaml (yaml_reader.h) or of the document.
 */
#include "config.h"
#include "core/mem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "loader.h"
#include "yaml_values.h"

static void unreadable(const char *path, int errnum, struct lsaemu_error *out)
{
    struct ld_error e = {0, 0, 0, ""};
    snprintf(e.text, sizeof e.text, "cannot read: %s", strerror(errnum));
    ld_error_public(&e, path, out);
}

/* Loads from text or from file (then text is NULL). */
static struct policy *load(const char *yaml, size_t len, FILE *file, const char *source,
                           struct lsaemu_error *err)
{
    struct ld ld;
    struct policy *pol = ld_build(&ld, yaml, len, file, source);
    if (!ld.n_errors && !ld.oom &&
        (policy_set_string(&pol->source, source) < 0 || policy_finish(pol) < 0))
        ld_oom(&ld);
    if (ld.oom) {
        /* Reported as such even when the failed allocation also caused other
         * errors (a name that could not be recorded is then "unknown"), and
         * without needing memory for the error list. */
        if (err) {
            struct ld_error e = {0, 0, 0, "out of memory while loading the policy"};
            ld_error_public(&e, source, err);
        }
        policy_unref(pol);
        pol = NULL;
    } else if (ld.n_errors) {
        ld_errors_finish(&ld);
        if (err)
            ld_error_public(&ld.errors[0], source, err);
        policy_unref(pol);
        pol = NULL;
    }
    mem_free(ld.errors);
    return pol;
}

struct policy *loader_load_string(const char *yaml, size_t len, const char *source,
                                  struct lsaemu_error *err)
{
    return load(yaml, len, NULL, source ? source : "<string>", err);
}

struct policy *loader_load_file(const char *path, struct lsaemu_error *err)
{
    FILE *f = ld_open_stream(path);
    if (f) {
        struct policy *pol = load(NULL, 0, f, path, err);
        fclose(f);
        return pol;
    }
    size_t len;
    char *text = ld_read_file(path, &len);
    if (!text) {
        if (err)
            unreadable(path, errno, err);
        return NULL;
    }
    struct policy *pol = loader_load_string(text, len, path, err);
    mem_free(text);
    return pol;
}

struct policy *loader_default_policy(void)
{
    struct policy *pol = policy_new();
    if (!pol)
        return NULL;
    if (policy_set_string(&pol->source, "<default>") < 0 || policy_finish(pol) < 0) {
        policy_unref(pol);
        return NULL;
    }
    return pol;
}

static int check(const char *yaml, size_t len, FILE *file, const char *source,
                 void (*report)(const struct lsaemu_error *, void *), void *ctx)
{
    struct ld ld;
    struct policy *pol = ld_build(&ld, yaml, len, file, source);
    ld_errors_finish(&ld);
    for (size_t i = 0; i < ld.n_errors; i++) {
        struct lsaemu_error pub;
        ld_error_public(&ld.errors[i], source, &pub);
        if (report)
            report(&pub, ctx);
    }
    int n = (int)ld.n_errors;
    mem_free(ld.errors);
    policy_unref(pol);
    return n;
}

int loader_check_string(const char *yaml, size_t len, const char *source,
                        void (*report)(const struct lsaemu_error *, void *), void *ctx)
{
    return check(yaml, len, NULL, source ? source : "<string>", report, ctx);
}

int loader_check_file(const char *path, void (*report)(const struct lsaemu_error *, void *),
                      void *ctx)
{
    FILE *f = ld_open_stream(path);
    if (f) {
        int n = check(NULL, 0, f, path, report, ctx);
        fclose(f);
        return n;
    }
    size_t len;
    char *text = ld_read_file(path, &len);
    if (!text) {
        struct lsaemu_error pub;
        unreadable(path, errno, &pub);
        if (report)
            report(&pub, ctx);
        return -1;
    }
    int n = loader_check_string(text, len, path, report, ctx);
    mem_free(text);
    return n;
}
