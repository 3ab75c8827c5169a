/* Socket life: creation, binding, listening, connecting, accepting,
 * shutting down and closing; the addresses of either end; the protocol
 * catalogue (WSAEnumProtocols) and WSADuplicateSocket. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DEBUG_CHANNEL winsock
#include "debug.h"
#include "ws2_32.h"

#define WS_IPPROTO_TCP 6
#define WS_IPPROTO_UDP 17

/* ---- the protocol catalogue --------------------------------------------------------- */

#define XP1_CONNECTIONLESS 0x1
#define XP1_GUARANTEED_DELIVERY 0x2
#define XP1_GUARANTEED_ORDER 0x4
#define XP1_MESSAGE_ORIENTED 0x8
#define XP1_GRACEFUL_CLOSE 0x20
#define XP1_EXPEDITED_DATA 0x40
#define XP1_SUPPORT_BROADCAST 0x200
#define XP1_SUPPORT_MULTIPOINT 0x400
#define XP1_IFS_HANDLES 0x20000
#define PFL_MATCHES_PROTOCOL_ZERO 0x8

static const struct protocol {
    int family, type, protocol;
    DWORD flags1, catalog;
    const char *name;
} protocols[] = {
    {WS_AF_INET, WS_SOCK_STREAM, WS_IPPROTO_TCP,
     XP1_IFS_HANDLES | XP1_EXPEDITED_DATA | XP1_GRACEFUL_CLOSE | XP1_GUARANTEED_ORDER |
         XP1_GUARANTEED_DELIVERY, 1001, "MSAFD Tcpip [TCP/IP]"},
    {WS_AF_INET, WS_SOCK_DGRAM, WS_IPPROTO_UDP,
     XP1_IFS_HANDLES | XP1_SUPPORT_MULTIPOINT | XP1_SUPPORT_BROADCAST | XP1_MESSAGE_ORIENTED |
         XP1_CONNECTIONLESS, 1002, "MSAFD Tcpip [UDP/IP]"},
    {WS_AF_INET6, WS_SOCK_STREAM, WS_IPPROTO_TCP,
     XP1_IFS_HANDLES | XP1_EXPEDITED_DATA | XP1_GRACEFUL_CLOSE | XP1_GUARANTEED_ORDER |
         XP1_GUARANTEED_DELIVERY, 1004, "MSAFD Tcpip [TCP/IPv6]"},
    {WS_AF_INET6, WS_SOCK_DGRAM, WS_IPPROTO_UDP,
     XP1_IFS_HANDLES | XP1_SUPPORT_MULTIPOINT | XP1_SUPPORT_BROADCAST | XP1_MESSAGE_ORIENTED |
         XP1_CONNECTIONLESS, 1005, "MSAFD Tcpip [UDP/IPv6]"},
};

/* the Microsoft TCP/IP provider {E70F1AA0-AB8B-11CF-8CA3-00805F48A192} */
static const WS_GUID tcpip_provider = {0xe70f1aa0, 0xab8b, 0x11cf,
                                       {0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92}};

/* Fills everything but szProtocol (A and W differ only there). */
static void fill_info(WSAPROTOCOL_INFOW *info, const struct protocol *p)
{
    memset(info, 0, offsetof(WSAPROTOCOL_INFOW, szProtocol));
    info->dwServiceFlags1 = p->flags1;
    info->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
    info->ProviderId = tcpip_provider;
    info->dwCatalogEntryId = p->catalog;
    info->ProtocolChain.ChainLen = 1; /* a base protocol */
    info->iVersion = 2;
    info->iAddressFamily = p->family;
    info->iMaxSockAddr = info->iMinSockAddr = p->family == WS_AF_INET6 ? 28 : 16;
    info->iSocketType = p->type;
    info->iProtocol = p->protocol;
    info->dwMessageSize = p->type == WS_SOCK_DGRAM ? 65467 : 0;
}

static const struct protocol *find_protocol(int family, int type, int protocol)
{
    for (size_t i = 0; i < sizeof protocols / sizeof protocols[0]; i++)
        if (protocols[i].family == family && protocols[i].type == type &&
            (!protocol || protocols[i].protocol == protocol))
            return &protocols[i];
    return NULL;
}

