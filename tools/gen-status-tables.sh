#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Regenerates the checked-in status tables from data/reference/:
#   lib/include/ntstatus.h   every STATUS_* (and DBG_*, RPC_NT_*) code
#   lib/include/winerror.h   every ERROR_* and other plain Win32 code
#   lib/gen/status_table.c  name/value tables and the NTSTATUS -> Win32 map
# Run from the top of the source tree; POSIX sh and awk only. The output
# depends on nothing but the reference files, so it is deterministic.

set -eu

REF=${REF:-data/reference}
NTSTATUS_TSV=$REF/ntstatus.tsv
WINERROR_TSV=$REF/winerror.tsv
MAP_TSV=$REF/ntstatus-to-win32.tsv
OUT_NTSTATUS_H=${OUT_NTSTATUS_H:-lib/include/ntstatus.h}
OUT_WINERROR_H=${OUT_WINERROR_H:-lib/include/winerror.h}
OUT_TABLE_C=${OUT_TABLE_C:-lib/gen/status_table.c}

for f in "$NTSTATUS_TSV" "$WINERROR_TSV" "$MAP_TSV"; do
    if [ ! -r "$f" ]; then
        echo "gen-status-tables.sh: cannot read $f (run from the top of the tree)" >&2
        exit 1
    fi
done

LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gen-status.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# Shared awk helpers: hex text to number (mawk has no strtonum).
AWK_HEX='
function hex(s,    i, n, c) {
    n = 0
    s = toupper(s)
    sub(/^0X/, "", s)
    for (i = 1; i <= length(s); i++) {
        c = index("0123456789ABCDEF", substr(s, i, 1)) - 1
        if (c < 0) { print "bad hex: " s > "/dev/stderr"; exit 2 }
        n = n * 16 + c
    }
    return n
}
function hex8(n,    s, d, i) {
    s = ""
    for (i = 0; i < 8; i++) {
        d = n % 16
        s = substr("0123456789ABCDEF", d + 1, 1) s
        n = (n - d) / 16
    }
    return "0x" s
}
'

# ---------------------------------------------------------------------------
# 1. NTSTATUS names: "value<TAB>order<TAB>name<TAB>source" for every name,
#    ntstatus.tsv first (its order decides the primary name of a value), then
#    the names and aliases that only Wine's table has.
# ---------------------------------------------------------------------------
awk -F'\t' "$AWK_HEX"'
FNR == 1 { file++; next }
file == 1 { add($1, $2) }
file == 2 {
    if ($2 != "") add($2, $1)
    n = split($6, a, /[ ,;]+/)
    for (i = 1; i <= n; i++) if (a[i] != "") add(a[i], $1)
}
function add(name, value) {
    value = hex8(hex(value))
    if (name in seen) {
        # Wine names 0xC000042F what mingw-w64 calls 0xC000042E
        # (STATUS_PKU2U_CERT_FAILURE); the first source, ntstatus.tsv, wins.
        if (seen[name] != value)
            printf "note: %s is %s, not %s as in Wine\x27s table\n", name, seen[name], value > "/dev/stderr"
        return
    }
    seen[name] = value
    printf "%s\t%06d\t%s\t%d\n", value, ++order, name, file
}
' "$NTSTATUS_TSV" "$MAP_TSV" >"$tmp/nt_names"

# Primary name per value (lowest order), ascending value.
sort -t"$(printf '\t')" -k1,1 -k2,2n "$tmp/nt_names" |
    awk -F'\t' 'NR == 1 || $1 != last { print $1 "\t" $3; last = $1 }' >"$tmp/nt_by_value"
# Every name, byte order.
awk -F'\t' '{ print $3 "\t" $1 }' "$tmp/nt_names" | sort -t"$(printf '\t')" -k1,1 >"$tmp/nt_by_name"

# ---------------------------------------------------------------------------
# 2. Win32 names. winerror.tsv first: per value the first ERROR_* name
#    (so ERROR_SUCCESS beats NO_ERROR), else its first name. Codes that only
#    Wine's table produces (HRESULT-shaped codes, passed-through statuses)
#    take the table's name.
# ---------------------------------------------------------------------------
awk -F'\t' "$AWK_HEX"'
FNR == 1 { file++; next }
file == 1 { add($1, $2 + 0, ($1 ~ /^ERROR_/) ? 0 : 1) }
file == 2 { add($4, hex($5), 2) }
function add(name, value, rank) {
    if (name in seen) {
        if (seen[name] != value) {
            printf "conflict: %s is %.0f and %.0f\n", name, seen[name], value > "/dev/stderr"
            exit 2
        }
        return
    }
    seen[name] = value
    printf "%s\t%d\t%06d\t%s\n", hex8(value), rank, ++order, name
}
' "$WINERROR_TSV" "$MAP_TSV" >"$tmp/w_names"

