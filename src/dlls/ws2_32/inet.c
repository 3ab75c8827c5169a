/* Address text and byte order: inet_addr/inet_ntoa, inet_pton/inet_ntop
 * and their W forms, WSAStringToAddress/WSAAddressToString, htons & co. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CHANNEL winsock
#include "debug.h"
#include "wstr.h"
#include "ws2_32.h"

/* htonl (ws2_32) */
ULONG WINAPI ws_htonl(ULONG v) { return __builtin_bswap32(v); }
/* htons (ws2_32) */
USHORT WINAPI ws_htons(USHORT v) { return __builtin_bswap16(v); }
/* ntohl (ws2_32) */
ULONG WINAPI ws_ntohl(ULONG v) { return __builtin_bswap32(v); }
/* ntohs (ws2_32) */
USHORT WINAPI ws_ntohs(USHORT v) { return __builtin_bswap16(v); }

/* WSAHtonl (ws2_32) */
int WINAPI WSAHtonl(SOCKET s, ULONG v, ULONG *out)
{
    if (!out)
        return ws_fail(WSAEFAULT);
    *out = __builtin_bswap32(v);
    return 0;
}

/* WSAHtons (ws2_32) */
int WINAPI WSAHtons(SOCKET s, USHORT v, USHORT *out)
{
    if (!out)
        return ws_fail(WSAEFAULT);
    *out = __builtin_bswap16(v);
    return 0;
}

/* WSANtohl (ws2_32) */
int WINAPI WSANtohl(SOCKET s, ULONG v, ULONG *out) { return WSAHtonl(s, v, out); }

/* WSANtohs (ws2_32) */
int WINAPI WSANtohs(SOCKET s, USHORT v, USHORT *out) { return WSAHtons(s, v, out); }

/* inet_addr (ws2_32): also the short forms a.b.c and a.b, and hex/octal
 * parts, as inet_aton; "" and garbage give INADDR_NONE. */
ULONG WINAPI ws_inet_addr(const char *s)
{
    struct in_addr a;
    if (!s || !s[0])
        return 0xffffffffu;
    /* Windows stops at a space: "1.2.3.4 junk" is 1.2.3.4 */
    char buf[64];
    size_t n = strcspn(s, " \t");
    if (n >= sizeof buf)
        return 0xffffffffu;
    memcpy(buf, s, n);
    buf[n] = 0;
    if (!inet_aton(buf, &a))
        return 0xffffffffu;
    return a.s_addr;
}

typedef struct {
    ULONG s_addr;
} WS_IN_ADDR;

