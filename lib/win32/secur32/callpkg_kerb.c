/* SPDX-License-Identifier: MIT */
/*
 * Kerberos ticket-cache messages (behavior.md 3.6). lsaemu emulates no KDC,
 * so every cache is empty; what is emulated is who may look at which logon
 * session's cache: one's own (LogonId 0 or the caller's session) always,
 * another one only with SeTcbPrivilege enabled (D34), and a session that
 * does not exist is the package's STATUS_NO_SUCH_LOGON_SESSION (F10).
 */
#include <stddef.h>
#include <string.h>

#include "win32/caller.h"
#include "win32/secur32/callpkg.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "core/state/sessions.h"

/* Decides whether the caller may name session id; returns the protocol
 * status (0 = allowed). */
static NTSTATUS check_session(const struct callpkg_request *req, LUID id)
{
    struct caller who;
    NTSTATUS ps = STATUS_SUCCESS;
    if (!caller_get(req->pol, &who))
        return STATUS_NO_SUCH_LOGON_SESSION;
    struct luid target = {id.LowPart, id.HighPart};
    bool own = (id.LowPart == 0 && id.HighPart == 0) || luid_equal(target, who.token->auth_id);
    if (own)
        target = who.token->auth_id;
    if (!own && !who.tcb) {
        ps = STATUS_PRIVILEGE_NOT_HELD;
        reason_set("%s: naming logon session %08lx:%08lx, which is not the caller's own, needs "
                   "SeTcbPrivilege enabled; %s %s",
                   req->message_name, (long)id.HighPart, (unsigned long)id.LowPart, who.name,
                   who.tcb_held ? "has not enabled it" : "does not hold it");
        goto out;
    }
    struct logon_session *s = session_find(target);
    if (!s) {
        ps = STATUS_NO_SUCH_LOGON_SESSION;
        reason_set("%s: no logon session %08lx:%08lx", req->message_name, (long)target.high,
                   (unsigned long)target.low);
        goto out;
    }
    session_unref(s);
    reason_set("%s: logon session %08lx:%08lx has no Kerberos tickets (lsaemu emulates no KDC)",
               req->message_name, (long)target.high, (unsigned long)target.low);
out:
    caller_put(&who);
    return ps;
}

NTSTATUS callpkg_kerb_query_cache(const struct callpkg_request *req, struct callpkg_answer *ans)
{
    KERB_QUERY_TKT_CACHE_REQUEST r;
    if (req->len < sizeof r) {
        reason_set("%s needs %zu bytes, got %lu", req->message_name, sizeof r,
                   (unsigned long)req->len);
        return STATUS_INVALID_PARAMETER;
    }
    memcpy(&r, req->buf, sizeof r);
    ans->protocol_status = check_session(req, r.LogonId);
    if (ans->protocol_status != STATUS_SUCCESS)
        return STATUS_SUCCESS;
    /* Every response shape starts MessageType, CountOfTickets. */
    size_t size = offsetof(KERB_QUERY_TKT_CACHE_RESPONSE, Tickets);
    KERB_QUERY_TKT_CACHE_RESPONSE *resp = retbuf_new(size);
    if (resp) {
        resp->MessageType = (KERB_PROTOCOL_MESSAGE_TYPE)req->message;
        resp->CountOfTickets = 0;
        if (retbuf_publish(resp, RETBUF_LSA_RETURN, size) != 0) {
            retbuf_discard(resp);
            resp = NULL;
        }
    }
    if (!resp) {
        reason_set("out of memory allocating the response");
        return STATUS_NO_MEMORY;
    }
    ans->buffer = resp;
    ans->length = (ULONG)size;
    return STATUS_SUCCESS;
}

NTSTATUS callpkg_kerb_purge_cache(const struct callpkg_request *req, struct callpkg_answer *ans)
{
    size_t need = req->message == KerbPurgeTicketCacheMessage
                      ? sizeof(KERB_PURGE_TKT_CACHE_REQUEST)
                      : offsetof(KERB_PURGE_TKT_CACHE_EX_REQUEST, TicketTemplate);
    if (req->len < need) {
        reason_set("%s needs %zu bytes, got %lu", req->message_name, need,
                   (unsigned long)req->len);
        return STATUS_INVALID_PARAMETER;
    }
    LUID id;
    memcpy(&id, (const unsigned char *)req->buf + offsetof(KERB_PURGE_TKT_CACHE_REQUEST, LogonId),
           sizeof id);
    ans->protocol_status = check_session(req, id);
    return STATUS_SUCCESS;
}
