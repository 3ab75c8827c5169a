/* Socket operations that cannot finish at once. Every socket fd is
 * non-blocking; an operation first tries its system call in the thread
 * that asked (so most complete without a thread switch). One that would
 * block is queued on its socket - receives and accepts on one queue,
 * sends and connects on the other, each in order - and a per-process I/O
 * thread waits with epoll for the fds that have queued work, retries the
 * head of each queue when its fd is ready, and completes the operations:
 * OVERLAPPED fields, the event, a packet for the socket's completion port,
 * a completion routine as an APC to the issuing thread, or waking a
 * thread blocked in a synchronous call.
 *
 * Invariant: a->sock is non-NULL exactly while `a` sits in that socket's
 * queue; both change only under sock_lock. A socket is freed only after
 * its operations have been taken out and completed. */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define DEBUG_CHANNEL winsock
#include "blocking.h"
#include "debug.h"
#include "iocp.h"
#include "thread.h"
#include "ws2_32.h"

static int epfd = -1;
static pthread_once_t io_once = PTHREAD_ONCE_INIT;
/* bumped and woken on every completion, for WSAGetOverlappedResult */
int ws_completion_seq;

static long futex(int *addr, int op, int val, const struct timespec *ts)
{
    return syscall(SYS_futex, addr, op, val, ts, NULL, 0);
}

static int is_read_kind(enum async_kind k) { return k == ASYNC_RECV || k == ASYNC_ACCEPT; }

/* ---- the I/O thread ------------------------------------------------------------ */

static void *io_thread(void *arg);

static void start_io_thread(void)
{
    epfd = epoll_create1(EPOLL_CLOEXEC);
    thread_start_helper(io_thread, NULL, 256 * 1024);
}

static unsigned interest_locked(struct sock *s)
{
    unsigned ev = 0;
    if (s->rq)
        ev |= EPOLLIN | EPOLLRDHUP;
    if (s->wq)
        ev |= EPOLLOUT;
    return ev | ws_event_interest_locked(s);
}

void async_update_locked(struct sock *s)
{
    unsigned want = s->parked ? 0 : interest_locked(s);
    if (want == s->epoll_events)
        return;
    pthread_once(&io_once, start_io_thread);
    struct epoll_event e = {.events = want, .data.u64 = (uint64_t)s->gen << 32 | (unsigned)s->fd};
    if (!want) {
        epoll_ctl(epfd, EPOLL_CTL_DEL, s->fd, NULL);
    } else if (!s->epoll_events) {
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, s->fd, &e) < 0 && errno == EEXIST)
            epoll_ctl(epfd, EPOLL_CTL_MOD, s->fd, &e);
    } else if (epoll_ctl(epfd, EPOLL_CTL_MOD, s->fd, &e) < 0 && errno == ENOENT) {
        /* AcceptEx put another socket behind the fd: register that one */
        epoll_ctl(epfd, EPOLL_CTL_ADD, s->fd, &e);
    }
    s->epoll_events = want;
}

void async_forget_locked(struct sock *s)
{
    if (s->epoll_events)
        epoll_ctl(epfd, EPOLL_CTL_DEL, s->fd, NULL);
    s->epoll_events = 0;
}

static void unlink_locked(struct async *a)
{
    struct sock *s = a->sock;
    struct async **head = is_read_kind(a->kind) ? &s->rq : &s->wq;
    struct async **tail = is_read_kind(a->kind) ? &s->rq_tail : &s->wq_tail;
    struct async *prev = NULL;
    for (struct async **p = head; *p; prev = *p, p = &(*p)->next)
        if (*p == a) {
            *p = a->next;
            if (*tail == a)
                *tail = prev;
            break;
        }
    a->next = NULL;
    a->sock = NULL;
}

void async_queue_locked(struct async *a)
{
    struct sock *s = a->sock;
    struct async **head = is_read_kind(a->kind) ? &s->rq : &s->wq;
    struct async **tail = is_read_kind(a->kind) ? &s->rq_tail : &s->wq_tail;
    a->next = NULL;
    if (*tail)
        (*tail)->next = a;
    else
        *head = a;
    *tail = a;
    s->parked = 0;
    async_update_locked(s);
}

