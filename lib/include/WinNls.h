/* SPDX-License-Identifier: MIT */
/* WinNls.h: the spelling some Windows sources use for <winnls.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "winnls.h"
