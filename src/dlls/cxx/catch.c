/* Running a catch block. A frame handler that found a matching catch
 * calls RtlUnwindEx with a STATUS_UNWIND_CONSOLIDATE record: the frames
 * between the throw and the catching function are unwound (destructors
 * run), then RtlRestoreContext calls our consolidate callback, which runs
 * the catch funclet and returns where execution continues.
 *
 * The funclet runs below the dispatcher, so the thrown object (in the
 * thrower's frame) stays valid during the catch. An exception leaving the
 * funclet (a rethrow, or a new throw) must be dispatched on past the
 * catching function, as if thrown from it. On Windows the consolidate
 * frame's unwind data restores the target context for that; decant's own
 * code has no .pdata, so the funclet is called through a small trampoline
 * placed in a page of its own with a registered function table
 * (RtlAddFunctionTable): its unwind codes restore the nonvolatile
 * registers and a machine frame holding the target's rip/rsp, and its
 * language handler notices rethrows and ends the catch when an unwind
 * passes through it. */
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "cxx.h"
#include "exception.h"

BOOLEAN WINAPI RtlAddFunctionTable(RUNTIME_FUNCTION *table, DWORD count, DWORD64 base);

/* ---- the trampoline ------------------------------------------------------ */

/* void *tramp(funclet, frame, CONTEXT *target, struct catch_state *cs),
 * System V. Its frame, from rsp at the funclet call (S):
 *   S+0x00  the funclet's home area
 *   S+0x20  cs, for the language handler
 *   S+0x30  rbx rbp rsi rdi r12 r13 r14 r15 of the target
 *   S+0x70  xmm6..xmm15 of the target
 *   S+0x110 machine frame: rip, cs, eflags, rsp, ss of the target
 * Funclets get rcx = their own address, rdx = the parent frame and
 * r8 = 0x100, as Microsoft's _CallSettingFrame passes them. */
#define TRAMP_ALLOC 0x110
extern const char cxx_tramp_code[], cxx_tramp_end[];
__asm__(".text\n"
        ".globl cxx_tramp_code\n"
        ".hidden cxx_tramp_code\n"
        "cxx_tramp_code:\n"
        "    push %rbp\n"
        "    mov %rsp, %rbp\n"
        "    sub $0x140, %rsp\n"
        "    mov %rcx, 0x20(%rsp)\n"
        "    mov 0xf8(%rdx), %rax\n"   /* rip */
        "    mov %rax, 0x110(%rsp)\n"
        "    movq $0x33, 0x118(%rsp)\n"
        "    movq $0x202, 0x120(%rsp)\n"
        "    mov 0x98(%rdx), %rax\n"   /* rsp */
        "    mov %rax, 0x128(%rsp)\n"
        "    movq $0x2b, 0x130(%rsp)\n"
        "    mov 0x90(%rdx), %rax\n    mov %rax, 0x30(%rsp)\n"  /* rbx */
        "    mov 0xa0(%rdx), %rax\n    mov %rax, 0x38(%rsp)\n"  /* rbp */
        "    mov 0xa8(%rdx), %rax\n    mov %rax, 0x40(%rsp)\n"  /* rsi */
        "    mov 0xb0(%rdx), %rax\n    mov %rax, 0x48(%rsp)\n"  /* rdi */
        "    mov 0xd8(%rdx), %rax\n    mov %rax, 0x50(%rsp)\n"  /* r12 */
        "    mov 0xe0(%rdx), %rax\n    mov %rax, 0x58(%rsp)\n"  /* r13 */
        "    mov 0xe8(%rdx), %rax\n    mov %rax, 0x60(%rsp)\n"  /* r14 */
        "    mov 0xf0(%rdx), %rax\n    mov %rax, 0x68(%rsp)\n"  /* r15 */
        "    movdqu 0x200(%rdx), %xmm0\n    movdqu %xmm0, 0x70(%rsp)\n"
        "    movdqu 0x210(%rdx), %xmm0\n    movdqu %xmm0, 0x80(%rsp)\n"
        "    movdqu 0x220(%rdx), %xmm0\n    movdqu %xmm0, 0x90(%rsp)\n"
        "    movdqu 0x230(%rdx), %xmm0\n    movdqu %xmm0, 0xa0(%rsp)\n"
        "    movdqu 0x240(%rdx), %xmm0\n    movdqu %xmm0, 0xb0(%rsp)\n"
        "    movdqu 0x250(%rdx), %xmm0\n    movdqu %xmm0, 0xc0(%rsp)\n"
        "    movdqu 0x260(%rdx), %xmm0\n    movdqu %xmm0, 0xd0(%rsp)\n"
        "    movdqu 0x270(%rdx), %xmm0\n    movdqu %xmm0, 0xe0(%rsp)\n"
        "    movdqu 0x280(%rdx), %xmm0\n    movdqu %xmm0, 0xf0(%rsp)\n"
        "    movdqu 0x290(%rdx), %xmm0\n    movdqu %xmm0, 0x100(%rsp)\n"
        "    mov %rdi, %rcx\n"
        "    mov %rsi, %rdx\n"
        "    mov $0x100, %r8d\n"
        "    call *%rdi\n"
        "    nop\n" /* the return address is no epilog: keep it so */
        "    mov %rbp, %rsp\n"
        "    pop %rbp\n"
        "    ret\n"
        ".globl cxx_tramp_end\n"
        ".hidden cxx_tramp_end\n"
        "cxx_tramp_end:\n");

