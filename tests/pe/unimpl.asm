; (g) Imports KERNEL32.dll!DecantNoSuchFunction, which no kernel32 has.
; Built as is, it never calls it: it prints a line and exits 0 (decant, as
; Wine, resolves the import to a trap). With -DCALL_IT its first
; instruction after the prologue calls it, so the return address is
; RVA 0x100a: decant must stop with
;   decant: unimplemented: KERNEL32.dll!DecantNoSuchFunction called from
;   <exe>+0x100a   (one line)
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%include "pe.inc"
%include "console.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

SECTION_START text
main:                                   ; RVA 0x1000
    sub rsp, 0x28                       ; 4 bytes
%ifdef CALL_IT
    call [__imp_DecantNoSuchFunction]   ; 6 bytes: returns to RVA 0x100a
    PRINT returned
    EXIT 1
%else
    PRINT not_called
    EXIT 0
%endif
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
    K32_TABLES DecantNoSuchFunction
    STR not_called, "unimplemented import never called", 10
    STR returned, "the unimplemented function returned", 10
SECTION_END idata
PE_END
