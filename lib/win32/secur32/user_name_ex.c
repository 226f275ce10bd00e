/* SPDX-License-Identifier: MIT */
/*
 * GetUserNameExA/W and TranslateNameA/W (secext.h, secur32.dll) on the
 * emulated machine, whose accounts are all local to it: lsaemu emulates
 * no domain controller and no directory.
 *
 * GetUserNameEx (nf-secext-getusernameexw; i13-facts B15): "If the user
 * account is not in a domain, only NameSamCompatible is supported", so
 *   - NameSamCompatible gives "DOMAIN\name" of the caller's token (the
 *     thread's when impersonating): the machine name for the policy's
 *     accounts, "NT AUTHORITY" for SYSTEM and the service accounts;
 *     nSize is then the length without the NUL;
 *   - every other format fails with ERROR_NONE_MAPPED (1332), NameUnknown
 *     with ERROR_NO_SUCH_USER (1317), as Wine's testGetUserNameExW saw on
 *     Windows; a value outside the enumeration with
 *     GUESS_NAME_FORMAT_UNDEFINED_ERROR;
 *   - a buffer too small (or NULL) fails with ERROR_MORE_DATA (234), nSize
 *     the size needed with the NUL, the buffer unchanged.
 * TranslateName (nf-secext-translatenamea): DesiredNameFormat NameUnknown,
 * an undefined format, a NULL name or nSize fail with
 * ERROR_INVALID_PARAMETER; anything else needs a directory to bind to and
 * fails with GUESS_TRANSLATE_NAME_NO_DIRECTORY_ERROR.
 * Deviation: a NULL nSize, which crashes Windows' GetUserNameEx, is
 * ERROR_INVALID_PARAMETER (tests/check_userenv_secext.c,
 * test_deviation_null_size).
 */
#include <string.h>

#include "base/mem.h"
#include "core/diag/reason.h"
#include "core/diag/trace.h"
#include "core/engine/guesses.h"
#include "core/model/status.h"
#include "core/model/wellknown.h"
#include "core/state/current.h"
#include "win32/api.h"
#include <secext.h>

#ifndef STATUS_NO_SUCH_DOMAIN
#define STATUS_NO_SUCH_DOMAIN ((NTSTATUS)0xC00000DFL)
#endif

/* The values EXTENDED_NAME_FORMAT defines. */
static bool format_defined(EXTENDED_NAME_FORMAT f)
{
    switch (f) {
    case NameUnknown:
    case NameFullyQualifiedDN:
    case NameSamCompatible:
    case NameDisplay:
    case NameUniqueId:
    case NameCanonical:
    case NameUserPrincipal:
    case NameCanonicalEx:
    case NameServicePrincipal:
    case NameDnsDomain:
    case NameGivenName:
    case NameSurname:
        return true;
    }
    return false;
}

/* Fails the call with a Win32 code (the trace shows st). */
static NTSTATUS fail(DWORD code, NTSTATUS st)
{
    api_set_last_error(code);
    return st;
}

/* "DOMAIN\name" of the caller's token, mem_malloc'd (the caller frees it
 * with mem_free()), or NULL when it names nothing the machine knows or
 * memory ran out (*oom then true). */
static char *caller_sam_name(const struct policy *pol, bool *oom)
{
    *oom = false;
    struct token *t = current_caller_token();
    if (!t)
        return NULL;
    const char *domain = NULL, *name = NULL;
    const struct account *a = policy_find_account_sid(pol, &t->user);
    if (a) {
        domain = a->domain;
        name = a->name;
    } else {
        const struct wellknown_sid *w = wellknown_by_sid(&t->user);
        if (w) {
            domain = w->domain;
            name = w->name;
        }
    }
    char *out = NULL;
    if (name) {
        size_t dl = domain ? strlen(domain) : 0, nl = strlen(name);
        out = mem_malloc(dl + 1 + nl + 1);
        if (!out) {
            *oom = true;
        } else {
            if (dl)
                memcpy(out, domain, dl);
            out[dl] = '\\';
            memcpy(out + dl + 1, name, nl + 1);
        }
    }
    token_unref(t);
    return out;
}

