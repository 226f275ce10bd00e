/* SPDX-License-Identifier: MIT */
/* Security.h: the spelling some Windows sources use for <security.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "security.h"
