/* SPDX-License-Identifier: MIT */
/* Sddl.h: the spelling some Windows sources use for <sddl.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "sddl.h"
