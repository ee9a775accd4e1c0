/* Command-line helpers shared by tracuu-index and tracuu-search. */
#ifndef TU_ARGS_H
#define TU_ARGS_H

/* Parse S as a whole decimal number in [LO, HI] into *OUT: 0, or -1. */
int tu_arg_long(const char *s, long lo, long hi, long *out);

/* Print "PROG: " + FMT (with ARG) and the usage text on stderr; returns 2,
 * the exit status for bad usage. */
int tu_arg_usage_error(const char *prog, const char *usage, const char *fmt,
                       const char *arg);

#endif
