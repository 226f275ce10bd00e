/* SPDX-License-Identifier: MIT */
/* Lmcons.h: the spelling some Windows sources use for <lmcons.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "lmcons.h"
