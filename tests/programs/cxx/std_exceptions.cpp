// build: -static-libgcc -static-libstdc++
/* Exceptions the C++ library throws itself, caught by their standard
 * types: vector::at, std::stoi, dynamic_cast to a reference, typeid of a
 * null polymorphic pointer, an empty std::function, std::optional and
 * std::variant access, and operator new failing. */
#include <cstdio>
#include <functional>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <variant>
#include <vector>

struct A { virtual ~A() {} };
struct B : A {};
struct C : A {};

int main()
{
    std::vector<int> v(3);
    try { v.at(5); } catch (const std::out_of_range &) { printf("vector::at: out_of_range\n"); }
    try { std::stoi("xyz"); } catch (const std::invalid_argument &) { printf("stoi(\"xyz\"): invalid_argument\n"); }
    try { std::stoi("99999999999999"); } catch (const std::out_of_range &) { printf("stoi(huge): out_of_range\n"); }
    try {
        C c;
        A &a = c;
        (void)dynamic_cast<B &>(a);
    } catch (const std::bad_cast &) {
        printf("dynamic_cast<B&>: bad_cast\n");
    }
    try {
        A *p = nullptr;
        printf("%s\n", typeid(*p).name());
    } catch (const std::bad_typeid &) {
        printf("typeid(*null): bad_typeid\n");
    }
    try {
        std::function<int()> f;
        f();
    } catch (const std::bad_function_call &) {
        printf("empty std::function: bad_function_call\n");
    }
    try {
        std::optional<int> o;
        printf("%d\n", o.value());
    } catch (const std::bad_optional_access &) {
        printf("optional::value: bad_optional_access\n");
    }
    try {
        std::variant<int, double> var = 1.5;
        printf("%d\n", std::get<int>(var));
    } catch (const std::bad_variant_access &) {
        printf("get<int> of a double variant: bad_variant_access\n");
    }
    try {
        size_t huge = (size_t)1 << 62;
        char *p = new char[huge];
        printf("allocated %p\n", (void *)p);
    } catch (const std::bad_alloc &) {
        printf("new of 2^62 bytes: bad_alloc\n");
    }
    try {
        std::string s("abc");
        s.substr(10);
    } catch (const std::out_of_range &) {
        printf("string::substr: out_of_range\n");
    }
    return 0;
}
