// The C++ runtime of vcruntime140.dll: throwing and catching through its
// exports, __current_exception/__current_exception_context during a catch,
// __processing_throw and __uncaught_exceptions, and std::bad_cast from its
// dynamic_cast caught as the program's own std::bad_cast.
// libs: vcruntime140.lib msvcrt.lib
#include "msvc.h"

struct EXCEPTION_RECORD {
    unsigned code, flags;
    EXCEPTION_RECORD *next;
    void *address;
    unsigned nparams;
    unsigned long long info[15];
};
extern "C" void **__current_exception(void);
extern "C" void **__current_exception_context(void);
extern "C" int *__processing_throw(void);
extern "C" int __uncaught_exceptions(void);

namespace std {
class exception {
public:
    exception() : what_(0), free_(false) {}
    virtual ~exception() {}
    virtual const char *what() const { return what_ ? what_ : "Unknown exception"; }

private:
    const char *what_;
    bool free_;
};
class bad_cast : public exception {
};
}

struct Thing {
    int v;
};
struct A {
    virtual ~A() {}
};
struct B : A {
};

static int seen_in_dtor = -1;
struct Probe {
    ~Probe() { seen_in_dtor = __uncaught_exceptions(); }
};

__declspec(noinline) void thrower(int v)
{
    Probe p;
    throw Thing{v};
}
__declspec(noinline) A *make_a(void) { return new A; }

int main(void)
{
    ok(*__current_exception() == 0, "no current exception");
    int r = 0;
    try {
        thrower(42);
    } catch (Thing &t) {
        EXCEPTION_RECORD *rec = (EXCEPTION_RECORD *)*__current_exception();
        ok(rec && rec->code == 0xe06d7363, "current exception: %x", rec ? rec->code : 0);
        ok(rec && rec->nparams == 4 && rec->info[0] == 0x19930520, "its parameters");
        ok(rec && (Thing *)rec->info[1] == &t, "its object is the caught one");
        ok(*__current_exception_context() != 0, "a context");
        ok(*__processing_throw() == 0, "not processing: %d", *__processing_throw());
        r = t.v;
    }
    ok(r == 42, "caught %d", r);
    ok(*__current_exception() == 0, "none after the catch");
    ok(seen_in_dtor == 1, "uncaught_exceptions in a destructor: %d", seen_in_dtor);
    printf("vcruntime: %d %d\n", r, seen_in_dtor);

    A *a = make_a();
    try {
        B &b = dynamic_cast<B &>(*a);
        r = (int)sizeof(b);
    } catch (std::bad_cast &e) {
        printf("std::bad_cast: %s\n", e.what());
        r = -1;
    }
    ok(r == -1, "bad_cast: %d", r);
    return test_summary();
}
