/* Raw Windows system calls made from the program's own code (issue 5).
 * The service numbers are read at run time out of ntdll's export stubs, as
 * "Hell's Gate" does: a Windows x64 stub starts `mov r10, rcx` (4c 8b d1),
 * `mov eax, N` (b8 N), so N is the 32-bit word at offset 4. Then the same
 * services are called in four forms, each printing the same lines:
 *   ntdll   through the export itself (the control: runs under Wine too),
 *   inline  a C function whose extended asm puts the arguments where the
 *           Windows x64 system-call convention wants them (r10, rdx, r8,
 *           r9, the fifth and later at [rsp+0x28] when `syscall` runs),
 *   asm     a top-level assembly stub `mov r10, rcx; mov eax, [n];
 *           syscall; ret` called with the Windows ABI,
 *   built   the bytes of a Windows stub written at run time into
 *           PAGE_EXECUTE_READWRITE memory from the number read
 * (raw_indirect.c adds a fifth, the `syscall` inside ntdll's own stub).
 * Expected values are Windows' (Microsoft's NTSTATUS list, [MS-ERREF]
 * 2.3.1): STATUS_SUCCESS 0x00000000, STATUS_INVALID_HANDLE 0xC0000008 for
 * a second NtClose of the same handle (ZwClose's documentation; CloseHandle's
 * says only a debugger turns that into an exception), and
 * STATUS_INVALID_SYSTEM_SERVICE 0xC000001C for a number no service has.
 * Wine 8 cannot run the raw forms: its stubs call its own dispatcher and
 * its numbers are its own, so a `syscall` from program code reaches Linux
 * (NtWriteFile, Wine's 0xe0, is timer_gettime there: -EINVAL). With the
 * argument `through-ntdll` every form calls the ntdll exports instead, so
 * `wine raw_main.exe through-ntdll` prints the lines Windows prints, all
 * but the unknown numbers' (which only raw forms can reach). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#include "test.h"

typedef LONG NTSTATUS;
typedef struct { union { NTSTATUS Status; void *Pointer; }; ULONG_PTR Information; } IO_STATUS;
/* Every service called with nine arguments: the Windows x64 caller owns the
 * stack, so a service with fewer never sees the extra ones. */
typedef ULONG_PTR (WINAPI *service_fn)(ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR,
                                       ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR);

enum { S_WRITE, S_TIME, S_ALLOC, S_CLOSE, S_UNKNOWN, S_COUNT };
static const char *const service_names[S_UNKNOWN] = {
    "NtWriteFile", "NtQuerySystemTime", "NtAllocateVirtualMemory", "NtClose",
};

/* Read by the assembly stubs, so not static; sysnum[S_UNKNOWN] is set to
 * each unknown number in turn. */
DWORD sysnum[S_COUNT];

/* asm_stub0..4: one per service, each reading its number from sysnum. */
#define ASM_STUB(i) \
    ".globl asm_stub" #i "\n" \
    "asm_stub" #i ":\n\t" \
    "mov %rcx, %r10\n\t" \
    "movl sysnum+4*" #i "(%rip), %eax\n\t" \
    "syscall\n\t" \
    "ret\n"
__asm__(".text\n" ASM_STUB(0) ASM_STUB(1) ASM_STUB(2) ASM_STUB(3) ASM_STUB(4));
ULONG_PTR WINAPI asm_stub0(ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR,
                           ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR);
ULONG_PTR WINAPI asm_stub1(ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR,
                           ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR);
ULONG_PTR WINAPI asm_stub2(ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR,
                           ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR);
ULONG_PTR WINAPI asm_stub3(ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR,
                           ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR);
ULONG_PTR WINAPI asm_stub4(ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR,
                           ULONG_PTR, ULONG_PTR, ULONG_PTR, ULONG_PTR);

/* The inline form: the number in eax, the first four arguments in r10,
 * rdx, r8, r9, and the other five copied to [rsp+0x28]..[rsp+0x48] below
 * the compiler's frame, where the kernel looks when the stub was called
 * (return address at [rsp], 32 bytes of home space above it). rcx and r11
 * are the syscall instruction's own; the Windows ABI lets the callee
 * change rdx, r8-r10 and xmm0-5 too. */
static ULONG_PTR inline_syscall(DWORD number, const ULONG_PTR a[9])
{
    register ULONG_PTR r10 __asm__("r10") = a[0];
    register ULONG_PTR rdx __asm__("rdx") = a[1];
    register ULONG_PTR r8 __asm__("r8") = a[2];
    register ULONG_PTR r9 __asm__("r9") = a[3];
    ULONG_PTR rax = number;
    __asm__ volatile("sub $0x58, %%rsp\n\t"
                     "mov 0x20(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x28(%%rsp)\n\t"
                     "mov 0x28(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x30(%%rsp)\n\t"
                     "mov 0x30(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x38(%%rsp)\n\t"
                     "mov 0x38(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x40(%%rsp)\n\t"
                     "mov 0x40(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x48(%%rsp)\n\t"
                     "syscall\n\t"
                     "add $0x58, %%rsp"
                     : "+a"(rax), "+r"(r10), "+r"(rdx), "+r"(r8), "+r"(r9)
                     : [a] "r"(a)
                     : "rcx", "r11", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
                       "memory", "cc");
    return rax;
}

