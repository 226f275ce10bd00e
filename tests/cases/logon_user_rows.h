/* SPDX-License-Identifier: MIT */
/*
 * The LogonUser case table (behavior.md 3.11, 4, 5; cases C038-C042,
 * C093-C119): data only, in Windows API names and constants, so the same
 * rows drive the Check suite tests/check_logon_user.c natively and the
 * framework-neutral runner tests/win32/logon_cases.c natively and under
 * Wine. Include <windows.h> (LOGON32_*, DWORD, BOOL) first; the fixture
 * names (PW_*, SID_*) come from tests/cases/fixture_names.h. One
 * translation unit per program includes it (it defines rows[]).
 *
 * Every row names the policy (a path under tests/; NULL is P0,
 * policies/p0.yaml), the calling process entry, the variant, the arguments
 * and the expected BOOL / last error, and on success the token type and
 * TokenUser.
 */
#ifndef LSAEMU_TESTS_CASES_LOGON_USER_ROWS_H
#define LSAEMU_TESTS_CASES_LOGON_USER_ROWS_H

#include "fixture_names.h"

/* LogonUserW, LogonUserA, LogonUserExW, LogonUserExA, LogonUserExExW. */
enum variant { V_W, V_A, V_EXW, V_EXA, V_EXEXW };

/* Token kinds a success returns. */
enum tok { T_NONE, T_PRIMARY, T_IMPERSONATION };

#define P_P0 "policies/p0.yaml"
#define P_NOUSERS "policies/p0-no-users-interactive.yaml"
#define P_NOUSERSNET "policies/p0-no-users-network.yaml"
#define P_DENYALICEN "policies/p0-deny-alice-network.yaml"
#define P_ALICEBATCH "policies/p0-alice-batch.yaml"

struct row {
    const char *id;
    const char *policy; /* under tests/, NULL = P0 */
    const char *process;
    enum variant v;
    const char *user, *domain, *password;
    DWORD type, provider;
    BOOL ok;
    DWORD err;
    enum tok tok;
    const char *user_sid; /* expected TokenUser on success */
};

