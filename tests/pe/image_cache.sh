#!/usr/bin/env bash
# Big images are laid out once into a cache file and mapped from it later
# (src/loader/image_cache.c): the second start maps the cache and behaves
# the same, a rebuilt program gets a new entry (never the old layout), a
# relocated image is fixed up on its own copy of the pages, and a cache
# that cannot be written or is switched off changes nothing.
# Wine 8.0: "v1 sum 1+2+1, relocated pointer right" for every build.
. "$(dirname "$0")/common.bash"
command -v x86_64-w64-mingw32-gcc >/dev/null || { echo "no mingw-w64"; exit 77; }
CACHE=$WORK/cache
export DECANT_IMAGE_CACHE=$CACHE DECANT_DEBUG=+loader

build() { # OUTPUT VERSION [gcc options]
    local out=$1 v=$2
    shift 2
    x86_64-w64-mingw32-gcc -O1 -DVERSION="$v" -o "$WORK/$out" "$PE_DIR/image_cache.c" "$@" ||
        { echo "FAIL: mingw build of image_cache.c"; exit 1; }
}
entries() { find "$CACHE" -name '*.img' 2>/dev/null | wc -l; }
run_exe() { # run, with the \r of the program's text-mode stdout taken out
    run "$@"
    OUT=${OUT//$'\r'/}
}

build big.exe 1
CASE=first; run_exe big.exe
expect_status 0
expect_stdout "v1 sum 4, relocated pointer right"
if [ $UNDER_WINE = 0 ]; then
    [ "$(entries)" = 1 ] || fail "$CASE: $(entries) cache entries, expected 1"
    expect_stderr ": written," 1
fi

CASE=second; run_exe big.exe
expect_status 0
expect_stdout "v1 sum 4, relocated pointer right"
if [ $UNDER_WINE = 0 ]; then
    expect_stderr ": mapped" 1
    [ "$(entries)" = 1 ] || fail "$CASE: $(entries) cache entries, expected 1"
fi

# The same name rebuilt (same size, other contents): the new program runs.
sleep 0.01
build big.exe 2
CASE=rebuilt; run_exe big.exe
expect_status 0
expect_stdout "v2 sum 5, relocated pointer right"
[ $UNDER_WINE = 1 ] || [ "$(entries)" = 2 ] || fail "$CASE: $(entries) cache entries, expected 2"

# Asking for a base among Linux's libraries: decant relocates it below
# them, on the pages mapped from the cache too.
build high.exe 1 -Wl,--image-base=0x7f0000000000 -Wl,--dynamicbase
for CASE in relocated relocated_cached; do
    run_exe high.exe
    expect_status 0
    expect_stdout "v1 sum 4, relocated pointer right"
done
[ $UNDER_WINE = 1 ] || expect_stderr ": mapped" 1

if [ $UNDER_WINE = 0 ]; then
    CASE=off; DECANT_IMAGE_CACHE=off run_exe big.exe
    expect_status 0
    expect_stdout "v2 sum 5, relocated pointer right"
    expect_stderr ": written," 0
    CASE=unwritable; DECANT_IMAGE_CACHE=/proc/no/such/dir run_exe big.exe
    expect_status 0
    expect_stdout "v2 sum 5, relocated pointer right"
fi
finish
