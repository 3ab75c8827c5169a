#!/usr/bin/env bash
# What Syscall User Dispatch costs (issue 5, DESIGN.md §6), in one run:
# a raw Windows system call from program code next to the same service
# through ntdll's export and a native raw Linux syscall, and decant's own
# system calls (file I/O, small files) with the dispatch on (the default)
# and off (DECANT_SYSCALLS=off), runs interleaved, medians.
#   bench/dispatch.sh [ROUNDS]      (default 5; about a minute)
set -eu
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
B=$PWD/build/bench
DECANT=$PWD/build/decant
[ -x "$DECANT" ] || { echo "bench: build decant first (make)"; exit 1; }
mkdir -p "$B/work"
for n in syscall seek fileio files; do
    gcc -O2 -pthread -o "$B/$n" "bench/$n.c"
    x86_64-w64-mingw32-gcc -O2 -o "$B/$n.exe" "bench/$n.c"
done
cd "$B/work"
declare -A vals
add() { vals[$1]="${vals[$1]:-} $2"; }
# result KEY VALUE lines of one run, each added under PREFIX:KEY
collect() {
    local prefix=$1
    shift
    while read -r word key value; do
        # a Windows program's lines end in \r\n
        if [ "$word" = result ]; then add "$prefix:$key" "${value%$'\r'}"; fi
    done < <("$@" 2>/dev/null)
}
for _ in $(seq "$ROUNDS"); do
    collect native "$B/syscall" 200000 3
    collect on "$DECANT" "$B/syscall.exe" 200000 3
    for mode in windows off; do
        label=$([ $mode = windows ] && echo on || echo off)
        DECANT_SYSCALLS=$mode collect "$label" "$DECANT" "$B/seek.exe" 1000000 3
        DECANT_SYSCALLS=$mode collect "$label" "$DECANT" "$B/fileio.exe" 512 3
        DECANT_SYSCALLS=$mode collect "$label" "$DECANT" "$B/files.exe" 5000 3
    done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
m() { median "${vals[$1]:-}"; }
printf '| measurement | unit | value |\n| --- | --- | --- |\n'
printf '| raw Windows syscall from program code (NtQuerySystemTime) | ns | %s |\n' "$(m on:syscall)"
printf '| the same through ntdll'"'"'s export | ns | %s |\n' "$(m on:syscall_export)"
printf '| native raw Linux syscall (clock_gettime, no vDSO) | ns | %s |\n' "$(m native:syscall)"
printf '\n| decant'"'"'s own system calls | unit | dispatch on | dispatch off | on/off |\n| --- | --- | --- | --- | --- |\n'
for k in seek:"SetFilePointerEx (one lseek)|ns" write:"512 MiB WriteFile, 64 KiB blocks|GB/s" read:"512 MiB ReadFile, 64 KiB blocks|GB/s" \
         create:"5k small files: create+write|k files/s" delete:"5k small files: delete|k files/s"; do
    key=${k%%:*} rest=${k#*:}
    on=$(m "on:$key") off=$(m "off:$key")
    printf '| %s | %s | %s | %s | %s |\n' "${rest%|*}" "${rest#*|}" "$on" "$off" \
        "$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.3f", a / b }')"
done
echo
echo "on/off: time ratio for ns rows, rate ratio otherwise; below 1 means slower with the dispatch on for"
echo "rates, above 1 for times. $ROUNDS rounds, medians;"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, Linux $(uname -r), load $(cut -d' ' -f1 /proc/loadavg)"
