/* SPDX-License-Identifier: MIT */
/* NtSecApi.h: the spelling some Windows sources use for <ntsecapi.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "ntsecapi.h"
