/* SPDX-License-Identifier: MIT */
/*
 * What `lsaemu explain` knows beyond names and numbers: for the codes of
 * the logon path, what they mean, when Windows answers with them and how
 * to make lsaemu answer with them.
 */
#ifndef LSAEMU_EMULATOR_EXPLAIN_TABLE_H
#define LSAEMU_EMULATOR_EXPLAIN_TABLE_H

#include <stdbool.h>
#include <stdint.h>

struct explain_entry {
    bool is_status;     /* key is an NTSTATUS; else a Win32 code */
    uint32_t key;
    const char *meaning; /* in our words */
    const char *when;    /* when Windows returns it */
    /* How lsaemu produces it by itself: a policy and an `lsaemu logon`
     * call; policy NULL when lsaemu never produces it on its own. */
    const char *policy;
    const char *call;
    const char *note;    /* extra remark (related codes), or NULL */
};

/* The entry for an NTSTATUS or a Win32 code, or NULL. */
const struct explain_entry *explain_find(bool is_status, uint32_t key);

#endif
