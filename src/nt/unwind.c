/* x64 table-based unwinding: finding a function's RUNTIME_FUNCTION in an
 * image's .pdata (or a table registered at run time, for JITs) and undoing
 * its prolog from the UNWIND_INFO codes in .xdata (RtlVirtualUnwind), as
 * the Microsoft x64 exception-handling documentation specifies. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL seh
#include "debug.h"
#include "exception.h"
#include "loader.h"

enum {
    UWOP_PUSH_NONVOL = 0,
    UWOP_ALLOC_LARGE = 1,
    UWOP_ALLOC_SMALL = 2,
    UWOP_SET_FPREG = 3,
    UWOP_SAVE_NONVOL = 4,
    UWOP_SAVE_NONVOL_FAR = 5,
    UWOP_EPILOG = 6,
    UWOP_SPARE_CODE = 7,
    UWOP_SAVE_XMM128 = 8,
    UWOP_SAVE_XMM128_FAR = 9,
    UWOP_PUSH_MACHFRAME = 10,
};

typedef union {
    struct {
        BYTE CodeOffset;
        BYTE UnwindOp : 4;
        BYTE OpInfo : 4;
    };
    USHORT FrameOffset;
} UNWIND_CODE;

typedef struct {
    BYTE Version : 3;
    BYTE Flags : 5;
    BYTE SizeOfProlog;
    BYTE CountOfCodes;
    BYTE FrameRegister : 4;
    BYTE FrameOffset : 4;
    UNWIND_CODE UnwindCode[]; /* rounded up to an even count */
} UNWIND_INFO;

/* ---- dynamic function tables ------------------------------------------- */

typedef RUNTIME_FUNCTION *(WINAPI *PGET_RUNTIME_FUNCTION_CALLBACK)(DWORD64, PVOID);

struct dynamic_table {
    struct dynamic_table *next;
    DWORD64 base, begin, end; /* address range covered */
    RUNTIME_FUNCTION *table;
    DWORD count;
    PGET_RUNTIME_FUNCTION_CALLBACK callback;
    PVOID context;
    ULONG64 id;
};

static struct dynamic_table *dynamic_tables;
static pthread_rwlock_t dynamic_lock = PTHREAD_RWLOCK_INITIALIZER;

/* RtlAddFunctionTable (ntdll) */
BOOLEAN WINAPI RtlAddFunctionTable(RUNTIME_FUNCTION *table, DWORD count,
                                   DWORD64 base)
{
    struct dynamic_table *t = calloc(1, sizeof *t);
    if (!t)
        return FALSE;
    t->base = base;
    t->table = table;
    t->count = count;
    t->id = (ULONG64)table;
    t->begin = base + (count ? table[0].BeginAddress : 0);
    t->end = base + (count ? table[count - 1].EndAddress : 0);
    pthread_rwlock_wrlock(&dynamic_lock);
    t->next = dynamic_tables;
    dynamic_tables = t;
    pthread_rwlock_unlock(&dynamic_lock);
    return TRUE;
}

/* RtlInstallFunctionTableCallback (ntdll): the identifier's low two bits
 * must be 3, as documented. */
BOOLEAN WINAPI RtlInstallFunctionTableCallback(DWORD64 id, DWORD64 base,
                                               DWORD length,
                                               PGET_RUNTIME_FUNCTION_CALLBACK cb,
                                               PVOID context, LPCWSTR dll)
{
    if ((id & 3) != 3)
        return FALSE;
    struct dynamic_table *t = calloc(1, sizeof *t);
    if (!t)
        return FALSE;
    t->base = base;
    t->begin = base;
    t->end = base + length;
    t->callback = cb;
    t->context = context;
    t->id = id;
    pthread_rwlock_wrlock(&dynamic_lock);
    t->next = dynamic_tables;
    dynamic_tables = t;
    pthread_rwlock_unlock(&dynamic_lock);
    return TRUE;
}

