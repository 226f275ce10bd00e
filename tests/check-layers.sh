#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The layers of lib/ (HACKING.md, "Layout"), checked in both senses:
#
#   rank 0  base     mem, UTF-8/UTF-16, arrays, hash tables, the sharded
#                    registry, casefold, MD4, atomic files
#   rank 1  core     model, engine, state, diag     crt  the C runtime
#   rank 2  loader   YAML, secedit, writer          win32  the Windows API
#   rank 3  control  the lsaemu_* API
#
# A file may include (and its object may use symbols of) its own layer and
# the layers of lower rank only: nothing upward, nothing sideways (core and
# crt are siblings, and so are loader and win32). Within core the model is
# the bottom: lib/core/model includes only base and the model. A header
# named *_internal.h belongs to its folder. lib/gen holds generated files;
# each is counted in the layer that uses it (below). lib/include, the
# installed headers, may be included by everyone.
#
# Includes: every #include "..." in lib/ is resolved (from lib/, or from the
# including file's folder) and checked. Links: when the library is built,
# every undefined symbol of each layer's objects must be defined by an
# object of the same or a lower layer (or come from outside the library:
# libc, libyaml, pthreads).
#
# The check first runs on a copy of the tree with one upward include and
# one upward symbol use planted in it, and must find both: a check that
# cannot fail proves nothing.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-layers.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

