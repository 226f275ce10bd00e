/* SPDX-License-Identifier: MIT */
/*
 * Stock rights per role. The lists are the project's chosen defaults for a
 * clean workstation (client) and member server install; where Microsoft's
 * pages disagree between versions (behavior.md 4.2) we keep the current
 * effective defaults and leave disputed extras (Guest for local logon, NT
 * SERVICE\ALL SERVICES) out. policies/workstation.yaml and server.yaml spell
 * the same lists out and a test keeps them equal.
 */
#include "config.h"

#include "core/model/bases.h"

#include <string.h>

/* Holders, by the SID they stand for. */
enum holder {
    H_END,
    H_EVERYONE,       /* S-1-1-0 */
    H_SERVICE,        /* S-1-5-6 */
    H_LOCAL_SERVICE,  /* S-1-5-19 */
    H_NETWORK_SERVICE,/* S-1-5-20 */
    H_ADMINISTRATORS, /* S-1-5-32-544 */
    H_USERS,          /* S-1-5-32-545 */
    H_BACKUP_OPS,     /* S-1-5-32-551 */
    H_RDP_USERS,      /* S-1-5-32-555 */
    H_PERFLOG_USERS,  /* S-1-5-32-559 */
    H_GUEST,          /* <machine>-501 */
};

#define LS H_LOCAL_SERVICE
#define NS H_NETWORK_SERVICE
#define ADM H_ADMINISTRATORS
#define USR H_USERS
#define BAK H_BACKUP_OPS

/* One row per right with a non-empty stock list; every other right is empty. */
struct stock_row {
    const char *right;
    enum holder workstation[BASES_MAX_HOLDERS + 1];
    enum holder server[BASES_MAX_HOLDERS + 1];
};

static const struct stock_row stock[] = {
    /* Logon rights (behavior.md 4.2). */
    {"SeInteractiveLogonRight", {ADM, BAK, USR}, {ADM, BAK, USR}},
    {"SeNetworkLogonRight", {H_EVERYONE, ADM, USR, BAK}, {H_EVERYONE, ADM, USR, BAK}},
    {"SeBatchLogonRight", {ADM}, {ADM, BAK, H_PERFLOG_USERS}},
    {"SeServiceLogonRight", {NS}, {NS}},
    {"SeRemoteInteractiveLogonRight", {ADM, H_RDP_USERS}, {ADM, H_RDP_USERS}},
    {"SeDenyNetworkLogonRight", {H_GUEST}, {H_GUEST}},
    /* Privileges of a clean install. */
    {"SeAssignPrimaryTokenPrivilege", {LS, NS}, {LS, NS}},
    {"SeAuditPrivilege", {LS, NS}, {LS, NS}},
    {"SeBackupPrivilege", {ADM, BAK}, {ADM, BAK}},
    {"SeChangeNotifyPrivilege",
     {H_EVERYONE, LS, NS, ADM, USR, BAK},
     {H_EVERYONE, LS, NS, ADM, USR, BAK}},
    {"SeCreateGlobalPrivilege", {LS, NS, ADM, H_SERVICE}, {LS, NS, ADM, H_SERVICE}},
    {"SeCreatePagefilePrivilege", {ADM}, {ADM}},
    {"SeCreateSymbolicLinkPrivilege", {ADM}, {ADM}},
    {"SeDebugPrivilege", {ADM}, {ADM}},
    {"SeDelegateSessionUserImpersonatePrivilege", {ADM}, {ADM}},
    {"SeImpersonatePrivilege", {LS, NS, ADM, H_SERVICE}, {LS, NS, ADM, H_SERVICE}},
    {"SeIncreaseBasePriorityPrivilege", {ADM}, {ADM}},
    {"SeIncreaseQuotaPrivilege", {LS, NS, ADM}, {LS, NS, ADM}},
    {"SeIncreaseWorkingSetPrivilege", {USR}, {USR}},
    {"SeLoadDriverPrivilege", {ADM}, {ADM}},
    {"SeManageVolumePrivilege", {ADM}, {ADM}},
    {"SeProfileSingleProcessPrivilege", {ADM}, {ADM}},
    {"SeRemoteShutdownPrivilege", {ADM}, {ADM}},
    {"SeRestorePrivilege", {ADM, BAK}, {ADM, BAK}},
    {"SeSecurityPrivilege", {ADM}, {ADM}},
    {"SeShutdownPrivilege", {ADM, USR, BAK}, {ADM, BAK}},
    {"SeSystemEnvironmentPrivilege", {ADM}, {ADM}},
    {"SeSystemProfilePrivilege", {ADM}, {ADM}},
    {"SeSystemtimePrivilege", {LS, ADM}, {LS, ADM}},
    {"SeTakeOwnershipPrivilege", {ADM}, {ADM}},
    {"SeTimeZonePrivilege", {LS, ADM, USR}, {LS, ADM}},
    {"SeUndockPrivilege", {ADM, USR}, {ADM}},
};

static struct sid holder_sid(enum holder h, const struct sid *machine_sid)
{
    switch (h) {
    case H_EVERYONE:
        return sid_make1(1, 0);
    case H_SERVICE:
        return sid_make1(5, 6);
    case H_LOCAL_SERVICE:
        return sid_make1(5, 19);
    case H_NETWORK_SERVICE:
        return sid_make1(5, 20);
    case H_ADMINISTRATORS:
        return sid_make2(5, 32, 544);
    case H_USERS:
        return sid_make2(5, 32, 545);
    case H_BACKUP_OPS:
        return sid_make2(5, 32, 551);
    case H_RDP_USERS:
        return sid_make2(5, 32, 555);
    case H_PERFLOG_USERS:
        return sid_make2(5, 32, 559);
    case H_GUEST:
        return sid_append(machine_sid, 501);
    case H_END:
        break;
    }
    return sid_make1(0, 0);
}

size_t bases_holders(enum policy_base base, int id, const struct sid *machine_sid,
                     struct sid *out, size_t cap)
{
    if (base != BASE_WORKSTATION && base != BASE_SERVER)
        return 0;
    const struct right_info *info = right_info(id);
    if (!info)
        return 0;
    for (size_t r = 0; r < sizeof stock / sizeof stock[0]; r++) {
        if (strcmp(stock[r].right, info->name) != 0)
            continue;
        const enum holder *list = base == BASE_SERVER ? stock[r].server : stock[r].workstation;
        size_t n = 0;
        for (; list[n] != H_END; n++)
            if (n < cap)
                out[n] = holder_sid(list[n], machine_sid);
        return n;
    }
    return 0;
}
