/* The Microsoft extensions to Winsock: AcceptEx, ConnectEx, DisconnectEx,
 * TransmitFile (programs get the last three, and often AcceptEx too, from
 * WSAIoctl's SIO_GET_EXTENSION_FUNCTION_POINTER; some import AcceptEx and
 * GetAcceptExSockaddrs from mswsock by name). They run on ws2_32's socket
 * state and I/O thread. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <unistd.h>

#define DEBUG_CHANNEL winsock
#include "blocking.h"
#include "debug.h"
#include "../ws2_32/ws2_32.h"

#define TF_DISCONNECT 0x01
#define TF_REUSE_SOCKET 0x02

/* AcceptEx (mswsock): the accept socket becomes the connection; `buf`
 * receives the first data (if recv_len) and both addresses, which
 * GetAcceptExSockaddrs reads back. */
BOOL WINAPI AcceptEx(SOCKET listen_h, SOCKET accept_h, PVOID buf, DWORD recv_len, DWORD local_len,
                     DWORD remote_len, LPDWORD received, OVERLAPPED *ov)
{
    struct sock *s = sock_get(listen_h);
    if (!s)
        return FALSE;
    struct sock *t = sock_get(accept_h);
    int err = 0;
    if (!t)
        err = WSAENOTSOCK;
    else if (s->state != SOCK_LISTENING || t->state != SOCK_FRESH)
        err = WSAEINVAL;
    else if (!ov || !buf)
        err = !ov ? WSA_INVALID_PARAMETER : WSAEFAULT;
    else if (local_len < sizeof(int) + 16 || remote_len < sizeof(int) + 16)
        err = WSAEFAULT;
    if (t)
        sock_put(t);
    if (err) {
        sock_put(s);
        return ws_fail(err) == 0;
    }
    struct async *a = calloc(1, sizeof *a);
    a->kind = ASYNC_ACCEPT;
    a->accept_as = accept_h;
    a->accept_buf = buf;
    a->accept_data = recv_len;
    a->accept_local = local_len;
    a->accept_remote = remote_len;
    a->bufs = a->inline_bufs;
    async_set_overlapped(a, s, ov, NULL);
    DWORD n = 0;
    int r = async_start_overlapped(s, a, &n);
    sock_put(s);
    if (r)
        return FALSE;
    if (received)
        *received = n;
    return TRUE;
}

/* GetAcceptExSockaddrs (mswsock) */
void WINAPI GetAcceptExSockaddrs(PVOID buf, DWORD recv_len, DWORD local_len, DWORD remote_len,
                                 WS_SOCKADDR **local, int *local_size, WS_SOCKADDR **remote,
                                 int *remote_size)
{
    char *p = (char *)buf + recv_len;
    if (local) {
        memcpy(local_size, p, sizeof(int));
        *local = (WS_SOCKADDR *)(p + sizeof(int));
    }
    p += local_len;
    if (remote) {
        memcpy(remote_size, p, sizeof(int));
        *remote = (WS_SOCKADDR *)(p + sizeof(int));
    }
}

/* ConnectEx, from SIO_GET_EXTENSION_FUNCTION_POINTER: connects a bound
 * socket, then sends `data`; the completion counts the bytes sent. */
BOOL WINAPI ws_ConnectEx(SOCKET h, const WS_SOCKADDR *name, int namelen, PVOID data, DWORD len,
                         LPDWORD sent, OVERLAPPED *ov)
{
    struct sock *s = sock_get(h);
    if (!s)
        return FALSE;
    struct sockaddr_storage ss;
    int ulen = ws_sockaddr_to_unix(name, namelen, &ss);
    int err = 0;
    if (ulen < 0)
        err = WSAGetLastError();
    else if (!ov)
        err = WSA_INVALID_PARAMETER;
    else if (s->state == SOCK_CONNECTED || s->state == SOCK_CONNECTING)
        err = WSAEISCONN;
    else if (s->state != SOCK_BOUND)
        err = WSAEINVAL; /* ConnectEx wants a bound socket */
    else if (s->type != WS_SOCK_STREAM)
        err = WSAEOPNOTSUPP;
    int refused = 0;
    if (!err && connect(s->fd, (struct sockaddr *)&ss, ulen) < 0 && errno != EINPROGRESS) {
        /* Linux refuses a loopback connection at once; Windows reports
         * it through the completion, like any connect failure */
        if (errno == ECONNREFUSED || errno == ENETUNREACH || errno == EHOSTUNREACH ||
            errno == ETIMEDOUT)
            refused = errno;
        else
            err = ws_errno_to_wsa(errno);
    }
    if (err) {
        sock_put(s);
        return ws_fail(err) == 0;
    }
    s->state = refused ? SOCK_BOUND : SOCK_CONNECTING;
    struct async *a = calloc(1, sizeof *a);
    a->kind = ASYNC_CONNECT;
    a->connect_data = data;
    a->connect_len = data ? len : 0;
    a->bufs = a->inline_bufs;
    async_set_overlapped(a, s, ov, NULL);
    if (refused) {
        s->connect_error = refused;
        a->status = ws_errno_to_status(refused);
        async_complete(a, 0);
        sock_put(s);
        return ws_fail(WSA_IO_PENDING) == 0;
    }
    DWORD n = 0;
    int r = async_start_overlapped(s, a, &n);
    sock_put(s);
    if (r)
        return FALSE;
    if (sent)
        *sent = n;
    return TRUE;
}

