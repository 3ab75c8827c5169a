; A Windows program that knows it runs on Linux (issue 5): it shows a
; message box through USER32.dll, then makes raw Linux system calls with
; `syscall` (number in eax; arguments in rdi, rsi, rdx, r10): write(2) to
; fd 1, fork(2); the child execve(2)s /bin/echo, the parent wait4(2)s for
; it, says so with WriteFile and returns 42 from its entry point. What
; MessageBoxA returned is a line of its own and does not stop the rest.
; If the raw write does not return the byte count, these are not Linux
; system calls (on Windows, eax = 1 is a Windows service): it tries the
; write once more (decant's hint about --syscalls=linux must still come
; only once), says so and returns 3 without trying fork. rdi and rsi are callee-saved in the
; Windows ABI, so main saves them; r10 is 0 for the calls that do not use
; it, which makes the first argument of a Windows service a null handle.
%define ENTRY main
%define DIR_IMPORT imports, imports_end
%include "pe.inc"
%include "console.inc"

%define SYS_write 1
%define SYS_fork 57
%define SYS_execve 59
%define SYS_exit 60
%define SYS_wait4 61

PE_HEADERS
    SECT '.text', text, CODE_RX
    SECT '.rdata', rdata, DATA_R
    SECT '.data', data, DATA_RW
    SECT '.idata', idata, DATA_RW
PE_HEADERS_END

SECTION_START text
main:
    push rsi
    push rdi
    push r12
    sub rsp, 0x20                      ; home space; rsp is 16-byte aligned

    xor ecx, ecx                       ; no owner window
    lea rdx, [box_text]
    lea r8, [box_caption]
    xor r9d, r9d                       ; MB_OK
    call [__imp_MessageBoxA]
    cmp eax, 1                         ; IDOK
    jne .box_not_ok
    PRINT box_ok
    jmp .raw_write
.box_not_ok:                           ; Wine with no display: -1
    PRINT box_not_ok

.raw_write:
    mov eax, SYS_write
    mov edi, 1
    lea rsi, [raw_msg]
    mov edx, raw_msg_len
    xor r10d, r10d
    syscall
    cmp rax, raw_msg_len
    jne .not_linux

    mov eax, SYS_fork
    xor r10d, r10d
    syscall
    test rax, rax
    js .fork_failed
    jz .child
    mov r12, rax                       ; the child's pid

    mov eax, SYS_wait4
    mov rdi, r12
    lea rsi, [wait_status]
    xor edx, edx                       ; no options
    xor r10d, r10d                     ; no rusage
    syscall
    cmp rax, r12
    jne .wait_failed
    cmp dword [wait_status], 0         ; exited, status 0
    jne .child_failed
    PRINT parent_ok
    mov eax, 42
    jmp .out

.child:
    lea rax, [echo_path]               ; argv built here: no relocations
    mov [echo_argv], rax
    lea rax, [echo_arg]
    mov [echo_argv + 8], rax
    mov eax, SYS_execve
    lea rdi, [echo_path]
    lea rsi, [echo_argv]
    lea rdx, [echo_envp]
    syscall
    mov eax, SYS_exit                  ; execve failed
    mov edi, 127
    syscall
    ud2

.not_linux:                            ; a second try, for the hint's "once"
    mov eax, SYS_write
    mov edi, 1
    lea rsi, [raw_msg]
    mov edx, raw_msg_len
    xor r10d, r10d
    syscall
    PRINT not_linux
    mov eax, 3
    jmp .out
.fork_failed:
    PRINT fork_failed
    mov eax, 1
    jmp .out
.wait_failed:
    PRINT wait_failed
    mov eax, 1
    jmp .out
.child_failed:
    PRINT child_failed
    mov eax, 1
.out:
    add rsp, 0x20
    pop r12
    pop rdi
    pop rsi
    ret
    WRITE_STDOUT_FUNC
SECTION_END text

SECTION_START rdata
box_caption: db "linux_syscalls", 0
box_text: db "a message box before the raw Linux system calls", 0
    STR box_ok, "MessageBoxA returned IDOK", 10
    STR box_not_ok, "MessageBoxA did not return IDOK", 10
    STR raw_msg, "hello from a raw Linux write", 10
    STR not_linux, "the raw write did not return its length: not Linux system calls, no fork", 10
    STR parent_ok, "parent: wait4 returned the child, which exited with status 0", 10
    STR fork_failed, "fork failed", 10
    STR wait_failed, "wait4 failed", 10
    STR child_failed, "the child did not exit with status 0", 10
echo_path: db "/bin/echo", 0
echo_arg: db "hello from /bin/echo, started with fork and execve", 0
SECTION_END rdata

SECTION_START data
    align 8, db 0
echo_argv: dq 0, 0, 0
echo_envp: dq 0
wait_status: dd 0
SECTION_END data

SECTION_START idata
imports:
    IMPORT_DESCRIPTOR k32
    IMPORT_DESCRIPTOR u32
    times 5 dd 0
imports_end:
    K32_TABLES
    align 8, db 0
u32_ilt: dq RVA(hn_MessageBoxA), 0
u32_iat:
__imp_MessageBoxA: dq RVA(hn_MessageBoxA), 0
    HINT_NAME MessageBoxA
u32_name: db 'USER32.dll', 0
SECTION_END idata
PE_END
