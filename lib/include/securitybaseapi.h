/* SPDX-License-Identifier: MIT */
/*
 * securitybaseapi.h - lsaemu's stand-in for the SDK header of the same name:
 * the token, impersonation, privilege-check and SID functions of Advapi32.
 * Included by windows.h (through winbase.h's neighbours), as in the SDK.
 * Only functions lsaemu emulates are declared.
 */
#ifndef LSAEMU_INCLUDE_SECURITYBASEAPI_H
#define LSAEMU_INCLUDE_SECURITYBASEAPI_H

#include "windef.h"
#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Tokens, impersonation and privilege checks ------------------------- */

/* ---- SIDs ---------------------------------------------------------------- */

#ifdef __cplusplus
}
#endif

#endif
