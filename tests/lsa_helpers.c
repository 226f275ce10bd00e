/* SPDX-License-Identifier: MIT */
/* Helpers for the Secur32 API suites (see lsa_helpers.h). */
#include "lsa_helpers.h"

#include <sddl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

LSA_STRING th_lsa_string(const char *text)
{
    LSA_STRING s;
    memset(&s, 0, sizeof s);
    size_t n = strlen(text);
    s.Length = (USHORT)n;
    s.MaximumLength = (USHORT)(n + 1);
    s.Buffer = (PCHAR)text;
    return s;
}

char *th_repeat(char c, size_t n)
{
    char *p = malloc(n + 1);
    ck_assert_ptr_nonnull(p);
    memset(p, c, n);
    p[n] = '\0';
    return p;
}

LSA_UNICODE_STRING th_lsa_ustr(const char *ascii)
{
    static WCHAR ring[16][128];
    static int next;
    WCHAR *w = ring[next++ % 16];
    size_t bytes = th_utf16(w, ascii);
    w[bytes / 2] = 0;
    LSA_UNICODE_STRING u = {(USHORT)bytes, (USHORT)(bytes + 2), w};
    return u;
}

PSID th_sid_of(const char *text)
{
    static BYTE ring[8][SECURITY_MAX_SID_SIZE];
    static int next;
    BYTE *out = ring[next++ % 8];
    PSID tmp = NULL;
    ck_assert_msg(ConvertStringSidToSidA(text, &tmp), "%s", text);
    memcpy(out, tmp, GetLengthSid(tmp));
    ck_assert_ptr_null(LocalFree(tmp));
    return out;
}

size_t th_utf16(WCHAR *dst, const char *ascii)
{
    size_t i = 0;
    for (; ascii[i]; i++)
        dst[i] = (WCHAR)(unsigned char)ascii[i];
    return i * sizeof(WCHAR);
}

static int ustr_cmp(const UNICODE_STRING *u, const char *ascii, int fold)
{
    size_t n = strlen(ascii);
    if (u->Length != n * sizeof(WCHAR))
        return 0;
    if (n == 0)
        return 1;
    if (u->Buffer == NULL)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned a = u->Buffer[i], b = (unsigned char)ascii[i];
        if (fold) {
            if (a >= 'A' && a <= 'Z')
                a += 'a' - 'A';
            if (b >= 'A' && b <= 'Z')
                b += 'a' - 'A';
        }
        if (a != b)
            return 0;
    }
    return 1;
}

int th_ustr_eq(const UNICODE_STRING *u, const char *ascii)
{
    return ustr_cmp(u, ascii, 0);
}

int th_ustr_ieq(const UNICODE_STRING *u, const char *ascii)
{
    return ustr_cmp(u, ascii, 1);
}

const char *th_ustr_ascii(const UNICODE_STRING *u)
{
    static __thread char buf[600];
    size_t n = u->Length / sizeof(WCHAR), i;
    if (u->Buffer == NULL)
        n = 0;
    if (n > sizeof buf - 1)
        n = sizeof buf - 1;
    for (i = 0; i < n; i++)
        buf[i] = u->Buffer[i] < 0x80 ? (char)u->Buffer[i] : '?';
    buf[i] = '\0';
    return buf;
}

void *th_pack(size_t header_size, ULONG message_type, const size_t *offsets,
              const char *const *texts, size_t n, ULONG *len)
{
    /* Strings start on a WCHAR boundary after the structure. */
    size_t total = (header_size + 1) & ~(size_t)1;
    for (size_t i = 0; i < n; i++)
        if (texts[i] && texts[i][0])
            total += (strlen(texts[i]) + 1) * sizeof(WCHAR);
    unsigned char *block = calloc(1, total);
    ck_assert_ptr_nonnull(block);
    memcpy(block, &message_type, sizeof message_type);

    size_t pos = (header_size + 1) & ~(size_t)1;
    for (size_t i = 0; i < n; i++) {
        UNICODE_STRING u;
        memset(&u, 0, sizeof u);
        if (texts[i] && texts[i][0]) {
            WCHAR *dst = (WCHAR *)(void *)(block + pos);
            size_t bytes = th_utf16(dst, texts[i]);
            u.Length = (USHORT)bytes;
            u.MaximumLength = (USHORT)(bytes + sizeof(WCHAR));
            u.Buffer = dst;
            pos += bytes + sizeof(WCHAR);
        }
        memcpy(block + offsets[i], &u, sizeof u);
    }
    *len = (ULONG)total;
    return block;
}

