/* __NLG_Dispatch2, __NLG_Return2 (vcruntime140_1): "non-local goto"
 * notifications, labels a debugger sets breakpoints on to follow a throw
 * to its catch and a catch to its continuation. Callers keep registers
 * live across the call, so each is a bare `ret` in the DLL's image. */
const unsigned char vcrt1___NLG_Dispatch2[16] = {0xc3};
const unsigned char vcrt1___NLG_Return2[16] = {0xc3};