void async_take_all_locked(struct sock *s, struct async **list)
{
    struct async **end = list;
    while (*end)
        end = &(*end)->next;
    struct async *queues[2] = {s->rq, s->wq};
    for (int i = 0; i < 2; i++)
        for (struct async *a = queues[i], *next; a; a = next) {
            next = a->next;
            a->sock = NULL;
            a->next = NULL;
            *end = a;
            end = &a->next;
        }
    s->rq = s->rq_tail = s->wq = s->wq_tail = NULL;
}

/* Retries the heads of s's queues; finished operations go to *done. */
static int process_queue_locked(struct sock *s, struct async **head, struct async ***done)
{
    int progressed = 0;
    while (*head) {
        struct async *a = *head;
        int r = async_try_locked(a);
        if (!r)
            break;
        progressed = 1;
        if (r == 2) /* moved to another socket's queue (AcceptEx waiting for data) */
            continue;
        unlink_locked(a);
        **done = a;
        *done = &a->next;
    }
    return progressed;
}

static void *io_thread(void *arg)
{
    struct epoll_event evs[64];
    for (;;) {
        int n = epoll_wait(epfd, evs, 64, -1);
        if (n < 0)
            continue;
        struct async *done = NULL, **tail = &done;
        struct object *signals[64];
        int nsig = 0;
        pthread_mutex_lock(&sock_lock);
        for (int i = 0; i < n; i++) {
            int fd = (int)(evs[i].data.u64 & 0xffffffffu);
            unsigned gen = evs[i].data.u64 >> 32;
            struct sock *s = sock_by_fd_locked(fd);
            if (!s || s->gen != gen)
                continue; /* closed since epoll_wait returned */
            unsigned rev = evs[i].events;
            int progressed = process_queue_locked(s, &s->rq, &tail);
            progressed |= process_queue_locked(s, &s->wq, &tail);
            struct object *sig = NULL;
            progressed |= ws_event_poll_locked(s, rev, &sig);
            if (sig)
                signals[nsig++] = sig;
            /* a hung-up fd stays ready: leave epoll until something changes */
            if (!progressed && (rev & (EPOLLHUP | EPOLLERR)))
                s->parked = 1;
            async_update_locked(s);
        }
        pthread_mutex_unlock(&sock_lock);
        *tail = NULL;
        while (done) {
            struct async *a = done;
            done = a->next;
            async_complete(a, 0);
        }
        for (int i = 0; i < nsig; i++) {
            event_set(signals[i], NULL);
            object_put(signals[i]);
        }
    }
    return NULL;
}

/* ---- trying an operation --------------------------------------------------------- */

static size_t total_len(const struct async *a)
{
    size_t t = 0;
    for (ULONG i = 0; i < a->nbufs; i++)
        t += a->bufs[i].len;
    return t;
}

/* iovecs for a->bufs past the first `skip` bytes; *iov may be malloc'ed */
static int build_iov(const struct async *a, size_t skip, struct iovec *stack, int nstack,
                     struct iovec **iov)
{
    *iov = a->nbufs > (ULONG)nstack ? malloc(a->nbufs * sizeof **iov) : stack;
    int n = 0;
    for (ULONG i = 0; i < a->nbufs; i++) {
        size_t len = a->bufs[i].len;
        char *p = a->bufs[i].buf;
        if (skip >= len) {
            skip -= len;
            continue;
        }
        (*iov)[n].iov_base = p + skip;
        (*iov)[n].iov_len = len - skip;
        skip = 0;
        n++;
    }
    return n;
}

