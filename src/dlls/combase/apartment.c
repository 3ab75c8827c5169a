/* Apartments: COM's per-thread initialisation count and model. No COM
 * servers exist in decant, so entering an apartment is bookkeeping: the
 * return codes are what programs check (S_OK the first time on a thread,
 * S_FALSE after, RPC_E_CHANGED_MODE for the other model). */
#include "combase.h"

#define COINIT_APARTMENTTHREADED 0x2

static __thread int init_count; /* this thread's CoInitializeEx calls */
static __thread int thread_sta; /* its model while init_count > 0 */

/* CoInitializeEx (combase) */
HRESULT WINAPI CoInitializeEx(void *reserved, DWORD flags)
{
    int sta = (flags & COINIT_APARTMENTTHREADED) != 0;
    if (init_count && sta != thread_sta)
        return RPC_E_CHANGED_MODE; /* not counted: no CoUninitialize owed */
    thread_sta = sta;
    return init_count++ ? S_FALSE : S_OK;
}

/* CoInitialize (combase) */
HRESULT WINAPI CoInitialize(void *reserved)
{
    return CoInitializeEx(reserved, COINIT_APARTMENTTHREADED);
}

/* CoUninitialize (combase) */
void WINAPI CoUninitialize(void)
{
    if (init_count)
        init_count--;
}
