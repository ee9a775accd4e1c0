/* The query parser: see tu_query.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search/tu_query.h"
#include "search/tu_qterm.h"
#include "search/tu_numquery.h"
#include "search/tu_partial.h"
#include "base/tu_buf.h"
#include "index/tu_synonyms.h"
#include "index/tu_indexdoc.h"
#include "tracuu/meta.h"
#include "tracuu/normalize.h"
#include "tracuu/schema.h"
#include "tracuu/search.h"
#include "tracuu/tokenize.h"

#define MAX_DEPTH 32
#define MAX_NODES 256
#define KEY_MAX 256

enum { L_END, L_LPAREN, L_RPAREN, L_WORD, L_PHRASE, L_AND, L_OR, L_NOT, L_NEAR };

typedef struct {
    int kind;
    const char *s;     /* the raw text of a word or phrase content */
    size_t n;
    size_t at;         /* byte offset in the query, for messages */
    int neg;           /* "-" before it */
    unsigned gap;      /* L_NEAR: words allowed between */
    int plus;          /* "+" before it: never dropped by partial matching */
} lexeme_t;

typedef struct {
    tracuu_db_t *db;
    const char *text;
    size_t len, pos;
    lexeme_t cur;
    int have_cur;
    int depth, nodes;
    char *err;
    tu_parsed_t *out;
    int in_neg;        /* under NOT: terms are not highlighted */
    int saw_and;       /* an explicit AND: every word is required */
    int whole;         /* searched over the whole archive (tu_query_parse_whole) */
    int in_or;         /* in the second or a later branch of a top-level OR */
} parser_t;

/* ------------------------------------------------------------- lexing */

static size_t char_index(const char *s, size_t byte)
{
    size_t n = 1;  /* 1-based character position */
    for (size_t i = 0; i < byte; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static void fail(parser_t *p, size_t at, const char *what)
{
    if (p->err)
        return;
    char msg[256];
    snprintf(msg, sizeof msg, "%s (at character %zu)", what,
             char_index(p->text, at));
    p->err = strdup(msg);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Quote characters: " and the curly “ ” (E2 80 9C / 9D). */
static size_t quote_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '"')
        return 1;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D))
        return 3;
    return 0;
}

static int is_break(const char *s, size_t n)
{
    return is_space((unsigned char)s[0]) || s[0] == '(' || s[0] == ')' ||
           quote_len(s, n);
}

/* Scan a quoted phrase starting at p->pos (on the opening quote). */
static int scan_phrase(parser_t *p, lexeme_t *lx)
{
    size_t q = quote_len(p->text + p->pos, p->len - p->pos);
    size_t start = p->pos + q, i = start;
    while (i < p->len && !quote_len(p->text + i, p->len - i))
        i++;
    if (i >= p->len) {
        fail(p, p->pos, "unterminated quote: add the closing \"");
        return -1;
    }
    lx->kind = L_PHRASE;
    lx->s = p->text + start;
    lx->n = i - start;
    p->pos = i + quote_len(p->text + i, p->len - i);
    return 0;
}

static int lex(parser_t *p, lexeme_t *lx)
{
    memset(lx, 0, sizeof *lx);
    while (p->pos < p->len && is_space((unsigned char)p->text[p->pos]))
        p->pos++;
    lx->at = p->pos;
    if (p->pos >= p->len) {
        lx->kind = L_END;
        return 0;
    }
    const char *s = p->text + p->pos;
    size_t left = p->len - p->pos;
    if (*s == '(') { p->pos++; lx->kind = L_LPAREN; return 0; }
    if (*s == ')') { p->pos++; lx->kind = L_RPAREN; return 0; }
    if ((*s == '-' || *s == '+') && left > 1 && !is_space((unsigned char)s[1]) &&
        s[1] != ')') {
        lx->neg = *s == '-';
        lx->plus = *s == '+';
        p->pos++;
        s++;
        left--;
        if (s[0] == '(') {
            /* -( ... ): a negated group */
            p->pos++;
            lx->kind = L_LPAREN;
            return 0;
        }
    }
    if (quote_len(s, left))
        return scan_phrase(p, lx);
    size_t i = 0;
    while (i < left && !is_break(s + i, left - i))
        i++;
    /* field:"phrase" keeps the phrase as the field's value */
    if (i > 0 && s[i - 1] == ':' && i < left && quote_len(s + i, left - i)) {
        size_t q = quote_len(s + i, left - i), j = i + q;
        while (j < left && !quote_len(s + j, left - j))
            j++;
        if (j >= left) {
            fail(p, p->pos + i, "unterminated quote: add the closing \"");
            return -1;
        }
        i = j + quote_len(s + j, left - j);
    }
    lx->s = s;
    lx->n = i;
    p->pos += i;
    lx->kind = L_WORD;
    if (!lx->neg) {
        if (i == 3 && memcmp(s, "AND", 3) == 0) lx->kind = L_AND;
        else if (i == 2 && memcmp(s, "OR", 2) == 0) lx->kind = L_OR;
        else if (i == 3 && memcmp(s, "NOT", 3) == 0) lx->kind = L_NOT;
        else {
            int nr = tu_near_operator(s, i, &lx->gap);
            if (nr < 0) {
                fail(p, lx->at, "NEAR/n wants a number of words from 0 to 50, e.g. NEAR/5");
                return -1;
            }
            if (nr > 0)
                lx->kind = L_NEAR;
        }
    }
    return 0;
}

static lexeme_t *peek(parser_t *p)
{
    if (!p->have_cur) {
        if (lex(p, &p->cur) != 0)
            p->cur.kind = L_END;
        p->have_cur = 1;
    }
    return &p->cur;
}

static void next(parser_t *p)
{
    p->have_cur = 0;
}

/* ------------------------------------------------------ term building */

static int add_str(char ***list, size_t *n, const char *s, size_t len)
{
    for (size_t i = 0; i < *n; i++)
        if (strlen((*list)[i]) == len && memcmp((*list)[i], s, len) == 0)
            return 0;
    char **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l)
        return -1;
    *list = l;
    if (!(l[*n] = strndup(s, len)))
        return -1;
    (*n)++;
    return 0;
}

