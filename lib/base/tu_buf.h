/* A growing byte buffer with a maximum size (as curl's dynbuf): bad input
 * cannot make it eat the machine.  The content is always NUL-terminated. */
#ifndef TU_BUF_H
#define TU_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *p;        /* malloc'd, NUL-terminated (NULL until first append) */
    size_t len;
    size_t cap;
    size_t max;     /* appends beyond this fail */
    int failed;     /* set once an append failed (no memory / too big) */
    int truncated;  /* set once tu_buf_add_cut kept only part of its input */
} tu_buf_t;

void tu_buf_init(tu_buf_t *b, size_t max);
/* 0 on success, -1 (and b->failed) on no memory or over max. */
int tu_buf_add(tu_buf_t *b, const void *data, size_t n);
int tu_buf_adds(tu_buf_t *b, const char *s);
int tu_buf_addc(tu_buf_t *b, char c);
/* Append as much of DATA as fits under the maximum, cut at a UTF-8
 * character boundary, setting b->truncated when something was left out
 * (for extracted text: keep what fits).  -1 only when memory ran out. */
int tu_buf_add_cut(tu_buf_t *b, const void *data, size_t n);
/* The last byte, or 0 if the buffer is empty. */
char tu_buf_last(const tu_buf_t *b);
int tu_buf_printf(tu_buf_t *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Take the content (malloc'd, caller frees; "" if empty, NULL if the buffer
 * failed) and reset the buffer. */
char *tu_buf_take(tu_buf_t *b, size_t *len);
void tu_buf_free(tu_buf_t *b);
void tu_buf_reset(tu_buf_t *b);

#endif
