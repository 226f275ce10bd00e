/* SPDX-License-Identifier: MIT */
/*
 * GetLastError / SetLastError: one value per thread, as in the TEB.
 */
#include "win32/api.h"

static _Thread_local DWORD last_error;

void api_set_last_error(DWORD code)
{
    last_error = code;
}

DWORD api_last_error(void)
{
    return last_error;
}

LSAEMU_EXPORT DWORD WINAPI GetLastError(VOID)
{
    return last_error;
}

LSAEMU_EXPORT VOID WINAPI SetLastError(DWORD dwErrCode)
{
    last_error = dwErrCode;
}