typedef struct {
    tracuu_token_t tok[64];
    size_t n;
} toks_t;

static int collect(const tracuu_token_t *t, void *ctx)
{
    toks_t *ts = ctx;
    /* A compound stands for its parts: keep the whole only. */
    if ((t->flags & TRACUU_TOK_PART) && ts->n > 0 &&
        (ts->tok[ts->n - 1].flags & TRACUU_TOK_COMPOUND) &&
        t->offset < ts->tok[ts->n - 1].offset + ts->tok[ts->n - 1].len)
        return 0;
    if (ts->n >= sizeof ts->tok / sizeof ts->tok[0])
        return 1;
    ts->tok[ts->n++] = *t;
    return 0;
}

typedef struct {
    tracuu_query_t *parts[64];
    size_t n;
    const char *prefix;
} parts_t;

static int part_cb(const tracuu_token_t *t, void *ctx)
{
    parts_t *pc = ctx;
    char key[KEY_MAX];
    if (!(t->flags & TRACUU_TOK_PART) || pc->n >= 64)
        return 0;
    int kl = tracuu_norm_fold(t->s, t->len, key, sizeof key);
    if (kl > 0)
        pc->parts[pc->n++] = tu_qterm(pc->prefix, key, (size_t)kl);
    return 0;
}

/* A compound typed alone ("25-NQ/TW", "25-NQ", "2.343") matches the whole
 * compound or its parts in a row, so a part of a document number
 * ("25-NQ" in "25-NQ/TW") is found too.  Takes ownership of WHOLE. */
static tracuu_query_t *compound_query(tracuu_query_t *whole,
                                      const tracuu_token_t *t,
                                      const char *prefix)
{
    parts_t pc = {.n = 0, .prefix = prefix};
    tracuu_tokenize(t->s, t->len, 0, part_cb, &pc);
    if (pc.n < 2) {
        for (size_t i = 0; i < pc.n; i++)
            tracuu_query_free(pc.parts[i]);
        return whole;
    }
    tracuu_query_t *alt[2] = {whole,
                              tracuu_query_combine(TRACUU_OP_PHRASE, pc.parts, pc.n, 0)};
    return tracuu_query_combine(TRACUU_OP_OR, alt, 2, 0);
}

/* The query for the tokens of one word or phrase, under PREFIX ("" for the
 * body, XT for titles).  Marked words add an exact-form boost (body only). */
/* 1 if the token T of the query text is typed with a '*' right after it
 * ("tr*"): a prefix. */
static int starred(const parser_t *p, const tracuu_token_t *t)
{
    return t->s >= p->text && t->s + t->len < p->text + p->len &&
           t->s[t->len] == '*';
}

/* A prefix token "tr*" of TOKENS_QUERY: its expansion (an OR of terms when
 * POSITIONAL) into FOLD, its exact-form boost into EXACT. */
static void prefix_token(parser_t *p, const tracuu_token_t *t, const char *key,
                         size_t kl, const char *prefix, int positional,
                         tracuu_query_t **fold, size_t *nf,
                         tracuu_query_t **exact, size_t *ne)
{
    char *err = NULL;
    tracuu_query_t *q = tu_wildcard_query(p->db, prefix, key, kl, positional,
                                          t->s, t->len, &err);
    if (!q) {
        fail(p, (size_t)(t->s - p->text), err ? err : "out of memory");
        free(err);
        return;
    }
    fold[(*nf)++] = q;
    if (!p->in_neg) {
        char hk[KEY_MAX + 2];
        memcpy(hk, key, kl);
        hk[kl] = '*';
        add_str(&p->out->hl, &p->out->n_hl, hk, kl + 1);
    }
    if (!*prefix && tracuu_has_marks(t->s, t->len)) {
        char ek[KEY_MAX];
        int el = tracuu_norm_exact(t->s, t->len, ek, sizeof ek);
        if (el > 0)
            exact[(*ne)++] = tu_wildcard_exact(ek, (size_t)el);
    }
}

/* TOKENS_QUERY in two parts: the words (a term, a compound's
 * alternatives, or the phrase), returned, and the accent-exact boost of the
 * marked words into *BOOST (NULL if none).
 *
 * INSIDE: a phrase carries its boost itself, as an alternative of its first
 * marked word: "(chuyen OR (XAchuyển AND XAđổi AND XAsố)) PHRASE doi
 * PHRASE so".  The same matches (the XA terms have no positions: the word's
 * positions are the term's) and the same weight (the phrase's, plus the
 * boost's where every exact form is found), but where the phrase only adds
 * weight (an AND_MAYBE's right-hand side) Xapian checks it document by
 * document, whereas "phrase AND_MAYBE boost" there is moved along on its
 * own: the phrase tried on every document holding its words, until it is
 * found. */
static tracuu_query_t *tokens_parts(parser_t *p, const toks_t *ts,
                                    const char *prefix, int inside,
                                    tracuu_query_t **boost)
{
    tracuu_query_t *fold[64], *exact[64];
    size_t nf = 0, ne = 0, marked = 0;
    char key[KEY_MAX];
    for (size_t i = 0; i < ts->n; i++) {
        const tracuu_token_t *t = &ts->tok[i];
        int kl = tracuu_norm_fold(t->s, t->len, key, sizeof key);
        if (kl <= 0)
            continue;
        size_t ne0 = ne;
        if (starred(p, t)) {
            prefix_token(p, t, key, (size_t)kl, prefix, ts->n > 1, fold, &nf,
                         exact, &ne);
        } else {
            fold[nf++] = tu_qterm_word(prefix, t, key, (size_t)kl);
            if (!p->in_neg)
                add_str(&p->out->hl, &p->out->n_hl, key, (size_t)kl);
            if (!*prefix && tracuu_has_marks(t->s, t->len)) {
                int el = tracuu_norm_exact(t->s, t->len, key, sizeof key);
                if (el > 0)
                    exact[ne++] = tu_qterm(TU_PREFIX_EXACT, key, (size_t)el);
            }
        }
        if (ne0 == 0 && ne > 0)
            marked = nf - 1;
    }
    *boost = NULL;
    if (nf == 0) {
        for (size_t i = 0; i < ne; i++)
            tracuu_query_free(exact[i]);
        return NULL;
    }
    tracuu_query_t *ex = NULL;
    if (ne > 0)
        ex = ne == 1 ? exact[0] : tracuu_query_combine(TRACUU_OP_AND, exact, ne, 0);
    if (ex && inside && nf > 1) {
        tracuu_query_t *alt[2] = {fold[marked], ex};
        fold[marked] = tracuu_query_combine(TRACUU_OP_OR, alt, 2, 0);
        ex = NULL;
    }
    tracuu_query_t *q = nf == 1 ? fold[0]
                                : tracuu_query_combine(TRACUU_OP_PHRASE, fold, nf, 0);
    if (ts->n == 1 && (ts->tok[0].flags & TRACUU_TOK_COMPOUND) &&
        !starred(p, &ts->tok[0]))
        q = compound_query(q, &ts->tok[0], prefix);
    *boost = ex;
    return q;
}

