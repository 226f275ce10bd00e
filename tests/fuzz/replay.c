/* SPDX-License-Identifier: MIT */
/*
 * Corpus replay without libFuzzer: feeds every file named on the command
 * line (directories are read one level deep) to the linked target's
 * LLVMFuzzerTestOneInput. Without arguments it reads the target's committed
 * corpus, FUZZ_CORPUS (set by Makefile.am), which is how `make check` runs
 * it. A crash, sanitizer report or harness invariant failure fails the test;
 * so does finding no input at all, so a wrong path cannot pass silently.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    int rc = 0;
    for (;;) {
        if (!buf) {
            fprintf(stderr, "%s: out of memory\n", path);
            rc = -1;
            goto out;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        unsigned char *bigger = realloc(buf, cap * 2);
        if (!bigger)
            free(buf);
        buf = bigger;
        cap *= 2;
    }
    if (ferror(f)) {
        perror(path);
        rc = -1;
        goto out;
    }
    /* An exact-size copy, so the sanitizers see any read past the input. */
    unsigned char *exact = malloc(n ? n : 1);
    if (!exact) {
        rc = -1;
        goto out;
    }
    memcpy(exact, buf, n);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
out:
    free(buf);
    fclose(f);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs path, or each regular file of the directory path in name order. */
static int run_path(const char *path, unsigned *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return run_file(path);
    }
    DIR *d = opendir(path);
    if (!d) {
        perror(path);
        return -1;
    }
    char **names = NULL;
    size_t n = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char **more = realloc(names, (n + 1) * sizeof *names);
        if (!more) {
            rc = -1;
            break;
        }
        names = more;
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len))) {
            rc = -1;
            break;
        }
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            (*count)++;
            if (run_file(names[i]) != 0)
                rc = -1;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned count = 0;
    int rc = 0;
    if (argc < 2) {
        rc = run_path(FUZZ_CORPUS, &count);
    } else {
        for (int i = 1; i < argc; i++)
            if (run_path(argv[i], &count) != 0)
                rc = -1;
    }
    printf("%s: %u input(s) replayed\n", argc < 2 ? FUZZ_CORPUS : "replay", count);
    if (count == 0) {
        fprintf(stderr, "no input found\n");
        return 1;
    }
    return rc == 0 ? 0 : 1;
}
