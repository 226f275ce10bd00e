#!/bin/sh
# The shared library exports exactly the symbols of lib/liblsaemu.sym: the
# emulated Windows functions and lsaemu_*. Everything else is hidden, so a
# client can never bind to an internal function by accident.
set -u
lib="$top_builddir/lib/.libs/liblsaemu.so"
sym="$top_srcdir/lib/liblsaemu.sym"
if [ ! -f "$lib" ]; then
    echo "no shared library at $lib (static-only build?)"
    exit 77
fi
command -v nm >/dev/null 2>&1 || { echo "nm not found"; exit 77; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' | sed 's/@.*//' |
    sort -u > "$tmp/actual"
sort -u "$sym" | sed '/^$/d' > "$tmp/expected"
if ! cmp -s "$tmp/actual" "$tmp/expected"; then
    echo "exported symbols differ from lib/liblsaemu.sym (< exported, > listed):"
    diff "$tmp/actual" "$tmp/expected"
    exit 1
fi
# Every listed symbol must also carry default visibility in a header, which
# the build proves by linking; here we only check that nothing extra leaked.
echo "$(wc -l < "$tmp/expected") symbols exported, as listed"
exit 0
