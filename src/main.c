/* decant's command line: decant [options] program.exe [args...] */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "debug.h"
#include "file.h"
#include <fcntl.h>
#include "loader.h"
#include "path.h"
#include "process.h"
#include "regcmd.h"
#include "signal_handling.h"
#include "status.h"
#include "syscall.h"
#include "thread.h"
#include "win32.h"

#define DECANT_VERSION "0.1.0"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: decant [options] program.exe [arguments...]\n"
            "       decant reg query|add|delete KEY [/v NAME] [/t TYPE] [/d DATA] [/s]\n"
            "Runs a Windows x86-64 console program on Linux.\n"
            "\n"
            "options:\n"
            "  -h, --help     show this help\n"
            "  --version      show the version\n"
            "  --check        list the program's imports that decant lacks, and\n"
            "                 exit 0 only if there are none\n"
            "  --syscalls=MODE  what a raw `syscall` instruction in the program\n"
            "                 means: windows (default: a Windows system service),\n"
            "                 linux (a Linux system call), off (not caught)\n"
            "\n"
            "environment:\n"
            "  DECANT_PREFIX  where C: lives (default ~/.local/share/decant)\n"
            "  DECANT_DEBUG   trace channels, e.g. +file,+loader,-fixme\n"
            "  DECANT_SYSCALLS  the --syscalls mode, when the option is not given\n");
}

