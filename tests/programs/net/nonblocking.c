/* Non-blocking sockets (FIONBIO), select with Windows' fd_set (a count and
 * an array of handles), WSAPoll, FIONREAD: WSAEWOULDBLOCK, a connect that
 * completes in the write set, one that fails in the except set, EOF in
 * the read set. Bounded waits only. */
// build: -lws2_32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <string.h>
#include "test.h"

int main(void)
{
    WSADATA wd;
    struct sockaddr_in sin = {0};
    int len;
    u_long on = 1, n;
    char buf[64];
    fd_set rd, wr, ex;
    struct timeval tv = {2, 0}, zero = {0, 0};
    WSAStartup(MAKEWORD(2, 2), &wd);

    ok(select(0, NULL, NULL, NULL, &zero) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "select with no sockets: %d", WSAGetLastError());
    FD_ZERO(&rd);
    FD_SET((SOCKET)0x1234, &rd);
    ok(select(0, &rd, NULL, NULL, &zero) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "select on a non-socket: %d", WSAGetLastError());

    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&sin, sizeof sin);
    len = sizeof sin;
    getsockname(l, (struct sockaddr *)&sin, &len);
    listen(l, 5);
    ok(ioctlsocket(l, FIONBIO, &on) == 0, "FIONBIO");
    ok(accept(l, NULL, NULL) == INVALID_SOCKET && WSAGetLastError() == WSAEWOULDBLOCK,
       "accept would block: %d", WSAGetLastError());
    FD_ZERO(&rd);
    FD_SET(l, &rd);
    ok(select(0, &rd, NULL, NULL, &zero) == 0 && rd.fd_count == 0, "nothing to accept");

    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    ok(ioctlsocket(c, FIONBIO, &on) == 0, "FIONBIO client");
    int r = connect(c, (struct sockaddr *)&sin, sizeof sin);
    ok(r == 0 || WSAGetLastError() == WSAEWOULDBLOCK, "non-blocking connect: %d",
       WSAGetLastError());
    FD_ZERO(&wr);
    FD_SET(c, &wr);
    FD_ZERO(&ex);
    FD_SET(c, &ex);
    ok(select(0, NULL, &wr, &ex, &tv) == 1 && FD_ISSET(c, &wr) && !FD_ISSET(c, &ex),
       "connect completes in the write set");
    FD_ZERO(&rd);
    FD_SET(l, &rd);
    ok(select(0, &rd, NULL, NULL, &tv) == 1 && FD_ISSET(l, &rd), "listener readable");
    SOCKET a = accept(l, NULL, NULL);
    ok(a != INVALID_SOCKET, "accept");
    /* accepted sockets inherit non-blocking mode */
    ok(recv(a, buf, sizeof buf, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "recv would block: %d", WSAGetLastError());
    ok(ioctlsocket(a, FIONREAD, &n) == 0 && n == 0, "FIONREAD 0");

    ok(send(c, "abcdef", 6, 0) == 6, "send");
    FD_ZERO(&rd);
    FD_SET(a, &rd);
    FD_SET(l, &rd);
    ok(select(0, &rd, NULL, NULL, &tv) == 1 && rd.fd_count == 1 && rd.fd_array[0] == a,
       "data readable, listener not");
    ok(ioctlsocket(a, FIONREAD, &n) == 0 && n == 6, "FIONREAD 6: %lu", n);
    ok(recv(a, buf, 2, MSG_PEEK) == 2 && !memcmp(buf, "ab", 2), "MSG_PEEK");
    ok(recv(a, buf, sizeof buf, 0) == 6 && !memcmp(buf, "abcdef", 6), "recv");

    WSAPOLLFD p[2];
    p[0].fd = a;
    p[0].events = POLLRDNORM | POLLWRNORM;
    p[1].fd = l;
    p[1].events = POLLRDNORM;
    r = WSAPoll(p, 2, 1000);
    ok(r == 1 && p[0].revents == POLLWRNORM && p[1].revents == 0, "WSAPoll writable: %d %#x %#x",
       r, p[0].revents, p[1].revents);

    /* the peer closes: EOF is readable */
    closesocket(c);
    FD_ZERO(&rd);
    FD_SET(a, &rd);
    ok(select(0, &rd, NULL, NULL, &tv) == 1, "EOF readable");
    p[0].events = POLLRDNORM;
    r = WSAPoll(p, 1, 1000);
    ok(r == 1 && (p[0].revents & (POLLRDNORM | POLLHUP)), "WSAPoll EOF: %#x", p[0].revents);
    ok(recv(a, buf, sizeof buf, 0) == 0, "recv EOF");
    closesocket(a);

    /* back to blocking mode */
    on = 0;
    ok(ioctlsocket(l, FIONBIO, &on) == 0, "FIONBIO off");

    /* a refused non-blocking connect shows in the except set */
    closesocket(l);
    c = socket(AF_INET, SOCK_STREAM, 0);
    on = 1;
    ioctlsocket(c, FIONBIO, &on);
    r = connect(c, (struct sockaddr *)&sin, sizeof sin);
    ok(r == SOCKET_ERROR && (WSAGetLastError() == WSAEWOULDBLOCK || WSAGetLastError() == WSAECONNREFUSED),
       "connect to nobody: %d", WSAGetLastError());
    if (r == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK) {
        FD_ZERO(&wr);
        FD_SET(c, &wr);
        FD_ZERO(&ex);
        FD_SET(c, &ex);
        /* Windows retries a refused connect for about a second */
        tv.tv_sec = 5;
        ok(select(0, NULL, &wr, &ex, &tv) == 1 && FD_ISSET(c, &ex) && !FD_ISSET(c, &wr),
           "refused in the except set");
        int err = 0;
        len = sizeof err;
        ok(getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&err, &len) == 0 && err == WSAECONNREFUSED,
           "SO_ERROR %d", err);
    }
    closesocket(c);

    WSACleanup();
    return test_summary();
}
