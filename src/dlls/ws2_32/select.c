/* Readiness: select (Windows' fd_set is a count and an array of SOCKET
 * handles, not a bitmap), WSAPoll, and WSAEventSelect's network events,
 * which the I/O thread records from epoll with Windows' re-enabling rules:
 * an event fires once, and the call that consumes it (recv for FD_READ,
 * accept for FD_ACCEPT, a send that would block for FD_WRITE) arms it
 * again. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <time.h>

#define DEBUG_CHANNEL winsock
#include "blocking.h"
#include "debug.h"
#include "ws2_32.h"

/* ---- WSAEventSelect ------------------------------------------------------------------ */

static int bytes_waiting(struct sock *s)
{
    int n = 0;
    if (ioctl(s->fd, FIONREAD, &n) < 0)
        n = 0;
    return n;
}

unsigned ws_event_interest_locked(struct sock *s)
{
    if (!s->ev_mask)
        return 0;
    LONG want = s->ev_mask & ~s->ev_reported;
    unsigned ev = 0;
    switch (s->state) {
    case SOCK_LISTENING:
        if (want & WS_FD_ACCEPT)
            ev |= EPOLLIN;
        break;
    case SOCK_CONNECTING:
        if (want & (WS_FD_CONNECT | WS_FD_WRITE | WS_FD_CLOSE))
            ev |= EPOLLOUT;
        break;
    case SOCK_FRESH:
    case SOCK_BOUND:
        if (s->type == WS_SOCK_STREAM)
            break;
        /* fall through: datagrams need no connection */
        __attribute__((fallthrough));
    case SOCK_CONNECTED:
        if ((want & WS_FD_READ) && (!s->peer_closed || bytes_waiting(s)))
            ev |= EPOLLIN;
        if (want & WS_FD_OOB)
            ev |= EPOLLPRI;
        if (want & WS_FD_WRITE)
            ev |= EPOLLOUT;
        if ((want & WS_FD_CLOSE) && s->type == WS_SOCK_STREAM)
            ev |= EPOLLRDHUP;
        break;
    }
    return ev;
}

static int fd_bit(LONG ev)
{
    return __builtin_ctz(ev);
}

int ws_event_poll_locked(struct sock *s, unsigned rev, struct object **signal)
{
    if (!s->ev_mask)
        return 0;
    LONG want = s->ev_mask & ~s->ev_reported, fired = 0;
    if (s->state == SOCK_LISTENING) {
        if ((want & WS_FD_ACCEPT) && (rev & EPOLLIN))
            fired |= WS_FD_ACCEPT;
    } else if (s->state == SOCK_CONNECTING) {
        if (rev & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
            int err = 0;
            socklen_t len = sizeof err;
            getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err) {
                s->state = SOCK_BOUND;
                s->connect_error = err;
                fired |= want & WS_FD_CONNECT;
                s->ev_errors[fd_bit(WS_FD_CONNECT)] = ws_errno_to_wsa(err);
            } else {
                s->state = SOCK_CONNECTED;
                fired |= want & (WS_FD_CONNECT | WS_FD_WRITE);
                s->ev_errors[fd_bit(WS_FD_CONNECT)] = 0;
            }
        }
    } else if (s->state == SOCK_CONNECTED || s->type != WS_SOCK_STREAM) {
        if ((want & WS_FD_READ) && (rev & EPOLLIN)) {
            if (s->type != WS_SOCK_STREAM || bytes_waiting(s))
                fired |= WS_FD_READ;
            else
                s->peer_closed = 1; /* readable with nothing to read: EOF */
        }
        if ((want & WS_FD_OOB) && (rev & EPOLLPRI))
            fired |= WS_FD_OOB;
        if ((want & WS_FD_WRITE) && (rev & EPOLLOUT))
            fired |= WS_FD_WRITE;
        if ((want & WS_FD_CLOSE) && s->type == WS_SOCK_STREAM &&
            (rev & (EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
            int err = 0;
            socklen_t len = sizeof err;
            if (rev & EPOLLERR)
                getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &len);
            fired |= WS_FD_CLOSE;
            s->ev_errors[fd_bit(WS_FD_CLOSE)] = err ? ws_errno_to_wsa(err) : 0;
            s->peer_closed = 1;
        }
    }
    if (!fired)
        return 0;
    s->ev_reported |= fired;
    s->ev_pending |= fired;
    if (s->ev && signal)
        *signal = object_ref(s->ev);
    return 1;
}

