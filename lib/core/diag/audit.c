/* SPDX-License-Identifier: MIT */
/* The audit-event writer (see audit.h). */
#include "core/diag/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/plat_thread.h"
#include "base/plat_time.h"
#include "core/diag/diag_line.h"
#include "core/diag/diag_out.h"
#include "core/model/rights.h"
#include "core/state/sessions.h"

static plat_once_flag audit_once = PLAT_ONCE_INIT;
static struct diag_out audit_out = DIAG_OUT_INIT("LSAEMU_AUDIT", "auditing is off");

static void audit_open(void)
{
    diag_out_open(&audit_out);
}

bool audit_enabled(void)
{
    plat_once(&audit_once, audit_open);
    return diag_out_on(&audit_out);
}

static void put_raw(struct diag_line *l, const char *text)
{
    diag_line_put(l, text, strlen(text));
}

/* A JSON string (diag_line_json()). NULL or "" is "-", the placeholder
 * Windows writes for an empty field. */
static void put_string(struct diag_line *l, const char *s)
{
    if (!s || !*s)
        s = "-";
    put_raw(l, "\"");
    diag_line_json(l, s, strlen(s));
    put_raw(l, "\"");
}

static void put_field(struct diag_line *l, const char *name, const char *value)
{
    diag_line_printf(l, ",\"%s\":", name);
    put_string(l, value);
}

static void put_time(struct diag_line *l, const struct audit_event *e)
{
    int64_t secs;
    long nsec = 0, usec = 0;
    if (e->time_fixed) {
        secs = (int64_t)(time_t)e->time;
    } else {
        plat_realtime(&secs, &nsec);
        usec = nsec / 1000;
    }
    struct tm tm;
    plat_gmtime(secs, &tm);
    char text[64];
    size_t n = strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    /* A fixed time is printed as written in the policy, without a fraction,
     * so golden files stay byte-stable. */
    if (e->time_fixed)
        snprintf(text + n, sizeof text - n, "Z");
    else
        snprintf(text + n, sizeof text - n, ".%06ldZ", usec);
    put_field(l, "TimeCreated", text);
}

/* The 4625 FailureReason text Windows shows for status / substatus. */
static const char *failure_reason(int32_t status, int32_t substatus)
{
    /* The texts of the Windows message table entries 4625 refers to. */
    switch ((uint32_t)status) {
    case 0xC000006Du: /* STATUS_LOGON_FAILURE */
        return "Unknown user name or bad password.";
    case 0xC0000234u: /* STATUS_ACCOUNT_LOCKED_OUT */
        return "Account locked out.";
    case 0xC0000224u: /* STATUS_PASSWORD_MUST_CHANGE */
        return "The specified account's password must be changed at next logon.";
    case 0xC000015Bu: /* STATUS_LOGON_TYPE_NOT_GRANTED */
        return "The user has not been granted the requested logon type at this machine.";
    case 0xC000006Eu: /* STATUS_ACCOUNT_RESTRICTION: the SubStatus says which */
        switch ((uint32_t)substatus) {
        case 0xC000006Fu: return "Account logon time restriction violation.";
        case 0xC0000070u: return "User not allowed to logon at this computer.";
        case 0xC0000071u: return "The specified account's password has expired.";
        case 0xC0000072u: return "Account currently disabled.";
        case 0xC0000193u: return "The specified user account has expired.";
        default: return "User account restriction.";
        }
    default:
        /* Windows' own wording, spelling included. */
        return "An Error occured during Logon.";
    }
}

