#!/bin/sh
# Prepare a Wine prefix that answers as Windows 10 and has no crash debugger
# (otherwise Wine answers as Windows 7 and rewrites crash exit codes).
# Used only to verify expected outputs against Wine: decant never needs it.
set -e
export WINEPREFIX="${WINEPREFIX:-$HOME/.wine-decant}"
export WINEDEBUG=-all
if [ ! -f "$WINEPREFIX/.decant-ready" ]; then
    wineboot -i >/dev/null 2>&1 || true
    wine winecfg -v win10 >/dev/null 2>&1
    wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' \
        /v Debugger /t REG_SZ /d '' /f >/dev/null 2>&1
    wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' \
        /v Auto /t REG_SZ /d 0 /f >/dev/null 2>&1
    touch "$WINEPREFIX/.decant-ready"
fi
echo "$WINEPREFIX"
