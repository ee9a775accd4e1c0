/* cgi_mark: escaped text with highlight spans (see cgi_mark.h). */
#include "cgi_mark.h"
#include "render/tu_html.h"

#include <stdlib.h>
#include <string.h>

#define ADD(s) tu_buf_adds(b, (s))

static int span_cmp(const void *a, const void *b)
{
    const tracuu_span_t *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Move OFF forward past UTF-8 continuation bytes. */
static size_t char_end(const char *s, size_t n, size_t off)
{
    while (off < n && ((unsigned char)s[off] & 0xC0) == 0x80)
        off++;
    return off;
}

/* 1 if S[FROM..TO) is one to three spaces: matches separated only by that
 * ("Dân vận khéo") are shown as one mark. */
static int spaces_only(const char *s, size_t n, size_t from, size_t to)
{
    if (to <= from || to - from > 3 || to > n)
        return 0;
    for (size_t k = from; k < to; k++)
        if (s[k] != ' ')
            return 0;
    return 1;
}

int cgi_html_marked(tu_buf_t *b, const char *s, size_t n,
                    const tracuu_span_t *hl, size_t nhl)
{
    tracuu_span_t *sp = NULL;
    if (nhl) {
        sp = malloc(nhl * sizeof *sp);
        if (!sp) {
            b->failed = 1;
            return -1;
        }
        memcpy(sp, hl, nhl * sizeof *sp);
        qsort(sp, nhl, sizeof *sp, span_cmp);
    }
    size_t pos = 0;
    for (size_t i = 0; i < nhl; i++) {
        size_t st = sp[i].start, en;
        if (st >= n)
            break;
        en = sp[i].len > n - st ? n : st + sp[i].len;
        /* merge the following spans that overlap or touch this one */
        while (i + 1 < nhl && (sp[i + 1].start <= en ||
                               spaces_only(s, n, en, sp[i + 1].start))) {
            size_t e2 = sp[i + 1].start >= n ? n :
                (sp[i + 1].len > n - sp[i + 1].start ? n :
                 sp[i + 1].start + sp[i + 1].len);
            if (e2 > en)
                en = e2;
            i++;
        }
        if (st < pos)
            st = pos;
        st = char_end(s, n, st);
        en = char_end(s, n, en);
        if (en <= st)
            continue;
        tu_html_escape(b, s + pos, st - pos);
        ADD("<mark>");
        tu_html_escape(b, s + st, en - st);
        ADD("</mark>");
        pos = en;
    }
    free(sp);
    return tu_html_escape(b, s + pos, n - pos);
}

