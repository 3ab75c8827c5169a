/* Traps for imports decant does not implement. Resolving one costs a small
 * stub; only calling it stops the program, with one line that names the
 * function and the caller (DESIGN.md §3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <pthread.h>

#include "loader.h"
#include "process.h"
#include "status.h"

struct unimpl_desc {
    char dll[64];
    char func[128];
    WORD ordinal;
};

/* Entered by jmp from a stub with rdi = desc and the caller's return
 * address at [rsp]; never returns. */
__attribute__((noreturn, used)) static void unimpl_report(struct unimpl_desc *d,
                                                         void *ret)
{
    char where[320];
    struct module *m = ldr_find_by_address(ret);
    if (m)
        snprintf(where, sizeof where, "%s+0x%lx", m->name,
                 (unsigned long)((uint8_t *)ret - m->base));
    else
        snprintf(where, sizeof where, "%p", ret);
    if (d->func[0])
        fprintf(stderr, "decant: unimplemented: %s!%s called from %s\n",
                d->dll, d->func, where);
    else
        fprintf(stderr, "decant: unimplemented: %s ordinal %u called from %s\n",
                d->dll, d->ordinal, where);
    process_terminate(STATUS_ENTRYPOINT_NOT_FOUND);
}

__asm__(".text\n"
        ".type unimpl_trampoline,@function\n"
        "unimpl_trampoline:\n"
        "    mov (%rsp), %rsi\n"
        "    and $-16, %rsp\n"
        "    call unimpl_report\n"
        "    ud2\n");
void unimpl_trampoline(void);

#define STUB_SIZE 32
static uint8_t *pool;
static size_t pool_used, pool_size;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;

void *ldr_unimplemented_stub(const char *dll, const char *func, WORD ordinal)
{
    struct unimpl_desc *d = calloc(1, sizeof *d);
    snprintf(d->dll, sizeof d->dll, "%s", dll);
    if (func)
        snprintf(d->func, sizeof d->func, "%s", func);
    d->ordinal = ordinal;

    pthread_mutex_lock(&pool_lock);
    if (!pool || pool_used + STUB_SIZE > pool_size) {
        pool_size = 0x10000;
        pool = mmap(NULL, pool_size, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        pool_used = 0;
    }
    uint8_t *s = pool + pool_used;
    pool_used += STUB_SIZE;
    uint8_t *page = (uint8_t *)((uintptr_t)s & ~(uintptr_t)0xfff);
    mprotect(page, 0x1000, PROT_READ | PROT_WRITE);
    uint64_t a = (uintptr_t)d, h = (uintptr_t)unimpl_trampoline;
    s[0] = 0x48, s[1] = 0xbf;           /* mov rdi, imm64 */
    memcpy(s + 2, &a, 8);
    s[10] = 0x49, s[11] = 0xbb;         /* mov r11, imm64 */
    memcpy(s + 12, &h, 8);
    s[20] = 0x41, s[21] = 0xff, s[22] = 0xe3; /* jmp r11 */
    mprotect(page, 0x1000, PROT_READ | PROT_EXEC);
    pthread_mutex_unlock(&pool_lock);
    return s;
}