/* The "indirect syscall" form (raw_indirect.c): the same registers, but
 * `call` to the `syscall; ret` inside ntdll's own stub instead of a
 * syscall instruction here, so the fifth argument goes to [rsp+0x20]
 * before the call pushes the return address. rdi and rsi are zero: were
 * the syscall to reach Linux, it would get null pointers. */
static ULONG_PTR indirect_syscall(DWORD number, const void *target, const ULONG_PTR a[9])
{
    register ULONG_PTR r10 __asm__("r10") = a[0];
    register ULONG_PTR rdx __asm__("rdx") = a[1];
    register ULONG_PTR r8 __asm__("r8") = a[2];
    register ULONG_PTR r9 __asm__("r9") = a[3];
    ULONG_PTR rax = number;
    __asm__ volatile("sub $0x50, %%rsp\n\t"
                     "mov 0x20(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x20(%%rsp)\n\t"
                     "mov 0x28(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x28(%%rsp)\n\t"
                     "mov 0x30(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x30(%%rsp)\n\t"
                     "mov 0x38(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x38(%%rsp)\n\t"
                     "mov 0x40(%[a]), %%rcx\n\t"
                     "mov %%rcx, 0x40(%%rsp)\n\t"
                     "call *%[t]\n\t"
                     "add $0x50, %%rsp"
                     : "+a"(rax), "+r"(r10), "+r"(rdx), "+r"(r8), "+r"(r9)
                     : [a] "r"(a), [t] "r"(target), "D"(0), "S"(0)
                     : "rcx", "r11", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
                       "memory", "cc");
    return rax;
}

struct form {
    const char *name;
    service_fn fn[S_COUNT]; /* all NULL: the inline form */
    const void *indirect[S_COUNT]; /* set: the indirect form */
};
static struct form forms[4];

/* The low 32 bits of rax: an NTSTATUS. */
static NTSTATUS sys(const struct form *f, int s, ULONG_PTR a1, ULONG_PTR a2, ULONG_PTR a3,
                    ULONG_PTR a4, ULONG_PTR a5, ULONG_PTR a6, ULONG_PTR a7, ULONG_PTR a8,
                    ULONG_PTR a9)
{
    ULONG_PTR a[9] = {a1, a2, a3, a4, a5, a6, a7, a8, a9};
    if (f->indirect[s])
        return (NTSTATUS)indirect_syscall(sysnum[s], f->indirect[s], a);
    if (!f->fn[s])
        return (NTSTATUS)inline_syscall(sysnum[s], a);
    return (NTSTATUS)f->fn[s](a1, a2, a3, a4, a5, a6, a7, a8, a9);
}

/* Reads the numbers and fills in the four forms; FALSE if a stub is not
 * the Windows x64 kind. through_ntdll: every form calls the exports. */
