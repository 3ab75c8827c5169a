/* The PE header validator against a corpus of malformed images: each case
 * starts from one valid minimal PE32+ image and breaks one field, and names
 * the exact sentence decant must print after "decant: <file>: ". The valid
 * variants at the end are files Windows loads, which decant must accept. */
#include <stdio.h>
#include <string.h>

#include "../../src/loader/pe_parse.h"

/* The base image: headers in the first 0x200 bytes, .text at RVA 0x1000
 * (file 0x200), .data at RVA 0x2000 (file 0x400), SizeOfImage 0x3000. */
#define FILE_SIZE 0x600
struct img {
    union {
        uint8_t buf[0x4000]; /* room for cases that grow the file */
        IMAGE_DOS_HEADER dos;
    };
    size_t size;
    IMAGE_NT_HEADERS64 *nt;
    IMAGE_OPTIONAL_HEADER64 *opt;
    IMAGE_SECTION_HEADER *sec;
};

static void set_section(IMAGE_SECTION_HEADER *s, const char *name, DWORD va,
                        DWORD vsize, DWORD raw_off, DWORD raw_size, DWORD flags)
{
    memcpy(s->Name, name, strlen(name));
    s->VirtualAddress = va;
    s->VirtualSize = vsize;
    s->PointerToRawData = raw_off;
    s->SizeOfRawData = raw_size;
    s->Characteristics = flags;
}

static void make_image(struct img *m)
{
    memset(m, 0, sizeof *m);
    m->size = FILE_SIZE;
    m->dos.e_magic = IMAGE_DOS_SIGNATURE;
    m->dos.e_lfanew = 0x40;
    m->nt = (IMAGE_NT_HEADERS64 *)(m->buf + 0x40);
    m->opt = &m->nt->OptionalHeader;
    m->sec = (IMAGE_SECTION_HEADER *)(m->nt + 1);

    m->nt->Signature = IMAGE_NT_SIGNATURE;
    m->nt->FileHeader.Machine = IMAGE_FILE_MACHINE_AMD64;
    m->nt->FileHeader.NumberOfSections = 2;
    m->nt->FileHeader.SizeOfOptionalHeader = sizeof(IMAGE_OPTIONAL_HEADER64);
    m->nt->FileHeader.Characteristics = IMAGE_FILE_EXECUTABLE_IMAGE;
    m->opt->Magic = IMAGE_NT_OPTIONAL_HDR64_MAGIC;
    m->opt->AddressOfEntryPoint = 0x1000;
    m->opt->ImageBase = 0x140000000;
    m->opt->SectionAlignment = 0x1000;
    m->opt->FileAlignment = 0x200;
    m->opt->MajorSubsystemVersion = 6;
    m->opt->SizeOfImage = 0x3000;
    m->opt->SizeOfHeaders = 0x200;
    m->opt->Subsystem = IMAGE_SUBSYSTEM_WINDOWS_CUI;
    m->opt->NumberOfRvaAndSizes = IMAGE_NUMBEROF_DIRECTORY_ENTRIES;
    m->opt->DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT] =
        (IMAGE_DATA_DIRECTORY){0x2000, 40};
    set_section(&m->sec[0], ".text", 0x1000, 0x10, 0x200, 0x200,
                IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_EXECUTE |
                    IMAGE_SCN_MEM_READ);
    set_section(&m->sec[1], ".data", 0x2000, 0x100, 0x400, 0x200,
                IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ |
                    IMAGE_SCN_MEM_WRITE);
    m->buf[0x200] = 0xc3; /* ret */
}

/* Moves the section table so it follows an optional header of `size`. */
static void resize_optional_header(struct img *m, WORD size)
{
    uint8_t *to = (uint8_t *)m->opt + size;
    memmove(to, m->sec, 2 * sizeof *m->sec);
    m->sec = (IMAGE_SECTION_HEADER *)to;
    m->nt->FileHeader.SizeOfOptionalHeader = size;
}

/* Moves the NT headers and section table to file offset `off`, which may
 * leave them misaligned, as Windows allows. */
