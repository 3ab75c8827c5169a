/* Job objects as build tools use them: named jobs, assigning children,
 * accounting (TotalProcesses/ActiveProcesses), limits stored and read
 * back, TerminateJobObject's exit code, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
 * when the last handle closes, IsProcessInJob, and children of a process
 * in a job joining it unless they break away. Expected output per
 * Microsoft's documentation; the error codes are Wine 8's. */
// wine: skip Wine 8 keeps no job limits: QueryInformationJobObject reports LimitFlags 0
#include "common.h"
#include "test.h"

static BOOL start(const WCHAR *args, DWORD flags, PROCESS_INFORMATION *pi)
{
    WCHAR cmd[256];
    STARTUPINFOW si;
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    swprintf(cmd, 256, L"child %ls", args);
    return CreateProcessW(child_exe(), cmd, NULL, NULL, FALSE, flags, NULL, NULL, &si, pi);
}

static void show_counts(const char *label, HANDLE job)
{
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION a;
    DWORD len = 0;
    BOOL r = QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &a,
                                       sizeof a, &len);
    printf("%s: %d total %lu active %lu len %lu\n", label, r, a.TotalProcesses,
           a.ActiveProcesses, len);
}

static void show_set(const char *label, HANDLE job, JOBOBJECTINFOCLASS cls, void *info,
                     DWORD len)
{
    SetLastError(0xdeadbeef);
    BOOL r = SetInformationJobObject(job, cls, info, len);
    printf("%s: %d", label, r);
    if (!r)
        printf(" error %lu", GetLastError());
    printf("\n");
}

static void finish(PROCESS_INFORMATION *pi)
{
    TerminateProcess(pi->hProcess, 0);
    WaitForSingleObject(pi->hProcess, 10000);
    CloseHandle(pi->hProcess);
    CloseHandle(pi->hThread);
}

int main(void)
{
    PROCESS_INFORMATION pi, pi2;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION ext;
    JOBOBJECT_BASIC_LIMIT_INFORMATION basic;
    DWORD code, len;
    BOOL in, r;

    HANDLE named = CreateJobObjectW(NULL, L"decant_test_job");
    printf("named: %d error %lu\n", named != NULL, GetLastError());
    HANDLE again = CreateJobObjectA(NULL, "decant_test_job");
    printf("again: %d error %lu\n", again != NULL, GetLastError());
    HANDLE opened = OpenJobObjectW(JOB_OBJECT_ALL_ACCESS, FALSE, L"decant_test_job");
    printf("open: %d\n", opened != NULL);
    CloseHandle(opened);
    SetLastError(0xdeadbeef);
    opened = OpenJobObjectW(JOB_OBJECT_ALL_ACCESS, FALSE, L"decant_no_such_job");
    printf("open missing: %d error %lu\n", opened != NULL, GetLastError());
    CloseHandle(again);

    /* a child assigned to a job, then TerminateJobObject */
    HANDLE job = CreateJobObjectW(NULL, NULL);
    show_counts("empty", job);
    ok(start(L"sleep 30000", 0, &pi), "start");
    printf("assign: %d\n", AssignProcessToJobObject(job, pi.hProcess));
    in = -1;
    r = IsProcessInJob(pi.hProcess, job, &in);
    printf("in job: %d %d\n", r, in);
    in = -1;
    r = IsProcessInJob(pi.hProcess, named, &in);
    printf("in other job: %d %d\n", r, in);
    in = -1;
    r = IsProcessInJob(pi.hProcess, NULL, &in);
    printf("in any job: %d %d\n", r, in);
    show_counts("one child", job);

    memset(&ext, 0, sizeof ext);
    ext.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    show_set("extended kill-on-close", job, JobObjectExtendedLimitInformation, &ext, sizeof ext);
    show_set("short", job, JobObjectExtendedLimitInformation, &ext, sizeof ext - 8);
    memset(&basic, 0, sizeof basic);
    basic.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    show_set("basic kill-on-close", job, JobObjectBasicLimitInformation, &basic, sizeof basic);
    memset(&ext, 0xcc, sizeof ext);
    len = 0;
    r = QueryInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof ext, &len);
    printf("query extended: %d len %lu flags %#lx\n", r, len, ext.BasicLimitInformation.LimitFlags);
    SetLastError(0xdeadbeef);
    in = QueryInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, 16, NULL);
    printf("query short: %d error %lu\n", in, GetLastError());

    printf("terminate: %d\n", TerminateJobObject(job, 42));
    printf("wait: %lu\n", WaitForSingleObject(pi.hProcess, 10000));
    GetExitCodeProcess(pi.hProcess, &code);
    printf("exit code: %lu\n", code);
    show_counts("after terminate", job);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(job);

    /* basic limits are kept as given */
    job = CreateJobObjectW(NULL, NULL);
    memset(&basic, 0, sizeof basic);
    basic.LimitFlags = JOB_OBJECT_LIMIT_ACTIVE_PROCESS;
    basic.ActiveProcessLimit = 10;
    show_set("basic active limit", job, JobObjectBasicLimitInformation, &basic, sizeof basic);
    memset(&basic, 0, sizeof basic);
    r = QueryInformationJobObject(job, JobObjectBasicLimitInformation, &basic, sizeof basic, NULL);
    printf("query basic: %d flags %#lx limit %lu\n", r, basic.LimitFlags, basic.ActiveProcessLimit);
    CloseHandle(job);

    /* closing the last handle of a kill-on-close job kills its processes */
    job = CreateJobObjectW(NULL, NULL);
    memset(&ext, 0, sizeof ext);
    ext.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof ext);
    ok(start(L"sleep 30000", 0, &pi), "start");
    AssignProcessToJobObject(job, pi.hProcess);
    HANDLE dup;
    DuplicateHandle(GetCurrentProcess(), job, GetCurrentProcess(), &dup, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    CloseHandle(job);
    printf("one handle left: %lu\n", WaitForSingleObject(pi.hProcess, 300));
    CloseHandle(dup);
    printf("last handle closed: %lu\n", WaitForSingleObject(pi.hProcess, 10000));
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    /* this process in a job: its children join, unless they break away */
    job = CreateJobObjectW(NULL, NULL);
    printf("assign self: %d\n", AssignProcessToJobObject(job, GetCurrentProcess()));
    in = -1;
    r = IsProcessInJob(GetCurrentProcess(), job, &in);
    printf("self in job: %d %d\n", r, in);
    ok(start(L"sleep 30000", 0, &pi), "start in job");
    in = -1;
    r = IsProcessInJob(pi.hProcess, job, &in);
    printf("child in job: %d %d\n", r, in);
    show_counts("self and child", job);
    SetLastError(0xdeadbeef);
    in = start(L"exit 0", CREATE_BREAKAWAY_FROM_JOB, &pi2);
    printf("breakaway refused: %d error %lu\n", in, GetLastError());
    memset(&ext, 0, sizeof ext);
    ext.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_BREAKAWAY_OK;
    SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof ext);
    printf("breakaway allowed: %d\n", start(L"sleep 30000", CREATE_BREAKAWAY_FROM_JOB, &pi2));
    in = -1;
    r = IsProcessInJob(pi2.hProcess, job, &in);
    printf("broke away: %d %d\n", r, in);
    finish(&pi2);
    finish(&pi);
    show_counts("children ended", job);
    CloseHandle(job);
    CloseHandle(named);
    return test_summary();
}
