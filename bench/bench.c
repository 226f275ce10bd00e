/* SPDX-License-Identifier: MIT */
/*
 * lsaemu-bench: what `make bench` runs. A client of the public API only
 * (lsaemu.h and the Windows headers), plus libyaml for the baseline.
 *
 *   lsaemu-bench [--dir DIR] [--out FILE] [--sizes N,N,...] [--quick]
 *
 * For each policy size it generates a policy into DIR (the build tree),
 * then measures, in this order:
 *   1. the load against libyaml's bare event parse of the same bytes;
 *   2. ns per call of the logon-path functions, and instructions per call
 *      under callgrind (a child run of this program under valgrind);
 *   3. the growth of (2) with the number of accounts;
 *   4. LsaLogonUser cycles per second with 1 and 2 threads;
 *   5. peak RSS of a fresh process that loads the policy;
 *   6. LsaEnumerateAccountsWithUserRight against the number of holders of a
 *      right (bench_enum.c; its own policies, not the sizes above);
 *   7. loads of policies whose groups alias one list, and logons on the
 *      issue's shape of them (bench_alias.c; its own policies too).
 * It prints one table and writes it to FILE (default DIR/results.txt).
 * Internal modes: --callgrind-child POLICY N, --rss-child POLICY,
 * --alias-child VARIANT POLICY.
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntsecapi.h>
#include <ntstatus.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "bench.h"
#include "lsaemu.h"

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(s) ((void)(s))
#endif

#define MAX_SIZES 8

static const char *const tiny_policy = "lsaemu: 1\nbase: workstation\n";

/* ---- Small helpers ---------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static FILE *out_file;

/* Prints to stdout and to the results file. */
static void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (out_file) {
        va_start(ap, fmt);
        vfprintf(out_file, fmt, ap);
        va_end(ap);
    }
    fflush(stdout);
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("lsaemu-bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(f), &st) == 0 && (buf = malloc((size_t)st.st_size + 1)))
        *len = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    return buf;
}

static void policy_path(char *buf, size_t size, const char *dir, size_t n, bool hashes)
{
    snprintf(buf, size, "%s/policy-%zu%s.yaml", dir, n, hashes ? "-hash" : "");
}

static void load_or_die(const char *path)
{
    struct lsaemu_error err;
    if (lsaemu_load_policy_file(path, &err) != 0)
        die("%s:%d:%d: %s", err.source, err.line, err.column, err.text);
}

static void load_tiny(void)
{
    struct lsaemu_error err;
    if (lsaemu_load_policy_string(tiny_policy, "<tiny>", &err) != 0)
        die("tiny policy: %s", err.text);
}

/* ---- Baseline: libyaml's bare event parse ---------------------------------------- */

/* Reads the file and runs libyaml's parser over it, dropping every event:
 * the least any YAML loader must do. Returns the number of events. */
