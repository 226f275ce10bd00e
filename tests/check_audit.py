# SPDX-License-Identifier: MIT
"""LSAEMU_AUDIT: runs logons through the lsaemu tool and checks every
record: one JSON object per line, the Windows event field names, the
values of 4611, 4624, 4672, 4625, 4634 and 4740, the fixed policy time. With the
diagcall client (tests/diag/diagcall.c) as a second argument, also fields
far longer than 4 KB, control characters, U+2028, unpaired surrogates and
bytes that are not UTF-8: every record is still one whole line that
parses, with exactly the caller's value."""
import json
import os
import subprocess
import sys
import tempfile

tool = sys.argv[1]
diagcall = sys.argv[2] if len(sys.argv) > 2 else None
failures = []

POLICY = """lsaemu: 1
machine: { name: WS1, time: "2026-11-18T10:00:00Z" }
accounts:
  alice: { password: "Alice-1", groups: [Users], full_name: "Alice \\"Quote\\" Example" }
  admin: { password: "Admin-1", groups: [Administrators] }
  "o'brien": { password: "Ob-1", groups: [Users] }
"""

COMMON = ["EventID", "TimeCreated", "TargetUserName", "TargetDomainName", "TargetUserSid",
          "TargetLogonId", "LogonType", "LogonProcessName", "AuthenticationPackageName",
          "ProcessId"]


def check(cond, what):
    if not cond:
        failures.append(what)


