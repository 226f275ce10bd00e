/* SPDX-License-Identifier: MIT */
/*
 * NTSTATUS and Win32 error tables: names, values and the NTSTATUS -> Win32
 * mapping of RtlNtStatusToDosError. The tables (status_table.c) are generated
 * by tools/gen-status-tables.sh from data/reference/ and checked in.
 * Look-ups never allocate and are safe from any thread.
 */
#ifndef LSAEMU_CORE_MODEL_STATUS_H
#define LSAEMU_CORE_MODEL_STATUS_H

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

/*
 * The generated tables (status_table.c). Only status.c reads them; they are
 * declared here so that the generated file and its reader share one layout.
 * Status values are stored as uint32_t so that ordering is unsigned, as in
 * Wine's binary search.
 */
struct status_name_entry {
    uint32_t value;
    const char *name;
};

/* Statuses start..end (inclusive) map to status_table_map[offset + s - start]. */
struct status_range {
    uint32_t start;
    uint32_t end;
    uint32_t offset;
};

struct status_mapping_entry {
    uint32_t win32;
    uint32_t status;
};

extern const struct status_name_entry status_table_nt_by_value[];
extern const unsigned status_table_nt_by_value_count;
extern const struct status_name_entry status_table_nt_by_name[];
extern const unsigned status_table_nt_by_name_count;
extern const struct status_name_entry status_table_win32_by_value[];
extern const unsigned status_table_win32_by_value_count;
extern const struct status_name_entry status_table_win32_by_name[];
extern const unsigned status_table_win32_by_name_count;
extern const struct status_range status_table_ranges[];
extern const unsigned status_table_range_count;
extern const uint32_t status_table_map[];
extern const unsigned status_table_map_count;
extern const struct status_mapping_entry status_table_by_win32[];
extern const unsigned status_table_by_win32_count;

#endif
