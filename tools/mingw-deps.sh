#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Builds what the Windows DLL's build (configure --host=x86_64-w64-mingw32,
# README "Windows binaries under Wine") needs and Debian does not package
# for mingw-w64: libyaml, as a static library, from Debian's own source
# package (apt-get source, the same version as libyaml-dev). Run by
# .ci/setup; needs the mingw-w64 cross compiler, autoconf, automake, libtool
# and network access to deb.debian.org. /etc/apt is not touched: the
# deb-src list and its indexes live in a scratch directory.
#
#   sh tools/mingw-deps.sh [PREFIX]
#
# PREFIX defaults to $LSAEMU_MINGW_DEPS, else
# ${XDG_CACHE_HOME:-$HOME/.cache}/lsaemu/mingw-w64, where
# tests/check-wine-cross.sh looks. Nothing is done when PREFIX already
# holds yaml-0.1.pc. Configure with
#   PKG_CONFIG_LIBDIR=PREFIX/lib/pkgconfig ./configure --host=x86_64-w64-mingw32
set -eu
prefix=${1:-${LSAEMU_MINGW_DEPS:-${XDG_CACHE_HOME:-$HOME/.cache}/lsaemu/mingw-w64}}
host=${LSAEMU_MINGW_HOST:-x86_64-w64-mingw32}
if [ -f "$prefix/lib/pkgconfig/yaml-0.1.pc" ]; then
    echo "mingw-deps: libyaml for $host already in $prefix"
    exit 0
fi
command -v "$host-gcc" >/dev/null 2>&1 || { echo "mingw-deps: $host-gcc not found" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/lsaemu-mingw-deps.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/srcparts" "$work/lists/partial" "$work/src"
. /etc/os-release
cat >"$work/srcparts/src.sources" <<EOS
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: ${VERSION_CODENAME:-bookworm}
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOS
apt_opts="-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$work/srcparts -o Dir::State::Lists=$work/lists -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
# shellcheck disable=SC2086
apt-get -qq $apt_opts update
# shellcheck disable=SC2086
(cd "$work/src" && apt-get -qq $apt_opts source libyaml >/dev/null)
# Debian's libyaml tree is a git snapshot without a configure script.
(cd "$work/src"/libyaml-*/ && autoreconf -fi >/dev/null 2>&1 &&
    ./configure -q --host="$host" --prefix="$prefix" --disable-shared --enable-static &&
    make -s -j2 >/dev/null && make -s install >/dev/null)
# libtool's .la would make libtool refuse the static archive in a DLL link.
rm -f "$prefix"/lib/*.la
echo "mingw-deps: libyaml for $host installed in $prefix"