#define ANY_OFFSET __attribute__((no_sanitize("alignment")))
ANY_OFFSET static void move_nt_headers(struct img *m, LONG off)
{
    size_t sec_off = (uint8_t *)m->sec - (uint8_t *)m->nt;
    uint8_t *to = m->buf + off;
    memmove(to, m->nt, sec_off + 2 * sizeof *m->sec);
    m->sec = (IMAGE_SECTION_HEADER *)(to + sec_off);
    m->nt = (IMAGE_NT_HEADERS64 *)to;
    m->opt = &m->nt->OptionalHeader;
    m->dos.e_lfanew = off;
}

/* Inputs found by tests/fuzz/pe_fuzz.c, as rows of 16 bytes (others zero). */
struct row {
    unsigned offset;
    const char bytes[17];
};

static void load_rows(struct img *m, const struct row *rows, size_t n,
                      size_t size)
{
    memset(m->buf, 0, sizeof m->buf);
    for (size_t i = 0; i < n; i++)
        memcpy(m->buf + rows[i].offset, rows[i].bytes, 16);
    m->size = size;
}

/* SizeOfHeaders 0 and SizeOfImage 6, once accepted: the mapper copied no
 * headers, and the loader, which reads the NT headers and section table from
 * the mapped copy, read them past the end of the image. */
static const struct row fuzz_headers_outside_image[] = {
    {0x000, "\x4d\x5a\x00\x87\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"},
    {0x030, "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x40\x00\x00\x00"},
    {0x040, "\x50\x45\x00\x00\x64\x86\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"},
    {0x050, "\x00\x00\x00\x00\xf0\x00\x2a\x00\x0b\x02\x00\x00\x00\x00\x00\x00"},
    {0x060, "\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x10\x00"},
    {0x070, "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x40\x01\x00\x00\x00"},
    {0x080, "\x00\x10\x00\x00\x00\x02\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00"},
    {0x090, "\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"},
    {0x0d0, "\x00\x00\x40\x00\x00\x00\x50\x45\x00\x00\x64\x86\x03\x00\x00\x00"},
    {0x0e0, "\x00\x00\x00\x2e\x74\x65\x78\x74\x00\x00\x00\x79\x00\x00\x00\x00"},
    {0x0f0, "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04"},
    {0x120, "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04\x00"},
};

#define DIR(i) m->opt->DataDirectory[IMAGE_DIRECTORY_ENTRY_##i]

