/* SPDX-License-Identifier: MIT */
/* NTStatus.h: the spelling some Windows sources use for <ntstatus.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "ntstatus.h"
