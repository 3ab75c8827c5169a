/* WSAEventSelect: FD_ACCEPT, FD_CONNECT, FD_WRITE, FD_READ (re-enabled
 * by recv), FD_CLOSE, WSAEnumNetworkEvents resetting the event, the
 * socket becoming non-blocking, WSAWaitForMultipleEvents. */
// build: -lws2_32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <string.h>
#include "test.h"

/* waits for the event, then returns the recorded network events */
static long events(SOCKET s, WSAEVENT ev, int *err_connect, int *err_close)
{
    WSANETWORKEVENTS ne;
    if (WSAWaitForMultipleEvents(1, &ev, FALSE, 2000, FALSE) != WSA_WAIT_EVENT_0)
        return 0;
    if (WSAEnumNetworkEvents(s, ev, &ne))
        return -1;
    if (err_connect)
        *err_connect = ne.iErrorCode[FD_CONNECT_BIT];
    if (err_close)
        *err_close = ne.iErrorCode[FD_CLOSE_BIT];
    return ne.lNetworkEvents;
}

int main(void)
{
    WSADATA wd;
    struct sockaddr_in sin = {0};
    int len, ec = -1;
    long e;
    char buf[64];
    WSAStartup(MAKEWORD(2, 2), &wd);

    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&sin, sizeof sin);
    len = sizeof sin;
    getsockname(l, (struct sockaddr *)&sin, &len);
    listen(l, 5);

    WSAEVENT lev = WSACreateEvent(), cev = WSACreateEvent(), aev = WSACreateEvent();
    ok(lev != WSA_INVALID_EVENT, "WSACreateEvent");
    ok(WSAEventSelect(l, lev, FD_ACCEPT) == 0, "WSAEventSelect listener");
    ok(WaitForSingleObject(lev, 0) == WAIT_TIMEOUT, "nothing yet");

    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    ok(WSAEventSelect(c, cev, FD_CONNECT | FD_WRITE | FD_READ | FD_CLOSE) == 0,
       "WSAEventSelect client");
    int r = connect(c, (struct sockaddr *)&sin, sizeof sin);
    ok(r == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "connect is non-blocking: %d",
       WSAGetLastError());
    e = events(c, cev, &ec, NULL);
    /* FD_WRITE may come with FD_CONNECT or right after */
    ok((e & FD_CONNECT) && ec == 0, "FD_CONNECT %#lx %d", e, ec);
    if (!(e & FD_WRITE))
        e = events(c, cev, NULL, NULL);
    ok(e & FD_WRITE, "FD_WRITE %#lx", e);

    e = events(l, lev, NULL, NULL);
    ok(e == FD_ACCEPT, "FD_ACCEPT %#lx", e);
    SOCKET a = accept(l, NULL, NULL);
    ok(a != INVALID_SOCKET, "accept");
    ok(recv(a, buf, sizeof buf, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "the accepted socket is non-blocking too: %d", WSAGetLastError());
    ok(WSAEventSelect(a, aev, FD_READ | FD_CLOSE) == 0, "WSAEventSelect accepted");

    ok(send(c, "0123456789", 10, 0) == 10, "send");
    e = events(a, aev, NULL, NULL);
    ok(e == FD_READ, "FD_READ %#lx", e);
    /* a partial read re-enables FD_READ: there is more */
    ok(recv(a, buf, 4, 0) == 4, "recv part");
    e = events(a, aev, NULL, NULL);
    ok(e == FD_READ, "FD_READ again %#lx", e);
    ok(recv(a, buf, sizeof buf, 0) == 6, "recv rest");
    ok(WaitForSingleObject(aev, 100) == WAIT_TIMEOUT, "no more FD_READ");

    /* the peer closes gracefully */
    shutdown(c, SD_SEND);
    int eclose = -1;
    e = events(a, aev, NULL, &eclose);
    ok((e & FD_CLOSE) && eclose == 0, "FD_CLOSE %#lx %d", e, eclose);
    ok(recv(a, buf, sizeof buf, 0) == 0, "EOF");

    /* events off again, then blocking mode is allowed */
    u_long off = 0;
    ok(ioctlsocket(a, FIONBIO, &off) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "FIONBIO 0 refused while selecting");
    ok(WSAEventSelect(a, NULL, 0) == 0, "WSAEventSelect off");
    ok(ioctlsocket(a, FIONBIO, &off) == 0, "then FIONBIO 0");

    closesocket(a);
    closesocket(c);
    closesocket(l);
    WSACloseEvent(lev);
    WSACloseEvent(cev);
    WSACloseEvent(aev);
    WSACleanup();
    return test_summary();
}
