/* SPDX-License-Identifier: MIT */
/*
 * The token summary of `lsaemu logon`: what `whoami /all` would show for
 * the new token, read back through GetTokenInformation like any Windows
 * program would, so the summary also exercises the token functions.
 */
#include "config.h"

#include <windows.h>
#include <sddl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "tool_util.h"

/* GetTokenInformation's two-call pattern; NULL when the class fails. */
static void *query(HANDLE token, TOKEN_INFORMATION_CLASS cls)
{
    DWORD len = 0;
    GetTokenInformation(token, cls, NULL, 0, &len);
    if (len == 0)
        return NULL;
    void *buf = malloc(len);
    if (buf && !GetTokenInformation(token, cls, buf, len, &len)) {
        free(buf);
        buf = NULL;
    }
    return buf;
}

/* "S-1-5-32-545  BUILTIN\Users" (the name when LookupAccountSid knows it). */
static void print_sid(PSID sid)
{
    LPSTR text = NULL;
    char name[256], domain[256];
    DWORD nn = sizeof name, nd = sizeof domain;
    SID_NAME_USE use;
    if (ConvertSidToStringSidA(sid, &text)) {
        printf("%s", text);
        LocalFree(text);
    } else {
        printf("(invalid SID)");
    }
    if (LookupAccountSidA(NULL, sid, name, &nn, domain, &nd, &use))
        printf("  %s%s%s", domain, domain[0] ? "\\" : "", name);
}

static const struct {
    DWORD bit;
    const char *word;
} words[] = {
    {SE_GROUP_MANDATORY, "mandatory"},
    {SE_GROUP_ENABLED_BY_DEFAULT, "enabled-by-default"},
    {SE_GROUP_ENABLED, "enabled"},
    {SE_GROUP_OWNER, "owner"},
    {SE_GROUP_USE_FOR_DENY_ONLY, "deny-only"},
    {SE_GROUP_INTEGRITY, "integrity"},
    {SE_GROUP_INTEGRITY_ENABLED, "integrity-enabled"},
    {SE_GROUP_LOGON_ID, "logon-id"},
};

static void print_group_attributes(DWORD a)
{
    const char *sep = " [";
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if ((a & words[i].bit) == words[i].bit) {
            printf("%s%s", sep, words[i].word);
            sep = ", ";
        }
    }
    printf("%s\n", sep[0] == ',' ? "]" : "");
}

void tool_token_summary(HANDLE token)
{
    TOKEN_USER *user = query(token, TokenUser);
    TOKEN_GROUPS *groups = query(token, TokenGroups);
    TOKEN_PRIVILEGES *privs = query(token, TokenPrivileges);
    TOKEN_TYPE *type = query(token, TokenType);

    printf("token\n  user        ");
    if (user)
        print_sid(user->User.Sid);
    else
        printf("(GetTokenInformation failed: %lu)", (unsigned long)GetLastError());
    printf("\n");
    if (type && *type == TokenImpersonation) {
        SECURITY_IMPERSONATION_LEVEL *level = query(token, TokenImpersonationLevel);
        static const char *const levels[] = {"anonymous", "identification", "impersonation",
                                             "delegation"};
        printf("  type        impersonation, level %s\n",
               level && (unsigned)*level < 4 ? levels[*level] : "?");
        free(level);
    } else if (type) {
        printf("  type        primary\n");
    }
    /* Only a split token (machine.uac) says more than Default. */
    TOKEN_ELEVATION_TYPE *elevation = query(token, TokenElevationType);
    if (elevation && *elevation == TokenElevationTypeLimited)
        printf("  elevation   limited (UAC filtered token; TokenLinkedToken is the full one)\n");
    else if (elevation && *elevation == TokenElevationTypeFull)
        printf("  elevation   full (UAC; TokenLinkedToken is the filtered one)\n");
    free(elevation);
    if (groups) {
        printf("  groups\n");
        for (DWORD i = 0; i < groups->GroupCount; i++) {
            printf("    ");
            print_sid(groups->Groups[i].Sid);
            print_group_attributes(groups->Groups[i].Attributes);
        }
    }
    if (privs) {
        printf("  privileges\n");
        for (DWORD i = 0; i < privs->PrivilegeCount; i++) {
            char name[128];
            DWORD n = sizeof name;
            LUID luid = privs->Privileges[i].Luid;
            if (!LookupPrivilegeNameA(NULL, &luid, name, &n))
                snprintf(name, sizeof name, "LUID %lu", (unsigned long)luid.LowPart);
            DWORD a = privs->Privileges[i].Attributes;
            printf("    %-42s %s%s\n", name, a & SE_PRIVILEGE_ENABLED ? "enabled" : "disabled",
                   a & SE_PRIVILEGE_ENABLED_BY_DEFAULT ? " (by default)" : "");
        }
    }
    free(user);
    free(groups);
    free(privs);
    free(type);
}

