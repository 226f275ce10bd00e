/* SPDX-License-Identifier: MIT */
/* Client code that defines NTSTATUS bits itself after the compat headers,
 * spelled exactly as in the SDK (a different spelling would be a macro
 * redefinition, as with the real SDK). */
#include <windows.h>
#include <ntsecapi.h>

typedef LONG NTSTATUS;
#define STATUS_SUCCESS        ((NTSTATUS)0x00000000L)
#define STATUS_ACCESS_DENIED  ((NTSTATUS)0xC0000022L)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008L)
#define STATUS_NO_MEMORY      ((NTSTATUS)0xC0000017L)
#define NT_SUCCESS(Status)    (((NTSTATUS)(Status)) >= 0)

#include <ntstatus.h>

int main(void)
{
    NTSTATUS st = STATUS_ACCESS_DENIED;

    return NT_SUCCESS(st) || st == STATUS_SUCCESS || st == STATUS_INVALID_HANDLE ||
           st == STATUS_NO_MEMORY;
}
