/* Typo tolerance: see tu_spell.h. */
#include <stdlib.h>
#include <string.h>
#include "search/tu_spell.h"
#include "search/tu_telex.h"
#include "tracuu/normalize.h"

#define KEY 64
#define MAX_CAND 10

typedef struct {
    char key[KEY];
    char shown[KEY];
    unsigned edits;
    uint32_t freq;
} cand_t;

typedef struct {
    char key[KEY];
    uint32_t freq;
    int correctable;      /* letters only: a word typed, not a number */
    cand_t c[MAX_CAND];
    size_t nc;
} word_t;

unsigned tu_spell_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > KEY || lb > KEY)
        return 3;
    if ((la > lb ? la - lb : lb - la) > 2)
        return 3;
    unsigned d[KEY + 1][KEY + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            unsigned cost = a[i - 1] != b[j - 1];
            unsigned v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb] > 3 ? 3 : d[la][lb];
}

static uint32_t freq_of(tracuu_db_t *db, const char *key)
{
    uint32_t f = 0;
    if (tracuu_db_termfreq(db, key, &f) != TRACUU_OK)
        return 0;
    return f;
}

static int letters_only(const char *k)
{
    if (!*k)
        return 0;
    for (; *k; k++)
        if (*k < 'a' || *k > 'z')
            return 0;
    return 1;
}

/* Keep the candidate if new; the list holds the most frequent ones. */
static void add_cand(word_t *w, const char *key, const char *shown,
                     unsigned edits, uint32_t freq)
{
    if (strcmp(key, w->key) == 0 || strlen(key) >= KEY || freq == 0)
        return;
    for (size_t i = 0; i < w->nc; i++)
        if (strcmp(w->c[i].key, key) == 0) {
            if (edits < w->c[i].edits)
                w->c[i].edits = edits;
            return;
        }
    size_t at = w->nc;
    if (w->nc == MAX_CAND) {  /* replace the least frequent, if rarer */
        at = 0;
        for (size_t i = 1; i < w->nc; i++)
            if (w->c[i].freq < w->c[at].freq)
                at = i;
        if (w->c[at].freq >= freq)
            return;
    } else {
        w->nc++;
    }
    cand_t *c = &w->c[at];
    if (!shown || strlen(shown) >= sizeof c->shown)
        shown = key;   /* the key fits (checked above) */
    memcpy(c->key, key, strlen(key) + 1);
    memcpy(c->shown, shown, strlen(shown) + 1);
    c->edits = edits;
    c->freq = freq;
}

/* The archive's words one edit (over a-z) away from W's key. */
static void neighbours(tracuu_db_t *db, word_t *w)
{
    const char *k = w->key;
    size_t n = strlen(k);
    char v[KEY + 2];
    if (n < 2 || n + 2 > KEY)
        return;
    for (size_t i = 0; i < n; i++) {          /* deletion */
        memcpy(v, k, i);
        memcpy(v + i, k + i + 1, n - i);
        if (n > 2)
            add_cand(w, v, NULL, 1, freq_of(db, v));
    }
    for (size_t i = 0; i + 1 < n; i++) {      /* swap */
        memcpy(v, k, n + 1);
        v[i] = k[i + 1];
        v[i + 1] = k[i];
        add_cand(w, v, NULL, 1, freq_of(db, v));
    }
    for (size_t i = 0; i < n; i++) {          /* substitution */
        memcpy(v, k, n + 1);
        for (char c = 'a'; c <= 'z'; c++) {
            if (c == k[i])
                continue;
            v[i] = c;
            add_cand(w, v, NULL, 1, freq_of(db, v));
        }
    }
    for (size_t i = 0; i <= n; i++) {         /* insertion */
        memcpy(v, k, i);
        memcpy(v + i + 1, k + i, n - i + 1);
        for (char c = 'a'; c <= 'z'; c++) {
            v[i] = c;
            add_cand(w, v, NULL, 1, freq_of(db, v));
        }
    }
}

/* How many documents the query of KEYS finds (counted up to 200): all of
 * them (PHRASE 0) or all in a row (PHRASE 1). */
static uint32_t finds(tracuu_db_t *db, char keys[][KEY], size_t n, int phrase)
{
    tracuu_query_t *t[TU_SPELL_MAX_WORDS];
    for (size_t i = 0; i < n; i++)
        t[i] = tracuu_query_term(keys[i], strlen(keys[i]), 1);
    tracuu_query_t *q = n == 1 ? t[0]
        : tracuu_query_combine(phrase ? TRACUU_OP_PHRASE : TRACUU_OP_AND, t, n, 0);
    if (!q)
        return 0;
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 1;
    o.sort_slot = -1;
    o.check_at_least = 200;
    tracuu_mset_t *m = NULL;
    uint32_t found = 0;
    if (tracuu_db_search(db, q, &o, &m) == TRACUU_OK && tracuu_mset_size(m) > 0)
        found = tracuu_mset_total(m);
    tracuu_mset_free(m);
    tracuu_query_free(q);
    return found;
}

typedef struct {
    int found;            /* 2: in a row, 1: anywhere, 0: not */
    unsigned edits;
    uint32_t docs;        /* documents found so */
    uint32_t freq;
} score_t;

