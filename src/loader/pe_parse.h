/* Validation of an untrusted PE file's headers, before anything is mapped.
 * Pure: reads only the buffer it is given, so the fuzzer and the unit tests
 * drive it directly. */
#ifndef DECANT_PE_PARSE_H
#define DECANT_PE_PARSE_H

#include <stddef.h>
#include "pe.h"

struct pe_headers {
    const IMAGE_NT_HEADERS64 *nt;
    const IMAGE_SECTION_HEADER *sections;
    unsigned nsections;
    unsigned ndirs;  /* NumberOfRvaAndSizes, clamped to 16 */
    IMAGE_DATA_DIRECTORY dirs[IMAGE_NUMBEROF_DIRECTORY_ENTRIES]; /* unused = 0 */
};

/* Checks everything the mapper and the loader rely on. Returns NULL when the
 * file is a loadable PE32+ AMD64 image, else a sentence naming the defect
 * (static storage), e.g. "bad PE: import directory outside the image". */
const char *pe_parse_headers(const void *data, size_t size,
                             struct pe_headers *out);

/* The mapped extent of a section: VirtualSize, or SizeOfRawData when the
 * linker left VirtualSize at zero. */
DWORD pe_section_vsize(const IMAGE_SECTION_HEADER *s);

#endif
