#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Writes on stdout the C table of the Windows function names lsaemu
# exports: every name of lib/liblsaemu.sym except the lsaemu_* control
# functions, sorted (byte order) for binary search. The policy loader
# checks a fault's `call:` against it (lib/core/state/faults.h), so a
# function added to the .sym can be named by faults: with no other edit.
# Run by make (lib/gen/call_names.c in the build tree).
#
#   tools/gen-call-names.sh lib/liblsaemu.sym > lib/gen/call_names.c
set -eu
sym=${1:?usage: gen-call-names.sh liblsaemu.sym}

names=$(sed -e 's/[[:space:]]//g' -e '/^$/d' -e '/^#/d' -e '/^lsaemu_/d' "$sym" | LC_ALL=C sort -u)
bad=$(printf '%s\n' "$names" | grep -v '^[A-Za-z_][A-Za-z0-9_]*$' || true)
if [ -n "$bad" ]; then
    echo "gen-call-names: not C identifiers in $sym: $bad" >&2
    exit 1
fi

echo "/* Generated from liblsaemu.sym by tools/gen-call-names.sh. Do not edit. */"
echo "#include \"core/state/faults.h\""
echo
echo "const char *const faults_windows_names[] = {"
for n in $names; do
    echo "    \"$n\","
done
echo "};"
echo
echo "const size_t faults_windows_count = sizeof faults_windows_names / sizeof faults_windows_names[0];"
