/* UDP over 127.0.0.1: sendto/recvfrom with the sender's address, a
 * datagram bigger than the buffer (WSAEMSGSIZE, buffer filled),
 * connected UDP, SO_BROADCAST, SO_RCVBUF, SIO_UDP_CONNRESET. */
// build: -lws2_32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#ifndef SIO_UDP_CONNRESET
#define SIO_UDP_CONNRESET _WSAIOW(IOC_VENDOR, 12)
#endif
#include <string.h>
#include "test.h"

int main(void)
{
    WSADATA wd;
    struct sockaddr_in a = {0}, b = {0}, from;
    int len, v;
    char buf[64];
    WSAStartup(MAKEWORD(2, 2), &wd);

    SOCKET s1 = socket(AF_INET, SOCK_DGRAM, 0), s2 = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    ok(s1 != INVALID_SOCKET && s2 != INVALID_SOCKET, "sockets");
    len = sizeof v;
    ok(getsockopt(s1, SOL_SOCKET, SO_TYPE, (char *)&v, &len) == 0 && v == SOCK_DGRAM, "SO_TYPE");
    a.sin_family = b.sin_family = AF_INET;
    a.sin_addr.s_addr = b.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(bind(s1, (struct sockaddr *)&a, sizeof a) == 0, "bind 1");
    ok(bind(s2, (struct sockaddr *)&b, sizeof b) == 0, "bind 2");
    len = sizeof a;
    getsockname(s1, (struct sockaddr *)&a, &len);
    len = sizeof b;
    getsockname(s2, (struct sockaddr *)&b, &len);

    BOOL on = TRUE;
    ok(setsockopt(s1, SOL_SOCKET, SO_BROADCAST, (char *)&on, sizeof on) == 0, "SO_BROADCAST");
    v = 65536;
    ok(setsockopt(s1, SOL_SOCKET, SO_RCVBUF, (char *)&v, sizeof v) == 0, "SO_RCVBUF");
    v = 0;
    len = sizeof v;
    ok(getsockopt(s1, SOL_SOCKET, SO_RCVBUF, (char *)&v, &len) == 0 && v >= 65536,
       "SO_RCVBUF reads back %d", v);
    DWORD ret, off = FALSE;
    ok(WSAIoctl(s1, SIO_UDP_CONNRESET, &off, sizeof off, NULL, 0, &ret, NULL, NULL) == 0,
       "SIO_UDP_CONNRESET");

    ok(sendto(s2, "ping", 4, 0, (struct sockaddr *)&a, sizeof a) == 4, "sendto");
    len = sizeof from;
    memset(&from, 0, sizeof from);
    ok(recvfrom(s1, buf, sizeof buf, 0, (struct sockaddr *)&from, &len) == 4 &&
           !memcmp(buf, "ping", 4), "recvfrom");
    ok(len == sizeof from && from.sin_family == AF_INET && from.sin_port == b.sin_port &&
           from.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "sender's address");

    /* too big for the buffer */
    ok(sendto(s2, "0123456789", 10, 0, (struct sockaddr *)&a, sizeof a) == 10, "sendto 10");
    memset(buf, 0, sizeof buf);
    ok(recv(s1, buf, 4, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEMSGSIZE &&
           !memcmp(buf, "0123", 4), "truncated: %d", WSAGetLastError());

    /* zero-length datagram */
    ok(sendto(s2, "", 0, 0, (struct sockaddr *)&a, sizeof a) == 0, "empty datagram");
    ok(recv(s1, buf, sizeof buf, 0) == 0, "received empty datagram");

    /* connected UDP */
    ok(connect(s2, (struct sockaddr *)&a, sizeof a) == 0, "connect");
    ok(send(s2, "pong", 4, 0) == 4, "send");
    ok(recv(s1, buf, sizeof buf, 0) == 4 && !memcmp(buf, "pong", 4), "recv");
    len = sizeof from;
    ok(getpeername(s2, (struct sockaddr *)&from, &len) == 0 && from.sin_port == a.sin_port,
       "getpeername");

    /* WSASendTo / WSARecvFrom, several buffers */
    WSABUF bufs[2] = {{3, "abc"}, {3, "def"}};
    DWORD sent = 0, got = 0, flags = 0;
    ok(WSASendTo(s1, bufs, 2, &sent, 0, (struct sockaddr *)&b, sizeof b, NULL, NULL) == 0 &&
           sent == 6, "WSASendTo");
    char x[4], y[4];
    WSABUF rb[2] = {{2, x}, {4, y}};
    len = sizeof from;
    ok(WSARecvFrom(s2, rb, 2, &got, &flags, (struct sockaddr *)&from, &len, NULL, NULL) == 0 &&
           got == 6 && !memcmp(x, "ab", 2) && !memcmp(y, "cdef", 4) && from.sin_port == a.sin_port,
       "WSARecvFrom scatter");

    closesocket(s1);
    closesocket(s2);
    WSACleanup();
    return test_summary();
}
