/* Winsock 2 over BSD sockets: shared by ws2_32's files and mswsock.
 *
 * A SOCKET is a kernel handle to a `struct file` whose fd is a Linux
 * socket, so CloseHandle, DuplicateHandle, CreateIoCompletionPort and
 * WaitForSingleObject take it like any file. ws2_32 keeps its own state
 * for each socket (struct sock) beside the file. The fd is always
 * O_NONBLOCK: blocking calls and overlapped operations that cannot finish
 * at once become `struct async` operations queued on the socket, which a
 * per-process I/O thread (async.c) completes when epoll reports the fd
 * ready. Windows structures and constants differ from Linux' (AF_INET6 is
 * 23, SOL_SOCKET 0xffff, fd_set is a handle array, ADDRINFO puts
 * ai_canonname before ai_addr): only the Windows spelling crosses an
 * export, and these files convert at the boundary. */
#ifndef DECANT_WS2_32_H
#define DECANT_WS2_32_H

#include <sys/socket.h>

#include "file.h"
#include "object.h"
#include "process.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

typedef UINT_PTR SOCKET;
#define INVALID_SOCKET ((SOCKET)~0ull)
#define SOCKET_ERROR (-1)

/* ---- Windows constants that differ from Linux' --------------------------- */
#define WS_AF_UNSPEC 0
#define WS_AF_UNIX 1
#define WS_AF_INET 2
#define WS_AF_INET6 23
#define WS_SOCK_STREAM 1
#define WS_SOCK_DGRAM 2
#define WS_SOCK_RAW 3
#define WS_SOCK_SEQPACKET 5
#define WS_SOL_SOCKET 0xffff
#define FROM_PROTOCOL_INFO (-1)

#define WS_MSG_OOB 0x1
#define WS_MSG_PEEK 0x2
#define WS_MSG_DONTROUTE 0x4
#define WS_MSG_WAITALL 0x8
#define WS_MSG_TRUNC 0x100
#define WS_MSG_CTRUNC 0x200
#define WS_MSG_PARTIAL 0x8000

#define WSA_FLAG_OVERLAPPED 0x01
#define WSA_FLAG_NO_HANDLE_INHERIT 0x80

/* FD_* network events (WSAEventSelect) */
#define WS_FD_READ 0x01
#define WS_FD_WRITE 0x02
#define WS_FD_OOB 0x04
#define WS_FD_ACCEPT 0x08
#define WS_FD_CONNECT 0x10
#define WS_FD_CLOSE 0x20
#define WS_FD_MAX_EVENTS 10
#define WS_FD_ALL 0x3ff

/* ---- errors ---------------------------------------------------------------- */
#define WSA_INVALID_HANDLE 6
#define WSA_NOT_ENOUGH_MEMORY 8
#define WSA_INVALID_PARAMETER 87
#define WSA_OPERATION_ABORTED 995
#define WSA_IO_INCOMPLETE 996
#define WSA_IO_PENDING 997
#define WSAEINTR 10004
#define WSAEBADF 10009
#define WSAEACCES 10013
#define WSAEFAULT 10014
#define WSAEINVAL 10022
#define WSAEMFILE 10024
#define WSAEWOULDBLOCK 10035
#define WSAEINPROGRESS 10036
#define WSAEALREADY 10037
#define WSAENOTSOCK 10038
#define WSAEDESTADDRREQ 10039
#define WSAEMSGSIZE 10040
#define WSAEPROTOTYPE 10041
#define WSAENOPROTOOPT 10042
#define WSAEPROTONOSUPPORT 10043
#define WSAESOCKTNOSUPPORT 10044
#define WSAEOPNOTSUPP 10045
#define WSAEPFNOSUPPORT 10046
#define WSAEAFNOSUPPORT 10047
#define WSAEADDRINUSE 10048
#define WSAEADDRNOTAVAIL 10049
#define WSAENETDOWN 10050
#define WSAENETUNREACH 10051
#define WSAENETRESET 10052
#define WSAECONNABORTED 10053
#define WSAECONNRESET 10054
#define WSAENOBUFS 10055
#define WSAEISCONN 10056
#define WSAENOTCONN 10057
#define WSAESHUTDOWN 10058
#define WSAETOOMANYREFS 10059
#define WSAETIMEDOUT 10060
#define WSAECONNREFUSED 10061
#define WSAELOOP 10062
#define WSAENAMETOOLONG 10063
#define WSAEHOSTDOWN 10064
#define WSAEHOSTUNREACH 10065
#define WSASYSNOTREADY 10091
#define WSAVERNOTSUPPORTED 10092
#define WSANOTINITIALISED 10093
#define WSAEDISCON 10101
#define WSATYPE_NOT_FOUND 10109
#define WSAHOST_NOT_FOUND 11001
#define WSATRY_AGAIN 11002
#define WSANO_RECOVERY 11003
#define WSANO_DATA 11004

