/* tracuu internal: a growing byte buffer with a hard maximum size.
 * Appending past the maximum keeps what fits (cut at a UTF-8 character
 * boundary) and sets `truncated`; bad
 * input can never make it grow beyond MAX bytes (plus the NUL). */
#ifndef TU_TEXTBUF_H
#define TU_TEXTBUF_H

#include <stddef.h>

typedef struct {
    char *data;       /* malloc'd, NUL-terminated when not NULL */
    size_t len;
    size_t cap;       /* allocated bytes, including room for the NUL */
    size_t max;       /* largest len allowed */
    int truncated;    /* 1 once an append did not fit */
    int oom;          /* 1 once an allocation failed */
} tu_textbuf_t;

/* Start an empty buffer that holds at most MAX bytes. */
void tu_textbuf_init(tu_textbuf_t *b, size_t max);

/* Append N bytes of S (as much as fits under the maximum).  Returns 0, or
 * -1 when memory ran out (the buffer keeps what it had). */
int tu_textbuf_append(tu_textbuf_t *b, const char *s, size_t n);
int tu_textbuf_putc(tu_textbuf_t *b, char c);

/* The last byte, or 0 if the buffer is empty. */
char tu_textbuf_last(const tu_textbuf_t *b);

/* Hand the contents to the caller (malloc'd, NUL-terminated, never NULL
 * unless memory ran out) and reset B.  *LEN gets the length. */
char *tu_textbuf_take(tu_textbuf_t *b, size_t *len);

/* Free the contents; B may be reused after tu_textbuf_init. */
void tu_textbuf_free(tu_textbuf_t *b);

#endif