/* Each case: a name, the change, and the expected sentence (NULL = valid). */
#define CASES(X)                                                              \
    X(valid_base, (void)m, NULL)                                              \
    /* --- the DOS header --- */                                              \
    X(empty_file, m->size = 0, "not a Windows executable (no MZ header)")     \
    X(one_byte, m->size = 1, "not a Windows executable (no MZ header)")       \
    X(no_mz, m->buf[0] = 'X', "not a Windows executable (no MZ header)")      \
    X(text_file, memcpy(m->buf, "hello\n", 7); m->size = 6,                   \
      "not a Windows executable (no MZ header)")                              \
    X(truncated_dos_header, m->size = 0x3f,                                   \
      "truncated file: DOS header incomplete")                                \
    X(e_lfanew_past_end, m->dos.e_lfanew = 0x10000,                           \
      "not a PE file (e_lfanew points past the end of the file)")             \
    X(e_lfanew_negative, m->dos.e_lfanew = -8,                                \
      "not a PE file (e_lfanew points past the end of the file)")             \
    X(file_header_cut, m->size = 0x40 + 4 + 19,                               \
      "not a PE file (e_lfanew points past the end of the file)")             \
    X(no_pe_signature, m->nt->Signature = 0x00004550 | 0x0f00,                \
      "not a PE file (an MS-DOS or other MZ executable)")                     \
    /* --- machine and optional header --- */                                 \
    X(machine_i386, m->nt->FileHeader.Machine = IMAGE_FILE_MACHINE_I386,      \
      "32-bit programs are not supported yet")                                \
    X(machine_arm64, m->nt->FileHeader.Machine = IMAGE_FILE_MACHINE_ARM64,    \
      "ARM64 programs are not supported (decant runs x86-64 only)")           \
    X(machine_armnt, m->nt->FileHeader.Machine = IMAGE_FILE_MACHINE_ARMNT,    \
      "ARM programs are not supported (decant runs x86-64 only)")             \
    X(machine_unknown, m->nt->FileHeader.Machine = 0x1234,                    \
      "bad PE: unknown machine type")                                         \
    X(magic_pe32, m->opt->Magic = IMAGE_NT_OPTIONAL_HDR32_MAGIC,              \
      "32-bit programs are not supported yet")                                \
    X(magic_rom, m->opt->Magic = 0x107,                                       \
      "bad PE: unknown optional header magic")                                \
    X(no_optional_header, m->size = 0x40 + 4 + 20,                            \
      "truncated file: optional header missing")                              \
    X(optional_header_size_zero, m->nt->FileHeader.SizeOfOptionalHeader = 0,  \
      "bad PE: optional header too small")                                    \
    X(optional_header_too_small, m->nt->FileHeader.SizeOfOptionalHeader = 111,\
      "bad PE: optional header too small")                                    \
    X(optional_header_cut, m->size = 0x40 + 4 + 20 + 100,                     \
      "truncated file: optional header incomplete")                           \
    X(data_directories_cut, m->size = 0x40 + 4 + 20 + 112 + 20,               \
      "truncated file: data directories incomplete")                          \
    /* --- layout fields --- */                                               \
    X(section_alignment_not_pow2, m->opt->SectionAlignment = 0x1800,          \
      "bad PE: alignment is not a power of two")                              \
    X(section_alignment_zero, m->opt->SectionAlignment = 0,                   \
      "bad PE: alignment is not a power of two")                              \
    X(file_alignment_zero, m->opt->FileAlignment = 0,                         \
      "bad PE: alignment is not a power of two")                              \
    X(file_alignment_above_section, m->opt->FileAlignment = 0x2000,           \
      "bad PE: FileAlignment larger than SectionAlignment")                   \
    X(small_alignment_mismatch, m->opt->SectionAlignment = 0x800,             \
      "bad PE: small SectionAlignment differs from FileAlignment")            \
    X(size_of_image_zero, m->opt->SizeOfImage = 0,                            \
      "bad PE: SizeOfImage is zero")                                          \
    X(headers_larger_than_image, m->opt->SizeOfHeaders = 0x4000,              \
      "bad PE: headers larger than the image")                                \
    X(headers_past_end_of_file, m->opt->SizeOfHeaders = 0x800,                \
      "truncated file: headers incomplete")                                   \
    X(entry_point_at_end, m->opt->AddressOfEntryPoint = 0x3000,               \
      "bad PE: entry point outside the image")                                \
    X(entry_point_far, m->opt->AddressOfEntryPoint = 0xfffffff0,              \
      "bad PE: entry point outside the image")                                \
    X(image_base_unaligned, m->opt->ImageBase = 0x140001000,                  \
      "bad PE: ImageBase not a multiple of 64 KiB")                           \
    /* --- the section table --- */                                           \
    X(too_many_sections, m->nt->FileHeader.NumberOfSections = 97,             \
      "bad PE: too many sections")                                            \
    X(max_sections_cut, m->nt->FileHeader.NumberOfSections = 96,              \
      "truncated file: section table incomplete")                             \
    X(section_table_cut, m->nt->FileHeader.NumberOfSections = 40,             \
      "truncated file: section table incomplete")                             \
    X(section_table_past_headers, m->nt->FileHeader.NumberOfSections = 9,     \
      "bad PE: section table outside SizeOfHeaders")                          \
    X(section_table_past_headers_small,                                       \
      m->opt->SizeOfHeaders = 0x190,                                          \
      "bad PE: section table outside SizeOfHeaders")                          \
    X(section_unaligned, m->sec[1].VirtualAddress = 0x2100,                   \
      "bad PE: section not aligned to SectionAlignment")                      \
    X(sections_out_of_order,                                                  \
      m->sec[0].VirtualAddress = 0x2000; m->sec[1].VirtualAddress = 0x1000,   \
      "bad PE: sections overlap or are out of order")                         \
    X(sections_overlap, m->sec[0].VirtualSize = 0x1001,                       \
      "bad PE: sections overlap or are out of order")                         \
    X(section_over_headers, m->sec[0].VirtualAddress = 0,                     \
      "bad PE: sections overlap or are out of order")                         \
    X(section_past_image, m->sec[1].VirtualSize = 0x1001,                     \
      "bad PE: section extends past SizeOfImage")                             \
    X(section_far_past_image, m->sec[1].VirtualAddress = 0xfffff000,          \
      "bad PE: section extends past SizeOfImage")                             \
    X(raw_data_past_end, m->sec[1].PointerToRawData = 0x600,                  \
      "truncated file: section data past end of file")                        \
    X(raw_data_pointer_wraps, m->sec[1].PointerToRawData = 0xffffff00,        \
      "truncated file: section data past end of file")                        \
    X(file_cut_inside_section, m->size = 0x480,                               \
      "truncated file: section data past end of file")                        \
    /* --- data directories --- */                                            \
    X(export_outside, DIR(EXPORT) = ((IMAGE_DATA_DIRECTORY){0x2f00, 0x101}),  \
      "bad PE: export directory outside the image")                           \
    X(import_outside, DIR(IMPORT) = ((IMAGE_DATA_DIRECTORY){0x3000, 20}),     \
      "bad PE: import directory outside the image")                           \
    X(import_wraps, DIR(IMPORT) = ((IMAGE_DATA_DIRECTORY){0xfffffff0, 0x20}), \
      "bad PE: import directory outside the image")                           \
    X(import_size_huge, DIR(IMPORT) = ((IMAGE_DATA_DIRECTORY){0x2000, ~0u}),  \
      "bad PE: import directory outside the image")                           \
    X(relocation_outside,                                                     \
      DIR(BASERELOC) = ((IMAGE_DATA_DIRECTORY){0x2ff0, 0x14}),                \
      "bad PE: relocation directory outside the image")                       \
    X(tls_outside, DIR(TLS) = ((IMAGE_DATA_DIRECTORY){0x4000, 0x28}),         \
      "bad PE: TLS directory outside the image")                              \
    X(delay_import_outside,                                                   \
      DIR(DELAY_IMPORT) = ((IMAGE_DATA_DIRECTORY){0x3000, 0x20}),             \
      "bad PE: delay import directory outside the image")                     \
    X(fuzz_headers_outside_image,                                             \
      load_rows(m, fuzz_headers_outside_image,                                \
                sizeof fuzz_headers_outside_image / sizeof(struct row), 368),\
      "bad PE: section table outside SizeOfHeaders")                          \
    /* --- valid variants Windows loads --- */                                \
    X(many_rva_and_sizes, m->opt->NumberOfRvaAndSizes = 0x100, NULL)          \
    X(zero_rva_and_sizes, m->opt->NumberOfRvaAndSizes = 0, NULL)              \
    X(no_data_directories_at_all, m->opt->NumberOfRvaAndSizes = 0;            \
      resize_optional_header(m, 112), NULL)                                   \
    X(short_directory_array, resize_optional_header(m, 112 + 2 * 8), NULL)   \
    X(no_raw_data, m->sec[0].SizeOfRawData = m->sec[0].PointerToRawData = 0;  \
      m->sec[1].SizeOfRawData = m->sec[1].PointerToRawData = 0;               \
      m->size = 0x200, NULL)                                                  \
    X(no_sections, m->nt->FileHeader.NumberOfSections = 0;                    \
      DIR(IMPORT) = ((IMAGE_DATA_DIRECTORY){0, 0}), NULL)                     \
    X(low_alignment, m->opt->SectionAlignment = 0x200;                        \
      m->sec[0].VirtualAddress = 0x200; m->sec[1].VirtualAddress = 0x400;     \
      m->opt->AddressOfEntryPoint = 0x200; m->opt->SizeOfImage = 0x600;       \
      DIR(IMPORT) = ((IMAGE_DATA_DIRECTORY){0x400, 40}), NULL)                \
    X(virtual_size_zero, m->sec[1].VirtualSize = 0, NULL)                     \
    X(bss_tail, m->sec[1].VirtualSize = 0x1000, NULL)                         \
    X(uninitialized_section_without_data,                                     \
      m->sec[1].Characteristics |= IMAGE_SCN_CNT_UNINITIALIZED_DATA;          \
      m->sec[1].PointerToRawData = 0x10000, NULL)                             \
    X(last_section_raw_padding_cut, m->size = 0x500, NULL)                    \
    X(empty_section_anywhere, m->nt->FileHeader.NumberOfSections = 3;         \
      set_section(&m->sec[2], ".empty", 0x3000, 0, 0, 0, 0), NULL)            \
    X(security_directory_is_file_offset,                                      \
      m->opt->DataDirectory[4] = ((IMAGE_DATA_DIRECTORY){0x8000, 0x1000}),    \
      NULL)                                                                   \
    /* Entries no loader reads; Wine 8 runs such files (tests/pe notes). */   \
    X(debug_directory_garbage,                                                \
      DIR(DEBUG) = ((IMAGE_DATA_DIRECTORY){0x7fff0000, 0x1c}), NULL)          \
    X(reserved_directories_garbage,                                           \
      m->opt->DataDirectory[7] = ((IMAGE_DATA_DIRECTORY){~0u, ~0u});          \
      m->opt->DataDirectory[8] = ((IMAGE_DATA_DIRECTORY){0x10000, 4});        \
      m->opt->DataDirectory[15] = ((IMAGE_DATA_DIRECTORY){0xdead0000, 1}),    \
      NULL)                                                                   \
    X(dll_without_entry_point, m->opt->AddressOfEntryPoint = 0;               \
      m->nt->FileHeader.Characteristics |= IMAGE_FILE_DLL, NULL)              \
    /* Wine reads headers at any offset; x86-64 loads do not care. */          \
    X(pe_header_misaligned, move_nt_headers(m, 0x41), NULL)