static tracuu_query_t *tokens_query(parser_t *p, const toks_t *ts,
                                    const char *prefix)
{
    tracuu_query_t *boost;
    tracuu_query_t *q = tokens_parts(p, ts, prefix, 0, &boost);
    if (!boost)
        return q;
    tracuu_query_t *pair[2] = {q, boost};
    return tracuu_query_combine(TRACUU_OP_AND_MAYBE, pair, 2, 0);
}

static void tokenize_into(const char *s, size_t n, toks_t *ts)
{
    ts->n = 0;
    tracuu_tokenize(s, n, 0, collect, ts);
}

/* Synonyms of the folded KEY, each as a phrase query, OR'ed into ALT. */
typedef struct {
    parser_t *p;
    tracuu_query_t *alts[16];
    size_t n;
} syn_ctx_t;

static int syn_cb(const char *s, size_t len, void *ctx)
{
    syn_ctx_t *sc = ctx;
    if (sc->n >= sizeof sc->alts / sizeof sc->alts[0])
        return 1;
    toks_t ts;
    tokenize_into(s, len, &ts);
    int save = sc->p->in_neg;
    tracuu_query_t *q = tokens_query(sc->p, &ts, "");
    sc->p->in_neg = save;
    if (q)
        sc->alts[sc->n++] = q;
    return 0;
}

/* The words W[0..N) as typed, each anywhere: AND of their queries. */
static tracuu_query_t *words_as_typed(parser_t *p, const lexeme_t *w, size_t n)
{
    tracuu_query_t *each[8];
    size_t ne = 0;
    for (size_t j = 0; j < n && ne < 8; j++) {
        toks_t ts;
        tokenize_into(w[j].s, w[j].n, &ts);
        tracuu_query_t *one = tokens_query(p, &ts, "");
        if (one)
            each[ne++] = one;
    }
    return ne == 0 ? NULL : tracuu_query_combine(TRACUU_OP_AND, each, ne, 0);
}

/* A citation ("NQ 36", "7-CT/TU", "thông tư 07 2024") at W[0..]: the
 * numbers of the archive it names rank first (tu_numquery.h), the words as
 * typed find the rest.  0 if none (or none in the archive). */
static size_t citation(parser_t *p, const lexeme_t *w, size_t nw,
                       tracuu_query_t **q)
{
    tu_word_t tw[6];
    size_t m = nw < 6 ? nw : 6;
    for (size_t k = 0; k < m; k++) {
        tw[k].s = w[k].s;
        tw[k].n = w[k].n;
    }
    tu_cite_t c;
    size_t used = tu_cite_parse(tw, m, 0, &c);
    if (!used)
        return 0;
    char *keys[TU_CITE_MAX_REFS];
    size_t nk = tu_cite_refs(p->db, &c, keys);
    if (nk == 0)
        return 0;
    for (size_t k = 0; k < nk; k++) {
        if (!p->in_neg)
            add_str(&p->out->hl, &p->out->n_hl, keys[k], strlen(keys[k]));
    }
    tracuu_query_t *alt[2] = {tu_cite_boost(keys, nk), words_as_typed(p, w, used)};
    for (size_t k = 0; k < nk; k++)
        free(keys[k]);
    *q = tracuu_query_combine(TRACUU_OP_OR, alt, 2, 0);
    return used;
}

/* A run of plain words: each word (or run of words forming a synonym key,
 * or a citation) becomes an item; the run's items are returned in IT. */
static size_t words_run(parser_t *p, const lexeme_t *w, size_t nw,
                        tu_item_t *it)
{
    size_t nq = 0;
    for (size_t i = 0; i < nw;) {
        size_t used = 1;
        tracuu_query_t *q = NULL;
        int syn = 0, forced = 0;
        if (p->db && (used = citation(p, w + i, nw - i, &q)) > 0)
            forced = 1;
        else
            used = 1;
        /* Longest synonym key first: up to 4 words. */
        for (size_t k = nw - i < 4 ? nw - i : 4; p->db && k >= 1 && !q; k--) {
            char key[KEY_MAX];
            const char *end = w[i + k - 1].s + w[i + k - 1].n;
            if (tu_syn_key(w[i].s, (size_t)(end - w[i].s), key, sizeof key) <= 0)
                continue;
            syn_ctx_t sc = {.p = p};
            tracuu_db_synonyms(p->db, key, syn_cb, &sc);
            if (sc.n == 0)
                continue;
            /* the words as typed (anywhere, all of them) or the synonym */
            tracuu_query_t *each[4];
            size_t ne = 0;
            for (size_t j = 0; j < k; j++) {
                toks_t ts;
                tokenize_into(w[i + j].s, w[i + j].n, &ts);
                tracuu_query_t *one = tokens_query(p, &ts, "");
                if (one)
                    each[ne++] = one;
            }
            tracuu_query_t *own = ne == 0 ? NULL : ne == 1 ? each[0]
                : tracuu_query_combine(TRACUU_OP_AND, each, ne, 0);
            tracuu_query_t *all[17];
            size_t na = 0;
            if (own)
                all[na++] = own;
            for (size_t j = 0; j < sc.n; j++)
                all[na++] = sc.alts[j];
            q = tracuu_query_combine(TRACUU_OP_OR, all, na, 0);
            used = k;
            syn = 1;
        }
        if (!q) {
            toks_t ts;
            tokenize_into(w[i].s, w[i].n, &ts);
            q = tokens_query(p, &ts, "");
        }
        if (q) {
            tu_item_t *x = &it[nq++];
            memset(x, 0, sizeof *x);
            x->q = q;
            x->s = w[i].s;
            x->n = (size_t)(w[i + used - 1].s + w[i + used - 1].n - w[i].s);
            x->syn = syn;
            x->forced = forced;
            for (size_t k = 0; k < used; k++)
                x->forced |= w[i + k].plus;
        }
        i += used;
    }
    return nq;
}