static int try_recv(struct async *a)
{
    struct sock *s = a->sock;
    size_t want = total_len(a);
    if (!want && s->type == WS_SOCK_STREAM && !(a->msg_flags & MSG_OOB)) {
        /* a zero-byte receive completes when data (or EOF) is there */
        struct pollfd p = {s->fd, POLLIN, 0};
        if (poll(&p, 1, 0) <= 0)
            return 0;
        a->status = STATUS_SUCCESS;
        a->bytes = 0;
        return 1;
    }
    struct iovec stack[16], *iov;
    int niov = build_iov(a, a->done_bytes, stack, 16, &iov);
    struct msghdr mh = {0};
    mh.msg_iov = iov;
    mh.msg_iovlen = niov;
    if (a->from || a->msg) {
        mh.msg_name = &a->addr;
        mh.msg_namelen = sizeof a->addr;
    }
    ssize_t n;
    do
        n = recvmsg(s->fd, &mh, a->msg_flags | MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (iov != stack)
        free(iov);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        a->status = s->shut_rd && errno == EPIPE ? STATUS_PIPE_DISCONNECTED
                                                 : ws_errno_to_status(errno);
        a->bytes = a->done_bytes;
        return 1;
    }
    a->done_bytes += n;
    if (n == 0 && want && s->type == WS_SOCK_STREAM)
        s->peer_closed = 1;
    if ((a->msg_flags & MSG_WAITALL) && s->type == WS_SOCK_STREAM && n > 0 &&
        a->done_bytes < want)
        return 0;
    a->status = STATUS_SUCCESS;
    a->bytes = a->done_bytes;
    a->out_flags = 0;
    if (mh.msg_flags & MSG_TRUNC) {
        /* a datagram bigger than the buffer: Windows fills the buffer and
         * reports WSAEMSGSIZE */
        a->status = STATUS_BUFFER_OVERFLOW;
        a->out_flags |= WS_MSG_PARTIAL;
    }
    a->addrlen = mh.msg_namelen;
    return 1;
}

static int try_send(struct async *a)
{
    struct sock *s = a->sock;
    size_t want = total_len(a);
    struct iovec stack[16], *iov;
    int niov = build_iov(a, a->done_bytes, stack, 16, &iov);
    struct msghdr mh = {0};
    mh.msg_iov = iov;
    mh.msg_iovlen = niov;
    if (a->addrlen) {
        mh.msg_name = &a->addr;
        mh.msg_namelen = a->addrlen;
    }
    ssize_t n;
    do
        n = sendmsg(s->fd, &mh, a->msg_flags | MSG_DONTWAIT | MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (iov != stack)
        free(iov);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        a->status = errno == EPIPE && s->shut_wr ? STATUS_PIPE_DISCONNECTED
                                                 : ws_errno_to_status(errno);
        a->bytes = a->done_bytes;
        return 1;
    }
    a->done_bytes += n;
    if (a->stream_all && a->done_bytes < want)
        return 0;
    a->status = STATUS_SUCCESS;
    a->bytes = a->done_bytes;
    return 1;
}

/* AcceptEx's buffer: [data][int len + local address][int len + remote
 * address], the layout GetAcceptExSockaddrs reads (Wine's as well). */
static void fill_accept_buf(struct async *a, int fd)
{
    struct sockaddr_storage local;
    socklen_t llen = sizeof local;
    char *p = a->accept_buf + a->accept_data;
    if (getsockname(fd, (struct sockaddr *)&local, &llen) == 0) {
        int wl = a->accept_local - sizeof(int);
        if (ws_sockaddr_from_unix((struct sockaddr *)&local, llen, p + sizeof(int), &wl) >= 0)
            memcpy(p, &wl, sizeof wl);
    }
    p += a->accept_local;
    int wr = a->accept_remote - sizeof(int);
    if (ws_sockaddr_from_unix((struct sockaddr *)&a->peer, a->peerlen, p + sizeof(int), &wr) >= 0)
        memcpy(p, &wr, sizeof wr);
}

/* The socket behind an AcceptEx accept handle, under sock_lock (sock_get
 * would take the lock again). Referenced. */
static struct sock *accept_target_locked(SOCKET h)
{
    struct file *f = file_ref((HANDLE)(h & ~(SOCKET)3));
    if (!f)
        return NULL;
    struct sock *t = sock_by_fd_locked(f->fd);
    if (!t || t->file != f) {
        object_put(&f->obj);
        return NULL;
    }
    return t;
}

