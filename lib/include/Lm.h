/* SPDX-License-Identifier: MIT */
/* Lm.h: the spelling some Windows sources use for <lm.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "lm.h"