/* The phrase of two adjacent one-word items (for partial matching). */
static tracuu_query_t *pair_query(parser_t *p, const tu_item_t *a,
                                  const tu_item_t *b)
{
    if (a->syn || b->syn || a->forced || b->forced)
        return NULL;
    toks_t ts, t2;
    tokenize_into(a->s, a->n, &ts);
    tokenize_into(b->s, b->n, &t2);
    for (size_t j = 0; j < t2.n && ts.n < 64; j++)
        ts.tok[ts.n++] = t2.tok[j];
    if (ts.n < 2)
        return NULL;
    int save = p->in_neg;
    p->in_neg = 1;  /* already highlighted */
    tracuu_query_t *q = tokens_query(p, &ts, "");
    p->in_neg = save;
    return q;
}

/* ------------------------------------------------------------ fields */

static int parse_date(const char *s, size_t n, int hi, char out[9])
{
    /* YYYY, YYYY-MM or YYYY-MM-DD -> YYYYMMDD (HI: end of the period). */
    int y = 0, m = hi ? 12 : 1, d = hi ? 31 : 1;
    size_t i = 0;
    for (; i < n && i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        y = y * 10 + (s[i] - '0');
    }
    if (i != 4)
        return -1;
    if (i < n) {
        if (s[i] != '-' || n < i + 3 || s[i + 1] < '0' || s[i + 1] > '9' ||
            s[i + 2] < '0' || s[i + 2] > '9')
            return -1;
        m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        i += 3;
        if (m < 1 || m > 12)
            return -1;
        if (i < n) {
            if (s[i] != '-' || n != i + 3 || s[i + 1] < '0' || s[i + 1] > '9' ||
                s[i + 2] < '0' || s[i + 2] > '9')
                return -1;
            d = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            if (d < 1 || d > 31)
                return -1;
        }
    }
    snprintf(out, 9, "%04u%02u%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return 0;
}

static tracuu_query_t *date_range(parser_t *p, const lexeme_t *lx,
                                  const char *v, size_t n, int years_only)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (v[i] == '.' && v[i + 1] == '.') {
            dots = v + i;
            break;
        }
    char lo[9], hi[9];
    const char *a = v, *b = v;
    size_t an = n, bn = n;
    if (dots) {
        an = (size_t)(dots - v);
        b = dots + 2;
        bn = n - an - 2;
    }
    if ((an && parse_date(a, an, 0, lo) != 0) || (bn && parse_date(b, bn, 1, hi) != 0) ||
        (!an && !bn) || (years_only && ((an && an != 4) || (bn && bn != 4)))) {
        fail(p, lx->at, years_only ? "nam: wants a year or a range of years, e.g. nam:2023 or nam:2021..2023"
                                   : "ngay: wants ISO dates, e.g. ngay:2021-01-01..2022-12-31");
        return NULL;
    }
    if (an && bn && memcmp(lo, hi, 8) > 0) {
        fail(p, lx->at, "date range runs backwards: the first date is after the second");
        return NULL;
    }
    return tracuu_query_scale(tracuu_query_value_range(TU_SLOT_DATE, an ? lo : NULL,
                                                       bn ? hi : NULL), 0);
}

char *tu_field_value_key(const char *field, const char *value, size_t n)
{
    if (strcmp(field, "so") == 0 || strcmp(field, "kyhieu") == 0 ||
        strcmp(field, "trichdan") == 0) {
        tracuu_ref_t r;
        memset(&r, 0, sizeof r);
        if (tracuu_ref_parse(value, n, &r) == TRACUU_OK) {
            char *k = r.key;
            r.key = NULL;
            tracuu_ref_clear(&r);
            return k;
        }
        tracuu_ref_clear(&r);
    } else if (strcmp(field, "mohinh") == 0) {
        return tracuu_model_key(value, n);
    }
    char key[KEY_MAX];
    int kl = tracuu_norm_fold(value, n, key, sizeof key);
    return kl < 0 ? NULL : strndup(key, (size_t)kl);
}

/* thumuc: an absolute folder path (documents anywhere below it) or a folder
 * name (documents below any folder of that name, accents optional).  The
 * value is only compared with index terms: no path reaches the file system. */
static tracuu_query_t *folder_query(parser_t *p, const lexeme_t *lx,
                                    const char *v, size_t n)
{
    while (n > 1 && v[n - 1] == '/')
        n--;
    tracuu_query_t *t = NULL;
    if (memchr(v, '/', n)) {
        if (v[0] != '/') {
            fail(p, lx->at, "thumuc: wants an absolute folder path (thumuc:/srv/luutru) "
                            "or a folder name (thumuc:\"Lâm Hà\")");
            return NULL;
        }
        char *dir = strndup(v, n);
        char uid[TU_UID_MAX + 1];
        if (!dir)
            return NULL;
        size_t l = tu_uid_term(dir, uid);
        free(dir);
        t = tu_qterm(TU_PREFIX_DIR, uid + 1, l - 1);
    } else {
        char key[KEY_MAX];
        int kl = tracuu_norm_fold(v, n, key, sizeof key);
        if (kl <= 0) {
            fail(p, lx->at, "thumuc: needs a folder name or path");
            return NULL;
        }
        t = tu_qterm(TU_PREFIX_DIRNAME, key, (size_t)kl);
    }
    return tracuu_query_scale(t, 0);
}

