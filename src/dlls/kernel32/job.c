/* Job objects, as far as build tools use them: a set of processes that
 * can be counted, terminated together, and killed when the job's last
 * handle closes (JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE). Members are this
 * process and the children its CreateProcess made; a child of a member
 * joins the job (tests/programs/process/job.c). Limits other than
 * kill-on-close and breakaway are stored and reported, not enforced. */
#include <signal.h>
#include <string.h>

#define DEBUG_CHANNEL process
#include "debug.h"
#include "kernel32_private.h"
#include "thread.h"

#define JobObjectBasicAccountingInformation 1
#define JobObjectBasicLimitInformation 2
#define JobObjectBasicProcessIdList 3
#define JobObjectAssociateCompletionPortInformation 7
#define JobObjectExtendedLimitInformation 9

#define JOB_OBJECT_LIMIT_BREAKAWAY_OK 0x800
#define JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK 0x1000
#define JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE 0x2000
#define JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS 0xff
#define JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS 0x7fff
#define CREATE_BREAKAWAY_FROM_JOB 0x01000000

typedef struct {
    LARGE_INTEGER PerProcessUserTimeLimit, PerJobUserTimeLimit;
    DWORD LimitFlags;
    SIZE_T MinimumWorkingSetSize, MaximumWorkingSetSize;
    DWORD ActiveProcessLimit;
    ULONG_PTR Affinity;
    DWORD PriorityClass, SchedulingClass;
} JOBOBJECT_BASIC_LIMIT_INFORMATION;

typedef struct {
    JOBOBJECT_BASIC_LIMIT_INFORMATION BasicLimitInformation;
    ULONGLONG IoInfo[6]; /* IO_COUNTERS */
    SIZE_T ProcessMemoryLimit, JobMemoryLimit, PeakProcessMemoryUsed, PeakJobMemoryUsed;
} JOBOBJECT_EXTENDED_LIMIT_INFORMATION;

typedef struct {
    LARGE_INTEGER TotalUserTime, TotalKernelTime, ThisPeriodTotalUserTime,
        ThisPeriodTotalKernelTime;
    DWORD TotalPageFaultCount, TotalProcesses, ActiveProcesses, TotalTerminatedProcesses;
} JOBOBJECT_BASIC_ACCOUNTING_INFORMATION;

_Static_assert(sizeof(JOBOBJECT_BASIC_LIMIT_INFORMATION) == 64, "x64 layout");
_Static_assert(sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION) == 144, "x64 layout");
_Static_assert(sizeof(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION) == 48, "x64 layout");

struct job {
    struct object obj;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
    DWORD total, terminated;
    struct process **procs; /* referenced */
    size_t n, cap;
};

/* Guards every job's members and limits, and current_job. */
static pthread_mutex_t job_lock = PTHREAD_MUTEX_INITIALIZER;
static struct job *current_job; /* the job this process is in, referenced */

/* Children of the job still running (job_lock held). Those that ended
 * leave the list: a child and its job reference each other. */
static DWORD active_children(struct job *j)
{
    struct process *gone[64];
    size_t ngone = 0, k = 0;
    pthread_mutex_lock(&sync_lock);
    for (size_t i = 0; i < j->n; i++)
        if (j->procs[i]->exited && ngone < 64)
            gone[ngone++] = j->procs[i];
        else
            j->procs[k++] = j->procs[i];
    j->n = k;
    sync_unlock();
    for (size_t i = 0; i < ngone; i++)
        object_put(&gone[i]->obj);
    return (DWORD)k;
}

/* Kills the children; then this process too if it is a member. */
static void terminate_job(struct job *j, DWORD code)
{
    pthread_mutex_lock(&job_lock);
    for (size_t i = 0; i < j->n; i++)
        if (process_kill(j->procs[i], code))
            j->terminated++;
    int self = current_job == j;
    pthread_mutex_unlock(&job_lock);
    if (self)
        process_terminate(code);
}

static void job_destroy(struct object *o)
{
    struct job *j = (struct job *)o;
    for (size_t i = 0; i < j->n; i++)
        object_put(&j->procs[i]->obj);
    free(j->procs);
    free(j);
}

static int job_signaled(struct object *o, struct thread *t) { return 0; }
static int job_acquire(struct object *o, struct thread *t) { return 0; }

static void job_last_handle(struct object *o)
{
    struct job *j = (struct job *)o;
    if (j->limits.BasicLimitInformation.LimitFlags & JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE) {
        TRACE("kill-on-close job %p closed", (void *)j);
        terminate_job(j, 0);
    }
}

