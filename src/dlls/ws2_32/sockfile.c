/* Socket objects: a `struct file` (so every handle function takes a
 * SOCKET) plus ws2_32's `struct sock`, found through a table indexed by
 * the fd. The file layer has no hook for "a socket is going away" yet, so
 * a socket's file gets a copy of the file object ops whose destroy first
 * cancels the socket's pending operations and frees its state; that copy
 * also tells a socket handle from other files. And the address
 * conversions between Windows' and Linux' sockaddr forms. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/un.h>
#include <unistd.h>

#define DEBUG_CHANNEL winsock
#include "debug.h"
#include "path.h"
#include "wstr.h"
#include "ws2_32.h"

pthread_mutex_t sock_lock = PTHREAD_MUTEX_INITIALIZER;

static struct sock **table; /* by fd */
static int table_size;
static unsigned next_gen;

static struct object_ops sock_ops;
static void (*file_destroy_fn)(struct object *);

/* CancelIoEx/CancelIo reach pending socket operations through the file
 * layer's cancel hook. Weak until the file layer has it: without it,
 * CancelIoEx finds nothing and only closesocket cancels. */
typedef int (*file_cancel_fn)(struct file *f, OVERLAPPED *ov, struct thread *issuer);
void file_set_cancel_hook(file_cancel_fn fn) __attribute__((weak));

static int sock_cancel(struct file *f, OVERLAPPED *ov, struct thread *issuer)
{
    if (f->obj.ops != &sock_ops)
        return 0;
    pthread_mutex_lock(&sock_lock);
    struct sock *s = sock_by_fd_locked(f->fd);
    pthread_mutex_unlock(&sock_lock);
    /* the caller's reference on f keeps s */
    return s && s->file == f ? async_cancel(s, ov, issuer) : 0;
}

struct sock *sock_by_fd_locked(int fd)
{
    return fd >= 0 && fd < table_size ? table[fd] : NULL;
}

static void sock_destroy(struct object *o)
{
    struct file *f = (struct file *)o;
    struct async *list = NULL;
    pthread_mutex_lock(&sock_lock);
    struct sock *s = sock_by_fd_locked(f->fd);
    if (s && s->file == f) {
        async_take_all_locked(s, &list);
        async_forget_locked(s);
        table[f->fd] = NULL;
    } else {
        s = NULL;
    }
    pthread_mutex_unlock(&sock_lock);
    while (list) {
        struct async *a = list;
        list = a->next;
        a->status = STATUS_CANCELLED;
        a->bytes = 0;
        async_complete(a, 0);
    }
    if (s) {
        TRACE("socket fd %d closed", s->fd);
        object_put(s->ev);
        free(s);
    }
    file_destroy_fn(o);
}