static int better(score_t a, score_t b)
{
    if (a.found != b.found)
        return a.found > b.found;
    if (a.edits != b.edits)
        return a.edits < b.edits;
    if (a.docs != b.docs)
        return a.docs > b.docs;
    return a.freq > b.freq;
}

static score_t try_keys(tracuu_db_t *db, char keys[][KEY], size_t n,
                        unsigned edits, uint32_t freq)
{
    score_t s = {0, edits, 0, freq};
    uint32_t any = finds(db, keys, n, 0), row = any && n > 1 ? finds(db, keys, n, 1) : 0;
    if (row) {
        s.found = 2;
        s.docs = row;
    } else if (any) {
        s.found = 1;
        s.docs = any;
    }
    return s;
}

static int set_out(tu_spell_t *out, size_t i, const cand_t *c)
{
    out->fold[i] = strdup(c->key);
    out->shown[i] = strdup(c->shown);
    return out->fold[i] && out->shown[i] ? 0 : -1;
}

int tu_spell_correct(tracuu_db_t *db, char *const *words, size_t n,
                     tu_spell_t *out)
{
    memset(out, 0, sizeof *out);
    if (!db || n == 0 || n > TU_SPELL_MAX_WORDS)
        return 1;
    word_t *w = calloc(n, sizeof *w);
    if (!w)
        return -1;
    size_t unknown = 0;
    for (size_t i = 0; i < n; i++) {
        int kl = tracuu_norm_fold(words[i], strlen(words[i]), w[i].key, KEY);
        if (kl <= 0)
            w[i].key[0] = '\0';
        w[i].freq = kl > 0 ? freq_of(db, w[i].key) : 0;
        /* Telex / VNI keystrokes ("vaajn", "va65n") read back */
        char conv[KEY], ck[KEY];
        int cl = kl > 0 && w[i].freq == 0
            ? tu_telex_word(words[i], strlen(words[i]), conv, sizeof conv) : 0;
        w[i].correctable = kl > 0 && (letters_only(w[i].key) || cl > 0);
        if (!w[i].correctable)
            continue;
        unknown += w[i].freq == 0;
        if (cl > 0 && tracuu_norm_fold(conv, (size_t)cl, ck, sizeof ck) > 0)
            add_cand(&w[i], ck, conv, 0, freq_of(db, ck));
        if (!letters_only(w[i].key))
            continue;  /* VNI digits: only the reading */
        if (w[i].freq == 0) {
            char *sug = NULL;
            if (tracuu_db_spelling(db, w[i].key, 2, &sug) == TRACUU_OK && sug) {
                if (strlen(sug) < KEY)
                    add_cand(&w[i], sug, NULL, tu_spell_distance(w[i].key, sug),
                             freq_of(db, sug));
                free(sug);
            }
        }
        neighbours(db, &w[i]);
    }
    /* one word at a time, the others as typed */
    char keys[TU_SPELL_MAX_WORDS][KEY];
    for (size_t i = 0; i < n; i++)
        memcpy(keys[i], w[i].key, strlen(w[i].key) + 1);
    score_t best = {0, 99, 0, 0};
    size_t bi = 0, bc = 0;
    for (size_t i = 0; i < n; i++) {
        /* with a word the archive lacks, only that word can be it */
        if (!w[i].correctable || (unknown && w[i].freq > 0))
            continue;
        for (size_t c = 0; c < w[i].nc; c++) {
            memcpy(keys[i], w[i].c[c].key, strlen(w[i].c[c].key) + 1);
            score_t s = try_keys(db, keys, n, w[i].c[c].edits, w[i].c[c].freq);
            if (s.found && better(s, best)) {
                best = s;
                bi = i;
                bc = c;
            }
        }
        memcpy(keys[i], w[i].key, strlen(w[i].key) + 1);
    }
    int rc = 1;
    out->n = n;
    if (best.found) {
        rc = set_out(out, bi, &w[bi].c[bc]);
    } else if (unknown > 1) {
        /* several unknown words: each its best candidate */
        size_t pick[TU_SPELL_MAX_WORDS] = {0};
        int all = 1;
        for (size_t i = 0; i < n && all; i++) {
            if (!w[i].correctable || w[i].freq > 0)
                continue;
            if (w[i].nc == 0) {
                all = 0;
                break;
            }
            for (size_t c = 1; c < w[i].nc; c++) {
                score_t a = {0, w[i].c[c].edits, 0, w[i].c[c].freq};
                score_t b = {0, w[i].c[pick[i]].edits, 0, w[i].c[pick[i]].freq};
                if (better(a, b))
                    pick[i] = c;
            }
            memcpy(keys[i], w[i].c[pick[i]].key, strlen(w[i].c[pick[i]].key) + 1);
        }
        if (all && finds(db, keys, n, 0)) {
            rc = 0;
            for (size_t i = 0; i < n && rc == 0; i++)
                if (w[i].correctable && w[i].freq == 0)
                    rc = set_out(out, i, &w[i].c[pick[i]]);
        }
    }
    free(w);
    if (rc != 0)
        tu_spell_clear(out);
    return rc;
}

void tu_spell_clear(tu_spell_t *s)
{
    for (size_t i = 0; i < TU_SPELL_MAX_WORDS; i++) {
        free(s->fold[i]);
        free(s->shown[i]);
    }
    memset(s, 0, sizeof *s);
}
