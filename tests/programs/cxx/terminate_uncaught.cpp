// build: -static-libgcc -static-libstdc++
// exit: 3
/* An exception nobody catches: the exception reaches the top (mingw's
 * unhandled-exception filter lets libgcc's RaiseException return),
 * std::terminate prints "terminate called after throwing an instance of
 * 'std::runtime_error'" and "what():  ..." on stderr and calls abort(),
 * which ends the process with exit code 3.  Destructors of the frames in
 * between may or may not run (implementation-defined): not printed. */
#include <cstdio>
#include <stdexcept>

int main()
{
    printf("before the throw\n");
    fflush(stdout);
    throw std::runtime_error("nobody catches this");
}
