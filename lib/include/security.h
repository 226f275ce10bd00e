/* SPDX-License-Identifier: MIT */
/*
 * security.h - the SDK's header of the security packages' user-mode API.
 * Windows code includes it after #define SECURITY_WIN32 for GetUserNameEx
 * and TranslateName (secext.h), which is what lsaemu provides; the SSPI
 * functions (sspi.h: AcquireCredentialsHandle ...) are not emulated.
 * The SDK's header refuses to compile without one of SECURITY_WIN32,
 * SECURITY_KERNEL or SECURITY_MAC; lsaemu's accepts any.
 */
#ifndef LSAEMU_INCLUDE_SECURITY_H
#define LSAEMU_INCLUDE_SECURITY_H

#include "secext.h"

#endif
