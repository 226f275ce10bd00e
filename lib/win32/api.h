/* SPDX-License-Identifier: MIT */
/*
 * Shared plumbing of the Windows-shaped functions.
 *
 * Every emulated function begins with api_enter(), which takes a reference
 * to the policy in force (or meets the broken-environment state) and checks
 * the injected faults, and ends with api_leave(), which releases the policy
 * and writes the trace line. Functions are defined with LSAEMU_EXPORT.
 */
#ifndef LSAEMU_WIN32_API_H
#define LSAEMU_WIN32_API_H

#include <stdbool.h>
#include <stdint.h>

#include "base/win.h"
#include <ntsecapi.h>

#include "base/export.h"
#include "core/state/current.h"
#include "core/model/policy.h"

/*
 * The name inside lsaemu of a kernel32 function that lsaemu replaces for the
 * program and also calls itself for what is not its own (CloseHandle of a
 * system handle, GetProcAddress of a system function). In the Windows DLL
 * such a function is defined as lsaemu_w_NAME and exported as NAME
 * (tools/gen-def.sh), so that NAME in lsaemu's own code stays kernel32's;
 * natively it is NAME.
 */
#ifdef _WIN32
#define LSAEMU_W(name) lsaemu_w_##name
#else
#define LSAEMU_W(name) name
#endif
#ifdef _WIN32
BOOL WINAPI lsaemu_w_CloseHandle(HANDLE hObject);
FARPROC WINAPI lsaemu_w_GetProcAddress(HMODULE hModule, LPCSTR lpProcName);
#endif

struct api_call {
    const char *fn;
    struct policy *pol; /* referenced; NULL in the broken state */
    const char *outer;  /* the call this one is nested in (leaks_enter) */
};

/*
 * Starts a call of function fn. account is the account name the call names
 * (for `faults: account:`), or NULL. Returns 0 to proceed, or the status the
 * call must fail with: STATUS_INTERNAL_DB_ERROR when LSAEMU_POLICY is broken,
 * or an injected fault's status. The reason is set in both cases.
 */
NTSTATUS api_enter(struct api_call *c, const char *fn, const char *account);
/*
 * As api_enter(), for a call whose account name costs work to find: peek(ctx)
 * is called only when the policy has a fault for fn, and its answer (a name
 * allocated with mem_malloc, or NULL) is left in *account for the caller to
 * free with mem_free().
 */
NTSTATUS api_enter_peek(struct api_call *c, const char *fn, char *(*peek)(void *ctx), void *ctx,
                        char **account);

/* Ends the call: releases the policy, traces fn with its result and this
 * thread's reason, returns st. */
NTSTATUS api_leave(struct api_call *c, NTSTATUS st);

/*
 * As api_leave for housekeeping that succeeded (closing a handle, freeing a
 * buffer): the trace shows note, and this thread's reason keeps explaining
 * the last real decision, so that code that cleans up before it reports a
 * failure still reports the right reason.
 */
NTSTATUS api_leave_quiet(struct api_call *c, NTSTATUS st, const char *note);

/* Thread-local last error (GetLastError/SetLastError). */
void api_set_last_error(DWORD code);
DWORD api_last_error(void);

/*
 * Copies a UTF-8 name into a caller's buffer of *size characters, as UTF-16
 * (wide) or UTF-8 bytes (the ANSI code page is UTF-8), for the Get*Name
 * functions. On success *size is the length, plus one when with_nul
 * (GetUserName counts the NUL). Too small (or no buffer): *size becomes the
 * size needed including the NUL, and too_small is the last error. Sets the
 * last error and the reason, and *ok; returns the NTSTATUS for the trace.
 */
NTSTATUS api_give_name(const char *name, bool wide, void *buf, LPDWORD size, DWORD too_small,
                       bool with_nul, BOOL *ok);

/*
 * For BOOL functions: sets the last error to the Win32 mapping of st and
 * returns FALSE; for success returns TRUE and leaves the last error as it
 * was (GUESS_SUCCESS_LEAVES_LAST_ERROR, i13-facts A5: GetTokenInformation,
 * AllocateAndInitializeSid, GetUserName ... leave it). STATUS_NOT_ALL_ASSIGNED
 * is TRUE with ERROR_NOT_ALL_ASSIGNED.
 */
BOOL api_bool_result(NTSTATUS st);
/* The same for the few functions Windows documents to set the last error on
 * success too (AdjustTokenPrivileges: 0, or 1300): success sets it to 0. */
BOOL api_bool_result_clear(NTSTATUS st);

/*
 * Ends the call of a BOOL function: sets the BOOL and the last error from
 * st as api_bool_result() does, then ends the call as api_leave() does,
 * the trace line showing them too ("-> FALSE (1385
 * ERROR_LOGON_TYPE_NOT_GRANTED)"). Returns the BOOL.
 */
BOOL api_leave_bool(struct api_call *c, NTSTATUS st);
/* The same for a BOOL function that set its own last error: the line
 * shows ok and the last error as they stand. Returns ok. */
BOOL api_leave_bool_as(struct api_call *c, NTSTATUS st, BOOL ok);
/* api_leave_bool() with api_bool_result_clear(): a success sets the last
 * error to 0 (AdjustTokenPrivileges, EqualDomainSid). */
BOOL api_leave_bool_clear(struct api_call *c, NTSTATUS st);
/* api_leave_quiet() for a BOOL function whose housekeeping succeeded:
 * returns TRUE, the last error left as it was (api_bool_result()). */
BOOL api_leave_bool_quiet(struct api_call *c, const char *note);

#endif
