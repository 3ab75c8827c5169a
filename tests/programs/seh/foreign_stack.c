/* A fault while rsp points into memory the program allocated itself, not
 * the thread's stack: Go runs every goroutine on such a stack, and its
 * vectored handler turns nil dereferences there into panics. Windows
 * dispatches the exception on the faulting stack, below rsp, whatever
 * that memory is; the vectored handler sees the access violation, runs on
 * that stack, and may resume with a changed context. */
#include <windows.h>
#include <stdio.h>

static ULONG_PTR lo, hi;
static int calls, on_foreign, rsp_foreign;
static ULONG_PTR kind, address;

static LONG CALLBACK veh(EXCEPTION_POINTERS *p)
{
    volatile int here = 0;
    if (p->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    calls++;
    on_foreign = (ULONG_PTR)&here >= lo && (ULONG_PTR)&here < hi;
    rsp_foreign = p->ContextRecord->Rsp >= lo && p->ContextRecord->Rsp < hi;
    kind = p->ExceptionRecord->ExceptionInformation[0];
    address = p->ExceptionRecord->ExceptionInformation[1];
    p->ContextRecord->Rip += 3; /* movq (%rax), %rax */
    p->ContextRecord->Rax = 42;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    SIZE_T size = 64 * 1024;
    char *stack = VirtualAlloc(NULL, size, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    ULONG_PTR top = (ULONG_PTR)stack + size - 64, result;
    lo = (ULONG_PTR)stack;
    hi = (ULONG_PTR)stack + size;
    AddVectoredExceptionHandler(1, veh);
    __asm__ volatile("mov %%rsp, %%rbx\n\t"
                     "mov %1, %%rsp\n\t"
                     "mov $0x10, %%rax\n\t"
                     "movq (%%rax), %%rax\n\t"
                     "mov %%rbx, %%rsp"
                     : "=&a"(result)
                     : "r"(top)
                     : "rbx", "memory");
    printf("handler calls %d, rax %llu\n", calls, (unsigned long long)result);
    printf("read %llu at %#llx\n", (unsigned long long)kind, (unsigned long long)address);
    printf("context rsp on the program's stack: %d\n", rsp_foreign);
    printf("handler ran on the program's stack: %d\n", on_foreign);
    return 0;
}
