#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Writes on stdout the module-definition file (.def) of the Windows DLL:
# the names of lib/liblsaemu.sym, the one list of what lsaemu exports, that
# the DLL's objects define. Run by make in the mingw-w64 build
# (lib/gen/liblsaemu.def in the build tree).
#
#   tools/gen-def.sh "NM" lib/.libs/liblsaemu-internal.a lib/liblsaemu.sym \
#       [lib/liblsaemu-win32.sym] > liblsaemu.def
#
# Further .sym files list names only the Windows DLL exports
# (lib/liblsaemu-win32.sym: CreateProcessAsUserW ...).
#
# A name the objects define as lsaemu_w_NAME is exported as NAME=lsaemu_w_NAME:
# kernel32 functions the DLL both replaces for the program and calls itself
# for what is not lsaemu's (CloseHandle, GetProcAddress ...) carry that
# name inside the DLL, so that its own calls reach kernel32 (win32/api.h,
# LSAEMU_W). A name of the .sym defined neither way is one the Windows
# build leaves to the system (the C runtime of lib/crt, GetLastError,
# LocalFree, the heap, the code pages, the module functions): it is listed
# on stderr (lib/gen/liblsaemu.def.log in the build tree).
set -eu
nm=${1:?usage: gen-def.sh NM ARCHIVE SYM}
archive=${2:?usage: gen-def.sh NM ARCHIVE SYM}
: "${3:?usage: gen-def.sh NM ARCHIVE SYM...}"
shift 2

defined=$($nm "$archive" | awk 'NF >= 3 && $(NF-1) == "T" { print $NF }' | LC_ALL=C sort -u)
names=$(sed -e 's/[[:space:]]//g' -e '/^$/d' -e '/^#/d' "$@" | LC_ALL=C sort -u)

has() {
    printf '%s\n' "$defined" | grep -qx "$1"
}

echo "; Generated from liblsaemu.sym by tools/gen-def.sh. Do not edit."
echo "EXPORTS"
left=""
for n in $names; do
    if has "lsaemu_w_$n"; then
        echo "    $n=lsaemu_w_$n"
    elif has "$n"; then
        echo "    $n"
    else
        left="$left $n"
    fi
done
[ -z "$left" ] || echo "gen-def: left to the system:$left" >&2
