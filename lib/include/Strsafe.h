/* SPDX-License-Identifier: MIT */
/* Strsafe.h: the spelling some Windows sources use for <strsafe.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "strsafe.h"
