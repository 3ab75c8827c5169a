// build: -static-libgcc -static-libstdc++
/* C++ exceptions in several threads at once (CreateThread): each thread
 * throws and catches through its own frames, with destructors, and the
 * counts add up. */
#include <windows.h>
#include <cstdio>
#include <stdexcept>
#include <string>

#define THREADS 4
#define ROUNDS 2000

static volatile LONG destroyed;

struct Counted {
    ~Counted() { InterlockedIncrement(&destroyed); }
};

static void deep(int n, int id)
{
    Counted c;
    if (n == 0)
        throw std::runtime_error("thread " + std::to_string(id));
    deep(n - 1, id);
}

static DWORD WINAPI worker(void *arg)
{
    int id = (int)(INT_PTR)arg, caught = 0;
    std::string expect = "thread " + std::to_string(id);
    for (int i = 0; i < ROUNDS; i++) {
        try {
            deep(i % 8, id);
        } catch (const std::runtime_error &e) {
            if (expect == e.what())
                caught++;
        }
    }
    return caught;
}

int main()
{
    HANDLE t[THREADS];
    long expected_destroyed = 0;
    for (int i = 0; i < ROUNDS; i++)
        expected_destroyed += i % 8 + 1;
    for (int i = 0; i < THREADS; i++)
        t[i] = CreateThread(NULL, 0, worker, (void *)(INT_PTR)i, 0, NULL);
    WaitForMultipleObjects(THREADS, t, TRUE, INFINITE);
    for (int i = 0; i < THREADS; i++) {
        DWORD code;
        GetExitCodeThread(t[i], &code);
        printf("thread %d caught %lu\n", i, code);
        CloseHandle(t[i]);
    }
    printf("destructors: %s\n", destroyed == THREADS * expected_destroyed ? "all ran" : "missing");
    return 0;
}
