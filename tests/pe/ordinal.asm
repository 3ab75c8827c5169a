; (c) Imports by ordinal from ordlib.dll (ordinals 5, 6 and 7, the last also
; by its name), then prints one line per check and exits with the number
; of wrong results.
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%include "pe.inc"
%include "console.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.rdata', rdata, DATA_R
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

; CHECK import, expected, message: calls the import and prints the message
; if it returned the expected value, else counts a failure in ebx.
%macro CHECK 3
    call [%1]
    cmp eax, %2
    jne %%wrong
    PRINT %3
    jmp %%done
%%wrong:
    inc ebx
%%done:
%endmacro

SECTION_START text
main:
    push rbx                            ; also aligns rsp for calls
    sub rsp, 0x20
    xor ebx, ebx
    CHECK imp_ord5, 500, ok5
    CHECK imp_ord6, 600, ok6
    CHECK imp_ord7, 700, ok7
    CHECK imp_seven, 700, ok_seven
    mov ecx, ebx
    call [__imp_ExitProcess]
    ud2
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START rdata
    STR ok5, "ordinal 5 ok", 10
    STR ok6, "ordinal 6 ok", 10
    STR ok7, "ordinal 7 ok", 10
    STR ok_seven, "seven ok", 10
SECTION_END rdata

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR ord
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
%define ORDINAL(n) (0x8000000000000000 | (n))
ord_ilt:
    dq ORDINAL(5), ORDINAL(6), ORDINAL(7), RVA(hn_seven), 0
ord_iat:
imp_ord5: dq ORDINAL(5)
imp_ord6: dq ORDINAL(6)
imp_ord7: dq ORDINAL(7)
imp_seven: dq RVA(hn_seven)
    dq 0
    HINT_NAME seven
ord_name: db 'ordlib.dll', 0
    K32_TABLES
SECTION_END idata
PE_END
