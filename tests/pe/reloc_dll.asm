; (d) Loads reloc_a.dll and reloc_b.dll, which share a preferred base, and
; asks each whether its absolute pointers are right; exit status is the
; number of wrong answers.
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%include "pe.inc"
%include "console.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.rdata', rdata, DATA_R
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

SECTION_START text
main:
    push rbx
    sub rsp, 0x20
    xor ebx, ebx
    call [imp_check_a]
    test eax, eax
    jz .a_bad
    PRINT a_ok
    jmp .b
.a_bad:
    inc ebx
.b:
    call [imp_check_b]
    test eax, eax
    jz .b_bad
    PRINT b_ok
    jmp .out
.b_bad:
    inc ebx
.out:
    mov ecx, ebx
    call [__imp_ExitProcess]
    ud2
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START rdata
    STR a_ok, "reloc_a.dll ok", 10
    STR b_ok, "reloc_b.dll ok", 10
SECTION_END rdata

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR a
    IMPORT_DESCRIPTOR b
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
a_ilt: dq RVA(hn_check), 0
a_iat:
imp_check_a: dq RVA(hn_check), 0
b_ilt: dq RVA(hn_check), 0
b_iat:
imp_check_b: dq RVA(hn_check), 0
    HINT_NAME check
a_name: db 'reloc_a.dll', 0
b_name: db 'reloc_b.dll', 0
    K32_TABLES
SECTION_END idata
PE_END
