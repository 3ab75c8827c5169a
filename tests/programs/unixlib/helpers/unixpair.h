/* The interface between unixpair.dll (the PE half, mingw) and unixpair.so
 * (its ELF half, gcc): the function codes of __wine_unix_call_funcs and
 * their argument structures, the same bytes in both ABIs. */
#ifndef UNIXPAIR_H
#define UNIXPAIR_H

enum unixpair_funcs {
    unix_uname,    /* struct uname_params */
    unix_add,      /* struct add_params */
    unix_status,   /* unsigned int *: returns it as the NTSTATUS */
    unix_funcs_count
};

struct uname_params {
    char sysname[65];
    char machine[65];
    int release_len;
};

struct add_params {
    int a, b, sum;
    double x, y, product; /* SSE registers on the Linux side */
};

#endif
