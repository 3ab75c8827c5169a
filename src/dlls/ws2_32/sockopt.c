/* Socket options and control codes: setsockopt/getsockopt with Windows'
 * levels and option numbers mapped to Linux', ioctlsocket and WSAIoctl
 * (including the extension-function pointers Go and libuv ask for). */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>

#define DEBUG_CHANNEL winsock
#include "debug.h"
#include "ws2_32.h"

int ws_protocol_info(struct sock *s, WSAPROTOCOL_INFOW *info);

#define WS_IPPROTO_IP 0
#define WS_IPPROTO_TCP 6
#define WS_IPPROTO_UDP 17
#define WS_IPPROTO_IPV6 41

#define WS_SO_DEBUG 0x0001
#define WS_SO_ACCEPTCONN 0x0002
#define WS_SO_REUSEADDR 0x0004
#define WS_SO_KEEPALIVE 0x0008
#define WS_SO_DONTROUTE 0x0010
#define WS_SO_BROADCAST 0x0020
#define WS_SO_USELOOPBACK 0x0040
#define WS_SO_LINGER 0x0080
#define WS_SO_OOBINLINE 0x0100
#define WS_SO_DONTLINGER ((int)~WS_SO_LINGER)
#define WS_SO_EXCLUSIVEADDRUSE ((int)~WS_SO_REUSEADDR)
#define WS_SO_SNDBUF 0x1001
#define WS_SO_RCVBUF 0x1002
#define WS_SO_SNDLOWAT 0x1003
#define WS_SO_RCVLOWAT 0x1004
#define WS_SO_SNDTIMEO 0x1005
#define WS_SO_RCVTIMEO 0x1006
#define WS_SO_ERROR 0x1007
#define WS_SO_TYPE 0x1008
#define WS_SO_GROUP_ID 0x2001
#define WS_SO_GROUP_PRIORITY 0x2002
#define WS_SO_MAX_MSG_SIZE 0x2003
#define WS_SO_PROTOCOL_INFOA 0x2004
#define WS_SO_PROTOCOL_INFOW 0x2005
#define WS_SO_CONDITIONAL_ACCEPT 0x3002
#define WS_SO_RANDOMIZE_PORT 0x3005
#define WS_SO_PORT_SCALABILITY 0x3006
#define WS_SO_REUSE_UNICASTPORT 0x3007
#define WS_SO_UPDATE_ACCEPT_CONTEXT 0x700b
#define WS_SO_CONNECT_TIME 0x700c
#define WS_SO_UPDATE_CONNECT_CONTEXT 0x7010

