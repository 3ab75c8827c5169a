/* The end of an unhandled exception: the program's top-level filter gets
 * its say (SetUnhandledExceptionFilter), then decant prints a report in the
 * spirit of Wine's — code and name, where as module+offset, the registers
 * and a backtrace — and ends the process with the exception code as its
 * exit status, which is what a Windows parent sees. */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exception.h"
#include "loader.h"
#include "process.h"
#include "status.h"
#include "thread.h"

static top_filter_fn top_filter;
static int native_symbol(const void *pc, char *name, size_t n);

top_filter_fn seh_set_top_filter(top_filter_fn f)
{
    return __atomic_exchange_n(&top_filter, f, __ATOMIC_ACQ_REL);
}

LONG seh_call_top_filter(EXCEPTION_POINTERS *ptrs)
{
    top_filter_fn f = __atomic_load_n(&top_filter, __ATOMIC_ACQUIRE);
    return f ? f(ptrs) : EXCEPTION_CONTINUE_SEARCH;
}

const char *seh_code_name(DWORD code)
{
    switch (code) {
    case 0xc0000005: return "access violation";
    case 0xc00000fd: return "stack overflow";
    case 0x80000003: return "breakpoint";
    case 0x80000004: return "single step";
    case 0x80000002: return "datatype misalignment";
    case 0x80000001: return "guard page violation";
    case 0xc000001d: return "illegal instruction";
    case 0xc0000096: return "privileged instruction";
    case 0xc0000094: return "integer divide by zero";
    case 0xc0000095: return "integer overflow";
    case 0xc000008c: return "array bounds exceeded";
    case 0xc000008d: return "floating-point denormal operand";
    case 0xc000008e: return "floating-point divide by zero";
    case 0xc000008f: return "floating-point inexact result";
    case 0xc0000090: return "floating-point invalid operation";
    case 0xc0000091: return "floating-point overflow";
    case 0xc0000092: return "floating-point stack check";
    case 0xc0000093: return "floating-point underflow";
    case 0xc00002b4: return "multiple floating-point faults";
    case 0xc00002b5: return "multiple floating-point traps";
    case 0xc0000006: return "in-page error";
    case 0xc0000025: return "noncontinuable exception";
    case 0xc0000026: return "invalid disposition";
    case 0xc0000409: return "stack buffer overrun";
    case 0xc0000417: return "invalid C runtime parameter";
    case 0xe06d7363: return "C++ exception (MSVC)";
    case 0x20474343: return "C++ exception (GCC)";
    default: return "exception";
    }
}

/* The function symbol covering `rva` in the COFF symbol table mingw and
 * clang leave in unstripped images (read from the file: it is not mapped).
 * Writes the name; returns the symbol's RVA, or 0. */
