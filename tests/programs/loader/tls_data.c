/* Static TLS of the executable, as MSVC's __declspec(thread) uses it:
 * data in the .tls section is the template, the loader stores the slot
 * number in the TLS directory's AddressOfIndex (_tls_index) and gives
 * every thread a copy of the template, reachable through the TEB's
 * ThreadLocalStoragePointer (gs:0x58).  mingw's __thread uses emutls
 * instead, so this test addresses the block by hand. */
#include <windows.h>
#include <string.h>
#include "test.h"

extern IMAGE_TLS_DIRECTORY _tls_used;
extern ULONG _tls_index;

/* data in the .tls section: the template every thread's block copies */
__attribute__((section(".tls$AAB"))) int tls_value = 1234;
__attribute__((section(".tls$AAB"))) char tls_text[16] = "template";

static void **tls_array(void)
{
    return *(void ***)((char *)NtCurrentTeb() + 0x58);
}

static int *my_value(void)
{
    char *block = tls_array()[_tls_index];
    return (int *)(block + ((char *)&tls_value - (char *)_tls_used.StartAddressOfRawData));
}

static char *my_text(void)
{
    char *block = tls_array()[_tls_index];
    return block + ((char *)tls_text - (char *)_tls_used.StartAddressOfRawData);
}

static DWORD WINAPI worker(void *arg)
{
    int fresh = *my_value() == 1234 && !strcmp(my_text(), "template");
    *my_value() = (int)(ULONG_PTR)arg;
    strcpy(my_text(), "worker");
    Sleep(20);
    return fresh && *my_value() == (int)(ULONG_PTR)arg && !strcmp(my_text(), "worker");
}

int main(void)
{
    HANDLE th[3];
    DWORD code;
    int i, all = 1;
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)GetModuleHandleA(NULL);
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((char *)dos + dos->e_lfanew);
    IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS];

    ok(dir->VirtualAddress != 0 && (char *)dos + dir->VirtualAddress == (char *)&_tls_used, "TLS directory is _tls_used");
    ok(tls_array() != NULL, "TEB+0x58 ThreadLocalStoragePointer set");
    ok(*my_value() == 1234 && !strcmp(my_text(), "template"), "main thread's block initialized");
    ok(my_value() != &tls_value, "the block is a copy, not the template");
    *my_value() = 1;
    for (i = 0; i < 3; i++)
        th[i] = CreateThread(NULL, 0, worker, (void *)(ULONG_PTR)(i + 10), 0, NULL);
    WaitForMultipleObjects(3, th, TRUE, 10000);
    for (i = 0; i < 3; i++) {
        GetExitCodeThread(th[i], &code);
        if (code != 1)
            all = 0;
        CloseHandle(th[i]);
    }
    ok(all, "each thread got a fresh copy of the template");
    ok(*my_value() == 1 && !strcmp(my_text(), "template"), "main thread's copy untouched");
    ok(tls_value == 1234, "template untouched");
    return test_summary();
}
