/* SPDX-License-Identifier: MIT */
/*
 * NTSTATUS and Win32 error tables: names, values and the NTSTATUS -> Win32
 * mapping of RtlNtStatusToDosError. The tables (status_table.c) are generated
 * by tools/gen-status-tables.sh from data/reference/ and checked in.
 * Look-ups never allocate and are safe from any thread.
 */
#ifndef LSAEMU_CORE_STATUS_H
#define LSAEMU_CORE_STATUS_H

#include <stdbool.h>
#include <stdint.h>

/* Name of an NTSTATUS ("STATUS_LOGON_FAILURE"), or NULL when it has none. */
const char *status_name(int32_t status);
/* Value of an NTSTATUS name (exact, upper case as in ntstatus.h). */
bool status_by_name(const char *name, int32_t *out);

/*
 * RtlNtStatusToDosErrorNoTeb: the rules of the reference README (success,
 * customer bit, 0xD folding, 0xC001/0x8007/0xC007 high words) then the
 * range table; 317 (ERROR_MR_MID_NOT_FOUND) for anything unmapped. Binary
 * search, no linear scan.
 */
uint32_t status_to_win32(int32_t status);

/* Name of a Win32 error code ("ERROR_LOGON_FAILURE"), or NULL. */
const char *status_win32_name(uint32_t code);
/* Value of a Win32 error name. */
bool status_win32_by_name(const char *name, uint32_t *out);

/*
 * Every NTSTATUS whose mapping is code, for `lsaemu explain`: calls fn once
 * per status in ascending order and returns how many there were.
 */
unsigned status_for_each_mapping_to(uint32_t code, void (*fn)(int32_t status, void *ctx),
                                    void *ctx);

#endif
