/* Diacritics restoration for unaccented queries: see tu_suggest.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "search/tu_suggest.h"
#include "base/tu_buf.h"
#include "tracuu/normalize.h"
#include "tracuu/tokenize.h"
#include "text/tu_unicode.h"

#define MAX_WORDS 8
#define MAX_FORMS 64
#define KEY 256

typedef struct {
    char *form;
    unsigned count;
} form_t;

typedef struct {
    form_t f[MAX_FORMS];
    size_t n;
} forms_t;

struct tu_suggest {
    char fold[MAX_WORDS][KEY];
    size_t n;
    forms_t phrase;               /* exact forms of the whole run */
    forms_t word[MAX_WORDS];      /* exact forms of each word */
    /* the last n tokens seen: exact keys and positions (ring) */
    char ring_exact[MAX_WORDS][KEY];
    int ring_match[MAX_WORDS];    /* index of the query word it folds to, -1 */
    unsigned ring_pos[MAX_WORDS];
    size_t seen;
    unsigned char first[256];     /* first bytes of the words' folds */
};

static void count(forms_t *fs, const char *form)
{
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->f[i].form, form) == 0) {
            fs->f[i].count++;
            return;
        }
    if (fs->n < MAX_FORMS && (fs->f[fs->n].form = strdup(form))) {
        fs->f[fs->n].count = 1;
        fs->n++;
    }
}

static const char *best(const forms_t *fs)
{
    const form_t *b = NULL;
    for (size_t i = 0; i < fs->n; i++)
        if (!b || fs->f[i].count > b->count)
            b = &fs->f[i];
    return b ? b->form : NULL;
}

tu_suggest_t *tu_suggest_new(const char *const *words, size_t n)
{
    if (n == 0 || n > MAX_WORDS)
        return NULL;
    tu_suggest_t *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        int l = tracuu_norm_fold(words[i], strlen(words[i]), s->fold[i], KEY);
        if (l <= 0) {
            free(s);
            return NULL;
        }
    }
    for (size_t i = 0; i < n; i++)
        s->first[(unsigned char)s->fold[i][0]] = 1;
    s->n = n;
    return s;
}

int tu_suggest_token(const tracuu_token_t *t, void *ctx)
{
    tu_suggest_t *s = ctx;
    if (t->flags & TRACUU_TOK_PART)
        return 0;
    char fold[KEY];
    /* a token no query word starts like is not folded: it only breaks
     * the run */
    int f = tu_uni_fold_first(t->s, t->len);
    int skip = f >= 0 && !s->first[f];
    if (!skip && tracuu_norm_fold(t->s, t->len, fold, sizeof fold) <= 0)
        return 0;
    size_t slot = s->seen % s->n;
    s->ring_match[slot] = -1;
    s->ring_pos[slot] = t->pos;
    s->ring_exact[slot][0] = '\0';
    if (skip) {
        s->seen++;
        return 0;
    }
    for (size_t j = 0; j < s->n; j++)
        if (strcmp(fold, s->fold[j]) == 0) {
            s->ring_match[slot] = (int)j;
            if (tracuu_norm_exact(t->s, t->len, s->ring_exact[slot], KEY) > 0)
                count(&s->word[j], s->ring_exact[slot]);
            break;
        }
    s->seen++;
    if (s->n < 2 || s->seen < s->n)
        return 0;
    /* do the last n tokens spell the query, adjacent? */
    size_t first = s->seen - s->n;
    for (size_t j = 0; j < s->n; j++) {
        size_t sl = (first + j) % s->n;
        if (s->ring_match[sl] != (int)j ||
            (j > 0 && s->ring_pos[sl] != s->ring_pos[(first + j - 1) % s->n] + 1))
            return 0;
    }
    char phrase[MAX_WORDS * KEY];
    size_t pl = 0;
    for (size_t j = 0; j < s->n; j++) {
        size_t sl = (first + j) % s->n, el = strlen(s->ring_exact[sl]);
        if (j)
            phrase[pl++] = ' ';
        memcpy(phrase + pl, s->ring_exact[sl], el);
        pl += el;
    }
    phrase[pl] = '\0';
    count(&s->phrase, phrase);
    return 0;
}

void tu_suggest_begin(tu_suggest_t *s)
{
    if (s)
        s->seen = 0;
}


/* Words no matching document showed: the accented form the whole archive
 * uses most, from the exact-form terms (XA), weighted by their counts. */
typedef struct {
    tu_suggest_t *s;
    uint32_t best[MAX_WORDS];
} vocab_t;

static int vocab_cb(const char *term, size_t len, uint32_t df, uint32_t cf,
                    void *ctx)
{
    (void)df;
    vocab_t *v = ctx;
    char fold[KEY];
    int l = tracuu_norm_fold(term + 2, len - 2, fold, sizeof fold);
    if (l <= 0)
        return 0;
    for (size_t j = 0; j < v->s->n; j++) {
        if (v->s->word[j].n && v->best[j] == 0)
            continue;  /* seen in the matching documents: keep that */
        if (strcmp(fold, v->s->fold[j]) == 0 && cf > v->best[j]) {
            forms_t *fs = &v->s->word[j];
            for (size_t i = 0; i < fs->n; i++)
                free(fs->f[i].form);
            fs->n = 0;
            count(fs, term + 2);
            v->best[j] = cf;
        }
    }
    return 0;
}

char *tu_suggest_result(tu_suggest_t *s, tracuu_db_t *db)
{
    if (!s)
        return NULL;
    const char *ph = s->n > 1 ? best(&s->phrase) : NULL;
    if (!ph && db) {
        int missing = 0;
        for (size_t j = 0; j < s->n; j++)  /* "ubnd", "25" never take marks */
            missing |= s->word[j].n == 0 &&
                       tracuu_is_vn_syllable(s->fold[j], strlen(s->fold[j]));
        if (missing) {
            vocab_t v = {.s = s};
            tracuu_db_all_terms(db, "XA", vocab_cb, &v);
        }
    }
    tu_buf_t b;
    tu_buf_init(&b, MAX_WORDS * KEY * 2);
    if (ph) {
        tu_buf_adds(&b, ph);
    } else {
        for (size_t j = 0; j < s->n; j++) {
            const char *w = best(&s->word[j]);
            if (j)
                tu_buf_addc(&b, ' ');
            tu_buf_adds(&b, w ? w : s->fold[j]);
        }
    }
    size_t len = 0;
    char *r = tu_buf_take(&b, &len);
    /* nothing restored: no suggestion */
    if (r && !tracuu_has_marks(r, len)) {
        free(r);
        r = NULL;
    }
    return r;
}

void tu_suggest_free(tu_suggest_t *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->phrase.n; i++)
        free(s->phrase.f[i].form);
    for (size_t j = 0; j < MAX_WORDS; j++)
        for (size_t i = 0; i < s->word[j].n; i++)
            free(s->word[j].f[i].form);
    free(s);
}