/* WSA_PROTOCOL_INFO of a socket (SO_PROTOCOL_INFOW, WSADuplicateSocketW). */
int ws_protocol_info(struct sock *s, WSAPROTOCOL_INFOW *info)
{
    const struct protocol *p = find_protocol(s->family, s->type, s->protocol);
    struct protocol tmp = {s->family, s->type, s->protocol, XP1_IFS_HANDLES, 1000, "AF_UNIX"};
    if (!p)
        p = &tmp;
    fill_info(info, p);
    utf8_to_wstr(p->name, -1, info->szProtocol, WSAPROTOCOL_LEN + 1);
    return 0;
}

static int enum_protocols(const int *filter, void *buf, DWORD *len, int wide)
{
    size_t size = wide ? sizeof(WSAPROTOCOL_INFOW) : sizeof(WSAPROTOCOL_INFOA);
    const struct protocol *match[sizeof protocols / sizeof protocols[0]];
    int n = 0;
    for (size_t i = 0; i < sizeof protocols / sizeof protocols[0]; i++) {
        int want = !filter;
        for (const int *f = filter; f && *f; f++)
            want |= *f == protocols[i].protocol;
        if (want)
            match[n++] = &protocols[i];
    }
    if (!len)
        return ws_fail(WSAEFAULT);
    if (!buf || *len < n * size) {
        *len = n * size;
        return ws_fail(WSAENOBUFS);
    }
    for (int i = 0; i < n; i++) {
        WSAPROTOCOL_INFOW *w = (WSAPROTOCOL_INFOW *)((char *)buf + i * size);
        fill_info(w, match[i]);
        if (wide)
            utf8_to_wstr(match[i]->name, -1, w->szProtocol, WSAPROTOCOL_LEN + 1);
        else
            strcpy(((WSAPROTOCOL_INFOA *)w)->szProtocol, match[i]->name);
    }
    return n;
}

/* WSAEnumProtocolsW (ws2_32) */
int WINAPI WSAEnumProtocolsW(int *protos, WSAPROTOCOL_INFOW *buf, LPDWORD len)
{
    return enum_protocols(protos, buf, len, 1);
}

/* WSAEnumProtocolsA (ws2_32) */
int WINAPI WSAEnumProtocolsA(int *protos, WSAPROTOCOL_INFOA *buf, LPDWORD len)
{
    return enum_protocols(protos, buf, len, 0);
}

/* ---- creating ----------------------------------------------------------------------- */

static SOCKET create_socket(int family, int type, int protocol, DWORD flags)
{
    if (!ws_started) {
        ws_set_error(WSANOTINITIALISED);
        return INVALID_SOCKET;
    }
    int ufam = ws_family_to_unix(family);
    if (ufam <= 0) {
        ws_set_error(family == WS_AF_UNSPEC ? WSAEINVAL : WSAEAFNOSUPPORT);
        return INVALID_SOCKET;
    }
    if (type != WS_SOCK_STREAM && type != WS_SOCK_DGRAM && type != WS_SOCK_RAW &&
        type != WS_SOCK_SEQPACKET) {
        ws_set_error(WSAESOCKTNOSUPPORT);
        return INVALID_SOCKET;
    }
    if (family == WS_AF_UNIX && (type != WS_SOCK_STREAM || protocol)) {
        ws_set_error(type != WS_SOCK_STREAM ? WSAESOCKTNOSUPPORT : WSAEPROTONOSUPPORT);
        return INVALID_SOCKET; /* Windows' AF_UNIX is stream only */
    }
    int fd = socket(ufam, type | SOCK_CLOEXEC | SOCK_NONBLOCK, protocol);
    if (fd < 0) {
        int e = errno;
        ws_set_error(e == EPERM || e == EACCES ? WSAEACCES
                     : e == EINVAL && type == WS_SOCK_RAW ? WSAESOCKTNOSUPPORT
                     : e == EINVAL ? WSAEPROTONOSUPPORT : ws_errno_to_wsa(e));
        return INVALID_SOCKET;
    }
    int one = 1;
    if (ufam == AF_INET6) /* Windows' default; Linux' is a sysctl */
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if ((ufam == AF_INET || ufam == AF_INET6) && type == WS_SOCK_STREAM)
        /* Windows binds a port whose old connections are in TIME_WAIT */
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (!protocol && ufam != AF_UNIX)
        protocol = type == WS_SOCK_STREAM ? WS_IPPROTO_TCP : type == WS_SOCK_DGRAM ? WS_IPPROTO_UDP : 0;
    SOCKET h = sock_create(fd, family, type, protocol, flags,
                           !(flags & WSA_FLAG_NO_HANDLE_INHERIT));
    if (h != INVALID_SOCKET)
        ws_set_error(0);
    return h;
}

