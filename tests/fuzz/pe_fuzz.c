/* libFuzzer harness for the PE header validator (make fuzz).
 *
 * pe_parse_headers() is the only thing between an untrusted file and the
 * mapper, so when it accepts an input this harness does what the mapper
 * (src/loader/map.c) does with the result, on a heap copy sized exactly as
 * promised: ASan then turns any promise the validator failed to keep into a
 * crash. Inputs it refuses must come with a sentence. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/loader/pe_parse.h"

/* Larger images are legal but would only test malloc. */
#define MAX_SIMULATED_IMAGE (64u << 20)

/* Inputs fail loudly on the first broken promise, so a crash names the rule. */
#define PROMISE(cond)                                                       \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "validator accepted a file breaking: %s\n",     \
                    #cond);                                                 \
            abort();                                                        \
        }                                                                   \
    } while (0)

/* Undefined behaviour (an overflowing shift, say) is a finding too. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1"; }

/* Header fields may sit at any offset in the file (e_lfanew and
 * SizeOfOptionalHeader are arbitrary), which x86-64 tolerates. */
__attribute__((no_sanitize("alignment")))
static void check_accepted(const uint8_t *data, size_t size,
                           const struct pe_headers *h)
{
    const uint8_t *end = data + size;
    PROMISE(h->nt && (const uint8_t *)h->nt >= data);
    const IMAGE_OPTIONAL_HEADER64 *opt = &h->nt->OptionalHeader;
    PROMISE((const uint8_t *)(opt->DataDirectory + h->ndirs) <= end);
    PROMISE(h->nt->FileHeader.Machine == IMAGE_FILE_MACHINE_AMD64);
    PROMISE(opt->Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC);
    PROMISE(h->ndirs <= IMAGE_NUMBEROF_DIRECTORY_ENTRIES);
    PROMISE(h->nsections == h->nt->FileHeader.NumberOfSections);
    PROMISE((const uint8_t *)(h->sections + h->nsections) <= end);

    uint64_t image = opt->SizeOfImage;
    uint64_t sa = opt->SectionAlignment;
    PROMISE(sa && !(sa & (sa - 1)));
    PROMISE(opt->SizeOfHeaders <= size && opt->SizeOfHeaders <= image);
    PROMISE(opt->AddressOfEntryPoint < image);
    /* map.c reads the NT headers and section table from the mapped copy
     * of the first SizeOfHeaders bytes. */
    PROMISE((const uint8_t *)(h->sections + h->nsections) - data <=
            (ptrdiff_t)opt->SizeOfHeaders);

    for (unsigned i = 0; i < IMAGE_NUMBEROF_DIRECTORY_ENTRIES; i++) {
        const IMAGE_DATA_DIRECTORY *d = &h->dirs[i];
        if (i >= h->ndirs || i == 4)
            PROMISE(!d->VirtualAddress && !d->Size);
        PROMISE((uint64_t)d->VirtualAddress + d->Size <= image);
    }

    uint64_t prev_end = opt->SizeOfHeaders;
    for (unsigned i = 0; i < h->nsections; i++) {
        const IMAGE_SECTION_HEADER *s = &h->sections[i];
        uint64_t vsize = pe_section_vsize(s);
        PROMISE(s->VirtualAddress % sa == 0);
        PROMISE((uint64_t)s->VirtualAddress + vsize <= image);
        if (vsize) {
            PROMISE(s->VirtualAddress >= prev_end);
            prev_end = (uint64_t)s->VirtualAddress + vsize;
        }
        /* Initialised data is in the file, at least the part mapped. */
        uint64_t raw = s->SizeOfRawData < vsize ? s->SizeOfRawData : vsize;
        if (raw && !(s->Characteristics & IMAGE_SCN_CNT_UNINITIALIZED_DATA))
            PROMISE(s->PointerToRawData + raw <= size);
    }

    if (image > MAX_SIMULATED_IMAGE)
        return;
    /* map.c's copies, into a buffer of exactly SizeOfImage bytes. */
    uint8_t *mem = calloc(1, image);
    memcpy(mem, data, opt->SizeOfHeaders);
    for (unsigned i = 0; i < h->nsections; i++) {
        const IMAGE_SECTION_HEADER *s = &h->sections[i];
        uint64_t raw = s->SizeOfRawData, vsize = pe_section_vsize(s);
        if (s->Characteristics & IMAGE_SCN_CNT_UNINITIALIZED_DATA &&
            !s->PointerToRawData)
            raw = 0;
        if (raw > vsize)
            raw = vsize;
        if (s->PointerToRawData + raw > size) /* map.c clamps bss data */
            raw = size > s->PointerToRawData ? size - s->PointerToRawData : 0;
        if (raw)
            memcpy(mem + s->VirtualAddress, data + s->PointerToRawData, raw);
    }
    /* The loader's later view of the headers, through the mapped copy. */
    const IMAGE_DOS_HEADER *dos = (const void *)mem;
    const IMAGE_NT_HEADERS64 *nt = (const void *)(mem + dos->e_lfanew);
    const IMAGE_SECTION_HEADER *sec =
        (const void *)((const uint8_t *)&nt->OptionalHeader +
                       nt->FileHeader.SizeOfOptionalHeader);
    unsigned sum = 0;
    for (unsigned i = 0; i < nt->FileHeader.NumberOfSections; i++)
        sum += sec[i].VirtualAddress + sec[i].Characteristics;
    for (unsigned i = 0; i < h->ndirs; i++)
        sum += nt->OptionalHeader.DataDirectory[i].VirtualAddress;
    mem[opt->AddressOfEntryPoint] += (uint8_t)sum;
    free(mem);
}

/* libFuzzer refuses to start when its first corpus directory (where it
 * saves new inputs: build/fuzz/corpus for make fuzz) does not exist yet. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    for (int i = 1; i < *argc; i++)
        if ((*argv)[i][0] != '-') {
            mkdir((*argv)[i], 0777);
            break;
        }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pe_headers h;
    const char *err = pe_parse_headers(data, size, &h);
    if (err) {
        /* The sentence is printed after "decant: <file>: " as is. */
        size_t n = strlen(err);
        PROMISE(n > 10 && n < 80 && !strchr(err, '\n'));
        return 0;
    }
    check_accepted(data, size, &h);
    return 0;
}