/* NTSTATUS values of network failures (OVERLAPPED.Internal, port packets) */
#define STATUS_PIPE_DISCONNECTED ((NTSTATUS)0xc00000b0)
#define STATUS_IO_TIMEOUT ((NTSTATUS)0xc00000b5)
#define STATUS_DEVICE_NOT_READY ((NTSTATUS)0xc00000a3)
#define STATUS_LOCAL_DISCONNECT ((NTSTATUS)0xc000013b)
#define STATUS_REMOTE_DISCONNECT ((NTSTATUS)0xc000013c)
#define STATUS_INVALID_CONNECTION ((NTSTATUS)0xc0000140)
#define STATUS_INVALID_ADDRESS_COMPONENT ((NTSTATUS)0xc0000207)
#define STATUS_ADDRESS_ALREADY_EXISTS ((NTSTATUS)0xc000020a)
#define STATUS_CONNECTION_DISCONNECTED ((NTSTATUS)0xc000020c)
#define STATUS_CONNECTION_RESET ((NTSTATUS)0xc000020d)
#define STATUS_CONNECTION_REFUSED ((NTSTATUS)0xc0000236)
#define STATUS_NETWORK_UNREACHABLE ((NTSTATUS)0xc000023c)
#define STATUS_HOST_UNREACHABLE ((NTSTATUS)0xc000023d)
#define STATUS_PROTOCOL_UNREACHABLE ((NTSTATUS)0xc000023e)
#define STATUS_PORT_UNREACHABLE ((NTSTATUS)0xc000023f)
#define STATUS_CONNECTION_ABORTED ((NTSTATUS)0xc0000241)
#define STATUS_NOT_FOUND ((NTSTATUS)0xc0000225)

static inline void ws_set_error(DWORD e) { nt_current_teb()->LastErrorValue = e; }
/* errno -> WSAE* and errno -> NTSTATUS (the same table, errors.c) */
DWORD ws_errno_to_wsa(int err);
NTSTATUS ws_errno_to_status(int err);
DWORD ws_status_to_wsa(NTSTATUS st);
/* Sets the error from errno; returns SOCKET_ERROR for `return ws_fail();` */
int ws_fail_errno(int err);
int ws_fail(DWORD wsa);
extern int ws_started; /* WSAStartup count */

/* ---- Windows structures ----------------------------------------------------- */
typedef struct {
    ULONG len;
    char *buf;
} WSABUF;

typedef struct {
    UINT fd_count;
    SOCKET fd_array[64];
} WS_FD_SET;

typedef struct {
    LONG tv_sec, tv_usec;
} WS_TIMEVAL;

typedef void(WINAPI *LPWSAOVERLAPPED_COMPLETION_ROUTINE)(DWORD error, DWORD bytes,
                                                         OVERLAPPED *ov, DWORD flags);

typedef struct {
    WORD family;
    char data[14];
} WS_SOCKADDR;

typedef struct {
    int ChainLen;
    DWORD ChainEntries[7];
} WSAPROTOCOLCHAIN;

