/* SPDX-License-Identifier: MIT */
/*
 * Section 7 of `make bench` (issue 11): policies whose groups all alias one
 * list of members, of doubling size. n groups alias a list of n names, so
 * the text doubles from one size to the next while the memberships it means
 * quadruple. For each size: the load of the valid policy, the load of the
 * same policy with one wrong name in the list, and the validation of the
 * valid one, each as wall time (best of runs, in this process) and peak
 * memory added (ru_maxrss of a fresh child), with the ratio per doubling.
 * A size whose aliases repeat more than the loader's limit is refused;
 * the table says so.
 *
 * A client of the public API only, like the rest of the bench.
 */
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