static BOOL setup_forms(BOOL through_ntdll)
{
    static const unsigned char head[4] = {0x4c, 0x8b, 0xd1, 0xb8};
    static const service_fn asm_stubs[S_COUNT] = {asm_stub0, asm_stub1, asm_stub2, asm_stub3,
                                                  asm_stub4};
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    unsigned char *code;
    int s, read = 0;
    ok(ntdll != NULL, "GetModuleHandle(ntdll.dll)");
    if (!ntdll)
        return FALSE;
    code = VirtualAlloc(NULL, 0x1000, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    ok(code != NULL, "VirtualAlloc PAGE_EXECUTE_READWRITE: error %lu", GetLastError());
    if (!code)
        return FALSE;
    forms[0].name = "ntdll";
    forms[1].name = "inline";
    forms[2].name = "asm";
    forms[3].name = "built";
    for (s = 0; s < S_UNKNOWN; s++) {
        const unsigned char *p = (const unsigned char *)GetProcAddress(ntdll, service_names[s]);
        ok(p != NULL, "GetProcAddress(ntdll, %s)", service_names[s]);
        if (!p)
            continue;
        ok(!memcmp(p, head, 4), "%s starts %02x %02x %02x %02x, not mov r10, rcx; mov eax, N",
           service_names[s], p[0], p[1], p[2], p[3]);
        if (memcmp(p, head, 4))
            continue;
        memcpy(&sysnum[s], p + 4, 4);
        forms[0].fn[s] = (service_fn)p;
        read++;
    }
    printf("service numbers read from ntdll's stubs: %d of %d\n", read, S_UNKNOWN);
    for (s = 0; s < S_COUNT; s++) {
        /* mov r10, rcx; mov eax, N; syscall; ret; then int3 to 32 bytes */
        unsigned char *stub = code + 32 * s;
        memset(stub, 0xcc, 32);
        memcpy(stub, head, 4);
        memcpy(stub + 4, &sysnum[s], 4);
        memcpy(stub + 8, "\x0f\x05\xc3", 3);
        forms[2].fn[s] = asm_stubs[s];
        forms[3].fn[s] = (service_fn)stub;
        if (through_ntdll && s < S_UNKNOWN)
            forms[1].fn[s] = forms[2].fn[s] = forms[3].fn[s] = forms[0].fn[s];
    }
    FlushInstructionCache(GetCurrentProcess(), code, 0x1000);
    fflush(stdout);
    return read == S_UNKNOWN;
}

/* The unknown-number stub of the built form is rewritten for each number. */
static void set_unknown(DWORD number)
{
    unsigned char *stub = (unsigned char *)forms[3].fn[S_UNKNOWN];
    sysnum[S_UNKNOWN] = number;
    memcpy(stub + 4, &number, 4);
    FlushInstructionCache(GetCurrentProcess(), stub, 32);
}

static NTSTATUS nt_write(const struct form *f, HANDLE h, IO_STATUS *iosb, const void *buf,
                         ULONG len)
{
    /* handle, event, APC routine, APC context, IO_STATUS_BLOCK, buffer,
     * length, byte offset (NULL: the file position), key */
    memset(iosb, 0xcc, sizeof *iosb);
    return sys(f, S_WRITE, (ULONG_PTR)h, 0, 0, 0, (ULONG_PTR)iosb, (ULONG_PTR)buf, len, 0, 0);
}

static NTSTATUS nt_close(const struct form *f, HANDLE h)
{
    return sys(f, S_CLOSE, (ULONG_PTR)h, 0, 0, 0, 0, 0, 0, 0, 0);
}

static const char *yes(BOOL b) { return b ? "yes" : "no"; }

/* The lines of one form, each starting "<prefix><form>: ". */
static void run_form(const char *prefix, const struct form *f)
{
    char line[128], file[64], back[128];
    IO_STATUS iosb;
    NTSTATUS st, again;
    LARGE_INTEGER now;
    FILETIME ft;
    ULONGLONG k32, diff;
    void *base = NULL;
    SIZE_T size = 0x10000;
    MEMORY_BASIC_INFORMATION mbi;
    HANDLE h;
    DWORD n;
    BOOL same;
    int len, i;

    /* NtWriteFile to standard output: the line itself is the proof. */
    len = snprintf(line, sizeof line, "%s%s: this line was written by NtWriteFile\r\n", prefix,
                   f->name);
    fflush(stdout);
    st = nt_write(f, GetStdHandle(STD_OUTPUT_HANDLE), &iosb, line, len);
    printf("%s%s: NtWriteFile 0x%08lx, IO_STATUS_BLOCK 0x%08lx, %lu bytes\n", prefix, f->name,
           (ULONG)st, (ULONG)iosb.Status, (ULONG)iosb.Information);
    ok(st == 0 && iosb.Status == 0 && iosb.Information == (ULONG_PTR)len,
       "%s NtWriteFile to stdout", f->name);

    /* NtQuerySystemTime against GetSystemTimeAsFileTime: the same clock. */
    now.QuadPart = 0;
    st = sys(f, S_TIME, (ULONG_PTR)&now, 0, 0, 0, 0, 0, 0, 0, 0);
    GetSystemTimeAsFileTime(&ft);
    k32 = (ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime;
    diff = k32 > (ULONGLONG)now.QuadPart ? k32 - now.QuadPart : now.QuadPart - k32;
    printf("%s%s: NtQuerySystemTime 0x%08lx, within 5 s of GetSystemTimeAsFileTime: %s\n",
           prefix, f->name, (ULONG)st, yes(diff < 50000000));
    ok(st == 0 && diff < 50000000, "%s NtQuerySystemTime %llx vs %llx", f->name,
       (ULONGLONG)now.QuadPart, k32);

    /* NtAllocateVirtualMemory: six arguments, two of them on the stack. */
    st = sys(f, S_ALLOC, (ULONG_PTR)GetCurrentProcess(), (ULONG_PTR)&base, 0, (ULONG_PTR)&size,
             MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE, 0, 0, 0);
    printf("%s%s: NtAllocateVirtualMemory 0x%08lx, 0x%lx bytes, 64 KiB aligned: %s\n", prefix,
           f->name, (ULONG)st, (ULONG)size, yes(base && !((ULONG_PTR)base & 0xffff)));
    ok(st == 0 && base && !((ULONG_PTR)base & 0xffff) && size == 0x10000,
       "%s NtAllocateVirtualMemory %p %lx", f->name, base, (ULONG)size);
    if (st == 0 && base) {
        unsigned char *p = base;
        same = TRUE;
        for (i = 0; i < 0x10000; i++)
            p[i] = (unsigned char)(i * 7 + 3);
        for (i = 0; i < 0x10000; i++)
            same &= p[i] == (unsigned char)(i * 7 + 3);
        memset(&mbi, 0, sizeof mbi);
        VirtualQuery(base, &mbi, sizeof mbi);
        printf("%s%s: 64 KiB written and read back: %s; VirtualQuery: state 0x%lx, protect 0x%lx, "
               "0x%lx bytes; VirtualFree: %s\n",
               prefix, f->name, yes(same), mbi.State, mbi.Protect, (ULONG)mbi.RegionSize,
               yes(VirtualFree(base, 0, MEM_RELEASE)));
        ok(same && mbi.AllocationBase == base && mbi.State == MEM_COMMIT &&
               mbi.Protect == PAGE_READWRITE && mbi.RegionSize == 0x10000,
           "%s allocation", f->name);
    }

    /* NtClose on an event, then on the same (now closed) handle. */
    h = CreateEventA(NULL, TRUE, FALSE, NULL);
    ok(h != NULL, "CreateEvent");
    st = nt_close(f, h);
    again = nt_close(f, h);
    printf("%s%s: NtClose event 0x%08lx, again 0x%08lx\n", prefix, f->name, (ULONG)st,
           (ULONG)again);
    ok(st == 0 && (ULONG)again == 0xc0000008, "%s NtClose event", f->name);

    /* A file: written with NtWriteFile, closed with NtClose, read back. */
    snprintf(file, sizeof file, "raw-%s-%lu.txt", f->name, GetCurrentThreadId());
    h = CreateFileA(file, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    ok(h != INVALID_HANDLE_VALUE, "CreateFile %s: error %lu", file, GetLastError());
    len = snprintf(line, sizeof line, "written to a file by %s NtWriteFile\r\n", f->name);
    st = nt_write(f, h, &iosb, line, len);
    ok(st == 0 && iosb.Information == (ULONG_PTR)len, "%s NtWriteFile to a file: 0x%08lx",
       f->name, (ULONG)st);
    st = nt_close(f, h);
    again = nt_close(f, h);
    h = CreateFileA(file, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    n = 0;
    if (h != INVALID_HANDLE_VALUE) {
        ReadFile(h, back, sizeof back, &n, NULL);
        CloseHandle(h);
    }
    same = n == (DWORD)len && !memcmp(back, line, len);
    printf("%s%s: NtClose file 0x%08lx, again 0x%08lx, reads back: %s, DeleteFile: %s\n", prefix,
           f->name, (ULONG)st, (ULONG)again, yes(same), yes(DeleteFileA(file)));
    ok(st == 0 && (ULONG)again == 0xc0000008 && same, "%s NtClose file", f->name);
    fflush(stdout);
}

/* Numbers no service has, through the three raw forms: on Windows 0x0fff
 * is past the end of the first table; 0x7fff has bit 12 set, so it names
 * win32k's table (the kernel makes the thread a GUI thread first), and
 * 0xfff is past the end of that one too: STATUS_INVALID_SYSTEM_SERVICE
 * either way (KiSystemService in Microsoft's Windows Research Kernel). */
static void run_unknown(const char *prefix)
{
    static const DWORD numbers[] = {0x0fff, 0x7fff};
    int i, f;
    for (i = 0; i < 2; i++) {
        set_unknown(numbers[i]);
        for (f = 1; f < 4; f++) {
            NTSTATUS st = sys(&forms[f], S_UNKNOWN, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            printf("%s%s: service 0x%04lx returns 0x%08lx\n", prefix, forms[f].name, numbers[i],
                   (ULONG)st);
            ok((ULONG)st == 0xc000001c, "%s service 0x%lx", forms[f].name, numbers[i]);
        }
    }
    fflush(stdout);
}

/* Every form, then the unknown numbers unless the forms go through ntdll. */
__attribute__((unused)) static void run_all(const char *prefix, BOOL through_ntdll)
{
    int f;
    for (f = 0; f < 4; f++)
        run_form(prefix, &forms[f]);
    if (!through_ntdll)
        run_unknown(prefix);
}

static BOOL through_ntdll_arg(int argc, char **argv)
{
    return argc > 1 && !strcmp(argv[1], "through-ntdll");
}
