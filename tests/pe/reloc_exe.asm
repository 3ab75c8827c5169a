; (d) A program whose preferred ImageBase, 0x7ffe0000, is where Windows
; (and decant) map KUSER_SHARED_DATA, so it must be relocated: it checks its
; own absolute pointers, prints whether it moved, and exits 0 when right.
%ifndef IMAGEBASE
  %define IMAGEBASE 0x7ffe0000
%endif
%define CHARACTERISTICS 0x0022         ; relocations kept
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%define DIR_RELOC reloc_table, reloc_table_end
%include "pe.inc"
%include "console.inc"
%include "reloc.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.data', data, DATA_RW
    SECT '.idata', idata, DATA_RW
    SECT '.reloc', reloc, RELOC_R
PE_HEADERS_END

SECTION_START text
main:
    sub rsp, 0x28
    lea rax, [rel dos_header]
    mov rcx, IMAGEBASE
    cmp rax, rcx
    je .not_moved
    PRINT moved
    call pointers_ok
    test eax, eax
    jz .bad
    PRINT pointers_right
    EXIT 0
.not_moved:
    PRINT not_moved
.bad:
    EXIT 1
    RELOC_CHECK_FUNC
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START data
    RELOC_DATA
    STR moved, "relocated away from 0x7ffe0000", 10
    STR not_moved, "loaded at 0x7ffe0000", 10
    STR pointers_right, "absolute pointers ok", 10
SECTION_END data

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
    K32_TABLES
SECTION_END idata

SECTION_START reloc
    RELOC_TABLE
SECTION_END reloc
PE_END
