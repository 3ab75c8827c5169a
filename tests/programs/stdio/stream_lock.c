// wine: skip Wine's msvcrt numbers the stream locks of _iob from 28 (VC6's _STREAM_LOCKS); Windows' msvcrt.dll, and mingw-w64's _lock_file, from 16
/* The lock of _iob[i] is msvcrt's numbered lock _lock(16 + i): mingw-w64
 * links its own _lock_file, which takes that one (and holds it around each
 * of its printf calls, which write with fputc), so msvcrt's own functions
 * on another thread must wait for it, and the other way round. Stream
 * locks are recursive per thread. A stream from fopen carries its lock
 * after the FILE (msvcrt's _FILEX), where mingw's _lock_file finds it. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

void __cdecl _lock(int locknum);
void __cdecl _unlock(int locknum);

static volatile LONG done;

static DWORD WINAPI thread_fputs(void *arg)
{
    fputs(arg, stdout);
    InterlockedExchange(&done, 1);
    return 0;
}

static DWORD WINAPI thread_printf(void *arg)
{
    printf("%s", (const char *)arg); /* mingw's printf, through its _lock_file */
    InterlockedExchange(&done, 1);
    return 0;
}

static FILE *file;

static DWORD WINAPI thread_file(void *arg)
{
    fputs(arg, file);
    InterlockedExchange(&done, 1);
    return 0;
}

/* Starts fn on a thread while this thread holds a lock; it must still be
 * waiting 100 ms later, and finish once unlock() let go. */
static void check_waits(const char *what, LPTHREAD_START_ROUTINE fn, const char *text,
                        void (*unlock)(void))
{
    done = 0;
    HANDLE t = CreateThread(NULL, 0, fn, (void *)text, 0, NULL);
    Sleep(100);
    ok(!done, "%s: the other thread did not wait", what);
    unlock();
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0 && done, "%s: the other thread never ran", what);
    CloseHandle(t);
}

static void(__cdecl *crt_unlock_file)(FILE *);

static void unlock_17(void) { _unlock(17); }
static void unlock_stdout(void) { _unlock_file(stdout); }
static void crt_unlock_stdout(void) { crt_unlock_file(stdout); }
static void unlock_file(void) { _unlock_file(file); }

int main(void)
{
    HMODULE crt = GetModuleHandleA("msvcrt.dll");
    void(__cdecl * crt_lock_file)(FILE *) = (void *)GetProcAddress(crt, "_lock_file");
    crt_unlock_file = (void *)GetProcAddress(crt, "_unlock_file");
    ok(crt_lock_file && crt_unlock_file, "msvcrt exports _lock_file and _unlock_file");

    /* _lock(17) is stdout's lock: msvcrt's fputs waits for it. */
    _lock(17);
    fputs("1 main holds _lock(17)\n", stdout);
    check_waits("_lock(17) vs fputs", thread_fputs, "2 thread's fputs\n", unlock_17);

    /* msvcrt's own _lock_file: mingw's printf waits for it. */
    if (crt_lock_file && crt_unlock_file) {
        crt_lock_file(stdout);
        fputs("3 main holds msvcrt's _lock_file(stdout)\n", stdout);
        check_waits("_lock_file vs printf", thread_printf, "4 thread's printf\n",
                    crt_unlock_stdout);
    }

    /* Recursive: locked twice, fputc inside, then both levels let go. */
    _lock_file(stdout);
    _lock_file(stdout);
    fputc('5', stdout);
    fputs(" main locked twice\n", stdout);
    _unlock_file(stdout);
    check_waits("recursive _lock_file", thread_fputs, "6 thread's fputs\n", unlock_stdout);

    /* A stream of its own: the lock after the FILE. */
    char path[MAX_PATH];
    GetTempFileNameA(".", "stl", 0, path);
    file = fopen(path, "w+");
    ok(file != NULL, "fopen");
    if (file) {
        _lock_file(file);
        fputs("7 main\n", file);
        check_waits("fopen stream", thread_file, "8 thread\n", unlock_file);
        char line[64] = "";
        rewind(file);
        fgets(line, sizeof line, file);
        ok(!strcmp(line, "7 main\n"), "file line 1: %s", line);
        fgets(line, sizeof line, file);
        ok(!strcmp(line, "8 thread\n"), "file line 2: %s", line);
        fclose(file);
    }
    DeleteFileA(path);
    return test_summary();
}
