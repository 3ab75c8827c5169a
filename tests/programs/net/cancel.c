/* Cancelling overlapped socket I/O, as Go does for deadlines and Close:
 * CancelIoEx on one pending receive (its packet says
 * ERROR_OPERATION_ABORTED), CancelIoEx with nothing pending
 * (ERROR_NOT_FOUND), CancelIo for the calling thread's I/O, and a refused
 * ConnectEx (ERROR_CONNECTION_REFUSED on the port, WSAECONNREFUSED from
 * WSAGetOverlappedResult). Needs kernel32's CancelIoEx to reach ws2_32
 * (file_set_cancel_hook) and the network NTSTATUS -> Win32 mappings. */
// build: -lws2_32 -lmswsock
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <string.h>
#include "test.h"

int main(void)
{
    WSADATA wd;
    struct sockaddr_in sin = {0};
    int len;
    DWORD bytes, flags = 0, ret;
    ULONG_PTR key;
    OVERLAPPED *pov;
    char buf[64];
    BOOL r;
    WSAStartup(MAKEWORD(2, 2), &wd);

    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&sin, sizeof sin);
    len = sizeof sin;
    getsockname(l, (struct sockaddr *)&sin, &len);
    listen(l, 5);
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    connect(c, (struct sockaddr *)&sin, sizeof sin);
    SOCKET a = accept(l, NULL, NULL);

    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    CreateIoCompletionPort((HANDLE)a, port, 7, 0);

    /* Windows (and Go) say ERROR_NOT_FOUND; Wine 8 returns TRUE */
    SetLastError(0xdeadbeef);
    r = CancelIoEx((HANDLE)a, NULL);
    ok(r || GetLastError() == ERROR_NOT_FOUND, "nothing to cancel: %lu", GetLastError());

    WSABUF wb = {sizeof buf, buf};
    OVERLAPPED ov1 = {0}, ov2 = {0};
    ok(WSARecv(a, &wb, 1, &bytes, &flags, &ov1, NULL) == SOCKET_ERROR &&
           WSAGetLastError() == WSA_IO_PENDING, "first receive pending");
    ok(WSARecv(a, &wb, 1, &bytes, &flags, &ov2, NULL) == SOCKET_ERROR &&
           WSAGetLastError() == WSA_IO_PENDING, "second receive pending");
    ok(CancelIoEx((HANDLE)a, &ov2), "CancelIoEx one: %lu", GetLastError());
    r = GetQueuedCompletionStatus(port, &bytes, &key, &pov, 5000);
    ok(!r && pov == &ov2 && key == 7 && GetLastError() == ERROR_OPERATION_ABORTED,
       "aborted packet: %d %p %lu", r, pov, GetLastError());
    ok(!WSAGetOverlappedResult(a, &ov2, &bytes, FALSE, &flags) &&
           WSAGetLastError() == WSA_OPERATION_ABORTED, "WSAGetOverlappedResult: %d",
       WSAGetLastError());
    ok(!WSAGetOverlappedResult(a, &ov1, &bytes, FALSE, &flags) &&
           WSAGetLastError() == WSA_IO_INCOMPLETE, "the other is still pending");
    SetLastError(0xdeadbeef);
    ok(!CancelIoEx((HANDLE)a, &ov2) && GetLastError() == ERROR_NOT_FOUND, "already done");

    /* the first still gets data */
    send(c, "abc", 3, 0);
    r = GetQueuedCompletionStatus(port, &bytes, &key, &pov, 5000);
    ok(r && pov == &ov1 && bytes == 3, "first completes: %lu", bytes);

    /* CancelIo: this thread's */
    memset(&ov1, 0, sizeof ov1);
    WSARecv(a, &wb, 1, &bytes, &flags, &ov1, NULL);
    ok(CancelIo((HANDLE)a), "CancelIo");
    r = GetQueuedCompletionStatus(port, &bytes, &key, &pov, 5000);
    ok(!r && pov == &ov1 && GetLastError() == ERROR_OPERATION_ABORTED, "CancelIo aborted it");

    /* a refused ConnectEx */
    closesocket(l);
    LPFN_CONNECTEX connectex = NULL;
    GUID g = WSAID_CONNECTEX;
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &g, sizeof g, &connectex, sizeof connectex,
             &ret, NULL, NULL);
    struct sockaddr_in any = {0};
    any.sin_family = AF_INET;
    bind(s, (struct sockaddr *)&any, sizeof any);
    CreateIoCompletionPort((HANDLE)s, port, 8, 0);
    OVERLAPPED cov = {0};
    r = connectex(s, (struct sockaddr *)&sin, sizeof sin, NULL, 0, NULL, &cov);
    ok(!r && WSAGetLastError() == ERROR_IO_PENDING, "ConnectEx pending: %d", WSAGetLastError());
    r = GetQueuedCompletionStatus(port, &bytes, &key, &pov, 10000);
    ok(!r && pov == &cov && GetLastError() == ERROR_CONNECTION_REFUSED, "refused packet: %lu",
       GetLastError());
    ok(!WSAGetOverlappedResult(s, &cov, &bytes, FALSE, &flags) &&
           WSAGetLastError() == WSAECONNREFUSED, "WSAECONNREFUSED: %d", WSAGetLastError());

    closesocket(s);
    closesocket(a);
    closesocket(c);
    CloseHandle(port);
    WSACleanup();
    return test_summary();
}