static size_t bare_parse(const char *path)
{
    size_t len = 0, events = 0;
    char *buf = read_all(path, &len);
    if (!buf)
        die("cannot read %s", path);
    yaml_parser_t p;
    yaml_event_t e;
    if (!yaml_parser_initialize(&p))
        die("yaml_parser_initialize");
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
    for (;;) {
        if (!yaml_parser_parse(&p, &e))
            die("%s: libyaml: %s", path, p.problem ? p.problem : "error");
        events++;
        yaml_event_type_t t = e.type;
        yaml_event_delete(&e);
        if (t == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&p);
    free(buf);
    return events;
}

static void count_report(const struct lsaemu_error *e, void *ctx)
{
    (void)e;
    ++*(int *)ctx;
}

/* ---- The measured calls -------------------------------------------------------------- */

struct calls {
    HANDLE lsa;
    ULONG msv;
    MSV1_0_INTERACTIVE_LOGON *submit;
    ULONG submit_len;
    WCHAR user[32], password[32];
    unsigned status_i;
};

static void widen(WCHAR *dst, const char *src)
{
    while ((*dst++ = (WCHAR)(unsigned char)*src++))
        ;
}

static MSV1_0_INTERACTIVE_LOGON *make_submit(const char *user, const char *password, ULONG *len)
{
    const char *domain = ".";
    size_t nd = strlen(domain), nu = strlen(user), np = strlen(password);
    *len = (ULONG)(sizeof(MSV1_0_INTERACTIVE_LOGON) + 2 * (nd + nu + np));
    MSV1_0_INTERACTIVE_LOGON *m = calloc(1, *len);
    if (!m)
        die("out of memory");
    WCHAR *p = (WCHAR *)(m + 1);
    struct {
        UNICODE_STRING *us;
        const char *s;
        size_t n;
    } f[] = {{&m->LogonDomainName, domain, nd}, {&m->UserName, user, nu},
             {&m->Password, password, np}};
    m->MessageType = MsV1_0InteractiveLogon;
    for (int i = 0; i < 3; i++) {
        f[i].us->Buffer = p;
        f[i].us->Length = f[i].us->MaximumLength = (USHORT)(2 * f[i].n);
        for (size_t k = 0; k < f[i].n; k++)
            *p++ = (WCHAR)(unsigned char)f[i].s[k];
    }
    return m;
}

static LSA_STRING msv_name = {sizeof MSV1_0_PACKAGE_NAME - 1, sizeof MSV1_0_PACKAGE_NAME,
                              (PCHAR)MSV1_0_PACKAGE_NAME};

/* Connects and prepares the logon of account user_index of the policy in force. */
static void calls_open(struct calls *c, size_t user_index)
{
    char user[32], pw[32];
    memset(c, 0, sizeof *c);
    bench_user_name(user_index, user, sizeof user);
    bench_password(user_index, pw, sizeof pw);
    if (LsaConnectUntrusted(&c->lsa) != STATUS_SUCCESS ||
        LsaLookupAuthenticationPackage(c->lsa, &msv_name, &c->msv) != STATUS_SUCCESS)
        die("cannot reach the emulated LSA: %s", lsaemu_last_reason());
    c->submit = make_submit(user, pw, &c->submit_len);
    widen(c->user, user);
    widen(c->password, pw);
}

static void calls_close(struct calls *c)
{
    LsaDeregisterLogonProcess(c->lsa);
    free(c->submit);
}

/* One full cycle: logon, free the profile, close the token. */
static int op_lsa_cycle(struct calls *c)
{
    LSA_STRING origin = {5, 6, (PCHAR) "bench"};
    TOKEN_SOURCE source = {{'B', 'e', 'n', 'c', 'h', ' ', ' ', ' '}, {0, 0}};
    PVOID profile = NULL;
    ULONG profile_len = 0;
    LUID id;
    HANDLE token = NULL;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = 0;
    NTSTATUS st = LsaLogonUser(c->lsa, &origin, Interactive, c->msv, c->submit, c->submit_len,
                               NULL, &source, &profile, &profile_len, &id, &token, &quotas, &sub);
    if (st != STATUS_SUCCESS)
        return -1;
    LsaFreeReturnBuffer(profile);
    CloseHandle(token);
    return 0;
}

static int op_logon_user(struct calls *c)
{
#ifdef LOGON32_LOGON_INTERACTIVE
    HANDLE token = NULL;
    static const WCHAR dot[] = {'.', 0};
    if (!LogonUserW(c->user, dot, c->password, LOGON32_LOGON_INTERACTIVE,
                    LOGON32_PROVIDER_DEFAULT, &token))
        return -1;
    CloseHandle(token);
    return 0;
#else
    (void)c;
    return -1;
#endif
}

static int op_lookup(struct calls *c)
{
    ULONG id;
    return LsaLookupAuthenticationPackage(c->lsa, &msv_name, &id) == STATUS_SUCCESS ? 0 : -1;
}

static volatile ULONG status_sink;

static int op_status(struct calls *c)
{
    /* A spread of codes across the table, so no single path is measured. */
    static const NTSTATUS codes[16] = {
        STATUS_SUCCESS,          STATUS_LOGON_FAILURE,         STATUS_ACCOUNT_DISABLED,
        STATUS_ACCESS_DENIED,    STATUS_LOGON_TYPE_NOT_GRANTED, STATUS_INVALID_PARAMETER,
        STATUS_NO_MEMORY,        STATUS_NOT_LOGON_PROCESS,     STATUS_ACCOUNT_LOCKED_OUT,
        STATUS_PASSWORD_EXPIRED, STATUS_NO_SUCH_PACKAGE,       STATUS_INVALID_HANDLE,
        (NTSTATUS)0xC0070005,    (NTSTATUS)0xE0001234,         STATUS_BUFFER_TOO_SMALL,
        STATUS_INTERNAL_DB_ERROR};
    status_sink = LsaNtStatusToWinError(codes[c->status_i++ & 15]);
    return 0;
}

struct op {
    const char *name;  /* table label */
    const char *key;   /* callgrind dump name */
    int (*fn)(struct calls *);
};

static const struct op ops[] = {
    {"LsaLogonUser cycle (+Free+Close)", "lsa_cycle", op_lsa_cycle},
    {"LogonUserW (+CloseHandle)", "logon_user", op_logon_user},
    {"LsaLookupAuthenticationPackage", "lookup", op_lookup},
    {"LsaNtStatusToWinError", "status", op_status},
};
#define N_OPS (sizeof ops / sizeof ops[0])

/* ns per call: batches grow until one lasts min_s; best of reps batches. */
static double time_op(const struct op *op, struct calls *c, double min_s, int reps)
{
    double best = 1e30;
    size_t iters = 16;
    for (int r = 0; r < reps; r++) {
        for (;;) {
            double t0 = now_s();
            for (size_t i = 0; i < iters; i++)
                op->fn(c);
            double dt = now_s() - t0;
            if (dt >= min_s) {
                if (dt / (double)iters < best)
                    best = dt / (double)iters;
                break;
            }
            iters *= dt > 0 && min_s / dt < 16 ? 2 : 8;
        }
    }
    return best * 1e9;
}

/* ---- Threads ------------------------------------------------------------------------ */

/* Each worker has a cache line of its own: the counter is written every
 * cycle, and two counters on one line would make the threads' caches
 * fight over it, which the library would be blamed for. */
struct worker {
    _Alignas(64) pthread_t thread;
    size_t user_index;
    atomic_bool *stop;
    atomic_int *ready;
    atomic_ulong cycles;
    int failed;
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct calls c;
    calls_open(&c, w->user_index);
    atomic_fetch_add(w->ready, 1);
    while (!atomic_load_explicit(w->stop, memory_order_relaxed)) {
        if (op_lsa_cycle(&c) != 0)
            w->failed = 1;
        atomic_store_explicit(&w->cycles,
                              atomic_load_explicit(&w->cycles, memory_order_relaxed) + 1,
                              memory_order_relaxed);
    }
    calls_close(&c);
    return NULL;
}

/* LsaLogonUser cycles per second with n threads, each on its own handle. */
static double throughput(int n, size_t n_accounts, double seconds)
{
    struct worker w[8];
    atomic_bool stop = false;
    atomic_int ready = 0;
    for (int i = 0; i < n; i++) {
        w[i] = (struct worker){.user_index = (n_accounts / 2 + (size_t)i * 2) % n_accounts,
                               .stop = &stop,
                               .ready = &ready};
        if (pthread_create(&w[i].thread, NULL, worker_main, &w[i]) != 0)
            die("pthread_create");
    }
    while (atomic_load(&ready) < n)
        sched_yield();
    /* Counting starts once everyone runs; cycles before that are few. */
    unsigned long base = 0;
    for (int i = 0; i < n; i++)
        base += atomic_load_explicit(&w[i].cycles, memory_order_relaxed);
    double t0 = now_s();
    struct timespec d = {(time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9)};
    nanosleep(&d, NULL);
    unsigned long total = 0;
    for (int i = 0; i < n; i++)
        total += atomic_load_explicit(&w[i].cycles, memory_order_relaxed); /* a snapshot */
    double dt = now_s() - t0;
    atomic_store(&stop, true);
    int failed = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(w[i].thread, NULL);
        failed |= w[i].failed;
    }
    if (failed)
        die("a threaded logon failed: %s", lsaemu_last_reason());
    return (double)(total - base) / dt;
}

