/* SPDX-License-Identifier: MIT */
/*
 * The pseudo-handles and opening the caller's own tokens (behavior.md 3.15,
 * 3.17): GetCurrentProcess, GetCurrentThread, OpenProcessToken and
 * OpenThreadToken.
 *
 * lsaemu emulates one process and its threads: the only process handle it
 * knows is GetCurrentProcess()'s (HANDLE)-1 and the only thread handle
 * GetCurrentThread()'s (HANDLE)-2. The process token is one shared object,
 * so a privilege enabled through any handle to it is seen by every later
 * decision (LsaRegisterLogonProcess, LocalGroups, ...).
 */
#include "core/engine/guesses.h"
#include "core/state/handles.h"
#include "core/diag/reason.h"
#include "win32/advapi32/token_handle.h"
#include "core/diag/trace.h"

/* In the Windows DLL these are kernel32's, which answer the same values. */
#ifndef _WIN32
LSAEMU_EXPORT HANDLE WINAPI GetCurrentProcess(VOID)
{
    return PSEUDO_PROCESS;
}

LSAEMU_EXPORT HANDLE WINAPI GetCurrentThread(VOID)
{
    return PSEUDO_THREAD;
}
#endif

/* Inserts a handle for t (the reference passes to the table). */
static NTSTATUS give_handle(struct token *t, uint32_t access, PHANDLE out)
{
    uintptr_t h = handles_insert(HANDLE_TOKEN, t, access, NULL);
    if (!h) {
        reason_set("out of memory creating the token handle");
        return STATUS_NO_MEMORY;
    }
    *out = (HANDLE)h;
    return STATUS_SUCCESS;
}

LSAEMU_EXPORT BOOL WINAPI OpenProcessToken(HANDLE ProcessHandle, DWORD DesiredAccess,
                                           PHANDLE TokenHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "OpenProcessToken", NULL);
    char names[256];
    trace_args("%p, %s, %p", ProcessHandle, token_access_names(DesiredAccess, names, sizeof names),
               (void *)TokenHandle);
    if (TokenHandle)
        *TokenHandle = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    /* The kernel probes the output before it looks at the process. */
    if (!TokenHandle) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("TokenHandle is NULL (the kernel's write to it faults)");
        goto out;
    }
    if (ProcessHandle != PSEUDO_PROCESS) {
        st = GUESS_FOREIGN_PROCESS_HANDLE_STATUS;
        reason_set("%p is not a process handle lsaemu knows; only GetCurrentProcess() "
                   "((HANDLE)-1) is emulated",
                   ProcessHandle);
        goto out;
    }
    uint32_t granted;
    st = token_map_access(DesiredAccess, &granted);
    if (st != STATUS_SUCCESS)
        goto out;
    struct token *t = current_process_token();
    if (!t) {
        st = STATUS_INTERNAL_DB_ERROR;
        reason_set("the process has no token");
        goto out;
    }
    st = give_handle(t, granted, TokenHandle);
    if (st == STATUS_SUCCESS)
        reason_set("opened the process token with %s",
                   token_access_names(granted, names, sizeof names));
out:
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI OpenThreadToken(HANDLE ThreadHandle, DWORD DesiredAccess,
                                          BOOL OpenAsSelf, PHANDLE TokenHandle)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, "OpenThreadToken", NULL);
    char names[256];
    trace_args("%p, %s, OpenAsSelf %d, %p", ThreadHandle,
               token_access_names(DesiredAccess, names, sizeof names), (int)OpenAsSelf,
               (void *)TokenHandle);
    struct token *t = NULL;
    if (TokenHandle)
        *TokenHandle = NULL;
    if (st != STATUS_SUCCESS)
        goto out;
    if (!TokenHandle) {
        st = STATUS_ACCESS_VIOLATION;
        reason_set("TokenHandle is NULL (the kernel's write to it faults)");
        goto out;
    }
    if (ThreadHandle != PSEUDO_THREAD) {
        st = GUESS_FOREIGN_PROCESS_HANDLE_STATUS;
        reason_set("%p is not a thread handle lsaemu knows; only GetCurrentThread() "
                   "((HANDLE)-2) is emulated",
                   ThreadHandle);
        goto out;
    }
    t = current_thread_token();
    if (!t) {
        st = STATUS_NO_TOKEN;
        reason_set("the thread is not impersonating (no ImpersonateLoggedOnUser or "
                   "ImpersonateSelf since the last RevertToSelf)");
        goto out;
    }
    /* An anonymous-level token cannot be opened at all. */
    if (t->level == IMP_ANONYMOUS) {
        st = STATUS_CANT_OPEN_ANONYMOUS;
        reason_set("the thread impersonates at SecurityAnonymous level; such a token cannot "
                   "be opened");
        goto out;
    }
    uint32_t granted;
    st = token_map_access(DesiredAccess, &granted);
    if (st != STATUS_SUCCESS)
        goto out;
    st = give_handle(t, granted, TokenHandle);
    t = NULL;
    if (st == STATUS_SUCCESS)
        reason_set("opened the thread's impersonation token with %s",
                   token_access_names(granted, names, sizeof names));
out:
    token_unref(t);
    return api_leave_bool(&c, st);
}
