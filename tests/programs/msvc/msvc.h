/* Header for the MSVC-ABI C++ test programs (built by build.sh with clang
 * --target=x86_64-pc-windows-msvc and lld-link; no MSVC headers exist
 * here, so the few declarations needed are made by hand). The programs
 * import msvcrt.dll's C library and C++ runtime (msvcrt.def) or the C++
 * runtime of vcruntime140.dll (vcruntime140.def).
 *   ok(cond, "what %d", x);   counts and reports failures
 *   return test_summary();    "<n> tests, <f> failures"; exit status = failures
 * Each program defines main(); the entry point below calls it and exit(). */
#ifndef DECANT_MSVC_H
#define DECANT_MSVC_H

extern "C" {
int printf(const char *, ...);
int sprintf(char *, const char *, ...);
int strcmp(const char *, const char *);
void exit(int);
int fflush(void *);
}

/* msvcrt's type_info: the compiler's typeid yields one; its vtable lives
 * in the program (MSVC's static part of msvcrt.lib), its members in the
 * DLL. The signatures are msvcrt's x64 ones (operator== returns int). */
class type_info {
public:
    virtual ~type_info();
    const char *name() const;
    const char *raw_name() const;
    int operator==(const type_info &) const;
    int operator!=(const type_info &) const;
    int before(const type_info &) const;

private:
    void *data;
    char decorated[1];
};
namespace std {
using ::type_info;
}
extern "C" const void *const msvc_type_info_vftable[2] __asm__("??_7type_info@@6B@") = {0, 0};

/* the linker wants it in programs that use floating point */
extern "C" int _fltused = 0;

static int test_count, test_failures;

#define ok(cond, ...)                                                       \
    do {                                                                    \
        test_count++;                                                       \
        if (!(cond)) {                                                      \
            test_failures++;                                                \
            printf("FAIL line %d: ", __LINE__);                             \
            printf(__VA_ARGS__);                                            \
            printf("\n");                                                   \
        }                                                                   \
    } while (0)

static int test_summary(void)
{
    printf("%d tests, %d failures\n", test_count, test_failures);
    fflush(0);
    return test_failures;
}

int main(void);
extern "C" int mainCRTStartup(void)
{
    exit(main());
    return 0;
}

#endif
