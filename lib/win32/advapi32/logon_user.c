/* SPDX-License-Identifier: MIT */
/*
 * LogonUserA/W, LogonUserExA/W and LogonUserExExW (behavior.md 3.11).
 *
 * Advapi32 validates the LOGON32 arguments itself and then logs on through
 * the LSA like any logon process ("Advapi", source "Advapi  "), so after the
 * argument checks everything goes through logon_core(), the path
 * LsaLogonUser takes. What differs is the answer: a BOOL and a Win32 error
 * derived from the status and SubStatus (3.11 step 4).
 */
#include <stdlib.h>
#include "base/mem.h"
#include <string.h>

#include "core/engine/guesses.h"
#include "core/diag/reason.h"
#include "core/state/sessions.h"
#include "core/model/status.h"
#include "win32/secur32/logon_core.h"
#include "core/diag/trace.h"
#include "base/utf.h"

/* The longest string a UNICODE_STRING can describe, in code units. */
#define MAX_UNITS 32767u

/* One string argument as UTF-16 code units. */
struct arg16 {
    const uint16_t *p; /* NULL when the caller passed NULL */
    size_t n;
    uint16_t *owned;   /* converted copy (A functions), freed at the end */
    bool too_long;
};

/* The arguments every variant shares; the strings are either narrow (A) or
 * wide (W). */
struct lu_args {
    const char *fn;
    bool ansi;
    const void *user, *domain, *password;
    DWORD type, provider;
    PTOKEN_GROUPS groups;
    PHANDLE token;
    PSID *logon_sid;
    PVOID *profile;
    LPDWORD profile_len;
    PQUOTA_LIMITS quotas;
};

/* Is s (NUL-terminated) well-formed UTF-8? Overlong forms, encoded
 * surrogates and code points past U+10FFFF are not. */
static bool valid_utf8(const unsigned char *s)
{
    size_t used;
    for (; *s; s += used)
        if (utf8_next(s, SIZE_MAX, &used, 0) < 0)
            return false;
    return true;
}

/*
 * The A functions take ANSI text. lsaemu has no code page: bytes that form
 * valid UTF-8 are read as UTF-8, anything else byte by byte as Latin-1 (the
 * first 256 code points), so every byte string has one UTF-16 form.
 * Returns false on allocation failure.
 */
static bool arg_from_ansi(const char *s, struct arg16 *a)
{
    memset(a, 0, sizeof *a);
    if (!s)
        return true;
    size_t bytes = strlen(s);
    /* Too long for a UNICODE_STRING: the call fails, but the string is
     * still converted, so that the trace shows what the caller passed. */
    a->too_long = bytes > MAX_UNITS;
    a->owned = mem_malloc((bytes + 1) * sizeof *a->owned);
    if (!a->owned)
        return false;
    if (valid_utf8((const unsigned char *)s)) {
        a->n = utf8_to_utf16(s, a->owned, bytes + 1);
    } else {
        for (size_t i = 0; i < bytes; i++)
            a->owned[i] = (unsigned char)s[i];
        a->n = bytes;
    }
    a->p = a->owned;
    return true;
}

/* W strings are NUL-terminated UTF-16; count the code units ourselves, to
 * the end as RtlInitUnicodeStringEx does before it answers
 * STATUS_NAME_TOO_LONG, so that the trace can show the whole string. */
static void arg_from_wide(const WCHAR *s, struct arg16 *a)
{
    memset(a, 0, sizeof *a);
    if (!s)
        return;
    a->p = (const uint16_t *)s;
    a->n = utf16_len(a->p, SIZE_MAX - 1);
    a->too_long = a->n > MAX_UNITS;
}

static bool has_at(const struct arg16 *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->p[i] == '@')
            return true;
    return false;
}

/* 3.11 step 4: the Win32 error a failed logon reports. */
static DWORD logon_error(NTSTATUS st, NTSTATUS sub)
{
    if (st == STATUS_ACCOUNT_RESTRICTION && GUESS_LOGONUSER_RESTRICTION_USES_SUBSTATUS)
        return sub != STATUS_SUCCESS ? status_to_win32(sub) : ERROR_ACCOUNT_RESTRICTION;
    if (st == STATUS_LOGON_FAILURE)
        return GUESS_LOGONUSER_FAILURE_ERROR;
    return status_to_win32(st);
}

static bool type_valid(DWORD t)
{
    return (t >= LOGON32_LOGON_INTERACTIVE && t <= LOGON32_LOGON_SERVICE) ||
           t == LOGON32_LOGON_UNLOCK || t == LOGON32_LOGON_NETWORK_CLEARTEXT ||
           t == LOGON32_LOGON_NEW_CREDENTIALS;
}

/* D11: WINNT50 is Negotiate, WINNT40/WINNT35 NTLM; DEFAULT is Negotiate
 * unless no domain is given and the name is not a UPN. */
