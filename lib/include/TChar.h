/* SPDX-License-Identifier: MIT */
/* TChar.h: the spelling some Windows sources use for <tchar.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "tchar.h"
