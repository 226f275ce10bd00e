/* SPDX-License-Identifier: MIT */
/*
 * `lsaemu logon`: performs one logon through the library, the way a
 * Windows program would (LogonUserW, or LsaRegisterLogonProcess +
 * LsaLookupAuthenticationPackage + LsaLogonUser), and prints every answer
 * Windows gives plus the one it does not: the reason. On success the token
 * is summarised through GetTokenInformation (token_summary.c).
 */
#include "config.h"

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntsecapi.h>
#include <ntstatus.h>
#include <sddl.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lsaemu.h"

#include "commands.h"
#include "json_out.h"
#include "tool_util.h"

static const char usage_text[] =
    "usage: lsaemu logon --policy FILE --user NAME --password TEXT --type TYPE\n"
    "                    [--domain D] [--process NAME] [--api logonuser|lsa]\n"
    "                    [--package msv1_0|kerberos|negotiate] [--s4u]\n"
    "                    [--local-group SID]... [--json]\n";

#define MAX_LOCAL_GROUPS 16

struct logon_args {
    const char *policy, *user, *password, *domain, *process;
    unsigned type;
    bool have_type;
    bool lsa;
    const char *package; /* the ANSI name LsaLookupAuthenticationPackage takes */
    bool kerberos_shape; /* KERB_* structures rather than MSV1_0_* */
    bool s4u;
    const char *groups[MAX_LOCAL_GROUPS];
    int n_groups;
    bool json;
};

/*
 * What the logon gave, for --json (text output is printed as it goes):
 * the call that answered last, the connection, the answers and the token.
 */
struct result {
    const char *call;       /* "LogonUserW", "LsaLogonUser", "LsaConnectUntrusted", ... */
    const char *connection; /* "trusted", "untrusted" or NULL (LogonUserW) */
    bool have_register;     /* LsaRegisterLogonProcess refused: its status */
    NTSTATUS register_status;
    NTSTATUS status, substatus;
    bool have_last_error;   /* LogonUserW: GetLastError() */
    DWORD last_error;
    HANDLE token;           /* on success, closed by the caller */
};

