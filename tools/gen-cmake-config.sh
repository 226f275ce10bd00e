#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Writes on stdout lsaemu's CMake package file from its template
# (lib/cmake/*.cmake.in), for installation in CMAKEDIR. Run by make, which
# passes the installation directories as configured. The installed file
# refers to the library, the headers and the policies by paths relative to
# itself (computed here), so that the installed tree still works after it
# moved: DESTDIR staging, a Debian package, a sysroot.
#
#   tools/gen-cmake-config.sh TEMPLATE CMAKEDIR LIBDIR BINDIR INCLUDEDIR PKGDATADIR \
#       VERSION MAJOR MINOR SIZEOF_VOID_P DLL_NAME SHLIB_EXT PTHREAD_LIBS
set -eu
[ $# -eq 13 ] || { echo "usage: gen-cmake-config.sh TEMPLATE CMAKEDIR LIBDIR BINDIR INCLUDEDIR PKGDATADIR VERSION MAJOR MINOR SIZEOF_VOID_P DLL_NAME SHLIB_EXT PTHREAD_LIBS" >&2; exit 2; }
template=$1 cmakedir=$2

# relpath FROM TO: TO written relative to the directory FROM (both absolute,
# normalised: no "." or ".." components, no trailing slash).
relpath() {
    from=$1 to=$2 up=""
    while :; do
        case $to/ in
        "$from"/*) break ;;
        esac
        from=${from%/*}
        up="../$up"
    done
    rest=${to#"$from"}
    rest=${rest#/}
    result="$up$rest"
    result=${result%/}
    printf '%s\n' "${result:-.}"
}

for d in "$2" "$3" "$4" "$5" "$6"; do
    case $d in
    /*) ;;
    *) echo "gen-cmake-config: not an absolute directory: $d" >&2; exit 1 ;;
    esac
done
rel_libdir=$(relpath "$cmakedir" "$3")
rel_bindir=$(relpath "$cmakedir" "$4")
rel_includedir=$(relpath "$cmakedir" "$5")
rel_pkgdatadir=$(relpath "$cmakedir" "$6")
sed -e "s|@REL_LIBDIR@|$rel_libdir|g" \
    -e "s|@REL_BINDIR@|$rel_bindir|g" \
    -e "s|@REL_INCLUDEDIR@|$rel_includedir|g" \
    -e "s|@REL_PKGDATADIR@|$rel_pkgdatadir|g" \
    -e "s|@VERSION@|$7|g" \
    -e "s|@LSAEMU_VERSION_MAJOR@|$8|g" \
    -e "s|@LSAEMU_VERSION_MINOR@|$9|g" \
    -e "s|@SIZEOF_VOID_P@|${10}|g" \
    -e "s|@DLL_NAME@|${11}|g" \
    -e "s|@SHLIB_EXT@|${12}|g" \
    -e "s|@PTHREAD_LIBS@|${13}|g" \
    "$template"
