/* SPDX-License-Identifier: MIT */
/*
 * subauth.h - the part of the SDK's subauth.h that Windows LSA clients rely
 * on: the counted-string types (from ntdef.h) and NTSTATUS. Subauthentication
 * packages themselves are not emulated.
 */
#ifndef LSAEMU_INCLUDE_SUBAUTH_H
#define LSAEMU_INCLUDE_SUBAUTH_H

#include "ntdef.h"

#endif
