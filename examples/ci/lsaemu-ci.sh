#!/bin/sh
# SPDX-License-Identifier: MIT
#
# lsaemu-ci.sh - copy this file next to your Windows-authentication tests
# and run it in CI. It installs lsaemu when it is missing, checks the
# fixtures, builds the tests against lsaemu and runs them: natively, and
# under Wine as Windows executables when lsaemu's mingw-w64 build is at
# hand. Debian/Ubuntu; see README.md next to it.
#
#   sh lsaemu-ci.sh [native|wine|all]          (default: all)
#
# Environment (all optional):
#   LSAEMU_PREFIX        where lsaemu is installed, or is to be installed
#                        (default: found by pkg-config, else $HOME/.local/lsaemu)
#   LSAEMU_SOURCE        a source directory or release tarball of lsaemu to
#                        build and install into LSAEMU_PREFIX when it is not
#                        installed yet (or install the Debian packages first:
#                        apt-get install ./liblsaemu-dev_*.deb ./lsaemu_*.deb)
#   LSAEMU_MINGW_PREFIX  where lsaemu's mingw-w64 build is installed (its
#                        lib/pkgconfig/lsaemu.pc and bin/*.dll): enables the
#                        Wine job, which is skipped without it
#   TESTS_DIR            the tests: *.c (one program each) and the policy
#                        machine.yaml (default: this script's directory)
#   LSAEMU_CI_OUT        build products, traces and leak reports
#                        (default: ./lsaemu-ci-out)
#   CC, MINGW_CC, WINE   compilers and Wine (cc, x86_64-w64-mingw32-gcc, wine)
#   WINEPREFIX           a Wine prefix to use (default: a scratch one, removed after)
#
# Exit status: 0 every test passed (the Wine job passed or was skipped in
# `all`), 1 a test or a step failed, 77 the job asked for was skipped.
set -u
job=${1:-all}
here=$(cd "$(dirname "$0")" && pwd)
TESTS_DIR=${TESTS_DIR:-$here}
out=${LSAEMU_CI_OUT:-$PWD/lsaemu-ci-out}
CC=${CC:-cc}
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
WINE=${WINE:-wine}
policy=$TESTS_DIR/machine.yaml
mkdir -p "$out" || exit 1

say() { printf 'lsaemu-ci: %s\n' "$*"; }

# find_pc PREFIX: the directory holding PREFIX's lsaemu.pc, if any.
find_pc() {
    [ -d "$1" ] || return 1
    pc=$(find "$1" -name lsaemu.pc -path '*/pkgconfig/*' 2>/dev/null | head -1)
    [ -n "$pc" ] && dirname "$pc"
}

# Makes `pkg-config lsaemu` work: an installed lsaemu, or one built now.
native_setup() {
    if [ -n "${LSAEMU_PREFIX:-}" ] && dir=$(find_pc "$LSAEMU_PREFIX"); then
        PKG_CONFIG_PATH=$dir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
        export PKG_CONFIG_PATH
    fi
    if pkg-config --exists lsaemu 2>/dev/null; then
        say "using lsaemu $(pkg-config --modversion lsaemu) from $(pkg-config --variable=prefix lsaemu)"
        return 0
    fi
    prefix=${LSAEMU_PREFIX:-$HOME/.local/lsaemu}
    if [ -z "${LSAEMU_SOURCE:-}" ]; then
        say "lsaemu is not installed: set LSAEMU_PREFIX to its prefix, LSAEMU_SOURCE to build it, or install the packages"
        return 1
    fi
    src=$LSAEMU_SOURCE
    if [ -f "$src" ]; then
        mkdir -p "$out/src" && tar -xzf "$src" -C "$out/src" || return 1
        src=$(find "$out/src" -mindepth 1 -maxdepth 1 -type d | head -1)
    fi
    say "building lsaemu from $src into $prefix"
    [ -x "$src/configure" ] || (cd "$src" && autoreconf -fi) || return 1
    mkdir -p "$out/build" &&
        (cd "$out/build" && "$src/configure" --prefix="$prefix" --disable-tests >configure.log &&
            make -j"$(nproc 2>/dev/null || echo 2)" >build.log && make install >install.log) || {
        say "building lsaemu failed; see $out/build/*.log"
        return 1
    }
    dir=$(find_pc "$prefix") || { say "no lsaemu.pc under $prefix after make install"; return 1; }
    PKG_CONFIG_PATH=$dir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
    export PKG_CONFIG_PATH
    say "using lsaemu $(pkg-config --modversion lsaemu) from $(pkg-config --variable=prefix lsaemu)"
}

