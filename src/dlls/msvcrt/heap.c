/* malloc and friends on the process heap, as msvcrt does: memory from
 * malloc may be freed with HeapFree(GetProcessHeap()) and vice versa, and
 * _msize returns the size that was asked for (HeapSize). */
#include <string.h>

#define DEBUG_CHANNEL crt
#include "debug.h"
#include "msvcrt.h"

typedef int(CDECL *new_handler_fn)(size_t);
static new_handler_fn new_handler;
static int new_mode; /* _set_new_mode(1): malloc calls the new handler too */

static HANDLE heap(void) { return GetProcessHeap(); }

/* Retry through the C++ new handler while it says it freed something. */
static void *CDECL alloc_retry(size_t size, int use_handler)
{
    for (;;) {
        void *p = HeapAlloc(heap(), 0, size);
        if (p || !use_handler || !new_handler || !new_handler(size))
            return p;
    }
}

/* malloc (msvcrt) */
void *CDECL msvcrt_malloc(size_t size)
{
    void *p = alloc_retry(size, new_mode);
    if (!p)
        crt_set_errno(M_ENOMEM);
    return p;
}

/* calloc (msvcrt) */
void *CDECL msvcrt_calloc(size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size) {
        crt_set_errno(M_ENOMEM);
        return NULL;
    }
    void *p = HeapAlloc(heap(), HEAP_ZERO_MEMORY, n * size);
    if (!p)
        crt_set_errno(M_ENOMEM);
    return p;
}

/* free (msvcrt) */
void CDECL msvcrt_free(void *p)
{
    if (p)
        HeapFree(heap(), 0, p);
}

/* realloc (msvcrt): realloc(NULL, n) = malloc, realloc(p, 0) frees and
 * returns NULL. */
void *CDECL msvcrt_realloc(void *p, size_t size)
{
    if (!p)
        return msvcrt_malloc(size);
    if (!size) {
        msvcrt_free(p);
        return NULL;
    }
    void *q = HeapReAlloc(heap(), 0, p, size);
    if (!q)
        crt_set_errno(M_ENOMEM);
    return q;
}

/* _recalloc (msvcrt) */
void *CDECL msvcrt__recalloc(void *p, size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size) {
        crt_set_errno(M_ENOMEM);
        return NULL;
    }
    size_t old = p ? HeapSize(heap(), 0, p) : 0;
    void *q = msvcrt_realloc(p, n * size);
    if (q && n * size > old)
        memset((char *)q + old, 0, n * size - old);
    return q;
}

/* _msize (msvcrt) */
size_t CDECL msvcrt__msize(void *p)
{
    if (!p) {
        crt_set_errno(M_EINVAL);
        return (size_t)-1;
    }
    return HeapSize(heap(), 0, p);
}

/* _expand (msvcrt): resize in place or fail. */
void *CDECL msvcrt__expand(void *p, size_t size)
{
    return HeapReAlloc(heap(), HEAP_REALLOC_IN_PLACE_ONLY, p, size);
}

/* _heapmin / _heapchk / _heapset (msvcrt) */
int CDECL msvcrt__heapmin(void) { return 0; }
int CDECL msvcrt__heapchk(void) { return -2; /* _HEAPOK */ }
int CDECL msvcrt__heapset(unsigned fill) { return -2; }

/* _set_new_handler / _query_new_handler / _set_new_mode (msvcrt) */
new_handler_fn CDECL msvcrt__set_new_handler(new_handler_fn f)
{
    new_handler_fn old = new_handler;
    new_handler = f;
    return old;
}
new_handler_fn CDECL msvcrt__query_new_handler(void) { return new_handler; }
int CDECL msvcrt__set_new_mode(int mode)
{
    int old = new_mode;
    new_mode = mode;
    return old;
}
int CDECL msvcrt__query_new_mode(void) { return new_mode; }

/* operator new / delete (msvcrt's C++ exports ??2@YAPEAX_K@Z etc.). The
 * new handler is always consulted; a final failure returns NULL, which is
 * what msvcrt.dll's own operator new does (it predates bad_alloc). */
void *CDECL msvcrt_operator_new(size_t size)
{
    void *p = alloc_retry(size ? size : 1, 1);
    if (!p)
        crt_set_errno(M_ENOMEM);
    return p;
}
void CDECL msvcrt_operator_delete(void *p) { msvcrt_free(p); }

/* _aligned_*: the block handed out is preceded by the pointer HeapAlloc
 * returned, msvcrt's layout. `offset` aligns p + offset, not p. */
static void *aligned_alloc_impl(size_t size, size_t align, size_t offset)
{
    if (!align || (align & (align - 1)) || (offset && offset >= size)) {
        crt_set_errno(M_EINVAL);
        return NULL;
    }
    if (align < sizeof(void *))
        align = sizeof(void *);
    size_t total = size + align + sizeof(void *);
    if (total < size) {
        crt_set_errno(M_ENOMEM);
        return NULL;
    }
    char *raw = msvcrt_malloc(total);
    if (!raw)
        return NULL;
    uintptr_t p = (uintptr_t)raw + sizeof(void *) + offset;
    p = ((p + align - 1) & ~(uintptr_t)(align - 1)) - offset;
    ((void **)p)[-1] = raw;
    return (void *)p;
}

/* _aligned_malloc / _aligned_offset_malloc (msvcrt) */
void *CDECL msvcrt__aligned_malloc(size_t size, size_t align)
{
    return aligned_alloc_impl(size, align, 0);
}
void *CDECL msvcrt__aligned_offset_malloc(size_t size, size_t align,
                                          size_t offset)
{
    return aligned_alloc_impl(size, align, offset);
}

/* _aligned_free (msvcrt) */
void CDECL msvcrt__aligned_free(void *p)
{
    if (p)
        msvcrt_free(((void **)p)[-1]);
}

static void *aligned_realloc_impl(void *p, size_t size, size_t align,
                                  size_t offset)
{
    if (!p)
        return aligned_alloc_impl(size, align, offset);
    if (!size) {
        msvcrt__aligned_free(p);
        return NULL;
    }
    char *raw = ((char **)p)[-1];
    size_t avail = HeapSize(heap(), 0, raw) - ((char *)p - raw);
    void *q = aligned_alloc_impl(size, align, offset);
    if (!q)
        return NULL;
    memcpy(q, p, avail < size ? avail : size);
    msvcrt__aligned_free(p);
    return q;
}

/* _aligned_realloc / _aligned_offset_realloc (msvcrt) */
void *CDECL msvcrt__aligned_realloc(void *p, size_t size, size_t align)
{
    return aligned_realloc_impl(p, size, align, 0);
}
void *CDECL msvcrt__aligned_offset_realloc(void *p, size_t size, size_t align,
                                           size_t offset)
{
    return aligned_realloc_impl(p, size, align, offset);
}

char *crt_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = msvcrt_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

WCHAR *crt_wcsdup(const WCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    WCHAR *d = msvcrt_malloc((n + 1) * sizeof(WCHAR));
    if (d)
        memcpy(d, s, (n + 1) * sizeof(WCHAR));
    return d;
}
