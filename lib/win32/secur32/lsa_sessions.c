/* SPDX-License-Identifier: MIT */
/*
 * Logon-session queries and the LSA's return buffers (behavior.md 3.7,
 * 3.9, 3.10): LsaEnumerateLogonSessions, LsaGetLogonSessionData and
 * LsaFreeReturnBuffer.
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "win32/caller.h"
#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/state/retbuf.h"
#include "core/state/sessions.h"
#include "win32/secur32/lsa_profile.h"
#include "core/diag/trace.h"
#include "base/utf.h"

#define NEVER 0x7FFFFFFFFFFFFFFFLL

LSAEMU_EXPORT NTSTATUS NTAPI LsaFreeReturnBuffer(PVOID Buffer)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaFreeReturnBuffer", NULL);
    trace_args("%p", Buffer);
    if (st != STATUS_SUCCESS)
        goto out;
    if (!Buffer) {
        st = GUESS_FREE_NULL_STATUS;
        if (st == STATUS_SUCCESS)
            return api_leave_quiet(&c, st, "nothing to free");
        reason_set("LsaFreeReturnBuffer(NULL)");
        goto out;
    }
    if (retbuf_free(Buffer, RETBUF_LSA_RETURN) != 0) {
        st = GUESS_FREE_FOREIGN_STATUS;
        reason_set("%p is not a live buffer returned by the LSA (never returned, already freed, "
                   "or to be freed with %s)",
                   Buffer,
                   retbuf_is(Buffer, RETBUF_LSA_MEMORY) ? "LsaFreeMemory"
                   : retbuf_is(Buffer, RETBUF_LOCAL)    ? "LocalFree"
                                                        : "another function");
        goto out;
    }
    return api_leave_quiet(&c, st, "buffer freed");
out:
    return api_leave(&c, st);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaEnumerateLogonSessions(PULONG LogonSessionCount,
                                                       PLUID *LogonSessionList)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "LsaEnumerateLogonSessions", NULL);
    struct luid *ids = NULL;
    size_t n = 0;
    if (LogonSessionCount)
        *LogonSessionCount = 0;
    if (LogonSessionList)
        *LogonSessionList = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!LogonSessionCount || !LogonSessionList) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("LogonSessionCount or LogonSessionList is NULL");
        goto out;
    }
    if (session_list(&ids, &n) != 0) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory listing the sessions");
        goto out;
    }
    LUID *list = retbuf_new(n * sizeof(LUID));
    if (!list) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory allocating the session list");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        list[i].LowPart = ids[i].low;
        list[i].HighPart = ids[i].high;
    }
    if (retbuf_publish(list, RETBUF_LSA_RETURN, n * sizeof(LUID)) != 0) {
        retbuf_discard(list);
        st = STATUS_NO_MEMORY;
        reason_set("out of memory allocating the session list");
        goto out;
    }
    *LogonSessionList = list;
    *LogonSessionCount = (ULONG)n;
    reason_set("%zu logon sessions (no access check: GUESS_ENUMERATE_SESSIONS_NO_ACCESS_CHECK)",
               n);
out:
    mem_free(ids);
    return api_leave(&c, st);
}

static size_t units(const char *s)
{
    return s ? utf8_to_utf16(s, NULL, 0) : 0;
}

static void put(LSA_UNICODE_STRING *us, const char *s, unsigned char **cursor)
{
    size_t n = units(s);
    if (n > 0x7FFF)
        n = 0;
    us->Length = us->MaximumLength = (USHORT)(n * 2);
    us->Buffer = n ? (PWSTR)*cursor : NULL;
    if (n) {
        utf8_to_utf16(s, (uint16_t *)*cursor, n);
        *cursor += n * 2;
    }
}

/* One block, unpublished: the structure, the SID, then the strings. *size
 * receives its size. */
