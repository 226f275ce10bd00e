/* SPDX-License-Identifier: MIT */
/*
 * LoadUserProfileA/W and UnloadUserProfile (userenv.h, userenv.dll).
 *
 * The rules are nf-userenv-loaduserprofilew's (i13-facts B16), in this
 * order:
 *   1. lpProfileInfo NULL, dwSize not sizeof(PROFILEINFO) or lpUserName
 *      NULL: ERROR_INVALID_PARAMETER;
 *   2. hToken must be a token handle (ERROR_INVALID_HANDLE) opened with
 *      TOKEN_QUERY, TOKEN_IMPERSONATE and TOKEN_DUPLICATE (ERROR_ACCESS_DENIED);
 *   3. the calling process must be an administrator or LocalSystem ("it is
 *      not sufficient to merely impersonate": the process token decides;
 *      GUESS_PROFILE_NOT_ADMIN_ERROR) and hold SeBackupPrivilege and
 *      SeRestorePrivilege (GUESS_PROFILE_NO_PRIVILEGE_ERROR);
 *   4. the profile loaded is that of the token's user, whatever lpUserName
 *      says (Windows finds the profile by the token's SID): an account of
 *      the policy (or SYSTEM and the service accounts, which the policy
 *      always has); any other SID: GUESS_PROFILE_UNKNOWN_USER_ERROR.
 * On success hProfile is set and the last error is 0. On Windows it is a
 * registry key handle to the root of the user's hive; lsaemu emulates no
 * registry, so it is a handle of lsaemu's table that only
 * UnloadUserProfile accepts (Deviation: registry functions cannot use it,
 * and CloseHandle refuses it, as it refuses a registry key;
 * tests/check_userenv_secext.c, test_profile_load_unload_deviation_handle).
 *
 * UnloadUserProfile(hToken, hProfile): hToken as in 2 above (TOKEN_QUERY
 * is enough: [guess] the documentation names no right), then hProfile must
 * be a profile handle not yet unloaded (GUESS_PROFILE_BAD_HANDLE_ERROR);
 * it is released, and TRUE returned.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/model/rights.h"
#include "core/model/sid.h"
#include "core/model/status.h"
#include "core/model/wellknown.h"
#include "core/state/current.h"
#include "core/state/handles.h"
#include "win32/advapi32/token_handle.h"
#include "win32/api.h"
#include <userenv.h>

/* The registry's KEY_ALL_ACCESS, the access Windows' hProfile has. */
#define PROFILE_KEY_ALL_ACCESS 0xF003Fu

/* What a profile handle holds: whose profile it is. */
struct profile {
    struct sid user;
};

/* For the leak report: the profile's SID. */
static void describe_profile(const void *obj, char *out, size_t size)
{
    char text[192];
    const struct profile *p = obj;
    snprintf(out, size, "profile of %s", sid_format(&p->user, text));
}

/* Sets the last error for a failure of st and returns it. */
static NTSTATUS fail(DWORD code, NTSTATUS st)
{
    api_set_last_error(code);
    return st;
}

/* The Win32 code of token_from_handle()'s failures. */
static NTSTATUS token_failure(NTSTATUS st)
{
    return fail(st == STATUS_INVALID_HANDLE ? ERROR_INVALID_HANDLE : ERROR_ACCESS_DENIED, st);
}

static bool is_admin_or_system(const struct token *t)
{
    struct sid admins, system;
    if (!sid_parse("S-1-5-32-544", &admins) || !sid_parse("S-1-5-18", &system))
        return false;
    return sid_equal(&t->user, &system) || token_has_sid(t, &admins);
}

/* Step 3: may the calling process load profiles? 0 or the failure. */
static NTSTATUS check_caller(void)
{
    NTSTATUS st = STATUS_SUCCESS;
    struct token *p = current_process_token();
    if (!p) {
        st = fail(ERROR_INTERNAL_DB_ERROR, STATUS_INTERNAL_DB_ERROR);
    } else if (!is_admin_or_system(p)) {
        reason_set("the calling process is neither an administrator nor LocalSystem");
        st = fail(GUESS_PROFILE_NOT_ADMIN_ERROR, STATUS_ACCESS_DENIED);
    } else if (!token_priv_held(p, right_info(RIGHT_SeBackupPrivilege)->luid) ||
               !token_priv_held(p, right_info(RIGHT_SeRestorePrivilege)->luid)) {
        reason_set("the calling process lacks SeBackupPrivilege or SeRestorePrivilege");
        st = fail(GUESS_PROFILE_NO_PRIVILEGE_ERROR, STATUS_PRIVILEGE_NOT_HELD);
    }
    token_unref(p);
    return st;
}

