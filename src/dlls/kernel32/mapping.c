/* File mappings (memoryapi): a mapping object holds an fd — the file's, or
 * for a pagefile-backed mapping a POSIX shared-memory object, named after
 * the Windows name so that other decant processes can open it — and views
 * are mmap()s of it, recorded as MEM_MAPPED for VirtualQuery. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUG_CHANNEL virtual
#include "debug.h"
#include "file.h"
#include "kernel32_private.h"
#include "memory.h"
#include "object.h"

#define SEC_IMAGE 0x1000000
#define FILE_MAP_COPY 0x1
#define FILE_MAP_WRITE 0x2
#define FILE_MAP_READ 0x4
#define FILE_MAP_EXECUTE 0x20

struct mapping {
    struct object obj;
    int fd;
    uint64_t size;
    DWORD prot;
    char *shm; /* the shared-memory name of a named pagefile mapping */
};

static void mapping_destroy(struct object *o)
{
    struct mapping *m = (struct mapping *)o;
    if (m->fd >= 0)
        close(m->fd);
    free(m->shm);
    free(m);
}

/* A named mapping lives while some process has a handle to it. Each decant
 * process holding one keeps a shared lock on the shared memory; the last
 * to let go (its exclusive lock succeeds) removes the name. */
static void mapping_last_handle(struct object *o)
{
    struct mapping *m = (struct mapping *)o;
    if (!m->shm)
        return;
    flock(m->fd, LOCK_UN);
    if (!flock(m->fd, LOCK_EX | LOCK_NB)) {
        shm_unlink(m->shm);
        flock(m->fd, LOCK_UN);
    }
}

static const struct object_ops mapping_ops = {mapping_destroy, NULL, NULL, mapping_last_handle};

static struct mapping *mapping_new(int fd, uint64_t size, DWORD prot, const WCHAR *name,
                                   const char *shm)
{
    struct mapping *m = calloc(1, sizeof *m);
    object_init(&m->obj, OBJ_MAPPING, &mapping_ops);
    m->fd = fd;
    m->size = size;
    m->prot = prot;
    if (name && *name)
        object_name(&m->obj, name);
    if (shm) {
        m->shm = strdup(shm);
        flock(fd, LOCK_SH);
    }
    return m;
}

/* "Local\\name", "Global\\name" -> "/decant-name" for shm_open. */
static void shm_name(const WCHAR *name, char *out, size_t n)
{
    const WCHAR *p = name;
    if (!wstr_nicmp(p, u"Local\\", 6))
        p += 6;
    else if (!wstr_nicmp(p, u"Global\\", 7))
        p += 7;
    char *u = wstr_to_utf8_alloc(p);
    snprintf(out, n, "/decant-%u-%s", (unsigned)getuid(), u);
    for (char *c = out + 1; *c; c++)
        if (*c == '/')
            *c = '_';
    free(u);
}

