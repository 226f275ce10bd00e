/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the security-template importer (lsaemu import-secedit). The
 * input is a .inf file in any encoding. The problem count must match the
 * reports, and text comes back exactly when there is no problem. When the
 * imported text loads, the policy is exported as a template again.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "loader/loader.h"
#include "loader/secedit.h"

static void count_problem(const struct lsaemu_error *e, void *ctx)
{
    (void)e;
    (*(int *)ctx)++;
}

/* With SECEDIT_STUB_ACCOUNTS every name the template gives is defined, so
 * a text that comes back must load. */
static void stubbed(const uint8_t *data, size_t size)
{
    char *yaml = NULL;
    int reported = 0;
    int n = secedit_import(data, size, "fuzz.inf", SECEDIT_STUB_ACCOUNTS, count_problem,
                           &reported, &yaml);
    FUZZ_ASSERT(n == -1 || n == reported);
    FUZZ_ASSERT((n == 0) == (yaml != NULL));
    if (yaml) {
        struct lsaemu_error err;
        struct policy *pol = loader_load_string(yaml, strlen(yaml), "stubbed", &err);
        FUZZ_ASSERT(pol != NULL);
        policy_unref(pol);
        free(yaml);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *yaml = NULL;
    int reported = 0;
    stubbed(data, size);
    int n = secedit_import(data, size, "fuzz.inf", 0, count_problem, &reported, &yaml);
    FUZZ_ASSERT(n == -1 || n == reported);
    FUZZ_ASSERT((n == 0) == (yaml != NULL));
    if (yaml) {
        struct lsaemu_error err;
        /* A template may name accounts the policy does not define (they
         * are the user's to add), so the text need not load. */
        struct policy *pol = loader_load_string(yaml, strlen(yaml), "imported", &err);
        if (pol) {
            char *out = NULL;
            size_t len = 0;
            FUZZ_ASSERT(secedit_export(pol, &out, &len) == 0);
            free(out);
            policy_unref(pol);
        }
        free(yaml);
    }
    return 0;
}
