/* SPDX-License-Identifier: MIT */
/*
 * The names of the P0 fixture (tests/policies/p0.yaml) the case tables and
 * the suites share: passwords and SIDs as text. Plain string macros, no
 * headers needed, so a Windows program (tests/win32/logon_cases.c) and the
 * Check suites (through tests/lsa_helpers.h) use the same definitions.
 */
#ifndef LSAEMU_TESTS_CASES_FIXTURE_NAMES_H
#define LSAEMU_TESTS_CASES_FIXTURE_NAMES_H

/* Passwords of P0. */
#define PW_ALICE "Alice-Pw1"
#define PW_BOB "Bob-Pw1"
#define PW_CAROL "Carol-Pw1"
#define PW_DAVE "Dave-Pw1"
#define PW_ERIN "Erin-Pw1"
#define PW_FRANK "Frank-Pw1"
#define PW_GINA "Gina-Pw1"
#define PW_HANK "Hank-Pw1"
#define PW_IVY "Ivy-Pw1"
#define PW_SVC1 "Svc1-Pw1"
#define PW_GUEST "Guest-Pw1"

/* P0's SIDs. */
#define SID_MACHINE "S-1-5-21-1000-2000-3000"
#define SID_ALICE SID_MACHINE "-1001"
#define SID_BOB SID_MACHINE "-1002"
#define SID_SVC1 SID_MACHINE "-1011"

#endif
