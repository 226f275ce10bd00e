/* SPDX-License-Identifier: MIT */
/*
 * CreateProcessAsUserW and CreateProcessWithTokenW with an lsaemu token, in
 * the Windows DLL only (README "Windows binaries under Wine"; the native
 * build has no processes to start and leaves both out).
 *
 * The token is checked as Microsoft's pages describe, in this order: the
 * handle is an open token handle with TOKEN_QUERY, TOKEN_DUPLICATE and
 * TOKEN_ASSIGN_PRIMARY (else ERROR_ACCESS_DENIED, 5; "hToken: ... The handle
 * must have the TOKEN_QUERY, TOKEN_DUPLICATE, and TOKEN_ASSIGN_PRIMARY
 * access rights", learn.microsoft.com, CreateProcessAsUserW and
 * CreateProcessWithTokenW), it is a primary token (else
 * ERROR_BAD_TOKEN_TYPE, 1349: "A handle to the primary token"), and the
 * caller holds the privilege (ERROR_PRIVILEGE_NOT_HELD, 1314):
 * SeAssignPrimaryTokenPrivilege for CreateProcessAsUserW unless the token
 * is assignable (GUESS_CPAU_ASSIGNABLE_SAME_SESSION), SeImpersonatePrivilege
 * for CreateProcessWithTokenW ("must have the SE_IMPERSONATE_NAME
 * privilege").
 *
 * The child is then started with kernel32's CreateProcessW and the
 * environment the caller chose (its own, or lpEnvironment in ANSI or
 * UTF-16) plus LSAEMU_TOKEN=SID;SESSION;PRIVILEGE,...: the token's account,
 * terminal session and enabled privileges. The child's lsaemu reads it at
 * start-up (core/state/current.c) and runs as that account, so the
 * identity crosses the process boundary as the token does on Windows.
 *
 * The token pseudo-handles (GetCurrentProcessToken() ...) are refused with
 * ERROR_INVALID_HANDLE, 6, as on Windows (behavior.md 12.2, observed W3
 * test_create_process_token). Any other handle (Wine's tokens, NULL) goes
 * to Wine's own function unchanged, untraced, with its answer and last
 * error.
 */
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/model/rights.h"
#include "core/model/sid.h"
#include "core/state/current.h"
#include "core/state/handles.h"
#include "win32/advapi32/token_handle.h"
#include "win32/api.h"

#define CREATE_NEED (TOKEN_QUERY | TOKEN_DUPLICATE | TOKEN_ASSIGN_PRIMARY)
#define TOKEN_VAR L"LSAEMU_TOKEN="
#define TOKEN_VAR_LEN 13

typedef BOOL(WINAPI *cpau_fn)(HANDLE, LPCWSTR, LPWSTR, LPSECURITY_ATTRIBUTES,
                              LPSECURITY_ATTRIBUTES, BOOL, DWORD, LPVOID, LPCWSTR,
                              LPSTARTUPINFOW, LPPROCESS_INFORMATION);
typedef BOOL(WINAPI *cpwt_fn)(HANDLE, DWORD, LPCWSTR, LPWSTR, DWORD, LPVOID, LPCWSTR,
                              LPSTARTUPINFOW, LPPROCESS_INFORMATION);

/* Wine's function of that name in advapi32, or NULL. */
static FARPROC system_function(const char *name)
{
    HMODULE m = GetModuleHandleW(L"advapi32.dll");
    if (!m)
        m = LoadLibraryW(L"advapi32.dll");
    return m ? GetProcAddress(m, name) : NULL;
}

/* "SID;SESSION;PRIV,PRIV" for t into buf (the format current.c reads). */
static void describe_token(struct token *t, char *buf, size_t size)
{
    char sid[SID_STRING_MAX];
    int n = snprintf(buf, size, "%s;%u;", sid_format(&t->user, sid), (unsigned)t->session_id);
    size_t used = n > 0 ? (size_t)n : 0;
    bool first = true;
    token_lock(t);
    for (size_t i = 0; i < t->n_privs && used < size; i++) {
        if (!(t->privs[i].attributes & TOK_PRIV_ENABLED))
            continue;
        int id = right_by_luid(t->privs[i].luid);
        if (id < 0)
            continue;
        n = snprintf(buf + used, size - used, "%s%s", first ? "" : ",", right_info(id)->name);
        used += n > 0 ? (size_t)n : 0;
        first = false;
    }
    token_unlock(t);
}

