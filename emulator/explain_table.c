/* SPDX-License-Identifier: MIT */
/*
 * The knowledge of `lsaemu explain` (see explain_table.h). Sources:
 * behavior.md sections 3.5, 5 and 7 of the specification. The tests
 * run every reproduction below (tests/check-explain-repro.sh).
 */
#include "config.h"

#include <stddef.h>

#include "explain_table.h"

/* The policy most reproductions start from. */
#define ALICE "lsaemu: 1\nmachine: { name: WS1, time: \"2026-11-18T10:00:00Z\" }\n" \
              "accounts:\n  alice: { password: Passw0rd!, groups: [Users] }\n"

static const struct explain_entry entries[] = {
    {true, 0x00000000u, "the call succeeded.", "every successful call.", ALICE,
     "lsaemu logon --policy p.yaml --user alice --password Passw0rd! --type interactive", NULL},
    {true, 0xC000006Du,
     "the user name or the password is wrong. Windows does not say which: the SubStatus of "
     "LsaLogonUser does (STATUS_NO_SUCH_USER or STATUS_WRONG_PASSWORD).",
     "LsaLogonUser and LogonUser for an unknown account, a wrong password, an unknown domain, "
     "or a service account used with a logon type other than Service.",
     ALICE, "lsaemu logon --policy p.yaml --user alice --password wrong --type interactive",
     NULL},
    {true, 0xC000006Au,
     "the password does not match the account's.",
     "only as the SubStatus of STATUS_LOGON_FAILURE; LsaLogonUser never returns it as its "
     "status, and LogonUser reports 1326, not 86.",
     ALICE,
     "lsaemu logon --policy p.yaml --api lsa --user alice --password wrong --type interactive",
     NULL},
    {true, 0xC0000064u, "no account has that name.",
     "as the SubStatus of STATUS_LOGON_FAILURE for an unknown user (LogonUser: 1326).", ALICE,
     "lsaemu logon --policy p.yaml --api lsa --user nobody --password x --type interactive",
     NULL},
    {true, 0xC000006Eu,
     "the credentials are right but a restriction of the account forbids this logon; the "
     "SubStatus names the restriction (logon hours, workstation, expiry, disabled) or is 0 "
     "for the blank-password rule.",
     "LsaLogonUser for a restricted account, after the password was accepted; also for a "
     "local account with a blank password logging on other than at the console while "
     "\"Limit local account use of blank passwords to console logon only\" is on (the "
     "default). LogonUser then fails with the SubStatus's Win32 error, or 1327.",
     "lsaemu: 1\naccounts:\n  jack: { groups: [Users] }   # blank password\n",
     "lsaemu logon --policy p.yaml --user jack --password \"\" --type network", NULL},
    {true, 0xC000006Fu, "the account may not log on at this time of the week.",
     "as the SubStatus of STATUS_ACCOUNT_RESTRICTION (LogonUser: 1328).",
     "lsaemu: 1\nmachine: { time: \"2026-11-18T10:00:00Z\" }   # a Wednesday\naccounts:\n"
     "  hank: { password: x, groups: [Users], logon_hours: [\"Sat-Sun\"] }\n",
     "lsaemu logon --policy p.yaml --api lsa --user hank --password x --type interactive", NULL},
    {true, 0xC0000070u, "the account may log on only from other computers.",
     "as the SubStatus of STATUS_ACCOUNT_RESTRICTION (LogonUser: 1329).",
     "lsaemu: 1\naccounts:\n  ivy: { password: x, groups: [Users], workstations: [OTHERPC] }\n",
     "lsaemu logon --policy p.yaml --api lsa --user ivy --password x --type interactive", NULL},
    {true, 0xC0000071u, "the password is right but has expired.",
     "as the SubStatus of STATUS_ACCOUNT_RESTRICTION (LogonUser: 1330).",
     "lsaemu: 1\naccounts:\n  frank: { password: x, groups: [Users], password_expired: true }\n",
     "lsaemu logon --policy p.yaml --api lsa --user frank --password x --type interactive", NULL},
    {true, 0xC0000072u, "the account is disabled.",
     "as the SubStatus of STATUS_ACCOUNT_RESTRICTION, once the password was accepted "
     "(LogonUser: 1331).",
     "lsaemu: 1\naccounts:\n  carol: { password: x, groups: [Users], disabled: true }\n",
     "lsaemu logon --policy p.yaml --api lsa --user carol --password x --type interactive", NULL},
    {true, 0xC0000193u, "the account has expired.",
     "as the SubStatus of STATUS_ACCOUNT_RESTRICTION (LogonUser: 1793).",
     "lsaemu: 1\nmachine: { time: \"2026-11-18T10:00:00Z\" }\naccounts:\n"
     "  erin: { password: x, groups: [Users], expires: \"2020-01-01T00:00:00Z\" }\n",
     "lsaemu logon --policy p.yaml --api lsa --user erin --password x --type interactive", NULL},
    {true, 0xC0000234u, "the account is locked out after too many bad passwords.",
     "LsaLogonUser and LogonUser as the status itself (SubStatus 0), whatever the password.",
     "lsaemu: 1\naccounts:\n  dave: { password: x, groups: [Users], locked_out: true }\n",
     "lsaemu logon --policy p.yaml --user dave --password x --type interactive", NULL},
    {true, 0xC0000224u, "the password is right but must be changed before the first logon.",
     "LsaLogonUser and LogonUser as the status itself (SubStatus 0).",
     "lsaemu: 1\naccounts:\n  gina: { password: x, groups: [Users], must_change_password: true }\n",
     "lsaemu logon --policy p.yaml --user gina --password x --type interactive", NULL},
    {true, 0xC000015Bu,
     "the account lacks the logon right for this logon type, or holds the matching deny "
     "right (a deny right wins whichever SID of the token carries it).",
     "LsaLogonUser and LogonUser after the credentials and the account state were accepted; "
     "lsaemu's reason names the right and the principal that decided.",
     ALICE,
     "lsaemu logon --policy p.yaml --user alice --password Passw0rd! --type batch",
     "Win32 1380 (ERROR_LOGON_NOT_GRANTED) and 1385 (ERROR_LOGON_TYPE_NOT_GRANTED) carry "
     "the same message text; current Windows reports a missing or denied logon right as "
     "1385, and lsaemu never produces 1380 by itself."},
    {true, 0xC0000155u,
     "the user has not been granted the requested logon type (the older of two codes with "
     "the same message).",
     "no current Windows path was found that returns it from LsaLogonUser or LogonUser; a "
     "missing or denied logon right gives STATUS_LOGON_TYPE_NOT_GRANTED (1385).",
     NULL, NULL,
     "Win32 1380 and 1385 have word-for-word the same message; test for 1385, and accept "
     "1380 only if your code must also run against very old systems."},
    {true, 0xC00000EDu,
     "the caller is not a registered logon process.",
     "modern Windows does not return it for LsaLogonUser on an untrusted handle; lsaemu "
     "returns it when the policy enforces the documented rule "
     "(options.require_logon_process: true) and the handle came from LsaConnectUntrusted.",
     "lsaemu: 1\noptions: { require_logon_process: true }\naccounts:\n"
     "  alice: { password: x, groups: [Users] }\nprocesses:\n  default: { account: alice }\n",
     "lsaemu logon --policy p.yaml --api lsa --user alice --password x --type interactive",
     NULL},
    {true, 0xC00000FEu, "no authentication package has that name or id.",
     "LsaLookupAuthenticationPackage for an unknown name; LsaLogonUser and "
     "LsaCallAuthenticationPackage for an unknown package id.",
     NULL, NULL,
     "lsaemu produces it for any name other than Negotiate, Kerberos and "
     "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0; `lsaemu logon` only passes those, so use the "
     "fault below from the command line."},
    {true, 0xC000010Bu, "LsaLogonUser does not know this logon type.",
     "LsaLogonUser with a SECURITY_LOGON_TYPE outside 2-13, or Proxy (6).", ALICE,
     "lsaemu logon --policy p.yaml --api lsa --user alice --password Passw0rd! --type 6",
     "LogonUser checks the type itself and answers ERROR_INVALID_PARAMETER (87) instead."},
    {true, 0xC00000A7u, "the package does not know the logon structure's message type.",
     "LsaLogonUser with an AuthenticationInformation whose MessageType the package does not "
     "accept for that logon type.",
     NULL, NULL,
     "lsaemu produces it for such buffers; `lsaemu logon` only builds valid ones."},
    {true, 0xC0000061u, "a privilege the call needs is not enabled in the caller's token.",
     "LsaLogonUser with LocalGroups when the caller has not enabled SeTcbPrivilege "
     "(lsaemu's choice among the candidates; see guesses.h).",
     "lsaemu: 1\naccounts:\n  alice: { password: x, groups: [Users] }\nprocesses:\n"
     "  default: { account: alice }   # no SeTcbPrivilege\n",
     "lsaemu logon --policy p.yaml --api lsa --user alice --password x --type interactive "
     "--local-group S-1-5-32-544",
     NULL},
    {true, 0xC0000041u, "the LSA refused the connection.",
     "LsaRegisterLogonProcess when the caller does not have SeTcbPrivilege enabled "
     "(LsaNtStatusToWinError: 5, access denied).",
     "lsaemu: 1\naccounts:\n  alice: { password: x, groups: [Users] }\nprocesses:\n"
     "  default: { account: alice }\n",
     "lsaemu logon --policy p.yaml --api lsa --user alice --password x --type interactive",
     "`lsaemu logon` then falls back to LsaConnectUntrusted, as .NET does; the connection "
     "line shows the refusal."},
    {true, 0xC0000158u, "the emulated machine's database is unusable.",
     "lsaemu only: every call fails with it when the policy named by LSAEMU_POLICY cannot be "
     "loaded, so that a broken fixture never passes silently (BOOL functions: 1383).",
     NULL, NULL, "Fix the file that `lsaemu validate` reports."},
    {true, 0xC000000Du, "an argument is invalid.",
     "LogonUser with a logon type outside its LOGON32 set or a bad provider; LsaLogonUser "
     "with a too-short buffer or strings outside it.",
     ALICE,
     "lsaemu logon --policy p.yaml --user alice --password Passw0rd! --type remote-interactive",
     NULL},
    {true, 0xC00000BBu, "the request is not supported.",
     "an MSV1_0 S4U logon for a domain account (MSV1_0 S4U is for local accounts).",
     "lsaemu: 1\nmachine: { domain: CORP }\n",
     "lsaemu logon --policy p.yaml --api lsa --s4u --package msv1_0 --domain CORP --user bob "
     "--type network",
     NULL},
    {true, 0xC000005Eu, "no domain controller could be reached.",
     "a logon of a domain account on a domain-joined machine; lsaemu emulates no domain "
     "controller, so it answers as a machine that cannot reach one.",
     "lsaemu: 1\nmachine: { domain: CORP }\n",
     "lsaemu logon --policy p.yaml --user bob --domain CORP --password x --type interactive",
     NULL},
    {false, 1385u, NULL, NULL, NULL, NULL,
     "1380 (ERROR_LOGON_NOT_GRANTED) has the same message; current Windows reports a missing "
     "or denied logon right as 1385."},
    {false, 1380u, NULL, NULL, NULL, NULL,
     "1385 (ERROR_LOGON_TYPE_NOT_GRANTED) has the same message; current Windows reports a "
     "missing or denied logon right as 1385, and lsaemu never produces 1380 by itself."},
};

const struct explain_entry *explain_find(bool is_status, uint32_t key)
{
    for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
        if (entries[i].is_status == is_status && entries[i].key == key)
            return &entries[i];
    return NULL;
}