/* CreateFileMappingW (kernel32) */
HANDLE WINAPI CreateFileMappingW(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD prot,
                                 DWORD size_high, DWORD size_low, LPCWSTR name)
{
    uint64_t size = (uint64_t)size_high << 32 | size_low;
    BOOL inherit = sa && sa->bInheritHandle;
    if (name && *name) {
        struct object *o = object_find_named(name);
        if (o) {
            HANDLE h = o->type == OBJ_MAPPING ? handle_alloc(o, inherit) : NULL;
            object_put(o);
            set_last_error(h ? ERROR_ALREADY_EXISTS : ERROR_INVALID_HANDLE);
            return h;
        }
    }
    int fd = -1;
    char shm[300] = "";
    if (file && file != INVALID_HANDLE_VALUE) {
        struct file *f = file_ref(file);
        if (!f) {
            set_last_error(ERROR_INVALID_HANDLE);
            return NULL;
        }
        fd = fcntl(f->fd, F_DUPFD_CLOEXEC, 3);
        object_put(&f->obj);
        struct stat st;
        fstat(fd, &st);
        if (!size) {
            if (!st.st_size) {
                close(fd);
                set_last_error(ERROR_FILE_INVALID);
                return NULL;
            }
            size = st.st_size;
        } else if ((uint64_t)st.st_size < size) {
            /* a mapping larger than its file grows the file, if writable */
            if ((prot & 0xff) == PAGE_READONLY || ftruncate(fd, size) < 0) {
                close(fd);
                set_last_error(ERROR_DISK_FULL);
                return NULL;
            }
        }
    } else {
        if (!size) {
            set_last_error(ERROR_INVALID_PARAMETER);
            return NULL;
        }
        if (name && *name) {
            shm_name(name, shm, sizeof shm);
            fd = shm_open(shm, O_RDWR | O_CREAT, 0600);
            struct stat st;
            if (fd >= 0 && !fstat(fd, &st) && (uint64_t)st.st_size < size)
                ftruncate(fd, size);
        } else {
            fd = memfd_create("decant-mapping", MFD_CLOEXEC);
            if (fd >= 0 && ftruncate(fd, size) < 0) {
                close(fd);
                fd = -1;
            }
        }
        if (fd < 0) {
            set_ntstatus(errno_to_status(errno));
            return NULL;
        }
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    struct mapping *m = mapping_new(fd, size, prot, name, shm[0] ? shm : NULL);
    HANDLE h = handle_alloc(&m->obj, inherit);
    object_put(&m->obj);
    set_last_error(0);
    return h;
}

/* CreateFileMappingA (kernel32) */
HANDLE WINAPI CreateFileMappingA(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD prot,
                                 DWORD size_high, DWORD size_low, LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = CreateFileMappingW(file, sa, prot, size_high, size_low, w);
    free(w);
    return h;
}

/* OpenFileMappingW (kernel32): this process's named mappings, then another
 * decant process's shared memory of that name. */
HANDLE WINAPI OpenFileMappingW(DWORD access, BOOL inherit, LPCWSTR name)
{
    if (!name) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct object *o = object_find_named(name);
    if (o) {
        HANDLE h = o->type == OBJ_MAPPING ? handle_alloc(o, inherit) : NULL;
        object_put(o);
        if (!h)
            set_last_error(ERROR_INVALID_HANDLE);
        return h;
    }
    char sn[300];
    shm_name(name, sn, sizeof sn);
    int fd = shm_open(sn, O_RDWR, 0);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        if (fd >= 0)
            close(fd);
        set_last_error(ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    struct mapping *m = mapping_new(fd, st.st_size, PAGE_READWRITE, name, sn);
    HANDLE h = handle_alloc(&m->obj, inherit);
    object_put(&m->obj);
    return h;
}

/* OpenFileMappingA (kernel32) */
HANDLE WINAPI OpenFileMappingA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = OpenFileMappingW(access, inherit, w);
    free(w);
    return h;
}

/* MapViewOfFileEx (kernel32) */
LPVOID WINAPI MapViewOfFileEx(HANDLE h, DWORD access, DWORD off_high, DWORD off_low,
                              SIZE_T size, LPVOID want)
{
    struct mapping *m = (struct mapping *)handle_ref(h, OBJ_MAPPING);
    if (!m) {
        set_last_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    uint64_t off = (uint64_t)off_high << 32 | off_low;
    if (off % 0x10000 || off > m->size) {
        object_put(&m->obj);
        set_last_error(off % 0x10000 ? ERROR_MAPPED_ALIGNMENT : ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!size)
        size = m->size - off;
    int prot = PROT_READ, flags = MAP_SHARED;
    if (access & FILE_MAP_WRITE)
        prot |= PROT_WRITE;
    if (access & FILE_MAP_COPY) {
        prot |= PROT_WRITE;
        flags = MAP_PRIVATE;
    }
    if (access & FILE_MAP_EXECUTE)
        prot |= PROT_EXEC;
    void *p;
    if (want) {
        p = mmap(want, size, prot, flags | MAP_FIXED_NOREPLACE, m->fd, off);
    } else {
        /* views start at the allocation granularity, as on Windows */
        void *at = mem_reserve_range(size);
        p = at ? mmap(at, size, prot, flags | MAP_FIXED, m->fd, off) : MAP_FAILED;
        if (at && p == MAP_FAILED)
            munmap(at, size);
    }
    object_put(&m->obj);
    if (p == MAP_FAILED || (want && p != want)) {
        if (p != MAP_FAILED)
            munmap(p, size);
        set_last_error(want ? ERROR_INVALID_ADDRESS : ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    mem_register_mapped(p, (size + 0xfff) & ~(SIZE_T)0xfff,
                        prot & PROT_WRITE ? (flags == MAP_PRIVATE ? PAGE_WRITECOPY : PAGE_READWRITE)
                                          : PAGE_READONLY);
    return p;
}

/* MapViewOfFile (kernel32) */
LPVOID WINAPI MapViewOfFile(HANDLE h, DWORD access, DWORD off_high, DWORD off_low,
                            SIZE_T size)
{
    return MapViewOfFileEx(h, access, off_high, off_low, size, NULL);
}

/* UnmapViewOfFile (kernel32) */
BOOL WINAPI UnmapViewOfFile(LPCVOID addr)
{
    MEMORY_BASIC_INFORMATION mbi;
    if (mem_query(addr, &mbi) || mbi.Type != MEM_MAPPED || mbi.AllocationBase != addr) {
        set_last_error(ERROR_INVALID_ADDRESS);
        return FALSE;
    }
    size_t size = mem_region_size(addr);
    mem_unregister((void *)addr);
    munmap((void *)addr, size);
    return TRUE;
}

/* FlushViewOfFile (kernel32) */
BOOL WINAPI FlushViewOfFile(LPCVOID addr, SIZE_T size)
{
    uintptr_t a = (uintptr_t)addr & ~(uintptr_t)0xfff;
    if (!size)
        size = mem_region_size((void *)a);
    msync((void *)a, size + ((uintptr_t)addr - a), MS_SYNC);
    return TRUE;
}