/* Options that are a plain int on both sides: Windows level/name -> Linux. */
static const struct {
    int level, name, ulevel, uname;
} int_options[] = {
    {WS_SOL_SOCKET, WS_SO_DEBUG, SOL_SOCKET, SO_DEBUG},
    {WS_SOL_SOCKET, WS_SO_KEEPALIVE, SOL_SOCKET, SO_KEEPALIVE},
    {WS_SOL_SOCKET, WS_SO_DONTROUTE, SOL_SOCKET, SO_DONTROUTE},
    {WS_SOL_SOCKET, WS_SO_BROADCAST, SOL_SOCKET, SO_BROADCAST},
    {WS_SOL_SOCKET, WS_SO_OOBINLINE, SOL_SOCKET, SO_OOBINLINE},
    {WS_SOL_SOCKET, WS_SO_SNDBUF, SOL_SOCKET, SO_SNDBUF},
    {WS_SOL_SOCKET, WS_SO_RCVBUF, SOL_SOCKET, SO_RCVBUF},
    {WS_SOL_SOCKET, WS_SO_SNDLOWAT, SOL_SOCKET, SO_SNDLOWAT},
    {WS_SOL_SOCKET, WS_SO_RCVLOWAT, SOL_SOCKET, SO_RCVLOWAT},
    {WS_IPPROTO_TCP, 1 /* TCP_NODELAY */, IPPROTO_TCP, TCP_NODELAY},
    {WS_IPPROTO_TCP, 3 /* TCP_KEEPALIVE = TCP_KEEPIDLE, s */, IPPROTO_TCP, TCP_KEEPIDLE},
    {WS_IPPROTO_TCP, 4 /* TCP_MAXSEG */, IPPROTO_TCP, TCP_MAXSEG},
    {WS_IPPROTO_TCP, 16 /* TCP_KEEPCNT */, IPPROTO_TCP, TCP_KEEPCNT},
    {WS_IPPROTO_TCP, 17 /* TCP_KEEPINTVL */, IPPROTO_TCP, TCP_KEEPINTVL},
    {WS_IPPROTO_IP, 1 /* IP_OPTIONS */, IPPROTO_IP, IP_OPTIONS},
    {WS_IPPROTO_IP, 2 /* IP_HDRINCL */, IPPROTO_IP, IP_HDRINCL},
    {WS_IPPROTO_IP, 3 /* IP_TOS */, IPPROTO_IP, IP_TOS},
    {WS_IPPROTO_IP, 4 /* IP_TTL */, IPPROTO_IP, IP_TTL},
    {WS_IPPROTO_IP, 10 /* IP_MULTICAST_TTL */, IPPROTO_IP, IP_MULTICAST_TTL},
    {WS_IPPROTO_IP, 11 /* IP_MULTICAST_LOOP */, IPPROTO_IP, IP_MULTICAST_LOOP},
    {WS_IPPROTO_IP, 19 /* IP_PKTINFO */, IPPROTO_IP, IP_PKTINFO},
    {WS_IPPROTO_IP, 21 /* IP_RECVTTL */, IPPROTO_IP, IP_RECVTTL},
    {WS_IPPROTO_IP, 40 /* IP_RECVTOS */, IPPROTO_IP, IP_RECVTOS},
    {WS_IPPROTO_IPV6, 4 /* IPV6_UNICAST_HOPS */, IPPROTO_IPV6, IPV6_UNICAST_HOPS},
    {WS_IPPROTO_IPV6, 9 /* IPV6_MULTICAST_IF */, IPPROTO_IPV6, IPV6_MULTICAST_IF},
    {WS_IPPROTO_IPV6, 10 /* IPV6_MULTICAST_HOPS */, IPPROTO_IPV6, IPV6_MULTICAST_HOPS},
    {WS_IPPROTO_IPV6, 11 /* IPV6_MULTICAST_LOOP */, IPPROTO_IPV6, IPV6_MULTICAST_LOOP},
    {WS_IPPROTO_IPV6, 14 /* IPV6_DONTFRAG */, IPPROTO_IPV6, IPV6_DONTFRAG},
    {WS_IPPROTO_IPV6, 19 /* IPV6_PKTINFO */, IPPROTO_IPV6, IPV6_RECVPKTINFO},
    {WS_IPPROTO_IPV6, 21 /* IPV6_HOPLIMIT */, IPPROTO_IPV6, IPV6_RECVHOPLIMIT},
    {WS_IPPROTO_IPV6, 27 /* IPV6_V6ONLY */, IPPROTO_IPV6, IPV6_V6ONLY},
    {WS_IPPROTO_IPV6, 40 /* IPV6_RECVTCLASS */, IPPROTO_IPV6, IPV6_RECVTCLASS},
};

/* Options Windows accepts that mean nothing here. */
static int ignored_option(int level, int name)
{
    if (level == WS_SOL_SOCKET)
        return name == WS_SO_UPDATE_ACCEPT_CONTEXT || name == WS_SO_UPDATE_CONNECT_CONTEXT ||
               name == WS_SO_USELOOPBACK || name == WS_SO_CONDITIONAL_ACCEPT ||
               name == WS_SO_RANDOMIZE_PORT || name == WS_SO_PORT_SCALABILITY ||
               name == WS_SO_REUSE_UNICASTPORT || name == WS_SO_GROUP_PRIORITY;
    if (level == WS_IPPROTO_TCP)
        return name == 2 /* TCP_EXPEDITED_1122 */ || name == 10 /* TCP_TIMESTAMPS */ ||
               name == 15 /* TCP_FASTOPEN */ || name == 18 /* TCP_FAIL_CONNECT_ON_ICMP_ERROR */ ||
               name == 5 /* TCP_MAXRT */;
    if (level == WS_IPPROTO_UDP)
        return name == 1 /* UDP_NOCHECKSUM */;
    return 0;
}

