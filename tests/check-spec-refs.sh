#!/bin/sh
# SPDX-License-Identifier: MIT
# The specification the code and the tests cite is in the tree
# (docs/behavior.md), and every citation points at something in it: each
# section number written after "behavior.md" (3.5, "section 10") is a
# heading there, and each conformance case id (C001 ...) is a case of its
# section 10.
set -u
spec="$top_srcdir/docs/behavior.md"
[ -f "$spec" ] || { echo "FAIL: $spec is missing"; exit 1; }
cd "$top_srcdir" || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# The files that cite it: sources, tests, scripts and documents.
find lib tests emulator bench docs tools README.md HACKING.md \
    \( -name '*.[ch]' -o -name '*.sh' -o -name '*.py' -o -name '*.md' -o -name '*.[15]' \) \
    ! -path 'tests/fuzz/corpus/*' ! -path 'docs/behavior.md' -type f 2>/dev/null |
    LC_ALL=C sort >"$tmp/files"
[ -s "$tmp/files" ] || { echo "no files to scan"; exit 99; }

grep -E '^#+ [0-9]+(\.[0-9]+)*' "$spec" | awk '{print $2}' | sed 's/\.$//' | sort -u >"$tmp/sections"
grep -oE '^\| C[0-9]{3} ' "$spec" | awk '{print $2}' | sort -u >"$tmp/cases"

xargs grep -ohE 'behavior\.md`?,? (sections? )?[0-9]+(\.[0-9]+)*' <"$tmp/files" |
    grep -oE '[0-9]+(\.[0-9]+)*$' | sort -u >"$tmp/cited-sections"
xargs grep -ohE '\bC[0-9]{3}\b' <"$tmp/files" | sort -u >"$tmp/cited-cases"

status=0
missing=$(comm -23 "$tmp/cited-sections" "$tmp/sections")
if [ -n "$missing" ]; then
    echo "FAIL: sections cited but not in docs/behavior.md:" $missing
    status=1
fi
missing=$(comm -23 "$tmp/cited-cases" "$tmp/cases")
if [ -n "$missing" ]; then
    echo "FAIL: cases cited but not in docs/behavior.md:" $missing
    status=1
fi
files=$(xargs grep -l 'behavior\.md' <"$tmp/files" | wc -l | tr -d ' ')
[ $status -eq 0 ] && echo "$files files cite behavior.md: $(wc -l <"$tmp/cited-sections" | tr -d ' ') sections and $(wc -l <"$tmp/cited-cases" | tr -d ' ') cases, all in docs/behavior.md"
exit $status
