/* A growing byte buffer with a hard maximum size. */
#include "tu_textbuf.h"

#include <stdlib.h>
#include <string.h>

void tu_textbuf_init(tu_textbuf_t *b, size_t max)
{
    memset(b, 0, sizeof *b);
    b->max = max;
}

static int grow(tu_textbuf_t *b, size_t need)
{
    if (need + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need + 1)
        cap = cap > ((size_t)-1) / 2 ? need + 1 : cap * 2;
    if (cap > b->max + 1)
        cap = b->max + 1;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

int tu_textbuf_append(tu_textbuf_t *b, const char *s, size_t n)
{
    if (n > b->max - b->len) {
        /* Cut at a UTF-8 character boundary, not inside a sequence. */
        n = b->max - b->len;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        b->truncated = 1;
    }
    if (grow(b, b->len + n) != 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int tu_textbuf_putc(tu_textbuf_t *b, char c)
{
    return tu_textbuf_append(b, &c, 1);
}

char tu_textbuf_last(const tu_textbuf_t *b)
{
    return b->len ? b->data[b->len - 1] : '\0';
}

char *tu_textbuf_take(tu_textbuf_t *b, size_t *len)
{
    if (!b->data && grow(b, 0) != 0)
        return NULL;
    b->data[b->len] = '\0';
    char *p = b->data;
    if (len)
        *len = b->len;
    size_t max = b->max;
    tu_textbuf_init(b, max);
    return p;
}

void tu_textbuf_free(tu_textbuf_t *b)
{
    free(b->data);
    tu_textbuf_init(b, b->max);
}
