/* SPDX-License-Identifier: MIT */
/* WinBase.h: the spelling some Windows sources use for <winbase.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "winbase.h"