/* An int option value: Windows programs pass 1-byte BOOLs too. */
/* Multicast membership: Windows' ip_mreq and ipv6_mreq have Linux's layout. */
static int set_group(int fd, int level, int opt, const char *val, int len, size_t need)
{
    char m[sizeof(struct ipv6_mreq)];
    if (len < 0 || (size_t)len < need)
        return ws_fail(WSAEFAULT);
    memcpy(m, val, need);
    return setsockopt(fd, level, opt, m, need) < 0 ? ws_fail_errno(errno) : 0;
}

static int read_int(const char *val, int len)
{
    if (len >= (int)sizeof(int)) {
        int v;
        memcpy(&v, val, sizeof v);
        return v;
    }
    if (len >= 2) {
        short v;
        memcpy(&v, val, sizeof v);
        return v;
    }
    return (unsigned char)val[0];
}

static int set_int(int fd, int level, int name, int v)
{
    return setsockopt(fd, level, name, &v, sizeof v);
}

/* setsockopt (ws2_32) */
int WINAPI ws_setsockopt(SOCKET h, int level, int name, const char *val, int len)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    int r = 0, v = 0;
    if ((!val || len <= 0) && !(level == WS_SOL_SOCKET && (name == WS_SO_UPDATE_CONNECT_CONTEXT))) {
        sock_put(s);
        return ws_fail(WSAEFAULT);
    }
    if (val && len > 0)
        v = read_int(val, len);
    TRACE("socket %#llx level %#x name %#x value %d", (unsigned long long)h, level, name, v);
    if (ignored_option(level, name))
        goto done;
    for (size_t i = 0; i < sizeof int_options / sizeof int_options[0]; i++)
        if (int_options[i].level == level && int_options[i].name == name) {
            if (level == WS_SOL_SOCKET && (name == WS_SO_SNDBUF || name == WS_SO_RCVBUF) && v < 1024)
                v = 1024; /* Windows takes 0 (no buffering); Linux needs some */
            if (set_int(s->fd, int_options[i].ulevel, int_options[i].uname, v) < 0)
                r = ws_fail_errno(errno);
            goto done;
        }
    if (level == WS_SOL_SOCKET) {
        switch (name) {
        case WS_SO_REUSEADDR:
            s->reuse = v != 0;
            /* TCP sockets keep Linux' SO_REUSEADDR: that is Windows'
             * default rebinding after TIME_WAIT */
            if (s->type != WS_SOCK_STREAM || s->family == WS_AF_UNIX)
                set_int(s->fd, SOL_SOCKET, SO_REUSEADDR, v != 0);
            goto done;
        case WS_SO_EXCLUSIVEADDRUSE:
            s->exclusive = v != 0;
            if (s->family != WS_AF_UNIX)
                set_int(s->fd, SOL_SOCKET, SO_REUSEADDR, !v && s->type == WS_SOCK_STREAM);
            goto done;
        case WS_SO_LINGER: {
            if (len < 4) {
                r = ws_fail(WSAEFAULT);
                goto done;
            }
            unsigned short l[2];
            memcpy(l, val, sizeof l);
            struct linger lg = {l[0] != 0, l[1]};
            if (setsockopt(s->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) < 0)
                r = ws_fail_errno(errno);
            goto done;
        }
        case WS_SO_DONTLINGER: {
            struct linger lg = {v == 0, 0};
            setsockopt(s->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
            goto done;
        }
        case WS_SO_SNDTIMEO:
            s->sndtimeo = v;
            goto done;
        case WS_SO_RCVTIMEO:
            s->rcvtimeo = v;
            goto done;
        }
    }
    if (level == WS_IPPROTO_IP && (name == 12 || name == 13)) { /* IP_ADD/DROP_MEMBERSHIP */
        r = set_group(s->fd, IPPROTO_IP, name == 12 ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP,
                      val, len, sizeof(struct ip_mreq));
        goto done;
    }
    if (level == WS_IPPROTO_IP && name == 9) { /* IP_MULTICAST_IF: address or 0.0.0.<index> */
        struct in_addr a;
        memcpy(&a, val, sizeof a < (size_t)len ? sizeof a : (size_t)len);
        if (setsockopt(s->fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof a) < 0)
            r = ws_fail_errno(errno);
        goto done;
    }
    if (level == WS_IPPROTO_IP && name == 14) { /* IP_DONTFRAGMENT */
        set_int(s->fd, IPPROTO_IP, IP_MTU_DISCOVER, v ? IP_PMTUDISC_DO : IP_PMTUDISC_DONT);
        goto done;
    }
    if (level == WS_IPPROTO_IPV6 && (name == 12 || name == 13)) { /* JOIN/LEAVE_GROUP */
        r = set_group(s->fd, IPPROTO_IPV6,
                      name == 12 ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, val, len,
                      sizeof(struct ipv6_mreq));
        goto done;
    }
    FIXME("level %#x option %#x not supported", level, name);
    r = ws_fail(WSAENOPROTOOPT);
done:
    sock_put(s);
    if (!r)
        ws_set_error(0);
    return r;
}

