/* Document data records: see tu_docdata.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "index/tu_docdata.h"

enum { T_PATH = 'p', T_TITLE = 't', T_DATE = 'd', T_FORMAT = 'f',
       T_ENCODING = 'e', T_TEXT = 'x', T_REF = 'r', T_MODEL = 'm',
       T_TEXT_TOTAL = 'n' };

static int put(tu_buf_t *b, int tag, const char *s, size_t n)
{
    unsigned char hdr[11];
    size_t h = 0;
    hdr[h++] = (unsigned char)tag;
    uint64_t v = n;
    do {
        unsigned char c = v & 0x7f;
        v >>= 7;
        hdr[h++] = c | (v ? 0x80 : 0);
    } while (v);
    if (tu_buf_add(b, hdr, h) != 0)
        return -1;
    return tu_buf_add(b, s ? s : "", s ? n : 0);
}

static int puts_(tu_buf_t *b, int tag, const char *s)
{
    return put(b, tag, s, s ? strlen(s) : 0);
}

int tu_docdata_write(const tu_docdata_t *d, tu_buf_t *b)
{
    puts_(b, T_PATH, d->path);
    puts_(b, T_TITLE, d->title);
    puts_(b, T_DATE, d->date);
    puts_(b, T_FORMAT, d->format);
    puts_(b, T_ENCODING, d->encoding);
    for (size_t i = 0; i < d->n_refs; i++)
        puts_(b, T_REF, d->refs[i]);
    for (size_t i = 0; i < d->n_models; i++)
        puts_(b, T_MODEL, d->models[i]);
    if (d->text_total > d->text_len) {
        char num[24];
        int n = snprintf(num, sizeof num, "%zu", d->text_total);
        put(b, T_TEXT_TOTAL, num, (size_t)n);
    }
    put(b, T_TEXT, d->text, d->text_len);
    return b->failed ? -1 : 0;
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static int push(char ***list, size_t *n, const char *s, size_t len)
{
    char **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l)
        return -1;
    *list = l;
    if (!(l[*n] = dup_n(s, len)))
        return -1;
    (*n)++;
    return 0;
}

static int set(char **field, const char *s, size_t n)
{
    free(*field);
    *field = dup_n(s, n);
    return *field ? 0 : -1;
}

int tu_docdata_read(const char *data, size_t len, int want_text,
                    tu_docdata_t *d)
{
    memset(d, 0, sizeof *d);
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    int rc = 0;
    while (p < end && rc == 0) {
        int tag = *p++;
        uint64_t n = 0;
        unsigned shift = 0;
        for (;;) {
            if (p >= end || shift > 56) {
                rc = -1;
                break;
            }
            unsigned char c = *p++;
            n |= (uint64_t)(c & 0x7f) << shift;
            shift += 7;
            if (!(c & 0x80))
                break;
        }
        if (rc || n > (uint64_t)(end - p)) {
            rc = -1;
            break;
        }
        const char *s = (const char *)p;
        switch (tag) {
        case T_PATH: rc = set(&d->path, s, n); break;
        case T_TITLE: rc = set(&d->title, s, n); break;
        case T_DATE: rc = set(&d->date, s, n); break;
        case T_FORMAT: rc = set(&d->format, s, n); break;
        case T_ENCODING: rc = set(&d->encoding, s, n); break;
        case T_REF: rc = push(&d->refs, &d->n_refs, s, n); break;
        case T_MODEL: rc = push(&d->models, &d->n_models, s, n); break;
        case T_TEXT_TOTAL: {
            size_t v = 0;
            for (uint64_t i = 0; i < n && i < 20; i++)
                if (s[i] >= '0' && s[i] <= '9')
                    v = v * 10 + (size_t)(s[i] - '0');
            d->text_total = v;
            break;
        }
        case T_TEXT:
            if (want_text) {
                rc = set(&d->text, s, n);
                d->text_len = n;
            }
            break;
        default: break;
        }
        p += n;
    }
    char **fields[] = {&d->path, &d->title, &d->date, &d->format,
                       &d->encoding, &d->text};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && rc == 0; i++)
        if (!*fields[i] && !(*fields[i] = calloc(1, 1)))
            rc = -1;
    if (rc != 0)
        tu_docdata_clear(d);
    return rc;
}

void tu_docdata_clear(tu_docdata_t *d)
{
    free(d->path);
    free(d->title);
    free(d->date);
    free(d->format);
    free(d->encoding);
    free(d->text);
    for (size_t i = 0; i < d->n_refs; i++)
        free(d->refs[i]);
    free(d->refs);
    for (size_t i = 0; i < d->n_models; i++)
        free(d->models[i]);
    free(d->models);
    memset(d, 0, sizeof *d);
}
