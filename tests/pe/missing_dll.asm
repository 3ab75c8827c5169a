; (g) Imports Foo from nosuchdll.dll, which exists nowhere: the program
; must not start (Windows: STATUS_DLL_NOT_FOUND), and decant must say which
; DLL is missing and which module needed it.
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%include "pe.inc"
%include "console.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

SECTION_START text
main:
    sub rsp, 0x28
    call [imp_foo]
    EXIT 0
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    IMPORT_DESCRIPTOR nosuch
    times 5 dd 0
imports_end:
    K32_TABLES
nosuch_ilt: dq RVA(hn_Foo), 0
nosuch_iat:
imp_foo: dq RVA(hn_Foo), 0
    HINT_NAME Foo
nosuch_name: db 'nosuchdll.dll', 0
SECTION_END idata
PE_END
