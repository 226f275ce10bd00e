/* SPDX-License-Identifier: MIT */
/*
 * Private to lib/crt: how a C runtime function reports an invalid
 * parameter (lib/crt/invalid_param.c).
 */
#ifndef LSAEMU_CRT_CRT_INTERNAL_H
#define LSAEMU_CRT_CRT_INTERNAL_H

#include "base/win.h"
#include <lsaemu_crt.h>

/*
 * Reports an invalid parameter the way Microsoft's CRT does once its
 * handler returns: sets errno to e, calls the thread's handler or else the
 * process's (with NULL strings, line 0 and 0, as a release CRT does), and
 * returns e for the caller to return. With no handler installed Windows
 * would end the process; lsaemu returns (Deviation, see lsaemu_crt.h).
 * The handler may change errno; what it leaves is what the caller sees.
 */
errno_t crt_invalid(errno_t e);

#endif
