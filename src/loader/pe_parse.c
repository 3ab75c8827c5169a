/* PE header validation. Every offset and size is checked against the file
 * size in 64-bit arithmetic, so no sum can wrap. The rules follow what the
 * Windows loader refuses; where Windows tolerates a defect (too many data
 * directories, an empty section), so do we. */
#include "pe_parse.h"

#include <stdio.h>
#include <string.h>

#define MAX_SECTIONS 96 /* the Windows loader's own limit */

/* e_lfanew and SizeOfOptionalHeader put the headers at any file offset, and
 * Windows (like Wine) loads such files; x86-64 loads need no alignment, so
 * only the sanitizer's alignment check has to be told. */
#define HEADERS_ANY_OFFSET __attribute__((no_sanitize("alignment")))

static const char *directory_names[IMAGE_NUMBEROF_DIRECTORY_ENTRIES] = {
    "export", "import", "resource", "exception", "security", "relocation",
    "debug", "architecture", "global pointer", "TLS", "load config",
    "bound import", "IAT", "delay import", "CLR", "reserved"};

static int is_pow2(uint64_t x) { return x && !(x & (x - 1)); }

HEADERS_ANY_OFFSET
DWORD pe_section_vsize(const IMAGE_SECTION_HEADER *s)
{
    return s->VirtualSize ? s->VirtualSize : s->SizeOfRawData;
}

static const char *check_machine(WORD machine)
{
    switch (machine) {
    case IMAGE_FILE_MACHINE_AMD64:
        return NULL;
    case IMAGE_FILE_MACHINE_I386:
        return "32-bit programs are not supported yet";
    case IMAGE_FILE_MACHINE_ARM64:
        return "ARM64 programs are not supported (decant runs x86-64 only)";
    case IMAGE_FILE_MACHINE_ARMNT:
        return "ARM programs are not supported (decant runs x86-64 only)";
    default:
        return "bad PE: unknown machine type";
    }
}

HEADERS_ANY_OFFSET
static const char *check_directories(struct pe_headers *h)
{
    static char msg[80];
    const IMAGE_OPTIONAL_HEADER64 *opt = &h->nt->OptionalHeader;
    for (unsigned i = 0; i < h->ndirs; i++) {
        const IMAGE_DATA_DIRECTORY *d = &opt->DataDirectory[i];
        h->dirs[i] = *d;
        /* The security directory holds a file offset, not an RVA, and is
         * never mapped. An entry with a zero address or size is absent. */
        if (i == 4 || !d->VirtualAddress || !d->Size) {
            h->dirs[i].VirtualAddress = h->dirs[i].Size = 0;
            continue;
        }
        if ((uint64_t)d->VirtualAddress + d->Size > opt->SizeOfImage) {
            /* No loader reads the debug, architecture, global pointer or
             * reserved entries, and Windows (like Wine) runs files with
             * garbage there: drop them as absent instead. */
            if (i == IMAGE_DIRECTORY_ENTRY_DEBUG || i == 7 || i == 8 ||
                i == 15) {
                h->dirs[i].VirtualAddress = h->dirs[i].Size = 0;
                continue;
            }
            snprintf(msg, sizeof msg, "bad PE: %s directory outside the image",
                     directory_names[i]);
            return msg;
        }
    }
    return NULL;
}

HEADERS_ANY_OFFSET
static const char *check_sections(const struct pe_headers *h, size_t size)
{
    const IMAGE_OPTIONAL_HEADER64 *opt = &h->nt->OptionalHeader;
    uint64_t next = opt->SizeOfHeaders; /* sections follow headers, ascending */
    for (unsigned i = 0; i < h->nsections; i++) {
        const IMAGE_SECTION_HEADER *s = &h->sections[i];
        uint64_t vsize = pe_section_vsize(s);
        if (s->VirtualAddress % opt->SectionAlignment)
            return "bad PE: section not aligned to SectionAlignment";
        if (s->VirtualAddress < next && vsize)
            return "bad PE: sections overlap or are out of order";
        if ((uint64_t)s->VirtualAddress + vsize > opt->SizeOfImage)
            return "bad PE: section extends past SizeOfImage";
        if (s->SizeOfRawData && !(s->Characteristics &
                                  IMAGE_SCN_CNT_UNINITIALIZED_DATA)) {
            if ((uint64_t)s->PointerToRawData + s->SizeOfRawData > size) {
                /* Linkers round the last section's raw size up to
                 * FileAlignment even when the file ends sooner; Windows
                 * maps what is there as long as the VirtualSize part is. */
                uint64_t need = s->SizeOfRawData < vsize ? s->SizeOfRawData
                                                         : vsize;
                if ((uint64_t)s->PointerToRawData + need > size)
                    return "truncated file: section data past end of file";
            }
        }
        if (vsize)
            next = (uint64_t)s->VirtualAddress + vsize;
    }
    return NULL;
}

