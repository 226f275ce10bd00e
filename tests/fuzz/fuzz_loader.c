/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the YAML policy loader. The input is a policy text; it goes
 * through loader_load_string (lsaemu_load_policy_*) and loader_check_string
 * (lsaemu validate). Beyond not crashing, the two must agree: a text that
 * loads has no validation error, and a text that does not load has at least
 * one. A policy that loads is also written back (the writer of
 * lsaemu_save_policy_file) and must load again.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "loader/loader.h"
#include "loader/writer.h"

static void count_error(const struct lsaemu_error *e, void *ctx)
{
    (void)e;
    (*(int *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lsaemu_error err;
    struct policy *pol = loader_load_string((const char *)data, size, "fuzz", &err);
    int reported = 0;
    int n = loader_check_string((const char *)data, size, "fuzz", count_error, &reported);
    FUZZ_ASSERT(n == reported);
    FUZZ_ASSERT(pol ? n == 0 : n > 0);
    if (pol) {
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        FUZZ_ASSERT(f != NULL);
        int wrote = policy_write_yaml(pol, f);
        FUZZ_ASSERT(fclose(f) == 0);
        FUZZ_ASSERT(wrote == 0);
        struct policy *again = loader_load_string(text, len, "fuzz-saved", &err);
        if (!again)
            fprintf(stderr, "saved policy does not load: %d:%d: %s\n%s\n", err.line,
                    err.column, err.text, text);
        FUZZ_ASSERT(again != NULL);
        policy_unref(again);
        free(text);
        policy_unref(pol);
    }
    return 0;
}