static int put_int(char *val, int *len, int v)
{
    if (*len < (int)sizeof(int)) {
        if (*len == 1) { /* a BOOL read into a char */
            val[0] = v != 0;
            return 0;
        }
        return ws_fail(WSAEFAULT);
    }
    memcpy(val, &v, sizeof v);
    *len = sizeof v;
    return 0;
}

/* getsockopt (ws2_32) */
int WINAPI ws_getsockopt(SOCKET h, int level, int name, char *val, int *len)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    int r = 0;
    if (!val || !len || *len <= 0) {
        sock_put(s);
        return ws_fail(WSAEFAULT);
    }
    for (size_t i = 0; i < sizeof int_options / sizeof int_options[0]; i++)
        if (int_options[i].level == level && int_options[i].name == name) {
            int v = 0;
            socklen_t l = sizeof v;
            if (getsockopt(s->fd, int_options[i].ulevel, int_options[i].uname, &v, &l) < 0) {
                r = ws_fail_errno(errno);
            } else {
                if (l == 1)
                    v = *(unsigned char *)&v;
                /* Linux reports twice the buffer size it was given */
                if (level == WS_SOL_SOCKET && (name == WS_SO_SNDBUF || name == WS_SO_RCVBUF))
                    v /= 2;
                r = put_int(val, len, v);
            }
            goto done;
        }
    if (level == WS_SOL_SOCKET) {
        switch (name) {
        case WS_SO_ACCEPTCONN:
            r = put_int(val, len, s->state == SOCK_LISTENING);
            goto done;
        case WS_SO_REUSEADDR:
            r = put_int(val, len, s->reuse);
            goto done;
        case WS_SO_EXCLUSIVEADDRUSE:
            r = put_int(val, len, s->exclusive);
            goto done;
        case WS_SO_TYPE:
            r = put_int(val, len, s->type);
            goto done;
        case WS_SO_SNDTIMEO:
            r = put_int(val, len, s->sndtimeo);
            goto done;
        case WS_SO_RCVTIMEO:
            r = put_int(val, len, s->rcvtimeo);
            goto done;
        case WS_SO_GROUP_ID:
        case WS_SO_GROUP_PRIORITY:
            r = put_int(val, len, 0);
            goto done;
        case WS_SO_MAX_MSG_SIZE:
            if (s->type == WS_SOCK_STREAM)
                r = ws_fail(WSAENOPROTOOPT);
            else
                r = put_int(val, len, 65507);
            goto done;
        case WS_SO_ERROR: {
            int err = s->connect_error;
            s->connect_error = 0;
            if (!err) {
                socklen_t l = sizeof err;
                getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &l);
            }
            r = put_int(val, len, err ? (int)ws_errno_to_wsa(err) : 0);
            goto done;
        }
        case WS_SO_LINGER: {
            struct linger lg = {0};
            socklen_t l = sizeof lg;
            if (*len < 4) {
                r = ws_fail(WSAEFAULT);
                goto done;
            }
            getsockopt(s->fd, SOL_SOCKET, SO_LINGER, &lg, &l);
            unsigned short w[2] = {lg.l_onoff != 0, lg.l_linger};
            memcpy(val, w, sizeof w);
            *len = sizeof w;
            goto done;
        }
        case WS_SO_DONTLINGER: {
            struct linger lg = {0};
            socklen_t l = sizeof lg;
            getsockopt(s->fd, SOL_SOCKET, SO_LINGER, &lg, &l);
            r = put_int(val, len, !lg.l_onoff);
            goto done;
        }
        case WS_SO_PROTOCOL_INFOW:
        case WS_SO_PROTOCOL_INFOA: {
            WSAPROTOCOL_INFOW w;
            size_t need = name == WS_SO_PROTOCOL_INFOW ? sizeof w : sizeof(WSAPROTOCOL_INFOA);
            if ((size_t)*len < need) {
                *len = need;
                r = ws_fail(WSAEFAULT);
                goto done;
            }
            ws_protocol_info(s, &w);
            if (name == WS_SO_PROTOCOL_INFOW) {
                memcpy(val, &w, sizeof w);
            } else {
                WSAPROTOCOL_INFOA *a = (WSAPROTOCOL_INFOA *)val;
                memcpy(a, &w, offsetof(WSAPROTOCOL_INFOA, szProtocol));
                wstr_to_utf8(w.szProtocol, -1, a->szProtocol, sizeof a->szProtocol);
            }
            *len = need;
            goto done;
        }
        case WS_SO_CONNECT_TIME:
            /* seconds connected; we do not keep the time */
            r = put_int(val, len, sock_connected(s) ? 0 : -1);
            goto done;
        }
    }
    if (level == WS_IPPROTO_IP && name == 9) { /* IP_MULTICAST_IF */
        struct in_addr a = {0};
        socklen_t l = sizeof a;
        getsockopt(s->fd, IPPROTO_IP, IP_MULTICAST_IF, &a, &l);
        r = put_int(val, len, a.s_addr);
        goto done;
    }
    FIXME("level %#x option %#x not supported", level, name);
    r = ws_fail(WSAENOPROTOOPT);