/* A finished operation reported through an OVERLAPPED: event, port. */
static void complete_now(struct sock *s, OVERLAPPED *ov, DWORD bytes)
{
    if (!ov)
        return;
    struct async *a = calloc(1, sizeof *a);
    a->kind = ASYNC_SEND;
    a->bufs = a->inline_bufs;
    async_set_overlapped(a, s, ov, NULL);
    a->sock_skip_on_success = s->file->skip_port_on_success;
    a->status = STATUS_SUCCESS;
    a->bytes = bytes;
    async_complete(a, 1);
}

/* Ends the connection; with TF_REUSE_SOCKET the handle gets a fresh
 * socket, ready for AcceptEx or ConnectEx again. */
static int disconnect(struct sock *s, DWORD flags)
{
    shutdown(s->fd, SHUT_RDWR);
    if (flags & TF_REUSE_SOCKET) {
        int fd = socket(ws_family_to_unix(s->family), s->type | SOCK_CLOEXEC | SOCK_NONBLOCK,
                        s->family == WS_AF_UNIX ? 0 : s->protocol);
        if (fd < 0)
            return ws_fail_errno(errno);
        int one = 1;
        if (s->family != WS_AF_UNIX && s->type == WS_SOCK_STREAM)
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        pthread_mutex_lock(&sock_lock);
        async_forget_locked(s);
        dup3(fd, s->fd, O_CLOEXEC);
        close(fd);
        s->state = SOCK_FRESH;
        s->peer_closed = s->shut_rd = s->shut_wr = 0;
        pthread_mutex_unlock(&sock_lock);
    } else {
        s->shut_rd = s->shut_wr = 1;
    }
    return 0;
}

/* DisconnectEx, from SIO_GET_EXTENSION_FUNCTION_POINTER */
BOOL WINAPI ws_DisconnectEx(SOCKET h, OVERLAPPED *ov, DWORD flags, DWORD reserved)
{
    struct sock *s = sock_get(h);
    if (!s)
        return FALSE;
    if (!sock_connected(s)) {
        sock_put(s);
        return ws_fail(WSAENOTCONN) == 0;
    }
    int r = disconnect(s, flags);
    if (!r)
        complete_now(s, ov, 0);
    sock_put(s);
    return r == 0;
}

/* Writes everything, waiting while the socket is full. */
static int send_all(int fd, const char *p, size_t len)
{
    while (len) {
        ssize_t n = BLOCKING(send(fd, p, len, MSG_NOSIGNAL));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN)
                return -1;
            struct pollfd pf = {fd, POLLOUT, 0};
            BLOCKING(poll(&pf, 1, -1));
            continue;
        }
        p += n;
        len -= n;
    }
    return 0;
}

typedef struct {
    PVOID Head;
    DWORD HeadLength;
    PVOID Tail;
    DWORD TailLength;
} TRANSMIT_FILE_BUFFERS;

/* TransmitFile (mswsock): head, file contents, tail. Sent before it
 * returns; an OVERLAPPED then gets its completion at once. */
BOOL WINAPI TransmitFile(SOCKET h, HANDLE file, DWORD count, DWORD per_send, OVERLAPPED *ov,
                         void *buffers, DWORD flags)
{
    struct sock *s = sock_get(h);
    if (!s)
        return FALSE;
    if (!sock_connected(s)) {
        sock_put(s);
        return ws_fail(WSAENOTCONN) == 0;
    }
    TRANSMIT_FILE_BUFFERS *tb = buffers;
    DWORD total = 0;
    int err = 0;
    if (tb && tb->Head && tb->HeadLength) {
        if (send_all(s->fd, tb->Head, tb->HeadLength) < 0)
            err = errno;
        else
            total += tb->HeadLength;
    }
    if (!err && file) {
        struct file *f = file_ref(file);
        if (!f) {
            sock_put(s);
            return ws_fail(WSAEINVAL) == 0;
        }
        off_t off = ov ? (off_t)((ULONGLONG)ov->OffsetHigh << 32 | ov->Offset)
                       : lseek(f->fd, 0, SEEK_CUR);
        size_t left = count ? count : (size_t)-1;
        while (left) {
            ssize_t n = BLOCKING(sendfile(s->fd, f->fd, &off, left > (1 << 20) ? (1 << 20) : left));
            if (n == 0)
                break;
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN) {
                    struct pollfd pf = {s->fd, POLLOUT, 0};
                    BLOCKING(poll(&pf, 1, -1));
                    continue;
                }
                err = errno;
                break;
            }
            left -= n;
            total += n;
        }
        if (!ov)
            lseek(f->fd, off, SEEK_SET);
        object_put(&f->obj);
    }
    if (!err && tb && tb->Tail && tb->TailLength) {
        if (send_all(s->fd, tb->Tail, tb->TailLength) < 0)
            err = errno;
        else
            total += tb->TailLength;
    }
    if (!err && (flags & (TF_DISCONNECT | TF_REUSE_SOCKET)))
        disconnect(s, flags);
    if (!err)
        complete_now(s, ov, total);
    sock_put(s);
    if (err)
        return ws_fail_errno(err) == 0;
    ws_set_error(0);
    return TRUE;
}

/* WSARecvEx (mswsock): recv that reports a partial datagram in *flags. */
int WINAPI WSARecvEx(SOCKET s, char *buf, int len, int *flags)
{
    WSABUF b = {len, buf};
    DWORD got = 0, f = flags ? *flags : 0;
    int r = WSARecv(s, &b, 1, &got, &f, NULL, NULL);
    if (r && WSAGetLastError() == WSAEMSGSIZE) {
        if (flags)
            *flags = WS_MSG_PARTIAL;
        return got;
    }
    if (flags)
        *flags = 0;
    return r ? SOCKET_ERROR : (int)got;
}
