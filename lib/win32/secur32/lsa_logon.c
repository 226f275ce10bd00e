/* SPDX-License-Identifier: MIT */
/*
 * LsaLogonUser (behavior.md 3.5): checks in Windows' order up to the submit
 * buffer, then the shared logon path of logon_core.c.
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "win32/secur32/connection.h"
#include "core/diag/reason.h"
#include "win32/secur32/logon_core.h"
#include "core/diag/trace.h"

/* SECURITY_LOGON_TYPE values LsaLogonUser accepts: 2..13 but Proxy (6). */
static bool logon_type_defined(ULONG t)
{
    return t >= Interactive && t <= CachedUnlock && t != Proxy;
}

struct peek_ctx {
    const struct api_call *call; /* its policy is held when the peek runs */
    ULONG package;
    const void *buf;
    ULONG len;
};

/* The user the submit buffer names (malloc'd), or NULL. */
static char *peek_user(void *ctx)
{
    const struct peek_ctx *pc = ctx;
    struct package pkg;
    if (!package_by_id(pc->call->pol, pc->package, &pkg))
        return NULL;
    return submit_peek_user(&pkg, pc->buf, pc->len);
}


LSAEMU_EXPORT NTSTATUS NTAPI LsaLogonUser(HANDLE LsaHandle, PLSA_STRING OriginName,
                                          SECURITY_LOGON_TYPE LogonType,
                                          ULONG AuthenticationPackage,
                                          PVOID AuthenticationInformation,
                                          ULONG AuthenticationInformationLength,
                                          PTOKEN_GROUPS LocalGroups, PTOKEN_SOURCE SourceContext,
                                          PVOID *ProfileBuffer, PULONG ProfileBufferLength,
                                          PLUID LogonId, PHANDLE Token, PQUOTA_LIMITS Quotas,
                                          PNTSTATUS SubStatus)
{
    struct api_call c;
    /* The user name is read ahead of the checks only for the faults and the
     * trace; without either, reading it twice is wasted work. */
    struct peek_ctx pc = {&c, AuthenticationPackage, AuthenticationInformation,
                          AuthenticationInformationLength};
    char *peek;
    NTSTATUS st = api_enter_peek(&c, "LsaLogonUser", peek_user, &pc, &peek);
    mem_free(peek);
    /* The packages the policy declares count only with a policy. */
    struct package pkgv;
    const struct package *pkg =
        package_by_id(c.pol, AuthenticationPackage, &pkgv) ? &pkgv : NULL;
    struct wspan shown = {NULL, 0};
    if (trace_enabled() && pkg)
        submit_peek_span(pkg, AuthenticationInformation, AuthenticationInformationLength,
                         &shown);
    trace_args("%p, type %d (%s), package %lu (%s), user \"%s\", password <redacted>, "
               "LocalGroups %p",
               LsaHandle, (int)LogonType, trace_logon_type_name((unsigned)LogonType),
               (unsigned long)AuthenticationPackage, pkg ? pkg->name : "unknown",
               shown.p ? trace_wstr(shown.p, shown.n) : "", (void *)LocalGroups);

    /* Outputs are defined on every path: nothing is left from an earlier
     * call when this one fails (behavior.md 3.5, outputs on failure). */
    if (ProfileBuffer)
        *ProfileBuffer = NULL;
    if (ProfileBufferLength)
        *ProfileBufferLength = 0;
    if (Token)
        *Token = NULL;
    if (LogonId)
        memset(LogonId, 0, sizeof *LogonId);
    if (Quotas)
        memset(Quotas, 0, sizeof *Quotas);
    if (SubStatus)
        *SubStatus = STATUS_SUCCESS;
    if (st != STATUS_SUCCESS)
        goto out;

    /* Deviation: Windows faults on NULL pointers; lsaemu answers instead. */
    if (!OriginName || !SourceContext || !ProfileBuffer || !ProfileBufferLength || !LogonId ||
        !Token || !Quotas || !SubStatus) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("a required pointer argument (OriginName, SourceContext or an output) is "
                   "NULL");
        goto out;
    }
    struct lsa_connection conn;
    if (!handles_copy((uintptr_t)LsaHandle, HANDLE_LSA_CONNECTION, &conn, sizeof conn, NULL)) {
        st = GUESS_BAD_LSA_HANDLE_STATUS;
        reason_set("%p is not an open LSA connection handle", LsaHandle);
        goto out;
    }
    if (c.pol->require_logon_process && !conn.trusted) {
        st = STATUS_NOT_LOGON_PROCESS;
        reason_set("options.require_logon_process is on and this handle came from "
                   "LsaConnectUntrusted; call LsaRegisterLogonProcess first");
        goto out;
    }
    if (!pkg) {
        char names[512];
        st = STATUS_NO_SUCH_PACKAGE;
        reason_set("no authentication package has id %lu (registered: %s)",
                   (unsigned long)AuthenticationPackage,
                   package_names(c.pol, names, sizeof names));
        goto out;
    }
    if (!logon_type_defined((ULONG)LogonType)) {
        st = GUESS_UNDEFINED_LOGON_TYPE_STATUS;
        reason_set("%d is not a logon type LsaLogonUser accepts (2-13 except Proxy 6)",
                   (int)LogonType);
        goto out;
    }
    /* The TCB test for LocalGroups comes before the buffer is read
     * (behavior.md 3.5 step 4 before step 5). */
    struct submit fields;
    struct logon_call call = {
        .pol = c.pol,
        .package = pkg,
        .logon_type = (unsigned)LogonType,
        .fields = &fields,
        .local_groups = LocalGroups,
        .source = SourceContext,
        .logon_process = conn.logon_process,
        .want_profile = true,
    };
    st = logon_check_local_groups(c.pol, LocalGroups);
    if (st != STATUS_SUCCESS)
        goto out;
    st = submit_parse(pkg, AuthenticationInformation, AuthenticationInformationLength, &fields);
    if (st != STATUS_SUCCESS)
        goto out;
    /* behavior.md 3.5 step 7, 12.11: a declared package accepts the logon
     * types its declaration lists. */
    if (pkg->custom && !(pkg->custom->logon_types & (1u << (unsigned)LogonType))) {
        st = GUESS_CUSTOM_PACKAGE_TYPE_STATUS;
        reason_set("package %s does not accept logon type %d (%s) (packages: logon_types)",
                   pkg->name, (int)LogonType, trace_logon_type_name((unsigned)LogonType));
        goto out;
    }
    struct logon_out res;
    st = logon_core(&call, &res);
    *SubStatus = res.substatus;
    if (st != STATUS_SUCCESS)
        goto out;
    *Token = res.token;
    *ProfileBuffer = res.profile;
    *ProfileBufferLength = res.profile_len;
    *LogonId = res.logon_id;
    *Quotas = res.quotas;
out:
    return api_leave(&c, st);
}
