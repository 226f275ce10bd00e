/* SPDX-License-Identifier: MIT */
/* SysInfoApi.h: the spelling some Windows sources use for <sysinfoapi.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "sysinfoapi.h"
