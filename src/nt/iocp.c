/* I/O completion ports: a queue of completion packets that is also a
 * waitable object. A waiting thread is handed the packet at the head of
 * the queue by the ordinary wait machinery (the object's "acquire"), so
 * each packet goes to exactly one waiter, in FIFO order. */
#include <stdlib.h>

#define DEBUG_CHANNEL sync
#include "debug.h"
#include "iocp.h"
#include "status.h"
#include "thread.h"

struct packet {
    struct packet *next;
    struct iocp_packet p;
};

struct port {
    struct object obj;
    struct packet *head, *tail;
    int closed; /* its last handle is gone: waiters return, abandoned */
};

static int port_signaled(struct object *o, struct thread *t)
{
    struct port *p = (struct port *)o;
    return p->head != NULL || p->closed;
}

static int port_acquire(struct object *o, struct thread *t)
{
    struct port *p = (struct port *)o;
    struct packet *k = p->head;
    if (!k)
        return 0; /* closed: stays signalled for every waiter */
    p->head = k->next;
    if (!p->head)
        p->tail = NULL;
    if (t) {
        t->iocp_packet = k->p;
        t->iocp_has_packet = 1;
    }
    free(k);
    return 0;
}

static void port_destroy(struct object *o)
{
    struct port *p = (struct port *)o;
    while (p->head) {
        struct packet *k = p->head;
        p->head = k->next;
        free(k);
    }
    free(p);
}

static void port_last_handle(struct object *o)
{
    pthread_mutex_lock(&sync_lock);
    ((struct port *)o)->closed = 1;
    sync_wake_locked(o);
    sync_unlock();
}

static const struct object_ops port_ops = {port_destroy, port_signaled, port_acquire,
                                           port_last_handle};

struct object *iocp_create(void)
{
    struct port *p = calloc(1, sizeof *p);
    object_init(&p->obj, OBJ_IOCP, &port_ops);
    return &p->obj;
}

NTSTATUS iocp_post(struct object *o, DWORD bytes, ULONG_PTR key, OVERLAPPED *ov, NTSTATUS st)
{
    struct port *p = (struct port *)o;
    struct packet *k = malloc(sizeof *k);
    if (!k)
        return STATUS_NO_MEMORY;
    k->next = NULL;
    k->p.bytes = bytes;
    k->p.key = key;
    k->p.overlapped = ov;
    k->p.status = st;
    pthread_mutex_lock(&sync_lock);
    if (p->tail)
        p->tail->next = k;
    else
        p->head = k;
    p->tail = k;
    sync_wake_locked(o);
    sync_unlock();
    return STATUS_SUCCESS;
}

DWORD iocp_get(struct object *o, struct iocp_packet *out, DWORD timeout, BOOL alertable)
{
    struct thread *t = nt_current_thread();
    t->iocp_has_packet = 0;
    DWORD r = sync_wait(1, &o, FALSE, timeout, alertable);
    if (r == WAIT_OBJECT_0) {
        if (!t->iocp_has_packet)
            return WAIT_ABANDONED_0; /* the port was closed */
        *out = t->iocp_packet;
        t->iocp_has_packet = 0;
    }
    return r;
}
