/* Ranked partial matching: see tu_partial.h. */
#include <stdlib.h>
#include <string.h>
#include "search/tu_partial.h"
#include "search/tu_numquery.h"
#include "tracuu/normalize.h"
#include "tracuu/tokenize.h"

#define MAX_ITEMS 256
#define PASTE_MAX_WORDS 200

/* ----------------------------------------------------------- fillers */

typedef struct {
    const char *s;
    size_t n;
    int count;
} one_tok_t;

static int one_cb(const tracuu_token_t *t, void *ctx)
{
    one_tok_t *o = ctx;
    if (t->flags & TRACUU_TOK_PART)
        return 0;
    if (o->count++ == 0) {
        o->s = t->s;
        o->n = t->len;
    }
    return 0;
}

/* The word W as a single token (punctuation around it cut), else 0. */
static int single_token(const char *w, size_t n, const char **s, size_t *len)
{
    one_tok_t o = {NULL, 0, 0};
    tracuu_tokenize(w, n, 0, one_cb, &o);
    if (o.count != 1)
        return 0;
    *s = o.s;
    *len = o.n;
    return 1;
}

/* One word's keys for comparing with the list: exact form if typed with
 * marks, else folded; empty if it is not a single token. */
typedef struct {
    char key[96];
    int marks;
} wkey_t;

static void word_key(const char *w, size_t n, wkey_t *k)
{
    const char *ts;
    size_t tl;
    int l = -1;
    k->key[0] = '\0';
    k->marks = 0;
    if (!single_token(w, n, &ts, &tl))
        return;
    k->marks = tracuu_has_marks(ts, tl);
    l = k->marks ? tracuu_norm_exact(ts, tl, k->key, sizeof k->key)
                 : tracuu_norm_fold(ts, tl, k->key, sizeof k->key);
    if (l <= 0)
        k->key[0] = '\0';
}

/* Does syllable E[0..EN) of an entry match the word key K? */
static int syllable_is(const wkey_t *k, const char *e, size_t en, int folded_too)
{
    char b[96];
    int lb;
    if (!k->key[0] || (!k->marks && !folded_too))
        return 0;
    lb = k->marks ? tracuu_norm_exact(e, en, b, sizeof b)
                  : tracuu_norm_fold(e, en, b, sizeof b);
    return lb > 0 && strlen(k->key) == (size_t)lb && memcmp(k->key, b, (size_t)lb) == 0;
}

static int filler_keys(const wkey_t *k, size_t n, size_t *len)
{
    size_t best = 0;
    for (size_t f = 0; f < tu_filler_table_n; f++) {
        const tu_filler_entry_t *e = &tu_filler_table[f];
        const char *p = e->words;
        size_t i = 0;
        int ok = 1;
        while (*p && ok) {
            const char *sp = strchr(p, ' ');
            size_t pl = sp ? (size_t)(sp - p) : strlen(p);
            ok = i < n && syllable_is(&k[i], p, pl, e->folded_too);
            i++;
            p = sp ? sp + 1 : p + pl;
        }
        if (ok && i > best)
            best = i;
    }
    *len = best;
    return best > 0;
}

int tu_filler_at(const char *const *w, const size_t *wn, size_t n, size_t *len)
{
    wkey_t k[4];
    size_t m = n < 4 ? n : 4;     /* entries have at most 3 syllables */
    for (size_t i = 0; i < m; i++)
        word_key(w[i], wn[i], &k[i]);
    return filler_keys(k, m, len);
}

typedef struct {
    tracuu_db_t *db;
    uint32_t min;
    int any;
} freq_ctx_t;

static int freq_cb(const tracuu_token_t *t, void *ctx)
{
    freq_ctx_t *fc = ctx;
    char key[256];
    if (t->flags & TRACUU_TOK_COMPOUND)
        return 0;      /* its parts count */
    int kl = tracuu_norm_fold(t->s, t->len, key, sizeof key);
    if (kl <= 0)
        return 0;
    uint32_t f = 0;
    if (tracuu_db_termfreq(fc->db, key, &f) != TRACUU_OK)
        f = 1;         /* unknown: treat as present */
    if (!fc->any || f < fc->min)
        fc->min = f;
    fc->any = 1;
    return 0;
}

