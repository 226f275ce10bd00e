/* SPDX-License-Identifier: MIT */
/*
 * The functions of loader.h: load or check a policy from a text or a file,
 * and the embedded default. They run a load (yaml_build.c) and turn its
 * result into a finished policy, the first error or the list of errors for
 * `lsaemu validate`. They know the public error form and the policy's
 * finishing, nothing of libyaml (yaml_reader.h) or of the document.
 */
#include "config.h"
#include "base/mem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "loader/loader.h"
#include "loader/yaml_values.h"

/* The last load's or check's work in this thread (loader_last_work()). */
static _Thread_local struct loader_work last_work;

void loader_last_work(struct loader_work *out)
{
    *out = last_work;
}

static void unreadable(const char *path, int errnum, struct lsaemu_error *out)
{
    struct ld_error e = {0, 0, 0, ""};
    snprintf(e.text, sizeof e.text, "cannot read: %s", strerror(errnum));
    ld_error_public(&e, path, out);
}

/* The public error of a file ld_open_input did not open for reading. */
static void not_opened(const char *path, enum ld_input kind, int errnum,
                       struct lsaemu_error *out)
{
    struct ld_error e = {0, 0, 0, ""};
    if (kind == LD_INPUT_TOO_LARGE) {
        ld_too_large(&e);
        ld_error_public(&e, path, out);
    } else if (kind == LD_INPUT_SPECIAL) {
        snprintf(e.text, sizeof e.text, "cannot read: not a regular file or a pipe");
        ld_error_public(&e, path, out);
    } else {
        unreadable(path, errnum, out);
    }
}

/* Loads from text or from file (then text is NULL). */
static struct policy *load(const char *yaml, size_t len, FILE *file, const char *source,
                           struct lsaemu_error *err)
{
    struct ld ld;
    struct policy *pol = ld_build(&ld, yaml, len, file, source, false, false);
    last_work = ld.work;
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
    mem_free(ld.warnings);
    return pol;
}

struct policy *loader_load_string(const char *yaml, size_t len, const char *source,
                                  struct lsaemu_error *err)
{
    return load(yaml, len, NULL, source ? source : "<string>", err);
}

struct policy *loader_load_file(const char *path, struct lsaemu_error *err)
{
    FILE *f;
    char *text;
    size_t len;
    struct policy *pol = NULL;
    enum ld_input kind = ld_open_input(path, &f, &text, &len);
    int errnum = errno;
    last_work = (struct loader_work){0, 0, 0, 0};
    if (kind == LD_INPUT_STREAM) {
        pol = load(NULL, 0, f, path, err);
        fclose(f);
    } else if (kind == LD_INPUT_TEXT) {
        pol = load(text, len, NULL, path, err);
        mem_free(text);
    } else if (err) {
        not_opened(path, kind, errnum, err);
    }
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

typedef void (*report_fn)(const struct lsaemu_error *, void *);

static void report_all(const struct ld_error *list, size_t n, const char *source, report_fn fn,
                       void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        struct lsaemu_error pub;
        ld_error_public(&list[i], source, &pub);
        if (fn)
            fn(&pub, ctx);
    }
}

static int check(const char *yaml, size_t len, FILE *file, const char *source, report_fn report,
                 report_fn warn, void *ctx)
{
    struct ld ld;
    struct policy *pol = ld_build(&ld, yaml, len, file, source, true, warn != NULL);
    last_work = ld.work;
    ld_errors_finish(&ld);
    ld_warnings_finish(&ld);
    report_all(ld.errors, ld.n_errors, source, report, ctx);
    report_all(ld.warnings, ld.n_warnings, source, warn, ctx);
    int n = (int)ld.n_errors;
    mem_free(ld.errors);
    mem_free(ld.warnings);
    policy_unref(pol);
    return n;
}

int loader_check_string_warn(const char *yaml, size_t len, const char *source, report_fn report,
                             report_fn warn, void *ctx)
{
    return check(yaml, len, NULL, source ? source : "<string>", report, warn, ctx);
}

int loader_check_string(const char *yaml, size_t len, const char *source, report_fn report,
                        void *ctx)
{
    return loader_check_string_warn(yaml, len, source, report, NULL, ctx);
}

int loader_check_file_warn(const char *path, report_fn report, report_fn warn, void *ctx)
{
    FILE *f;
    char *text;
    size_t len;
    int n;
    enum ld_input kind = ld_open_input(path, &f, &text, &len);
    int errnum = errno;
    last_work = (struct loader_work){0, 0, 0, 0};
    if (kind == LD_INPUT_STREAM) {
        n = check(NULL, 0, f, path, report, warn, ctx);
        fclose(f);
    } else if (kind == LD_INPUT_TEXT) {
        n = check(text, len, NULL, path, report, warn, ctx);
        mem_free(text);
    } else {
        struct lsaemu_error pub;
        not_opened(path, kind, errnum, &pub);
        if (report)
            report(&pub, ctx);
        /* A policy too large is an invalid policy, not an unreadable file. */
        n = kind == LD_INPUT_TOO_LARGE ? 1 : -1;
    }
    return n;
}

int loader_check_file(const char *path, report_fn report, void *ctx)
{
    return loader_check_file_warn(path, report, NULL, ctx);
}
