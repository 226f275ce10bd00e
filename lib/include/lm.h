/* SPDX-License-Identifier: MIT */
/*
 * lm.h - the LAN Manager (NetApi32) master header, reduced to what lsaemu's
 * clients use when they include it for its types: lmcons.h (NET_API_STATUS,
 * UNLEN and the other lengths) and the NERR_ base codes. The Net*
 * functions are not emulated.
 */
#ifndef LSAEMU_INCLUDE_LM_H
#define LSAEMU_INCLUDE_LM_H

#include "windef.h"
#include "lmcons.h"

#define NERR_Success 0
#define NERR_BASE 2100
#define NERR_UserNotFound (NERR_BASE + 121)
#define NERR_GroupNotFound (NERR_BASE + 120)

#endif
