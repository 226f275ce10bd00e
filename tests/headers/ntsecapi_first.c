/* SPDX-License-Identifier: MIT */
/* ntsecapi.h on its own first, then the rest in the "wrong" order. */
#include <ntsecapi.h>
#include <ntstatus.h>
#include <winerror.h>
#include <windows.h>

int main(void)
{
    LSA_HANDLE h = NULL;
    NTSTATUS st = LsaConnectUntrusted(&h);

    if (NT_SUCCESS(st))
        st = LsaDeregisterLogonProcess(h);
    return st == STATUS_SUCCESS ? 0 : (int)LsaNtStatusToWinError(st);
}
