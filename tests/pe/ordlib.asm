; (c) helper: a DLL exporting three functions from ordinal base 5. Ordinals 5
; and 6 have no name; ordinal 7 is also exported as "seven". Each returns
; its ordinal times 100.
%define DLL
%define ENTRY dll_main
%define DIR_EXPORT exports, exports_end
%include "pe.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.edata', edata, DATA_R
PE_HEADERS_END

SECTION_START text
dll_main:                               ; DllMain: TRUE for every reason
    mov eax, 1
    ret
five:
    mov eax, 500
    ret
six:
    mov eax, 600
    ret
seven:
    mov eax, 700
    ret
SECTION_END text

SECTION_START edata
exports:
    dd 0, 0                             ; Characteristics, TimeDateStamp
    dw 0, 0                             ; version
    dd RVA(dll_name)
    dd 5                                ; Base: the first ordinal
    dd 3                                ; NumberOfFunctions
    dd 1                                ; NumberOfNames
    dd RVA(functions), RVA(names), RVA(name_ordinals)
functions:
    dd RVA(five), RVA(six), RVA(seven)
names:
    dd RVA(name_seven)
name_ordinals:
    dw 2                                ; index into functions: ordinal 7
dll_name: db 'ordlib.dll', 0
name_seven: db 'seven', 0
exports_end:
SECTION_END edata
PE_END
