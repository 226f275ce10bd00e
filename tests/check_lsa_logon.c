/* SPDX-License-Identifier: MIT */
/*
 * LsaLogonUser (behavior.md 3.5, 4, 5, 6; cases C019-C067), table-driven.
 *
 * Every row names the policy, the calling process entry, the handle kind,
 * the package, the logon type, the submit buffer, the credentials,
 * LocalGroups and the expected status / SubStatus / kind of token. For
 * failures every out-parameter and the logon-session list are checked; for
 * successes the profile, LogonId, quotas and the session data are checked.
 * Token contents (groups, level) need GetTokenInformation and are left to
 * the token suite.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "token_helpers.h"

enum handle_kind { UH, TH };

enum buf_kind {
    B_MSV_I,      /* MSV1_0_INTERACTIVE_LOGON */
    B_KERB_I,     /* KERB_INTERACTIVE_LOGON */
    B_MSV_S4U,    /* MSV1_0_S4U_LOGON, flags in the row */
    B_KERB_S4U,   /* KERB_S4U_LOGON, flags in the row */
    B_MSGTYPE,    /* MSV1_0_INTERACTIVE_LOGON shape, MessageType from the row's flags */
    B_SHORT,      /* MSV-I cut to fewer bytes than the structure */
    B_OUTSIDE,    /* UserName.Buffer points outside the submitted block */
    B_OVERRUN,    /* UserName runs past the end of the block */
    B_BADLEN,     /* UserName.Length > MaximumLength */
    B_TINY,       /* 2 bytes: not even the message type */
    B_ODDLEN,     /* UserName.Length odd: not UTF-16 */
    B_NULLBUF,    /* UserName.Buffer NULL with a non-zero Length */
};

/* What a success returns (3.5 step 12). */
enum tok { T_NONE, T_PRIMARY, T_IMPERSONATION };

#define SUB_ANY ((NTSTATUS)0x7FFFFFFF)
#define PKG_999 "#999"

struct row {
    const char *id;
    const char *policy; /* under tests/, NULL = P0 */
    const char *process;
    enum handle_kind handle;
    const char *package;
    ULONG type;
    enum buf_kind buf;
    const char *domain;
    const char *user;
    const char *password; /* S4U: unused */
    ULONG flags;          /* S4U flags */
    enum th_groups groups;
    NTSTATUS status;
    NTSTATUS sub;
    enum tok tok;
};

#define P_NOUSERS "policies/p0-no-users-interactive.yaml"
#define P_DENYALICEI "policies/p0-deny-alice-interactive.yaml"
#define P_DENYADMN "policies/p0-deny-admins-network.yaml"
#define P_DENYALICEN "policies/p0-deny-alice-network.yaml"
#define P_GUEST "policies/p0-guest-enabled.yaml"
#define P_RDP "policies/p0-alice-rdp.yaml"
#define P_DOMAIN "policies/p0-domain.yaml"

#define MSV TH_MSV1_0
#define KERB TH_KERBEROS
#define NEGO TH_NEGOTIATE
#define G0 TH_GROUPS_NONE

#define S_OK STATUS_SUCCESS
#define FAIL STATUS_LOGON_FAILURE
#define RESTR STATUS_ACCOUNT_RESTRICTION
#define NOTGR STATUS_LOGON_TYPE_NOT_GRANTED

