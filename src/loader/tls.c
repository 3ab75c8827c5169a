/* Static TLS from the PE TLS directory: each image with one gets an index;
 * each thread gets a block per image copied from the template, reachable
 * through TEB.ThreadLocalStoragePointer (gs:0x58) exactly as compiled code
 * expects: gs:[0x58][_tls_index] + offset. */
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL loader
#include "debug.h"
#include "loader.h"
#include "process.h"

#define MAX_TLS_MODULES 128

struct tls_template {
    struct module *m;
    const uint8_t *data;
    size_t data_size, zero_fill;
};

static struct tls_template templates[MAX_TLS_MODULES];
static unsigned ntemplates;

static const IMAGE_TLS_DIRECTORY64 *tls_dir(struct module *m)
{
    const IMAGE_DATA_DIRECTORY *d = ldr_dir(m, IMAGE_DIRECTORY_ENTRY_TLS);
    if (!d || d->Size < sizeof(IMAGE_TLS_DIRECTORY64))
        return NULL;
    return ldr_rva(m, d->VirtualAddress, sizeof(IMAGE_TLS_DIRECTORY64));
}

/* VA inside the image, or NULL. */
static void *va(struct module *m, ULONGLONG addr, size_t size)
{
    if (addr < (uintptr_t)m->base)
        return NULL;
    return ldr_rva(m, addr - (uintptr_t)m->base, size);
}

static void alloc_block(TEB *teb, unsigned index)
{
    void **array = teb->ThreadLocalStoragePointer;
    struct tls_template *t = &templates[index];
    uint8_t *b = calloc(1, t->data_size + t->zero_fill + 16);
    if (t->data_size)
        memcpy(b, t->data, t->data_size);
    array[index] = b;
}

void ldr_tls_register(struct module *m)
{
    const IMAGE_TLS_DIRECTORY64 *dir = tls_dir(m);
    if (!dir || ntemplates >= MAX_TLS_MODULES)
        return;
    struct tls_template *t = &templates[ntemplates];
    size_t size = dir->EndAddressOfRawData > dir->StartAddressOfRawData
                      ? dir->EndAddressOfRawData - dir->StartAddressOfRawData : 0;
    t->data = size ? va(m, dir->StartAddressOfRawData, size) : NULL;
    if (size && !t->data) {
        WARN("%s: TLS template outside the image, ignored", m->name);
        return;
    }
    t->m = m;
    t->data_size = size;
    t->zero_fill = dir->SizeOfZeroFill;
    m->tls_index = ntemplates++;
    if (m->ldr)
        m->ldr->TlsIndex = m->tls_index;
    DWORD *index = va(m, dir->AddressOfIndex, 4);
    if (index)
        *index = m->tls_index;
    /* The thread that loads the module gets its block now; threads
     * created later get theirs in ldr_tls_alloc_thread. */
    TEB *teb = nt_current_teb();
    if (teb && teb->ThreadLocalStoragePointer)
        alloc_block(teb, m->tls_index);
    TRACE("%s: TLS index %d, %zu + %zu bytes", m->name, m->tls_index, size,
          t->zero_fill);
}

void ldr_tls_alloc_thread(TEB *teb)
{
    teb->ThreadLocalStoragePointer = calloc(MAX_TLS_MODULES, sizeof(void *));
    for (unsigned i = 0; i < ntemplates; i++)
        if (templates[i].m)
            alloc_block(teb, i);
}

void ldr_tls_free_thread(TEB *teb)
{
    void **array = teb->ThreadLocalStoragePointer;
    if (!array)
        return;
    for (unsigned i = 0; i < ntemplates; i++) /* no index past it was given out */
        free(array[i]);
    free(array);
    teb->ThreadLocalStoragePointer = NULL;
}

void ldr_tls_callbacks(struct module *m, DWORD reason)
{
    const IMAGE_TLS_DIRECTORY64 *dir = tls_dir(m);
    if (!dir || !dir->AddressOfCallBacks)
        return;
    for (unsigned i = 0; i < 256; i++) {
        const ULONGLONG *cb = va(m, dir->AddressOfCallBacks + i * 8, 8);
        if (!cb || !*cb)
            break;
        if (!va(m, *cb, 1)) {
            WARN("%s: TLS callback outside the image", m->name);
            break;
        }
        TRACE("%s: TLS callback %p reason %u", m->name, (void *)*cb, reason);
        ((PIMAGE_TLS_CALLBACK)(uintptr_t)*cb)(m->base, reason, NULL);
    }
}
