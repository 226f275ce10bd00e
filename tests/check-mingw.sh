#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Builds the Windows-style examples and the conformance program for real
# Windows with the mingw-w64 cross compiler (Debian: gcc-mingw-w64-x86-64),
# against the SDK's own headers and import libraries, with -Wall -Wextra
# -Werror. That the same sources build here and against lsaemu proves that
# the names, constants, layouts and signatures lsaemu emulates are the
# SDK's (conformance.c asserts them). Exit 77 when the compiler is missing.
#
# mingw-w64's headers are lower-case while Windows sources often write
# <Windows.h> or <NTSecAPI.h>: on a case-sensitive cross build those need
# the same aliases lsaemu installs, so this test makes a directory of them.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
if ! command -v "$MINGW_CC" >/dev/null 2>&1; then
    echo "check-mingw: $MINGW_CC not found; skipping (apt-get install gcc-mingw-w64-x86-64)"
    exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-mingw.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir "$tmp/case"
for h in "$top_srcdir"/lib/include/[A-Z]*.h; do
    b=$(basename "$h")
    printf '#include <%s>\n' "$(printf '%s' "$b" | tr 'A-Z' 'a-z')" >"$tmp/case/$b"
done

failed=0
for src in examples/s4u_broker.c examples/cred_check.c examples/rights_install.c \
           tests/win32/conformance.c tests/win32/sdk_helpers.c; do
    out=$tmp/$(basename "$src" .c).exe
    if "$MINGW_CC" -std=c11 -Wall -Wextra -Werror -I"$tmp/case" "$top_srcdir/$src" -o "$out" \
        -lsecur32 -ladvapi32 -luserenv 2>"$tmp/err"; then
        echo "ok: $src builds for Windows"
    else
        echo "FAIL: $src does not build with $MINGW_CC:"
        cat "$tmp/err"
        failed=1
    fi
done
exit $failed
