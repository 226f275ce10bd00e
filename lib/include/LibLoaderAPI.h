/* SPDX-License-Identifier: MIT */
/* LibLoaderAPI.h: the spelling some Windows sources use for <libloaderapi.h>. Linux file
 * names are case-sensitive; this file makes both spellings work. */
#include "libloaderapi.h"
