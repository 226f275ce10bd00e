/* SPDX-License-Identifier: MIT */
/* SubAuth.h: the spelling some Windows sources use for <subauth.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "subauth.h"
