/* SPDX-License-Identifier: MIT */
/*
 * A client for the diagnostic-output tests (tests/check-trace-escape.sh,
 * tests/check_audit.py, tests/check-diag-fail.sh): makes the calls its
 * arguments name with the names they give, and prints each call's answer on
 * stdout, one line per call, so that a test can check that the trace, the
 * audit file and their failures change nothing.
 *
 *   diagcall [-n COUNT] [-r REPEAT] [-d DOMAIN] OP NAME [OP NAME]...
 *
 * The whole list runs COUNT times (default 1). NAME is used REPEAT times
 * over (default 1), so that a test can pass a 100 KB name without a 100 KB
 * command line. For the W calls NAME is read as UTF-8, with \uHHHH standing
 * for one UTF-16 unit (an unpaired surrogate, say) and \\ for a backslash;
 * the A calls get NAME's bytes as they are. DOMAIN (W and A logons, lsa) is
 * repeated and read the same way; without -d the logons pass NULL (lsa: an
 * empty domain).
 *
 *   logonw    LogonUserW(NAME, DOMAIN, "x", interactive, default)
 *   logona    LogonUserA(NAME, DOMAIN, "x", interactive, default)
 *   lsa       LsaConnectUntrusted, LsaLookupAuthenticationPackage(MSV1_0),
 *             LsaLogonUser(an MSV1_0 interactive logon of NAME), then
 *             LsaDeregisterLogonProcess
 *   register  LsaRegisterLogonProcess(NAME), LsaDeregisterLogonProcess
 *   lookupa   LookupAccountNameA(NULL, NAME)
 *   lookupw   LookupAccountNameW(NULL, NAME)
 *   sidw      ConvertStringSidToSidW(NAME)
 *   leak      LsaConnectUntrusted, and the handle is never closed (NAME
 *             is ignored): something for LSAEMU_LEAKS to report
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <windows.h>
#include <ntsecapi.h>
#include <ntstatus.h>
#include <sddl.h>

#include "lsaemu.h"

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "diagcall: out of memory\n");
        exit(99);
    }
    return p;
}

/* NAME repeated `repeat` times. */
static char *repeated(const char *s, size_t repeat)
{
    size_t n = strlen(s);
    char *out = xmalloc(n * repeat + 1);
    for (size_t i = 0; i < repeat; i++)
        memcpy(out + i * n, s, n);
    out[n * repeat] = '\0';
    return out;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* UTF-8 with \uHHHH and \\ to UTF-16 (malloc'd, terminated); *units is the
 * length. Bytes that are not UTF-8 become U+FFFD. */
static WCHAR *wide(const char *s, size_t *units)
{
    size_t cap = strlen(s) + 1, n = 0;
    WCHAR *out = xmalloc(cap * sizeof *out);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (p[0] == '\\' && p[1] == 'u' && hexval(p[2]) >= 0 && hexval(p[3]) >= 0 &&
            hexval(p[4]) >= 0 && hexval(p[5]) >= 0) {
            out[n++] = (WCHAR)(hexval(p[2]) << 12 | hexval(p[3]) << 8 | hexval(p[4]) << 4 |
                               hexval(p[5]));
            p += 6;
            continue;
        }
        if (p[0] == '\\' && p[1] == '\\') {
            out[n++] = '\\';
            p += 2;
            continue;
        }
        unsigned long cp = *p;
        int extra = cp >= 0xF0 && cp < 0xF5 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC2 ? 1 : 0;
        if (cp >= 0xF5 || (cp >= 0x80 && cp < 0xC2)) {
            cp = 0xFFFD;
            p++;
        } else {
            cp &= extra ? 0x3Fu >> extra : 0x7Fu;
            p++;
            for (int k = 0; k < extra; k++) {
                if ((*p & 0xC0) != 0x80) {
                    cp = 0xFFFD;
                    break;
                }
                cp = cp << 6 | (*p++ & 0x3Fu);
            }
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[n++] = (WCHAR)(0xD800 | cp >> 10);
            out[n++] = (WCHAR)(0xDC00 | (cp & 0x3FF));
        } else {
            out[n++] = (WCHAR)cp;
        }
    }
    out[n] = 0;
    *units = n;
    return out;
}

/* Copies units UTF-16 units to *at, describes them in u, moves *at on. */
static void put_unicode(UNICODE_STRING *u, WCHAR **at, const WCHAR *text, size_t units)
{
    memcpy(*at, text, units * sizeof(WCHAR));
    u->Buffer = *at;
    u->Length = (USHORT)(units * sizeof(WCHAR));
    u->MaximumLength = (USHORT)(units * sizeof(WCHAR));
    *at += units;
}

static void op_lsa(const char *name, const char *domain)
{
    HANDLE lsa = NULL;
    NTSTATUS st = LsaConnectUntrusted(&lsa);
    printf("LsaConnectUntrusted: 0x%08X\n", (unsigned)st);
    if (st != STATUS_SUCCESS)
        return;
    LSA_STRING pkgname = {37, 38, (PCHAR) "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"};
    ULONG pkg = 0;
    st = LsaLookupAuthenticationPackage(lsa, &pkgname, &pkg);
    printf("LsaLookupAuthenticationPackage: 0x%08X\n", (unsigned)st);
    size_t nu, nd, np;
    WCHAR *user = wide(name, &nu), *dom = wide(domain ? domain : "", &nd), *pw = wide("x", &np);
    if (nu > 32767 || nd > 32767) {
        fprintf(stderr, "diagcall: a name longer than a UNICODE_STRING\n");
        exit(99);
    }
    /* The strings live inside the submitted block, as LsaLogonUser wants. */
    size_t size = sizeof(MSV1_0_INTERACTIVE_LOGON) + (nu + nd + np) * sizeof(WCHAR);
    MSV1_0_INTERACTIVE_LOGON *submit = xmalloc(size);
    memset(submit, 0, sizeof *submit);
    submit->MessageType = MsV1_0InteractiveLogon;
    WCHAR *at = (WCHAR *)(submit + 1);
    put_unicode(&submit->LogonDomainName, &at, dom, nd);
    put_unicode(&submit->UserName, &at, user, nu);
    put_unicode(&submit->Password, &at, pw, np);
    LSA_STRING origin = {8, 9, (PCHAR) "diagcall"};
    TOKEN_SOURCE source;
    memset(&source, 0, sizeof source);
    memcpy(source.SourceName, "diagcall", 8);
    PVOID profile = NULL;
    ULONG profile_len = 0;
    LUID logon_id;
    HANDLE token = NULL;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = 0;
    st = LsaLogonUser(lsa, &origin, Interactive, pkg, submit, (ULONG)size, NULL, &source,
                      &profile, &profile_len, &logon_id, &token, &quotas, &sub);
    printf("LsaLogonUser: 0x%08X sub 0x%08X\n", (unsigned)st, (unsigned)sub);
    if (st == STATUS_SUCCESS) {
        LsaFreeReturnBuffer(profile);
        CloseHandle(token);
    }
    st = LsaDeregisterLogonProcess(lsa);
    printf("LsaDeregisterLogonProcess: 0x%08X\n", (unsigned)st);
    free(submit);
    free(user);
    free(dom);
    free(pw);
}

static void op_register(const char *name)
{
    size_t n = strlen(name);
    LSA_STRING s = {(USHORT)n, (USHORT)n, (PCHAR)name};
    HANDLE lsa = NULL;
    LSA_OPERATIONAL_MODE mode;
    NTSTATUS st = LsaRegisterLogonProcess(&s, &lsa, &mode);
    printf("LsaRegisterLogonProcess: 0x%08X\n", (unsigned)st);
    if (st == STATUS_SUCCESS)
        printf("LsaDeregisterLogonProcess: 0x%08X\n", (unsigned)LsaDeregisterLogonProcess(lsa));
}

static void print_bool(const char *fn, BOOL ok)
{
    DWORD err = GetLastError();
    printf("%s: %s %lu\n", fn, ok ? "TRUE" : "FALSE", (unsigned long)err);
}

static void op_logon(bool ansi, const char *name, const char *domain)
{
    HANDLE token = NULL;
    BOOL ok;
    if (ansi) {
        ok = LogonUserA(name, domain, "x", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                        &token);
        print_bool("LogonUserA", ok);
    } else {
        size_t n;
        WCHAR *u = wide(name, &n), *d = domain ? wide(domain, &n) : NULL;
        WCHAR pw[2] = {'x', 0};
        ok = LogonUserW(u, d, pw, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &token);
        print_bool("LogonUserW", ok);
        free(u);
        free(d);
    }
    if (ok)
        CloseHandle(token);
}

static void op_lookup(bool ansi, const char *name)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD cb = sizeof sid, cch = 64;
    SID_NAME_USE use;
    BOOL ok;
    if (ansi) {
        char dom[64];
        ok = LookupAccountNameA(NULL, name, sid, &cb, dom, &cch, &use);
        print_bool("LookupAccountNameA", ok);
    } else {
        WCHAR dom[64];
        size_t n;
        WCHAR *w = wide(name, &n);
        ok = LookupAccountNameW(NULL, w, sid, &cb, dom, &cch, &use);
        print_bool("LookupAccountNameW", ok);
        free(w);
    }
}

