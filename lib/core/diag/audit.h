/* SPDX-License-Identifier: MIT */
/*
 * LSAEMU_AUDIT=PATH: the security events a Windows machine would log for
 * the emulated calls, one JSON object per line, with the field names of the
 * Windows event schema (Security log, EventData), so that tests written
 * against real event logs can read them:
 *
 *   4611  a trusted logon process registered (LsaRegisterLogonProcess)
 *   4624  an account logged on          4625  a logon failed
 *   4634  an account logged off (the last token of its session closed)
 *   4672  special privileges assigned to a new logon
 *   4740  a user account was locked out (lockout: in the policy)
 *
 * The file is opened once, at the first event, with O_APPEND; every line is
 * one write(), so lines of concurrent threads and processes never mix. A
 * record is never cut or dropped, whatever the length of its fields, and
 * the strings in it are escaped as JSON requires (lib/core/diag/diag_line.h):
 * every line parses. A file that cannot be opened or written is reported
 * once on stderr and auditing stops (lib/core/diag/diag_out.h).
 * Passwords never reach this module.
 */
#ifndef LSAEMU_CORE_DIAG_AUDIT_H
#define LSAEMU_CORE_DIAG_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model/sid.h"
#include "core/state/token.h"

#define AUDIT_LOGON_PROCESS_REGISTERED 4611
#define AUDIT_LOGON 4624
#define AUDIT_LOGON_FAILED 4625
#define AUDIT_LOGOFF 4634
#define AUDIT_SPECIAL_PRIVILEGES 4672
#define AUDIT_ACCOUNT_LOCKED_OUT 4740

/* One event. Strings may be NULL or "" (written "-", as Windows does). */
struct audit_event {
    unsigned id;
    bool time_fixed;          /* the policy fixes "now": time is used */
    int64_t time;             /* Unix seconds; ignored unless time_fixed */
    const char *user;
    const char *domain;
    const struct sid *user_sid; /* NULL: S-1-0-0, as in a 4625 */
    struct luid logon_id;
    unsigned logon_type;
    const char *logon_process;
    const char *package;
    /* 4625 only. */
    int32_t status;
    int32_t substatus;
    const char *reason;       /* lsaemu's explanation (LsaemuReason) */
    /* 4672 only: names separated by "\n\t\t\t", as Windows renders them. */
    const char *privileges;
    /* 4740 only: the computer the bad passwords came from. */
    const char *caller_computer;
};

/* Is LSAEMU_AUDIT set (and its file open)? Cheap after the first call. */
bool audit_enabled(void);

/* Writes one event line; does nothing when auditing is off. */
void audit_emit(const struct audit_event *e);

/*
 * The 4672 privilege list of t: every privilege of the "special" set
 * (SeTcb, SeDebug, SeBackup, ...) the token holds, enabled or not, in
 * LUID order, into buf. Returns false when it holds none.
 */
bool audit_special_privileges(const struct token *t, char *buf, size_t size);

#endif