# layer_of PATH (relative to lib/): prints "layer rank", or nothing for a
# file outside the layers (lib/include).
layer_of() {
    case $1 in
    base/*) echo "base 0" ;;
    crt/*) echo "crt 1" ;;
    core/model/*) echo "model 1" ;;
    core/*) echo "core 1" ;;
    gen/rights_table.h | gen/status_table.c) echo "model 1" ;;
    gen/proc_table.c) echo "win32 2" ;;
    gen/call_names.c) echo "core 1" ;;
    gen/*) echo "gen? 9" ;;
    loader/*) echo "loader 2" ;;
    win32/*) echo "win32 2" ;;
    control/*) echo "control 3" ;;
    include/*) ;;
    *) echo "unknown 9" ;;
    esac
}

# allowed FROM TO: may a file of layer FROM use layer TO?
allowed() {
    [ "$1" = "$2" ] && return 0
    case "$1:$2" in
    *:base) return 0 ;;
    core:model) return 0 ;;
    loader:model | loader:core | win32:model | win32:core | win32:crt) return 0 ;;
    control:*) return 0 ;;
    esac
    return 1
}

# scan SRC BUILD: prints every upward or sideways dependency of the tree
# at SRC (objects at BUILD; none there: includes only) and a count line.
scan() {
    src=$1
    build=$2
    work=$(mktemp -d "$tmp/scan.XXXXXX") || exit 99
    (
    cd "$src" || exit 99
    problems=0
    checked=0
    for f in $(find lib -name '*.[ch]' | LC_ALL=C sort); do
        rel=${f#lib/}
        from=$(layer_of "$rel")
        [ -n "$from" ] || continue
        set -- $from
        fl=$1
        if [ "$fl" = unknown ] || [ "$fl" = "gen?" ]; then
            echo "$f: not in any layer (add it to tests/check-layers.sh)"
            problems=$((problems + 1))
            continue
        fi
        dir=$(dirname "$rel")
        # The quoted includes, one per line, without comments.
        for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
            if [ -f "lib/$inc" ]; then
                target=$inc
            elif [ -f "lib/$dir/$inc" ]; then
                target=$dir/$inc
            else
                continue # config.h, or an installed header found through -I
            fi
            checked=$((checked + 1))
            to=$(layer_of "$target")
            [ -n "$to" ] || continue
            set -- $to
            tl=$1
            # The [guess] choices are constants every layer above base may use.
            [ "$target" = core/engine/guesses.h ] && [ "$fl" = model ] && tl=core && fl=core
            case $target in
            *_internal.h)
                if [ "$(dirname "$target")" != "$dir" ]; then
                    echo "$f: includes $target, private to lib/$(dirname "$target")"
                    problems=$((problems + 1))
                fi
                ;;
            esac
            if ! allowed "$fl" "$tl"; then
                echo "$f: $fl includes $target ($tl)"
                problems=$((problems + 1))
            fi
        done
    done
    echo "includes: $checked internal includes checked"

    # Links: symbols defined and needed per layer, from the built objects.
    objs=$(cd "$build" 2>/dev/null && find lib -path '*/.libs/*' -prune -o -name '*.o' -print 2>/dev/null | LC_ALL=C sort)
    if [ -z "$objs" ] || ! command -v nm >/dev/null 2>&1; then
        echo "links: not checked (no built objects or no nm)"
    else
        : >"$work/defs"
        : >"$work/uses"
        for o in $objs; do
            # lib/win32/secur32/liblsaemu_internal_la-lsa_logon.o -> win32/secur32/lsa_logon.c
            d=$(dirname "${o#lib/}")
            b=$(basename "$o" .o)
            b=${b#*_la-}
            l=$(layer_of "$d/$b.c")
            [ -n "$l" ] || continue
            set -- $l
            (cd "$build" && nm -g --defined-only "$o") | awk -v l="$1" -v o="$o" 'NF == 3 {print $3, l, o}' >>"$work/defs"
            (cd "$build" && nm -u "$o") | awk -v l="$1" -v o="$o" 'NF == 2 {print $2, l, o}' >>"$work/uses"
        done
        n_uses=$(wc -l <"$work/uses" | tr -d ' ')
        # "symbol user-layer user-object defining-layer defining-object" for
        # every use of a symbol the library defines.
        awk 'NR == FNR { if (!($1 in dl)) { dl[$1] = $2; dob[$1] = $3 } next }
             $1 in dl { print $1, $2, $3, dl[$1], dob[$1] }' "$work/defs" "$work/uses" >"$work/pairs"
        while read -r sym ul uo dl do; do
            if ! allowed "$ul" "$dl"; then
                echo "$uo: $ul uses $sym of $do ($dl)"
                problems=$((problems + 1))
            fi
        done <"$work/pairs"
        echo "links: $n_uses undefined symbols of $(echo "$objs" | wc -l | tr -d ' ') objects checked"
    fi
    echo "problems: $problems"
    )
}

# A copy of lib/ with base including the control layer, and objects in
# which base uses a control function: both must be found.
mkdir -p "$tmp/planted" "$tmp/planted-build/lib/base" "$tmp/planted-build/lib/control"
cp -R "$top_srcdir/lib" "$tmp/planted/" || exit 99
chmod -R u+w "$tmp/planted"
printf '#include "control/control.h"\n' >>"$tmp/planted/lib/base/mem.c"
cc=${CC:-cc}
printf 'void control_init(void);\nvoid planted(void) { control_init(); }\n' >"$tmp/use.c"
printf 'void control_init(void) {}\n' >"$tmp/def.c"
if $cc -c "$tmp/use.c" -o "$tmp/planted-build/lib/base/liblsaemu_internal_la-mem.o" &&
    $cc -c "$tmp/def.c" -o "$tmp/planted-build/lib/control/liblsaemu_internal_la-init.o"; then
    objects=yes
else
    objects=no
fi
scan "$tmp/planted" "$tmp/planted-build" >"$tmp/planted.out"
if ! grep -q '^lib/base/mem.c: base includes control/control.h (control)$' "$tmp/planted.out"; then
    echo "check-layers: the planted upward include was not found:"
    cat "$tmp/planted.out"
    exit 1
fi
if [ $objects = yes ] &&
    ! grep -q '^lib/base/liblsaemu_internal_la-mem.o: base uses control_init of lib/control/liblsaemu_internal_la-init.o (control)$' "$tmp/planted.out"; then
    echo "check-layers: the planted upward symbol use was not found:"
    cat "$tmp/planted.out"
    exit 1
fi
echo "planted violations found (objects: $objects)"

scan "$top_srcdir" "$top_builddir" >"$tmp/real.out"
grep -v '^problems: ' "$tmp/real.out"
problems=$(sed -n 's/^problems: //p' "$tmp/real.out")
if [ "${problems:-1}" -ne 0 ]; then
    echo "check-layers: $problems upward or sideways dependencies (HACKING.md, Layout)"
    exit 1
fi
echo "check-layers: every include and link goes down or stays in its layer"
exit 0
