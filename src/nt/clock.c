/* The vDSO's clock_gettime, found by name in the image the kernel maps
 * into every process (see clock.h for why decant calls it directly). */
#include <elf.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>

#include "clock.h"

/* What clock_vdso_gettime is when the kernel offers no vDSO: the system
 * call itself, which touches no xmm register either. */
long clock_syscall_gettime(clockid_t id, struct timespec *ts);
_Static_assert(SYS_clock_gettime == 228, "x86-64 system call number");
asm(".text\n"
    ".globl clock_syscall_gettime\n"
    ".type clock_syscall_gettime, @function\n"
    "clock_syscall_gettime:\n\t"
    "mov $228, %eax\n\t"
    "syscall\n\t"
    "ret\n"
    ".size clock_syscall_gettime, . - clock_syscall_gettime\n");

long (*clock_vdso_gettime)(clockid_t, struct timespec *) = clock_syscall_gettime;

/* A function the vDSO defines, by name: its dynamic symbol table, walked
 * through the DT_HASH chain count (the vDSO is small). */
static void *vdso_symbol(const char *name)
{
    const unsigned char *base = (const void *)getauxval(AT_SYSINFO_EHDR);
    if (!base)
        return NULL;
    const Elf64_Ehdr *eh = (const void *)base;
    const Elf64_Phdr *ph = (const void *)(base + eh->e_phoff);
    const Elf64_Dyn *dyn = NULL;
    intptr_t bias = 0;
    int loaded = 0;
    for (int i = 0; i < eh->e_phnum; i++) {
        if (ph[i].p_type == PT_LOAD && !loaded++)
            bias = (intptr_t)base + ph[i].p_offset - ph[i].p_vaddr;
        else if (ph[i].p_type == PT_DYNAMIC)
            dyn = (const void *)(base + ph[i].p_offset);
    }
    if (!dyn || !loaded)
        return NULL;
    const Elf64_Sym *sym = NULL;
    const char *str = NULL;
    const Elf32_Word *hash = NULL;
    for (; dyn->d_tag != DT_NULL; dyn++) {
        if (dyn->d_tag == DT_SYMTAB)
            sym = (const void *)(bias + dyn->d_un.d_ptr);
        else if (dyn->d_tag == DT_STRTAB)
            str = (const void *)(bias + dyn->d_un.d_ptr);
        else if (dyn->d_tag == DT_HASH)
            hash = (const void *)(bias + dyn->d_un.d_ptr);
    }
    if (!sym || !str || !hash)
        return NULL;
    for (Elf32_Word i = 0; i < hash[1]; i++)  /* hash[1]: nchain = symbols */
        if (ELF64_ST_TYPE(sym[i].st_info) == STT_FUNC && sym[i].st_shndx != SHN_UNDEF &&
            !strcmp(str + sym[i].st_name, name))
            return (void *)(bias + sym[i].st_value);
    return NULL;
}

void clock_init(void)
{
    void *fn = vdso_symbol("__vdso_clock_gettime");
    if (fn)
        clock_vdso_gettime = (long (*)(clockid_t, struct timespec *))fn;
}
