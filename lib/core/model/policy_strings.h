/* SPDX-License-Identifier: MIT */
/*
 * String storage of a struct policy (policy_strings.c), private to the
 * policy model: owned string fields, the names of accounts and groups packed
 * into per-policy blocks, and the domain strings shared by every local
 * account and group.
 */
#ifndef LSAEMU_CORE_MODEL_POLICY_STRINGS_H
#define LSAEMU_CORE_MODEL_POLICY_STRINGS_H

#include <stdbool.h>

#include "core/model/policy.h"

/* A copy of name in the policy's name blocks (freed with the policy by
 * policy_free_names(), never one by one), or NULL on allocation failure. */
char *policy_intern_name(struct policy *pol, const char *name);
void policy_free_names(struct policy *pol);

/* The shared domain string for sid: "BUILTIN", "NT AUTHORITY" (static),
 * pol->domain.name for a SID of the domain, or pol->local_domain (see
 * local_domain in policy.h). */
char *policy_domain_for(const struct policy *pol, const struct sid *sid);
/* True when d is one of the shared strings (not to be freed by its holder). */
bool policy_shared_domain(const struct policy *pol, const char *d);
/* Points *field at the shared string, freeing a copy it held. */
void policy_set_domain(const struct policy *pol, char **field, char *shared);

#endif