/* RtlDeleteFunctionTable (ntdll) */
BOOLEAN WINAPI RtlDeleteFunctionTable(RUNTIME_FUNCTION *table)
{
    BOOLEAN found = FALSE;
    pthread_rwlock_wrlock(&dynamic_lock);
    for (struct dynamic_table **p = &dynamic_tables; *p; p = &(*p)->next)
        if ((*p)->id == (ULONG64)table) {
            struct dynamic_table *t = *p;
            *p = t->next;
            free(t);
            found = TRUE;
            break;
        }
    pthread_rwlock_unlock(&dynamic_lock);
    return found;
}

static RUNTIME_FUNCTION *search_table(RUNTIME_FUNCTION *table, DWORD count,
                                      DWORD rva)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rva < table[mid].BeginAddress)
            hi = mid;
        else if (rva >= table[mid].EndAddress)
            lo = mid + 1;
        else
            return &table[mid];
    }
    return NULL;
}

static RUNTIME_FUNCTION *lookup_dynamic(DWORD64 pc, DWORD64 *base)
{
    RUNTIME_FUNCTION *f = NULL;
    pthread_rwlock_rdlock(&dynamic_lock);
    for (struct dynamic_table *t = dynamic_tables; t; t = t->next) {
        if (pc < t->begin || pc >= t->end)
            continue;
        *base = t->base;
        f = t->callback ? t->callback(pc, t->context)
                        : search_table(t->table, t->count, pc - t->base);
        if (f)
            break;
    }
    pthread_rwlock_unlock(&dynamic_lock);
    return f;
}

/* RtlLookupFunctionEntry (ntdll) */
RUNTIME_FUNCTION *WINAPI RtlLookupFunctionEntry(DWORD64 pc, DWORD64 *base,
                                                UNWIND_HISTORY_TABLE *history)
{
    struct module *m = ldr_find_by_address((void *)pc);
    if (!m) {
        *base = 0;
        return lookup_dynamic(pc, base);
    }
    *base = (DWORD64)m->base;
    const IMAGE_DATA_DIRECTORY *d = ldr_dir(m, IMAGE_DIRECTORY_ENTRY_EXCEPTION);
    RUNTIME_FUNCTION *table = d ? ldr_rva(m, d->VirtualAddress, d->Size) : NULL;
    if (!table)
        return NULL;
    RUNTIME_FUNCTION *f = search_table(table, d->Size / sizeof *table,
                                       (DWORD)(pc - (DWORD64)m->base));
    /* an entry whose UnwindData has the low bit set points at the entry
     * that really describes the code */
    while (f && (f->UnwindData & 1))
        f = ldr_rva(m, f->UnwindData & ~1u, sizeof *f);
    return f;
}

/* RtlPcToFileHeader (ntdll) */
PVOID WINAPI RtlPcToFileHeader(PVOID pc, PVOID *base)
{
    struct module *m = ldr_find_by_address(pc);
    *base = m ? m->base : NULL;
    return *base;
}

/* ---- virtual unwind ------------------------------------------------------ */

static DWORD64 *int_reg(CONTEXT *c, int reg) { return &c->Rax + reg; }

static void set_int_reg(CONTEXT *c, KNONVOLATILE_CONTEXT_POINTERS *ptrs, int reg,
                        DWORD64 *val)
{
    *int_reg(c, reg) = *val;
    if (ptrs)
        ptrs->IntegerContext[reg] = val;
}

static void set_xmm_reg(CONTEXT *c, KNONVOLATILE_CONTEXT_POINTERS *ptrs, int reg,
                        M128A *val)
{
    memcpy(&c->FltSave.XmmRegisters[reg], val, sizeof *val);
    if (ptrs)
        ptrs->FloatingContext[reg] = val;
}

static int opcode_slots(UNWIND_CODE op)
{
    switch (op.UnwindOp) {
    case UWOP_ALLOC_LARGE: return op.OpInfo ? 3 : 2;
    case UWOP_SAVE_NONVOL:
    case UWOP_SAVE_XMM128:
    case UWOP_EPILOG: return 2;
    case UWOP_SAVE_NONVOL_FAR:
    case UWOP_SAVE_XMM128_FAR: return 3;
    default: return 1;
    }
}

/* Is pc in an epilog: [add rsp,N | lea rsp,[fp+N]] pop* (ret | jmp out)?
 * The x64 ABI allows only that shape, so it can be recognised by bytes. */