void ws_event_record_locked(struct sock *s, LONG event, int wsa_error, struct object **signal)
{
    if (!(s->ev_mask & event & ~s->ev_reported))
        return;
    s->ev_reported |= event;
    s->ev_pending |= event;
    s->ev_errors[fd_bit(event)] = wsa_error;
    if (s->ev && !*signal)
        *signal = object_ref(s->ev);
}

/* What the fd is ready for right now: events are recorded at once, as
 * Windows does, rather than when the I/O thread gets to them. */
static void poll_now_locked(struct sock *s, struct object **signal)
{
    unsigned want = ws_event_interest_locked(s);
    if (!want)
        return;
    struct pollfd p = {s->fd, 0, 0};
    if (want & EPOLLIN)
        p.events |= POLLIN;
    if (want & EPOLLOUT)
        p.events |= POLLOUT;
    if (want & EPOLLPRI)
        p.events |= POLLPRI;
    if (want & EPOLLRDHUP)
        p.events |= POLLRDHUP;
    if (poll(&p, 1, 0) <= 0)
        return;
    unsigned rev = 0;
    if (p.revents & POLLIN)
        rev |= EPOLLIN;
    if (p.revents & POLLOUT)
        rev |= EPOLLOUT;
    if (p.revents & POLLPRI)
        rev |= EPOLLPRI;
    if (p.revents & POLLRDHUP)
        rev |= EPOLLRDHUP;
    if (p.revents & POLLHUP)
        rev |= EPOLLHUP;
    if (p.revents & POLLERR)
        rev |= EPOLLERR;
    ws_event_poll_locked(s, rev, signal);
}

static void signal_event(struct object *o)
{
    if (o) {
        event_set(o, NULL);
        object_put(o);
    }
}

void ws_event_reenable_locked(struct sock *s, LONG events)
{
    if (!s->ev_mask || !(s->ev_reported & events))
        return;
    s->ev_reported &= ~events;
    s->parked = 0;
    struct object *sig = NULL;
    poll_now_locked(s, &sig);
    if (sig) { /* event_set takes sync_lock, never sock_lock: safe here */
        event_set(sig, NULL);
        object_put(sig);
    }
    async_update_locked(s);
}

/* WSAEventSelect (ws2_32): also makes the socket non-blocking. */
int WINAPI WSAEventSelect(SOCKET h, HANDLE event, LONG mask)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct object *ev = NULL;
    if (mask) {
        ev = handle_ref((HANDLE)((ULONG_PTR)event & ~(ULONG_PTR)3), OBJ_EVENT);
        if (!ev) {
            sock_put(s);
            return ws_fail(WSAEINVAL);
        }
    }
    struct object *sig = NULL, *old;
    pthread_mutex_lock(&sock_lock);
    old = s->ev;
    s->ev = ev;
    s->ev_handle = mask ? event : NULL;
    s->ev_mask = mask & WS_FD_ALL;
    s->ev_reported = 0;
    s->nonblocking = 1;
    s->parked = 0;
    poll_now_locked(s, &sig);
    async_update_locked(s);
    pthread_mutex_unlock(&sock_lock);
    object_put(old);
    signal_event(sig);
    sock_put(s);
    ws_set_error(0);
    return 0;
}

typedef struct {
    LONG lNetworkEvents;
    int iErrorCode[WS_FD_MAX_EVENTS];
} WSANETWORKEVENTS;

/* WSAEnumNetworkEvents (ws2_32): the events recorded since the last call;
 * resets `event` if given. */
int WINAPI WSAEnumNetworkEvents(SOCKET h, HANDLE event, WSANETWORKEVENTS *out)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    if (!out) {
        sock_put(s);
        return ws_fail(WSAEFAULT);
    }
    pthread_mutex_lock(&sock_lock);
    out->lNetworkEvents = s->ev_pending;
    for (int i = 0; i < WS_FD_MAX_EVENTS; i++)
        out->iErrorCode[i] = (s->ev_pending & (1 << i)) ? s->ev_errors[i] : 0;
    s->ev_pending = 0;
    memset(s->ev_errors, 0, sizeof s->ev_errors);
    pthread_mutex_unlock(&sock_lock);
    sock_put(s);
    if (event) {
        struct object *o = handle_ref((HANDLE)((ULONG_PTR)event & ~(ULONG_PTR)3), OBJ_EVENT);
        if (o) {
            event_reset(o, NULL);
            object_put(o);
        }
    }
    ws_set_error(0);
    return 0;
}

