/* Shared by kernel32's files: the one place NTSTATUS becomes a Win32
 * error (set_ntstatus), and small string helpers for the A->W wrappers. */
#ifndef DECANT_KERNEL32_PRIVATE_H
#define DECANT_KERNEL32_PRIVATE_H

#include <stdlib.h>
#include <sys/types.h>

#include "object.h"
#include "process.h"
#include "status.h"
#include "win32.h"
#include "wstr.h"

static inline void set_last_error(DWORD e) { nt_current_teb()->LastErrorValue = e; }

/* Thin exports end in `return set_ntstatus(status);` */
static inline BOOL set_ntstatus(NTSTATUS s)
{
    if (s)
        set_last_error(status_to_win32(s));
    return NT_SUCCESS(s);
}

/* CreateProcess and this process's job (job.c): may a child be made with
 * these flags (FALSE, last error set: a breakaway the job refuses), and
 * the new child joins the job unless it breaks away. */
BOOL job_may_create(DWORD create_flags);
void job_adopt_child(struct process *p, DWORD create_flags);
/* Is the child, or with p NULL this process, in job (NULL: any job)? */
BOOL job_has_process(struct object *job, struct process *p);

struct file;
/* Completes an overlapped operation: OVERLAPPED fields, event, port. */
void kernel32_complete_overlapped(struct file *f, OVERLAPPED *ov, DWORD bytes, NTSTATUS st);

/* The PROC_THREAD_ATTRIBUTE_HANDLE_LIST of an attribute list (procthreadattr.c),
 * or NULL when it has none. */
const HANDLE *proc_attr_handle_list(const void *attrs, size_t *count);

/* "A" functions: the ANSI code page is UTF-8 (DESIGN.md §7), so an A
 * string converts to UTF-16 as UTF-8. NULL stays NULL. */
static inline WCHAR *a_to_w(LPCSTR s) { return s ? utf8_to_wstr_alloc(s) : NULL; }

/* Copies a UTF-16 result into an A buffer with the W function's length
 * conventions: returns length without NUL on success, the size needed
 * (with NUL) when the buffer is too small. */
DWORD w_result_to_a(const WCHAR *w, LPSTR buf, DWORD size);
/* Same for W buffers. */
DWORD w_result_to_w(const WCHAR *w, LPWSTR buf, DWORD size);

#endif