typedef void *(*tramp_fn)(void *funclet, ULONG64 frame, CONTEXT *target, void *cs);

enum { UWOP_ALLOC_LARGE = 1, UWOP_SAVE_NONVOL = 4, UWOP_SAVE_XMM128 = 8, UWOP_PUSH_MACHFRAME = 10 };

struct tramp_page {
    BYTE code[0x200];
    BYTE unwind[0x100];      /* UNWIND_INFO + handler RVA */
    BYTE handler_stub[0x10]; /* jmp *0(%rip); .quad handler */
    RUNTIME_FUNCTION rf;
};

static struct tramp_page *tramp;
static pthread_once_t tramp_once = PTHREAD_ONCE_INIT;

static EXCEPTION_DISPOSITION CDECL catch_frame_handler(EXCEPTION_RECORD *rec, ULONG64 frame,
                                                       CONTEXT *ctx, DISPATCHER_CONTEXT *d);

static void unwind_code(BYTE **p, BYTE op, BYTE info, int slots, ULONG arg)
{
    BYTE *c = *p;
    c[0] = 0; /* code offset: the prolog counts as done everywhere */
    c[1] = op | (info << 4);
    if (slots > 1) {
        c[2] = arg & 0xff;
        c[3] = (arg >> 8) & 0xff;
    }
    *p += slots * 2;
}

static void tramp_init(void)
{
    size_t code_size = cxx_tramp_end - cxx_tramp_code;
    struct tramp_page *t = mmap(NULL, sizeof *t, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (t == MAP_FAILED || code_size > sizeof t->code) {
        fprintf(stderr, "decant: cannot set up the C++ catch trampoline\n");
        return;
    }
    memcpy(t->code, cxx_tramp_code, code_size);

    /* Unwind codes in the order the unwinder applies them: the saves
     * (read relative to S), then rsp += TRAMP_ALLOC, then the machine
     * frame (rip = [rsp], rsp = [rsp+24]). */
    BYTE codes[0x100], *p = codes;
    static const BYTE gprs[] = {3, 5, 6, 7, 12, 13, 14, 15};
    for (int i = 0; i < 8; i++)
        unwind_code(&p, UWOP_SAVE_NONVOL, gprs[i], 2, (0x30 + i * 8) / 8);
    for (int i = 0; i < 10; i++)
        unwind_code(&p, UWOP_SAVE_XMM128, 6 + i, 2, (0x70 + i * 16) / 16);
    unwind_code(&p, UWOP_ALLOC_LARGE, 0, 2, TRAMP_ALLOC / 8);
    unwind_code(&p, UWOP_PUSH_MACHFRAME, 0, 1, 0);
    int nslots = (p - codes) / 2;
    BYTE *u = t->unwind;
    u[0] = 1 | ((UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER) << 3);
    u[1] = 0;      /* SizeOfProlog */
    u[2] = nslots; /* CountOfCodes */
    u[3] = 0;      /* no frame register */
    memcpy(u + 4, codes, nslots * 2);
    DWORD handler_rva = offsetof(struct tramp_page, handler_stub);
    memcpy(u + 4 + ((nslots + 1) & ~1) * 2, &handler_rva, 4);

    static const BYTE jmp[] = {0xff, 0x25, 0, 0, 0, 0};
    memcpy(t->handler_stub, jmp, sizeof jmp);
    void *h = (void *)catch_frame_handler;
    memcpy(t->handler_stub + sizeof jmp, &h, sizeof h);

    t->rf.BeginAddress = 0;
    t->rf.EndAddress = code_size;
    t->rf.UnwindData = offsetof(struct tramp_page, unwind);
    mprotect(t, sizeof *t, PROT_READ | PROT_EXEC);
    RtlAddFunctionTable(&t->rf, 1, (DWORD64)t);
    tramp = t;
}

/* ---- the catch -------------------------------------------------------------- */

struct catch_state {
    cxx_frame_info fi; /* registration of the current exception */
    EXCEPTION_RECORD *rec;
    const struct cxx_catch_params *p;
    BOOL rethrow, ended;
};

/* FH4: the parent's handler, called next, is to work from `state` (see
 * frame4.c). */
static void set_parent_state(const struct catch_state *cs, int state)
{
    if (!cs->p->is_v4)
        return;
    cxx_thread.fh4_parent_state = state;
    cxx_thread.fh4_parent_state_set = TRUE;
}

/* The catch block is over, normally or by an exception leaving it. */
static void end_catch(struct catch_state *cs)
{
    if (cs->ended)
        return;
    cs->ended = TRUE;
    cxx___CxxUnregisterExceptionObject(&cs->fi, cs->rethrow);
}

/* The trampoline's language handler: during the search, a `throw;` or
 * the same object thrown again means the object lives on; during an
 * unwind through it, the catch block ends. Past it, the parent is searched
 * from outside the try block whose catch this is (its catch_high), and
 * unwound from the try block's start, which the catch's own unwind has
 * reached already. */
static EXCEPTION_DISPOSITION CDECL catch_frame_handler(EXCEPTION_RECORD *rec, ULONG64 frame,
                                                       CONTEXT *ctx, DISPATCHER_CONTEXT *d)
{
    struct catch_state *cs = *(struct catch_state **)(frame + 0x20);
    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        end_catch(cs);
        set_parent_state(cs, cs->p->unwind_to);
        return ExceptionContinueSearch;
    }
    if (cs->ended)
        return ExceptionContinueSearch;
    set_parent_state(cs, cs->p->catch_high);
    if (rec->ExceptionCode != CXX_EXCEPTION || rec->NumberParameters < 3)
        return ExceptionContinueSearch;
    if (!rec->ExceptionInformation[1] && !rec->ExceptionInformation[2]) {
        /* `throw;` no frame handler has resolved yet: it is ours */
        TRACE("rethrow of %p", (void *)cs->rec->ExceptionInformation[1]);
        *rec = *cs->rec;
        cs->rethrow = TRUE;
    } else if (rec->ExceptionInformation[1] == cs->rec->ExceptionInformation[1]) {
        cs->rethrow = TRUE;
    }
    return ExceptionContinueSearch;
}

