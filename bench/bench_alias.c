/* SPDX-License-Identifier: MIT */
/*
 * Section 7 of `make bench` (issue 11): policies whose groups all alias one
 * list of members, of doubling size. n groups alias a list of n names, so
 * the text doubles from one size to the next while the memberships it means
 * quadruple. For each size: the load of the valid policy, the load of the
 * same policy with one wrong name in the list, and the validation of the
 * valid one, each as wall time (best of runs, in this process) and peak
 * memory added (ru_maxrss of a fresh child), with the ratio per doubling.
 * A size that the loader refused would be named under the table.
 *
 * Then the issue's own shape (7b): one list of 3000 names that a doubling
 * number of groups alias (about 770 KB at 26,000 groups), with the load and
 * the cost of a logon (LogonUserW) of a member of the list -- in every
 * group, so past the token's limit of 1024 groups -- and of an account in
 * one group.
 *
 * A client of the public API only, like the rest of the bench.
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "bench.h"
#include "lsaemu.h"

#define ALIAS_SIZES 6

enum { V_VALID, V_ONE_ERROR, V_VALIDATE, N_VARIANTS };

static const char *const variant_names[N_VARIANTS] = {"load, valid", "load, one error",
                                                      "validate, valid"};

struct alias_result {
    size_t n;
    long file_bytes;
    double ms[N_VARIANTS];
    long added_kb[N_VARIANTS];
    bool refused[N_VARIANTS];
    char message[N_VARIANTS][256];
};

static struct alias_result results[ALIAS_SIZES];
static size_t n_results;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* n groups aliasing one list of the n accounts u0 .. u(n-1); one_error
 * replaces the middle name by one that names nothing. */
static int write_policy(const char *path, size_t n, bool one_error)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "lsaemu: 1\naccounts:\n");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  u%zu: {}\n", i);
    fprintf(f, "groups:\n  g0: { members: &all [");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%s%zu", i ? ", " : "", one_error && i == n / 2 ? "nobody" : "u", i);
    fprintf(f, "] }\n");
    for (size_t g = 1; g < n; g++)
        fprintf(f, "  g%zu: { members: *all }\n", g);
    int rc = ferror(f) ? -1 : 0;
    if (fclose(f) != 0)
        rc = -1;
    return rc;
}

static void count_report(const struct lsaemu_error *e, void *ctx)
{
    (void)e;
    (*(int *)ctx)++;
}

/* One run of a variant: 0 when the policy loads (validates), else -1 with
 * the first error in err. */
static int run_variant(int v, const char *path, struct lsaemu_error *err)
{
    if (v == V_VALIDATE) {
        int errors = 0;
        memset(err, 0, sizeof *err);
        return lsaemu_check_policy_file(path, count_report, &errors);
    }
    return lsaemu_load_policy_file(path, err);
}

int bench_alias_child(const char *variant, const char *path)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long before = ru.ru_maxrss;
    struct lsaemu_error err;
    run_variant(atoi(variant), path, &err);
    getrusage(RUSAGE_SELF, &ru);
    printf("%ld\n", ru.ru_maxrss - before);
    return 0;
}

static void policy_file(char *buf, size_t size, const char *dir, size_t n, bool one_error)
{
    snprintf(buf, size, "%s/alias-%zu-%s.yaml", dir, n, one_error ? "one-error" : "valid");
}

void bench_alias_run(const char *dir, const char *self_path, bool quick)
{
    static const size_t sizes[ALIAS_SIZES] = {125, 250, 500, 1000, 2000, 4000};
    n_results = quick ? 4 : ALIAS_SIZES;
    for (size_t s = 0; s < n_results; s++) {
        struct alias_result *r = &results[s];
        size_t n = r->n = sizes[s];
        char valid[4200], wrong[4200];
        policy_file(valid, sizeof valid, dir, n, false);
        policy_file(wrong, sizeof wrong, dir, n, true);
        fprintf(stderr, "lsaemu-bench: aliased lists, %zu groups of %zu members\n", n, n);
        if (write_policy(valid, n, false) != 0 || write_policy(wrong, n, true) != 0) {
            fprintf(stderr, "lsaemu-bench: cannot write %s\n", valid);
            exit(1);
        }
        struct stat st;
        r->file_bytes = stat(valid, &st) == 0 ? (long)st.st_size : -1;
        for (int v = 0; v < N_VARIANTS; v++) {
            const char *path = v == V_ONE_ERROR ? wrong : valid;
            int reps = quick ? 2 : n <= 500 ? 7 : 3;
            r->ms[v] = 1e30;
            for (int k = 0; k < reps; k++) {
                struct lsaemu_error err;
                double t0 = now_s();
                int rc = run_variant(v, path, &err);
                double ms = (now_s() - t0) * 1e3;
                if (ms < r->ms[v])
                    r->ms[v] = ms;
                /* Refused (rather than failing as it should) when a valid
                 * policy does not load. */
                r->refused[v] = rc != 0 && v != V_ONE_ERROR;
                snprintf(r->message[v], sizeof r->message[v], "%s", rc ? err.text : "");
            }
            char cmd[9000];
            snprintf(cmd, sizeof cmd, "'%s' --alias-child %d '%s'", self_path, v, path);
            FILE *p = popen(cmd, "r");
            r->added_kb[v] = -1;
            if (!p || fscanf(p, "%ld", &r->added_kb[v]) != 1)
                fprintf(stderr, "lsaemu-bench: the alias child failed\n");
            if (p)
                pclose(p);
        }
    }
}

