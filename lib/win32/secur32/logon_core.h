/* SPDX-License-Identifier: MIT */
/*
 * The part of a logon shared by LsaLogonUser and the LogonUser family:
 * from parsed credentials to a logon session, a token handle, a profile and
 * quotas (behavior.md 3.5 steps 4 and 8-12, outputs).
 */
#ifndef LSAEMU_WIN32_SECUR32_LOGON_CORE_H
#define LSAEMU_WIN32_SECUR32_LOGON_CORE_H

#include <stdbool.h>

#include "win32/api.h"
#include "win32/secur32/lsa_logon_buffer.h"
#include "win32/secur32/packages.h"

struct logon_call {
    const struct policy *pol;
    const struct package *package;
    unsigned logon_type;
    const struct submit *fields;
    const TOKEN_GROUPS *local_groups;
    /* LogonUser's own LocalGroups (logon SID, LOCAL): advapi32 passes them
     * through LSA-internal trust, so no TCB check applies. */
    bool local_groups_internal;
    const TOKEN_SOURCE *source;
    const char *logon_process; /* "" when unregistered */
    bool want_profile;
    bool want_logon_sid; /* LogonUserEx's ppLogonSid */
};

struct logon_out {
    NTSTATUS substatus;
    HANDLE token;
    LUID logon_id;
    void *profile;   /* LsaFreeReturnBuffer */
    ULONG profile_len;
    void *logon_sid; /* LocalFree; when asked for and the token has one */
    QUOTA_LIMITS quotas;
};

/*
 * D5: LocalGroups needs SeTcbPrivilege enabled in the caller's effective
 * token. Returns 0 when groups is NULL or the caller has it; otherwise
 * GUESS_LOCAL_GROUPS_WITHOUT_TCB_STATUS with the reason set.
 */
NTSTATUS logon_check_local_groups(const struct policy *pol, const TOKEN_GROUPS *groups);

/*
 * Performs the logon. On success every output is set; on failure none is
 * (token NULL, profile NULL, no session left) except substatus. The reason
 * is set either way. The logon session, the token handle and the buffers
 * are built privately and published together just before the return
 * (publish.h): a concurrent lsaemu_reset() frees all of them or none, and
 * nothing of them is reachable by a reset while it is being filled.
 */
NTSTATUS logon_core(const struct logon_call *c, struct logon_out *o);

#endif
