/* SPDX-License-Identifier: MIT */
/*
 * Shared by the token functions: turning a token HANDLE into the token
 * object with an access check, the access-mask arithmetic of token objects,
 * and new token handles for copies of tokens.
 */
#ifndef LSAEMU_WIN32_ADVAPI32_TOKEN_HANDLE_H
#define LSAEMU_WIN32_ADVAPI32_TOKEN_HANDLE_H

#include <stdbool.h>
#include <stdint.h>

#include "win32/api.h"
#include "core/state/token.h"

/* The process and thread pseudo-handles (GetCurrentProcess/GetCurrentThread). */
#define PSEUDO_PROCESS ((HANDLE)(intptr_t)-1)
#define PSEUDO_THREAD ((HANDLE)(intptr_t)-2)
/* The token pseudo-handles of Windows 8 and later (behavior.md 12.2):
 * GetCurrentProcessToken, GetCurrentThreadToken,
 * GetCurrentThreadEffectiveToken. */
#define PSEUDO_PROCESS_TOKEN ((HANDLE)(intptr_t)-4)
#define PSEUDO_THREAD_TOKEN ((HANDLE)(intptr_t)-5)
#define PSEUDO_EFFECTIVE_TOKEN ((HANDLE)(intptr_t)-6)
/* The access a token pseudo-handle grants (K1). */
#define PSEUDO_TOKEN_ACCESS (TOKEN_QUERY | TOKEN_QUERY_SOURCE)

static inline bool token_is_pseudo(HANDLE h)
{
    return h == PSEUDO_PROCESS_TOKEN || h == PSEUDO_THREAD_TOKEN || h == PSEUDO_EFFECTIVE_TOKEN;
}

/*
 * The token behind h, with a reference the caller drops with token_unref(),
 * when the handle grants every bit of need.
 * Returns 0, STATUS_INVALID_HANDLE (not an open token handle: never issued,
 * closed, another kind of handle, a pseudo-handle) or GUESS_TOKEN_ACCESS_STATUS;
 * the reason names the function fn and the missing rights. granted (may be
 * NULL) receives the handle's access.
 */
NTSTATUS token_from_handle(HANDLE h, uint32_t need, const char *fn, struct token **out,
                           uint32_t *granted);
/*
 * As token_from_handle(), for the functions that query a token, which also
 * take the token pseudo-handles (behavior.md 12.2) with PSEUDO_TOKEN_ACCESS:
 * -4 the process token, -5 the thread's impersonation token
 * (STATUS_NO_TOKEN when it has none), -6 that or else the process token.
 * Only between api_enter() and api_leave(): *referenced says whether the
 * caller drops *out with token_unref() (a pseudo-handle's token may be
 * borrowed for the call, current_caller_token_borrow()).
 */
NTSTATUS token_from_query_handle(HANDLE h, uint32_t need, const char *fn, struct token **out,
                                 bool *referenced);

/*
 * Maps generic rights and MAXIMUM_ALLOWED of a requested token access mask
 * to specific ones. Returns 0, or GUESS_TOKEN_ACCESS_STATUS (reason set) for
 * bits no token access right has, or STATUS_PRIVILEGE_NOT_HELD for
 * ACCESS_SYSTEM_SECURITY without SeSecurityPrivilege enabled in the caller.
 */
NTSTATUS token_map_access(uint32_t requested, uint32_t *granted);

/* A copy of src with a fresh TokenId, holding its own reference on the
 * logon session (NULL on allocation failure). kind and level as given. */
struct token *token_copy(struct token *src, enum token_kind kind, enum imp_level level);

/* "TOKEN_QUERY|TOKEN_DUPLICATE" for a mask, into buf. */
const char *token_access_names(uint32_t mask, char *buf, size_t size);

#endif