void *th_msv_interactive(const char *domain, const char *user, const char *password, ULONG *len)
{
    static const size_t off[3] = {offsetof(MSV1_0_INTERACTIVE_LOGON, LogonDomainName),
                                  offsetof(MSV1_0_INTERACTIVE_LOGON, UserName),
                                  offsetof(MSV1_0_INTERACTIVE_LOGON, Password)};
    const char *texts[3] = {domain, user, password};
    return th_pack(sizeof(MSV1_0_INTERACTIVE_LOGON), TH_MSG_INTERACTIVE, off, texts, 3, len);
}

void *th_kerb_interactive(const char *domain, const char *user, const char *password, ULONG *len)
{
    static const size_t off[3] = {offsetof(KERB_INTERACTIVE_LOGON, LogonDomainName),
                                  offsetof(KERB_INTERACTIVE_LOGON, UserName),
                                  offsetof(KERB_INTERACTIVE_LOGON, Password)};
    const char *texts[3] = {domain, user, password};
    return th_pack(sizeof(KERB_INTERACTIVE_LOGON), TH_MSG_INTERACTIVE, off, texts, 3, len);
}

void *th_msv_s4u(const char *user, const char *domain, ULONG flags, ULONG *len)
{
    static const size_t off[2] = {offsetof(MSV1_0_S4U_LOGON, UserPrincipalName),
                                  offsetof(MSV1_0_S4U_LOGON, DomainName)};
    const char *texts[2] = {user, domain};
    MSV1_0_S4U_LOGON *s4u =
        th_pack(sizeof(MSV1_0_S4U_LOGON), TH_MSG_S4U, off, texts, 2, len);
    s4u->Flags = flags;
    return s4u;
}

void *th_kerb_s4u(const char *upn, const char *realm, ULONG flags, ULONG *len)
{
    static const size_t off[2] = {offsetof(KERB_S4U_LOGON, ClientUpn),
                                  offsetof(KERB_S4U_LOGON, ClientRealm)};
    const char *texts[2] = {upn, realm};
    KERB_S4U_LOGON *s4u = th_pack(sizeof(KERB_S4U_LOGON), TH_MSG_S4U, off, texts, 2, len);
    s4u->Flags = flags;
    return s4u;
}

PSID th_sid(void *buf, unsigned authority, const uint32_t *subs, unsigned n)
{
    unsigned char *p = buf;
    p[0] = 1; /* revision */
    p[1] = (unsigned char)n;
    memset(p + 2, 0, 6);
    p[7] = (unsigned char)authority; /* big-endian 48-bit authority, small values */
    memcpy(p + 8, subs, 4 * (size_t)n);
    return buf;
}

PTOKEN_GROUPS th_groups(enum th_groups which)
{
    static const uint32_t local_subs[1] = {0};               /* S-1-2-0 */
    static const uint32_t logon_subs[3] = {5, 0, 4242};      /* S-1-5-5-0-4242 */
    size_t count = which == TH_GROUPS_BOTH ? 2 : 1;
    size_t head = offsetof(TOKEN_GROUPS, Groups) + count * sizeof(SID_AND_ATTRIBUTES);
    head = (head + 7) & ~(size_t)7;
    unsigned char *block = calloc(1, head + 2 * 24);
    ck_assert_ptr_nonnull(block);
    PTOKEN_GROUPS g = (PTOKEN_GROUPS)(void *)block;
    unsigned char *sids = block + head;
    g->GroupCount = (DWORD)count;
    size_t i = 0;
    if (which == TH_GROUPS_LOGON_SID || which == TH_GROUPS_BOTH) {
        g->Groups[i].Sid = th_sid(sids, 5, logon_subs, 3);
        /* SE_GROUP_LOGON_ID | MANDATORY | ENABLED_BY_DEFAULT | ENABLED */
        g->Groups[i].Attributes = 0xC0000007u;
        sids += 24;
        i++;
    }
    if (which == TH_GROUPS_LOCAL || which == TH_GROUPS_BOTH) {
        g->Groups[i].Sid = th_sid(sids, 2, local_subs, 1);
        g->Groups[i].Attributes = 0x00000007u;
    }
    return g;
}

