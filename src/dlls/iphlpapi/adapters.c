/* GetAdaptersAddresses from getifaddrs(): one adapter per Linux interface,
 * with its IPv4/IPv6 unicast addresses and on-link prefix lengths, MAC,
 * MTU, type and state. Go's net.Interfaces/InterfaceAddrs read these. */
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#define DEBUG_CHANNEL winsock
#include "debug.h"
#include "status.h"
#include "wstr.h"

#define WS_AF_UNSPEC 0
#define WS_AF_INET 2
#define WS_AF_INET6 23

#define GAA_FLAG_SKIP_UNICAST 0x1
#define IP_ADAPTER_NO_MULTICAST 0x10
#define IP_ADAPTER_IPV4_ENABLED 0x80
#define IP_ADAPTER_IPV6_ENABLED 0x100
#define IF_TYPE_ETHERNET_CSMACD 6
#define IF_TYPE_SOFTWARE_LOOPBACK 24
#define IF_TYPE_OTHER 1

typedef struct {
    void *lpSockaddr;
    int iSockaddrLength;
} SOCKET_ADDRESS;

typedef struct unicast {
    ULONG Length;
    DWORD Flags;
    struct unicast *Next;
    SOCKET_ADDRESS Address;
    int PrefixOrigin, SuffixOrigin, DadState;
    ULONG ValidLifetime, PreferredLifetime, LeaseLifetime;
    BYTE OnLinkPrefixLength;
} IP_ADAPTER_UNICAST_ADDRESS; /* 64 bytes */

typedef struct adapter {
    ULONG Length;
    DWORD IfIndex;
    struct adapter *Next;
    char *AdapterName;
    IP_ADAPTER_UNICAST_ADDRESS *FirstUnicastAddress;
    void *FirstAnycastAddress, *FirstMulticastAddress, *FirstDnsServerAddress;
    WCHAR *DnsSuffix, *Description, *FriendlyName;
    BYTE PhysicalAddress[8];
    ULONG PhysicalAddressLength;
    ULONG Flags;
    ULONG Mtu;
    DWORD IfType;
    int OperStatus;
    ULONG Ipv6IfIndex;
    ULONG ZoneIndices[16];
    void *FirstPrefix;
    BYTE rest[448 - 184]; /* link speeds, gateways, LUID...: zero */
} IP_ADAPTER_ADDRESSES; /* 448 bytes */

_Static_assert(sizeof(IP_ADAPTER_UNICAST_ADDRESS) == 64, "unicast layout");
_Static_assert(sizeof(IP_ADAPTER_ADDRESSES) == 448, "adapter layout");

static int prefix_len(const struct sockaddr *mask)
{
    if (!mask)
        return 0;
    const BYTE *b;
    int n;
    if (mask->sa_family == AF_INET) {
        b = (const BYTE *)&((const struct sockaddr_in *)mask)->sin_addr;
        n = 4;
    } else if (mask->sa_family == AF_INET6) {
        b = (const BYTE *)&((const struct sockaddr_in6 *)mask)->sin6_addr;
        n = 16;
    } else {
        return 0;
    }
    int len = 0;
    for (int i = 0; i < n; i++)
        len += __builtin_popcount(b[i]);
    return len;
}

struct iface {
    char name[IF_NAMESIZE];
    unsigned index, flags, mtu;
    BYTE mac[8];
    int maclen;
    int naddrs;
};

#define ALIGN8(x) (((x) + 7) & ~(size_t)7)

