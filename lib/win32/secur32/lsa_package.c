/* SPDX-License-Identifier: MIT */
/*
 * LsaLookupAuthenticationPackage and the package table (behavior.md 3.4,
 * 12.11): the three built-in packages, then those the policy declares.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "core/diag/reason.h"
#include "win32/secur32/packages.h"
#include "core/diag/trace.h"

static const struct package packages[] = {
    {NEGOSSP_NAME_A, "Negotiate", GUESS_PACKAGE_ID_NEGOTIATE, AUTH_NEGOTIATE, NULL},
    {MICROSOFT_KERBEROS_NAME_A, "Kerberos", GUESS_PACKAGE_ID_KERBEROS, AUTH_KERBEROS, NULL},
    {MSV1_0_PACKAGE_NAME, "NTLM", GUESS_PACKAGE_ID_MSV1_0, AUTH_MSV1_0, NULL},
};

#define N_PACKAGES (sizeof packages / sizeof packages[0])

/* The declared package i of pol as a struct package. */
static void custom_package(const struct policy *pol, size_t i, struct package *out)
{
    const struct policy_package *pk = &pol->packages[i];
    out->name = pk->name;
    out->session_name = pk->name;
    out->id = GUESS_CUSTOM_PACKAGE_FIRST_ID + (ULONG)i;
    out->kind = AUTH_CUSTOM;
    out->custom = pk;
}

bool package_by_id(const struct policy *pol, ULONG id, struct package *out)
{
    for (size_t i = 0; i < N_PACKAGES; i++) {
        if (packages[i].id == id) {
            *out = packages[i];
            return true;
        }
    }
    if (pol && id >= GUESS_CUSTOM_PACKAGE_FIRST_ID &&
        id - GUESS_CUSTOM_PACKAGE_FIRST_ID < pol->n_packages) {
        custom_package(pol, id - GUESS_CUSTOM_PACKAGE_FIRST_ID, out);
        return true;
    }
    return false;
}

static bool name_matches(const char *p, const char *name, size_t len)
{
    if (strlen(p) != len)
        return false;
    return GUESS_PACKAGE_NAMES_CASE_INSENSITIVE ? strncasecmp(p, name, len) == 0
                                                : strncmp(p, name, len) == 0;
}

/* The package with this name (bytes, not terminated) into *out; false when
 * there is none. */
static bool package_by_name(const struct policy *pol, const char *name, size_t len,
                            struct package *out)
{
    for (size_t i = 0; i < N_PACKAGES; i++) {
        if (name_matches(packages[i].name, name, len)) {
            *out = packages[i];
            return true;
        }
    }
    for (size_t i = 0; i < pol->n_packages; i++) {
        if (name_matches(pol->packages[i].name, name, len)) {
            custom_package(pol, i, out);
            return true;
        }
    }
    return false;
}

const char *package_names(const struct policy *pol, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < N_PACKAGES + (pol ? pol->n_packages : 0) && used + 1 < size; i++) {
        const char *n = i < N_PACKAGES ? packages[i].name : pol->packages[i - N_PACKAGES].name;
        int k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", n);
        if (k < 0)
            break;
        used += (size_t)k < size - used ? (size_t)k : size - used - 1;
    }
    return buf;
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaLookupAuthenticationPackage(HANDLE LsaHandle,
                                                            PLSA_STRING PackageName,
                                                            PULONG AuthenticationPackage)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaLookupAuthenticationPackage", NULL);
    trace_args("%p, \"%.*s\"", LsaHandle,
               PackageName && PackageName->Buffer ? (int)PackageName->Length : 0,
               PackageName && PackageName->Buffer ? PackageName->Buffer : "");
    if (st != STATUS_SUCCESS)
        goto out;
    if (!handles_copy((uintptr_t)LsaHandle, HANDLE_LSA_CONNECTION, NULL, 0, NULL)) {
        st = GUESS_BAD_LSA_HANDLE_STATUS;
        reason_set("%p is not an open LSA connection handle", LsaHandle);
        goto out;
    }
    /* Deviation: Windows faults on NULL pointers; lsaemu answers instead. */
    if (!PackageName || !AuthenticationPackage || (PackageName->Length && !PackageName->Buffer)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("PackageName or AuthenticationPackage is NULL");
        goto out;
    }
    if (PackageName->Length > 127) {
        st = STATUS_NAME_TOO_LONG;
        reason_set("package names are limited to 127 bytes (got %u)", PackageName->Length);
        goto out;
    }
    struct package p;
    if (!package_by_name(c.pol, PackageName->Buffer, PackageName->Length, &p)) {
        char names[512];
        st = STATUS_NO_SUCH_PACKAGE;
        reason_set("no authentication package named '%.*s' (registered: %s)",
                   (int)PackageName->Length, PackageName->Buffer,
                   package_names(c.pol, names, sizeof names));
        goto out;
    }
    *AuthenticationPackage = p.id;
    reason_set("package %s has id %lu%s", p.name, (unsigned long)p.id,
               p.custom ? " (declared by the policy's packages:)" : "");
out:
    return api_leave(&c, st);
}
