/* SPDX-License-Identifier: MIT */
/*
 * Handlers of the package messages lsaemu emulates. A handler returns the
 * function result (0 when the package processed the request); the package's
 * own answer goes in ans->protocol_status with an optional return buffer,
 * which the handler fills and then publishes (retbuf_publish() as
 * RETBUF_LSA_RETURN; the caller frees it with LsaFreeReturnBuffer) and does
 * not touch again. On a non-zero return the handler allocated nothing.
 */
#ifndef LSAEMU_WIN32_SECUR32_CALLPKG_H
#define LSAEMU_WIN32_SECUR32_CALLPKG_H

#include "win32/api.h"

struct callpkg_request {
    const struct policy *pol;
    ULONG message;
    const char *message_name;
    const void *buf;
    ULONG len;
};

struct callpkg_answer {
    NTSTATUS protocol_status;
    void *buffer;
    ULONG length;
};

typedef NTSTATUS (*callpkg_handler)(const struct callpkg_request *req,
                                    struct callpkg_answer *ans);

NTSTATUS callpkg_msv_change_password(const struct callpkg_request *req,
                                     struct callpkg_answer *ans);
NTSTATUS callpkg_kerb_query_cache(const struct callpkg_request *req, struct callpkg_answer *ans);
NTSTATUS callpkg_kerb_purge_cache(const struct callpkg_request *req, struct callpkg_answer *ans);
/* NegGetCallerName (behavior.md 12.9). */
NTSTATUS callpkg_nego_caller_name(const struct callpkg_request *req, struct callpkg_answer *ans);

#endif
