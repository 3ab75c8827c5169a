#!/bin/sh
# Installs what building and testing decant need, from Debian's packages:
#   scripts/deps.sh          build + test dependencies
# As root it runs apt-get; otherwise it prints the exact command to run.
set -e
need=""
have() { command -v "$1" >/dev/null 2>&1; }
have gcc || need="$need gcc"
have make || need="$need make"
have x86_64-w64-mingw32-gcc || need="$need gcc-mingw-w64-x86-64"
have x86_64-w64-mingw32-g++ || need="$need g++-mingw-w64-x86-64" # C++ tests
have clang || need="$need clang"         # MSVC-ABI C++ tests (tests/programs/msvc)
have lld-link || need="$need lld"
have llvm-dlltool || need="$need llvm"
have nasm || need="$need nasm"          # hand-made PE files in tests/pe
have 7zz || have 7z || need="$need 7zip" # checks 7za.exe in tests/real
[ -f /usr/include/sqlite3.h ] || need="$need libsqlite3-dev" # the registry
[ -f /usr/include/mimalloc.h ] || need="$need libmimalloc-dev" # heaps (loaded when a program allocates a lot)
[ -z "$need" ] && exit 0
cmd="apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" = 0 ]; then
    echo "decant: installing:$need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || true
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $need >/dev/null
else
    echo "decant: missing build dependencies. Run:"
    echo "    sudo $cmd"
    exit 1
fi
