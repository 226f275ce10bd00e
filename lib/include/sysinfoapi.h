/* SPDX-License-Identifier: MIT */
/*
 * sysinfoapi.h - GetComputerNameExA/W: the emulated machine's names, from
 * the policy (machine: name and domain). GetComputerNameA/W are in
 * winbase.h, as in the SDK.
 */
#ifndef LSAEMU_INCLUDE_SYSINFOAPI_H
#define LSAEMU_INCLUDE_SYSINFOAPI_H

#include "windef.h"

typedef enum _COMPUTER_NAME_FORMAT {
    ComputerNameNetBIOS,
    ComputerNameDnsHostname,
    ComputerNameDnsDomain,
    ComputerNameDnsFullyQualified,
    ComputerNamePhysicalNetBIOS,
    ComputerNamePhysicalDnsHostname,
    ComputerNamePhysicalDnsDomain,
    ComputerNamePhysicalDnsFullyQualified,
    ComputerNameMax
} COMPUTER_NAME_FORMAT;

#ifdef __cplusplus
extern "C" {
#endif

/*
 * NetBIOS forms: the machine name in upper case; DNS host name: as the
 * policy spells it; DNS domain: the policy's domain ("" in a workgroup);
 * fully qualified: host.domain. On success *nSize is the length without the
 * NUL; when the buffer is too small, FALSE with ERROR_MORE_DATA and *nSize
 * the size needed including the NUL.
 */
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI GetComputerNameExA(_In_ COMPUTER_NAME_FORMAT NameType,
                                                        _Out_writes_to_opt_(*nSize, *nSize + 1)
                                                            LPSTR lpBuffer,
                                                        _Inout_ LPDWORD nSize);
LSAEMU_IMPORT WINBASEAPI BOOL WINAPI GetComputerNameExW(_In_ COMPUTER_NAME_FORMAT NameType,
                                                        _Out_writes_to_opt_(*nSize, *nSize + 1)
                                                            LPWSTR lpBuffer,
                                                        _Inout_ LPDWORD nSize);

#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define GetComputerNameEx GetComputerNameExW
#else
#define GetComputerNameEx GetComputerNameExA
#endif

#endif