#define DEFINE_CASE(name, change, expect)                                     \
    static void case_##name(struct img *m) { change; }
CASES(DEFINE_CASE)

static const struct {
    const char *name;
    void (*change)(struct img *);
    const char *expect;
} cases[] = {
#define LIST_CASE(name, change, expect) {#name, case_##name, expect},
    CASES(LIST_CASE)
};

/* What an accepted image's pe_headers must say about the base image. */
ANY_OFFSET static int check_output(const char *name, const struct img *m,
                        const struct pe_headers *h)
{
    int bad = 0;
    unsigned want_dirs = m->opt->NumberOfRvaAndSizes;
    unsigned room = (m->nt->FileHeader.SizeOfOptionalHeader - 112) / 8;
    if (want_dirs > 16)
        want_dirs = 16;
    if (want_dirs > room)
        want_dirs = room;
    if (h->ndirs != want_dirs) {
        printf("FAIL %s: ndirs %u, expected %u\n", name, h->ndirs, want_dirs);
        bad = 1;
    }
    if (h->nsections != m->nt->FileHeader.NumberOfSections) {
        printf("FAIL %s: nsections %u\n", name, h->nsections);
        bad = 1;
    }
    if (h->dirs[4].VirtualAddress || h->dirs[4].Size) {
        printf("FAIL %s: the security directory (a file offset) leaked\n",
               name);
        bad = 1;
    }
    for (unsigned i = 0; i < h->ndirs; i++)
        if ((uint64_t)h->dirs[i].VirtualAddress + h->dirs[i].Size >
            m->opt->SizeOfImage) {
            printf("FAIL %s: directory %u outside the image kept\n", name, i);
            bad = 1;
        }
    for (unsigned i = h->ndirs; i < IMAGE_NUMBEROF_DIRECTORY_ENTRIES; i++)
        if (h->dirs[i].VirtualAddress || h->dirs[i].Size) {
            printf("FAIL %s: directory %u beyond NumberOfRvaAndSizes set\n",
                   name, i);
            bad = 1;
        }
    return bad;
}

