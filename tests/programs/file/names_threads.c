/* Names translated in many threads at once: a name under a missing
 * directory is "path not found" every time, however many other threads
 * translate such names meanwhile (decant walked them with strtok, whose
 * one position all threads shared: a walk cut short found the directory
 * above and called the missing file there). */
#include <windows.h>
#include "test.h"

#define THREADS 4
#define ROUNDS 5000

static volatile LONG wrong;

static DWORD WINAPI worker(void *arg)
{
    static const WCHAR *names[] = {L"d\\missing\\a\\b.txt", L"d\\Missing\\x\\y\\z.toml",
                                   L"d\\nope\\q.json"};
    for (int i = 0; i < ROUNDS; i++) {
        const WCHAR *n = names[(i + (int)(INT_PTR)arg) % 3];
        SetLastError(0);
        if (GetFileAttributesW(n) != INVALID_FILE_ATTRIBUTES || GetLastError() != ERROR_PATH_NOT_FOUND)
            InterlockedIncrement(&wrong);
    }
    return 0;
}

int main(void)
{
    HANDLE t[THREADS];
    ok(CreateDirectoryW(L"d", NULL), "CreateDirectory");
    for (int i = 0; i < THREADS; i++)
        t[i] = CreateThread(NULL, 0, worker, (void *)(INT_PTR)i, 0, NULL);
    WaitForMultipleObjects(THREADS, t, TRUE, INFINITE);
    for (int i = 0; i < THREADS; i++)
        CloseHandle(t[i]);
    ok(wrong == 0, "every name under a missing directory: path not found (%ld wrong)", wrong);
    ok(RemoveDirectoryW(L"d"), "cleanup");
    return test_summary();
}