static DWORD coff_symbol(const struct module *m, DWORD rva, char *name, size_t n)
{
    DWORD best = 0;
    if (!m->unix_path || !m->nt->FileHeader.PointerToSymbolTable)
        return 0;
    int fd = open(m->unix_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    off_t end = lseek(fd, 0, SEEK_END);
    uint64_t off = m->nt->FileHeader.PointerToSymbolTable;
    uint64_t count = m->nt->FileHeader.NumberOfSymbols;
    if (off >= (uint64_t)end || count > ((uint64_t)end - off) / 18) {
        close(fd);
        return 0;
    }
    size_t len = end - off;
    uint8_t *data = malloc(len);
    if (!data || pread(fd, data, len, off) != (ssize_t)len) {
        free(data);
        close(fd);
        return 0;
    }
    close(fd);
    const IMAGE_SECTION_HEADER *sec = (const void *)((const uint8_t *)&m->nt->OptionalHeader +
                                                     m->nt->FileHeader.SizeOfOptionalHeader);
    unsigned nsec = m->nt->FileHeader.NumberOfSections;
    const uint8_t *strings = data + count * 18;
    size_t strsize = len - count * 18;
    for (uint64_t i = 0; i < count; i++) {
        const uint8_t *s = data + i * 18;
        DWORD value;
        int16_t secno;
        uint16_t type;
        memcpy(&value, s + 8, 4);
        memcpy(&secno, s + 12, 2);
        memcpy(&type, s + 14, 2);
        uint8_t cls = s[16], aux = s[17];
        if ((type & 0x30) == 0x20 && (cls == 2 || cls == 3) && secno > 0 &&
            (unsigned)secno <= nsec) {
            DWORD sym = sec[secno - 1].VirtualAddress + value;
            if (sym <= rva && sym >= best) {
                best = sym;
                if (s[0] || s[1] || s[2] || s[3]) {
                    snprintf(name, n, "%.8s", (const char *)s);
                } else {
                    DWORD so;
                    memcpy(&so, s + 4, 4);
                    snprintf(name, n, "%s", so < strsize && memchr(strings + so, 0, strsize - so)
                                                ? (const char *)strings + so : "?");
                }
            }
        }
        i += aux;
    }
    free(data);
    return best;
}

/* "module+0xoffset" and, when an export or COFF symbol covers it, the
 * function name with its offset. */
static void describe(DWORD64 pc, char *buf, size_t n)
{
    struct module *m = ldr_find_by_address((void *)pc);
    if (!m) {
        char fn[128];
        if (pc == (DWORD64)call_program_entry_ret)
            snprintf(buf, n, "0x%016llx (decant, where the thread entered the program)",
                     (unsigned long long)pc);
        else if (seh_in_native_code(pc) && native_symbol((void *)pc, fn, sizeof fn))
            snprintf(buf, n, "0x%016llx (decant's %s)", (unsigned long long)pc, fn);
        else if (seh_in_native_code(pc))
            snprintf(buf, n, "0x%016llx (in decant)", (unsigned long long)pc);
        else
            snprintf(buf, n, "0x%016llx", (unsigned long long)pc);
        return;
    }
    DWORD rva = pc - (DWORD64)m->base;
    const char *best = NULL;
    DWORD best_rva = 0;
    const IMAGE_DATA_DIRECTORY *d = ldr_dir(m, IMAGE_DIRECTORY_ENTRY_EXPORT);
    const IMAGE_EXPORT_DIRECTORY *ed = d ? ldr_rva(m, d->VirtualAddress, sizeof *ed) : NULL;
    if (ed) {
        const DWORD *funcs = ldr_rva(m, ed->AddressOfFunctions, ed->NumberOfFunctions * 4ull);
        const DWORD *names = ldr_rva(m, ed->AddressOfNames, ed->NumberOfNames * 4ull);
        const WORD *ords = ldr_rva(m, ed->AddressOfNameOrdinals, ed->NumberOfNames * 2ull);
        for (DWORD i = 0; funcs && names && ords && i < ed->NumberOfNames; i++) {
            if (ords[i] >= ed->NumberOfFunctions)
                continue;
            DWORD f = funcs[ords[i]];
            if (f <= rva && f >= best_rva) {
                best_rva = f;
                best = ldr_rva_str(m, names[i]);
            }
        }
    }
    char sym[128];
    DWORD sym_rva = coff_symbol(m, rva, sym, sizeof sym);
    if (sym_rva && sym_rva >= best_rva)
        snprintf(buf, n, "%s+0x%x (%s+0x%x)", m->name, rva, sym, rva - sym_rva);
    else if (best)
        snprintf(buf, n, "%s+0x%x (%s+0x%x)", m->name, rva, best, rva - best_rva);
    else
        snprintf(buf, n, "%s+0x%x", m->name, rva);
}


/* The name of decant's own function containing `pc`, from the symbol
 * table of decant's executable (read from /proc/self/exe, only when a
 * report needs it). */
static int native_symbol(const void *pc, char *name, size_t n)
{
    extern char __executable_start[];
    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    Elf64_Ehdr eh;
    int found = 0;
    if (pread(fd, &eh, sizeof eh, 0) != sizeof eh || eh.e_shentsize != sizeof(Elf64_Shdr)) {
        close(fd);
        return 0;
    }
    Elf64_Shdr *sh = malloc((size_t)eh.e_shnum * sizeof *sh);
    if (sh && pread(fd, sh, eh.e_shnum * sizeof *sh, eh.e_shoff) ==
                  (ssize_t)(eh.e_shnum * sizeof *sh)) {
        uint64_t target = (uintptr_t)pc - (uintptr_t)__executable_start, best = 0;
        for (unsigned i = 0; i < eh.e_shnum && !found; i++) {
            if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh.e_shnum)
                continue;
            size_t count = sh[i].sh_size / sizeof(Elf64_Sym);
            Elf64_Sym *syms = malloc(sh[i].sh_size);
            const Elf64_Shdr *strs = &sh[sh[i].sh_link];
            char *str = malloc(strs->sh_size + 1);
            if (syms && str && pread(fd, syms, sh[i].sh_size, sh[i].sh_offset) ==
                                   (ssize_t)sh[i].sh_size &&
                pread(fd, str, strs->sh_size, strs->sh_offset) == (ssize_t)strs->sh_size) {
                str[strs->sh_size] = 0;
                for (size_t k = 0; k < count; k++)
                    if (ELF64_ST_TYPE(syms[k].st_info) == STT_FUNC && syms[k].st_value <= target &&
                        target < syms[k].st_value + syms[k].st_size &&
                        syms[k].st_name < strs->sh_size && syms[k].st_value >= best) {
                        best = syms[k].st_value;
                        snprintf(name, n, "%s", str + syms[k].st_name);
                        found = 1;
                    }
            }
            free(syms);
            free(str);
        }
    }
    free(sh);
    close(fd);
    return found;
}

