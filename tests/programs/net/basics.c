/* Winsock start-up, errors, byte order and address text: WSAStartup's
 * WSADATA, WSANOTINITIALISED before it, WSAENOTSOCK for a non-socket,
 * inet_addr/inet_ntoa, inet_pton/inet_ntop (and W forms),
 * WSAStringToAddress/WSAAddressToString, the protocol catalogue. */
// build: -lws2_32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <string.h>
#include "test.h"

int main(void)
{
    WSADATA wd;
    SOCKET s;
    char buf[64];
    WCHAR wbuf[64];
    struct in_addr a4;
    struct in6_addr a6;

    SetLastError(0xdeadbeef);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(s == INVALID_SOCKET && WSAGetLastError() == WSANOTINITIALISED,
       "socket before WSAStartup: %d", WSAGetLastError());
    ok(WSACleanup() == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
       "WSACleanup before WSAStartup: %d", WSAGetLastError());

    ok(WSAStartup(MAKEWORD(2, 2), &wd) == 0, "WSAStartup");
    ok(wd.wVersion == 0x0202 && wd.wHighVersion == 0x0202, "versions %#x %#x", wd.wVersion,
       wd.wHighVersion);
    ok(WSAStartup(MAKEWORD(0, 0), &wd) == WSAVERNOTSUPPORTED, "version 0.0 refused");
    memset(&wd, 0, sizeof wd);
    ok(WSAStartup(MAKEWORD(1, 1), &wd) == 0 && wd.wVersion == 0x0101, "1.1 gives %#x",
       wd.wVersion);
    ok(WSAStartup(MAKEWORD(3, 0), &wd) == 0 && wd.wVersion == 0x0202, "3.0 gives 2.2: %#x",
       wd.wVersion);

    /* the WSA error is the thread's Win32 last error */
    WSASetLastError(12345);
    ok(GetLastError() == 12345, "WSASetLastError sets GetLastError");
    SetLastError(WSAEWOULDBLOCK);
    ok(WSAGetLastError() == WSAEWOULDBLOCK, "SetLastError shows in WSAGetLastError");

    ok(closesocket((SOCKET)0x1234) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "closesocket(junk): %d", WSAGetLastError());
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(closesocket((SOCKET)ev) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "closesocket(event): %d", WSAGetLastError());
    CloseHandle(ev);
    s = socket(12345, SOCK_STREAM, 0);
    ok(s == INVALID_SOCKET && WSAGetLastError() == WSAEAFNOSUPPORT, "bad family: %d",
       WSAGetLastError());
    s = socket(AF_INET, 77, 0);
    ok(s == INVALID_SOCKET && WSAGetLastError() == WSAESOCKTNOSUPPORT, "bad type: %d",
       WSAGetLastError());

    ok(htons(0x1234) == 0x3412 && ntohs(0x3412) == 0x1234, "htons");
    ok(htonl(0x12345678) == 0x78563412 && ntohl(0x78563412) == 0x12345678, "htonl");

    ok(inet_addr("127.0.0.1") == htonl(0x7f000001), "inet_addr");
    ok(inet_addr("1.2.3") == htonl(0x01020003), "inet_addr short form");
    ok(inet_addr("junk") == INADDR_NONE, "inet_addr junk");
    a4.s_addr = htonl(0xc0a80001);
    ok(!strcmp(inet_ntoa(a4), "192.168.0.1"), "inet_ntoa %s", inet_ntoa(a4));

    ok(inet_pton(AF_INET, "10.1.2.3", &a4) == 1 && a4.s_addr == htonl(0x0a010203), "inet_pton 4");
    ok(inet_pton(AF_INET, "10.1.2", &a4) == 0, "inet_pton wants four parts");
    ok(inet_pton(AF_INET6, "::1", &a6) == 1 && a6.s6_addr[15] == 1, "inet_pton 6");
    ok(inet_pton(12345, "::1", &a6) == -1 && WSAGetLastError() == WSAEAFNOSUPPORT,
       "inet_pton bad family");
    ok(inet_ntop(AF_INET6, &a6, buf, sizeof buf) && !strcmp(buf, "::1"), "inet_ntop 6: %s", buf);
    a4.s_addr = htonl(0x7f000001);
    ok(inet_ntop(AF_INET, &a4, buf, sizeof buf) && !strcmp(buf, "127.0.0.1"), "inet_ntop 4");
    ok(!inet_ntop(AF_INET, &a4, buf, 5), "inet_ntop small buffer fails");
    ok(InetPtonW(AF_INET6, L"fe80::1", &a6) == 1 && a6.s6_addr[0] == 0xfe, "InetPtonW");
    ok(InetNtopW(AF_INET6, &a6, wbuf, 64) && !wcscmp(wbuf, L"fe80::1"), "InetNtopW");

    struct sockaddr_in sin;
    struct sockaddr_in6 sin6;
    int len = sizeof sin;
    ok(WSAStringToAddressA("1.2.3.4:80", AF_INET, NULL, (struct sockaddr *)&sin, &len) == 0 &&
           sin.sin_family == AF_INET && sin.sin_port == htons(80) &&
           sin.sin_addr.s_addr == htonl(0x01020304) && len == sizeof sin,
       "WSAStringToAddressA v4");
    DWORD slen = sizeof buf;
    ok(WSAAddressToStringA((struct sockaddr *)&sin, sizeof sin, NULL, buf, &slen) == 0 &&
           !strcmp(buf, "1.2.3.4:80") && slen == 11,
       "WSAAddressToStringA v4: %s %lu", buf, slen);
    len = sizeof sin6;
    ok(WSAStringToAddressA("[::1]:443", AF_INET6, NULL, (struct sockaddr *)&sin6, &len) == 0 &&
           sin6.sin6_family == AF_INET6 && sin6.sin6_port == htons(443) &&
           sin6.sin6_addr.s6_addr[15] == 1,
       "WSAStringToAddressA v6");
    slen = sizeof buf;
    ok(WSAAddressToStringA((struct sockaddr *)&sin6, sizeof sin6, NULL, buf, &slen) == 0 &&
           !strcmp(buf, "[::1]:443"),
       "WSAAddressToStringA v6: %s", buf);
    slen = 3;
    ok(WSAAddressToStringA((struct sockaddr *)&sin6, sizeof sin6, NULL, buf, &slen) ==
               SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && slen == 10,
       "WSAAddressToStringA small buffer: %d %lu", WSAGetLastError(), slen);

    /* the catalogue Go checks for XP1_IFS_HANDLES */
    WSAPROTOCOL_INFOW info[16];
    DWORD size = 0;
    int protos[] = {IPPROTO_TCP, 0};
    ok(WSAEnumProtocolsW(protos, NULL, &size) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS &&
           size >= sizeof info[0] && size % sizeof info[0] == 0,
       "WSAEnumProtocolsW size query: %lu", size);
    size = sizeof info;
    int n = WSAEnumProtocolsW(protos, info, &size);
    ok(n >= 2, "TCP providers: %d", n);
    int v4 = 0, v6 = 0;
    for (int i = 0; i < n; i++) {
        ok(info[i].iProtocol == IPPROTO_TCP && info[i].iSocketType == SOCK_STREAM,
           "entry %d is TCP", i);
        v4 |= info[i].iAddressFamily == AF_INET;
        v6 |= info[i].iAddressFamily == AF_INET6;
        ok(info[i].dwServiceFlags1 & XP1_IFS_HANDLES, "IFS handles");
    }
    ok(v4 && v6, "TCP over IPv4 and IPv6");

    ok(WSACleanup() == 0 && WSACleanup() == 0 && WSACleanup() == 0, "one cleanup per startup");
    ok(WSACleanup() == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED, "then no more");
    return test_summary();
}
