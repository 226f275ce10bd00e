/* SPDX-License-Identifier: MIT */
/*
 * Section 6 of `make bench` (issue 11): LsaEnumerateAccountsWithUserRight
 * against the number of holders of a right. The call must grow linearly:
 * each doubling of the holders should about double its time (ratio 2.0x; a
 * quadratic call gives 4x).
 *
 * The policy with H holders gives SeBatchLogonRight to H SIDs of a foreign
 * domain and SeServiceLogonRight to every other one of them again, so that
 * the call for every right (UserRight NULL) has duplicates to drop as well.
 * The holders are plain SIDs, not accounts, so the file and its load stay
 * small next to what is measured.
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntsecapi.h>
#include <ntstatus.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "lsaemu.h"

#define ENUM_SIZES 4

static const size_t enum_sizes[ENUM_SIZES] = {12500, 25000, 50000, 100000};

/* Best wall time in ms of one call, for one right and for every right;
 * negative when the call failed. */
static double one_ms[ENUM_SIZES], all_ms[ENUM_SIZES];
static bool measured;

static double enum_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int gen_enum_policy(const char *path, size_t holders)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "lsaemu: 1\n"
               "machine:\n"
               "  name: BENCH\n"
               "  sid: S-1-5-21-1111-2222-3333\n"
               "base: workstation\n"
               "rights:\n"
               "  SeBatchLogonRight:\n");
    for (size_t i = 0; i < holders; i++)
        fprintf(f, "    - \"S-1-5-21-7777-8888-9999-%zu\"\n", 1000 + i);
    fprintf(f, "  SeServiceLogonRight:\n");
    for (size_t i = 0; i < holders; i += 2)
        fprintf(f, "    - \"S-1-5-21-7777-8888-9999-%zu\"\n", 1000 + i);
    fprintf(f, "processes:\n"
               "  default: { account: SYSTEM }\n");
    int rc = ferror(f) ? -1 : 0;
    if (fclose(f) != 0)
        rc = -1;
    return rc;
}

/* One call and the free of its buffer; the wall time in ms, or -1 when the
 * call did not return want SIDs. */
static double enum_once(LSA_HANDLE h, PLSA_UNICODE_STRING right, ULONG want)
{
    PVOID buf = NULL;
    ULONG n = 0;
    double t0 = enum_now_s();
    NTSTATUS st = LsaEnumerateAccountsWithUserRight(h, right, &buf, &n);
    if (st == STATUS_SUCCESS)
        LsaFreeMemory(buf);
    double dt = enum_now_s() - t0;
    if (st != STATUS_SUCCESS || n != want) {
        fprintf(stderr, "lsaemu-bench: LsaEnumerateAccountsWithUserRight: 0x%08lX, %lu SIDs "
                        "(want %lu): %s\n",
                (unsigned long)st, (unsigned long)n, (unsigned long)want,
                lsaemu_last_reason());
        return -1;
    }
    return dt * 1e3;
}

/* Best single call of a run that makes at least reps calls and lasts at
 * least min_s; a call that takes a second or more is not repeated (the
 * quadratic version takes seconds, and one sample shows it). */
static double enum_best(LSA_HANDLE h, PLSA_UNICODE_STRING right, ULONG want, int reps,
                        double min_s)
{
    double best = 1e30, t0 = enum_now_s();
    for (int r = 0; r < reps || enum_now_s() - t0 < min_s; r++) {
        double ms = enum_once(h, right, want);
        if (ms < 0)
            return -1;
        if (ms < best)
            best = ms;
        if (ms >= 1000)
            break;
    }
    return best;
}

int bench_enum_measure(const char *dir, bool quick)
{
    static const char batch_name[] = "SeBatchLogonRight";
    static WCHAR batch[sizeof batch_name];
    for (size_t i = 0; i < sizeof batch_name; i++)
        batch[i] = (WCHAR)batch_name[i];
    LSA_UNICODE_STRING right = {sizeof batch - sizeof(WCHAR), sizeof batch, batch};
    const int reps = quick ? 3 : 7;
    const double min_s = quick ? 0.1 : 0.5;
    int rc = 0;
    for (size_t s = 0; s < ENUM_SIZES; s++) {
        size_t holders = enum_sizes[s];
        char path[4200];
        snprintf(path, sizeof path, "%s/policy-enum-%zu.yaml", dir, holders);
        fprintf(stderr, "lsaemu-bench: %zu holders: LsaEnumerateAccountsWithUserRight\n",
                holders);
        one_ms[s] = all_ms[s] = -1;
        struct lsaemu_error err;
        if (gen_enum_policy(path, holders) != 0 || lsaemu_load_policy_file(path, &err) != 0) {
            fprintf(stderr, "lsaemu-bench: cannot write or load %s\n", path);
            rc = -1;
            continue;
        }
        LSA_OBJECT_ATTRIBUTES attrs;
        memset(&attrs, 0, sizeof attrs);
        LSA_HANDLE h = NULL;
        if (LsaOpenPolicy(NULL, &attrs, POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION,
                          &h) != STATUS_SUCCESS) {
            fprintf(stderr, "lsaemu-bench: LsaOpenPolicy: %s\n", lsaemu_last_reason());
            rc = -1;
            continue;
        }
        /* Every right: the H foreign SIDs plus the stock holders of the
         * workstation base, counted once each; the first call tells how
         * many that is. */
        PVOID buf = NULL;
        ULONG all = 0;
        if (LsaEnumerateAccountsWithUserRight(h, NULL, &buf, &all) == STATUS_SUCCESS)
            LsaFreeMemory(buf);
        one_ms[s] = enum_best(h, &right, (ULONG)holders, reps, min_s);
        all_ms[s] = all >= holders ? enum_best(h, NULL, all, reps, min_s) : -1;
        if (one_ms[s] < 0 || all_ms[s] < 0)
            rc = -1;
        LsaClose(h);
    }
    measured = true;
    return rc;
}

static void out2(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out2(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (out) {
        va_start(ap, fmt);
        vfprintf(out, fmt, ap);
        va_end(ap);
    }
}

static void ratio_cell(FILE *out, const double *ms, size_t s)
{
    if (s > 0 && ms[s] > 0 && ms[s - 1] > 0)
        out2(out, " %7.2fx", ms[s] / ms[s - 1]);
    else
        out2(out, " %8s", "");
}

void bench_enum_report(FILE *out)
{
    if (!measured)
        return;
    out2(out, "\n6. LsaEnumerateAccountsWithUserRight (+LsaFreeMemory) against the number of\n"
              "   holders (best call of runs of at least 0.5 s; ratio = time over the time at\n"
              "   half the holders: 2.00x is linear, 4x quadratic)\n");
    out2(out, "%9s %14s %8s | %14s %8s\n", "holders", "one right ms", "ratio", "all rights ms",
         "ratio");
    for (size_t s = 0; s < ENUM_SIZES; s++) {
        out2(out, "%9zu", enum_sizes[s]);
        if (one_ms[s] < 0)
            out2(out, " %14s", "failed");
        else
            out2(out, " %14.3f", one_ms[s]);
        ratio_cell(out, one_ms, s);
        out2(out, " |");
        if (all_ms[s] < 0)
            out2(out, " %14s", "failed");
        else
            out2(out, " %14.3f", all_ms[s]);
        ratio_cell(out, all_ms, s);
        out2(out, "\n");
    }
    fflush(stdout);
}
