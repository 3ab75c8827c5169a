; (d) helper: a DLL at the preferred base 0x180000000 with base relocations;
; assembled twice (-DSECOND makes reloc_b.dll), so the second one loaded
; cannot have its preferred base and must be relocated. DYNAMIC_BASE is off
; so Windows keeps the first at its preferred base. It exports check(),
; which returns 1 when its absolute pointers were fixed up right.
%define DLL
%define ENTRY dll_main
%define DIR_EXPORT exports, exports_end
%define DIR_RELOC reloc_table, reloc_table_end
%include "pe.inc"
%include "reloc.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.data', data, DATA_RW
    SECT '.edata', edata, DATA_R
    SECT '.reloc', reloc, RELOC_R
PE_HEADERS_END

SECTION_START text
dll_main:
    mov eax, 1
    ret
    RELOC_CHECK_FUNC
SECTION_END text

SECTION_START data
    RELOC_DATA
SECTION_END data

SECTION_START edata
exports:
    dd 0, 0
    dw 0, 0
    dd RVA(dll_name)
    dd 1, 1, 1                          ; Base, NumberOfFunctions, NumberOfNames
    dd RVA(functions), RVA(names), RVA(name_ordinals)
functions: dd RVA(pointers_ok)
names: dd RVA(name_check)
name_ordinals: dw 0
%ifdef SECOND
dll_name: db 'reloc_b.dll', 0
%else
dll_name: db 'reloc_a.dll', 0
%endif
name_check: db 'check', 0
exports_end:
SECTION_END edata

SECTION_START reloc
    RELOC_TABLE
SECTION_END reloc
PE_END
