; (f) Section sizes the mapper must get right:
;  .data0  VirtualSize 0: the loader takes SizeOfRawData (0x200) instead;
;          the program reads both ends of it.
;  .bss    VirtualSize 0x2800 > SizeOfRawData 0x200: the rest, over two more
;          pages, must read as zeros (the bytes that follow in the file, the
;          0xff of .fill, must not leak in) and be writable.
; Prints one line per check and exits with the number of failures.
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%include "pe.inc"
%include "console.inc"
%define BSS_VSIZE 0x2800
%define HEAD_SIZE 16                    ; initialised bytes at the start of .bss

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.data0', data0, DATA_RW, 0
    SECT '.bss', bss, DATA_RW, BSS_VSIZE
    SECT '.fill', fill, DATA_R
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

SECTION_START text
main:
    push rbx
    push rdi
    sub rsp, 0x28
    xor ebx, ebx
    mov rax, 0x1111111111111111
    cmp [data0_start], rax
    jne .data0_bad
    mov rax, 0x2222222222222222
    cmp [data0_start + 0x200 - 8], rax
    jne .data0_bad
    PRINT data0_ok
    jmp .bss
.data0_bad:
    inc ebx
.bss:
    mov rax, 0x3333333333333333
    cmp [bss_start], rax
    jne .bss_bad
    lea rdi, [bss_start + HEAD_SIZE]
    mov ecx, (BSS_VSIZE - HEAD_SIZE) / 8
    xor eax, eax
    repe scasq                          ; stops at the first nonzero qword
    jne .bss_bad
    mov [bss_start + BSS_VSIZE - 8], rbx  ; the tail is writable
    PRINT bss_ok
    jmp .out
.bss_bad:
    inc ebx
.out:
    mov ecx, ebx
    call [__imp_ExitProcess]
    ud2
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START data0
    dq 0x1111111111111111
    times 0x200 - 16 db 0
    dq 0x2222222222222222
SECTION_END data0

SECTION_START bss
    dq 0x3333333333333333, 0
SECTION_END bss
VIRTUAL_TAIL bss, BSS_VSIZE - 0x200

SECTION_START fill
    times 0x200 db 0xff
SECTION_END fill

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
    K32_TABLES
    STR data0_ok, "VirtualSize 0: SizeOfRawData mapped", 10
    STR bss_ok, "VirtualSize > SizeOfRawData: zero-filled tail", 10
SECTION_END idata
PE_END