done:
    sock_put(s);
    if (!r)
        ws_set_error(0);
    return r;
}

/* ---- control codes ------------------------------------------------------------------ */

#define WS_FIONBIO 0x8004667eu
#define WS_FIONREAD 0x4004667fu
#define WS_SIOCATMARK 0x40047307u
#define SIO_GET_EXTENSION_FUNCTION_POINTER 0xc8000006u
#define SIO_UDP_CONNRESET 0x9800000cu
#define SIO_UDP_NETRESET 0x9800000fu
#define SIO_KEEPALIVE_VALS 0x98000004u
#define SIO_LOOPBACK_FAST_PATH 0x98000010u
#define SIO_BSP_HANDLE 0x4800001bu
#define SIO_BSP_HANDLE_SELECT 0x4800001cu
#define SIO_BSP_HANDLE_POLL 0x4800001du
#define SIO_BASE_HANDLE 0x48000022u

static int ioctl_common(struct sock *s, DWORD code, ULONG *arg)
{
    switch (code) {
    case WS_FIONBIO:
        if (!*arg && s->ev_mask)
            return ws_fail(WSAEINVAL); /* WSAEventSelect keeps it non-blocking */
        s->nonblocking = *arg != 0;
        return 0;
    case WS_FIONREAD: {
        int n = 0;
        if (s->state != SOCK_LISTENING && ioctl(s->fd, FIONREAD, &n) < 0)
            n = 0;
        *arg = n;
        return 0;
    }
    case WS_SIOCATMARK:
        *arg = TRUE; /* "no urgent data waiting" */
        return 0;
    }
    return ws_fail(WSAEINVAL);
}

/* ioctlsocket (ws2_32) */
int WINAPI ioctlsocket(SOCKET h, LONG cmd, ULONG *arg)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    int r = arg ? ioctl_common(s, (DWORD)cmd, arg) : ws_fail(WSAEFAULT);
    sock_put(s);
    if (!r)
        ws_set_error(0);
    return r;
}

