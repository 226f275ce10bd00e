/* SPDX-License-Identifier: MIT */
/*
 * CloseHandle for the kernel-object handles lsaemu gives out (tokens).
 * LSA connection handles and LSA policy handles are not kernel objects:
 * CloseHandle refuses them as Windows does any value that is not a handle
 * in the process's handle table (ERROR_INVALID_HANDLE).
 *
 * Deviation: the SDK says closing the pseudo-handles of GetCurrentProcess()
 * and GetCurrentThread() "has no effect" (Windows answers TRUE); lsaemu
 * answers FALSE with ERROR_INVALID_HANDLE, so that a test that closes one
 * believing it a token notices (tests/check_misuse.c, tests/check_tokens.c).
 * The token pseudo-handles of Windows 8 (GetCurrentProcessToken() and its
 * kin) are closed as Windows closes them: nothing happens and the answer is
 * TRUE (behavior.md 12.2), since code written for them closes them.
 *
 * In the Windows DLL the program's CloseHandle is this one (lsaemu is linked
 * ahead of kernel32): lsaemu's values (handles.c) and the pseudo-handles
 * are answered here, as natively; every other value is the system's and goes
 * to kernel32's CloseHandle, untraced, with its answer and last error.
 */
#include "win32/api.h"
#include "core/state/handles.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "win32/advapi32/token_handle.h"

LSAEMU_EXPORT BOOL WINAPI LSAEMU_W(CloseHandle)(HANDLE hObject)
{
#ifdef _WIN32
    /* -1 and -2: GetCurrentProcess() and GetCurrentThread(); the token
     * pseudo-handles: token_is_pseudo(). */
    intptr_t v = (intptr_t)hObject;
    if (!handles_is_value((uintptr_t)hObject) && v != -1 && v != -2 && !token_is_pseudo(hObject))
        return CloseHandle(hObject);
#endif
    struct api_call c;
    NTSTATUS st = api_enter(&c, "CloseHandle", NULL);
    trace_args("%p", hObject);
    if (st == STATUS_SUCCESS) {
        uintptr_t h = (uintptr_t)hObject;
        /* The common case first: one visit to the handle table. The kind
         * is only looked up to explain a refusal. */
        if (handles_close(h, HANDLE_TOKEN)) {
            return api_leave_bool_quiet(&c, "token handle closed");
        } else if (token_is_pseudo(hObject)) {
            return api_leave_bool_quiet(&c, "a token pseudo-handle: closing it does nothing");
        } else {
            enum handle_kind k = handles_kind(h);
            st = STATUS_INVALID_HANDLE;
            reason_set("%p is not an open kernel-object handle%s", hObject,
                       k == HANDLE_LSA_CONNECTION ? " (it is an LSA connection handle: close it "
                                                    "with LsaDeregisterLogonProcess)"
                       : k == HANDLE_POLICY ? " (it is an LSA policy handle: close it with LsaClose)"
                       : k == HANDLE_PROFILE ? " (it is a user profile handle: release it with "
                                               "UnloadUserProfile)"
                                            : "");
        }
    }
    return api_leave_bool(&c, st);
}
