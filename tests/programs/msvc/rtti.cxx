// MSVC RTTI through msvcrt.dll: typeid of polymorphic objects and its
// type_info members, dynamic_cast up, down and across (pointers and
// references), bad_cast and bad_typeid thrown by the runtime and caught by
// the program as its own classes.
#include "msvc.h"

/* msvcrt's classes, in the global namespace as its old headers had them */
class exception {
public:
    exception();
    exception(const char *const &);
    exception(const exception &);
    virtual ~exception();
    virtual const char *what() const;

private:
    const char *m_what;
    int m_doFree;
};
class bad_cast : public exception {
public:
    bad_cast(const char *);
    bad_cast(const bad_cast &);
    virtual ~bad_cast();
};
class bad_typeid : public exception {
public:
    bad_typeid(const char *);
    bad_typeid(const bad_typeid &);
    virtual ~bad_typeid();
};

struct A {
    int a = 1;
    virtual ~A() {}
};
struct B : A {
    int b = 2;
};
struct C {
    int c = 3;
    virtual ~C() {}
};
struct D : B, C {
    int d = 4;
};
struct V {
    int v = 5;
    virtual ~V() {}
};
struct L : virtual V {
    int l = 6;
};
struct R : virtual V {
    int r = 7;
};
struct M : L, R {
    int m = 8;
};

/* through new, so the compiler cannot know the dynamic types */
__declspec(noinline) A *make_a(int kind)
{
    return kind == 0 ? new A : kind == 1 ? (A *)new B : (A *)new D;
}
__declspec(noinline) V *make_v(void)
{
    return new M;
}

int main(void)
{
    A *pa = make_a(0), *pb = make_a(1), *pd = make_a(2);
    ok(typeid(*pa) == typeid(A), "typeid A");
    ok(typeid(*pb) == typeid(B), "typeid B");
    ok(typeid(*pd) == typeid(D), "typeid D");
    ok(typeid(*pd) != typeid(B), "D is not B");
    printf("name: %s / %s / %s\n", typeid(*pa).name(), typeid(*pd).name(), typeid(int).name());
    printf("raw: %s\n", typeid(*pb).raw_name());
    ok(typeid(A).before(typeid(B)), "A before B");

    ok(dynamic_cast<B *>(pa) == 0, "A is not a B");
    ok(dynamic_cast<B *>(pb) == pb, "B is a B");
    B *db = dynamic_cast<B *>(pd);
    ok(db && db->b == 2, "D to B");
    C *dc = dynamic_cast<C *>(pd);
    ok(dc && dc->c == 3, "cross cast A to C");
    D *dd = dynamic_cast<D *>(dc);
    ok(dd && dd->d == 4 && (A *)dd == pd, "C down to D");
    void *whole = dynamic_cast<void *>(dc);
    ok(whole == (void *)dd, "to void*: %p %p", whole, (void *)dd);
    V *pv = make_v();
    L *pl = dynamic_cast<L *>(pv);
    R *pr = dynamic_cast<R *>(pv);
    ok(pl && pr && pl->l == 6 && pr->r == 7, "virtual base down");
    M *pm = dynamic_cast<M *>(pr);
    ok(pm && pm->m == 8, "virtual base to the most derived");
    printf("casts: ok\n");

    int r = 0;
    try {
        B &ref = dynamic_cast<B &>(*pa);
        r = ref.b;
    } catch (bad_cast &e) {
        r = -1;
        printf("bad_cast: %s\n", e.what());
        ok(typeid(e) == typeid(bad_cast), "its dynamic type");
    }
    ok(r == -1, "reference cast throws: %d", r);
    try {
        A *null = 0;
        (void)typeid(*null);
        r = 0;
    } catch (bad_typeid &e) {
        r = -2;
        printf("bad_typeid: %s\n", e.what());
    }
    ok(r == -2, "typeid of null throws: %d", r);
    try {
        r = dynamic_cast<C &>(*pb).c;
    } catch (exception &e) {
        r = -3;
        printf("as exception: %s\n", e.what());
    }
    ok(r == -3, "caught as the base: %d", r);

    exception e1("message");
    exception e2(e1);
    ok(!strcmp(e2.what(), "message"), "copy: %s", e2.what());
    exception e3;
    printf("default: %s\n", e3.what());
    return test_summary();
}