void audit_emit(const struct audit_event *e)
{
    if (!audit_enabled())
        return;
    /* The line grows to whatever its fields need: a record is never cut
     * or dropped (issue 11). It writes itself out early only when memory
     * runs out, so that even then the record is whole. */
    struct diag_line line;
    struct diag_line *l = &line;
    diag_line_init(l, &audit_out);
    char text[SID_STRING_MAX];
    diag_line_printf(l, "{\"EventID\":%u", e->id);
    put_time(l, e);
    if (e->id == AUDIT_ACCOUNT_LOCKED_OUT) {
        /* 4740 has a schema of its own: the account, and the machine's
         * SYSTEM as the subject that locked it. */
        put_field(l, "TargetUserName", e->user);
        put_field(l, "TargetDomainName", e->domain);
        put_field(l, "TargetSid", e->user_sid ? sid_format(e->user_sid, text) : "S-1-0-0");
        put_field(l, "SubjectUserSid", "S-1-5-18");
        put_field(l, "SubjectLogonId", "0x3e7");
        put_field(l, "CallerComputerName", e->caller_computer);
        goto finish;
    }
    put_field(l, "TargetUserName", e->user);
    put_field(l, "TargetDomainName", e->domain);
    put_field(l, "TargetUserSid", e->user_sid ? sid_format(e->user_sid, text) : "S-1-0-0");
    snprintf(text, sizeof text, "0x%llx",
             (unsigned long long)(((uint64_t)(uint32_t)e->logon_id.high << 32) | e->logon_id.low));
    put_field(l, "TargetLogonId", text);
    diag_line_printf(l, ",\"LogonType\":%u", e->logon_type);
    put_field(l, "LogonProcessName", e->logon_process);
    put_field(l, "AuthenticationPackageName", e->package);
    snprintf(text, sizeof text, "0x%lx", (unsigned long)plat_pid());
    put_field(l, "ProcessId", text);
    if (e->id == AUDIT_LOGON_FAILED) {
        snprintf(text, sizeof text, "0x%08X", (unsigned)e->status);
        put_field(l, "Status", text);
        snprintf(text, sizeof text, "0x%08X", (unsigned)e->substatus);
        put_field(l, "SubStatus", text);
        put_field(l, "FailureReason", failure_reason(e->status, e->substatus));
    }
    if (e->id == AUDIT_SPECIAL_PRIVILEGES)
        put_field(l, "PrivilegeList", e->privileges);
finish:
    if (e->reason && *e->reason)
        put_field(l, "LsaemuReason", e->reason);
    put_raw(l, "}\n");
    /* One write per line: O_APPEND makes it atomic against other writers
     * of the same file. */
    diag_out_write(&audit_out, l->buf, l->len);
    diag_line_free(l);
}

/* The privileges whose assignment Windows announces with event 4672. */
static const int special_privileges[] = {
    RIGHT_SeCreateTokenPrivilege,      RIGHT_SeAssignPrimaryTokenPrivilege,
    RIGHT_SeTcbPrivilege,              RIGHT_SeSecurityPrivilege,
    RIGHT_SeTakeOwnershipPrivilege,    RIGHT_SeLoadDriverPrivilege,
    RIGHT_SeBackupPrivilege,           RIGHT_SeRestorePrivilege,
    RIGHT_SeDebugPrivilege,            RIGHT_SeAuditPrivilege,
    RIGHT_SeSystemEnvironmentPrivilege, RIGHT_SeEnableDelegationPrivilege,
    RIGHT_SeImpersonatePrivilege,
};

static bool is_special(int id)
{
    for (size_t i = 0; i < sizeof special_privileges / sizeof special_privileges[0]; i++)
        if (special_privileges[i] == id)
            return true;
    return false;
}

bool audit_special_privileges(const struct token *t, char *buf, size_t size)
{
    size_t len = 0;
    bool any = false;
    buf[0] = '\0';
    /* privs[] is sorted by LUID, so the list comes out in LUID order. */
    for (size_t i = 0; i < t->n_privs; i++) {
        int id = right_by_luid(t->privs[i].luid);
        if (id < 0 || !is_special(id) || (t->privs[i].attributes & TOK_PRIV_REMOVED))
            continue;
        int n = snprintf(buf + len, size - len, "%s%s", any ? "\n\t\t\t" : "",
                         right_info(id)->name);
        if (n < 0 || (size_t)n >= size - len)
            break;
        len += (size_t)n;
        any = true;
    }
    return any;
}