/* ---- Children ----------------------------------------------------------------------- */

static char self_path[4096];

/* Under callgrind: instructions per call of each op, and (up to 10,000
 * accounts) of the load and of the bare parse. */
static int callgrind_child(const char *policy, size_t n)
{
    load_or_die(policy);
    struct calls c;
    calls_open(&c, n / 2);
    const int k = 200;
    CALLGRIND_START_INSTRUMENTATION;
    for (size_t o = 0; o < N_OPS; o++) {
        for (int i = 0; i < 20; i++) /* warm: first-call set-up is not the cost */
            ops[o].fn(&c);
        char label[64];
        snprintf(label, sizeof label, "op:%s:%d", ops[o].key, k);
        CALLGRIND_ZERO_STATS;
        for (int i = 0; i < k; i++)
            ops[o].fn(&c);
        CALLGRIND_DUMP_STATS_AT(label);
    }
    calls_close(&c);
    if (n <= 10000) {
        load_tiny();
        CALLGRIND_ZERO_STATS;
        bare_parse(policy);
        CALLGRIND_DUMP_STATS_AT("parse:1");
        CALLGRIND_ZERO_STATS;
        load_or_die(policy);
        CALLGRIND_DUMP_STATS_AT("load:1");
    }
    return 0;
}

/* Profiling aid: cycles per second of `threads` threads for `seconds` on
 * one policy, nothing else (run it under perf to see where threads meet). */