/* The consolidate callback (ms_abi, called by RtlRestoreContext with the
 * target context in ExceptionInformation[10]). */
static void *WINAPI call_catch_block(EXCEPTION_RECORD *crec)
{
    const struct cxx_catch_params *p = (const struct cxx_catch_params *)crec->ExceptionInformation[1];
    CONTEXT *target = (CONTEXT *)crec->ExceptionInformation[10];
    struct catch_state cs = {0};
    EXCEPTION_POINTERS ep = {p->rec, p->ctx};

    cs.rec = p->rec;
    cs.p = p;
    cxx___CxxRegisterExceptionObject(&ep, &cs.fi);
    cxx_thread.processing_throw--;
    TRACE("calling catch funclet %p frame %#llx", p->funclet, (unsigned long long)p->frame);
    void *ret = ((tramp_fn)tramp->code)(p->funclet, p->frame, target, &cs);
    TRACE("catch funclet returned %p", ret);
    end_catch(&cs);
    if (p->unwind_help) {
        p->unwind_help[0] = -2;
        p->unwind_help[1] = -1;
    }
    cxx_thread.fh4_parent_state_set = FALSE;
    /* FH4 catches may name the continuation(s) in the tables: the funclet
     * then returns the index of the one to take, else the address */
    if ((ULONG_PTR)ret < 2) {
        if (!p->continuation[(ULONG_PTR)ret]) {
            fprintf(stderr, "decant: catch funclet returned %p, no such continuation\n", ret);
            cxx_terminate();
        }
        return (void *)p->continuation[(ULONG_PTR)ret];
    }
    return ret;
}

#define CATCH_MAGIC 0x6378787963617463ull /* "ctachyxxc" */

const struct cxx_catch_params *cxx_catch_params_of(const EXCEPTION_RECORD *rec)
{
    if (rec->ExceptionCode != (DWORD)STATUS_UNWIND_CONSOLIDATE || rec->NumberParameters < 3 ||
        rec->ExceptionInformation[0] != (ULONG_PTR)call_catch_block ||
        rec->ExceptionInformation[2] != CATCH_MAGIC)
        return NULL;
    return (const struct cxx_catch_params *)rec->ExceptionInformation[1];
}

void cxx_call_catch(ULONG64 target_frame, ULONG64 target_ip, const struct cxx_catch_params *p)
{
    pthread_once(&tramp_once, tramp_init);
    if (!tramp)
        cxx_terminate();
    /* The parameters live in the handler's frame, which survives until
     * the continuation; RtlRestoreContext stores the target context in
     * ExceptionInformation[10], as Windows does. */
    EXCEPTION_RECORD rec;
    memset(&rec, 0, sizeof rec);
    rec.ExceptionCode = STATUS_UNWIND_CONSOLIDATE;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.NumberParameters = 11;
    rec.ExceptionInformation[0] = (ULONG_PTR)call_catch_block;
    rec.ExceptionInformation[1] = (ULONG_PTR)p;
    rec.ExceptionInformation[2] = CATCH_MAGIC;
    rec.ExceptionInformation[3] = p->unwind_to;
    CONTEXT ctx;
    RtlUnwindEx((PVOID)target_frame, (PVOID)target_ip, &rec, NULL, &ctx, NULL);
    __builtin_unreachable();
}

/* Unwind funclets (destructor blocks) take the same arguments. */
void cxx_call_unwind_funclet(ULONG64 funclet, ULONG64 frame)
{
    TRACE("calling unwind funclet %#llx frame %#llx", (unsigned long long)funclet,
          (unsigned long long)frame);
    ((void(CDECL *)(ULONG64, ULONG64, ULONG64))funclet)(funclet, frame, 0x100);
}