/* Is name=value entry e LSAEMU_TOKEN (the name compared without case, as
 * Windows compares environment names)? */
static bool is_token_var(const WCHAR *e)
{
    return _wcsnicmp(e, TOKEN_VAR, TOKEN_VAR_LEN) == 0;
}

/*
 * The child's environment: src (a UTF-16 block, or NULL for this process's)
 * without any LSAEMU_TOKEN, then LSAEMU_TOKEN=desc. NULL when memory runs
 * out; free with mem_free().
 */
static WCHAR *child_environment(const WCHAR *src, const char *desc)
{
    WCHAR *own = NULL, *out = NULL;
    if (!src) {
        own = GetEnvironmentStringsW();
        if (!own)
            goto out;
        src = own;
    }
    size_t total = 0;
    for (const WCHAR *e = src; *e; e += wcslen(e) + 1)
        total += wcslen(e) + 1;
    size_t dlen = strlen(desc);
    out = mem_malloc((total + TOKEN_VAR_LEN + dlen + 2) * sizeof(WCHAR));
    if (!out)
        goto out;
    WCHAR *w = out;
    for (const WCHAR *e = src; *e; e += wcslen(e) + 1) {
        size_t len = wcslen(e);
        if (is_token_var(e))
            continue;
        memcpy(w, e, (len + 1) * sizeof(WCHAR));
        w += len + 1;
    }
    memcpy(w, TOKEN_VAR, TOKEN_VAR_LEN * sizeof(WCHAR));
    w += TOKEN_VAR_LEN;
    /* The description is ASCII (a SID, digits, privilege names). */
    for (size_t i = 0; i <= dlen; i++)
        *w++ = (WCHAR)(unsigned char)desc[i];
    *w = L'\0';
out:
    if (own)
        FreeEnvironmentStringsW(own);
    return out;
}

/* An ANSI environment block as UTF-16 (NULL on failure; mem_free()). */
static WCHAR *widen_environment(const char *env)
{
    size_t len = 0;
    while (env[len] || env[len + 1])
        len++;
    len += 2; /* the last string's NUL and the block's */
    int n = MultiByteToWideChar(CP_ACP, 0, env, (int)len, NULL, 0);
    if (n <= 0)
        return NULL;
    WCHAR *w = mem_malloc((size_t)n * sizeof(WCHAR));
    if (w && MultiByteToWideChar(CP_ACP, 0, env, (int)len, w, n) != n) {
        mem_free(w);
        w = NULL;
    }
    return w;
}

/*
 * The checks of both functions, in Windows' order, and the start of the
 * child. privilege: the one the caller needs; assignable: whether a token
 * of the caller's own logon session needs none (CreateProcessAsUserW).
 */
static BOOL create_as(const char *fn, HANDLE token, int privilege, bool assignable,
                      LPCWSTR app, LPWSTR cmd, LPSECURITY_ATTRIBUTES pa,
                      LPSECURITY_ATTRIBUTES ta, BOOL inherit, DWORD flags, LPVOID env,
                      LPCWSTR dir, LPSTARTUPINFOW si, LPPROCESS_INFORMATION pi)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("%p, %p, %p, 0x%lx, %p", token, (const void *)app, (void *)cmd,
               (unsigned long)flags, env);
    struct token *t = NULL, *caller = NULL, *own = NULL;
    WCHAR *wide = NULL, *block = NULL;
    DWORD win_error = 0;
    if (st != STATUS_SUCCESS)
        goto out;
    st = token_from_handle(token, CREATE_NEED, fn, &t, NULL);
    if (st != STATUS_SUCCESS)
        goto out;
    if (t->kind != TOKEN_KIND_PRIMARY) {
        st = STATUS_BAD_TOKEN_TYPE;
        reason_set("%p is an impersonation token; %s needs a primary token", token, fn);
        goto out;
    }
    caller = current_caller_token();
    own = current_process_token();
    if (!caller || !own) {
        st = STATUS_INTERNAL_DB_ERROR;
        reason_set("the caller's token is not available");
        goto out;
    }
    bool same_session = GUESS_CPAU_ASSIGNABLE_SAME_SESSION && assignable &&
                        luid_equal(t->auth_id, own->auth_id);
    uint32_t luid = right_info(privilege)->luid;
    bool has = GUESS_CREATE_PROCESS_PRIVILEGE_HELD ? token_priv_held(caller, luid)
                                                   : token_priv_enabled(caller, luid);
    if (!same_session && !has) {
        st = STATUS_PRIVILEGE_NOT_HELD;
        reason_set("the caller's token does not hold %s", right_info(privilege)->name);
        goto out;
    }
    char desc[1024];
    describe_token(t, desc, sizeof desc);
    const WCHAR *src = env;
    if (env && !(flags & CREATE_UNICODE_ENVIRONMENT)) {
        wide = widen_environment(env);
        src = wide;
    }
    block = (!env || src) ? child_environment(src, desc) : NULL;
    if (!block) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory building the child's environment");
        goto out;
    }
    if (!CreateProcessW(app, cmd, pa, ta, inherit, flags | CREATE_UNICODE_ENVIRONMENT, block,
                        dir, si, pi)) {
        /* kernel32's failure (no such program ...) is the caller's answer. */
        win_error = GetLastError();
        st = STATUS_UNSUCCESSFUL;
        reason_set("CreateProcessW failed with error %lu", (unsigned long)win_error);
        goto out;
    }
    reason_set("child %lu runs as %s", (unsigned long)pi->dwProcessId, desc);
