#!/bin/sh
# SPDX-License-Identifier: MIT
# The generated files (lib/gen/README) are what their tools make of their
# inputs: each tool runs again into the build tree and the output must be
# byte for byte the file in the source tree. The build's GetProcAddress
# table is compared with a fresh run on lib/liblsaemu.sym; the checked-in
# tables need data/reference, which the release tarball does not ship:
# without it the test skips (77).
set -u
out="$top_builddir/tests/gen"
rm -rf "$out" && mkdir -p "$out" || exit 99
status=0

same() { # same GENERATED CHECKED-IN
    if ! cmp -s "$1" "$2"; then
        echo "FAIL: $2 differs from what its tool makes now:"
        diff -u "$2" "$1" | head -40
        status=1
    fi
}

sh "$top_srcdir/tools/gen-proc-table.sh" "$top_srcdir/lib/liblsaemu.sym" >"$out/proc_table.c" ||
    exit 1
same "$out/proc_table.c" "$top_builddir/lib/gen/proc_table.c"

ref="$top_srcdir/data/reference"
if [ ! -d "$ref" ]; then
    echo "no $ref (not in the release tarball): the checked-in tables are not compared"
    [ $status -eq 0 ] && exit 77
    exit $status
fi
# The tools name their inputs relative to the top of the tree.
(cd "$top_srcdir" &&
    REF="$ref" OUT_NTSTATUS_H="$out/ntstatus.h" OUT_WINERROR_H="$out/winerror.h" \
        OUT_TABLE_C="$out/status_table.c" sh tools/gen-status-tables.sh >"$out/log" 2>&1 &&
    REF="$ref" OUT_RIGHTS_H="$out/rights_table.h" sh tools/gen-rights-table.sh) || {
    cat "$out/log"
    exit 1
}
same "$out/status_table.c" "$top_srcdir/lib/gen/status_table.c"
same "$out/rights_table.h" "$top_srcdir/lib/gen/rights_table.h"
same "$out/ntstatus.h" "$top_srcdir/lib/include/ntstatus.h"
same "$out/winerror.h" "$top_srcdir/lib/include/winerror.h"
[ $status -eq 0 ] && echo "4 checked-in tables and the GetProcAddress table are what their tools make"
exit $status
