/* A winelib DLL written by hand: a Linux shared library (gcc -shared
 * -fPIC) that loads through LoadLibrary as the DLL "winelib.dll", without
 * winebuild. What makes it one (docs/internals.md, "winelib"):
 *   - 64 KiB + 4 KiB of unused space at the symbol __wine_spec_pe_header,
 *     where the loader maps the DLL's PE header page (winebuild reserves it
 *     in .init and jumps over it, as below);
 *   - the exported symbol __wine_spec_nt_header: an IMAGE_NT_HEADERS64
 *     whose ImageBase is __wine_spec_pe_header, whose AddressOfEntryPoint
 *     and BaseOfCode together hold the entry point's 64-bit address, whose
 *     SizeOfImage and data directory RVAs are relative to the header itself;
 *   - an export directory whose RVAs are relative to the header too, and
 *     whose address table holds 64-bit absolute addresses.
 * Placing the export table in the same C object as the header makes those
 * RVAs offsetof() constants; SizeOfImage (_end minus the header) is the one
 * value C cannot write as a constant, so a constructor fills it in: dlopen
 * runs it before the loader reads the header. Exports and the entry point
 * use the Windows calling convention, as WINAPI functions of Wine do. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/utsname.h>

typedef uint8_t BYTE;
typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef uint64_t ULONGLONG;
#define WINAPI __attribute__((ms_abi))

__asm__(".section .init,\"ax\"\n"
        "\tjmp 1f\n"
        "\t.globl __wine_spec_pe_header\n"
        "\t.hidden __wine_spec_pe_header\n"
        "__wine_spec_pe_header:\n"
        "\t.skip 65536 + 4096\n"
        "1:\n"
        "\t.previous\n");
extern char __wine_spec_pe_header[] __attribute__((visibility("hidden")));
extern char _end[] __attribute__((visibility("hidden")));

/* ---- the DLL's contents ---- */
int winelib_counter = 1234;
static int attach_count;
static void *attach_module;

static int WINAPI winelib_entry(void *module, DWORD reason, void *reserved)
{
    if (reason == 1 /* DLL_PROCESS_ATTACH */) {
        attach_count++;
        attach_module = module;
    }
    return 1;
}

int WINAPI winelib_add(int a, int b) { return a + b; }

int WINAPI winelib_attach_info(void **module)
{
    *module = attach_module;
    return attach_count;
}

/* Linux code behind a Windows export: the caller's buffer gets uname's
 * sysname. */
int WINAPI winelib_sysname(char *buf, int size)
{
    struct utsname u;
    if (uname(&u) < 0 || size < 1)
        return 0;
    strncpy(buf, u.sysname, size - 1);
    buf[size - 1] = 0;
    return 1;
}

/* ---- the spec header, as winebuild lays it out for ELF targets ---- */
#define NAMES "winelib.dll\0winelib_add\0winelib_attach_info\0winelib_counter\0winelib_sysname"
struct spec {
    DWORD Signature;
    struct {
        WORD Machine, NumberOfSections;
        DWORD TimeDateStamp, PointerToSymbolTable, NumberOfSymbols;
        WORD SizeOfOptionalHeader, Characteristics;
    } FileHeader;
    struct {
        WORD Magic;
        BYTE MajorLinkerVersion, MinorLinkerVersion;
        DWORD SizeOfCode, SizeOfInitializedData, SizeOfUninitializedData;
        ULONGLONG EntryPoint; /* AddressOfEntryPoint and BaseOfCode, as one address */
        ULONGLONG ImageBase;
        DWORD SectionAlignment, FileAlignment;
        WORD MajorOperatingSystemVersion, MinorOperatingSystemVersion;
        WORD MajorImageVersion, MinorImageVersion;
        WORD MajorSubsystemVersion, MinorSubsystemVersion;
        DWORD Win32VersionValue, SizeOfImage, SizeOfHeaders, CheckSum;
        WORD Subsystem, DllCharacteristics;
        ULONGLONG SizeOfStackReserve, SizeOfStackCommit, SizeOfHeapReserve, SizeOfHeapCommit;
        DWORD LoaderFlags, NumberOfRvaAndSizes;
        struct { DWORD VirtualAddress, Size; } DataDirectory[16];
    } OptionalHeader;
    /* the export directory and its tables, right after the NT header */
    struct {
        DWORD Characteristics, TimeDateStamp;
        WORD MajorVersion, MinorVersion;
        DWORD Name, Base, NumberOfFunctions, NumberOfNames;
        DWORD AddressOfFunctions, AddressOfNames, AddressOfNameOrdinals;
    } exports;
    ULONGLONG functions[4]; /* absolute addresses; ordinals 1..4 */
    DWORD names[4];         /* sorted by name */
    WORD ordinals[4];
    char strings[sizeof NAMES];
};
_Static_assert(offsetof(struct spec, exports) == 264, "IMAGE_NT_HEADERS64 is 264 bytes");

#define RVA(field) ((DWORD)offsetof(struct spec, field))
#define STR(i) (RVA(strings) + (DWORD)(i))

__attribute__((visibility("default"))) struct spec __wine_spec_nt_header = {
    .Signature = 0x00004550, /* "PE\0\0" */
    .FileHeader = {
        .Machine = 0x8664,
        .SizeOfOptionalHeader = 240,
        .Characteristics = 0x2022, /* DLL, executable, large address aware */
    },
    .OptionalHeader = {
        .Magic = 0x20b,
        .EntryPoint = (ULONGLONG)(uintptr_t)winelib_entry,
        .ImageBase = (ULONGLONG)(uintptr_t)__wine_spec_pe_header,
        .SectionAlignment = 0x1000,
        .FileAlignment = 0x1000,
        .MajorOperatingSystemVersion = 1,
        .MajorSubsystemVersion = 4,
        .SizeOfHeaders = 0x1000,
        .Subsystem = 3, /* console */
        .DllCharacteristics = 0x160,
        .SizeOfStackReserve = 0x100000, .SizeOfStackCommit = 0x1000,
        .SizeOfHeapReserve = 0x100000, .SizeOfHeapCommit = 0x1000,
        .NumberOfRvaAndSizes = 16,
        .DataDirectory = {[0] = {RVA(exports), sizeof(struct spec) - RVA(exports)}},
    },
    .exports = {
        .Name = STR(0),
        .Base = 1,
        .NumberOfFunctions = 4,
        .NumberOfNames = 4,
        .AddressOfFunctions = RVA(functions),
        .AddressOfNames = RVA(names),
        .AddressOfNameOrdinals = RVA(ordinals),
    },
    .functions = {(uintptr_t)winelib_add, (uintptr_t)winelib_attach_info,
                  (uintptr_t)&winelib_counter, (uintptr_t)winelib_sysname},
    .names = {STR(12), STR(24), STR(44), STR(60)},
    .ordinals = {0, 1, 2, 3},
    .strings = NAMES,
};

__attribute__((constructor)) static void set_size_of_image(void)
{
    __wine_spec_nt_header.OptionalHeader.SizeOfImage =
        (DWORD)(_end - (char *)&__wine_spec_nt_header);
}
