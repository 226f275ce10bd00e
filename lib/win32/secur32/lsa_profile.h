/* SPDX-License-Identifier: MIT */
/*
 * The profile buffer LsaLogonUser returns: an MSV1_0_INTERACTIVE_PROFILE
 * (KERB_INTERACTIVE_PROFILE has the same shape) filled from the account,
 * with its strings inside the same block. Freed with LsaFreeReturnBuffer.
 */
#ifndef LSAEMU_WIN32_SECUR32_LSA_PROFILE_H
#define LSAEMU_WIN32_SECUR32_LSA_PROFILE_H

#include "win32/api.h"

/* Windows FILETIME (100 ns since 1601) of a Unix time. */
LONGLONG profile_filetime(int64_t unix_seconds);

/* Builds the block, unpublished (retbuf_new(): the caller publishes it as
 * RETBUF_LSA_RETURN with its other results, or discards it); returns NULL
 * on allocation failure. *len receives its size. bad_passwords is the
 * account's count of bad passwords before this logon (BadPasswordCount);
 * LogonServer is the machine, or the domain's controller for an account
 * of the domain. */
void *profile_build(const struct policy *pol, const struct account *acct, int64_t now,
                    uint32_t bad_passwords, ULONG *len);

#endif
