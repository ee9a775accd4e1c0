/* Helpers every extractor shares: messages, reading a file whole,
 * decoding into UTF-8, squeezing titles.  See tu_extract_util.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "extract/tu_extract_util.h"
#include "tracuu/encoding.h"

void tu_extract_errf(char **errmsg, const char *fmt, ...)
{
    if (!errmsg)
        return;
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    free(*errmsg);
    *errmsg = strdup(tmp);
}

void tu_extract_warnf(tracuu_extract_t *x, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    size_t old = x->warning ? strlen(x->warning) : 0;
    size_t add = strlen(tmp);
    char *w = realloc(x->warning, old + (old ? 2 : 0) + add + 1);
    if (!w)
        return;   /* a warning is not worth failing for */
    if (old)
        memcpy(w + old, "; ", 2), old += 2;
    memcpy(w + old, tmp, add + 1);
    x->warning = w;
}

tracuu_status_t tu_extract_read_all(const tu_extract_src_t *src, size_t max,
                                    char **buf, size_t *n, char **errmsg)
{
    size_t want = src->size < max ? src->size : max;
    char *b = malloc(want + 1);
    if (!b) {
        tu_extract_errf(errmsg, "out of memory reading %zu bytes", want);
        return TRACUU_ERR_NOMEM;
    }
    size_t got = 0;
    while (got < want) {
        ssize_t r = pread(src->fd, b + got, want - got, (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            tu_extract_errf(errmsg, "read: %s", strerror(errno));
            free(b);
            return TRACUU_ERR_IO;
        }
        if (r == 0)
            break;   /* shrank since fstat: take what is there */
        got += (size_t)r;
    }
    b[got] = '\0';
    *buf = b;
    *n = got;
    return TRACUU_OK;
}

tracuu_status_t tu_extract_decode_into(const char *bytes, size_t n,
                                       const char *hint,
                                       const tracuu_extract_opts_t *opts,
                                       tracuu_extract_t *x, char **errmsg)
{
    char *out = NULL;
    size_t len = 0, bad = 0;
    const char *enc = NULL;
    tracuu_status_t st = tracuu_decode(bytes, n, hint, opts->force_encoding,
                                       &out, &len, &enc, &bad);
    if (st != TRACUU_OK) {
        free(out);
        if (st == TRACUU_ERR_INVALID_ARG)
            tu_extract_errf(errmsg, "unknown encoding \"%s\"",
                            opts->force_encoding ? opts->force_encoding : "");
        else
            tu_extract_errf(errmsg, "cannot decode the text: %s",
                            tracuu_status_to_string(st));
        return st;
    }
    free(x->text);
    x->text = out;
    x->len = len;
    x->encoding = enc;
    x->n_invalid += bad;
    if (bad > 0) {
        /* The first U+FFFD in the output is where decoding first failed. */
        const char *f = out ? strstr(out, "\xEF\xBF\xBD") : NULL;
        int utf8 = enc && strcmp(enc, "UTF-8") == 0;
        if (f)
            tu_extract_warnf(x, "invalid %s: %zu sequence%s replaced "
                             "(first at byte %zu%s)", enc ? enc : "text",
                             bad, bad == 1 ? "" : "s", (size_t)(f - out),
                             utf8 ? "" : " of the UTF-8 text");
        else
            tu_extract_warnf(x, "invalid %s: %zu sequence%s replaced",
                             enc ? enc : "text", bad, bad == 1 ? "" : "s");
    }
    return TRACUU_OK;
}

char *tu_extract_squeeze(char *s)
{
    if (!s)
        return s;
    char *w = s;
    int space = 1;   /* drops leading white space */
    for (const char *r = s; *r; r++) {
        unsigned char c = (unsigned char)*r;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v') {
            if (!space)
                *w++ = ' ';
            space = 1;
        } else {
            *w++ = (char)c;
            space = 0;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
    return s;
}