sort -t"$(printf '\t')" -k1,1 -k2,2n -k3,3n "$tmp/w_names" |
    awk -F'\t' 'NR == 1 || $1 != last { print $1 "\t" $4; last = $1 }' >"$tmp/w_by_value"
awk -F'\t' '{ print $4 "\t" $1 }' "$tmp/w_names" | sort -t"$(printf '\t')" -k1,1 >"$tmp/w_by_name"

# ---------------------------------------------------------------------------
# 3. Ranges: runs of consecutive values in Wine's table (holes are in the
#    file with 317), each with the offset of its first entry in the flat map.
# ---------------------------------------------------------------------------
awk -F'\t' "$AWK_HEX"'
NR == 1 { next }
{
    v = hex($1)
    if (n == 0 || v != prev + 1) {
        if (n > 0) printf "%s\t%s\t%d\n", hex8(start), hex8(prev), off
        start = v
        off = n
    }
    prev = v
    n++
}
END { if (n > 0) printf "%s\t%s\t%d\n", hex8(start), hex8(prev), off }
' "$MAP_TSV" >"$tmp/ranges"
awk -F'\t' 'NR > 1 { print $5 "\t" $1 "\t" $2 }' "$MAP_TSV" >"$tmp/map"

# ---------------------------------------------------------------------------
# 4. Reverse index for status_for_each_mapping_to(): every named status with
#    the code the rules of reference/README.md give it, sorted by code then
#    status. tests/check_status.c checks each pair against status_to_win32().
# ---------------------------------------------------------------------------
awk -F'\t' "$AWK_HEX"'
FNR == 1 { file++; if (file == 1) next }
file == 1 { map[hex8(hex($1))] = hex8(hex($5)); next }
{
    s = hex($1)
    top = int(s / 268435456)
    if (s == 0) w = 0
    else if (top == 2 || top == 3 || top == 6 || top == 7 || top == 10 || top == 11 || top == 14 || top == 15) w = s
    else {
        if (top == 13) s -= 268435456
        hi = int(s / 65536)
        if (hi == 49153 || hi == 32775 || hi == 49159) w = s % 65536
        else if (hex8(s) in map) w = hex(map[hex8(s)])
        else w = 317
    }
    printf "%s\t%s\n", hex8(w), $1
}
' "$MAP_TSV" "$tmp/nt_by_value" | sort -t"$(printf '\t')" -k1,1 -k2,2 >"$tmp/by_win32"

# ---------------------------------------------------------------------------
# ntstatus.h
# ---------------------------------------------------------------------------
{
    cat <<'EOF'
/* SPDX-License-Identifier: MIT */
/*
 * ntstatus.h - every NTSTATUS code, as ((NTSTATUS)0x...L) like the SDK.
 * Generated by tools/gen-status-tables.sh from data/reference/ntstatus.tsv
 * (mingw-w64's ntstatus.h, in its order) followed by the codes only Wine's
 * table names; do not edit. Each definition is guarded, so the codes winnt.h
 * already gave and a client's own SDK-spelled copies do not clash.
 */
#ifndef LSAEMU_INCLUDE_NTSTATUS_H
#define LSAEMU_INCLUDE_NTSTATUS_H

#include "winnt.h"

EOF
    awk -F'\t' 'NR > 1 { printf "#ifndef %s\n#define %s ((NTSTATUS)%sL)\n#endif\n", $1, $1, $2 }' \
        "$NTSTATUS_TSV"
    printf '\n/* Codes named in Wine 10 but not in mingw-w64 10. */\n'
    sort -t"$(printf '\t')" -k1,1 -k2,2n "$tmp/nt_names" |
        awk -F'\t' '$4 == 2 && $3 ~ /^(STATUS|DBG|RPC_NT)_/ {
            printf "#ifndef %s\n#define %s ((NTSTATUS)%sL)\n#endif\n", $3, $3, $1 }'
    printf '\n#endif\n'
} >"$tmp/ntstatus.h"

# ---------------------------------------------------------------------------
# winerror.h
# ---------------------------------------------------------------------------
{
    cat <<'EOF'
/* SPDX-License-Identifier: MIT */
/*
 * winerror.h - every plain Win32 error code below 20000 (ERROR_*, NO_ERROR,
 * WAIT_TIMEOUT, RPC_S_*, WSA*, ...). Generated by tools/gen-status-tables.sh
 * from data/reference/winerror.tsv; do not edit. The SDK writes these as
 * long constants (1326L); on LP64 Linux they are plain int literals so that
 * they compare cleanly with a 32-bit DWORD. Each one is guarded.
 */
#ifndef LSAEMU_INCLUDE_WINERROR_H
#define LSAEMU_INCLUDE_WINERROR_H

EOF
    awk -F'\t' 'NR > 1 {
        if ($3 == "other" && !other) { printf "\n/* Other plain codes of winerror.h. */\n"; other = 1 }
        printf "#ifndef %s\n#define %s %s\n#endif\n", $1, $1, $2 }' "$WINERROR_TSV"
    printf '\n#endif\n'
} >"$tmp/winerror.h"