static const struct row rows[] = {
    /* Credentials and account state, section 5 (C019-C033). */
    {"C019", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C020", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    {"C021", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "nobody", "x", 0, G0, FAIL, STATUS_NO_SUCH_USER, T_NONE},
    {"C022", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "carol", PW_CAROL, 0, G0, RESTR, STATUS_ACCOUNT_DISABLED, T_NONE},
    {"C023", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "carol", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    {"C024", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "dave", PW_DAVE, 0, G0, STATUS_ACCOUNT_LOCKED_OUT, 0, T_NONE},
    {"C025", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "dave", "wrong", 0, G0, STATUS_ACCOUNT_LOCKED_OUT, 0, T_NONE},
    {"C026", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "erin", PW_ERIN, 0, G0, RESTR, STATUS_ACCOUNT_EXPIRED, T_NONE},
    {"C027", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "frank", PW_FRANK, 0, G0, RESTR, STATUS_PASSWORD_EXPIRED, T_NONE},
    {"C028", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "gina", PW_GINA, 0, G0, STATUS_PASSWORD_MUST_CHANGE, 0, T_NONE},
    {"C029", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "hank", PW_HANK, 0, G0, RESTR, STATUS_INVALID_LOGON_HOURS, T_NONE},
    {"C030", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "ivy", PW_IVY, 0, G0, RESTR, STATUS_INVALID_WORKSTATION, T_NONE},
    {"C031", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "jack", "", 0, G0, S_OK, 0, T_PRIMARY},
    {"C032", NULL, "tcb", TH, MSV, Network, B_MSV_I, ".", "jack", "", 0, G0, RESTR, 0, T_NONE},
    {"C033", NULL, "tcb", TH, MSV, Network, B_MSV_I, ".", "jack", "notblank", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    /* Account state is judged only after the password (5 step 4). */
    {"C022w", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "erin", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    {"C029w", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "hank", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    {"C028w", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "gina", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    /* Account flags before logon rights: carol's restriction wins over the
     * missing batch right. */
    {"C022b", NULL, "tcb", TH, MSV, Batch, B_MSV_I, ".", "carol", PW_CAROL, 0, G0, RESTR, STATUS_ACCOUNT_DISABLED, T_NONE},
    /* Names compare case-insensitively; the domain may be the machine name. */
    {"C019c", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "ALICE", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C019d", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, "WS1", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    /* Passwords are case-sensitive. */
    {"C020c", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", "ALICE-PW1", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    /* Blank password (D31): console types pass, everything else is a
     * restriction with SubStatus 0, checked before the rights. */
    {"C032b", NULL, "tcb", TH, MSV, Batch, B_MSV_I, ".", "jack", "", 0, G0, RESTR, 0, T_NONE},
    {"C032s", NULL, "tcb", TH, MSV, Service, B_MSV_I, ".", "jack", "", 0, G0, RESTR, 0, T_NONE},
    {"C032r", NULL, "tcb", TH, MSV, RemoteInteractive, B_MSV_I, ".", "jack", "", 0, G0, RESTR, 0, T_NONE},
    {"C032c", NULL, "tcb", TH, MSV, NetworkCleartext, B_MSV_I, ".", "jack", "", 0, G0, RESTR, 0, T_NONE},
    /* A process in session 0 is never the console (C103 for LsaLogonUser). */
    {"C103", NULL, "service", UH, MSV, Interactive, B_MSV_I, ".", "jack", "", 0, G0, RESTR, 0, T_NONE},
    {"C103n", NULL, "service", UH, MSV, Network, B_MSV_I, ".", "jack", "", 0, G0, RESTR, 0, T_NONE},
    /* Session 0 only matters for blank passwords. */
    {"C103p", NULL, "service", UH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C031u", NULL, "user", UH, MSV, Interactive, B_MSV_I, ".", "jack", "", 0, G0, S_OK, 0, T_PRIMARY},

    /* Logon rights, section 4 (C034-C045). */
    {"C034", P_NOUSERS, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, NOTGR, 0, T_NONE},
    {"C034b", P_NOUSERS, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "bob", PW_BOB, 0, G0, S_OK, 0, T_PRIMARY},
    {"C035", P_DENYALICEI, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, NOTGR, 0, T_NONE},
    {"C035n", P_DENYALICEI, "tcb", TH, MSV, Network, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C036", P_NOUSERS, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    {"C037", P_DENYADMN, "tcb", TH, MSV, Network, B_MSV_I, ".", "bob", PW_BOB, 0, G0, NOTGR, 0, T_NONE},
    {"C037a", P_DENYADMN, "tcb", TH, MSV, Network, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C038", NULL, "tcb", TH, MSV, Batch, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, NOTGR, 0, T_NONE},
    {"C039", NULL, "tcb", TH, MSV, Batch, B_MSV_I, ".", "bob", PW_BOB, 0, G0, S_OK, 0, T_PRIMARY},
    {"C040", NULL, "tcb", TH, MSV, Service, B_MSV_I, ".", "svc1", PW_SVC1, 0, G0, S_OK, 0, T_PRIMARY},
    {"C041", NULL, "tcb", TH, MSV, Service, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, NOTGR, 0, T_NONE},
    {"C042", NULL, "tcb", TH, MSV, Network, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C042c", NULL, "tcb", TH, MSV, NetworkCleartext, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C043", P_GUEST, "tcb", TH, MSV, Network, B_MSV_I, ".", "Guest", PW_GUEST, 0, G0, NOTGR, 0, T_NONE},
    {"C044", NULL, "tcb", TH, MSV, RemoteInteractive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, NOTGR, 0, T_NONE},
    {"C044b", NULL, "tcb", TH, MSV, RemoteInteractive, B_MSV_I, ".", "bob", PW_BOB, 0, G0, S_OK, 0, T_PRIMARY},
    {"C045", P_RDP, "tcb", TH, MSV, RemoteInteractive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},

    /* Logon type, message, buffer (C046-C050, 3.5 steps 2-8). */
    {"C046", NULL, "tcb", TH, MSV, 1, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_LOGON_TYPE, 0, T_NONE},
    {"C046z", NULL, "tcb", TH, MSV, 0, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_LOGON_TYPE, 0, T_NONE},
    {"C046e", NULL, "tcb", TH, MSV, 14, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_LOGON_TYPE, 0, T_NONE},
    {"C046f", NULL, "tcb", TH, MSV, 0xFFFFFFFFu, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_LOGON_TYPE, 0, T_NONE},
    {"C047", NULL, "tcb", TH, MSV, Proxy, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_LOGON_TYPE, 0, T_NONE},
    {"C048", NULL, "tcb", TH, MSV, Interactive, B_MSGTYPE, ".", "alice", PW_ALICE, 99, G0, STATUS_BAD_VALIDATION_CLASS, 0, T_NONE},
    {"C048k", NULL, "tcb", TH, KERB, Interactive, B_MSGTYPE, ".", "alice", PW_ALICE, 99, G0, STATUS_BAD_VALIDATION_CLASS, 0, T_NONE},
    {"C048z", NULL, "tcb", TH, MSV, Interactive, B_MSGTYPE, ".", "alice", PW_ALICE, 0, G0, STATUS_BAD_VALIDATION_CLASS, 0, T_NONE},
    /* 3 is MsV1_0Lm20Logon but no KERB_LOGON_SUBMIT_TYPE (1.3). */
    {"C048l", NULL, "tcb", TH, KERB, Interactive, B_MSGTYPE, ".", "alice", PW_ALICE, 3, G0, STATUS_BAD_VALIDATION_CLASS, 0, T_NONE},
    {"C049", NULL, "tcb", TH, MSV, Interactive, B_SHORT, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_PARAMETER, 0, T_NONE},
    {"C049o", NULL, "tcb", TH, MSV, Interactive, B_OUTSIDE, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_PARAMETER, 0, T_NONE},
    {"C049r", NULL, "tcb", TH, MSV, Interactive, B_OVERRUN, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_PARAMETER, 0, T_NONE},
    {"C049l", NULL, "tcb", TH, MSV, Interactive, B_BADLEN, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_PARAMETER, 0, T_NONE},
    {"C049d", NULL, "tcb", TH, MSV, Interactive, B_ODDLEN, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_PARAMETER, 0, T_NONE},
    {"C049n", NULL, "tcb", TH, MSV, Interactive, B_NULLBUF, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_PARAMETER, 0, T_NONE},
    {"C050", NULL, "tcb", TH, PKG_999, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, STATUS_NO_SUCH_PACKAGE, 0, T_NONE},
    /* Check order: package before type, type before buffer, buffer before
     * message type. */
    {"C050t", NULL, "tcb", TH, PKG_999, 1, B_SHORT, ".", "alice", PW_ALICE, 0, G0, STATUS_NO_SUCH_PACKAGE, 0, T_NONE},
    {"C046s", NULL, "tcb", TH, MSV, 1, B_SHORT, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_LOGON_TYPE, 0, T_NONE},
    {"C049m", NULL, "tcb", TH, MSV, Interactive, B_TINY, ".", "alice", PW_ALICE, 0, G0, STATUS_INVALID_PARAMETER, 0, T_NONE},

    /* Untrusted connections and TCB-gated LocalGroups (C051-C054, 2). */
    {"C051", NULL, "user", UH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C051b", NULL, "admin", UH, MSV, Interactive, B_MSV_I, ".", "bob", PW_BOB, 0, G0, S_OK, 0, T_PRIMARY},
    {"C051c", NULL, "user", UH, MSV, Interactive, B_MSV_I, ".", "alice", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    {"C052", NULL, "user", UH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, TH_GROUPS_LOCAL, STATUS_PRIVILEGE_NOT_HELD, 0, T_NONE},
    {"C052a", NULL, "admin", UH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, TH_GROUPS_LOCAL, STATUS_PRIVILEGE_NOT_HELD, 0, T_NONE},
    {"C052d", NULL, "tcb-disabled", UH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, TH_GROUPS_LOCAL, STATUS_PRIVILEGE_NOT_HELD, 0, T_NONE},
    {"C052e", NULL, "tcb-enabled", UH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, TH_GROUPS_LOCAL, S_OK, 0, T_PRIMARY},
    /* Order: package and type before the TCB test, the TCB test before the
     * buffer. */
    {"C052p", NULL, "user", UH, PKG_999, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, TH_GROUPS_LOCAL, STATUS_NO_SUCH_PACKAGE, 0, T_NONE},
    {"C052t", NULL, "user", UH, MSV, 1, B_MSV_I, ".", "alice", PW_ALICE, 0, TH_GROUPS_LOCAL, STATUS_INVALID_LOGON_TYPE, 0, T_NONE},
    {"C052s", NULL, "user", UH, MSV, Interactive, B_SHORT, ".", "alice", PW_ALICE, 0, TH_GROUPS_LOCAL, STATUS_PRIVILEGE_NOT_HELD, 0, T_NONE},
    {"C052w", NULL, "user", UH, MSV, Interactive, B_MSV_I, ".", "alice", "wrong", 0, TH_GROUPS_LOCAL, STATUS_PRIVILEGE_NOT_HELD, 0, T_NONE},
    {"C053", NULL, "tcb-enabled", UH, MSV, Network, B_MSV_S4U, NULL, "alice", NULL, 0, TH_GROUPS_LOGON_SID, S_OK, 0, T_IMPERSONATION},
    {"C054", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, TH_GROUPS_BOTH, S_OK, 0, T_PRIMARY},

    /* Kerberos / Negotiate interactive message (same shape, 1.3). */
    {"C019k", NULL, "tcb", TH, KERB, Interactive, B_KERB_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C019n", NULL, "tcb", TH, NEGO, Interactive, B_KERB_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C020n", NULL, "user", UH, NEGO, Interactive, B_KERB_I, ".", "alice", "wrong", 0, G0, FAIL, STATUS_WRONG_PASSWORD, T_NONE},
    {"C042n", NULL, "user", UH, NEGO, Network, B_KERB_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_IMPERSONATION},

    /* Special accounts (3.5 step 7). */
    {"C059", NULL, "tcb", TH, MSV, Service, B_MSV_I, "NT AUTHORITY", "LocalService", NULL, 0, G0, S_OK, 0, T_PRIMARY},
    {"C059n", NULL, "tcb", TH, MSV, Service, B_MSV_I, "NT AUTHORITY", "NetworkService", NULL, 0, G0, S_OK, 0, T_PRIMARY},
    {"C060", NULL, "tcb", TH, MSV, Interactive, B_MSV_I, "NT AUTHORITY", "LocalService", NULL, 0, G0, FAIL, SUB_ANY, T_NONE},
    {"C060n", NULL, "tcb", TH, MSV, Network, B_MSV_I, "NT AUTHORITY", "NetworkService", NULL, 0, G0, FAIL, SUB_ANY, T_NONE},

    /* S4U, section 6 (C061-C067). Token levels need GetTokenInformation;
     * here the logon itself, the session and the outputs are checked. */
    {"C061", NULL, "tcb", TH, KERB, Network, B_KERB_S4U, ".", "alice", NULL, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C062", NULL, "user", UH, NEGO, Network, B_KERB_S4U, ".", "alice", NULL, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C063", NULL, "tcb", TH, KERB, Network, B_KERB_S4U, "WS1", "alice", NULL, TH_S4U_FLAG_IDENTIFY, G0, S_OK, 0, T_IMPERSONATION},
    {"C064", NULL, "tcb", UH, NEGO, Network, B_KERB_S4U, ".", "alice", NULL, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C065", P_DOMAIN, "tcb", TH, MSV, Batch, B_MSV_S4U, "CONTOSO", "dom1", NULL, 0, G0, STATUS_NOT_SUPPORTED, 0, T_NONE},
    {"C065c", P_DOMAIN, "tcb", TH, MSV, Network, B_MSV_S4U, "contoso", "dom1", NULL, 0, G0, STATUS_NOT_SUPPORTED, 0, T_NONE},
    /* Local accounts of a domain member are unaffected. */
    {"C065l", P_DOMAIN, "tcb", TH, MSV, Network, B_MSV_S4U, ".", "alice", NULL, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C065i", P_DOMAIN, "tcb", TH, MSV, Interactive, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C066", P_DENYALICEN, "tcb", TH, MSV, Network, B_MSV_S4U, NULL, "alice", NULL, 0, G0, NOTGR, 0, T_NONE},
    {"C067", NULL, "tcb", TH, MSV, Network, B_MSV_S4U, NULL, "nobody", NULL, 0, G0, FAIL, STATUS_NO_SUCH_USER, T_NONE},
    /* Account state applies to S4U too; 0x2 asks for the logon hours. */
    {"C022s", NULL, "tcb", TH, MSV, Network, B_MSV_S4U, NULL, "carol", NULL, 0, G0, RESTR, STATUS_ACCOUNT_DISABLED, T_NONE},
    {"C024s", NULL, "tcb", TH, KERB, Network, B_KERB_S4U, ".", "dave", NULL, 0, G0, STATUS_ACCOUNT_LOCKED_OUT, 0, T_NONE},
    {"C029s", NULL, "tcb", TH, MSV, Network, B_MSV_S4U, NULL, "hank", NULL, 0x2, G0, RESTR, STATUS_INVALID_LOGON_HOURS, T_NONE},
    {"C029k", NULL, "tcb", TH, KERB, Network, B_KERB_S4U, ".", "hank", NULL, 0x2, G0, RESTR, STATUS_INVALID_LOGON_HOURS, T_NONE},
    {"C053u", NULL, "user", UH, MSV, Network, B_MSV_S4U, NULL, "alice", NULL, 0, G0, S_OK, 0, T_IMPERSONATION},
    {"C053g", NULL, "user", UH, MSV, Network, B_MSV_S4U, NULL, "alice", NULL, 0, TH_GROUPS_LOGON_SID, STATUS_PRIVILEGE_NOT_HELD, 0, T_NONE},
    {"C039s", NULL, "tcb", TH, MSV, Batch, B_MSV_S4U, NULL, "bob", NULL, 0, G0, S_OK, 0, T_PRIMARY},
    {"C038s", NULL, "tcb", TH, MSV, Batch, B_MSV_S4U, NULL, "alice", NULL, 0, G0, NOTGR, 0, T_NONE},

    /* NewCredentials (9): password not checked, no rights check. */
    {"C111", NULL, "user", UH, MSV, NewCredentials, B_MSV_I, ".", "alice", "wrong", 0, G0, S_OK, 0, T_PRIMARY},
    {"C111t", NULL, "tcb", TH, MSV, NewCredentials, B_MSV_I, ".", "alice", PW_ALICE, 0, G0, S_OK, 0, T_PRIMARY},
    {"C111d", P_NOUSERS, "user", UH, MSV, NewCredentials, B_MSV_I, ".", "alice", "wrong", 0, G0, S_OK, 0, T_PRIMARY},
};

#define N_ROWS ((int)(sizeof rows / sizeof rows[0]))

static void setup(void)
{
    tu_load_policy("policies/p0.yaml");
    lsaemu_reset();
    tu_use_process("tcb");
}

/* Builds the submit buffer of a row; *len is the length to pass. */
static void *row_buffer(const struct row *r, ULONG *len)
{
    static WCHAR outside[] = {'a', 'l', 'i', 'c', 'e'};
    void *buf = NULL;
    switch (r->buf) {
    case B_MSV_I:
        return th_msv_interactive(r->domain, r->user, r->password, len);
    case B_KERB_I:
        return th_kerb_interactive(r->domain, r->user, r->password, len);
    case B_MSV_S4U:
        return th_msv_s4u(r->user, r->domain, r->flags, len);
    case B_KERB_S4U:
        return th_kerb_s4u(r->user, r->domain, r->flags, len);
    case B_MSGTYPE:
        buf = th_msv_interactive(r->domain, r->user, r->password, len);
        ((MSV1_0_INTERACTIVE_LOGON *)buf)->MessageType = (MSV1_0_LOGON_SUBMIT_TYPE)r->flags;
        return buf;
    case B_SHORT:
        /* Less than the structure: strings cannot be described. */
        buf = th_msv_interactive(r->domain, r->user, r->password, len);
        *len = (ULONG)sizeof(MSV1_0_INTERACTIVE_LOGON) - 8;
        return buf;
    case B_OUTSIDE:
        buf = th_msv_interactive(r->domain, r->user, r->password, len);
        ((MSV1_0_INTERACTIVE_LOGON *)buf)->UserName.Buffer = outside;
        return buf;
    case B_OVERRUN: {
        /* The block is cut right after the structure and the first string
         * (the domain), so UserName starts inside it but ends outside. */
        MSV1_0_INTERACTIVE_LOGON *m = th_msv_interactive(r->domain, r->user, r->password, len);
        size_t user_start = (size_t)((char *)m->UserName.Buffer - (char *)m);
        *len = (ULONG)(user_start + 2);
        return m;
    }
    case B_TINY:
        buf = th_msv_interactive(r->domain, r->user, r->password, len);
        *len = 2;
        return buf;
    case B_ODDLEN: {
        MSV1_0_INTERACTIVE_LOGON *m = th_msv_interactive(r->domain, r->user, r->password, len);
        m->UserName.Length -= 1;
        return m;
    }
    case B_NULLBUF: {
        MSV1_0_INTERACTIVE_LOGON *m = th_msv_interactive(r->domain, r->user, r->password, len);
        m->UserName.Buffer = NULL;
        return m;
    }
    case B_BADLEN: {
        MSV1_0_INTERACTIVE_LOGON *m = th_msv_interactive(r->domain, r->user, r->password, len);
        m->UserName.MaximumLength = (USHORT)(m->UserName.Length - 2);
        return m;
    }
    }
    ck_abort_msg("bad buffer kind");
    return NULL;
}

static ULONG row_package(HANDLE lsa, const struct row *r)
{
    if (strcmp(r->package, PKG_999) == 0)
        return 999;
    return th_package(lsa, r->package);
}

/* Checks the MSV1_0_INTERACTIVE_PROFILE of a password logon (3.5 outputs). */
static void check_profile(const struct row *r, const struct th_logon_out *out)
{
    ck_assert_msg(out->profile != NULL, "%s: no profile buffer", r->id);
    ck_assert_uint_ge(out->profile_len, sizeof(MSV1_0_INTERACTIVE_PROFILE));
    const MSV1_0_INTERACTIVE_PROFILE *p = out->profile;
    ck_assert_uint_eq((unsigned)p->MessageType, 2); /* MsV1_0InteractiveProfile */
    /* Every string of the profile lies inside the returned block. */
    const UNICODE_STRING *strs[] = {&p->LogonScript, &p->HomeDirectory, &p->FullName,
                                    &p->ProfilePath, &p->HomeDirectoryDrive, &p->LogonServer};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        /* behavior.md 12.4: every string, empty or not, is NUL-terminated
         * inside the block, MaximumLength counting the terminator. */
        const char *b = (const char *)strs[i]->Buffer, *base = out->profile;
        ck_assert_msg(b != NULL, "%s: profile string %zu has no Buffer", r->id, i);
        ck_assert_uint_eq(strs[i]->MaximumLength, strs[i]->Length + 2);
        ck_assert_msg(b >= base && b + strs[i]->MaximumLength <= base + out->profile_len,
                      "%s: profile string %zu outside the buffer", r->id, i);
        ck_assert_uint_eq(strs[i]->Buffer[strs[i]->Length / 2], 0);
    }
    if (strcmp(r->user, "alice") == 0 || strcmp(r->user, "ALICE") == 0) {
        ck_assert_msg(th_ustr_eq(&p->FullName, "Alice Example"), "%s: FullName \"%s\"", r->id,
                      th_ustr_ascii(&p->FullName));
        ck_assert_msg(th_ustr_eq(&p->HomeDirectory, "C:\\Users\\alice"),
                      "%s: HomeDirectory \"%s\"", r->id, th_ustr_ascii(&p->HomeDirectory));
        ck_assert_msg(th_ustr_eq(&p->ProfilePath, "C:\\Users\\alice\\profile"),
                      "%s: ProfilePath \"%s\"", r->id, th_ustr_ascii(&p->ProfilePath));
        ck_assert_msg(th_ustr_eq(&p->LogonScript, "alice.cmd"), "%s: LogonScript \"%s\"", r->id,
                      th_ustr_ascii(&p->LogonScript));
    } else if (strcmp(r->user, "bob") == 0) {
        ck_assert_msg(th_ustr_eq(&p->FullName, "Bob Admin"), "%s: FullName \"%s\"", r->id,
                      th_ustr_ascii(&p->FullName));
    }
}

/* The quotas are written for a primary token (3.5 outputs). */
static void check_quotas_written(const struct row *r, const struct th_logon_out *out)
{
    QUOTA_LIMITS untouched;
    memset(&untouched, 0xA5, sizeof untouched);
    ck_assert_msg(memcmp(&untouched, &out->quotas, sizeof untouched) != 0,
                  "%s: Quotas not filled for a primary token", r->id);
}

/* LsaGetLogonSessionData needs the caller to own the session or be an
 * administrator (3.10, D10); only ask where that is unambiguous. */
static int can_read_session(const struct row *r)
{
    if (strcmp(r->process, "tcb") == 0 || strcmp(r->process, "admin") == 0)
        return 1;
    if (strcmp(r->process, "user") == 0)
        return r->type == NewCredentials || strcmp(r->user, "alice") == 0;
    return 0;
}

/* Built-in service accounts are reported under their canonical names. */
static int session_user_matches(const struct row *r, const UNICODE_STRING *u)
{
    if (th_ustr_ieq(u, r->user))
        return 1;
    if (strcmp(r->user, "LocalService") == 0)
        return th_ustr_ieq(u, "LOCAL SERVICE");
    if (strcmp(r->user, "NetworkService") == 0)
        return th_ustr_ieq(u, "NETWORK SERVICE");
    return 0;
}

/* The new session as LsaGetLogonSessionData sees it (3.10). */
static void check_session(const struct row *r, const struct th_logon_out *out)
{
    ck_assert_msg(th_session_listed(out->logon_id), "%s: LogonId not enumerated", r->id);
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    LUID id = out->logon_id;
    ck_assert_status_eq(LsaGetLogonSessionData(&id, &d), STATUS_SUCCESS);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->Size, sizeof(SECURITY_LOGON_SESSION_DATA));
    ck_assert_uint_eq(d->LogonId.LowPart, out->logon_id.LowPart);
    ck_assert_int_eq(d->LogonId.HighPart, out->logon_id.HighPart);
    ck_assert_msg(d->LogonType == r->type, "%s: session LogonType %lu, want %lu", r->id,
                  (unsigned long)d->LogonType, (unsigned long)r->type);
    if (r->type != NewCredentials) {
        /* NewCredentials keeps the caller's identity; everything else
         * names the account that logged on. */
        ck_assert_msg(session_user_matches(r, &d->UserName), "%s: session UserName \"%s\"", r->id,
                      th_ustr_ascii(&d->UserName));
        ck_assert_ptr_nonnull(d->Sid);
        ck_assert_uint_gt(d->LogonDomain.Length, 0);
    }
    ck_assert_uint_gt(d->AuthenticationPackage.Length, 0);
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
}

START_TEST(logon_table)
{
    const struct row *r = &rows[_i];
    if (r->policy)
        tu_load_policy(r->policy);
    tu_use_process(r->process);

    HANDLE lsa = r->handle == TH ? th_connect_trusted() : th_connect_untrusted();
    ULONG package = row_package(lsa, r);
    ULONG len = 0;
    void *buf = row_buffer(r, &len);
    PTOKEN_GROUPS groups = r->groups == G0 ? NULL : th_groups(r->groups);
    ULONG sessions_before = th_session_count();

    struct th_logon_out out;
    NTSTATUS st = th_logon(lsa, package, (SECURITY_LOGON_TYPE)r->type, buf, len, groups, &out);
    ck_assert_msg(st == r->status, "%s: got %s (0x%08X), want %s (0x%08X); reason: %s", r->id,
                  tu_status_name(st), (unsigned)st, tu_status_name(r->status),
                  (unsigned)r->status, lsaemu_last_reason());
    if (r->sub != SUB_ANY)
        ck_assert_msg(out.sub_status == r->sub, "%s: SubStatus %s (0x%08X), want %s (0x%08X)",
                      r->id, tu_status_name(out.sub_status), (unsigned)out.sub_status,
                      tu_status_name(r->sub), (unsigned)r->sub);
    /* Every decision leaves a reason (HACKING.md). */
    ck_assert_msg(lsaemu_last_reason()[0] != '\0', "%s: empty reason", r->id);

    if (r->status != STATUS_SUCCESS) {
        th_assert_failed_outputs(&out);
        ck_assert_msg(th_session_count() == sessions_before,
                      "%s: a failed logon left a logon session behind", r->id);
    } else {
        ck_assert_msg(out.logon_id.LowPart != 0 || out.logon_id.HighPart != 0,
                      "%s: LogonId is zero", r->id);
        ck_assert_msg(out.logon_id.LowPart != 0x5A5A5A5Au, "%s: LogonId not written", r->id);
        ck_assert_msg(out.token != NULL && out.token != (HANDLE)TH_GARBAGE_PTR,
                      "%s: no token", r->id);
        ck_assert_uint_eq(th_session_count(), sessions_before + 1);
        if ((r->buf == B_MSV_I || r->buf == B_KERB_I) &&
            (r->type == Interactive || r->type == Batch || r->type == Service ||
             r->type == RemoteInteractive))
            check_profile(r, &out);
        else if (out.profile == NULL)
            ck_assert_uint_eq(out.profile_len, 0);
        else
            ck_assert_uint_gt(out.profile_len, 0);
        if (r->tok == T_PRIMARY)
            check_quotas_written(r, &out);
        /* behavior.md 3.5 step 12, 12.1: only Network gives an
         * impersonation token; NetworkCleartext gives a primary one. */
        if (r->tok != T_NONE)
            ck_assert_msg(tk_type(out.token) ==
                              (r->tok == T_PRIMARY ? TokenPrimary : TokenImpersonation),
                          "%s: TokenType %lu", r->id, (unsigned long)tk_type(out.token));
        if (can_read_session(r))
            check_session(r, &out);
        th_release(&out);
    }

    free(groups);
    free(buf);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
}
END_TEST

/* ---- Reasons name the rule that decided ----------------------------------------- */

struct reason_row {
    const char *id;
    const char *policy;
    ULONG type;
    const char *user;
    const char *password;
    const char *needle; /* the reason must contain this (case-insensitive) */
};

static const struct reason_row reason_rows[] = {
    {"C034", P_NOUSERS, Interactive, "alice", PW_ALICE, "SeInteractiveLogonRight"},
    {"C035", P_DENYALICEI, Interactive, "alice", PW_ALICE, "SeDenyInteractiveLogonRight"},
    {"C037", P_DENYADMN, Network, "bob", PW_BOB, "SeDenyNetworkLogonRight"},
    {"C038", NULL, Batch, "alice", PW_ALICE, "SeBatchLogonRight"},
    {"C041", NULL, Service, "alice", PW_ALICE, "SeServiceLogonRight"},
    {"C044", NULL, RemoteInteractive, "alice", PW_ALICE, "SeRemoteInteractiveLogonRight"},
    {"C022", NULL, Interactive, "carol", PW_CAROL, "disabled"},
    {"C024", NULL, Interactive, "dave", PW_DAVE, "lock"},
    {"C026", NULL, Interactive, "erin", PW_ERIN, "expire"},
    {"C027", NULL, Interactive, "frank", PW_FRANK, "password"},
    {"C028", NULL, Interactive, "gina", PW_GINA, "change"},
    {"C029", NULL, Interactive, "hank", PW_HANK, "hours"},
    {"C030", NULL, Interactive, "ivy", PW_IVY, "workstation"},
    {"C032", NULL, Network, "jack", "", "blank"},
};

static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               (hay[i] | 0x20) == (needle[i] | 0x20))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

START_TEST(reason_names_the_rule)
{
    const struct reason_row *r = &reason_rows[_i];
    if (r->policy)
        tu_load_policy(r->policy);
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    NTSTATUS st = th_logon_msv(lsa, (SECURITY_LOGON_TYPE)r->type, r->user, r->password, &out);
    ck_assert_msg(!NT_SUCCESS(st), "%s: logon succeeded", r->id);
    const char *why = lsaemu_last_reason();
    ck_assert_msg(contains_ci(why, r->needle), "%s: reason \"%s\" does not mention \"%s\"", r->id,
                  why, r->needle);
}
END_TEST

/* ---- Handles ---------------------------------------------------------------------- */

static void check_invalid_handle(HANDLE lsa, ULONG package)
{
    ULONG len;
    void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
    ULONG before = th_session_count();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, package, Interactive, buf, len, NULL, &out),
                        STATUS_INVALID_HANDLE);
    th_assert_failed_outputs(&out);
    ck_assert_uint_eq(th_session_count(), before);
    free(buf);
}

START_TEST(logon_closed_handle)
{
    HANDLE lsa = th_connect_trusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    check_invalid_handle(lsa, msv);
}
END_TEST

START_TEST(logon_bogus_handle)
{
    check_invalid_handle(NULL, 2);
    check_invalid_handle((HANDLE)(uintptr_t)0x4242, 2);
}
END_TEST

START_TEST(logon_token_handle_wrong_kind)
{
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out first;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &first),
                        STATUS_SUCCESS);
    check_invalid_handle(first.token, th_package(lsa, TH_MSV1_0));
    th_release(&first);
}
END_TEST

START_TEST(logon_handle_checked_before_package)
{
    /* 3.5 step 1 before step 2. */
    check_invalid_handle((HANDLE)(uintptr_t)0x4242, 999);
}
END_TEST

START_TEST(logon_null_arguments_deviation)
{
    /* Deviation: Windows faults on a NULL out-pointer or a NULL
     * OriginName/SourceContext; lsaemu returns STATUS_INVALID_PARAMETER and
     * creates nothing. */
    HANDLE lsa = th_connect_trusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ULONG len;
    void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
    LSA_STRING origin = th_lsa_string("lsaemu-tests");
    TOKEN_SOURCE src;
    memset(&src, 0, sizeof src);
    memcpy(src.SourceName, "TestSrc", 7);
    PVOID profile;
    ULONG plen;
    LUID id;
    HANDLE tok;
    QUOTA_LIMITS q;
    NTSTATUS sub;
    ULONG before = th_session_count();

    ck_assert_status_eq(LsaLogonUser(lsa, NULL, Interactive, msv, buf, len, NULL, &src, &profile,
                                     &plen, &id, &tok, &q, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, NULL, len, NULL, &src,
                                     &profile, &plen, &id, &tok, &q, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, NULL,
                                     &profile, &plen, &id, &tok, &q, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src, NULL,
                                     &plen, &id, &tok, &q, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src,
                                     &profile, NULL, &id, &tok, &q, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src,
                                     &profile, &plen, NULL, &tok, &q, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src,
                                     &profile, &plen, &id, NULL, &q, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src,
                                     &profile, &plen, &id, &tok, NULL, &sub),
                        STATUS_INVALID_PARAMETER);
    ck_assert_status_eq(LsaLogonUser(lsa, &origin, Interactive, msv, buf, len, NULL, &src,
                                     &profile, &plen, &id, &tok, &q, NULL),
                        STATUS_INVALID_PARAMETER);
    ck_assert_uint_eq(th_session_count(), before);
    free(buf);
}
END_TEST

START_TEST(outputs_outlive_the_connection)
{
    /* The token, the profile and the session belong to the process, not to
     * the connection that produced them (2, 3.5 outputs). */
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    ck_assert_status_eq(LsaDeregisterLogonProcess(lsa), STATUS_SUCCESS);
    ck_assert(th_session_listed(out.logon_id));
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&out.logon_id, &d), STATUS_SUCCESS);
    ck_assert_status_eq(LsaFreeReturnBuffer(d), STATUS_SUCCESS);
    th_release(&out);
}
END_TEST

START_TEST(two_logons_distinct_outputs)
{
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out a, b;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &a), STATUS_SUCCESS);
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &b), STATUS_SUCCESS);
    ck_assert_ptr_ne(a.token, b.token);
    ck_assert_ptr_ne(a.profile, b.profile);
    ck_assert(a.logon_id.LowPart != b.logon_id.LowPart || a.logon_id.HighPart != b.logon_id.HighPart);
    th_release(&a);
    /* Releasing one leaves the other intact. */
    const MSV1_0_INTERACTIVE_PROFILE *p = b.profile;
    ck_assert(th_ustr_eq(&p->FullName, "Alice Example"));
    th_release(&b);
}
END_TEST

/* ---- Name lengths (3.5 step 8) -------------------------------------------------- */

START_TEST(name_too_long_user_257_chars)
{
    HANDLE lsa = th_connect_trusted();
    char *user = th_repeat('u', 257); /* 514 bytes of UTF-16 */
    ULONG before = th_session_count();
    struct th_logon_out out;
    NTSTATUS st = th_logon_msv(lsa, Interactive, user, PW_ALICE, &out);
    ck_assert_status_eq(st, STATUS_NAME_TOO_LONG);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 206);
    th_assert_failed_outputs(&out);
    ck_assert_uint_eq(th_session_count(), before);
    free(user);
}
END_TEST

