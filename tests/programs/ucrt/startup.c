// build: -specs=tests/programs/ucrt/ucrt.specs -fno-builtin
// args: one "two words" three\"q
// exit: 7
/* A UCRT program's start-up and exit: argv and envp from
 * _configure_narrow_argv / _get_initial_narrow_environment, a module
 * onexit table driven by hand, and exit() running the atexit list last
 * first, flushing stdout, and returning its status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <process.h>

static void first(void) { printf("atexit first (runs last)\n"); }
static void second(void) { printf("atexit second (runs first)\n"); }
static int table_a(void) { printf("table a\n"); return 0; }
static int table_b(void) { printf("table b\n"); return 0; }

int main(int argc, char **argv, char **envp)
{
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=[%s]\n", i, argv[i]);
    printf("argv[argc]=%s\n", argv[argc] ? "set" : "NULL");
    int path = 0;
    for (char **e = envp; *e; e++)
        if (!_strnicmp(*e, "PATH=", 5))
            path = 1;
    printf("envp has PATH: %d, same as _environ: %d\n", path, envp == _environ);
    printf("__argc=%d __argv==argv: %d\n", __argc, __argv == argv);

    _onexit_table_t t = {0}; /* initialize only initialises an empty (first == end) table */
    printf("init: %d\n", _initialize_onexit_table(&t));
    printf("register: %d %d\n", _register_onexit_function(&t, table_a),
           _register_onexit_function(&t, table_b));
    printf("execute: %d\n", _execute_onexit_table(&t));
    printf("execute again: %d\n", _execute_onexit_table(&t));

    atexit(first);
    atexit(second);
    printf("exit(7) with this line still buffered\n");
    exit(7);
}
