/* A raw Windows system call, as programs that bypass ntdll do (direct
 * syscall stubs in their own memory, some protectors and anti-cheat code):
 * read NtQuerySystemTime's service number out of ntdll's stub
 * (mov r10,rcx; mov eax,N; ... syscall), copy a stub with that number into
 * the program's own executable memory and call it; ns per call. decant
 * can only serve this by trapping the instruction with Syscall User
 * Dispatch. Natively: the same raw instruction for Linux's clock_gettime
 * (no vDSO), the cost of entering the kernel. Then the same service
 * through ntdll's export (natively: clock_gettime through the vDSO).
 *
 * Prints "result syscall n/a" with the reason when ntdll's export is not a
 * syscall stub (decant's builtin ntdll before it supports raw syscalls) or
 * under Wine, whose stubs take the `jne` to its dispatcher and whose
 * `syscall` would reach Linux with a Windows service number. */
#include "bench.h"

#ifdef _WIN32
typedef LONG (*query_time_fn)(LARGE_INTEGER *);
static query_time_fn stub;

static const char *make_stub(void)
{
    HMODULE nt = GetModuleHandleA("ntdll.dll");
    const unsigned char *p;
    DWORD service;
    if (!nt)
        return "no ntdll.dll";
    if (GetProcAddress(nt, "wine_get_version"))
        return "Wine's ntdll stubs call its dispatcher, not the kernel";
    p = (const unsigned char *)GetProcAddress(nt, "NtQuerySystemTime");
    if (!p)
        return "ntdll.dll does not export NtQuerySystemTime";
    if (memcmp(p, "\x4c\x8b\xd1\xb8", 4))  /* mov r10,rcx; mov eax,imm32 */
        return "ntdll's NtQuerySystemTime is not a syscall stub";
    memcpy(&service, p + 4, 4);
    int found = 0;
    for (int i = 8; i < 32 && !found; i++)
        found = p[i] == 0x0f && p[i + 1] == 0x05;
    if (!found)
        return "ntdll's NtQuerySystemTime stub has no syscall instruction";
    unsigned char code[] = {0x4c, 0x8b, 0xd1, 0xb8, 0, 0, 0, 0, 0x0f, 0x05, 0xc3};
    memcpy(code + 4, &service, 4);
    void *mem = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    if (!mem)
        return "VirtualAlloc failed";
    memcpy(mem, code, sizeof code);
    FlushInstructionCache(GetCurrentProcess(), mem, sizeof code);
    stub = (query_time_fn)mem;
    return NULL;
}

/* The system time in seconds since 1970, by the raw call; -1 on failure. */
static long long raw_time(void)
{
    LARGE_INTEGER t;
    if (stub(&t) != 0)
        return -1;
    return t.QuadPart / 10000000 - 11644473600LL;
}

/* The same service through ntdll's export (its stub jumps straight to
 * decant's function; no kernel entry). */
static query_time_fn export_fn;
static long long export_time(void)
{
    LARGE_INTEGER t;
    if (!export_fn)
        export_fn = (query_time_fn)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtQuerySystemTime");
    if (export_fn(&t) != 0)
        return -1;
    return t.QuadPart / 10000000 - 11644473600LL;
}

static long long api_time(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return ((long long)ft.dwHighDateTime << 32 | ft.dwLowDateTime) / 10000000 - 11644473600LL;
}
#else
#include <sys/syscall.h>
static const char *make_stub(void) { return NULL; }
static long long raw_time(void)
{
    struct timespec ts;
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "0"((long)SYS_clock_gettime), "D"((long)CLOCK_REALTIME), "S"(&ts)
                     : "rcx", "r11", "memory");
    return ret ? -1 : ts.tv_sec;
}
static long long export_time(void)
{
    struct timespec ts;
    return clock_gettime(CLOCK_REALTIME, &ts) ? -1 : ts.tv_sec;
}
static long long api_time(void) { return time(NULL); }
#endif

int main(int argc, char **argv)
{
    long n = arg_size(argc, argv, 200000);
    int reps = arg_repeats(argc, argv);
    double t[64];
    const char *why = make_stub();
    if (why) {
        printf("result syscall n/a\n");
        printf("note syscall %s\n", why);
        return 0;
    }
    long long first = raw_time(), ref = api_time(), failed = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            failed += raw_time() < 0;
        t[r] = (now_ns() - t0) / n;
    }
    long long skew = first - ref;
    int ok = !failed && skew > -5 && skew < 5;
    printf("result syscall %.1f\n", median(t, reps));
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            failed += export_time() < 0;
        t[r] = (now_ns() - t0) / n;
    }
    ok = ok && !failed;
    printf("result syscall_export %.1f\n", median(t, reps));
    printf("check syscall %s\n", ok ? "returns the system time" : "WRONG TIME OR FAILED");
    return !ok;
}