void tu_partial_mark(tracuu_db_t *db, tu_item_t *it, size_t n)
{
    wkey_t k[MAX_ITEMS];
    if (n > MAX_ITEMS)
        n = MAX_ITEMS;
    for (size_t i = 0; i < n; i++) {
        word_key(it[i].s, it[i].n, &k[i]);
        it[i].filler = 0;
        freq_ctx_t fc = {db, 0, 0};
        if (db)
            tracuu_tokenize(it[i].s, it[i].n, 0, freq_cb, &fc);
        it[i].freq = !db ? 1 : fc.any ? fc.min : 0;
        if (it[i].syn && it[i].freq == 0)
            it[i].freq = 1;
    }
    size_t content = n;
    for (size_t i = 0; i < n;) {
        size_t len = 0;
        if (!it[i].forced && !it[i].syn &&
            filler_keys(k + i, n - i < 4 ? n - i : 4, &len)) {
            size_t k;
            for (k = 0; k < len && !it[i + k].forced && !it[i + k].syn; k++)
                ;
            if (k == len) {
                for (k = 0; k < len; k++)
                    it[i + k].filler = 1;
                content -= len;
                i += len;
                continue;
            }
        }
        i++;
    }
    if (content < 2)           /* "không gian", "là gì": words, not fillers */
        for (size_t i = 0; i < n; i++)
            it[i].filler = 0;
}

/* ------------------------------------------------------------ queries */

tracuu_query_t *tu_partial_strict(tu_item_t *it, size_t n,
                                  tracuu_query_t *phrase)
{
    tracuu_query_t *req[MAX_ITEMS], *opt[MAX_ITEMS + 1];
    size_t nr = 0, no = 0;
    for (size_t i = 0; i < n && i < MAX_ITEMS; i++) {
        if (it[i].filler)
            opt[no++] = it[i].q;
        else
            req[nr++] = it[i].q;
        it[i].q = NULL;
        tracuu_query_free(it[i].pair);
        it[i].pair = NULL;
    }
    tracuu_query_t *all = tracuu_query_combine(TRACUU_OP_AND, req, nr, 0);
    if (phrase)
        opt[no++] = phrase;
    if (no == 0)
        return all;
    tracuu_query_t *subs[MAX_ITEMS + 2];
    subs[0] = all;
    memcpy(subs + 1, opt, no * sizeof *opt);
    return tracuu_query_combine(TRACUU_OP_AND_MAYBE, subs, no + 1, 0);
}

static tracuu_query_t *cp(const tu_item_t *x)
{
    return tracuu_query_copy(x->q);
}

/* NEAR over the one-word items ORDER[0..N) (their folded words): the
 * documents where they all stand within a few words of each other. */
static tracuu_query_t *near_all(const tu_item_t *it, const size_t *order,
                                size_t n)
{
    tracuu_query_t *t[16];
    size_t nt = 0;
    for (size_t k = 0; k < n && nt < 16; k++) {
        const char *ts;
        size_t tl;
        char key[256];
        const tu_item_t *x = &it[order[k]];
        if (x->syn || !single_token(x->s, x->n, &ts, &tl))
            continue;
        int kl = tracuu_norm_fold(ts, tl, key, sizeof key);
        if (kl > 0)
            t[nt++] = tracuu_query_term(key, (size_t)kl, 1);
    }
    if (nt < 3) {
        for (size_t k = 0; k < nt; k++)
            tracuu_query_free(t[k]);
        return NULL;
    }
    return tracuu_query_combine(TRACUU_OP_NEAR, t, nt, (uint32_t)(3 * nt));
}

