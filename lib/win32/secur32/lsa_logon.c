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
    const struct package *pkg;
    const void *buf;
    ULONG len;
};

/* The user the submit buffer names (malloc'd), or NULL. */
static char *peek_user(void *ctx)
{
    const struct peek_ctx *pc = ctx;
    return pc->pkg ? submit_peek_user(pc->pkg->kind, pc->buf, pc->len) : NULL;
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
    const struct package *pkg = package_by_id(AuthenticationPackage);
    /* The user name is read ahead of the checks only for the faults and the
     * trace; without either, reading it twice is wasted work. */
    struct peek_ctx pc = {pkg, AuthenticationInformation, AuthenticationInformationLength};
    char *peek;
    NTSTATUS st = api_enter_peek(&c, "LsaLogonUser", peek_user, &pc, &peek);
    mem_free(peek);
    struct wspan shown = {NULL, 0};
    if (trace_enabled() && pkg)
        submit_peek_span(pkg->kind, AuthenticationInformation, AuthenticationInformationLength,
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
        st = STATUS_NO_SUCH_PACKAGE;
        reason_set("no authentication package has id %lu (registered: %s)",
                   (unsigned long)AuthenticationPackage, package_names());
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
    st = submit_parse(pkg->kind, AuthenticationInformation, AuthenticationInformationLength,
                      &fields);
    if (st != STATUS_SUCCESS)
        goto out;
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