static int threads_child(const char *policy, size_t n, int threads, double seconds)
{
    load_or_die(policy);
    printf("%d threads: %.0f cycles/s\n", threads, throughput(threads, n, seconds));
    return 0;
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int rss_child(const char *policy)
{
    long before = maxrss_kb();
    load_or_die(policy);
    long after = maxrss_kb(), pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    printf("%ld %ld %ld\n", before, after, resident * (sysconf(_SC_PAGESIZE) / 1024));
    return 0;
}

/* Reads the per-dump files callgrind wrote for one child into ir[]. */
static void read_callgrind(const char *prefix, double ir_op[N_OPS], double *ir_parse,
                           double *ir_load)
{
    for (size_t o = 0; o < N_OPS; o++)
        ir_op[o] = -1;
    *ir_parse = *ir_load = -1;
    for (int i = 1; i < 64; i++) {
        char path[4400], line[512], desc[512] = "";
        double total = -1;
        snprintf(path, sizeof path, "%s.%d", prefix, i);
        FILE *f = fopen(path, "r");
        if (!f)
            break;
        while (fgets(line, sizeof line, f)) {
            if (!strncmp(line, "desc: Trigger: Client Request: ", 31))
                snprintf(desc, sizeof desc, "%s", line + 31);
            else if (!strncmp(line, "summary: ", 9) || (!strncmp(line, "totals: ", 8) && total < 0))
                total = strtod(strchr(line, ' ') + 1, NULL);
        }
        fclose(f);
        remove(path);
        desc[strcspn(desc, "\n")] = '\0';
        char key[64];
        int count;
        char *colon = strrchr(desc, ':');
        if (!colon || total < 0)
            continue;
        count = atoi(colon + 1);
        *colon = '\0';
        snprintf(key, sizeof key, "%s", desc);
        if (count <= 0)
            continue;
        if (!strcmp(key, "parse"))
            *ir_parse = total / count;
        else if (!strcmp(key, "load"))
            *ir_load = total / count;
        for (size_t o = 0; o < N_OPS; o++)
            if (!strncmp(key, "op:", 3) && !strcmp(key + 3, ops[o].key))
                ir_op[o] = total / count;
    }
    remove(prefix);
}

static bool have_valgrind(void)
{
#ifdef HAVE_CALLGRIND
    return system("valgrind --version >/dev/null 2>&1") == 0;
#else
    return false;
#endif
}

/* ---- Main --------------------------------------------------------------------------- */

struct size_result {
    size_t n;
    long file_bytes;
    double parse_ms, load_ms, check_ms, hash_load_ms, hash_parse_ms;
    double ns[N_OPS], ir[N_OPS];
    double ir_parse, ir_load;
    double tput1, tput2;
    long rss_before_kb, rss_peak_kb;
};

static void machine_line(void)
{
    struct utsname u;
    char model[256] = "unknown CPU";
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f))
            if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
                snprintf(model, sizeof model, "%s", strchr(line, ':') + 2);
                model[strcspn(model, "\n")] = '\0';
                break;
            }
        fclose(f);
    }
    uname(&u);
    emit("machine: %s, %ld CPUs online, %s %s %s, libyaml %s\n", model,
         sysconf(_SC_NPROCESSORS_ONLN), u.sysname, u.release, u.machine,
         yaml_get_version_string());
}