/* socket (ws2_32) */
SOCKET WINAPI ws_socket(int family, int type, int protocol)
{
    return create_socket(family, type, protocol, WSA_FLAG_OVERLAPPED);
}

/* A socket WSADuplicateSocket described: the same object in this process,
 * the fd of another process through pidfd_getfd. */
static SOCKET from_duplicate(const WSAPROTOCOL_INFOW *info, DWORD flags)
{
    DWORD pid = info->ProtocolChain.ChainEntries[6];
    if (!pid || pid == (DWORD)getpid()) {
        HANDLE h = (HANDLE)(ULONG_PTR)info->dwProviderReserved;
        struct sock *s = sock_get((SOCKET)h);
        if (!s)
            return INVALID_SOCKET;
        sock_put(s);
        return (SOCKET)h;
    }
    int pidfd = syscall(SYS_pidfd_open, pid, 0);
    int fd = pidfd < 0 ? -1 : syscall(SYS_pidfd_getfd, pidfd, info->dwProviderReserved, 0);
    int e = errno;
    if (pidfd >= 0)
        close(pidfd);
    if (fd < 0) {
        FIXME("cannot take socket %u of process %u: %s", info->dwProviderReserved, pid,
              strerror(e));
        ws_set_error(WSAEINVAL);
        return INVALID_SOCKET;
    }
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    SOCKET h = sock_create(fd, info->iAddressFamily, info->iSocketType, info->iProtocol, flags,
                           !(flags & WSA_FLAG_NO_HANDLE_INHERIT));
    struct sock *s = sock_get(h);
    if (s) {
        struct sockaddr_storage ss;
        socklen_t len = sizeof ss;
        if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0)
            s->state = SOCK_CONNECTED;
        else if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
            s->state = SOCK_BOUND;
        sock_put(s);
    }
    return h;
}

/* WSASocketW (ws2_32) */
SOCKET WINAPI WSASocketW(int family, int type, int protocol, WSAPROTOCOL_INFOW *info,
                         UINT group, DWORD flags)
{
    if (info) {
        if (info->dwProviderReserved)
            return from_duplicate(info, flags);
        if (family == FROM_PROTOCOL_INFO)
            family = info->iAddressFamily;
        if (type == FROM_PROTOCOL_INFO)
            type = info->iSocketType;
        if (protocol == FROM_PROTOCOL_INFO)
            protocol = info->iProtocol;
    }
    if (family == WS_AF_UNSPEC && protocol) { /* the family of the first match */
        const struct protocol *p = NULL;
        for (size_t i = 0; !p && i < sizeof protocols / sizeof protocols[0]; i++)
            if (protocols[i].protocol == protocol && (!type || protocols[i].type == type))
                p = &protocols[i];
        if (p) {
            family = p->family;
            type = p->type;
        }
    }
    return create_socket(family, type, protocol, flags);
}

/* WSASocketA (ws2_32) */
SOCKET WINAPI WSASocketA(int family, int type, int protocol, WSAPROTOCOL_INFOA *info,
                         UINT group, DWORD flags)
{
    if (!info)
        return WSASocketW(family, type, protocol, NULL, group, flags);
    WSAPROTOCOL_INFOW w;
    memcpy(&w, info, offsetof(WSAPROTOCOL_INFOW, szProtocol));
    utf8_to_wstr(info->szProtocol, -1, w.szProtocol, WSAPROTOCOL_LEN + 1);
    return WSASocketW(family, type, protocol, &w, group, flags);
}