START_TEST(name_256_chars_is_not_too_long)
{
    /* Exactly 512 bytes is allowed; the account is unknown. */
    HANDLE lsa = th_connect_trusted();
    char *user = th_repeat('u', 256);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, user, "x", &out), STATUS_LOGON_FAILURE);
    ck_assert_status_eq(out.sub_status, STATUS_NO_SUCH_USER);
    free(user);
}
END_TEST

START_TEST(name_too_long_password_257_chars)
{
    HANDLE lsa = th_connect_trusted();
    char *pw = th_repeat('p', 257);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", pw, &out), STATUS_NAME_TOO_LONG);
    th_assert_failed_outputs(&out);
    free(pw);
}
END_TEST

START_TEST(name_too_long_after_message_type)
{
    /* Message type (step 6) is judged before name lengths (step 8). */
    HANDLE lsa = th_connect_trusted();
    char *user = th_repeat('u', 300);
    ULONG len;
    MSV1_0_INTERACTIVE_LOGON *m = th_msv_interactive(".", user, PW_ALICE, &len);
    m->MessageType = (MSV1_0_LOGON_SUBMIT_TYPE)99;
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, th_package(lsa, TH_MSV1_0), Interactive, m, len, NULL, &out),
                        STATUS_BAD_VALIDATION_CLASS);
    free(m);
    free(user);
}
END_TEST

