/* SPDX-License-Identifier: MIT */
/* SecExt.h: the spelling some Windows sources use for <secext.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "secext.h"