static SECURITY_LOGON_SESSION_DATA *session_data(const struct logon_session *s, size_t *size_out)
{
    const char *str[] = {s->user_name,    s->domain,         s->package,
                         s->logon_server, s->dns_domain,     s->upn,
                         s->logon_script, s->profile_path,   s->home_directory,
                         s->home_directory_drive};
    size_t size = sizeof(SECURITY_LOGON_SESSION_DATA) + sizeof(struct sid);
    for (size_t i = 0; i < sizeof str / sizeof str[0]; i++)
        size += units(str[i]) * 2;
    *size_out = size;
    SECURITY_LOGON_SESSION_DATA *d = retbuf_new(size);
    if (!d)
        return NULL;
    d->Size = sizeof *d;
    d->LogonId.LowPart = s->id.low;
    d->LogonId.HighPart = s->id.high;
    if (s->zeroed && GUESS_SYSTEM_SESSION_DATA_ZEROED)
        return d; /* D10: SYSTEM's session data is zero. */
    unsigned char *cursor = (unsigned char *)(d + 1);
    if (s->has_sid) {
        memcpy(cursor, &s->user_sid, sid_size(&s->user_sid));
        d->Sid = cursor;
        cursor += sizeof(struct sid);
    }
    put(&d->UserName, s->user_name, &cursor);
    put(&d->LogonDomain, s->domain, &cursor);
    put(&d->AuthenticationPackage, s->package, &cursor);
    d->LogonType = s->logon_type;
    d->Session = s->session_id;
    d->LogonTime.QuadPart = profile_filetime(s->logon_time);
    put(&d->LogonServer, s->logon_server, &cursor);
    put(&d->DnsDomainName, s->dns_domain, &cursor);
    put(&d->Upn, s->upn, &cursor);
    put(&d->LogonScript, s->logon_script, &cursor);
    put(&d->ProfilePath, s->profile_path, &cursor);
    put(&d->HomeDirectory, s->home_directory, &cursor);
    put(&d->HomeDirectoryDrive, s->home_directory_drive, &cursor);
    d->LogoffTime.QuadPart = NEVER;
    d->KickOffTime.QuadPart = NEVER;
    d->PasswordMustChange.QuadPart = NEVER;
    return d;
}

/* D10: the owner of the session or a local administrator. */
static bool may_read(const struct caller *who, const struct logon_session *s)
{
    struct sid admins = sid_make2(5, 32, 544);
    struct sid system = sid_make1(5, 18);
    if (s->zeroed)
        return true; /* C090: any caller */
    return (s->has_sid && sid_equal(&who->token->user, &s->user_sid)) ||
           token_has_sid(who->token, &admins) || sid_equal(&who->token->user, &system);
}

LSAEMU_EXPORT NTSTATUS NTAPI LsaGetLogonSessionData(PLUID LogonId,
                                                    PSECURITY_LOGON_SESSION_DATA *ppLogonSessionData)
{
    struct api_call c;
    struct caller who = {0};
    struct logon_session *s = NULL;
    NTSTATUS st = api_enter(&c, "LsaGetLogonSessionData", NULL);
    trace_args("%08lx:%08lx", LogonId ? (long)LogonId->HighPart : 0L,
               LogonId ? (unsigned long)LogonId->LowPart : 0UL);
    if (ppLogonSessionData)
        *ppLogonSessionData = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!LogonId || !ppLogonSessionData) {
        st = STATUS_INVALID_PARAMETER; /* Deviation: Windows faults. */
        reason_set("LogonId or ppLogonSessionData is NULL");
        goto out;
    }
    s = session_find((struct luid){LogonId->LowPart, LogonId->HighPart});
    if (!s) {
        st = GUESS_SESSION_DATA_UNKNOWN_STATUS;
        reason_set("no logon session %08lx:%08lx", (long)LogonId->HighPart,
                   (unsigned long)LogonId->LowPart);
        goto out;
    }
    caller_get(c.pol, &who);
    if (!may_read(&who, s)) {
        st = GUESS_SESSION_DATA_NOT_OWNER_STATUS;
        reason_set("%s neither owns logon session %08lx:%08lx (%s\\%s) nor is an administrator",
                   who.name, (long)LogonId->HighPart, (unsigned long)LogonId->LowPart,
                   s->domain ? s->domain : "", s->user_name ? s->user_name : "");
        goto out;
    }
    size_t size = 0;
    SECURITY_LOGON_SESSION_DATA *d = session_data(s, &size);
    if (d && retbuf_publish(d, RETBUF_LSA_RETURN, size) != 0) {
        retbuf_discard(d);
        d = NULL;
    }
    if (!d) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory allocating the session data");
        goto out;
    }
    *ppLogonSessionData = d;
    reason_set("session data of %s\\%s", s->domain ? s->domain : "",
               s->user_name ? s->user_name : "");
out:
    if (s)
        session_unref(s);
    caller_put(&who);
    return api_leave(&c, st);
}