void seh_report_native_boundary(const EXCEPTION_RECORD *rec)
{
    char line[512], fn[128];
    int n;
    if (native_symbol((void *)seh_native_boundary, fn, sizeof fn))
        n = snprintf(line, sizeof line,
                     "decant: exception 0x%08x (%s) raised in a callback from decant's %s: "
                     "decant does not unwind through its own native code, so the "
                     "callback's callers do not see it\n",
                     rec->ExceptionCode, seh_code_name(rec->ExceptionCode), fn);
    else
        n = snprintf(line, sizeof line,
                     "decant: exception 0x%08x (%s) not passed on through decant's native code\n",
                     rec->ExceptionCode, seh_code_name(rec->ExceptionCode));
    ssize_t r = write(2, line, n);
    (void)r;
}

static void report(EXCEPTION_RECORD *rec, CONTEXT *c)
{
    char where[256], line[512];
    FILE *f = fdopen(dup(2), "w");
    if (!f)
        return;
    describe((DWORD64)rec->ExceptionAddress, where, sizeof where);
    fprintf(f, "decant: unhandled exception 0x%08x (%s) at %s\n", rec->ExceptionCode,
            seh_code_name(rec->ExceptionCode), where);
    if ((rec->ExceptionCode == 0xc0000005 || rec->ExceptionCode == 0xc00000fd) &&
        rec->NumberParameters >= 2) {
        const char *what = rec->ExceptionInformation[0] == 1 ? "writing"
                         : rec->ExceptionInformation[0] == 8 ? "executing" : "reading";
        fprintf(f, "decant:   %s address 0x%016llx\n", what,
                (unsigned long long)rec->ExceptionInformation[1]);
    }
    snprintf(line, sizeof line,
             "decant:   rax=%016llx rbx=%016llx rcx=%016llx rdx=%016llx\n"
             "decant:   rsi=%016llx rdi=%016llx rbp=%016llx rsp=%016llx\n"
             "decant:    r8=%016llx  r9=%016llx r10=%016llx r11=%016llx\n"
             "decant:   r12=%016llx r13=%016llx r14=%016llx r15=%016llx\n"
             "decant:   rip=%016llx eflags=%08x\n",
             (unsigned long long)c->Rax, (unsigned long long)c->Rbx,
             (unsigned long long)c->Rcx, (unsigned long long)c->Rdx,
             (unsigned long long)c->Rsi, (unsigned long long)c->Rdi,
             (unsigned long long)c->Rbp, (unsigned long long)c->Rsp,
             (unsigned long long)c->R8, (unsigned long long)c->R9,
             (unsigned long long)c->R10, (unsigned long long)c->R11,
             (unsigned long long)c->R12, (unsigned long long)c->R13,
             (unsigned long long)c->R14, (unsigned long long)c->R15,
             (unsigned long long)c->Rip, c->EFlags);
    fputs(line, f);
    fprintf(f, "decant: backtrace:\n");
    CONTEXT w = *c;
    TEB *teb = nt_current_teb();
    for (int i = 0; i < 32 && w.Rip; i++) {
        describe(w.Rip, where, sizeof where);
        fprintf(f, "decant:   #%-2d %s\n", i, where);
        if (seh_in_native_code(w.Rip) || !teb || w.Rsp < (DWORD64)teb->DeallocationStack ||
            w.Rsp >= (DWORD64)teb->Tib.StackBase)
            break;
        DWORD64 base, frame;
        PVOID data;
        RUNTIME_FUNCTION *fe = RtlLookupFunctionEntry(w.Rip, &base, NULL);
        if (fe) {
            RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, w.Rip, fe, &w, &data, &frame, NULL);
        } else {
            w.Rip = *(DWORD64 *)w.Rsp;
            w.Rsp += 8;
        }
    }
    fclose(f);
}

void seh_unhandled(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    EXCEPTION_POINTERS ptrs = {rec, ctx};
    LONG r = seh_call_top_filter(&ptrs);
    if (r == EXCEPTION_CONTINUE_EXECUTION && !(rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE))
        seh_continue(rec, ctx);
    /* EXCEPTION_EXECUTE_HANDLER: the filter handled it; end quietly */
    if (r != EXCEPTION_EXECUTE_HANDLER)
        report(rec, ctx);
    process_terminate(rec->ExceptionCode);
}