/* clang-format off */
static const struct row rows[] = {
    /* Section 10. */
    {"C093", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C094", NULL, "user", V_W, "alice", ".", "wrong", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C095", NULL, "user", V_W, "nobody", ".", "x", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C096", NULL, "user", V_W, "carol", ".", PW_CAROL, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1331, T_NONE, NULL},
    {"C097", NULL, "user", V_W, "dave", ".", PW_DAVE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1909, T_NONE, NULL},
    {"C097w", NULL, "user", V_W, "dave", ".", "wrong", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1909, T_NONE, NULL},
    {"C098", NULL, "user", V_W, "erin", ".", PW_ERIN, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1793, T_NONE, NULL},
    {"C099", NULL, "user", V_W, "frank", ".", PW_FRANK, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1330, T_NONE, NULL},
    {"C100", NULL, "user", V_W, "gina", ".", PW_GINA, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1907, T_NONE, NULL},
    {"C101", NULL, "user", V_W, "hank", ".", PW_HANK, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1328, T_NONE, NULL},
    {"C102", NULL, "user", V_W, "ivy", ".", PW_IVY, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1329, T_NONE, NULL},
    {"C103", NULL, "service", V_W, "jack", ".", "", LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, FALSE, 1327, T_NONE, NULL},
    {"C104", P_NOUSERS, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1385, T_NONE, NULL},
    {"C105", P_NOUSERSNET, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_NETWORK_CLEARTEXT, LOGON32_PROVIDER_DEFAULT, FALSE, 1385, T_NONE, NULL},
    {"C106", P_DENYALICEN, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, FALSE, 1385, T_NONE, NULL},
    {"C107", NULL, "user", V_W, "alice", ".", PW_ALICE, 6, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    {"C108", NULL, "user", V_W, "alice", ".", PW_ALICE, 0, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    {"C109", NULL, "user", V_W, "alice", ".", PW_ALICE, 10, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    {"C110", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, 7, FALSE, 87, T_NONE, NULL},
    {"C111", NULL, "user", V_W, "alice", ".", "wrong", LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_WINNT50, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C112", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_WINNT40, FALSE, 87, T_NONE, NULL},
    {"C117", NULL, "tcb", V_W, "LocalService", "NT AUTHORITY", NULL, LOGON32_LOGON_SERVICE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, "S-1-5-19"},
    {"C118", P_ALICEBATCH, "admin", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_BATCH, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},

    /* Logon types outside the LOGON32 set, every one 87 (3.11 step 1). */
    {"C108a", NULL, "user", V_W, "alice", ".", PW_ALICE, 1, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    {"C109a", NULL, "user", V_W, "alice", ".", PW_ALICE, 11, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    {"C109b", NULL, "user", V_W, "alice", ".", PW_ALICE, 0xFFFFFFFFu, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    /* The type is checked before the credentials and the provider. */
    {"C107w", NULL, "user", V_W, "alice", ".", "wrong", 6, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    /* Providers: VIRTUAL (4) is not emulated; every value 0-3 works. */
    {"C110v", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_VIRTUAL, FALSE, 87, T_NONE, NULL},
    {"C110w", NULL, "user", V_W, "alice", ".", "wrong", LOGON32_LOGON_INTERACTIVE, 7, FALSE, 87, T_NONE, NULL},
    {"C093p1", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_WINNT35, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C093p2", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_WINNT40, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C093p3", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_WINNT50, TRUE, 0, T_PRIMARY, SID_ALICE},
    /* NEW_CREDENTIALS: DEFAULT accepted, WINNT35 refused; the token keeps
     * the caller's user whatever the name (engine NewCredentials rule). */
    {"C111d", NULL, "user", V_W, "alice", ".", "wrong", LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C111b", NULL, "admin", V_W, "alice", ".", "wrong", LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_BOB},
    {"C111n", NULL, "user", V_W, "nobody", "ELSEWHERE", "x", LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C111x", P_NOUSERS, "user", V_W, "alice", ".", "wrong", LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C112a", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_WINNT35, FALSE, 87, T_NONE, NULL},

    /* Domains: ".", the machine name, NULL (local), UPN, unknown. */
    {"C093d", NULL, "user", V_W, "alice", "WS1", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C093n", NULL, "user", V_W, "alice", NULL, PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C093u", NULL, "user", V_W, "alice@WS1", NULL, PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C093c", NULL, "user", V_W, "ALICE", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C095d", NULL, "user", V_W, "alice", "ELSEWHERE", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C095u", NULL, "user", V_W, "alice@ELSEWHERE", NULL, PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C094c", NULL, "user", V_W, "alice", ".", "ALICE-PW1", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C094n", NULL, "user", V_W, NULL, ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},

    /* Logon types and rights (section 4 through LogonUser). */
    {"C042", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_IMPERSONATION, SID_ALICE},
    {"C042c 12.1", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_NETWORK_CLEARTEXT, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C038", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_BATCH, LOGON32_PROVIDER_DEFAULT, FALSE, 1385, T_NONE, NULL},
    {"C039", NULL, "user", V_W, "bob", ".", PW_BOB, LOGON32_LOGON_BATCH, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_BOB},
    {"C040", NULL, "user", V_W, "svc1", ".", PW_SVC1, LOGON32_LOGON_SERVICE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_SVC1},
    {"C041", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_SERVICE, LOGON32_PROVIDER_DEFAULT, FALSE, 1385, T_NONE, NULL},
    {"C093k", NULL, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_UNLOCK, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C104w", P_NOUSERS, "user", V_W, "alice", ".", "wrong", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C104b", P_NOUSERS, "user", V_W, "bob", ".", PW_BOB, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_BOB},
    {"C106i", P_DENYALICEN, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C103i", NULL, "user", V_W, "jack", ".", "", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_MACHINE "-1010"},
    {"C103s", NULL, "service", V_W, "jack", ".", "", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1327, T_NONE, NULL},
    {"C117n", NULL, "tcb", V_W, "LocalService", "NT AUTHORITY", NULL, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C117s", NULL, "user", V_W, "NetworkService", "NT AUTHORITY", NULL, LOGON32_LOGON_SERVICE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, "S-1-5-20"},
    /* TCB is not required (D11), not even for batch. */
    {"C118t", P_ALICEBATCH, "user", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_BATCH, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C118n", NULL, "admin", V_W, "alice", ".", PW_ALICE, LOGON32_LOGON_BATCH, LOGON32_PROVIDER_DEFAULT, FALSE, 1385, T_NONE, NULL},

    /* The other variants take the same path. */
    {"C093A", NULL, "user", V_A, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C094A", NULL, "user", V_A, "alice", ".", "wrong", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1326, T_NONE, NULL},
    {"C096A", NULL, "user", V_A, "carol", ".", PW_CAROL, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1331, T_NONE, NULL},
    {"C107A", NULL, "user", V_A, "alice", ".", PW_ALICE, 6, LOGON32_PROVIDER_DEFAULT, FALSE, 87, T_NONE, NULL},
    {"C093uA", NULL, "user", V_A, "alice@WS1", NULL, PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C042A", NULL, "user", V_A, "alice", ".", PW_ALICE, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_IMPERSONATION, SID_ALICE},
    {"C119", NULL, "user", V_EXW, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C119A", NULL, "user", V_EXA, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C119X", NULL, "user", V_EXEXW, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_PRIMARY, SID_ALICE},
    {"C119n", NULL, "user", V_EXW, "alice", ".", PW_ALICE, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, TRUE, 0, T_IMPERSONATION, SID_ALICE},
    {"C100X", NULL, "user", V_EXW, "gina", ".", PW_GINA, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1907, T_NONE, NULL},
    {"C101A", NULL, "user", V_EXA, "hank", ".", PW_HANK, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1328, T_NONE, NULL},
    {"C104X", P_NOUSERS, "user", V_EXEXW, "alice", ".", PW_ALICE, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, FALSE, 1385, T_NONE, NULL},
    {"C112X", NULL, "user", V_EXW, "alice", ".", PW_ALICE, LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_WINNT40, FALSE, 87, T_NONE, NULL},
};
/* clang-format on */

#define N_ROWS ((int)(sizeof rows / sizeof rows[0]))

#endif