static BOOLEAN get_user_name_ex(const char *fn, bool wide, EXTENDED_NAME_FORMAT fmt, void *buf,
                                PULONG size)
{
    struct api_call c;
    BOOL ok = FALSE;
    char *name = NULL;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("%d, %p, %p", (int)fmt, buf, (void *)size);
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
        goto out;
    }
    if (!size) {
        reason_set("nSize is NULL (Deviation: Windows would fault)");
        st = fail(ERROR_INVALID_PARAMETER, STATUS_INVALID_PARAMETER);
        goto out;
    }
    if (fmt == NameUnknown) {
        reason_set("NameUnknown is not a format to give a name in");
        st = fail(ERROR_NO_SUCH_USER, STATUS_NO_SUCH_USER);
        goto out;
    }
    if (!format_defined(fmt)) {
        reason_set("%d is not an EXTENDED_NAME_FORMAT value", (int)fmt);
        st = fail(GUESS_NAME_FORMAT_UNDEFINED_ERROR, STATUS_INVALID_PARAMETER);
        goto out;
    }
    bool oom;
    name = caller_sam_name(c.pol, &oom);
    if (!name) {
        reason_set(oom ? "out of memory" : "the caller's token names no account of the policy");
        st = oom ? fail(ERROR_NOT_ENOUGH_MEMORY, STATUS_NO_MEMORY)
                 : fail(ERROR_NONE_MAPPED, STATUS_NONE_MAPPED);
        goto out;
    }
    if (fmt != NameSamCompatible) {
        reason_set("'%s' is a local account: only NameSamCompatible names it", name);
        st = fail(ERROR_NONE_MAPPED, STATUS_NONE_MAPPED);
        goto out;
    }
    /* ERROR_MORE_DATA with the size needed (NUL included), the length
     * without the NUL on success. A narrow *nSize counts UTF-8 bytes. */
    ULONG n = *size;
    DWORD d = n;
    st = api_give_name(name, wide, buf, &d, ERROR_MORE_DATA, false, &ok);
    *size = d;
out:
    mem_free(name);
    return api_leave_bool_as(&c, st, ok) ? TRUE : FALSE;
}

LSAEMU_EXPORT BOOLEAN SEC_ENTRY GetUserNameExW(EXTENDED_NAME_FORMAT NameFormat,
                                               LPWSTR lpNameBuffer, PULONG nSize)
{
    return get_user_name_ex("GetUserNameExW", true, NameFormat, lpNameBuffer, nSize);
}

LSAEMU_EXPORT BOOLEAN SEC_ENTRY GetUserNameExA(EXTENDED_NAME_FORMAT NameFormat,
                                               LPSTR lpNameBuffer, PULONG nSize)
{
    return get_user_name_ex("GetUserNameExA", false, NameFormat, lpNameBuffer, nSize);
}

static BOOLEAN translate_name(const char *fn, const void *name, EXTENDED_NAME_FORMAT from,
                              EXTENDED_NAME_FORMAT to, void *out, PULONG size)
{
    struct api_call c;
    NTSTATUS st = api_enter(&c, fn, NULL);
    trace_args("%p, %d, %d, %p, %p", name, (int)from, (int)to, out, (void *)size);
    if (st != STATUS_SUCCESS) {
        api_set_last_error(status_to_win32(st));
    } else if (!name || !size) {
        reason_set("the %s is NULL", !name ? "name" : "size");
        st = fail(ERROR_INVALID_PARAMETER, STATUS_INVALID_PARAMETER);
    } else if (to == NameUnknown || !format_defined(from) || !format_defined(to)) {
        reason_set(to == NameUnknown ? "DesiredNameFormat cannot be NameUnknown"
                                     : "a format is not an EXTENDED_NAME_FORMAT value");
        st = fail(to == NameUnknown ? ERROR_INVALID_PARAMETER : GUESS_NAME_FORMAT_UNDEFINED_ERROR,
                  STATUS_INVALID_PARAMETER);
    } else {
        reason_set("%s", c.pol->domain.name
                             ? "no domain controller of the machine's domain is emulated"
                             : "a workgroup machine has no directory to translate names in");
        st = fail(GUESS_TRANSLATE_NAME_NO_DIRECTORY_ERROR, STATUS_NO_SUCH_DOMAIN);
    }
    return (BOOLEAN)api_leave_bool_as(&c, st, FALSE);
}

LSAEMU_EXPORT BOOLEAN SEC_ENTRY TranslateNameW(LPCWSTR lpAccountName,
                                               EXTENDED_NAME_FORMAT AccountNameFormat,
                                               EXTENDED_NAME_FORMAT DesiredNameFormat,
                                               LPWSTR lpTranslatedName, PULONG nSize)
{
    return translate_name("TranslateNameW", lpAccountName, AccountNameFormat, DesiredNameFormat,
                          lpTranslatedName, nSize);
}

LSAEMU_EXPORT BOOLEAN SEC_ENTRY TranslateNameA(LPCSTR lpAccountName,
                                               EXTENDED_NAME_FORMAT AccountNameFormat,
                                               EXTENDED_NAME_FORMAT DesiredNameFormat,
                                               LPSTR lpTranslatedName, PULONG nSize)
{
    return translate_name("TranslateNameA", lpAccountName, AccountNameFormat, DesiredNameFormat,
                          lpTranslatedName, nSize);
}
