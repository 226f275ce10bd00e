/* SPDX-License-Identifier: MIT */
/* ProfInfo.h: the spelling some Windows sources use for <profinfo.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "profinfo.h"