/* "x.xx" of b / a, or "-" when either is missing. */
static const char *ratio(char *buf, size_t size, double a, double b)
{
    if (a <= 0 || b <= 0)
        snprintf(buf, size, "%7s", "-");
    else
        snprintf(buf, size, "%6.2fx", b / a);
    return buf;
}

void bench_alias_print(void (*emit)(const char *fmt, ...))
{
    emit("\n7. Aliased member lists (issue 11): n groups alias one list of n names, so the\n"
         "   file doubles and the memberships quadruple per row. Wall time (best of runs)\n"
         "   and peak memory added by the load (ru_maxrss of a fresh process), each with\n"
         "   its ratio to the row before\n");
    emit("%6s %8s %12s", "groups", "file KB", "memberships");
    for (int v = 0; v < N_VARIANTS; v++)
        emit(" | %-35s", variant_names[v]);
    emit("\n%6s %8s %12s", "", "", "");
    for (int v = 0; v < N_VARIANTS; v++)
        emit(" | %9s %7s %9s %7s", "ms", "ratio", "KB", "ratio");
    emit("\n");
    for (size_t s = 0; s < n_results; s++) {
        const struct alias_result *r = &results[s], *p = s ? &results[s - 1] : NULL;
        emit("%6zu %8.0f %12zu", r->n, r->file_bytes / 1024.0, r->n * r->n);
        for (int v = 0; v < N_VARIANTS; v++) {
            char a[32], b[32];
            emit(" | %9.2f %7s %9ld %7s", r->ms[v],
                 p ? ratio(a, sizeof a, p->ms[v], r->ms[v]) : "",
                 r->added_kb[v],
                 p ? ratio(b, sizeof b, (double)p->added_kb[v], (double)r->added_kb[v]) : "");
        }
        emit("\n");
    }
    for (size_t s = 0; s < n_results; s++)
        for (int v = 0; v < N_VARIANTS; v++)
            if (results[s].refused[v]) {
                emit("   %zu groups, %s: refused: %s\n", results[s].n, variant_names[v],
                     results[s].message[v]);
                break;
            }
}

/* ---- 7b. The shape ------------------------------------------------------------ */

#define SHAPE_NAMES 3000
#define SHAPE_SIZES 5

struct shape_result {
    size_t groups;
    long file_bytes;
    double load_ms;
    long added_kb;
    bool refused;
    char message[256];
    double member_us, solo_us;  /* per LogonUserW (+CloseHandle) */
    DWORD member_error;         /* GetLastError() of the member's logon, 0 = success */
    bool solo_ok;
};

static struct shape_result shapes[SHAPE_SIZES];
static size_t n_shapes;

/* SHAPE_NAMES accounts u0 (password pw) .. u2999 in one list that groups
 * g0 .. g(groups - 1) alias; solo (password pw) is in g1 only. */
static int write_shape(const char *path, size_t groups)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "lsaemu: 1\naccounts:\n  u0: { password: pw }\n");
    for (size_t i = 1; i < SHAPE_NAMES; i++)
        fprintf(f, "  u%zu: {}\n", i);
    fprintf(f, "  solo: { password: pw, groups: [g1] }\ngroups:\n  g0: { members: &all [");
    for (size_t i = 0; i < SHAPE_NAMES; i++)
        fprintf(f, "%su%zu", i ? ", " : "", i);
    fprintf(f, "] }\n");
    for (size_t g = 1; g < groups; g++)
        fprintf(f, "  g%zu: { members: *all }\n", g);
    int rc = ferror(f) ? -1 : 0;
    if (fclose(f) != 0)
        rc = -1;
    return rc;
}

