/* `decant reg ...` (regcmd.c): argv starts at the verb. */
#ifndef DECANT_REGCMD_H
#define DECANT_REGCMD_H
int regcmd_main(int argc, char **argv);
#endif
