// build: -static-libgcc -static-libstdc++
/* std::exception_ptr: current_exception captures the exception being
 * handled (the same object each time while it is handled), it outlives
 * the handler, rethrow_exception throws it again -- also in another
 * thread (CreateThread) -- and the object is destroyed when the last
 * exception_ptr goes away; make_exception_ptr; a null exception_ptr. */
#include <windows.h>
#include <cstdio>
#include <exception>
#include <stdexcept>

static int live;
struct Tracked : std::runtime_error {
    explicit Tracked(const char *m) : std::runtime_error(m) { live++; }
    Tracked(const Tracked &o) : std::runtime_error(o) { live++; }
    ~Tracked() { live--; }
};

static std::exception_ptr saved;
static char thread_result[128];

static DWORD WINAPI thread_main(void *)
{
    try {
        std::rethrow_exception(saved);
    } catch (const Tracked &t) {
        snprintf(thread_result, sizeof(thread_result), "thread caught: %s", t.what());
    }
    try {
        throw std::runtime_error("made in the thread");
    } catch (...) {
        saved = std::current_exception();
    }
    return 0;
}

int main()
{
    std::exception_ptr none;
    printf("default exception_ptr is null: %s\n", none ? "no" : "yes");
    printf("current_exception outside a handler is null: %s\n", std::current_exception() ? "no" : "yes");

    try {
        throw Tracked("first");
    } catch (...) {
        saved = std::current_exception();
        std::exception_ptr again = std::current_exception();
        printf("captured twice, same: %s\n", saved == again ? "yes" : "no");
    }
    printf("live after the handler: %d\n", live);

    try {
        std::rethrow_exception(saved);
    } catch (const Tracked &t) {
        printf("rethrown: %s\n", t.what());
    }

    HANDLE h = CreateThread(NULL, 0, thread_main, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    printf("%s\n", thread_result);
    printf("live after the thread replaced it: %d\n", live);
    try {
        std::rethrow_exception(saved);
    } catch (const std::exception &e) {
        printf("from the thread, rethrown in main: %s\n", e.what());
    }
    saved = nullptr;

    std::exception_ptr made = std::make_exception_ptr(Tracked("made"));
    printf("make_exception_ptr: live %d\n", live);
    try {
        std::rethrow_exception(made);
    } catch (const Tracked &t) {
        printf("rethrown: %s\n", t.what());
    }
    made = nullptr;
    printf("live at the end: %d\n", live);
    return 0;
}
