/* Highlighting and snippets: see tu_snippet.h. */
#include <stdlib.h>
#include <string.h>
#include "search/tu_snippet.h"
#include "base/tu_buf.h"
#include "tracuu/normalize.h"
#include "tracuu/tokenize.h"
#include "text/tu_unicode.h"

#define SCAN_MAX ((size_t)4 << 20)   /* look for matches in the first 4 MiB */

typedef struct {
    char *const *terms;
    size_t n_terms;
    tracuu_span_t *spans;
    size_t n, cap;
    size_t covered_to;   /* end of the last matched compound */
    unsigned *which;     /* term index of each span (for distinctness) */
    int failed;
    tracuu_token_cb watch;
    void *watch_ctx;
    unsigned char first[256];   /* first bytes of the terms */
} hl_ctx_t;

static int match_term(const hl_ctx_t *c, const char *key, size_t kl)
{
    for (size_t i = 0; i < c->n_terms; i++) {
        if (c->terms[i][0] != key[0])   /* first byte first: long queries */
            continue;
        size_t tl = strlen(c->terms[i]);
        if (tl == kl && memcmp(c->terms[i], key, kl) == 0)
            return (int)i;
        /* "tr*": a prefix typed with a star matches every word so starting */
        if (tl > 1 && c->terms[i][tl - 1] == '*' && kl >= tl - 1 &&
            memcmp(c->terms[i], key, tl - 1) == 0)
            return (int)i;
    }
    return -1;
}

static int hl_cb(const tracuu_token_t *t, void *ctx)
{
    hl_ctx_t *c = ctx;
    if (c->watch)
        c->watch(t, c->watch_ctx);
    if (t->offset < c->covered_to)
        return 0;  /* a part of a compound already matched whole */
    int f = tu_uni_fold_first(t->s, t->len);
    if (f >= 0 && !c->first[f])
        return 0;  /* no term starts so: not worth folding */
    char key[4 * TRACUU_TOK_MAX_BYTES + 8];
    int kl = tracuu_norm_fold(t->s, t->len, key, sizeof key);
    if (kl <= 0)
        return 0;
    int w = match_term(c, key, (size_t)kl);
    if (w < 0)
        return 0;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        tracuu_span_t *s = realloc(c->spans, cap * sizeof *s);
        unsigned *wh = realloc(c->which, cap * sizeof *wh);
        if (s)
            c->spans = s;
        if (wh)
            c->which = wh;
        if (!s || !wh) {
            c->failed = 1;
            return 1;
        }
        c->cap = cap;
    }
    c->spans[c->n].start = t->offset;
    c->spans[c->n].len = t->len;
    c->which[c->n] = (unsigned)w;
    c->n++;
    if (t->flags & TRACUU_TOK_COMPOUND)
        c->covered_to = t->offset + t->len;
    return 0;
}

static int find(const char *text, size_t len, char *const *terms,
                size_t n_terms, hl_ctx_t *c, tracuu_token_cb watch,
                void *watch_ctx)
{
    memset(c, 0, sizeof *c);
    c->terms = terms;
    c->n_terms = n_terms;
    c->watch = watch;
    c->watch_ctx = watch_ctx;
    for (size_t i = 0; i < n_terms; i++)
        c->first[(unsigned char)terms[i][0]] = 1;
    if (n_terms || watch)
        tracuu_tokenize(text, len, 0, hl_cb, c);
    if (c->failed) {
        free(c->spans);
        free(c->which);
        return -1;
    }
    return 0;
}

int tu_highlight(const char *text, size_t len, char *const *terms,
                 size_t n_terms, tracuu_span_t **spans, size_t *n_spans)
{
    hl_ctx_t c;
    if (find(text, len, terms, n_terms, &c, NULL, NULL) != 0)
        return -1;
    free(c.which);
    *spans = c.spans;
    *n_spans = c.n;
    return 0;
}

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
           c == '\v';
}