START_TEST(name_too_long_network)
{
    /* The length limit does not depend on the logon type. */
    HANDLE lsa = th_connect_trusted();
    char *user = th_repeat('u', 300);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Network, user, PW_ALICE, &out), STATUS_NAME_TOO_LONG);
    free(user);
}
END_TEST

/* ---- require_logon_process (7.1, policy-format.md options) ------------------------ */

START_TEST(require_logon_process_untrusted)
{
    tu_load_policy("policies/p0-require-lp.yaml");
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    ULONG before = th_session_count();
    struct th_logon_out out;
    NTSTATUS st = th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out);
    ck_assert_status_eq(st, STATUS_NOT_LOGON_PROCESS);
    ck_assert_uint_eq(LsaNtStatusToWinError(st), 1362);
    th_assert_failed_outputs(&out);
    ck_assert_uint_eq(th_session_count(), before);
}
END_TEST

START_TEST(require_logon_process_untrusted_tcb_caller)
{
    /* Even a TCB caller: the rule is about the connection. */
    tu_load_policy("policies/p0-require-lp.yaml");
    tu_use_process("tcb");
    HANDLE lsa = th_connect_untrusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out),
                        STATUS_NOT_LOGON_PROCESS);
}
END_TEST

START_TEST(require_logon_process_before_package_check)
{
    /* Decided order: handle, then require_logon_process, then package id. */
    tu_load_policy("policies/p0-require-lp.yaml");
    tu_use_process("user");
    HANDLE lsa = th_connect_untrusted();
    ULONG len;
    void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, 999, (SECURITY_LOGON_TYPE)1, buf, len, NULL, &out),
                        STATUS_NOT_LOGON_PROCESS);
    th_assert_failed_outputs(&out);
    free(buf);
}
END_TEST

