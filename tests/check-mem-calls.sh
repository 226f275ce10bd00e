#!/bin/sh
# SPDX-License-Identifier: MIT
# Every allocation in lib/ goes through lib/base/mem.h, so that the
# allocation-failure tests (tests/check_oom.c) reach all of them: a plain
# malloc, calloc, realloc, strdup, strndup or free in lib/ is refused.
set -u
: "${top_srcdir:=.}"
cd "$top_srcdir" || exit 99
found=$(grep -nE '(^|[^A-Za-z0-9_.>])(malloc|calloc|realloc|strdup|strndup|free)[[:space:]]*\(' \
    lib/*/*.c lib/*/*.h 2>/dev/null |
    grep -v '^lib/base/mem\.[ch]:' |
    grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)')
if [ -n "$found" ]; then
    echo "allocation outside lib/base/mem.h (use mem_malloc, mem_free ...):"
    echo "$found"
    exit 1
fi
exit 0