# ---------------------------------------------------------------------------
# status_table.c
# ---------------------------------------------------------------------------
{
    cat <<'EOF'
/* SPDX-License-Identifier: MIT */
/*
 * NTSTATUS and Win32 name tables and Wine's RtlNtStatusToDosError map.
 * Generated by tools/gen-status-tables.sh from data/reference/; do not edit.
 * Layout and users: lib/core/model/status.h (only status.c reads these).
 */
#include "config.h"

#include <stdint.h>

#include "core/model/status.h"

EOF
    n=$(wc -l <"$tmp/nt_by_value" | tr -d ' ')
    printf '/* Primary name of every named NTSTATUS, ascending value. */\n'
    printf 'const struct status_name_entry status_table_nt_by_value[] = {\n'
    awk -F'\t' '{ printf "    {%sU, \"%s\"},\n", $1, $2 }' "$tmp/nt_by_value"
    printf '};\nconst unsigned status_table_nt_by_value_count = %s;\n\n' "$n"

    n=$(wc -l <"$tmp/nt_by_name" | tr -d ' ')
    printf '/* Every NTSTATUS name (aliases too), strcmp order. */\n'
    printf 'const struct status_name_entry status_table_nt_by_name[] = {\n'
    awk -F'\t' '{ printf "    {%sU, \"%s\"},\n", $2, $1 }' "$tmp/nt_by_name"
    printf '};\nconst unsigned status_table_nt_by_name_count = %s;\n\n' "$n"

    n=$(wc -l <"$tmp/w_by_value" | tr -d ' ')
    printf '/* Preferred name of every named Win32 code, ascending value. */\n'
    printf 'const struct status_name_entry status_table_win32_by_value[] = {\n'
    awk -F'\t' '{ printf "    {%sU, \"%s\"},\n", $1, $2 }' "$tmp/w_by_value"
    printf '};\nconst unsigned status_table_win32_by_value_count = %s;\n\n' "$n"

    n=$(wc -l <"$tmp/w_by_name" | tr -d ' ')
    printf '/* Every Win32 name, strcmp order. */\n'
    printf 'const struct status_name_entry status_table_win32_by_name[] = {\n'
    awk -F'\t' '{ printf "    {%sU, \"%s\"},\n", $2, $1 }' "$tmp/w_by_name"
    printf '};\nconst unsigned status_table_win32_by_name_count = %s;\n\n' "$n"

    n=$(wc -l <"$tmp/ranges" | tr -d ' ')
    printf '/* Runs of consecutive statuses in Wine'"'"'s table: {start, end, offset}. */\n'
    printf 'const struct status_range status_table_ranges[] = {\n'
    awk -F'\t' '{ printf "    {%sU, %sU, %d},\n", $1, $2, $3 }' "$tmp/ranges"
    printf '};\nconst unsigned status_table_range_count = %s;\n\n' "$n"

    n=$(wc -l <"$tmp/map" | tr -d ' ')
    printf '/* Win32 code of each status in the ranges (317 in the holes). */\n'
    printf 'const uint32_t status_table_map[] = {\n'
    awk -F'\t' '{ printf "    %sU, /* %s %s */\n", $1, $2, ($3 == "" ? "-" : $3) }' "$tmp/map"
    printf '};\nconst unsigned status_table_map_count = %s;\n\n' "$n"

    n=$(wc -l <"$tmp/by_win32" | tr -d ' ')
    printf '/* Every named status with its Win32 code, by code then status. */\n'
    printf 'const struct status_mapping_entry status_table_by_win32[] = {\n'
    awk -F'\t' '{ printf "    {%sU, %sU},\n", $1, $2 }' "$tmp/by_win32"
    printf '};\nconst unsigned status_table_by_win32_count = %s;\n' "$n"
} >"$tmp/status_table.c"

mv "$tmp/ntstatus.h" "$OUT_NTSTATUS_H"
mv "$tmp/winerror.h" "$OUT_WINERROR_H"
mv "$tmp/status_table.c" "$OUT_TABLE_C"
echo "gen-status-tables.sh: wrote $OUT_NTSTATUS_H $OUT_WINERROR_H $OUT_TABLE_C"
