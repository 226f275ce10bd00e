/* SPDX-License-Identifier: MIT */
/*
 * The authentication packages the emulated LSA has registered, with the ids
 * LsaLookupAuthenticationPackage hands out (guesses.h: registration order
 * Negotiate, Kerberos, MSV1_0), followed by the packages the policy in
 * force declares (behavior.md 12.11), in its order.
 */
#ifndef LSAEMU_WIN32_SECUR32_PACKAGES_H
#define LSAEMU_WIN32_SECUR32_PACKAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "win32/api.h"
#include "core/engine/engine.h"

struct package {
    const char *name;         /* the ANSI name LsaLookupAuthenticationPackage takes */
    const char *session_name; /* AuthenticationPackage in session data */
    ULONG id;
    enum auth_package kind;
    /* AUTH_CUSTOM: the policy's declaration (borrowed from the policy the
     * call holds), else NULL. */
    const struct policy_package *custom;
};

/* The package with this id under policy pol into *out (whose strings are
 * static or borrowed from pol); false when there is none. */
bool package_by_id(const struct policy *pol, ULONG id, struct package *out);
/* "Negotiate, Kerberos, MICROSOFT_AUTHENTICATION_PACKAGE_V1_0" and the
 * declared ones, for reasons, into buf (cut to size). */
const char *package_names(const struct policy *pol, char *buf, size_t size);

#endif
