#!/bin/sh
# Builds the MSVC-ABI C++ test programs tests/programs/msvc/*.cxx (not
# .cpp, which tests/run.sh builds with mingw g++) into
# build/tests/programs/msvc/<name>.exe with clang (--target=
# x86_64-pc-windows-msvc: Microsoft's C++ exception ABI, __CxxFrameHandler3
# and _CxxThrowException) and lld-link, against import libraries made from
# the .def files here (msvcrt, vcruntime140, ucrtbase). Directives in a source's first 15 lines:
#   // build: FLAGS    extra clang flags
#   // libs: LIBS      import libraries, in link order (default msvcrt.lib)
# Exits 77 when the toolchain is missing.
set -e
cd "$(dirname "$0")/../../.."
SRC=tests/programs/msvc
OUT=build/tests/programs/msvc
CLANG=${CLANG:-clang}
LLD_LINK=${LLD_LINK:-lld-link}
DLLTOOL=${DLLTOOL:-llvm-dlltool}
for t in "$CLANG" "$LLD_LINK" "$DLLTOOL"; do
    command -v "$t" >/dev/null 2>&1 || { echo "missing $t"; exit 77; }
done
mkdir -p "$OUT"
for def in "$SRC"/*.def; do
    lib=$OUT/$(basename "$def" .def).lib
    if [ ! -f "$lib" ] || [ "$def" -nt "$lib" ]; then
        "$DLLTOOL" -m i386:x86-64 -d "$def" -l "$lib"
    fi
done
directive() { # file key
    head -n 15 "$1" | sed -n "s|^// $2: *||p" | head -n 1
}
for src in "$SRC"/*.cxx; do
    [ -e "$src" ] || continue
    name=$(basename "$src" .cxx)
    exe=$OUT/$name.exe
    stale=
    for dep in "$src" "$SRC"/*.h; do
        [ "$dep" -nt "$exe" ] && stale=1
    done
    if [ -f "$exe" ] && [ -z "$stale" ]; then
        continue
    fi
    libs=$(directive "$src" libs)
    # shellcheck disable=SC2046,SC2086
    "$CLANG" --target=x86_64-pc-windows-msvc -fms-extensions -fexceptions -fcxx-exceptions \
        -O1 -nostdinc -fno-builtin -Wall -Wno-unused-variable -Wno-unused-private-field -Wno-exceptions -I"$SRC" $(directive "$src" build) \
        -c "$src" -o "$OUT/$name.obj"
    # shellcheck disable=SC2086
    (cd "$OUT" && "$LLD_LINK" /nologo /entry:mainCRTStartup /subsystem:console /nodefaultlib \
        "$name.obj" ${libs:-msvcrt.lib} /out:"$name.exe")
done
