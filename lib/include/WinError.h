/* SPDX-License-Identifier: MIT */
/* WinError.h: the spelling some Windows sources use for <winerror.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "winerror.h"
