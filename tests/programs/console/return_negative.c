// exit: 255
/* main returns -1: exit code 0xFFFFFFFF on Windows, 255 on Linux. */
int main(void)
{
    return -1;
}