static int try_accept(struct async *a)
{
    struct sock *s = a->sock;
    int nfd;
    for (;;) {
        a->peerlen = sizeof a->peer;
        nfd = accept4(s->fd, (struct sockaddr *)&a->peer, &a->peerlen,
                      SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (nfd >= 0 || (errno != EINTR && errno != ECONNABORTED))
            break;
    }
    if (nfd < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        a->status = ws_errno_to_status(errno);
        a->bytes = 0;
        return 1;
    }
    ws_event_reenable_locked(s, WS_FD_ACCEPT);
    if (!a->accept_as) { /* accept(): the caller makes the socket */
        a->accepted = (SOCKET)nfd;
        a->status = STATUS_SUCCESS;
        a->bytes = 0;
        return 1;
    }
    struct sock *t = accept_target_locked(a->accept_as);
    if (!t) {
        close(nfd);
        a->status = STATUS_INVALID_HANDLE;
        a->bytes = 0;
        return 1;
    }
    /* the accept socket becomes the connection: same fd number, so its
     * handle and table slot stay */
    async_forget_locked(t);
    dup3(nfd, t->fd, O_CLOEXEC);
    close(nfd);
    t->state = SOCK_CONNECTED;
    t->peer_closed = t->shut_rd = t->shut_wr = 0;
    fill_accept_buf(a, t->fd);
    if (a->accept_data) {
        /* AcceptEx also waits for the first data: continue as a receive
         * on the new connection */
        unlink_locked(a);
        a->kind = ASYNC_RECV;
        a->inline_bufs[0].len = a->accept_data;
        a->inline_bufs[0].buf = a->accept_buf;
        a->bufs = a->inline_bufs;
        a->nbufs = 1;
        a->msg_flags = 0;
        a->sock = t;
        object_put(&t->file->obj);
        if (!t->rq && try_recv(a))
            return 1;
        async_queue_locked(a);
        return 2;
    }
    object_put(&t->file->obj);
    a->status = STATUS_SUCCESS;
    a->bytes = 0;
    return 1;
}

static int try_connect(struct async *a)
{
    struct sock *s = a->sock;
    struct pollfd p = {s->fd, POLLOUT, 0};
    if (poll(&p, 1, 0) <= 0)
        return 0;
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
        s->state = SOCK_BOUND;
        s->connect_error = err;
        a->status = ws_errno_to_status(err);
        a->bytes = 0;
        return 1;
    }
    s->state = SOCK_CONNECTED;
    if (a->connect_len) { /* ConnectEx's data goes out next, as a send */
        a->kind = ASYNC_SEND;
        a->inline_bufs[0].len = a->connect_len;
        a->inline_bufs[0].buf = (char *)a->connect_data;
        a->bufs = a->inline_bufs;
        a->nbufs = 1;
        a->connect_len = 0;
        a->stream_all = 1;
        return try_send(a);
    }
    a->status = STATUS_SUCCESS;
    a->bytes = 0;
    return 1;
}

int async_try_locked(struct async *a)
{
    switch (a->kind) {
    case ASYNC_RECV: return try_recv(a);
    case ASYNC_SEND: return try_send(a);
    case ASYNC_ACCEPT: return try_accept(a);
    case ASYNC_CONNECT: return try_connect(a);
    }
    return 0;
}

/* ---- completion ------------------------------------------------------------------ */

struct routine_call {
    LPWSAOVERLAPPED_COMPLETION_ROUTINE fn;
    DWORD error, bytes, flags;
    OVERLAPPED *ov;
};

static void WINAPI routine_apc(ULONG_PTR arg)
{
    struct routine_call *c = (struct routine_call *)arg;
    c->fn(c->error, c->bytes, c->ov, c->flags);
    free(c);
}

