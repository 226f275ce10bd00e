/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: LsaCallAuthenticationPackage's reading of the submit buffer,
 * for every package and message type, through the public API with a loaded
 * policy (fuzz_policy.h). Input layout:
 *
 *   byte 0   package: MSV1_0, Kerberos, Negotiate or a raw id
 *   byte 1   flags: 1 untrusted connection, 2 NULL buffer, 4 NULL output
 *            pointers, 8 shorter SubmitBufferLength, 16 a handle that is no
 *            connection
 *   byte 2   how much shorter (flag 8)
 *   fix-ups  UNICODE_STRING pointer rewrites (fuzz_fixup_strings)
 *   rest     the submit buffer (its first ULONG is the message type),
 *            copied into an allocation of exactly its size
 *
 * Checks besides crashes, leaks and hangs: a failed call returns no buffer,
 * and a returned buffer is freed by LsaFreeReturnBuffer.
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

static void load_policy(void)
{
    struct lsaemu_error err;
    FUZZ_ASSERT(lsaemu_load_policy_string(fuzz_policy_yaml, "fuzz-policy", &err) == 0);
}

static void init_once(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    load_policy();
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    init_once();
    struct fuzz_in in = {data, size};
    uint8_t pkg = fuzz_u8(&in), flags = fuzz_u8(&in), shorter = fuzz_u8(&in);
    ULONG package = pkg % 4 < 3 ? pkg_ids[pkg % 4] : pkg;
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
    ULONG message = 0;
    if (block_len >= sizeof message)
        memcpy(&message, block, sizeof message);

    HANDLE h = (flags & 16) ? (HANDLE)(uintptr_t)0x4242 : (flags & 1) ? untrusted : trusted;
    PVOID ret = (PVOID)1;
    ULONG ret_len = 1;
    NTSTATUS ps = 0x12345678;
    int null_out = (flags & 4) != 0;
    NTSTATUS st = LsaCallAuthenticationPackage(h, package, (flags & 2) ? NULL : block, len,
                                               null_out ? NULL : &ret, null_out ? NULL : &ret_len,
                                               null_out ? NULL : &ps);
    if (!null_out) {
        if (st == STATUS_SUCCESS) {
            FUZZ_ASSERT(ret != NULL || ret_len == 0);
            if (ret)
                FUZZ_ASSERT(LsaFreeReturnBuffer(ret) == STATUS_SUCCESS);
            /* A changed password would change every later answer: keep the
             * machine the same for each input. */
            if (ps == STATUS_SUCCESS && package == pkg_ids[0] && message == MsV1_0ChangePassword)
                load_policy();
        } else {
            FUZZ_ASSERT(ret == NULL);
            FUZZ_ASSERT(ret_len == 0);
        }
    }
    free(block);
    return 0;
}