/* ---- --json ------------------------------------------------------------------ */

/* "sid": "S-1-...", "name": "WS1\\alice" or null, in the current object. */
static void json_sid(struct json *j, PSID sid)
{
    LPSTR text = NULL;
    char name[256], domain[256], full[520];
    DWORD nn = sizeof name, nd = sizeof domain;
    SID_NAME_USE use;
    if (ConvertSidToStringSidA(sid, &text)) {
        json_string(j, "sid", text);
        LocalFree(text);
    } else {
        json_null(j, "sid");
    }
    if (LookupAccountSidA(NULL, sid, name, &nn, domain, &nd, &use)) {
        snprintf(full, sizeof full, "%s%s%s", domain, domain[0] ? "\\" : "", name);
        json_string(j, "name", full);
    } else {
        json_null(j, "name");
    }
}

void tool_token_json(struct json *j, HANDLE token)
{
    TOKEN_USER *user = query(token, TokenUser);
    TOKEN_GROUPS *groups = query(token, TokenGroups);
    TOKEN_PRIVILEGES *privs = query(token, TokenPrivileges);
    TOKEN_TYPE *type = query(token, TokenType);
    static const char *const levels[] = {"anonymous", "identification", "impersonation",
                                         "delegation"};
    json_object(j, "token");
    if (user) {
        json_object(j, "user");
        json_sid(j, user->User.Sid);
        json_close(j, '}');
    } else {
        json_null(j, "user");
    }
    json_string(j, "type", !type ? NULL : *type == TokenImpersonation ? "impersonation" : "primary");
    if (type && *type == TokenImpersonation) {
        SECURITY_IMPERSONATION_LEVEL *level = query(token, TokenImpersonationLevel);
        json_string(j, "impersonation_level",
                    level && (unsigned)*level < 4 ? levels[*level] : NULL);
        free(level);
    } else {
        json_null(j, "impersonation_level");
    }
    json_array(j, "groups");
    for (DWORD i = 0; groups && i < groups->GroupCount; i++) {
        json_object(j, NULL);
        json_sid(j, groups->Groups[i].Sid);
        json_array(j, "attributes");
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if ((groups->Groups[i].Attributes & words[w].bit) == words[w].bit)
                json_string(j, NULL, words[w].word);
        json_close(j, ']');
        json_close(j, '}');
    }
    json_close(j, ']');
    json_array(j, "privileges");
    for (DWORD i = 0; privs && i < privs->PrivilegeCount; i++) {
        char name[128];
        DWORD n = sizeof name;
        LUID luid = privs->Privileges[i].Luid;
        if (!LookupPrivilegeNameA(NULL, &luid, name, &n))
            snprintf(name, sizeof name, "LUID %lu", (unsigned long)luid.LowPart);
        DWORD a = privs->Privileges[i].Attributes;
        json_object(j, NULL);
        json_string(j, "name", name);
        json_bool(j, "enabled", (a & SE_PRIVILEGE_ENABLED) != 0);
        json_bool(j, "enabled_by_default", (a & SE_PRIVILEGE_ENABLED_BY_DEFAULT) != 0);
        json_close(j, '}');
    }
    json_close(j, ']');
    json_close(j, '}');
    free(user);
    free(groups);
    free(privs);
    free(type);
}