/* info is a PROFILEINFOA or PROFILEINFOW (same layout; size is its sizeof). */
static BOOL load_profile(const char *fn, HANDLE token, void *info, DWORD want_size)
{
    struct api_call c;
    struct token *t = NULL;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("%p, %p", token, info);
    PROFILEINFOW *pi = info; /* the A form has the same layout */
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
        goto out;
    }
    if (!pi || pi->dwSize != want_size || !pi->lpUserName) {
        reason_set(!pi                        ? "lpProfileInfo is NULL"
                   : pi->dwSize != want_size ? "dwSize is not sizeof(PROFILEINFO)"
                                              : "lpUserName is NULL");
        st = fail(ERROR_INVALID_PARAMETER, STATUS_INVALID_PARAMETER);
        goto out;
    }
    st = token_from_handle(token, TOKEN_QUERY | TOKEN_IMPERSONATE | TOKEN_DUPLICATE, fn, &t,
                           NULL);
    if (st != STATUS_SUCCESS) {
        st = token_failure(st);
        goto out;
    }
    st = check_caller();
    if (st != STATUS_SUCCESS)
        goto out;
    const struct account *a = policy_find_account_sid(c.pol, &t->user);
    if (!a) {
        char text[192];
        reason_set("%s is no account of the policy: it has no profile",
                   sid_format(&t->user, text));
        st = fail(GUESS_PROFILE_UNKNOWN_USER_ERROR, STATUS_NONE_MAPPED);
        goto out;
    }
    struct profile *p = mem_malloc(sizeof *p);
    uintptr_t h = 0;
    if (p) {
        p->user = t->user;
        h = handles_insert(HANDLE_PROFILE, p, PROFILE_KEY_ALL_ACCESS, describe_profile);
    }
    if (!h) {
        reason_set("out of memory");
        st = fail(ERROR_NOT_ENOUGH_MEMORY, STATUS_NO_MEMORY);
        goto out;
    }
    pi->hProfile = (HANDLE)h;
    reason_set("loaded the profile of '%s\\%s'", a->domain ? a->domain : "", a->name);
    api_set_last_error(ERROR_SUCCESS);
out:
    token_unref(t);
    return api_leave_bool_as(&c, st, st == STATUS_SUCCESS);
}

LSAEMU_EXPORT BOOL WINAPI LoadUserProfileW(HANDLE hToken, LPPROFILEINFOW lpProfileInfo)
{
    return load_profile("LoadUserProfileW", hToken, lpProfileInfo, sizeof(PROFILEINFOW));
}

LSAEMU_EXPORT BOOL WINAPI LoadUserProfileA(HANDLE hToken, LPPROFILEINFOA lpProfileInfo)
{
    return load_profile("LoadUserProfileA", hToken, lpProfileInfo, sizeof(PROFILEINFOA));
}

LSAEMU_EXPORT BOOL WINAPI UnloadUserProfile(HANDLE hToken, HANDLE hProfile)
{
    struct api_call c;
    struct token *t = NULL;
    NTSTATUS st = api_enter(&c, "UnloadUserProfile", NULL);
    trace_args("%p, %p", hToken, hProfile);
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
        goto out;
    }
    st = token_from_handle(hToken, TOKEN_QUERY, "UnloadUserProfile", &t, NULL);
    if (st != STATUS_SUCCESS) {
        st = token_failure(st);
        goto out;
    }
    if (!handles_close((uintptr_t)hProfile, HANDLE_PROFILE)) {
        reason_set("%p is not a loaded profile's handle", hProfile);
        st = fail(GUESS_PROFILE_BAD_HANDLE_ERROR, STATUS_INVALID_HANDLE);
        goto out;
    }
    reason_set("unloaded the profile");
    api_set_last_error(ERROR_SUCCESS);
out:
    token_unref(t);
    return api_leave_bool_as(&c, st, st == STATUS_SUCCESS);
}
