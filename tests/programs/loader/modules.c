/* Module handles and the structures programs read directly:
 * GetModuleHandle(NULL) is the image base (__ImageBase), kernel32 and
 * ntdll are loaded and findable with and without ".dll", the PE headers
 * of every module are valid, walking kernel32's export directory by hand
 * finds the same address as GetProcAddress, the PEB (gs:0x60) has
 * ImageBaseAddress and a loader module list whose first entry is the exe,
 * GetModuleFileName truncation, GetModuleHandleEx from an address. */
#include <windows.h>
#include <winternl.h>
#include <string.h>
#include "test.h"

extern IMAGE_DOS_HEADER __ImageBase;

static IMAGE_NT_HEADERS64 *nt_of(HMODULE m)
{
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)m;
    if (dos->e_magic != IMAGE_DOS_SIGNATURE)
        return NULL;
    return (IMAGE_NT_HEADERS64 *)((char *)m + dos->e_lfanew);
}

static void *export_by_hand(HMODULE m, const char *name)
{
    IMAGE_NT_HEADERS64 *nt = nt_of(m);
    IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    IMAGE_EXPORT_DIRECTORY *ex = (IMAGE_EXPORT_DIRECTORY *)((char *)m + d->VirtualAddress);
    DWORD *names = (DWORD *)((char *)m + ex->AddressOfNames);
    WORD *ords = (WORD *)((char *)m + ex->AddressOfNameOrdinals);
    DWORD *funcs = (DWORD *)((char *)m + ex->AddressOfFunctions);
    DWORD i;
    for (i = 0; i < ex->NumberOfNames; i++)
        if (!strcmp((char *)m + names[i], name)) {
            DWORD rva = funcs[ords[i]];
            if (rva >= d->VirtualAddress && rva < d->VirtualAddress + d->Size)
                return (void *)1; /* a forwarder string */
            return (char *)m + rva;
        }
    return NULL;
}

int main(void)
{
    HMODULE exe = GetModuleHandleA(NULL), k32, ntdll, m;
    IMAGE_NT_HEADERS64 *nt;
    PEB *peb;
    char path[MAX_PATH], small[8];
    DWORD n;
    void *p;
    LIST_ENTRY *head, *e;
    int count = 0, found_k32 = 0, found_ntdll = 0;

    ok(exe == (HMODULE)&__ImageBase, "GetModuleHandle(NULL) is __ImageBase");
    ok(GetModuleHandleW(NULL) == exe, "W too");
    nt = nt_of(exe);
    ok(nt && nt->Signature == IMAGE_NT_SIGNATURE, "exe has PE headers");
    ok(nt && nt->FileHeader.Machine == IMAGE_FILE_MACHINE_AMD64, "AMD64");
    ok(nt && nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC, "PE32+");
    ok(nt && (char *)exe + nt->OptionalHeader.AddressOfEntryPoint != (char *)exe, "entry point");

    k32 = GetModuleHandleA("kernel32.dll");
    ok(k32 != NULL, "kernel32.dll is loaded");
    ok(GetModuleHandleA("KERNEL32") == k32 && GetModuleHandleW(L"Kernel32.DLL") == k32, "any case, without extension");
    ntdll = GetModuleHandleA("ntdll.dll");
    ok(ntdll != NULL && ntdll != k32, "ntdll.dll is loaded");
    ok(nt_of(k32) && nt_of(k32)->Signature == IMAGE_NT_SIGNATURE, "kernel32 has PE headers in memory");
    ok(nt_of(k32) && (nt_of(k32)->FileHeader.Characteristics & IMAGE_FILE_DLL), "kernel32 is a DLL");
    ok(export_by_hand(k32, "GetProcAddress") == (void *)GetProcAddress(k32, "GetProcAddress"), "export table walk finds GetProcAddress");
    ok(export_by_hand(ntdll, "RtlAllocateHeap") == (void *)GetProcAddress(ntdll, "RtlAllocateHeap"), "and ntdll's RtlAllocateHeap");
    ok(export_by_hand(k32, "NoSuchExport") == NULL, "no bogus export");

    /* PEB */
    peb = (PEB *)__readgsqword(0x60);
    ok(peb == NtCurrentTeb()->ProcessEnvironmentBlock, "gs:0x60 is the PEB");
    ok((HMODULE)peb->Reserved3[1] == exe, "PEB ImageBaseAddress");
    ok((void *)__readgsqword(0x30) == NtCurrentTeb(), "gs:0x30 is the TEB itself");
    ok(peb->Ldr != NULL, "PEB Ldr");
    head = &peb->Ldr->InMemoryOrderModuleList;
    for (e = head->Flink; e != head && count < 200; e = e->Flink) {
        LDR_DATA_TABLE_ENTRY *le = CONTAINING_RECORD(e, LDR_DATA_TABLE_ENTRY, InMemoryOrderLinks);
        if (count == 0)
            ok(le->DllBase == exe, "first module in memory order is the exe");
        if (le->DllBase == k32)
            found_k32 = 1;
        if (le->DllBase == ntdll)
            found_ntdll = 1;
        count++;
    }
    ok(found_k32 && found_ntdll, "module list has kernel32 and ntdll (%d entries)", count);

    n = GetModuleFileNameA(NULL, path, MAX_PATH);
    ok(n == strlen(path) && n > 12 && !_stricmp(path + n - 12, "\\modules.exe"), "GetModuleFileNameA: ...%s", n > 12 ? path + n - 12 : path);
    ok(path[1] == ':' || (path[0] == '\\' && path[1] == '\\'), "full path");
    SetLastError(0);
    n = GetModuleFileNameA(NULL, small, sizeof small);
    /* (whether the truncated name is NUL-terminated: modulename_trunc.c) */
    ok(n == sizeof small && GetLastError() == ERROR_INSUFFICIENT_BUFFER,
       "truncation: returns size, ERROR_INSUFFICIENT_BUFFER: %lu %lu", n, GetLastError());
    n = GetModuleFileNameA(k32, path, MAX_PATH);
    ok(n > 13 && !_stricmp(path + n - 13, "\\kernel32.dll"), "kernel32 path: ...%s", n > 13 ? path + n - 13 : path);

    ok(GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                          (LPCSTR)main, &m) && m == exe, "GetModuleHandleEx from an address in the exe");
    p = (void *)GetProcAddress(ntdll, "RtlAllocateHeap");
    ok(GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                          (LPCSTR)p, &m) && m == ntdll, "from an address in ntdll");
    SetLastError(0xdeadbeef);
    ok(!GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                           (LPCSTR)&count, &m) && GetLastError() == ERROR_MOD_NOT_FOUND, "stack address: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(GetModuleHandleA("not_loaded.dll") == NULL && GetLastError() == ERROR_MOD_NOT_FOUND, "not loaded: %lu", GetLastError());
    return test_summary();
}