/* Microseconds per LogonUserW (+CloseHandle) of user, best of 3 runs of
 * at least 0.05 s; *error gets GetLastError() of a failed logon, else 0. */
static double logon_us(const WCHAR *user, DWORD *error)
{
    static const WCHAR dot[] = {'.', 0}, pw[] = {'p', 'w', 0};
    double best = 1e30;
    *error = 0;
    for (int r = 0; r < 3; r++) {
        size_t calls = 0;
        double t0 = now_s(), t;
        do {
            HANDLE token = NULL;
            if (LogonUserW(user, dot, pw, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                           &token))
                CloseHandle(token);
            else
                *error = GetLastError();
            calls++;
        } while ((t = now_s() - t0) < 0.05);
        if (t / (double)calls * 1e6 < best)
            best = t / (double)calls * 1e6;
    }
    return best;
}

void bench_alias_shape_run(const char *dir, const char *self_path, bool quick)
{
    static const size_t sizes[SHAPE_SIZES] = {3250, 6500, 13000, 26000, 52000};
    static const WCHAR member[] = {'u', '0', 0}, solo[] = {'s', 'o', 'l', 'o', 0};
    n_shapes = quick ? 3 : SHAPE_SIZES;
    for (size_t s = 0; s < n_shapes; s++) {
        struct shape_result *r = &shapes[s];
        r->groups = sizes[s];
        char path[4200];
        snprintf(path, sizeof path, "%s/alias-shape-%zu.yaml", dir, r->groups);
        fprintf(stderr, "lsaemu-bench: aliased lists, %zu groups of %d members\n", r->groups,
                SHAPE_NAMES);
        if (write_shape(path, r->groups) != 0) {
            fprintf(stderr, "lsaemu-bench: cannot write %s\n", path);
            exit(1);
        }
        struct stat st;
        r->file_bytes = stat(path, &st) == 0 ? (long)st.st_size : -1;
        r->load_ms = 1e30;
        for (int k = 0; k < (quick ? 2 : 3); k++) {
            struct lsaemu_error err;
            double t0 = now_s();
            int rc = lsaemu_load_policy_file(path, &err);
            double ms = (now_s() - t0) * 1e3;
            if (ms < r->load_ms)
                r->load_ms = ms;
            r->refused = rc != 0;
            snprintf(r->message, sizeof r->message, "%s", rc ? err.text : "");
        }
        if (!r->refused) {
            DWORD e;
            r->member_us = logon_us(member, &r->member_error);
            r->solo_us = logon_us(solo, &e);
            r->solo_ok = e == 0;
        }
        char cmd[9000];
        snprintf(cmd, sizeof cmd, "'%s' --alias-child %d '%s'", self_path, V_VALID, path);
        FILE *p = popen(cmd, "r");
        r->added_kb = -1;
        if (!p || fscanf(p, "%ld", &r->added_kb) != 1)
            fprintf(stderr, "lsaemu-bench: the alias child failed\n");
        if (p)
            pclose(p);
    }
}

void bench_alias_shape_print(void (*emit)(const char *fmt, ...))
{
    emit("\n7b. The issue's shape: groups aliasing one list of %d names (26,000 groups is\n"
         "    about 770 KB). Load as in 7; then LogonUserW (+CloseHandle) of u0, in the list\n"
         "    and so in every group (past the token's 1024: ERROR_TOO_MANY_CONTEXT_IDS),\n"
         "    and of solo, in one group: microseconds per call, best of runs\n",
         SHAPE_NAMES);
    emit("%7s %8s %12s | %9s %7s %9s %7s | %12s %8s | %12s\n", "groups", "file KB",
         "memberships", "load ms", "ratio", "KB", "ratio", "u0 logon us", "error", "solo us");
    for (size_t s = 0; s < n_shapes; s++) {
        const struct shape_result *r = &shapes[s], *p = s ? &shapes[s - 1] : NULL;
        char a[32], b[32];
        emit("%7zu %8.0f %12zu | %9.2f %7s %9ld %7s | %12.2f %8lu | %12.2f%s\n", r->groups,
             r->file_bytes / 1024.0, r->groups * SHAPE_NAMES, r->load_ms,
             p ? ratio(a, sizeof a, p->load_ms, r->load_ms) : "", r->added_kb,
             p ? ratio(b, sizeof b, (double)p->added_kb, (double)r->added_kb) : "",
             r->member_us, (unsigned long)r->member_error, r->solo_us,
             r->solo_ok ? "" : " (failed)");
    }
    for (size_t s = 0; s < n_shapes; s++)
        if (shapes[s].refused)
            emit("    %zu groups: refused: %s\n", shapes[s].groups, shapes[s].message);
}
