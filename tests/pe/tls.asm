; (e) Two TLS callbacks print the reason they are called with; the entry
; point then checks the static TLS slot was set up from the template and
; exits through ExitProcess, which calls the callbacks again to detach.
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%define DIR_TLS tls_directory, tls_directory_end
%include "pe.inc"
%include "console.inc"

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.data', data, DATA_RW
    SECT '.tls', tlsdata, DATA_RW
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

; CALLBACK name, message: a PIMAGE_TLS_CALLBACK(module, reason, reserved)
; printing the message with the reason digit patched in.
%macro CALLBACK 2
%1:
    sub rsp, 0x28
    add dl, '0'
    mov [%2 + %2_len - 2], dl
    PRINT %2
    add rsp, 0x28
    ret
%endmacro

SECTION_START text
main:
    sub rsp, 0x28
    PRINT in_main
    ; gs:[0x58] is the TEB's ThreadLocalStoragePointer; the module's block
    ; is at index tls_index and starts as a copy of the template.
    mov eax, [tls_index]
    mov rcx, [gs:0x58]
    mov rcx, [rcx + rax * 8]
    cmp dword [rcx + tls_value - tls_template], 0x600df00d
    jne .bad
    PRINT tls_ok
    EXIT 0
.bad:
    EXIT 1
    CALLBACK first_callback, first_msg
    CALLBACK second_callback, second_msg
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START data
    STR first_msg, "first TLS callback, reason ?", 10
    STR second_msg, "second TLS callback, reason ?", 10
    STR in_main, "entry point", 10
    STR tls_ok, "TLS slot initialised", 10
tls_index: dd 0xffffffff
    align 8, db 0
tls_directory:
    dq tls_template, tls_template_end   ; raw data (absolute addresses)
    dq tls_index                        ; where the loader stores the index
    dq tls_callbacks
    dd 0                                ; SizeOfZeroFill
    dd 0                                ; Characteristics
tls_directory_end:
tls_callbacks:
    dq first_callback, second_callback, 0
SECTION_END data

SECTION_START tlsdata
tls_template:
    dd 0x12345678
tls_value:
    dd 0x600df00d
tls_template_end:
SECTION_END tlsdata

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    times 5 dd 0
imports_end:
    K32_TABLES
SECTION_END idata
PE_END