/* Best-of-reps wall time of fn in ms. */
#define BEST_MS(reps, setup, body)                                                           \
    ({                                                                                       \
        double best_ = 1e30;                                                                 \
        for (int r_ = 0; r_ < (reps); r_++) {                                                \
            setup;                                                                           \
            double t0_ = now_s();                                                            \
            body;                                                                            \
            double dt_ = now_s() - t0_;                                                      \
            if (dt_ < best_)                                                                 \
                best_ = dt_;                                                                 \
        }                                                                                    \
        best_ * 1e3;                                                                         \
    })

int main(int argc, char **argv)
{
    const char *dir = "bench", *out = NULL;
    size_t sizes[MAX_SIZES] = {100, 10000, 20000, 100000};
    size_t n_sizes = 4;
    bool quick = false;

    ssize_t sl = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
    if (sl > 0)
        self_path[sl] = '\0';
    else
        snprintf(self_path, sizeof self_path, "%s", argv[0]);

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--callgrind-child") && i + 2 < argc)
            return callgrind_child(argv[i + 1], (size_t)strtoul(argv[i + 2], NULL, 10));
        if (!strcmp(argv[i], "--threads-child") && i + 4 < argc)
            return threads_child(argv[i + 1], (size_t)strtoul(argv[i + 2], NULL, 10),
                                 atoi(argv[i + 3]), atof(argv[i + 4]));
        if (!strcmp(argv[i], "--rss-child") && i + 1 < argc)
            return rss_child(argv[i + 1]);
        if (!strcmp(argv[i], "--alias-child") && i + 2 < argc)
            return bench_alias_child(argv[i + 1], argv[i + 2]);
        if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--quick"))
            quick = true;
        else if (!strcmp(argv[i], "--sizes") && i + 1 < argc) {
            n_sizes = 0;
            for (char *p = argv[++i]; *p && n_sizes < MAX_SIZES;) {
                sizes[n_sizes++] = (size_t)strtoul(p, &p, 10);
                if (*p == ',')
                    p++;
                else
                    break;
            }
        } else {
            fprintf(stderr, "usage: lsaemu-bench [--dir DIR] [--out FILE] [--sizes N,N,...] "
                            "[--quick]\n");
            return 2;
        }
    }
    char out_path[4200];
    if (!out)
        snprintf(out_path, sizeof out_path, "%s/results.txt", dir);
    else
        snprintf(out_path, sizeof out_path, "%s", out);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        die("cannot create %s: %s", dir, strerror(errno));

    bool cg = have_valgrind();
    double t_start = now_s();
    static struct size_result res[MAX_SIZES];
    const double op_s = quick ? 0.05 : 0.2;
    const int op_reps = quick ? 1 : 3;

    for (size_t s = 0; s < n_sizes; s++) {
        struct size_result *r = &res[s];
        size_t n = r->n = sizes[s];
        char path[4200], hpath[4200];
        policy_path(path, sizeof path, dir, n, false);
        policy_path(hpath, sizeof hpath, dir, n, true);
        fprintf(stderr, "lsaemu-bench: %zu accounts: generating\n", n);
        if (bench_gen_policy(path, n, false) != 0 || bench_gen_policy(hpath, n, true) != 0)
            die("cannot write %s", path);
        struct stat st;
        stat(path, &st);
        r->file_bytes = (long)st.st_size;

        /* 1. Load against the bare parse, alternating so drift hits both. */
        fprintf(stderr, "lsaemu-bench: %zu accounts: load\n", n);
        int reps = n <= 1000 ? 50 : n <= 10000 ? 7 : 3;
        if (quick)
            reps = reps > 3 ? 3 : 1;
        r->parse_ms = r->load_ms = r->hash_load_ms = r->hash_parse_ms = 1e30;
        for (int k = 0; k < reps; k++) {
            double a = BEST_MS(1, (void)0, bare_parse(path));
            double b = BEST_MS(1, load_tiny(), load_or_die(path));
            double c = BEST_MS(1, (void)0, bare_parse(hpath));
            double d = BEST_MS(1, load_tiny(), load_or_die(hpath));
            if (a < r->parse_ms)
                r->parse_ms = a;
            if (b < r->load_ms)
                r->load_ms = b;
            if (c < r->hash_parse_ms)
                r->hash_parse_ms = c;
            if (d < r->hash_load_ms)
                r->hash_load_ms = d;
        }
        r->check_ms = BEST_MS(quick ? 1 : (reps > 3 ? 3 : reps), (void)0, ({
                                  int errors = 0;
                                  if (lsaemu_check_policy_file(path, count_report, &errors) != 0)
                                      die("%s does not validate", path);
                              }));

        /* 2. ns per call on this policy. */
        fprintf(stderr, "lsaemu-bench: %zu accounts: calls\n", n);
        load_tiny();
        load_or_die(path);
        struct calls c;
        calls_open(&c, n / 2);
        for (size_t o = 0; o < N_OPS; o++) {
            if (ops[o].fn(&c) != 0) {
                r->ns[o] = -1;
                fprintf(stderr, "lsaemu-bench: %s fails: %s\n", ops[o].name,
                        lsaemu_last_reason());
                continue;
            }
            r->ns[o] = time_op(&ops[o], &c, op_s, op_reps);
        }
        calls_close(&c);

        /* 4. Threads. */
        fprintf(stderr, "lsaemu-bench: %zu accounts: threads\n", n);
        /* Best of alternated runs, as for the other figures: on a shared
         * machine a single run is at the mercy of whoever else runs. */
        r->tput1 = r->tput2 = 0;
        for (int k = 0; k < (quick ? 1 : 3); k++) {
            double t1 = throughput(1, n, quick ? 0.2 : 0.4);
            double t2 = throughput(2, n, quick ? 0.2 : 0.4);
            r->tput1 = t1 > r->tput1 ? t1 : r->tput1;
            r->tput2 = t2 > r->tput2 ? t2 : r->tput2;
        }

        /* 2b. Instructions under callgrind, in a child. */
        for (size_t o = 0; o < N_OPS; o++)
            r->ir[o] = -1;
        r->ir_parse = r->ir_load = -1;
        if (cg) {
            fprintf(stderr, "lsaemu-bench: %zu accounts: callgrind\n", n);
            char prefix[4300], cmd[13000];
            snprintf(prefix, sizeof prefix, "%s/callgrind-%zu.out", dir, n);
            snprintf(cmd, sizeof cmd,
                     "valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file='%s' "
                     "'%s' --callgrind-child '%s' %zu >'%s/callgrind-%zu.log' 2>&1",
                     prefix, self_path, path, n, dir, n);
            if (system(cmd) != 0)
                fprintf(stderr, "lsaemu-bench: callgrind run failed, see %s/callgrind-%zu.log\n",
                        dir, n);
            read_callgrind(prefix, r->ir, &r->ir_parse, &r->ir_load);
        }

        /* 5. Peak RSS of a fresh process loading the policy. */
        char cmd[9000];
        snprintf(cmd, sizeof cmd, "'%s' --rss-child '%s'", self_path, path);
        FILE *p = popen(cmd, "r");
        r->rss_before_kb = r->rss_peak_kb = -1;
        if (!p || fscanf(p, "%ld %ld", &r->rss_before_kb, &r->rss_peak_kb) != 2)
            fprintf(stderr, "lsaemu-bench: the RSS child failed\n");
        if (p)
            pclose(p);
    }
    if (bench_enum_measure(dir, quick) != 0)
        fprintf(stderr, "lsaemu-bench: section 6 has failed calls\n");
    bench_alias_run(dir, self_path, quick);
    bench_alias_shape_run(dir, self_path, quick);
    load_tiny();

    out_file = fopen(out_path, "w");
    if (!out_file)
        die("cannot write %s: %s", out_path, strerror(errno));
    time_t now = time(NULL);
    char when[64];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", gmtime(&now));
    emit("lsaemu-bench, %s%s\n", when, quick ? " (--quick)" : "");
    machine_line();
    emit("\n1. Policy load vs libyaml's bare event parse of the same file (best of runs,\n"
         "   both read the file; load = lsaemu_load_policy_file, parse+build+finish)\n");
    emit("%9s %9s %10s %10s %7s %12s %7s | %14s %7s\n", "accounts", "file KB", "parse ms",
         "load ms", "ratio", "validate ms", "ratio", "nt_hash load", "ratio");
    for (size_t s = 0; s < n_sizes; s++) {
        struct size_result *r = &res[s];
        emit("%9zu %9.0f %10.3f %10.3f %6.2fx %12.3f %6.2fx | %11.3f ms %6.2fx\n", r->n,
             r->file_bytes / 1024.0, r->parse_ms, r->load_ms, r->load_ms / r->parse_ms,
             r->check_ms, r->check_ms / r->parse_ms, r->hash_load_ms,
             r->hash_load_ms / r->hash_parse_ms);
    }
    if (cg) {
        emit("   instructions (callgrind):\n");
        for (size_t s = 0; s < n_sizes; s++)
            if (res[s].ir_load > 0)
                emit("%9zu %19s %.0f parse, %.0f load: %.2fx\n", res[s].n, "", res[s].ir_parse,
                     res[s].ir_load, res[s].ir_load / res[s].ir_parse);
    }

    emit("\n2-3. Per call, on the policy with N accounts: ns (wall, best of runs) and "
         "instructions\n     (callgrind, mean of 200 calls after 20 warm-up calls)\n");
    emit("%-34s", "call");
    for (size_t s = 0; s < n_sizes; s++)
        emit(" %8zu: ns %9s", res[s].n, "Ir");
    emit(" %10s\n", "Ir growth");
    for (size_t o = 0; o < N_OPS; o++) {
        emit("%-34s", ops[o].name);
        for (size_t s = 0; s < n_sizes; s++) {
            if (res[s].ns[o] < 0)
                emit(" %12s", "failed");
            else
                emit(" %12.0f", res[s].ns[o]);
            if (res[s].ir[o] < 0)
                emit(" %9s", "n/a");
            else
                emit(" %9.0f", res[s].ir[o]);
        }
        if (n_sizes > 1 && res[0].ir[o] > 0 && res[n_sizes - 1].ir[o] > 0)
            emit(" %9.3fx\n", res[n_sizes - 1].ir[o] / res[0].ir[o]);
        else if (n_sizes > 1 && res[0].ns[o] > 0 && res[n_sizes - 1].ns[o] > 0)
            emit(" %7.2fx ns\n", res[n_sizes - 1].ns[o] / res[0].ns[o]);
        else
            emit(" %10s\n", "n/a");
    }

    emit("\n4. LsaLogonUser cycles per second, each thread on its own LSA handle\n");
    emit("%9s %14s %14s %9s\n", "accounts", "1 thread", "2 threads", "speed-up");
    for (size_t s = 0; s < n_sizes; s++)
        emit("%9zu %14.0f %14.0f %8.2fx\n", res[s].n, res[s].tput1, res[s].tput2,
             res[s].tput2 / res[s].tput1);

    emit("\n5. Peak RSS of a fresh process loading the policy (getrusage ru_maxrss)\n");
    emit("%9s %10s %12s %12s %14s %10s %10s\n", "accounts", "file KB", "before KB", "peak KB",
         "B per account", "peak/file", "added/file");
    for (size_t s = 0; s < n_sizes; s++) {
        struct size_result *r = &res[s];
        double added = (double)(r->rss_peak_kb - r->rss_before_kb) * 1024.0;
        emit("%9zu %10.0f %12ld %12ld %14.0f %9.2fx %9.2fx\n", r->n, r->file_bytes / 1024.0,
             r->rss_before_kb, r->rss_peak_kb, added / (double)r->n,
             r->rss_peak_kb * 1024.0 / (double)r->file_bytes, added / (double)r->file_bytes);
    }
    bench_enum_report(out_file);
    bench_alias_print(emit);
    bench_alias_shape_print(emit);
    emit("\ntotal bench time %.1f s\n", now_s() - t_start);
    fclose(out_file);
    fprintf(stderr, "lsaemu-bench: table written to %s\n", out_path);
    return 0;
}