static void pick_package(DWORD provider, const struct arg16 *user, const struct arg16 *domain,
                         struct package *out)
{
    bool ntlm = provider == LOGON32_PROVIDER_WINNT40 || provider == LOGON32_PROVIDER_WINNT35;
    if (provider == LOGON32_PROVIDER_DEFAULT && GUESS_LOGONUSER_NULL_DOMAIN_IS_LOCAL &&
        !domain->p && !has_at(user))
        ntlm = true;
    /* A built-in id: always found. */
    package_by_id(NULL, ntlm ? GUESS_PACKAGE_ID_MSV1_0 : GUESS_PACKAGE_ID_NEGOTIATE, out);
}

static BOOL logon_user(const struct lu_args *a)
{
    struct api_call c;
    struct arg16 user, domain, password;
    bool converted = true;
    DWORD err = ERROR_SUCCESS;
    struct logon_out res;
    bool have_res = false;
    memset(&res, 0, sizeof res);

    /* Every output is defined on every path (3.11: outputs on failure). */
    if (a->token)
        *a->token = NULL;
    if (a->logon_sid)
        *a->logon_sid = NULL;
    if (a->profile)
        *a->profile = NULL;
    if (a->profile_len)
        *a->profile_len = 0;
    if (a->quotas)
        memset(a->quotas, 0, sizeof *a->quotas);

    memset(&user, 0, sizeof user);
    memset(&domain, 0, sizeof domain);
    memset(&password, 0, sizeof password);
    if (a->ansi) {
        converted = arg_from_ansi(a->user, &user) && arg_from_ansi(a->domain, &domain) &&
                    arg_from_ansi(a->password, &password);
    } else {
        arg_from_wide(a->user, &user);
        arg_from_wide(a->domain, &domain);
        arg_from_wide(a->password, &password);
    }
    char *peek = converted && user.p ? utf16_to_utf8(user.p, user.n) : NULL;
    NTSTATUS st = api_enter(&c, a->fn, peek);
    bool dom = converted && domain.p;
    trace_args("user \"%s\", domain %s%s%s, password <redacted>, type %lu, provider %lu%s",
               converted ? trace_wstr(user.p, user.n) : "", dom ? "\"" : "",
               dom ? trace_wstr(domain.p, domain.n) : "NULL", dom ? "\"" : "",
               (unsigned long)a->type, (unsigned long)a->provider,
               a->groups ? ", with TokenGroups" : "");
    if (st != STATUS_SUCCESS)
        goto out;
    if (!converted) {
        st = STATUS_NO_MEMORY;
        reason_set("out of memory converting the ANSI arguments");
        goto out;
    }

    /* 3.11 checks, in order. */
    if (!type_valid(a->type)) {
        st = GUESS_LOGONUSER_BAD_TYPE_STATUS;
        reason_set("%lu is not a LOGON32_LOGON_* value (2, 3, 4, 5, 7, 8 or 9)",
                   (unsigned long)a->type);
        goto out;
    }
    if (a->provider > GUESS_LOGONUSER_MAX_PROVIDER) {
        st = GUESS_LOGONUSER_BAD_PROVIDER_STATUS;
        reason_set("%lu is not a LOGON32_PROVIDER_* value lsaemu emulates (0-3; VIRTUAL is "
                   "not emulated)",
                   (unsigned long)a->provider);
        goto out;
    }
    if (a->type == LOGON32_LOGON_NEW_CREDENTIALS &&
        (a->provider == LOGON32_PROVIDER_WINNT40 || a->provider == LOGON32_PROVIDER_WINNT35)) {
        st = GUESS_LOGONUSER_NEWCRED_PROVIDER_STATUS;
        reason_set("LOGON32_LOGON_NEW_CREDENTIALS is supported only by the Negotiate "
                   "providers (DEFAULT, WINNT50), not by %s",
                   a->provider == LOGON32_PROVIDER_WINNT40 ? "WINNT40" : "WINNT35");
        goto out;
    }
    if (!a->token) {
        st = GUESS_LOGONUSER_NULL_TOKEN_STATUS;
        reason_set("phToken is NULL");
        goto out;
    }
    if (user.too_long || domain.too_long || password.too_long) {
        st = STATUS_NAME_TOO_LONG;
        reason_set("the %s is longer than a UNICODE_STRING can hold",
                   user.too_long ? "user name" : domain.too_long ? "domain" : "password");
        goto out;
    }

    struct package pkgv;
    pick_package(a->provider, &user, &domain, &pkgv);
    const struct package *pkg = &pkgv;
    struct submit fields = {
        .message = 2,
        .form = LOGON_FORM_PASSWORD,
        .user = {user.p, user.n},
        .domain = {domain.p, domain.n},
        .password = {password.p, password.n},
        .message_name = "LogonUser",
    };
    TOKEN_SOURCE source;
    memcpy(source.SourceName, "Advapi  ", sizeof source.SourceName);
    struct luid sid_luid = luid_next();
    source.SourceIdentifier.LowPart = sid_luid.low;
    source.SourceIdentifier.HighPart = sid_luid.high;
    struct logon_call call = {
        .pol = c.pol,
        .package = pkg,
        .logon_type = (unsigned)a->type,
        .fields = &fields,
        .local_groups = a->groups,
        .local_groups_internal = !GUESS_LOGONUSER_GROUPS_NEED_TCB,
        .source = &source,
        .logon_process = "Advapi",
        .want_profile = a->profile != NULL,
        .want_logon_sid = a->logon_sid != NULL,
    };
    st = logon_core(&call, &res);
    have_res = true;
    if (st != STATUS_SUCCESS)
        goto out;

    /* Without a logon SID in the token, *ppLogonSid stays NULL. */
    _Static_assert(GUESS_LOGONUSEREX_NO_LOGON_SID_IS_NULL, "only the NULL answer is emulated");
    if (a->logon_sid)
        *a->logon_sid = res.logon_sid;
    *a->token = res.token;
    if (a->profile)
        *a->profile = res.profile;
    if (a->profile_len)
        *a->profile_len = a->profile ? res.profile_len : 0;
    if (a->quotas)
        *a->quotas = res.quotas;

out:
    mem_free(peek);
    mem_free(user.owned);
    mem_free(domain.owned);
    mem_free(password.owned);
    if (st == STATUS_SUCCESS)
        return api_leave_bool(&c, st);
    err = have_res ? logon_error(st, res.substatus) : logon_error(st, STATUS_SUCCESS);
    api_set_last_error(err);
    return api_leave_bool_as(&c, st, FALSE);
}

