#!/bin/sh
# SPDX-License-Identifier: MIT
# LSAEMU_AUDIT records parsed as JSON (tests/check_audit.py).
: "${top_srcdir:?}" "${top_builddir:?}"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }
exec python3 "$top_srcdir/tests/check_audit.py" "$top_builddir/emulator/lsaemu" \
    "$top_builddir/tests/diag/diagcall"