HANDLE th_connect_trusted(void)
{
    LSA_STRING name = th_lsa_string("TestLogon");
    HANDLE h = NULL;
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(LsaRegisterLogonProcess(&name, &h, &mode), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(h);
    return h;
}

HANDLE th_connect_untrusted(void)
{
    HANDLE h = NULL;
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(h);
    return h;
}

ULONG th_package(HANDLE lsa, const char *name)
{
    LSA_STRING s = th_lsa_string(name);
    ULONG id = 0xFFFFFFFFu;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(lsa, &s, &id), STATUS_SUCCESS);
    return id;
}

NTSTATUS th_logon(HANDLE lsa, ULONG package, SECURITY_LOGON_TYPE type, void *buf, ULONG len,
                  PTOKEN_GROUPS groups, struct th_logon_out *out)
{
    LSA_STRING origin = th_lsa_string("lsaemu-tests");
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    memcpy(source.SourceName, "TestSrc", 7);

    out->sub_status = TH_GARBAGE_STATUS;
    out->profile = TH_GARBAGE_PTR;
    out->profile_len = 0x5A5Au;
    out->logon_id.LowPart = 0x5A5A5A5Au;
    out->logon_id.HighPart = 0x5A5A;
    out->token = (HANDLE)TH_GARBAGE_PTR;
    memset(&out->quotas, 0xA5, sizeof out->quotas);

    out->status = LsaLogonUser(lsa, &origin, type, package, buf, len, groups, &source,
                               &out->profile, &out->profile_len, &out->logon_id, &out->token,
                               &out->quotas, &out->sub_status);
    return out->status;
}

NTSTATUS th_logon_msv(HANDLE lsa, SECURITY_LOGON_TYPE type, const char *user,
                      const char *password, struct th_logon_out *out)
{
    ULONG len;
    void *buf = th_msv_interactive(".", user, password, &len);
    NTSTATUS st = th_logon(lsa, th_package(lsa, TH_MSV1_0), type, buf, len, NULL, out);
    free(buf);
    return st;
}

void th_assert_failed_outputs(const struct th_logon_out *out)
{
    ck_assert_msg(out->token == NULL, "failed logon left *Token = %p", (void *)out->token);
    ck_assert_msg(out->profile == NULL, "failed logon left *ProfileBuffer = %p", out->profile);
    ck_assert_msg(out->profile_len == 0, "failed logon left *ProfileBufferLength = %lu",
                  (unsigned long)out->profile_len);
}

void th_release(struct th_logon_out *out)
{
    if (out->profile != NULL) {
        ck_assert_status_eq(LsaFreeReturnBuffer(out->profile), STATUS_SUCCESS);
        out->profile = NULL;
    }
    if (out->token != NULL) {
        ck_assert_msg(CloseHandle(out->token), "CloseHandle(token) failed: %lu",
                      (unsigned long)GetLastError());
        out->token = NULL;
    }
}

ULONG th_session_count(void)
{
    ULONG count = 0xFFFFFFFFu;
    PLUID list = NULL;
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_SUCCESS);
    ck_assert_uint_ne(count, 0xFFFFFFFFu);
    if (list != NULL)
        ck_assert_status_eq(LsaFreeReturnBuffer(list), STATUS_SUCCESS);
    return count;
}

int th_session_listed(LUID id)
{
    ULONG count = 0;
    PLUID list = NULL;
    int found = 0;
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_SUCCESS);
    for (ULONG i = 0; i < count; i++)
        if (list[i].LowPart == id.LowPart && list[i].HighPart == id.HighPart)
            found = 1;
    if (list != NULL)
        ck_assert_status_eq(LsaFreeReturnBuffer(list), STATUS_SUCCESS);
    return found;
}

int th_nofork(void)
{
    const char *f = getenv("CK_FORK");
    return f != NULL && strcmp(f, "no") == 0;
}
