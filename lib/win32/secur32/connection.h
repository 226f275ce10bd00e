/* SPDX-License-Identifier: MIT */
/*
 * The object behind an LSA connection handle (LsaRegisterLogonProcess,
 * LsaConnectUntrusted): plain memory the handle table owns and frees with
 * mem_free() when the handle is closed (LsaDeregisterLogonProcess) or the
 * state is reset. Calls read a copy of it (handles_copy), never the object.
 */
#ifndef LSAEMU_WIN32_SECUR32_CONNECTION_H
#define LSAEMU_WIN32_SECUR32_CONNECTION_H

#include <stdbool.h>
#include <stddef.h>

struct lsa_connection {
    bool trusted;
    char logon_process[128]; /* the registered name ("" when untrusted) */
};

/* For the LSAEMU_LEAKS report (handle_describe_fn): what a leaked
 * connection is, `logon process "NAME"` or `untrusted`. */
void lsa_connection_describe(const void *obj, char *out, size_t size);

#endif
