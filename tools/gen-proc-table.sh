#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Writes on stdout the C table GetProcAddress searches: every Windows
# function of lib/liblsaemu.sym (the lsaemu_* control functions are not
# Windows exports and are left out), sorted for binary search, each with an
# extern declaration. Run by make (lib/gen/proc_table.c in the build tree), so a
# function added to the .sym is found by GetProcAddress with no other edit.
#
#   tools/gen-proc-table.sh lib/liblsaemu.sym > lib/gen/proc_table.c
set -eu
sym=${1:?usage: gen-proc-table.sh liblsaemu.sym}

names=$(sed -e 's/[[:space:]]//g' -e '/^$/d' -e '/^#/d' -e '/^lsaemu_/d' "$sym" | LC_ALL=C sort -u)
bad=$(printf '%s\n' "$names" | grep -v '^[A-Za-z_][A-Za-z0-9_]*$' || true)
if [ -n "$bad" ]; then
    echo "gen-proc-table: not C identifiers in $sym: $bad" >&2
    exit 1
fi

echo "/* Generated from liblsaemu.sym by tools/gen-proc-table.sh. Do not edit. */"
echo "#include \"win32/kernel32/proc_table.h\""
echo
echo "/* The real prototypes do not matter here: only the addresses are taken."
echo " * No Windows header is included, so these declarations cannot clash. */"
for n in $names; do
    echo "extern void $n(void);"
done
echo
echo "const struct proc_entry proc_table[] = {"
for n in $names; do
    echo "    {\"$n\", $n},"
done
echo "};"
echo
echo "const size_t proc_table_count = sizeof proc_table / sizeof proc_table[0];"
