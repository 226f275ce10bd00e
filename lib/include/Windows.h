/* SPDX-License-Identifier: MIT */
/* Windows.h: the spelling some Windows sources use for <windows.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "windows.h"
