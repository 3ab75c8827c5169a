/* Data transfer: send/recv and their WSA forms, synchronous (blocking or
 * not, per FIONBIO) and overlapped (completion through the OVERLAPPED's
 * event, the socket's completion port or a completion routine). Every one
 * builds a `struct async` and hands it to async.c. */
#include <errno.h>
#include <linux/futex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DEBUG_CHANNEL winsock
#include "blocking.h"
#include "debug.h"
#include "ws2_32.h"

extern int ws_completion_seq;

int ws_msg_flags_to_unix(DWORD flags)
{
    int f = 0;
    if (flags & WS_MSG_OOB)
        f |= MSG_OOB;
    if (flags & WS_MSG_PEEK)
        f |= MSG_PEEK;
    if (flags & WS_MSG_DONTROUTE)
        f |= MSG_DONTROUTE;
    if (flags & WS_MSG_WAITALL)
        f |= MSG_WAITALL;
    return f;
}

static void reenable(struct sock *s, LONG events)
{
    pthread_mutex_lock(&sock_lock);
    ws_event_reenable_locked(s, events);
    pthread_mutex_unlock(&sock_lock);
}

/* The WSA error of a synchronous call's final status. */
static int sync_fail(NTSTATUS st)
{
    /* closesocket from another thread ends a blocking call */
    return ws_fail(st == STATUS_CANCELLED ? WSAEINTR : ws_status_to_wsa(st));
}

/* Copies the program's WSABUF array: it may go away once the call returns. */
static int copy_bufs(struct async *a, const WSABUF *bufs, DWORD n)
{
    a->bufs = n <= ASYNC_INLINE_BUFS ? a->inline_bufs : malloc(n * sizeof *bufs);
    if (!a->bufs)
        return 0;
    if (n)
        memcpy(a->bufs, bufs, n * sizeof *bufs);
    a->nbufs = n;
    return 1;
}

static int do_recv(SOCKET h, WSABUF *bufs, DWORD nbufs, DWORD *got, DWORD *flags, void *from,
                   int *fromlen, WSAMSG *msg, OVERLAPPED *ov,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    if (from && (!fromlen || *fromlen < 0)) {
        sock_put(s);
        return ws_fail(WSAEFAULT);
    }
    if (s->type == WS_SOCK_STREAM && !sock_connected(s)) {
        sock_put(s);
        return ws_fail(WSAENOTCONN);
    }
    int mflags = ws_msg_flags_to_unix(flags ? *flags : 0);
    if (!ov && !routine) {
        struct async a = {0};
        a.kind = ASYNC_RECV;
        a.bufs = bufs;
        a.nbufs = nbufs;
        a.msg_flags = mflags;
        a.from = from;
        a.msg = msg;
        int r = async_run_sync(s, &a, s->rcvtimeo);
        reenable(s, WS_FD_READ);
        if (!r) {
            sock_put(s);
            return SOCKET_ERROR;
        }
        if ((from || (msg && msg->name)) && a.addrlen &&
            (a.status == STATUS_SUCCESS || a.status == STATUS_BUFFER_OVERFLOW)) {
            int len = from ? *fromlen : msg->namelen;
            if (ws_sockaddr_from_unix((struct sockaddr *)&a.addr, a.addrlen,
                                      from ? from : (void *)msg->name, &len) >= 0) {
                if (from)
                    *fromlen = len;
                else
                    msg->namelen = len;
            }
        }
        sock_put(s);
        if (got)
            *got = a.bytes;
        if (flags)
            *flags = a.out_flags;
        if (msg) {
            msg->dwFlags = a.out_flags;
            msg->Control.len = 0;
        }
        if (a.status != STATUS_SUCCESS)
            return sync_fail(a.status);
        ws_set_error(0);
        return 0;
    }
    struct async *a = calloc(1, sizeof *a);
    if (!a || !copy_bufs(a, bufs, nbufs)) {
        free(a);
        sock_put(s);
        return ws_fail(WSAENOBUFS);
    }
    a->kind = ASYNC_RECV;
    a->msg_flags = mflags;
    a->from = from;
    a->fromlen = fromlen;
    a->msg = msg;
    async_set_overlapped(a, s, ov, routine);
    DWORD n = 0;
    int r = async_start_overlapped(s, a, &n);
    reenable(s, WS_FD_READ);
    sock_put(s);
    if (!r) {
        if (got)
            *got = n;
        if (flags)
            *flags = 0;
    }
    return r;
}

