/* The compiler-support pieces of vcruntime140 that are not exception
 * handling: std::type_info's out-of-line helpers (the compiler emits
 * type_info::name/==/hash_code as calls to these), std::exception's
 * message copying, the /GS failure report and the telemetry hooks every
 * MSVC start-up calls. */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "../msvcrt/msvcrt.h"

/* What a type_info holds after its vtable: the undecorated name, filled
 * in on first use, and the decorated name (".?AVFoo@@"). */
struct std_type_info_data {
    const char *undecorated;
    const char decorated[1];
};

/* __std_type_info_compare (vcruntime140): 0 when equal, like strcmp. The
 * decorated names are unique per type, so comparing them past the '.' is
 * what makes type_info == work across modules. */
int CDECL vcrt___std_type_info_compare(const struct std_type_info_data *a,
                                       const struct std_type_info_data *b)
{
    if (a == b)
        return 0;
    return strcmp(a->decorated + 1, b->decorated + 1);
}

/* __std_type_info_hash (vcruntime140): 64-bit FNV-1a of the decorated
 * name past its '.', as Microsoft's STL source documents. */
size_t CDECL vcrt___std_type_info_hash(const struct std_type_info_data *d)
{
    ULONGLONG h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)d->decorated + 1; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return h;
}

static const struct {
    char code;
    const char *name;
} basic_types[] = {
    {'C', "signed char"}, {'D', "char"}, {'E', "unsigned char"},
    {'F', "short"}, {'G', "unsigned short"}, {'H', "int"},
    {'I', "unsigned int"}, {'J', "long"}, {'K', "unsigned long"},
    {'M', "float"}, {'N', "double"}, {'O', "long double"}, {'X', "void"},
};

static const struct {
    char code;
    const char *name;
} ext_types[] = {
    {'N', "bool"}, {'J', "__int64"}, {'K', "unsigned __int64"},
    {'W', "wchar_t"}, {'S', "char16_t"}, {'U', "char32_t"},
};

/* The readable name of the common decorated forms: ".H" -> "int",
 * ".?AVbad_alloc@std@@" -> "class std::bad_alloc" (scopes come innermost
 * first). Anything else (templates, pointers, functions) keeps its
 * decorated spelling, as a FIXME, rather than a wrong guess. */
static char *undecorate(const char *dec)
{
    const char *s = dec + (*dec == '.');
    if (s[0] && !s[1])
        for (size_t i = 0; i < ARRAY_SIZE(basic_types); i++)
            if (basic_types[i].code == s[0])
                return crt_strdup(basic_types[i].name);
    if (s[0] == '_' && s[1] && !s[2])
        for (size_t i = 0; i < ARRAY_SIZE(ext_types); i++)
            if (ext_types[i].code == s[1])
                return crt_strdup(ext_types[i].name);
    const char *kind = NULL;
    if (!strncmp(s, "?AV", 3))
        kind = "class ";
    else if (!strncmp(s, "?AU", 3))
        kind = "struct ";
    else if (!strncmp(s, "?AT", 3))
        kind = "union ";
    else if (!strncmp(s, "?AW4", 4))
        kind = "enum ";
    if (kind && !strchr(s, '$')) { /* no templates */
        const char *p = s + (kind[0] == 'e' ? 4 : 3);
        const char *end = strstr(p, "@@");
        if (end && !end[2]) {
            /* the scopes, innermost first */
            const char *parts[32];
            size_t lens[32], n = 0;
            while (p < end && n < ARRAY_SIZE(parts)) {
                const char *at = memchr(p, '@', end - p);
                if (!at)
                    at = end;
                parts[n] = p;
                lens[n++] = at - p;
                p = at + (at < end);
            }
            size_t total = strlen(kind) + 1;
            for (size_t i = 0; i < n; i++)
                total += lens[i] + 2;
            char *out = msvcrt_malloc(total);
            if (!out)
                return NULL;
            char *q = out;
            q = stpcpy(q, kind);
            for (size_t i = n; i-- > 0;) {
                memcpy(q, parts[i], lens[i]);
                q += lens[i];
                if (i)
                    q = stpcpy(q, "::");
            }
            *q = 0;
            return out;
        }
    }
    FIXME("no undecorated name for %s", dec);
    return crt_strdup(s);
}

/* __std_type_info_name (vcruntime140): the undecorated name, computed
 * once and kept in the type_info. The list would let the module free the
 * names at unload; the strings live as long as the process here. */
const char *CDECL vcrt___std_type_info_name(struct std_type_info_data *d,
                                            void *list)
{
    const char *cur = __atomic_load_n(&d->undecorated, __ATOMIC_ACQUIRE);
    if (cur)
        return cur;
    char *name = undecorate(d->decorated);
    if (!name)
        return NULL;
    const char *expected = NULL;
    if (!__atomic_compare_exchange_n(&d->undecorated, &expected, name, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        msvcrt_free(name);
        return expected;
    }
    return name;
}

/* __std_type_info_destroy_list (vcruntime140): see above, nothing kept. */
void CDECL vcrt___std_type_info_destroy_list(void *list) {}

struct std_exception_data {
    const char *what;
    BOOLEAN do_free;
};

/* __std_exception_copy (vcruntime140): std::exception's copy: an owned
 * message is duplicated, a literal shared. */
void CDECL vcrt___std_exception_copy(const struct std_exception_data *src,
                                     struct std_exception_data *dst)
{
    if (src->do_free && src->what) {
        dst->what = crt_strdup(src->what);
        dst->do_free = dst->what != NULL;
    } else {
        dst->what = src->what;
        dst->do_free = 0;
    }
}

/* __std_exception_destroy (vcruntime140) */
void CDECL vcrt___std_exception_destroy(struct std_exception_data *d)
{
    if (d->do_free)
        msvcrt_free((void *)d->what);
    d->what = NULL;
    d->do_free = 0;
}

/* __report_gsfailure (vcruntime140): a /GS stack cookie was overwritten.
 * Windows ends the process at once with STATUS_STACK_BUFFER_OVERRUN. */
void CDECL vcrt___report_gsfailure(ULONG_PTR cookie)
{
    static const char msg[] = "decant: stack buffer overrun detected (/GS cookie)\n";
    DWORD w;
    WriteFile(GetStdHandle(STD_ERROR_HANDLE), msg, sizeof msg - 1, &w, NULL);
    TerminateProcess(GetCurrentProcess(), 0xc0000409);
}

/* __telemetry_main_invoke_trigger / __telemetry_main_return_trigger
 * (vcruntime140): hooks around main for Windows telemetry; nothing. */
void CDECL vcrt___telemetry_main_invoke_trigger(HINSTANCE h) {}
void CDECL vcrt___telemetry_main_return_trigger(HINSTANCE h) {}