typedef struct {
    DWORD Data1;
    WORD Data2, Data3;
    BYTE Data4[8];
} WS_GUID;

#define WSAPROTOCOL_LEN 255
typedef struct {
    DWORD dwServiceFlags1, dwServiceFlags2, dwServiceFlags3, dwServiceFlags4;
    DWORD dwProviderFlags;
    WS_GUID ProviderId;
    DWORD dwCatalogEntryId;
    WSAPROTOCOLCHAIN ProtocolChain;
    int iVersion, iAddressFamily, iMaxSockAddr, iMinSockAddr, iSocketType, iProtocol,
        iProtocolMaxOffset, iNetworkByteOrder, iSecurityScheme;
    DWORD dwMessageSize;
    DWORD dwProviderReserved;
    WCHAR szProtocol[WSAPROTOCOL_LEN + 1];
} WSAPROTOCOL_INFOW;

typedef struct {
    DWORD dwServiceFlags1, dwServiceFlags2, dwServiceFlags3, dwServiceFlags4;
    DWORD dwProviderFlags;
    WS_GUID ProviderId;
    DWORD dwCatalogEntryId;
    WSAPROTOCOLCHAIN ProtocolChain;
    int iVersion, iAddressFamily, iMaxSockAddr, iMinSockAddr, iSocketType, iProtocol,
        iProtocolMaxOffset, iNetworkByteOrder, iSecurityScheme;
    DWORD dwMessageSize;
    DWORD dwProviderReserved;
    CHAR szProtocol[WSAPROTOCOL_LEN + 1];
} WSAPROTOCOL_INFOA;

typedef struct {
    WS_SOCKADDR *name;
    int namelen;
    WSABUF *lpBuffers;
    ULONG dwBufferCount;
    WSABUF Control;
    ULONG dwFlags;
} WSAMSG;

/* ---- sockets ---------------------------------------------------------------- */
enum sock_state { SOCK_FRESH, SOCK_BOUND, SOCK_LISTENING, SOCK_CONNECTING, SOCK_CONNECTED };

struct async;

struct sock {
    struct file *file;     /* the owner; not referenced (we live as long as it) */
    int fd;
    unsigned gen;          /* tells a reused fd apart in epoll events */
    int family, type, protocol; /* Windows values */
    DWORD flags;           /* WSA_FLAG_* */
    int nonblocking;       /* FIONBIO, or implied by WSAEventSelect */
    enum sock_state state;
    int shut_rd, shut_wr;  /* shutdown() done on our side */
    int peer_closed;       /* EOF or hang-up seen */
    DWORD rcvtimeo, sndtimeo; /* ms, 0 = none */
    int exclusive;         /* SO_EXCLUSIVEADDRUSE */
    int reuse;             /* SO_REUSEADDR as the program set it */
    struct async *rq, *rq_tail; /* pending receives and accepts, in order */
    struct async *wq, *wq_tail; /* pending sends and connects */
    unsigned epoll_events; /* current epoll registration, 0 = none */
    int parked;            /* hung-up fd left out of epoll until something changes */
    /* WSAEventSelect */
    HANDLE ev_handle;
    struct object *ev;     /* referenced */
    LONG ev_mask;
    LONG ev_reported;      /* fired, not re-enabled yet */
    LONG ev_pending;       /* for WSAEnumNetworkEvents */
    int ev_errors[WS_FD_MAX_EVENTS];
    int connect_error;     /* errno of a failed non-blocking connect, for select */
};

/* All socket state (queues, the fd table) is under this one lock; the
 * operations done while holding it are non-blocking system calls. */
extern pthread_mutex_t sock_lock;

/* A new socket handle for a Linux socket fd (made non-blocking). */
SOCKET sock_create(int fd, int family, int type, int protocol, DWORD flags, BOOL inherit);
/* The socket behind a handle, with a reference on its file (sock_put), or
 * NULL with WSAENOTSOCK set. */
