/* SPDX-License-Identifier: MIT */
/*
 * The privilege and right names, from the generated rights_table.h, and the
 * logon-type -> right table of behavior.md 4.1.
 */
#include "core/model/rights.h"

#include <stddef.h>
#include <strings.h>

#include "core/engine/guesses.h"

static const struct right_info table[RIGHT_COUNT] = {
#define X(id, name, luid, is_right, display, flag) {name, luid, is_right, display, flag},
#include "gen/rights_table.h"
#undef X
};

const struct right_info *right_info(int id)
{
    if (id < 0 || id >= RIGHT_COUNT)
        return NULL;
    return &table[id];
}

int right_by_name(const char *name)
{
    if (!name)
        return -1;
    /* 45 short names: a scan is cheaper than hashing them, and it is only
     * used on policy load and in the rights functions, never per logon. */
    for (int i = 0; i < RIGHT_COUNT; i++)
        if (strcasecmp(table[i].name, name) == 0)
            return i;
    return -1;
}

int right_by_luid(uint32_t luid_low)
{
    /* Privileges come first in the table in LUID order 2..36. */
    uint32_t first = table[0].luid;
    if (luid_low < first)
        return -1;
    uint32_t i = luid_low - first;
    if (i >= RIGHT_COUNT || table[i].is_right || table[i].luid != luid_low)
        return -1;
    return (int)i;
}

bool rights_for_logon_type(unsigned logon_type, int *allow, int *deny)
{
    int a, d;
    switch (logon_type) {
    case 2:  /* Interactive */
    case 7:  /* Unlock: GUESS_UNLOCK_USES_INTERACTIVE_RIGHT */
    case 11: /* CachedInteractive */
    case 13: /* CachedUnlock */
        a = RIGHT_SeInteractiveLogonRight;
        d = RIGHT_SeDenyInteractiveLogonRight;
        break;
    case 3: /* Network */
    case 8: /* NetworkCleartext */
        a = RIGHT_SeNetworkLogonRight;
        d = RIGHT_SeDenyNetworkLogonRight;
        break;
    case 4:
        a = RIGHT_SeBatchLogonRight;
        d = RIGHT_SeDenyBatchLogonRight;
        break;
    case 5:
        a = RIGHT_SeServiceLogonRight;
        d = RIGHT_SeDenyServiceLogonRight;
        break;
    case 10: /* RemoteInteractive */
    case 12: /* CachedRemoteInteractive */
        a = RIGHT_SeRemoteInteractiveLogonRight;
        d = RIGHT_SeDenyRemoteInteractiveLogonRight;
        break;
    default:
        return false;
    }
    *allow = a;
    *deny = d;
    return true;
}
