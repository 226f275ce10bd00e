/* SPDX-License-Identifier: MIT */
/*
 * The policies `make bench` loads: one machine with n accounts, n/10 groups
 * and rights whose holder lists grow with n, written into the build tree.
 * Deterministic, so every run (and every machine) reads the same bytes.
 */
#include "bench.h"

#include <stdio.h>

/* Account names are u0000000 .. ; the bench logs on as bench_user(n). */
void bench_user_name(size_t i, char *buf, size_t size)
{
    snprintf(buf, size, "u%07zu", i);
}

void bench_password(size_t i, char *buf, size_t size)
{
    snprintf(buf, size, "Pw-%07zu!", i);
}

int bench_gen_policy(const char *path, size_t n, bool hashes)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    size_t n_groups = n / 10 ? n / 10 : 1;
    /* Holders per proportional right: 1 % of the accounts, at least 2. */
    size_t n_holders = n / 100 > 2 ? n / 100 : 2;
    fprintf(f, "lsaemu: 1\n"
               "machine:\n"
               "  name: BENCH\n"
               "  sid: S-1-5-21-1111-2222-3333\n"
               "  time: \"2026-11-21T10:00:00Z\"\n"
               "base: workstation\n"
               "options:\n"
               "  blank_password_console_only: true\n"
               "groups:\n");
    for (size_t g = 0; g < n_groups; g++)
        fprintf(f, "  g%06zu: { description: \"bench group %zu\" }\n", g, g);
    fprintf(f, "accounts:\n");
    for (size_t i = 0; i < n; i++) {
        char name[32], pw[32];
        bench_user_name(i, name, sizeof name);
        bench_password(i, pw, sizeof pw);
        fprintf(f, "  %s:\n", name);
        if (hashes)
            /* Any 32 hex digits: the hash-only variant measures the load
             * without MD4; nobody logs on to it. */
            fprintf(f, "    nt_hash: %08zx%024x\n", i, 0);
        else
            fprintf(f, "    password: \"%s\"\n", pw);
        fprintf(f, "    groups: [Users, g%06zu]\n", i % n_groups);
        if (i % 4 == 0)
            fprintf(f, "    full_name: \"Bench User %zu\"\n", i);
        if (i % 50 == 7)
            fprintf(f, "    disabled: true\n");
        if (i % 100 == 13)
            fprintf(f, "    workstations: [PC%zu, PC%zu]\n", i, i + 1);
        if (i % 200 == 17)
            fprintf(f, "    logon_hours: [\"Mon-Fri 08:00-18:00\"]\n");
    }
    /* Rights the bench logon does not depend on, with holder lists that grow
     * with the policy; SeInteractiveLogonRight keeps its stock holders. */
    static const char *const rights[] = {"SeBatchLogonRight", "SeServiceLogonRight",
                                         "SeDenyNetworkLogonRight", "SeBackupPrivilege"};
    fprintf(f, "rights:\n");
    for (size_t r = 0; r < sizeof rights / sizeof rights[0]; r++) {
        fprintf(f, "  %s:\n", rights[r]);
        fprintf(f, "    - Administrators\n");
        for (size_t k = 0; k < n_holders; k++) {
            char name[32];
            if (k % 2)
                snprintf(name, sizeof name, "g%06zu", (k * 7 + r) % n_groups);
            else
                bench_user_name((k * 13 + r * 3 + 1) % n, name, sizeof name);
            fprintf(f, "    - %s\n", name);
        }
    }
    fprintf(f, "processes:\n"
               "  default: { account: SYSTEM }\n");
    int rc = ferror(f) ? -1 : 0;
    if (fclose(f) != 0)
        rc = -1;
    return rc;
}