static tracuu_query_t *field_query(parser_t *p, const lexeme_t *lx,
                                   const tu_field_t *f, const char *v, size_t n)
{
    size_t q = quote_len(v, n);
    if (q) {  /* field:"phrase": drop the quotes */
        v += q;
        n -= q;
        if (n >= 1 && v[n - 1] == '"')
            n -= 1;
        else if (n >= 3 && quote_len(v + n - 3, 3) == 3)
            n -= 3;
    }
    if (n == 0) {
        char msg[96];
        snprintf(msg, sizeof msg, "%s: needs a value after the colon", f->field);
        fail(p, lx->at, msg);
        return NULL;
    }
    p->out->only_words = 0;
    if (f->kind == 0) {  /* title: words or phrase */
        toks_t ts;
        tokenize_into(v, n, &ts);
        tracuu_query_t *tq = tokens_query(p, &ts, f->prefix);
        if (!tq)
            fail(p, lx->at, "title: needs a word after the colon");
        return tq;
    }
    if (f->kind == 3)
        return folder_query(p, lx, v, n);
    if (f->kind == 2 || (strcmp(f->field, "nam") == 0 && memchr(v, '.', n)))
        return date_range(p, lx, v, n, f->kind != 2);
    if (strcmp(f->field, "nam") == 0) {
        if (n != 4 || strspn(v, "0123456789") < 4) {
            fail(p, lx->at, "nam: wants a year, e.g. nam:2023");
            return NULL;
        }
    }
    char *key = tu_field_value_key(f->field, v, n);
    if (!key || !*key) {
        free(key);
        fail(p, lx->at, "field value is not valid text");
        return NULL;
    }
    tracuu_query_t *t = tu_qterm(f->prefix, key, strlen(key));
    if ((strcmp(f->field, "so") == 0 || strcmp(f->field, "trichdan") == 0 ||
         strcmp(f->field, "kyhieu") == 0) && !p->in_neg)
        add_str(&p->out->hl, &p->out->n_hl, key, strlen(key));
    free(key);
    return tracuu_query_scale(t, 0);
}

/* ------------------------------------------------------------ parsing */

typedef struct {
    tracuu_query_t *q;
    int neg;
} node_t;

static node_t parse_or(parser_t *p);

static int starts_term(int kind)
{
    return kind == L_WORD || kind == L_PHRASE || kind == L_LPAREN || kind == L_NOT;
}

/* One word/phrase/field/group; *PLAIN gets 1 for a plain word. */
static node_t parse_primary(parser_t *p, int *plain, int build)
{
    node_t r = {NULL, 0};
    lexeme_t lx = *peek(p);
    *plain = 0;
    if (++p->nodes > MAX_NODES) {
        fail(p, lx.at, "query too complex");
        return r;
    }
    switch (lx.kind) {
    case L_LPAREN: {
        next(p);
        if (++p->depth > MAX_DEPTH) {
            fail(p, lx.at, "parentheses nested too deeply");
            return r;
        }
        int save = p->in_neg;
        p->in_neg |= lx.neg;
        if (peek(p)->kind == L_RPAREN) {
            fail(p, lx.at, "empty parentheses");
            return r;
        }
        r = parse_or(p);
        p->in_neg = save;
        p->depth--;
        if (p->err)
            return r;
        if (peek(p)->kind != L_RPAREN) {
            fail(p, lx.at, "unbalanced parenthesis: add the closing )");
            return r;
        }
        next(p);
        p->out->only_words = 0;
        r.neg ^= lx.neg;
        return r;
    }
    case L_PHRASE: {
        next(p);
        toks_t ts;
        tokenize_into(lx.s, lx.n, &ts);
        int save = p->in_neg;
        p->in_neg |= lx.neg;
        r.q = tokens_query(p, &ts, "");
        p->in_neg = save;
        r.neg = lx.neg;
        p->out->only_words = 0;
        for (size_t i = 0; i < ts.n; i++)
            add_str(&p->out->words, &p->out->n_words, ts.tok[i].s, ts.tok[i].len);
        return r;
    }
    case L_WORD: {
        next(p);
        const char *colon = memchr(lx.s, ':', lx.n);
        if (colon) {
            const tu_field_t *f = tu_field_find(lx.s, (unsigned)(colon - lx.s));
            if (f) {
                int save = p->in_neg;
                p->in_neg |= lx.neg;
                r.q = field_query(p, &lx, f, colon + 1, lx.n - (size_t)(colon - lx.s) - 1);
                p->in_neg = save;
                r.neg = lx.neg;
                return r;
            }
        }
        r.neg = lx.neg;
        *plain = !lx.neg && !build;
        if (lx.neg || build) {
            int save = p->in_neg;
            p->in_neg |= lx.neg;
            toks_t ts;
            tokenize_into(lx.s, lx.n, &ts);
            r.q = tokens_query(p, &ts, "");
            p->in_neg = save;
            p->out->only_words = 0;
        }
        if (tracuu_has_marks(lx.s, lx.n))
            p->out->any_marks = 1;
        return r;  /* plain words are built by the caller, as a run */
    }
    case L_RPAREN:
        fail(p, lx.at, "unbalanced parenthesis: ) without (");
        return r;
    case L_AND: case L_OR:
        fail(p, lx.at, lx.kind == L_AND ? "AND needs a term before and after it"
                                        : "OR needs a term before and after it");
        return r;
    case L_NEAR:
        fail(p, lx.at, "NEAR needs a word or a \"phrase\" on each side");
        return r;
    default:
        fail(p, lx.at, "a term is missing at the end of the query");
        return r;
    }
}

static node_t parse_unary(parser_t *p, int *plain, int build)
{
    lexeme_t lx = *peek(p);
    if (lx.kind == L_NOT) {
        next(p);
        if (!starts_term(peek(p)->kind)) {
            fail(p, lx.at, "NOT needs a term after it");
            return (node_t){NULL, 0};
        }
        int save = p->in_neg;
        p->in_neg = 1;
        int dummy;
        node_t r = parse_unary(p, &dummy, 1);
        p->in_neg = save;
        r.neg ^= 1;
        p->out->only_words = 0;
        *plain = 0;
        return r;
    }
    return parse_primary(p, plain, build);
}

