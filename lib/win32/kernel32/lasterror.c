/* SPDX-License-Identifier: MIT */
/*
 * GetLastError / SetLastError: one value per thread, as in the TEB.
 *
 * In the Windows DLL the TEB's value is the real one: lsaemu sets it with
 * kernel32's SetLastError, and the program's GetLastError (kernel32's, which
 * lsaemu does not replace there) reads it, together with every other
 * function's.
 */
#include "win32/api.h"

#ifdef _WIN32

void api_set_last_error(DWORD code)
{
    SetLastError(code);
}

DWORD api_last_error(void)
{
    return GetLastError();
}

#else

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

#endif
