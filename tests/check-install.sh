#!/bin/sh
# `make install` into a scratch root, then build a Windows-style client with
# nothing but `pkg-config --cflags --libs lsaemu` and run it with
# LSAEMU_POLICY: the path users (and the held-out suites) take.
set -u
command -v pkg-config >/dev/null 2>&1 || { echo "pkg-config missing"; exit 77; }
[ -n "${CC:-}" ] || { echo "CC unset"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
make -C "$top_builddir" install DESTDIR="$tmp/root" >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"; exit 1; }
pc=$(find "$tmp/root" -name lsaemu.pc | head -1)
[ -n "$pc" ] || { echo "lsaemu.pc was not installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$tmp/root"
for f in lsaemu.h windows.h ntsecapi.h ntstatus.h winerror.h sddl.h winbase.h winnt.h; do
    [ -n "$(find "$tmp/root" -path "*/include/lsaemu/$f")" ] || { echo "header $f not installed"; exit 1; }
done
[ -n "$(find "$tmp/root" -path '*/bin/lsaemu')" ] || { echo "lsaemu tool not installed"; exit 1; }
[ -n "$(find "$tmp/root" -path '*/lsaemu/policies/workstation.yaml')" ] || {
    echo "stock policies not installed"; exit 1; }

# shellcheck disable=SC2046
$CC -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags lsaemu) \
    "$top_srcdir/tests/install/secur32_client.c" -o "$tmp/client" \
    $(pkg-config --libs lsaemu) || exit 1
libdir=$(dirname "$(find "$tmp/root" -name 'liblsaemu.so' | head -1)")
LD_LIBRARY_PATH="$libdir" LSAEMU_POLICY="$top_srcdir/tests/policies/p0.yaml" \
    LSAEMU_PROCESS=tcb "$tmp/client" > "$tmp/out" 2>&1 || { cat "$tmp/out"; exit 1; }
diff -u "$top_srcdir/tests/install/secur32_client.expected" "$tmp/out" || exit 1

# The same client linked statically, as `pkg-config --static` says: the
# archive's initialisation object (lib/control/init.c), which a Windows-only
# client does not reference, must still be linked in, or LSAEMU_POLICY
# would not reach the calls.
if [ -f "$libdir/liblsaemu.a" ]; then
    # shellcheck disable=SC2046
    $CC -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags lsaemu) \
        "$top_srcdir/tests/install/secur32_client.c" -o "$tmp/client-static" \
        "$libdir/liblsaemu.a" $(pkg-config --static --libs lsaemu | sed 's/-llsaemu//') || exit 1
    LSAEMU_POLICY="$top_srcdir/tests/policies/p0.yaml" LSAEMU_PROCESS=tcb \
        "$tmp/client-static" > "$tmp/out-static" 2>&1 || { cat "$tmp/out-static"; exit 1; }
    diff -u "$top_srcdir/tests/install/secur32_client.expected" "$tmp/out-static" || exit 1
fi
echo "installed library, headers, pkg-config, tool and policies work"