/* "a NEAR b NEAR/3 \"c d\"": FIRST (a word or phrase) and the operands
 * after each NEAR, all within the words allowed.  The operands' own queries
 * (exact-form boosts, a phrase's words in a row) are ANDed with the NEAR of
 * all their words. */
static tracuu_query_t *near_chain(parser_t *p, const lexeme_t *first)
{
    lexeme_t ops[16];
    size_t nops = 0;
    unsigned gap = 0;
    ops[nops++] = *first;
    while (!p->err && peek(p)->kind == L_NEAR) {
        lexeme_t op = *peek(p);
        next(p);
        lexeme_t *r = peek(p);
        if ((r->kind != L_WORD && r->kind != L_PHRASE) || r->neg ||
            (r->kind == L_WORD && memchr(r->s, ':', r->n))) {
            fail(p, op.at, "NEAR needs a word or a \"phrase\" on each side");
            return NULL;
        }
        if (nops == sizeof ops / sizeof ops[0]) {
            fail(p, op.at, "too many NEAR in a row (at most 15)");
            return NULL;
        }
        gap += op.gap;
        ops[nops++] = *r;
        next(p);
    }
    tracuu_query_t *terms[64], *each[17];
    size_t nt = 0, ne = 0;
    for (size_t i = 0; i < nops; i++) {
        toks_t ts;
        tokenize_into(ops[i].s, ops[i].n, &ts);
        for (size_t j = 0; j < ts.n && nt < 64; j++) {
            if (starred(p, &ts.tok[j])) {
                fail(p, (size_t)(ts.tok[j].s - p->text),
                     "a prefix* cannot stand beside NEAR: type the whole word");
                break;
            }
            char key[KEY_MAX];
            int kl = tracuu_norm_fold(ts.tok[j].s, ts.tok[j].len, key, sizeof key);
            if (kl > 0)
                terms[nt++] = tu_qterm_word("", &ts.tok[j], key, (size_t)kl);
        }
        tracuu_query_t *q = p->err ? NULL : tokens_query(p, &ts, "");
        if (q)
            each[ne++] = q;
    }
    p->out->only_words = 0;
    if (p->err) {
        for (size_t i = 0; i < nt; i++)
            tracuu_query_free(terms[i]);
        for (size_t i = 0; i < ne; i++)
            tracuu_query_free(each[i]);
        return NULL;
    }
    if (nt < 2) {  /* nothing to be near: the words alone */
        for (size_t i = 0; i < nt; i++)
            tracuu_query_free(terms[i]);
        return ne ? tracuu_query_combine(TRACUU_OP_AND, each, ne, 0) : NULL;
    }
    each[ne++] = tu_near_query(terms, nt, gap);
    return tracuu_query_combine(TRACUU_OP_AND, each, ne, 0);
}

/* The boosts of a run of unquoted words whose tokens are TS: the run as a
 * phrase, and the run within a few words (nearness).  Added even when the
 * whole run is one abbreviation's expansion ("ủy ban nhân dân" = UBND). */
/* The run TS as a phrase (ranks first; already highlighted), and into *EX
 * the accent-exact boost of its marked words (NULL if none; INSIDE: see
 * tokens_parts). */
static tracuu_query_t *run_phrase(parser_t *p, const toks_t *ts, int inside,
                                  tracuu_query_t **ex)
{
    int save = p->in_neg;
    p->in_neg = 1;  /* already highlighted */
    tracuu_query_t *ph = tokens_parts(p, ts, "", inside, ex);
    p->in_neg = save;
    return ph;
}

/* 1 if the phrase of the run TS is over the very terms of its nearness
 * (run_near): no prefix* and no compound (whose joined form is an
 * alternative), so a document holding the phrase also holds the nearness. */
static int run_plain(const parser_t *p, const toks_t *ts)
{
    for (size_t i = 0; i < ts->n; i++)
        if (starred(p, &ts->tok[i]) || (ts->tok[i].flags & TRACUU_TOK_COMPOUND))
            return 0;
    return 1;
}

/* Q with the boosts of a run (all taken; any may be NULL): the phrase PH
 * with the exact-form boost EX of its marked words, and the nearness NEAR.
 * They weigh after any NOT, so excluded documents cost no position checks;
 * each is the right-hand side of its own AND_MAYBE, which Xapian checks
 * only on the documents of its left.  The weights, so the ranking, are
 * those of Q, the phrase and the nearness added up.
 *
 * NEST (the run is the whole query, over the whole archive: see
 * parse_and): the phrase (its boost inside, tokens_parts) hangs under the
 * nearness.  The nearness is then moved along on its own, through the
 * documents holding the run's words (Q's documents), and the phrase is
 * tried only where the words stand near: a document where they stand
 * apart costs one position check, not two, and "PH AND_MAYBE EX" is never
 * moved along on its own (the phrase tried on every document holding its
 * words until it is found). */
static tracuu_query_t *with_run_boosts(tracuu_query_t *q, tracuu_query_t *ph,
                                       tracuu_query_t *ex, tracuu_query_t *near,
                                       int nest)
{
    if (ex) {
        tracuu_query_t *pair[2] = {ph, ex};
        ph = tracuu_query_combine(TRACUU_OP_AND_MAYBE, pair, 2, 0);
    }
    if (nest && near && ph) {
        tracuu_query_t *in[2] = {near, ph};
        tracuu_query_t *pair[2] = {q, tracuu_query_combine(TRACUU_OP_AND_MAYBE, in, 2, 0)};
        return tracuu_query_combine(TRACUU_OP_AND_MAYBE, pair, 2, 0);
    }
    tracuu_query_t *late[2] = {ph, near};
    for (size_t i = 0; i < 2; i++) {
        tracuu_query_t *pair[2] = {q, late[i]};
        q = late[i] ? tracuu_query_combine(TRACUU_OP_AND_MAYBE, pair, 2, 0) : q;
    }
    return q;
}

