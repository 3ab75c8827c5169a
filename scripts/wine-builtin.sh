#!/bin/sh
# Marks PE files as Wine builtin DLLs, as `winebuild --builtin` (and
# winegcc) does: "Wine builtin DLL" and NUL padding, 32 bytes, written right
# after the 64-byte DOS header, over the DOS stub program. Wine and decant
# look for a DLL's unixlib (<name>.so) only when this marker is there.
# mingw-w64's linker puts the NT headers at 0x80, so the stub has room.
#   scripts/wine-builtin.sh foo.dll [bar.dll ...]
set -e
for f in "$@"; do
    [ "$(head -c 2 "$f")" = MZ ] || { echo "$f: not a PE file" >&2; exit 1; }
    lfanew=$(od -An -tu4 -j 60 -N 4 "$f" | tr -d ' ')
    [ "$lfanew" -ge 96 ] || { echo "$f: no room ($lfanew) for the Wine signature" >&2; exit 1; }
    printf 'Wine builtin DLL\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' |
        dd of="$f" bs=1 seek=64 conv=notrunc status=none
done
