/* Command-line helpers: see tu_args.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "base/tu_args.h"

int tu_arg_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int tu_arg_usage_error(const char *prog, const char *usage, const char *fmt,
                       const char *arg)
{
    fprintf(stderr, "%s: ", prog);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage);
    return 2;
}