/* inet_ntoa (ws2_32): a per-thread buffer */
char *WINAPI ws_inet_ntoa(WS_IN_ADDR in)
{
    static __thread char buf[16];
    const BYTE *b = (const BYTE *)&in.s_addr;
    snprintf(buf, sizeof buf, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    return buf;
}

/* inet_pton (ws2_32): 1, 0 for bad text, -1 for a bad family. */
int WINAPI ws_inet_pton(int family, const char *src, void *dst)
{
    int f = ws_family_to_unix(family);
    if (f != AF_INET && f != AF_INET6) {
        ws_set_error(WSAEAFNOSUPPORT);
        return -1;
    }
    if (!src || !dst) {
        ws_set_error(WSAEFAULT);
        return -1;
    }
    return inet_pton(f, src, dst);
}

/* inet_ntop (ws2_32) */
const char *WINAPI ws_inet_ntop(int family, const void *src, char *dst, SIZE_T size)
{
    int f = ws_family_to_unix(family);
    if (f != AF_INET && f != AF_INET6) {
        ws_set_error(WSAEAFNOSUPPORT);
        return NULL;
    }
    if (!src || !dst) {
        ws_set_error(WSA_INVALID_PARAMETER);
        return NULL;
    }
    char tmp[INET6_ADDRSTRLEN];
    if (!inet_ntop(f, src, tmp, sizeof tmp) || strlen(tmp) >= size) {
        ws_set_error(WSA_INVALID_PARAMETER);
        return NULL;
    }
    strcpy(dst, tmp);
    return dst;
}

/* InetPtonW (ws2_32) */
int WINAPI InetPtonW(int family, const WCHAR *src, void *dst)
{
    char buf[INET6_ADDRSTRLEN + 16];
    if (!src) {
        ws_set_error(WSAEFAULT);
        return -1;
    }
    if (wstr_to_utf8(src, -1, buf, sizeof buf) > sizeof buf)
        return ws_family_to_unix(family) > 0 ? 0 : ws_inet_pton(family, "", dst);
    return ws_inet_pton(family, buf, dst);
}

/* InetNtopW (ws2_32) */
const WCHAR *WINAPI InetNtopW(int family, const void *src, WCHAR *dst, SIZE_T size)
{
    char buf[INET6_ADDRSTRLEN];
    if (!ws_inet_ntop(family, src, buf, sizeof buf))
        return NULL;
    if (!dst || strlen(buf) >= size) {
        ws_set_error(WSA_INVALID_PARAMETER);
        return NULL;
    }
    utf8_to_wstr(buf, -1, dst, size);
    return dst;
}

/* "1.2.3.4:80", "[::1]:80", "::1", "fe80::1%3" into a Windows sockaddr. */
static int string_to_address(const char *str, int family, void *addr, int *len)
{
    char buf[128];
    if (!str || !addr || !len)
        return ws_fail(WSAEFAULT);
    if (strlen(str) >= sizeof buf)
        return ws_fail(WSAEINVAL);
    strcpy(buf, str);
    unsigned port = 0;
    if (family == WS_AF_INET) {
        char *colon = strchr(buf, ':');
        if (colon) {
            *colon = 0;
            port = strtoul(colon + 1, NULL, 10);
        }
        struct sockaddr_in in = {0};
        in.sin_family = WS_AF_INET;
        if (!inet_aton(buf, &in.sin_addr))
            return ws_fail(WSAEINVAL);
        in.sin_port = htons(port);
        if (*len < (int)sizeof in) {
            *len = sizeof in;
            return ws_fail(WSAEFAULT);
        }
        memcpy(addr, &in, sizeof in);
        *len = sizeof in;
        return 0;
    }
    if (family == WS_AF_INET6) {
        char *p = buf;
        if (*p == '[') {
            char *end = strchr(p, ']');
            if (!end)
                return ws_fail(WSAEINVAL);
            *end = 0;
            if (end[1] == ':')
                port = strtoul(end + 2, NULL, 10);
            p++;
        }
        struct sockaddr_in6 in6 = {0};
        char *pct = strchr(p, '%');
        if (pct) {
            *pct = 0;
            in6.sin6_scope_id = strtoul(pct + 1, NULL, 10);
        }
        if (inet_pton(AF_INET6, p, &in6.sin6_addr) != 1)
            return ws_fail(WSAEINVAL);
        in6.sin6_family = WS_AF_INET6;
        in6.sin6_port = htons(port);
        if (*len < (int)sizeof in6) {
            *len = sizeof in6;
            return ws_fail(WSAEFAULT);
        }
        memcpy(addr, &in6, sizeof in6);
        *len = sizeof in6;
        return 0;
    }
    return ws_fail(WSAEINVAL);
}

/* WSAStringToAddressA (ws2_32) */
int WINAPI WSAStringToAddressA(char *str, int family, WSAPROTOCOL_INFOA *info, void *addr,
                               int *len)
{
    if (info && family == FROM_PROTOCOL_INFO)
        family = info->iAddressFamily;
    return string_to_address(str, family, addr, len);
}

/* WSAStringToAddressW (ws2_32) */
int WINAPI WSAStringToAddressW(WCHAR *str, int family, WSAPROTOCOL_INFOW *info, void *addr,
                               int *len)
{
    if (info && family == FROM_PROTOCOL_INFO)
        family = info->iAddressFamily;
    char *s = str ? wstr_to_utf8_alloc(str) : NULL;
    int r = string_to_address(s, family, addr, len);
    free(s);
    return r;
}

static int address_to_string(const void *addr, DWORD len, char *out, size_t outsize)
{
    struct sockaddr_storage ss;
    if (!addr || ws_sockaddr_to_unix(addr, len, &ss) < 0)
        return -1;
    char ip[INET6_ADDRSTRLEN];
    if (ss.ss_family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, ip, sizeof ip);
        if (in->sin_port)
            return snprintf(out, outsize, "%s:%u", ip, ntohs(in->sin_port));
        return snprintf(out, outsize, "%s", ip);
    }
    if (ss.ss_family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
        inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof ip);
        char scoped[INET6_ADDRSTRLEN + 12];
        if (in6->sin6_scope_id)
            snprintf(scoped, sizeof scoped, "%s%%%u", ip, in6->sin6_scope_id);
        else
            snprintf(scoped, sizeof scoped, "%s", ip);
        if (in6->sin6_port)
            return snprintf(out, outsize, "[%s]:%u", scoped, ntohs(in6->sin6_port));
        return snprintf(out, outsize, "%s", scoped);
    }
    ws_set_error(WSAEINVAL);
    return -1;
}

/* WSAAddressToStringA (ws2_32): *len counts the terminator. */
int WINAPI WSAAddressToStringA(void *addr, DWORD len, WSAPROTOCOL_INFOA *info, char *out,
                               LPDWORD outlen)
{
    char buf[96];
    int n = address_to_string(addr, len, buf, sizeof buf);
    if (n < 0)
        return SOCKET_ERROR;
    if (!outlen)
        return ws_fail(WSAEFAULT);
    if (!out || *outlen < (DWORD)n + 1) {
        *outlen = n + 1;
        return ws_fail(WSAEFAULT);
    }
    memcpy(out, buf, n + 1);
    *outlen = n + 1;
    return 0;
}

/* WSAAddressToStringW (ws2_32) */
int WINAPI WSAAddressToStringW(void *addr, DWORD len, WSAPROTOCOL_INFOW *info, WCHAR *out,
                               LPDWORD outlen)
{
    char buf[96];
    int n = address_to_string(addr, len, buf, sizeof buf);
    if (n < 0)
        return SOCKET_ERROR;
    if (!outlen)
        return ws_fail(WSAEFAULT);
    if (!out || *outlen < (DWORD)n + 1) {
        *outlen = n + 1;
        return ws_fail(WSAEFAULT);
    }
    utf8_to_wstr(buf, -1, out, *outlen);
    *outlen = n + 1;
    return 0;
}
