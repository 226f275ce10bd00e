#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The path users take with Windows sources: `make install` into a scratch
# root, then, with -Wall -Wextra -Werror,
#  - a Windows-style client (tests/win32/client.c: mixed-case includes,
#    L"...", TEXT, wcslen, swprintf, LoadLibrary/GetProcAddress) built with
#    `pkg-config --cflags --libs lsaemu-win32`, i.e. -fshort-wchar;
#  - the conformance program (tests/win32/conformance.c) the same way;
#  - a client printing WCHAR strings and DWORDs with the narrow printf
#    family (tests/win32/printf_client.c), once with <stdio.h> included
#    before <windows.h> and once after;
#  - an ordinary Linux program including <windows.h> built with
#    `pkg-config --cflags --libs lsaemu` (32-bit wchar_t), whose glibc
#    wcslen/swprintf must stay glibc's;
#  - and a check that lsaemu-win32's headers refuse LSAEMU_WIN32 without
#    -fshort-wchar.
# Each program is run and its output compared.
set -u
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config missing"; exit 77; }
[ -n "${CC:-}" ] || { echo "CC unset"; exit 77; }
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-win32.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LSAEMU_POLICY LSAEMU_PROCESS LSAEMU_TRACE LSAEMU_AUDIT

make -C "$top_builddir" install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"; exit 1; }
pc=$(find "$tmp/root" -name lsaemu-win32.pc | head -1)
[ -n "$pc" ] || { echo "lsaemu-win32.pc was not installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$tmp/root"
for h in Windows.h NTSecAPI.h Ntsecapi.h SubAuth.h Sddl.h LM.h lsaemu_crt.h tchar.h winnls.h \
         libloaderapi.h; do
    [ -n "$(find "$tmp/root" -path "*/include/lsaemu/$h")" ] || { echo "header $h not installed"; exit 1; }
done
libdir=$(dirname "$(find "$tmp/root" -name 'liblsaemu.so' | head -1)")
WARN="-std=c11 -Wall -Wextra -Werror"
failed=0

policy=$tmp/machine.yaml
cat >"$policy" <<'YAML'
lsaemu: 1
machine: { name: build-07 }
accounts:
  builder: { password: "Build-Pw1", groups: [Users] }
processes:
  default: { account: builder }
YAML

# build_run <name> <pkg-config module> <source> <expected output> [extra cflags]
build_run() {
    # shellcheck disable=SC2046,SC2086
    if ! $CC $WARN ${5:-} $(pkg-config --cflags "$2") "$3" -o "$tmp/$1" $(pkg-config --libs "$2") \
        2>"$tmp/$1.err"; then
        echo "FAIL: $1 does not build warning-free with $2:"
        cat "$tmp/$1.err"
        failed=1
        return
    fi
    LD_LIBRARY_PATH="$libdir" LSAEMU_POLICY="$policy" "$tmp/$1" >"$tmp/$1.out" 2>&1
    rc=$?
    printf '%s' "$4" >"$tmp/$1.want"
    if [ "$rc" -ne 0 ] || ! diff -u "$tmp/$1.want" "$tmp/$1.out"; then
        echo "FAIL: $1 exited $rc"
        cat "$tmp/$1.out"
        failed=1
    else
        echo "ok: $1 ($2)"
    fi
}

build_run client lsaemu-win32 "$top_srcdir/tests/win32/client.c" "computer BUILD-07, user builder
utf-8: café-crème
Administrator has 13 characters (26 bytes)
ERROR_LOGON_TYPE_NOT_GRANTED=1385
Negotiate package id 0
"
build_run conformance lsaemu-win32 "$top_srcdir/tests/win32/conformance.c" "conformance: all checks passed
"
build_run sdk_helpers lsaemu-win32 "$top_srcdir/tests/win32/sdk_helpers.c" "sdk_helpers: all checks passed
"
printf_want="user builder
computer BUILD-07
builder has 7 characters
error 1385 (0x00000569), -5
big 5000000000 5000000000 12A05F200
packages Negotiate Kerberos
snprintf 10 [café-1385]
_snprintf -1
sprintf_s 6 [secure]
sprintf [né]
vfprintf log 1385
tokens alice bob
upper BOB (4 bytes)
"
build_run printf_client_stdio_after lsaemu-win32 "$top_srcdir/tests/win32/printf_client.c" \
    "$printf_want"
build_run printf_client_stdio_first lsaemu-win32 "$top_srcdir/tests/win32/printf_client.c" \
    "$printf_want" -DLSAEMU_TEST_STDIO_FIRST
build_run linux_client lsaemu "$top_srcdir/tests/win32/linux_client.c" "SeTcbPrivilege=7
"

# LSAEMU_WIN32 without -fshort-wchar is refused at compile time.
printf '#include <windows.h>\nint main(void) { return 0; }\n' >"$tmp/mode.c"
# shellcheck disable=SC2046
if $CC $WARN -DLSAEMU_WIN32=1 $(pkg-config --cflags lsaemu) -c "$tmp/mode.c" -o "$tmp/mode.o" \
    2>/dev/null; then
    echo "FAIL: LSAEMU_WIN32 without -fshort-wchar was accepted"
    failed=1
else
    echo "ok: LSAEMU_WIN32 without -fshort-wchar is refused"
fi
exit $failed
