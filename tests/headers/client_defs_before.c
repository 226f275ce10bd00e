/* SPDX-License-Identifier: MIT */
/* Client code that defines its own NTSTATUS bits (SDK spellings) before the
 * compat headers. */
#define STATUS_SUCCESS        ((NTSTATUS)0x00000000L)
#define STATUS_ACCESS_DENIED  ((NTSTATUS)0xC0000022L)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008L)
#define NT_SUCCESS(Status)    (((NTSTATUS)(Status)) >= 0)
#define ERROR_SUCCESS         0
#include <windows.h>
#include <ntsecapi.h>
#include <ntstatus.h>

int main(void)
{
    NTSTATUS st = STATUS_ACCESS_DENIED;

    return NT_SUCCESS(st) || st == STATUS_SUCCESS || st == STATUS_INVALID_HANDLE;
}
