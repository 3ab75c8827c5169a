/* Start-up and errors: WSAStartup/WSACleanup, the per-thread error (the
 * Win32 last error, as on Windows), and the one table that turns a Linux
 * errno into a WSAE* code and an NTSTATUS. */
#include <errno.h>
#include <string.h>

#define DEBUG_CHANNEL winsock
#include "debug.h"
#include "ws2_32.h"

int ws_started;

static const struct {
    int err;
    DWORD wsa;
    NTSTATUS st;
} errors[] = {
    {EINTR, WSAEINTR, STATUS_CANCELLED},
    {EBADF, WSAENOTSOCK, STATUS_INVALID_HANDLE},
    {EPERM, WSAEACCES, STATUS_ACCESS_DENIED},
    {EACCES, WSAEACCES, STATUS_ACCESS_DENIED},
    {EFAULT, WSAEFAULT, STATUS_ACCESS_VIOLATION},
    {EINVAL, WSAEINVAL, STATUS_INVALID_PARAMETER},
    {EMFILE, WSAEMFILE, STATUS_TOO_MANY_OPENED_FILES},
    {ENFILE, WSAEMFILE, STATUS_TOO_MANY_OPENED_FILES},
    {EAGAIN, WSAEWOULDBLOCK, STATUS_DEVICE_NOT_READY},
    {EINPROGRESS, WSAEWOULDBLOCK, STATUS_DEVICE_NOT_READY},
    {EALREADY, WSAEALREADY, STATUS_INVALID_PARAMETER},
    {ENOTSOCK, WSAENOTSOCK, STATUS_INVALID_HANDLE},
    {EDESTADDRREQ, WSAEDESTADDRREQ, STATUS_INVALID_PARAMETER},
    {EMSGSIZE, WSAEMSGSIZE, STATUS_BUFFER_OVERFLOW},
    {EPROTOTYPE, WSAEPROTOTYPE, STATUS_NOT_SUPPORTED},
    {ENOPROTOOPT, WSAENOPROTOOPT, STATUS_NOT_SUPPORTED},
    {EPROTONOSUPPORT, WSAEPROTONOSUPPORT, STATUS_NOT_SUPPORTED},
    {ESOCKTNOSUPPORT, WSAESOCKTNOSUPPORT, STATUS_NOT_SUPPORTED},
    {EOPNOTSUPP, WSAEOPNOTSUPP, STATUS_NOT_SUPPORTED},
    {EPFNOSUPPORT, WSAEPFNOSUPPORT, STATUS_NOT_SUPPORTED},
    {EAFNOSUPPORT, WSAEAFNOSUPPORT, STATUS_NOT_SUPPORTED},
    {EADDRINUSE, WSAEADDRINUSE, STATUS_ADDRESS_ALREADY_EXISTS},
    {EADDRNOTAVAIL, WSAEADDRNOTAVAIL, STATUS_INVALID_ADDRESS_COMPONENT},
    {ENETDOWN, WSAENETDOWN, STATUS_NETWORK_UNREACHABLE},
    {ENETUNREACH, WSAENETUNREACH, STATUS_NETWORK_UNREACHABLE},
    {ENETRESET, WSAENETRESET, STATUS_CONNECTION_RESET},
    {ECONNABORTED, WSAECONNABORTED, STATUS_CONNECTION_ABORTED},
    {ECONNRESET, WSAECONNRESET, STATUS_CONNECTION_RESET},
    {EPIPE, WSAECONNRESET, STATUS_CONNECTION_RESET},
    {ENOBUFS, WSAENOBUFS, STATUS_NO_MEMORY},
    {ENOMEM, WSAENOBUFS, STATUS_NO_MEMORY},
    {EISCONN, WSAEISCONN, STATUS_INVALID_PARAMETER},
    {ENOTCONN, WSAENOTCONN, STATUS_INVALID_CONNECTION},
    {ESHUTDOWN, WSAESHUTDOWN, STATUS_PIPE_DISCONNECTED},
    {ETOOMANYREFS, WSAETOOMANYREFS, STATUS_UNSUCCESSFUL},
    {ETIMEDOUT, WSAETIMEDOUT, STATUS_IO_TIMEOUT},
    {ECONNREFUSED, WSAECONNREFUSED, STATUS_CONNECTION_REFUSED},
    {ELOOP, WSAELOOP, STATUS_INVALID_PARAMETER},
    {ENAMETOOLONG, WSAENAMETOOLONG, STATUS_NAME_TOO_LONG},
    {EHOSTDOWN, WSAEHOSTDOWN, STATUS_HOST_UNREACHABLE},
    {EHOSTUNREACH, WSAEHOSTUNREACH, STATUS_HOST_UNREACHABLE},
    {ENOENT, WSAENOTSOCK, STATUS_INVALID_HANDLE}, /* AF_UNIX path */
};

