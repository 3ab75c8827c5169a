/* ntdll's service table (src/dlls/ntdll/services.h): sorted by number, no
 * number or function twice, each service exported by ntdll under its Nt
 * and its Zw name (so its export is a syscall stub), and found again by
 * the lookup the stub writer uses. */
#include <stdio.h>
#include <string.h>

#include "builtin.h"
#include "syscall.h"
#include "unit.h"

#define SERVICE(n, f, a) extern void f(void);
#include "../../src/dlls/ntdll/services.h"
#undef SERVICE

static const struct { unsigned number; const char *name; void *fn; unsigned nargs; } table[] = {
#define SERVICE(n, f, a) {n, #f, (void *)f, a},
#include "../../src/dlls/ntdll/services.h"
#undef SERVICE
};

static const struct builtin_export *find_export(const struct builtin_dll *dll, const char *name)
{
    for (unsigned i = 0; i < dll->nexports; i++)
        if (!strcmp(builtin_export_name(&dll->exports[i]), name))
            return &dll->exports[i];
    return NULL;
}

int main(void)
{
    const struct builtin_dll *ntdll = builtin_find("ntdll.dll");
    CHECK(ntdll != NULL, "ntdll is a builtin");
    unsigned n = sizeof table / sizeof *table;
    CHECK(n >= 20, "only %u services", n);
    for (unsigned i = 0; i < n; i++) {
        if (i)
            CHECK(table[i - 1].number < table[i].number, "%s (%#x) is not after %s (%#x)",
                  table[i].name, table[i].number, table[i - 1].name, table[i - 1].number);
        CHECK(table[i].number < 0x400, "%s: number %#x beyond the table", table[i].name,
              table[i].number);
        CHECK(table[i].nargs <= 17, "%s: %u arguments", table[i].name, table[i].nargs);
        CHECK(syscall_service_number(table[i].fn) == (int)table[i].number,
              "%s is found as %#x", table[i].name, table[i].number);
        for (unsigned j = 0; j < i; j++)
            CHECK(table[j].fn != table[i].fn, "%s twice", table[i].name);
        if (!ntdll)
            continue;
        const struct builtin_export *nt = find_export(ntdll, table[i].name);
        CHECK(nt && builtin_export_addr(nt) == table[i].fn, "ntdll exports %s", table[i].name);
        char zw[80];
        snprintf(zw, sizeof zw, "Zw%s", table[i].name + 2);
        const struct builtin_export *z = find_export(ntdll, zw);
        CHECK(z && builtin_export_addr(z) == table[i].fn, "ntdll exports %s as %s", zw, table[i].name);
    }
    CHECK(syscall_service_number((void *)main) == -1, "a function that is no service");
    return unit_done("services");
}