static int do_send(SOCKET h, const WSABUF *bufs, DWORD nbufs, DWORD *sent, DWORD flags,
                   const void *to, int tolen, OVERLAPPED *ov,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct sockaddr_storage addr;
    int alen = 0;
    /* a connected stream socket ignores the address, as on Windows */
    if (to && !(s->type == WS_SOCK_STREAM)) {
        alen = ws_sockaddr_to_unix(to, tolen, &addr);
        if (alen < 0) {
            sock_put(s);
            return SOCKET_ERROR;
        }
    }
    if (s->type == WS_SOCK_STREAM && !sock_connected(s)) {
        sock_put(s);
        return ws_fail(s->shut_wr ? WSAESHUTDOWN : WSAENOTCONN);
    }
    if (s->shut_wr) {
        sock_put(s);
        return ws_fail(WSAESHUTDOWN);
    }
    int mflags = ws_msg_flags_to_unix(flags) & ~(MSG_PEEK | MSG_WAITALL);
    if (!ov && !routine) {
        struct async a = {0};
        a.kind = ASYNC_SEND;
        a.bufs = (WSABUF *)bufs;
        a.nbufs = nbufs;
        a.msg_flags = mflags;
        /* a blocking stream send returns when everything is sent */
        a.stream_all = s->type == WS_SOCK_STREAM && !s->nonblocking;
        if (alen) {
            memcpy(&a.addr, &addr, alen);
            a.addrlen = alen;
        }
        int r = async_run_sync(s, &a, s->sndtimeo);
        if (!r) { /* WSAEWOULDBLOCK: FD_WRITE will say when to retry */
            reenable(s, WS_FD_WRITE);
            sock_put(s);
            return SOCKET_ERROR;
        }
        sock_put(s);
        if (sent)
            *sent = a.bytes;
        if (a.status != STATUS_SUCCESS)
            return sync_fail(a.status);
        ws_set_error(0);
        return 0;
    }
    struct async *a = calloc(1, sizeof *a);
    if (!a || !copy_bufs(a, bufs, nbufs)) {
        free(a);
        sock_put(s);
        return ws_fail(WSAENOBUFS);
    }
    a->kind = ASYNC_SEND;
    a->msg_flags = mflags;
    a->stream_all = s->type == WS_SOCK_STREAM;
    if (alen) {
        memcpy(&a->addr, &addr, alen);
        a->addrlen = alen;
    }
    async_set_overlapped(a, s, ov, routine);
    DWORD n = 0;
    int r = async_start_overlapped(s, a, &n);
    sock_put(s);
    if (!r && sent)
        *sent = n;
    return r;
}

/* recv (ws2_32) */
int WINAPI ws_recv(SOCKET s, char *buf, int len, int flags)
{
    WSABUF b = {len, buf};
    DWORD got = 0, f = flags;
    if (len < 0)
        return ws_fail(WSAEFAULT);
    if (do_recv(s, &b, 1, &got, &f, NULL, NULL, NULL, NULL, NULL))
        return SOCKET_ERROR;
    return got;
}

/* recvfrom (ws2_32) */
int WINAPI ws_recvfrom(SOCKET s, char *buf, int len, int flags, WS_SOCKADDR *from, int *fromlen)
{
    WSABUF b = {len, buf};
    DWORD got = 0, f = flags;
    if (len < 0)
        return ws_fail(WSAEFAULT);
    int r = do_recv(s, &b, 1, &got, &f, from, from ? fromlen : NULL, NULL, NULL, NULL);
    if (r && WSAGetLastError() != WSAEMSGSIZE)
        return SOCKET_ERROR;
    return r ? SOCKET_ERROR : (int)got;
}

/* send (ws2_32) */
int WINAPI ws_send(SOCKET s, const char *buf, int len, int flags)
{
    WSABUF b = {len, (char *)buf};
    DWORD sent = 0;
    if (len < 0)
        return ws_fail(WSAEFAULT);
    if (do_send(s, &b, 1, &sent, flags, NULL, 0, NULL, NULL))
        return SOCKET_ERROR;
    return sent;
}

