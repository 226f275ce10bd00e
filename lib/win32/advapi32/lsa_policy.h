/* SPDX-License-Identifier: MIT */
/* The LSA policy handle, shared by lsa_policy.c and lsa_rights.c. */
#ifndef LSAEMU_WIN32_ADVAPI32_LSA_POLICY_H
#define LSAEMU_WIN32_ADVAPI32_LSA_POLICY_H

#include "win32/api.h"

/* The object behind an LsaOpenPolicy handle (the access mask lives in the
 * handle table). */
struct lsa_policy_object {
    uint32_t opened_as_admin;
};

/*
 * Checks that h is an open policy handle granted every bit of need. Returns
 * STATUS_SUCCESS, STATUS_INVALID_HANDLE (never issued, closed, or another
 * kind: an LSA connection or a token) or STATUS_ACCESS_DENIED, with the
 * reason set for failures. fn names the function in the reason.
 */
NTSTATUS lsa_policy_check(LSA_HANDLE h, uint32_t need, const char *fn);

#endif
