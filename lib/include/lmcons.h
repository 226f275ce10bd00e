/* SPDX-License-Identifier: MIT */
/*
 * lmcons.h - the LAN Manager constants: the longest names and passwords
 * (UNLEN, PWLEN, DNLEN, CNLEN, GNLEN ...), NET_API_STATUS and its calling
 * convention. Values are the SDK's. lm.h includes it, as in the SDK.
 * MAX_COMPUTERNAME_LENGTH is winbase.h's.
 */
#ifndef LSAEMU_INCLUDE_LMCONS_H
#define LSAEMU_INCLUDE_LMCONS_H

#include "windef.h"

#define CNLEN 15
#define LM20_CNLEN 15
#define DNLEN CNLEN
#define LM20_DNLEN LM20_CNLEN
#define UNCLEN (CNLEN + 2)
#define LM20_UNCLEN (LM20_CNLEN + 2)
#define NNLEN 80
#define LM20_NNLEN 12
#define RMLEN (UNCLEN + 1 + NNLEN)
#define LM20_RMLEN (LM20_UNCLEN + 1 + LM20_NNLEN)
#define SNLEN 80
#define LM20_SNLEN 15
#define STXTLEN 256
#define LM20_STXTLEN 63
#define PATHLEN 256
#define LM20_PATHLEN 256
#define DEVLEN 80
#define LM20_DEVLEN 8
#define EVLEN 16
#define UNLEN 256
#define LM20_UNLEN 20
#define GNLEN UNLEN
#define LM20_GNLEN LM20_UNLEN
#define PWLEN 256
#define LM20_PWLEN 14
#define SHPWLEN 8
#define CLTYPE_LEN 12
#define MAXCOMMENTSZ 256
#define LM20_MAXCOMMENTSZ 48
#define QNLEN NNLEN
#define LM20_QNLEN LM20_NNLEN
#define ALERTSZ 128
#define NETBIOS_NAME_LEN 16
#define CRYPT_KEY_LEN 7
#define CRYPT_TXT_LEN 8
#define ENCRYPTED_PWLEN 16
#define SESSION_PWLEN 24
#define SESSION_CRYPT_KLEN 21

#define MAX_PREFERRED_LENGTH ((DWORD)-1)
#define PARMNUM_ALL 0
#define PARM_ERROR_UNKNOWN ((DWORD)-1)
#define PARM_ERROR_NONE 0
#define PARMNUM_BASE_INFOLEVEL 1000

#ifndef LSAEMU_NET_API_STATUS_DEFINED
#define LSAEMU_NET_API_STATUS_DEFINED
typedef DWORD NET_API_STATUS;
#endif
#define API_RET_TYPE NET_API_STATUS
#ifndef NET_API_FUNCTION
#define NET_API_FUNCTION
#endif
typedef LPWSTR LMSTR;
typedef LPCWSTR LMCSTR;

#endif