/* NTSTATUS values that are not errno's image: the rest use the table. */
static const struct {
    NTSTATUS st;
    DWORD wsa;
} status_extra[] = {
    {STATUS_SUCCESS, 0},
    {STATUS_PENDING, WSA_IO_INCOMPLETE},
    {STATUS_CANCELLED, WSA_OPERATION_ABORTED},
    {STATUS_LOCAL_DISCONNECT, WSAECONNABORTED},
    {STATUS_REMOTE_DISCONNECT, WSAECONNRESET},
    {STATUS_CONNECTION_DISCONNECTED, WSAECONNRESET},
    {STATUS_PORT_UNREACHABLE, WSAECONNRESET},
    {STATUS_PROTOCOL_UNREACHABLE, WSAENETUNREACH},
    {STATUS_TIMEOUT, WSAETIMEDOUT},
    {STATUS_NO_MEMORY, WSAENOBUFS},
    {STATUS_INVALID_HANDLE, WSAENOTSOCK},
    {STATUS_OBJECT_TYPE_MISMATCH, WSAENOTSOCK},
    {STATUS_BUFFER_TOO_SMALL, WSAEFAULT},
};

DWORD ws_errno_to_wsa(int err)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].err == err)
            return errors[i].wsa;
    WARN("unmapped errno %d", err);
    return WSAEINVAL;
}

NTSTATUS ws_errno_to_status(int err)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].err == err)
            return errors[i].st;
    return STATUS_UNSUCCESSFUL;
}

DWORD ws_status_to_wsa(NTSTATUS st)
{
    for (size_t i = 0; i < sizeof status_extra / sizeof status_extra[0]; i++)
        if (status_extra[i].st == st)
            return status_extra[i].wsa;
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].st == st)
            return errors[i].wsa;
    return status_to_win32(st);
}

int ws_fail_errno(int err)
{
    ws_set_error(ws_errno_to_wsa(err));
    return SOCKET_ERROR;
}

int ws_fail(DWORD wsa)
{
    ws_set_error(wsa);
    return SOCKET_ERROR;
}

typedef struct {
    WORD wVersion;
    WORD wHighVersion;
    unsigned short iMaxSockets;
    unsigned short iMaxUdpDg;
    char *lpVendorInfo;
    char szDescription[257];
    char szSystemStatus[129];
} WSADATA;

/* WSAStartup (ws2_32): any version from 1.0 up; we speak 2.2. Returns the
 * error rather than setting it. */
int WINAPI WSAStartup(WORD version, WSADATA *data)
{
    BYTE major = version & 0xff, minor = version >> 8;
    if (!major)
        return WSAVERNOTSUPPORTED;
    if (!data)
        return WSAEFAULT;
    /* the highest we support that is not above what was asked */
    WORD use = major > 2 || (major == 2 && minor >= 2) ? 0x0202 : version;
    memset(data, 0, sizeof *data);
    data->wVersion = use;
    data->wHighVersion = 0x0202;
    strcpy(data->szDescription, "WinSock 2.0");
    strcpy(data->szSystemStatus, "Running");
    /* Winsock 2 leaves these zero; 1.1 callers read them */
    if (major < 2) {
        data->iMaxSockets = 32767;
        data->iMaxUdpDg = 65467;
    }
    __atomic_add_fetch(&ws_started, 1, __ATOMIC_RELAXED);
    TRACE("version %#x -> %#x", version, use);
    return 0;
}

/* WSACleanup (ws2_32) */
int WINAPI WSACleanup(void)
{
    int n = __atomic_load_n(&ws_started, __ATOMIC_RELAXED);
    do {
        if (n <= 0)
            return ws_fail(WSANOTINITIALISED);
    } while (!__atomic_compare_exchange_n(&ws_started, &n, n - 1, 0, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    return 0;
}

/* WSAGetLastError (ws2_32): the thread's Win32 last error. */
int WINAPI WSAGetLastError(void) { return nt_current_teb()->LastErrorValue; }

/* WSASetLastError (ws2_32) */
void WINAPI WSASetLastError(int e) { ws_set_error(e); }

/* WSAIsBlocking (ws2_32): Winsock 1 blocking hooks are gone. */
BOOL WINAPI WSAIsBlocking(void) { return FALSE; }

/* WSACancelBlockingCall (ws2_32) */
int WINAPI WSACancelBlockingCall(void) { return 0; }
