#!/bin/sh
# SPDX-License-Identifier: MIT
# LSAEMU_TRACE: one call is exactly one line, whatever the caller passes.
# Names with line feeds, carriage returns, ESC sequences, a forged
# "lsaemu[1] ..." second line, DEL, C1 controls, U+2028/U+2029, unpaired
# UTF-16 surrogates and bytes that are not UTF-8 come out escaped as
# lib/core/diag/diag_line.h (and README) say; 100 KB names come out whole. The
# trace is compared with the exact expected text, process and thread ids
# aside.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
prog="$top_builddir/tests/diag/diagcall"
[ -x "$prog" ] || { echo "no $prog"; exit 99; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0
cat >"$tmp/p.yaml" <<'EOF'
lsaemu: 1
machine: { name: WS1, time: "2026-11-18T10:00:00Z" }
accounts:
  alice: { password: "Alice-1", groups: [Users] }
EOF
LSAEMU_POLICY="$tmp/p.yaml"
LSAEMU_TRACE="$tmp/trace"
export LSAEMU_POLICY LSAEMU_TRACE

# The string S repeated N times (awk reads S from the environment, where
# backslashes stay backslashes).
rep() { S="$2" awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s", ENVIRON["S"] }'; }

forged='lsaemu[1] tid=1 LogonUserW(user "alice", domain NULL, password <redacted>, type 2, provider 0) = STATUS_SUCCESS (0x00000000)'
"$prog" \
    logonw "$(printf 'a\nb')" \
    logonw "$(printf 'c\rd')" \
    logonw "$(printf '\033[31mred\033[0m')" \
    logonw "$(printf 'x\n%s' "$forged")" \
    logonw "$(printf 'tab\tdel\177c1\302\205ls\342\200\250ps\342\200\251')" \
    logonw 'WS1\\alice' \
    logonw 'hi\ud800lo\udc00' \
    lsa 'lsa\ud83d\nx' \
    lookupa "$(printf 'bad\377\376utf8\300\257')" \
    lookupw "$(printf 'sys\033')" \
    sidw 'S-1-5\u2028' \
    register "$(printf 'proc\nX')" \
    >"$tmp/out" 2>"$tmp/err" || { echo "FAIL: diagcall failed"; cat "$tmp/err"; exit 1; }
# The largest name the LSA carries (32766 UTF-16 units, 114681 bytes once
# escaped), and 100 KB names (102400 bytes) that only the trace shows whole.
"$prog" -r 16383 logonw "$(printf '\342\202\254\033')" >>"$tmp/out" 2>>"$tmp/err" || exit 1
"$prog" -r 51200 logona "$(printf 'x\033')" >>"$tmp/out" 2>>"$tmp/err" || exit 1
"$prog" -r 25600 lookupa "$(printf 'ab\nc')" >>"$tmp/out" 2>>"$tmp/err" || exit 1
[ -s "$tmp/err" ] && { echo "FAIL: unexpected stderr:"; cat "$tmp/err"; status=1; }

euro_esc=$(rep 16383 "$(printf '\342\202\254')\\x1b")
x_esc=$(rep 51200 'x\x1b')
abc_esc=$(rep 25600 'ab\nc')
# The reason keeps 511 bytes: the quote and 510 bytes of the name.
abc_reason="'$(rep 127 'ab\nc')ab"
{
    cat <<'EOF'
lsaemu[P] tid=T LogonUserW(user "a\nb", domain NULL, password <redacted>, type 2, provider 0) = STATUS_LOGON_FAILURE (0xC000006D) -> FALSE (1326 ERROR_LOGON_FAILURE): no account named 'a\nb' on WS1
lsaemu[P] tid=T LogonUserW(user "c\rd", domain NULL, password <redacted>, type 2, provider 0) = STATUS_LOGON_FAILURE (0xC000006D) -> FALSE (1326 ERROR_LOGON_FAILURE): no account named 'c\rd' on WS1
lsaemu[P] tid=T LogonUserW(user "\x1b[31mred\x1b[0m", domain NULL, password <redacted>, type 2, provider 0) = STATUS_LOGON_FAILURE (0xC000006D) -> FALSE (1326 ERROR_LOGON_FAILURE): no account named '\x1b[31mred\x1b[0m' on WS1
lsaemu[P] tid=T LogonUserW(user "x\nlsaemu[1] tid=1 LogonUserW(user "alice", domain NULL, password <redacted>, type 2, provider 0) = STATUS_SUCCESS (0x00000000)", domain NULL, password <redacted>, type 2, provider 0) = STATUS_LOGON_FAILURE (0xC000006D) -> FALSE (1326 ERROR_LOGON_FAILURE): no account named 'x\nlsaemu[1] tid=1 LogonUserW(user "alice", domain NULL, password <redacted>, type 2, provider 0) = STATUS_SUCCESS (0x00000000)' on WS1
lsaemu[P] tid=T LogonUserW(user "tab\tdel\x7fc1\u0085ls\u2028ps\u2029", domain NULL, password <redacted>, type 2, provider 0) = STATUS_LOGON_FAILURE (0xC000006D) -> FALSE (1326 ERROR_LOGON_FAILURE): no account named 'tab\tdel\x7fc1\u0085ls\u2028ps\u2029' on WS1
lsaemu[P] tid=T LogonUserW(user "WS1\alice", domain NULL, password <redacted>, type 2, provider 0) = STATUS_LOGON_FAILURE (0xC000006D) -> FALSE (1326 ERROR_LOGON_FAILURE): no account named 'WS1\alice' on WS1
lsaemu[P] tid=T LogonUserW(user "hi\ud800lo\udc00", domain NULL, password <redacted>, type 2, provider 0) = STATUS_LOGON_FAILURE (0xC000006D) -> FALSE (1326 ERROR_LOGON_FAILURE): no account named 'hi�lo�' on WS1
lsaemu[P] tid=T LsaConnectUntrusted() = STATUS_SUCCESS (0x00000000): untrusted connection (no check is made on the caller)
lsaemu[P] tid=T LsaLookupAuthenticationPackage(0x100, "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0") = STATUS_SUCCESS (0x00000000): package MICROSOFT_AUTHENTICATION_PACKAGE_V1_0 has id 2
lsaemu[P] tid=T LsaLogonUser(0x100, type 2 (Interactive), package 2 (MICROSOFT_AUTHENTICATION_PACKAGE_V1_0), user "lsa\ud83d\nx", password <redacted>, LocalGroups (nil)) = STATUS_LOGON_FAILURE (0xC000006D): no account named 'lsa�\nx' on WS1
lsaemu[P] tid=T LsaDeregisterLogonProcess(0x100) = STATUS_SUCCESS (0x00000000): connection closed
lsaemu[P] tid=T LookupAccountNameA("(null)", "bad\xff\xfeutf8\xc0\xaf") = STATUS_NONE_MAPPED (0xC0000073) -> FALSE (1332 ERROR_NONE_MAPPED): 'bad\xff\xfeutf8\xc0\xaf' names no account, group, domain or well-known SID of WS1
lsaemu[P] tid=T LookupAccountNameW("(null)", "sys\x1b") = STATUS_NONE_MAPPED (0xC0000073) -> FALSE (1332 ERROR_NONE_MAPPED): 'sys\x1b' names no account, group, domain or well-known SID of WS1
lsaemu[P] tid=T ConvertStringSidToSidW("S-1-5\u2028") = STATUS_INVALID_SID (0xC0000078) -> FALSE (1337 ERROR_INVALID_SID): 'S-1-5\u2028' is neither an SID string (S-1-...) nor a known SDDL alias
lsaemu[P] tid=T LsaRegisterLogonProcess("proc\nX") = STATUS_SUCCESS (0x00000000): trusted connection for logon process 'proc\nX' (NT AUTHORITY\SYSTEM has SeTcbPrivilege enabled)
lsaemu[P] tid=T LsaDeregisterLogonProcess(0x400100) = STATUS_SUCCESS (0x00000000): connection closed
EOF
    printf 'lsaemu[P] tid=T LogonUserW(user "%s", domain NULL, password <redacted>, type 2, provider 0) = STATUS_NAME_TOO_LONG (0xC0000106) -> FALSE (206 ERROR_FILENAME_EXCED_RANGE): the user name is longer than 512 bytes\n' "$euro_esc"
    printf 'lsaemu[P] tid=T LogonUserA(user "%s", domain NULL, password <redacted>, type 2, provider 0) = STATUS_NAME_TOO_LONG (0xC0000106) -> FALSE (206 ERROR_FILENAME_EXCED_RANGE): the user name is longer than a UNICODE_STRING can hold\n' "$x_esc"
    printf 'lsaemu[P] tid=T LookupAccountNameA("(null)", "%s") = STATUS_NONE_MAPPED (0xC0000073) -> FALSE (1332 ERROR_NONE_MAPPED): %s\n' "$abc_esc" "$abc_reason"
} >"$tmp/expected"

sed 's/^lsaemu\[[0-9]*\] tid=[0-9]* /lsaemu[P] tid=T /' "$tmp/trace" >"$tmp/got"
calls=$(wc -l <"$tmp/out")
lines=$(wc -l <"$tmp/trace")
[ "$calls" -eq 19 ] || { echo "FAIL: diagcall made $calls calls, not 19"; status=1; }
[ "$lines" -eq "$calls" ] || { echo "FAIL: $lines trace lines for $calls calls"; status=1; }
if ! cmp -s "$tmp/expected" "$tmp/got"; then
    echo "FAIL: the trace differs from the expected text (long lines cut at 300 bytes):"
    diff "$tmp/expected" "$tmp/got" | cut -c1-300
    status=1
fi
exit $status