/* GetAdaptersAddresses (iphlpapi) */
ULONG WINAPI GetAdaptersAddresses(ULONG family, ULONG flags, void *reserved,
                                  IP_ADAPTER_ADDRESSES *out, ULONG *size)
{
    if (!size || (family != WS_AF_UNSPEC && family != WS_AF_INET && family != WS_AF_INET6))
        return ERROR_INVALID_PARAMETER;
    struct ifaddrs *ifa_list;
    if (getifaddrs(&ifa_list) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    int ufam = family == WS_AF_INET ? AF_INET : family == WS_AF_INET6 ? AF_INET6 : AF_UNSPEC;
    struct iface ifs[64];
    int nifs = 0;
    for (struct ifaddrs *p = ifa_list; p; p = p->ifa_next) {
        int i = 0;
        while (i < nifs && strcmp(ifs[i].name, p->ifa_name))
            i++;
        if (i == nifs) {
            if (nifs == 64)
                continue;
            memset(&ifs[i], 0, sizeof ifs[i]);
            snprintf(ifs[i].name, sizeof ifs[i].name, "%s", p->ifa_name);
            ifs[i].index = if_nametoindex(p->ifa_name);
            ifs[i].flags = p->ifa_flags;
            nifs++;
        }
        if (!p->ifa_addr)
            continue;
        int f = p->ifa_addr->sa_family;
        if (f == AF_PACKET) {
            struct sockaddr_ll *ll = (struct sockaddr_ll *)p->ifa_addr;
            ifs[i].maclen = ll->sll_halen > 8 ? 8 : ll->sll_halen;
            memcpy(ifs[i].mac, ll->sll_addr, ifs[i].maclen);
        } else if ((f == AF_INET || f == AF_INET6) && (ufam == AF_UNSPEC || ufam == f) &&
                   !(flags & GAA_FLAG_SKIP_UNICAST)) {
            ifs[i].naddrs++;
        }
    }
    /* one block: adapters, then per adapter its unicast entries,
     * sockaddrs and names */
    size_t need = 0;
    for (int i = 0; i < nifs; i++) {
        size_t namew = (strlen(ifs[i].name) + 1) * sizeof(WCHAR);
        need += sizeof(IP_ADAPTER_ADDRESSES) + ifs[i].naddrs * (sizeof(IP_ADAPTER_UNICAST_ADDRESS) + 32) +
                ALIGN8(strlen(ifs[i].name) + 1) + 3 * ALIGN8(namew);
    }
    if (!nifs) {
        freeifaddrs(ifa_list);
        *size = 0;
        return ERROR_NO_DATA;
    }
    if (!out || *size < need) {
        freeifaddrs(ifa_list);
        *size = need;
        return ERROR_BUFFER_OVERFLOW;
    }
    memset(out, 0, need);
    char *mem = (char *)out;
    IP_ADAPTER_ADDRESSES *prev = NULL;
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    for (int i = 0; i < nifs; i++) {
        IP_ADAPTER_ADDRESSES *a = (IP_ADAPTER_ADDRESSES *)mem;
        mem += sizeof *a;
        if (prev)
            prev->Next = a;
        prev = a;
        a->Length = sizeof *a;
        a->IfIndex = a->Ipv6IfIndex = ifs[i].index;
        int loop = ifs[i].flags & IFF_LOOPBACK;
        a->IfType = loop ? IF_TYPE_SOFTWARE_LOOPBACK : ifs[i].maclen ? IF_TYPE_ETHERNET_CSMACD
                                                                      : IF_TYPE_OTHER;
        a->OperStatus = (ifs[i].flags & IFF_UP) && (ifs[i].flags & IFF_RUNNING) ? 1 : 2;
        a->Flags = IP_ADAPTER_IPV4_ENABLED | IP_ADAPTER_IPV6_ENABLED |
                   (ifs[i].flags & IFF_MULTICAST ? 0 : IP_ADAPTER_NO_MULTICAST);
        struct ifreq ifr = {0};
        memcpy(ifr.ifr_name, ifs[i].name, sizeof ifr.ifr_name - 1);
        a->Mtu = sock >= 0 && ioctl(sock, SIOCGIFMTU, &ifr) == 0 ? (ULONG)ifr.ifr_mtu : 1500;
        if (!loop) {
            memcpy(a->PhysicalAddress, ifs[i].mac, ifs[i].maclen);
            a->PhysicalAddressLength = ifs[i].maclen;
        }
        for (int z = 0; z < 16; z++)
            a->ZoneIndices[z] = ifs[i].index;
        IP_ADAPTER_UNICAST_ADDRESS **uprev = &a->FirstUnicastAddress;
        for (struct ifaddrs *p = ifa_list; p && ifs[i].naddrs; p = p->ifa_next) {
            if (strcmp(p->ifa_name, ifs[i].name) || !p->ifa_addr)
                continue;
            int f = p->ifa_addr->sa_family;
            if ((f != AF_INET && f != AF_INET6) || (ufam != AF_UNSPEC && ufam != f))
                continue;
            IP_ADAPTER_UNICAST_ADDRESS *u = (IP_ADAPTER_UNICAST_ADDRESS *)mem;
            mem += sizeof *u;
            char *sa = mem;
            mem += 32;
            u->Length = sizeof *u;
            int len = f == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
            memcpy(sa, p->ifa_addr, len);
            *(WORD *)sa = f == AF_INET ? WS_AF_INET : WS_AF_INET6;
            u->Address.lpSockaddr = sa;
            u->Address.iSockaddrLength = len;
            u->PrefixOrigin = u->SuffixOrigin = loop ? 2 /* well known */ : 4 /* router advert/dhcp */;
            u->DadState = 4; /* preferred */
            u->ValidLifetime = u->PreferredLifetime = u->LeaseLifetime = 0xffffffffu;
            u->OnLinkPrefixLength = prefix_len(p->ifa_netmask);
            *uprev = u;
            uprev = &u->Next;
        }
        a->AdapterName = mem;
        strcpy(mem, ifs[i].name);
        mem += ALIGN8(strlen(ifs[i].name) + 1);
        size_t namew = (strlen(ifs[i].name) + 1) * sizeof(WCHAR);
        WCHAR **names[3] = {&a->DnsSuffix, &a->Description, &a->FriendlyName};
        for (int k = 0; k < 3; k++) {
            *names[k] = (WCHAR *)mem;
            if (k)
                utf8_to_wstr(ifs[i].name, -1, (WCHAR *)mem, namew / sizeof(WCHAR));
            mem += ALIGN8(namew);
        }
    }
    if (sock >= 0)
        close(sock);
    freeifaddrs(ifa_list);
    *size = need;
    return ERROR_SUCCESS;
}
