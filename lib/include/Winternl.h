/* SPDX-License-Identifier: MIT */
/* Winternl.h: the spelling some Windows sources use for <winternl.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "winternl.h"