def run(audit, policy, *args):
    env = dict(os.environ, LSAEMU_AUDIT=audit)
    env.pop("LSAEMU_TRACE", None)
    subprocess.run([tool, "logon", "--policy", policy] + list(args), env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return read_records(audit)


def read_records(audit):
    # Strict UTF-8, and records split at line feeds only; splitlines(),
    # which also splits at U+2028, U+0085 and friends, must agree.
    with open(audit, "rb") as f:
        data = f.read()
    os.unlink(audit)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        failures.append("the audit file is not UTF-8: %s" % e)
        return []
    check(text.endswith("\n"), "the audit file does not end with a line feed")
    lines = text.split("\n")[:-1]
    check(text.splitlines() == lines,
          "splitlines() splits the records differently from their line feeds")
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError as e:
            failures.append("not JSON: %r (%s)" % (line, e))
    for r in records:
        check(r.get("TimeCreated") == "2026-11-18T10:00:00Z",
              "TimeCreated is not the policy's time: %r" % r.get("TimeCreated"))
        if r.get("EventID") == 4740:
            # A schema of its own, checked where it is written.
            for field in ("TargetUserName", "TargetDomainName", "TargetSid", "SubjectUserSid",
                          "SubjectLogonId", "CallerComputerName"):
                check(field in r, "event 4740 lacks %s" % field)
            continue
        for field in COMMON:
            check(field in r, "event %s lacks %s" % (r.get("EventID"), field))
        check(isinstance(r.get("LogonType"), int), "LogonType is not a number")
        check(str(r.get("TargetLogonId", "")).startswith("0x"), "TargetLogonId is not 0x...")
        check(r.get("ProcessId", "").startswith("0x"), "ProcessId is not 0x...")
    return records


with tempfile.TemporaryDirectory() as d:
    policy = os.path.join(d, "p.yaml")
    audit = os.path.join(d, "audit.jsonl")
    with open(policy, "w", encoding="utf-8") as f:
        f.write(POLICY)

    # A trusted logon process (the default process is SYSTEM) logs an
    # administrator on over the network, then closes the token.
    ev = run(audit, policy, "--api", "lsa", "--user", "admin", "--password", "Admin-1",
             "--type", "network")
    ids = [r["EventID"] for r in ev]
    check(ids == [4611, 4624, 4672, 4634], "trusted admin logon gave %r" % ids)
    if ids == [4611, 4624, 4672, 4634]:
        reg, logon, special, logoff = ev
        check(reg["LogonProcessName"] == "lsaemu", "4611 LogonProcessName")
        check(reg["TargetUserSid"] == "S-1-5-18", "4611 subject is SYSTEM")
        check(logon["TargetUserName"] == "admin" and logon["TargetDomainName"] == "WS1",
              "4624 names")
        check(logon["TargetUserSid"] == "S-1-5-21-1000-2000-3000-1001", "4624 SID")
        check(logon["LogonType"] == 3, "4624 LogonType")
        check(logon["AuthenticationPackageName"] == "NTLM", "4624 package")
        check(logon["LogonProcessName"] == "lsaemu", "4624 logon process")
        privs = special.get("PrivilegeList", "").split()
        check("SeDebugPrivilege" in privs and "SeBackupPrivilege" in privs,
              "4672 PrivilegeList %r" % privs)
        check("SeChangeNotifyPrivilege" not in privs, "4672 lists an ordinary privilege")
        check(special["TargetLogonId"] == logon["TargetLogonId"], "4672 logon id")
        check(logoff["TargetLogonId"] == logon["TargetLogonId"], "4634 closes the 4624 session")
        check(logoff["LogonType"] == 3, "4634 LogonType")

    # An ordinary user: 4624 and 4634, no 4672.
    ev = run(audit, policy, "--user", "alice", "--password", "Alice-1", "--type", "interactive")
    check([r["EventID"] for r in ev] == [4624, 4634], "alice logon gave %r" % ev)

    # Failures: 4625 with Status and SubStatus as Windows writes them.
    ev = run(audit, policy, "--api", "lsa", "--user", "alice", "--password", "nope",
             "--type", "interactive")
    fail = [r for r in ev if r["EventID"] == 4625]
    check(len(fail) == 1, "wrong password gave %r" % ev)
    if fail:
        r = fail[0]
        check(r["Status"] == "0xC000006D" and r["SubStatus"] == "0xC000006A",
              "4625 status %r/%r" % (r["Status"], r["SubStatus"]))
        check(r["FailureReason"] == "Unknown user name or bad password.", "4625 FailureReason")
        check(r["TargetUserSid"] == "S-1-0-0", "4625 TargetUserSid is the NULL SID")
        check("wrong password" in r.get("LsaemuReason", ""), "4625 LsaemuReason")
        check("nope" not in json.dumps(r), "4625 holds the password")
    ev = run(audit, policy, "--user", "alice", "--password", "Alice-1", "--type", "batch")
    check(len(ev) == 1 and ev[0]["EventID"] == 4625 and ev[0]["Status"] == "0xC000015B"
          and ev[0]["SubStatus"] == "0x00000000" and ev[0]["LogonType"] == 4,
          "batch refusal gave %r" % ev)

    # The bad password that reaches the lockout threshold (threshold 1: each
    # run is a process of its own, whose counts start at 0): 4740 (its own
    # schema: the account, SYSTEM as the subject, the caller's computer),
    # written as the package locks the account, then the logon's 4625.
    locking = os.path.join(d, "lockout.yaml")
    with open(locking, "w", encoding="utf-8") as f:
        f.write(POLICY + "lockout: { threshold: 1, duration: 30, window: 30 }\n")
    ev = run(audit, locking, "--user", "alice", "--password", "nope", "--type", "interactive")
    check([r["EventID"] for r in ev] == [4740, 4625], "locking bad password gave %r" % ev)
    if len(ev) == 2:
        r = ev[0]
        check(r["TargetUserName"] == "alice" and r["TargetDomainName"] == "WS1",
              "4740 names %r" % r)
        check(r["TargetSid"] == "S-1-5-21-1000-2000-3000-1000", "4740 TargetSid %r" % r)
        check(r["SubjectUserSid"] == "S-1-5-18", "4740 subject is SYSTEM")
        check(r["TimeCreated"] == "2026-11-18T10:00:00Z", "4740 time")
        check(r["CallerComputerName"] == "WS1", "4740 CallerComputerName")
        check("LogonType" not in r, "4740 has the 4625 fields")

    # JSON escaping: a quote in a user name survives the round trip.
    ev = run(audit, policy, "--user", "o'brien\"x", "--password", "x", "--type", "interactive")
    check(len(ev) == 1 and ev[0]["TargetUserName"] == "o'brien\"x",
          "escaped user name gave %r" % ev)

def run_diagcall(audit, policy, *args):
    """diagcall's records, and its stdout, which must not depend on
    LSAEMU_AUDIT."""
    env = dict(os.environ, LSAEMU_POLICY=policy)
    env.pop("LSAEMU_TRACE", None)
    env.pop("LSAEMU_AUDIT", None)
    plain = subprocess.run([diagcall] + list(args), env=env, capture_output=True, check=False)
    env["LSAEMU_AUDIT"] = audit
    p = subprocess.run([diagcall] + list(args), env=env, capture_output=True, check=False)
    check(p.returncode == 0 and p.stderr == b"", "diagcall %s: %r" % (args[:3], p.stderr[:200]))
    check(p.stdout == plain.stdout,
          "LSAEMU_AUDIT changed the answers of diagcall %s" % (args[:3],))
    return read_records(audit)


def failed_logon(records, what):
    fail = [r for r in records if r.get("EventID") == 4625]
    check(len(records) == 1 and len(fail) == 1,
          "%s gave %r" % (what, [r.get("EventID") for r in records]))
    return fail[0] if fail else {}


if diagcall:
    with tempfile.TemporaryDirectory() as d:
        policy = os.path.join(d, "p.yaml")
        audit = os.path.join(d, "audit.jsonl")
        with open(policy, "w", encoding="utf-8") as f:
            f.write(POLICY)

        # Fields over 4 KB once escaped: 4000 units of user name (é, ESC,
        # quote, backslash: 12 KB escaped), 2000 of domain (D, U+2028). The
        # name is too long for the LSA (4625, STATUS_NAME_TOO_LONG) and is
        # recorded as given.
        r = failed_logon(run_diagcall(audit, policy, "-r", "1000", "-d", "D\u2028",
                                      "logonw", "é\x1b\"\\\\"), "a 4 KB name")
        check(r.get("TargetUserName") == "é\x1b\"\\" * 1000,
              "4 KB TargetUserName: %r" % r.get("TargetUserName", "")[:40])
        check(r.get("TargetDomainName") == "D\u2028" * 1000,
              "4 KB TargetDomainName: %r" % r.get("TargetDomainName", "")[:40])
        check(r.get("Status") == "0xC0000106", "4 KB name status %r" % r.get("Status"))

        # The largest name a UNICODE_STRING holds: 32766 units of € and
        # U+2028 (98 KB of UTF-8, 147 KB escaped), and a domain of 32766
        # units in which every other one is an unpaired surrogate.
        r = failed_logon(run_diagcall(audit, policy, "-r", "16383", "-d", "d\\ud800",
                                      "logonw", "€\u2028"), "a 100 KB name")
        check(r.get("TargetUserName") == "€\u2028" * 16383,
              "100 KB TargetUserName: %r" % r.get("TargetUserName", "")[:40])
        check(r.get("TargetDomainName") == "d\ud800" * 16383,
              "100 KB TargetDomainName: %r" % r.get("TargetDomainName", "")[:40])

        # LsaLogonUser: control characters and an unpaired surrogate.
        ev = run_diagcall(audit, policy, "lsa", "a\n\x1b\x7f\u0085\\udc00b")
        r = failed_logon(ev, "LsaLogonUser of a surrogate")
        check(r.get("TargetUserName") == "a\n\x1b\x7f\u0085\udc00b",
              "LsaLogonUser TargetUserName: %r" % r.get("TargetUserName"))

        # 4611: the logon process name, bytes that are not UTF-8 included.
        ev = run_diagcall(audit, policy, "register", os.fsdecode(b"proc\nX\xff\xfe"))
        check([r.get("EventID") for r in ev] == [4611], "register gave %r" % ev)
        if ev:
            check(ev[0].get("LogonProcessName") == "proc\nX\ufffd\ufffd",
                  "4611 LogonProcessName: %r" % ev[0].get("LogonProcessName"))

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print("audit records are well-formed JSON with the expected fields")