/* WSADuplicateSocketW (ws2_32) */
int WINAPI WSADuplicateSocketW(SOCKET h, DWORD pid, WSAPROTOCOL_INFOW *info)
{
    if (!info)
        return ws_fail(WSAEFAULT);
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    ws_protocol_info(s, info);
    if (pid == (DWORD)getpid()) {
        HANDLE dup = handle_alloc(&s->file->obj, FALSE);
        info->dwProviderReserved = (DWORD)(ULONG_PTR)dup;
        info->ProtocolChain.ChainEntries[6] = 0;
    } else {
        info->dwProviderReserved = s->fd;
        info->ProtocolChain.ChainEntries[6] = getpid();
    }
    sock_put(s);
    return 0;
}

/* WSADuplicateSocketA (ws2_32) */
int WINAPI WSADuplicateSocketA(SOCKET h, DWORD pid, WSAPROTOCOL_INFOA *info)
{
    WSAPROTOCOL_INFOW w;
    if (!info)
        return ws_fail(WSAEFAULT);
    if (WSADuplicateSocketW(h, pid, &w))
        return SOCKET_ERROR;
    memcpy(info, &w, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    wstr_to_utf8(w.szProtocol, -1, info->szProtocol, sizeof info->szProtocol);
    return 0;
}

/* closesocket (ws2_32): ends the socket's pending operations (from every
 * thread), then closes the handle. */
int WINAPI closesocket(SOCKET h)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    async_cancel(s, NULL, NULL);
    sock_put(s);
    if (handle_close((HANDLE)(h & ~(SOCKET)3)))
        return ws_fail(WSAENOTSOCK);
    ws_set_error(0);
    return 0;
}

/* ---- addresses and connections ---------------------------------------------------- */

/* bind (ws2_32) */
int WINAPI ws_bind(SOCKET h, const WS_SOCKADDR *name, int len)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct sockaddr_storage ss;
    int ulen = ws_sockaddr_to_unix(name, len, &ss);
    if (ulen < 0 || ws_family_to_unix(s->family) != ss.ss_family) {
        sock_put(s);
        return ulen < 0 ? SOCKET_ERROR : ws_fail(name && len >= 2 ? WSAEAFNOSUPPORT : WSAEFAULT);
    }
    if (s->state != SOCK_FRESH) {
        sock_put(s);
        return ws_fail(WSAEINVAL);
    }
    int r = bind(s->fd, (struct sockaddr *)&ss, ulen);
    int e = errno;
    if (r < 0) {
        sock_put(s);
        return ws_fail(e == EINVAL ? WSAEINVAL : ws_errno_to_wsa(e));
    }
    s->state = SOCK_BOUND;
    sock_put(s);
    ws_set_error(0);
    return 0;
}

/* listen (ws2_32): the socket must be bound first, unlike Linux. */
int WINAPI ws_listen(SOCKET h, int backlog)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    int r = 0;
    if (s->type != WS_SOCK_STREAM && s->type != WS_SOCK_SEQPACKET)
        r = ws_fail(WSAEOPNOTSUPP);
    else if (s->state == SOCK_CONNECTED || s->state == SOCK_CONNECTING)
        r = ws_fail(WSAEISCONN);
    else if (s->state == SOCK_FRESH)
        r = ws_fail(WSAEINVAL);
    else if (listen(s->fd, backlog < 0 ? 4096 : backlog) < 0) /* SOMAXCONN_HINT(n) is -n */
        r = ws_fail_errno(errno);
    if (!r) {
        s->state = SOCK_LISTENING;
        pthread_mutex_lock(&sock_lock);
        async_update_locked(s); /* FD_ACCEPT */
        pthread_mutex_unlock(&sock_lock);
        ws_set_error(0);
    }
    sock_put(s);
    return r;
}

int sock_connected(struct sock *s)
{
    if (s->state == SOCK_CONNECTED)
        return 1;
    if (s->state != SOCK_CONNECTING)
        return 0;
    struct pollfd p = {s->fd, POLLOUT, 0};
    if (poll(&p, 1, 0) <= 0)
        return 0;
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
        s->connect_error = err;
        s->state = SOCK_BOUND;
        return 0;
    }
    s->state = SOCK_CONNECTED;
    return 1;
}