struct sock *sock_get(SOCKET s);
static inline void sock_put(struct sock *s) { object_put(&s->file->obj); }
/* A stream socket is connected (a non-blocking connect may have finished
 * since). */
int sock_connected(struct sock *s);
/* Under sock_lock: the sock for an fd, or NULL. */
struct sock *sock_by_fd_locked(int fd);
/* Windows family/type/protocol to Linux; -1 when unsupported. */
int ws_family_to_unix(int family);
int ws_family_from_unix(int family);

/* sockaddr conversion: Windows (family 23 = IPv6, UNIX paths as DOS
 * paths) <-> Linux. Return the length, or -1 (WSAEFAULT/WSAEAFNOSUPPORT
 * set). */
int ws_sockaddr_to_unix(const void *ws, int wslen, struct sockaddr_storage *out);
/* Writes at most *wslen bytes; *wslen becomes the full length. -1 with
 * WSAEFAULT when the buffer is too small. */
int ws_sockaddr_from_unix(const struct sockaddr *sa, socklen_t len, void *ws, int *wslen);
/* Length of the Windows form of a Linux address. */
int ws_sockaddr_size(const struct sockaddr *sa, socklen_t len);

/* ---- asynchronous operations (async.c) ------------------------------------- */
enum async_kind { ASYNC_RECV, ASYNC_SEND, ASYNC_ACCEPT, ASYNC_CONNECT };

#define ASYNC_INLINE_BUFS 4
struct async {
    struct async *next;
    struct sock *sock;
    enum async_kind kind;
    /* recv/send */
    WSABUF *bufs;
    ULONG nbufs;
    WSABUF inline_bufs[ASYNC_INLINE_BUFS];
    int msg_flags;                 /* Linux MSG_* */
    int stream_all;                /* send everything (Windows stream sends) */
    DWORD done_bytes;              /* progress of a partial send / WAITALL recv */
    struct sockaddr_storage addr;  /* sendto destination / recvfrom source */
    socklen_t addrlen;
    void *from;                    /* recvfrom: Windows address out */
    int *fromlen;
    WSAMSG *msg;                   /* WSARecvMsg */
    DWORD out_flags;               /* MSG_PARTIAL etc. for the program */
    /* accept */
    SOCKET accept_as;              /* AcceptEx's socket, or 0: make a new one */
    SOCKET accepted;               /* result */
    char *accept_buf;
    DWORD accept_data, accept_local, accept_remote;
    struct sockaddr_storage peer;  /* accept() output, Linux form */
    socklen_t peerlen;
    /* connect: bytes of ConnectEx's send buffer follow as a send */
    const char *connect_data;
    DWORD connect_len;
    /* completion */
    OVERLAPPED *ov;
    struct object *port;           /* referenced; NULL = none */
    ULONG_PTR key;
    int sock_skip_on_success;      /* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS */
    HANDLE event;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine;
    struct thread *thread;         /* referenced, for the routine's APC */
    int waiter;                    /* a blocking call waits on `done` */
    int done;                      /* futex */
    NTSTATUS status;
    DWORD bytes;
};

/* Tries the operation once without blocking, under sock_lock. Returns 1
 * when it finished (status/bytes set), 0 when it would block. */
int async_try_locked(struct async *a);
/* Under sock_lock: queue `a` (it would block) and arm the I/O thread. */
void async_queue_locked(struct async *a);
/* Fills the completion fields of an overlapped operation from the socket's
 * file (port, key) and the OVERLAPPED/routine the program gave. */
void async_set_overlapped(struct async *a, struct sock *s, OVERLAPPED *ov,
                          LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);
/* Completes a finished operation (not under sock_lock): OVERLAPPED, event,
 * port, APC, or wakes the blocking waiter; frees overlapped ones.
 * `immediate` = finished in the call that started it (a successful one
 * skips the port with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS). */