/* At exit this process's handles close: its kill-on-close jobs kill their
 * children. Possibly in a signal handler, so no locks and no frees: the
 * live jobs are kept in a small list for this. */
#define MAX_JOBS 64
static struct job *live_jobs[MAX_JOBS];

static void kill_on_exit(void)
{
    for (int k = 0; k < MAX_JOBS; k++) {
        struct job *j = __atomic_load_n(&live_jobs[k], __ATOMIC_ACQUIRE);
        if (!j || !(j->limits.BasicLimitInformation.LimitFlags &
                    JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE))
            continue;
        for (size_t i = 0; i < j->n; i++)
            if (!j->procs[i]->exited)
                kill(j->procs[i]->pid, SIGKILL);
    }
}

static void track(struct job *j, struct job *old)
{
    for (int k = 0; k < MAX_JOBS; k++) {
        struct job *expect = old;
        if (__atomic_compare_exchange_n(&live_jobs[k], &expect, j, 0, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            return;
    }
    if (j)
        FIXME("more than %d job objects: not killed at exit", MAX_JOBS);
}

static void job_destroy_tracked(struct object *o)
{
    track(NULL, (struct job *)o);
    job_destroy(o);
}

static const struct object_ops job_tracked_ops = {job_destroy_tracked, job_signaled,
                                                  job_acquire, job_last_handle};

static struct job *job_from(HANDLE h)
{
    return (struct job *)handle_ref(h, OBJ_JOB);
}

/* A process handle: *self for this process, else the child (referenced). */
static NTSTATUS process_of(HANDLE h, struct process **child, int *self)
{
    *child = NULL;
    *self = h == CURRENT_PROCESS_HANDLE;
    if (*self)
        return STATUS_SUCCESS;
    struct object *o = handle_ref(h, OBJ_PROCESS);
    if (!o)
        return handle_status(h);
    if (o == process_self_object()) {
        object_put(o);
        *self = 1;
    } else {
        *child = (struct process *)o;
    }
    return STATUS_SUCCESS;
}

static void add_child(struct job *j, struct process *p)
{
    if (j->n == j->cap) {
        j->cap = j->cap ? j->cap * 2 : 8;
        j->procs = realloc(j->procs, j->cap * sizeof *j->procs);
    }
    j->procs[j->n++] = (struct process *)object_ref(&p->obj);
    p->job = object_ref(&j->obj);
    j->total++;
}

/* CreateJobObjectW (kernel32) */
HANDLE WINAPI CreateJobObjectW(SECURITY_ATTRIBUTES *sa, LPCWSTR name)
{
    BOOL inherit = sa && sa->bInheritHandle;
    if (name && *name) {
        struct object *o = object_find_named(name);
        if (o) {
            HANDLE h = NULL;
            if (o->type == OBJ_JOB) {
                h = handle_alloc(o, inherit);
                set_last_error(ERROR_ALREADY_EXISTS);
            } else {
                set_last_error(ERROR_INVALID_HANDLE);
            }
            object_put(o);
            return h;
        }
    }
    static int hooked;
    if (!__atomic_exchange_n(&hooked, 1, __ATOMIC_ACQ_REL))
        process_at_exit(kill_on_exit);
    struct job *j = calloc(1, sizeof *j);
    object_init(&j->obj, OBJ_JOB, &job_tracked_ops);
    track(j, NULL);
    if (name && *name)
        object_name(&j->obj, name);
    HANDLE h = handle_alloc(&j->obj, inherit);
    object_put(&j->obj);
    set_last_error(0);
    return h;
}

/* CreateJobObjectA (kernel32) */
HANDLE WINAPI CreateJobObjectA(SECURITY_ATTRIBUTES *sa, LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = CreateJobObjectW(sa, w);
    free(w);
    return h;
}

/* OpenJobObjectW (kernel32) */
HANDLE WINAPI OpenJobObjectW(DWORD access, BOOL inherit, LPCWSTR name)
{
    if (!name) {
        set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct object *o = object_find_named(name);
    if (!o || o->type != OBJ_JOB) {
        if (o)
            object_put(o);
        set_last_error(o ? ERROR_INVALID_HANDLE : ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    HANDLE h = handle_alloc(o, inherit);
    object_put(o);
    return h;
}

/* OpenJobObjectA (kernel32) */
HANDLE WINAPI OpenJobObjectA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR *w = a_to_w(name);
    HANDLE h = OpenJobObjectW(access, inherit, w);
    free(w);
    return h;
}

/* AssignProcessToJobObject (kernel32): a process is in one job; Windows 8's
 * nested jobs are not modelled, so a second assignment is refused as
 * Windows 7 refused it. */
BOOL WINAPI AssignProcessToJobObject(HANDLE hjob, HANDLE hprocess)
{
    struct job *j = job_from(hjob);
    if (!j)
        return set_ntstatus(handle_status(hjob));
    struct process *p;
    int self;
    NTSTATUS st = process_of(hprocess, &p, &self);
    if (!st) {
        pthread_mutex_lock(&job_lock);
        if (self ? current_job != NULL : p->job != NULL) {
            struct object *in = self ? &current_job->obj : p->job;
            st = in == &j->obj ? STATUS_SUCCESS : STATUS_ACCESS_DENIED;
        } else if (self) {
            current_job = (struct job *)object_ref(&j->obj);
            j->total++;
        } else {
            int gone;
            pthread_mutex_lock(&sync_lock);
            gone = p->exited;
            sync_unlock();
            if (gone)
                st = STATUS_PROCESS_IS_TERMINATING;
            else
                add_child(j, p);
        }
        pthread_mutex_unlock(&job_lock);
    }
    if (p)
        object_put(&p->obj);
    object_put(&j->obj);
    return set_ntstatus(st);
}

/* IsProcessInJob (kernel32) */
BOOL WINAPI IsProcessInJob(HANDLE hprocess, HANDLE hjob, BOOL *result)
{
    struct job *j = NULL;
    if (hjob && !(j = job_from(hjob)))
        return set_ntstatus(handle_status(hjob));
    struct process *p;
    int self;
    NTSTATUS st = process_of(hprocess, &p, &self);
    if (!st) {
        pthread_mutex_lock(&job_lock);
        struct object *in = self ? (current_job ? &current_job->obj : NULL) : p->job;
        *result = in && (!j || in == &j->obj);
        pthread_mutex_unlock(&job_lock);
    }
    if (p)
        object_put(&p->obj);
    if (j)
        object_put(&j->obj);
    return set_ntstatus(st);
}

/* TerminateJobObject (kernel32) */
BOOL WINAPI TerminateJobObject(HANDLE hjob, UINT code)
{
    struct job *j = job_from(hjob);
    if (!j)
        return set_ntstatus(handle_status(hjob));
    TRACE("job %p code %u", (void *)j, code);
    terminate_job(j, code);
    object_put(&j->obj);
    return TRUE;
}

/* SetInformationJobObject (kernel32) */
BOOL WINAPI SetInformationJobObject(HANDLE hjob, int cls, LPVOID info, DWORD len)
{
    struct job *j = job_from(hjob);
    if (!j)
        return set_ntstatus(handle_status(hjob));
    NTSTATUS st = STATUS_SUCCESS;
    switch (cls) {
    case JobObjectBasicLimitInformation:
    case JobObjectExtendedLimitInformation: {
        int ext = cls == JobObjectExtendedLimitInformation;
        DWORD want = ext ? sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION)
                         : sizeof(JOBOBJECT_BASIC_LIMIT_INFORMATION);
        DWORD valid = ext ? JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS
                          : JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS;
        if (len != want) { /* not INFO_LENGTH_MISMATCH, unlike the query */
            st = STATUS_INVALID_PARAMETER;
            break;
        }
        const JOBOBJECT_BASIC_LIMIT_INFORMATION *b = info;
        if (b->LimitFlags & ~valid) {
            st = STATUS_INVALID_PARAMETER;
            break;
        }
        pthread_mutex_lock(&job_lock);
        if (ext) {
            /* the counters are the job's, not the caller's */
            JOBOBJECT_EXTENDED_LIMIT_INFORMATION e = *(const JOBOBJECT_EXTENDED_LIMIT_INFORMATION *)info;
            memcpy(e.IoInfo, j->limits.IoInfo, sizeof e.IoInfo);
            e.PeakProcessMemoryUsed = j->limits.PeakProcessMemoryUsed;
            e.PeakJobMemoryUsed = j->limits.PeakJobMemoryUsed;
            j->limits = e;
        } else {
            j->limits.BasicLimitInformation = *b;
        }
        pthread_mutex_unlock(&job_lock);
        if (b->LimitFlags & ~(JOB_OBJECT_LIMIT_BREAKAWAY_OK | JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK |
                              JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE))
            FIXME("job limits %#x stored, not enforced", b->LimitFlags);
        break;
    }
    case JobObjectAssociateCompletionPortInformation:
        FIXME("job completion port: no messages are posted");
        break;
    default:
        FIXME("job information class %d", cls);
        st = STATUS_NOT_IMPLEMENTED;
    }
    object_put(&j->obj);
    return set_ntstatus(st);
}

/* QueryInformationJobObject (kernel32) */
BOOL WINAPI QueryInformationJobObject(HANDLE hjob, int cls, LPVOID info, DWORD len,
                                      LPDWORD ret_len)
{
    struct job *j;
    if (!hjob) { /* the caller's own job */
        pthread_mutex_lock(&job_lock);
        j = current_job ? (struct job *)object_ref(&current_job->obj) : NULL;
        pthread_mutex_unlock(&job_lock);
        if (!j)
            return set_ntstatus(STATUS_ACCESS_DENIED);
    } else if (!(j = job_from(hjob))) {
        return set_ntstatus(handle_status(hjob));
    }
    NTSTATUS st = STATUS_SUCCESS;
    DWORD size = 0;
    pthread_mutex_lock(&job_lock);
    switch (cls) {
    case JobObjectBasicAccountingInformation: {
        JOBOBJECT_BASIC_ACCOUNTING_INFORMATION a;
        size = sizeof a;
        if (len < size) {
            st = STATUS_INFO_LENGTH_MISMATCH;
            break;
        }
        memset(&a, 0, sizeof a);
        a.TotalProcesses = j->total;
        a.ActiveProcesses = active_children(j) + (current_job == j);
        a.TotalTerminatedProcesses = j->terminated;
        memcpy(info, &a, sizeof a);
        break;
    }
    case JobObjectBasicLimitInformation:
    case JobObjectExtendedLimitInformation:
        size = cls == JobObjectBasicLimitInformation ? sizeof(JOBOBJECT_BASIC_LIMIT_INFORMATION)
                                                     : sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION);
        if (len < size) {
            st = STATUS_INFO_LENGTH_MISMATCH;
            break;
        }
        memcpy(info, &j->limits, size);
        break;
    case JobObjectBasicProcessIdList: {
        active_children(j);
        /* DWORD NumberOfAssignedProcesses, NumberOfProcessIdsInList;
         * ULONG_PTR ProcessIdList[] */
        DWORD active = 0, listed = 0;
        size_t max = len >= 8 ? (len - 8) / sizeof(ULONG_PTR) : 0;
        if (len < 8) {
            st = STATUS_INFO_LENGTH_MISMATCH;
            break;
        }
        ULONG_PTR *ids = (ULONG_PTR *)((char *)info + 8);
        if (current_job == j) {
            if (listed < max)
                ids[listed++] = getpid();
            active++;
        }
        pthread_mutex_lock(&sync_lock);
        for (size_t i = 0; i < j->n; i++) {
            if (j->procs[i]->exited)
                continue;
            if (listed < max)
                ids[listed++] = j->procs[i]->pid;
            active++;
        }
        sync_unlock();
        ((DWORD *)info)[0] = active;
        ((DWORD *)info)[1] = listed;
        size = 8 + listed * sizeof(ULONG_PTR);
        if (listed < active)
            st = STATUS_BUFFER_OVERFLOW; /* ERROR_MORE_DATA */
        break;
    }
    default:
        FIXME("job information class %d", cls);
        st = STATUS_NOT_IMPLEMENTED;
    }
    pthread_mutex_unlock(&job_lock);
    object_put(&j->obj);
    if (ret_len && (!st || st == STATUS_BUFFER_OVERFLOW))
        *ret_len = size;
    if (st == STATUS_BUFFER_OVERFLOW) { /* a warning, but FALSE here */
        set_last_error(ERROR_MORE_DATA);
        return FALSE;
    }
    return set_ntstatus(st);
}

BOOL job_may_create(DWORD flags)
{
    pthread_mutex_lock(&job_lock);
    DWORD lf = current_job ? current_job->limits.BasicLimitInformation.LimitFlags : 0;
    int in_job = current_job != NULL;
    pthread_mutex_unlock(&job_lock);
    if (in_job && flags & CREATE_BREAKAWAY_FROM_JOB && !(lf & JOB_OBJECT_LIMIT_BREAKAWAY_OK) &&
        !(lf & JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK)) {
        set_last_error(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    return TRUE;
}

void job_adopt_child(struct process *p, DWORD flags)
{
    pthread_mutex_lock(&job_lock);
    struct job *j = current_job;
    DWORD lf = j ? j->limits.BasicLimitInformation.LimitFlags : 0;
    int away = lf & JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK ||
               (flags & CREATE_BREAKAWAY_FROM_JOB && lf & JOB_OBJECT_LIMIT_BREAKAWAY_OK);
    if (j && !away)
        add_child(j, p);
    pthread_mutex_unlock(&job_lock);
}