SOCKET sock_create(int fd, int family, int type, int protocol, DWORD flags, BOOL inherit)
{
    if (fd < 3) { /* the file layer never closes fds 0-2 */
        int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        close(fd);
        if (nfd < 0) {
            ws_fail_errno(errno);
            return INVALID_SOCKET;
        }
        fd = nfd;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    HANDLE h = file_handle_from_fd(fd, GENERIC_READ | GENERIC_WRITE, inherit);
    struct file *f = file_ref(h);
    struct sock *s = calloc(1, sizeof *s);
    s->file = f;
    s->fd = fd;
    s->family = family;
    s->type = type;
    s->protocol = protocol;
    s->flags = flags;
    pthread_mutex_lock(&sock_lock);
    if (!file_destroy_fn) {
        sock_ops = *f->obj.ops;
        file_destroy_fn = sock_ops.destroy;
        sock_ops.destroy = sock_destroy;
        if (file_set_cancel_hook)
            file_set_cancel_hook(sock_cancel);
    }
    f->obj.ops = &sock_ops;
    if (fd >= table_size) {
        int n = table_size ? table_size : 256;
        while (n <= fd)
            n *= 2;
        table = realloc(table, n * sizeof *table);
        memset(table + table_size, 0, (n - table_size) * sizeof *table);
        table_size = n;
    }
    s->gen = ++next_gen;
    table[fd] = s;
    pthread_mutex_unlock(&sock_lock);
    object_put(&f->obj);
    TRACE("fd %d -> socket %p", fd, h);
    return (SOCKET)h;
}

struct sock *sock_get(SOCKET h)
{
    /* handles may carry tag bits in their low two bits */
    struct file *f = file_ref((HANDLE)(h & ~(SOCKET)3));
    if (!f || f->obj.ops != &sock_ops) {
        if (f)
            object_put(&f->obj);
        ws_set_error(WSAENOTSOCK);
        return NULL;
    }
    pthread_mutex_lock(&sock_lock);
    struct sock *s = sock_by_fd_locked(f->fd);
    pthread_mutex_unlock(&sock_lock);
    if (!s || s->file != f) {
        object_put(&f->obj);
        ws_set_error(WSAENOTSOCK);
        return NULL;
    }
    return s;
}

int ws_family_to_unix(int family)
{
    switch (family) {
    case WS_AF_UNSPEC: return AF_UNSPEC;
    case WS_AF_UNIX: return AF_UNIX;
    case WS_AF_INET: return AF_INET;
    case WS_AF_INET6: return AF_INET6;
    default: return -1;
    }
}

int ws_family_from_unix(int family)
{
    switch (family) {
    case AF_UNSPEC: return WS_AF_UNSPEC;
    case AF_UNIX: return WS_AF_UNIX;
    case AF_INET: return WS_AF_INET;
    case AF_INET6: return WS_AF_INET6;
    default: return -1;
    }
}

/* ---- addresses --------------------------------------------------------------- */

#define WS_SOCKADDR_IN6_OLD 24 /* without sin6_scope_id, still accepted */

int ws_sockaddr_to_unix(const void *ws, int wslen, struct sockaddr_storage *out)
{
    if (!ws || wslen < (int)sizeof(WORD)) {
        ws_set_error(WSAEFAULT);
        return -1;
    }
    memset(out, 0, sizeof *out);
    WORD family;
    memcpy(&family, ws, sizeof family);
    switch (family) {
    case WS_AF_INET:
        if (wslen < (int)sizeof(struct sockaddr_in))
            break;
        memcpy(out, ws, sizeof(struct sockaddr_in));
        out->ss_family = AF_INET;
        return sizeof(struct sockaddr_in);
    case WS_AF_INET6:
        if (wslen < WS_SOCKADDR_IN6_OLD)
            break;
        memcpy(out, ws, wslen < (int)sizeof(struct sockaddr_in6) ? WS_SOCKADDR_IN6_OLD
                                                                  : sizeof(struct sockaddr_in6));
        out->ss_family = AF_INET6;
        return sizeof(struct sockaddr_in6);
    case WS_AF_UNIX: {
        struct sockaddr_un *un = (struct sockaddr_un *)out;
        const char *path = (const char *)ws + sizeof(WORD);
        size_t max = wslen - sizeof(WORD);
        if (max > sizeof un->sun_path)
            max = sizeof un->sun_path;
        un->sun_family = AF_UNIX;
        if (!max)
            return sizeof(WORD); /* autobind */
        if (!path[0]) { /* abstract: bytes as they are */
            memcpy(un->sun_path, path, max);
            return sizeof(WORD) + max;
        }
        char dos[sizeof un->sun_path + 1];
        size_t n = strnlen(path, max);
        memcpy(dos, path, n);
        dos[n] = 0;
        /* a DOS path (drive or backslashes) names a Linux file through
         * the drive mapping; a plain relative name stays as it is */
        char *unix_path = strpbrk(dos, "\\:") ? path_dos_to_unix_utf8(dos) : strdup(dos);
        if (!unix_path || strlen(unix_path) >= sizeof un->sun_path) {
            free(unix_path);
            ws_set_error(WSAENAMETOOLONG);
            return -1;
        }
        strcpy(un->sun_path, unix_path);
        free(unix_path);
        return offsetof(struct sockaddr_un, sun_path) + strlen(un->sun_path) + 1;
    }
    default:
        ws_set_error(WSAEAFNOSUPPORT);
        return -1;
    }
    ws_set_error(WSAEFAULT);
    return -1;
}

/* The Windows form of a Linux address, into a full-size buffer. */
static int from_unix_full(const struct sockaddr *sa, socklen_t len, char *out, size_t outsize)
{
    memset(out, 0, outsize);
    switch (sa->sa_family) {
    case AF_INET:
        memcpy(out, sa, sizeof(struct sockaddr_in));
        ((WS_SOCKADDR *)out)->family = WS_AF_INET;
        return sizeof(struct sockaddr_in);
    case AF_INET6:
        memcpy(out, sa, sizeof(struct sockaddr_in6));
        ((WS_SOCKADDR *)out)->family = WS_AF_INET6;
        return sizeof(struct sockaddr_in6);
    case AF_UNIX: {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t plen = len > offsetof(struct sockaddr_un, sun_path)
                          ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        ((WS_SOCKADDR *)out)->family = WS_AF_UNIX;
        char *dst = out + sizeof(WORD);
        size_t room = outsize - sizeof(WORD);
        if (plen && un->sun_path[0]) {
            char path[sizeof un->sun_path + 1];
            size_t n = strnlen(un->sun_path, plen);
            memcpy(path, un->sun_path, n);
            path[n] = 0;
            char *p = path;
            WCHAR *dos = path[0] == '/' ? path_unix_to_dos(path) : NULL;
            char *u = dos ? wstr_to_utf8_alloc(dos) : NULL;
            free(dos);
            if (u && strlen(u) < 108)
                p = u;
            size_t pl = strlen(p);
            if (pl >= room)
                pl = room - 1;
            memcpy(dst, p, pl);
            free(u);
            return sizeof(WORD) + 108; /* Windows reports the full sockaddr_un */
        }
        if (plen > room)
            plen = room;
        memcpy(dst, un->sun_path, plen);
        return sizeof(WORD) + (plen ? 108 : 0);
    }
    default:
        memcpy(out, sa, len < outsize ? len : outsize);
        return len;
    }
}

int ws_sockaddr_size(const struct sockaddr *sa, socklen_t len)
{
    char tmp[sizeof(struct sockaddr_storage)];
    return from_unix_full(sa, len, tmp, sizeof tmp);
}

int ws_sockaddr_from_unix(const struct sockaddr *sa, socklen_t len, void *ws, int *wslen)
{
    char tmp[sizeof(struct sockaddr_storage)];
    int n = from_unix_full(sa, len, tmp, sizeof tmp);
    if (!ws || !wslen || *wslen < n) {
        if (wslen)
            *wslen = n;
        ws_set_error(WSAEFAULT);
        return -1;
    }
    memcpy(ws, tmp, n);
    *wslen = n;
    return n;
}
