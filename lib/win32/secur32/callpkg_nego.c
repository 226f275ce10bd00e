/* SPDX-License-Identifier: MIT */
/*
 * Negotiate's NegGetCallerName (behavior.md 12.9): "DOMAIN\user" of a logon
 * session, the caller's own for LogonId 0. .NET's
 * DirectoryContext.GetLoggedOnDomain asks it through LsaConnectUntrusted
 * and reads ProtocolStatus STATUS_NO_SUCH_LOGON_SESSION as "no logged-on
 * domain" (K13).
 */
#include <stddef.h>
#include <string.h>

#include "base/utf.h"
#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "core/state/sessions.h"
#include "win32/caller.h"
#include "win32/secur32/callpkg.h"

/* The session the request names, with a reference (session_unref), or NULL
 * with the protocol status in *ps and the reason set. */
static struct logon_session *named_session(const struct callpkg_request *req, LUID id,
                                           NTSTATUS *ps)
{
    struct caller who;
    struct logon_session *s = NULL;
    *ps = STATUS_NO_SUCH_LOGON_SESSION;
    if (!caller_get(req->pol, &who))
        return NULL;
    struct luid target = {id.LowPart, id.HighPart};
    bool own = (id.LowPart == 0 && id.HighPart == 0) || luid_equal(target, who.token->auth_id);
    if (own)
        target = who.token->auth_id;
    if (!own && !who.tcb) {
        *ps = GUESS_CALLER_NAME_OTHER_SESSION_STATUS;
        reason_set("%s: naming logon session %08lx:%08lx, which is not the caller's own, needs "
                   "SeTcbPrivilege enabled; %s %s",
                   req->message_name, (long)id.HighPart, (unsigned long)id.LowPart, who.name,
                   who.tcb_held ? "has not enabled it" : "does not hold it");
        goto out;
    }
    s = session_find(target);
    if (!s) {
        reason_set("%s: no logon session %08lx:%08lx", req->message_name, (long)target.high,
                   (unsigned long)target.low);
        goto out;
    }
    /* SYSTEM's session reads as zero (behavior.md 3.10): no user name. */
    if (s->zeroed || !s->user_name || !*s->user_name) {
        reason_set("%s: logon session %08lx:%08lx has no user name", req->message_name,
                   (long)target.high, (unsigned long)target.low);
        session_unref(s);
        s = NULL;
        goto out;
    }
    *ps = STATUS_SUCCESS;
out:
    caller_put(&who);
    return s;
}

NTSTATUS callpkg_nego_caller_name(const struct callpkg_request *req, struct callpkg_answer *ans)
{
    NEGOTIATE_CALLER_NAME_REQUEST r;
    if (req->len < sizeof r) {
        reason_set("%s needs %zu bytes, got %lu", req->message_name, sizeof r,
                   (unsigned long)req->len);
        return STATUS_INVALID_PARAMETER;
    }
    memcpy(&r, req->buf, sizeof r);
    struct logon_session *s = named_session(req, r.LogonId, &ans->protocol_status);
    if (!s)
        return STATUS_SUCCESS;
    const char *domain = s->domain ? s->domain : "";
    size_t nd = utf8_to_utf16(domain, NULL, 0), nu = utf8_to_utf16(s->user_name, NULL, 0);
    size_t size = sizeof(NEGOTIATE_CALLER_NAME_RESPONSE) + (nd + 1 + nu + 1) * 2;
    NEGOTIATE_CALLER_NAME_RESPONSE *resp = retbuf_new(size);
    if (!resp) {
        session_unref(s);
        reason_set("out of memory allocating the response");
        return STATUS_NO_MEMORY;
    }
    uint16_t *name = (uint16_t *)(resp + 1);
    utf8_to_utf16(domain, name, nd);
    name[nd] = '\\';
    utf8_to_utf16(s->user_name, name + nd + 1, nu);
    name[nd + 1 + nu] = 0;
    resp->MessageType = NegGetCallerName;
    resp->CallerName = (PWSTR)name;
    reason_set("%s: %s\\%s", req->message_name, domain, s->user_name);
    session_unref(s);
    if (retbuf_publish(resp, RETBUF_LSA_RETURN, size) != 0) {
        retbuf_discard(resp);
        reason_set("out of memory allocating the response");
        return STATUS_NO_MEMORY;
    }
    ans->buffer = resp;
    ans->length = (ULONG)size;
    return STATUS_SUCCESS;
}
