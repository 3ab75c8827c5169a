/* Semaphores: initial count, waits decrement, ReleaseSemaphore returns
 * the previous count, exceeding the maximum fails with
 * ERROR_TOO_MANY_POSTS (298) and changes nothing, invalid parameters. */
#include <windows.h>
#include "test.h"

int main(void)
{
    HANDLE s;
    LONG prev = -1;

    s = CreateSemaphoreW(NULL, 2, 3, NULL);
    ok(s != NULL, "CreateSemaphore(2, 3)");
    ok(WaitForSingleObject(s, 0) == WAIT_OBJECT_0, "1st wait");
    ok(WaitForSingleObject(s, 0) == WAIT_OBJECT_0, "2nd wait");
    ok(WaitForSingleObject(s, 0) == WAIT_TIMEOUT, "3rd wait times out");
    ok(ReleaseSemaphore(s, 1, &prev) && prev == 0, "release 1, previous 0: %ld", prev);
    ok(ReleaseSemaphore(s, 2, &prev) && prev == 1, "release 2, previous 1: %ld", prev);
    SetLastError(0xdeadbeef);
    prev = -1;
    ok(!ReleaseSemaphore(s, 1, &prev) && GetLastError() == ERROR_TOO_MANY_POSTS, "over the maximum: %lu", GetLastError());
    ok(WaitForSingleObject(s, 0) == WAIT_OBJECT_0 && WaitForSingleObject(s, 0) == WAIT_OBJECT_0 &&
       WaitForSingleObject(s, 0) == WAIT_OBJECT_0 && WaitForSingleObject(s, 0) == WAIT_TIMEOUT, "count was 3");
    /* Not checked: ReleaseSemaphore(s, 0) (documented as invalid; Wine 8
     * accepts it). */
    ok(!ReleaseSemaphore(s, 4, NULL) && GetLastError() == ERROR_TOO_MANY_POSTS, "release more than max at once");
    CloseHandle(s);

    SetLastError(0xdeadbeef);
    ok(CreateSemaphoreW(NULL, 4, 3, NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "initial > max: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(CreateSemaphoreW(NULL, 0, 0, NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "max 0: %lu", GetLastError());
    SetLastError(0xdeadbeef);
    ok(CreateSemaphoreW(NULL, -1, 3, NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "negative initial: %lu", GetLastError());
    return test_summary();
}
