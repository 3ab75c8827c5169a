/* The vectored exception handler list: AddVectoredExceptionHandler(1, h)
 * puts h at the front, (0, h) at the back; every handler returning
 * EXCEPTION_CONTINUE_SEARCH passes the exception on, the first returning
 * EXCEPTION_CONTINUE_EXECUTION ends the search (later ones and the
 * unhandled-exception filter are not called); a removed handler is not
 * called and removing it again fails; one function may be on the list
 * twice.  The printed line is the order of the calls. */
#include <windows.h>
#include <stdio.h>

#define CODE 0xE0000001

static LONG trace(const char *name, EXCEPTION_POINTERS *ep, LONG ret)
{
    if (ep->ExceptionRecord->ExceptionCode == CODE)
        printf("%s ", name);
    return ret;
}
static LONG CALLBACK a(EXCEPTION_POINTERS *ep) { return trace("a", ep, EXCEPTION_CONTINUE_SEARCH); }
static LONG CALLBACK b(EXCEPTION_POINTERS *ep) { return trace("b", ep, EXCEPTION_CONTINUE_SEARCH); }
static LONG CALLBACK c(EXCEPTION_POINTERS *ep) { return trace("c", ep, EXCEPTION_CONTINUE_SEARCH); }
static LONG CALLBACK d(EXCEPTION_POINTERS *ep) { return trace("d", ep, EXCEPTION_CONTINUE_SEARCH); }
static LONG CALLBACK stop(EXCEPTION_POINTERS *ep) { return trace("stop", ep, EXCEPTION_CONTINUE_EXECUTION); }

static LONG WINAPI filter(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != CODE)
        return EXCEPTION_CONTINUE_SEARCH;
    printf("filter ");
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void raise(const char *what)
{
    printf("%s: ", what);
    RaiseException(CODE, 0, 0, NULL);
    printf("\n");
}

int main(void)
{
    void *ha, *hb, *hc, *hd, *hs, *ha2;

    SetUnhandledExceptionFilter(filter);
    raise("none");

    ha = AddVectoredExceptionHandler(0, a);
    hb = AddVectoredExceptionHandler(1, b);
    hc = AddVectoredExceptionHandler(0, c);
    printf("handles: %s\n", ha && hb && hc && ha != hb && hb != hc ? "distinct" : "bad");
    raise("a last, b first, c last");

    hs = AddVectoredExceptionHandler(0, stop);
    raise("stop last");

    hd = AddVectoredExceptionHandler(1, d);
    raise("d first");

    printf("remove a: %lu\n", RemoveVectoredExceptionHandler(ha));
    printf("remove a again: %lu\n", RemoveVectoredExceptionHandler(ha));
    raise("without a");

    ha = AddVectoredExceptionHandler(1, a);
    ha2 = AddVectoredExceptionHandler(1, a);
    printf("a twice: %s\n", ha != ha2 ? "distinct handles" : "same handle");
    raise("a twice first");
    RemoveVectoredExceptionHandler(ha);
    raise("one a removed");

    RemoveVectoredExceptionHandler(hs);
    hs = AddVectoredExceptionHandler(1, stop);
    raise("stop first");

    RemoveVectoredExceptionHandler(hs);
    RemoveVectoredExceptionHandler(ha2);
    RemoveVectoredExceptionHandler(hb);
    RemoveVectoredExceptionHandler(hc);
    RemoveVectoredExceptionHandler(hd);
    raise("all removed");
    return 0;
}
