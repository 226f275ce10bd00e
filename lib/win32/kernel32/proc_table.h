/* SPDX-License-Identifier: MIT */
/*
 * The functions GetProcAddress can find: generated at build time from
 * lib/liblsaemu.sym by tools/gen-proc-table.sh (lib/gen/proc_table.c in the
 * build tree), sorted by name in C order.
 */
#ifndef LSAEMU_WIN32_KERNEL32_PROC_TABLE_H
#define LSAEMU_WIN32_KERNEL32_PROC_TABLE_H

#include <stddef.h>

struct proc_entry {
    const char *name;
    void (*fn)(void);
};

extern const struct proc_entry proc_table[];
extern const size_t proc_table_count;

#endif
