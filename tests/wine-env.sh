# SPDX-License-Identifier: MIT
# Sourced by the Wine tests (tests/check-wine.sh, tests/check-wine-cross.sh):
# the environment in which Wine runs quietly and non-interactively, and the
# prefix, made once and reused.
: "${WINE:=wine}"
WINEDEBUG=${WINEDEBUG:--all}
# No Mono/Gecko set-up (halves the first start), no debugger on a crash.
WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=;winedbg.exe=d}
: "${WINEPREFIX:=${XDG_CACHE_HOME:-$HOME/.cache}/lsaemu/wineprefix}"
# Wine decodes the environment (paths in LSAEMU_*) with the locale's charset.
LC_ALL=C.UTF-8
export WINE WINEDEBUG WINEDLLOVERRIDES WINEPREFIX LC_ALL

# Makes the prefix when it has none yet, and waits for it: 0, or 1.
wine_prefix_ready() {
    [ -f "$WINEPREFIX/system.reg" ] && return 0
    mkdir -p "$WINEPREFIX" || return 1
    "$WINE" wineboot -i >"$WINEPREFIX.init.log" 2>&1
    wineserver -w 2>/dev/null
    [ -f "$WINEPREFIX/system.reg" ]
}