LSAEMU_EXPORT BOOL WINAPI LogonUserW(LPCWSTR lpszUsername, LPCWSTR lpszDomain,
                                     LPCWSTR lpszPassword, DWORD dwLogonType,
                                     DWORD dwLogonProvider, PHANDLE phToken)
{
    struct lu_args a = {"LogonUserW", false, lpszUsername, lpszDomain, lpszPassword,
                        dwLogonType, dwLogonProvider, NULL, phToken, NULL, NULL, NULL, NULL};
    return logon_user(&a);
}

LSAEMU_EXPORT BOOL WINAPI LogonUserA(LPCSTR lpszUsername, LPCSTR lpszDomain,
                                     LPCSTR lpszPassword, DWORD dwLogonType,
                                     DWORD dwLogonProvider, PHANDLE phToken)
{
    struct lu_args a = {"LogonUserA", true, lpszUsername, lpszDomain, lpszPassword,
                        dwLogonType, dwLogonProvider, NULL, phToken, NULL, NULL, NULL, NULL};
    return logon_user(&a);
}

LSAEMU_EXPORT BOOL WINAPI LogonUserExW(LPCWSTR lpszUsername, LPCWSTR lpszDomain,
                                       LPCWSTR lpszPassword, DWORD dwLogonType,
                                       DWORD dwLogonProvider, PHANDLE phToken, PSID *ppLogonSid,
                                       PVOID *ppProfileBuffer, LPDWORD pdwProfileLength,
                                       PQUOTA_LIMITS pQuotaLimits)
{
    struct lu_args a = {"LogonUserExW", false,           lpszUsername,    lpszDomain,
                        lpszPassword,   dwLogonType,     dwLogonProvider, NULL,
                        phToken,        ppLogonSid,      ppProfileBuffer, pdwProfileLength,
                        pQuotaLimits};
    return logon_user(&a);
}

LSAEMU_EXPORT BOOL WINAPI LogonUserExA(LPCSTR lpszUsername, LPCSTR lpszDomain,
                                       LPCSTR lpszPassword, DWORD dwLogonType,
                                       DWORD dwLogonProvider, PHANDLE phToken, PSID *ppLogonSid,
                                       PVOID *ppProfileBuffer, LPDWORD pdwProfileLength,
                                       PQUOTA_LIMITS pQuotaLimits)
{
    struct lu_args a = {"LogonUserExA", true,            lpszUsername,    lpszDomain,
                        lpszPassword,   dwLogonType,     dwLogonProvider, NULL,
                        phToken,        ppLogonSid,      ppProfileBuffer, pdwProfileLength,
                        pQuotaLimits};
    return logon_user(&a);
}

LSAEMU_EXPORT BOOL WINAPI LogonUserExExW(LPWSTR lpszUsername, LPWSTR lpszDomain,
                                         LPWSTR lpszPassword, DWORD dwLogonType,
                                         DWORD dwLogonProvider, PTOKEN_GROUPS pTokenGroups,
                                         PHANDLE phToken, PSID *ppLogonSid,
                                         PVOID *ppProfileBuffer, LPDWORD pdwProfileLength,
                                         PQUOTA_LIMITS pQuotaLimits)
{
    struct lu_args a = {"LogonUserExExW", false,           lpszUsername,    lpszDomain,
                        lpszPassword,     dwLogonType,     dwLogonProvider, pTokenGroups,
                        phToken,          ppLogonSid,      ppProfileBuffer, pdwProfileLength,
                        pQuotaLimits};
    return logon_user(&a);
}
