/* SPDX-License-Identifier: MIT */
/* HeapApi.h: the spelling some Windows sources use for <heapapi.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "heapapi.h"
