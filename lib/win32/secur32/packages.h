/* SPDX-License-Identifier: MIT */
/*
 * The authentication packages the emulated LSA has registered, with the ids
 * LsaLookupAuthenticationPackage hands out (guesses.h: registration order
 * Negotiate, Kerberos, MSV1_0).
 */
#ifndef LSAEMU_WIN32_SECUR32_PACKAGES_H
#define LSAEMU_WIN32_SECUR32_PACKAGES_H

#include <stddef.h>

#include "win32/api.h"
#include "core/engine/engine.h"

struct package {
    const char *name;         /* the ANSI name LsaLookupAuthenticationPackage takes */
    const char *session_name; /* AuthenticationPackage in session data */
    ULONG id;
    enum auth_package kind;
};

/* The package with this id, or NULL. */
const struct package *package_by_id(ULONG id);
/* "Negotiate, Kerberos, MICROSOFT_AUTHENTICATION_PACKAGE_V1_0" for reasons. */
const char *package_names(void);

#endif