/* Windows refuses to connect to the "any" address or port 0. */
static int bad_destination(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
        return !in->sin_addr.s_addr || !in->sin_port;
    }
    if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
        return IN6_IS_ADDR_UNSPECIFIED(&in6->sin6_addr) || !in6->sin6_port;
    }
    return 0;
}

/* connect (ws2_32) */
int WINAPI ws_connect(SOCKET h, const WS_SOCKADDR *name, int len)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct sockaddr_storage ss;
    int ulen = ws_sockaddr_to_unix(name, len, &ss), r = 0;
    if (ulen < 0) {
        r = SOCKET_ERROR;
    } else if (s->state == SOCK_LISTENING) {
        r = ws_fail(WSAEINVAL);
    } else if (s->type == WS_SOCK_STREAM && sock_connected(s)) {
        r = ws_fail(WSAEISCONN);
    } else if (s->state == SOCK_CONNECTING) {
        r = ws_fail(WSAEALREADY);
    } else if (ss.ss_family != AF_UNIX && bad_destination(&ss) && s->type == WS_SOCK_STREAM) {
        r = ws_fail(WSAEADDRNOTAVAIL);
    } else if (connect(s->fd, (struct sockaddr *)&ss, ulen) == 0) {
        s->state = SOCK_CONNECTED;
    } else if (errno == ECONNREFUSED && s->nonblocking && s->type == WS_SOCK_STREAM) {
        /* Linux refuses a loopback connection at once; a non-blocking
         * Windows connect reports it later (select's except set,
         * FD_CONNECT) */
        s->connect_error = ECONNREFUSED;
        s->state = SOCK_BOUND;
        pthread_mutex_lock(&sock_lock);
        struct object *sig = NULL;
        ws_event_record_locked(s, WS_FD_CONNECT, WSAECONNREFUSED, &sig);
        pthread_mutex_unlock(&sock_lock);
        if (sig) {
            event_set(sig, NULL);
            object_put(sig);
        }
        r = ws_fail(WSAEWOULDBLOCK);
    } else if (errno != EINPROGRESS) {
        r = ws_fail(errno == EINVAL && s->type == WS_SOCK_STREAM ? WSAEINVAL : ws_errno_to_wsa(errno));
    } else {
        s->state = SOCK_CONNECTING;
        if (s->nonblocking) {
            pthread_mutex_lock(&sock_lock);
            async_update_locked(s); /* FD_CONNECT */
            pthread_mutex_unlock(&sock_lock);
            r = ws_fail(WSAEWOULDBLOCK);
        } else {
            struct async a = {0};
            a.kind = ASYNC_CONNECT;
            async_run_sync(s, &a, 0);
            if (a.status)
                r = ws_fail(a.status == STATUS_CANCELLED ? WSAEINTR : ws_status_to_wsa(a.status));
        }
    }
    sock_put(s);
    if (!r)
        ws_set_error(0);
    return r;
}

/* WSAConnect (ws2_32): no caller data or QOS on TCP/IP. */
int WINAPI WSAConnect(SOCKET h, const WS_SOCKADDR *name, int len, WSABUF *caller, WSABUF *callee,
                      void *sqos, void *gqos)
{
    if (callee)
        callee->len = 0;
    return ws_connect(h, name, len);
}

/* accept (ws2_32): the new socket inherits the listening socket's
 * properties (blocking mode, WSAEventSelect). */
