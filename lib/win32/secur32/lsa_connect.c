/* SPDX-License-Identifier: MIT */
/*
 * Connections to the emulated LSA (behavior.md 2, 3.1-3.3):
 * LsaRegisterLogonProcess (trusted, needs SeTcbPrivilege enabled),
 * LsaConnectUntrusted (anyone) and LsaDeregisterLogonProcess.
 */
#include <stdio.h>
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#include "win32/caller.h"
#include "core/diag/audit.h"
#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "win32/secur32/connection.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"

/* Event 4611: the caller registered as a trusted logon process. The
 * subject is the caller's own identity ("WS1\\svc" split at the backslash). */
static void audit_registered(const struct policy *pol, const struct caller *who, const char *name,
                             size_t len)
{
    char process[128], domain[300];
    snprintf(process, sizeof process, "%.*s", (int)len, name);
    snprintf(domain, sizeof domain, "%s", who->name);
    char *slash = strchr(domain, '\\');
    const char *user = domain;
    if (slash) {
        *slash = '\0';
        user = slash + 1;
    }
    struct audit_event e = {
        .id = AUDIT_LOGON_PROCESS_REGISTERED,
        .time_fixed = pol->has_time,
        .time = current_now(pol),
        .user = user,
        .domain = slash ? domain : NULL,
        .user_sid = &who->token->user,
        .logon_id = who->token->auth_id,
        .logon_type = who->token->logon_type,
        .logon_process = process,
    };
    audit_emit(&e);
}

void lsa_connection_describe(const void *obj, char *out, size_t size)
{
    const struct lsa_connection *c = obj;
    if (c->trusted)
        snprintf(out, size, "logon process \"%s\"", c->logon_process);
    else
        snprintf(out, size, "untrusted");
}

/* Inserts a connection object; 0 with the reason set when memory ran out. */
static uintptr_t new_connection(bool trusted, const char *name, size_t len)
{
    struct lsa_connection *conn = mem_calloc(1, sizeof *conn);
    if (!conn)
        return 0;
    conn->trusted = trusted;
    if (len >= sizeof conn->logon_process)
        len = sizeof conn->logon_process - 1;
    if (len)
        memcpy(conn->logon_process, name, len);
    return handles_insert(HANDLE_LSA_CONNECTION, conn, 0, lsa_connection_describe);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaRegisterLogonProcess(PLSA_STRING LogonProcessName,
                                                     PHANDLE LsaHandle,
                                                     PLSA_OPERATIONAL_MODE SecurityMode)
{
    struct api_call c;
    struct caller who = {0};
    NTSTATUS st = api_enter(&c, "LsaRegisterLogonProcess", NULL);
    trace_args("\"%.*s\"",
               LogonProcessName && LogonProcessName->Buffer ? (int)LogonProcessName->Length : 0,
               LogonProcessName && LogonProcessName->Buffer ? LogonProcessName->Buffer : "");
    if (st != STATUS_SUCCESS)
        goto out;
    /* Deviation: Windows faults on NULL pointers; lsaemu answers instead. */
    if (!LogonProcessName || !LsaHandle || !SecurityMode ||
        (LogonProcessName->Length && !LogonProcessName->Buffer)) {
        st = STATUS_INVALID_PARAMETER;
        reason_set("LogonProcessName, LsaHandle or SecurityMode is NULL");
        goto out;
    }
    *LsaHandle = NULL;
    /* D1: the name is limited to 127 bytes, and (C006) that is checked
     * before the privilege. */
    if (GUESS_REGISTER_NAME_BEFORE_TCB && LogonProcessName->Length > 127) {
        st = STATUS_NAME_TOO_LONG;
        reason_set("logon process names are limited to 127 bytes (got %u)",
                   LogonProcessName->Length);
        goto out;
    }
    caller_get(c.pol, &who);
    bool tcb = GUESS_REGISTER_TCB_MUST_BE_ENABLED ? who.tcb : who.tcb_held;
    if (!tcb) {
        st = STATUS_PORT_CONNECTION_REFUSED;
        reason_set("LsaRegisterLogonProcess needs SeTcbPrivilege enabled in the caller's token; "
                   "%s %s",
                   who.name, who.tcb_held ? "holds it but has not enabled it" : "does not hold it");
        goto out;
    }
    uintptr_t h = new_connection(true, LogonProcessName->Buffer, LogonProcessName->Length);
    if (!h) {
        st = STATUS_INSUFFICIENT_RESOURCES;
        reason_set("out of memory creating the connection");
        goto out;
    }
    *LsaHandle = (HANDLE)h;
    *SecurityMode = GUESS_REGISTER_SECURITY_MODE;
    if (audit_enabled())
        audit_registered(c.pol, &who, LogonProcessName->Buffer, LogonProcessName->Length);
    reason_set("trusted connection for logon process '%.*s' (%s has SeTcbPrivilege enabled)",
               (int)LogonProcessName->Length, LogonProcessName->Buffer, who.name);
out:
    caller_put(&who);
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaConnectUntrusted(PHANDLE LsaHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaConnectUntrusted", NULL);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!LsaHandle) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("LsaHandle is NULL");
        goto out;
    }
    *LsaHandle = NULL;
    uintptr_t h = new_connection(false, NULL, 0);
    if (!h) {
        st = GUESS_CONNECT_OOM_STATUS;
        reason_set("out of memory creating the connection");
        goto out;
    }
    *LsaHandle = (HANDLE)h;
    reason_set("untrusted connection (no check is made on the caller)");
out:
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaDeregisterLogonProcess(HANDLE LsaHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaDeregisterLogonProcess", NULL);
    trace_args("%p", LsaHandle);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!handles_close((uintptr_t)LsaHandle, HANDLE_LSA_CONNECTION)) {
        st = GUESS_BAD_LSA_HANDLE_STATUS;
        reason_set("%p is not an open LSA connection handle", LsaHandle);
        goto out;
    }
    return api_leave_quiet(&c, st, "connection closed");
out:
    return api_leave(&c, st);
}