static const struct {
    WS_GUID guid;
    void *fn;
} extensions[] = {
    {{0xb5367df1, 0xcbac, 0x11cf, {0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92}}, AcceptEx},
    {{0x25a207b9, 0xddf3, 0x4660, {0x8e, 0xe9, 0x76, 0xe5, 0x8c, 0x74, 0x06, 0x3e}}, ws_ConnectEx},
    {{0xb5367df2, 0xcbac, 0x11cf, {0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92}},
     GetAcceptExSockaddrs},
    {{0x7fda2e11, 0x8630, 0x436f, {0xa0, 0x31, 0xf5, 0x36, 0xa6, 0xee, 0xc1, 0x57}},
     ws_DisconnectEx},
    {{0xb5367df0, 0xcbac, 0x11cf, {0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92}}, TransmitFile},
    {{0xf689d7c8, 0x6f1f, 0x436b, {0x8a, 0x53, 0xe5, 0x4f, 0xe3, 0x51, 0xc3, 0x22}},
     ws_WSARecvMsg},
    {{0xa441e712, 0x754f, 0x43ca, {0x84, 0xa7, 0x0d, 0xee, 0x44, 0xcf, 0x60, 0x6d}}, WSASendMsg},
};

/* WSAIoctl (ws2_32): every code here completes at once; an OVERLAPPED
 * only gets the result. */
int WINAPI WSAIoctl(SOCKET h, DWORD code, void *in, DWORD inlen, void *out, DWORD outlen,
                    LPDWORD ret, OVERLAPPED *ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct sock *s = sock_get(h);
    if (!s)
        return SOCKET_ERROR;
    int r = 0;
    DWORD n = 0;
    switch (code) {
    case WS_FIONBIO:
        if (!in || inlen < sizeof(ULONG)) {
            r = ws_fail(WSAEFAULT);
            break;
        }
        r = ioctl_common(s, code, in);
        break;
    case WS_FIONREAD:
    case WS_SIOCATMARK:
        if (!out || outlen < sizeof(ULONG)) {
            r = ws_fail(WSAEFAULT);
            break;
        }
        r = ioctl_common(s, code, out);
        n = sizeof(ULONG);
        break;
    case SIO_GET_EXTENSION_FUNCTION_POINTER: {
        if (!in || inlen < sizeof(WS_GUID) || !out || outlen < sizeof(void *)) {
            r = ws_fail(WSAEFAULT);
            break;
        }
        size_t i = 0;
        while (i < sizeof extensions / sizeof extensions[0] &&
               memcmp(in, &extensions[i].guid, sizeof(WS_GUID)))
            i++;
        if (i == sizeof extensions / sizeof extensions[0]) {
            FIXME("unknown extension function");
            r = ws_fail(WSAEINVAL);
            break;
        }
        memcpy(out, &extensions[i].fn, sizeof(void *));
        n = sizeof(void *);
        break;
    }
    case SIO_UDP_CONNRESET:
    case SIO_UDP_NETRESET:
    case SIO_LOOPBACK_FAST_PATH:
        /* Linux never reports ICMP errors on an unconnected UDP socket,
         * which is what programs turn SIO_UDP_CONNRESET off for */
        break;
    case SIO_KEEPALIVE_VALS: {
        ULONG kv[3]; /* onoff, keepalivetime ms, keepaliveinterval ms */
        if (!in || inlen < sizeof kv) {
            r = ws_fail(WSAEFAULT);
            break;
        }
        memcpy(kv, in, sizeof kv);
        set_int(s->fd, SOL_SOCKET, SO_KEEPALIVE, kv[0] != 0);
        if (kv[0]) {
            set_int(s->fd, IPPROTO_TCP, TCP_KEEPIDLE, kv[1] < 1000 ? 1 : (kv[1] + 999) / 1000);
            set_int(s->fd, IPPROTO_TCP, TCP_KEEPINTVL, kv[2] < 1000 ? 1 : (kv[2] + 999) / 1000);
        }
        break;
    }
    case SIO_BASE_HANDLE:
    case SIO_BSP_HANDLE:
    case SIO_BSP_HANDLE_SELECT:
    case SIO_BSP_HANDLE_POLL:
        if (!out || outlen < sizeof(SOCKET)) {
            r = ws_fail(WSAEFAULT);
            break;
        }
        memcpy(out, &h, sizeof h);
        n = sizeof h;
        break;
    default:
        FIXME("control code %#x not supported", code);
        r = ws_fail(WSAEOPNOTSUPP);
        break;
    }
    sock_put(s);
    if (ret)
        *ret = n;
    if (!r && ov) {
        ov->Internal = STATUS_SUCCESS;
        ov->InternalHigh = n;
    }
    if (!r)
        ws_set_error(0);
    return r;
}
