/* SPDX-License-Identifier: MIT */
/* The machine the API fuzz targets log on to (fuzz_logon.c, fuzz_callpkg.c):
 * a password account, a blank-password one, restricted ones, and a caller
 * with SeTcbPrivilege enabled so both trusted and untrusted connections
 * exist; UAC on (alice's interactive logons split), and declared packages
 * at the raw ids the targets reach (3: text, 7: msv1_0 shape, vouched).
 * Embedded, so the targets read no file. */
#ifndef LSAEMU_TESTS_FUZZ_POLICY_H
#define LSAEMU_TESTS_FUZZ_POLICY_H

static const char fuzz_policy_yaml[] =
    "lsaemu: 1\n"
    "machine: { name: FUZZHOST, time: \"2026-11-18T10:00:00Z\", uac: true }\n"
    "base: workstation\n"
    "accounts:\n"
    "  alice: { password: a, groups: [Users, Administrators] }\n"
    "  jack: { groups: [Users] }\n"
    "  dave: { password: d, groups: [Users], locked_out: true }\n"
    "  gina: { password: g, groups: [Users], must_change_password: true }\n"
    "  svc: { password: s, groups: [Users] }\n"
    "rights:\n"
    "  SeTcbPrivilege: [svc]\n"
    "  SeDenyNetworkLogonRight: [Guest, gina]\n"
    "processes:\n"
    "  default: { account: svc, session: 0, enabled: [SeTcbPrivilege] }\n"
    "packages:\n"
    "  fz-text: { format: text }\n"
    "  fz-fixed: { format: any, answer: STATUS_NO_LOGON_SERVERS }\n"
    "  fz-mapped: { format: any, answer: trust, account: jack }\n"
    "  fz-net: { format: text, logon_types: [Network], answer: trust }\n"
    "  fz-msv: { format: msv1_0, answer: trust }\n";

#endif
