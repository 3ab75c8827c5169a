; (a) No imports at all: the entry point returns 42, which Windows makes the
; process exit status (the entry point's return ends the process).
%define ENTRY main
%include "pe.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
PE_HEADERS_END

SECTION_START text
main:
    mov eax, 42
    ret
SECTION_END text
PE_END
