/* SPDX-License-Identifier: MIT */
/* Helpers for the LogonUser and token suites (see token_helpers.h). */
#define _POSIX_C_SOURCE 200809L
#include "token_helpers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

LPCWSTR tk_w(WCHAR *buf, const char *ascii)
{
    if (!ascii)
        return NULL;
    size_t bytes = th_utf16(buf, ascii);
    buf[bytes / 2] = 0;
    return buf;
}

const char *tk_sid_text(const void *p, char *buf)
{
    const SID *s = p;
    uint64_t auth = 0;
    for (int i = 0; i < 6; i++)
        auth = (auth << 8) | s->IdentifierAuthority.Value[i];
    int n = sprintf(buf, "S-%u-%" PRIu64, (unsigned)s->Revision, auth);
    for (unsigned i = 0; i < s->SubAuthorityCount; i++)
        n += sprintf(buf + n, "-%lu", (unsigned long)s->SubAuthority[i]);
    return buf;
}

PSID tk_sid(void *buf, const char *text)
{
    SID *s = buf;
    unsigned long long auth;
    int used = 0;
    ck_assert_msg(sscanf(text, "S-1-%llu%n", &auth, &used) == 1, "bad SID text %s", text);
    memset(s, 0, 8);
    s->Revision = 1;
    for (int i = 5; i >= 0; i--, auth >>= 8)
        s->IdentifierAuthority.Value[i] = (BYTE)(auth & 0xFF);
    const char *q = text + used;
    while (*q == '-') {
        char *end;
        s->SubAuthority[s->SubAuthorityCount++] = (DWORD)strtoul(q + 1, &end, 10);
        q = end;
    }
    return s;
}

void *tk_info(HANDLE token, TOKEN_INFORMATION_CLASS cls, DWORD *len)
{
    DWORD need = 0xDEADu;
    void *buf;
    BOOL fixed = cls == TokenType || cls == TokenImpersonationLevel || cls == TokenStatistics ||
                 cls == TokenSessionId || cls == TokenOrigin || cls == TokenElevation ||
                 cls == TokenElevationType || cls == TokenSource;
    if (!fixed) {
        SetLastError(0);
        ck_assert_msg(!GetTokenInformation(token, cls, NULL, 0, &need),
                      "size query of class %d succeeded", (int)cls);
        ck_assert_win32_eq(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
        ck_assert_uint_gt(need, 0);
        ck_assert_uint_ne(need, 0xDEADu);
    } else {
        need = 256;
    }
    buf = malloc(need);
    ck_assert_ptr_nonnull(buf);
    DWORD got = 0;
    ck_assert_msg(GetTokenInformation(token, cls, buf, need, &got),
                  "GetTokenInformation(%d) failed: %lu (%s)", (int)cls,
                  (unsigned long)GetLastError(), lsaemu_last_reason());
    if (!fixed)
        ck_assert_uint_eq(got, need);
    if (len)
        *len = got;
    return buf;
}

const char *tk_user(HANDLE token, char *buf)
{
    TOKEN_USER *u = tk_info(token, TokenUser, NULL);
    ck_assert_uint_eq(u->User.Attributes, 0);
    tk_sid_text(u->User.Sid, buf);
    free(u);
    return buf;
}

int tk_has_group(HANDLE token, const char *sid, DWORD *attrs)
{
    DWORD len;
    TOKEN_GROUPS *g = tk_info(token, TokenGroups, &len);
    int found = 0;
    char text[200];
    for (DWORD i = 0; i < g->GroupCount; i++) {
        /* Every SID lies inside the returned buffer, after the array. */
        const char *p = g->Groups[i].Sid, *base = (const char *)g;
        ck_assert_msg(p >= base + 8 + 16 * (size_t)g->GroupCount && p < base + len,
                      "group SID %lu outside the buffer", (unsigned long)i);
        if (strcmp(tk_sid_text(g->Groups[i].Sid, text), sid) == 0) {
            found = 1;
            if (attrs)
                *attrs = g->Groups[i].Attributes;
        }
    }
    free(g);
    return found;
}

const char *tk_logon_sid(HANDLE token, char *buf)
{
    TOKEN_GROUPS *g = tk_info(token, TokenGroups, NULL);
    const char *res = NULL;
    for (DWORD i = 0; i < g->GroupCount; i++) {
        if ((g->Groups[i].Attributes & SE_GROUP_LOGON_ID) == SE_GROUP_LOGON_ID) {
            ck_assert_ptr_null(res); /* only one */
            res = tk_sid_text(g->Groups[i].Sid, buf);
        }
    }
    free(g);
    return res;
}

DWORD tk_type(HANDLE token)
{
    DWORD *v = tk_info(token, TokenType, NULL);
    DWORD r = *v;
    free(v);
    return r;
}

TOKEN_STATISTICS tk_stats(HANDLE token)
{
    TOKEN_STATISTICS *v = tk_info(token, TokenStatistics, NULL);
    TOKEN_STATISTICS r = *v;
    free(v);
    return r;
}

long tk_priv(HANDLE token, DWORD luid)
{
    TOKEN_PRIVILEGES *p = tk_info(token, TokenPrivileges, NULL);
    long r = -1;
    for (DWORD i = 0; i < p->PrivilegeCount; i++)
        if (p->Privileges[i].Luid.LowPart == luid && p->Privileges[i].Luid.HighPart == 0)
            r = (long)p->Privileges[i].Attributes;
    free(p);
    return r;
}

void tk_check_groups(HANDLE token, DWORD type, const char *id)
{
    int network = type == LOGON32_LOGON_NETWORK || type == LOGON32_LOGON_NETWORK_CLEARTEXT;
    const char *type_sid = network ? "S-1-5-2" : type == LOGON32_LOGON_BATCH ? "S-1-5-3"
                           : type == LOGON32_LOGON_SERVICE                   ? "S-1-5-6"
                                                                             : "S-1-5-4";
    static const char *const always[] = {"S-1-1-0", "S-1-5-11", "S-1-5-32-545"};
    DWORD attrs = 0;
    for (size_t i = 0; i < 3; i++) {
        ck_assert_msg(tk_has_group(token, always[i], &attrs), "%s: %s missing", id, always[i]);
        ck_assert_msg((attrs & 7) == 7, "%s: %s attributes 0x%lX", id, always[i],
                      (unsigned long)attrs);
    }
    ck_assert_msg(tk_has_group(token, type_sid, &attrs), "%s: %s missing", id, type_sid);
    ck_assert_uint_eq(attrs & 7, 7);
    static const char *const types[] = {"S-1-5-2", "S-1-5-3", "S-1-5-4", "S-1-5-6"};
    for (size_t i = 0; i < 4; i++)
        if (strcmp(types[i], type_sid) != 0)
            ck_assert_msg(!tk_has_group(token, types[i], NULL), "%s: unexpected %s", id,
                          types[i]);
    char buf[200];
    const char *ls = tk_logon_sid(token, buf);
    if (network) {
        ck_assert_msg(ls == NULL, "%s: network token with logon SID %s", id, ls);
        ck_assert_msg(!tk_has_group(token, "S-1-2-0", NULL), "%s: network token with LOCAL", id);
    } else {
        ck_assert_msg(ls != NULL, "%s: no logon SID", id);
        ck_assert_msg(strncmp(ls, "S-1-5-5-", 8) == 0, "%s: logon SID %s", id, ls);
        ck_assert_msg(tk_has_group(token, "S-1-2-0", NULL), "%s: LOCAL missing", id);
    }
}
