; (g) A real 32-bit (PE32, i386) program: its entry point returns 42.
; Windows runs it (WOW64); decant refuses it for now (DESIGN.md §10).
; Written out in full because PE32's optional header differs from pe.inc's.
bits 32
IMAGEBASE equ 0x400000
%define RVA(x) ((x) - IMAGEBASE)

section hdr start=0 vstart=IMAGEBASE
dos_header:
    dw 'MZ'
    times 0x3c - ($ - dos_header) db 0
    dd nt_headers - dos_header
nt_headers:
    dd 'PE'
    dw 0x14c                            ; i386
    dw 1                                ; NumberOfSections
    dd 0, 0, 0
    dw optional_header_end - optional_header
    dw 0x0103                   ; 32BIT_MACHINE | EXECUTABLE | RELOCS_STRIPPED
optional_header:
    dw 0x10b                            ; PE32
    db 0, 0
    dd 0, 0, 0
    dd RVA(main)                        ; AddressOfEntryPoint
    dd 0, 0                             ; BaseOfCode, BaseOfData
    dd IMAGEBASE
    dd 0x1000, 0x200
    dw 6, 0, 0, 0, 6, 0
    dd 0
    dd 0x2000                           ; SizeOfImage
    dd 0x200                            ; SizeOfHeaders
    dd 0
    dw 3, 0x100                         ; console, NX_COMPAT
    dd 0x100000, 0x1000, 0x100000, 0x1000
    dd 0
    dd 16
    times 16 dd 0, 0
optional_header_end:
    db '.text', 0, 0, 0
    dd text_end - text_start, 0x1000    ; VirtualSize, VirtualAddress
    dd 0x200, 0x200                     ; SizeOfRawData, PointerToRawData
    dd 0, 0, 0
    dd 0x60000020
    align 0x200, db 0

section text follows=hdr vstart=0x401000
text_start:
main:
    mov eax, 42
    ret
text_end:
    align 0x200, db 0
