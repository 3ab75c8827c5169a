/* CreateProcess + wait of a small .exe (this one, run as "spawn child",
 * which exits with code 7 at once), against posix_spawn + waitpid of the
 * native build: ms per child. The check sums the children's exit codes. */
#include "bench.h"

#ifdef _WIN32
static char self[MAX_PATH], cmdline[MAX_PATH + 16];
static void init(void)
{
    GetModuleFileNameA(NULL, self, sizeof self);
    snprintf(cmdline, sizeof cmdline, "\"%s\" child", self);
}
static long run_one(void)
{
    STARTUPINFOA si = {.cb = sizeof si};
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    char line[sizeof cmdline];
    memcpy(line, cmdline, sizeof line);  /* CreateProcessA may write to it */
    if (!CreateProcessA(self, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return -1000000;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return code;
}
#else
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
static char self[4096];
static void init(void)
{
    ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
    self[k > 0 ? k : 0] = 0;
}
static long run_one(void)
{
    char *args[] = {self, "child", NULL};
    pid_t pid;
    int st;
    if (posix_spawn(&pid, self, NULL, NULL, args, environ))
        return -1000000;
    if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
        return -1000000;
    return WEXITSTATUS(st);
}
#endif

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return 7;
    long n = arg_size(argc, argv, 100);
    int reps = arg_repeats(argc, argv);
    double t[64];
    long sum = 0;
    init();
    for (int r = 0; r < reps; r++) {
        double t0 = now_ns();
        for (long i = 0; i < n; i++)
            sum += run_one();
        t[r] = (now_ns() - t0) / n / 1e6;
    }
    printf("result spawn %.3f\n", median(t, reps));
    printf("check spawn exit codes sum to %ld\n", sum);
    return sum != 7 * n * reps;
}