int main(void)
{
    static struct img m;
    int failed = 0;
    unsigned n = sizeof cases / sizeof cases[0];
    for (unsigned i = 0; i < n; i++) {
        struct pe_headers h;
        make_image(&m);
        cases[i].change(&m);
        const char *got = pe_parse_headers(m.buf, m.size, &h);
        const char *want = cases[i].expect;
        if (!got && !want) {
            failed += check_output(cases[i].name, &m, &h);
        } else if (!got || !want || strcmp(got, want)) {
            printf("FAIL %s: got \"%s\", expected \"%s\"\n", cases[i].name,
                   got ? got : "(accepted)", want ? want : "(accepted)");
            failed++;
        }
    }
    /* VirtualSize 0 means "take SizeOfRawData" (old Watcom/Borland linkers). */
    IMAGE_SECTION_HEADER s = {.VirtualSize = 0, .SizeOfRawData = 0x200};
    if (pe_section_vsize(&s) != 0x200) {
        printf("FAIL pe_section_vsize with VirtualSize 0\n");
        failed++;
    }
    s.VirtualSize = 0x10;
    if (pe_section_vsize(&s) != 0x10) {
        printf("FAIL pe_section_vsize with VirtualSize 0x10\n");
        failed++;
    }
    printf("pe_parse_test: %u cases, %d failed\n", n + 2, failed);
    return failed != 0;
}