static void op_sidw(const char *name)
{
    size_t n;
    WCHAR *w = wide(name, &n);
    PSID sid = NULL;
    BOOL ok = ConvertStringSidToSidW(w, &sid);
    print_bool("ConvertStringSidToSidW", ok);
    if (ok)
        LocalFree(sid);
    free(w);
}

static void op_leak(void)
{
    HANDLE lsa = NULL;
    printf("LsaConnectUntrusted: 0x%08X\n", (unsigned)LsaConnectUntrusted(&lsa));
}

static int usage(void)
{
    fprintf(stderr, "usage: diagcall [-n COUNT] [-r REPEAT] [-d DOMAIN] OP NAME [OP NAME]...\n");
    return 2;
}

int main(int argc, char **argv)
{
    unsigned long count = 1, repeat = 1;
    const char *domain_arg = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "n:r:d:")) != -1) {
        if (opt == 'n')
            count = strtoul(optarg, NULL, 10);
        else if (opt == 'r')
            repeat = strtoul(optarg, NULL, 10);
        else if (opt == 'd')
            domain_arg = optarg;
        else
            return usage();
    }
    if (optind >= argc || (argc - optind) % 2 != 0)
        return usage();
    for (unsigned long round = 0; round < count; round++) {
        for (int i = optind; i < argc; i += 2) {
            const char *op = argv[i];
            char *name = repeated(argv[i + 1], repeat);
            char *domain = domain_arg ? repeated(domain_arg, repeat) : NULL;
            if (strcmp(op, "logonw") == 0)
                op_logon(false, name, domain);
            else if (strcmp(op, "logona") == 0)
                op_logon(true, name, domain);
            else if (strcmp(op, "lsa") == 0)
                op_lsa(name, domain);
            else if (strcmp(op, "register") == 0)
                op_register(name);
            else if (strcmp(op, "lookupa") == 0)
                op_lookup(true, name);
            else if (strcmp(op, "lookupw") == 0)
                op_lookup(false, name);
            else if (strcmp(op, "sidw") == 0)
                op_sidw(name);
            else if (strcmp(op, "leak") == 0)
                op_leak();
            else
                return usage();
            free(name);
            free(domain);
        }
    }
    return 0;
}