void async_set_overlapped(struct async *a, struct sock *s, OVERLAPPED *ov,
                          LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    a->ov = ov;
    a->routine = routine;
    struct thread *t = nt_current_thread();
    a->thread = t ? (struct thread *)object_ref(&t->obj) : NULL;
    if (!ov)
        return;
    ov->Internal = STATUS_PENDING;
    ov->InternalHigh = 0;
    ULONG_PTR ev = (ULONG_PTR)ov->hEvent;
    if (ev && !routine) {
        /* the event is reset when the operation starts, as on Windows */
        a->event = (HANDLE)(ev & ~(ULONG_PTR)3);
        struct object *o = handle_ref(a->event, OBJ_EVENT);
        if (o) {
            event_reset(o, NULL);
            object_put(o);
        }
    }
    /* the low bit of hEvent asks for no completion packet */
    struct object *port = s->file->port;
    if (port && !(ev & 1) && !routine) {
        a->port = object_ref(port);
        a->key = s->file->port_key;
    }
}

static void async_free(struct async *a)
{
    object_put(a->port);
    if (a->thread)
        object_put(&a->thread->obj);
    if (a->bufs != a->inline_bufs)
        free(a->bufs);
    free(a);
}

void async_complete(struct async *a, int immediate)
{
    TRACE("%p kind %d status %#x bytes %u ov %p port %p immediate %d", a, a->kind,
          (unsigned)a->status, a->bytes, a->ov, a->port, immediate);
    if (a->waiter) {
        __atomic_store_n(&a->done, 1, __ATOMIC_RELEASE);
        futex(&a->done, FUTEX_WAKE_PRIVATE, 1, NULL);
        return;
    }
    if (a->from && a->fromlen && (a->status == STATUS_SUCCESS || a->status == STATUS_BUFFER_OVERFLOW)) {
        int len = *a->fromlen;
        if (ws_sockaddr_from_unix((struct sockaddr *)&a->addr, a->addrlen, a->from, &len) >= 0)
            *a->fromlen = len;
    }
    if (a->msg && a->status == STATUS_SUCCESS) {
        int len = a->msg->namelen;
        if (a->msg->name &&
            ws_sockaddr_from_unix((struct sockaddr *)&a->addr, a->addrlen, a->msg->name, &len) >= 0)
            a->msg->namelen = len;
        a->msg->Control.len = 0;
        a->msg->dwFlags = a->out_flags;
    }
    OVERLAPPED *ov = a->ov;
    if (ov) {
        if (a->kind == ASYNC_RECV) /* WSAGetOverlappedResult's flags, as Wine keeps them */
            ov->Offset = a->out_flags;
        ov->InternalHigh = a->bytes;
        __atomic_store_n(&ov->Internal, (ULONG_PTR)(ULONG)a->status, __ATOMIC_RELEASE);
    }
    if (a->event) {
        struct object *o = handle_ref(a->event, OBJ_EVENT);
        if (o) {
            event_set(o, NULL);
            object_put(o);
        }
    }
    int skip = immediate && a->status == STATUS_SUCCESS && a->sock_skip_on_success;
    if (a->port && !skip)
        iocp_post(a->port, a->bytes, a->key, ov, a->status);
    if (a->routine && a->thread) {
        struct routine_call *c = malloc(sizeof *c);
        c->fn = a->routine;
        c->error = a->status ? ws_status_to_wsa(a->status) : 0;
        c->bytes = a->bytes;
        c->flags = a->out_flags;
        c->ov = ov;
        sync_queue_apc(a->thread, routine_apc, (ULONG_PTR)c);
    }
    __atomic_add_fetch(&ws_completion_seq, 1, __ATOMIC_RELEASE);
    futex(&ws_completion_seq, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL);
    async_free(a);
}

