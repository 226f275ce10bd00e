/* SPDX-License-Identifier: MIT */
/*
 * The status half of the control API (lsaemu.h): the NTSTATUS and Win32
 * tables behind LsaNtStatusToWinError, published for tools such as
 * `lsaemu explain`, which may only use the public interface. Thin wrappers:
 * the tables and the mapping rules live in lib/core/model/status.c.
 */
#include "config.h"
#include "base/mem.h"

#include <stdlib.h>

#include "core/diag/reason.h"
#include "core/model/status.h"
#include "lsaemu.h"

LSAEMU_PUBLIC int32_t lsaemu_last_status(void)
{
    return reason_last_status();
}

LSAEMU_PUBLIC int32_t lsaemu_last_substatus(void)
{
    return reason_last_substatus();
}

LSAEMU_PUBLIC const char *lsaemu_status_name(int32_t status)
{
    return status_name(status);
}

LSAEMU_PUBLIC const char *lsaemu_win32_name(uint32_t code)
{
    return status_win32_name(code);
}

LSAEMU_PUBLIC int lsaemu_status_from_name(const char *name, int32_t *out)
{
    if (!name || !out)
        return -1;
    return status_by_name(name, out) ? 0 : -1;
}

LSAEMU_PUBLIC int lsaemu_win32_from_name(const char *name, uint32_t *out)
{
    if (!name || !out)
        return -1;
    return status_win32_by_name(name, out) ? 0 : -1;
}

LSAEMU_PUBLIC uint32_t lsaemu_status_to_win32(int32_t status)
{
    return status_to_win32(status);
}

LSAEMU_PUBLIC unsigned lsaemu_for_each_status_mapping_to(uint32_t code,
                                                         void (*fn)(int32_t status, void *ctx),
                                                         void *ctx)
{
    return status_for_each_mapping_to(code, fn, ctx);
}

/* Everything lsaemu_* hands out is malloc'd; one free for all of it keeps
 * callers independent of which allocator the library was built with. */
LSAEMU_PUBLIC void lsaemu_free(void *p)
{
    mem_free(p);
}