static int is_regular(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The program as given, else with ".exe" added, as Windows' CreateProcess
 * does; a DOS path (C:\x.exe, x\y.exe) is translated. */
static char *find_program(const char *name)
{
    if (is_regular(name))
        return strdup(name);
    char *p;
    if (asprintf(&p, "%s.exe", name) >= 0 && is_regular(p))
        return p;
    free(p);
    if (strchr(name, '\\') || (name[0] && name[1] == ':')) {
        p = path_dos_to_unix_utf8(name);
        if (p && is_regular(p))
            return p;
        free(p);
    }
    return NULL;
}

/* "4c:100,50:101": recreate inherited file handles under their values. */
static void inherit_handles(const char *spec)
{
    while (*spec) {
        char *end;
        unsigned long h = strtoul(spec, &end, 16);
        if (*end != ':')
            break;
        int fd = strtol(end + 1, &end, 10);
        struct file *f = file_ref(file_handle_from_fd(fd, GENERIC_READ | GENERIC_WRITE, TRUE));
        HANDLE tmp = NULL;
        /* move it to the parent's value */
        if (f) {
            handle_alloc_at((HANDLE)h, &f->obj, TRUE);
            object_put(&f->obj);
        }
        (void)tmp;
        fcntl(fd, F_SETFD, FD_CLOEXEC);
        spec = *end == ',' ? end + 1 : end;
    }
}

/* --check: one line per DLL, then the missing functions. */
struct check_dll {
    char importer[64], dll[64];
    int total, missing, not_found;
    char **names;
};
static struct check_dll checks[256];
static int nchecks;

static void check_report(const char *importer, const char *dll, const char *func,
                         WORD ordinal, int found)
{
    struct check_dll *c = NULL;
    for (int i = 0; i < nchecks; i++)
        if (!strcasecmp(checks[i].dll, dll) && !strcmp(checks[i].importer, importer))
            c = &checks[i];
    if (!c) {
        if (nchecks == 256)
            return;
        c = &checks[nchecks++];
        snprintf(c->importer, sizeof c->importer, "%s", importer);
        snprintf(c->dll, sizeof c->dll, "%s", dll);
    }
    if (!func && !ordinal && !found) {
        c->not_found = 1;
        return;
    }
    c->total++;
    if (!found) {
        c->names = realloc(c->names, (c->missing + 1) * sizeof *c->names);
        if (func)
            c->names[c->missing] = strdup(func);
        else if (asprintf(&c->names[c->missing], "ordinal %u", ordinal) < 0)
            c->names[c->missing] = NULL;
        c->missing++;
    }
}

static int check_program(const char *path)
{
    ldr_check_report = check_report;
    struct ldr_error err = {0};
    if (!ldr_load_exe(path, &err)) {
        fprintf(stderr, "decant: %s\n", err.message);
        return 2;
    }
    int missing = 0;
    for (int i = 0; i < nchecks; i++) {
        struct check_dll *c = &checks[i];
        if (c->not_found) {
            printf("%s: %s: not found\n", c->importer, c->dll);
            missing++;
            continue;
        }
        printf("%s: %s: %d imported, %d missing\n", c->importer, c->dll, c->total, c->missing);
        for (int k = 0; k < c->missing; k++)
            printf("    missing %s\n", c->names[k] ? c->names[k] : "?");
        missing += c->missing;
    }
    printf("%d missing\n", missing);
    return missing ? 1 : 0;
}

static void start_program(void *arg)
{
    struct module *exe = arg;
    ldr_init_process();
    DWORD code = call_program_entry(exe->base + exe->nt->OptionalHeader.AddressOfEntryPoint,
                                    nt_peb());
    ExitProcess(code);
}

int main(int argc, char **argv)
{
    const char *cmdline = NULL, *inherit = NULL;
    int exit_fd = -1, i, check = 0;
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--check")) {
            check = 1;
        } else if (!strncmp(a, "--syscalls=", 11)) {
            if (syscall_set_mode(a + 11)) {
                fprintf(stderr, "decant: --syscalls=%s: the mode is windows, linux or off\n",
                        a + 11);
                return 2;
            }
            setenv("DECANT_SYSCALLS", a + 11, 1); /* for child processes too */
        } else if (!strcmp(a, "--version")) {
            printf("decant %s\n", DECANT_VERSION);
            return 0;
        } else if (!strncmp(a, "--cmdline=", 10)) {
            cmdline = a + 10; /* internal: CreateProcess passes it exactly */
        } else if (!strncmp(a, "--exit-fd=", 10)) {
            exit_fd = atoi(a + 10); /* internal: full 32-bit exit code */
        } else if (!strncmp(a, "--inherit=", 10)) {
            inherit = a + 10; /* internal: handle:fd,... from the parent */
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "decant: unknown option %s (try --help)\n", a);
            return 2;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return 2;
    }
    debug_init(getenv("DECANT_DEBUG"));
    if (!strcmp(argv[i], "reg")) {
        /* the registry from Linux: a process environment, no program */
        char *fake[] = {"reg.exe", NULL};
        struct process_start s = {"/reg.exe", fake, NULL, -1};
        process_init(&s);
        thread_init_process();
        return regcmd_main(argc - i - 1, argv + i + 1);
    }
    char *exe_path = find_program(argv[i]);
    if (!exe_path) {
        fprintf(stderr, "decant: %s: %s\n", argv[i], strerror(ENOENT));
        return 127;
    }
    signal(SIGPIPE, SIG_IGN);

    struct process_start start = {exe_path, argv + i, cmdline, exit_fd};
    process_init(&start);
    thread_init_process();
    signal_init_process();
    syscall_init_process();
    clock_init();
    if (inherit)
        inherit_handles(inherit);
    if (check)
        return check_program(exe_path);
    struct ldr_error err = {0};
    struct module *exe = ldr_load_exe(exe_path, &err);
    if (!exe) {
        fprintf(stderr, "decant: %s\n", err.message);
        DWORD code = err.win32 == ERROR_BAD_EXE_FORMAT ? STATUS_INVALID_IMAGE_FORMAT
                   : err.win32 == ERROR_PROC_NOT_FOUND ? STATUS_ENTRYPOINT_NOT_FOUND
                                                       : STATUS_DLL_NOT_FOUND;
        process_terminate(code);
    }
    nt_peb()->ImageSubsystem = exe->nt->OptionalHeader.Subsystem;
    nt_peb()->ImageSubsystemMajorVersion = exe->nt->OptionalHeader.MajorSubsystemVersion;
    nt_peb()->ImageSubsystemMinorVersion = exe->nt->OptionalHeader.MinorSubsystemVersion;
    thread_run_main(exe->nt->OptionalHeader.SizeOfStackReserve, start_program, exe);
}