void async_complete(struct async *a, int immediate);
/* Blocks the calling thread until a waiter operation completes or
 * timeout_ms passes (then it is cancelled with STATUS_IO_TIMEOUT). */
void async_wait(struct async *a, DWORD timeout_ms);
/* Cancels matching operations of s: ov NULL = all; thread NULL = any.
 * Returns how many. Takes sock_lock. */
int async_cancel(struct sock *s, OVERLAPPED *ov, struct thread *thread);
/* Under sock_lock: after the program re-enabled an event or changed what
 * it waits for, update the epoll registration. */
void async_update_locked(struct sock *s);
/* Under sock_lock: removes every pending operation of s into *list. */
void async_take_all_locked(struct sock *s, struct async **list);
/* Under sock_lock: a socket going away leaves epoll. */
void async_forget_locked(struct sock *s);
/* Runs an operation to completion for a call that returns its result:
 * tries at once; if it would block and the socket is non-blocking,
 * returns 0 with WSAEWOULDBLOCK; else queues and waits. `a` is on the
 * caller's stack. Returns 1 when a->status/bytes are final. */
int async_run_sync(struct sock *s, struct async *a, DWORD timeout_ms);
/* Starts an overlapped operation: completes it now if it can, else
 * queues it. Returns 0 (done, WSA result set in the return), or
 * SOCKET_ERROR with WSA_IO_PENDING / the failure set. `a` is malloc'ed. */
int async_start_overlapped(struct sock *s, struct async *a, DWORD *bytes_out);

/* WSAEventSelect bookkeeping (select.c): re-enable events after a call
 * that consumes them, under sock_lock. */
void ws_event_reenable_locked(struct sock *s, LONG events);
/* Under sock_lock, from the I/O thread: epoll said `revents`. Returns 1
 * when a network event was recorded. */
int ws_event_poll_locked(struct sock *s, unsigned revents, struct object **signal);
unsigned ws_event_interest_locked(struct sock *s);
/* Under sock_lock: records a network event that happened outside epoll's
 * sight (a connect Linux refused at once). */
void ws_event_record_locked(struct sock *s, LONG event, int wsa_error, struct object **signal);

/* Extension functions (mswsock, returned by SIO_GET_EXTENSION_FUNCTION_POINTER). */
BOOL WINAPI AcceptEx(SOCKET, SOCKET, PVOID, DWORD, DWORD, DWORD, LPDWORD, OVERLAPPED *);
void WINAPI GetAcceptExSockaddrs(PVOID, DWORD, DWORD, DWORD, WS_SOCKADDR **, int *,
                                 WS_SOCKADDR **, int *);
BOOL WINAPI TransmitFile(SOCKET, HANDLE, DWORD, DWORD, OVERLAPPED *, void *, DWORD);
BOOL WINAPI ws_ConnectEx(SOCKET, const WS_SOCKADDR *, int, PVOID, DWORD, LPDWORD,
                         OVERLAPPED *);
BOOL WINAPI ws_DisconnectEx(SOCKET, OVERLAPPED *, DWORD, DWORD);
int WINAPI ws_WSARecvMsg(SOCKET, WSAMSG *, LPDWORD, OVERLAPPED *,
                         LPWSAOVERLAPPED_COMPLETION_ROUTINE);
int WINAPI WSASendMsg(SOCKET, WSAMSG *, DWORD, LPDWORD, OVERLAPPED *,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE);

int WINAPI WSAGetLastError(void);
int WINAPI WSARecv(SOCKET, WSABUF *, DWORD, LPDWORD, LPDWORD, OVERLAPPED *,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE);

/* Windows MSG_* to Linux (and back) */
int ws_msg_flags_to_unix(DWORD flags);

/* kernel32 exports ws2_32 calls that win32.h does not declare */
DWORD WINAPI WaitForMultipleObjectsEx(DWORD, const HANDLE *, BOOL, DWORD, BOOL);
DWORD WINAPI WaitForSingleObjectEx(HANDLE, DWORD, BOOL);

#endif