tracuu_query_t *tu_partial_relax(tu_item_t *it, size_t n, tu_partial_t *pp)
{
    size_t content = 0, ni = n < MAX_ITEMS ? n : MAX_ITEMS;
    int all_present = 1;
    for (size_t i = 0; i < ni; i++)
        if (!it[i].filler) {
            content++;
            if (it[i].freq == 0 && !it[i].forced)
                all_present = 0;
        }
    pp->mode = pp->pasted || content >= TU_PARTIAL_LONG ? TU_PARTIAL_LONGQ
               : content >= 2 ? TU_PARTIAL_SHORT : TU_PARTIAL_NONE;
    pp->min_strict = content >= 4 ? 3 : 1;
    /* matchable free items, rarest first (insertion sort: stable) */
    size_t order[MAX_ITEMS], nm = 0;
    for (size_t i = 0; i < ni; i++) {
        if (it[i].filler || it[i].forced || it[i].freq == 0)
            continue;
        size_t j = nm++;
        while (j > 0 && it[order[j - 1]].freq > it[i].freq) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    tracuu_query_t *core[MAX_ITEMS + 2], *maybe[3 * MAX_ITEMS + 2];
    size_t nc = 0, nb = 0;
    if (pp->mode != TU_PARTIAL_NONE && nm > 0) {
        for (size_t i = 0; i < ni; i++)
            if (!it[i].filler && it[i].forced)
                core[nc++] = cp(&it[i]);
        size_t elite;
        if (pp->mode == TU_PARTIAL_SHORT) {
            /* every word but one, never the rarest */
            core[nc++] = cp(&it[order[0]]);
            size_t nr = nm - 1;
            if (nr >= 2) {
                tracuu_query_t *alts[MAX_ITEMS];
                for (size_t d = 0; d < nr; d++) {
                    tracuu_query_t *conj[MAX_ITEMS];
                    size_t na = 0;
                    for (size_t k = 0; k < nr; k++)
                        if (k != d)
                            conj[na++] = cp(&it[order[1 + k]]);
                    alts[d] = tracuu_query_combine(TRACUU_OP_AND, conj, na, 0);
                }
                core[nc++] = tracuu_query_combine(TRACUU_OP_OR, alts, nr, 0);
            }
            elite = 1;
        } else {
            /* at least one of the rarest words; the rest add weight */
            elite = nm < TU_PARTIAL_ELITE ? nm : TU_PARTIAL_ELITE;
            tracuu_query_t *any[TU_PARTIAL_ELITE];
            for (size_t k = 0; k < elite; k++)
                any[k] = cp(&it[order[k]]);
            core[nc++] = tracuu_query_combine(TRACUU_OP_OR, any, elite, 0);
        }
        /* documents holding every word: a tier above the rest */
        if (all_present) {
            tracuu_query_t *conj[MAX_ITEMS];
            size_t na = 0;
            for (size_t i = 0; i < ni; i++)
                if (!it[i].filler)
                    conj[na++] = cp(&it[i]);
            tracuu_query_t *pair[2] = {tracuu_query_const(TU_TIER),
                                       tracuu_query_combine(TRACUU_OP_AND, conj, na, 0)};
            maybe[nb++] = tracuu_query_combine(TRACUU_OP_FILTER, pair, 2, 0);
        }
        /* the other words add weight: the TU_PARTIAL_WEIGH rarest (the
         * commonest words of a long paragraph tell documents apart least
         * and cost most) */
        for (size_t k = 1; k < nm && k < TU_PARTIAL_WEIGH; k++)
            if (k >= elite || pp->mode == TU_PARTIAL_SHORT)
                maybe[nb++] = cp(&it[order[k]]);
        for (size_t i = 0; i < ni; i++)
            if (it[i].filler)
                maybe[nb++] = cp(&it[i]);
    }
    /* a question: its words standing close together count */
    if (nc > 0 && pp->mode == TU_PARTIAL_LONGQ && !pp->pasted && nm >= 3 &&
        nm <= 12)
        maybe[nb++] = near_all(it, order, nm);
    /* adjacent pairs of words found in the archive, rarest first */
    size_t pairs[MAX_ITEMS], np = 0;
    for (size_t i = 0; i + 1 < ni; i++) {
        if (!it[i].pair)
            continue;
        int ok = nc > 0 && !(it[i].filler && it[i + 1].filler) && it[i].freq &&
                 it[i + 1].freq;
        if (!ok) {
            tracuu_query_free(it[i].pair);
            it[i].pair = NULL;
            continue;
        }
        uint64_t cost = (uint64_t)it[i].freq + it[i + 1].freq;
        size_t j = np++;
        while (j > 0 && (uint64_t)it[pairs[j - 1]].freq + it[pairs[j - 1] + 1].freq > cost) {
            pairs[j] = pairs[j - 1];
            j--;
        }
        pairs[j] = i;
    }
    for (size_t k = 0; k < np; k++) {
        tu_item_t *x = &it[pairs[k]];
        /* a question has its nearness boost (near_all): pairs are for
         * short queries and pasted text (where they find the source) */
        if (pp->mode == TU_PARTIAL_SHORT || (pp->pasted && k < TU_PARTIAL_PAIRS))
            maybe[nb++] = x->pair;
        else
            tracuu_query_free(x->pair);
        x->pair = NULL;
    }
    if (nc == 0) {
        for (size_t k = 0; k < nb; k++)
            tracuu_query_free(maybe[k]);
        pp->mode = TU_PARTIAL_NONE;
        return NULL;
    }
    tracuu_query_t *subs[3 * MAX_ITEMS + 3];
    subs[0] = tracuu_query_combine(TRACUU_OP_AND, core, nc, 0);
    memcpy(subs + 1, maybe, nb * sizeof *maybe);
    return tracuu_query_combine(TRACUU_OP_AND_MAYBE, subs, nb + 1, 0);
}

/* ------------------------------------------------------- pasted text */

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int tu_partial_paste(const char *text, char **out)
{
    size_t words = 0, len = strlen(text);
    int nl = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n')
            nl = 1;
        if (!is_ws(text[i]) && (i == 0 || is_ws(text[i - 1])))
            words++;
    }
    *out = NULL;
    if (words < TU_PASTE_WORDS && !(nl && words >= 8))
        return 0;
    char *c = malloc(len + 1);
    if (!c)
        return -1;
    size_t o = 0, w = 0;
    for (size_t i = 0; i < len;) {
        unsigned char ch = (unsigned char)text[i];
        int start = !is_ws(text[i]) && (i == 0 || is_ws(text[i - 1]));
        if (start && ++w > PASTE_MAX_WORDS)
            break;
        if (start) {
            /* AND / OR / NOT as words: plain text (lower case) */
            size_t e = i;
            while (e < len && !is_ws(text[e]))
                e++;
            if ((e - i == 3 && (!memcmp(text + i, "AND", 3) || !memcmp(text + i, "NOT", 3))) ||
                (e - i == 2 && !memcmp(text + i, "OR", 2))) {
                for (size_t k = i; k < e; k++)
                    c[o++] = (char)(text[k] - 'A' + 'a');
                i = e;
                continue;
            }
        }
        if (ch == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D)) {
            c[o++] = ' ';
            i += 3;
            continue;
        }
        if (ch == '"' || ch == '(' || ch == ')' || ch == ':' ||
            (start && (ch == '-' || ch == '+')))
            c[o++] = ' ';
        else
            c[o++] = (char)ch;
        i++;
    }
    c[o] = '\0';
    *out = c;
    return 1;
}

int tu_partial_pick(tracuu_db_t *db, const tu_partial_t *pp,
                    const tracuu_query_t *strict)
{
    if (!pp->q || pp->mode == TU_PARTIAL_NONE)
        return 0;
    if (pp->mode == TU_PARTIAL_LONGQ)
        return 1;
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = pp->min_strict;
    o.sort_slot = -1;
    o.check_at_least = pp->min_strict;
    tracuu_mset_t *m = NULL;
    /* without weights Xapian stops after min_strict matches */
    tracuu_query_t *b = tracuu_query_scale(tracuu_query_copy(strict), 0);
    tracuu_status_t rc = b ? tracuu_db_search(db, b, &o, &m) : TRACUU_ERR_NOMEM;
    tracuu_query_free(b);
    if (rc != TRACUU_OK)
        return 0;
    uint32_t total = tracuu_mset_size(m);
    tracuu_mset_free(m);
    return total < pp->min_strict;
}

void tu_partial_clear(tu_partial_t *pp)
{
    tracuu_query_free(pp->q);
    memset(pp, 0, sizeof *pp);
}