HEADERS_ANY_OFFSET
const char *pe_parse_headers(const void *data, size_t size,
                             struct pe_headers *h)
{
    const uint8_t *base = data;
    memset(h, 0, sizeof *h);
    if (size < 2 || base[0] != 'M' || base[1] != 'Z')
        return "not a Windows executable (no MZ header)";
    if (size < sizeof(IMAGE_DOS_HEADER))
        return "truncated file: DOS header incomplete";
    const IMAGE_DOS_HEADER *dos = data;
    uint64_t nt_off = (uint32_t)dos->e_lfanew;
    if (dos->e_lfanew < 0 || nt_off + 4 + sizeof(IMAGE_FILE_HEADER) > size)
        return "not a PE file (e_lfanew points past the end of the file)";
    const IMAGE_NT_HEADERS64 *nt = (const void *)(base + nt_off);
    if (nt->Signature != IMAGE_NT_SIGNATURE)
        return "not a PE file (an MS-DOS or other MZ executable)";
    const char *err = check_machine(nt->FileHeader.Machine);
    if (err)
        return err;

    uint64_t opt_off = nt_off + 4 + sizeof(IMAGE_FILE_HEADER);
    uint64_t opt_size = nt->FileHeader.SizeOfOptionalHeader;
    if (opt_off + 2 > size)
        return "truncated file: optional header missing";
    const IMAGE_OPTIONAL_HEADER64 *opt = &nt->OptionalHeader;
    if (opt->Magic == IMAGE_NT_OPTIONAL_HDR32_MAGIC)
        return "32-bit programs are not supported yet";
    if (opt->Magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC)
        return "bad PE: unknown optional header magic";
    uint64_t fixed = offsetof(IMAGE_OPTIONAL_HEADER64, DataDirectory);
    if (opt_size < fixed)
        return "bad PE: optional header too small";
    if (opt_off + fixed > size)
        return "truncated file: optional header incomplete";
    h->ndirs = opt->NumberOfRvaAndSizes < IMAGE_NUMBEROF_DIRECTORY_ENTRIES
                   ? opt->NumberOfRvaAndSizes
                   : IMAGE_NUMBEROF_DIRECTORY_ENTRIES;
    if (fixed + h->ndirs * sizeof(IMAGE_DATA_DIRECTORY) > opt_size)
        h->ndirs = (opt_size - fixed) / sizeof(IMAGE_DATA_DIRECTORY);
    if (opt_off + fixed + h->ndirs * sizeof(IMAGE_DATA_DIRECTORY) > size)
        return "truncated file: data directories incomplete";

    if (!is_pow2(opt->SectionAlignment) || !is_pow2(opt->FileAlignment))
        return "bad PE: alignment is not a power of two";
    if (opt->FileAlignment > opt->SectionAlignment)
        return "bad PE: FileAlignment larger than SectionAlignment";
    if (opt->SectionAlignment < 4096 &&
        opt->FileAlignment != opt->SectionAlignment)
        return "bad PE: small SectionAlignment differs from FileAlignment";
    if (!opt->SizeOfImage)
        return "bad PE: SizeOfImage is zero";
    if (opt->SizeOfHeaders > opt->SizeOfImage)
        return "bad PE: headers larger than the image";
    if (opt->SizeOfHeaders > size)
        return "truncated file: headers incomplete";
    if (opt->AddressOfEntryPoint >= opt->SizeOfImage)
        return "bad PE: entry point outside the image";
    if (opt->ImageBase & 0xffff)
        return "bad PE: ImageBase not a multiple of 64 KiB";

    uint64_t sec_off = opt_off + opt_size;
    h->nsections = nt->FileHeader.NumberOfSections;
    if (h->nsections > MAX_SECTIONS)
        return "bad PE: too many sections";
    uint64_t sec_end =
        sec_off + (uint64_t)h->nsections * sizeof(IMAGE_SECTION_HEADER);
    if (sec_end > size)
        return "truncated file: section table incomplete";
    /* The mapper copies only SizeOfHeaders bytes to the image base and the
     * loader then reads the NT headers and section table from there, so
     * they must lie inside. link.exe and ld always make it so; Wine, which
     * maps the file's whole first page, also runs files that do not. */
    if (sec_end > opt->SizeOfHeaders)
        return "bad PE: section table outside SizeOfHeaders";
    h->nt = nt;
    h->sections = (const void *)(base + sec_off);
    if ((err = check_sections(h, size)) || (err = check_directories(h)))
        return err;
    return NULL;
}
