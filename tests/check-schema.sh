#!/bin/sh
# SPDX-License-Identifier: MIT
# policies/lsaemu-policy.schema.json against the shipped policies
# (tests/check_schema.py). Needs python3 with yaml and jsonschema
# (Debian: python3-yaml python3-jsonschema, installed by .ci/setup); only a
# missing python3 skips.
: "${top_srcdir:?}"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }
exec python3 "$top_srcdir/tests/check_schema.py" "$top_srcdir"