/* The run TS within a few words (ranks next): NULL for fewer than 2 words. */
static tracuu_query_t *run_near(parser_t *p, const toks_t *ts)
{
    char keys[64][KEY_MAX];
    char *kp[64];
    size_t nk = 0;
    for (size_t i = 0; i < ts->n && nk < 64; i++) {
        if (starred(p, &ts->tok[i]))
            continue;
        int kl = tracuu_norm_fold(ts->tok[i].s, ts->tok[i].len, keys[nk], KEY_MAX);
        if (kl > 0) {
            kp[nk] = keys[nk];
            nk++;
        }
    }
    return tu_near_boost(kp, nk);
}

/* An AND group: items until OR, ) or the end. */
static node_t parse_and(parser_t *p)
{
    tracuu_query_t *pos[MAX_NODES], *neg[MAX_NODES];
    size_t np = 0, nn = 0;
    lexeme_t run[MAX_NODES];
    size_t nrun = 0;
    node_t r = {NULL, 0};
    int first = 1;
    for (;;) {
        lexeme_t *lx = peek(p);
        if (lx->kind == L_END || lx->kind == L_RPAREN || lx->kind == L_OR)
            break;
        if (lx->kind == L_AND) {
            if (first) {
                fail(p, lx->at, "AND needs a term before and after it");
                break;
            }
            size_t at = lx->at;
            next(p);
            p->saw_and = 1;
            if (!starts_term(peek(p)->kind)) {
                fail(p, at, "AND needs a term before and after it");
                break;
            }
            continue;
        }
        first = 0;
        lexeme_t word = *lx;
        int plain = 0;
        int in_neg_before = p->in_neg;
        node_t it = parse_unary(p, &plain, 0);
        if (p->err) {
            tracuu_query_free(it.q);
            break;
        }
        if (peek(p)->kind == L_NEAR) {
            /* "a NEAR b": the item before is an operand, not a run word */
            if (!(plain || (word.kind == L_PHRASE && !word.neg))) {
                tracuu_query_free(it.q);
                fail(p, peek(p)->at, "NEAR needs a word or a \"phrase\" on each side");
                break;
            }
            tracuu_query_free(it.q);
            p->in_neg = in_neg_before;
            tracuu_query_t *nq = near_chain(p, &word);
            if (p->err) {
                tracuu_query_free(nq);
                break;
            }
            if (nq)
                pos[np++] = nq;
            if (np + nn + nrun >= MAX_NODES - 2) {
                fail(p, word.at, "query too long");
                break;
            }
            continue;
        }
        if (plain) {
            run[nrun++] = word;
            add_str(&p->out->words, &p->out->n_words, word.s, word.n);
            continue;
        }
        p->in_neg = in_neg_before;
        if (it.q) {
            if (it.neg)
                neg[nn++] = it.q;
            else
                pos[np++] = it.q;
        }
        if (np + nn + nrun >= MAX_NODES - 2) {
            fail(p, word.at, "query too long");
            break;
        }
    }
    tracuu_query_t *relaxed = NULL, *near_late = NULL, *ph_late = NULL,
                   *ex_late = NULL;
    /* the top level of a query searched over the whole archive: the
     * phrase's boosts stay the right-hand sides of the top AND_MAYBEs (a
     * filter would merge them into one OR with the words' boosts, where
     * Xapian 1.4 weighs a phrase checked document by document even on a
     * document it does not hold), so the phrase carries its exact-form
     * boost inside (tokens_parts); if the run is the whole query, its
     * phrase hangs under its nearness (with_run_boosts) */
    int inside = p->whole && p->depth == 0 && !p->in_neg && !p->in_or &&
                 !p->err && peek(p)->kind == L_END;
    int nest = inside && np == 0 && nn == 0;
    if (nrun) {
        tu_item_t wq[MAX_NODES];
        size_t nw = words_run(p, run, nrun, wq);
        tracuu_query_t *group = NULL;
        int top = p->depth == 0 && !p->in_neg && !p->err;
        if (nw >= 1) {
            /* all words (question and filler words optional); the run as a
             * phrase ranks first, the run within a few words next; a
             * relaxed query beside for partial matching */
            tracuu_query_t *ph = NULL, *ex = NULL, *near = NULL;
            if (nrun > 1) {
                toks_t ts = {.n = 0};
                for (size_t i = 0; i < nrun && ts.n < 60; i++) {
                    toks_t one;
                    tokenize_into(run[i].s, run[i].n, &one);
                    for (size_t j = 0; j < one.n && ts.n < 60; j++)
                        ts.tok[ts.n++] = one.tok[j];
                }
                nest = nest && run_plain(p, &ts);
                ph = run_phrase(p, &ts, inside, &ex);
                near = run_near(p, &ts);
            }
            tu_partial_mark(p->db, wq, nw);
            if (top && !p->saw_and) {
                for (size_t i = 0; i + 1 < nw; i++)
                    wq[i].pair = pair_query(p, &wq[i], &wq[i + 1]);
                relaxed = tu_partial_relax(wq, nw, &p->out->partial);
            }
            group = tu_partial_strict(wq, nw, NULL);
            /* the phrase and the nearness weigh last, after any NOT
             * (with_run_boosts) */
            if (group) {
                ph_late = ph;
                ex_late = ex;
                near_late = near;
            } else {
                tracuu_query_free(ph);
                tracuu_query_free(ex);
                tracuu_query_free(near);
            }
        }
        if (group)
            pos[np++] = group;
    }
    if (p->err) {
        for (size_t i = 0; i < np; i++)
            tracuu_query_free(pos[i]);
        for (size_t i = 0; i < nn; i++)
            tracuu_query_free(neg[i]);
        tracuu_query_free(relaxed);
        tracuu_query_free(ph_late);
        tracuu_query_free(ex_late);
        tracuu_query_free(near_late);
        return r;
    }
    if (np == 0) {
        tracuu_query_free(relaxed), relaxed = NULL;
        tracuu_query_free(ph_late), ph_late = NULL;
        tracuu_query_free(ex_late), ex_late = NULL;
        tracuu_query_free(near_late), near_late = NULL;
    }
    if (np == 0 && nn == 0)
        return r;
    if (np == 0) {
        /* only negatives: return them as a negated OR; the caller decides */
        r.q = nn == 1 ? neg[0] : tracuu_query_combine(TRACUU_OP_OR, neg, nn, 0);
        r.neg = 1;
        return r;
    }
    if (relaxed && !p->saw_and) {
        /* the relaxed run with the other items as they are */
        tracuu_query_t *rs[MAX_NODES + 1];
        size_t nr = 0;
        rs[nr++] = relaxed;
        for (size_t i = 0; i + 1 < np; i++)   /* pos[np - 1] is the run */
            rs[nr++] = tracuu_query_copy(pos[i]);
        tracuu_query_t *rq = tracuu_query_combine(TRACUU_OP_AND, rs, nr, 0);
        if (nn) {
            tracuu_query_t *subs[MAX_NODES + 1];
            subs[0] = rq;
            for (size_t i = 0; i < nn; i++)
                subs[1 + i] = tracuu_query_copy(neg[i]);
            rq = tracuu_query_combine(TRACUU_OP_AND_NOT, subs, nn + 1, 0);
        }
        tracuu_query_free(p->out->partial.q);
        p->out->partial.q = rq;
    } else {
        tracuu_query_free(relaxed);
    }
    tracuu_query_t *pq = np == 1 ? pos[0] : tracuu_query_combine(TRACUU_OP_AND, pos, np, 0);
    if (nn > 0) {
        tracuu_query_t *subs[MAX_NODES + 1];
        subs[0] = pq;
        memcpy(subs + 1, neg, nn * sizeof *neg);
        pq = tracuu_query_combine(TRACUU_OP_AND_NOT, subs, nn + 1, 0);
    }
    pq = with_run_boosts(pq, ph_late, ex_late, near_late, nest && np == 1);
    r.q = pq;
    return r;
}