out:
    mem_free(block);
    mem_free(wide);
    token_unref(t);
    token_unref(caller);
    token_unref(own);
    if (win_error) {
        BOOL r = api_leave_bool_as(&c, st, FALSE);
        SetLastError(win_error);
        return r;
    }
    return api_leave_bool(&c, st);
}

LSAEMU_EXPORT BOOL WINAPI LSAEMU_W(CreateProcessAsUserW)(
    HANDLE hToken, LPCWSTR lpApplicationName, LPWSTR lpCommandLine,
    LPSECURITY_ATTRIBUTES lpProcessAttributes, LPSECURITY_ATTRIBUTES lpThreadAttributes,
    BOOL bInheritHandles, DWORD dwCreationFlags, LPVOID lpEnvironment,
    LPCWSTR lpCurrentDirectory, LPSTARTUPINFOW lpStartupInfo,
    LPPROCESS_INFORMATION lpProcessInformation)
{
    if (!handles_is_value((uintptr_t)hToken) && !token_is_pseudo(hToken)) {
        cpau_fn real = (cpau_fn)(void (*)(void))system_function("CreateProcessAsUserW");
        if (!real) {
            SetLastError(ERROR_PROC_NOT_FOUND);
            return FALSE;
        }
        return real(hToken, lpApplicationName, lpCommandLine, lpProcessAttributes,
                    lpThreadAttributes, bInheritHandles, dwCreationFlags, lpEnvironment,
                    lpCurrentDirectory, lpStartupInfo, lpProcessInformation);
    }
    return create_as("CreateProcessAsUserW", hToken, RIGHT_SeAssignPrimaryTokenPrivilege, true,
                     lpApplicationName, lpCommandLine, lpProcessAttributes, lpThreadAttributes,
                     bInheritHandles, dwCreationFlags, lpEnvironment, lpCurrentDirectory,
                     lpStartupInfo, lpProcessInformation);
}

LSAEMU_EXPORT BOOL WINAPI LSAEMU_W(CreateProcessWithTokenW)(
    HANDLE hToken, DWORD dwLogonFlags, LPCWSTR lpApplicationName, LPWSTR lpCommandLine,
    DWORD dwCreationFlags, LPVOID lpEnvironment, LPCWSTR lpCurrentDirectory,
    LPSTARTUPINFOW lpStartupInfo, LPPROCESS_INFORMATION lpProcessInformation)
{
    if (!handles_is_value((uintptr_t)hToken) && !token_is_pseudo(hToken)) {
        cpwt_fn real = (cpwt_fn)(void (*)(void))system_function("CreateProcessWithTokenW");
        if (!real) {
            SetLastError(ERROR_PROC_NOT_FOUND);
            return FALSE;
        }
        return real(hToken, dwLogonFlags, lpApplicationName, lpCommandLine, dwCreationFlags,
                    lpEnvironment, lpCurrentDirectory, lpStartupInfo, lpProcessInformation);
    }
    /* dwLogonFlags (LOGON_WITH_PROFILE, LOGON_NETCREDENTIALS_ONLY) changes
     * nothing lsaemu models: the profile is LoadUserProfile's. */
    return create_as("CreateProcessWithTokenW", hToken, RIGHT_SeImpersonatePrivilege, false,
                     lpApplicationName, lpCommandLine, NULL, NULL, FALSE, dwCreationFlags,
                     lpEnvironment, lpCurrentDirectory, lpStartupInfo, lpProcessInformation);
}
