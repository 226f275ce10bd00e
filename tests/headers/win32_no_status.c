/* SPDX-License-Identifier: MIT */
/* The classic SDK convention: windows.h without its STATUS_* codes, then
 * the full ntstatus.h. */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <ntsecapi.h>

int main(void)
{
    NTSTATUS st = STATUS_INVALID_HANDLE;

    if (st == STATUS_ACCESS_VIOLATION || st == STATUS_WAIT_0)
        return 1;
    return NT_SUCCESS(st) ? 0 : (int)ERROR_SUCCESS;
}
