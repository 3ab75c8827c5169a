/* The handle table and object references. */
#include <stdlib.h>
#include <string.h>
#include <sys/single_threaded.h>

#include "object.h"
#include "status.h"
#include "thread.h"
#include "wstr.h"

struct slot {
    struct object *obj;
    BOOL inherit;
};

static struct slot *table;
static size_t table_size, first_free;
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

struct named {
    struct named *next;
    struct object *obj; /* not referenced: removed when the object dies */
};
static struct named *names;

void object_init(struct object *o, enum object_type type,
                 const struct object_ops *ops)
{
    o->type = type;
    o->refs = 1;
    o->ops = ops;
    o->name = NULL;
    o->wq_first = o->wq_last = NULL;
}

/* While the process has one thread (glibc's __libc_single_threaded, false
 * for good from the first pthread_create) nothing races a reference count,
 * which then changes without a lock prefix: a file call's handle lookup
 * would otherwise spend more on it than on its own work. */
struct object *object_ref(struct object *o)
{
    if (__libc_single_threaded)
        o->refs++;
    else
        __atomic_add_fetch(&o->refs, 1, __ATOMIC_RELAXED);
    return o;
}

void object_put(struct object *o)
{
    if (!o)
        return;
    if (__libc_single_threaded ? --o->refs : __atomic_sub_fetch(&o->refs, 1, __ATOMIC_ACQ_REL))
        return;
    if (o->name) {
        pthread_mutex_lock(&table_lock);
        for (struct named **p = &names; *p; p = &(*p)->next)
            if ((*p)->obj == o) {
                struct named *n = *p;
                *p = n->next;
                free(n);
                break;
            }
        pthread_mutex_unlock(&table_lock);
        free(o->name);
    }
    if (o->ops && o->ops->destroy)
        o->ops->destroy(o);
    else
        free(o);
}

HANDLE handle_alloc(struct object *o, BOOL inherit)
{
    pthread_mutex_lock(&table_lock);
    size_t i = first_free;
    while (i < table_size && table[i].obj)
        i++;
    if (i == table_size) {
        size_t n = table_size ? table_size * 2 : 256;
        table = realloc(table, n * sizeof *table);
        memset(table + table_size, 0, (n - table_size) * sizeof *table);
        table_size = n;
    }
    table[i].obj = object_ref(o);
    __atomic_add_fetch(&o->handles, 1, __ATOMIC_RELAXED);
    table[i].inherit = inherit;
    first_free = i + 1;
    pthread_mutex_unlock(&table_lock);
    return (HANDLE)(uintptr_t)((i + 1) * 4);
}

int handle_alloc_at(HANDLE h, struct object *o, BOOL inherit)
{
    uintptr_t v = (uintptr_t)h;
    if (!v || (v & 3) || v / 4 > (1u << 24))
        return -1;
    size_t i = v / 4 - 1;
    pthread_mutex_lock(&table_lock);
    if (i >= table_size) {
        size_t n = table_size ? table_size : 256;
        while (n <= i)
            n *= 2;
        table = realloc(table, n * sizeof *table);
        memset(table + table_size, 0, (n - table_size) * sizeof *table);
        table_size = n;
    }
    int r = -1;
    if (!table[i].obj) {
        table[i].obj = object_ref(o);
    __atomic_add_fetch(&o->handles, 1, __ATOMIC_RELAXED);
        table[i].inherit = inherit;
        r = 0;
    }
    pthread_mutex_unlock(&table_lock);
    return r;
}

size_t handle_inheritable(enum object_type type, HANDLE *out, struct object **objs,
                          size_t max)
{
    size_t n = 0;
    pthread_mutex_lock(&table_lock);
    for (size_t i = 0; i < table_size && n < max; i++)
        if (table[i].obj && table[i].inherit && table[i].obj->type == type) {
            out[n] = (HANDLE)(uintptr_t)((i + 1) * 4);
            objs[n++] = object_ref(table[i].obj);
        }
    pthread_mutex_unlock(&table_lock);
    return n;
}

static long index_of(HANDLE h)
{
    uintptr_t v = (uintptr_t)h & ~(uintptr_t)3; /* tag bits, ignored as by Windows */
    if (!v || v / 4 > table_size)
        return -1;
    return v / 4 - 1;
}

