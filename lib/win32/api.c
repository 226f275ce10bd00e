/* SPDX-License-Identifier: MIT */
/* Entry and exit of every emulated call (see api.h). */
#include "win32/api.h"

#include <string.h>

#include "core/state/faults.h"
#include "core/diag/leaks.h"
#include "core/diag/reason.h"
#include "core/model/status.h"
#include "core/diag/trace.h"

static NTSTATUS broken_policy(void)
{
    reason_set("the policy named by LSAEMU_POLICY could not be loaded (the error was "
               "printed on stderr); every call fails until a policy loads");
    return STATUS_INTERNAL_DB_ERROR;
}

/* The injected fault for this call, if any (reason set), else 0. */
static NTSTATUS check_faults(struct api_call *c, const char *fn, const char *account)
{
    int32_t st;
    if (faults_check(c->pol, fn, account, &st)) {
        const char *name = status_name(st);
        reason_set("injected fault: the policy's faults: list makes %s fail with %s (0x%08X)",
                   fn, name ? name : "this status", (unsigned)st);
        return st;
    }
    return STATUS_SUCCESS;
}

NTSTATUS api_enter(struct api_call *c, const char *fn, const char *account)
{
    c->fn = fn;
    c->pol = NULL;
    c->outer = leaks_enter(fn);
    if (current_acquire(&c->pol) != 0)
        return broken_policy();
    return check_faults(c, fn, account);
}

NTSTATUS api_enter_peek(struct api_call *c, const char *fn, char *(*peek)(void *ctx), void *ctx,
                        char **account)
{
    *account = NULL;
    c->fn = fn;
    c->pol = NULL;
    c->outer = leaks_enter(fn);
    if (current_acquire(&c->pol) != 0)
        return broken_policy();
    /* faults_check() does nothing for a function no fault names, so the
     * account is needed only when one does. */
    bool named = false;
    for (size_t i = 0; i < c->pol->n_faults && !named; i++)
        named = strcmp(c->pol->faults[i].call, fn) == 0;
    if (!named)
        return STATUS_SUCCESS;
    *account = peek(ctx);
    return check_faults(c, fn, *account);
}

NTSTATUS api_leave(struct api_call *c, NTSTATUS st)
{
    if (c->pol)
        current_release(c->pol);
    c->pol = NULL;
    leaks_leave(c->outer);
    trace_call(c->fn, st, reason_get());
    reason_note_status(st);
    return st;
}

BOOL api_bool_result(NTSTATUS st)
{
    if (NT_SUCCESS(st) && st != STATUS_NOT_ALL_ASSIGNED) {
        api_set_last_error(ERROR_SUCCESS);
        return TRUE;
    }
    api_set_last_error(status_to_win32(st));
    return NT_SUCCESS(st);
}

NTSTATUS api_leave_quiet(struct api_call *c, NTSTATUS st, const char *note)
{
    if (st != STATUS_SUCCESS)
        return api_leave(c, st);
    if (c->pol)
        current_release(c->pol);
    c->pol = NULL;
    leaks_leave(c->outer);
    trace_call(c->fn, st, note);
    return st;
}