static int is_inside_epilog(const BYTE *pc, DWORD64 base, const RUNTIME_FUNCTION *f)
{
    if (pc[0] == 0x48 && pc[1] == 0x83 && pc[2] == 0xc4)
        pc += 4; /* add rsp, imm8 */
    else if (pc[0] == 0x48 && pc[1] == 0x81 && pc[2] == 0xc4)
        pc += 7; /* add rsp, imm32 */
    else if ((pc[0] & 0xfe) == 0x48 && pc[1] == 0x8d) {
        BYTE modrm = pc[2];
        if ((modrm & 0x38) != 0x20) /* reg field must be rsp */
            return 0;
        if ((modrm >> 6) == 1)
            pc += 4; /* lea rsp, [reg+disp8] */
        else if ((modrm >> 6) == 2)
            pc += 7; /* lea rsp, [reg+disp32] */
        else
            return 0;
    }
    for (;;) {
        if ((*pc & 0xf8) == 0x58) {
            pc++;
            continue;
        }
        if ((*pc & 0xf0) == 0x40 && (pc[1] & 0xf8) == 0x58) {
            pc += 2;
            continue;
        }
        break;
    }
    if (*pc == 0xc3 || (pc[0] == 0xf3 && pc[1] == 0xc3))
        return 1;
    if (*pc == 0xe9) { /* jmp rel32: a tail call leaves the function */
        int32_t rel;
        memcpy(&rel, pc + 1, 4);
        DWORD64 target = (DWORD64)(pc + 5) + rel;
        return target < base + f->BeginAddress || target >= base + f->EndAddress;
    }
    if (pc[0] == 0xff && pc[1] == 0x25) /* jmp [rip+x] */
        return 1;
    if (pc[0] == 0x48 && pc[1] == 0xff && (pc[2] & 0x38) == 0x20)
        return 1; /* rex.w jmp reg/mem */
    return 0;
}

/* Execute the rest of an epilog on the context. */
static void interpret_epilog(const BYTE *pc, CONTEXT *c,
                             KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    if (pc[0] == 0x48 && pc[1] == 0x83 && pc[2] == 0xc4) {
        c->Rsp += (int8_t)pc[3];
        pc += 4;
    } else if (pc[0] == 0x48 && pc[1] == 0x81 && pc[2] == 0xc4) {
        int32_t v;
        memcpy(&v, pc + 3, 4);
        c->Rsp += v;
        pc += 7;
    } else if ((pc[0] & 0xfe) == 0x48 && pc[1] == 0x8d) {
        int reg = (pc[2] & 7) + (pc[0] & 1) * 8;
        if ((pc[2] >> 6) == 1) {
            c->Rsp = *int_reg(c, reg) + (int8_t)pc[3];
            pc += 4;
        } else {
            int32_t v;
            memcpy(&v, pc + 3, 4);
            c->Rsp = *int_reg(c, reg) + v;
            pc += 7;
        }
    }
    for (;;) {
        if ((*pc & 0xf8) == 0x58) {
            set_int_reg(c, ptrs, *pc & 7, (DWORD64 *)c->Rsp);
            c->Rsp += 8;
            pc++;
            continue;
        }
        if ((*pc & 0xf0) == 0x40 && (pc[1] & 0xf8) == 0x58) {
            set_int_reg(c, ptrs, (pc[1] & 7) + (*pc & 1) * 8, (DWORD64 *)c->Rsp);
            c->Rsp += 8;
            pc += 2;
            continue;
        }
        break;
    }
    c->Rip = *(DWORD64 *)c->Rsp;
    c->Rsp += 8;
}

/* RtlVirtualUnwind (ntdll): unwinds `context` from the frame at `pc` to its
 * caller; returns the frame's language handler of the kind asked for. */
