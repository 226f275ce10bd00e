/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: LsaLogonUser's reading of AuthenticationInformation, through
 * the public API with a loaded policy (fuzz_policy.h). Input layout:
 *
 *   byte 0   package: MSV1_0, Kerberos, Negotiate or a raw id
 *   byte 1   logon type (raw, so invalid types too)
 *   byte 2   flags: 1 untrusted connection, 2 LocalGroups, 4 NULL block,
 *            8 pass a shorter AuthenticationInformationLength
 *   byte 3   how much shorter (flag 8)
 *   groups   (flag 2) count, then per SID revision, sub-authority count,
 *            authority (6 bytes), sub-authorities, attributes
 *   fix-ups  UNICODE_STRING pointer rewrites (fuzz_fixup_strings)
 *   rest     the submit block, copied into an allocation of exactly its size
 *
 * Besides crashes, leaks and hangs, checks the failure contract: a failed
 * logon returns no token and no profile.
 */
#include <stdlib.h>
#include <string.h>

#include <windows.h>
#include <ntsecapi.h>
#include <ntstatus.h>

#include "fuzz.h"
#include "fuzz_policy.h"
#include "lsaemu.h"

static HANDLE trusted, untrusted;
static ULONG pkg_ids[3];

static void init_once(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    struct lsaemu_error err;
    FUZZ_ASSERT(lsaemu_load_policy_string(fuzz_policy_yaml, "fuzz-policy", &err) == 0);
    LSA_STRING name = {4, 5, (PCHAR) "fuzz"};
    LSA_OPERATIONAL_MODE mode;
    FUZZ_ASSERT(LsaRegisterLogonProcess(&name, &trusted, &mode) == STATUS_SUCCESS);
    FUZZ_ASSERT(LsaConnectUntrusted(&untrusted) == STATUS_SUCCESS);
    static const char *const names[3] = {"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", "Kerberos",
                                         "Negotiate"};
    for (int i = 0; i < 3; i++) {
        LSA_STRING pn = {(USHORT)strlen(names[i]), (USHORT)(strlen(names[i]) + 1),
                         (PCHAR)names[i]};
        FUZZ_ASSERT(LsaLookupAuthenticationPackage(trusted, &pn, &pkg_ids[i]) ==
                    STATUS_SUCCESS);
    }
}

/* LocalGroups from the input; every SID gets the bytes its header claims
 * (up to 15 sub-authorities), as a correct caller's would. */
static PTOKEN_GROUPS read_groups(struct fuzz_in *in, void **sids, unsigned *n_sids)
{
    unsigned count = fuzz_u8(in) % 5;
    PTOKEN_GROUPS g = calloc(1, sizeof *g + 4 * sizeof(SID_AND_ATTRIBUTES));
    FUZZ_ASSERT(g != NULL);
    g->GroupCount = count;
    for (unsigned i = 0; i < count; i++) {
        unsigned char hdr[8];
        for (int k = 0; k < 8; k++)
            hdr[k] = fuzz_u8(in);
        unsigned subs = hdr[1] > 15 ? 0 : hdr[1];
        unsigned char *sid = malloc(8 + 4 * subs);
        FUZZ_ASSERT(sid != NULL);
        memcpy(sid, hdr, 8);
        for (unsigned k = 0; k < 4 * subs; k++)
            sid[8 + k] = fuzz_u8(in);
        sids[(*n_sids)++] = sid;
        g->Groups[i].Sid = sid;
        g->Groups[i].Attributes = fuzz_u16(in);
    }
    return g;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    init_once();
    struct fuzz_in in = {data, size};
    uint8_t pkg = fuzz_u8(&in), type = fuzz_u8(&in), flags = fuzz_u8(&in),
            shorter = fuzz_u8(&in);
    ULONG package = pkg % 4 < 3 ? pkg_ids[pkg % 4] : pkg;
    void *sids[4];
    unsigned n_sids = 0;
    PTOKEN_GROUPS groups = (flags & 2) ? read_groups(&in, sids, &n_sids) : NULL;
    struct fuzz_in fixups = fuzz_take_fixups(&in);
    size_t block_len = in.n;
    unsigned char *block = malloc(block_len ? block_len : 1);
    FUZZ_ASSERT(block != NULL);
    if (block_len)
        memcpy(block, in.p, block_len);
    fuzz_fixup_strings(&fixups, block, block_len);

    ULONG len = (ULONG)block_len;
    if (flags & 8)
        len -= (ULONG)(shorter % (block_len + 1));
    LSA_STRING origin = {4, 5, (PCHAR) "fuzz"};
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    memcpy(source.SourceName, "FuzzSrc", 7);
    PVOID profile = (PVOID)1;
    ULONG profile_len = 1;
    LUID logon_id;
    HANDLE token = (HANDLE)1;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = 0;
    NTSTATUS st = LsaLogonUser((flags & 1) ? untrusted : trusted, &origin,
                               (SECURITY_LOGON_TYPE)(type % 16), package,
                               (flags & 4) ? NULL : block, len, groups, &source, &profile,
                               &profile_len, &logon_id, &token, &quotas, &sub);
    if (st == STATUS_SUCCESS) {
        FUZZ_ASSERT(token != NULL);
        if (profile)
            FUZZ_ASSERT(LsaFreeReturnBuffer(profile) == STATUS_SUCCESS);
        FUZZ_ASSERT(CloseHandle(token));
    } else {
        FUZZ_ASSERT(token == NULL);
        FUZZ_ASSERT(profile == NULL);
        FUZZ_ASSERT(profile_len == 0);
    }
    free(block);
    for (unsigned i = 0; i < n_sids; i++)
        free(sids[i]);
    free(groups);
    return 0;
}
