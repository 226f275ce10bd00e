/* SPDX-License-Identifier: MIT */
/* WinDef.h: the spelling some Windows sources use for <windef.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "windef.h"