native() {
    native_setup || return 1
    bindir=$(pkg-config --variable=prefix lsaemu)/bin
    libdir=$(pkg-config --variable=libdir lsaemu)
    tool=$bindir/lsaemu
    [ -x "$tool" ] || tool=lsaemu
    # A broken fixture fails here with FILE:LINE:COLUMN, not as every
    # emulated call failing with STATUS_INTERNAL_DB_ERROR.
    LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} "$tool" validate "$policy" || return 1
    status=0
    for src in "$TESTS_DIR"/*.c; do
        name=$(basename "$src" .c)
        # shellcheck disable=SC2046
        if ! $CC -std=c11 -Wall -Wextra $(pkg-config --cflags lsaemu-win32) "$src" \
            -o "$out/$name" $(pkg-config --libs lsaemu-win32); then
            say "FAIL: $name does not build"
            status=1
            continue
        fi
        # The trace of every call and a report of every handle left open
        # are kept for the CI log.
        if LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} LSAEMU_POLICY=$policy \
            LSAEMU_TRACE=$out/$name.trace LSAEMU_LEAKS=$out/$name.leaks "$out/$name"; then
            say "ok: $name (native)"
        else
            say "FAIL: $name (native); trace in $out/$name.trace"
            status=1
        fi
        if [ -s "$out/$name.leaks" ]; then
            cat "$out/$name.leaks"
            status=1
        fi
    done
    return $status
}

wine_job() {
    if [ -z "${LSAEMU_MINGW_PREFIX:-}" ]; then
        say "wine: skipped: LSAEMU_MINGW_PREFIX (lsaemu's mingw-w64 build) is not set"
        return 77
    fi
    for p in "$MINGW_CC" "$WINE"; do
        command -v "$p" >/dev/null 2>&1 || { say "wine: skipped: $p not found"; return 77; }
    done
    dir=$(find_pc "$LSAEMU_MINGW_PREFIX") || {
        say "wine: skipped: no mingw-w64 build of lsaemu (lib/pkgconfig/lsaemu.pc) under $LSAEMU_MINGW_PREFIX"
        return 77
    }
    cflags=$(PKG_CONFIG_LIBDIR=$dir PKG_CONFIG_SYSROOT_DIR= pkg-config --cflags lsaemu) || return 1
    libs=$(PKG_CONFIG_LIBDIR=$dir PKG_CONFIG_SYSROOT_DIR= pkg-config --libs lsaemu) || return 1
    # A scratch Wine prefix (unless WINEPREFIX names one), no Mono/Gecko
    # set-up, no debugger on a crash.
    own_prefix=""
    if [ -z "${WINEPREFIX:-}" ]; then
        WINEPREFIX=$(mktemp -d "${TMPDIR:-/tmp}/lsaemu-wine.XXXXXX") || return 1
        own_prefix=$WINEPREFIX
    fi
    WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
    WINEPATH=$LSAEMU_MINGW_PREFIX/bin
    export WINEPREFIX WINEDEBUG WINEDLLOVERRIDES WINEPATH
    status=0
    for src in "$TESTS_DIR"/*.c; do
        name=$(basename "$src" .c)
        # lsaemu first, then Secur32 and Advapi32: the names lsaemu
        # emulates bind to its DLL, everything else to Windows.
        # shellcheck disable=SC2086
        if ! "$MINGW_CC" -std=c11 -Wall -Wextra $cflags "$src" -o "$out/$name.exe" $libs \
            -lsecur32 -ladvapi32 -static-libgcc; then
            say "FAIL: $name.exe does not build"
            status=1
            continue
        fi
        if LSAEMU_POLICY=$policy LSAEMU_LEAKS=$out/$name.wine.leaks "$WINE" "$out/$name.exe"; then
            say "ok: $name (Windows executable under Wine)"
        else
            say "FAIL: $name under Wine"
            status=1
        fi
    done
    if [ -n "$own_prefix" ]; then
        wineserver -k 2>/dev/null
        rm -rf "$own_prefix"
    fi
    return $status
}

case $job in
native) native; exit $? ;;
wine) wine_job; exit $? ;;
all)
    native || exit 1
    wine_job
    rc=$?
    [ $rc -eq 77 ] && rc=0
    exit $rc
    ;;
*) echo "usage: lsaemu-ci.sh [native|wine|all]" >&2; exit 2 ;;
esac