SOCKET WINAPI ws_accept(SOCKET h, WS_SOCKADDR *addr, int *addrlen)
{
    struct sock *s = sock_get(h);
    if (!s)
        return INVALID_SOCKET;
    if (s->state != SOCK_LISTENING) {
        sock_put(s);
        ws_set_error(WSAEINVAL);
        return INVALID_SOCKET;
    }
    if (addr && (!addrlen || *addrlen < (s->family == WS_AF_INET6 ? 28 : 16))) {
        sock_put(s);
        ws_set_error(WSAEFAULT);
        return INVALID_SOCKET;
    }
    struct async a = {0};
    a.kind = ASYNC_ACCEPT;
    if (!async_run_sync(s, &a, 0)) {
        pthread_mutex_lock(&sock_lock);
        ws_event_reenable_locked(s, WS_FD_ACCEPT);
        pthread_mutex_unlock(&sock_lock);
        sock_put(s);
        return INVALID_SOCKET;
    }
    if (a.status) {
        sock_put(s);
        ws_set_error(a.status == STATUS_CANCELLED ? WSAEINTR : ws_status_to_wsa(a.status));
        return INVALID_SOCKET;
    }
    SOCKET nh = sock_create((int)a.accepted, s->family, s->type, s->protocol, s->flags, TRUE);
    struct sock *n = nh == INVALID_SOCKET ? NULL : sock_get(nh);
    if (n) {
        n->state = SOCK_CONNECTED;
        n->nonblocking = s->nonblocking;
        n->rcvtimeo = s->rcvtimeo;
        n->sndtimeo = s->sndtimeo;
        pthread_mutex_lock(&sock_lock);
        if (s->ev) {
            n->ev = object_ref(s->ev);
            n->ev_handle = s->ev_handle;
            n->ev_mask = s->ev_mask;
            async_update_locked(n);
        }
        pthread_mutex_unlock(&sock_lock);
        sock_put(n);
    }
    if (addr)
        ws_sockaddr_from_unix((struct sockaddr *)&a.peer, a.peerlen, addr, addrlen);
    sock_put(s);
    ws_set_error(0);
    return nh;
}

/* WSAAccept (ws2_32): the condition function is not consulted. */
SOCKET WINAPI WSAAccept(SOCKET h, WS_SOCKADDR *addr, int *addrlen, void *condition,
                        DWORD_PTR data)
{
    if (condition)
        FIXME("condition function ignored");
    return ws_accept(h, addr, addrlen);
}

/* shutdown (ws2_32): SD_RECEIVE 0, SD_SEND 1, SD_BOTH 2, as on Linux. */
int WINAPI ws_shutdown(SOCKET h, int how)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    int r = 0;
    if (how < 0 || how > 2)
        r = ws_fail(WSAEINVAL);
    else if (s->type == WS_SOCK_STREAM && !sock_connected(s))
        r = ws_fail(WSAENOTCONN);
    else if (shutdown(s->fd, how) < 0 && errno != ENOTCONN)
        r = ws_fail_errno(errno);
    if (!r) {
        if (how != 1)
            s->shut_rd = 1;
        if (how != 0)
            s->shut_wr = 1;
        ws_set_error(0);
    }
    sock_put(s);
    return r;
}

/* getsockname (ws2_32): an unbound socket has no name on Windows. */
int WINAPI ws_getsockname(SOCKET h, WS_SOCKADDR *name, int *len)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    if (!name || !len) {
        sock_put(s);
        return ws_fail(WSAEFAULT);
    }
    if (s->state == SOCK_FRESH) {
        sock_put(s);
        return ws_fail(WSAEINVAL);
    }
    struct sockaddr_storage ss;
    socklen_t ulen = sizeof ss;
    int r = getsockname(s->fd, (struct sockaddr *)&ss, &ulen);
    int e = errno;
    sock_put(s);
    if (r < 0)
        return ws_fail_errno(e);
    if (ws_sockaddr_from_unix((struct sockaddr *)&ss, ulen, name, len) < 0)
        return SOCKET_ERROR;
    ws_set_error(0);
    return 0;
}

/* getpeername (ws2_32) */
int WINAPI ws_getpeername(SOCKET h, WS_SOCKADDR *name, int *len)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    if (!name || !len) {
        sock_put(s);
        return ws_fail(WSAEFAULT);
    }
    struct sockaddr_storage ss;
    socklen_t ulen = sizeof ss;
    int r = s->type == WS_SOCK_STREAM && !sock_connected(s)
                ? (errno = ENOTCONN, -1)
                : getpeername(s->fd, (struct sockaddr *)&ss, &ulen);
    int e = errno;
    sock_put(s);
    if (r < 0)
        return ws_fail_errno(e);
    if (ws_sockaddr_from_unix((struct sockaddr *)&ss, ulen, name, len) < 0)
        return SOCKET_ERROR;
    ws_set_error(0);
    return 0;
}