/* sendto (ws2_32) */
int WINAPI ws_sendto(SOCKET s, const char *buf, int len, int flags, const WS_SOCKADDR *to,
                     int tolen)
{
    WSABUF b = {len, (char *)buf};
    DWORD sent = 0;
    if (len < 0)
        return ws_fail(WSAEFAULT);
    if (do_send(s, &b, 1, &sent, flags, to, tolen, NULL, NULL))
        return SOCKET_ERROR;
    return sent;
}

/* WSARecv (ws2_32) */
int WINAPI WSARecv(SOCKET s, WSABUF *bufs, DWORD n, LPDWORD got, LPDWORD flags, OVERLAPPED *ov,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (!flags)
        return ws_fail(WSAEFAULT);
    return do_recv(s, bufs, n, got, flags, NULL, NULL, NULL, ov, routine);
}

/* WSARecvFrom (ws2_32) */
int WINAPI WSARecvFrom(SOCKET s, WSABUF *bufs, DWORD n, LPDWORD got, LPDWORD flags,
                       WS_SOCKADDR *from, int *fromlen, OVERLAPPED *ov,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (!flags)
        return ws_fail(WSAEFAULT);
    return do_recv(s, bufs, n, got, flags, from, from ? fromlen : NULL, NULL, ov, routine);
}

/* WSARecvMsg, returned by SIO_GET_EXTENSION_FUNCTION_POINTER. Control
 * data (IP_PKTINFO...) is not passed on yet. */
int WINAPI ws_WSARecvMsg(SOCKET s, WSAMSG *msg, LPDWORD got, OVERLAPPED *ov,
                         LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (!msg)
        return ws_fail(WSAEFAULT);
    if (msg->Control.len)
        FIXME("control data not supported");
    DWORD flags = msg->dwFlags;
    return do_recv(s, msg->lpBuffers, msg->dwBufferCount, got, &flags, NULL, NULL, msg, ov,
                   routine);
}

/* WSASend (ws2_32) */
int WINAPI WSASend(SOCKET s, WSABUF *bufs, DWORD n, LPDWORD sent, DWORD flags, OVERLAPPED *ov,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    return do_send(s, bufs, n, sent, flags, NULL, 0, ov, routine);
}

/* WSASendTo (ws2_32) */
int WINAPI WSASendTo(SOCKET s, WSABUF *bufs, DWORD n, LPDWORD sent, DWORD flags,
                     const WS_SOCKADDR *to, int tolen, OVERLAPPED *ov,
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    return do_send(s, bufs, n, sent, flags, to, tolen, ov, routine);
}

/* WSASendMsg (ws2_32) */
int WINAPI WSASendMsg(SOCKET s, WSAMSG *msg, DWORD flags, LPDWORD sent, OVERLAPPED *ov,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (!msg)
        return ws_fail(WSAEFAULT);
    if (msg->Control.len)
        FIXME("control data not supported");
    return do_send(s, msg->lpBuffers, msg->dwBufferCount, sent, flags, msg->name,
                   msg->namelen, ov, routine);
}

/* WSAGetOverlappedResult (ws2_32) */
BOOL WINAPI WSAGetOverlappedResult(SOCKET h, OVERLAPPED *ov, LPDWORD bytes, BOOL wait,
                                   LPDWORD flags)
{
    struct sock *s = sock_get(h);
    if (!s)
        return FALSE;
    sock_put(s);
    if (!ov || !bytes) {
        ws_set_error(WSAEFAULT);
        return FALSE;
    }
    for (;;) {
        int seq = __atomic_load_n(&ws_completion_seq, __ATOMIC_ACQUIRE);
        if ((NTSTATUS)__atomic_load_n(&ov->Internal, __ATOMIC_ACQUIRE) != STATUS_PENDING)
            break;
        if (!wait) {
            ws_set_error(WSA_IO_INCOMPLETE);
            return FALSE;
        }
        BLOCKING(syscall(SYS_futex, &ws_completion_seq, FUTEX_WAIT_PRIVATE, seq, NULL, NULL, 0));
    }
    NTSTATUS st = (NTSTATUS)ov->Internal;
    *bytes = ov->InternalHigh;
    if (flags)
        *flags = ov->Offset & (WS_MSG_PARTIAL | WS_MSG_TRUNC | WS_MSG_CTRUNC);
    if (st != STATUS_SUCCESS) {
        ws_set_error(ws_status_to_wsa(st));
        return FALSE;
    }
    return TRUE;
}
