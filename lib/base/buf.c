/* Growing bounded buffers: see tu_buf.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/tu_buf.h"
#include "base/tu_utf8.h"

void tu_buf_init(tu_buf_t *b, size_t max)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->max = max;
    b->failed = 0;
    b->truncated = 0;
}

static int grow(tu_buf_t *b, size_t need)
{
    if (b->failed)
        return -1;
    if (need > b->max || need < b->len) {
        b->failed = 1;
        return -1;
    }
    if (need + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need + 1)
        cap *= 2;
    if (cap > b->max + 1)
        cap = b->max + 1;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

int tu_buf_add(tu_buf_t *b, const void *data, size_t n)
{
    if (grow(b, b->len + n) != 0)
        return -1;
    if (n)
        memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

int tu_buf_add_cut(tu_buf_t *b, const void *data, size_t n)
{
    const unsigned char *s = data;
    if (n > b->max - b->len) {
        /* not inside a UTF-8 sequence */
        n = tu_utf8_floor(data, n, b->max - b->len);
        b->truncated = 1;
    }
    if (n == 0 && b->p)
        return b->failed ? -1 : 0;
    return tu_buf_add(b, s, n);
}

char tu_buf_last(const tu_buf_t *b)
{
    return b->len ? b->p[b->len - 1] : '\0';
}

int tu_buf_adds(tu_buf_t *b, const char *s)
{
    return tu_buf_add(b, s, strlen(s));
}

int tu_buf_addc(tu_buf_t *b, char c)
{
    return tu_buf_add(b, &c, 1);
}

int tu_buf_printf(tu_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return -1;
    }
    if ((size_t)n < sizeof small)
        return tu_buf_add(b, small, (size_t)n);
    if (grow(b, b->len + (size_t)n) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *tu_buf_take(tu_buf_t *b, size_t *len)
{
    char *p = b->p;
    if (p && !b->failed)
        p[b->len] = '\0';  /* callers may have shortened len */
    if (b->failed) {
        free(p);
        p = NULL;
    } else if (!p) {
        p = calloc(1, 1);
    }
    if (len)
        *len = p ? b->len : 0;
    b->p = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
    b->truncated = 0;
    return p;
}

void tu_buf_free(tu_buf_t *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

void tu_buf_reset(tu_buf_t *b)
{
    b->len = 0;
    b->failed = 0;
    b->truncated = 0;
    if (b->p)
        b->p[0] = '\0';
}