START_TEST(require_logon_process_trusted_ok)
{
    tu_load_policy("policies/p0-require-lp.yaml");
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    struct th_logon_out out;
    ck_assert_status_eq(th_logon_msv(lsa, Interactive, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    ck_assert_status_eq(out.sub_status, STATUS_SUCCESS);
    th_release(&out);
    /* Package look-up still works on an untrusted handle. */
    HANDLE u = th_connect_untrusted();
    ck_assert_uint_eq(th_package(u, TH_MSV1_0), 2);
}
END_TEST

/* ---- Faults (policy-format.md, faults) --------------------------------------------- */

/* In p0-faults.yaml the package look-up also has a fault (nth 3), so these
 * tests look the package up once and pass its id. */
static NTSTATUS fault_logon(HANDLE lsa, ULONG msv, const char *user, const char *password,
                            struct th_logon_out *out)
{
    ULONG len;
    void *buf = th_msv_interactive(".", user, password, &len);
    NTSTATUS st = th_logon(lsa, msv, Interactive, buf, len, NULL, out);
    free(buf);
    return st;
}

START_TEST(fault_nth_call)
{
    tu_load_policy("policies/p0-faults.yaml");
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ULONG before = th_session_count();
    struct th_logon_out out;

    /* The token stays open so that its logon session lives on. */
    ck_assert_status_eq(fault_logon(lsa, msv, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    struct th_logon_out first = out;
    ULONG after_first = th_session_count();
    ck_assert_uint_eq(after_first, before + 1);

    /* Call 2 fails with the fault's status before any other check: even a
     * wrong password is not looked at. */
    ck_assert_status_eq(fault_logon(lsa, msv, "alice", "wrong", &out),
                        STATUS_INSUFFICIENT_RESOURCES);
    ck_assert_status_eq(out.sub_status, STATUS_SUCCESS);
    th_assert_failed_outputs(&out);
    ck_assert_uint_eq(th_session_count(), after_first);

    /* Call 3 is normal again. */
    ck_assert_status_eq(fault_logon(lsa, msv, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    th_release(&out);
    ck_assert_status_eq(fault_logon(lsa, msv, "alice", "wrong", &out), STATUS_LOGON_FAILURE);
    th_release(&first);
}
END_TEST

START_TEST(fault_account_filter)
{
    tu_load_policy("policies/p0-faults.yaml");
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    ULONG before = th_session_count();
    struct th_logon_out out;

    /* Call 1 names bob ("BOB" in the policy; case-insensitive). */
    ck_assert_status_eq(fault_logon(lsa, msv, "bob", PW_BOB, &out), STATUS_NO_LOGON_SERVERS);
    th_assert_failed_outputs(&out);
    ck_assert_uint_eq(th_session_count(), before);
    /* Counting is per function name: this is call 2, whoever it names. */
    ck_assert_status_eq(fault_logon(lsa, msv, "alice", PW_ALICE, &out),
                        STATUS_INSUFFICIENT_RESOURCES);
    th_assert_failed_outputs(&out);
    /* Call 3: alice works, bob still fails every time. */
    ck_assert_status_eq(fault_logon(lsa, msv, "alice", PW_ALICE, &out), STATUS_SUCCESS);
    struct th_logon_out alice = out;
    ck_assert_status_eq(fault_logon(lsa, msv, "Bob", PW_BOB, &out), STATUS_NO_LOGON_SERVERS);
    th_assert_failed_outputs(&out);
    ck_assert_uint_eq(th_session_count(), before + 1);
    th_release(&alice);
}
END_TEST

START_TEST(fault_counted_per_function)
{
    /* th_logon_msv looks the package up before each logon, so the look-up
     * counter and the logon counter advance separately: look-ups 1 and 2
     * succeed, look-up 3 fails with 0xC0000017 (STATUS_NO_MEMORY). */
    tu_load_policy("policies/p0-faults.yaml");
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    ck_assert_uint_eq(th_package(lsa, TH_MSV1_0), 2);
    ck_assert_uint_eq(th_package(lsa, TH_KERBEROS), 1);
    LSA_STRING s = th_lsa_string(TH_NEGOTIATE);
    ULONG id = 0xABCD;
    ck_assert_status_eq(LsaLookupAuthenticationPackage(lsa, &s, &id), STATUS_NO_MEMORY);
    ck_assert_uint_eq(th_package(lsa, TH_NEGOTIATE), 0);
    /* The logon counter is still at 0: the first logon succeeds. */
    ULONG len;
    void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, 2, Interactive, buf, len, NULL, &out), STATUS_SUCCESS);
    th_release(&out);
    free(buf);
}
END_TEST

START_TEST(fault_counters_cleared_by_reset)
{
    tu_load_policy("policies/p0-faults.yaml");
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    ULONG len;
    void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, 2, Interactive, buf, len, NULL, &out), STATUS_SUCCESS);
    th_release(&out);
    lsaemu_reset();
    lsa = th_connect_trusted();
    ck_assert_status_eq(th_logon(lsa, 2, Interactive, buf, len, NULL, &out), STATUS_SUCCESS);
    th_release(&out);
    ck_assert_status_eq(th_logon(lsa, 2, Interactive, buf, len, NULL, &out),
                        STATUS_INSUFFICIENT_RESOURCES);
    th_assert_failed_outputs(&out);
    free(buf);
}
END_TEST

/* ---- Broken LSAEMU_POLICY (policy-format.md, Selecting a policy) ------------------- */

START_TEST(broken_env_policy_internal_db_error)
{
    if (th_nofork())
        return; /* needs a fresh process */
    setenv("LSAEMU_POLICY", tu_path("policies/broken.yaml"), 1);
    setenv("LSAEMU_PROCESS", "tcb", 1);

    HANDLE h = (HANDLE)(uintptr_t)0x1234;
    ck_assert_status_eq(LsaConnectUntrusted(&h), STATUS_INTERNAL_DB_ERROR);
    LSA_STRING name = th_lsa_string("TestLogon");
    LSA_OPERATIONAL_MODE mode = 0;
    ck_assert_status_eq(LsaRegisterLogonProcess(&name, &h, &mode), STATUS_INTERNAL_DB_ERROR);
    LSA_STRING pkg = th_lsa_string(TH_MSV1_0);
    ULONG id = 0;
    ck_assert_status_eq(LsaLookupAuthenticationPackage((HANDLE)(uintptr_t)0x1234, &pkg, &id),
                        STATUS_INTERNAL_DB_ERROR);
    ULONG len;
    void *buf = th_msv_interactive(".", "alice", PW_ALICE, &len);
    struct th_logon_out out;
    ck_assert_status_eq(th_logon((HANDLE)(uintptr_t)0x1234, 2, Interactive, buf, len, NULL, &out),
                        STATUS_INTERNAL_DB_ERROR);
    th_assert_failed_outputs(&out);
    ULONG count = 0;
    PLUID list = NULL;
    ck_assert_status_eq(LsaEnumerateLogonSessions(&count, &list), STATUS_INTERNAL_DB_ERROR);
    LUID system = {0x3E7, 0};
    PSECURITY_LOGON_SESSION_DATA d = NULL;
    ck_assert_status_eq(LsaGetLogonSessionData(&system, &d), STATUS_INTERNAL_DB_ERROR);
    ck_assert_uint_eq(LsaNtStatusToWinError(STATUS_INTERNAL_DB_ERROR), 1383);
    free(buf);
}
END_TEST

/* The LSA copies the submitted block and rebases the string pointers; a
 * UNICODE_STRING at an odd offset inside the block is read like any other
 * (x64 Windows tolerates the unaligned access). lsaemu reads such strings
 * without a misaligned load (tests/fuzz found the case). */
START_TEST(unaligned_strings_accepted)
{
    tu_use_process("tcb");
    HANDLE lsa = th_connect_trusted();
    ULONG msv = th_package(lsa, TH_MSV1_0);
    static const char user[] = "alice", pw[] = PW_ALICE;
    size_t nu = sizeof user - 1, np = sizeof pw - 1;
    ULONG len = (ULONG)(sizeof(MSV1_0_INTERACTIVE_LOGON) + 1 + 2 * (1 + nu + np));
    unsigned char *block = calloc(1, len);
    ck_assert_ptr_nonnull(block);
    MSV1_0_INTERACTIVE_LOGON *m = (MSV1_0_INTERACTIVE_LOGON *)block;
    unsigned char *p = block + sizeof *m + 1; /* odd offset on purpose */
    m->MessageType = MsV1_0InteractiveLogon;
    struct {
        UNICODE_STRING *us;
        const char *s;
        size_t n;
    } f[] = {{&m->LogonDomainName, ".", 1}, {&m->UserName, user, nu}, {&m->Password, pw, np}};
    for (int i = 0; i < 3; i++) {
        f[i].us->Buffer = (PWSTR)(void *)p;
        f[i].us->Length = f[i].us->MaximumLength = (USHORT)(2 * f[i].n);
        for (size_t k = 0; k < f[i].n; k++) {
            p[0] = (unsigned char)f[i].s[k];
            p[1] = 0;
            p += 2;
        }
    }
    struct th_logon_out out;
    ck_assert_status_eq(th_logon(lsa, msv, Interactive, block, len, NULL, &out),
                        STATUS_SUCCESS);
    ck_assert_ptr_nonnull(out.token);
    th_release(&out);
    /* A wrong password at an odd offset is judged as a wrong password. */
    p -= 2;
    p[0] = 'X';
    ck_assert_status_eq(th_logon(lsa, msv, Interactive, block, len, NULL, &out),
                        STATUS_LOGON_FAILURE);
    ck_assert_status_eq(out.sub_status, STATUS_WRONG_PASSWORD);
    free(block);
    LsaDeregisterLogonProcess(lsa);
}
END_TEST

Suite *make_lsa_logon_suite(void);
Suite *make_lsa_logon_suite(void)
{
    Suite *s = suite_create("lsa_logon");

    TCase *tc = tcase_create("table");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, logon_table, 0, N_ROWS);
    suite_add_tcase(s, tc);

    tc = tcase_create("reasons");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, reason_names_the_rule, 0,
                        (int)(sizeof reason_rows / sizeof reason_rows[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("handles");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, logon_closed_handle);
    tcase_add_test(tc, logon_bogus_handle);
    tcase_add_test(tc, logon_token_handle_wrong_kind);
    tcase_add_test(tc, logon_handle_checked_before_package);
    tcase_add_test(tc, logon_null_arguments_deviation);
    tcase_add_test(tc, outputs_outlive_the_connection);
    tcase_add_test(tc, two_logons_distinct_outputs);
    suite_add_tcase(s, tc);

    tc = tcase_create("lengths");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, name_too_long_user_257_chars);
    tcase_add_test(tc, name_256_chars_is_not_too_long);
    tcase_add_test(tc, name_too_long_password_257_chars);
    tcase_add_test(tc, name_too_long_after_message_type);
    tcase_add_test(tc, name_too_long_network);
    tcase_add_test(tc, unaligned_strings_accepted);
    suite_add_tcase(s, tc);

    tc = tcase_create("require_logon_process");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, require_logon_process_untrusted);
    tcase_add_test(tc, require_logon_process_untrusted_tcb_caller);
    tcase_add_test(tc, require_logon_process_before_package_check);
    tcase_add_test(tc, require_logon_process_trusted_ok);
    suite_add_tcase(s, tc);

    tc = tcase_create("faults");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, fault_nth_call);
    tcase_add_test(tc, fault_account_filter);
    tcase_add_test(tc, fault_counted_per_function);
    tcase_add_test(tc, fault_counters_cleared_by_reset);
    suite_add_tcase(s, tc);

    /* No fixture: the policy must come from the environment. */
    tc = tcase_create("environment");
    tcase_add_test(tc, broken_env_policy_internal_db_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(make_lsa_logon_suite());
}