/* WSAAsyncSelect (ws2_32): window messages need a window system. */
int WINAPI WSAAsyncSelect(SOCKET h, HANDLE hwnd, UINT msg, LONG mask)
{
    FIXME("window messages not supported");
    return ws_fail(WSAEOPNOTSUPP);
}

/* WSACreateEvent (ws2_32): manual-reset, not signalled. */
HANDLE WINAPI WSACreateEvent(void) { return CreateEventW(NULL, TRUE, FALSE, NULL); }

/* WSACloseEvent (ws2_32) */
BOOL WINAPI WSACloseEvent(HANDLE h) { return CloseHandle(h); }

/* WSASetEvent (ws2_32) */
BOOL WINAPI WSASetEvent(HANDLE h) { return SetEvent(h); }

/* WSAResetEvent (ws2_32) */
BOOL WINAPI WSAResetEvent(HANDLE h) { return ResetEvent(h); }

/* WSAWaitForMultipleEvents (ws2_32): WSA_WAIT_* are WAIT_* values. */
DWORD WINAPI WSAWaitForMultipleEvents(DWORD n, const HANDLE *events, BOOL all, DWORD timeout,
                                      BOOL alertable)
{
    return WaitForMultipleObjectsEx(n, events, all, timeout, alertable);
}

/* ---- select and WSAPoll ------------------------------------------------------------- */

/* __WSAFDIsSet (ws2_32): FD_ISSET */
int WINAPI __WSAFDIsSet(SOCKET s, WS_FD_SET *set)
{
    for (UINT i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s)
            return 1;
    return 0;
}

struct poll_entry {
    struct sock *s;
    int set;   /* 0 read, 1 write, 2 except */
    int index; /* in that set */
};

/* select (ws2_32): nfds is ignored; a NULL timeout waits for ever. */
int WINAPI ws_select(int nfds, WS_FD_SET *rd, WS_FD_SET *wr, WS_FD_SET *ex,
                     const WS_TIMEVAL *timeout)
{
    WS_FD_SET *sets[3] = {rd, wr, ex};
    UINT total = 0;
    for (int i = 0; i < 3; i++)
        if (sets[i]) {
            if (sets[i]->fd_count > 64)
                return ws_fail(WSAEINVAL);
            total += sets[i]->fd_count;
        }
    if (!total)
        return ws_fail(WSAEINVAL);
    struct pollfd pfd[192];
    struct poll_entry ent[192];
    UINT n = 0;
    int err = 0;
    for (int i = 0; i < 3 && !err; i++)
        for (UINT j = 0; sets[i] && j < sets[i]->fd_count; j++) {
            struct sock *s = sock_get(sets[i]->fd_array[j]);
            if (!s) {
                err = WSAENOTSOCK;
                break;
            }
            ent[n].s = s;
            ent[n].set = i;
            ent[n].index = j;
            pfd[n].fd = s->fd;
            pfd[n].events = i == 0 ? POLLIN : i == 1 ? POLLOUT : POLLPRI;
            pfd[n].revents = 0;
            n++;
        }
    int r = 0;
    if (!err) {
        struct timespec ts, *tsp = NULL;
        if (timeout) {
            if (timeout->tv_sec < 0 || timeout->tv_usec < 0) {
                err = WSAEINVAL;
                goto out;
            }
            ts.tv_sec = timeout->tv_sec + timeout->tv_usec / 1000000;
            ts.tv_nsec = (timeout->tv_usec % 1000000) * 1000;
            tsp = &ts;
        }
        do
            r = BLOCKING(ppoll(pfd, n, tsp, NULL));
        while (r < 0 && errno == EINTR && !tsp);
        if (r < 0)
            err = ws_errno_to_wsa(errno);
    }
out:;
    int ready = 0;
    UINT kept[3] = {0, 0, 0};
    for (UINT k = 0; k < n; k++) {
        struct sock *s = ent[k].s;
        short re = pfd[k].revents;
        int hit = 0;
        if (!err && re) {
            if (s->state == SOCK_CONNECTING)
                sock_connected(s); /* finished either way? */
            int failed = s->state == SOCK_BOUND && s->connect_error;
            int connected = s->type != WS_SOCK_STREAM || s->state == SOCK_CONNECTED;
            switch (ent[k].set) {
            case 0: /* data, a connection to accept, or EOF/reset */
                hit = (connected || s->state == SOCK_LISTENING) &&
                      (re & (POLLIN | POLLHUP | POLLERR));
                break;
            case 1: /* connected; a failed connect shows in the except set */
                hit = connected && (re & (POLLOUT | POLLERR));
                break;
            case 2:
                hit = (connected && (re & POLLPRI)) || failed;
                break;
            }
        }
        if (hit) {
            WS_FD_SET *set = sets[ent[k].set];
            set->fd_array[kept[ent[k].set]++] = set->fd_array[ent[k].index];
            ready++;
        }
        sock_put(s);
    }
    if (err)
        return ws_fail(err);
    for (int i = 0; i < 3; i++)
        if (sets[i])
            sets[i]->fd_count = kept[i];
    ws_set_error(0);
    return ready;
}