static tracuu_query_t *positive(node_t n)
{
    if (!n.neg || !n.q)
        return n.q;
    tracuu_query_t *subs[2] = {tracuu_query_match_all(), n.q};
    return tracuu_query_combine(TRACUU_OP_AND_NOT, subs, 2, 0);
}

static node_t parse_or(parser_t *p)
{
    node_t left = parse_and(p);
    if (p->err)
        return left;
    if (peek(p)->kind != L_OR)
        return left;
    tracuu_query_t *alts[MAX_NODES];
    size_t na = 0;
    if (p->depth == 0)
        tu_partial_clear(&p->out->partial);  /* OR: every branch as typed */
    alts[na++] = positive(left);
    while (!p->err && peek(p)->kind == L_OR) {
        size_t at = peek(p)->at;
        next(p);
        if (!starts_term(peek(p)->kind)) {
            fail(p, at, "OR needs a term before and after it");
            break;
        }
        int in_or = p->in_or;
        p->in_or = 1;
        node_t right = parse_and(p);
        p->in_or = in_or;
        if (na < MAX_NODES)
            alts[na++] = positive(right);
        else
            tracuu_query_free(positive(right));
    }
    p->out->only_words = 0;
    node_t r = {NULL, 0};
    if (p->err) {
        for (size_t i = 0; i < na; i++)
            tracuu_query_free(alts[i]);
        return r;
    }
    r.q = tracuu_query_combine(TRACUU_OP_OR, alts, na, 0);
    return r;
}

static tracuu_status_t parse_query(tracuu_db_t *db, const char *text,
                                   int whole, tu_parsed_t *out, char **errmsg)
{
    memset(out, 0, sizeof *out);
    if (errmsg)
        *errmsg = NULL;
    size_t raw = text ? strlen(text) : 0;
    if (raw > TRACUU_MAX_QUERY_BYTES) {
        if (errmsg)
            *errmsg = strdup("query too long (over 2048 bytes)");
        return TRACUU_ERR_QUERY;
    }
    if (raw && !tracuu_utf8_valid(text, raw)) {
        if (errmsg)
            *errmsg = strdup("query is not valid UTF-8");
        return TRACUU_ERR_QUERY;
    }
    char *nfc = NULL;
    size_t len = 0;
    if (tracuu_norm_text(text ? text : "", raw, &nfc, &len, NULL) != TRACUU_OK)
        return TRACUU_ERR_NOMEM;
    char *paste = NULL;
    if (tu_partial_paste(nfc, &paste) > 0) {
        free(nfc);
        nfc = paste;
        len = strlen(nfc);
        out->partial.pasted = 1;
    }
    parser_t p = {.db = db, .text = nfc, .len = len, .out = out, .whole = whole};
    out->only_words = 1;
    node_t n = parse_or(&p);
    if (!p.err && peek(&p)->kind != L_END)
        fail(&p, peek(&p)->at, peek(&p)->kind == L_RPAREN
                                   ? "unbalanced parenthesis: ) without ("
                                   : "unexpected text");
    tracuu_status_t rc = TRACUU_OK;
    if (p.saw_and)
        tu_partial_clear(&out->partial);
    if (p.err) {
        tracuu_query_free(n.q);
        if (errmsg)
            *errmsg = p.err;
        else
            free(p.err);
        tu_parsed_clear(out);
        rc = TRACUU_ERR_QUERY;
    } else {
        out->q = positive(n);
        size_t sp = strspn(nfc, " \t\r\n\f\v");
        if (!out->q && nfc[sp]) {  /* only punctuation: say so, not "all" */
            if (errmsg)
                *errmsg = strdup("the query has no word or number to search for");
            tu_parsed_clear(out);
            rc = TRACUU_ERR_QUERY;
        }
    }
    free(nfc);
    return rc;
}

tracuu_status_t tu_query_parse(tracuu_db_t *db, const char *text,
                               tu_parsed_t *out, char **errmsg)
{
    return parse_query(db, text, 0, out, errmsg);
}

tracuu_status_t tu_query_parse_whole(tracuu_db_t *db, const char *text,
                                     tu_parsed_t *out, char **errmsg)
{
    return parse_query(db, text, 1, out, errmsg);
}

void tu_parsed_clear(tu_parsed_t *p)
{
    tracuu_query_free(p->q);
    tu_partial_clear(&p->partial);
    for (size_t i = 0; i < p->n_hl; i++)
        free(p->hl[i]);
    free(p->hl);
    for (size_t i = 0; i < p->n_words; i++)
        free(p->words[i]);
    free(p->words);
    memset(p, 0, sizeof *p);
}
