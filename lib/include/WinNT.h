/* SPDX-License-Identifier: MIT */
/* WinNT.h: the spelling some Windows sources use for <winnt.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "winnt.h"
