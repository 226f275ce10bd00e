/* SPDX-License-Identifier: MIT */
/* Entry and exit of every emulated call (see api.h). */
#include "win32/api.h"

#include <string.h>

#include "core/engine/guesses.h"
#include "core/state/faults.h"
#include "core/diag/leaks.h"
#include "core/diag/reason.h"
#include "core/model/status.h"
#include "core/diag/trace.h"
#include "base/utf.h"

static NTSTATUS broken_policy(void)
{
    reason_set("%s (printed on stderr); every call fails until a policy loads",
               current_broken_why());
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

/*
 * In the Windows DLL the last error is the thread's real one, which the
 * call has set by now, and the trace's writes are system calls that may
 * change it: it is kept across them.
 */
#ifdef _WIN32
#define KEEP_LAST_ERROR DWORD kept_last_error = GetLastError()
#define RESTORE_LAST_ERROR SetLastError(kept_last_error)
#else
#define KEEP_LAST_ERROR
#define RESTORE_LAST_ERROR
#endif

/* Releases what api_enter() took. */
static void leave(struct api_call *c)
{
    if (c->pol)
        current_release(c->pol);
    c->pol = NULL;
    leaks_leave(c->outer);
}

NTSTATUS api_leave(struct api_call *c, NTSTATUS st)
{
    KEEP_LAST_ERROR;
    leave(c);
    trace_call(c->fn, st, reason_get());
    reason_note_status(st);
    RESTORE_LAST_ERROR;
    return st;
}

BOOL api_leave_bool_as(struct api_call *c, NTSTATUS st, BOOL ok)
{
    KEEP_LAST_ERROR;
    leave(c);
    /* A plain success shows no error: what the last error holds then is
     * the caller's, left alone (GUESS_SUCCESS_LEAVES_LAST_ERROR). */
    trace_call_bool(c->fn, st, reason_get(), ok != FALSE,
                    ok && st == STATUS_SUCCESS ? 0 : api_last_error());
    reason_note_status(st);
    RESTORE_LAST_ERROR;
    return ok;
}

BOOL api_leave_bool(struct api_call *c, NTSTATUS st)
{
    return api_leave_bool_as(c, st, api_bool_result(st));
}

BOOL api_leave_bool_clear(struct api_call *c, NTSTATUS st)
{
    return api_leave_bool_as(c, st, api_bool_result_clear(st));
}

BOOL api_leave_bool_quiet(struct api_call *c, const char *note)
{
    /* A success leaves the last error alone (GUESS_SUCCESS_LEAVES_LAST_ERROR). */
    if (!GUESS_SUCCESS_LEAVES_LAST_ERROR)
        api_set_last_error(ERROR_SUCCESS);
    KEEP_LAST_ERROR;
    leave(c);
    trace_call_bool(c->fn, STATUS_SUCCESS, note, true, 0);
    RESTORE_LAST_ERROR;
    return TRUE;
}

BOOL api_bool_result(NTSTATUS st)
{
    if (NT_SUCCESS(st) && st != STATUS_NOT_ALL_ASSIGNED) {
        if (!GUESS_SUCCESS_LEAVES_LAST_ERROR)
            api_set_last_error(ERROR_SUCCESS);
        return TRUE;
    }
    api_set_last_error(status_to_win32(st));
    return NT_SUCCESS(st);
}

BOOL api_bool_result_clear(NTSTATUS st)
{
    if (NT_SUCCESS(st) && st != STATUS_NOT_ALL_ASSIGNED) {
        api_set_last_error(ERROR_SUCCESS);
        return TRUE;
    }
    return api_bool_result(st);
}

NTSTATUS api_leave_quiet(struct api_call *c, NTSTATUS st, const char *note)
{
    if (st != STATUS_SUCCESS)
        return api_leave(c, st);
    KEEP_LAST_ERROR;
    leave(c);
    trace_call(c->fn, st, note);
    RESTORE_LAST_ERROR;
    return st;
}

/*
 * Copies a UTF-8 name into a caller's buffer of *size characters, as UTF-16
 * (wide) or UTF-8 bytes (the ANSI code page is UTF-8). On success *size is
 * the length, plus one when with_nul (GetUserName counts the NUL). Too
 * small (or no buffer): *size becomes the size needed including the NUL,
 * and too_small is the error. Returns the NTSTATUS for the trace.
 */
NTSTATUS api_give_name(const char *name, bool wide, void *buf, LPDWORD size, DWORD too_small,
                       bool with_nul, BOOL *ok)
{
    size_t need = wide ? utf8_to_utf16(name, NULL, 0) : strlen(name);
    *ok = FALSE;
    if (!size) {
        api_set_last_error(ERROR_INVALID_PARAMETER);
        reason_set("the size argument is NULL (Deviation: Windows would fault)");
        return STATUS_INVALID_PARAMETER;
    }
    if (!buf || *size < need + 1) {
        *size = (DWORD)(need + 1);
        api_set_last_error(too_small);
        reason_set("the buffer holds fewer than the %zu characters needed", need + 1);
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (wide) {
        utf8_to_utf16(name, buf, need);
        ((uint16_t *)buf)[need] = 0;
    } else {
        memcpy(buf, name, need + 1);
    }
    *size = (DWORD)(with_nul ? need + 1 : need);
    /* GetUserName leaves the last error alone on success (i13-facts A5). */
    if (!GUESS_SUCCESS_LEAVES_LAST_ERROR)
        api_set_last_error(ERROR_SUCCESS);
    *ok = TRUE;
    return STATUS_SUCCESS;
}
