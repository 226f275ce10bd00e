#!/bin/sh
# SPDX-License-Identifier: MIT
# Every reproduction `lsaemu explain` prints works: for each code, the
# policy snippet and `lsaemu logon` call it shows are run, and the code's
# NTSTATUS name must appear as the status, SubStatus or connection result.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
tool="$top_builddir/emulator/lsaemu"
[ -x "$tool" ] || { echo "SKIP: $tool not built"; exit 77; }
case "$tool" in /*) ;; *) tool="$(pwd)/$tool" ;; esac
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
failures=0
for code in 0 0xC000006D 0xC000006A 0xC0000064 0xC000006E 0xC000006F 0xC0000070 \
    0xC0000071 0xC0000072 0xC0000193 0xC0000234 0xC0000224 0xC000015B 0xC0000155 \
    0xC00000ED 0xC000010B 0xC0000061 0xC0000041 0xC000000D 0xC00000BB 0xC000005E \
    0xC000009A 0xC00000FE 0xC0000158 1385 1380 1362 87; do
    "$tool" explain "$code" >explain.txt || { echo "FAIL: explain $code"; failures=$((failures + 1)); continue; }
    # The snippet under "p.yaml:" (indented by four) and the call after it.
    awk '/^  p.yaml:$/ { f = 1; next } f && /^    / { sub(/^    /, ""); print; next } { f = 0 }' \
        explain.txt >p.yaml
    call=$(sed -n 's/^  lsaemu logon /logon /p' explain.txt)
    name=$(sed -n 's/^About \([A-Z_0-9]*\) .*/\1/p; s/^NTSTATUS  \([A-Z_0-9]*\) .*/\1/p' explain.txt)
    if [ -z "$call" ] || [ -z "$name" ]; then
        echo "FAIL: explain $code shows no reproduction"
        failures=$((failures + 1))
        continue
    fi
    eval "\"\$tool\" $call" >out.txt 2>&1
    if ! grep -Eq "^(status|substatus|connection) .*$name " out.txt; then
        echo "FAIL: explain $code: '$call' does not give $name:"
        cat out.txt
        failures=$((failures + 1))
    fi
done
[ "$failures" -eq 0 ] || exit 1
echo "every reproduction of lsaemu explain gives its code"
