/* Overlapped sockets the way Go's net package and servers use them:
 * AcceptEx and ConnectEx from SIO_GET_EXTENSION_FUNCTION_POINTER,
 * WSARecv/WSASend with an OVERLAPPED on a socket associated with a
 * completion port; ERROR_IO_PENDING, packets for synchronous completions
 * unless FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, GetAcceptExSockaddrs,
 * WSAGetOverlappedResult, event completion, hEvent|1 (no packet),
 * completion routines run by an alertable wait, closesocket ending a
 * pending receive. */
// build: -lws2_32 -lmswsock
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <string.h>
#include "test.h"

static HANDLE port;

/* the next packet within 5 s */
static BOOL next_packet(DWORD *bytes, ULONG_PTR *key, OVERLAPPED **ov, DWORD *err)
{
    BOOL r = GetQueuedCompletionStatus(port, bytes, key, ov, 5000);
    *err = r ? 0 : GetLastError();
    return r;
}

static int routine_calls;
static DWORD routine_bytes, routine_error;
static void CALLBACK routine(DWORD error, DWORD bytes, OVERLAPPED *ov, DWORD flags)
{
    routine_calls++;
    routine_bytes = bytes;
    routine_error = error;
}

int main(void)
{
    WSADATA wd;
    struct sockaddr_in sin = {0};
    int len;
    DWORD bytes, err, flags, ret;
    ULONG_PTR key;
    OVERLAPPED *pov;
    char buf[256];
    WSAStartup(MAKEWORD(2, 2), &wd);

    SOCKET l = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0,
                          WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    ok(l != INVALID_SOCKET, "WSASocketW");
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&sin, sizeof sin);
    len = sizeof sin;
    getsockname(l, (struct sockaddr *)&sin, &len);
    listen(l, 5);

    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    ok(port != NULL, "port");
    ok(CreateIoCompletionPort((HANDLE)l, port, 1, 0) == port, "associate listener");

    LPFN_ACCEPTEX acceptex = NULL;
    LPFN_CONNECTEX connectex = NULL;
    LPFN_GETACCEPTEXSOCKADDRS getaddrs = NULL;
    GUID g1 = WSAID_ACCEPTEX, g2 = WSAID_CONNECTEX, g3 = WSAID_GETACCEPTEXSOCKADDRS;
    ok(WSAIoctl(l, SIO_GET_EXTENSION_FUNCTION_POINTER, &g1, sizeof g1, &acceptex,
                sizeof acceptex, &ret, NULL, NULL) == 0 && acceptex && ret == sizeof acceptex,
       "AcceptEx pointer");
    ok(WSAIoctl(l, SIO_GET_EXTENSION_FUNCTION_POINTER, &g2, sizeof g2, &connectex,
                sizeof connectex, &ret, NULL, NULL) == 0 && connectex, "ConnectEx pointer");
    ok(WSAIoctl(l, SIO_GET_EXTENSION_FUNCTION_POINTER, &g3, sizeof g3, &getaddrs,
                sizeof getaddrs, &ret, NULL, NULL) == 0 && getaddrs, "GetAcceptExSockaddrs pointer");

    /* AcceptEx before anyone connects: pending */
    SOCKET as = socket(AF_INET, SOCK_STREAM, 0);
    OVERLAPPED aov = {0};
    char abuf[2 * (sizeof(struct sockaddr_in) + 16)];
    bytes = 0xdead;
    ok(!acceptex(l, as, abuf, 0, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16,
                 &bytes, &aov) && WSAGetLastError() == ERROR_IO_PENDING,
       "AcceptEx pending: %d", WSAGetLastError());

    /* ConnectEx wants a bound socket */
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    OVERLAPPED cov = {0};
    ok(!connectex(c, (struct sockaddr *)&sin, sizeof sin, NULL, 0, NULL, &cov) &&
           WSAGetLastError() == WSAEINVAL, "ConnectEx unbound: %d", WSAGetLastError());
    struct sockaddr_in any = {0};
    any.sin_family = AF_INET;
    ok(bind(c, (struct sockaddr *)&any, sizeof any) == 0, "bind client");
    ok(CreateIoCompletionPort((HANDLE)c, port, 2, 0) == port, "associate client");
    BOOL r = connectex(c, (struct sockaddr *)&sin, sizeof sin, "hi", 2, &bytes, &cov);
    ok(r || WSAGetLastError() == ERROR_IO_PENDING, "ConnectEx: %d", WSAGetLastError());

    int got_accept = 0, got_connect = 0;
    for (int i = 0; i < 2; i++) {
        BOOL k = next_packet(&bytes, &key, &pov, &err);
        ok(k, "packet %d: %lu", i, err);
        if (key == 1 && pov == &aov)
            got_accept = 1;
        if (key == 2 && pov == &cov) {
            got_connect = 1;
            ok(bytes == 2, "ConnectEx sent %lu", bytes);
        }
    }
    ok(got_accept && got_connect, "both completed");
    ok(setsockopt(as, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&l, sizeof l) == 0,
       "SO_UPDATE_ACCEPT_CONTEXT");
    ok(setsockopt(c, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0) == 0,
       "SO_UPDATE_CONNECT_CONTEXT");
    struct sockaddr *la = NULL, *ra = NULL;
    int llen = 0, rlen = 0;
    getaddrs(abuf, 0, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16, &la, &llen,
             &ra, &rlen);
    ok(la && ra && llen == sizeof(struct sockaddr_in) && rlen == sizeof(struct sockaddr_in),
       "addresses %d %d", llen, rlen);
    ok(la && la->sa_family == AF_INET && ((struct sockaddr_in *)la)->sin_port == sin.sin_port,
       "local address is the listener's");
    ok(ra && ra->sa_family == AF_INET && ((struct sockaddr_in *)ra)->sin_addr.s_addr ==
                                             htonl(INADDR_LOOPBACK), "remote address");
    len = sizeof any;
    ok(getpeername(as, (struct sockaddr *)&any, &len) == 0, "accepted socket is connected");

    /* data already there: the receive completes at once, and the port
     * still gets a packet */
    ok(CreateIoCompletionPort((HANDLE)as, port, 3, 0) == port, "associate accepted");
    WSABUF wb = {sizeof buf, buf};
    OVERLAPPED rov = {0};
    flags = 0;
    bytes = 0;
    Sleep(50);
    int rr = WSARecv(as, &wb, 1, &bytes, &flags, &rov, NULL);
    ok(rr == 0 || WSAGetLastError() == WSA_IO_PENDING, "WSARecv: %d", WSAGetLastError());
    ok(next_packet(&bytes, &key, &pov, &err) && key == 3 && pov == &rov && bytes == 2 &&
           !memcmp(buf, "hi", 2), "receive packet: %lu bytes", bytes);
    ok(WSAGetOverlappedResult(as, &rov, &bytes, FALSE, &flags) && bytes == 2,
       "WSAGetOverlappedResult");

    /* nothing there: pending until the peer sends */
    memset(&rov, 0, sizeof rov);
    rr = WSARecv(as, &wb, 1, &bytes, &flags, &rov, NULL);
    ok(rr == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "WSARecv pending: %d",
       WSAGetLastError());
    ok(!WSAGetOverlappedResult(as, &rov, &bytes, FALSE, &flags) &&
           WSAGetLastError() == WSA_IO_INCOMPLETE, "still incomplete: %d", WSAGetLastError());
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &pov, 50) && !pov &&
           GetLastError() == WAIT_TIMEOUT, "no packet yet");
    WSABUF sb = {5, "12345"};
    OVERLAPPED sov = {0};
    rr = WSASend(c, &sb, 1, &bytes, 0, &sov, NULL);
    ok(rr == 0 || WSAGetLastError() == WSA_IO_PENDING, "WSASend");
    int seen_recv = 0, seen_send = 0;
    for (int i = 0; i < 2; i++) {
        if (!next_packet(&bytes, &key, &pov, &err))
            break;
        seen_recv |= pov == &rov && bytes == 5;
        seen_send |= pov == &sov && bytes == 5;
    }
    ok(seen_recv && seen_send, "receive and send packets");

    /* skip the port on success */
    ok(SetFileCompletionNotificationModes((HANDLE)c, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
       "SetFileCompletionNotificationModes");
    memset(&sov, 0, sizeof sov);
    bytes = 0;
    ok(WSASend(c, &sb, 1, &bytes, 0, &sov, NULL) == 0 && bytes == 5, "WSASend at once");
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &pov, 100) && !pov, "no packet");
    ok(recv(as, buf, 5, MSG_WAITALL) == 5, "drain");

    /* a big send completes in full */
    static char big[1 << 20];
    WSABUF bb = {sizeof big, big};
    memset(&sov, 0, sizeof sov);
    rr = WSASend(c, &bb, 1, &bytes, 0, &sov, NULL);
    ok(rr == 0 || WSAGetLastError() == WSA_IO_PENDING, "big WSASend");
    DWORD total = 0;
    while (total < sizeof big) {
        int n = recv(as, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        total += n;
    }
    ok(total == sizeof big, "received %lu", total);
    if (rr)
        ok(next_packet(&bytes, &key, &pov, &err) && pov == &sov && bytes == sizeof big,
           "big send packet %lu", bytes);
    else
        ok(bytes == sizeof big, "big send at once");

    /* event completion, on a socket with no port */
    SOCKET c2 = socket(AF_INET, SOCK_STREAM, 0);
    connect(c2, (struct sockaddr *)&sin, sizeof sin);
    SOCKET a2 = accept(l, NULL, NULL);
    ok(a2 != INVALID_SOCKET, "accept 2: %d", WSAGetLastError());
    OVERLAPPED eov = {0};
    eov.hEvent = WSACreateEvent();
    SetEvent(eov.hEvent);
    rr = WSARecv(a2, &wb, 1, &bytes, &flags, &eov, NULL);
    ok(rr == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "event WSARecv pending");
    ok(WaitForSingleObject(eov.hEvent, 0) == WAIT_TIMEOUT, "event reset when the I/O starts");
    send(c2, "xyz", 3, 0);
    ok(WaitForSingleObject(eov.hEvent, 5000) == WAIT_OBJECT_0, "event set");
    ok(WSAGetOverlappedResult(a2, &eov, &bytes, FALSE, &flags) && bytes == 3, "3 bytes");
    /* WSAGetOverlappedResult can wait */
    ResetEvent(eov.hEvent);
    rr = WSARecv(a2, &wb, 1, &bytes, &flags, &eov, NULL);
    send(c2, "wait", 4, 0);
    ok(WSAGetOverlappedResult(a2, &eov, &bytes, TRUE, &flags) && bytes == 4, "waited for 4");
    WSACloseEvent(eov.hEvent);

    /* a completion routine runs in an alertable wait */
    OVERLAPPED rtov = {0};
    rr = WSARecv(a2, &wb, 1, &bytes, &flags, &rtov, routine);
    ok(rr == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "routine WSARecv pending");
    send(c2, "apc", 3, 0);
    ok(SleepEx(5000, TRUE) == WAIT_IO_COMPLETION, "alertable wait ran it");
    ok(routine_calls == 1 && routine_bytes == 3 && routine_error == 0, "routine: %d %lu %lu",
       routine_calls, routine_bytes, routine_error);

    /* hEvent with the low bit set: the event, but no packet */
    OVERLAPPED nov = {0};
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    nov.hEvent = (HANDLE)((ULONG_PTR)ev | 1);
    rr = WSARecv(as, &wb, 1, &bytes, &flags, &nov, NULL);
    ok(rr == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "no-packet WSARecv pending");
    send(c, "q", 1, 0);
    ok(WaitForSingleObject(ev, 5000) == WAIT_OBJECT_0, "event still set");
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &pov, 100) && !pov, "no packet");
    CloseHandle(ev);

    /* closing a socket ends its pending receive */
    memset(&rov, 0, sizeof rov);
    rr = WSARecv(as, &wb, 1, &bytes, &flags, &rov, NULL);
    ok(rr == SOCKET_ERROR && WSAGetLastError() == WSA_IO_PENDING, "pending before close");
    closesocket(as);
    r = next_packet(&bytes, &key, &pov, &err);
    /* Wine 8 reports ERROR_HANDLES_CLOSED (676) */
    ok(!r && pov == &rov && (err == ERROR_OPERATION_ABORTED || err == 676 ||
                             err == ERROR_NETNAME_DELETED || err == ERROR_CONNECTION_ABORTED),
       "aborted by close: %lu", err);

    closesocket(c);
    closesocket(a2);
    closesocket(c2);
    closesocket(l);
    CloseHandle(port);
    WSACleanup();
    return test_summary();
}