struct object *handle_ref(HANDLE h, enum object_type type)
{
    if (h == CURRENT_THREAD_HANDLE) {
        struct thread *t = nt_current_thread();
        if (!t || (type && type != OBJ_THREAD))
            return NULL;
        return object_ref(&t->obj);
    }
    if (h == CURRENT_PROCESS_HANDLE) {
        if (type && type != OBJ_PROCESS)
            return NULL;
        return object_ref(process_self_object());
    }
    struct object *o = NULL;
    int alone = __libc_single_threaded; /* see object_ref */
    if (!alone)
        pthread_mutex_lock(&table_lock);
    long i = index_of(h);
    if (i >= 0 && (size_t)i < table_size && table[i].obj &&
        (!type || table[i].obj->type == type))
        o = object_ref(table[i].obj);
    if (!alone)
        pthread_mutex_unlock(&table_lock);
    return o;
}

NTSTATUS handle_close(HANDLE h)
{
    if (h == CURRENT_PROCESS_HANDLE || h == CURRENT_THREAD_HANDLE)
        return STATUS_SUCCESS;
    pthread_mutex_lock(&table_lock);
    long i = index_of(h);
    if (i < 0 || (size_t)i >= table_size || !table[i].obj) {
        pthread_mutex_unlock(&table_lock);
        return STATUS_INVALID_HANDLE;
    }
    struct object *o = table[i].obj;
    table[i].obj = NULL;
    if ((size_t)i < first_free)
        first_free = i;
    pthread_mutex_unlock(&table_lock);
    if (!__atomic_sub_fetch(&o->handles, 1, __ATOMIC_ACQ_REL) && o->ops && o->ops->last_handle)
        o->ops->last_handle(o);
    object_put(o);
    return STATUS_SUCCESS;
}

BOOL handle_get_inherit(HANDLE h)
{
    BOOL r = FALSE;
    pthread_mutex_lock(&table_lock);
    long i = index_of(h);
    if (i >= 0 && (size_t)i < table_size && table[i].obj)
        r = table[i].inherit;
    pthread_mutex_unlock(&table_lock);
    return r;
}

NTSTATUS handle_set_inherit(HANDLE h, BOOL inherit)
{
    NTSTATUS st = STATUS_INVALID_HANDLE;
    pthread_mutex_lock(&table_lock);
    long i = index_of(h);
    if (i >= 0 && (size_t)i < table_size && table[i].obj) {
        table[i].inherit = inherit;
        st = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&table_lock);
    return st;
}

struct object *object_find_named(const WCHAR *name)
{
    struct object *o = NULL;
    pthread_mutex_lock(&table_lock);
    for (struct named *n = names; n; n = n->next)
        if (!wstr_cmp(n->obj->name, name)) {
            o = n->obj;
            /* an object being destroyed has no references left */
            if (__atomic_load_n(&o->refs, __ATOMIC_ACQUIRE) > 0)
                object_ref(o);
            else
                o = NULL;
            break;
        }
    pthread_mutex_unlock(&table_lock);
    return o;
}

void object_name(struct object *o, const WCHAR *name)
{
    struct named *n = malloc(sizeof *n);
    o->name = wstr_dup(name);
    n->obj = o;
    pthread_mutex_lock(&table_lock);
    n->next = names;
    names = n;
    pthread_mutex_unlock(&table_lock);
}

NTSTATUS object_create_named(enum object_type type, const WCHAR *name,
                             struct object *(*make)(const void *), const void *arg,
                             BOOL inherit, HANDLE *out)
{
    /* one creator at a time, so two threads creating the same name
     * end up with one object */
    static pthread_mutex_t create_lock = PTHREAD_MUTEX_INITIALIZER;
    int named = name && *name;
    NTSTATUS st = STATUS_SUCCESS;
    struct object *o = NULL;
    *out = NULL;
    if (named) {
        pthread_mutex_lock(&create_lock);
        o = object_find_named(name);
        if (o && o->type != type)
            st = STATUS_OBJECT_TYPE_MISMATCH;
        else if (o)
            st = STATUS_OBJECT_NAME_EXISTS;
    }
    if (!o) {
        o = make(arg);
        if (named)
            object_name(o, name);
    }
    if (named)
        pthread_mutex_unlock(&create_lock);
    if (st != STATUS_OBJECT_TYPE_MISMATCH)
        *out = handle_alloc(o, inherit);
    object_put(o);
    return st;
}

NTSTATUS handle_status(HANDLE h)
{
    if (h == CURRENT_PROCESS_HANDLE || h == CURRENT_THREAD_HANDLE)
        return STATUS_OBJECT_TYPE_MISMATCH;
    struct object *o = handle_ref(h, 0);
    if (!o)
        return STATUS_INVALID_HANDLE;
    object_put(o);
    return STATUS_OBJECT_TYPE_MISMATCH;
}
