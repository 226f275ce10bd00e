/* SPDX-License-Identifier: MIT */
/* Interactive profile buffers (see lsa_profile.h). */
#include "win32/secur32/lsa_profile.h"

#include <string.h>

#include "core/state/retbuf.h"
#include "base/utf.h"

#define NEVER 0x7FFFFFFFFFFFFFFFLL

LONGLONG profile_filetime(int64_t unix_seconds)
{
    return (LONGLONG)(unix_seconds + 11644473600LL) * 10000000LL;
}

/*
 * Appends s as UTF-16 at *cursor, NUL-terminated, and points us at it
 * (behavior.md 12.4): Length counts the text, MaximumLength the text and
 * its terminator, and an empty string still points at a NUL, so that a
 * client reading Buffer as a C string (wcslen, %ls, PROFILEINFO's
 * lpServerName) stays inside the block.
 */
static void put_string(UNICODE_STRING *us, const char *s, unsigned char **cursor)
{
    size_t n = s ? utf8_to_utf16(s, NULL, 0) : 0;
    uint16_t *dst = (uint16_t *)*cursor;
    us->Length = (USHORT)(n * 2);
    us->MaximumLength = (USHORT)(n * 2 + 2);
    us->Buffer = (PWSTR)dst;
    if (n)
        utf8_to_utf16(s, dst, n);
    dst[n] = 0;
    *cursor += n * 2 + 2;
}

static size_t units(const char *s)
{
    return s ? utf8_to_utf16(s, NULL, 0) : 0;
}

void *profile_build(const struct policy *pol, const struct account *acct, int64_t now,
                    uint32_t bad_passwords, ULONG *len)
{
    const struct account_extra *x = account_x(acct);
    const char *server = acct->in_domain ? pol->domain.controller : pol->machine_name;
    const char *fields[] = {x->logon_script,  x->home_directory,       acct->full_name,
                            x->profile_path,  x->home_directory_drive, server};
    size_t size = sizeof(MSV1_0_INTERACTIVE_PROFILE);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        size_t n = units(fields[i]);
        /* The text and its NUL must fit a UNICODE_STRING's MaximumLength. */
        if (n > 0x7FFE)
            fields[i] = NULL;
        size += units(fields[i]) * 2 + 2;
    }
    MSV1_0_INTERACTIVE_PROFILE *p = retbuf_new(size);
    if (!p)
        return NULL;
    p->MessageType = MsV1_0InteractiveProfile;
    p->LogonCount = 1;
    p->BadPasswordCount = bad_passwords > 0xFFFF ? 0xFFFF : (USHORT)bad_passwords;
    p->LogonTime.QuadPart = profile_filetime(now);
    p->LogoffTime.QuadPart = NEVER;
    p->KickOffTime.QuadPart = NEVER;
    p->PasswordLastSet.QuadPart = profile_filetime(now);
    p->PasswordCanChange.QuadPart = profile_filetime(now);
    p->PasswordMustChange.QuadPart = NEVER;
    unsigned char *cursor = (unsigned char *)(p + 1);
    put_string(&p->LogonScript, fields[0], &cursor);
    put_string(&p->HomeDirectory, fields[1], &cursor);
    put_string(&p->FullName, fields[2], &cursor);
    put_string(&p->ProfilePath, fields[3], &cursor);
    put_string(&p->HomeDirectoryDrive, fields[4], &cursor);
    put_string(&p->LogonServer, fields[5], &cursor);
    p->UserFlags = 0;
    *len = (ULONG)size;
    return p;
}
