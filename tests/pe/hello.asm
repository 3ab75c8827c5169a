; (b) Imports from KERNEL32.dll by name: GetStdHandle, WriteFile and
; ExitProcess print one line and end the process with status 5.
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
    sub rsp, 0x28
    PRINT hello
    EXIT 5
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START rdata
    STR hello, "hello from a hand-made PE", 10
SECTION_END rdata

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
    K32_TABLES
SECTION_END idata
PE_END