static void help(void)
{
    printf("%s\n"
           "Loads the policy, runs as its processes: entry NAME (default: default), and\n"
           "performs one logon. Prints the NTSTATUS, the SubStatus (LsaLogonUser only),\n"
           "the Win32 error, the reason lsaemu gives, and on success the token: user,\n"
           "groups, privileges, token type and impersonation level.\n\n"
           "  --api logonuser   LogonUserW (default)\n"
           "  --api lsa         LsaRegisterLogonProcess, falling back to LsaConnectUntrusted\n"
           "                    when refused, then LsaLogonUser with an interactive (or,\n"
           "                    with --s4u, an S4U) logon structure of --package\n"
           "                    (default msv1_0); --local-group SIDs become LocalGroups.\n\n"
           "TYPE is a number or one of: interactive network batch service unlock\n"
           "network-cleartext new-credentials remote-interactive cached-interactive\n"
           "cached-remote-interactive cached-unlock.\n\n"
           "  --json            the same as one JSON object on stdout (lsaemu(1))\n\n"
           "Exit status: 0 logged on, 1 refused or invalid policy, 2 usage error,\n"
           "unreadable policy or write error.\n",
           usage_text);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "lsaemu logon: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n%s", usage_text);
    va_end(ap);
    return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, struct logon_args *a)
{
    enum { O_POLICY = 256, O_USER, O_PASSWORD, O_TYPE, O_DOMAIN, O_PROCESS, O_API, O_PACKAGE,
           O_S4U, O_GROUP, O_HELP, O_JSON };
    static const struct option opts[] = {
        {"policy", required_argument, NULL, O_POLICY},
        {"user", required_argument, NULL, O_USER},
        {"password", required_argument, NULL, O_PASSWORD},
        {"type", required_argument, NULL, O_TYPE},
        {"domain", required_argument, NULL, O_DOMAIN},
        {"process", required_argument, NULL, O_PROCESS},
        {"api", required_argument, NULL, O_API},
        {"package", required_argument, NULL, O_PACKAGE},
        {"s4u", no_argument, NULL, O_S4U},
        {"local-group", required_argument, NULL, O_GROUP},
        {"help", no_argument, NULL, O_HELP},
        {"json", no_argument, NULL, O_JSON},
        {NULL, 0, NULL, 0},
    };
    const char *package = NULL;
    memset(a, 0, sizeof *a);
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (c) {
        case O_POLICY: a->policy = optarg; break;
        case O_USER: a->user = optarg; break;
        case O_PASSWORD: a->password = optarg; break;
        case O_DOMAIN: a->domain = optarg; break;
        case O_PROCESS: a->process = optarg; break;
        case O_TYPE:
            if (tool_parse_logon_type(optarg, &a->type) != 0)
                return usage_error("unknown logon type '%s'", optarg);
            a->have_type = true;
            break;
        case O_API:
            if (strcmp(optarg, "lsa") == 0)
                a->lsa = true;
            else if (strcmp(optarg, "logonuser") != 0)
                return usage_error("--api is logonuser or lsa, not '%s'", optarg);
            break;
        case O_PACKAGE: package = optarg; break;
        case O_S4U: a->s4u = true; break;
        case O_JSON: a->json = true; break;
        case O_GROUP:
            if (a->n_groups == MAX_LOCAL_GROUPS)
                return usage_error("at most 16 --local-group options");
            a->groups[a->n_groups++] = optarg;
            break;
        case 'h':
        case O_HELP: help(); return -1;
        default:
            return usage_error("unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    if (!a->policy || !a->user || !a->have_type)
        return usage_error("--policy, --user and --type are required");
    if (!a->password && !a->s4u)
        return usage_error("--password is required (except with --s4u)");
    if (!a->lsa && (package || a->s4u || a->n_groups))
        return usage_error("--package, --s4u and --local-group need --api lsa");
    a->package = MSV1_0_PACKAGE_NAME;
    if (package && strcasecmp(package, "kerberos") == 0) {
        a->package = MICROSOFT_KERBEROS_NAME_A;
        a->kerberos_shape = true;
    } else if (package && strcasecmp(package, "negotiate") == 0) {
        a->package = NEGOSSP_NAME_A;
        a->kerberos_shape = true;
    } else if (package && strcasecmp(package, "msv1_0") != 0) {
        return usage_error("--package is msv1_0, kerberos or negotiate, not '%s'", package);
    }
    return 0;
}

/* Copies s as UTF-16 into *p and describes it in us; advances *p. */
static void put_unicode(UNICODE_STRING *us, WCHAR **p, const char *s)
{
    size_t n = tool_utf16(s, *p, 256);
    us->Buffer = *p;
    us->Length = us->MaximumLength = (USHORT)(2 * n);
    *p += n;
}

/*
 * The AuthenticationInformation block: the structure followed by its
 * strings, which must lie inside the block (D5). The interactive and S4U
 * structures of both packages share one shape: message type, (S4U: flags,)
 * then two or three UNICODE_STRINGs.
 */
static void *build_submit(const struct logon_args *a, ULONG *len)
{
    size_t head = a->s4u ? (a->kerberos_shape ? sizeof(KERB_S4U_LOGON) : sizeof(MSV1_0_S4U_LOGON))
                         : sizeof(MSV1_0_INTERACTIVE_LOGON);
    size_t size = head + 3 * 256 * sizeof(WCHAR);
    unsigned char *block = calloc(1, size);
    if (!block)
        return NULL;
    WCHAR *p = (WCHAR *)(block + head);
    const char *domain = a->domain ? a->domain : "";
    if (a->s4u && a->kerberos_shape) {
        KERB_S4U_LOGON *k = (KERB_S4U_LOGON *)block;
        k->MessageType = KerbS4ULogon;
        put_unicode(&k->ClientUpn, &p, a->user);
        put_unicode(&k->ClientRealm, &p, domain);
    } else if (a->s4u) {
        MSV1_0_S4U_LOGON *m = (MSV1_0_S4U_LOGON *)block;
        m->MessageType = MsV1_0S4ULogon;
        put_unicode(&m->UserPrincipalName, &p, a->user);
        put_unicode(&m->DomainName, &p, domain);
    } else {
        /* KERB_INTERACTIVE_LOGON has the same layout. */
        MSV1_0_INTERACTIVE_LOGON *m = (MSV1_0_INTERACTIVE_LOGON *)block;
        m->MessageType = a->kerberos_shape ? (MSV1_0_LOGON_SUBMIT_TYPE)KerbInteractiveLogon
                                           : MsV1_0InteractiveLogon;
        put_unicode(&m->LogonDomainName, &p, domain);
        put_unicode(&m->UserName, &p, a->user);
        put_unicode(&m->Password, &p, a->password);
    }
    *len = (ULONG)((unsigned char *)p - block);
    return block;
}

/* LocalGroups from --local-group; NULL when none were given. Exits the
 * command with a usage error through *bad when a SID does not parse. */
static TOKEN_GROUPS *build_groups(const struct logon_args *a, const char **bad)
{
    *bad = NULL;
    if (a->n_groups == 0)
        return NULL;
    TOKEN_GROUPS *tg = calloc(1, sizeof *tg + (size_t)a->n_groups * sizeof(SID_AND_ATTRIBUTES));
    if (!tg)
        return NULL;
    for (int i = 0; i < a->n_groups; i++) {
        PSID sid = NULL;
        if (!ConvertStringSidToSidA(a->groups[i], &sid)) {
            *bad = a->groups[i];
            break;
        }
        tg->Groups[tg->GroupCount].Sid = sid;
        tg->Groups[tg->GroupCount].Attributes =
            SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED;
        tg->GroupCount++;
    }
    return tg;
}

static void free_groups(TOKEN_GROUPS *tg)
{
    if (!tg)
        return;
    for (DWORD i = 0; i < tg->GroupCount; i++)
        LocalFree(tg->Groups[i].Sid);
    free(tg);
}

/* A trusted connection as .NET's and OpenSSH's S4U code asks for one, an
 * untrusted one when the caller lacks SeTcbPrivilege. */
static HANDLE connect_lsa(const struct logon_args *a, struct result *r)
{
    HANDLE lsa = NULL;
    LSA_OPERATIONAL_MODE mode;
    LSA_STRING name = {6, 7, (PCHAR) "lsaemu"};
    NTSTATUS st = LsaRegisterLogonProcess(&name, &lsa, &mode);
    if (st == STATUS_SUCCESS) {
        r->connection = "trusted";
        if (!a->json)
            printf("connection  trusted (LsaRegisterLogonProcess \"lsaemu\")\n");
        return lsa;
    }
    r->have_register = true;
    r->register_status = st;
    if (!a->json)
        printf("connection  LsaRegisterLogonProcess: %s (0x%08X); falling back to "
               "LsaConnectUntrusted\n",
               tool_status_name(st), (unsigned)st);
    st = LsaConnectUntrusted(&lsa);
    if (st != STATUS_SUCCESS) {
        r->call = "LsaConnectUntrusted";
        r->status = st;
        if (!a->json)
            printf("connection  LsaConnectUntrusted: %s (0x%08X)\n", tool_status_name(st),
                   (unsigned)st);
        return NULL;
    }
    r->connection = "untrusted";
    if (!a->json)
        printf("connection  untrusted (LsaConnectUntrusted)\n");
    return lsa;
}

static void print_outcome(NTSTATUS st, const NTSTATUS *sub)
{
    uint32_t win32 = lsaemu_status_to_win32(st);
    printf("status      %s (0x%08X)\n", tool_status_name(st), (unsigned)st);
    /* LogonUserW hands back only a Win32 error; the library keeps the
     * SubStatus of the logon it made (lsaemu_last_substatus). */
    NTSTATUS s = sub ? *sub : lsaemu_last_substatus();
    printf("substatus   %s (0x%08X)\n", tool_status_name(s), (unsigned)s);
    printf("win32       %s (%u)\n", tool_win32_name(win32), (unsigned)win32);
    printf("reason      %s\n", lsaemu_last_reason());
}

/* The --json object: the request, what answered, and the token. */
static void print_json(const struct logon_args *a, const struct result *r)
{
    struct json j;
    uint32_t win32 = lsaemu_status_to_win32(r->status);
    json_begin(&j);
    json_string(&j, "policy", a->policy);
    json_string(&j, "process", a->process ? a->process : "default");
    json_string(&j, "user", a->user);
    json_string(&j, "domain", a->domain);
    json_uint(&j, "logon_type", a->type);
    json_string(&j, "logon_type_name", tool_logon_type_name(a->type));
    json_string(&j, "api", a->lsa ? "lsa" : "logonuser");
    json_string(&j, "package", a->lsa ? a->package : NULL);
    json_bool(&j, "s4u", a->s4u);
    json_string(&j, "connection", r->connection);
    if (r->have_register)
        json_status(&j, "register_status", r->register_status);
    json_string(&j, "call", r->call);
    json_bool(&j, "success", r->status == STATUS_SUCCESS && r->token != NULL);
    json_status(&j, "status", r->status);
    json_status(&j, "substatus", r->substatus);
    json_uint(&j, "win32", win32);
    json_string(&j, "win32_name", lsaemu_win32_name(win32));
    if (r->have_last_error)
        json_uint(&j, "last_error", r->last_error);
    else
        json_null(&j, "last_error");
    json_string(&j, "reason", lsaemu_last_reason());
    if (r->token)
        tool_token_json(&j, r->token);
    else
        json_null(&j, "token");
    json_end(&j);
}

static int logon_lsa(const struct logon_args *a, struct result *r)
{
    int rc = EXIT_INVALID;
    const char *bad;
    ULONG len = 0;
    void *submit = build_submit(a, &len);
    TOKEN_GROUPS *groups = build_groups(a, &bad);
    HANDLE lsa = NULL;
    if (bad) {
        rc = usage_error("--local-group '%s' is not a SID string", bad);
        goto out;
    }
    if (!submit || (a->n_groups && !groups)) {
        fprintf(stderr, "lsaemu logon: out of memory\n");
        goto out;
    }
    lsa = connect_lsa(a, r);
    if (!lsa) {
        if (!a->json)
            printf("reason      %s\n", lsaemu_last_reason());
        goto out;
    }
    LSA_STRING pkg = {(USHORT)strlen(a->package), (USHORT)(strlen(a->package) + 1),
                      (PCHAR)a->package};
    ULONG id;
    NTSTATUS st = LsaLookupAuthenticationPackage(lsa, &pkg, &id);
    if (st != STATUS_SUCCESS) {
        r->call = "LsaLookupAuthenticationPackage";
        r->status = st;
        if (!a->json) {
            printf("package     %s: %s (0x%08X)\n", a->package, tool_status_name(st),
                   (unsigned)st);
            printf("reason      %s\n", lsaemu_last_reason());
        }
        goto out;
    }
    r->call = "LsaLogonUser";
    if (!a->json)
        printf("call        LsaLogonUser(%s, %s %s)\n", tool_logon_type_name(a->type),
               a->package, a->s4u ? "S4U" : "interactive logon structure");
    LSA_STRING origin = {6, 7, (PCHAR) "lsaemu"};
    TOKEN_SOURCE source = {{'l', 's', 'a', 'e', 'm', 'u', ' ', ' '}, {0, 0}};
    PVOID profile = NULL;
    ULONG profile_len = 0;
    LUID logon_id;
    HANDLE token = NULL;
    QUOTA_LIMITS quotas;
    NTSTATUS sub = 0;
    st = LsaLogonUser(lsa, &origin, (SECURITY_LOGON_TYPE)a->type, id, submit, len, groups,
                      &source, &profile, &profile_len, &logon_id, &token, &quotas, &sub);
    r->status = st;
    r->substatus = sub;
    if (!a->json)
        print_outcome(st, &sub);
    if (st == STATUS_SUCCESS) {
        rc = 0;
        if (!a->json)
            tool_token_summary(token);
        LsaFreeReturnBuffer(profile);
        r->token = token;
    }
out:
    if (lsa)
        LsaDeregisterLogonProcess(lsa);
    free_groups(groups);
    free(submit);
    return rc;
}

static int logon_user(const struct logon_args *a, struct result *r)
{
    WCHAR user[256], domain[256], password[256];
    tool_utf16(a->user, user, 255);
    tool_utf16(a->domain ? a->domain : "", domain, 255);
    tool_utf16(a->password, password, 255);
    r->call = "LogonUserW";
    if (!a->json)
        printf("call        LogonUserW(%s, LOGON32_PROVIDER_DEFAULT)\n",
               tool_logon_type_name(a->type));
    HANDLE token = NULL;
    BOOL ok = LogonUserW(user, a->domain ? domain : NULL, password, a->type,
                         LOGON32_PROVIDER_DEFAULT, &token);
    DWORD err = GetLastError();
    NTSTATUS st = ok ? STATUS_SUCCESS : lsaemu_last_status();
    r->status = st;
    r->substatus = lsaemu_last_substatus();
    r->have_last_error = true;
    r->last_error = ok ? 0 : err;
    if (!a->json) {
        print_outcome(st, NULL);
        if (!ok && err != lsaemu_status_to_win32(st))
            printf("last error  %s (%lu)\n", tool_win32_name(err), (unsigned long)err);
    }
    if (!ok)
        return EXIT_INVALID;
    if (!a->json)
        tool_token_summary(token);
    r->token = token;
    return 0;
}

int cmd_logon(int argc, char **argv)
{
    struct logon_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    /* --process wins over LSAEMU_PROCESS, which would otherwise fail the
     * load when it names no entry of this policy (README). */
    if (a.process)
        unsetenv("LSAEMU_PROCESS");
    rc = tool_load_policy(a.policy, "logon");
    if (rc != 0)
        return rc;
    if (a.process && lsaemu_set_process(a.process) != 0) {
        fprintf(stderr, "lsaemu logon: the policy has no processes: entry '%s'\n", a.process);
        return EXIT_USAGE;
    }
    if (!a.json)
        printf("logon       %s%s%s, %s (%u)\n", a.domain ? a.domain : "",
               a.domain ? "\\" : "", a.user, tool_logon_type_name(a.type), a.type);
    struct result r;
    memset(&r, 0, sizeof r);
    rc = a.lsa ? logon_lsa(&a, &r) : logon_user(&a, &r);
    /* No call was made after a usage error in the options. */
    if (a.json && r.call)
        print_json(&a, &r);
    if (r.token)
        CloseHandle(r.token);
    return rc;
}
