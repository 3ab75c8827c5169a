/* Blocking TCP over 127.0.0.1: bind/listen/accept/connect, send/recv,
 * shutdown and EOF, getsockname/getpeername, socket options, and the
 * errors Windows gives (WSAEINVAL for listen or getsockname before bind,
 * WSAEADDRINUSE, WSAECONNREFUSED, WSAENOTCONN). */
// build: -lws2_32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <string.h>
#include "test.h"

static USHORT port;

static DWORD WINAPI client(void *arg)
{
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in sin = {0};
    char buf[16];
    sin.sin_family = AF_INET;
    sin.sin_port = port;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(c, (struct sockaddr *)&sin, sizeof sin))
        return 1;
    if (send(c, "hello", 5, 0) != 5)
        return 2;
    if (recv(c, buf, 6, MSG_WAITALL) != 6 || memcmp(buf, "world!", 6))
        return 3;
    closesocket(c);
    return 0;
}

int main(void)
{
    WSADATA wd;
    struct sockaddr_in sin = {0}, peer;
    int len, v;
    char buf[64];
    WSAStartup(MAKEWORD(2, 2), &wd);

    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    ok(l != INVALID_SOCKET, "socket");
    ok(GetFileType((HANDLE)l) == FILE_TYPE_PIPE, "a socket is a pipe-type file: %lu",
       GetFileType((HANDLE)l));
    len = sizeof sin;
    ok(getsockname(l, (struct sockaddr *)&sin, &len) == SOCKET_ERROR &&
           WSAGetLastError() == WSAEINVAL,
       "getsockname before bind: %d", WSAGetLastError());
    ok(listen(l, 5) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "listen before bind: %d", WSAGetLastError());
    len = sizeof v;
    ok(getsockopt(l, SOL_SOCKET, SO_TYPE, (char *)&v, &len) == 0 && v == SOCK_STREAM &&
           len == sizeof v, "SO_TYPE");
    ok(getsockopt(l, SOL_SOCKET, SO_ACCEPTCONN, (char *)&v, &len) == 0 && !v, "not listening");
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(bind(l, (struct sockaddr *)&sin, sizeof sin) == 0, "bind");
    ok(bind(l, (struct sockaddr *)&sin, sizeof sin) == SOCKET_ERROR &&
           WSAGetLastError() == WSAEINVAL, "bind twice: %d", WSAGetLastError());
    len = sizeof sin;
    ok(getsockname(l, (struct sockaddr *)&sin, &len) == 0 && sin.sin_port != 0 &&
           len == sizeof sin, "port assigned");
    port = sin.sin_port;
    ok(listen(l, SOMAXCONN) == 0, "listen");
    len = sizeof v;
    ok(getsockopt(l, SOL_SOCKET, SO_ACCEPTCONN, (char *)&v, &len) == 0 && v, "listening");

    /* another socket cannot take the port */
    SOCKET l2 = socket(AF_INET, SOCK_STREAM, 0);
    ok(bind(l2, (struct sockaddr *)&sin, sizeof sin) == SOCKET_ERROR &&
           WSAGetLastError() == WSAEADDRINUSE, "port in use: %d", WSAGetLastError());
    closesocket(l2);

    HANDLE th = CreateThread(NULL, 0, client, NULL, 0, NULL);
    len = sizeof peer;
    SOCKET a = accept(l, (struct sockaddr *)&peer, &len);
    ok(a != INVALID_SOCKET, "accept: %d", WSAGetLastError());
    ok(len == sizeof peer && peer.sin_family == AF_INET &&
           peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "peer address");
    struct sockaddr_in me;
    len = sizeof me;
    ok(getsockname(a, (struct sockaddr *)&me, &len) == 0 && me.sin_port == port,
       "accepted socket's name");
    len = sizeof me;
    ok(getpeername(a, (struct sockaddr *)&me, &len) == 0 && me.sin_port == peer.sin_port,
       "getpeername");
    v = 1;
    ok(setsockopt(a, IPPROTO_TCP, TCP_NODELAY, (char *)&v, sizeof v) == 0, "TCP_NODELAY");
    v = 0;
    len = sizeof v;
    ok(getsockopt(a, IPPROTO_TCP, TCP_NODELAY, (char *)&v, &len) == 0 && v == 1,
       "TCP_NODELAY reads back");
    BOOL b = TRUE;
    ok(setsockopt(a, SOL_SOCKET, SO_KEEPALIVE, (char *)&b, sizeof b) == 0, "SO_KEEPALIVE");
    struct linger lg = {1, 5};
    ok(setsockopt(a, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof lg) == 0, "SO_LINGER");
    memset(&lg, 0, sizeof lg);
    len = sizeof lg;
    ok(getsockopt(a, SOL_SOCKET, SO_LINGER, (char *)&lg, &len) == 0 && lg.l_onoff &&
           lg.l_linger == 5 && len == sizeof lg, "SO_LINGER reads back");
    lg.l_onoff = 0;
    setsockopt(a, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof lg);
    DWORD tmo = 5000;
    ok(setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, (char *)&tmo, sizeof tmo) == 0, "SO_RCVTIMEO");

    int got = recv(a, buf, 5, MSG_WAITALL);
    ok(got == 5 && !memcmp(buf, "hello", 5), "recv %d", got);
    ok(send(a, "world!", 6, 0) == 6, "send");
    ok(WaitForSingleObject(th, 10000) == WAIT_OBJECT_0, "client done");
    DWORD code = 99;
    GetExitCodeThread(th, &code);
    ok(code == 0, "client status %lu", code);
    CloseHandle(th);
    /* the client closed: EOF */
    ok(recv(a, buf, sizeof buf, 0) == 0, "EOF");
    ok(shutdown(a, SD_SEND) == 0, "shutdown");
    ok(send(a, "x", 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAESHUTDOWN,
       "send after shutdown: %d", WSAGetLastError());
    ok(closesocket(a) == 0, "closesocket");
    ok(closesocket(a) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "closed twice");

    /* a short receive timeout */
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    ok(connect(c, (struct sockaddr *)&sin, sizeof sin) == 0, "connect 2");
    a = accept(l, NULL, NULL);
    ok(a != INVALID_SOCKET, "accept without address");
    tmo = 100;
    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, (char *)&tmo, sizeof tmo);
    DWORD t0 = GetTickCount();
    ok(recv(c, buf, sizeof buf, 0) == SOCKET_ERROR && WSAGetLastError() == WSAETIMEDOUT,
       "recv timeout: %d", WSAGetLastError());
    ok(GetTickCount() - t0 < 3000, "timed out promptly");
    closesocket(c);
    closesocket(a);

    /* not connected */
    c = socket(AF_INET, SOCK_STREAM, 0);
    ok(send(c, "x", 1, 0) == SOCKET_ERROR, "send unconnected"); /* Wine 8: error 0 */
    ok(recv(c, buf, 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN,
       "recv unconnected: %d", WSAGetLastError());
    len = sizeof me;
    ok(getpeername(c, (struct sockaddr *)&me, &len) == SOCKET_ERROR &&
           WSAGetLastError() == WSAENOTCONN, "getpeername unconnected");
    ok(shutdown(c, SD_BOTH) == SOCKET_ERROR && WSAGetLastError() == WSAENOTCONN,
       "shutdown unconnected: %d", WSAGetLastError());
    closesocket(c);

    /* nobody listening */
    closesocket(l);
    c = socket(AF_INET, SOCK_STREAM, 0);
    ok(connect(c, (struct sockaddr *)&sin, sizeof sin) == SOCKET_ERROR &&
           WSAGetLastError() == WSAECONNREFUSED, "refused: %d", WSAGetLastError());
    closesocket(c);

    /* IPv6 loopback, when the host has it */
    SOCKET l6 = socket(AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 s6 = {0};
    s6.sin6_family = AF_INET6;
    s6.sin6_addr = in6addr_loopback;
    if (l6 != INVALID_SOCKET && bind(l6, (struct sockaddr *)&s6, sizeof s6) == 0) {
        len = sizeof v;
        ok(getsockopt(l6, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&v, &len) == 0 && v == 1,
           "IPV6_V6ONLY is on by default");
        len = sizeof s6;
        ok(getsockname(l6, (struct sockaddr *)&s6, &len) == 0 && s6.sin6_family == AF_INET6 &&
               len == sizeof s6, "IPv6 name");
        ok(listen(l6, 1) == 0, "listen 6");
        c = socket(AF_INET6, SOCK_STREAM, 0);
        ok(connect(c, (struct sockaddr *)&s6, sizeof s6) == 0, "connect 6");
        a = accept(l6, NULL, NULL);
        ok(send(c, "six", 3, 0) == 3 && recv(a, buf, 3, MSG_WAITALL) == 3 && !memcmp(buf, "six", 3),
           "IPv6 data");
        closesocket(a);
        closesocket(c);
    }
    closesocket(l6);

    /* a socket is a handle: DuplicateHandle and CloseHandle take it (Winsock
     * need not know the duplicate) */
    c = socket(AF_INET, SOCK_STREAM, 0);
    HANDLE dup;
    ok(DuplicateHandle(GetCurrentProcess(), (HANDLE)c, GetCurrentProcess(), &dup, 0, FALSE,
                       DUPLICATE_SAME_ACCESS), "DuplicateHandle");
    ok(CloseHandle(dup), "CloseHandle on a socket");
    ok(closesocket(c) == 0, "original still open");

    WSACleanup();
    return test_summary();
}
