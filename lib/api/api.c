/* SPDX-License-Identifier: MIT */
/* Entry and exit of every emulated call (see api.h). */
#include "api.h"

#include "core/faults.h"
#include "core/reason.h"
#include "core/status.h"
#include "trace.h"

NTSTATUS api_enter(struct api_call *c, const char *fn, const char *account)
{
    c->fn = fn;
    c->pol = NULL;
    if (current_acquire(&c->pol) != 0) {
        reason_set("the policy named by LSAEMU_POLICY could not be loaded (the error was "
                   "printed on stderr); every call fails until a policy loads");
        return STATUS_INTERNAL_DB_ERROR;
    }
    int32_t st;
    if (faults_check(c->pol, fn, account, &st)) {
        const char *name = status_name(st);
        reason_set("injected fault: the policy's faults: list makes %s fail with %s (0x%08X)",
                   fn, name ? name : "this status", (unsigned)st);
        return st;
    }
    return STATUS_SUCCESS;
}

NTSTATUS api_leave(struct api_call *c, NTSTATUS st)
{
    if (c->pol)
        current_release(c->pol);
    c->pol = NULL;
    trace_call(c->fn, st, reason_get());
    api_note_status(st);
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
    trace_call(c->fn, st, note);
    return st;
}
