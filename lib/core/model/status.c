/* SPDX-License-Identifier: MIT */
/*
 * NTSTATUS and Win32 look-ups over the generated tables of status_table.c:
 * names both ways and Wine's RtlNtStatusToDosErrorNoTeb. Every look-up is a
 * binary search over a constant table, so it never allocates, never locks
 * and is safe from any thread. Nothing here knows about policies or handles.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/model/status.h"

/* ERROR_MR_MID_NOT_FOUND: Wine's answer for a status it cannot map. */
#define STATUS_UNMAPPED_WIN32 317u

/* Rule bits of RtlNtStatusToDosErrorNoTeb (reference/README.md). */
#define STATUS_CUSTOMER_BIT    0x20000000u
#define STATUS_TOP_NIBBLE_MASK 0xF0000000u
#define STATUS_TOP_NIBBLE_D    0xD0000000u
#define STATUS_FOLD_BIT        0x10000000u

/* ------------------------------------------------------------------------ */
/* Binary searches.                                                         */
/* ------------------------------------------------------------------------ */

/* Index of the entry whose value is value in a table sorted by value, or -1. */
static long find_value(const struct status_name_entry *table, unsigned count, uint32_t value)
{
    size_t lo = 0, hi = count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (table[mid].value == value)
            return (long)mid;
        if (table[mid].value < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Index of the entry named name in a table sorted by strcmp, or -1. */
static long find_name(const struct status_name_entry *table, unsigned count, const char *name)
{
    size_t lo = 0, hi = count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(table[mid].name, name);

        if (cmp == 0)
            return (long)mid;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Wine's table look-up: the range holding s, or 317 outside every range. */
static uint32_t table_lookup(uint32_t s)
{
    size_t lo = 0, hi = status_table_range_count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct status_range *r = &status_table_ranges[mid];

        if (s < r->start)
            hi = mid;
        else if (s > r->end)
            lo = mid + 1;
        else
            return status_table_map[r->offset + (s - r->start)];
    }
    return STATUS_UNMAPPED_WIN32;
}

/* ------------------------------------------------------------------------ */
/* Public functions (status.h).                                             */
/* ------------------------------------------------------------------------ */

const char *status_name(int32_t status)
{
    long i = find_value(status_table_nt_by_value, status_table_nt_by_value_count, (uint32_t)status);

    return i < 0 ? NULL : status_table_nt_by_value[i].name;
}

bool status_by_name(const char *name, int32_t *out)
{
    long i;

    if (name == NULL)
        return false;
    i = find_name(status_table_nt_by_name, status_table_nt_by_name_count, name);
    if (i < 0)
        return false;
    if (out != NULL)
        *out = (int32_t)status_table_nt_by_name[i].value;
    return true;
}

uint32_t status_to_win32(int32_t status)
{
    uint32_t s = (uint32_t)status;
    uint32_t high;

    /* 1. Success (also STATUS_WAIT_0) is ERROR_SUCCESS. */
    if (s == 0)
        return 0;
    /* 2. Customer codes are not Microsoft's to translate: passed through. */
    if (s & STATUS_CUSTOMER_BIT)
        return s;
    /* 3. Top nibble 0xD is looked up as 0xC (only that nibble folds). */
    if ((s & STATUS_TOP_NIBBLE_MASK) == STATUS_TOP_NIBBLE_D)
        s &= ~STATUS_FOLD_BIT;
    /* 4. Facility-Win32 wrappers (HRESULT_FROM_WIN32, NTSTATUS_FROM_WIN32)
     * and the 0xC001 DBG codes carry the Win32 code in the low word. */
    high = s >> 16;
    if (high == 0xC001u || high == 0x8007u || high == 0xC007u)
        return s & 0xFFFFu;
    /* 5. Wine's table. */
    return table_lookup(s);
}

const char *status_win32_name(uint32_t code)
{
    long i = find_value(status_table_win32_by_value, status_table_win32_by_value_count, code);

    return i < 0 ? NULL : status_table_win32_by_value[i].name;
}

bool status_win32_by_name(const char *name, uint32_t *out)
{
    long i;

    if (name == NULL)
        return false;
    i = find_name(status_table_win32_by_name, status_table_win32_by_name_count, name);
    if (i < 0)
        return false;
    if (out != NULL)
        *out = status_table_win32_by_name[i].value;
    return true;
}

unsigned status_for_each_mapping_to(uint32_t code, void (*fn)(int32_t status, void *ctx), void *ctx)
{
    size_t lo = 0, hi = status_table_by_win32_count;
    unsigned n = 0;

    /* Lower bound of code; the entries for it follow in status order. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (status_table_by_win32[mid].win32 < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < status_table_by_win32_count && status_table_by_win32[lo].win32 == code; lo++) {
        if (fn != NULL)
            fn((int32_t)status_table_by_win32[lo].status, ctx);
        n++;
    }
    return n;
}