int tu_snippet(const char *text, size_t len, char *const *terms,
               size_t n_terms, size_t max, char **snippet,
               tracuu_span_t **spans, size_t *n_spans,
               tracuu_token_cb watch, void *watch_ctx)
{
    hl_ctx_t c;
    *snippet = NULL;
    *spans = NULL;
    *n_spans = 0;
    if (find(text, len < SCAN_MAX ? len : SCAN_MAX, terms, n_terms, &c, watch,
             watch_ctx) != 0)
        return -1;
    /* The window of MAX bytes holding the most distinct terms, then the
     * most matches. */
    size_t best = 0, best_distinct = 0, best_count = 0;
    size_t lead = max / 8, span = max - lead - 8;  /* context before; matches */
    unsigned char seen[64];
    for (size_t i = 0; i < c.n; i++) {
        memset(seen, 0, sizeof seen);
        size_t distinct = 0, count = 0;
        for (size_t j = i; j < c.n && c.spans[j].start + c.spans[j].len <=
                                          c.spans[i].start + span; j++) {
            unsigned w = c.which[j] % 64;
            if (!seen[w]) {
                seen[w] = 1;
                distinct++;
            }
            count++;
        }
        if (distinct > best_distinct ||
            (distinct == best_distinct && count > best_count)) {
            best = i;
            best_distinct = distinct;
            best_count = count;
        }
    }
    size_t start = 0;
    if (c.n) {
        /* some context before the first match */
        size_t s = c.spans[best].start;
        start = s > lead ? s - lead : 0;
        while (start > 0 && start < s && !is_ws((unsigned char)text[start - 1]))
            start++;  /* begin at a word */
        if (start > s)
            start = s;
    }
    size_t end = start + max < len ? start + max : len;
    while (end < len && is_cont((unsigned char)text[end]))
        end++;
    if (end < len) {  /* end at a word boundary if one is near */
        size_t e = end;
        while (e > start && !is_ws((unsigned char)text[e - 1]) && end - e < 24)
            e--;
        if (e > start && is_ws((unsigned char)text[e - 1]))
            end = e;
    }
    while (start < end && is_ws((unsigned char)text[start]))
        start++;
    tu_buf_t b;
    tu_buf_init(&b, max * 2 + 64);
    if (start > 0)
        tu_buf_adds(&b, "\xE2\x80\xA6");
    tracuu_span_t *out = c.n ? malloc(c.n * sizeof *out) : NULL;
    size_t n_out = 0, k = 0;
    while (k < c.n && c.spans[k].start < start)
        k++;
    int in_ws = 0;
    for (size_t i = start; i < end; i++) {
        if (k < c.n && c.spans[k].start == i && c.spans[k].start + c.spans[k].len <= end &&
            out) {
            out[n_out].start = b.len;
            out[n_out].len = c.spans[k].len;
            n_out++;
            tu_buf_add(&b, text + i, c.spans[k].len);
            i += c.spans[k].len - 1;
            k++;
            in_ws = 0;
            continue;
        }
        while (k < c.n && c.spans[k].start <= i)
            k++;
        unsigned char ch = (unsigned char)text[i];
        if (is_ws(ch)) {
            if (!in_ws)
                tu_buf_addc(&b, ' ');
            in_ws = 1;
        } else {
            tu_buf_addc(&b, (char)ch);
            in_ws = 0;
        }
    }
    while (b.len > 0 && b.p[b.len - 1] == ' ')
        b.p[--b.len] = '\0';
    if (end < len)
        tu_buf_adds(&b, "\xE2\x80\xA6");
    free(c.spans);
    free(c.which);
    *snippet = tu_buf_take(&b, NULL);
    if (!*snippet || (c.n && !out)) {
        free(*snippet);
        free(out);
        *snippet = NULL;
        return -1;
    }
    *spans = out;
    *n_spans = n_out;
    return 0;
}
