/* SPDX-License-Identifier: MIT */
/*
 * lm.h - the LAN Manager (NetApi32) master header, reduced to what lsaemu's
 * clients use when they include it for its types: NET_API_STATUS and the
 * NERR_ base codes. The Net* functions are not emulated.
 */
#ifndef LSAEMU_INCLUDE_LM_H
#define LSAEMU_INCLUDE_LM_H

#include "windef.h"

typedef DWORD NET_API_STATUS;
#ifndef NET_API_FUNCTION
#define NET_API_FUNCTION
#endif

#define NERR_Success 0
#define NERR_BASE 2100
#define NERR_UserNotFound (NERR_BASE + 121)
#define NERR_GroupNotFound (NERR_BASE + 120)

#define MAX_PREFERRED_LENGTH ((DWORD)-1)
#define UNLEN 256
#define GNLEN 256
#define DNLEN 15
#define CNLEN 15

#endif