typedef struct {
    SOCKET fd;
    SHORT events;
    SHORT revents;
} WSAPOLLFD;

#define WS_POLLERR 0x0001
#define WS_POLLHUP 0x0002
#define WS_POLLNVAL 0x0004
#define WS_POLLWRNORM 0x0010
#define WS_POLLWRBAND 0x0020
#define WS_POLLRDNORM 0x0100
#define WS_POLLRDBAND 0x0200
#define WS_POLLPRI 0x0400

/* WSAPoll (ws2_32): timeout in ms, negative = for ever. */
int WINAPI WSAPoll(WSAPOLLFD *fds, ULONG n, int timeout)
{
    if (!fds || !n)
        return ws_fail(WSAEINVAL);
    struct pollfd *pfd = calloc(n, sizeof *pfd);
    struct sock **socks = calloc(n, sizeof *socks);
    if (!pfd || !socks) {
        free(pfd);
        free(socks);
        return ws_fail(WSAENOBUFS);
    }
    for (ULONG i = 0; i < n; i++) {
        fds[i].revents = 0;
        pfd[i].fd = -1;
        if ((INT_PTR)fds[i].fd < 0)
            continue;
        socks[i] = sock_get(fds[i].fd);
        if (!socks[i]) {
            fds[i].revents = WS_POLLNVAL;
            continue;
        }
        pfd[i].fd = socks[i]->fd;
        SHORT e = fds[i].events;
        if (e & WS_POLLRDNORM)
            pfd[i].events |= POLLIN;
        if (e & (WS_POLLRDBAND | WS_POLLPRI))
            pfd[i].events |= POLLPRI;
        if (e & WS_POLLWRNORM)
            pfd[i].events |= POLLOUT;
        if (e & WS_POLLWRBAND)
            pfd[i].events |= POLLWRBAND;
    }
    int nval = 0;
    for (ULONG i = 0; i < n; i++)
        nval += fds[i].revents != 0;
    int r;
    do
        r = BLOCKING(poll(pfd, n, nval ? 0 : timeout < 0 ? -1 : timeout));
    while (r < 0 && errno == EINTR && timeout < 0);
    int ready = 0;
    for (ULONG i = 0; i < n; i++) {
        if (socks[i]) {
            short re = r > 0 ? pfd[i].revents : 0;
            SHORT w = 0;
            struct sock *s = socks[i];
            /* an unconnected stream socket is neither readable nor writable */
            int idle = s->type == WS_SOCK_STREAM &&
                       (s->state == SOCK_FRESH || s->state == SOCK_BOUND) && !s->connect_error;
            if (!idle) {
                if (re & POLLIN)
                    w |= WS_POLLRDNORM;
                if (re & POLLPRI)
                    w |= fds[i].events & (WS_POLLRDBAND | WS_POLLPRI);
                if (re & POLLOUT)
                    w |= WS_POLLWRNORM;
                if (re & POLLWRBAND)
                    w |= WS_POLLWRBAND;
                if (re & POLLERR)
                    w |= WS_POLLERR;
                if (re & POLLHUP)
                    w |= WS_POLLHUP;
            } else if (s->state == SOCK_BOUND && s->connect_error) {
                w |= WS_POLLERR | WS_POLLHUP;
            }
            w &= fds[i].events | WS_POLLERR | WS_POLLHUP | WS_POLLNVAL;
            fds[i].revents = w;
            sock_put(s);
        }
        ready += fds[i].revents != 0;
    }
    free(pfd);
    free(socks);
    if (r < 0 && !nval)
        return ws_fail_errno(errno);
    ws_set_error(0);
    return ready;
}
