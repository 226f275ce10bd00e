/* SPDX-License-Identifier: MIT */
/*
 * LsaLookupAuthenticationPackage and the package table (behavior.md 3.4).
 */
#include <string.h>
#include <strings.h>

#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "core/diag/reason.h"
#include "win32/secur32/packages.h"
#include "core/diag/trace.h"

static const struct package packages[] = {
    {NEGOSSP_NAME_A, "Negotiate", GUESS_PACKAGE_ID_NEGOTIATE, AUTH_NEGOTIATE},
    {MICROSOFT_KERBEROS_NAME_A, "Kerberos", GUESS_PACKAGE_ID_KERBEROS, AUTH_KERBEROS},
    {MSV1_0_PACKAGE_NAME, "NTLM", GUESS_PACKAGE_ID_MSV1_0, AUTH_MSV1_0},
};

#define N_PACKAGES (sizeof packages / sizeof packages[0])

const struct package *package_by_id(ULONG id)
{
    for (size_t i = 0; i < N_PACKAGES; i++)
        if (packages[i].id == id)
            return &packages[i];
    return NULL;
}

/* The package with this name (bytes, not terminated), or NULL. */
static const struct package *package_by_name(const char *name, size_t len)
{
    for (size_t i = 0; i < N_PACKAGES; i++) {
        const char *p = packages[i].name;
        if (strlen(p) != len)
            continue;
        if (GUESS_PACKAGE_NAMES_CASE_INSENSITIVE ? strncasecmp(p, name, len) == 0
                                                 : strncmp(p, name, len) == 0)
            return &packages[i];
    }
    return NULL;
}

const char *package_names(void)
{
    return NEGOSSP_NAME_A ", " MICROSOFT_KERBEROS_NAME_A ", " MSV1_0_PACKAGE_NAME;
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
    const struct package *p = package_by_name(PackageName->Buffer, PackageName->Length);
    if (!p) {
        st = STATUS_NO_SUCH_PACKAGE;
        reason_set("no authentication package named '%.*s' (registered: %s)",
                   (int)PackageName->Length, PackageName->Buffer, package_names());
        goto out;
    }
    *AuthenticationPackage = p->id;
    reason_set("package %s has id %lu", p->name, (unsigned long)p->id);
out:
    return api_leave(&c, st);
}