PEXCEPTION_ROUTINE WINAPI RtlVirtualUnwind(ULONG type, DWORD64 base, DWORD64 pc,
                                           RUNTIME_FUNCTION *function,
                                           CONTEXT *context, PVOID *data,
                                           DWORD64 *frame_ret,
                                           KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    UNWIND_INFO *info = (UNWIND_INFO *)(base + function->UnwindData);
    DWORD64 prolog_offset = pc - base - function->BeginAddress;
    DWORD64 frame = context->Rsp;
    int mach_frame = 0;
    int in_prolog = prolog_offset < info->SizeOfProlog;

    *data = NULL;
    if (info->FrameRegister)
        frame = *int_reg(context, info->FrameRegister) - info->FrameOffset * 16;
    *frame_ret = frame;

    /* Past the prolog and in an epilog: the epilog's remaining
     * instructions say how to get out, and there is no handler. */
    if (prolog_offset > info->SizeOfProlog && info->Version < 2 &&
        !(info->Flags & UNW_FLAG_CHAININFO) &&
        is_inside_epilog((const BYTE *)pc, base, function)) {
        interpret_epilog((const BYTE *)pc, context, ptrs);
        *frame_ret = frame;
        return NULL;
    }

    for (;;) {
        for (unsigned i = 0; i < info->CountOfCodes; i += opcode_slots(info->UnwindCode[i])) {
            UNWIND_CODE *code = &info->UnwindCode[i];
            if (prolog_offset < code->CodeOffset)
                continue; /* not executed yet */
            switch (code->UnwindOp) {
            case UWOP_PUSH_NONVOL:
                set_int_reg(context, ptrs, code->OpInfo, (DWORD64 *)context->Rsp);
                context->Rsp += 8;
                break;
            case UWOP_ALLOC_LARGE:
                if (code->OpInfo)
                    context->Rsp += *(DWORD *)&info->UnwindCode[i + 1];
                else
                    context->Rsp += info->UnwindCode[i + 1].FrameOffset * 8;
                break;
            case UWOP_ALLOC_SMALL:
                context->Rsp += code->OpInfo * 8 + 8;
                break;
            case UWOP_SET_FPREG:
                context->Rsp = *int_reg(context, info->FrameRegister) -
                               info->FrameOffset * 16;
                break;
            case UWOP_SAVE_NONVOL:
                set_int_reg(context, ptrs, code->OpInfo,
                            (DWORD64 *)(frame + info->UnwindCode[i + 1].FrameOffset * 8));
                break;
            case UWOP_SAVE_NONVOL_FAR:
                set_int_reg(context, ptrs, code->OpInfo,
                            (DWORD64 *)(frame + *(DWORD *)&info->UnwindCode[i + 1]));
                break;
            case UWOP_SAVE_XMM128:
                set_xmm_reg(context, ptrs, code->OpInfo,
                            (M128A *)(frame + info->UnwindCode[i + 1].FrameOffset * 16));
                break;
            case UWOP_SAVE_XMM128_FAR:
                set_xmm_reg(context, ptrs, code->OpInfo,
                            (M128A *)(frame + *(DWORD *)&info->UnwindCode[i + 1]));
                break;
            case UWOP_PUSH_MACHFRAME:
                if (code->OpInfo)
                    context->Rsp += 8; /* error code */
                context->Rip = *(DWORD64 *)context->Rsp;
                context->SegCs = *(DWORD64 *)(context->Rsp + 8);
                context->EFlags = *(DWORD64 *)(context->Rsp + 16);
                context->Rsp = *(DWORD64 *)(context->Rsp + 24);
                mach_frame = 1;
                break;
            case UWOP_EPILOG:
                break; /* version 2 epilog descriptions: nothing to undo */
            default:
                FIXME("unknown unwind code %u", code->UnwindOp);
                break;
            }
        }
        if (!(info->Flags & UNW_FLAG_CHAININFO))
            break;
        function = (RUNTIME_FUNCTION *)&info->UnwindCode[(info->CountOfCodes + 1) & ~1];
        info = (UNWIND_INFO *)(base + function->UnwindData);
        prolog_offset = ~(DWORD64)0; /* a chained prolog ran in full */
    }
    if (!mach_frame) {
        context->Rip = *(DWORD64 *)context->Rsp;
        context->Rsp += 8;
    }
    /* no handler applies while the prolog has not finished */
    if (!(info->Flags & type) || in_prolog)
        return NULL;
    DWORD *handler = (DWORD *)&info->UnwindCode[(info->CountOfCodes + 1) & ~1];
    *data = handler + 1;
    return (PEXCEPTION_ROUTINE)(base + *handler);
}
