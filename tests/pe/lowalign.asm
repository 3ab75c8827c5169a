; (f) A "low alignment" image: SectionAlignment == FileAlignment == 0x200,
; below the page size, so the file is mapped as it is (every section's RVA
; equals its file offset) and sections share pages.
%define SECTALIGN 0x200
%define FILEALIGN 0x200
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%include "pe.inc"
%include "console.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.data', data, DATA_RW
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

SECTION_START text
main:
    sub rsp, 0x28
    inc dword [counter]                 ; .data shares a page with .text
    cmp dword [counter], 42
    jne .bad
    PRINT message
    EXIT 0
.bad:
    EXIT 1
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START data
counter: dd 41
    STR message, "low alignment image ok", 10
SECTION_END data

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
    K32_TABLES
SECTION_END idata
PE_END
