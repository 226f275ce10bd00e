/* SPDX-License-Identifier: MIT */
/* UserEnv.h: the spelling some Windows sources use for <userenv.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "userenv.h"