void async_wait(struct async *a, DWORD timeout_ms)
{
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    if (timeout_ms) {
        deadline.tv_sec += timeout_ms / 1000;
        deadline.tv_nsec += (timeout_ms % 1000) * 1000000l;
        if (deadline.tv_nsec >= 1000000000l) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000l;
        }
    }
    while (!__atomic_load_n(&a->done, __ATOMIC_ACQUIRE)) {
        struct timespec rel, *ts = NULL;
        if (timeout_ms) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            rel.tv_sec = deadline.tv_sec - now.tv_sec;
            rel.tv_nsec = deadline.tv_nsec - now.tv_nsec;
            if (rel.tv_nsec < 0) {
                rel.tv_sec--;
                rel.tv_nsec += 1000000000l;
            }
            if (rel.tv_sec < 0) {
                pthread_mutex_lock(&sock_lock);
                if (a->sock) { /* still queued: give up on it */
                    unlink_locked(a);
                    a->status = STATUS_IO_TIMEOUT;
                    a->done = 1;
                }
                pthread_mutex_unlock(&sock_lock);
                timeout_ms = 0; /* otherwise it is being completed: wait */
                continue;
            }
            ts = &rel;
        }
        BLOCKING(futex(&a->done, FUTEX_WAIT_PRIVATE, 0, ts));
    }
}

int async_cancel(struct sock *s, OVERLAPPED *ov, struct thread *thread)
{
    struct async *list = NULL, **tail = &list;
    int n = 0;
    pthread_mutex_lock(&sock_lock);
    struct async *queues[2] = {s->rq, s->wq};
    for (int i = 0; i < 2; i++)
        for (struct async *a = queues[i], *next; a; a = next) {
            next = a->next;
            if ((ov && a->ov != ov) || (thread && a->thread != thread))
                continue;
            unlink_locked(a);
            *tail = a;
            tail = &a->next;
            n++;
        }
    async_update_locked(s);
    pthread_mutex_unlock(&sock_lock);
    while (list) {
        struct async *a = list;
        list = a->next;
        a->status = STATUS_CANCELLED;
        a->bytes = a->kind == ASYNC_SEND ? a->done_bytes : 0;
        async_complete(a, 0);
    }
    return n;
}

/* ---- the two ways to run an operation ----------------------------------------------- */

int async_run_sync(struct sock *s, struct async *a, DWORD timeout_ms)
{
    a->sock = s;
    pthread_mutex_lock(&sock_lock);
    struct async *queue = is_read_kind(a->kind) ? s->rq : s->wq;
    if (!queue) {
        int r = async_try_locked(a);
        if (r) {
            a->sock = NULL;
            pthread_mutex_unlock(&sock_lock);
            return 1;
        }
    }
    if (s->nonblocking) {
        a->sock = NULL;
        pthread_mutex_unlock(&sock_lock);
        ws_set_error(WSAEWOULDBLOCK);
        return 0;
    }
    a->waiter = 1;
    async_queue_locked(a);
    pthread_mutex_unlock(&sock_lock);
    async_wait(a, timeout_ms);
    return 1;
}

int async_start_overlapped(struct sock *s, struct async *a, DWORD *bytes_out)
{
    a->sock = s;
    a->sock_skip_on_success = s->file->skip_port_on_success;
    pthread_mutex_lock(&sock_lock);
    struct async *queue = is_read_kind(a->kind) ? s->rq : s->wq;
    int r = queue ? 0 : async_try_locked(a);
    if (r == 1) {
        a->sock = NULL;
        pthread_mutex_unlock(&sock_lock);
        NTSTATUS st = a->status;
        DWORD bytes = a->bytes;
        if (st != STATUS_SUCCESS && a->kind == ASYNC_CONNECT) {
            /* Windows reports a failed ConnectEx through its completion
             * (a refused loopback connection included) */
            async_complete(a, 0);
            return ws_fail(WSA_IO_PENDING);
        }
        if (st != STATUS_SUCCESS) {
            /* a failure at once is returned, with no event, packet or
             * routine */
            if (a->ov) {
                a->ov->Internal = (ULONG)st;
                a->ov->InternalHigh = bytes;
            }
            async_free(a);
            return ws_fail(ws_status_to_wsa(st));
        }
        if (bytes_out)
            *bytes_out = bytes;
        async_complete(a, 1);
        ws_set_error(0);
        return 0;
    }
    if (r == 0)
        async_queue_locked(a);
    pthread_mutex_unlock(&sock_lock);
    TRACE("%p kind %d on fd %d pending", a, a->kind, s->fd);
    return ws_fail(WSA_IO_PENDING);
}
