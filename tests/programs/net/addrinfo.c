/* Name resolution without DNS: numeric getaddrinfo/GetAddrInfoW in
 * Windows' ADDRINFO layout (size_t ai_addrlen, ai_canonname before
 * ai_addr, AF_INET6 = 23, ai_protocol as the hint gave it, one entry per
 * address without a socket type), AI_PASSIVE, errors, getnameinfo,
 * gethostname, gethostbyname, getprotobyname. */
// build: -lws2_32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <stddef.h>
#include <string.h>
#include "test.h"

int main(void)
{
    WSADATA wd;
    struct addrinfo hints = {0}, *res = NULL;
    ADDRINFOW whints = {0}, *wres = NULL;
    char host[NI_MAXHOST], serv[NI_MAXSERV];

    WSAStartup(MAKEWORD(2, 2), &wd);

    ok(offsetof(struct addrinfo, ai_canonname) == 24 && offsetof(struct addrinfo, ai_addr) == 32,
       "layout");
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST;
    ok(getaddrinfo("127.0.0.1", "8080", &hints, &res) == 0 && res, "getaddrinfo");
    if (res) {
        struct sockaddr_in *sin = (struct sockaddr_in *)res->ai_addr;
        ok(res->ai_family == AF_INET && res->ai_socktype == SOCK_STREAM &&
               res->ai_protocol == 0 && res->ai_addrlen == sizeof *sin,
           "entry %d %d %d %zu", res->ai_family, res->ai_socktype, res->ai_protocol,
           res->ai_addrlen);
        ok(sin->sin_family == AF_INET && sin->sin_port == htons(8080) &&
               sin->sin_addr.s_addr == htonl(INADDR_LOOPBACK), "address");
        ok(!res->ai_canonname && !res->ai_next, "one entry, no name");
        freeaddrinfo(res);
    }

    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = 0;
    res = NULL;
    ok(getaddrinfo("::1", NULL, &hints, &res) == 0 && res && res->ai_family == AF_INET6 &&
           res->ai_addrlen == sizeof(struct sockaddr_in6) &&
           ((struct sockaddr_in6 *)res->ai_addr)->sin6_family == AF_INET6 && !res->ai_next,
       "IPv6 numeric, one entry without a socket type");
    if (res)
        freeaddrinfo(res);

    hints.ai_family = AF_INET;
    hints.ai_flags = AI_PASSIVE;
    hints.ai_socktype = SOCK_DGRAM;
    res = NULL;
    ok(getaddrinfo(NULL, "53", &hints, &res) == 0 && res &&
           ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == INADDR_ANY &&
           res->ai_socktype == SOCK_DGRAM, "AI_PASSIVE");
    if (res)
        freeaddrinfo(res);

    hints.ai_flags = AI_NUMERICHOST;
    res = NULL;
    int e = getaddrinfo("not-a-number", NULL, &hints, &res);
    ok(e == WSAHOST_NOT_FOUND && WSAGetLastError() == WSAHOST_NOT_FOUND && !res,
       "AI_NUMERICHOST with a name: %d", e);
    ok(getaddrinfo(NULL, NULL, &hints, &res) == WSAHOST_NOT_FOUND, "no node, no service");
    hints.ai_family = 12345;
    hints.ai_flags = 0;
    ok(getaddrinfo("127.0.0.1", NULL, &hints, &res) == WSAEAFNOSUPPORT, "bad family");

    whints.ai_family = AF_INET6;
    whints.ai_flags = AI_NUMERICHOST;
    ok(GetAddrInfoW(L"::1", L"443", &whints, &wres) == 0 && wres &&
           wres->ai_family == AF_INET6 && wres->ai_addrlen == sizeof(struct sockaddr_in6) &&
           ((struct sockaddr_in6 *)wres->ai_addr)->sin6_port == htons(443), "GetAddrInfoW");
    if (wres)
        FreeAddrInfoW(wres);

    struct sockaddr_in sin = {0};
    sin.sin_family = AF_INET;
    sin.sin_port = htons(8080);
    sin.sin_addr.s_addr = htonl(0x7f000001);
    ok(getnameinfo((struct sockaddr *)&sin, sizeof sin, host, sizeof host, serv, sizeof serv,
                   NI_NUMERICHOST | NI_NUMERICSERV) == 0 && !strcmp(host, "127.0.0.1") &&
           !strcmp(serv, "8080"), "getnameinfo %s %s", host, serv);
    WCHAR whost[NI_MAXHOST], wserv[NI_MAXSERV];
    ok(GetNameInfoW((struct sockaddr *)&sin, sizeof sin, whost, NI_MAXHOST, wserv, NI_MAXSERV,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0 && !wcscmp(whost, L"127.0.0.1") &&
           !wcscmp(wserv, L"8080"), "GetNameInfoW");

    ok(gethostname(host, sizeof host) == 0 && host[0], "gethostname");
    ok(gethostname(host, 1) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT,
       "gethostname small buffer");

    struct hostent *he = gethostbyname("127.0.0.1");
    ok(he && he->h_addrtype == AF_INET && he->h_length == 4 && he->h_addr_list[0] &&
           !memcmp(he->h_addr_list[0], "\x7f\0\0\x01", 4), "gethostbyname numeric");

    struct protoent *pe = getprotobyname("tcp");
    ok(pe && pe->p_proto == IPPROTO_TCP, "getprotobyname");
    pe = getprotobynumber(17);
    ok(pe && !strcmp(pe->p_name, "udp"), "getprotobynumber");

    WSACleanup();
    return test_summary();
}
