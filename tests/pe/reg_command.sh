#!/usr/bin/env bash
# `decant reg query|add|delete` against what Windows' reg.exe prints for the
# same commands: a blank line, the key as typed (root spelled out), each
# value as "    NAME    TYPE    DATA" in creation order, a blank line, then
# the subkeys' paths (with /s each subkey in full). Errors go to stderr with
# exit status 1. Checked against `wine reg` (Wine 8.0), which prints the same
# layout with CRLF, but its values sorted by name and REG_QWORD as "(null)".
#   bash tests/pe/reg_command.sh path/to/decant
set -u
DECANT=${1:?usage: $0 path/to/decant}
WORK=$(mktemp -d /tmp/decant-reg.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export DECANT_PREFIX=$WORK/prefix
FAILED=0
K='HKCU\Software\decant-reg'
KL='HKEY_CURRENT_USER\Software\decant-reg'
OK_LINE='The operation completed successfully.'
NOT_FOUND='ERROR: The system was unable to find the specified registry key or value.'

fail() {
    echo "FAIL: $*"
    FAILED=1
}

# reg ARGS...: sets STATUS, OUT and ERR
reg() {
    "$DECANT" reg "$@" >"$WORK/.out" 2>"$WORK/.err"
    STATUS=$?
    OUT=$(cat "$WORK/.out"; echo .)
    OUT=${OUT%.}
    ERR=$(cat "$WORK/.err")
}

expect() { # what status stdout [stderr]
    [ "$STATUS" = "$2" ] || fail "$1: exit status $STATUS, expected $2 (stderr: $ERR)"
    [ "$OUT" = "$3" ] || fail "$1: stdout differs:
--- expected
$3--- got
$OUT---"
    [ "$ERR" = "${4:-}" ] || fail "$1: stderr '$ERR', expected '${4:-}'"
}

reg add "$K" /v Str /t REG_SZ /d hello /f
expect "add REG_SZ" 0 "$OK_LINE
"
reg add "$K" /v Exp /t REG_EXPAND_SZ /d '%PATH%;x' /f
expect "add REG_EXPAND_SZ" 0 "$OK_LINE
"
reg add "$K" /v Multi /t REG_MULTI_SZ /d 'a\0b\0c' /f
expect "add REG_MULTI_SZ" 0 "$OK_LINE
"
reg add "$K" /v Dw /t REG_DWORD /d 42 /f
expect "add REG_DWORD" 0 "$OK_LINE
"
reg add "$K" /v Dhex /t REG_DWORD /d 0x1F /f
expect "add REG_DWORD hex" 0 "$OK_LINE
"
reg add "$K" /v Qw /t REG_QWORD /d 0x123456789 /f
expect "add REG_QWORD" 0 "$OK_LINE
"
reg add "$K" /v Bin /t REG_BINARY /d 0102abFF /f
expect "add REG_BINARY" 0 "$OK_LINE
"
reg add "$K" /ve /d dflt /f
expect "add default" 0 "$OK_LINE
"
reg add "$K" /v Empty /f
expect "add empty REG_SZ" 0 "$OK_LINE
"
reg add "$K\\Sub" /v x /d y /f
expect "add in a new subkey" 0 "$OK_LINE
"
reg add "$K" /v Str /d changed /f
expect "overwrite" 0 "$OK_LINE
"

VALUES="    Str    REG_SZ    changed
    Exp    REG_EXPAND_SZ    %PATH%;x
    Multi    REG_MULTI_SZ    a\\0b\\0c
    Dw    REG_DWORD    0x2a
    Dhex    REG_DWORD    0x1f
    Qw    REG_QWORD    0x123456789
    Bin    REG_BINARY    0102ABFF
    (Default)    REG_SZ    dflt
    Empty    REG_SZ    
"
reg query "$K"
expect "query" 0 "
$KL
$VALUES
$KL\\Sub
"
reg query "$K" /s
expect "query /s" 0 "
$KL
$VALUES
$KL\\Sub
    x    REG_SZ    y

"
reg query "$K" /v DW
expect "query /v" 0 "
$KL
    Dw    REG_DWORD    0x2a

"
reg query "$K" /ve
expect "query /ve" 0 "
$KL
    (Default)    REG_SZ    dflt

"
reg query 'HKEY_CURRENT_USER\software\DECANT-REG\sub'
expect "query long root, other case" 0 "
HKEY_CURRENT_USER\\software\\DECANT-REG\\sub
    x    REG_SZ    y

"

reg query "$K" /v Nope
expect "query a missing value" 1 "" "$NOT_FOUND"
reg query "$K\\Nope"
expect "query a missing key" 1 "" "$NOT_FOUND"
reg add "$K" /v Bad /t REG_DWORD /d twelve /f
[ "$STATUS" = 1 ] || fail "bad REG_DWORD data: status $STATUS"
reg add "$K" /v Bad /t REG_BINARY /d 123 /f
[ "$STATUS" = 1 ] || fail "odd REG_BINARY digits: status $STATUS"
reg query "$K" /v Bad
expect "nothing stored for bad data" 1 "" "$NOT_FOUND"
reg query 'HKXX\Software'
[ "$STATUS" = 1 ] || fail "unknown root: status $STATUS"

reg delete "$K" /v Str /f
expect "delete a value" 0 "$OK_LINE
"
reg query "$K" /v Str
expect "deleted value" 1 "" "$NOT_FOUND"
reg delete "$K" /v Str /f
expect "delete a missing value" 1 "" "$NOT_FOUND"
reg delete "$K\\Sub" /va /f
expect "delete all values" 0 "$OK_LINE
"
reg query "$K\\Sub"
expect "no values left" 0 "
$KL\\Sub

"
reg delete "$K" /f
expect "delete the key and its subkeys" 0 "$OK_LINE
"
reg query "$K"
expect "deleted key" 1 "" "$NOT_FOUND"
reg delete "$K" /f
expect "delete a missing key" 1 "" "$NOT_FOUND"

[ $FAILED = 0 ] && echo "ok"
exit $FAILED
