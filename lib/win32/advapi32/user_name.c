/* SPDX-License-Identifier: MIT */
/*
 * The caller's name: GetUserNameA/W (winbase.h), from the effective token
 * and the policy in force; traced and fault-injectable like every call.
 */
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/model/status.h"
#include "core/model/wellknown.h"
#include "core/state/current.h"
#include "win32/api.h"

static BOOL get_user_name(const char *fn, bool wide, void *buf, LPDWORD size)
{
    struct api_call c;
    BOOL ok = FALSE;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("%p, %p", buf, (void *)size);
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
        return api_leave_bool_as(&c, st, FALSE);
    }
    /* The thread's token when impersonating, as GetUserName does. */
    struct token *t = current_caller_token();
    const char *name = NULL;
    if (t) {
        const struct account *a = policy_find_account_sid(c.pol, &t->user);
        const struct wellknown_sid *w = a ? NULL : wellknown_by_sid(&t->user);
        name = a ? a->name : w ? w->name : NULL;
    }
    if (!name) {
        api_set_last_error(ERROR_NONE_MAPPED);
        reason_set("the caller's token names no account of the policy");
        st = STATUS_NONE_MAPPED;
    } else {
        st = api_give_name(name, wide, buf, size, ERROR_INSUFFICIENT_BUFFER, true, &ok);
        if (ok)
            reason_set("the caller's token belongs to '%s'", name);
    }
    if (t)
        token_unref(t);
    return api_leave_bool_as(&c, st, ok);
}

LSAEMU_EXPORT BOOL WINAPI GetUserNameW(LPWSTR lpBuffer, LPDWORD pcbBuffer)
{
    return get_user_name("GetUserNameW", true, lpBuffer, pcbBuffer);
}

LSAEMU_EXPORT BOOL WINAPI GetUserNameA(LPSTR lpBuffer, LPDWORD pcbBuffer)
{
    return get_user_name("GetUserNameA", false, lpBuffer, pcbBuffer);
}
